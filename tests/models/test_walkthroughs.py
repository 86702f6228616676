"""Walkthrough files: located errors, checks against the architecture, and the built-in set."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from models import ModelError, load_architectures
from models.architecture import Architecture
from models.catalog import load_catalog
from models.paths import WALKTHROUGHS_DIR
from models.walkthroughs import (
    Walkthrough,
    load_walkthrough_catalog,
    load_walkthrough_text,
    load_walkthroughs,
)

VALID = textwrap.dedent(
    """\
    id: k8s-apply
    architecture: kubernetes
    title: kubectl apply
    summary: From manifest to Pods.
    steps:
      - title: kubectl sends it
        text: kubectl calls the API server.
        components: [kubectl, kube-apiserver]
        relations:
          - {source: kubectl, target: kube-apiserver}
      - title: Stored
        text: The API server writes to etcd.
        components: [kube-apiserver, etcd]
        groups: [control-plane]
        relations:
          - [kube-apiserver, etcd]
        direction: forward
    """
)


@pytest.fixture(scope="module")
def architectures() -> dict[str, Architecture]:
    result = load_catalog()
    assert not result.errors
    return {architecture.id: architecture for architecture in result.architectures}


@pytest.fixture(scope="module")
def builtins(architectures: dict[str, Architecture]) -> list[Walkthrough]:
    result = load_walkthrough_catalog(architectures)
    assert [error.message for error in result.errors] == []
    return result.walkthroughs


def error_for(text: str, architectures: dict[str, Architecture]) -> ModelError:
    with pytest.raises(ModelError) as caught:
        load_walkthrough_text(text, "k8s-apply.yaml", architectures)
    return caught.value


def test_valid_walkthrough_loads(architectures: dict[str, Architecture]) -> None:
    walkthrough = load_walkthrough_text(VALID, "k8s-apply.yaml", architectures)
    assert walkthrough.id == "k8s-apply"
    assert walkthrough.architecture == "kubernetes"
    assert [step.title for step in walkthrough.steps] == ["kubectl sends it", "Stored"]
    assert walkthrough.steps[0].relations == (("kubectl", "kube-apiserver"),)
    assert walkthrough.steps[1].relations == (("kube-apiserver", "etcd"),)
    assert walkthrough.steps[1].groups == ("control-plane",)
    assert walkthrough.steps[0].direction == "forward"
    assert walkthrough.components_up_to(1) == {"kubectl", "kube-apiserver", "etcd"}


def test_unknown_component_names_file_line_and_place(architectures: dict[str, Architecture]) -> None:
    error = error_for(VALID.replace("[kube-apiserver, etcd]", "[kube-apiserver, kubelt]"), architectures)
    assert error.message.startswith(
        "k8s-apply.yaml:13: steps[1].components[1]: unknown component 'kubelt' in architecture 'kubernetes'"
    )


def test_unknown_component_suggests_a_close_id(architectures: dict[str, Architecture]) -> None:
    error = error_for(VALID.replace("[kubectl, kube-apiserver]", "[kubectl, kube-apiservr]"), architectures)
    assert error.location == "steps[0].components[1]"
    assert "did you mean 'kube-apiserver'?" in error.problem


def test_group_listed_as_component_says_where_it_belongs(architectures: dict[str, Architecture]) -> None:
    error = error_for(VALID.replace("[kubectl, kube-apiserver]", "[kubectl, node-1]"), architectures)
    assert error.location == "steps[0].components[1]"
    assert "list it under groups" in error.problem


def test_unknown_group(architectures: dict[str, Architecture]) -> None:
    error = error_for(VALID.replace("groups: [control-plane]", "groups: [control]"), architectures)
    assert error.location == "steps[1].groups[0]"
    assert error.line == 14
    assert "unknown group 'control'" in error.problem


def test_relation_missing_from_the_architecture(architectures: dict[str, Architecture]) -> None:
    error = error_for(VALID.replace("[kube-apiserver, etcd]", "[kubectl, etcd]"), architectures)
    assert error.location == "steps[1].relations[0]"
    assert error.line == 16
    assert "no relation kubectl → etcd in architecture 'kubernetes'" in error.problem


def test_relation_written_backwards_suggests_direction(architectures: dict[str, Architecture]) -> None:
    error = error_for(VALID.replace("[kube-apiserver, etcd]", "[etcd, kube-apiserver]"), architectures)
    assert "set direction: reverse" in error.problem


def test_unknown_architecture(architectures: dict[str, Architecture]) -> None:
    error = error_for(VALID.replace("architecture: kubernetes", "architecture: k8s"), architectures)
    assert (error.location, error.line) == ("architecture", 2)
    assert "unknown architecture 'k8s'" in error.problem
    assert "kubernetes" in error.problem


@pytest.mark.parametrize(
    ("change", "location", "problem"),
    [
        (("direction: forward", "direction: sideways"), "steps[1].direction", "forward, reverse"),
        (("title: kubectl apply\n", ""), "", "missing required key 'title'"),
        (("  - title: Stored", "  - titel: Stored"), "steps[1].titel", "unknown key"),
        (("[kubectl, kube-apiserver]", "[kubectl, kubectl]"), "steps[0].components[1]", "listed twice"),
        (("[kube-apiserver, etcd]", "[kube-apiserver]"), "steps[1].relations[0]", "expected a mapping"),
    ],
)
def test_schema_errors_are_located(
    architectures: dict[str, Architecture], change: tuple[str, str], location: str, problem: str
) -> None:
    old, new = change
    assert old in VALID
    error = error_for(VALID.replace(old, new), architectures)
    assert error.location == location
    assert problem in error.problem
    assert error.line is not None


def test_a_step_must_emphasise_something(architectures: dict[str, Architecture]) -> None:
    text = VALID + "  - title: Empty\n    text: Nothing here.\n"
    error = error_for(text, architectures)
    assert (error.location, error.line) == ("steps[2]", 18)


def test_at_least_two_steps(architectures: dict[str, Architecture]) -> None:
    text = VALID[: VALID.index("  - title: Stored")]
    error = error_for(text, architectures)
    assert error.location == "steps"
    assert "at least 2 steps" in error.problem


def test_broken_yaml_is_a_located_error(architectures: dict[str, Architecture]) -> None:
    error = error_for(VALID.replace("title: Stored", "title: [Stored"), architectures)
    assert error.line is not None
    assert "not valid YAML" in error.problem


def test_one_broken_file_does_not_stop_the_others(
    tmp_path: Path, architectures: dict[str, Architecture]
) -> None:
    good = tmp_path / "a-good.walkthrough.yaml"
    good.write_text(VALID, encoding="utf-8")
    broken = tmp_path / "b-broken.walkthrough.yaml"
    broken.write_text(VALID.replace("id: k8s-apply", "id: other").replace("etcd]", "etc]"), encoding="utf-8")
    repeated = tmp_path / "c-repeat.walkthrough.yaml"
    repeated.write_text(VALID, encoding="utf-8")
    result = load_walkthroughs([good, broken, repeated], architectures)
    assert [w.id for w in result.walkthroughs] == ["k8s-apply"]
    messages = [error.message for error in result.errors]
    assert len(messages) == 2
    assert messages[0].startswith(f"{broken}:13: steps[1].components[1]: unknown component 'etc'")
    assert messages[1].startswith(f"{repeated}: id: walkthrough id 'k8s-apply' is already defined")


def test_user_walkthroughs_live_beside_user_architectures(
    tmp_path: Path, architectures: dict[str, Architecture]
) -> None:
    """A ``*.walkthrough.yaml`` in the models folder is a walkthrough, never read as an architecture."""
    (tmp_path / "nested").mkdir()
    (tmp_path / "nested" / "mine.walkthrough.yaml").write_text(
        VALID.replace("id: k8s-apply", "id: mine"), encoding="utf-8"
    )
    assert load_architectures([tmp_path]).errors == []
    single = load_architectures([tmp_path / "nested" / "mine.walkthrough.yaml"])
    assert (single.architectures, single.errors) == ([], [])
    result = load_walkthrough_catalog(architectures, [tmp_path])
    assert result.errors == []
    assert "mine" in [w.id for w in result.walkthroughs]
    assert len(result.walkthroughs) == len(list(WALKTHROUGHS_DIR.glob("*.yaml"))) + 1


def test_a_user_walkthrough_cannot_replace_a_built_in(
    tmp_path: Path, architectures: dict[str, Architecture], builtins: list[Walkthrough]
) -> None:
    clash = VALID.replace("id: k8s-apply", f"id: {builtins[0].id}")
    (tmp_path / "clash.walkthrough.yaml").write_text(clash, encoding="utf-8")
    result = load_walkthrough_catalog(architectures, [tmp_path])
    assert [w.id for w in result.walkthroughs] == [w.id for w in builtins]
    assert len(result.errors) == 1
    assert "already defined" in result.errors[0].problem


# The built-in walkthroughs


def test_at_least_six_built_ins_over_four_architectures(builtins: list[Walkthrough]) -> None:
    assert len(builtins) >= 6
    assert len({w.architecture for w in builtins}) >= 4
    assert all(len(w.steps) >= 4 for w in builtins)


def test_the_issue_flows_are_all_there(builtins: list[Walkthrough]) -> None:
    assert {w.id for w in builtins} >= {
        "kubernetes-kubectl-apply",
        "kubernetes-external-request",
        "ecs-fargate-deployment",
        "ecs-ec2-scale-out",
        "eks-managed-node-joins",
        "containers-vs-vms-system-call",
    }


def test_built_in_narration_is_one_to_three_sentences(builtins: list[Walkthrough]) -> None:
    for walkthrough in builtins:
        for index, step in enumerate(walkthrough.steps):
            sentences = [s for s in re.split(r"(?<=[.!?])\s+", step.text) if s]
            assert 1 <= len(sentences) <= 3, f"{walkthrough.id} steps[{index}]: {len(sentences)} sentences"
            assert step.text.endswith((".", "!", "?"))


def test_built_in_steps_name_ids_of_their_architecture(
    builtins: list[Walkthrough], architectures: dict[str, Architecture]
) -> None:
    """Redundant with the loader's checks on purpose: a loader bug must not hide a bad built-in."""
    for walkthrough in builtins:
        architecture = architectures[walkthrough.architecture]
        drawn = {(r.source, r.target) for r in architecture.relations}
        for step in walkthrough.steps:
            assert set(step.components) <= set(architecture.components_by_id)
            assert set(step.groups) <= set(architecture.groups_by_id)
            assert set(step.relations) <= drawn


def test_built_in_ids_are_their_file_names(builtins: list[Walkthrough]) -> None:
    assert sorted(Path(w.source).stem for w in builtins) == sorted(w.id for w in builtins)
