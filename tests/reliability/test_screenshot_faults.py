"""``--screenshot`` goes through the one atomic writer: a full disk keeps the previous file."""

from __future__ import annotations

from pathlib import Path

from explorer import exit_codes
from tests.cli_process import run_cli
from tests.reliability._support import POSIX_ONLY, fill_up, small_filesystem

pytestmark = POSIX_ONLY


def window_env(tmp_path: Path) -> dict[str, str]:
    return {
        "ARCH_EXPLORER_DATA_DIR": str(tmp_path / "data"),
        "ARCH_EXPLORER_CACHE_DIR": str(tmp_path / "cache"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }


def test_a_screenshot_on_a_full_disk_keeps_the_previous_file(tmp_path: Path) -> None:
    with small_filesystem(tmp_path / "disk") as disk:
        target = disk / "window.png"
        target.write_bytes(b"previous screenshot")
        fill_up(disk)
        completed = run_cli("--arch", "eks", "--screenshot", str(target), env=window_env(tmp_path))
        assert completed.returncode == exit_codes.FAILED
        assert "the disk is full" in completed.stderr
        assert target.read_bytes() == b"previous screenshot"
        assert sorted(path.name for path in disk.iterdir()) == ["filler", "window.png"]
