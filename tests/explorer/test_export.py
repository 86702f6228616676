"""Export: options, atomic writes, and the PNG/SVG/PDF renderings of real diagrams."""

from __future__ import annotations

import errno
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSettings, Qt
from PySide6.QtGui import QColor, QImage

from explorer.atomic_write import (
    ExportError,
    check_target,
    describe_os_error,
    is_temp_file,
    write_all,
    write_atomically,
)
from explorer.diagram import style
from explorer.diagram.scene import DiagramScene
from explorer.export.options import (
    ExportOptions,
    InvalidOptionsError,
    format_for_path,
    load_options,
    save_options,
    slide_name,
)
from explorer.export.render import (
    compute_frame,
    create_scene,
    encode_png,
    external_references,
    render_image,
    render_pdf,
    render_svg,
)
from explorer.layout.geometry import Layout
from explorer.layout.graphviz_run import compute_layout
from explorer.sources import Sources
from models.architecture import Architecture

ARCHITECTURE = "ecs-fargate"
ICON_COMPONENT = "ecr"  # a filled, square AWS icon
SELECTED = "ecs-service"


# Options ------------------------------------------------------------------------


def test_options_validate_every_field() -> None:
    assert ExportOptions().format == "png"
    for bad in (
        {"format": "gif"},
        {"scale": 3},
        {"width": 0},
        {"background": "blue"},
        {"margin": -1},
        {"slide": "4:3"},
    ):
        with pytest.raises(InvalidOptionsError):
            ExportOptions(**bad)


def test_format_from_the_extension_and_slide_names() -> None:
    assert format_for_path("a/b.PNG") == "png"
    assert format_for_path("b.svg") == "svg"
    assert format_for_path("b.pdf") == "pdf"
    assert format_for_path("b", default="svg") == "svg"
    with pytest.raises(InvalidOptionsError, match="format"):
        format_for_path("b.gif")
    assert slide_name("16:9") == "1920x1080"
    assert slide_name("16:9-4k") == "3840x2160"
    assert slide_name(None) is None
    with pytest.raises(InvalidOptionsError):
        slide_name("4:3")


