"""A command-line PNG painted by a forked helper process (explorer/export/png_fork.py): the same bytes
as one painted in the command's own process, and every failure of the helper painted there instead."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from explorer.atomic_write import is_temp_file
from explorer.export.png_fork import may_paint_png
from tests.cli_process import modules_after_main, run_cli, run_python

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the helper is forked on Linux only")

BUILT_IN = ["containers-vs-vms", "ecs-ec2", "ecs-fargate", "eks", "kubernetes"]

IN_PROCESS = (
    "import sys, PySide6; from explorer.cli import main_then_exit; sys.argv[0] = 'main.py'; main_then_exit()"
)
"""``main.py`` with PySide6 imported first: a process with Qt loaded forks no helper, so it paints itself."""

HELPER_PROBE = """
import os, signal, sys
{before}
from explorer.export.png_fork import PngHelper
helper = PngHelper.start()
assert helper is not None
{during}
png = helper.paint(b'<svg xmlns="http://www.w3.org/2000/svg" width="8" height="4"/>', 8, 4, 3780, opaque=True)
print("none" if png is None else png[:8].hex())
print(helper.close())  # True: reaped now, having exited well; False: reaped already, having failed
try:
    os.waitpid(helper.pid, 0)
except ChildProcessError:
    print("reaped")
"""


def _png_pair(tmp_path: Path, *options: str) -> tuple[bytes, bytes]:
    """The PNG of ``export ID -o FILE options`` painted by the helper and painted in-process."""
    forked, alone = tmp_path / "forked.png", tmp_path / "alone.png"
    completed = run_cli("export", *options[:1], "-o", str(forked), *options[1:])
    assert completed.returncode == 0, completed.stderr
    completed = run_python("-c", IN_PROCESS, "export", *options[:1], "-o", str(alone), *options[1:])
    assert completed.returncode == 0, completed.stderr
    return forked.read_bytes(), alone.read_bytes()


@pytest.mark.parametrize("architecture_id", BUILT_IN)
def test_the_helper_writes_the_bytes_this_process_writes(tmp_path: Path, architecture_id: str) -> None:
    forked, alone = _png_pair(tmp_path, architecture_id, "--scale", "1")
    assert forked.startswith(b"\x89PNG")
    assert forked == alone


@pytest.mark.parametrize(
    "options",
    [
        ("--scale", "2", "--background", "transparent"),
        ("--width", "1600", "--title", "Fargate", "--caption", "tasks"),
        ("--slide", "16:9", "--text-scale", "1.5", "--no-edge-labels"),
    ],
)
def test_the_helper_writes_the_same_bytes_with_options(tmp_path: Path, options: tuple[str, ...]) -> None:
    forked, alone = _png_pair(tmp_path, "ecs-fargate", *options)
    assert forked == alone


def test_the_command_itself_then_loads_no_qt(tmp_path: Path) -> None:
    """The helper painted it: the command's own process never imported PySide6."""
    output = tmp_path / "vms.png"
    command = ["export", "containers-vs-vms", "-o", str(output), "--scale", "1"]
    assert modules_after_main(command, ("PySide6",)) == (0, [])
    assert output.read_bytes().startswith(b"\x89PNG")


def test_a_scene_export_closes_the_helper_and_paints_here(tmp_path: Path) -> None:
    """A dark page is drawn through the scene: the early helper is ended unused, Qt starts here."""
    output = tmp_path / "dark.png"
    completed = run_cli("export", "kubernetes", "-o", str(output), "--background", "dark", "--scale", "1")
    assert completed.returncode == 0, completed.stderr
    assert output.read_bytes().startswith(b"\x89PNG")


@pytest.mark.parametrize(
    ("before", "during", "expected"),
    [
        ("", "", ["89504e470d0a1a0a", "True"]),
        ("", "os.kill(helper.pid, signal.SIGKILL)", ["none", "False"]),  # killed, or crashed
        ("sys.modules['PySide6.QtSvg'] = None", "", ["none", "False"]),  # no QtSvg to import
    ],
    ids=["painted", "killed", "qt-missing"],
)
def test_a_helper_that_fails_paints_nothing_and_every_helper_is_reaped(
    before: str, during: str, expected: list[str]
) -> None:
    completed = run_python("-c", HELPER_PROBE.format(before=before, during=during))
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.split() == [*expected, "reaped"]


