"""The Qt-free SVG writer: it draws what the Qt export draws, where it draws it, and imports no Qt."""

from __future__ import annotations

import random
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QFont, QFontInfo, QFontMetricsF, QImage, QPainter, QPainterPath
from PySide6.QtSvg import QSvgRenderer

from explorer.diagram import style
from explorer.diagram.style import LIGHT
from explorer.export import render, svg_look
from explorer.export.icon_files import read_icon
from explorer.export.options import ExportOptions
from explorer.export.page import SansText
from explorer.export.render import create_scene, render_architecture, render_image
from explorer.export.svg_items import curve_bounds
from explorer.export.svg_writer import qt_free_svg, render_svg_document
from explorer.export.text_metrics import measure
from explorer.layout.geometry import Layout, Point, Rect
from explorer.layout.service import LayoutService
from explorer.sources import Sources
from models.architecture import Architecture
from tests.cli_process import modules_after_main

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def service() -> LayoutService:
    return LayoutService()


def _laid_out(sources: Sources, service: LayoutService, architecture_id: str) -> tuple[Architecture, Layout]:
    architecture = sources.architectures[architecture_id]
    return architecture, service.layout_for(architecture)


def _rasterised(svg: bytes, width: int, height: int) -> QImage:
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    QSvgRenderer(QByteArray(svg)).render(painter)
    painter.end()
    return image


def _mean_difference(first: QImage, second: QImage) -> float:
    """Mean absolute difference per channel (0–255) of two images of one size, on a sampled grid."""
    a = first.convertToFormat(QImage.Format.Format_RGBA8888)
    b = second.convertToFormat(QImage.Format.Format_RGBA8888)
    total = count = 0
    for y in range(0, a.height(), 3):
        for x in range(0, a.width(), 3):
            pa, pb = a.pixel(x, y), b.pixel(x, y)
            total += sum(abs(((pa >> s) & 255) - ((pb >> s) & 255)) for s in (0, 8, 16, 24))
            count += 4
    return total / count


def test_the_look_is_the_window_light_style() -> None:
    look = svg_look.LIGHT_LOOK
    assert look.background == LIGHT.background.name()
    assert look.text == LIGHT.text.name()
    assert look.muted_text == LIGHT.muted_text.name()
    assert look.edge == LIGHT.edge.name()
    assert look.group_border == LIGHT.group_border.name()
    assert look.group_title == LIGHT.group_title.name()
    assert look.group_fills == tuple(color.name() for color in LIGHT.group_fills)
    assert look.placeholder_fill == LIGHT.placeholder_fill.name()
    assert look.placeholder_border == LIGHT.placeholder_border.name()
    assert look.edge_label_alpha == LIGHT.edge_label_background.alpha()
    assert look.group_pen == LIGHT.group_border_pen.widthF()
    assert look.edge_pen == LIGHT.edge_pen.widthF()
    assert look.arrow_pen == LIGHT.arrow_pen.widthF()
    assert (look.group_fill(1, "#ABCDEF"), look.group_fill(5)) == ("#abcdef", LIGHT.group_fill(5).name())
    for name in (
        "COMPONENT_FONT_PX",
        "MIN_COMPONENT_FONT_PX",
        "GROUP_FONT_PX",
        "EDGE_FONT_PX",
        "HIGHLIGHT_RADIUS",
        "GROUP_RADIUS",
        "GROUP_TITLE_INSET",
        "LOD_SIMPLE_ICON",
        "LOD_NO_LABEL",
        "LOD_NO_EDGE_LABEL",
        "LOD_NO_ARROW",
    ):
        assert getattr(svg_look, name) == getattr(style, name), name


def test_text_is_measured_as_qt_measures_it(qapp, sources: Sources) -> None:
    if QFontInfo(QFont()).family() != "DejaVu Sans":
        pytest.skip("the platform's sans is not DejaVu Sans")
    texts = {c.label for a in sources.architectures.values() for c in a.components}
    texts |= {r.label for a in sources.architectures.values() for r in a.relations if r.label}
    for pixel_size, bold in ((14, False), (12, False), (13, True), (21, False)):
        font = QFont()
        font.setPixelSize(pixel_size)
        font.setBold(bold)
        qt, ours = QFontMetricsF(font), measure(pixel_size, bold=bold)
        assert (ours.ascent, ours.descent, ours.height) == (qt.ascent(), qt.descent(), qt.height())
        for text in texts:
            assert ours.width(text) == pytest.approx(qt.horizontalAdvance(text), abs=0.05), text
    for scale in (1.0, 1.5, 3.0):  # the title's capitals, which set the blank above it
        qt, ours = (
            QFontMetricsF(render.text_font(title=True, scale=scale)),
            SansText(scale).font(title=True),
        )
        assert ours.cap_height == qt.capHeight()


def test_the_svg_looks_like_the_png_export(qapp, sources: Sources, service: LayoutService) -> None:
    architecture, layout = _laid_out(sources, service, "containers-vs-vms")
    for options in (
        ExportOptions(format="svg", scale=1),
        ExportOptions(
            format="svg", title="Containers and virtual machines, side by side", caption="Two\nlines"
        ),
        ExportOptions(format="svg", slide="1920x1080", text_scale=1.5, edge_labels=False),
    ):
        png = render_image(create_scene(architecture, layout, options), options)
        svg = render_svg_document(architecture, layout, options)
        root = ET.fromstring(svg)
        assert (root.get("width"), root.get("height")) == (str(png.width()), str(png.height()))
        drawn = _rasterised(svg, png.width(), png.height())
        assert _mean_difference(png, drawn) < 2.0, options


