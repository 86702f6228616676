"""Counterparts by concept, comparison files (content and validation) and the decision helper."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.architecture import Architecture
from models.catalog import load_catalog
from models.errors import ModelError
from models.notes import NotesLibrary, load_builtin_notes
from models.revision.compare import Counterparts, default_partner
from models.revision.comparisons import load_comparison_text, load_comparisons
from models.revision.decision import (
    ECS_TOPIC,
    KUBERNETES_QUESTIONS,
    KUBERNETES_TOPIC,
    QUESTIONS,
    Choice,
    recommend,
    recommend_kubernetes,
    topic_for,
)

ASPECTS = (
    "who manages the hosts",
    "what you pay for",
    "networking per",
    "scaling",
    "isolation",
    "when to choose",
)


@pytest.fixture(scope="module")
def architectures() -> dict[str, Architecture]:
    return {architecture.id: architecture for architecture in load_catalog().architectures}


def test_ecs_modes_link_by_concept_both_ways(architectures: dict[str, Architecture]) -> None:
    links = Counterparts(architectures["ecs-ec2"], architectures["ecs-fargate"])
    assert links.of("left", "task-definition") == ("task-definition",)
    assert links.of("right", "task-definition") == ("task-definition",)
    assert links.of("left", "capacity-provider") == ("fargate",)  # same concept, another label
    assert links.of("right", "fargate") == ("capacity-provider",)
    assert links.of("left", "task-a") == ("task-a", "task-b")
    assert links.of("left", "ecs-cluster") == ("ecs-cluster",)  # groups by id
    assert links.of("left", "instance-a") == ()
    assert set(links.only_on("left")) == {"instance-role", "asg"}
    assert links.of("left", "agent-a") == ("fargate-agent-a", "fargate-agent-b")  # the Fargate agent
    assert links.only_on("right") == ()


def test_kubernetes_and_eks_link_the_control_plane(architectures: dict[str, Architecture]) -> None:
    links = Counterparts(architectures["kubernetes"], architectures["eks"])
    assert links.of("left", "kube-apiserver") == ("apiserver-a", "apiserver-b")
    assert links.of("right", "apiserver-b") == ("kube-apiserver",)
    assert links.of("right", "etcd-c") == ("etcd",)
    assert links.of("left", "crio-2") == ("containerd-mng", "containerd-self")
    assert {"cluster-endpoint", "eni-a", "eni-b", "iam", "ecr"} <= set(links.only_on("right"))
    assert "kube-scheduler" in links.shared_concepts()


def test_default_partners() -> None:
    known = {"ecs-ec2", "ecs-fargate", "kubernetes", "eks"}
    assert default_partner("ecs-fargate", known) == "ecs-ec2"
    assert default_partner("kubernetes", known) == "eks"
    assert default_partner("containers-vs-vms", known) is None


def test_built_in_comparisons_cover_the_issue_aspects(architectures: dict[str, Architecture]) -> None:
    result = load_comparisons()
    assert not result.errors
    library = NotesLibrary(load_builtin_notes())
    for left, right in (("ecs-ec2", "ecs-fargate"), ("kubernetes", "eks")):
        comparison = result.find(left, right)
        assert comparison is not None
        assert {comparison.left, comparison.right} <= set(architectures)
        aspects = " | ".join(row.aspect.casefold() for row in comparison.rows)
        for aspect in ASPECTS:
            assert aspect in aspects, (left, aspect)
        assert all(row.left != row.right for row in comparison.rows)
        assert comparison.guidance
        for ref in comparison.guidance:
            assert library.find_section(ref.note, ref.heading) is not None, ref


def test_ecs_table_says_who_pays_for_what() -> None:
    comparison = load_comparisons().find("ecs-ec2", "ecs-fargate")
    assert comparison is not None
    rows = {row.aspect: row for row in comparison.rows}
    assert "instances" in rows["What you pay for"].left
    assert "vCPU and memory" in rows["What you pay for"].right
    assert "awsvpc only" in rows["Networking per task"].right
    assert "own isolation boundary" in rows["Isolation"].right


def test_a_comparison_read_the_other_way_swaps_its_columns() -> None:
    result = load_comparisons()
    forward = result.find("ecs-ec2", "ecs-fargate")
    backward = result.find("ecs-fargate", "ecs-ec2")
    assert forward is not None
    assert backward is not None
    assert [(r.left, r.right) for r in backward.rows] == [(r.right, r.left) for r in forward.rows]
    assert result.find("eks", "ecs-ec2") is None


GOOD = """\
id: a-vs-b
title: A vs B
left: a
right: b
rows:
  - {aspect: Cost, left: one, right: two}
