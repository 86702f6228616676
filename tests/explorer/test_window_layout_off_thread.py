"""The window never lays out on the UI thread: an uncached small model loads in the background."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from explorer.app import create_window
from explorer.sources import Sources


def test_a_small_model_without_a_cached_layout_is_laid_out_in_the_worker(
    qtbot, sources: Sources, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARCH_EXPLORER_CACHE_DIR", str(tmp_path / "cache"))  # an empty cache
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = create_window(sources, settings, architecture_id="ecs-fargate")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.scene is not None, timeout=10_000)

    window.show_architecture("containers-vs-vms")
    assert window.scene is None  # not laid out here, on the UI thread
    assert window.diagram_stack.currentWidget() is window.loading_panel
    qtbot.waitUntil(lambda: window.scene is not None, timeout=10_000)
    assert window.scene.architecture.id == "containers-vs-vms"
    assert window.diagram_stack.currentWidget() is window.diagram_view

    window.show_architecture("ecs-fargate")  # kept: drawn at once
    assert window.scene is not None
    assert window.scene.architecture.id == "ecs-fargate"


def test_a_large_model_has_its_notes_matched_once_while_it_loads(
    qtbot, sources: Sources, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bench.model_gen import generate
    from models.notes import library

    monkeypatch.setenv("ARCH_EXPLORER_CACHE_DIR", str(tmp_path / "cache"))
    built: list[str] = []
    matcher = library.NotesMatcher

    def counting(architecture, *args, **kwargs):  # type: ignore[no-untyped-def]
        built.append(architecture.id)
        return matcher(architecture, *args, **kwargs)

    monkeypatch.setattr(library, "NotesMatcher", counting)
    large = generate(120)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = create_window(
        sources.with_architectures([*sources.architectures.values(), large], sources.model_errors),
        settings,
        architecture_id="ecs-fargate",
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.scene is not None, timeout=10_000)
    window.show_architecture(large.id)
    qtbot.waitUntil(
        lambda: window.scene is not None and "Click a component" in window.notes_panel.plain_text()
    )
    assert built.count(large.id) == 1  # the notes panel's worker, not the scene loader's as well
