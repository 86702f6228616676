"""The headless command line, run as a user would: in a subprocess."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli_process import run_cli

BUILT_IN = ["containers-vs-vms", "ecs-ec2", "ecs-fargate", "eks", "kubernetes"]


def test_list_prints_every_built_in_architecture() -> None:
    completed = run_cli("list")
    assert completed.returncode == 0, completed.stderr
    listed = [line.split()[0] for line in completed.stdout.splitlines()]
    assert sorted(listed) == BUILT_IN


def test_list_json() -> None:
    completed = run_cli("list", "--json")
    rows = json.loads(completed.stdout)
    assert sorted(row["id"] for row in rows) == BUILT_IN
    assert all(row["title"] and row["summary"] for row in rows)


@pytest.fixture(scope="module")
def described() -> dict[str, dict]:
    """``describe --json`` of every built-in architecture, run once for the module."""
    results = {}
    for architecture_id in BUILT_IN:
        completed = run_cli("describe", architecture_id, "--json")
        assert completed.returncode == 0, completed.stderr
        results[architecture_id] = json.loads(completed.stdout)
    return results


def test_describe_json_shape(described: dict[str, dict]) -> None:
    for architecture_id, data in described.items():
        assert data["id"] == architecture_id
        assert {"title", "summary", "groups", "components", "relations"} <= data.keys()
        for group in data["groups"]:
            assert {"id", "label", "parent"} <= group.keys()
        for relation in data["relations"]:
            assert {"source", "target", "label", "kind"} <= relation.keys()
        for component in data["components"]:
            assert {"id", "label", "kind", "group", "icon", "excerpts"} <= component.keys()


def test_describe_gives_every_component_a_built_in_excerpt(described: dict[str, dict]) -> None:
    for data in described.values():
        for component in data["components"]:
            built_in = [e for e in component["excerpts"] if e["origin"] == "built-in"]
            assert built_in, f"{data['id']}: {component['id']} has no built-in excerpt"
            excerpt = built_in[0]
            assert {"origin", "source", "heading_path", "line", "text"} <= excerpt.keys()
            assert excerpt["text"].strip()
            assert isinstance(excerpt["line"], int)


def test_describe_unknown_id_is_a_one_line_error() -> None:
    completed = run_cli("describe", "no-such-thing", "--json")
    assert completed.returncode == 2
    assert completed.stdout == ""
    lines = completed.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "unknown architecture 'no-such-thing'" in lines[0]


def test_broken_user_model_file_is_named_with_its_line(tmp_path: Path) -> None:
    broken = tmp_path / "mine.yaml"
    broken.write_text("id: mine\ntitle: Mine\nsummary: s\ncomponents:\n  - id: x\n", encoding="utf-8")
    completed = run_cli("list", "--models", str(broken))
    assert completed.returncode == 2
    assert f"{broken}:5: components[0]: missing required key 'label'" in completed.stderr
    assert "ecs-ec2" in completed.stdout  # the good files still load


def test_user_model_is_listed_and_described(tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text(
        "id: mine\ntitle: Mine\nsummary: My own.\ncomponents:\n"
        "  - {id: app, label: App, kind: task, icon: aws/compute/fargate}\n",
        encoding="utf-8",
    )
    listed = run_cli("list", "--models", str(tmp_path))
    assert "mine" in listed.stdout.split()
    described = run_cli("describe", "mine", "--models", str(mine), "--json")
    assert described.returncode == 0, described.stderr
    assert json.loads(described.stdout)["components"][0]["id"] == "app"


def test_window_with_unknown_architecture_exits_2() -> None:
    completed = run_cli("--arch", "nope")
    assert completed.returncode == 2
    assert "unknown architecture 'nope'" in completed.stderr
