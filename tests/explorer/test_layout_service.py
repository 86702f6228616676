"""The layout service (memory, disk, worker, cancellation) and the window's background loading."""

from __future__ import annotations

import json
import os
import stat
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from bench.model_gen import generate
from explorer.app import create_window
from explorer.diagram.loading import SYNC_MAX_COMPONENTS
from explorer.layout.cache import LayoutCache
from explorer.layout.dot_errors import (
    GraphvizFailedError,
    GraphvizNotFoundError,
    GraphvizTimeoutError,
    LayoutCancelledError,
)
from explorer.layout.dot_process import decode_json, run_dot
from explorer.layout.options import (
    FAST_FROM_COMPONENTS,
    FAST_GRAPH_ATTRS,
    FASTEST_FROM_COMPONENTS,
    FASTEST_GRAPH_ATTRS,
    LayoutOptions,
)
from explorer.layout.service import LayoutJob, LayoutService
from explorer.navigation import Place
from explorer.sources import load_sources
from explorer.ui.main_window import MainWindow
from models.architecture import Architecture, Component, Relation

WAIT = 30.0


def _small() -> Architecture:
    components = (Component("a", "A", "x", "aws/compute/ec2"), Component("b", "B", "x", "aws/compute/ec2"))
    return Architecture("small", "Small", "", (), components, (Relation("a", "b", "calls", "HTTPS"),))


@pytest.fixture
def service(tmp_path: Path) -> LayoutService:
    return LayoutService(LayoutCache(tmp_path / "layouts"))


