"""No crash loop: the last architecture is remembered only once it drew, and a start that crashed
while drawing opens on a built-in architecture next time, with a message.

The crash is real: a ``dot`` first on PATH that kills the app's process (its parent)
with SIGKILL while the first diagram is being laid out.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from explorer.app import create_window
from explorer.settings import AppSettings
from explorer.sources import load_sources
from tests.cli_process import run_cli
from tests.reliability._support import POSIX_ONLY, install_program
from tests.reliability.test_graphviz_faults import choose, diagram_message

pytestmark = POSIX_ONLY


def settings_file(config: Path) -> Path:
    """The settings file of the start (not written yet: its crash mark, beside it, was)."""
    [mark] = config.rglob("*.drawing")
    return mark.with_suffix(".conf")


def test_a_start_that_crashed_while_drawing_opens_on_a_built_in(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    env = {
        "ARCH_EXPLORER_DATA_DIR": str(tmp_path / "data"),
        "ARCH_EXPLORER_CACHE_DIR": str(tmp_path / "cache"),
        "ARCH_EXPLORER_STATE_DIR": str(tmp_path / "state"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    # It answers ``dot -V`` (which a first start asks early, before anything is drawn) and
    # kills the app when asked for a layout.
    killer = install_program(
        tmp_path / "bin",
        "dot",
        'if [ "$1" = -V ]; then echo "dot - graphviz version 0.0 (killer)" >&2; exit 0; fi\n'
        "cat > /dev/null\nkill -KILL $PPID",
    )
    crashing = {**env, "PATH": f"{killer.parent}{os.pathsep}{os.environ['PATH']}"}
    # A real window start (not --screenshot, which never touches the saved state), killed mid-layout.
    first = run_cli("--arch", "kubernetes", env=crashing)
    assert first.returncode == -9, "the app was killed while drawing"
    settings_path = settings_file(tmp_path / "config")
    crashed = AppSettings(QSettings(str(settings_path), QSettings.Format.IniFormat))
    assert crashed.drawing() == "kubernetes", "the start marked what it was drawing"
    assert crashed.last_architecture() != "kubernetes", "not remembered before it drew"

    for name, value in env.items():
        monkeypatch.setenv(name, value)
    store = QSettings(str(settings_path), QSettings.Format.IniFormat)
    window = create_window(settings=store, architecture_id="kubernetes")
    qtbot.addWidget(window)
    assert window.current_id == "ecs-ec2", "opened on a built-in instead"
    qtbot.waitUntil(lambda: window.settings.drawing() == "", timeout=20_000)
    assert any("stopped while drawing 'kubernetes'" in problem for problem in window.user_content.problems())
    window.close()

    again = create_window(settings=store, architecture_id="kubernetes")
    qtbot.addWidget(again)
    assert again.current_id == "kubernetes", "the next start may try it again"
    again.close()


def test_the_message_is_listed_with_the_problems(qtbot, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("ARCH_EXPLORER_CACHE_DIR", str(tmp_path / "cache"))
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    AppSettings(store).set_drawing("kubernetes")  # what a start that crashed left
    window = create_window(load_sources(), store, architecture_id="kubernetes")
    qtbot.addWidget(window)
    assert window.current_id == "ecs-ec2"
    assert any("stopped while drawing 'kubernetes'" in problem for problem in window.user_content.problems())
    assert window.user_content.problems_button.isVisibleTo(window)
    window.close()


def test_an_architecture_is_remembered_only_once_it_drew(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARCH_EXPLORER_CACHE_DIR", str(tmp_path / "cache"))
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = create_window(load_sources(), store, architecture_id="eks")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.scene is not None, timeout=20_000)
    assert window.settings.last_architecture() == "eks"
    failing = install_program(tmp_path / "bin", "dot", "cat > /dev/null\nexit 3")
    monkeypatch.setenv("PATH", f"{failing.parent}{os.pathsep}{os.environ['PATH']}")
    choose(qtbot, window, "kubernetes")
    diagram_message(qtbot, window, "exit status 3")
    assert window.settings.last_architecture() == "eks", "kubernetes never drew"
    window.close()
