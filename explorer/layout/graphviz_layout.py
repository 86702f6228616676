"""The one module that uses ``diagrams``: model → diagram → DOT text, and nothing more.

An architecture becomes a ``diagrams.Diagram`` (clusters for groups, ``Custom``
nodes whose ``nodeid`` is the component id, edges for relations); nothing is
rendered or written to disk. :mod:`explorer.layout.service` runs the DOT text
through Graphviz and reads the JSON back into a pure :class:`Layout`.

``diagrams`` is imported inside the functions that need it, so starting the
app does not pay for it until the first layout.
"""

from __future__ import annotations

import contextvars
from collections import defaultdict
from collections.abc import Iterator
from typing import TYPE_CHECKING

from explorer.layout.dot_json import CLUSTER_PREFIX, RELATION_ATTR
from explorer.layout.labels import (
    EDGE_FONT_SIZE,
    GROUP_FONT_SIZE,
    NODE_FONT_SIZE,
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

if TYPE_CHECKING:
    import diagrams

SPLINES = frozenset({"ortho", "spline", "polyline", "curved", "line"})
PLACEHOLDER_HEIGHT = 0.5
"""Inches: an invisible node that keeps an empty group on the page (Graphviz drops empty clusters)."""
NODESEP = 0.6
RANKSEP = 0.8
"""Inches between nodes and between ranks at text scale 1; they grow with the text (edge labels sit there)."""
COMPACT_NODESEP = 0.15
COMPACT_RANKSEP = 0.35
"""Gaps (inches) of a compact layout without edge labels, whatever the text scale: on a slide
every inch costs text size. With edge labels the gaps stay as wide as usual: the finishing
pass needs room beside the edges to put the labels in the clear."""
COMPACT_CLUSTER_MARGIN_EMS = (0.12, 0.2)
"""Between a group's border and its contents on a slide, in ems of the component font (Graphviz's
default is 8 points), thinnest and widest: it grows with the text, so a slide drawn at a third of its
layout's size still shows a gap inside each border, between nested borders and outside them."""
COMPACT_NESTED_MARGINS_EMS = 0.72
"""Ems of margins across a slide's deepest nesting of groups, shared by its levels: every margin is
paid once per level on each side (EKS, six deep, pays about 46 points of height for each point), so
deeply nested models get thinner margins than shallow ones."""
COMPACT_CLUSTER_MARGIN_MIN = 4
"""Points: never less, so the plate a dark slide draws around some icons stays inside the border.
Graphviz reads a cluster's margin as whole points."""
TITLE_INSET_SPACE = "\N{EN SPACE}"
"""Around a group title on a slide: room for the view's inset on each side, at any text size."""
TITLE_SLACK = 1.12
"""Group titles are measured this much larger than drawn: the view's bold sans may be wider than
Graphviz's Helvetica-Bold."""
COMPACT_TITLE_SLACK = 1.04
"""The same on a slide, where the title bands of groups nested six deep cost the text size
(Helvetica-Bold is DejaVu Sans Bold here, as in the view; a test checks no title is cut)."""


def compact_cluster_margin(text_scale: float, depth: int = 1) -> int:
    """Points between a group's border and its contents on a compact (slide) layout whose groups
    nest ``depth`` deep."""
    thinnest, widest = COMPACT_CLUSTER_MARGIN_EMS
    ems = max(thinnest, min(widest, COMPACT_NESTED_MARGINS_EMS / max(depth, 1)))
    return max(COMPACT_CLUSTER_MARGIN_MIN, int(ems * NODE_FONT_SIZE * text_scale))


def _graph_attrs(text_scale: float, tight: bool) -> dict[str, str]:
    # newrank: dot's default, cluster-by-cluster ranking fails on many clustered graphs with Graphviz
    # 2.4x ("trouble in init_rank", "lost edge", crashes); the global ranking has not failed yet.
    nodesep, ranksep = (COMPACT_NODESEP, COMPACT_RANKSEP) if tight else (NODESEP, RANKSEP)
    grow = 1.0 if tight else text_scale**0.5
    return {
        "pad": "0.25",
        "nodesep": f"{nodesep * grow:.3f}",
        "ranksep": f"{ranksep * grow:.3f}",
        "newrank": "true",
        "forcelabels": "true",
    }


def _node_attrs(text_scale: float, compact: bool) -> dict[str, str]:
    return {
        "width": f"{node_width(text_scale, compact) / POINTS_PER_INCH:.4f}",
        "fontsize": f"{NODE_FONT_SIZE * text_scale:.2f}",
        "imagepos": "tc",
    }


def _cluster_attrs(text_scale: float, compact: bool, depth: int) -> dict[str, str]:
    # Titles are bold in the view, so Graphviz must measure them bold to leave them room.
    slack = COMPACT_TITLE_SLACK if compact else TITLE_SLACK
    attrs = {"fontsize": f"{GROUP_FONT_SIZE * text_scale * slack:.2f}", "fontname": "Helvetica-Bold"}
    if compact:
        attrs["margin"] = str(compact_cluster_margin(text_scale, depth))
    return attrs


def build_diagram(
    architecture: Architecture,
    *,
    splines: str,
    text_scale: float = 1.0,
    compact: bool = False,
    edge_labels: bool = True,
    beside: bool = False,
) -> diagrams.Diagram:
    """The architecture as a ``diagrams.Diagram``; never rendered, so nothing touches the disk.

    The diagram's context (``diagrams.setdiagram``/``setcluster``) is set in a
    copied ``contextvars`` context, so it does not leak into the caller's.

    Raises:
        ValueError: ``splines`` is unknown, or the model cannot be drawn (a
            relation to an unknown component, a group inside itself).
    """
    if splines not in SPLINES:
        raise ValueError(f"unknown splines {splines!r}; expected one of {sorted(SPLINES)}")
    from diagrams import Diagram

    diagram = Diagram(
        "",
        show=False,
        direction=architecture.layout.direction.upper(),
        graph_attr={**_graph_attrs(text_scale, compact and not edge_labels), "splines": splines},
        node_attr=_node_attrs(text_scale, compact),
        edge_attr={"fontsize": f"{EDGE_FONT_SIZE * text_scale:.2f}"},
    )
    builder = _DiagramBuilder(architecture, diagram, splines, text_scale, compact, edge_labels, beside)
    contextvars.copy_context().run(builder.build)
    return diagram


def dot_source(
    architecture: Architecture,
    *,
    splines: str | None = None,
    text_scale: float = 1.0,
    compact: bool = False,
    edge_labels: bool = True,
    beside: bool = False,
) -> str:
    """The DOT text Graphviz is given for ``architecture`` (``splines`` chosen by size if None).

    ``text_scale`` multiplies every font size, the node width that wraps labels and the
    gaps where edge labels go, so Graphviz makes room for larger text. ``compact`` is
    the slide profile: smaller icons, thin group margins, each node as wide as its own
    label, and narrow gaps when ``edge_labels`` is false (the relations are then given
    to Graphviz unlabelled); ``beside`` (compact only) puts icons left of their labels.
    """
    if not 0.25 <= text_scale <= 8:
        raise ValueError(f"text scale {text_scale!r} is outside 0.25–8")
    chosen = splines or choose_splines(architecture)
    diagram = build_diagram(
        architecture,
        splines=chosen,
        text_scale=text_scale,
        compact=compact,
        edge_labels=edge_labels,
        beside=compact and beside,
    )
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
        from diagrams import Cluster, Edge
        from diagrams.custom import Custom

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
        from diagrams import setdiagram

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
