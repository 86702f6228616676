"""The command line's PNG, painted from the Qt-free SVG, is the scene's PNG to within anti-aliasing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from explorer.export.options import ExportOptions
from explorer.export.png_writer import encode_png
from explorer.export.render import render_architecture
from explorer.export.svg_raster import paint_svg, svg_png
from explorer.export.svg_writer import SvgDrawing, svg_drawing
from explorer.layout.service import LayoutService
from explorer.sources import Sources
from tests.cli_process import modules_after_main

BUILT_IN = ["containers-vs-vms", "ecs-ec2", "ecs-fargate", "eks", "kubernetes"]
BLOCK = 4
TOLERANCE = 100
"""How far (0-255, one channel) the mean colour of any 4 × 4 block of pixels may be from the scene's.
Anti-aliased text a fraction of a pixel apart reaches 30-75 here (the blocks' means barely move);
a label 8 pixels off or a missing icon reach 140-255."""
MEAN_TOLERANCE = 1.5
"""How far the blocks may be apart on average: 0.1-0.4 here; one group in another of the pale
group colours moves it by 3 or more."""


@pytest.fixture(scope="module")
def service() -> LayoutService:
    return LayoutService()


def block_difference(first: QImage, second: QImage) -> tuple[int, float]:
    """How far apart (0-255, one channel) the mean colours of two same-size images' blocks get:
    the largest difference of any block, and the mean difference over all of them."""
    assert first.size() == second.size()
    rows = [
        [abs(a - b) for a, b in zip(x, y, strict=True)]
        for x, y in zip(_block_means(first), _block_means(second), strict=True)
    ]
    return max(map(max, rows)), sum(map(sum, rows)) / sum(map(len, rows))


def within_tolerance(first: QImage, second: QImage) -> bool:
    largest, mean = block_difference(first, second)
    return largest <= TOLERANCE and mean <= MEAN_TOLERANCE


def _block_means(image: QImage) -> list[bytes]:
    """Rows of the image shrunk to one pixel per ``BLOCK`` × ``BLOCK`` block (each its block's mean)."""
    blocks = (
        image.convertToFormat(QImage.Format.Format_RGB32)
        .scaled(
            max(1, image.width() // BLOCK),
            max(1, image.height() // BLOCK),
            Qt.AspectRatioMode.IgnoreAspectRatio,
            Qt.TransformationMode.SmoothTransformation,  # averages each block's pixels
        )
        .convertToFormat(QImage.Format.Format_RGB888)
    )
    data, stride, row = bytes(blocks.constBits()), blocks.bytesPerLine(), blocks.width() * 3
    return [data[y * stride : y * stride + row] for y in range(blocks.height())]


@pytest.mark.parametrize("scale", [1, 2])
@pytest.mark.parametrize("architecture_id", BUILT_IN)
def test_the_png_painted_from_the_svg_is_the_scene_png(
    qapp, sources: Sources, service: LayoutService, architecture_id: str, scale: int
) -> None:
    architecture = sources.architectures[architecture_id]
    layout = service.layout_for(architecture)
    options = ExportOptions(format="png", scale=scale)
    scene = QImage.fromData(render_architecture(architecture, layout, options))
    ours = QImage.fromData(svg_png(architecture, layout, options))
    assert (ours.width(), ours.height()) == (scene.width(), scene.height())
    assert (ours.dotsPerMeterX(), ours.hasAlphaChannel()) == (scene.dotsPerMeterX(), False)
    assert within_tolerance(scene, ours), block_difference(scene, ours)


@pytest.mark.parametrize("background", ["white", "transparent"])
def test_icons_named_by_their_paths_paint_the_pixels_of_embedded_ones(
    qapp, sources: Sources, service: LayoutService, background: str
) -> None:
    """The PNG's drawing names its icon files (Qt reads them); the saved SVG's embeds them."""
    architecture = sources.architectures["ecs-fargate"]
    layout = service.layout_for(architecture)
    options = ExportOptions(format="png", scale=1, background=background)
    linked = svg_drawing(architecture, layout, options, linked_icons=True)
    embedded = svg_drawing(architecture, layout, options)
    assert b"base64" not in linked.document
    assert b"data:image/png;base64" in embedded.document
    opaque = background == "white"
    painted = paint_svg(linked, opaque=opaque)
    assert bytes(painted.constBits()) == bytes(paint_svg(embedded, opaque=opaque).constBits())
    assert svg_png(architecture, layout, options) == encode_png(painted)


def test_a_transparent_page_keeps_its_alpha(qapp, sources: Sources, service: LayoutService) -> None:
    architecture = sources.architectures["containers-vs-vms"]
    options = ExportOptions(format="png", scale=1, background="transparent")
    layout = service.layout_for(architecture)
    scene = QImage.fromData(render_architecture(architecture, layout, options))
    ours = QImage.fromData(svg_png(architecture, layout, options))
    assert ours.hasAlphaChannel()
    assert ours.pixelColor(0, 0).alpha() == 0
    assert within_tolerance(scene, ours), block_difference(scene, ours)


def _sabotaged(drawing: SvgDrawing, pattern: str, change) -> QImage:  # noqa: ANN001 (a callable on a match)
    document, count = re.subn(pattern, change, drawing.document.decode(), count=1)
    assert count == 1
    return paint_svg(SvgDrawing(document.encode(), drawing.page), opaque=True)


def test_the_comparison_sees_a_missing_icon_a_moved_label_and_a_wrong_colour(
    qapp, sources: Sources, service: LayoutService
) -> None:
    architecture = sources.architectures["containers-vs-vms"]
    layout = service.layout_for(architecture)
    options = ExportOptions(format="png", scale=2)
    scene = QImage.fromData(render_architecture(architecture, layout, options))
    drawing = svg_drawing(architecture, layout, options)
    assert within_tolerance(scene, paint_svg(drawing, opaque=True))
    missing_icon = _sabotaged(drawing, r"<use [^>]*/>", "")
    moved_label = _sabotaged(
        drawing,
        r'(<text x=")([-\d.]+)(" y="[-\d.]+" text-anchor="middle" xml:space="preserve">App A<)',
        lambda m: f"{m[1]}{float(m[2]) + 4}{m[3]}",  # 4 diagram units: 8 pixels at 2×
    )
    group_colour = _sabotaged(
        drawing, r'(<rect [^>]*rx="[\d.]+" fill=")#[0-9a-f]{6}(" stroke=)', r"\1#fdf7e3\2"
    )
    for broken in (missing_icon, moved_label, group_colour):
        assert not within_tolerance(scene, broken), block_difference(scene, broken)


@pytest.mark.parametrize(
    "options",
    [
        ExportOptions(format="png", background="dark"),
        ExportOptions(format="png", keep_selection=True, selected="hypervisor"),
        ExportOptions(format="svg"),
        ExportOptions(format="png", width=16),  # icons this small are drawn as their colour
    ],
)
def test_what_it_leaves_to_the_scene(qapp, sources: Sources, service: LayoutService, options) -> None:  # noqa: ANN001
    architecture = sources.architectures["containers-vs-vms"]
    assert svg_png(architecture, service.layout_for(architecture), options) is None


def test_a_command_line_png_makes_no_scene(tmp_path: Path) -> None:
    output = tmp_path / "vms.png"
    command = ["export", "containers-vs-vms", "-o", str(output), "--scale", "1"]
    assert modules_after_main(command, ("explorer.diagram",)) == (0, [])
    assert QImage(str(output)).width() > 0


@pytest.mark.parametrize("size", [(3, 2), (700, 500)])  # one chunk of zeros, and several
def test_an_image_is_cleared_as_fill_clears_it(qapp, size: tuple[int, int]) -> None:  # noqa: ANN001
    from explorer.export.svg_paint import _clear

    ours = QImage(*size, QImage.Format.Format_ARGB32_Premultiplied)
    ours.fill(0x80FF2040)
    _clear(ours)
    filled = QImage(*size, QImage.Format.Format_ARGB32_Premultiplied)
    filled.fill(0)
    assert bytes(ours.constBits()) == bytes(filled.constBits())
