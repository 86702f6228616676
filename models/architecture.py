"""The domain model: architectures made of nested groups, components and relations."""

from __future__ import annotations

from dataclasses import field
from functools import cached_property

from models.records import frozen_record, set_field


@frozen_record
class Group:
    """A containment box: cloud, region, VPC, availability zone, cluster, node, task…"""

    id: str
    label: str
    kind: str
    parent: str | None = None
    description: str = ""
    aliases: tuple[str, ...] = ()
    logical: bool = False
    """A grouping by membership (an ECS cluster), not a place: drawn with a dashed border."""

    def __init__(
        self,
        id: str,
        label: str,
        kind: str,
        parent: str | None = None,
        description: str = "",
        aliases: tuple[str, ...] = (),
        logical: bool = False,
    ) -> None:
        set_field(self, "id", id)
        set_field(self, "label", label)
        set_field(self, "kind", kind)
        set_field(self, "parent", parent)
        set_field(self, "description", description)
        set_field(self, "aliases", aliases)
        set_field(self, "logical", logical)


@frozen_record
class Component:
    """One clickable part of an architecture.

    ``concept`` names what the component *is*, independent of where it sits:
    two ECS agents on two instances share the concept ``ecs-agent``, and
    kube-apiserver in Kubernetes and in EKS share ``kube-apiserver``. Notes and
    cross-architecture comparisons are keyed by concept.
    """

    id: str
    label: str
    kind: str
    icon: str
    group: str | None = None
    aliases: tuple[str, ...] = ()
    description: str = ""
    concept: str = ""

    def __init__(
        self,
        id: str,
        label: str,
        kind: str,
        icon: str,
        group: str | None = None,
        aliases: tuple[str, ...] = (),
        description: str = "",
        concept: str = "",
    ) -> None:
        set_field(self, "id", id)
        set_field(self, "label", label)
        set_field(self, "kind", kind)
        set_field(self, "icon", icon)
        set_field(self, "group", group)
        set_field(self, "aliases", aliases)
        set_field(self, "description", description)
        set_field(self, "concept", concept)

    @property
    def concept_id(self) -> str:
        return self.concept or self.id

    @property
    def names(self) -> tuple[str, ...]:
        """The label followed by every alias: what the component is called in notes."""
        return (self.label, *self.aliases)


@frozen_record
class Relation:
    """A directed link between two components (or groups)."""

    source: str
    target: str
    kind: str
    label: str = ""

    def __init__(self, source: str, target: str, kind: str, label: str = "") -> None:
        set_field(self, "source", source)
        set_field(self, "target", target)
        set_field(self, "kind", kind)
        set_field(self, "label", label)


@frozen_record
class LayoutHints:
    """How the architecture prefers to be laid out."""

    direction: str = "LR"

    def __init__(self, direction: str = "LR") -> None:
        set_field(self, "direction", direction)


@frozen_record
class Architecture:
    """A whole architecture: what the diagram shows and what the notes are matched against."""

    id: str
    title: str
    summary: str
    groups: tuple[Group, ...] = ()
    components: tuple[Component, ...] = ()
    relations: tuple[Relation, ...] = ()
    aliases: tuple[str, ...] = ()
    order: int = 100
    layout: LayoutHints = field(default_factory=LayoutHints)
    source: str = ""
    warnings: tuple[str, ...] = ()

    def __init__(
        self,
        id: str,
        title: str,
        summary: str,
        groups: tuple[Group, ...] = (),
        components: tuple[Component, ...] = (),
        relations: tuple[Relation, ...] = (),
        aliases: tuple[str, ...] = (),
        order: int = 100,
        layout: LayoutHints | None = None,
        source: str = "",
        warnings: tuple[str, ...] = (),
    ) -> None:
        set_field(self, "id", id)
        set_field(self, "title", title)
        set_field(self, "summary", summary)
        set_field(self, "groups", groups)
        set_field(self, "components", components)
        set_field(self, "relations", relations)
        set_field(self, "aliases", aliases)
        set_field(self, "order", order)
        set_field(self, "layout", LayoutHints() if layout is None else layout)
        set_field(self, "source", source)
        set_field(self, "warnings", warnings)

    @cached_property
    def components_by_id(self) -> dict[str, Component]:
        return {component.id: component for component in self.components}

    @cached_property
    def groups_by_id(self) -> dict[str, Group]:
        return {group.id: group for group in self.groups}

    def component(self, component_id: str) -> Component:
        return self.components_by_id[component_id]

    def group(self, group_id: str) -> Group:
        return self.groups_by_id[group_id]

    def has_element(self, element_id: str) -> bool:
        """True for the id of a component or of a group."""
        return element_id in self.components_by_id or element_id in self.groups_by_id

    def group_path(self, group_id: str | None) -> list[Group]:
        """The chain of groups from the outermost down to ``group_id``."""
        path: list[Group] = []
        while group_id is not None:
            group = self.groups_by_id[group_id]
            path.append(group)
            group_id = group.parent
        return path[::-1]

    def child_groups(self, parent_id: str | None) -> list[Group]:
        return [group for group in self.groups if group.parent == parent_id]

    def neighbours(self, element_id: str) -> set[str]:
        """Ids directly related to ``element_id`` in either direction."""
        linked: set[str] = set()
        for relation in self.relations:
            if relation.source == element_id:
                linked.add(relation.target)
            elif relation.target == element_id:
                linked.add(relation.source)
        return linked
