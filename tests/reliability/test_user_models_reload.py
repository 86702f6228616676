"""The user models folder reloads live: edits in place too, and off the UI thread.

The folder sits in a quiet parent (nothing else is written beside it), as the
real user models folder does; settings, progress and cache live elsewhere.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from PySide6.QtCore import QSettings, QTimer

from explorer.app import create_window
from explorer.ui.main_window import MainWindow
from tests.explorer.test_user_models_window import MINE


@pytest.fixture
def user_models(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ARCH_EXPLORER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("ARCH_EXPLORER_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "quiet" / "architectures"
    folder.mkdir(parents=True)
    (folder / "mine.yaml").write_text(MINE, encoding="utf-8")
    return folder


def open_window(qtbot, tmp_path: Path) -> MainWindow:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = create_window(
        settings=settings, architecture_id="mine", model_locations=[tmp_path / "quiet" / "architectures"]
    )
    qtbot.addWidget(window)
    window.show()
    return window


def test_an_edit_in_place_reloads(qtbot, tmp_path: Path, user_models: Path) -> None:
    window = open_window(qtbot, tmp_path)
    assert window.sources.architectures["mine"].title == "My Fargate app"
    with (user_models / "mine.yaml").open("r+", encoding="utf-8") as file:
        text = file.read().replace("My Fargate app", "My Fargate APP")
        file.seek(0)
        file.write(text)  # same inode, same length: no rename, no new file
    qtbot.waitUntil(lambda: window.sources.architectures["mine"].title == "My Fargate APP", timeout=5_000)
    window.close()


def test_a_large_model_is_read_off_the_ui_thread(qtbot, tmp_path: Path, user_models: Path) -> None:
    window = open_window(qtbot, tmp_path)
    components = [
        {"id": f"c{i}", "label": f"Part {i}", "kind": "k", "icon": "aws/compute/ec2"} for i in range(3_000)
    ]
    model = {"id": "big", "title": "Big", "summary": "Many parts.", "components": components}
    (user_models / "big.yaml").write_text(yaml.safe_dump(model), encoding="utf-8")
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1) if "big" not in window.sources.architectures else None)
    window.user_content.reload_models()
    assert "big" not in window.sources.architectures, "the call returns before the file is read"
    timer.start(0)
    qtbot.waitUntil(lambda: "big" in window.sources.architectures, timeout=30_000)
    timer.stop()
    assert ticks, "the UI thread kept handling events while the model was read"
    assert "big" in window.architecture_list.ids()
    window.close()
