"""Slides that read from the back of a room, a dark theme with contrast, and quizzes without clues.

Sizes are measured on the scene (fonts times the frame's scale); contrast is read
from the pixels of the exported images.
"""

from __future__ import annotations

import statistics
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QImage

from explorer.cli import main
from explorer.diagram import style
from explorer.diagram.icons import (
    NAME_BAND,
    carries_text,
    contrast_ratio,
    relative_luminance,
    without_name_band,
)
from explorer.diagram.scene import DiagramScene
from explorer.export.options import ExportOptions
from explorer.export.prepare import SLIDE_LABEL_PX, focus_architecture, prepare
from explorer.export.render import Frame, compute_frame, create_scene, ink_rect, render_image
from explorer.layout.cache import LayoutCache
from explorer.layout.service import LayoutService
from explorer.sources import Sources
from models.icons import find_icon, icon_or_fallback

SLIDE = ExportOptions(slide="1920x1080")
FOCUS = {
    "ecs-ec2": "ecs-service",
    "ecs-fargate": "task-a",
    "kubernetes": "service",
    "eks": "eks-scheduler",
    "containers-vs-vms": "hypervisor",
}
"""One focus slide per built-in (a component with a few neighbours)."""


@pytest.fixture(autouse=True)
def _qt(qapp) -> None:
    """Scenes, fonts and images need the test run's QApplication."""


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> LayoutService:
    return LayoutService(LayoutCache(tmp_path_factory.mktemp("layouts")))


def _slide(sources: Sources, service: LayoutService, architecture_id: str, options: ExportOptions):
    prepared = prepare(
        sources.architectures[architecture_id], options, lambda a, o: service.layout_for(a, options=o)
    )
    scene = create_scene(prepared.architecture, prepared.layout, prepared.options)
    return scene, prepared.options, compute_frame(scene, prepared.options)


def _smallest_text_px(scene: DiagramScene, factor: float) -> tuple[float, float]:
    components = min(item.label_font().pixelSize() for item in scene.component_items()) * factor
    edges = [e.label_font().pixelSize() * factor for e in scene.edge_items() if e.label_visible()]
    return components, min(edges, default=float("inf"))


def assert_inked_inside_slide_margins(scene: DiagramScene, frame: Frame) -> None:
    """Nothing inked within 5 % of a 1920×1080 slide's edges."""
    ink = ink_rect(scene)
    top_left, bottom_right = frame.to_canvas(ink.topLeft()), frame.to_canvas(ink.bottomRight())
    assert top_left.x() >= 0.05 * 1920 - 0.5
    assert bottom_right.x() <= 0.95 * 1920 + 0.5
    assert top_left.y() >= 0.05 * 1080 - 0.5
    assert bottom_right.y() <= 0.95 * 1080 + 0.5


@pytest.mark.parametrize("architecture_id", sorted(FOCUS))
def test_a_focus_slide_reads_from_the_back(
    sources: Sources, service: LayoutService, architecture_id: str
) -> None:
    options = SLIDE.with_changes(focus=FOCUS[architecture_id])
    scene, settled, frame = _slide(sources, service, architecture_id, options)
    assert settled.text_scale is not None
    assert settled.text_scale >= 1.0
    component_px, edge_px = _smallest_text_px(scene, frame.transform.m11())
    assert component_px >= SLIDE_LABEL_PX
    assert edge_px >= 14
    assert_inked_inside_slide_margins(scene, frame)


def test_the_small_model_reads_from_the_back_on_a_whole_slide(
    sources: Sources, service: LayoutService
) -> None:
    scene, settled, frame = _slide(sources, service, "containers-vs-vms", SLIDE)
    component_px, edge_px = _smallest_text_px(scene, frame.transform.m11())
    assert component_px >= SLIDE_LABEL_PX
    assert edge_px >= 14
    # The text is laid out larger, not magnified: the diagram's own fonts grew.
    assert settled.text_scale is not None
    assert settled.text_scale > 1.0
    assert scene.diagram_style.component_font().pixelSize() > style.LIGHT.component_font().pixelSize()


def test_automatic_text_is_larger_than_fixed_text_on_every_built_in(
    sources: Sources, service: LayoutService
) -> None:
    for architecture_id in FOCUS:
        scene, _, frame = _slide(sources, service, architecture_id, SLIDE)
        auto = _smallest_text_px(scene, frame.transform.m11())
        fixed_scene, _, fixed_frame = _slide(
            sources, service, architecture_id, SLIDE.with_changes(text_scale=1.0)
        )
        fixed = _smallest_text_px(fixed_scene, fixed_frame.transform.m11())
        assert auto[0] >= fixed[0] - 0.01, architecture_id


