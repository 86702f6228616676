"""The per-user folders: platformdirs is asked only for a folder no override names."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.cli_process import ROOT

PROBE = (
    "import sys; from explorer import userdirs; "
    "print(userdirs.user_cache_dir(), userdirs.user_models_dir(), 'platformdirs' in sys.modules)"
)


def _probe(**overrides: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ARCH_EXPLORER_")} | overrides
    completed = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    return completed.stdout.strip()


def test_overridden_folders_do_not_import_platformdirs(tmp_path: Path) -> None:
    cache, data = tmp_path / "cache", tmp_path / "data"
    out = _probe(ARCH_EXPLORER_CACHE_DIR=str(cache), ARCH_EXPLORER_DATA_DIR=str(data))
    assert out == f"{cache} {data / 'architectures'} False"


def test_without_overrides_the_platform_folders_are_used(tmp_path: Path) -> None:
    assert _probe(XDG_CACHE_HOME=str(tmp_path / "xdg")).endswith(" True")
