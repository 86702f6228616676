"""Layouts of the built-in architectures made when the app is built, for a first start.

A first start has an empty layout cache, and its first diagram would wait for
Graphviz (and the ``diagrams`` package that writes its input). The build
(``python -m explorer.prebuild``) lays every built-in architecture out and ships
the layout cache's own entry files in ``assets/prebuilt/layouts/`` with a
manifest naming the Graphviz and ``diagrams`` versions that made them.

:func:`seed_layouts` copies them into the user's layout cache once per shipped
set, and only when this machine's Graphviz and ``diagrams`` are those versions.
An entry's file name is its cache key, which covers the model, the layout
options and the adapter's source, and the cache checks each entry's key and
digest when it reads it: an entry whose model or options changed is simply
never asked for, and Graphviz lays that model out as before.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import json
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

from explorer.atomic_write import ExportError, write_atomically
from models.paths import ASSETS_DIR

LAYOUTS_DIR = ASSETS_DIR / "prebuilt" / "layouts"
MANIFEST_NAME = "manifest.json"
LAYOUT_SUFFIX = ".layout"


def seed_layouts(
    cache_folder: Path | None = None,
    shipped: Path = LAYOUTS_DIR,
    tools: Callable[[], dict[str, Any]] | None = None,
) -> int:
    """Copies the shipped layouts the cache lacks into it; how many were copied.

    Done once per shipped set (a marker file in the cache remembers it), so a later
    start pays one ``stat``; the version check (``tools``, by default
    :func:`tool_versions`) runs ``dot -V`` only that once.
    """
    try:
        manifest_bytes = (shipped / MANIFEST_NAME).read_bytes()
    except OSError:
        return 0
    if cache_folder is None:
        from explorer.userdirs import user_cache_dir

        cache_folder = user_cache_dir() / "layouts"
    marker = cache_folder / f"prebuilt-{hashlib.sha256(manifest_bytes).hexdigest()[:16]}.seeded"
    if marker.exists():
        return 0
    copied = 0
    try:
        manifest = json.loads(manifest_bytes)
        files = [str(name) for name in manifest["files"]]
        cache_folder.mkdir(parents=True, exist_ok=True)
        if manifest["tools"] == (tools or tool_versions)():
            copied = _copy_missing(shipped, cache_folder, files)
        marker.touch()
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
    """``dot -V``'s answer, or None without a working ``dot``."""
    try:
        done = subprocess.run(["dot", "-V"], capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    answer = (done.stderr or done.stdout).strip()
    return answer if done.returncode == 0 and answer else None


def _copy_missing(shipped: Path, cache_folder: Path, files: list[str]) -> int:
    copied = 0
    for name in files:
        if Path(name).name != name or not name.endswith(LAYOUT_SUFFIX):
            continue  # only plain entry names, never a path out of the folder
        target = cache_folder / name
        if target.exists():
            continue
        with contextlib.suppress(OSError, ExportError):
            write_atomically(target, (shipped / name).read_bytes(), durable=False)
            copied += 1
    return copied
