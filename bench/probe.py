"""Measurements inside the real app, each run as ``python -m bench.probe SCENARIO …``.

``interact``: switching (first time and cached), click → excerpt, search → selected
and peak memory over the built-in set. ``export``: PNG 1×/2×/4× and SVG of each
built-in, as the window's File ▸ Export does it. ``scale``: a generated model of N
components: time to first paint, longest UI block, frame times while panning and
zooming, peak memory, and the re-open from the layout cache.

Each prints one JSON line of raw samples (milliseconds); the parent summarises.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from bench.harness import Heartbeat, PaintWatch, emit, max_rss_mib, open_window, settle, showing
from bench.model_gen import generate


def _until_shown(app: Any, window: Any, architecture_id: str, timeout: float = 60.0) -> None:
    """Turns the event loop until the window shows ``architecture_id``'s diagram."""
    check = showing(architecture_id)
    deadline = time.perf_counter() + timeout
    while not check(window):
        if time.perf_counter() > deadline:
            raise RuntimeError(f"{architecture_id} was not drawn within {timeout:g} s")
        settle(app, 0.002)


def interact(runs: int, settings_file: Path) -> dict[str, Any]:
    """Switching, clicking and searching in the window, over the built-in architectures."""
    app, window = open_window(settings_file)
    ids = list(window.architecture_list.ids())
    view = window.diagram_view
    first, cached, clicks, searches = [], [], [], []
    for architecture_id in ids[1:]:
        started = time.perf_counter()
        window.show_architecture(architecture_id)
        _until_shown(app, window, architecture_id)  # laid out in the worker unless cached
        view.viewport().repaint()
        first.append(_ms(started))
    for _ in range(runs):
        for architecture_id in ids:
            window.show_architecture(ids[0] if architecture_id != ids[0] else ids[-1])
            settle(app, 0.01)
            started = time.perf_counter()
            window.show_architecture(architecture_id)
            view.viewport().repaint()
            cached.append(_ms(started))
    for architecture_id in ids:
        window.show_architecture(architecture_id)
        _until_shown(app, window, architecture_id)
        view.fit_diagram()
        settle(app, 0.02)
        scene = window.scene
        assert scene is not None
        for item in scene.component_items()[: max(3, runs * 2)]:
            point = view.mapFromScene(item.icon_rect().center())
            started = time.perf_counter()
            QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0), point)
            app.processEvents()  # the notes panel and the diagram repaint here
            clicks.append(_ms(started))
            assert scene.selected_element() == item.element_id, item.element_id
    architectures = window.sources.architectures
    terms = [component.label for a in architectures.values() for component in a.components[:runs]]
    for index, term in enumerate(terms):
        window.show_architecture(ids[index % len(ids)])
        _until_shown(app, window, ids[index % len(ids)])
        window.search_box.setFocus()
        window.search_box.clear()
        QTest.keyClicks(window.search_box, term)
        settle(app, 0.01)
        started = time.perf_counter()
        QTest.keyClick(window.search_box, Qt.Key.Key_Return)
        app.processEvents()
        searches.append(_ms(started))
        assert window.scene is not None, term
        assert window.scene.selected_element() is not None, term
    window.close()
    return {
        "switch_first_ms": first,
        "switch_cached_ms": cached,
        "click_ms": clicks,
        "search_ms": searches,
        "max_rss_mib": max_rss_mib(),
    }


def export(runs: int, folder: Path, architectures: list[str], variants: list[str]) -> dict[str, Any]:
    """Built-ins as PNG 1×, 2×, 4× and SVG, rendered and written as the window does it."""
    from explorer.app import ensure_application
    from explorer.export.batch import export_architecture
    from explorer.export.options import ExportOptions
    from explorer.layout.service import LayoutService
    from explorer.sources import load_sources

    ensure_application()
    service = LayoutService()
    result: dict[str, Any] = {}
    known = {"png1": ("png", 1), "png2": ("png", 2), "png4": ("png", 4), "svg": ("svg", 1)}
    every = load_sources().architectures
    for architecture in (every[architecture_id] for architecture_id in architectures):
        layout = service.layout_for(architecture)
        for name in variants:
            fmt, scale = known[name]
            options = ExportOptions(format=fmt, scale=scale)
            path = folder / f"{architecture.id}-{name}.{fmt}"
            samples = []
            for _ in range(runs):
                started = time.perf_counter()
                export_architecture(architecture, layout, path, options)
                samples.append(_ms(started))
            result[f"{architecture.id}/{name}"] = {"ms": samples, "size": list(_pixel_size(path))}
    return result