def test_labels_are_placed_where_the_scene_places_them(
    qapp, sources: Sources, service: LayoutService
) -> None:
    architecture, layout = _laid_out(sources, service, "eks")
    options = ExportOptions(format="svg", scale=1)
    scene = create_scene(architecture, layout, options)
    root = ET.fromstring(render_svg_document(architecture, layout, options))
    # Inside the diagram's group the coordinates are the scene's.
    placed = [
        (element.text, float(element.get("x", "nan")), float(element.get("y", "nan")))
        for element in root.iter(f"{SVG}text")
    ]
    checked = 0
    for item in scene.component_items():
        rect, metrics = item.label_rect(), QFontMetricsF(item.label_font())
        for index, line in enumerate(item.node.label_lines):
            baseline = rect.top() + metrics.ascent() + index * metrics.lineSpacing()
            assert any(
                text == line and abs(x - rect.center().x()) < 0.01 and abs(y - baseline) < 0.01
                for text, x, y in placed
            ), line
            checked += 1
    assert checked >= len(layout.nodes)


def test_text_stays_text_and_is_escaped(qapp, sources: Sources, service: LayoutService) -> None:
    architecture, layout = _laid_out(sources, service, "containers-vs-vms")
    options = ExportOptions(format="svg", title='Fish & <chips> "quoted"\x01', caption="it's")
    svg = render_svg_document(architecture, layout, options)
    root = ET.fromstring(svg)  # well-formed despite the markup and the control character
    texts = [element.text for element in root.iter(f"{SVG}text")]
    assert 'Fish & <chips> "quoted"' in texts
    assert "it's" in texts
    assert root.findtext(f"{SVG}title") == 'Fish & <chips> "quoted"'
    assert set(architecture.components[0].label.split()) <= {w for t in texts if t for w in t.split()}
    assert render.external_references(svg) == set()
    assert len(svg) < 600_000


def test_each_icon_is_embedded_once(sources: Sources, service: LayoutService) -> None:
    architecture, layout = _laid_out(sources, service, "eks")
    root = ET.fromstring(render_svg_document(architecture, layout, ExportOptions(format="svg")))
    images = list(root.iter(f"{SVG}image"))
    uses = list(root.iter(f"{SVG}use"))
    assert len(uses) == len(layout.nodes)
    assert len({image.get("id") for image in images}) == len(images) < len(uses)


def test_what_the_writer_leaves_to_qt(qapp, sources: Sources, service: LayoutService) -> None:
    architecture, layout = _laid_out(sources, service, "containers-vs-vms")
    for options in (
        ExportOptions(format="svg", background="dark"),
        ExportOptions(format="svg", keep_selection=True, selected="app-a"),
        ExportOptions(format="png"),
    ):
        assert qt_free_svg(architecture, layout, options) is None
    dark = render_architecture(architecture, layout, ExportOptions(format="svg", background="dark"))
    assert ET.fromstring(dark).get("baseProfile") == "tiny"  # Qt's generator


def test_icon_files(tmp_path: Path) -> None:
    wide = tmp_path / "wide.svg"
    wide.write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100"><rect/></svg>')
    assert read_icon(wide, "a").size == (512, 256)
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"not a png")
    placeholder = read_icon(broken, "b")
    assert not placeholder.readable
    assert placeholder.use(Rect(0, 0, 48, 48), svg_look.LIGHT_LOOK).startswith("<rect")


def test_a_linked_icon_is_named_by_its_path_when_it_is_a_png_at_a_plain_path(tmp_path: Path) -> None:
    image = QImage(6, 3, QImage.Format.Format_ARGB32)
    image.fill(0x80FF2040)
    plain, spaced = tmp_path / "icon.png", tmp_path / "an icon&.png"
    for path in (plain, spaced):
        assert image.save(str(path))
    linked = read_icon(plain, "a", linked=True)
    assert (linked.size, linked.uri) == ((6, 3), str(plain))
    assert read_icon(plain, "a").uri.startswith("data:image/png;base64,")
    assert read_icon(spaced, "b", linked=True) == read_icon(spaced, "b")  # embedded: nothing to escape
    vector = tmp_path / "icon.svg"
    vector.write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100"><rect/></svg>')
    assert read_icon(vector, "c", linked=True) == read_icon(vector, "c")
    missing = read_icon(tmp_path / "gone.png", "d", linked=True)
    assert not missing.readable


def test_curve_bounds_are_qt_bounding_rects() -> None:
    chance = random.Random(16)
    for _ in range(200):
        points = tuple(Point(chance.uniform(-50, 50), chance.uniform(-50, 50)) for _ in range(7))
        path = QPainterPath()
        path.moveTo(points[0].x, points[0].y)
        for index in (1, 4):
            a, b, c = points[index : index + 3]
            path.cubicTo(a.x, a.y, b.x, b.y, c.x, c.y)
        qt, ours = path.boundingRect(), curve_bounds(points)
        assert (ours.x, ours.y, ours.width, ours.height) == pytest.approx(
            (qt.x(), qt.y(), qt.width(), qt.height()), abs=1e-6
        )


def test_a_command_line_svg_imports_no_qt(tmp_path: Path) -> None:
    output = tmp_path / "vms.svg"
    assert modules_after_main(["export", "containers-vs-vms", "-o", str(output)], ("PySide6",)) == (0, [])
    ET.fromstring(output.read_bytes())
