"""Small things a trial user noticed: search rows, the compare window's keys and highlights, problems."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from explorer.app import create_window
from explorer.diagram.items import ComponentItem
from explorer.sources import load_sources
from explorer.ui.main_window import MainWindow
from explorer.ui.search_box import SearchBox
from models.architecture import Architecture, Component
from tests.explorer.test_compare import click


def test_search_lists_each_component_once_with_the_alias_that_matched(qtbot) -> None:
    components = (
        Component(
            "api-a", "kube-apiserver", "api", "k8s/controlplane/api", aliases=("api server", "apiserver")
        ),
        Component(
            "api-b", "kube-apiserver", "api", "k8s/controlplane/api", aliases=("api server", "apiserver")
        ),
        Component("db", "Orders database", "db", "aws/database/rds", aliases=("zebra store",)),
    )
    box = SearchBox([Architecture("shop", "Shop", "", (), components, ())])
    qtbot.addWidget(box)
    box.show()
    qtbot.keyClicks(box, "api server")
    assert box.suggestions() == ["api server → kube-apiserver  ·  Shop"] * 2
    box.clear()
    qtbot.keyClicks(box, "zebra")
    assert box.suggestions() == ["zebra store → Orders database  ·  Shop"]


def test_the_compare_window_opens_by_key_and_closes_by_esc_or_ctrl_w(qtbot, window: MainWindow) -> None:
    assert window.actions_by_name["compare"].shortcut().toString() == "Ctrl+Shift+D"
    window.activateWindow()
    qtbot.keyClick(
        window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    compare = window.revision.compare_window
    assert compare is not None
    qtbot.waitExposed(compare)
    for key, modifier in (
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
    ):
        compare.show()
        compare.activateWindow()
        qtbot.waitUntil(compare.isActiveWindow)
        qtbot.keyClick(compare, key, modifier)
        assert not compare.isVisible()


def test_every_counterpart_of_several_is_highlighted(qtbot, window: MainWindow) -> None:
    compare = window.revision.open_compare("ecs-fargate", "ecs-ec2")
    qtbot.addWidget(compare)
    qtbot.waitUntil(lambda: compare.left_pane.scene is not None and compare.right_pane.scene is not None)
    click(qtbot, compare.left_pane, "task-b")
    assert "(2 of them)" in compare.selection_label.text()
    matches = compare.counterparts.of("left", "task-b")
    assert len(matches) == 2
    right = compare.right_pane.scene
    for match in matches:
        item = right.item_for(match)
        assert isinstance(item, ComponentItem)
        assert item.is_selected(), match
        assert item.opacity() == 1.0


def test_the_problems_dialog_shows_the_error_itself(qtbot, tmp_path: Path) -> None:
    (tmp_path / "broken.yaml").write_text("id: broken\ntitle: [unclosed\n")
    sources = load_sources([tmp_path], [])
    assert sources.model_errors
    window = create_window(sources, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    box = window.user_content.show_problems()
    QApplication.processEvents()
    assert box.detailedText() == ""
    assert "broken.yaml" in box.informativeText()
    box.close()
