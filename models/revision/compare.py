"""Which parts of two architectures correspond: same concept for components, same id for groups."""

from __future__ import annotations

from dataclasses import dataclass

from models.architecture import Architecture

DEFAULT_PAIRS: tuple[tuple[str, str], ...] = (("ecs-ec2", "ecs-fargate"), ("kubernetes", "eks"))
"""The comparisons offered first: the two ECS capacity modes, and Kubernetes against EKS."""


@dataclass(frozen=True)
class Counterparts:
    """Links between the elements of ``left`` and ``right``."""

    left: Architecture
    right: Architecture

    def of(self, side: str, element_id: str) -> tuple[str, ...]:
        """Ids on the other side that correspond to ``element_id`` on ``side`` ("left" or "right")."""
        source, target = (self.left, self.right) if side == "left" else (self.right, self.left)
        if element_id in source.components_by_id:
            concept = source.component(element_id).concept_id
            return tuple(c.id for c in target.components if c.concept_id == concept)
        if element_id in source.groups_by_id and element_id in target.groups_by_id:
            return (element_id,)
        return ()

    def only_on(self, side: str) -> tuple[str, ...]:
        """Components of ``side`` with no counterpart on the other side, in model order."""
        source, target = (self.left, self.right) if side == "left" else (self.right, self.left)
        concepts = {component.concept_id for component in target.components}
        return tuple(c.id for c in source.components if c.concept_id not in concepts)

    def shared_concepts(self) -> tuple[str, ...]:
        """Concepts present on both sides, in the left model's order."""
        right = {component.concept_id for component in self.right.components}
        seen: dict[str, None] = {}
        for component in self.left.components:
            if component.concept_id in right:
                seen.setdefault(component.concept_id)
        return tuple(seen)


def default_partner(architecture_id: str, known: set[str] | dict[str, object]) -> str | None:
    """The usual comparison partner of ``architecture_id`` among ``known`` ids."""
    for left, right in DEFAULT_PAIRS:
        if architecture_id == left and right in known:
            return right
        if architecture_id == right and left in known:
            return left
    return None
