"""The start's crash mark: a small file beside the settings, not a rewrite of the settings file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from explorer.settings import AppSettings


def test_the_mark_is_a_file_of_its_own_and_the_settings_file_is_not_written(tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    settings = AppSettings(QSettings(str(path), QSettings.Format.IniFormat))
    settings.set_drawing("kubernetes")
    assert (tmp_path / "settings.drawing").read_text(encoding="utf-8") == "kubernetes"
    assert not path.exists(), "marking wrote no settings"
    again = AppSettings(QSettings(str(path), QSettings.Format.IniFormat))
    assert again.drawing() == "kubernetes", "a later start (another process) finds it"
    again.set_drawing("")
    assert not (tmp_path / "settings.drawing").exists()
    assert settings.drawing() == ""
    assert settings.problems == []


def test_a_mark_that_cannot_be_written_is_reported_not_raised(tmp_path: Path) -> None:
    (tmp_path / "blocker").write_text("a file where the settings folder should be")
    settings = AppSettings(QSettings(str(tmp_path / "blocker" / "settings.ini"), QSettings.Format.IniFormat))
    settings.set_drawing("eks")
    [problem] = settings.problems
    assert problem.startswith(
        f"The start mark {tmp_path / 'blocker' / 'settings.drawing'} could not be saved: "
    )
    assert settings.drawing() == ""