def test_a_helper_that_answered_is_not_waited_for_but_ends_well() -> None:
    """``close(wait=False)`` (a command about to exit) returns at once; the helper still exits with 0."""
    during = "import time"
    probe = (
        HELPER_PROBE.format(before="", during=during)
        .replace("print(helper.close())", "print(helper.close(wait=False) in (True, False))")
        .replace(
            "    os.waitpid(helper.pid, 0)",
            "    _, status = os.waitpid(helper.pid, 0)\n"
            "    print('exited', os.waitstatus_to_exitcode(status))",
        )
    )
    completed = run_python("-c", probe)
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.split()[:2] == ["89504e470d0a1a0a", "True"]
    assert completed.stdout.split()[2:] in (["exited", "0"], ["reaped"])


def test_without_qt_the_command_fails_as_before_and_leaves_no_file(tmp_path: Path) -> None:
    """The helper fails, the command paints itself and fails the same way: no file, no leftover."""
    output = tmp_path / "vms.png"
    probe = (
        "import sys; sys.modules['PySide6.QtSvg'] = None; from explorer.cli import main_then_exit; "
        "sys.argv[0] = 'main.py'; main_then_exit()"
    )
    completed = run_python("-c", probe, "export", "containers-vs-vms", "-o", str(output), "--scale", "1")
    assert completed.returncode != 0
    assert "PySide6.QtSvg" in completed.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_helper_never_asked_is_ended_and_reaped() -> None:
    probe = (
        "import os; from explorer.export.png_fork import PngHelper; helper = PngHelper.start(); "
        "print(helper.close(), helper.close()); "
        "os.waitpid(helper.pid, os.WNOHANG)"
    )
    completed = run_python("-c", probe)
    assert completed.stdout.split() == ["False", "False"]
    assert "ChildProcessError" in completed.stderr  # already reaped by close()


@pytest.mark.parametrize(
    "before",
    ["import PySide6", "import os; os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})"],
    ids=["qt-loaded", "one-core"],
)
def test_no_helper_where_qt_is_loaded_already_or_on_one_core(before: str) -> None:
    probe = f"{before}; from explorer.export.png_fork import PngHelper; print(PngHelper.start())"
    assert run_python("-c", probe).stdout.split() == ["None"]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["export", "eks", "-o", "eks.png"], True),
        (["export", "eks", "-o", "EKS.PNG", "--scale", "4"], True),
        (["export", "eks", "-o", "slide", "--format", "png"], True),
        (["export", "eks", "-o", "eks.svg"], False),
        (["export", "--all", "-o", "pngs", "--format", "png"], False),
        (["export", "kubernetes", "--walkthrough", "w", "-o", "frames.png"], False),
        (["describe", "eks.png"], False),
        ([], False),
    ],
)
def test_which_command_lines_fork_before_parsing(words: list[str], expected: bool) -> None:
    assert may_paint_png(words) is expected


def test_no_temporary_file_is_left_beside_the_png(tmp_path: Path) -> None:
    output = tmp_path / "eks.png"
    assert run_cli("export", "eks", "-o", str(output), "--scale", "1").returncode == 0
    assert [path for path in tmp_path.iterdir() if is_temp_file(path)] == []


PAINT_PROBE = """
import hashlib, sys
from explorer.export.png_writer import encode_png
from explorer.export.qt_app import ensure_qt
from explorer.export.svg_paint import paint_document, set_up_fonts
ensure_qt(widgets=False)
{before}
with open(sys.argv[1], "rb") as file:
    document = file.read()
image = paint_document(document, int(sys.argv[2]), int(sys.argv[3]), 3780, opaque=True)
print(hashlib.sha256(encode_png(image)).hexdigest())
"""


def test_fonts_set_up_while_the_helper_waits_paint_the_same_bytes(tmp_path: Path) -> None:
    """A helper whose document is late sets Qt's fonts up first (png_fork._serve): in a fresh
    process, painting after it writes the bytes painting straight away writes."""
    from explorer.export.options import ExportOptions
    from explorer.export.svg_raster import canvas_of, raster_drawing
    from explorer.layout.service import LayoutService
    from explorer.sources import load_models

    architecture = load_models([]).architectures["containers-vs-vms"]
    options = ExportOptions(format="png", scale=1)
    drawing = raster_drawing(architecture, LayoutService().layout_for(architecture), options)
    assert drawing is not None
    document = tmp_path / "drawing.svg"
    document.write_bytes(drawing.document)
    width, height, _ = canvas_of(drawing)
    hashes = [
        run_python("-c", PAINT_PROBE.format(before=before), str(document), str(width), str(height))
        for before in ("", "set_up_fonts()")
    ]
    assert all(completed.returncode == 0 for completed in hashes), hashes[0].stderr
    assert hashes[0].stdout.strip() == hashes[1].stdout.strip() != ""
