"""The minimap: relation lines on every start, drawn in bands between events, the same picture."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication

from explorer.diagram import minimap
from explorer.diagram.scene import DiagramScene
from explorer.diagram.view import DiagramView
from explorer.layout.service import LayoutService
from explorer.sources import Sources


@pytest.fixture
def eks_scene(qapp, sources: Sources) -> DiagramScene:
    architecture = sources.architectures["eks"]
    layout = LayoutService().cached(architecture)  # the session's cache holds it (tests/conftest.py)
    assert layout is not None
    return DiagramScene(architecture, layout)


def overview(view: DiagramView) -> QImage:
    """The minimap's finished picture, as 32-bit ARGB."""
    while view.minimap.is_drawing():
        QApplication.processEvents()
    return view.minimap.picture().convertToFormat(QImage.Format.Format_ARGB32)


def strong_differences(first: QImage, second: QImage, threshold: int = 90) -> int:
    """Pixels whose red, green and blue differ by more than ``threshold`` in all."""
    assert first.size() == second.size()
    count = 0
    for y in range(first.height()):
        for x in range(first.width()):
            a, b = QColor(first.pixel(x, y)), QColor(second.pixel(x, y))
            if abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) > threshold:
                count += 1
    return count


def test_the_relations_show_when_the_view_never_moved(qtbot, eks_scene: DiagramScene) -> None:
    # A second start: the layout comes from the cache and the scene is set on a view that has
    # not been shown or scrolled yet. The relations used to be all but invisible then.
    view = DiagramView()
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.set_diagram(eks_scene)
    assert not eks_scene.drafting
    with_relations = overview(view)
    for edge in eks_scene.edge_items():
        edge.setVisible(False)
    view.minimap.refresh()
    without_relations = overview(view)
    changed = strong_differences(with_relations, without_relations)
    assert changed > with_relations.width() * with_relations.height() // 50, changed
    assert not eks_scene.drafting  # the overview's hairlines leave the view's drawing alone


def test_the_picture_is_the_same_whatever_the_view_was_doing(qtbot, eks_scene: DiagramScene) -> None:
    view = DiagramView()
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.set_diagram(eks_scene)
    still = overview(view)
    eks_scene.drafting = True  # as while the view pans
    view.minimap.refresh()
    assert overview(view) == still


def test_bands_add_up_to_the_whole_picture(qtbot, eks_scene: DiagramScene, monkeypatch) -> None:
    monkeypatch.setattr(minimap, "TURN_SECONDS", 0.0)  # one band a turn
    view = DiagramView()
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.set_diagram(eks_scene)
    assert view.minimap.is_drawing()
    assert view.minimap.picture().isNull()  # nothing half-drawn is shown
    turns = 0
    while view.minimap.is_drawing():
        QApplication.processEvents()
        turns += 1
    banded = view.minimap.picture().convertToFormat(QImage.Format.Format_ARGB32)
    assert turns >= banded.height() // minimap.BAND_ROWS

    whole = QImage(banded.size(), QImage.Format.Format_ARGB32_Premultiplied)
    whole.fill(eks_scene.backgroundBrush().color())
    eks_scene.drafting = True
    painter = QPainter(whole)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
    scale = banded.width() / eks_scene.sceneRect().width()
    target = QRectF(0, 0, eks_scene.sceneRect().width() * scale, eks_scene.sceneRect().height() * scale)
    eks_scene.render(painter, target, eks_scene.sceneRect(), Qt.AspectRatioMode.IgnoreAspectRatio)
    painter.end()
    eks_scene.drafting = False
    assert strong_differences(banded, whole.convertToFormat(QImage.Format.Format_ARGB32), threshold=12) == 0


def test_a_new_diagram_replaces_one_still_being_drawn(qtbot, eks_scene: DiagramScene, monkeypatch) -> None:
    from tests.explorer.test_diagram_scene import make_architecture, make_layout

    monkeypatch.setattr(minimap, "TURN_SECONDS", 0.0)
    view = DiagramView()
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.set_diagram(eks_scene)
    QApplication.processEvents()
    assert view.minimap.is_drawing()
    small = DiagramScene(make_architecture(), make_layout())
    view.set_diagram(small)
    picture = overview(view)
    ratio = small.sceneRect().width() / small.sceneRect().height()
    assert picture.width() / picture.height() == pytest.approx(ratio, rel=0.05)
