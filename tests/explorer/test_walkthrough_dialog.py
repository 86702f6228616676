"""File → Export… offers a walkthrough's slides: a PDF of one page per step, or a folder of frames."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from explorer.ui import export_actions
from explorer.ui.main_window import MainWindow

SYSCALL = "containers-vs-vms-system-call"


def open_dialog(window: MainWindow, folder: Path):
    window.show_architecture("containers-vs-vms")
    dialog = export_actions.export_dialog(window)
    assert dialog is not None
    combo = dialog.walkthrough_combo
    assert [combo.itemData(i) for i in range(combo.count())] == ["", SYSCALL]
    combo.setCurrentIndex(combo.findData(SYSCALL))
    dialog.path_edit.setText(str(folder / "talk.pdf"))
    return dialog


def test_the_dialog_writes_one_pdf_page_per_step(qtbot, window: MainWindow, tmp_path: Path) -> None:
    dialog = open_dialog(window, tmp_path)
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("pdf"))
    dialog.accept()
    written = tmp_path / "talk.pdf"
    assert dialog.written_path == written
    steps = len(dialog.walkthrough().steps)
    assert len(re.findall(rb"/Type\s*/Page(?![A-Za-z])", written.read_bytes())) == steps


def test_png_slides_go_into_a_folder_and_replacing_asks_first(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def question(parent, title, text, *args, **kwargs):
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: pytest.fail(f"warned: {args[2]}"))
    dialog = open_dialog(window, tmp_path)
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("png"))
    dialog.scale_combo.setCurrentIndex(dialog.scale_combo.findData("1"))
    dialog.accept()
    frames = sorted((tmp_path / "talk").iterdir())
    assert len(frames) == 7
    assert frames[0].name.startswith("01-")
    assert asked == []

    again = open_dialog(window, tmp_path)
    again.format_combo.setCurrentIndex(again.format_combo.findData("png"))
    again.accept()  # the user says No: nothing is replaced and the dialog stays open
    assert len(asked) == 1
    assert "already exist" in asked[0]
    assert again.written_path is None
    again.reject()
