"""Graphviz's answer is checked, its error text bounded, and its orthogonal-routing crash routed around.

Each fake ``dot`` is a real program first on PATH: one that prints a damaged copy
of a real answer, one that floods its error output, one that aborts (as Graphviz
2.43 does) whenever it is asked for right-angled edges and runs the real ``dot``
otherwise.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from explorer import exit_codes
from explorer.app import create_window
from explorer.cli import main
from explorer.layout.cache import LayoutCache
from explorer.layout.dot_errors import GraphvizFailedError
from explorer.layout.dot_json import DotJsonError, parse_layout
from explorer.layout.dot_process import bounded_text, run_dot
from explorer.layout.graphviz_layout import dot_source
from explorer.layout.graphviz_run import compute_layout
from explorer.layout.options import LayoutOptions
from explorer.layout.service import LayoutService, routing_note
from explorer.sources import load_sources
from models import Architecture, load_architecture_text
from tests.reliability._bulk import case_random
from tests.reliability._support import POSIX_ONLY, install_program
from tests.reliability.test_bulk_fuzz import valid_model
from tests.reliability.test_graphviz_faults import diagram_message

pytestmark = POSIX_ONLY

REAL_DOT = shutil.which("dot")


@pytest.fixture
def fake_dot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[str], Path]:
    def install(body: str) -> Path:
        script = install_program(tmp_path / "bin", "dot", body)
        monkeypatch.setenv("PATH", f"{script.parent}{os.pathsep}{os.environ.get('PATH', '')}")
        return script

    return install


def real_answer(architecture: Architecture) -> dict[str, Any]:
    options = LayoutOptions.for_architecture(architecture)
    return run_dot(dot_source(architecture, splines=options.splines), options.dot_arguments())


def _component_objects(data: dict[str, Any], architecture: Architecture) -> list[dict[str, Any]]:
    return [obj for obj in data["objects"] if obj.get("name") in architecture.components_by_id]


def _set(path: tuple[Any, ...], value: Any) -> Callable[[dict[str, Any], Architecture], None]:
    def damage(data: dict[str, Any], architecture: Architecture) -> None:
        target: Any = data
        for step in path[:-1]:
            target = _component_objects(data, architecture)[0] if step == "node" else target[step]
        target[path[-1]] = value

    return damage


def _drop_a_node(data: dict[str, Any], architecture: Architecture) -> None:
    data["objects"].remove(_component_objects(data, architecture)[-1])


def _route(pos: str) -> Callable[[dict[str, Any], Architecture], None]:
    def damage(data: dict[str, Any], _architecture: Architecture) -> None:
        next(edge for edge in data["edges"] if edge.get("pos"))["pos"] = pos

    return damage


DAMAGE = {
    "objects-not-a-list": _set(("objects", "x"), None),
    "no-objects": lambda data, _a: data.pop("objects"),
    "a-node-missing": _drop_a_node,
    "name-a-number": _set(("node", "name"), 7),
    "pos-nan": _set(("node", "pos"), "nan,nan"),
    "width-infinity": _set(("node", "width"), float("inf")),
    "width-an-object": _set(("node", "width"), {"a": 1}),
    "bb-1e999": _set(("bb",), "0,0,1e999,10"),
    "bb-a-list": _set(("bb",), [0, 0, 1, 1]),
    "huge-coordinate": _set(("node", "pos"), "1e300,5"),
    "edge-points-a-list": _route([[1, 2]]),  # type: ignore[arg-type]
    "edge-points-odd": _route("e,1,2 3,4 5"),
    "edge-points-nan": _route("1,2 nan,4 5,6 7,8"),
    "edge-points-huge": _route("1,2 3,1e300 5,6 7,8"),
    "edge-points-none": _route("e,1,2"),
    "edge-relation-a-list": lambda data, _a: data["edges"][0].update(relation=[1]),
}


def damaged_answer(architecture: Architecture, name: str) -> str:
    data = real_answer(architecture)
    if name == "objects-not-a-list":
        data["objects"] = "x"
    else:
        DAMAGE[name](data, architecture)
    return json.dumps(data)


def answering(fake_dot: Callable[[str], Path], folder: Path, text: str) -> None:
    answer = folder / "answer.json"
    answer.write_text(text, encoding="utf-8")
    fake_dot(f"cat > /dev/null\ncat '{answer}'")


@pytest.fixture(scope="module")
def eks() -> Architecture:
    return load_sources().architectures["eks"]


@pytest.mark.parametrize("name", [*DAMAGE, "deep-nesting"])
def test_a_damaged_answer_is_refused_and_never_cached(
    tmp_path: Path, fake_dot: Callable[[str], Path], eks: Architecture, name: str
) -> None:
    text = "[" * 100_000 + "]" * 100_000 if name == "deep-nesting" else damaged_answer(eks, name)
    if name == "deep-nesting":
        text = json.dumps(real_answer(eks))[:-1] + ', "x": ' + text + "}"
    answering(fake_dot, tmp_path, text)
    service = LayoutService(LayoutCache(tmp_path / "cache"))
    with pytest.raises(GraphvizFailedError) as raised:
        service.layout_for(eks)
    assert len(str(raised.value)) < 400
    assert not list((tmp_path / "cache").glob("*")), "a damaged answer is never cached"
    assert service.cached(eks) is None


def test_every_damage_is_refused_by_the_reader(eks: Architecture) -> None:
    """The reader alone (no process): each damage raises DotJsonError, the real answer reads."""
    good = real_answer(eks)
    parse_layout(good, eks, splines="ortho")
    for name in DAMAGE:
        with pytest.raises(DotJsonError):
            parse_layout(json.loads(damaged_answer(eks, name)), eks, splines="ortho")


@pytest.mark.usefixtures("qapp")
def test_the_command_line_exits_4_with_one_line(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    fake_dot: Callable[[str], Path],
    eks: Architecture,
) -> None:
    monkeypatch.setenv("ARCH_EXPLORER_CACHE_DIR", str(tmp_path / "cache"))
    answering(fake_dot, tmp_path, damaged_answer(eks, "pos-nan"))
    target = tmp_path / "out.png"
    assert main(["export", "eks", "-o", str(target)]) == exit_codes.GRAPHVIZ_FAILED
    errors = capsys.readouterr().err.strip().splitlines()
    assert len(errors) == 1
    assert "could not be read" in errors[0]
    assert not target.exists()
    assert not list((tmp_path / "cache").glob("**/*.layout"))


def test_the_window_says_so(qtbot, tmp_path: Path, monkeypatch, fake_dot, eks: Architecture) -> None:
    monkeypatch.setenv("ARCH_EXPLORER_CACHE_DIR", str(tmp_path / "cache"))
    answering(fake_dot, tmp_path, damaged_answer(eks, "name-a-number"))
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = create_window(load_sources(), settings, architecture_id="eks")
    qtbot.addWidget(window)
    diagram_message(qtbot, window, "could not be read")
    window.close()


# Error text -------------------------------------------------------------------------


def test_a_flood_of_error_text_on_one_line_gives_a_short_message(fake_dot) -> None:
    fake_dot("cat > /dev/null\nhead -c 20000000 /dev/zero | tr '\\0' 'e' >&2\nexit 1")
    with pytest.raises(GraphvizFailedError, match="exit status 1") as raised:
        run_dot("digraph { a }")
    assert len(str(raised.value)) < 1_000


def test_error_text_keeps_its_head_and_tail() -> None:
    with tempfile.TemporaryFile() as stream:
        stream.write(b"Error: first\n" + b"w" * 1_000_000 + b"\nError: last\n")
        text = bounded_text(stream, head=100, tail=100)
    assert text.startswith("Error: first")
    assert text.rstrip().endswith("Error: last")
    assert "999,826 bytes" in text
    assert "left out" in text
    assert len(text) < 400


# Orthogonal routing crashes -----------------------------------------------------------


def crashing_on_ortho(fake_dot: Callable[[str], Path], folder: Path) -> None:
    assert REAL_DOT is not None
    fake_dot(
        f"cat > '{folder}/input.dot'\n"
        f"if grep -q 'splines=ortho' '{folder}/input.dot'; then kill -ABRT $$; fi\n"
        f"exec '{REAL_DOT}' \"$@\" < '{folder}/input.dot'"
    )


def small_clustered() -> Architecture:
    return load_architecture_text(valid_model(case_random(20_251_130, "whole pipeline", 503)), "g.yaml")


def test_a_crash_with_orthogonal_routing_falls_back_to_splines(tmp_path: Path, fake_dot) -> None:
    architecture = small_clustered()
    assert LayoutOptions.for_architecture(architecture).splines == "ortho"
    crashing_on_ortho(fake_dot, tmp_path)
    layout = compute_layout(architecture)
    assert layout.splines == "spline"
    assert set(layout.nodes) == set(architecture.components_by_id)
    assert "right-angled" in routing_note(architecture, layout)


def test_the_real_graphviz_crash_is_routed_around() -> None:
    """Graphviz 2.43 aborts on this model with ortho (maze.c chkSgraph); newer ones lay it out."""
    architecture = small_clustered()
    layout = compute_layout(architecture)
    assert set(layout.nodes) == set(architecture.components_by_id)
    assert set(layout.groups) == set(architecture.groups_by_id)


@pytest.mark.usefixtures("qapp")
def test_the_command_line_says_edges_are_curved(tmp_path: Path, monkeypatch, capsys, fake_dot) -> None:
    monkeypatch.setenv("ARCH_EXPLORER_CACHE_DIR", str(tmp_path / "cache"))
    model = tmp_path / "generated.yaml"
    model.write_text(valid_model(case_random(20_251_130, "whole pipeline", 503)), encoding="utf-8")
    crashing_on_ortho(fake_dot, tmp_path)
    target = tmp_path / "out.png"
    assert main(["export", "generated", "--models", str(model), "-o", str(target)]) == exit_codes.OK
    assert "drawn as curves" in capsys.readouterr().err
    assert target.read_bytes().startswith(b"\x89PNG")


def test_the_window_says_edges_are_curved(qtbot, tmp_path: Path, monkeypatch, fake_dot) -> None:
    monkeypatch.setenv("ARCH_EXPLORER_CACHE_DIR", str(tmp_path / "cache"))
    model = tmp_path / "generated.yaml"
    model.write_text(valid_model(case_random(20_251_130, "whole pipeline", 503)), encoding="utf-8")
    crashing_on_ortho(fake_dot, tmp_path)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = create_window(settings=settings, architecture_id="generated", model_locations=[model])
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: "drawn as curves" in window.status_line.text(), timeout=10_000)
    window.close()
