"""Frames of a far-out view in motion are drawn from one picture of the diagram (see overview_snapshot)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from explorer.diagram import style
from explorer.diagram.scene import DiagramScene
from explorer.diagram.view import DiagramView
from tests.explorer.test_diagram_scene import make_architecture, make_layout

FAR = style.LOD_NO_LABEL * 0.75


@pytest.fixture
def view(qtbot, qapp) -> DiagramView:
    shown = DiagramView()
    qtbot.addWidget(shown)
    shown.resize(800, 600)
    shown.set_diagram(DiagramScene(make_architecture(), make_layout()))
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def rest_at(qtbot, view: DiagramView, zoom: float) -> None:
    view.set_zoom(zoom)
    scene = view.diagram()
    assert scene is not None
    qtbot.waitUntil(lambda: not scene.drafting)


def pictures_drawn(view: DiagramView, monkeypatch) -> list[bool]:
    """What each frame's asking the picture answered (True: the frame was drawn from it)."""
    answers: list[bool] = []
    original = view._overview.paint

    def recorded() -> bool:
        answers.append(original())
        return answers[-1]

    monkeypatch.setattr(view._overview, "paint", recorded)
    return answers


def frame(view: DiagramView) -> QImage:
    return view.viewport().grab().toImage()


def test_far_out_motion_frames_come_from_the_picture(qtbot, view: DiagramView, monkeypatch) -> None:
    rest_at(qtbot, view, FAR)
    qtbot.waitUntil(view._overview.has_picture)
    resting = frame(view)
    answers = pictures_drawn(view, monkeypatch)
    view._start_motion()  # what a drag or a wheel step does
    moving = frame(view)
    assert answers == [True]
    assert moving.size() == resting.size()
    differing = sum(
        1
        for x in range(0, moving.width(), 4)
        for y in range(0, moving.height(), 4)
        if moving.pixel(x, y) != resting.pixel(x, y)
    )
    assert differing < moving.width() * moving.height() / 16 * 0.02  # the same picture, resampled


def test_a_change_in_the_scene_drops_the_picture(qtbot, view: DiagramView, monkeypatch) -> None:
    rest_at(qtbot, view, FAR)
    qtbot.waitUntil(view._overview.has_picture)
    scene = view.diagram()
    assert scene is not None
    scene.select_element(scene.component_items()[0].element_id)
    qtbot.waitUntil(lambda: not view._overview.has_picture())
    answers = pictures_drawn(view, monkeypatch)
    view._start_motion()
    frame(view)
    assert answers == [False]  # painted item by item, with the selection


def test_close_up_views_are_painted_item_by_item(qtbot, view: DiagramView, monkeypatch) -> None:
    rest_at(qtbot, view, 1.0)
    QApplication.processEvents()
    assert not view._overview.has_picture()
    answers = pictures_drawn(view, monkeypatch)
    view._start_motion()
    frame(view)
    assert answers == [False]
