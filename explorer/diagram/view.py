"""The widget that shows a diagram: zoom, pan, pinch and keyboard navigation."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable

from PySide6.QtCore import QPointF, QRectF, QSize, QSizeF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QTransform,
)
from PySide6.QtWidgets import QApplication, QFrame, QGraphicsView, QWidget

from explorer.diagram import first_view
from explorer.diagram.items import ComponentItem
from explorer.diagram.minimap import Minimap
from explorer.diagram.overview_snapshot import OverviewSnapshot
from explorer.diagram.scene import DiagramScene
from explorer.diagram.style import LIGHT
from explorer.diagram.view_gestures import ZoomGestures
from explorer.diagram.view_keys import KeyboardNavigation


class DiagramView(KeyboardNavigation, ZoomGestures, QGraphicsView):
    """Shows a :class:`DiagramScene`.

    The wheel (with or without Ctrl) and pinches zoom towards the pointer; a
    drag anywhere pans, and a click without a drag selects (or clears over empty
    canvas). Tab, Shift+Tab and the arrow keys move a focus ring between
    components, Enter selects the focused one and Esc clears the selection.
    """

    zoom_changed = Signal(float)

    MIN_ZOOM = 0.1
    MAX_ZOOM = 4.0
    ZOOM_STEP = 1.25
    MAX_FIT_ZOOM = 1.5
    """Fitting never blows a small diagram up past this."""
    SELECTION_CONTEXT = QRectF(0, 0, 420, 300)
    """The least scene area :meth:`zoom_to_selection` shows around the selection."""
    SETTLE_MS = 150
    """How long after the last pan or zoom step the diagram is redrawn in full quality."""
    _ready = False
    """True once ``__init__`` has built the view's parts. Qt can still scroll the view
    after Python has cleared the instance (a garbage-collected cycle at close): its
    overrides then fall back to this class value and leave the scroll to Qt alone."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._own_viewport()
        self.setObjectName("diagramView")
        self.setAccessibleName("Architecture diagram")
        self.setRenderHints(
            QPainter.RenderHint.Antialiasing
            | QPainter.RenderHint.SmoothPixmapTransform
            | QPainter.RenderHint.TextAntialiasing
        )
        self.setBackgroundBrush(LIGHT.background)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setDragMode(QGraphicsView.DragMode.NoDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().grabGesture(Qt.GestureType.PinchGesture)
        self._diagram: DiagramScene | None = None
        self._auto: str | None = None
        """What the view redoes on resize: "fit", "first" (the first view), "relative" (the
        remembered zoom, relative to the fit) or nothing (None) once the user zoomed or panned."""
        self._relative = 1.0
        self._first_view_size = QSize()
        """The viewport size the first view was worked out for (a resize to the same size keeps it)."""
        self.minimap = Minimap(self, self.pan_to)
        self._press_pos: QPointF | None = None
        self._click_handler: Callable[[QPointF], object] | None = None
        self._press_button = Qt.MouseButton.NoButton
        self._last_pan_pos = QPointF()
        self._panning = False
        # Edges are drawn as hairlines while the view moves, in full once it rests.
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(self.SETTLE_MS)
        self._settle.timeout.connect(self._end_motion)
        self._overview = OverviewSnapshot(self)
        self._ready = True

    def _own_viewport(self) -> None:
        """Gives the view a viewport made here, as Qt makes its own (a plain widget filled
        with the palette's base colour, taking input methods).

        Asked for the one Qt made, PySide finds its type by building every QWidget
        subclass it knows (QWizard, QMdiArea…) with all their enum types: ~70 of them,
        5-10 ms before the first paint. A widget made in Python is known already.
        """
        viewport = QWidget()
        viewport.setBackgroundRole(QPalette.ColorRole.Base)
        viewport.setAutoFillBackground(True)
        viewport.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)  # as QGraphicsView sets its own
        self.setViewport(viewport)

    # Diagram ----------------------------------------------------------------
    def diagram(self) -> DiagramScene | None:
        return self._diagram

    def set_diagram(self, scene: DiagramScene, relative_zoom: float | None = None) -> None:
        """Shows ``scene`` at ``relative_zoom`` × the fitting zoom, or at its first view when None."""
        if self._diagram is not None:
            self._diagram.drafting = False
        self._settle.stop()
        self._diagram = scene
        self._overview.forget()
        self._end_drag()
        self.setScene(scene)
        self.minimap.refresh()
        if relative_zoom is None:
            self.show_first_view()
        else:
            self._relative = relative_zoom
            self._show_relative()
        # Showing a diagram is not a motion: its first frame is drawn in full.
        self._settle.stop()
        scene.drafting = False

    def show_first_view(self) -> None:
        """Readable labels (see :mod:`first_view`) on the busiest region, or all of a diagram that fits."""
        scene = self._diagram
        if scene is None:
            return
        self._auto = "first"
        self._first_view_size = self.viewport().size()
        readable = first_view.readable_zoom(scene)
        fit = self.fit_zoom()
        if readable is None or readable <= fit:
            self._fit_rect(scene.sceneRect(), self.MAX_FIT_ZOOM)
        else:
            self._scale_view(readable)
            self._center_on_busiest()
        self.minimap.follow()

    def _show_relative(self) -> None:
        self._auto = "relative"
        self._scale_view(self.fit_zoom() * self._relative)
        self._center_on_busiest()

    def remembers_zoom(self) -> bool:
        """False while the zoom is the automatic first view, which each window size works out anew."""
        return self._auto != "first"

    def fit_zoom(self) -> float:
        """The zoom at which the whole diagram fits the view."""
        rect = self._diagram.sceneRect() if self._diagram is not None else QRectF()
        width, height = self.viewport().width() - 4, self.viewport().height() - 4
        if rect.isEmpty() or width <= 0 or height <= 0:
            return 1.0
        return min(width / rect.width(), height / rect.height(), self.MAX_FIT_ZOOM)

    def relative_zoom(self) -> float:
        """The zoom as a multiple of the fitting zoom (what is remembered per architecture)."""
        return self.zoom() / self.fit_zoom()

    def pan_to(self, scene_point: QPointF) -> None:
        self._auto = None
        self.centerOn(scene_point)

    def _center_on_busiest(self) -> None:
        scene = self._diagram
        if scene is None:
            return
        zoom = self.zoom()
        size = QSizeF(self.viewport().width() / zoom, self.viewport().height() / zoom)
        rects = first_view.component_rects(scene)
        self.centerOn(first_view.densest_region(rects, size, scene.sceneRect()).center())

    # Zoom -------------------------------------------------------------------

    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, factor: float, anchor: QPointF | None = None) -> None:
        """Zooms to ``factor``, keeping the scene point ``anchor`` (default: the view's centre) in place."""
        viewport_anchor = None if anchor is None else self.viewportTransform().map(anchor)
        self._auto = None
        self._scale_view(factor, viewport_anchor)

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom() * self.ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom() / self.ZOOM_STEP)

    def fit_diagram(self) -> None:
        """Zooms and scrolls so the whole diagram (and its margin) fits the view."""
        if self._diagram is None:
            return
        self._auto = "fit"
        self._fit_rect(self._diagram.sceneRect(), self.MAX_FIT_ZOOM)

    def zoom_to_selection(self) -> None:
        """Fits the selected element together with what it is related to."""
        scene = self._diagram
        selected = scene.selected_element() if scene is not None else None
        if scene is None or selected is None:
            return
        # A component comes with its neighbours; a group's box already holds its context.
        related = (
            scene.related_elements(selected) if isinstance(scene.item_for(selected), ComponentItem) else ()
        )
        rect = QRectF()
        for element_id in {selected, *related}:
            item = scene.item_for(element_id)
            if item is not None:
                rect = rect.united(item.sceneBoundingRect())
        context = QRectF(self.SELECTION_CONTEXT)
        context.moveCenter(rect.center())
        self._auto = None
        self._fit_rect(rect.adjusted(-24, -24, 24, 24).united(context), self.MAX_ZOOM)

    def bring_into_view(self, element_ids: Iterable[str]) -> None:
        """Scrolls so the elements are all on screen, zooming out (never below the fit) only when
        they do not fit at the present zoom: a walkthrough step stays readable and whole."""
        scene = self._diagram
        if scene is None:
            return
        rect = QRectF()
        for element_id in element_ids:
            item = scene.item_for(element_id)
            if item is not None:
                rect = rect.united(item.sceneBoundingRect())
        if rect.isEmpty():
            return
        rect = rect.adjusted(-24, -24, 24, 24)
        visible = self.mapToScene(self.viewport().rect()).boundingRect()
        if visible.contains(rect):
            return
        self._auto = None
        if rect.width() > visible.width() or rect.height() > visible.height():
            fitting = min(visible.width() / rect.width(), visible.height() / rect.height()) * self.zoom()
            self._scale_view(max(fitting, self.fit_zoom()))
        self.centerOn(rect.center())

    def center_on_element(self, element_id: str) -> None:
        """Scrolls (without zooming) so the element is in the middle of the view."""
        item = self._diagram.item_for(element_id) if self._diagram is not None else None
        if item is not None:
            self._auto = None
            self.centerOn(item.sceneBoundingRect().center())

    def _fit_rect(self, rect: QRectF, max_zoom: float) -> None:
        width = self.viewport().width() - 4
        height = self.viewport().height() - 4
        if rect.isEmpty() or width <= 0 or height <= 0:
            return
        self._scale_view(min(width / rect.width(), height / rect.height(), max_zoom))
        self.centerOn(rect.center())

    def _scale_view(self, factor: float, viewport_anchor: QPointF | None = None) -> None:
        """The one place the zoom changes: clamps it and keeps the anchor point still."""
        factor = min(max(factor, self.MIN_ZOOM), self.MAX_ZOOM)
        if math.isclose(factor, self.zoom(), rel_tol=1e-9):
            return
        anchor = viewport_anchor if viewport_anchor is not None else QPointF(self.viewport().rect().center())
        scene_anchor = self.viewportTransform().inverted()[0].map(anchor)
        self._start_motion()
        self.setTransform(QTransform.fromScale(factor, factor))
        drift = self.viewportTransform().map(scene_anchor) - anchor
        self._scroll_by(drift.x(), drift.y())
        self.zoom_changed.emit(factor)

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        if not self._ready:
            super().scrollContentsBy(dx, dy)
            return
        self._start_motion()
        super().scrollContentsBy(dx, dy)
        self.minimap.follow()

    def _start_motion(self) -> None:
        if self._diagram is not None:
            self._diagram.drafting = True
            self._settle.start()

    def _end_motion(self) -> None:
        if self._diagram is not None and self._diagram.drafting:
            self._diagram.drafting = False
            self.viewport().update()
            self._overview.schedule()  # far out: frames in motion are drawn from one picture

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._diagram is None or not self._diagram.drafting or not self._overview.paint():
            super().paintEvent(event)

    def _scroll_by(self, dx: float, dy: float) -> None:
        horizontal, vertical = self.horizontalScrollBar(), self.verticalScrollBar()
        horizontal.setValue(horizontal.value() + round(dx))
        vertical.setValue(vertical.value() + round(dy))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._auto == "fit":
            self.fit_diagram()
        elif self._auto == "first" and self.viewport().size() != self._first_view_size:
            # Showing the view after the loading panel resizes it to the size it was laid out at.
            self.show_first_view()
        elif self._auto == "relative":
            self._show_relative()
        self.minimap.follow()

    # Mouse: drag pans, click selects ----------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        button = event.button()
        if self._diagram is None or button not in (Qt.MouseButton.LeftButton, Qt.MouseButton.MiddleButton):
            super().mousePressEvent(event)
            return
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self._press_pos = event.position()
        self._last_pan_pos = event.position()
        self._press_button = button
        # The middle button only ever pans, so it needs no drag distance.
        self._panning = button == Qt.MouseButton.MiddleButton
        if self._panning:
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
        event.accept()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press_pos is None:
            super().mouseMoveEvent(event)
            return
        position = event.position()
        if not self._panning:
            travelled = (position - self._press_pos).manhattanLength()
            if travelled < QApplication.startDragDistance():
                event.accept()
                return
            self._panning = True
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
        delta = position - self._last_pan_pos
        self._last_pan_pos = position
        self._auto = None
        self._scroll_by(-delta.x(), -delta.y())
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._press_pos is None or event.button() != self._press_button:
            super().mouseReleaseEvent(event)
            return
        was_panning = self._panning
        self._end_drag()
        if not was_panning and self._click_handler is not None:
            self._click_handler(event.position())
        elif not was_panning and self._diagram is not None:
            self._diagram.click_at(self.mapToScene(event.position().toPoint()), self.viewportTransform())
            self._describe_focus()
        event.accept()

    def set_click_handler(self, handler: Callable[[QPointF], object] | None) -> None:
        """Gives clicks (a press and release without a drag) to ``handler`` instead of the scene.

        A quiz takes the clicks this way; dragging still pans, exactly as always.
        """
        self._click_handler = handler

    def _end_drag(self) -> None:
        if self._panning:
            self.viewport().unsetCursor()
        self._press_pos = None
        self._press_button = Qt.MouseButton.NoButton
        self._panning = False
