"""The scene of one architecture: items built from a layout, plus selection, focus and markers.

The scene owns the interaction state (which element is selected, which
component has the keyboard focus ring, which are marked) instead of Qt's item
selection flags, so a click, a key press and a call from the main window all
go through :meth:`DiagramScene.select_element`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from PySide6.QtCore import QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QTransform
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from explorer.diagram import scene_build, style
from explorer.diagram.edge_item import EdgeItem
from explorer.diagram.focus_order import nearest_in_direction, reading_order
from explorer.diagram.items import ComponentItem, GroupItem
from explorer.diagram.qt_values import tooltip_html
from explorer.diagram.style import LIGHT, DiagramStyle
from explorer.layout.geometry import Layout
from models.architecture import Architecture, Relation
from models.icons import icon_or_fallback

DiagramElement = ComponentItem | GroupItem


class DiagramScene(QGraphicsScene):
    """Items for ``architecture`` placed where ``layout`` says, and what the user picked.

    Signals:
        element_selected(str): a component or group id was selected (by a click,
            by Enter on the focused component or by :meth:`select_element`).
            Re-selecting the selected element emits it again.
        selection_cleared(): the selection went away (only when there was one).
    """

    element_selected = Signal(str)
    selection_cleared = Signal()

    MARGIN = 24.0
    """Blank space around the diagram, in points."""

    def __init__(
        self,
        architecture: Architecture,
        layout: Layout,
        parent: QObject | None = None,
        *,
        build: bool = True,
        diagram_style: DiagramStyle = LIGHT,
    ) -> None:
        """Builds every item now, or with ``build=False`` leaves that to :meth:`build_steps`."""
        super().__init__(parent)
        self.diagram_style = diagram_style
        """How this scene's items look (fixed for its life; a dark export makes a scene of its own)."""
        self.architecture = architecture
        self.layout = layout
        self.drafting = False
        """Set by the view while it pans or zooms: edges are then drawn as hairlines."""
        self._components: dict[str, ComponentItem] = {}
        self._groups: dict[str, GroupItem] = {}
        self._edges: list[EdgeItem] = []
        self._selected: str | None = None
        self._focused: str | None = None
        self._focus_visible = False
        self._highlight_visible = True
        self._order: list[str] = []
        self.setBackgroundBrush(diagram_style.background)
        if build:
            for _progress in self.build_steps():
                pass

    def item_count(self) -> int:
        """How many items the layout asks for (what :meth:`build_steps` counts up to)."""
        return len(self.layout.groups) + len(self.layout.nodes) + len(self.layout.edges)

    def build_steps(self, batch: int = 50) -> Iterator[int]:
        """Makes the items ``batch`` at a time, yielding how many are done after each batch.

        A large diagram is built between events this way, so the window never
        freezes; the scene is complete (and usable) once the iterator is exhausted.
        """
        return scene_build.build_steps(
            self,
            self._make_items(),
            layout_rect=self.diagram_rect(items=False),
            margin=self.MARGIN,
            batch=batch,
            finish=self._finish_reading_order,
        )

    def _finish_reading_order(self) -> None:
        self._order = self._reading_order()

    def _make_items(self) -> Iterator[tuple[QGraphicsItem, ...]]:
        """Each item of the layout, with what it brings (a group its title), not yet in the scene."""
        architecture = self.architecture
        for group_id, box in self.layout.groups.items():
            if group_id in architecture.groups_by_id:
                group = GroupItem(architecture.group(group_id), box, self.diagram_style)
                self._groups[group_id] = group
                yield group, group.title_item
        for component_id, node in self.layout.nodes.items():
            if component_id in architecture.components_by_id:
                component = architecture.component(component_id)
                item = ComponentItem(component, node, icon_or_fallback(component.icon), self.diagram_style)
                self._components[component_id] = item
                yield (item,)
        for edge in self.layout.edges:
            relation = self._relation_for(edge.source, edge.target, edge.index)
            title = f"{self._name(edge.source)} \N{RIGHTWARDS ARROW} {self._name(edge.target)}"
            tooltip = tooltip_html(title, (relation.label or relation.kind) if relation else "")
            edge_item = EdgeItem(edge, relation, tooltip, self.diagram_style)
            self._edges.append(edge_item)
            yield (edge_item,)

    def _relation_for(self, source: str, target: str, index: int) -> Relation | None:
        relations = self.architecture.relations
        if 0 <= index < len(relations) and (relations[index].source, relations[index].target) == (
            source,
            target,
        ):
            return relations[index]
        matching = [r for r in relations if (r.source, r.target) == (source, target)]
        return matching[0] if matching else None

    def _name(self, element_id: str) -> str:
        if element_id in self.architecture.components_by_id:
            return self.architecture.component(element_id).label
        if element_id in self.architecture.groups_by_id:
            return self.architecture.group(element_id).label
        return element_id

    # Items -----------------------------------------------------------------

    def diagram_rect(self, *, items: bool = True) -> QRectF:
        """The laid-out diagram (layout bounds, and every item unless ``items`` is False), no margin."""
        bounds = self.layout.bounds
        rect = QRectF(bounds.x, bounds.y, bounds.width, bounds.height)
        return rect.united(self.itemsBoundingRect()) if items and self.items() else rect

    def item_for(self, element_id: str) -> QGraphicsItem | None:
        """The ComponentItem or GroupItem drawing ``element_id``."""
        return self._components.get(element_id) or self._groups.get(element_id)

    def component_items(self) -> list[ComponentItem]:
        """Components in reading order: by rank along the layout direction, then across it."""
        return [self._components[component_id] for component_id in self._order]

    def group_items(self) -> list[GroupItem]:
        return list(self._groups.values())

    def edge_items(self) -> list[EdgeItem]:
        return list(self._edges)

    def element_at(self, scene_pos: QPointF, device_transform: QTransform | None = None) -> str | None:
        """The component, else the innermost group, under ``scene_pos`` (edges are not elements)."""
        transform = device_transform if device_transform is not None else QTransform()
        for item in self.items(
            scene_pos, Qt.ItemSelectionMode.IntersectsItemShape, Qt.SortOrder.DescendingOrder, transform
        ):
            if isinstance(item, ComponentItem | GroupItem):
                return item.element_id
        return None

    def component_at(self, scene_pos: QPointF, device_transform: QTransform | None = None) -> str | None:
        """The component under ``scene_pos``; None over a group, a line or the canvas."""
        element_id = self.element_at(scene_pos, device_transform)
        return element_id if element_id in self._components else None

    def click_at(self, scene_pos: QPointF, device_transform: QTransform | None = None) -> str | None:
        """Selects what is at ``scene_pos``, or clears the selection over empty canvas."""
        element_id = self.element_at(scene_pos, device_transform)
        if element_id in self._components:
            # A mouse user gets no focus ring, as with :focus-visible on the web.
            self._focus_visible = False
        self.select_element(element_id)
        return element_id

    # Selection -------------------------------------------------------------

    def selected_element(self) -> str | None:
        return self._selected

    def select_element(self, element_id: str | None, *, emit: bool = True) -> None:
        """Selects a component or group by id; ``None`` (or an unknown id) clears the selection."""
        if element_id is not None and self.item_for(element_id) is None:
            element_id = None
        previous = self._selected
        self._selected = element_id
        if element_id in self._components:
            # Tab and the arrow keys go on from the selected component.
            self._set_focus(element_id)
        if element_id != previous:
            self._apply_highlight()
        if not emit:
            return
        if element_id is not None:
            self.element_selected.emit(element_id)
        elif previous is not None:
            self.selection_cleared.emit()

    def set_selection_highlight_visible(self, visible: bool) -> None:
        """Shows or hides the halo, accent edges, dimming, hover and focus ring (for exports).

        The selection and the focus themselves are kept.
        """
        if visible != self._highlight_visible:
            self._highlight_visible = visible
            for item in self._components.values():
                item.set_interaction_visible(visible)
            self._apply_highlight()

    def related_elements(self, element_id: str) -> set[str]:
        """``element_id`` and the elements directly related to it."""
        return {element_id, *self.architecture.neighbours(element_id)}

    def _apply_highlight(self) -> None:
        selected = self._selected if self._highlight_visible else None
        if selected is None:
            self._show_all()
        elif selected in self._components:
            self._highlight_component(selected)
        else:
            self._highlight_group(selected)

    def _show_all(self) -> None:
        for item in self._all_items():
            item.setOpacity(1.0)
        for component in self._components.values():
            component.set_selected(False)
        for group in self._groups.values():
            group.set_selected(False)
        for edge in self._edges:
            edge.set_emphasised(False)

    def _highlight_component(self, selected: str) -> None:
        related = self.related_elements(selected)
        keep_groups = self._enclosing_groups(related)
        for component_id, component in self._components.items():
            component.set_selected(component_id == selected)
            component.setOpacity(1.0 if component_id in related else style.DIM_COMPONENT)
        for group_id, group in self._groups.items():
            group.set_selected(False)
            group.setOpacity(1.0 if group_id in keep_groups else style.DIM_GROUP)
        for edge in self._edges:
            touches = selected in (edge.source, edge.target)
            edge.set_emphasised(touches)
            edge.setOpacity(1.0 if touches else style.DIM_EDGE)

    def _highlight_group(self, selected: str) -> None:
        inside = self._groups_within(selected)
        members = {c.id for c in self.architecture.components if c.group in inside} | inside
        keep_groups = inside | {group.id for group in self.architecture.group_path(selected)}
        for component_id, component in self._components.items():
            component.set_selected(False)
            component.setOpacity(1.0 if component_id in members else style.DIM_SOFT)
        for group_id, group in self._groups.items():
            group.set_selected(group_id == selected)
            group.setOpacity(1.0 if group_id in keep_groups else style.DIM_GROUP)
        for edge in self._edges:
            edge.set_emphasised(selected in (edge.source, edge.target))
            touches = edge.source in members or edge.target in members
            edge.setOpacity(1.0 if touches else style.DIM_SOFT)

    def _enclosing_groups(self, element_ids: Iterable[str]) -> set[str]:
        groups: set[str] = set()
        for element_id in element_ids:
            if element_id in self.architecture.components_by_id:
                start = self.architecture.component(element_id).group
            elif element_id in self.architecture.groups_by_id:
                start = element_id
            else:
                continue
            groups.update(group.id for group in self.architecture.group_path(start))
        return groups

    def _groups_within(self, group_id: str) -> set[str]:
        within = {group_id}
        frontier = [group_id]
        while frontier:
            parent = frontier.pop()
            for child in self.architecture.child_groups(parent):
                if child.id not in within:
                    within.add(child.id)
                    frontier.append(child.id)
        return within

    def _all_items(self) -> list[QGraphicsItem]:
        return [*self._components.values(), *self._groups.values(), *self._edges]

    # Markers and quiz switches ----------------------------------------------

    def set_markers(self, component_ids: set[str]) -> None:
        """Marks these components as "not in your notes yet"; an empty set removes every marker."""
        for component_id, item in self._components.items():
            item.set_marked(component_id in component_ids)

    def marked_components(self) -> set[str]:
        return {component_id for component_id, item in self._components.items() if item.is_marked()}

    def set_labels_visible(self, visible: bool) -> None:
        """Shows or hides component labels (and their tooltips); group titles stay."""
        for item in self._components.values():
            item.set_label_visible(visible)

    def set_icons_visible(self, visible: bool) -> None:
        """Shows icons, or neutral placeholders of the same size."""
        for item in self._components.values():
            item.set_icon_visible(visible)

    def set_edge_labels_visible(self, visible: bool) -> None:
        """Shows or hides every edge label (and the edge tooltips, which name both ends)."""
        for edge in self._edges:
            edge.set_label_visible(visible)

    def set_quiz_mode(self, quiz: bool) -> None:
        """Hides every clue to a component's name, or shows them again.

        Labels, tooltips and edge labels go, and icons that print their object's name
        (the Kubernetes ones: etcd, api, sched…) are drawn without it.
        """
        self.set_labels_visible(not quiz)
        self.set_edge_labels_visible(not quiz)
        for item in self._components.values():
            item.set_unlabelled_icon(quiz)

    # Keyboard focus ---------------------------------------------------------

    def focused_element(self) -> str | None:
        """The component the keyboard is on (Enter selects it)."""
        return self._focused

    def set_focused_element(self, component_id: str | None, *, ring: bool = True) -> None:
        """Moves the keyboard focus to a component; ``ring`` shows the dashed focus ring."""
        if component_id is not None and component_id not in self._components:
            component_id = None
        self._focus_visible = ring
        self._set_focus(component_id)

    def set_focus_ring_visible(self, visible: bool) -> None:
        self._focus_visible = visible
        self._set_focus(self._focused)

    def focus_ring_visible(self) -> bool:
        return self._focus_visible and self._focused is not None

    def focus_next(self, forward: bool = True) -> bool:
        """Moves the focus to the next (or previous) component; False past either end."""
        if not self._order:
            return False
        if self._focused is None:
            target = self._order[0] if forward else self._order[-1]
        else:
            index = self._order.index(self._focused) + (1 if forward else -1)
            if not 0 <= index < len(self._order):
                return False
            target = self._order[index]
        self.set_focused_element(target)
        return True

    def focus_direction(self, dx: float, dy: float) -> bool:
        """Moves the focus to the nearest component in direction (dx, dy); False if none is there."""
        if self._focused is None:
            return self.focus_next(True)
        target = nearest_in_direction(self._centres(), self._focused, dx, dy)
        if target is None:
            return False
        self.set_focused_element(target)
        return True

    def _set_focus(self, component_id: str | None) -> None:
        if self._focused is not None and self._focused != component_id:
            self._components[self._focused].set_focus_ring(False)
        self._focused = component_id
        if component_id is not None:
            self._components[component_id].set_focus_ring(self._focus_visible)

    def _centres(self) -> dict[str, QPointF]:
        return {cid: item.icon_rect().center() for cid, item in self._components.items()}

    def _reading_order(self) -> list[str]:
        horizontal = self.architecture.layout.direction.upper() in ("LR", "RL")
        extents = [
            item.icon_rect().width() if horizontal else item.icon_rect().height()
            for item in self._components.values()
        ]
        return reading_order(self._centres(), extents, horizontal)
