"""One way to run the command line as a user would: ``python main.py …`` in a real process.

The environment is explicit: the caller's changes are applied to a copy of this
process's environment, Qt runs offscreen (unless the caller drops
``QT_QPA_PLATFORM`` to test a headless start), and the user folders (data, cache)
are the test run's own unless the caller names others.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_python(
    *args: str,
    env: Mapping[str, str] | None = None,
    drop: tuple[str, ...] = (),
    cwd: Path = ROOT,
    timeout: float = 120,
) -> subprocess.CompletedProcess[str]:
    """Runs this Python with ``args``; ``env`` overrides variables, ``drop`` removes them."""
    environment = {key: value for key, value in os.environ.items() if key not in drop}
    if "QT_QPA_PLATFORM" not in drop:
        environment["QT_QPA_PLATFORM"] = "offscreen"
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        env=environment,
    )


def run_cli(
    *args: str,
    env: Mapping[str, str] | None = None,
    drop: tuple[str, ...] = (),
    cwd: Path = ROOT,
    timeout: float = 120,
) -> subprocess.CompletedProcess[str]:
    """Runs ``main.py`` with ``args`` (see :func:`run_python`)."""
    return run_python(str(ROOT / "main.py"), *args, env=env, drop=drop, cwd=cwd, timeout=timeout)


def modules_after_main(
    args: Sequence[str], prefixes: tuple[str, ...], env: Mapping[str, str] | None = None
) -> tuple[int, list[str]]:
    """Runs ``explorer.cli.main(args)`` in a fresh interpreter (nothing imported by other tests):
    its exit status and the modules it loaded whose names start with one of ``prefixes``."""
    probe = (
        "import json, sys; from explorer.cli import main; "
        "status = main(json.loads(sys.argv[1])); prefixes = tuple(json.loads(sys.argv[2])); "
        "print(json.dumps([status, sorted(m for m in sys.modules if m.startswith(prefixes))]))"
    )
    completed = run_python("-c", probe, json.dumps(list(args)), json.dumps(list(prefixes)), env=env)
    assert completed.returncode == 0, completed.stderr
    status, modules = json.loads(completed.stdout.strip().splitlines()[-1])
    return status, modules
