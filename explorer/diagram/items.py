"""Graphics items for one diagram: a component, a group and an edge.

Each item is built once from a pure layout box and precomputes everything it
paints (rectangles, paths, label positions), so ``paint`` only draws. The scene
owns selection, focus and dimming and tells items through small setters.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QFont, QFontMetricsF, QPainter, QPainterPath
from PySide6.QtWidgets import QGraphicsItem, QGraphicsSceneHoverEvent, QStyleOptionGraphicsItem, QWidget

from explorer.diagram import style
from explorer.diagram.icons import fit_icon_rect
from explorer.diagram.qt_values import qrect, tooltip_html
from explorer.diagram.style import LIGHT, DiagramStyle
from explorer.diagram.text import fitted_label
from explorer.layout.geometry import GroupBox, NodeBox
from models.architecture import Component, Group

ELEMENT_ID_KEY = 0
"""``QGraphicsItem.data`` key holding the id of the component or group an item draws."""
ACCESSIBLE_NAME_KEY = int(Qt.ItemDataRole.AccessibleTextRole)

_NO_MARKER_NOTE = "Not in your notes yet"
_Option = QStyleOptionGraphicsItem


def _lod(painter: QPainter) -> float:
    return QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())


def _grow(rect: QRectF, margin: float) -> QRectF:
    return rect.adjusted(-margin, -margin, margin, margin)


def _rounded(rect: QRectF, radius: float) -> QPainterPath:
    path = QPainterPath()
    path.addRoundedRect(rect, radius, radius)
    return path


_FIRST_VIEW_ICON_PX = (32, 64)
"""Shrunk copies a first view usually draws (56-point icons at the readable zoom, about 1)."""


def read_icon(icon_path: Path, diagram_style: DiagramStyle = LIGHT) -> None:
    """Reads what a component item (and a first view) needs of its icon into the style's cache.

    The scene loader does it while Graphviz works, so making the items does not.
    """
    diagram_style.icons.average_color(icon_path)  # reads the file too
    diagram_style.needs_plate(icon_path)
    for size in _FIRST_VIEW_ICON_PX:
        diagram_style.icons.pixmap(icon_path, size)


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
        self._unlabelled_icon = False

        source = self._style.icons.source(icon_path)
        self._icon_rect = fit_icon_rect(qrect(node.icon_box), source.width(), source.height())
        average = self._style.icons.average_color(icon_path)
        self._placeholder_brush = QBrush(average or self._style.placeholder_fill, Qt.BrushStyle.SolidPattern)
        self._plate = (
            _grow(self._icon_rect, style.PLATE_PAD) if diagram_style.needs_plate(icon_path) else None
        )
        self._label = fitted_label(
            qrect(node.label_box), node.label_lines, diagram_style, flush_left=node.label_beside_icon
        )
        content = self._icon_rect.united(self._label.rect) if node.label_lines else QRectF(self._icon_rect)
        self._highlight_rect = _grow(content, style.HALO_MARGIN)
        self._focus_rect = _grow(content, style.FOCUS_MARGIN)
        self._bounds = _grow(content, style.ITEM_MARGIN)
        self._shape: QPainterPath | None = None  # made on the first hit test (most never get one)
        self._marker_center = QPointF(self._icon_rect.right() - 1.0, self._icon_rect.top() + 1.0)

        self.setZValue(style.Z_COMPONENT)
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        # No device cache: drawing an icon copy and a label directly costs less than
        # re-rendering a cache pixmap at every zoom step, and 1,000 of those held 8 MiB.
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

    def label_font(self) -> QFont:
        """The font the label is drawn in (the largest that fits its box)."""
        return QFont(self._label.font)

    def label_pixel_size(self) -> int | None:
        """The label font's size in pixels at zoom 1; None without a label."""
        return self._label.font.pixelSize() if self._label.lines else None

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

    def set_unlabelled_icon(self, unlabelled: bool) -> None:
        """Draws an icon that prints its object's name (etcd, api…) without it, for quizzes."""
        self._set("_unlabelled_icon", unlabelled)

    def has_plate(self) -> bool:
        """Whether a light plate is drawn behind the icon (too little contrast without one)."""
        return self._plate is not None

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
        if self._shape is None:
            self._shape = _rounded(self._highlight_rect, style.HIGHLIGHT_RADIUS)
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
        if self._label_visible and lod * self._style.text_scale >= style.LOD_NO_LABEL:
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
        if visible and self._plate is not None and self._style.icon_plate is not None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self._style.icon_plate)
            painter.drawRoundedRect(self._plate, style.PLATE_PAD * 2, style.PLATE_PAD * 2)
        icons = self._style.icons
        if visible and icons.draw(
            painter, self._icon_path, self._icon_rect, lod, unlabelled=self._unlabelled_icon
        ):
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
        self._brush = QBrush(self._style.group_fill(box.depth, box.fill), Qt.BrushStyle.SolidPattern)
        pad = self._style.group_selected_pen.widthF()
        self._bounds = self._rect.adjusted(-pad, -pad, pad, pad)
        self._shape: QPainterPath | None = None

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
        self.title_item = GroupTitleItem(
            self._title, self._title_pos, self._title_rect, self._brush, self._style
        )
        """Added to the scene beside this item: a child could not rise above the relation lines."""

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
        if self._shape is None:
            self._shape = _rounded(self._rect, style.GROUP_RADIUS)
        return self._shape

    def paint(self, painter: QPainter, option: _Option, widget: QWidget | None = None) -> None:
        border = self._style.group_logical_pen if self.model.logical else self._style.group_border_pen
        painter.setPen(self._style.group_selected_pen if self._selected else border)
        painter.setBrush(self._brush)
        painter.drawRoundedRect(self._rect, style.GROUP_RADIUS, style.GROUP_RADIUS)

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: object) -> object:  # noqa: N802
        if change is QGraphicsItem.GraphicsItemChange.ItemOpacityHasChanged:
            self.title_item.setOpacity(self.opacity())  # dimmed with its group
        return super().itemChange(change, value)


class GroupTitleItem(QGraphicsItem):
    """A group's title above the relation lines, on a plate of the group's colour.

    A line entering a group through its title band would otherwise run through the
    name. Clicks and tooltips pass through to the group beneath.
    """

    PLATE_PAD = 3.0

    def __init__(
        self, title: str, pos: QPointF, rect: QRectF, brush: QBrush, diagram_style: DiagramStyle
    ) -> None:
        super().__init__()
        self._style = diagram_style
        self._title, self._pos, self._brush = title, pos, brush
        self._plate = rect.adjusted(-self.PLATE_PAD, 0.0, self.PLATE_PAD, 0.0)
        self.setZValue(style.Z_GROUP_TITLE)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def boundingRect(self) -> QRectF:
        return self._plate

    def paint(self, painter: QPainter, option: _Option, widget: QWidget | None = None) -> None:
        if not self._title or _lod(painter) * self._style.text_scale < style.LOD_NO_LABEL:
            return
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._brush)
        painter.drawRoundedRect(self._plate, 2.0, 2.0)
        painter.setFont(self._style.group_font())
        painter.setPen(self._style.group_title_pen)
        painter.drawText(self._pos, self._title)
