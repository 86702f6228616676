"""The scene loader: a large model's scene made between events, and freed once dropped."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from explorer import runtime_tuning
from explorer.diagram.loading import SceneLoader
from explorer.diagram.scene import DiagramScene
from explorer.layout.cache import LayoutCache
from explorer.layout.service import LayoutService
from tests.explorer.test_diagram_scene import make_architecture


@pytest.fixture(autouse=True)
def unfrozen() -> Iterator[None]:
    """Leaves the interpreter as the other tests expect it (the loader freezes what it made)."""
    yield
    gc.unfreeze()


def load(qtbot, tmp_path: Path, owner: QObject | None = None) -> tuple[SceneLoader, DiagramScene, list[str]]:
    loader = SceneLoader(LayoutService(LayoutCache(tmp_path / "layouts")), owner)
    progress: list[str] = []
    loader.progress.connect(lambda _id, message, _done, _total: progress.append(message))
    with qtbot.waitSignal(loader.ready, timeout=20_000) as ready:
        loader.load(make_architecture())
    scene = ready.args[0]
    assert isinstance(scene, DiagramScene)
    return loader, scene, progress


def test_the_scene_is_built_between_events_and_complete(qtbot, tmp_path: Path) -> None:
    _loader, scene, progress = load(qtbot, tmp_path)
    assert "Drawing the diagram…" in progress  # made over turns of the event loop
    assert {item.element_id for item in scene.component_items()} == {
        component.id for component in make_architecture().components
    }
    assert not scene.sceneRect().isEmpty()


def test_a_dropped_scene_is_freed(qtbot, tmp_path: Path) -> None:
    # Not kept alive by a QObject parent (the window): a re-opened 1,000-component model held 30 MiB more.
    window = QObject()
    _loader, scene, _progress = load(qtbot, tmp_path, window)
    assert scene.parent() is None
    gone = weakref.ref(scene)
    del scene
    gc.collect()
    assert gone() is None


def test_the_items_are_kept_out_of_later_collections(qtbot, tmp_path: Path) -> None:
    frozen = gc.get_freeze_count()
    _loader, scene, _progress = load(qtbot, tmp_path)
    assert gc.get_freeze_count() > frozen
    assert scene.component_items()


def test_the_collector_is_paused_while_loading_and_back_after(qtbot, tmp_path: Path) -> None:
    # Layout workers pause it too, and may still be running when the loader is done with
    # them (a cancelled job ends its current step; a finished one writes the disk cache
    # after handing the layout over): so "back" is awaited, not expected at once.
    qtbot.waitUntil(lambda: not runtime_tuning.paused(), timeout=10_000)
    loader = SceneLoader(LayoutService(LayoutCache(tmp_path / "layouts")))
    loader.load(make_architecture())
    assert runtime_tuning.paused()  # laying out and making the items: nothing to collect
    loader.cancel()
    qtbot.waitUntil(lambda: not runtime_tuning.paused(), timeout=10_000)
    _loader, _scene, _progress = load(qtbot, tmp_path)
    qtbot.waitUntil(lambda: not runtime_tuning.paused(), timeout=10_000)
    assert not gc.isenabled()  # the UI thread collects, never a worker (explorer.ui_collector)


def test_the_worker_starts_a_turn_later_and_not_at_all_when_cancelled_first(qtbot, tmp_path: Path) -> None:
    # The UI thread paints the progress panel before the worker's Python competes for the GIL.
    service = LayoutService(LayoutCache(tmp_path / "layouts"))
    loader = SceneLoader(service)
    architecture = make_architecture()
    loader.load(architecture)
    assert loader.pending() == architecture
    assert service._executor is None  # no worker yet
    loader.cancel()
    assert loader.pending() is None
    QApplication.processEvents()
    assert service._executor is None  # the cancelled request never reached one
    with qtbot.waitSignal(loader.ready, timeout=20_000):
        loader.load(architecture)
    assert service._executor is not None


def test_a_new_layout_is_written_to_the_disk_cache_after_the_scene_is_handed_over(
    qtbot, tmp_path: Path
) -> None:
    # Writing it holds the GIL: not while the items are made and first painted.
    cache = LayoutCache(tmp_path / "layouts")
    loader = SceneLoader(LayoutService(cache))
    architecture = make_architecture()
    written: list[bool] = []
    loader.ready.connect(lambda _scene: written.append(LayoutService(cache).cached(architecture) is not None))
    with qtbot.waitSignal(loader.ready, timeout=20_000):
        loader.load(architecture)
    assert written == [False]
    qtbot.waitUntil(lambda: LayoutService(cache).cached(architecture) is not None, timeout=10_000)


def test_a_layout_made_for_a_cancelled_load_is_still_written(qtbot, tmp_path: Path) -> None:
    cache = LayoutCache(tmp_path / "layouts")
    loader = SceneLoader(LayoutService(cache))
    architecture = make_architecture()
    cancelled: list[bool] = []

    def cancel(_job: object) -> None:  # once the loader has the layout and starts making the items
        cancelled.append(True)
        loader.cancel()

    loader._job_done.connect(cancel)
    loader.load(architecture)
    qtbot.waitUntil(lambda: bool(cancelled), timeout=20_000)
    assert loader.pending() is None
    qtbot.waitUntil(lambda: LayoutService(cache).cached(architecture) is not None, timeout=10_000)
