"""``arch-explorer export``: every option, ``--all`` and the errors, with their exit statuses.

Most cases call ``main`` in-process (fast); the headless start, Graphviz
missing and the progress lines are checked in a real subprocess.
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from explorer import exit_codes
from explorer.atomic_write import is_temp_file
from explorer.cli import main
from tests.cli_process import run_cli

ROOT = Path(__file__).resolve().parents[2]
BUILT_IN = ["containers-vs-vms", "ecs-ec2", "ecs-fargate", "eks", "kubernetes"]
SMALL = "containers-vs-vms"


@pytest.fixture(autouse=True)
def _qt(qapp) -> None:
    """In-process exports reuse the test run's QApplication."""


def export(*args: str) -> int:
    return main(["export", *args])


def one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith("arch-explorer: ")
    return lines[0]


def no_temp_files(folder: Path) -> bool:
    return not any(is_temp_file(path) for path in folder.iterdir())


def png(path: Path) -> QImage:
    image = QImage(str(path))
    assert not image.isNull(), path
    return image


def test_png_from_the_extension_at_each_scale(tmp_path: Path) -> None:
    sizes = {}
    for scale in ("1", "2", "4"):
        target = tmp_path / f"x{scale}.png"
        assert export(SMALL, "-o", str(target), "--scale", scale) == exit_codes.OK
        sizes[int(scale)] = png(target).size()
    assert sizes[2].width() == 2 * sizes[1].width()
    assert sizes[4].height() == 4 * sizes[1].height()
    assert no_temp_files(tmp_path)


def test_width_background_margin_title_caption(tmp_path: Path) -> None:
    base = tmp_path / "base.png"
    assert export(SMALL, "-o", str(base), "--scale", "1") == 0
    wide = tmp_path / "wide.png"
    assert export(SMALL, "-o", str(wide), "--width", "900") == 0
    assert png(wide).width() == 900
    clear = tmp_path / "clear.png"
    assert export(SMALL, "-o", str(clear), "--scale", "1", "--background", "transparent") == 0
    assert png(clear).pixelColor(0, 0).alpha() == 0
    dark = tmp_path / "dark.png"
    assert export(SMALL, "-o", str(dark), "--scale", "1", "--background", "dark") == 0
    assert png(dark).pixelColor(0, 0).lightnessF() < 0.2
    roomy = tmp_path / "roomy.png"
    assert export(SMALL, "-o", str(roomy), "--scale", "1", "--margin", "64") == 0
    assert png(roomy).width() == png(base).width() + 2 * (64 - 24)
    framed = tmp_path / "framed.png"
    assert export(SMALL, "-o", str(framed), "--scale", "1", "--title", "VMs", "--caption", "Figure 2") == 0
    assert png(framed).height() > png(base).height() + 30


@pytest.mark.parametrize(("slide", "size"), [("16:9", (1920, 1080)), ("16:9-4k", (3840, 2160))])
def test_slides(tmp_path: Path, slide: str, size: tuple[int, int]) -> None:
    target = tmp_path / "slide.png"
    assert export(SMALL, "-o", str(target), "--slide", slide) == 0
    assert png(target).size().toTuple() == size


