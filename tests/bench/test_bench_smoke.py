"""The benchmark still runs end to end (at a tiny size; its figures are not checked here)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SECTIONS = {"Cold start", "Interaction (built-in set)", "Export", "Scale: 45 components"}


def test_the_benchmark_runs_and_writes_its_results(tmp_path: Path) -> None:
    output = tmp_path / "latest.json"
    completed = subprocess.run(
        [sys.executable, "-m", "bench", "--smoke", "--output", str(output)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    assert "Figure" in completed.stdout
    document = json.loads(output.read_text(encoding="utf-8"))
    rows = document["rows"]
    assert {row["section"] for row in rows} == SECTIONS
    missing = [row["name"] for row in rows if row["value"] is None]
    assert not missing, missing
    baselines = {row["name"]: row["baseline"] for row in rows if row["baseline_name"]}
    assert all(baselines.values()), baselines
    assert document["meta"]["smoke"] is True
