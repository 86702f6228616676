"""One side of the compare window: a title, the diagram, and outlines on what only this side has."""

from __future__ import annotations

import html

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPainterPathStroker, QPen
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsItem,
    QLabel,
    QStyleOptionGraphicsItem,
    QVBoxLayout,
    QWidget,
)

from explorer.diagram.items import ComponentItem
from explorer.diagram.loading import SceneLoader
from explorer.diagram.scene import DiagramScene
from explorer.diagram.view import DiagramView
from explorer.layout.service import LayoutService
from models.architecture import Architecture

ONLY_HERE = QColor("#C2410C")
RECOMMENDED = QColor("#15803D")
ONLY_HERE_Z = 50.0


class OnlyHereMarker(QGraphicsItem):
    """A dashed outline around a component that has no counterpart on the other side."""

    def __init__(self, component: ComponentItem, tooltip: str) -> None:
        super().__init__()
        self.component_id = component.element_id
        self._rect = component.icon_rect().united(component.label_rect()).adjusted(-6, -6, 6, 6)
        self._pen = QPen(ONLY_HERE, 1.6, Qt.PenStyle.DashLine)
        outline = QPainterPath()
        outline.addRoundedRect(self._rect, 7, 7)
        stroker = QPainterPathStroker()
        stroker.setWidth(6)
        self._shape = stroker.createStroke(outline)
        self.setZValue(ONLY_HERE_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setToolTip(tooltip)

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt's name)
        return self._rect.adjusted(-2, -2, 2, 2)

    def shape(self) -> QPainterPath:
        return self._shape

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setPen(self._pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(self._rect, 7, 7)


class ComparePane(QFrame):
    """Shows one architecture's diagram in its own scene (never the main window's).

    A layout already made is drawn at once; any other is made in the layout worker
    (never on the UI thread) and ``scene_ready`` says when the diagram is there.
    """

    scene_ready = Signal(object)

    def __init__(self, side: str, layouts: LayoutService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.side = side
        self.setObjectName(f"comparePane_{side}")
        self.layouts = layouts
        self.architecture: Architecture | None = None
        self.scene: DiagramScene | None = None
        self.markers: list[OnlyHereMarker] = []
        self._recommended = False
        self.title = QLabel(self)
        self.title.setObjectName(f"compareTitle_{side}")
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.view = DiagramView(self)
        self.view.setObjectName(f"compareView_{side}")
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.hide()
        self.loader = SceneLoader(layouts, self)
        self.loader.ready.connect(self._show_scene)
        self.loader.failed.connect(
            lambda _id, error: self._show_message(f"The diagram cannot be drawn: {error}")
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message, 1)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._update_frame()

    def show_architecture(self, architecture: Architecture) -> DiagramScene | None:
        """Shows ``architecture``: its scene now if its layout is made, else None until ``scene_ready``."""
        self.architecture = architecture
        self.markers = []
        self.scene = None
        self.loader.cancel()
        self._update_title()
        layout = self.layouts.cached(architecture)
        if layout is None:
            self._show_message("Laying out the diagram…")
            self.loader.load(architecture)
            return None
        return self._show_scene(DiagramScene(architecture, layout, self))

    def _show_scene(self, scene: DiagramScene) -> DiagramScene:
        self.scene = scene
        self.view.set_diagram(scene)
        self.view.show()
        self.message.hide()
        self.scene_ready.emit(scene)
        return scene

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.view.hide()
        self.message.show()

    def mark_only_here(self, component_ids: tuple[str, ...], other_title: str) -> None:
        if self.scene is None:
            return
        for marker in self.markers:
            self.scene.removeItem(marker)
        self.markers = []
        for component_id in component_ids:
            item = self.scene.item_for(component_id)
            if isinstance(item, ComponentItem):
                marker = OnlyHereMarker(item, f"Not in {other_title}")
                self.scene.addItem(marker)
                self.markers.append(marker)

    def marked_ids(self) -> set[str]:
        return {marker.component_id for marker in self.markers}

    def set_recommended(self, recommended: bool) -> None:
        self._recommended = recommended
        self._update_frame()
        self._update_title()

    def is_recommended(self) -> bool:
        return self._recommended

    def _update_title(self) -> None:
        title = html.escape(self.architecture.title) if self.architecture else ""
        badge = ""
        if self._recommended:
            style = f"background:{RECOMMENDED.name()}; color:white;"
            badge = f" &nbsp;<span style='{style}'>&nbsp;Recommended&nbsp;</span>"
        self.title.setText(f"<span style='font-size:12pt; font-weight:600'>{title}</span>{badge}")

    def _update_frame(self) -> None:
        color = RECOMMENDED.name() if self._recommended else "#d0d7de"
        width = 3 if self._recommended else 1
        self.setStyleSheet(f"#{self.objectName()} {{ border: {width}px solid {color}; border-radius: 6px; }}")
