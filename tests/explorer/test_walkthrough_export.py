"""Walkthrough slides: one PDF page per step, one differing PNG/SVG per step, several backgrounds."""

from __future__ import annotations

import re
from contextlib import nullcontext
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from explorer import exit_codes
from explorer.cli import main
from explorer.export.walkthrough_export import frame_names, slug
from explorer.sources import load_sources

SMALL = "containers-vs-vms"
SYSCALL = "containers-vs-vms-system-call"
PAGE = re.compile(rb"/Type\s*/Page(?![A-Za-z])")


@pytest.fixture(autouse=True)
def _qt(qapp) -> None:
    """In-process exports reuse the test run's QApplication."""


@pytest.fixture(scope="module")
def syscall():
    return next(w for w in load_sources().walkthroughs if w.id == SYSCALL)


def export(*args: str) -> int:
    return main(["export", *args])


def pdf_pages(path: Path) -> list[bytes]:
    """The page objects' dictionaries (Qt writes them uncompressed; the page tree is /Type /Pages)."""
    data = path.read_bytes()
    assert data.startswith(b"%PDF-")
    return PAGE.findall(data)


def test_the_pdf_has_one_page_per_step(tmp_path: Path, syscall) -> None:
    target = tmp_path / "talk.pdf"
    assert export(SMALL, "--walkthrough", SYSCALL, "-o", str(target), "--slide", "16:9") == exit_codes.OK
    assert len(pdf_pages(target)) == len(syscall.steps) == 7
    assert re.search(rb"/Count\s+7\b", target.read_bytes())


def test_png_frames_are_one_per_step_all_different_and_the_same_size(tmp_path: Path, syscall) -> None:
    folder = tmp_path / "frames"
    assert export(SMALL, "--walkthrough", SYSCALL, "-o", str(folder), "--format", "png", "--scale", "1") == 0
    names = sorted(path.name for path in folder.iterdir())
    assert names == frame_names(syscall, "png")
    assert names[0].startswith("01-")
    assert names[-1].startswith("07-")
    images = [QImage(str(folder / name)) for name in names]
    assert all(not image.isNull() for image in images)
    assert len({(image.width(), image.height()) for image in images}) == 1  # the diagram never jumps
    pixels = [bytes(image.convertToFormat(QImage.Format.Format_RGB32).constBits()) for image in images]
    assert len(set(pixels)) == len(pixels)
    first, second = images[0], images[1]
    differing = sum(
        first.pixel(x, y) != second.pixel(x, y)
        for x in range(0, first.width(), 4)
        for y in range(0, first.height(), 4)
    )
    assert differing > 100  # a new step's emphasis, not a stray pixel


def test_svg_frames_are_self_contained(tmp_path: Path, syscall) -> None:
    folder = tmp_path / "svg"
    assert export(SMALL, "--walkthrough", SYSCALL, "-o", str(folder), "--format", "svg") == 0
    files = sorted(folder.iterdir())
    assert len(files) == len(syscall.steps)
    assert all(path.read_bytes().lstrip().startswith(b"<?xml") for path in files)
    assert syscall.steps[0].title.encode() in files[0].read_bytes()


def test_several_backgrounds_give_one_copy_each(tmp_path: Path) -> None:
    target = tmp_path / "talk.pdf"
    assert export(SMALL, "--walkthrough", SYSCALL, "-o", str(target), "--background", "white,dark") == 0
    assert sorted(path.name for path in tmp_path.iterdir()) == ["talk-dark.pdf", "talk-white.pdf"]
    assert (tmp_path / "talk-dark.pdf").read_bytes() != (tmp_path / "talk-white.pdf").read_bytes()


def test_all_architectures_in_every_background_in_one_run(tmp_path: Path) -> None:
    folder = tmp_path / "slides"
    backgrounds = ["white", "dark", "transparent"]
    assert export("--all", "-o", str(folder), "--width", "120", "--background", ",".join(backgrounds)) == 0
    architectures = list(load_sources().architectures)
    for background in backgrounds:
        written = sorted(path.stem for path in (folder / background).iterdir())
        assert written == sorted(architectures)
    white = QImage(str(folder / "white" / f"{SMALL}.png"))
    clear = QImage(str(folder / "transparent" / f"{SMALL}.png"))
    assert white.pixelColor(1, 1).alpha() == 255
    assert clear.pixelColor(1, 1).alpha() == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--walkthrough", "nope", "-o", "x.pdf"], "no walkthrough 'nope' on 'containers-vs-vms'"),
        (
            ["--walkthrough", "kubernetes-kubectl-apply", "-o", "x.pdf"],
            "known: containers-vs-vms-system-call",
        ),
        (["--walkthrough", SYSCALL, "-o", "x.pdf", "--select", "kernel"], "--select does not apply"),
        (["--background", "white,pink", "-o", "x.png"], "unknown background 'pink'"),
        (["--background", "dark,dark", "-o", "x.png"], "listed twice"),
    ],
)
def test_bad_arguments_are_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    args = [str(tmp_path / a) if a.startswith("x.") else a for a in args]
    with pytest.raises(SystemExit) if "background" in args[0] else nullcontext():
        status = export(SMALL, *args)
        assert status == exit_codes.BAD_INPUT
    assert message in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_slug_and_names() -> None:
    assert slug("Images pulled, containers started") == "images-pulled-containers-started"
    assert slug("Ünïcode → ASCII!") == "unicode-ascii"
    assert slug("!!!") == "step"
