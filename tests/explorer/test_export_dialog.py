"""The Export… dialog and the window's export actions, driven with qtbot; modal boxes are patched."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QProgressDialog

from explorer.atomic_write import is_temp_file
from explorer.export.options import ExportOptions, load_options, set_last_folder
from explorer.export.render import compute_frame
from explorer.ui import export_actions
from explorer.ui.export_dialog import ExportDialog
from explorer.ui.main_window import MainWindow

SELECTED = "hypervisor"


class Answers:
    """Stands in for QMessageBox.question/warning and records what was asked."""

    def __init__(self, answer: QMessageBox.StandardButton = QMessageBox.StandardButton.Yes) -> None:
        self.answer = answer
        self.questions: list[str] = []
        self.warnings: list[str] = []

    def question(self, parent, title, text, *args, **kwargs) -> QMessageBox.StandardButton:
        self.questions.append(text)
        return self.answer

    def warning(self, parent, title, text, *args, **kwargs) -> QMessageBox.StandardButton:
        self.warnings.append(text)
        return QMessageBox.StandardButton.Ok


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    recorded = Answers()
    monkeypatch.setattr(QMessageBox, "question", recorded.question)
    monkeypatch.setattr(QMessageBox, "warning", recorded.warning)
    return recorded


@pytest.fixture
def shown(window: MainWindow) -> MainWindow:
    window.show_architecture("containers-vs-vms")
    return window


@pytest.fixture
def dialog(qtbot, shown: MainWindow, tmp_path: Path) -> ExportDialog:
    options = ExportOptions(scale=1, selected=SELECTED)
    created = ExportDialog(shown.architecture, shown.scene.layout, options, tmp_path / "vms.png", shown)
    qtbot.addWidget(created)
    created.show()
    return created


def choose(qtbot, dialog: ExportDialog, combo_name: str, value: str) -> None:
    combo = getattr(dialog, combo_name)
    with qtbot.waitSignal(dialog.preview_updated, timeout=30_000):
        combo.setCurrentIndex(combo.findData(value))


def click_export(qtbot, dialog: ExportDialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def test_preview_follows_the_options(qtbot, dialog: ExportDialog) -> None:
    first = QImage(dialog.preview_image)
    assert not first.isNull()
    assert "pixels" in dialog.size_label.text()
    one_x = compute_frame(dialog.scene_for(dialog.options()), dialog.options()).canvas

    choose(qtbot, dialog, "scale_combo", "4")
    assert f"{one_x.width() * 4} × {one_x.height() * 4}" in dialog.size_label.text()

    choose(qtbot, dialog, "background_combo", "transparent")
    assert dialog.preview_image.pixelColor(0, 0).alpha() == 0
    choose(qtbot, dialog, "background_combo", "dark")
    assert dialog.preview_image.pixelColor(0, 0).lightnessF() < 0.2

    choose(qtbot, dialog, "slide_combo", "1920x1080")
    assert dialog.preview_image.width() / dialog.preview_image.height() == pytest.approx(16 / 9, abs=0.01)
    assert not dialog.scale_combo.isEnabled()

    with qtbot.waitSignal(dialog.preview_updated, timeout=30_000):
        qtbot.keyClicks(dialog.title_edit, "Slide title")
    assert dialog.options().title == "Slide title"


def test_format_sets_the_extension(qtbot, dialog: ExportDialog) -> None:
    choose(qtbot, dialog, "format_combo", "svg")
    assert dialog.path_edit.text().endswith("vms.svg")
    assert "vector" in dialog.size_label.text()
    choose(qtbot, dialog, "format_combo", "pdf")
    assert dialog.path() == Path(dialog.path_edit.text())
    assert dialog.path().suffix == ".pdf"


def test_export_writes_the_file(qtbot, dialog: ExportDialog, tmp_path: Path, answers: Answers) -> None:
    choose(qtbot, dialog, "scale_combo", "2")
    with qtbot.waitSignal(dialog.exported, timeout=30_000) as exported:
        click_export(qtbot, dialog)
    written = tmp_path / "vms.png"
    assert exported.args == [written]
    assert dialog.result() == QDialog.DialogCode.Accepted
    expected = compute_frame(dialog.scene_for(dialog.options()), dialog.options()).canvas
    assert QImage(str(written)).size() == expected
    assert answers.questions == []


def test_existing_file_is_replaced_only_after_asking(
    qtbot, dialog: ExportDialog, tmp_path: Path, answers
) -> None:
    target = tmp_path / "vms.png"
    target.write_bytes(b"mine")
    answers.answer = QMessageBox.StandardButton.No
    click_export(qtbot, dialog)
    assert len(answers.questions) == 1
    assert target.read_bytes() == b"mine"
    assert dialog.isVisible()
    answers.answer = QMessageBox.StandardButton.Yes
    click_export(qtbot, dialog)
    assert target.read_bytes().startswith(b"\x89PNG")


def test_unwritable_path_warns_and_keeps_the_dialog(
    qtbot, dialog: ExportDialog, tmp_path: Path, answers
) -> None:
    (tmp_path / "a-file").write_text("x")
    dialog.path_edit.setText(str(tmp_path / "a-file" / "vms.png"))
    click_export(qtbot, dialog)
    assert len(answers.warnings) == 1
    assert "a-file" in answers.warnings[0]
    assert dialog.isVisible()
    assert [path.name for path in tmp_path.iterdir() if is_temp_file(path)] == []


def test_dialog_action_remembers_the_last_choices(qtbot, shown: MainWindow, tmp_path: Path, answers) -> None:
    shown.select_element(SELECTED)
    set_last_folder(shown.settings.store, tmp_path)
    dialog = export_actions.export_dialog(shown)
    assert dialog is not None
    assert dialog.windowModality() == Qt.WindowModality.WindowModal
    assert dialog.path() == tmp_path / "containers-vs-vms.png"
    assert dialog.keep_selection_check.isEnabled()
    assert "Hypervisor" in dialog.keep_selection_check.text()
    choose(qtbot, dialog, "background_combo", "dark")
    dialog.keep_selection_check.setChecked(True)
    click_export(qtbot, dialog)
    assert (tmp_path / "containers-vs-vms.png").exists()
    remembered = load_options(shown.settings.store)
    assert remembered.background == "dark"
    assert remembered.keep_selection
    again = export_actions.export_dialog(shown)
    assert again.options().background == "dark"
    again.reject()


def test_quick_export_png_uses_the_last_folder(shown: MainWindow, tmp_path: Path, answers: Answers) -> None:
    set_last_folder(shown.settings.store, tmp_path)
    written = export_actions.quick_export_png(shown)
    assert written == tmp_path / "containers-vs-vms.png"
    assert QImage(str(written)).width() > 100
    answers.answer = QMessageBox.StandardButton.No
    assert export_actions.quick_export_png(shown) is None
    assert len(answers.questions) == 1


def test_copy_puts_an_image_on_the_clipboard(shown: MainWindow) -> None:
    QGuiApplication.clipboard().clear()
    assert export_actions.copy_diagram(shown)
    image = QGuiApplication.clipboard().image()
    assert not image.isNull()
    assert image.width() > 100


def test_export_all_with_progress(shown: MainWindow, tmp_path: Path, answers: Answers) -> None:
    folder = tmp_path / "slides"
    folder.mkdir()
    result = export_actions.export_all(shown, folder)
    names = sorted(path.name for path in folder.iterdir())
    assert names == sorted(f"{aid}.png" for aid in shown.sources.architectures)
    assert len(result.written) == len(names)
    assert not result.cancelled
    answers.answer = QMessageBox.StandardButton.No
    assert export_actions.export_all(shown, folder) is None  # asked before replacing them
    assert len(answers.questions) == 1


def test_cancelled_export_all_leaves_no_partial_file(
    shown: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda self: self.value() >= 2)
    folder = tmp_path / "slides"
    folder.mkdir()
    result = export_actions.export_all(shown, folder)
    assert result.cancelled
    assert len(result.written) == 2
    files = sorted(folder.iterdir())
    assert files == sorted(result.written)
    assert all(QImage(str(path)).width() > 0 for path in files)


def test_file_menu_actions_and_shortcuts(qtbot, shown: MainWindow, tmp_path: Path) -> None:
    names = [action.text().replace("&", "") for action in shown.menus["file"].actions() if action.text()]
    start = names.index("Export…")
    assert names[start : start + 4] == [
        "Export…",
        "Export PNG",
        "Copy diagram as image",
        "Export all architectures…",
    ]
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    QGuiApplication.clipboard().clear()
    qtbot.keyClick(shown, Qt.Key.Key_C, ctrl_shift)
    assert not QGuiApplication.clipboard().image().isNull()
    set_last_folder(shown.settings.store, tmp_path)
    qtbot.keyClick(shown, Qt.Key.Key_E, ctrl_shift)
    assert (tmp_path / "containers-vs-vms.png").exists()
    qtbot.keyClick(shown, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = shown.findChild(ExportDialog)
    assert dialog is not None
    assert dialog.isVisible()
    dialog.reject()
