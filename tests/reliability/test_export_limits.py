"""Raster exports are checked against a pixel limit before anything is drawn.

A tall diagram (forty components in a chain) exported 20,000 pixels wide would
be over ten gigapixels: refused at once with a message naming the limit, on the
command line, by the window's quick export and by "copy", never a traceback, a
0 × 0 image or gigabytes of memory.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from explorer import exit_codes
from explorer.app import create_window
from explorer.cli import main
from explorer.export.limits import MAX_PIXELS, ExportTooLargeError, check_pixels
from explorer.ui import export_actions

LIMIT_WORDS = f"the limit is {MAX_PIXELS // 1_000_000} megapixels"


def tall_model(folder: Path) -> Path:
    components = [
        {"id": f"c{i}", "label": f"Step {i}", "kind": "k", "icon": "aws/compute/ec2"} for i in range(40)
    ]
    model = {
        "id": "tall",
        "title": "Tall",
        "summary": "A long chain.",
        "layout": {"direction": "TB"},
        "components": components,
        "relations": [{"source": f"c{i}", "target": f"c{i + 1}"} for i in range(39)],
    }
    path = folder / "tall.yaml"
    path.write_text(yaml.safe_dump(model), encoding="utf-8")
    return path


def test_the_limit_is_checked_and_explained() -> None:
    check_pixels(7680, 4320)  # an 8K slide
    with pytest.raises(ExportTooLargeError, match=LIMIT_WORDS):
        check_pixels(20_000, 540_000)
    with pytest.raises(ExportTooLargeError):
        check_pixels(0, 10)


@pytest.mark.usefixtures("qapp")
def test_every_built_in_exports_at_4x_within_the_limit() -> None:
    """The largest scale the dialog offers works on every built-in: the limit only stops outliers."""
    from explorer.export.options import ExportOptions
    from explorer.export.render import compute_frame, create_scene
    from explorer.layout.service import LayoutService
    from explorer.sources import load_models

    options = ExportOptions(format="png", scale=4)
    service = LayoutService()
    for architecture in load_models().architectures.values():
        frame = compute_frame(create_scene(architecture, service.layout_for(architecture), options), options)
        check_pixels(frame.canvas.width(), frame.canvas.height())


@pytest.mark.usefixtures("qapp")
def test_the_command_line_refuses_with_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ARCH_EXPLORER_CACHE_DIR", str(tmp_path / "cache"))
    target = tmp_path / "out.png"
    model = tall_model(tmp_path)
    status = main(["export", "tall", "--models", str(model), "--width", "20000", "-o", str(target)])
    assert status == exit_codes.FAILED
    errors = capsys.readouterr().err.strip().splitlines()
    assert len(errors) == 1
    assert LIMIT_WORDS in errors[0]
    assert not target.exists()
    svg = ["export", "tall", "--models", str(model), "--format", "svg", "--width", "20000"]
    assert main([*svg, "-o", str(tmp_path / "out.svg")]) == exit_codes.OK, "vector output has no pixel limit"


class Warnings:
    def __init__(self) -> None:
        self.texts: list[str] = []

    def warning(self, _parent: Any, _title: str, text: str, *args: Any, **kwargs: Any) -> Any:
        self.texts.append(text)
        return QMessageBox.StandardButton.Ok


def test_quick_export_and_copy_with_a_stored_huge_width_say_why(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARCH_EXPLORER_CACHE_DIR", str(tmp_path / "cache"))
    warnings = Warnings()
    monkeypatch.setattr(QMessageBox, "warning", warnings.warning)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("export/width", 20_000)
    settings.setValue("export/folder", str(tmp_path / "exports"))
    window = create_window(settings=settings, architecture_id="tall", model_locations=[tall_model(tmp_path)])
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.scene is not None, timeout=20_000)
    assert export_actions.quick_export_png(window) is None
    assert not export_actions.copy_diagram(window)
    assert len(warnings.texts) == 2
    assert all(LIMIT_WORDS in text for text in warnings.texts)
    assert not (tmp_path / "exports" / "tall.png").exists()
    window.close()
