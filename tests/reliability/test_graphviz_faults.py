"""Graphviz missing, crashing, printing garbage or hanging: real ``dot`` programs placed first on PATH.

Every fake ``dot`` here is a real executable run as a real process (a shell
script), never a mock: missing, not executable, killed by SIGSEGV, printing
garbage, or sleeping past the time limit.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QLabel

from explorer import exit_codes
from explorer.app import create_window
from explorer.cli import main
from explorer.layout.dot_errors import GraphvizFailedError, GraphvizNotFoundError, GraphvizTimeoutError
from explorer.layout.dot_process import run_dot
from explorer.layout.graphviz_run import compute_layout
from explorer.sources import Sources
from explorer.ui.main_window import MainWindow
from models import Architecture, load_architecture_text
from tests.cli_process import run_cli
from tests.reliability._support import POSIX_ONLY, SMALL_MODEL, install_program, path_without_dot

pytestmark = POSIX_ONLY

CRASHING = "cat > /dev/null\nkill -SEGV $$"
GARBAGE = "cat > /dev/null\nprintf 'Segmentation \\377\\000 {{{ not json'"
INSTALL_ADVICE = ("apt-get install graphviz", "brew install graphviz", "winget install graphviz")


@pytest.fixture
def fake_dot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[str], Path]:
    """Installs a ``dot`` script with the given body first on PATH (the real tools stay reachable)."""

    def install(body: str) -> Path:
        script = install_program(tmp_path / "bin", "dot", body)
        monkeypatch.setenv("PATH", f"{script.parent}{os.pathsep}{os.environ.get('PATH', '')}")
        return script

    return install


@pytest.fixture
def no_dot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    path = path_without_dot(tmp_path / "empty-bin")
    monkeypatch.setenv("PATH", path)
    return path


@pytest.fixture
def open_window(
    qtbot, sources: Sources, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[[], MainWindow]]:
    """Builds the window on EKS with settings and an (empty) layout cache of the test's own."""
    monkeypatch.setenv("ARCH_EXPLORER_CACHE_DIR", str(tmp_path / "cache"))
    created: list[MainWindow] = []

    def build() -> MainWindow:
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        window = create_window(sources, settings, architecture_id="eks")
        qtbot.addWidget(window)
        window.show()
        created.append(window)
        return window

    yield build
    for window in created:
        window.close()


def diagram_message(qtbot, window: MainWindow, words: str) -> str:
    """The message in the diagram area, once it says ``words`` (layouts may run in the background)."""
    label = window.findChild(QLabel, "diagramMessage")
    assert label is not None

    def shown() -> bool:
        return window.diagram_stack.currentWidget() is label and words in label.text()

    qtbot.waitUntil(shown, timeout=10_000)
    return label.text()