"""


@pytest.mark.parametrize(
    ("text", "line", "location", "problem"),
    [
        (GOOD.replace("title: A vs B\n", ""), 1, "", "missing required key 'title'"),
        (GOOD.replace("right: b", "right: a"), 4, "right", "compares an architecture with itself"),
        (
            GOOD.replace("rows:\n  - {aspect: Cost, left: one, right: two}\n", "rows: []\n"),
            5,
            "rows",
            "non-empty",
        ),
        (GOOD + "  - {aspect: cost, left: x, right: y}\n", 7, "rows[1].aspect", "appears twice"),
        (GOOD.replace("right: two", "rigth: two"), 6, "rows[0].rigth", "unknown key 'rigth'"),
        (GOOD.replace("left: one", "left: [1]"), 6, "rows[0].left", "expected text; got a list"),
        (GOOD + "colour: red\n", 7, "colour", "unknown key 'colour'"),
        (GOOD.replace("left: a", "left: 'a b'"), 3, "left", "expected an id"),
        (GOOD + "guidance:\n  - {note: x}\n", 8, "guidance[0]", "missing required key 'heading'"),
        ("rows: [", None, "", "not valid YAML"),
    ],
)
def test_broken_comparisons_name_the_file_line_and_place(
    text: str, line: int | None, location: str, problem: str
) -> None:
    with pytest.raises(ModelError) as raised:
        load_comparison_text(text, "mine.yaml")
    error = raised.value
    assert problem in error.problem
    assert error.source == "mine.yaml"
    assert error.location == location
    if line is not None:
        assert error.line == line


def test_one_broken_file_does_not_stop_the_others(tmp_path: Path) -> None:
    (tmp_path / "good.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "copy.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "bad.yaml").write_text("id: [", encoding="utf-8")
    result = load_comparisons([tmp_path])
    assert [comparison.id for comparison in result.comparisons] == ["a-vs-b"]
    problems = sorted(error.problem for error in result.errors)
    assert problems[0].startswith("duplicate comparison id")
    assert "not valid YAML" in problems[1]


@pytest.mark.parametrize(
    ("answers", "choice"),
    [
        ({"orchestration": "no", "manage": "yes"}, Choice.PLAIN_EC2),
        ({"orchestration": "no", "manage": "either"}, Choice.PLAIN_EC2),
        ({"orchestration": "no", "manage": "no"}, Choice.FARGATE),
        ({"orchestration": "yes", "host_features": "yes", "manage": "no"}, Choice.ECS_EC2),
        ({"orchestration": "yes", "accelerators": "yes", "manage": "no"}, Choice.ECS_MANAGED_INSTANCES),
        ({"accelerators": "yes", "manage": "either"}, Choice.ECS_MANAGED_INSTANCES),
        ({"accelerators": "yes", "manage": "yes"}, Choice.ECS_EC2),
        ({"orchestration": "yes", "manage": "no", "load": "steady"}, Choice.FARGATE),
        ({"orchestration": "yes", "manage": "yes", "load": "bursty"}, Choice.ECS_EC2),
        ({"orchestration": "yes", "manage": "either", "load": "steady"}, Choice.ECS_EC2),
        ({"orchestration": "yes", "manage": "either", "load": "batch"}, Choice.FARGATE),
        ({"manage": "either", "load": "bursty", "host_features": "no"}, Choice.FARGATE),
        ({}, Choice.FARGATE),
    ],
)
def test_decision_helper_outcomes(answers: dict[str, str], choice: Choice) -> None:
    result = recommend(answers)
    assert result.choice is choice
    assert result.reasons
    assert all(reason.endswith(".") for reason in (*result.reasons, *result.caveats))


def test_decision_helper_explains_itself() -> None:
    gpu = recommend({"accelerators": "yes", "manage": "no"})
    assert gpu.architecture_id == "ecs-ec2"  # the closest diagram: EC2 capacity, run by AWS
    text = " ".join((*gpu.reasons, *gpu.caveats))
    for fact in ("GPUs", "host", "patches", "cost-optimised", "management fee", "14 days"):
        assert fact in text
    custom_ami = recommend({"host_features": "yes", "manage": "no"})
    assert "custom AMIs" in custom_ami.reasons[0]
    assert "Managed Instances" in custom_ami.caveats[0]
    bursty = recommend({"manage": "no", "load": "bursty"})
    assert bursty.architecture_id == "ecs-fargate"
    assert any("idle" in reason for reason in bursty.reasons)
    steady = recommend({"manage": "yes", "load": "steady"})
    assert any("well packed" in reason for reason in steady.reasons)
    assert recommend({"orchestration": "no"}).architecture_id is None
    assert [q.id for q in QUESTIONS] == ["orchestration", "manage", "load", "accelerators", "host_features"]


@pytest.mark.parametrize(
    ("answers", "choice"),
    [
        ({"where": "elsewhere"}, Choice.SELF_MANAGED_K8S),
        ({"where": "aws", "control_plane": "yes"}, Choice.SELF_MANAGED_K8S),
        ({"where": "hybrid"}, Choice.EKS_HYBRID_NODES),
        ({}, Choice.EKS_AUTO_MODE),
        ({"nodes": "none", "pods": "host"}, Choice.EKS_AUTO_MODE),
        ({"nodes": "none", "pods": "small"}, Choice.EKS_FARGATE),
        ({"nodes": "some"}, Choice.EKS_MANAGED_NODES),
        ({"nodes": "all", "pods": "cost"}, Choice.EKS_KARPENTER),
        ({"nodes": "all", "pods": "host"}, Choice.EKS_SELF_MANAGED_NODES),
    ],
)
def test_kubernetes_decision_outcomes(answers: dict[str, str], choice: Choice) -> None:
    result = recommend_kubernetes(answers)
    assert result.choice is choice
    assert result.architecture_id == ("kubernetes" if choice is Choice.SELF_MANAGED_K8S else "eks")
    assert all(reason.endswith(".") for reason in (*result.reasons, *result.caveats))


def test_kubernetes_decision_explains_itself() -> None:
    fargate = recommend_kubernetes({"nodes": "none", "pods": "small", "kubernetes": "no"})
    caveats = " ".join(fargate.caveats)
    assert "DaemonSets" in caveats
    assert "IRSA" in caveats
    assert "ECS" in fargate.caveats[-1]  # no need for Kubernetes: ECS is simpler
    auto = recommend_kubernetes({})
    assert any("Karpenter" in reason for reason in auto.reasons)
    assert "management fee" in auto.caveats[0]
    assert "$0.10 per cluster-hour" in auto.reasons[0]


def test_the_topic_follows_the_compared_pair() -> None:
    assert topic_for("kubernetes", "eks") is KUBERNETES_TOPIC
    assert topic_for("eks", "containers-vs-vms") is KUBERNETES_TOPIC
    assert topic_for("ecs-ec2", "ecs-fargate") is ECS_TOPIC
    assert topic_for("containers-vs-vms", "containers-vs-vms") is ECS_TOPIC
    assert KUBERNETES_TOPIC.questions == KUBERNETES_QUESTIONS