def test_edge_labels_can_be_left_out(sources: Sources, service: LayoutService) -> None:
    scene, _, _ = _slide(sources, service, "kubernetes", SLIDE.with_changes(edge_labels=False))
    assert scene.edge_items()
    assert not any(edge.label_visible() for edge in scene.edge_items())
    assert all(edge.label_rect().isEmpty() for edge in scene.edge_items())


def test_focus_keeps_the_selection_its_neighbours_and_their_groups(sources: Sources) -> None:
    eks = sources.architectures["eks"]
    focused = focus_architecture(eks, "eks-scheduler")
    assert {c.id for c in focused.components} == {"eks-scheduler", *eks.neighbours("eks-scheduler")}
    assert all(
        r.source in focused.components_by_id and r.target in focused.components_by_id
        for r in focused.relations
    )
    for component in focused.components:
        assert component.group is None or component.group in focused.groups_by_id
    plane = focus_architecture(eks, "eks-control-plane")
    assert {"etcd-a", "etcd-c", "cluster-endpoint"} <= set(plane.components_by_id)
    with pytest.raises(ValueError, match="unknown"):
        focus_architecture(eks, "nope")


# Dark ------------------------------------------------------------------------------


def test_dark_lines_and_text_stand_out_from_every_fill() -> None:
    dark = style.DARK
    for backdrop in dark.plate_backdrops:
        assert contrast_ratio(dark.edge, backdrop) >= 3.0
        assert contrast_ratio(dark.group_border, backdrop) >= 3.0
        assert contrast_ratio(dark.text, backdrop) >= 4.5
        assert contrast_ratio(dark.muted_text, backdrop) >= 4.5
        assert contrast_ratio(dark.group_title, backdrop) >= 4.5


def _luminance_at(image: QImage, x: int, y: int) -> float:
    return relative_luminance(image.pixelColor(x, y))


def _ratio(first: float, second: float) -> float:
    return (max(first, second) + 0.05) / (min(first, second) + 0.05)


@pytest.mark.parametrize("architecture_id", sorted(FOCUS))
def test_every_icon_and_line_meets_three_to_one_on_the_dark_export(
    sources: Sources, service: LayoutService, architecture_id: str
) -> None:
    architecture = sources.architectures[architecture_id]
    options = ExportOptions(scale=2, background="dark")
    scene = create_scene(architecture, service.layout_for(architecture), options)
    image = render_image(scene, options)
    frame = compute_frame(scene, options)
    weak = []
    for item in scene.component_items():
        icon = item.icon_rect().adjusted(-style.PLATE_PAD, -style.PLATE_PAD, style.PLATE_PAD, style.PLATE_PAD)
        rect = QRectF(frame.to_canvas(icon.topLeft()), frame.to_canvas(icon.bottomRight()))
        if _object_contrast(image, rect) < 3.0:
            weak.append(item.element_id)
    assert weak == []
    covered = [
        *(edge.label_rect() for edge in scene.edge_items()),
        *(item.ink_rect() for item in scene.component_items()),
        *(group.title_item.boundingRect() for group in scene.group_items()),  # lines pass under titles
    ]
    for edge in scene.edge_items():
        clear = [
            point
            for percent in (0.3, 0.4, 0.5, 0.6, 0.7)
            if not any(
                rect.adjusted(-6, -6, 6, 6).contains(point := edge.path().pointAtPercent(percent))
                for rect in covered
            )
        ]
        if not clear:
            continue
        middle = frame.to_canvas(clear[0])
        x, y = round(middle.x()), round(middle.y())
        window = [_luminance_at(image, x + dx, y + dy) for dx in range(-9, 10, 3) for dy in range(-9, 10, 3)]
        backdrop = statistics.median(window)
        line = max(
            _ratio(_luminance_at(image, x + dx, y + dy), backdrop) for dx in (-1, 0, 1) for dy in (-1, 0, 1)
        )
        assert line >= 3.0, (edge.source, edge.target)


def _object_contrast(image: QImage, rect: QRectF) -> float:
    """How the icon (with its plate, if any) stands out where it meets its backdrop.

    Scanning in from each side along a dozen lines, the first pixels that differ from
    the backdrop (the commonest colour just outside) are the object's edge; the figure is the median
    contrast of those edges: a plate, an icon's rim or its outline strokes.
    """
    ring = rect.adjusted(-8, -8, 8, 8)
    around = Counter(
        image.pixel(round(x), round(y))
        for step in range(13)
        for x, y in (
            (ring.left() + ring.width() * step / 12, ring.top()),
            (ring.left() + ring.width() * step / 12, ring.bottom()),
            (ring.left(), ring.top() + ring.height() * step / 12),
            (ring.right(), ring.top() + ring.height() * step / 12),
        )
    )
    backdrop = relative_luminance(QColor.fromRgba(around.most_common(1)[0][0]))
    left, top, right, bottom = (round(v) for v in (rect.left(), rect.top(), rect.right(), rect.bottom()))
    lines = []
    for step in range(1, 12):
        y = top + (bottom - top) * step // 12
        x = left + (right - left) * step // 12
        row = [(column, y) for column in range(left, right)]
        column_line = [(x, row_y) for row_y in range(top, bottom)]
        lines += [row, row[::-1], column_line, column_line[::-1]]
    edges = []
    for line in lines:
        values = [_ratio(_luminance_at(image, x, y), backdrop) for x, y in line]
        first = next((index for index, value in enumerate(values) if value >= 1.3), None)
        if first is not None:
            edges.append(max(values[first : first + 4]))
    return statistics.median(edges) if edges else 1.0


