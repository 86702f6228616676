"""The per-user folders: platformdirs is asked only for a folder no override names."""

from __future__ import annotations

import os
from pathlib import Path

from tests.cli_process import run_python

PROBE = (
    "import sys; from explorer import userdirs; "
    "print(userdirs.user_cache_dir(), userdirs.user_models_dir(), 'platformdirs' in sys.modules)"
)


def _probe(**overrides: str) -> str:
    ours = tuple(name for name in os.environ if name.startswith("ARCH_EXPLORER_"))
    completed = run_python("-c", PROBE, env=overrides, drop=ours, timeout=60)
    assert completed.returncode == 0, completed.stderr
    return completed.stdout.strip()


def test_overridden_folders_do_not_import_platformdirs(tmp_path: Path) -> None:
    cache, data = tmp_path / "cache", tmp_path / "data"
    out = _probe(ARCH_EXPLORER_CACHE_DIR=str(cache), ARCH_EXPLORER_DATA_DIR=str(data))
    assert out == f"{cache} {data / 'architectures'} False"


def test_without_overrides_the_platform_folders_are_used(tmp_path: Path) -> None:
    assert _probe(XDG_CACHE_HOME=str(tmp_path / "xdg")).endswith(" True")
