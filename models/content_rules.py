"""Study-content rules: what may be drawn inside what, kept as data.

A diagram teaches through containment: a box inside another box reads as "lives
in". These rules catch the boxes that teach a wrong fact (an ECS cluster inside
a VPC, IAM inside a Region, an Ingress inside a node). The tests run them over
every built-in architecture; the loader adds their findings to a user's own
architecture as warnings, never as errors, because they are study help.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from models.architecture import Architecture, Component, Group

NETWORK_PLACES = frozenset({"vpc", "az", "subnet"})
"""Group kinds that mean a place in a network."""


@dataclass(frozen=True)
class Subject:
    """Which elements a rule is about: a kind, or a name matched against the label and the id.

    ``name`` is a regular expression searched (case-insensitively) in the label
    and in the id with ``-``/``_`` read as spaces.
    """

    kinds: frozenset[str] = frozenset()
    name: str = ""

    def matches(self, kind: str, label: str, element_id: str) -> bool:
        if kind in self.kinds:
            return True
        if not self.name:
            return False
        spaced_id = re.sub(r"[-_.]+", " ", element_id)
        return any(re.search(self.name, text, re.IGNORECASE) for text in (label, spaced_id))


@dataclass(frozen=True)
class PlacementRule:
    """Groups of the kinds in ``not_inside`` must not contain the subject; a subject that is a group
    must not contain groups of the kinds in ``not_around``."""

    id: str
    subject: Subject
    why: str
    not_inside: frozenset[str] = frozenset()
    not_around: frozenset[str] = frozenset()


RULES: tuple[PlacementRule, ...] = (
    PlacementRule(
        "ecs-cluster-is-logical",
        Subject(name=r"\becs cluster\b"),
        "an ECS cluster is a regional, logical grouping of services, tasks and container instances, "
        "not a VPC resource: it cannot sit in a VPC, AZ or subnet, nor hold them (show membership with "
        "relations, or a group marked logical at Region level)",
        not_inside=NETWORK_PLACES | {"node"},
        not_around=NETWORK_PLACES,
    ),
    PlacementRule(
        "iam-is-global",
        Subject(kinds=frozenset({"iam-role"}), name=r"\biam\b"),
        "IAM is a global service: its users and roles belong to the account, not to a Region or a network",
        not_inside=NETWORK_PLACES | {"region"},
    ),
    PlacementRule(
        "ingress-is-an-api-object",
        Subject(name=r"^ingress( resource| object| rules?)?$"),
        "an Ingress is an API object stored through the API server; the ingress controller that "
        "implements it runs as Pods on nodes, the Ingress itself does not",
        not_inside=frozenset({"node", "pod"}),
    ),
    PlacementRule(
        "api-objects-are-not-on-nodes",
        Subject(kinds=frozenset({"api-object"})),
        "Kubernetes API objects (Service, Ingress, Deployment…) are stored through the API server, "
        "not on a node",
        not_inside=frozenset({"node", "pod"}),
    ),
    PlacementRule(
        "fargate-profile-is-a-selector",
        Subject(name=r"\bfargate profiles?\b"),
        "a Fargate profile is a cluster-level selector (namespaces, labels, subnets, a Pod execution "
        "role), not a place: draw the Pods it selects in the subnets, and the profile outside them",
        not_inside=NETWORK_PLACES | {"node"},
        not_around=NETWORK_PLACES | {"node"},
    ),
)


@dataclass(frozen=True)
class Finding:
    rule: str
    element_id: str
    message: str


def check(architecture: Architecture, rules: tuple[PlacementRule, ...] = RULES) -> list[Finding]:
    """Every rule broken by ``architecture``, plus every relation naming an unknown component."""
    findings: list[Finding] = []
    elements: list[Group | Component] = [*architecture.groups, *architecture.components]
    for element in elements:
        for rule in rules:
            if rule.subject.matches(element.kind, element.label, element.id):
                findings += _placement_findings(architecture, element, rule)
    known = architecture.components_by_id
    for relation in architecture.relations:
        for end in (relation.source, relation.target):
            if end not in known:
                findings.append(
                    Finding("relations-name-components", end, f"relation names unknown component {end!r}")
                )
    return findings


def content_warnings(architecture: Architecture) -> tuple[str, ...]:
    """The findings as one-line warnings that name the file, the element and the fact."""
    return tuple(f"{architecture.source}: {finding.message}" for finding in check(architecture))


def _placement_findings(
    architecture: Architecture, element: Group | Component, rule: PlacementRule
) -> list[Finding]:
    """At most two findings per element and rule: the innermost wrong container, and what it wrongly holds."""
    parent = element.parent if isinstance(element, Group) else element.group
    findings: list[Finding] = []
    outer = next((g for g in reversed(architecture.group_path(parent)) if g.kind in rule.not_inside), None)
    if outer is not None:
        findings.append(
            Finding(rule.id, element.id, f"{element.label!r} is drawn inside {outer.label!r}: {rule.why}")
        )
    if isinstance(element, Group):
        held = [g.label for g in _descendants(architecture, element.id) if g.kind in rule.not_around]
        if held:
            names = ", ".join(repr(label) for label in held[:3]) + (" …" if len(held) > 3 else "")
            findings.append(Finding(rule.id, element.id, f"{element.label!r} holds {names}: {rule.why}"))
    return findings


def _descendants(architecture: Architecture, group_id: str) -> list[Group]:
    found: list[Group] = []
    pending = [group_id]
    while pending:
        children = architecture.child_groups(pending.pop())
        found += children
        pending += [child.id for child in children]
    return found
