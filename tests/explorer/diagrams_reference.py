"""The DOT text as the ``diagrams`` package builds it: the reference the app's writer is held to.

:mod:`explorer.layout.graphviz_layout` writes the text itself (building ``diagrams``
objects cost a 1,000-component model ~100 ms of the layout thread); ``diagrams`` keeps
defining the conventions (node, cluster and edge defaults, names, quoting). This is the
builder the app used before, on the same attributes, so a test can compare the two
byte for byte.
"""

from __future__ import annotations

import contextvars
from collections import defaultdict
from collections.abc import Iterator

import diagrams
from diagrams import Cluster, Diagram, Edge, setdiagram
from diagrams.custom import Custom

from explorer.layout.dot_json import CLUSTER_PREFIX, RELATION_ATTR
from explorer.layout.graphviz_layout import (
    PLACEHOLDER_HEIGHT,
    SPLINES,
    TITLE_INSET_SPACE,
    _cluster_attrs,
    _graph_attrs,
    _node_attrs,
)
from explorer.layout.labels import (
    EDGE_FONT_SIZE,
    POINTS_PER_INCH,
    NodeMetrics,
    clean_text,
    dot_label,
    edge_label_lines,
    label_ems,
    node_label_lines,
    node_width,
)
from explorer.layout.options import choose_splines
from models import Architecture, Component, Group
from models.icons import icon_or_fallback


def diagrams_dot_source(
    architecture: Architecture,
    *,
    splines: str | None = None,
    text_scale: float = 1.0,
    compact: bool = False,
    edge_labels: bool = True,
    beside: bool = False,
) -> str:
    """What ``dot_source`` must return, built through ``diagrams``."""
    chosen = splines or choose_splines(architecture)
    if chosen not in SPLINES:
        raise ValueError(f"unknown splines {chosen!r}")
    diagram = Diagram(
        "",
        show=False,
        direction=architecture.layout.direction.upper(),
        graph_attr={**_graph_attrs(text_scale, compact and not edge_labels), "splines": chosen},
        node_attr=_node_attrs(text_scale, compact),
        edge_attr={"fontsize": f"{EDGE_FONT_SIZE * text_scale:.2f}"},
    )
    builder = _DiagramBuilder(
        architecture, diagram, chosen, text_scale, compact, edge_labels, compact and beside
    )
    contextvars.copy_context().run(builder.build)
    return str(diagram.dot.source)


class _DiagramBuilder:
    """Adds clusters, nodes and edges to a diagram; runs inside its own ``contextvars`` context."""

    def __init__(
        self,
        architecture: Architecture,
        diagram: diagrams.Diagram,
        splines: str,
        text_scale: float,
        compact: bool,
        edge_labels: bool,
        beside: bool,
    ) -> None:
        self.cluster_type, self.edge_type, self.custom_type = Cluster, Edge, Custom
        self.architecture = architecture
        self.diagram = diagram
        self.text_scale = text_scale
        self.compact = compact
        self.edge_labels = edge_labels
        self.beside = beside
        self.label_ems = label_ems(compact, beside)
        self.edge_font_size = f"{EDGE_FONT_SIZE * text_scale:.2f}"
        # Ortho routing ignores edge labels (Graphviz warns so); external labels it does place.
        self.label_attr = "xlabel" if splines == "ortho" else "label"
        self.nodes: dict[str, diagrams.Node] = {}
        self.placed_groups = 0
        self.child_groups: defaultdict[str | None, list[Group]] = defaultdict(list)
        self.members: defaultdict[str | None, list[Component]] = defaultdict(list)
        for group in architecture.groups:
            parent = group.parent if group.parent in architecture.groups_by_id else None
            self.child_groups[parent].append(group)
        for component in architecture.components:
            group_id = component.group if component.group in architecture.groups_by_id else None
            self.members[group_id].append(component)
        self.depth = self._nesting_depth()

    def _nesting_depth(self) -> int:
        """How deep groups nest, level by level from the top (groups in a cycle are never reached)."""
        depth, level = 0, self.child_groups[None]
        while level:
            depth += 1
            level = [child for group in level for child in self.child_groups[group.id]]
        return depth

    def build(self) -> None:
        setdiagram(self.diagram)
        self._add_groups()
        if self.placed_groups != len(self.architecture.groups):
            raise ValueError("some groups are nested inside themselves (a cycle of parents)")
        for index, relation in enumerate(self.architecture.relations):
            self._add_edge(index, relation.source, relation.target, relation.label)

    def _add_groups(self) -> None:
        """Every group as a cluster, depth first, with an explicit stack: nesting depth is user data."""
        for component in self.members[None]:
            self._add_node(component)
        open_clusters: list[tuple[diagrams.Cluster | None, str | None, Iterator[Group]]] = [
            (None, None, iter(self.child_groups[None]))
        ]
        while open_clusters:
            cluster, group_id, children = open_clusters[-1]
            child = next(children, None)
            if child is not None:
                open_clusters.append((self._open_cluster(child), child.id, iter(self.child_groups[child.id])))
                continue
            open_clusters.pop()
            if cluster is not None and group_id is not None:
                self._close_cluster(cluster, group_id)

    def _open_cluster(self, group: Group) -> diagrams.Cluster:
        title = clean_text(group.label)
        if self.compact:
            # The view insets a title from both sides of its box: en spaces make that room.
            title = f"{TITLE_INSET_SPACE}{title}{TITLE_INSET_SPACE}"
        cluster = self.cluster_type(
            dot_label([title]), graph_attr=_cluster_attrs(self.text_scale, self.compact, self.depth)
        )
        # diagrams names a cluster "cluster_" + label: same-label groups would merge.
        cluster.name = cluster.dot.name = f"{CLUSTER_PREFIX}{group.id}"
        self.placed_groups += 1
        cluster.__enter__()
        for component in self.members[group.id]:
            self._add_node(component)
        return cluster

    def _close_cluster(self, cluster: diagrams.Cluster, group_id: str) -> None:
        if not self.members[group_id] and not self.child_groups[group_id]:
            cluster.node(
                f"placeholder of {group_id}",
                "",
                style="invis",
                width=f"{node_width(self.text_scale, self.compact) / POINTS_PER_INCH:.4f}",
                height=f"{PLACEHOLDER_HEIGHT:.4f}",
                shape="box",
            )
        cluster.__exit__(None, None, None)

    def _add_node(self, component: Component) -> None:
        if ":" in component.id:
            raise ValueError(f"component id {component.id!r}: ':' would read as a Graphviz port")
        lines = node_label_lines(component.label, self.label_ems)
        metrics = NodeMetrics(len(lines), self.text_scale, self.compact, self.beside)
        size = {"height": f"{metrics.height / POINTS_PER_INCH:.4f}"}
        if self.compact:
            size["width"] = f"{metrics.fitted_width(lines) / POINTS_PER_INCH:.4f}"
        icon = icon_or_fallback(component.icon).as_posix()
        self.nodes[component.id] = self.custom_type(dot_label(lines), icon, nodeid=component.id, **size)

    def _add_edge(self, index: int, source: str, target: str, label: str) -> None:
        for end in (source, target):
            if end not in self.nodes:
                raise ValueError(f"relation {index} joins {end!r}, which is not a component")
        attrs = {RELATION_ATTR: str(index), "fontsize": self.edge_font_size}
        lines = edge_label_lines(label) if self.edge_labels else ()
        if lines:
            attrs[self.label_attr] = dot_label(lines)
        self.nodes[source].connect(self.nodes[target], self.edge_type(forward=True, **attrs))
