"""Laying a model out with Graphviz, with no cache: the DOT text, ``dot``, reading and finishing its answer.

Only :class:`~explorer.layout.service.LayoutService` calls it (and tests), and only when no cache
has the layout, so it is imported then: a start or an export whose layout is cached never loads
``subprocess``, the DOT writer or the reading of ``dot``'s answer.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import replace

from explorer.layout import compose
from explorer.layout.dot_errors import (
    TIMEOUT_SECONDS,
    GraphvizCrashedError,
    GraphvizFailedError,
    raise_if_cancelled,
)
from explorer.layout.dot_json import DotJsonError, parse_layout
from explorer.layout.dot_process import run_dot
from explorer.layout.finishing import finish_layout
from explorer.layout.geometry import Layout
from explorer.layout.labels import label_ems
from explorer.layout.options import LayoutOptions, should_compose
from explorer.runtime_tuning import collector_paused
from models.architecture import Architecture

log = logging.getLogger(__name__)

StepReport = Callable[[str], None]


def compute_layout(
    architecture: Architecture,
    options: LayoutOptions | None = None,
    *,
    timeout: float = TIMEOUT_SECONDS,
    cancel: threading.Event | None = None,
    report: StepReport | None = None,
    meanwhile: Callable[[], None] | None = None,
) -> Layout:
    """Lays ``architecture`` out with Graphviz (no cache); ``options`` by size when None.

    Raises:
        LayoutCancelledError: ``cancel`` was set.
        GraphvizNotFoundError: ``dot`` is not on PATH.
        GraphvizFailedError: ``dot`` failed, timed out (after ``timeout`` seconds) or printed garbage.
        ValueError: the model cannot be drawn (see :func:`~explorer.layout.graphviz_layout.dot_source`).
    """
    chosen = options or LayoutOptions.for_architecture(architecture)
    options = chosen
    count, relations = len(architecture.components), len(architecture.relations)
    say = report or (lambda _message: None)
    raise_if_cancelled(cancel)
    if should_compose(architecture):
        parts = compose.split(architecture)
        say(f"Graphviz is laying out {count:,} components in {len(parts)} parts, two at a time…")

        def part(sub: Architecture) -> Layout:
            sub_options = LayoutOptions.for_architecture(sub, splines=chosen.splines, **chosen.profile())
            return compute_layout(sub, sub_options, timeout=timeout, cancel=cancel)

        return compose.compose(architecture, part, parts, meanwhile=meanwhile, cancel=cancel)
    say(f"Preparing {count:,} components for Graphviz…")
    source = _dot_source(architecture, options)
    raise_if_cancelled(cancel)
    say(f"Graphviz is laying out {count:,} components and {relations:,} relations…")
    try:
        data = run_dot(source, options.dot_arguments(), cancel=cancel, timeout=timeout, meanwhile=meanwhile)
    except GraphvizCrashedError as crash:
        if options.splines != "ortho":
            raise
        # Graphviz 2.43 aborts on an assertion in some orthogonal routings of clusters.
        log.warning("%s; laying %s out with splines instead", crash, architecture.id)
        say("Graphviz crashed with right-angled edges; laying out with curved edges instead…")
        options = replace(options, splines="spline")
        source = _dot_source(architecture, options)
        data = run_dot(source, options.dot_arguments(), cancel=cancel, timeout=timeout)
    raise_if_cancelled(cancel)
    say("Reading the layout…")
    try:
        with collector_paused():
            parsed = parse_layout(
                data,
                architecture,
                splines=options.splines,
                label_ems=label_ems(options.compact, options.beside),
            )
            return finish_layout(
                parsed,
                options.text_scale,
                compact=options.compact,
                edge_labels=options.edge_labels,
                beside=options.beside,
            )
    except DotJsonError as error:
        raise GraphvizFailedError(f"Graphviz printed a layout that could not be read: {error}") from None


def _dot_source(architecture: Architecture, options: LayoutOptions) -> str:
    """The DOT text for ``options``: the crash fallback must keep the text size and profile too."""
    from explorer.layout.graphviz_layout import dot_source  # a start whose layout is cached needs none

    return dot_source(architecture, splines=options.splines, **options.profile())
