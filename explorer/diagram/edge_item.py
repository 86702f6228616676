"""The graphics item of a relation: its routed path, arrowhead and label."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QPainter, QPainterPath, QPainterPathStroker, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from explorer.diagram import style
from explorer.diagram.paths import BezierChain
from explorer.diagram.qt_values import qpoint
from explorer.diagram.style import LIGHT, DiagramStyle
from explorer.diagram.text import TextBlock
from explorer.layout.geometry import EdgePath
from models.architecture import Relation

_Option = QStyleOptionGraphicsItem


def _lod(painter: QPainter) -> float:
    return QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())


def _grow(rect: QRectF, margin: float) -> QRectF:
    return rect.adjusted(-margin, -margin, margin, margin)


class EdgeItem(QGraphicsItem):
    """A relation: the routed Bézier chain, its arrowhead and its label on a light plate."""

    LABEL_PAD_X = 4.0
    LABEL_PAD_Y = 2.0

    def __init__(
        self,
        edge: EdgePath,
        relation: Relation | None,
        tooltip: str = "",
        diagram_style: DiagramStyle = LIGHT,
    ) -> None:
        super().__init__()
        self._style = diagram_style
        self.edge = edge
        self.relation = relation
        self._emphasised = False
        self._label_visible = True
        self._tooltip = tooltip
        self._chain = BezierChain(edge.points)
        self._path = self._chain.path
        self._arrow = QPolygonF([qpoint(point) for point in edge.arrow_head])
        self._label: TextBlock | None = None
        self._label_rect = QRectF()
        if edge.label and edge.label_pos is not None:
            centre = qpoint(edge.label_pos)
            self._label = TextBlock(edge.label.splitlines(), self._style.edge_font(), centre.x(), centre.y())
            self._label.place(centre.x(), centre.y() - self._label.height / 2)
            self._label_rect = self._label.rect.adjusted(
                -self.LABEL_PAD_X, -self.LABEL_PAD_Y, self.LABEL_PAD_X, self.LABEL_PAD_Y
            )

        outline = self._path.boundingRect().united(self._arrow.boundingRect())
        if not self._label_rect.isNull():
            outline = outline.united(self._label_rect)
        pad = self._style.edge_emphasised_pen.widthF()
        self._bounds = outline.adjusted(-pad, -pad, pad, pad)
        self._shape: QPainterPath | None = None

        self.setZValue(style.Z_EDGE)
        # Gives paint() the exposed area, so a long edge strokes only what is in view.
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setToolTip(tooltip)

    @property
    def source(self) -> str:
        return self.edge.source

    @property
    def target(self) -> str:
        return self.edge.target

    def path(self) -> QPainterPath:
        return QPainterPath(self._path)

    def label_rect(self) -> QRectF:
        """The label's plate; empty when the edge has no label or it is hidden."""
        return QRectF(self._label_rect) if self._label_visible else QRectF()

    def label_font(self) -> QFont:
        return QFont(self._style.edge_font())

    def label_visible(self) -> bool:
        return self._label_visible and self._label is not None

    def set_label_visible(self, visible: bool) -> None:
        """Shows or hides the label and the tooltip naming both ends (a quiz hides both)."""
        if visible != self._label_visible:
            self._label_visible = visible
            self.setToolTip(self._tooltip if visible else "")
            self.update()

    def ink_rect(self) -> QRectF:
        """The stroked path, the arrowhead and the label plate."""
        pen = self._style.edge_emphasised_pen if self._emphasised else self._style.edge_pen
        rect = _grow(self._path.boundingRect(), pen.widthF() / 2).united(self._arrow.boundingRect())
        return rect.united(self._label_rect) if self.label_visible() else rect

    def is_emphasised(self) -> bool:
        return self._emphasised

    def set_emphasised(self, emphasised: bool) -> None:
        if emphasised != self._emphasised:
            self._emphasised = emphasised
            self.setZValue(style.Z_EDGE_EMPHASISED if emphasised else style.Z_EDGE)
            self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        if self._shape is None:
            # Made on first hit test, not for each of thousands of edges up front.
            stroker = QPainterPathStroker()
            stroker.setWidth(style.EDGE_HIT_WIDTH)
            self._shape = stroker.createStroke(self._path)
            if not self._arrow.isEmpty():
                self._shape.addPolygon(self._arrow)
            if not self._label_rect.isNull():
                self._shape.addRect(self._label_rect)
        return self._shape

    def paint(self, painter: QPainter, option: _Option, widget: QWidget | None = None) -> None:
        emphasised = self._emphasised
        lod = _lod(painter)
        if emphasised:
            pen = self._style.edge_emphasised_pen
        elif getattr(self.scene(), "drafting", False):
            # While the view moves: a one-pixel hairline (Qt draws those without its
            # stroker), and without antialiasing when thousands of them are in view.
            pen = self._style.edge_draft_pen
            if lod < style.LOD_ALIASED_DRAFT:
                painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        else:
            pen = self._style.edge_pen
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self._chain.visible_path(option.exposedRect, lod, pen))
        if not self._arrow.isEmpty() and (emphasised or lod >= style.LOD_NO_ARROW):
            painter.setPen(self._style.arrow_emphasised_pen if emphasised else self._style.arrow_pen)
            painter.setBrush(self._style.accent if emphasised else self._style.edge)
            painter.drawPolygon(self._arrow)
        if (
            self._label is not None
            and self._label_visible
            and lod * self._style.text_scale >= style.LOD_NO_EDGE_LABEL
        ):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self._style.edge_label_background)
            painter.drawRoundedRect(self._label_rect, 3.0, 3.0)
            painter.setPen(self._style.text_pen if emphasised else self._style.muted_text_pen)
            self._label.paint(painter)
