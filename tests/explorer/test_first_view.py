"""The first view of a diagram: labels readable on a laptop screen, the rest reachable by the minimap."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, QSettings, QSizeF, Qt
from PySide6.QtWidgets import QApplication

from explorer.diagram.first_view import densest_region, label_pixel_sizes
from explorer.sources import Sources
from explorer.ui.main_window import MainWindow
from tests.explorer.test_window_shape import laptop_window

BUILT_IN = ["ecs-ec2", "ecs-fargate", "kubernetes", "eks", "containers-vs-vms"]
READABLE_PX = 11.0


def labels_in_view(window: MainWindow) -> dict[str, float]:
    """On-screen font size (px) of every component label wholly in the view."""
    view, scene = window.diagram_view, window.scene
    assert scene is not None
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    zoom = view.transform().m11()
    sizes = label_pixel_sizes(scene)
    return {
        item.element_id: sizes[item.element_id] * zoom
        for item in scene.component_items()
        if item.element_id in sizes and visible.contains(item.label_rect())
    }


@pytest.fixture
def laptop(qtbot, sources: Sources, settings_store: QSettings) -> MainWindow:
    window = laptop_window(qtbot, sources, settings_store)
    yield window
    window.close()


@pytest.mark.parametrize("architecture_id", BUILT_IN)
def test_first_view_labels_are_readable_on_a_laptop(laptop: MainWindow, architecture_id: str) -> None:
    laptop.show_architecture(architecture_id)
    QApplication.processEvents()
    shown = labels_in_view(laptop)
    assert len(shown) >= 6, shown  # a useful region, not one lonely component
    assert min(shown.values()) >= READABLE_PX - 1e-6, shown


def test_the_minimap_shows_where_you_are_and_moves_the_view(qtbot, laptop: MainWindow) -> None:
    laptop.show_architecture("eks")
    QApplication.processEvents()
    view, minimap = laptop.diagram_view, laptop.diagram_view.minimap
    # Part of the diagram is out of view: the overview shows once its picture is drawn
    # (in bands, a turn each, as many turns as the machine's speed needs).
    qtbot.waitUntil(minimap.isVisible, timeout=10_000)
    scene_rect = laptop.scene.sceneRect()
    corner = QPointF(scene_rect.right() - 40, scene_rect.bottom() - 40)
    before = view.mapToScene(view.viewport().rect().center())
    target = QPoint(minimap.width() - 8, minimap.height() - 8)
    qtbot.mouseClick(minimap, Qt.MouseButton.LeftButton, pos=target)
    after = view.mapToScene(view.viewport().rect().center())
    assert (after - before).manhattanLength() > 100
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.contains(corner)
    # Dragging on it pans as well.
    qtbot.mousePress(minimap, Qt.MouseButton.LeftButton, pos=target)
    qtbot.mouseMove(minimap, QPoint(8, 8))
    qtbot.mouseRelease(minimap, Qt.MouseButton.LeftButton, pos=QPoint(8, 8))
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.contains(QPointF(scene_rect.left() + 40, scene_rect.top() + 40))
    # Once everything fits, it is not needed.
    view.fit_diagram()
    QApplication.processEvents()
    assert not minimap.isVisible()


def test_the_first_view_is_not_remembered_as_a_zoom(laptop: MainWindow) -> None:
    laptop.show_architecture("kubernetes")
    assert laptop.settings.zoom("kubernetes") is None
    laptop.diagram_view.zoom_out()
    assert laptop.settings.zoom("kubernetes") == pytest.approx(laptop.diagram_view.relative_zoom())


def test_the_densest_region_holds_the_cluster() -> None:
    lonely = [QRectF(0, 0, 10, 10)]
    cluster = [QRectF(500 + 30 * i, 400 + 20 * (i % 3), 10, 10) for i in range(8)]
    bounds = QRectF(0, 0, 1000, 800)
    region = densest_region(lonely + cluster, QSizeF(300, 200), bounds)
    assert all(region.contains(rect) for rect in cluster)
    assert bounds.contains(region)