def choose(qtbot, window: MainWindow, architecture_id: str) -> None:
    """Click the architecture in the list, as a user would."""
    listing = window.architecture_list
    row = listing.ids().index(architecture_id)
    rect = listing.visualItemRect(listing.item(row))
    qtbot.mouseClick(listing.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def panel_text(window: MainWindow) -> str:
    return " ".join(window.notes_panel.plain_text().split())


# The window ------------------------------------------------------------------


def test_without_graphviz_the_window_starts_explains_and_the_rest_works(
    qtbot, no_dot: str, open_window: Callable[[], MainWindow], sources: Sources
) -> None:
    window = open_window()
    message = diagram_message(qtbot, window, "cannot be drawn")
    for advice in INSTALL_ADVICE:
        assert advice in message
    assert sources.architectures["eks"].title in panel_text(window), "the notes panel works"
    choose(qtbot, window, "kubernetes")
    assert window.current_id == "kubernetes", "the list works"
    # The notes come with the diagram (or its failure), from the layout worker.
    qtbot.waitUntil(lambda: sources.architectures["kubernetes"].title in panel_text(window))
    diagram_message(qtbot, window, "apt-get install graphviz")
    window.search_box.found.emit("ecs-fargate", "fargate-task")
    assert window.current_id == "ecs-fargate", "search works"


@pytest.mark.parametrize(
    ("body", "words"),
    [(CRASHING, "crashed (signal 11)"), (GARBAGE, "not a JSON layout"), ("exit 3", "exit status 3")],
    ids=["crash", "garbage", "failure"],
)
def test_a_broken_graphviz_is_explained_in_the_window(
    qtbot, fake_dot, open_window: Callable[[], MainWindow], sources: Sources, body: str, words: str
) -> None:
    fake_dot(body)
    window = open_window()
    diagram_message(qtbot, window, words)
    choose(qtbot, window, "kubernetes")
    qtbot.waitUntil(lambda: sources.architectures["kubernetes"].title in panel_text(window))


def test_a_hanging_graphviz_does_not_freeze_the_window(
    qtbot, tmp_path: Path, fake_dot, open_window: Callable[[], MainWindow], sources: Sources
) -> None:
    """The window is up and answering while ``dot`` is still running; the diagram comes once it ends.

    The fake ``dot`` holds until the test releases it (or, as a liveness guard only,
    for 60 s, and then it leaves a mark the test would see: the window waited).
    """
    started, released, gave_up = tmp_path / "started", tmp_path / "released", tmp_path / "gave-up"
    fake_dot(
        f"touch {started}\ni=0\nwhile [ ! -e {released} ]; do\n"
        f"  i=$((i + 1)); [ $i -gt 1200 ] && touch {gave_up} && break; sleep 0.05\ndone\n"
        f'exec {shutil.which("dot")} "$@"'
    )
    window = open_window()
    qtbot.waitUntil(started.exists, timeout=10_000)
    assert window.diagram_stack.currentWidget() is window.loading_panel, "laying out in the background"
    answered: list[bool] = []
    QTimer.singleShot(0, lambda: answered.append(True))
    qtbot.waitUntil(lambda: bool(answered), timeout=10_000)
    choose(qtbot, window, "kubernetes")
    assert window.current_id == "kubernetes", "the window answers meanwhile"
    assert not gave_up.exists(), "the window waited for Graphviz"
    released.touch()
    qtbot.waitUntil(lambda: window.diagram_stack.currentWidget() is window.diagram_view, timeout=30_000)
    assert window.scene is not None
    assert window.scene.architecture.id == "kubernetes"
    assert sources.architectures["kubernetes"].title in panel_text(window)


def test_graphviz_errors_are_shown_as_text(qtbot, fake_dot, open_window: Callable[[], MainWindow]) -> None:
    fake_dot("cat > /dev/null\necho 'Error: <img src=\"hostile.png\"> in label' >&2\nexit 1")
    message = diagram_message(qtbot, open_window(), "exit status 1")
    assert "<img" not in message, "Graphviz's words are text, never markup the label would load"


# The command line --------------------------------------------------------------


def test_list_and_describe_need_no_graphviz(tmp_path: Path) -> None:
    env = {"PATH": path_without_dot(tmp_path / "bin")}
    listed = run_cli("list", env=env)
    assert listed.returncode == exit_codes.OK, listed.stderr
    assert "eks" in listed.stdout
    described = run_cli("describe", "eks", "--json", env=env)
    assert described.returncode == exit_codes.OK, described.stderr
    assert '"id": "eks"' in described.stdout


def test_the_window_starts_without_graphviz(tmp_path: Path) -> None:
    shot = tmp_path / "window.png"
    env = {
        "PATH": path_without_dot(tmp_path / "bin"),
        "ARCH_EXPLORER_DATA_DIR": str(tmp_path / "data"),
        "ARCH_EXPLORER_CACHE_DIR": str(tmp_path / "cache"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    completed = run_cli("--arch", "eks", "--screenshot", str(shot), env=env)
    assert completed.returncode == exit_codes.OK, completed.stderr
    assert shot.read_bytes().startswith(b"\x89PNG")


@pytest.mark.usefixtures("qapp")
@pytest.mark.parametrize(
    ("body", "status", "words"),
    [
        (None, exit_codes.GRAPHVIZ_MISSING, "apt-get install graphviz"),
        (CRASHING, exit_codes.GRAPHVIZ_FAILED, "Graphviz crashed (signal 11)"),
        (GARBAGE, exit_codes.GRAPHVIZ_FAILED, "not a JSON layout"),
    ],
    ids=["missing", "crash", "garbage"],
)
def test_export_exits_with_a_distinct_status_and_one_clear_line(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    fake_dot,
    body: str | None,
    status: int,
    words: str,
) -> None:
    monkeypatch.setenv("ARCH_EXPLORER_CACHE_DIR", str(tmp_path / "cache"))  # no cached layout to fall back on
    if body is None:
        monkeypatch.setenv("PATH", path_without_dot(tmp_path / "bin"))
    else:
        fake_dot(body)
    target = tmp_path / "out.png"
    target.write_bytes(b"previous export")
    assert main(["export", "eks", "-o", str(target)]) == status
    errors = capsys.readouterr().err.strip().splitlines()
    assert len(errors) == 1
    assert words in errors[0]
    assert target.read_bytes() == b"previous export", "the previous file is untouched"
    assert not [path for path in tmp_path.iterdir() if path.name not in ("bin", "cache", "out.png")]


# The adapter: what the window and the command line both rely on ----------------------


def small_architecture() -> Architecture:
    return load_architecture_text(SMALL_MODEL, "small.yaml")


def test_a_hanging_dot_is_killed_at_the_time_limit(tmp_path: Path, fake_dot) -> None:
    pid_file = tmp_path / "dot.pid"
    fake_dot(f"echo $$ > {pid_file}\nexec sleep 30")
    with pytest.raises(GraphvizTimeoutError, match=r"longer than 0\.5 s .* and was stopped"):
        compute_layout(small_architecture(), timeout=0.5)  # not the empty answer of a 30 s run
    pid = int(pid_file.read_text())
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)  # killed and reaped: nothing keeps running in the background


def test_a_dot_that_starts_answering_then_hangs_is_stopped_too(fake_dot) -> None:
    fake_dot("cat > /dev/null\nprintf '{\"objects\": ['\nexec sleep 30")
    with pytest.raises(GraphvizTimeoutError):
        compute_layout(small_architecture(), timeout=0.3)


def test_a_flood_of_garbage_gives_a_short_message(fake_dot) -> None:
    fake_dot("cat > /dev/null\nhead -c 20000000 /dev/zero | tr '\\0' 'x'")
    with pytest.raises(GraphvizFailedError, match="not a JSON layout") as raised:
        run_dot("digraph { a }")
    assert len(str(raised.value)) < 200


def test_a_dot_that_prints_nothing(fake_dot) -> None:
    fake_dot("cat > /dev/null")
    with pytest.raises(GraphvizFailedError, match="not a JSON layout"):
        run_dot("digraph { a }")


def test_a_dot_that_cannot_be_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "bin"
    folder.mkdir()
    (folder / "dot").write_text("#!/bin/sh\n", encoding="utf-8")  # no execute permission
    monkeypatch.setenv("PATH", str(folder))
    with pytest.raises((GraphvizNotFoundError, GraphvizFailedError)) as raised:
        run_dot("digraph { a }")
    assert "dot" in str(raised.value)
