"""SVG export without Qt: the laid-out diagram written as SVG elements.

Groups, relations, components and their labels are drawn from the layout with
the light style, in the window's stacking order (groups by depth, relations,
group titles, components), on the page the PNG export uses (margins, title,
caption, slide). Labels are ``<text>`` (selectable, searchable, small) in
DejaVu Sans, laid out with its own metrics (:mod:`explorer.export.text_metrics`);
each icon file is embedded once as a ``data:`` URI and placed with ``<use>``.

Importing no Qt keeps a command-line SVG export to Python's start-up, the model
snapshot and the layout cache. Dark exports (icon plates need the icons' pixels)
and exports with a selection are drawn through Qt (:func:`supports` says which).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

from explorer.export import svg_look as look
from explorer.export.icon_files import IconFile, read_icon
from explorer.export.options import ExportOptions
from explorer.export.page import Page, SansText, page_for
from explorer.export.svg_items import (
    ComponentShape,
    EdgeShape,
    GroupShape,
    Label,
    component_shape,
    edge_shape,
    group_shape,
    grow,
    polygon_bounds,
    unite,
)
from explorer.export.text_metrics import FONT_STACK
from explorer.layout.geometry import Layout, Rect
from models.architecture import Architecture
from models.icons import icon_or_fallback


def supports(options: ExportOptions) -> bool:
    """Whether this writer draws ``options`` (else the Qt renderer does)."""
    return options.background != "dark" and options.highlighted is None


class UnsupportedError(ValueError):
    """The export needs what only the Qt renderer draws (tiny icons as their average colour)."""


def qt_free_svg(architecture: Architecture, layout: Layout, options: ExportOptions) -> bytes | None:
    """The SVG file drawn by this writer, or None when the export is one for the Qt renderer."""
    if options.format != "svg" or not supports(options):
        return None
    try:
        return render_svg_document(architecture, layout, options)
    except UnsupportedError:
        return None


def render_svg_document(architecture: Architecture, layout: Layout, options: ExportOptions) -> bytes:
    """``architecture`` drawn as ``layout`` places it, as a self-contained SVG document.

    Raises:
        UnsupportedError: the diagram is drawn so small that icons become plain shapes.
    """
    return svg_drawing(architecture, layout, options).document


class SvgDrawing(NamedTuple):
    """An SVG document and the page it draws (its canvas in pixels, its resolution)."""

    document: bytes
    page: Page


def svg_drawing(
    architecture: Architecture, layout: Layout, options: ExportOptions, *, linked_icons: bool = False
) -> SvgDrawing:
    """:func:`render_svg_document` with its page: the canvas is the PNG's of the same options.

    ``linked_icons``: PNG icons named by their paths, for a document Qt paints on this machine
    (see :func:`explorer.export.icon_files.read_icon`); a saved SVG embeds them.

    Raises:
        UnsupportedError: the options are for the Qt renderer (dark, a selection, tiny icons).
    """
    if not supports(options):
        raise UnsupportedError("dark and selected exports are drawn by Qt")
    text_scale = options.text_scale or 1.0
    labelled = options.edge_labels is not False
    icons: dict[Path, IconFile] = {}
    groups = _groups(architecture, layout, text_scale)
    edges = [edge_shape(edge, text_scale, labelled=labelled) for edge in layout.edges]
    components = []
    for component_id, node in layout.nodes.items():
        if component_id in architecture.components_by_id:
            path = icon_or_fallback(architecture.component(component_id).icon)
            icon = icons.get(path) or icons.setdefault(
                path, read_icon(path, f"icon{len(icons)}", linked=linked_icons)
            )
            components.append((component_shape(node, icon.size, text_scale), icon))
    ink = _ink(layout, groups, edges, [shape for shape, _ in components])
    page = page_for(ink, options, SansText(text_scale))
    if page.factor < look.LOD_SIMPLE_ICON:
        raise UnsupportedError("icons this small are drawn as their average colour")
    writer = _Writer(page, text_scale)
    body = [
        *writer.page_text(options),
        f'<g transform="translate({_n(page.offset.x)},{_n(page.offset.y)})">',
        *(line for shape in groups for line in writer.group(shape)),
        *(line for shape in edges for line in writer.edge(shape)),
        *(line for shape in groups for line in writer.group_title(shape)),
        *(line for shape, icon in components for line in writer.component(shape, icon)),
        "</g>",
    ]
    title = options.title.strip() or architecture.title
    description = options.caption.strip() or architecture.summary
    document = writer.document(title, description, body, icons.values(), options)
    return SvgDrawing(document.encode("utf-8", "replace"), page)


def _groups(architecture: Architecture, layout: Layout, text_scale: float) -> list[GroupShape]:
    """The groups' shapes, deepest last (the order the window stacks them in)."""
    boxes = [(gid, box) for gid, box in layout.groups.items() if gid in architecture.groups_by_id]
    boxes.sort(key=lambda entry: entry[1].depth)
    return [
        group_shape(
            box, architecture.group(gid).label, look.LIGHT_LOOK.group_fill(box.depth, box.fill), text_scale
        )
        for gid, box in boxes
    ]


