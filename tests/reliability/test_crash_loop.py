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

from explorer import exit_codes
from explorer.app import create_window
from explorer.settings import AppSettings
from explorer.sources import load_sources
from tests.reliability._support import POSIX_ONLY, install_program, run_cli
from tests.reliability.test_graphviz_faults import choose, diagram_message

pytestmark = POSIX_ONLY


def settings_file(config: Path) -> Path:
    [path] = config.rglob("*.conf")
    return path


def test_a_start_that_crashed_while_drawing_opens_on_a_built_in(tmp_path: Path) -> None:
    env = {
        "ARCH_EXPLORER_DATA_DIR": str(tmp_path / "data"),
        "ARCH_EXPLORER_CACHE_DIR": str(tmp_path / "cache"),
        "ARCH_EXPLORER_STATE_DIR": str(tmp_path / "state"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    killer = install_program(tmp_path / "bin", "dot", "cat > /dev/null\nkill -KILL $PPID")
    crashing = {**env, "PATH": f"{killer.parent}{os.pathsep}{os.environ['PATH']}"}
    shot = tmp_path / "window.png"
    first = run_cli("--arch", "kubernetes", "--screenshot", str(shot), env=crashing)
    assert first.returncode == -9, "the app was killed while drawing"
    assert not shot.exists()

    second = run_cli("--arch", "kubernetes", "--screenshot", str(shot), env=env)
    assert second.returncode == exit_codes.OK, second.stderr
    assert shot.read_bytes().startswith(b"\x89PNG")
    settings = AppSettings(QSettings(str(settings_file(tmp_path / "config")), QSettings.Format.IniFormat))
    assert settings.last_architecture() == "ecs-ec2", "opened on a built-in instead"
    assert settings.drawing() == "", "the start that drew clears the mark"
    log = (tmp_path / "state").rglob("*.log")
    assert any("stopped while drawing 'kubernetes'" in path.read_text() for path in log)

    third = run_cli("--arch", "kubernetes", "--screenshot", str(shot), env=env)
    assert third.returncode == exit_codes.OK, "the next start may try it again"
    assert settings_file(tmp_path / "config").read_text().count("architecture=kubernetes") == 1


def test_the_message_is_listed_with_the_problems(qtbot, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("ARCH_EXPLORER_CACHE_DIR", str(tmp_path / "cache"))
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    store.setValue("session/drawing", "kubernetes")
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
