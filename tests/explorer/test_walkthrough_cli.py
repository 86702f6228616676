"""``main.py walkthroughs``: the listing, its JSON and its located errors, run in a subprocess."""

from __future__ import annotations

import json
from pathlib import Path

from tests.explorer.test_cli import run_cli

BROKEN = """\
id: broken
architecture: kubernetes
title: Broken
summary: A walkthrough with a typo.
steps:
  - title: One
    text: First.
    components: [kubectl]
  - title: Two
    text: Second.
    components: [kubelt]
"""


def test_walkthroughs_json_lists_every_built_in() -> None:
    completed = run_cli("walkthroughs", "--json")
    assert completed.returncode == 0, completed.stderr
    rows = json.loads(completed.stdout)
    assert len(rows) >= 6
    assert len({row["architecture"] for row in rows}) >= 4
    for row in rows:
        assert {"id", "architecture", "title", "summary", "steps"} <= row.keys()
        assert len(row["steps"]) >= 4
        for step in row["steps"]:
            assert {"title", "text", "components", "relations"} <= step.keys()
            assert all(set(relation) == {"source", "target"} for relation in step["relations"])


def test_walkthroughs_filtered_by_architecture() -> None:
    completed = run_cli("walkthroughs", "--arch", "kubernetes")
    assert completed.returncode == 0, completed.stderr
    lines = completed.stdout.splitlines()
    assert [line.split()[1] for line in lines] == ["kubernetes"] * len(lines)
    assert {line.split()[0] for line in lines} >= {"kubernetes-kubectl-apply", "kubernetes-external-request"}


def test_unknown_architecture_exits_2() -> None:
    completed = run_cli("walkthroughs", "--arch", "nope")
    assert completed.returncode == 2
    assert completed.stderr.strip().splitlines() == [
        "arch-explorer: unknown architecture 'nope' "
        "(known: ecs-ec2, ecs-fargate, kubernetes, eks, containers-vs-vms)"
    ]


def test_broken_user_walkthrough_is_one_located_line_and_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "broken.walkthrough.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    completed = run_cli("walkthroughs", "--models", str(tmp_path), "--json")
    assert completed.returncode == 2
    assert completed.stderr.splitlines() == [
        f"arch-explorer: {path}:11: steps[1].components[0]: unknown component 'kubelt' "
        "in architecture 'kubernetes'; did you mean 'kubectl', 'kubelet-1' or 'kubelet-2'?"
    ]
    listed = [row["id"] for row in json.loads(completed.stdout)]
    assert "broken" not in listed
    assert "kubernetes-kubectl-apply" in listed
