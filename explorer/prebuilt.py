"""Layouts of the built-in architectures made when the app is built, for a first start.

A first start has an empty layout cache, and its first diagram would wait for
Graphviz (and the ``diagrams`` package that writes its input). The build
(``python -m explorer.prebuild``) lays every built-in architecture out and ships
the layout cache's own entry files in ``assets/prebuilt/layouts/`` with a
manifest naming each one's architecture and the Graphviz and ``diagrams``
versions that made them.

:func:`seed_layouts` copies the first diagram's into the user's layout cache when
the cache lacks it and this machine's Graphviz and ``diagrams`` are those versions
(the other diagrams are laid out by Graphviz when first shown, as ever).
An entry's file name is its cache key, which covers the model, the layout
options and the adapter's source, and the cache checks each entry's key and
digest when it reads it: an entry whose model or options changed is simply
never asked for, and Graphviz lays that model out as before.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import time
from collections.abc import Callable, Collection
from pathlib import Path
from typing import Any, NamedTuple

from explorer.atomic_write import ExportError, write_atomically
from models.paths import ASSETS_DIR

LAYOUTS_DIR = ASSETS_DIR / "prebuilt" / "layouts"
MANIFEST_NAME = "manifest.json"
LAYOUT_SUFFIX = ".layout"


def seed_layouts(
    architecture_ids: Collection[str],
    cache_folder: Path | None = None,
    shipped: Path = LAYOUTS_DIR,
    tools: Callable[[], dict[str, Any]] | None = None,
) -> int:
    """Copies the shipped layouts of ``architecture_ids`` the cache lacks into it; how many were copied.

    A later start finds its layout in the cache and pays one ``stat``: the version
    check (``tools``, by default :func:`tool_versions`, which runs ``dot -V``) runs
    only when there is something to copy.
    """
    try:
        return _seed(architecture_ids, cache_folder, shipped, tools)
    finally:
        if _early_probe is not None:
            graphviz_version()  # an early ``dot -V`` that nothing asked for: no process left behind


def _seed(
    architecture_ids: Collection[str],
    cache_folder: Path | None,
    shipped: Path,
    tools: Callable[[], dict[str, Any]] | None,
) -> int:
    try:
        manifest_bytes = (shipped / MANIFEST_NAME).read_bytes()
    except OSError:
        return 0
    if cache_folder is None:
        from explorer.userdirs import user_cache_dir

        cache_folder = user_cache_dir() / "layouts"
    copied = 0
    try:
        manifest = json.loads(manifest_bytes)
        layouts = manifest["layouts"]
        names = [str(layouts[key]) for key in architecture_ids if key in layouts]
        missing = [name for name in names if _entry_name(name) and not (cache_folder / name).exists()]
        if missing and manifest["tools"] == (tools or tool_versions)():
            cache_folder.mkdir(parents=True, exist_ok=True)
            copied = _copy(shipped, cache_folder, missing)
    except (OSError, ValueError, KeyError, TypeError):
        pass  # a first start without them: Graphviz lays the diagram out, as ever
    return copied


def tool_versions() -> dict[str, Any]:
    """What a layout depends on beyond its key: this machine's Graphviz and ``diagrams`` versions."""
    return {"graphviz": graphviz_version(), "diagrams": diagrams_version()}


def diagrams_version() -> str | None:
    """The installed ``diagrams`` package's version, from its ``dist-info`` folder's name.

    Neither imports ``diagrams`` nor ``importlib.metadata`` (25 ms on a first start).
    """
    spec = importlib.util.find_spec("diagrams")
    if spec is None or spec.origin is None:
        return None
    for info in Path(spec.origin).parent.parent.glob("diagrams-*.dist-info"):
        return info.name.removeprefix("diagrams-").removesuffix(".dist-info")
    return None