def test_dark_outline_icons_get_a_light_plate(sources: Sources, service: LayoutService, qapp) -> None:
    eks = sources.architectures["eks"]
    scene = create_scene(eks, service.layout_for(eks), ExportOptions(background="dark"))
    plated = {item.element_id for item in scene.component_items() if item.has_plate()}
    assert {"eni-a", "cluster-endpoint", "alb"} <= plated  # purple outline icons
    light = create_scene(eks, service.layout_for(eks), ExportOptions())
    assert not any(item.has_plate() for item in light.component_items())


# Quiz and icons ---------------------------------------------------------------------


def test_quiz_mode_hides_every_name(sources: Sources, service: LayoutService) -> None:
    kubernetes = sources.architectures["kubernetes"]
    scene = DiagramScene(kubernetes, service.layout_for(kubernetes))
    scene.set_quiz_mode(True)
    assert all(not item.toolTip() for item in scene.component_items())
    assert all(not edge.label_visible() and not edge.toolTip() for edge in scene.edge_items())
    texted = [item for item in scene.component_items() if carries_text(icon_or_fallback(item.component.icon))]
    assert {"etcd", "kube-apiserver", "kube-scheduler"} <= {item.element_id for item in texted}
    assert all(item._unlabelled_icon for item in texted)  # noqa: SLF001 (the flag paint reads)
    scene.set_quiz_mode(False)
    assert all(edge.label_visible() for edge in scene.edge_items() if edge.edge.label)


def _light_pixels_in_band(image: QImage) -> int:
    top, bottom = (round(image.height() * fraction) for fraction in NAME_BAND)
    count = 0
    for y in range(top, bottom):
        row = [image.pixelColor(x, y) for x in range(image.width())]
        blue = [x for x, color in enumerate(row) if color.alpha() > 200 and color.hsvSaturationF() > 0.5]
        if len(blue) >= 2:
            count += sum(1 for color in row[blue[0] : blue[-1]] if color.lightnessF() > 0.85)
    return count


@pytest.mark.parametrize(
    "reference", ["k8s/infra/etcd", "k8s/controlplane/api", "k8s/network/svc", "k8s/compute/pod"]
)
def test_kubernetes_icons_lose_their_name(reference: str, qapp) -> None:
    path = find_icon(reference)
    assert path is not None
    assert carries_text(path)
    original = QImage(str(path))
    assert _light_pixels_in_band(original) > 100  # the letters
    assert _light_pixels_in_band(without_name_band(original)) == 0
    assert not carries_text(icon_or_fallback("aws/compute/fargate"))


def test_tux_has_no_grey_square_behind_it() -> None:
    path = find_icon("generic/os/linux-general")
    assert path is not None
    image = QImage(str(path))
    faint = sum(
        1
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
        if 0 < image.pixelColor(x, y).alpha() < 40
    )
    assert faint == 0
    assert QColor(image.pixelColor(2, 2)).alpha() == 0


# Command line ----------------------------------------------------------------------


def test_cli_text_scale_focus_and_edge_labels(
    tmp_path: Path, qapp, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "slide.png"
    assert (
        main(
            [
                "export",
                "eks",
                "-o",
                str(target),
                "--slide",
                "16:9",
                "--focus",
                "eks-scheduler",
                "--no-edge-labels",
            ]
        )
        == 0
    )
    assert QImage(str(target)).size().width() == 1920
    larger = tmp_path / "larger.png"
    assert main(["export", "containers-vs-vms", "-o", str(larger), "--text-scale", "2", "--scale", "1"]) == 0
    normal = tmp_path / "normal.png"
    assert main(["export", "containers-vs-vms", "-o", str(normal), "--scale", "1"]) == 0
    assert QImage(str(larger)).width() > 1.5 * QImage(str(normal)).width()
    capsys.readouterr()
    assert main(["export", "eks", "-o", str(target), "--text-scale", "huge"]) == 2
    assert "text scale" in capsys.readouterr().err
    assert main(["export", "eks", "-o", str(target), "--focus", "nope"]) == 2
    assert main(["export", "--all", "-o", str(tmp_path), "--focus", "x"]) == 2
    assert QPointF(0, 0).isNull()
