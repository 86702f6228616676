"""Model → DOT text, the way the ``diagrams`` package writes it, and nothing more.

An architecture becomes a ``digraph``: a cluster for each group, a node (named by
the component id) for each component with its icon, and an edge for each
relation carrying its index. :mod:`explorer.layout.service` runs the text through
Graphviz and reads the JSON back into a pure :class:`Layout`.

The text is written directly, byte for byte as ``diagrams`` (and the ``graphviz``
package under it) would write it for the same clusters, ``Custom`` nodes and
edges, with their defaults: building those objects cost a 1,000-component model
about 100 ms of the layout thread, which shares the interpreter with the window.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from functools import lru_cache

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


DIRECTIONS = ("TB", "BT", "LR", "RL")
DIAGRAM_GRAPH_ATTRS = {
    "pad": "2.0",
    "splines": "ortho",
    "nodesep": "0.60",
    "ranksep": "0.75",
    "fontname": "Sans-Serif",
    "fontsize": "15",
    "fontcolor": "#2D3436",
    "label": "",
}
DIAGRAM_NODE_ATTRS = {
    "shape": "box",
    "style": "rounded",
    "fixedsize": "true",
    "width": "1.4",
    "height": "1.4",
    "labelloc": "b",
    "imagescale": "true",
    "fontname": "Sans-Serif",
    "fontsize": "13",
    "fontcolor": "#2D3436",
}
DIAGRAM_EDGE_ATTRS = {"color": "#7B8894"}
CLUSTER_ATTRS = {
    "shape": "box",
    "style": "rounded",
    "labeljust": "l",
    "pencolor": "#AEB6BE",
    "fontname": "Sans-Serif",
    "fontsize": "12",
}
CLUSTER_FILLS = ("#E5F5FD", "#EBF3E7", "#ECE8F6", "#FDF7E3")
"""A cluster's background by its depth, as ``diagrams`` colours them."""
EDGE_ATTRS = {"fontcolor": "#2D3436", "fontname": "Sans-Serif", "fontsize": "13", "dir": "forward"}
"""A ``diagrams`` edge drawn ``>>`` (forward)."""
_DOT_ID = re.compile(r"([a-zA-Z_][a-zA-Z0-9_]*|-?(\.[0-9]+|[0-9]+(\.[0-9]*)?))$")
_HTML = re.compile(r"<.*>$", re.DOTALL)
_QUOTE = re.compile(r'(?P<backslashes>(?:\\{2})*)\\?(?P<quote>")')
_DOT_KEYWORDS = frozenset({"node", "edge", "graph", "digraph", "subgraph", "strict"})
_TEXT_ATTRS = frozenset({"label", "xlabel"})


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

    Raises:
        ValueError: ``splines`` or the text scale is out of range, or the model cannot
            be drawn (a relation to an unknown component, a group inside itself, a
            ``:`` in a component id, an unknown direction).
    """
    if not 0.25 <= text_scale <= 8:
        raise ValueError(f"text scale {text_scale!r} is outside 0.25–8")
    chosen = splines or choose_splines(architecture)
    if chosen not in SPLINES:
        raise ValueError(f"unknown splines {chosen!r}; expected one of {sorted(SPLINES)}")
    direction = architecture.layout.direction.upper()
    if direction not in DIRECTIONS:
        raise ValueError(f'"{direction}" is not a valid direction')
    writer = _DotWriter(architecture, chosen, text_scale, compact, edge_labels, compact and beside)
    graph = {
        **DIAGRAM_GRAPH_ATTRS,
        "rankdir": direction,
        **_graph_attrs(text_scale, compact and not edge_labels),
        "splines": chosen,
    }
    nodes = {**DIAGRAM_NODE_ATTRS, **_node_attrs(text_scale, compact)}
    edges = {**DIAGRAM_EDGE_ATTRS, "fontsize": f"{EDGE_FONT_SIZE * text_scale:.2f}"}
    lines = [
        "digraph {\n",
        f"\tgraph{_attr_list(graph)}\n",
        f"\tnode{_attr_list(nodes)}\n",
        f"\tedge{_attr_list(edges)}\n",
        *writer.body(),
        "}\n",
    ]
    return "".join(lines)


@lru_cache(maxsize=4096)
def _quote(text: str, html: bool = True) -> str:
    """``text`` as a DOT id, quoted where needed (``html``: ``<…>`` passes as an HTML string)."""
    if html and _HTML.match(text):
        return text
    if not _DOT_ID.match(text) or text.lower() in _DOT_KEYWORDS:
        return '"' + _QUOTE.sub(r"\g<backslashes>\\\g<quote>", text) + '"'
    return text


def _attr_list(attrs: dict[str, str], label: str | None = None) -> str:
    """`` [label=… name=value …]``: ``label`` first, the rest sorted by name. Labels are text,
    never HTML strings, wherever they are (``diagrams`` hands them over as ``nohtml``)."""
    items = [f"label={_quote(label, False)}"] if label is not None else []
    items += [
        f"{_quote(name)}={_quote(value, name not in _TEXT_ATTRS)}" for name, value in sorted(attrs.items())
    ]
    return f" [{' '.join(items)}]" if items else ""


class _DotWriter:
    """The body of the DOT text: top-level nodes, clusters (depth first, each with its own nodes
    before its nested clusters), then the edges."""

    def __init__(
        self,
        architecture: Architecture,
        splines: str,
        text_scale: float,
        compact: bool,
        edge_labels: bool,
        beside: bool,
    ) -> None:
        self.architecture = architecture
        self.text_scale = text_scale
        self.compact = compact
        self.edge_labels = edge_labels
        self.beside = beside
        self.label_ems = label_ems(compact, beside)
        self.edge_font_size = f"{EDGE_FONT_SIZE * text_scale:.2f}"
        # Ortho routing ignores edge labels (Graphviz warns so); external labels it does place.
        self.label_attr = "xlabel" if splines == "ortho" else "label"
        self.placed: set[str] = set()
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

    def body(self) -> list[str]:
        lines = self._groups()
        if self.placed_groups != len(self.architecture.groups):
            raise ValueError("some groups are nested inside themselves (a cycle of parents)")
        for index, relation in enumerate(self.architecture.relations):
            lines.append(self._edge(index, relation.source, relation.target, relation.label))
        return lines

    def _groups(self) -> list[str]:
        """Top-level nodes, then every group as a cluster, depth first, with an explicit stack
        (nesting depth is user data). Each line as its cluster's body holds it, one tab deeper per level."""
        top = [self._node(component) for component in self.members[None]]
        # Per open cluster: its group, the lines of its body so far, its children still to write.
        open_clusters: list[tuple[Group | None, list[str], Iterator[Group]]] = [
            (None, top, iter(self.child_groups[None]))
        ]
        while True:
            group, lines, children = open_clusters[-1]
            child = next(children, None)
            if child is not None:
                self.placed_groups += 1
                body = [self._node(component) for component in self.members[child.id]]
                open_clusters.append((child, body, iter(self.child_groups[child.id])))
                continue
            open_clusters.pop()
            if group is None:
                return lines
            depth = len(open_clusters) - 1
            open_clusters[-1][1].extend(f"\t{line}" for line in self._cluster(group, depth, lines))

    def _cluster(self, group: Group, depth: int, body: list[str]) -> Iterator[str]:
        title = clean_text(group.label)
        if self.compact:
            # The view insets a title from both sides of its box: en spaces make that room.
            title = f"{TITLE_INSET_SPACE}{title}{TITLE_INSET_SPACE}"
        attrs = {
            **CLUSTER_ATTRS,
            "label": dot_label([title]),
            "rankdir": "LR",
            "bgcolor": CLUSTER_FILLS[depth % len(CLUSTER_FILLS)],
            **_cluster_attrs(self.text_scale, self.compact, self.depth),
        }
        yield f"subgraph {_quote(CLUSTER_PREFIX + group.id)} {{\n"
        yield f"\tgraph{_attr_list(attrs)}\n"
        yield from body
        if not self.members[group.id] and not self.child_groups[group.id]:
            placeholder = {
                "style": "invis",
                "width": f"{node_width(self.text_scale, self.compact) / POINTS_PER_INCH:.4f}",
                "height": f"{PLACEHOLDER_HEIGHT:.4f}",
                "shape": "box",
            }
            yield f"\t{_quote(f'placeholder of {group.id}')}{_attr_list(placeholder, '')}\n"
        yield "}\n"

    def _node(self, component: Component) -> str:
        if ":" in component.id:
            raise ValueError(f"component id {component.id!r}: ':' would read as a Graphviz port")
        lines = node_label_lines(component.label, self.label_ems)
        metrics = NodeMetrics(len(lines), self.text_scale, self.compact, self.beside)
        attrs = {
            "shape": "none",
            "height": f"{metrics.height / POINTS_PER_INCH:.4f}",
            "image": icon_or_fallback(component.icon).as_posix(),
        }
        if self.compact:
            attrs["width"] = f"{metrics.fitted_width(lines) / POINTS_PER_INCH:.4f}"
        self.placed.add(component.id)
        return f"\t{_quote(component.id)}{_attr_list(attrs, dot_label(lines))}\n"

    def _edge(self, index: int, source: str, target: str, label: str) -> str:
        for end in (source, target):
            if end not in self.placed:
                raise ValueError(f"relation {index} joins {end!r}, which is not a component")
        attrs = {**EDGE_ATTRS, RELATION_ATTR: str(index), "fontsize": self.edge_font_size}
        lines = edge_label_lines(label) if self.edge_labels else ()
        text = None
        if lines and self.label_attr == "label":
            text = dot_label(lines)  # diagrams passes an edge's label first, as Graphviz's label argument
        elif lines:
            attrs[self.label_attr] = dot_label(lines)
        return f"\t{_quote(source)} -> {_quote(target)}{_attr_list(attrs, text)}\n"
