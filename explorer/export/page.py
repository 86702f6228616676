"""The page of a Qt-free export: margins, title above, caption below, on a canvas of pixels.

The same arithmetic as :func:`explorer.export.render.compute_frame`, with text measured by
:mod:`explorer.export.text_metrics` instead of ``QFontMetricsF``.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from explorer.export import svg_look as look
from explorer.export.options import ExportOptions
from explorer.export.prepare import SLIDE_MARGIN_FRACTION
from explorer.export.svg_items import Line
from explorer.export.text_metrics import FontMeasure, measure
from explorer.layout.geometry import Point, Rect

TEXT_GAP = 14.0
MAX_TEXT_WIDTH = 720.0
"""Titles and captions wider than the diagram wrap at this width."""


class PageText(NamedTuple):
    """A title or caption: its font and its lines, centred, in page coordinates."""

    font: FontMeasure
    lines: tuple[Line, ...]


class Page(NamedTuple):
    """Where everything goes: ``offset`` moves the diagram onto the page, ``factor`` and ``shift`` the page
    onto a canvas of ``canvas`` pixels."""

    canvas: tuple[int, int]
    factor: float
    shift: Point
    offset: Point
    title: PageText | None
    caption: PageText | None

    def transform(self) -> str:
        f = f"{self.factor:.6f}".rstrip("0").rstrip(".")
        return f"matrix({f} 0 0 {f} {self.shift.x:.4f} {self.shift.y:.4f})"


def text_measure(*, title: bool, text_scale: float) -> FontMeasure:
    """The title's font (bold) or the caption's."""
    return measure(max(1, round((look.TITLE_PX if title else look.CAPTION_PX) * text_scale)), bold=title)


def page_for(source: Rect, options: ExportOptions, text_scale: float) -> Page:
    """The page for a diagram inking ``source`` (scene coordinates), mapped onto the options' canvas."""
    margin = float(options.margin)
    texts = {True: options.title.strip(), False: options.caption.strip()}
    text_width = source.width
    for is_title, text in texts.items():
        if text:
            font = text_measure(title=is_title, text_scale=text_scale)
            natural = max(font.width(line) for line in text.splitlines()) + 2
            text_width = max(text_width, min(natural, MAX_TEXT_WIDTH))
    wrapped = {
        is_title: text_measure(title=is_title, text_scale=text_scale).wrap(text, text_width) if text else []
        for is_title, text in texts.items()
    }
    title_font = text_measure(title=True, text_scale=text_scale)
    caption_font = text_measure(title=False, text_scale=text_scale)
    title_height = title_font.wrapped_height(len(wrapped[True])) + 2 if wrapped[True] else 0.0
    caption_height = caption_font.wrapped_height(len(wrapped[False])) + 2 if wrapped[False] else 0.0
    title_blank = max(0.0, title_font.ascent - title_font.cap_height) if wrapped[True] else 0.0
    title_block = title_height - title_blank + TEXT_GAP if wrapped[True] else 0.0
    caption_block = TEXT_GAP + caption_height if wrapped[False] else 0.0
    content_height = title_block + source.height + caption_block
    page_w = max(1, math.ceil(text_width + 2 * margin))
    page_h = max(1, math.ceil(content_height + 2 * margin))
    left, top = (page_w - text_width) / 2, (page_h - content_height) / 2
    diagram = Point(left + (text_width - source.width) / 2, top + title_block)
    centre = left + text_width / 2
    title = _placed(title_font, wrapped[True], centre, top - title_blank)
    caption = _placed(caption_font, wrapped[False], centre, diagram.y + source.height + TEXT_GAP)
    canvas, factor, shift = _canvas(page_w, page_h, options)
    offset = Point(diagram.x - source.x, diagram.y - source.y)
    return Page(canvas, factor, shift, offset, title, caption)


def _placed(font: FontMeasure, lines: list[str], centre: float, top: float) -> PageText | None:
    if not lines:
        return None
    step = math.ceil(font.height)
    return PageText(
        font, tuple(Line(line, centre, top + index * step + font.ascent) for index, line in enumerate(lines))
    )


def _canvas(page_w: int, page_h: int, options: ExportOptions) -> tuple[tuple[int, int], float, Point]:
    if options.slide_size is not None:
        width, height = options.slide_size
        inner_w, inner_h = width * (1 - 2 * SLIDE_MARGIN_FRACTION), height * (1 - 2 * SLIDE_MARGIN_FRACTION)
        factor = min(inner_w / page_w, inner_h / page_h)
        shift = Point((width - page_w * factor) / 2, (height - page_h * factor) / 2)
        return (width, height), factor, shift
    if options.width is not None:
        factor = options.width / page_w
        return (options.width, max(1, round(page_h * factor))), factor, Point(0.0, 0.0)
    return (page_w * options.scale, page_h * options.scale), float(options.scale), Point(0.0, 0.0)