def scale(size: int, settings_file: Path, timeout: float) -> dict[str, Any]:
    """Opens a generated model of ``size`` components, then pans and zooms it."""
    model = generate(size)
    app, window = open_window(settings_file, (model,))
    if window.current_id is not None:
        # The first start lays its diagram out in the background: let it finish rather than
        # stop it halfway (its Graphviz would otherwise run again, during the re-open).
        _until_shown(app, window, window.current_id)
    heartbeat = Heartbeat()
    watch = PaintWatch(window, showing(model.id))
    heartbeat.start()
    started = time.perf_counter()
    window.show_architecture(model.id)
    painted = watch.wait(app, timeout)
    settle(app, 0.2)  # what follows the first paint (the full-quality redraw) counts as well
    blocked = heartbeat.stop()
    if painted is None:
        shown = window.diagram_stack.currentWidget().objectName()
        return {"error": f"no diagram after {timeout:g} s (showing {shown}: {_visible_text(window)})"}
    result: dict[str, Any] = {
        "first_paint_ms": (painted - started) * 1000,
        "max_block_ms": blocked,
        "max_block_ended_ms": heartbeat.longest_ended * 1000,
        "graphviz_runs": window.layouts.graphviz_runs,
    }
    result.update(_frames(app, window))
    result["reopen_ms"], result["reopen_block_ms"] = _reopen(app, window, model.id, timeout)
    result["graphviz_runs_after_reopen"] = window.layouts.graphviz_runs
    result["max_rss_mib"] = max_rss_mib()
    window.close()
    return result


def _frames(app: Any, window: Any) -> dict[str, list[float]]:
    """Frame times of scripted pans and zooms: fitted (overview), and at 100 %."""
    view = window.diagram_view
    motion: list[float] = []
    settled: list[float] = []
    for zoom in (None, 1.0):
        if zoom is None:
            view.fit_diagram()
        else:
            view.set_zoom(zoom)
        settle(app, 0.3)
        for step in range(12):
            dx, dy = (60, 35) if step % 4 < 2 else (-60, -35)
            view._scroll_by(dx, dy)  # what a drag does, one mouse move at a time
            motion.append(_timed_repaint(view))
        for step in range(12):
            view.set_zoom(view.zoom() * (1.15 if step % 2 else 1 / 1.15))
            motion.append(_timed_repaint(view))
        settle(app, 0.3)
        settled.append(_timed_repaint(view))
    return {"frame_ms": motion, "settled_frame_ms": settled}


def _reopen(app: Any, window: Any, architecture_id: str, timeout: float) -> tuple[float, float]:
    """Shows another architecture, forgets the scene and the layout in memory, and opens it again."""
    window.show_architecture(window.architecture_list.ids()[0])
    settle(app, 0.05)
    window._scenes.pop(architecture_id, None)
    window.layouts.forget(architecture_id)
    heartbeat = Heartbeat()
    watch = PaintWatch(window, showing(architecture_id))
    heartbeat.start()
    started = time.perf_counter()
    window.show_architecture(architecture_id)
    painted = watch.wait(app, timeout)
    blocked = heartbeat.stop()
    return ((painted or float("nan")) - started) * 1000, blocked


def _visible_text(window: Any) -> str:
    if window.diagram_stack.currentWidget() is window.loading_panel:
        return window.loading_panel.message.text()
    return window.diagram_message.text()[:300]


def _timed_repaint(view: Any) -> float:
    started = time.perf_counter()
    view.viewport().repaint()
    return _ms(started)


def _ms(started: float) -> float:
    return (time.perf_counter() - started) * 1000


def _pixel_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    return 0, 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("scenario", choices=("interact", "export", "scale"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--size", type=int, default=100)
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--architectures", default="ecs-ec2,ecs-fargate,kubernetes,eks,containers-vs-vms")
    parser.add_argument("--variants", default="png1,png2,png4,svg")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-probe-") as temp:
        folder = Path(temp)
        if args.scenario == "interact":
            emit(interact(args.runs, folder / "settings.ini"))
        elif args.scenario == "export":
            emit(export(args.runs, folder, args.architectures.split(","), args.variants.split(",")))
        else:
            emit(scale(args.size, folder / "settings.ini", args.timeout))
    return 0


if __name__ == "__main__":
    sys.exit(main())