def test_options_survive_a_settings_round_trip(tmp_path: Path) -> None:
    store = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    options = ExportOptions(
        format="svg", width=1600, background="dark", margin=40, title="T", slide="3840x2160", selected="x"
    )
    save_options(store, options)
    store.sync()
    loaded = load_options(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    assert loaded == options.with_changes(selected=None)  # the selection is not a preference


def test_odd_settings_fall_back_to_defaults(tmp_path: Path) -> None:
    store = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    for key, value in {
        "format": "gif",
        "scale": "seven",
        "margin": "-5",
        "width": "x",
        "slide": "no",
    }.items():
        store.setValue(f"export/{key}", value)
    assert load_options(store) == ExportOptions()


# Atomic writes ------------------------------------------------------------------


def leftovers(folder: Path) -> list[Path]:
    return [path for path in folder.iterdir() if is_temp_file(path)]


def test_atomic_write_replaces_and_keeps_the_mode(tmp_path: Path) -> None:
    target = tmp_path / "out.png"
    assert write_atomically(target, b"one") == target
    target.chmod(0o640)
    write_atomically(target, b"two")
    assert target.read_bytes() == b"two"
    assert target.stat().st_mode & 0o777 == 0o640
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize(
    ("make_path", "reason"),
    [
        (lambda tmp: tmp / "gone" / "x.png", "does not exist"),
        (lambda tmp: tmp / "file.txt" / "x.png", "not a folder"),
        (lambda tmp: tmp / ("n" * 300 + ".png"), "too long"),
        (lambda tmp: tmp, "is a folder"),
        (lambda tmp: Path("/dev/full"), "not a regular file"),
    ],
    ids=["folder-vanished", "under-a-file", "name-too-long", "a-folder", "device"],
)
def test_atomic_write_failures_name_the_path_and_the_reason(tmp_path: Path, make_path, reason: str) -> None:
    (tmp_path / "file.txt").write_text("x")
    path = make_path(tmp_path)
    with pytest.raises(ExportError, match=re.escape(reason)) as caught:
        write_atomically(path, b"data")
    assert str(path) in str(caught.value)
    assert leftovers(tmp_path) == []


def unwritable_folder(tmp_path: Path) -> Path:
    """A folder this process cannot create files in (root ignores permission bits)."""
    if os.geteuid() != 0:
        folder = tmp_path / "read-only"
        folder.mkdir()
        folder.chmod(0o500)
        return folder
    if os.access("/sys", os.W_OK) and Path("/sys/kernel").is_dir():
        probe = Path("/sys/.export-probe")
        try:
            probe.write_bytes(b"")
        except OSError:
            return Path("/sys")
        probe.unlink()
    pytest.skip("no folder here refuses writes to root")


def test_atomic_write_into_a_read_only_folder(tmp_path: Path) -> None:
    folder = unwritable_folder(tmp_path)
    with pytest.raises(ExportError, match=r"cannot write .*x\.png: (permission denied|.*read-only)"):
        write_atomically(folder / "x.png", b"data")
    assert not (folder / "x.png").exists()


def test_full_disk_removes_the_temporary_file(tmp_path: Path) -> None:
    """A real ENOSPC: the temporary file's descriptor writes to /dev/full."""
    created: list[Path] = []

    def temp_on_a_full_disk(folder: Path) -> tuple[int, Path]:
        temp = folder / ".export-test.part"
        temp.write_bytes(b"")
        created.append(temp)
        return os.open("/dev/full", os.O_WRONLY), temp

    target = tmp_path / "x.png"
    target.write_bytes(b"old")
    with pytest.raises(ExportError, match="disk is full") as caught:
        write_atomically(target, b"new" * 1000, open_temp=temp_on_a_full_disk)
    assert str(target) in str(caught.value)
    assert created
    assert not created[0].exists()
    assert target.read_bytes() == b"old"


def test_low_level_writer_reports_enospc() -> None:
    fd = os.open("/dev/full", os.O_WRONLY)
    try:
        with pytest.raises(OSError, match="No space") as caught:
            write_all(fd, b"x" * 100)
    finally:
        os.close(fd)
    assert caught.value.errno == errno.ENOSPC
    assert describe_os_error(caught.value) == "the disk is full"


def test_check_target_fails_before_rendering(tmp_path: Path) -> None:
    assert check_target(tmp_path / "x.png") == tmp_path / "x.png"
    with pytest.raises(ExportError, match="does not exist"):
        check_target(tmp_path / "missing" / "x.png")


# Rendering ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def fargate(qapp, sources: Sources) -> tuple[Architecture, Layout]:
    architecture = sources.architectures[ARCHITECTURE]
    return architecture, compute_layout(architecture)


@pytest.fixture(scope="module")
def scene(fargate: tuple[Architecture, Layout]) -> DiagramScene:
    return create_scene(*fargate, ExportOptions())


def is_background(color: QColor, background: QColor) -> bool:
    channels = zip(color.getRgb(), background.getRgb(), strict=True)
    return sum(abs(a - b) for a, b in channels) < 24


def drawn_fraction(image: QImage, rect: QRect | None = None, step: int | None = None) -> float:
    """The share of sampled pixels (in ``rect``) that differ from the corner pixel."""
    rect = rect or image.rect()
    step = step or max(4, rect.width() // 300)
    background = image.pixelColor(0, 0)
    samples = [
        image.pixelColor(x, y)
        for y in range(rect.top(), rect.bottom() + 1, step)
        for x in range(rect.left(), rect.right() + 1, step)
    ]
    return sum(not is_background(color, background) for color in samples) / len(samples)


def gray_rows(image: QImage, rect: QRect) -> list[bytes]:
    gray = image.copy(rect).convertToFormat(QImage.Format.Format_Grayscale8)
    data, stride = bytes(gray.constBits()), gray.bytesPerLine()
    return [data[y * stride : y * stride + gray.width()] for y in range(gray.height())]


def sharpness(rows: list[bytes]) -> float:
    """Mean squared difference of neighbouring pixels: blurred (upscaled) edges score low."""
    total = sum((row[i + 1] - row[i]) ** 2 for row in rows for i in range(len(row) - 1))
    return total / (len(rows) * len(rows[0]))


def icon_rect_on_canvas(scene: DiagramScene, options: ExportOptions, component_id: str) -> QRect:
    frame = compute_frame(scene, options)
    icon = scene.item_for(component_id).icon_rect()
    top_left, bottom_right = frame.to_canvas(icon.topLeft()), frame.to_canvas(icon.bottomRight())
    return QRect(
        round(top_left.x()), round(top_left.y()), *(round(v) for v in (bottom_right - top_left).toTuple())
    )


def test_scales_and_widths_are_exact_and_record_their_dpi(scene: DiagramScene) -> None:
    images = {scale: render_image(scene, ExportOptions(scale=scale)) for scale in (1, 2, 4)}
    one = images[1].size()
    for scale, image in images.items():
        assert (image.width(), image.height()) == (one.width() * scale, one.height() * scale)
        assert image.dotsPerMeterX() == image.dotsPerMeterY() == round(96 * scale / 0.0254)
    wide = render_image(scene, ExportOptions(width=1000))
    assert wide.width() == 1000
    assert abs(wide.height() - one.height() * 1000 / one.width()) <= 1
    reread = QImage.fromData(encode_png(images[2]), "PNG")
    assert reread.size() == images[2].size()
    assert round(reread.dotsPerMeterX() * 0.0254) == 192


def test_two_x_is_drawn_at_resolution_not_upscaled(scene: DiagramScene) -> None:
    one, two = (render_image(scene, ExportOptions(scale=scale)) for scale in (1, 2))
    icon = icon_rect_on_canvas(scene, ExportOptions(scale=1), SELECTED).adjusted(-40, -20, 40, 60)
    region = QRect(icon.topLeft() * 2, icon.size() * 2)
    upscaled = one.scaled(two.size(), mode=Qt.TransformationMode.SmoothTransformation)
    assert sharpness(gray_rows(two, region)) > 2 * sharpness(gray_rows(upscaled, region))


def test_the_diagram_is_drawn_with_its_icons(scene: DiagramScene) -> None:
    options = ExportOptions(scale=1)
    image = render_image(scene, options)
    assert drawn_fraction(image) > 0.5  # group boxes, icons, labels, edges
    icon = icon_rect_on_canvas(scene, options, ICON_COMPONENT)
    assert drawn_fraction(image, icon.adjusted(4, 4, -4, -4), step=2) > 0.9


def test_margins_are_even(scene: DiagramScene) -> None:
    options = ExportOptions(scale=1, margin=30)
    image = render_image(scene, options)
    frame = compute_frame(scene, options)
    assert frame.diagram.left() == pytest.approx(image.width() - frame.diagram.right(), abs=1)
    assert frame.diagram.top() == pytest.approx(image.height() - frame.diagram.bottom(), abs=1)
    assert frame.diagram.left() == pytest.approx(30, abs=1)
    assert drawn_fraction(image, QRect(0, 0, 26, image.height()), step=2) == 0
    assert drawn_fraction(image, QRect(0, 0, image.width(), 26), step=2) == 0
    assert drawn_fraction(image, QRect(0, 0, 34, image.height()), step=1) > 0


def test_transparent_background_has_real_alpha(scene: DiagramScene) -> None:
    image = render_image(scene, ExportOptions(scale=1, background="transparent"))
    assert image.hasAlphaChannel()
    assert image.format() == QImage.Format.Format_ARGB32_Premultiplied
    for x, y in ((0, 0), (image.width() - 1, 0), (0, image.height() - 1)):
        assert image.pixelColor(x, y).alpha() == 0
    white = render_image(scene, ExportOptions(scale=1))
    assert white.pixelColor(0, 0) == QColor("#FFFFFF")


@pytest.mark.parametrize(("slide", "size"), [("1920x1080", (1920, 1080)), ("3840x2160", (3840, 2160))])
def test_slides_are_exactly_16_by_9_with_the_diagram_centred(scene: DiagramScene, slide: str, size) -> None:
    options = ExportOptions(slide=slide, title="A title")
    image = render_image(scene, options)
    assert (image.width(), image.height()) == size
    background, step = image.pixelColor(0, 0), image.width() // 960
    drawn = [
        x
        for x in range(0, image.width(), step)
        if any(not is_background(image.pixelColor(x, y), background) for y in range(0, image.height(), 8))
    ]
    left, right = drawn[0], image.width() - 1 - drawn[-1]
    assert left == pytest.approx(right, abs=3 * step)  # centred, with the margin inside
    assert left > 0
    assert drawn_fraction(image) > 0.3


def test_selection_highlight_only_when_asked(fargate: tuple[Architecture, Layout]) -> None:
    plain = ExportOptions(scale=1, selected=SELECTED)
    kept = plain.with_changes(keep_selection=True)
    without = render_image(create_scene(*fargate, plain), plain)
    nothing_selected = render_image(create_scene(*fargate, ExportOptions(scale=1)), ExportOptions(scale=1))
    assert without == nothing_selected
    selected_scene = create_scene(*fargate, kept)
    with_highlight = render_image(selected_scene, kept)
    halo = icon_rect_on_canvas(selected_scene, kept, SELECTED).adjusted(-6, -6, 6, 6)
    ring = [(x, halo.top()) for x in range(halo.left(), halo.right(), 2)]
    changed = sum(with_highlight.pixelColor(x, y) != without.pixelColor(x, y) for x, y in ring)
    assert changed > len(ring) // 2  # the halo's border runs along the top


def test_dark_background_with_light_labels(fargate: tuple[Architecture, Layout]) -> None:
    options = ExportOptions(scale=1, background="dark")
    scene = create_scene(*fargate, options)
    image = render_image(scene, options)
    assert image.pixelColor(0, 0).lightnessF() < 0.2
    assert image.pixelColor(5, image.height() // 2).lightnessF() < 0.2
    label = scene.item_for(ICON_COMPONENT).label_rect()
    frame = compute_frame(scene, options)
    top_left = frame.to_canvas(label.topLeft())
    bright = [
        image.pixelColor(round(top_left.x()) + dx, round(top_left.y()) + dy).lightnessF()
        for dx in range(round(label.width()))
        for dy in range(round(label.height()))
    ]
    assert max(bright) > 0.7  # light text on the dark group fill
    assert scene.diagram_style is style.DARK  # its own style: the window's stays light
    assert style.LIGHT.text.lightnessF() < 0.2


def test_title_and_caption_are_drawn_around_the_diagram(scene: DiagramScene) -> None:
    bare = render_image(scene, ExportOptions(scale=1))
    options = ExportOptions(scale=1, title="Fargate for slides", caption="Figure 1. Tasks on Fargate.")
    framed = render_image(scene, options)
    frame = compute_frame(scene, options)
    assert framed.height() > bare.height() + 30
    assert drawn_fraction(framed, frame.title_rect.toRect(), step=1) > 0.02
    assert drawn_fraction(framed, frame.caption_rect.toRect(), step=1) > 0.02


def test_svg_is_self_contained_xml(scene: DiagramScene) -> None:
    svg = render_svg(scene, ExportOptions(format="svg", title="Fargate"))
    root = ET.fromstring(svg)
    assert root.tag.endswith("svg")
    references = []
    for element in root.iter():
        for name, value in element.attrib.items():
            if name.endswith("href"):
                references.append(value)
            references.extend(re.findall(r"url\(([^)]*)\)", value))
    assert references, "icons are embedded as images"
    assert all(ref.startswith(("data:", "#")) for ref in references)
    assert not re.search(rb"(?:file:|https?:)//(?!www\.w3\.org)", svg)
    assert external_references(svg) == set()
    assert b"Amazon ECR" in svg or b"ECR" in svg  # labels stay text


def test_pdf_has_one_vector_page_sized_to_the_diagram(scene: DiagramScene) -> None:
    options = ExportOptions(format="pdf", scale=2)
    pdf = render_pdf(scene, options)
    assert pdf.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page(?!s)", pdf)) == 1
    assert b"/Font" in pdf  # text as text, not pixels
    one = compute_frame(scene, options.with_changes(scale=1)).canvas
    box = re.search(rb"/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)", pdf)
    assert box is not None
    width, height = float(box.group(3)) - float(box.group(1)), float(box.group(4)) - float(box.group(2))
    assert width == pytest.approx(one.width() * 0.75, abs=1)
    assert height == pytest.approx(one.height() * 0.75, abs=1)


@pytest.mark.parametrize(
    ("saved", "loaded"),
    [("auto", None), ("show", True), ("hide", False), ("true", None), ("false", False), ("odd", None)],
)
def test_relation_labels_load_from_words_and_from_older_booleans(
    tmp_path: Path, saved: str, loaded: bool | None
) -> None:
    store = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    store.setValue("export/edge_labels", saved)
    assert load_options(store).edge_labels is loaded
    save_options(store, load_options(store))
    assert store.value("export/edge_labels") == {None: "auto", True: "show", False: "hide"}[loaded]