def _ink(
    layout: Layout, groups: list[GroupShape], edges: list[EdgeShape], components: list[ComponentShape]
) -> Rect:
    """What the diagram paints, tightly (as ``explorer.export.render.ink_rect``)."""
    ink: Rect | None = None
    for group in groups:
        ink = unite(ink, grow(group.rect, look.LIGHT_LOOK.group_pen / 2))
    for component in components:
        ink = unite(ink, component.icon)
        if component.label.rect is not None:
            ink = unite(ink, component.label.rect)
    for edge in edges:
        ink = unite(ink, grow(edge.bounds, look.LIGHT_LOOK.edge_pen / 2))
        arrow = polygon_bounds(edge.arrow)
        if arrow is not None:
            ink = unite(ink, arrow)
        if edge.plate is not None:
            ink = unite(ink, edge.plate)
    if ink is None or ink.width <= 0 or ink.height <= 0:
        return layout.bounds
    return ink


class _Writer:
    """SVG elements in the light style, for one page."""

    def __init__(self, page: Page, text_scale: float) -> None:
        self.page = page
        self.style = look.LIGHT_LOOK
        self.lod = page.factor
        self.text_scale = text_scale

    def document(
        self, title: str, description: str, body: list[str], icons: Iterable[IconFile], options: ExportOptions
    ) -> str:
        width, height = self.page.canvas
        defs = [icon.definition() for icon in icons if icon.readable]
        background = (
            [f'<rect width="{width}" height="{height}" fill="{self.style.background}" stroke="none"/>']
            if options.background == "white"
            else []
        )
        return "\n".join(
            [
                '<?xml version="1.0" encoding="UTF-8"?>',
                f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
                f'version="1.1" width="{width}" height="{height}" viewBox="0 0 {width} {height}">',
                f"<title>{_text(title)}</title>",
                f"<desc>{_text(description)}</desc>",
                "<defs>",
                *defs,
                "</defs>",
                *background,
                f'<g font-family="{_text(FONT_STACK)}" stroke="none" transform="{self._transform()}">',
                *body,
                "</g>",
                "</svg>",
                "",
            ]
        )

    def _transform(self) -> str:
        factor, shift = self.page.factor, self.page.shift
        return f"matrix({factor:.6f} 0 0 {factor:.6f} {shift.x:.4f} {shift.y:.4f})"

    def page_text(self, options: ExportOptions) -> Iterator[str]:
        """The title and the caption, wrapped in their boxes and centred, as Qt draws them."""
        text = SansText(self.text_scale)
        for rect, words, colour, title in (
            (self.page.title, options.title, self.style.text, True),
            (self.page.caption, options.caption, self.style.muted_text, False),
        ):
            if rect is None:
                continue
            font = text.font(title=title)
            weight = ' font-weight="bold"' if title else ""
            yield f'<g font-size="{font.pixel_size}"{weight} fill="{colour}" text-anchor="middle">'
            step = math.ceil(font.height)  # Qt's text layout puts wrapped lines whole pixels apart
            centre = rect.x + rect.width / 2
            for index, line in enumerate(font.wrap(words.strip(), rect.width)):
                yield _text_at(centre, rect.y + index * step + font.ascent, line)
            yield "</g>"

    def group(self, shape: GroupShape) -> Iterator[str]:
        r, style = shape.rect, self.style
        yield (
            f'<rect x="{_n(r.x)}" y="{_n(r.y)}" width="{_n(r.width)}" height="{_n(r.height)}" '
            f'rx="{_n(look.GROUP_RADIUS)}" fill="{shape.fill}" stroke="{style.group_border}" '
            f'stroke-width="{_n(style.group_pen)}"/>'
        )

    def group_title(self, shape: GroupShape) -> Iterator[str]:
        if not shape.title or self.lod * self.text_scale < look.LOD_NO_LABEL:
            return
        p = shape.plate
        yield (
            f'<rect x="{_n(p.x)}" y="{_n(p.y)}" width="{_n(p.width)}" height="{_n(p.height)}" '
            f'rx="{_n(look.TITLE_PLATE_RADIUS)}" fill="{shape.fill}"/>'
        )
        attributes = (
            f' font-size="{shape.font.pixel_size}" font-weight="bold" fill="{self.style.group_title}"'
        )
        yield _text_at(shape.title_at.x, shape.title_at.y, shape.title, attributes)

    def edge(self, shape: EdgeShape) -> Iterator[str]:
        style = self.style
        yield (
            f'<path d="{shape.path}" fill="none" stroke="{style.edge}" stroke-width="{_n(style.edge_pen)}" '
            'stroke-linecap="round" stroke-linejoin="round"/>'
        )
        if shape.arrow and self.lod >= look.LOD_NO_ARROW:
            points = " ".join(f"{_n(p.x)},{_n(p.y)}" for p in shape.arrow)
            yield (
                f'<polygon points="{points}" fill="{style.edge}" stroke="{style.edge}" '
                f'stroke-width="{_n(style.arrow_pen)}" stroke-miterlimit="2"/>'
            )
        if (
            shape.label is not None
            and shape.plate is not None
            and self.lod * self.text_scale >= look.LOD_NO_EDGE_LABEL
        ):
            p = shape.plate
            yield (
                f'<rect x="{_n(p.x)}" y="{_n(p.y)}" width="{_n(p.width)}" height="{_n(p.height)}" '
                f'rx="{_n(look.EDGE_LABEL_RADIUS)}" fill="{style.background}" '
                f'fill-opacity="{style.edge_label_alpha / 255:.3f}"/>'
            )
            yield from self._label(shape.label, style.muted_text)

    def component(self, shape: ComponentShape, icon: IconFile) -> Iterator[str]:
        yield icon.use(shape.icon, self.style)
        if self.lod * self.text_scale >= look.LOD_NO_LABEL:
            yield from self._label(shape.label, self.style.text)

    def _label(self, label: Label, colour: str) -> Iterator[str]:
        if not label.lines:
            return
        yield f'<g font-size="{label.font.pixel_size}" fill="{colour}">'
        for line in label.lines:
            anchor = ' text-anchor="middle"' if line.anchor == "middle" else ""
            if line.squeeze < 1.0:
                where = f'transform="translate({_n(line.x)},{_n(line.y)}) scale({line.squeeze:.4f},1)"'
                yield f'<text {where}{anchor} xml:space="preserve">{_text(line.text)}</text>'
            else:
                yield _text_at(line.x, line.y, line.text, anchor)
        yield "</g>"


def _text_at(x: float, y: float, text: str, attributes: str = "") -> str:
    return f'<text x="{_n(x)}" y="{_n(y)}"{attributes} xml:space="preserve">{_text(text)}</text>'


_ESCAPES = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
        "'": "&apos;",
        **{chr(code): None for code in (*range(9), 11, 12, *range(14, 32), 0xFFFE, 0xFFFF)},
    }
)
"""Markup escaped; control characters and the two non-characters XML 1.0 cannot hold dropped."""


def _text(value: str) -> str:
    """``value`` as XML text or an attribute value (lone surrogates become ``?`` when encoded)."""
    return value.translate(_ESCAPES)


def _n(value: float) -> str:
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text
