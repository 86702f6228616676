"""Running measured processes: an isolated environment, a timeout, one JSON line back."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


@dataclass
class Outcome:
    """What a measured process printed (its last JSON line), how it ended and how long it took."""

    data: dict[str, Any] | None
    status: str
    """``ok``, ``failed`` (non-zero exit or no JSON), ``crashed`` (killed by a signal) or ``timeout``."""
    seconds: float
    """Wall-clock time of the whole process, as the launcher saw it."""
    detail: str = ""

    def process_ms(self) -> float:
        """The process's wall-clock milliseconds, less any set-up it reports as ``setup_seconds``."""
        setup = float(self.data.get("setup_seconds", 0.0)) if self.data else 0.0
        return (self.seconds - setup) * 1000


def isolated_env(folder: Path, **extra: str) -> dict[str, str]:
    """The environment of a measured process: offscreen Qt, and caches, data and settings in ``folder``.

    Nothing of the user's is read (their last architecture, window size or layout
    cache would change what is measured) or written.
    """
    env = dict(os.environ)
    # Measure what a user runs: an installed app has its bytecode compiled (both sides alike).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        QT_LOGGING_RULES="qt.qpa.*=false",
        ARCH_EXPLORER_CACHE_DIR=str(folder / "cache"),
        ARCH_EXPLORER_DATA_DIR=str(folder / "data"),
        XDG_CONFIG_HOME=str(folder / "config"),
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")])),
    )
    env.update(extra)
    return env


def run(args: list[str], env: dict[str, str], timeout: float, *, expect_json: bool = True) -> Outcome:
    """Runs ``args`` from the repository root; the last stdout line that is a JSON object is the result.

    Without ``expect_json`` the exit status alone says whether it worked.
    """
    started = time.perf_counter()
    # A session of its own, so a timeout stops its children too (``dot`` under ``diagrams``).
    process = subprocess.Popen(
        args, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True
    )
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        return Outcome(None, "timeout", time.perf_counter() - started, f"> {timeout:g} s")
    seconds = time.perf_counter() - started
    data = _last_json(stdout.decode("utf-8", "replace"))
    if process.returncode < 0:
        return Outcome(data, "crashed", seconds, f"signal {-process.returncode}")
    if process.returncode != 0 or (data is None and expect_json):
        said = str(data["error"]) if data and "error" in data else _last_line(stderr)
        return Outcome(data, "failed", seconds, said)
    if data is not None and "error" in data:
        return Outcome(data, "failed", seconds, str(data["error"]))
    return Outcome(data, "ok", seconds)


def run_python(
    module_args: list[str], env: dict[str, str], timeout: float, *, expect_json: bool = True
) -> Outcome:
    return run([PYTHON, *module_args], env, timeout, expect_json=expect_json)


def launch_env(env: dict[str, str]) -> dict[str, str]:
    """``env`` stamped with the launch time, taken as late as possible before the process starts."""
    return {**env, "ARCH_EXPLORER_LAUNCH_TIME": repr(time.time())}


def _last_json(text: str) -> dict[str, Any] | None:
    for line in reversed(text.splitlines()):
        line = line.strip()
        if line.startswith("{"):
            try:
                value = json.loads(line)
            except ValueError:
                continue
            if isinstance(value, dict):
                return value
    return None


def _last_line(stderr: bytes) -> str:
    lines = [line for line in stderr.decode("utf-8", "replace").splitlines() if line.strip()]
    errors = [line for line in lines if not line.startswith("Warning")]
    return (errors or lines or [""])[-1][:200]
