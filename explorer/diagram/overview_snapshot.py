"""Pan and zoom frames of a large diagram seen from afar, drawn from one picture of it.

Seen from afar (labels too small to draw) a 2,000-component diagram puts thousands of
items in view, and painting them one by one costs 15-30 ms a frame. So when the view
rests at such a zoom, the area around what it shows is rendered once into an image (in
a turn of its own, after the resting frame); while the view then moves, each frame
draws that image under the view's transform (about 1 ms) as long as the image covers
what is in view and the zoom is still far. Any change in the scene (selection, dimming,
hover, markers) drops the image, and the next frame is painted item by item again.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QTimer
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView

from explorer.diagram import style

MARGIN = 0.25
"""The picture reaches this many view widths (and heights) beyond each side of the view (a wider one
costs memory: at 2,000 components seen from afar it would hold much of the diagram)."""
MAX_ZOOM_IN = 1.5
"""The picture stands in up to this much zoom past the one it was taken at (then painting resumes)."""
MAX_PIXELS = 4_000_000
"""At most 16 MB of picture (a view of 1,400 × 900 pixels takes 2.8 million)."""


class OverviewSnapshot:
    """One picture of a view's scene around what it shows, for frames while it moves."""

    def __init__(self, view: QGraphicsView) -> None:
        self._view = view
        self._image: QImage | None = None
        self._scene: QGraphicsScene | None = None
        self._area = QRectF()
        """The scene area the picture shows."""
        self._zoom = 0.0
        self._timer = QTimer(view)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._take)

    def schedule(self) -> None:
        """Takes a picture in a later turn if the view rests far enough out (after its resting frame)."""
        self.forget()
        if self._far(self._view.transform().m11()):
            self._timer.start()

    def forget(self, *_args: object) -> None:
        self._timer.stop()
        self._image = None
        if self._scene is not None:
            self._scene.changed.disconnect(self.forget)
            self._scene = None

    def has_picture(self) -> bool:
        return self._image is not None

    def paint(self) -> bool:
        """Draws the view's frame from the picture; False (nothing drawn) if it does not serve."""
        view, image = self._view, self._image
        zoom = view.transform().m11()
        if image is None or view.scene() is not self._scene:
            return False
        if not self._far(zoom) or zoom > self._zoom * MAX_ZOOM_IN:
            return False
        shown = view.mapToScene(view.viewport().rect()).boundingRect()
        if not self._area.contains(shown) and not shown.contains(self._area):
            return False
        painter = QPainter(view.viewport())
        painter.fillRect(view.viewport().rect(), view.backgroundBrush())
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.setTransform(view.viewportTransform())
        painter.drawImage(self._area, image)
        painter.end()
        return True

    def _far(self, zoom: float) -> bool:
        scene = self._view.scene()
        if scene is None:
            return False
        diagram_style = getattr(scene, "diagram_style", None)
        text_scale = diagram_style.text_scale if diagram_style is not None else 1.0
        return zoom * text_scale < style.LOD_NO_LABEL

    def _take(self) -> None:
        view = self._view
        scene = view.scene()
        if scene is None or getattr(scene, "drafting", False):
            return
        viewport = view.viewport()
        shown = view.mapToScene(viewport.rect()).boundingRect()
        area = shown.adjusted(
            -shown.width() * MARGIN, -shown.height() * MARGIN, shown.width() * MARGIN, shown.height() * MARGIN
        ).intersected(scene.sceneRect())
        zoom = view.transform().m11()
        ratio = viewport.devicePixelRatioF()
        width, height = round(area.width() * zoom * ratio), round(area.height() * zoom * ratio)
        if area.isEmpty() or width * height > MAX_PIXELS or width <= 0 or height <= 0:
            return
        image = QImage(width, height, QImage.Format.Format_RGB32)
        image.fill(view.backgroundBrush().color())
        painter = QPainter(image)
        painter.setRenderHints(view.renderHints())
        scene.render(painter, QRectF(0, 0, width, height), area)
        painter.end()
        image.setDevicePixelRatio(ratio)
        self._image, self._area, self._zoom, self._scene = image, area, zoom, scene
        scene.changed.connect(self.forget)
