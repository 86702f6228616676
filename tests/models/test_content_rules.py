"""Content rules: the built-in diagrams keep to them, and a user's own mistakes become warnings."""

from __future__ import annotations

import re

import pytest

from models.architecture import Architecture, Component, Group, Relation
from models.content_rules import RULES, check, content_warnings
from models.loader import load_architecture_text, load_architectures
from models.paths import ASSETS_DIR

BUILTINS = load_architectures([ASSETS_DIR / "architectures"]).architectures
NOTES_AND_MODELS = [
    *sorted((ASSETS_DIR / "notes").glob("*.md")),
    *sorted((ASSETS_DIR / "architectures").glob("*.yaml")),
    *sorted((ASSETS_DIR / "comparisons").glob("*.yaml")),
]


def _by_id(architecture_id: str) -> Architecture:
    return next(architecture for architecture in BUILTINS if architecture.id == architecture_id)


def test_all_five_builtins_load() -> None:
    assert {a.id for a in BUILTINS} == {"ecs-ec2", "ecs-fargate", "kubernetes", "eks", "containers-vs-vms"}


@pytest.mark.parametrize("architecture", BUILTINS, ids=lambda a: a.id)
def test_every_builtin_keeps_every_rule(architecture: Architecture) -> None:
    assert check(architecture) == []
    assert architecture.warnings == ()


@pytest.mark.parametrize("architecture_id", ["ecs-ec2", "ecs-fargate"])
def test_the_ecs_cluster_is_a_logical_regional_group(architecture_id: str) -> None:
    architecture = _by_id(architecture_id)
    cluster = architecture.group("ecs-cluster")
    assert cluster.logical
    assert [g.kind for g in architecture.group_path("ecs-cluster")] == ["cloud", "region", "cluster"]
    service_path = [g.label for g in architecture.group_path(architecture.component("ecs-service").group)]
    assert "VPC" not in service_path
    # Tasks still live in subnets, and relations say which service keeps them running.
    task_kinds = [g.kind for g in architecture.group_path(architecture.component("task-a").group)]
    assert "subnet" in task_kinds
    assert Relation("ecs-service", "task-a", "maintains", "maintains desired count") in architecture.relations
    assert any(r.source == "task-a" and r.target == "task-definition" for r in architecture.relations)
    for definition in ("container-def-app", "container-def-proxy"):
        assert architecture.component(definition).group == architecture.component("task-definition").group


def test_ecs_on_ec2_relations_the_issue_asked_for() -> None:
    pairs = {(r.source, r.target) for r in _by_id("ecs-ec2").relations}
    assert {("asg", "agent-a"), ("asg", "agent-b")} <= pairs  # the ASG launches the instances
    assert {("ecs-control-plane", "task-a"), ("ecs-control-plane", "task-b")} <= pairs  # places tasks
    assert {("agent-a", "task-exec-role"), ("app-a", "task-role")} <= pairs


def test_eks_compute_options_and_selectors() -> None:
    eks = _by_id("eks")
    pairs = {(r.source, r.target, r.label) for r in eks.relations}
    assert ("fargate-profile", "fargate-pod", "selects") in pairs
    assert ("managed-node-group", "mng-asg", "owns") in pairs
    assert ("mng-asg", "kubelet-mng", "launches node") in pairs
    assert eks.component("auto-mode").label == "EKS Auto Mode"
    assert eks.group("auto-mode-node").kind == "node"
    assert eks.group_path(eks.component("iam").group)[0].id == "iam-global"
    assert "service account" not in [alias.casefold() for alias in eks.group("aws-managed-account").aliases]


def test_kubernetes_has_cni_and_cluster_dns() -> None:
    kubernetes = _by_id("kubernetes")
    concepts = {component.concept_id for component in kubernetes.components}
    assert {"cni-plugin", "cluster-dns"} <= concepts


MISTAKES = """
id: mistakes
title: Mistakes a study note makes
summary: Every box here teaches something wrong.
groups:
  - {id: region, label: Region, kind: region}
  - {id: vpc, label: VPC, kind: vpc, parent: region}
  - {id: cluster, label: ECS cluster, kind: cluster, parent: vpc}
  - {id: az, label: AZ a, kind: az, parent: cluster}
  - {id: services, label: Regional services, kind: managed, parent: region}
  - {id: node, label: Worker node, kind: node, parent: az}
  - {id: fargate-profile, label: Fargate profile, kind: node-group, parent: az}
components:
  - {id: iam, label: IAM, kind: identity, icon: aws/security/iam, group: services}
  - {id: role, label: Task role, kind: iam-role, icon: aws/security/iam-role, group: az}
  - {id: ingress, label: Ingress, kind: api-object, icon: k8s/network/ing, group: node}
  - {id: controller, label: Ingress controller, kind: pod, icon: k8s/network/ing, group: node}
"""


def test_a_users_mistakes_become_warnings_with_the_reason() -> None:
    architecture = load_architecture_text(MISTAKES, "mine.yaml")
    rules = {finding.rule for finding in check(architecture)}
    assert rules == {rule.id for rule in RULES}  # every rule fires on this file
    by_element = {(f.rule, f.element_id) for f in check(architecture)}
    assert ("ingress-is-an-api-object", "controller") not in by_element  # the controller may run on a node
    assert ("iam-is-global", "role") in by_element
    warnings = architecture.warnings
    assert all(warning.startswith("mine.yaml: ") for warning in warnings)
    assert any("'ECS cluster' is drawn inside 'VPC'" in warning for warning in warnings)
    assert any("'ECS cluster' holds 'AZ a'" in warning for warning in warnings)
    assert any("'IAM' is drawn inside 'Region'" in warning and "global" in warning for warning in warnings)
    content = content_warnings(architecture)
    assert content
    assert warnings[-len(content) :] == content


def test_a_logical_ecs_cluster_at_region_level_is_fine() -> None:
    text = MISTAKES.replace("parent: vpc}", "parent: region, logical: true}").replace(
        "parent: cluster}", "parent: vpc}"
    )
    architecture = load_architecture_text(text, "mine.yaml")
    assert architecture.group("cluster").logical
    assert "ecs-cluster-is-logical" not in {finding.rule for finding in check(architecture)}


def test_relations_must_name_components() -> None:
    architecture = Architecture(
        id="a",
        title="A",
        summary="A",
        groups=(Group("g", "G", "generic"),),
        components=(Component("c", "C", "thing", "generic/blank/blank"),),
        relations=(Relation("c", "ghost", "calls"),),
    )
    assert [(f.rule, f.element_id) for f in check(architecture)] == [("relations-name-components", "ghost")]


@pytest.mark.parametrize("path", NOTES_AND_MODELS, ids=lambda p: p.name)
def test_builtin_text_avoids_retired_wording(path) -> None:
    text = path.read_text(encoding="utf-8")
    assert not re.search(r"micro-?VM", text, re.IGNORECASE), "say 'its own isolation boundary'"
    assert "study note gets this backwards" not in text.casefold()
    assert not re.search(r"IAM is (a )?regional", text, re.IGNORECASE)
