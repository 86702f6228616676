"""The per-user folders: the Linux XDG folders as platformdirs gives them, without importing it."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs
import pytest

from explorer import userdirs
from tests.cli_process import run_python

PROBE = (
    "import sys; from explorer import userdirs; "
    "print(userdirs.user_cache_dir(), userdirs.user_models_dir(), 'platformdirs' in sys.modules)"
)
VARIABLES = ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME")
linux = pytest.mark.skipif(sys.platform != "linux", reason="the XDG folders are read here on Linux only")


def _probe(**overrides: str) -> str:
    ours = tuple(name for name in os.environ if name.startswith("ARCH_EXPLORER_"))
    completed = run_python("-c", PROBE, env=overrides, drop=ours, timeout=60)
    assert completed.returncode == 0, completed.stderr
    return completed.stdout.strip()


def test_overridden_folders_do_not_import_platformdirs(tmp_path: Path) -> None:
    cache, data = tmp_path / "cache", tmp_path / "data"
    out = _probe(ARCH_EXPLORER_CACHE_DIR=str(cache), ARCH_EXPLORER_DATA_DIR=str(data))
    assert out == f"{cache} {data / 'architectures'} False"


@linux
def test_the_xdg_folders_are_read_without_platformdirs(tmp_path: Path) -> None:
    out = _probe(XDG_CACHE_HOME=str(tmp_path / "xdg"))
    assert out.startswith(f"{tmp_path / 'xdg' / userdirs.APP_NAME} ")
    assert out.endswith(" False")


def _ours_and_platformdirs() -> list[tuple[Path, Path]]:
    app = {"appname": userdirs.APP_NAME, "appauthor": False}
    return [
        (userdirs.user_data_dir(), Path(platformdirs.user_data_dir(**app))),
        (userdirs.user_cache_dir(), Path(platformdirs.user_cache_dir(**app))),
        (userdirs.user_state_dir(), Path(platformdirs.user_state_dir(**app))),
    ]


@linux
@pytest.mark.parametrize("xdg", ["", "/srv/xdg", "/srv/xdg/", "relative/xdg", " /srv/padded"])
@pytest.mark.parametrize("home", ["/home/someone", "/home/someone/", "/", None, "relative"])
def test_the_linux_folders_are_those_platformdirs_gives(
    monkeypatch: pytest.MonkeyPatch, xdg: str, home: str | None
) -> None:
    for name in ("ARCH_EXPLORER_DATA_DIR", "ARCH_EXPLORER_CACHE_DIR", "ARCH_EXPLORER_STATE_DIR"):
        monkeypatch.delenv(name, raising=False)
    for name in VARIABLES:
        monkeypatch.setenv(name, xdg)
    if home is None:
        monkeypatch.delenv("HOME", raising=False)
    else:
        monkeypatch.setenv("HOME", home)
    for ours, theirs in _ours_and_platformdirs():
        assert ours == theirs
