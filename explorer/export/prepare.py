"""What an export draws: the whole model or a focus on one element, laid out with the text size asked for.

Larger text is laid out, not magnified: Graphviz is given the larger fonts and makes
room for them, so a slide with 20-pixel labels is still a tidy diagram. On a slide,
an automatic text size tries a few scales and keeps the first whose component labels
reach :data:`SLIDE_LABEL_PX` without magnifying the picture much (or the most readable
of all, when none does), each with the model laid out down and across, whichever suits the
slide. Slides are laid out with the compact profile (smaller icons, tight gaps, each node as
wide as its label); where a layout is short of height for the slide, icons beside their labels
(low, wide nodes) are tried too.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace
from typing import NamedTuple

from explorer.export.options import ExportOptions
from explorer.layout.geometry import Layout
from explorer.layout.labels import NODE_FONT_SIZE
from explorer.layout.measures import detached_labels, label_overlaps, lines_across_labels
from explorer.layout.options import LayoutOptions
from models.architecture import Architecture
from models.records import frozen_record

LayoutWith = Callable[[Architecture, LayoutOptions], Layout]

SLIDE_LABEL_PX = 18.0
"""Component labels on a 1920 × 1080 slide: readable from the back of a room."""
SLIDE_MARGIN_FRACTION = 0.05
"""Blank space on each side of a slide, as a fraction of its width (sides) or height (top, bottom)."""
AUTO_SCALES = (1.0, 1.25, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0)
"""Text scales an automatic slide tries, smallest first."""
MAX_MAGNIFICATION = 1.25
"""An automatic slide keeps trying larger text while the picture would be drawn more than this
much larger than it was laid out: larger text comes from the layout, not from magnifying it."""


@frozen_record
class Prepared:
    """The model and layout to draw, and the options with the text scale settled."""

    architecture: Architecture
    layout: Layout
    options: ExportOptions

    def __init__(self, architecture: Architecture, layout: Layout, options: ExportOptions) -> None:
        object.__setattr__(self, "architecture", architecture)
        object.__setattr__(self, "layout", layout)
        object.__setattr__(self, "options", options)


def focus_architecture(architecture: Architecture, element_id: str) -> Architecture:
    """Only ``element_id`` (a component, or a group's components) and what is related to them.

    The groups that hold what is kept stay, so the picture keeps its places; the
    title names the focus.

    Raises:
        ValueError: ``element_id`` is neither a component nor a group of ``architecture``.
    """
    if element_id in architecture.components_by_id:
        core = {element_id}
        label = architecture.component(element_id).label
    elif element_id in architecture.groups_by_id:
        inside = _groups_within(architecture, element_id)
        core = {c.id for c in architecture.components if c.group in inside}
        label = architecture.group(element_id).label
    else:
        raise ValueError(f"unknown component or group {element_id!r} in architecture {architecture.id!r}")
    kept = set(core)
    for component_id in core:
        kept |= architecture.neighbours(component_id) & set(architecture.components_by_id)
    components = tuple(c for c in architecture.components if c.id in kept)
    relations = tuple(
        r
        for r in architecture.relations
        if r.source in kept and r.target in kept and (r.source in core or r.target in core)
    )
    needed: set[str] = set()
    for component in components:
        if component.group in architecture.groups_by_id:
            needed.update(group.id for group in architecture.group_path(component.group))
    groups = tuple(g for g in architecture.groups if g.id in needed)
    return Architecture(
        id=f"{architecture.id}.focus.{element_id}",
        title=f"{architecture.title}: {label}",
        summary=architecture.summary,
        groups=groups,
        components=components,
        relations=relations,
        layout=architecture.layout,
        source=architecture.source,
    )


def _groups_within(architecture: Architecture, group_id: str) -> set[str]:
    within, frontier = {group_id}, [group_id]
    while frontier:
        for child in architecture.child_groups(frontier.pop()):
            if child.id not in within:
                within.add(child.id)
                frontier.append(child.id)
    return within


def slide_label_px(layout: Layout, options: ExportOptions, text_scale: float) -> float:
    """About how tall component labels print on the options' slide with this layout (pixels)."""
    if options.slide_size is None:
        return NODE_FONT_SIZE * text_scale
    width, height = options.slide_size
    inner_w, inner_h = width * (1 - 2 * SLIDE_MARGIN_FRACTION), height * (1 - 2 * SLIDE_MARGIN_FRACTION)
    page_w = layout.bounds.width + 2 * options.margin
    page_h = layout.bounds.height + 2 * options.margin + (60 if options.title or options.caption else 0)
    factor = min(inner_w / page_w, inner_h / page_h) * 1920 / width
    return NODE_FONT_SIZE * text_scale * factor


def prepare(
    architecture: Architecture,
    options: ExportOptions,
    layout_with: LayoutWith,
    layout: Layout | None = None,
) -> Prepared:
    """The model, layout and options an export draws; ``layout`` is the model's ordinary one, if known.

    With automatic edge labels (``options.edge_labels`` None) a whole slide with automatic
    text drops the edge labels unless, with them, the component labels reach
    :data:`SLIDE_LABEL_PX` and every label sits clear (touching its line, covering nothing,
    no other relation's line under it); the settled options say which (True or False).
    Unlabelled relations let Graphviz close the gaps the labels need.

    Raises:
        ValueError: ``options.focus`` names nothing in ``architecture``.
        GraphvizNotFoundError, GraphvizFailedError: from ``layout_with``.
    """
    if options.focus:
        architecture = focus_architecture(architecture, options.focus)
        layout = None
        if options.selected and not architecture.has_element(options.selected):
            options = options.with_changes(selected=None)
    compact = options.slide_size is not None
    labels = options.edge_labels is not False

    def laid_out(model: Architecture, scale: float, labelled: bool, beside: bool = False) -> Layout:
        if scale == 1.0 and layout is not None and model is architecture and not compact and labelled:
            return layout
        chosen = LayoutOptions.for_architecture(
            model, text_scale=scale, compact=compact, edge_labels=labelled, beside=beside
        )
        return layout_with(model, chosen)

    if options.text_scale is not None or options.slide_size is None:
        scale = options.text_scale or 1.0
        chosen = laid_out(architecture, scale, labels)
        return Prepared(architecture, chosen, options.with_changes(text_scale=scale, edge_labels=labels))
    if options.edge_labels is None and not options.focus:
        # Labels only ever cost room: if the slide misses the goal without them, it misses it with them.
        # Nor at a text scale where the slide misses it without them.
        bare = _most_readable(architecture, options, laid_out, False)
        labelled = (
            _most_readable(
                architecture,
                options,
                laid_out,
                True,
                clear_labels=True,
                scales=tuple(s for s in AUTO_SCALES if s >= bare.readable_from),
            )
            if bare.px >= SLIDE_LABEL_PX
            else None
        )
        if labelled is None or labelled.px < SLIDE_LABEL_PX:
            return Prepared(
                bare.model, bare.layout, options.with_changes(text_scale=bare.scale, edge_labels=False)
            )
        choice = labelled
    else:
        choice = _most_readable(architecture, options, laid_out, labels)
    return Prepared(
        choice.model, choice.layout, options.with_changes(text_scale=choice.scale, edge_labels=labels)
    )


class _Choice(NamedTuple):
    """What an automatic slide keeps: its label size (px), text scale, model (turned or not), layout."""

    px: float
    scale: float
    model: Architecture
    layout: Layout
    readable_from: float
    """The smallest text scale tried whose slide reached :data:`SLIDE_LABEL_PX` (infinite if none)."""


def _most_readable(
    architecture: Architecture,
    options: ExportOptions,
    laid_out: Callable[[Architecture, float, bool, bool], Layout],
    labelled: bool,
    *,
    clear_labels: bool = False,
    scales: tuple[float, ...] = AUTO_SCALES,
) -> _Choice:
    """What an automatic slide keeps, trying ``scales`` (smallest first) down and across.

    With ``clear_labels`` only layouts whose edge labels all sit clear count as readable."""
    tried: list[tuple[float, float, Architecture, Layout]] = []
    for scale in scales:
        first = len(tried)
        for model in (architecture, _turned(architecture)):
            candidates = [laid_out(model, scale, labelled, False)]
            if _short_of_height(candidates[0], options):
                candidates.append(laid_out(model, scale, labelled, True))
            for candidate in candidates:
                px = slide_label_px(candidate, options, scale)
                if clear_labels and px >= SLIDE_LABEL_PX and not _labels_clear(candidate, scale):
                    px = 0.0  # not a candidate: its labels would not read as their relations'
                tried.append((px, scale, model, candidate))
        px = max(entry[0] for entry in tried[first:])
        if px >= SLIDE_LABEL_PX and px <= NODE_FONT_SIZE * scale * MAX_MAGNIFICATION:
            break
    readable = [entry for entry in tried if entry[0] >= SLIDE_LABEL_PX]
    if readable:
        # The largest text laid out: the least magnified of the readable layouts.
        top = max(entry[1] for entry in readable)
        kept = max((entry for entry in readable if entry[1] == top), key=lambda entry: entry[0])
    else:
        # Short of the goal, the most readable; the smaller text scale of two as readable.
        kept = max(tried, key=lambda entry: (round(entry[0], 1), -entry[1]))
    return _Choice(*kept, readable_from=min((entry[1] for entry in readable), default=math.inf))


def _labels_clear(layout: Layout, text_scale: float) -> bool:
    """Whether every edge label touches its line, covers nothing and has no other relation's line under it."""
    return not (
        label_overlaps(layout, text_scale)
        or lines_across_labels(layout, text_scale)
        or detached_labels(layout, text_scale)
    )


def _short_of_height(layout: Layout, options: ExportOptions) -> bool:
    """Whether ``layout`` is taller for its width than the slide: its height sets the text size."""
    if options.slide_size is None or layout.bounds.height <= 0:
        return False
    width, height = options.slide_size
    return layout.bounds.width / layout.bounds.height < width / height


def _turned(architecture: Architecture) -> Architecture:
    """The model laid out across instead of down (or the other way): a slide may fit it better."""
    across = architecture.layout.direction.upper() in ("LR", "RL")
    return replace(architecture, layout=replace(architecture.layout, direction="TB" if across else "LR"))
