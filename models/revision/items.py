"""What a quiz asks about: the components of an architecture, grouped by what they look like.

Three etcd members or two kubelets are one thing to recognise, so components
with the same concept and the same label (once a trailing "A", "(b)" or "(2)"
is dropped) form one :class:`QuizItem`. Each component keeps its own card; an
answer about the item reviews the cards of all its members.
"""

from __future__ import annotations

from dataclasses import dataclass

from models.architecture import Architecture, Component
from models.revision.names import base_label, normalize


@dataclass(frozen=True)
class QuizItem:
    """One thing to recognise in one architecture.

    Attributes:
        architecture_id: the architecture it belongs to.
        key: stable id within the architecture (the first member's component id).
        label: what the answer is called (the shared label, or the base label).
        members: the components it stands for, in model order.
    """

    architecture_id: str
    key: str
    label: str
    members: tuple[Component, ...]

    @property
    def component_ids(self) -> tuple[str, ...]:
        return tuple(member.id for member in self.members)

    @property
    def concept_id(self) -> str:
        return self.members[0].concept_id

    @property
    def kind(self) -> str:
        return self.members[0].kind

    @property
    def description(self) -> str:
        """The first non-empty description among the members."""
        return next((m.description.strip() for m in self.members if m.description.strip()), "")

    @property
    def names(self) -> tuple[str, ...]:
        """Every accepted answer: the item label, then each member's label and aliases."""
        names: dict[str, None] = {self.label: None}
        for member in self.members:
            names.update(dict.fromkeys(member.names))
        return tuple(name for name in names if name.strip())

    def contains(self, component_id: str) -> bool:
        return component_id in self.component_ids


def quiz_items(architecture: Architecture) -> list[QuizItem]:
    """The architecture's components grouped into quiz items, in model order."""
    groups: dict[tuple[str, str], list[Component]] = {}
    for component in architecture.components:
        key = (component.concept_id, normalize(base_label(component.label)))
        groups.setdefault(key, []).append(component)
    items = []
    for members in groups.values():
        labels = {member.label for member in members}
        label = members[0].label if len(labels) == 1 else base_label(members[0].label)
        items.append(QuizItem(architecture.id, members[0].id, label, tuple(members)))
    return items


def item_for_component(items: list[QuizItem], component_id: str) -> QuizItem | None:
    return next((item for item in items if item.contains(component_id)), None)
