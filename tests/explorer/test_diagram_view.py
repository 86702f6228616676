"""DiagramView: clicks, keys, zoom, pan and what ends up on screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QNativeGestureEvent, QPalette, QPointingDevice, QWheelEvent
from PySide6.QtWidgets import QApplication, QGraphicsView, QLineEdit, QVBoxLayout, QWidget

from explorer.diagram import style
from explorer.diagram.items import ComponentItem
from explorer.diagram.scene import DiagramScene
from explorer.diagram.view import DiagramView
from tests.explorer.test_diagram_scene import make_architecture, make_layout


@pytest.fixture
def scene(qapp) -> DiagramScene:
    return DiagramScene(make_architecture(), make_layout())


@pytest.fixture
def view(qtbot, scene: DiagramScene) -> DiagramView:
    shown = DiagramView()
    qtbot.addWidget(shown)
    shown.resize(800, 600)
    shown.set_diagram(scene)
    shown.show()
    qtbot.waitExposed(shown)
    shown.activateWindow()
    qtbot.waitUntil(shown.isActiveWindow)
    shown.setFocus()
    return shown


def on_screen(view: DiagramView, point: QPointF) -> QPoint:
    return view.mapFromScene(point)


def icon_centre(view: DiagramView, element_id: str) -> QPoint:
    item = view.diagram().item_for(element_id)
    assert isinstance(item, ComponentItem)
    return on_screen(view, item.icon_rect().center())


def grab(view: DiagramView) -> QImage:
    QApplication.processEvents()
    return view.grab().toImage()


def distance(first: QColor, second: QColor) -> int:
    return (
        abs(first.red() - second.red())
        + abs(first.green() - second.green())
        + abs(first.blue() - second.blue())
    )


def click(qtbot, view: DiagramView, point: QPoint) -> None:
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_view_is_named_and_fits_the_diagram(view: DiagramView, scene: DiagramScene) -> None:
    assert view.objectName() == "diagramView"
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.contains(scene.diagram_rect())
    assert view.MIN_ZOOM < view.zoom() <= view.MAX_FIT_ZOOM


def test_view_draws_on_a_viewport_like_qts_own(qtbot) -> None:
    """The view makes its viewport (see DiagramView._own_viewport) as Qt makes the default one."""
    plain, ours = QGraphicsView(), DiagramView()
    qtbot.addWidget(plain)
    qtbot.addWidget(ours)
    theirs, mine = plain.viewport(), ours.viewport()
    assert mine.parent() is ours
    assert mine.focusProxy() is ours
    assert type(mine) is type(theirs)
    assert [a for a in Qt.WidgetAttribute if mine.testAttribute(a) != theirs.testAttribute(a)] == []
    assert mine.backgroundRole() == theirs.backgroundRole() == QPalette.ColorRole.Base
    assert mine.autoFillBackground() == theirs.autoFillBackground() is True
    assert (mine.focusPolicy(), mine.hasMouseTracking(), mine.acceptDrops()) == (
        theirs.focusPolicy(),
        theirs.hasMouseTracking(),
        theirs.acceptDrops(),
    )


def test_clicking_a_component_selects_it(qtbot, view: DiagramView, scene: DiagramScene) -> None:
    with qtbot.waitSignal(scene.element_selected) as blocker:
        click(qtbot, view, icon_centre(view, "task-a"))
    assert blocker.args == ["task-a"]
    assert scene.selected_element() == "task-a"
    assert scene.focused_element() == "task-a"
    assert not scene.focus_ring_visible()


def test_clicking_empty_canvas_clears(qtbot, view: DiagramView, scene: DiagramScene) -> None:
    scene.select_element("alb")
    with qtbot.waitSignal(scene.selection_cleared):
        click(qtbot, view, on_screen(view, QPointF(50, 400)))
    assert scene.selected_element() is None


def test_clicking_a_group_selects_the_group(qtbot, view: DiagramView, scene: DiagramScene) -> None:
    with qtbot.waitSignal(scene.element_selected) as blocker:
        click(qtbot, view, on_screen(view, QPointF(200, 350)))
    assert blocker.args == ["vpc"]
    title = scene.item_for("az").title_rect().center()
    with qtbot.waitSignal(scene.element_selected) as blocker:
        click(qtbot, view, on_screen(view, title))
    assert blocker.args == ["az"]


def test_escape_clears_the_selection(qtbot, view: DiagramView, scene: DiagramScene) -> None:
    scene.select_element("alb")
    with qtbot.waitSignal(scene.selection_cleared):
        qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert scene.selected_element() is None


def test_tab_and_shift_tab_walk_the_components(qtbot, view: DiagramView, scene: DiagramScene) -> None:
    order = [item.element_id for item in scene.component_items()]
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert scene.focused_element() == order[0]
    assert scene.focus_ring_visible()
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert scene.focused_element() == order[2]
    qtbot.keyClick(view, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert scene.focused_element() == order[1]
    assert order[1] in view.accessibleDescription() or "Load Balancer" in view.accessibleDescription()


def test_arrows_move_focus_and_enter_selects(qtbot, view: DiagramView, scene: DiagramScene) -> None:
    scene.set_focused_element("alb")
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert scene.focused_element() == "task-a"
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert scene.focused_element() == "task-b"
    with qtbot.waitSignal(scene.element_selected) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert blocker.args == ["task-b"]


def test_zoom_is_clamped_and_zoom_in_changes_the_transform(qtbot, view: DiagramView) -> None:
    before = view.transform().m11()
    with qtbot.waitSignal(view.zoom_changed) as blocker:
        view.zoom_in()
    assert view.transform().m11() == pytest.approx(before * view.ZOOM_STEP)
    assert blocker.args[0] == pytest.approx(view.zoom())
    view.set_zoom(100.0)
    assert view.zoom() == view.MAX_ZOOM
    view.set_zoom(0.0001)
    assert view.zoom() == view.MIN_ZOOM
    view.zoom_out()
    assert view.zoom() == view.MIN_ZOOM
    with qtbot.assertNotEmitted(view.zoom_changed):
        view.set_zoom(view.MIN_ZOOM / 2)


def test_set_zoom_keeps_the_anchor_still(view: DiagramView) -> None:
    anchor = QPointF(390, 128)
    before = view.mapFromScene(anchor)
    view.set_zoom(2.5, anchor)
    after = view.mapFromScene(anchor)
    assert (after - before).manhattanLength() <= 2


def test_wheel_zooms_towards_the_pointer(view: DiagramView) -> None:
    view.set_zoom(1.5)
    pointer = icon_centre(view, "task-b")
    under = view.mapToScene(pointer)
    before = view.zoom()
    event = QWheelEvent(
        QPointF(pointer),
        QPointF(view.viewport().mapToGlobal(pointer)),
        QPoint(),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), event)
    assert view.zoom() == pytest.approx(before * 1.2)
    assert (view.mapFromScene(under) - pointer).manhattanLength() <= 2


def test_touchpad_pixels_and_pinch_zoom(view: DiagramView) -> None:
    centre = QPointF(view.viewport().rect().center())
    before = view.zoom()
    pixels = QWheelEvent(
        centre,
        centre,
        QPoint(0, 40),
        QPoint(0, 40),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.ScrollUpdate,
        False,
    )
    QApplication.sendEvent(view.viewport(), pixels)
    assert view.zoom() == pytest.approx(before * view.PIXEL_BASE**40)
    before = view.zoom()
    pinch = QNativeGestureEvent(
        Qt.NativeGestureType.ZoomNativeGesture,
        QPointingDevice.primaryPointingDevice(),
        2,
        centre,
        centre,
        centre,
        0.5,
        QPointF(),
    )
    assert pinch.type() == QEvent.Type.NativeGesture
    QApplication.sendEvent(view.viewport(), pinch)
    assert view.zoom() == pytest.approx(before * 1.5)


def test_dragging_pans_without_selecting(qtbot, view: DiagramView, scene: DiagramScene) -> None:
    view.set_zoom(2.5)
    start = icon_centre(view, "task-a")
    bars = (view.horizontalScrollBar().value(), view.verticalScrollBar().value())
    with qtbot.assertNotEmitted(scene.element_selected):
        qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=start)
        for step in range(1, 5):
            qtbot.mouseMove(view.viewport(), start + QPoint(-20 * step, -10 * step))
        qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=start + QPoint(-80, -40))
    assert (view.horizontalScrollBar().value(), view.verticalScrollBar().value()) == (
        bars[0] + 80,
        bars[1] + 40,
    )
    assert scene.selected_element() is None


def test_fit_zoom_to_selection_and_center(view: DiagramView, scene: DiagramScene) -> None:
    view.set_zoom(view.MIN_ZOOM)
    view.fit_diagram()
    fitted = view.zoom()
    assert view.mapToScene(view.viewport().rect()).boundingRect().contains(scene.diagram_rect())
    scene.select_element("logs")
    view.zoom_to_selection()
    assert view.zoom() > fitted
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    for element_id in ("logs", "task-b"):
        assert visible.contains(scene.item_for(element_id).sceneBoundingRect())
    view.set_zoom(3.0)
    view.center_on_element("task-b")
    centre = view.mapToScene(view.viewport().rect().center())
    assert (centre - scene.item_for("task-b").sceneBoundingRect().center()).manhattanLength() < 2


def test_the_view_refits_on_resize_until_the_user_zooms(qtbot, view: DiagramView) -> None:
    view.fit_diagram()
    fitted = view.zoom()
    view.resize(400, 300)
    QApplication.processEvents()
    assert view.zoom() < fitted
    view.zoom_in()
    zoom = view.zoom()
    view.resize(800, 600)
    QApplication.processEvents()
    assert view.zoom() == zoom


def ink(image: QImage, rect: QRect, background: QColor) -> float:
    """The share of pixels in ``rect`` that are clearly not ``background``."""
    pixels = [(x, y) for x in range(rect.left(), rect.right()) for y in range(rect.top(), rect.bottom())]
    inked = sum(1 for x, y in pixels if distance(image.pixelColor(x, y), background) > 60)
    return inked / len(pixels)


def test_icons_are_painted_where_the_layout_says(view: DiagramView, scene: DiagramScene) -> None:
    image = grab(view)
    for element_id, depth in (("task-a", 2), ("ecr", 0), ("alb", 1), ("logs", 0)):
        item = scene.item_for(element_id)
        icon = view.mapFromScene(item.icon_rect()).boundingRect()
        assert ink(image, icon, style.LIGHT.group_fill(depth)) > 0.15, element_id
        beside = view.mapFromScene(item.icon_rect().translated(0, -item.icon_rect().height())).boundingRect()
        assert ink(image, beside.intersected(view.viewport().rect()), style.LIGHT.group_fill(depth)) < 0.15
    corner = scene.item_for("task-a").icon_rect()
    orange = image.pixelColor(
        on_screen(view, corner.topLeft() + QPointF(corner.width() / 6, corner.height() / 6))
    )
    assert orange.red() > orange.blue() + 80  # the Fargate icon's orange square


def test_selection_draws_a_halo_and_dims_the_rest(view: DiagramView, scene: DiagramScene) -> None:
    item = scene.item_for("task-a")
    halo_point = on_screen(view, QPointF(item.icon_rect().left() - 3, item.icon_rect().center().y()))
    logs_point = icon_centre(view, "logs")
    before = grab(view)
    scene.select_element("task-a")
    after = grab(view)
    assert distance(before.pixelColor(halo_point), after.pixelColor(halo_point)) > 20
    assert distance(before.pixelColor(logs_point), after.pixelColor(logs_point)) > 40
    ecr_point = icon_centre(view, "ecr")  # a neighbour stays as it was
    assert distance(before.pixelColor(ecr_point), after.pixelColor(ecr_point)) < 10


def test_markers_show_as_pixels(view: DiagramView, scene: DiagramScene) -> None:
    item = scene.item_for("users")
    ring = on_screen(view, item.marker_center() + QPointF(style.MARKER_RADIUS, 0))
    before = grab(view)
    scene.set_markers({"users"})
    marked = grab(view)
    assert distance(marked.pixelColor(ring), style.LIGHT.marker) < distance(
        before.pixelColor(ring), style.LIGHT.marker
    )
    scene.set_markers(set())
    assert grab(view).pixelColor(ring) == before.pixelColor(ring)


def test_hidden_icons_and_labels_are_not_painted(view: DiagramView, scene: DiagramScene) -> None:
    item = scene.item_for("task-a")
    centre = icon_centre(view, "task-a")
    before = grab(view)
    scene.set_icons_visible(False)
    assert grab(view).pixelColor(centre) != before.pixelColor(centre)
    label = view.mapFromScene(item.label_rect()).boundingRect()
    scene.set_labels_visible(False)
    image = grab(view)
    fill = image.pixelColor(label.topLeft() - QPoint(2, 2))
    assert all(
        image.pixelColor(x, y) == fill
        for x in range(label.left(), label.right())
        for y in range(label.top(), label.bottom())
    )


def changed_pixels(before: QImage, after: QImage, rect: QRect) -> int:
    return sum(
        1
        for x in range(rect.left(), rect.right() + 1)
        for y in range(rect.top(), rect.bottom() + 1)
        if before.pixelColor(x, y) != after.pixelColor(x, y)
    )


def test_focus_ring_is_drawn_and_left_out_of_exports(view: DiagramView, scene: DiagramScene) -> None:
    item = scene.item_for("alb")
    ring = item.icon_rect().united(item.label_rect())
    ring.adjust(-style.FOCUS_MARGIN, -style.FOCUS_MARGIN, style.FOCUS_MARGIN, style.FOCUS_MARGIN)
    left_edge = view.mapFromScene(QRectF(ring.left() - 1, ring.top() + 10, 2, ring.height() - 20))
    strip = left_edge.boundingRect()
    plain = grab(view)
    scene.set_focused_element("alb")
    focused = grab(view)
    assert changed_pixels(plain, focused, strip) > 5
    scene.select_element("alb", emit=False)
    scene.set_selection_highlight_visible(False)
    assert changed_pixels(plain, grab(view), view.mapFromScene(item.sceneBoundingRect()).boundingRect()) == 0


def test_tab_from_another_widget_enters_at_the_first_component(qtbot, scene: DiagramScene) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    before = QLineEdit(window)
    diagram = DiagramView(window)
    layout = QVBoxLayout(window)
    layout.addWidget(before)
    layout.addWidget(diagram)
    diagram.set_diagram(scene)
    window.resize(800, 600)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    before.setFocus()
    qtbot.keyClick(before, Qt.Key.Key_Tab)
    assert diagram.hasFocus()
    assert scene.focused_element() == scene.component_items()[0].element_id
    assert scene.focus_ring_visible()


def test_shift_wheel_scrolls_sideways(view: DiagramView) -> None:
    view.set_zoom(3.0)
    bar = view.horizontalScrollBar()
    bar.setValue(bar.maximum() // 2)
    start = bar.value()
    centre = QPointF(view.viewport().rect().center())
    event = QWheelEvent(
        centre,
        centre,
        QPoint(),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ShiftModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), event)
    assert view.zoom() == 3.0
    assert bar.value() == start + 120


def test_a_scroll_after_python_cleared_the_view_is_left_to_qt(qtbot, scene: DiagramScene) -> None:
    """Closing can clear the view's Python side (a garbage-collected cycle) while Qt still
    scrolls it: the scroll must not raise from the view's own override."""
    view = DiagramView()
    qtbot.addWidget(view)
    view.resize(300, 200)
    view.set_diagram(scene)
    view.__dict__.clear()
    view.scrollContentsBy(5, 5)
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().value() + 10)