def graphviz_version() -> str | None:
    """``dot -V``'s answer, or None without a working ``dot`` (the early run's, if there was one)."""
    global _early_probe
    early, _early_probe = _early_probe, None
    done = (
        _finish(early, VERSION_TIMEOUT)
        if early is not None
        else run_briefly(_VERSION_ARGV, timeout=VERSION_TIMEOUT)
    )
    if done is None:
        return None
    status, answer = done
    return answer if status == 0 and answer else None


VERSION_TIMEOUT = 10.0
_VERSION_ARGV = ["dot", "-V"]
_spawn = getattr(os, "posix_spawnp", None)


class _Running(NamedTuple):
    """A program started with its output (and errors) into a pipe that we read."""

    pid: int
    output: int


_early_probe: _Running | None = None
"""``dot -V`` started by :func:`probe_graphviz_early`, until :func:`graphviz_version` reaps it."""


def probe_graphviz_early(cache_folder: Path | None = None) -> None:
    """On a first start (no layout cache folder yet), starts ``dot -V`` now.

    It runs on the other core while the sources are read and the window made, and
    :func:`seed_layouts` then finds its answer ready instead of waiting ~6 ms for it.
    A later start (the cache folder is there) starts nothing.
    """
    global _early_probe
    if _spawn is None or _early_probe is not None:
        return
    if cache_folder is None:
        from explorer.userdirs import user_cache_dir

        cache_folder = user_cache_dir() / "layouts"
    if not cache_folder.exists():
        _early_probe = _start(_VERSION_ARGV)


def run_briefly(argv: list[str], *, timeout: float) -> tuple[int, str] | None:
    """``argv``'s exit status and what it printed (its output and errors), or None if it could not
    be run or did not end within ``timeout`` seconds (it is then killed).

    Started by ``os.posix_spawnp`` where there is one: a first start asks ``dot -V``, and
    importing ``subprocess`` for it cost 6-8 ms (PySide's import hook reads its source too).
    """
    if _spawn is None:
        return _run_by_subprocess(argv, timeout)
    running = _start(argv)
    return None if running is None else _finish(running, timeout)


def _start(argv: list[str]) -> _Running | None:
    """``argv`` started by ``os.posix_spawnp``, or None if it could not be."""
    assert _spawn is not None
    read_end, write_end = os.pipe()
    try:
        outputs = [(os.POSIX_SPAWN_DUP2, write_end, 1), (os.POSIX_SPAWN_DUP2, write_end, 2)]
        pid = _spawn(argv[0], argv, os.environ, file_actions=outputs)
    except OSError:
        os.close(read_end)
        return None
    finally:
        os.close(write_end)
    return _Running(pid, read_end)


def _finish(running: _Running, timeout: float) -> tuple[int, str] | None:
    """What :func:`run_briefly` returns, for a program :func:`_start` started."""
    import select

    printed = bytearray()
    deadline = time.monotonic() + timeout
    with open(running.output, "rb", buffering=0) as pipe:
        while (left := deadline - time.monotonic()) > 0 and select.select([pipe], [], [], left)[0]:
            if not (chunk := pipe.read(65536)):
                break  # it closed its output: it has ended, or is ending
            printed += chunk
        else:
            import signal

            os.kill(running.pid, signal.SIGKILL)
            os.waitpid(running.pid, 0)
            return None
    _, status = os.waitpid(running.pid, 0)
    return os.waitstatus_to_exitcode(status), printed.decode(errors="replace").strip()


def _run_by_subprocess(argv: list[str], timeout: float) -> tuple[int, str] | None:
    """:func:`run_briefly` where ``os.posix_spawnp`` is missing (Windows)."""
    import subprocess

    try:
        done = subprocess.run(
            argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=timeout, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.returncode, done.stdout.strip()


def _entry_name(name: str) -> bool:
    """Only a plain entry name, never a path out of the folder."""
    return Path(name).name == name and name.endswith(LAYOUT_SUFFIX)


def _copy(shipped: Path, cache_folder: Path, names: list[str]) -> int:
    copied = 0
    for name in names:
        with contextlib.suppress(OSError, ExportError):
            write_atomically(cache_folder / name, (shipped / name).read_bytes(), durable=False)
            copied += 1
    return copied
