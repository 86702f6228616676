"""How Graphviz is asked to lay a model out, chosen by the model's size.

Orthogonal edges where Graphviz is fast, splines above, and for large graphs fewer
crossing-minimisation and network-simplex iterations (Graphviz's time down by two
thirds, for about 2 % more crossings). The largest models with several top-level
groups are laid out in parts (:func:`should_compose`, :mod:`explorer.layout.compose`).
"""

from __future__ import annotations

from typing import Any

from models.architecture import Architecture
from models.records import frozen_record, set_field

ORTHO_MAX_NODES = 150
"""Ortho routing grows fast: 0.25 s at 150 nodes, 1.5 s at 300, about a minute at 1,000."""
ORTHO_MAX_RELATIONS = 300
FAST_FROM_COMPONENTS = 300
FAST_GRAPH_ATTRS = (("mclimit", "0.3"), ("nslimit", "0.2"))
"""Graphviz attributes for large graphs: 1,000 components in 0.4 s instead of 1.2 s."""
FASTEST_FROM_COMPONENTS = 1500
FASTEST_GRAPH_ATTRS = (("mclimit", "0.1"), ("nslimit", "0.1"), ("remincross", "false"))
"""For the largest graphs: 2,000 components in 2.8 s instead of 3.4 s (and 23 s with dot's defaults)."""
COMPOSE_FROM = 600
"""Components from which a model with several top-level groups is laid out in parts."""
COMPOSE_VERSION = 1
"""Part of a composed layout's cache key: bump it when :mod:`explorer.layout.compose`'s result changes."""


def should_compose(architecture: Architecture) -> bool:
    """Whether ``architecture`` is laid out in parts (see :func:`explorer.layout.compose.compose`)."""
    if len(architecture.components) < COMPOSE_FROM:
        return False
    roots = {top_group(architecture, c.group) if c.group else None for c in architecture.components}
    return len(roots) > 1


def top_group(architecture: Architecture, group_id: str) -> str:
    """The top-level group enclosing ``group_id`` (itself if it has no parent group)."""
    groups = architecture.groups_by_id
    seen = {group_id}
    while (parent := groups[group_id].parent) in groups and parent not in seen:
        group_id = parent
        seen.add(parent)
    return group_id


def choose_splines(architecture: Architecture) -> str:
    """``"ortho"`` (tidy right angles) where it is fast, ``"spline"`` for large models."""
    small = (
        len(architecture.components) <= ORTHO_MAX_NODES and len(architecture.relations) <= ORTHO_MAX_RELATIONS
    )
    return "ortho" if small else "spline"


@frozen_record
class LayoutOptions:
    """How Graphviz is asked to lay a model out; part of the cache key."""

    splines: str
    graph_attrs: tuple[tuple[str, str], ...] = ()
    text_scale: float = 1.0
    """Font sizes (and the room Graphviz leaves for labels) times this: slides lay out larger text."""
    compact: bool = False
    """The slide profile: smaller icons and thin group margins, so the text can be larger."""
    edge_labels: bool = True
    """False lays the relations out unlabelled; a compact layout then closes the gaps labels need."""
    beside: bool = False
    """Compact only: icons left of their labels, so nodes are low and wide (for a slide short of height)."""

    def __init__(
        self,
        splines: str,
        graph_attrs: tuple[tuple[str, str], ...] = (),
        text_scale: float = 1.0,
        compact: bool = False,
        edge_labels: bool = True,
        beside: bool = False,
    ) -> None:
        set_field(self, "splines", splines)
        set_field(self, "graph_attrs", graph_attrs)
        set_field(self, "text_scale", text_scale)
        set_field(self, "compact", compact)
        set_field(self, "edge_labels", edge_labels)
        set_field(self, "beside", beside)

    @classmethod
    def for_architecture(
        cls,
        architecture: Architecture,
        *,
        splines: str | None = None,
        text_scale: float = 1.0,
        compact: bool = False,
        edge_labels: bool = True,
        beside: bool = False,
    ) -> LayoutOptions:
        """The options by size; ``splines`` overrides the routing only."""
        count = len(architecture.components)
        attrs: tuple[tuple[str, str], ...]
        if count >= FASTEST_FROM_COMPONENTS:
            attrs = FASTEST_GRAPH_ATTRS
        elif count >= FAST_FROM_COMPONENTS:
            attrs = FAST_GRAPH_ATTRS
        else:
            attrs = ()
        return cls(
            splines or choose_splines(architecture),
            attrs,
            round(text_scale, 3),
            compact,
            edge_labels,
            compact and beside,
        )

    def as_key(self) -> dict[str, Any]:
        return {
            "splines": self.splines,
            "graph": [list(pair) for pair in self.graph_attrs],
            "text_scale": self.text_scale,
            "compact": self.compact,
            "edge_labels": self.edge_labels,
            "beside": self.beside,
        }

    def profile(self) -> dict[str, Any]:
        """The text size and slide profile, as keyword arguments of :meth:`for_architecture` and
        ``dot_source``: a part of a composed layout, and the crash fallback, keep them."""
        return {
            "text_scale": self.text_scale,
            "compact": self.compact,
            "edge_labels": self.edge_labels,
            "beside": self.beside,
        }

    def dot_arguments(self) -> list[str]:
        return [f"-G{name}={value}" for name, value in self.graph_attrs]
