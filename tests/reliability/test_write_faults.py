"""Writes that fail for real: a full disk, a read-only folder, a path too long, a folder that vanishes.

Each time: a clear message, no partial or temporary file left, the previous
file intact. The disk is really full (a tiny tmpfs filled to the last byte),
the folder really read-only (a read-only remount when running as root).
Exports and revision progress share :func:`explorer.atomic_write.write_atomically`;
settings go through Qt's QSettings, which writes through a temporary file too.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from explorer import exit_codes
from explorer.atomic_write import ExportError, is_temp_file, write_atomically
from explorer.cli import main
from explorer.settings import AppSettings
from tests.reliability._support import fill_up, folder_made_read_only, small_filesystem, writable_folder

PREVIOUS = b"[session]\narchitecture=eks\n"


def open_settings(path: Path) -> AppSettings:
    return AppSettings(QSettings(str(path), QSettings.Format.IniFormat))


def leftovers(folder: Path, *keep: str) -> list[str]:
    """Files in ``folder`` other than ``keep``: temporary or partial files a failed write left."""
    return sorted(p.name for p in folder.iterdir() if p.name not in keep)


# A full disk -------------------------------------------------------------------


def test_settings_on_a_full_disk(tmp_path: Path) -> None:
    with small_filesystem(tmp_path / "disk") as disk:
        path = disk / "settings.ini"
        path.write_bytes(PREVIOUS)
        settings = open_settings(path)
        fill_up(disk)
        settings.set_last_architecture("kubernetes")
        settings.store.setValue("window/geometry", "x" * 100_000)
        assert settings.sync() is False
        assert settings.problems == [f"Your settings could not be saved to {path}: the disk is full"]
        assert path.read_bytes() == PREVIOUS
        assert leftovers(disk, "settings.ini", "filler") == []


def test_atomic_write_on_a_full_disk(tmp_path: Path) -> None:
    with small_filesystem(tmp_path / "disk") as disk:
        target = disk / "progress.json"
        target.write_bytes(b'{"previous": true}')
        fill_up(disk)
        with pytest.raises(ExportError, match="the disk is full") as raised:
            write_atomically(target, b"{}" * 100_000)
        assert str(target) in str(raised.value)
        assert target.read_bytes() == b'{"previous": true}'
        assert not [p for p in disk.iterdir() if is_temp_file(p)]


@pytest.mark.usefixtures("qapp")
def test_export_on_a_full_disk(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with small_filesystem(tmp_path / "disk") as disk:
        target = disk / "eks.png"
        target.write_bytes(b"previous export")
        fill_up(disk)
        assert main(["export", "eks", "-o", str(target)]) == exit_codes.FAILED
        [line] = capsys.readouterr().err.strip().splitlines()
        assert line == f"arch-explorer: cannot write {target}: the disk is full"
        assert target.read_bytes() == b"previous export"
        assert leftovers(disk, "eks.png", "filler") == []


# A read-only folder --------------------------------------------------------------


def test_settings_in_a_read_only_folder(tmp_path: Path) -> None:
    with writable_folder(tmp_path) as folder:
        path = folder / "settings.ini"
        path.write_bytes(PREVIOUS)
        with folder_made_read_only(folder):
            settings = open_settings(path)
            assert settings.last_architecture() == "eks", "a read-only file is still read"
            settings.set_last_architecture("kubernetes")
            assert settings.sync() is False
            [problem] = settings.problems
            assert problem.startswith(f"Your settings could not be saved to {path}: ")
            assert "read-only" in problem or "permission denied" in problem
            assert path.read_bytes() == PREVIOUS
            assert leftovers(folder, "settings.ini") == []


def test_atomic_write_in_a_read_only_folder(tmp_path: Path) -> None:
    with writable_folder(tmp_path) as folder:
        target = folder / "progress.json"
        target.write_bytes(b"previous")
        with folder_made_read_only(folder):
            with pytest.raises(ExportError, match=r"read-only|permission denied"):
                write_atomically(target, b"new")
            assert target.read_bytes() == b"previous"
            assert leftovers(folder, "progress.json") == []


# A path too long, a folder that vanishes ------------------------------------------------


def test_settings_path_too_long(tmp_path: Path) -> None:
    path = tmp_path / ("n" * 300 + ".ini")
    settings = open_settings(path)
    settings.set_last_architecture("kubernetes")
    assert settings.sync() is False
    assert settings.problems == [f"Your settings could not be saved to {path}: the path is too long"]
    assert leftovers(tmp_path) == []


def test_settings_folder_deleted_while_running_is_made_again(tmp_path: Path) -> None:
    folder = tmp_path / "config" / "ArchitectureExplorer"
    folder.mkdir(parents=True)
    settings = open_settings(folder / "settings.ini")
    settings.set_last_architecture("eks")
    assert settings.sync()
    shutil.rmtree(tmp_path / "config")
    settings.set_zoom("eks", 2.0)
    assert settings.sync(), settings.problems
    reopened = open_settings(folder / "settings.ini")
    assert reopened.zoom("eks") == 2.0


def test_atomic_write_when_the_folder_vanishes_mid_write(tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()

    def temp_then_folder_deleted(where: Path) -> tuple[int, Path]:
        temp = where / ".export-vanishing.part"
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT, 0o600)
        shutil.rmtree(where)  # another program deletes the folder while the export is written
        return fd, temp

    with pytest.raises(ExportError, match=r"the folder .* does not exist \(was it moved or deleted\?\)"):
        write_atomically(folder / "eks.png", b"png" * 1000, open_temp=temp_then_folder_deleted)
    assert not folder.exists(), "nothing was recreated or left behind"
