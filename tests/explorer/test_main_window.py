"""The explorer window, driven as a user would with real clicks and keys."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QDockWidget, QGraphicsView, QLineEdit, QListWidget

from explorer.app import create_window
from explorer.sources import Sources
from explorer.ui.main_window import MainWindow
from tests.cli_process import run_cli

BUILT_IN = ["ecs-ec2", "ecs-fargate", "kubernetes", "eks", "containers-vs-vms"]


def normalized(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def first_sentence(markdown: str) -> str:
    plain = re.sub(r"[*_`#>\[\]]|^\s*[-\d.]+\s", " ", markdown, flags=re.MULTILINE)
    return normalized(plain.split(". ")[0])[:60].rsplit(" ", 1)[0]


def click_element(qtbot, window: MainWindow, element_id: str) -> None:
    view = window.diagram_view
    view.center_on_element(element_id)
    item = window.scene.item_for(element_id)
    point = view.mapFromScene(item.sceneBoundingRect().center())
    assert view.viewport().rect().contains(point), element_id
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_window_has_the_named_parts(window: MainWindow) -> None:
    assert window.findChild(QListWidget, "architectureList") is window.architecture_list
    assert window.findChild(QGraphicsView, "diagramView") is window.diagram_view
    assert window.findChild(QDockWidget, "notesPanel") is window.notes_panel
    assert window.findChild(QLineEdit, "searchBox") is window.search_box
    assert window.current_id == "ecs-ec2"  # first run
    assert window.architecture_list.ids()[:1]
    assert set(BUILT_IN) <= set(window.architecture_list.ids())
    menus = [action.text().replace("&", "") for action in window.menuBar().actions()]
    assert menus[:1] == ["File"]
    assert {"View", "Go", "Help"} <= set(menus)


@pytest.mark.parametrize("architecture_id", BUILT_IN)
def test_every_component_click_shows_its_excerpt(
    qtbot, window: MainWindow, sources: Sources, architecture_id: str
) -> None:
    window.show_architecture(architecture_id)
    architecture = sources.architectures[architecture_id]
    scene = window.scene
    assert len(scene.component_items()) == len(architecture.components)
    assert len(scene.group_items()) == len(architecture.groups)
    assert len(scene.edge_items()) == len(architecture.relations)
    for component in architecture.components:
        with qtbot.waitSignal(scene.element_selected) as blocker:
            click_element(qtbot, window, component.id)
        assert blocker.args == [component.id]
        assert scene.selected_element() == component.id
        panel = normalized(window.notes_panel.plain_text())
        excerpt = sources.notes.excerpts_for(architecture, component.id)[0]
        assert first_sentence(excerpt.text) in panel, (component.id, excerpt.text[:80])


def test_group_click_and_escape(qtbot, window: MainWindow, sources: Sources) -> None:
    window.show_architecture("kubernetes")
    architecture = sources.architectures["kubernetes"]
    group = architecture.groups[0]
    view = window.diagram_view
    view.fit_diagram()
    box = window.scene.item_for(group.id).sceneBoundingRect()
    # The title strip at the group's top-left is the group's own area.
    point = view.mapFromScene(box.topLeft()) + QPoint(6, 6)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.scene.selected_element() == group.id
    assert normalized(group.label) in normalized(window.notes_panel.plain_text())
    view.setFocus()
    with qtbot.waitSignal(window.scene.selection_cleared):
        qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert window.scene.selected_element() is None
    assert normalized(architecture.title) in normalized(window.notes_panel.plain_text())


def test_selection_changes_pixels(qtbot, window: MainWindow) -> None:
    window.show_architecture("eks")
    window.diagram_view.fit_diagram()
    before = window.diagram_view.grab().toImage()
    window.select_element(window.architecture.components[0].id)
    after = window.diagram_view.grab().toImage()
    assert before.size() == after.size()
    assert different_pixels(before, after) > 200


def different_pixels(first: QImage, second: QImage, step: int = 3) -> int:
    count = 0
    for y in range(0, first.height(), step):
        for x in range(0, first.width(), step):
            if first.pixel(x, y) != second.pixel(x, y):
                count += 1
    return count


def test_search_jumps_across_architectures(qtbot, window: MainWindow) -> None:
    assert window.current_id == "ecs-ec2"
    window.actions_by_name["find"].trigger()
    assert window.search_box.hasFocus()
    qtbot.keyClicks(window.search_box, "etcd")
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    assert window.current_id in ("kubernetes", "eks")
    assert window.scene.selected_element() is not None
    assert "etcd" in normalized(window.notes_panel.plain_text())


def test_back_and_forward(qtbot, window: MainWindow, sources: Sources) -> None:
    first = sources.architectures["ecs-ec2"].components[0].id
    window.select_element(first)
    window.show_architecture("kubernetes", "etcd")
    assert window.actions_by_name["back"].isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert (window.current_id, window.scene.selected_element()) == ("ecs-ec2", first)
    window.go_back()  # the architecture as first opened, nothing selected
    assert (window.current_id, window.scene.selected_element()) == ("ecs-ec2", None)
    assert not window.actions_by_name["back"].isEnabled()
    window.go_forward()
    qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert (window.current_id, window.scene.selected_element()) == ("kubernetes", "etcd")
    assert not window.actions_by_name["forward"].isEnabled()


def test_keyboard_moves_between_components(qtbot, window: MainWindow) -> None:
    window.show_architecture("kubernetes")
    view = window.diagram_view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    second = window.scene.component_items()[1].component.id
    assert window.scene.selected_element() == second
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert window.scene.selected_element() is None


def test_settings_are_restored_in_a_second_window(
    qtbot, sources: Sources, settings_store: QSettings, window: MainWindow
) -> None:
    window.show_architecture("eks")
    window.resize(790, 640)
    window.diagram_view.set_zoom(1.5)
    relative = window.diagram_view.relative_zoom()
    window.close()
    second = create_window(sources, settings_store)
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert second.current_id == "eks"
    assert second.size().width() == 790
    assert second.size().height() == 640
    # The zoom is kept relative to the fit, so it follows the window's size.
    assert second.diagram_view.relative_zoom() == pytest.approx(relative, rel=0.01)
    assert second.diagram_view.zoom() == pytest.approx(1.5, rel=0.01)
    second.resize(720, 500)
    QApplication.processEvents()
    assert second.diagram_view.relative_zoom() == pytest.approx(relative, rel=0.01)


def test_screenshot_command(tmp_path: Path) -> None:
    target = tmp_path / "shot.png"
    shot = ["--arch", "eks", "--select", "etcd-a", "--screenshot", str(target)]
    completed = run_cli(*shot, env={"XDG_CONFIG_HOME": str(tmp_path)}, timeout=60)
    assert completed.returncode == 0, completed.stderr
    image = QImage(str(target))
    assert image.width() >= 900
    assert image.height() >= 500
    colours = {image.pixel(x, y) for y in range(0, image.height(), 9) for x in range(0, image.width(), 9)}
    assert len(colours) > 60  # a painted window with icons and text, not a blank rectangle


def test_settings_keys_come_from_the_registry(tmp_path) -> None:
    from PySide6.QtCore import QSettings

    from explorer.settings import SETTINGS, AppSettings

    settings = AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    settings.set_hide_icons(True)
    assert settings.hide_icons() is True
    assert "revision/hide_icons" in SETTINGS
    with pytest.raises(KeyError, match="unregistered setting"):
        settings.setValue("made/up", 1)


def test_sources_are_snapshots_no_test_or_window_can_change(sources) -> None:
    import dataclasses

    with pytest.raises(TypeError):
        sources.architectures["new"] = sources.architectures["eks"]  # type: ignore[index]
    with pytest.raises(dataclasses.FrozenInstanceError):
        sources.notes = sources.notes  # type: ignore[misc]
    assert sources.notes.user == ()  # no window's notes leaked into the shared library
