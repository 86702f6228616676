"""An export whose layout is cached loads nothing of Graphviz's side (issue 16).

``subprocess``, running ``dot`` and reading its answer cost a command-line export
about 5-10 ms to import; with the layout in the cache none of it is needed.
Checked in processes of their own, whose ``sys.modules`` no other test has filled.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.cli_process import ROOT

GRAPHVIZ_SIDE = ("subprocess", "explorer.layout.dot_process", "explorer.layout.graphviz_run")
PROBE = (
    "import sys; from explorer.cli import main; "
    "status = main(['export', 'ecs-fargate', '-o', sys.argv[1]]); "
    f"print(status, sorted(m for m in {GRAPHVIZ_SIDE!r} if m in sys.modules))"
)


def _export(output: Path, cache: Path) -> str:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CACHE_HOME": str(cache)}
    completed = subprocess.run(
        [sys.executable, "-c", PROBE, str(output)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=environment,
    )
    assert completed.returncode == 0, completed.stderr
    return completed.stdout.strip()


def test_an_export_with_its_layout_cached_imports_nothing_of_graphviz(tmp_path: Path) -> None:
    first = _export(tmp_path / "first.svg", tmp_path / "cache")
    assert first.startswith("0 ")  # whether Graphviz ran depends on the shipped layouts: either is fine
    assert _export(tmp_path / "second.svg", tmp_path / "cache") == "0 []"
    assert (tmp_path / "second.svg").read_bytes() == (tmp_path / "first.svg").read_bytes()
