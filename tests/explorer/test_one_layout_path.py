"""The window and the command line lay the same model out the same way: one layout service.

A 400-component model is the case that once differed (the command line used other
Graphviz options and no cache): 393 of its 400 nodes came out elsewhere. The model
here is the smallest that gets the options chosen by size (curved edges, Graphviz's
faster settings) and is drawn in the background by the window.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from PySide6.QtCore import QSettings

from bench.model_gen import generate
from explorer.app import create_window
from explorer.cli import main
from explorer.export.options import ExportOptions
from explorer.export.render import render_architecture
from explorer.layout.options import FAST_FROM_COMPONENTS, ORTHO_MAX_NODES, LayoutOptions
from explorer.sources import load_sources
from models.architecture import Architecture

SIZE = FAST_FROM_COMPONENTS


def _yaml(architecture: Architecture) -> str:
    """The generated model as a user would write it."""
    document = {
        "id": architecture.id,
        "title": architecture.title,
        "summary": architecture.summary,
        "layout": {"direction": architecture.layout.direction},
        "groups": [
            {"id": g.id, "label": g.label, "kind": g.kind, **({"parent": g.parent} if g.parent else {})}
            for g in architecture.groups
        ],
        "components": [
            {"id": c.id, "label": c.label, "kind": c.kind, "icon": c.icon, "group": c.group}
            for c in architecture.components
        ],
        "relations": [
            {
                "source": r.source,
                "target": r.target,
                "kind": r.kind,
                **({"label": r.label} if r.label else {}),
            }
            for r in architecture.relations
        ],
    }
    return yaml.safe_dump(document, sort_keys=False)


def test_cli_and_window_place_every_node_identically(
    qtbot, qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    models = tmp_path / "models"
    models.mkdir()
    generated = generate(SIZE)
    options = LayoutOptions.for_architecture(generated)
    assert options.graph_attrs, "the size-based Graphviz settings are in play"
    assert options.splines == "spline"
    assert SIZE > ORTHO_MAX_NODES
    (models / "generated.yaml").write_text(_yaml(generated), encoding="utf-8")
    model_id = generated.id

    # Each side starts from an empty layout cache of its own, so each runs Graphviz.
    monkeypatch.setenv("ARCH_EXPLORER_CACHE_DIR", str(tmp_path / "cli-cache"))
    cli_svg = tmp_path / "cli.svg"
    assert main(["export", model_id, "--models", str(models), "-o", str(cli_svg)]) == 0

    monkeypatch.setenv("ARCH_EXPLORER_CACHE_DIR", str(tmp_path / "window-cache"))
    sources = load_sources([models])
    window = create_window(sources, QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.architecture_shown, timeout=60_000):
        window.show_architecture(model_id)
    assert window.scene is not None

    architecture = sources.architectures[model_id]
    window_svg = render_architecture(architecture, window.scene.layout, ExportOptions(format="svg"))
    assert window_svg == cli_svg.read_bytes()
    window.close()
