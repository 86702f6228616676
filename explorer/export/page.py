"""The page of an export: margins, title above, caption below, mapped onto a canvas of pixels.

One piece of arithmetic for every format: the Qt renderer (:func:`explorer.export.render.compute_frame`)
measures the title and caption with ``QFontMetricsF``, the SVG writer with
:mod:`explorer.export.text_metrics` (:class:`SansText`); everything else is here.
"""

from __future__ import annotations

import math
from typing import NamedTuple, Protocol

from explorer.export import svg_look as look
from explorer.export.options import ExportOptions
from explorer.export.prepare import SLIDE_MARGIN_FRACTION
from explorer.export.text_metrics import FontMeasure, measure
from explorer.layout.geometry import Point, Rect

TEXT_GAP = 14.0
MAX_TEXT_WIDTH = 720.0
"""Titles and captions wider than the diagram wrap at this width."""
BASE_DPI = 96.0
"""One diagram unit is one pixel at 1×, as in the window at 100 % zoom."""
INCHES_PER_METRE = 1 / 0.0254
REFERENCE_SLIDE_WIDTH = 1920


class TextMeasure(Protocol):
    """How wide and tall the title (``title=True``) and the caption print."""

    def natural_width(self, text: str, *, title: bool) -> float:
        """The widest of ``text``'s lines, unwrapped."""

    def wrapped_height(self, text: str, width: float, *, title: bool) -> float:
        """``text`` wrapped at ``width``: its height."""

    def title_blank(self) -> float:
        """The blank between the top of the title's line and its capitals."""


class Page(NamedTuple):
    """Where everything goes: ``source`` (scene coordinates) is drawn into ``diagram`` (page
    coordinates); the page is ``factor`` times as large on the canvas, moved by ``shift``."""

    canvas: tuple[int, int]
    dpi: float
    factor: float
    shift: Point
    size: tuple[int, int]
    source: Rect
    diagram: Rect
    title: Rect | None
    caption: Rect | None

    @property
    def offset(self) -> Point:
        """What moves a scene point onto the page."""
        return Point(self.diagram.x - self.source.x, self.diagram.y - self.source.y)


def page_for(source: Rect, options: ExportOptions, text: TextMeasure) -> Page:
    """The page for a diagram inking ``source``, mapped onto the canvas the options ask for."""
    margin = float(options.margin)
    title, caption = options.title.strip(), options.caption.strip()
    text_width = source.width
    for words, is_title in ((title, True), (caption, False)):
        if words:
            natural = text.natural_width(words, title=is_title) + 2
            text_width = max(text_width, min(natural, MAX_TEXT_WIDTH))
    title_height = text.wrapped_height(title, text_width, title=True) + 2 if title else 0.0
    caption_height = text.wrapped_height(caption, text_width, title=False) + 2 if caption else 0.0
    title_blank = text.title_blank() if title else 0.0
    title_block = title_height - title_blank + TEXT_GAP if title else 0.0
    caption_block = TEXT_GAP + caption_height if caption else 0.0
    content_height = title_block + source.height + caption_block
    size = (max(1, math.ceil(text_width + 2 * margin)), max(1, math.ceil(content_height + 2 * margin)))
    # The page is rounded up to whole pixels; the slack is shared so margins stay even.
    left, top = (size[0] - text_width) / 2, (size[1] - content_height) / 2
    diagram = Rect(left + (text_width - source.width) / 2, top + title_block, source.width, source.height)
    title_rect = Rect(left, top - title_blank, text_width, title_height) if title else None
    caption_rect = Rect(left, diagram.bottom + TEXT_GAP, text_width, caption_height) if caption else None
    canvas, factor, shift, dpi = _canvas(size, options)
    return Page(canvas, dpi, factor, shift, size, source, diagram, title_rect, caption_rect)


def _canvas(size: tuple[int, int], options: ExportOptions) -> tuple[tuple[int, int], float, Point, float]:
    width, height = size
    if options.slide_size is not None:
        slide_w, slide_h = options.slide_size
        # Content never comes nearer a slide's edge than 5 % of its width (sides) or height.
        inner_w, inner_h = (
            slide_w * (1 - 2 * SLIDE_MARGIN_FRACTION),
            slide_h * (1 - 2 * SLIDE_MARGIN_FRACTION),
        )
        factor = min(inner_w / width, inner_h / height)
        shift = Point((slide_w - width * factor) / 2, (slide_h - height * factor) / 2)
        return (slide_w, slide_h), factor, shift, BASE_DPI * slide_w / REFERENCE_SLIDE_WIDTH
    if options.width is not None:
        factor = options.width / width
        return (options.width, max(1, round(height * factor))), factor, Point(0.0, 0.0), BASE_DPI * factor
    scale = options.scale
    return (width * scale, height * scale), float(scale), Point(0.0, 0.0), BASE_DPI * scale


class SansText:
    """The title and caption measured in DejaVu Sans without Qt (for the SVG writer)."""

    def __init__(self, text_scale: float) -> None:
        self.text_scale = text_scale

    def font(self, *, title: bool) -> FontMeasure:
        """The title's font (bold) or the caption's, at the diagram's text scale."""
        return measure(
            max(1, round((look.TITLE_PX if title else look.CAPTION_PX) * self.text_scale)), bold=title
        )

    def natural_width(self, text: str, *, title: bool) -> float:
        font = self.font(title=title)
        return max(font.width(line) for line in text.splitlines())

    def wrapped_height(self, text: str, width: float, *, title: bool) -> float:
        font = self.font(title=title)
        return font.wrapped_height(len(font.wrap(text, width)))

    def title_blank(self) -> float:
        font = self.font(title=True)
        return max(0.0, font.ascent - font.cap_height)