def test_select_draws_the_highlight(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plain, selected = tmp_path / "plain.png", tmp_path / "selected.png"
    assert export(SMALL, "-o", str(plain), "--scale", "1") == 0
    assert export(SMALL, "-o", str(selected), "--scale", "1", "--select", "hypervisor") == 0
    assert png(plain).size() == png(selected).size()
    assert png(plain) != png(selected)
    assert export(SMALL, "-o", str(plain), "--select", "nope") == exit_codes.BAD_INPUT
    assert "unknown component 'nope'" in one_line_error(capsys)


def test_svg_and_pdf_from_the_extension_or_format(tmp_path: Path) -> None:
    assert export(SMALL, "-o", str(tmp_path / "a.svg")) == 0
    ET.fromstring((tmp_path / "a.svg").read_bytes())
    assert export(SMALL, "-o", str(tmp_path / "a.pdf")) == 0
    assert (tmp_path / "a.pdf").read_bytes().startswith(b"%PDF")
    assert export(SMALL, "-o", str(tmp_path / "noext"), "--format", "svg") == 0
    assert (tmp_path / "noext").read_bytes().lstrip().startswith(b"<?xml")


def test_user_models_and_notes_are_accepted(tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text(
        "id: mine\ntitle: Mine\nsummary: My own.\ncomponents:\n"
        "  - {id: app, label: App, kind: task, icon: aws/compute/fargate}\n",
        encoding="utf-8",
    )
    notes = tmp_path / "notes.md"
    notes.write_text("# App\n\nMy note.\n", encoding="utf-8")
    target = tmp_path / "mine.png"
    assert export("mine", "-o", str(target), "--models", str(mine), "--notes", str(notes)) == 0
    assert png(target).width() > 50


def test_all_writes_one_file_per_architecture(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "new" / "slides"
    assert export("--all", "-o", str(folder), "--format", "svg", "--scale", "1") == 0
    assert sorted(path.name for path in folder.iterdir()) == [f"{name}.svg" for name in BUILT_IN]
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(BUILT_IN)
    for index, line in enumerate(lines, start=1):
        assert re.fullmatch(rf"\[{index}/{len(BUILT_IN)}\] [\w-]+ -> .*\.svg", line), line


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nope", "-o", "x.png"], "unknown architecture 'nope'"),
        ([SMALL, "-o", "x.gif"], "cannot tell the format"),
        (["-o", "x.png"], "either an architecture ID or --all"),
        ([SMALL, "--all", "-o", "x"], "either an architecture ID or --all"),
        (["--all", "-o", "x", "--select", "hypervisor"], "--select applies to one architecture"),
    ],
)
def test_bad_input_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    args = [str(tmp_path / arg) if arg.startswith("x") else arg for arg in args]
    assert export(*args) == exit_codes.BAD_INPUT
    assert message in one_line_error(capsys)
    assert not (tmp_path / "x.png").exists()


@pytest.mark.parametrize(
    ("target", "reason"),
    [
        (lambda tmp: tmp / "a-file" / "x.png", "not a folder"),
        (lambda tmp: tmp / "vanished" / "x.png", "does not exist"),
        (lambda tmp: tmp / ("n" * 300 + ".png"), "too long"),
        (lambda tmp: Path("/dev/full"), "not a regular file"),
    ],
    ids=["under-a-file", "folder-vanished", "name-too-long", "full-device"],
)
def test_unwritable_paths_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], target, reason: str
) -> None:
    (tmp_path / "a-file").write_text("x")
    path = target(tmp_path)
    assert export(SMALL, "-o", str(path), "--format", "png") == exit_codes.FAILED
    line = one_line_error(capsys)
    assert str(path) in line
    assert reason in line
    assert no_temp_files(tmp_path)


def test_read_only_folder_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if os.geteuid() != 0:
        folder = tmp_path / "ro"
        folder.mkdir()
        folder.chmod(0o500)
    elif not os.access("/sys/kernel", os.F_OK):
        pytest.skip("no folder here refuses writes to root")
    else:
        folder = Path("/sys")  # sysfs: root cannot create files in it
    assert export(SMALL, "-o", str(folder / "x.png")) == exit_codes.FAILED
    line = one_line_error(capsys)
    assert "permission denied" in line or "read-only" in line
    assert not (folder / "x.png").exists()
    assert no_temp_files(folder)


def test_headless_subprocess_with_progress_lines(tmp_path: Path) -> None:
    headless = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    completed = run_cli("export", "--all", "-o", str(tmp_path), "--format", "pdf", drop=headless)
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.count("\n") == len(BUILT_IN)
    assert all((tmp_path / f"{name}.pdf").read_bytes().startswith(b"%PDF") for name in BUILT_IN)


def test_graphviz_missing_exits_with_its_own_status(tmp_path: Path) -> None:
    # An empty layout cache of its own: a cached layout would need no Graphviz.
    env = {"PATH": str(tmp_path), "ARCH_EXPLORER_CACHE_DIR": str(tmp_path / "cache")}
    completed = run_cli("export", SMALL, "-o", str(tmp_path / "x.png"), env=env)
    assert completed.returncode == exit_codes.GRAPHVIZ_MISSING
    assert len(completed.stderr.strip().splitlines()) == 1
    assert "Graphviz" in completed.stderr
    assert not (tmp_path / "x.png").exists()