@pytest.fixture
def fake_dot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Puts an executable ``dot`` shell script with the given body first on PATH."""

    def install(body: str) -> None:
        folder = tmp_path / "bin"
        folder.mkdir(exist_ok=True)
        script = folder / "dot"
        script.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
        script.chmod(script.stat().st_mode | stat.S_IXUSR)
        monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ.get('PATH', '')}")

    return install


def test_a_layout_is_made_once_then_kept_in_memory_and_on_disk(tmp_path: Path) -> None:
    first = LayoutService(LayoutCache(tmp_path))
    layout = first.layout_for(_small())
    assert first.layout_for(_small()) is layout
    assert first.graphviz_runs == 1
    second = LayoutService(LayoutCache(tmp_path))  # a second start
    assert second.cached(_small()) == layout
    assert second.layout_for(_small()) == layout
    assert second.graphviz_runs == 0


def test_a_changed_model_is_laid_out_again(service: LayoutService) -> None:
    service.layout_for(_small())
    renamed = Architecture("small", "Small", "", (), (Component("a", "Renamed", "x", "aws/compute/ec2"),))
    assert service.layout_for(renamed).nodes.keys() == {"a"}
    assert service.graphviz_runs == 2


def test_a_corrupt_cache_entry_is_rebuilt(tmp_path: Path) -> None:
    LayoutService(LayoutCache(tmp_path)).layout_for(_small())
    (entry,) = tmp_path.iterdir()
    entry.write_bytes(entry.read_bytes()[:100])
    again = LayoutService(LayoutCache(tmp_path))
    assert again.layout_for(_small()).nodes.keys() == {"a", "b"}
    assert again.graphviz_runs == 1
    assert LayoutService(LayoutCache(tmp_path)).cached(_small()) is not None


def test_options_follow_the_size_of_the_model() -> None:
    assert LayoutOptions.for_architecture(_small()) == LayoutOptions("ortho")
    large = LayoutOptions.for_architecture(generate(FAST_FROM_COMPONENTS))
    assert large.splines == "spline"
    assert large.graph_attrs == FAST_GRAPH_ATTRS
    assert large.dot_arguments() == [f"-G{name}={value}" for name, value in large.graph_attrs]
    largest = LayoutOptions.for_architecture(generate(FASTEST_FROM_COMPONENTS))
    assert largest.graph_attrs == FASTEST_GRAPH_ATTRS
    assert largest.as_key() != large.as_key()


def test_the_worker_reports_progress_and_hands_over_the_layout(service: LayoutService) -> None:
    done = threading.Event()
    seen: list[str] = []
    finished: list[LayoutJob] = []
    order: list[str] = []

    def on_done(job: LayoutJob) -> None:
        order.append("done")
        finished.append(job)
        done.set()

    job = service.submit(
        _small(), on_done, lambda _job, message: seen.append(message), also=lambda: order.append("also")
    )
    assert done.wait(WAIT)
    assert finished == [job]
    assert job.layout is not None
    assert job.layout.nodes.keys() == {"a", "b"}
    assert any("Graphviz" in message for message in seen)
    assert order == ["also", "done"]
    service.shutdown()


def test_a_cancelled_job_stops_graphviz_and_reports_nothing(
    qtbot, service: LayoutService, fake_dot, tmp_path: Path
) -> None:
    marker = tmp_path / "dot-started"
    fake_dot(f"touch {marker}; sleep 30")
    called = threading.Event()
    job = service.submit(_small(), lambda _job: called.set())
    qtbot.waitUntil(marker.exists, timeout=int(WAIT * 1000))
    job.cancel()
    assert job.future is not None
    job.future.result(timeout=5)  # ends although dot would sleep for 30 s: it was killed
    assert not called.is_set()
    service.shutdown()


def test_run_dot_errors(fake_dot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    fake_dot("echo 'not json'")
    with pytest.raises(GraphvizFailedError, match="not a JSON layout"):
        run_dot("digraph {}")
    fake_dot("echo 'Error: syntax error in line 1' >&2; exit 1")
    with pytest.raises(GraphvizFailedError, match="syntax error"):
        run_dot("digraph {")
    fake_dot("sleep 30")
    with pytest.raises(GraphvizTimeoutError):
        run_dot("digraph {}", timeout=0.3)
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(LayoutCancelledError):
        run_dot("digraph {}", cancel=cancel)
    monkeypatch.setenv("PATH", str(tmp_path / "nowhere"))
    with pytest.raises(GraphvizNotFoundError):
        run_dot("digraph {}")


def test_large_input_reaches_graphviz_whole() -> None:
    # More than a pipe holds, and more than one 50 ms poll writes.
    nodes = "".join(f'n{index} [label="{"x" * 50}"];\n' for index in range(5000))
    data = run_dot(f"digraph {{ {nodes} }}", ["-Gnslimit=0"])
    assert len(data["objects"]) == 5000


def test_json_is_decoded_as_the_standard_decoder_does() -> None:
    document = {"a": [1, 2.5, {"b": [True, None, "x\\"]}], "c": {}, "d": [], "e": {"f": [[1], {"g": 2}]}}
    text = json.dumps(document, indent=2)
    assert decode_json(text) == document
    assert decode_json(text, depth=0) == document
    for broken in ("", "[1, 2]", '{"a": 1', '{"a": 1} x', '{"a" 1}', '{"a": [1 2]}'):
        with pytest.raises(ValueError):  # noqa: PT011 (ValueError is the documented contract)
            decode_json(broken)


# The window ---------------------------------------------------------------------------


@pytest.fixture
def big_window(qtbot, tmp_path: Path):
    """A window with a model too large to lay out between two frames."""
    model = generate(SYNC_MAX_COMPONENTS + 20)
    loaded = load_sources()
    sources = loaded.with_architectures([*loaded.architectures.values(), model], loaded.model_errors)
    window = create_window(sources, QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window, model
    window.close()


def test_a_large_model_is_laid_out_in_the_background(
    qtbot, big_window: tuple[MainWindow, Architecture]
) -> None:
    window, model = big_window
    target = model.components[-1].id
    window.show_architecture(model.id, target)
    assert window.diagram_stack.currentWidget() is window.loading_panel
    assert window.scene is None
    with qtbot.waitSignal(window.architecture_shown, timeout=int(WAIT * 1000)) as shown:
        pass
    assert shown.args == [model.id]
    assert window.diagram_stack.currentWidget() is window.diagram_view
    assert window.scene is not None
    assert window.scene.selected_element() == target
    assert len(window.scene.component_items()) == len(model.components)
    assert window.history.current == Place(model.id, target)


def test_switching_away_cancels_the_stale_layout(
    qtbot, big_window: tuple[MainWindow, Architecture], monkeypatch: pytest.MonkeyPatch
) -> None:
    window, model = big_window
    jobs: list[LayoutJob] = []
    submit = window.layouts.submit

    def recorded(*args, **kwargs) -> LayoutJob:
        jobs.append(submit(*args, **kwargs))
        return jobs[-1]

    monkeypatch.setattr(window.layouts, "submit", recorded)
    window.show_architecture(model.id)
    assert window.scene_loader.pending() is model
    qtbot.waitUntil(lambda: len(jobs) == 1)  # handed to the worker a turn after the request
    assert window.scene_loader.pending() is model
    window.show_architecture("ecs-fargate")
    assert window.scene_loader.pending() is None
    assert [job.architecture for job in jobs] == [model]
    assert jobs[0].cancelled  # its dot is killed, not left to finish
    assert window.diagram_stack.currentWidget() is window.diagram_view
    qtbot.waitUntil(lambda: jobs[0].future is not None and jobs[0].future.done(), timeout=int(WAIT * 1000))
    assert window.current_id == "ecs-fargate"
    assert window.scene is not None
    assert window.scene.architecture.id == "ecs-fargate"
