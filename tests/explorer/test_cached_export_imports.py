"""An export whose layout is cached loads nothing of Graphviz's side (issue 16).

``subprocess``, running ``dot`` and reading its answer cost a command-line export
about 5-10 ms to import; with the layout in the cache none of it is needed.
"""

from __future__ import annotations

from pathlib import Path

from tests.cli_process import modules_after_main, run_python

GRAPHVIZ_SIDE = ("subprocess", "explorer.layout.dot_process", "explorer.layout.graphviz_run")


def test_an_export_with_its_layout_cached_imports_nothing_of_graphviz(tmp_path: Path) -> None:
    cache = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    first = tmp_path / "first.svg"
    status, _ = modules_after_main(["export", "ecs-fargate", "-o", str(first)], GRAPHVIZ_SIDE, cache)
    assert status == 0  # whether Graphviz ran depends on the shipped layouts: either is fine
    second = tmp_path / "second.svg"
    assert modules_after_main(["export", "ecs-fargate", "-o", str(second)], GRAPHVIZ_SIDE, cache) == (0, [])
    assert second.read_bytes() == first.read_bytes()


def test_a_cached_export_with_nothing_to_report_imports_no_logging_thread_pool_or_escaping(
    tmp_path: Path,
) -> None:
    """``logging`` (through ``concurrent.futures`` too) and the terminal escaping cost ~5 ms."""
    cache = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    unneeded = ("logging", "concurrent", "explorer.terminal_text")
    modules_after_main(["export", "kubernetes", "-o", str(tmp_path / "first.svg")], unneeded, cache)
    second = ["export", "kubernetes", "-o", str(tmp_path / "second.svg")]
    assert modules_after_main(second, unneeded, cache) == (0, [])


def test_a_png_painted_from_the_svg_starts_qt_without_its_widgets(tmp_path: Path) -> None:
    """QtWidgets (~5 ms) only when the scene draws: here a dark copy after the white one."""
    widgets = ("PySide6.QtWidgets",)
    alone = modules_after_main(
        ["export", "ecs-fargate", "-o", str(tmp_path / "a.png"), "--scale", "1"], widgets
    )
    assert alone == (0, [])
    both = ["export", "ecs-fargate", "-o", str(tmp_path / "b.png"), "--background", "white,dark"]
    assert modules_after_main(both, widgets) == (0, ["PySide6.QtWidgets"])
    assert sorted(p.name for p in tmp_path.glob("b-*.png")) == ["b-dark.png", "b-white.png"]


def test_widgets_cannot_be_drawn_once_qt_started_without_them() -> None:
    probe = "from explorer.export.qt_app import ensure_qt; ensure_qt(widgets=False); ensure_qt()"
    completed = run_python("-c", probe)
    assert completed.returncode != 0
    assert "a QGuiApplication is running" in completed.stderr
