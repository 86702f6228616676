"""One way to run the command line as a user would: ``python main.py …`` in a real process.

The environment is explicit: the caller's changes are applied to a copy of this
process's environment, Qt runs offscreen (unless the caller drops
``QT_QPA_PLATFORM`` to test a headless start), and the user folders (data, cache)
are the test run's own unless the caller names others.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_cli(
    *args: str,
    env: Mapping[str, str] | None = None,
    drop: tuple[str, ...] = (),
    cwd: Path = ROOT,
    timeout: float = 120,
) -> subprocess.CompletedProcess[str]:
    """Runs ``main.py`` with ``args``; ``env`` overrides variables, ``drop`` removes them."""
    environment = {key: value for key, value in os.environ.items() if key not in drop}
    if "QT_QPA_PLATFORM" not in drop:
        environment["QT_QPA_PLATFORM"] = "offscreen"
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        env=environment,
    )
