"""A walkthrough step on a scene: its elements emphasised, earlier steps faintly, the rest dimmed.

The same emphasis serves the window and the slides, so a slide shows what the
window showed. It works through the items' own setters (opacity, halo, accent
edges), like the scene's selection highlight, and :func:`clear_step` hands the
scene back to that highlight.
"""

from __future__ import annotations

from dataclasses import dataclass

from explorer.diagram import style
from explorer.diagram.edge_item import EdgeItem
from explorer.diagram.scene import DiagramScene
from models.walkthroughs import Walkthrough

EARLIER = 0.6
"""Opacity of what earlier steps emphasised: faint, so the path so far reads as a whole."""


@dataclass(frozen=True)
class StepEmphasis:
    """What step ``index`` emphasises (``current``) and what the steps before it did (``earlier``)."""

    components: frozenset[str]
    groups: frozenset[str]
    relations: frozenset[tuple[str, str]]
    earlier_components: frozenset[str]
    earlier_groups: frozenset[str]
    earlier_relations: frozenset[tuple[str, str]]

    @classmethod
    def of(cls, walkthrough: Walkthrough, index: int) -> StepEmphasis:
        step = walkthrough.steps[index]
        before = walkthrough.steps[:index]
        return cls(
            frozenset(step.components),
            frozenset(step.groups),
            frozenset(step.relations),
            frozenset(c for s in before for c in s.components),
            frozenset(g for s in before for g in s.groups),
            frozenset(r for s in before for r in s.relations),
        )

    def touched(self) -> frozenset[str]:
        """Every component and group of this step and the earlier ones."""
        return self.components | self.groups | self.earlier_components | self.earlier_groups


def apply_step(scene: DiagramScene, emphasis: StepEmphasis) -> None:
    """Emphasises the step on ``scene``: halo and full colour now, faint for before, dim for the rest."""
    architecture = scene.architecture
    enclosing = {
        group.id
        for element in emphasis.touched()
        for group in architecture.group_path(
            architecture.component(element).group if element in architecture.components_by_id else element
        )
    }
    for component in scene.component_items():
        element = component.element_id
        component.set_selected(element in emphasis.components)
        component.setOpacity(
            _level(element, emphasis.components, emphasis.earlier_components, style.DIM_COMPONENT)
        )
    for group in scene.group_items():
        element = group.element_id
        group.set_selected(element in emphasis.groups)
        if element in emphasis.groups or element in enclosing:
            group.setOpacity(1.0)
        else:
            group.setOpacity(style.DIM_GROUP)
    for edge in scene.edge_items():
        pair = (edge.source, edge.target)
        edge.set_emphasised(pair in emphasis.relations)
        edge.setOpacity(_level(pair, emphasis.relations, emphasis.earlier_relations, style.DIM_EDGE))


def active_edges(scene: DiagramScene, emphasis: StepEmphasis) -> list[EdgeItem]:
    """The drawn edges of the step's relations (a relation drawn twice gives two)."""
    return [edge for edge in scene.edge_items() if (edge.source, edge.target) in emphasis.relations]


def clear_step(scene: DiagramScene) -> None:
    """Every item back to normal, then the scene's own selection highlight (if any) again."""
    for component in scene.component_items():
        component.set_selected(False)
        component.setOpacity(1.0)
    for group in scene.group_items():
        group.set_selected(False)
        group.setOpacity(1.0)
    for edge in scene.edge_items():
        edge.set_emphasised(False)
        edge.setOpacity(1.0)
    selected = scene.selected_element()
    if selected is not None:
        scene.select_element(None, emit=False)
        scene.select_element(selected, emit=False)


def _level(element: object, current: frozenset[object], earlier: frozenset[object], dim: float) -> float:
    if element in current:
        return 1.0
    return EARLIER if element in earlier else dim
