"""The export dialog's text size, relation labels and focus: laid out anew, never magnified."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QDialogButtonBox

from explorer.export.options import ExportOptions
from explorer.ui import export_actions
from explorer.ui.export_dialog import ExportDialog
from explorer.ui.main_window import MainWindow


def _dialog(qtbot, window: MainWindow, tmp_path: Path, selected: str | None) -> ExportDialog:
    window.show_architecture("containers-vs-vms")
    window.scene.select_element(selected)
    window.settings.setValue("export/folder", str(tmp_path))
    dialog = export_actions.export_dialog(window)
    assert dialog is not None
    qtbot.addWidget(dialog)
    return dialog


def _wait_preview(qtbot, dialog: ExportDialog, change) -> None:  # noqa: ANN001
    with qtbot.waitSignal(dialog.preview_updated, timeout=30_000):  # a slide lays out several times
        change()


def test_larger_text_is_laid_out_and_written(qtbot, window: MainWindow, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, window, tmp_path, None)
    combo = dialog.text_scale_combo
    assert combo.isEnabled()
    _wait_preview(qtbot, dialog, lambda: combo.setCurrentIndex(combo.findData("2")))
    assert dialog.export_options.text_scale == 2.0
    scene = dialog.scene_for(dialog.options())
    node = next(iter(scene.layout.nodes.values()))
    assert node.box.width > 250  # Graphviz was given the larger text
    assert scene.diagram_style.text_scale == 2.0
    assert not dialog.focus_check.isEnabled()  # nothing is selected
    dialog.accept()
    assert dialog.written_path is not None
    assert QImage(str(dialog.written_path)).width() > 2000


def test_focus_and_hidden_relation_labels(qtbot, window: MainWindow, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, window, tmp_path, "hypervisor")
    assert dialog.focus_check.isEnabled()
    _wait_preview(qtbot, dialog, lambda: dialog.focus_check.setChecked(True))
    scene = dialog.scene_for(dialog.options())
    kept = {item.element_id for item in scene.component_items()}
    assert "hypervisor" in kept
    assert kept < set(window.architecture.components_by_id)
    never = dialog.edge_labels_combo.findData("hide")
    _wait_preview(qtbot, dialog, lambda: dialog.edge_labels_combo.setCurrentIndex(never))
    scene = dialog.scene_for(dialog.options())
    assert not any(edge.label_visible() for edge in scene.edge_items())
    assert dialog.options().focus == "hypervisor"


def test_a_dialog_without_a_layout_service_offers_neither(qtbot, window: MainWindow, tmp_path: Path) -> None:
    window.show_architecture("containers-vs-vms")
    dialog = ExportDialog(
        window.architecture,
        window.scene.layout,
        ExportOptions(selected="hypervisor"),
        tmp_path / "a.png",
        window,
    )
    qtbot.addWidget(dialog)
    assert not dialog.text_scale_combo.isEnabled()
    assert not dialog.focus_check.isEnabled()
    assert dialog.options().text_scale == 1.0


def test_the_dialog_keeps_its_width_as_options_change(qtbot, window: MainWindow, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, window, tmp_path, None)
    dialog.show()
    qtbot.waitExposed(dialog)
    width = dialog.width()
    _wait_preview(qtbot, dialog, lambda: dialog.slide_combo.setCurrentIndex(1))
    _wait_preview(qtbot, dialog, lambda: dialog.background_combo.setCurrentIndex(2))
    assert dialog.width() == width


def test_larger_text_is_laid_out_in_the_worker_not_the_ui_thread(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    dialog = _dialog(qtbot, window, tmp_path, None)
    threads: list[threading.Thread] = []
    layout_for = window.layouts.layout_for

    def recording(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        threads.append(threading.current_thread())
        return layout_for(*args, **kwargs)

    monkeypatch.setattr(window.layouts, "layout_for", recording)
    combo = dialog.text_scale_combo
    combo.setCurrentIndex(combo.findData("2.5"))
    with qtbot.waitSignal(dialog.preview_updated, timeout=10000):
        dialog.update_preview()
        assert dialog.scenes.laying_out
        assert "Laying out" in dialog.preview_label.text()
        assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Save).isEnabled()
    assert threads
    assert threading.main_thread() not in threads
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Save).isEnabled()
    assert dialog.export_options.text_scale == 2.5


def test_a_whole_slide_drops_relation_labels_unless_asked_as_on_the_command_line(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    from explorer.export.prepare import SLIDE_LABEL_PX, slide_label_px

    dialog = _dialog(qtbot, window, tmp_path, None)
    assert dialog.edge_labels_combo.currentData() == "auto"
    slide = dialog.slide_combo.findData("1920x1080")
    with qtbot.waitSignal(dialog.preview_updated, timeout=30_000):
        dialog.slide_combo.setCurrentIndex(slide)
    settled = dialog.export_options
    scene = dialog.scene_for(dialog.options())
    assert settled.edge_labels is False
    assert not any(edge.label_visible() for edge in scene.edge_items())
    assert slide_label_px(scene.layout, settled, settled.text_scale) >= SLIDE_LABEL_PX
    always = dialog.edge_labels_combo.findData("show")
    with qtbot.waitSignal(dialog.preview_updated, timeout=30_000):
        dialog.edge_labels_combo.setCurrentIndex(always)
    scene = dialog.scene_for(dialog.options())
    assert dialog.export_options.edge_labels is True
    assert any(edge.label_visible() for edge in scene.edge_items())
