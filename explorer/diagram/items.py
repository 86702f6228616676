"""Graphics items for one diagram: a component, a group and an edge.

Each item is built once from a pure layout box and precomputes everything it
paints (rectangles, paths, label positions), so ``paint`` only draws. The scene
owns selection, focus and dimming and tells items through small setters.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QFontMetricsF, QPainter, QPainterPath, QPainterPathStroker, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsSceneHoverEvent, QStyleOptionGraphicsItem, QWidget

from explorer.diagram import style
from explorer.diagram.icons import fit_icon_rect
from explorer.diagram.paths import BezierChain
from explorer.diagram.qt_values import qpoint, qrect, tooltip_html
from explorer.diagram.style import LIGHT, DiagramStyle
from explorer.diagram.text import TextBlock, fitted_label
from explorer.layout.geometry import EdgePath, GroupBox, NodeBox
from models.architecture import Component, Group, Relation

ELEMENT_ID_KEY = 0
"""``QGraphicsItem.data`` key holding the id of the component or group an item draws."""
ACCESSIBLE_NAME_KEY = int(Qt.ItemDataRole.AccessibleTextRole)

_NO_MARKER_NOTE = "Not in your notes yet"
_Option = QStyleOptionGraphicsItem


def _lod(painter: QPainter) -> float:
    return QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())


def _grow(rect: QRectF, margin: float) -> QRectF:
    return rect.adjusted(-margin, -margin, margin, margin)


class ComponentItem(QGraphicsItem):
    """A component: its icon, its wrapped label and its selection, hover, focus and marker state."""

    def __init__(
        self, component: Component, node: NodeBox, icon_path: Path, diagram_style: DiagramStyle = LIGHT
    ) -> None:
        super().__init__()
        self._style = diagram_style
        self.component = component
        self.node = node
        self._icon_path = icon_path
        self._selected = False
        self._hovered = False
        self._focus_ring = False
        self._interaction_visible = True
        self._marked = False
        self._label_visible = True
        self._icon_visible = True

        source = self._style.icons.source(icon_path)
        self._icon_rect = fit_icon_rect(qrect(node.icon_box), source.width(), source.height())
        average = self._style.icons.average_color(icon_path)
        self._placeholder_brush = QBrush(average or self._style.placeholder_fill)
        self._label = fitted_label(qrect(node.label_box), node.label_lines, diagram_style)
        content = self._icon_rect.united(self._label.rect) if node.label_lines else QRectF(self._icon_rect)
        self._highlight_rect = _grow(content, style.HALO_MARGIN)
        self._focus_rect = _grow(content, style.FOCUS_MARGIN)
        self._bounds = _grow(content, style.ITEM_MARGIN)
        self._shape = QPainterPath()
        self._shape.addRoundedRect(self._highlight_rect, style.HIGHLIGHT_RADIUS, style.HIGHLIGHT_RADIUS)
        self._marker_center = QPointF(self._icon_rect.right() - 1.0, self._icon_rect.top() + 1.0)

        self.setZValue(style.Z_COMPONENT)
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setData(ELEMENT_ID_KEY, component.id)
        self.setData(ACCESSIBLE_NAME_KEY, component.label)
        self._update_tooltip()

    @property
    def element_id(self) -> str:
        return self.component.id

    @property
    def accessible_name(self) -> str:
        return self.component.label

    def icon_rect(self) -> QRectF:
        """Where the icon is drawn, in scene coordinates."""
        return QRectF(self._icon_rect)

    def label_rect(self) -> QRectF:
        """Where the label lines are drawn (empty without a label)."""
        return QRectF(self._label.rect)

    def marker_center(self) -> QPointF:
        return QPointF(self._marker_center)

    def ink_rect(self) -> QRectF:
        """What this item paints when not hovered: icon, label and the selection halo."""
        content = QRectF(self._icon_rect)
        if not self._label.rect.isEmpty():
            content = content.united(self._label.rect)
        if self._selected:
            content = _grow(content, style.HALO_MARGIN + self._style.halo_pen.widthF())
        return content

    def is_selected(self) -> bool:
        return self._selected

    def is_marked(self) -> bool:
        return self._marked

    def has_focus_ring(self) -> bool:
        return self._focus_ring

    def set_selected(self, selected: bool) -> None:
        self._set("_selected", selected)

    def set_focus_ring(self, visible: bool) -> None:
        self._set("_focus_ring", visible)

    def set_interaction_visible(self, visible: bool) -> None:
        """Whether hover and the focus ring are drawn (not in exports)."""
        self._set("_interaction_visible", visible)

    def set_marked(self, marked: bool) -> None:
        if self._set("_marked", marked):
            self._update_tooltip()

    def set_label_visible(self, visible: bool) -> None:
        if self._set("_label_visible", visible):
            self._update_tooltip()

    def set_icon_visible(self, visible: bool) -> None:
        self._set("_icon_visible", visible)

    def _set(self, name: str, value: bool) -> bool:
        if getattr(self, name) == value:
            return False
        setattr(self, name, value)
        self.update()
        return True

    def _update_tooltip(self) -> None:
        # Without labels (a quiz) the tooltip would give the answer away.
        if not self._label_visible:
            self.setToolTip("")
            return
        note = _NO_MARKER_NOTE if self._marked else ""
        self.setToolTip(tooltip_html(self.component.label, self.component.description, note))

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        return self._shape

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self._set("_hovered", True)
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self._set("_hovered", False)
        super().hoverLeaveEvent(event)

    def paint(self, painter: QPainter, option: _Option, widget: QWidget | None = None) -> None:
        lod = _lod(painter)
        radius = style.HIGHLIGHT_RADIUS
        if self._selected:
            painter.setPen(self._style.halo_pen)
            painter.setBrush(self._style.halo_fill)
            painter.drawRoundedRect(self._highlight_rect, radius, radius)
        elif self._hovered and self._interaction_visible:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self._style.hover_fill)
            painter.drawRoundedRect(self._highlight_rect, radius, radius)

        self._paint_icon(painter, lod)
        if self._label_visible and lod >= style.LOD_NO_LABEL:
            painter.setPen(self._style.text_pen)
            self._label.paint(painter)
        if self._marked:
            painter.setPen(self._style.marker_pen)
            painter.setBrush(self._style.background)
            painter.drawEllipse(self._marker_center, style.MARKER_RADIUS, style.MARKER_RADIUS)
        if self._focus_ring and self._interaction_visible:
            painter.setPen(self._style.focus_pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(self._focus_rect, radius + 3, radius + 3)

    def _paint_icon(self, painter: QPainter, lod: float) -> None:
        visible = self._icon_visible and lod >= style.LOD_SIMPLE_ICON
        if visible and self._style.icons.draw(painter, self._icon_path, self._icon_rect, lod):
            return
        painter.setPen(self._style.placeholder_pen)
        painter.setBrush(self._placeholder_brush if self._icon_visible else self._style.placeholder_brush)
        corner = self._icon_rect.width() / 6
        painter.drawRoundedRect(self._icon_rect.adjusted(4, 4, -4, -4), corner, corner)


class GroupItem(QGraphicsItem):
    """A group: a rounded, filled box with its title at the top left, behind what it holds."""

    def __init__(self, group: Group, box: GroupBox, diagram_style: DiagramStyle = LIGHT) -> None:
        super().__init__()
        self._style = diagram_style
        self.model = group
        self.group_box = box
        self._selected = False
        self._rect = qrect(box.box)
        self._brush = QBrush(self._style.group_fill(box.depth, box.fill))
        pad = self._style.group_selected_pen.widthF()
        self._bounds = self._rect.adjusted(-pad, -pad, pad, pad)
        self._shape = QPainterPath()
        self._shape.addRoundedRect(self._rect, style.GROUP_RADIUS, style.GROUP_RADIUS)

        metrics = QFontMetricsF(self._style.group_font())
        inset = style.GROUP_TITLE_INSET
        title = box.label or group.label
        self._title = metrics.elidedText(title, Qt.TextElideMode.ElideRight, self._rect.width() - 2 * inset)
        # Graphviz's ``lp`` is the centre of the space it reserved for the title.
        centre_y = box.label_pos.y
        if not self._rect.top() <= centre_y <= self._rect.top() + 3 * metrics.height():
            centre_y = self._rect.top() + inset + metrics.height() / 2
        baseline = centre_y + (metrics.ascent() - metrics.descent()) / 2
        self._title_pos = QPointF(self._rect.left() + inset, baseline)
        width = metrics.horizontalAdvance(self._title)
        self._title_rect = QRectF(self._title_pos.x(), baseline - metrics.ascent(), width, metrics.height())

        self.setZValue(style.Z_GROUP + box.depth)
        self.setData(ELEMENT_ID_KEY, group.id)
        self.setData(ACCESSIBLE_NAME_KEY, group.label)
        self.setToolTip(tooltip_html(group.label, group.description))

    @property
    def element_id(self) -> str:
        return self.model.id

    @property
    def accessible_name(self) -> str:
        return self.model.label

    def title_rect(self) -> QRectF:
        return QRectF(self._title_rect)

    def ink_rect(self) -> QRectF:
        """The box and half its border."""
        pen = self._style.group_selected_pen if self._selected else self._style.group_border_pen
        return _grow(self._rect, pen.widthF() / 2)

    def is_selected(self) -> bool:
        return self._selected

    def set_selected(self, selected: bool) -> None:
        if selected != self._selected:
            self._selected = selected
            self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        return self._shape

    def paint(self, painter: QPainter, option: _Option, widget: QWidget | None = None) -> None:
        border = self._style.group_logical_pen if self.model.logical else self._style.group_border_pen
        painter.setPen(self._style.group_selected_pen if self._selected else border)
        painter.setBrush(self._brush)
        painter.drawRoundedRect(self._rect, style.GROUP_RADIUS, style.GROUP_RADIUS)
        if _lod(painter) >= style.LOD_NO_LABEL:
            painter.setFont(self._style.group_font())
            painter.setPen(self._style.group_title_pen)
            painter.drawText(self._title_pos, self._title)


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
        return QRectF(self._label_rect)

    def ink_rect(self) -> QRectF:
        """The stroked path, the arrowhead and the label plate."""
        pen = self._style.edge_emphasised_pen if self._emphasised else self._style.edge_pen
        rect = _grow(self._path.boundingRect(), pen.widthF() / 2).united(self._arrow.boundingRect())
        return rect.united(self._label_rect) if not self._label_rect.isEmpty() else rect

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
        if self._label is not None and lod >= style.LOD_NO_EDGE_LABEL:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self._style.edge_label_background)
            painter.drawRoundedRect(self._label_rect, 3.0, 3.0)
            painter.setPen(self._style.text_pen if emphasised else self._style.muted_text_pen)
            self._label.paint(painter)
