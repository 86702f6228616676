"""Forgiving names and typed-answer checking: case, hyphens, aliases, typos, vague and wrong answers."""

from __future__ import annotations

import pytest

from models.architecture import Architecture, Component
from models.catalog import load_catalog
from models.revision.answers import Verdict, check_typed
from models.revision.items import QuizItem, quiz_items
from models.revision.names import base_label, edit_distance, normalize, squashed


@pytest.fixture(scope="module")
def eks_items() -> list[QuizItem]:
    eks = next(a for a in load_catalog().architectures if a.id == "eks")
    return quiz_items(eks)


def item(items: list[QuizItem], label: str) -> QuizItem:
    return next(candidate for candidate in items if candidate.label == label)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kube-API_server", "kube api server"),
        ("  ALB / NLB ", "alb nlb"),
        ("Container def: app", "container def app"),
        ("Élastic  Load\tBalancing", "elastic load balancing"),
    ],
)
def test_normalize_folds_case_separators_and_accents(text: str, expected: str) -> None:
    assert normalize(text) == expected


def test_squashed_ignores_spaces() -> None:
    assert squashed("kube apiserver") == squashed("kubeapiserver") == squashed("Kube-APIServer")


@pytest.mark.parametrize(
    ("label", "base"),
    [
        ("EKS ENI (a)", "EKS ENI"),
        ("Pod web (2)", "Pod web"),
        ("App B", "App"),
        ("Guest OS (Linux)", "Guest OS (Linux)"),
        ("kubelet", "kubelet"),
        ("A", "A"),
    ],
)
def test_base_label_drops_one_letter_qualifiers(label: str, base: str) -> None:
    assert base_label(label) == base


def test_edit_distance_counts_swaps_once_and_stops_at_the_limit() -> None:
    assert edit_distance("scheduler", "schedular", 2) == 1
    assert edit_distance("etcd", "ectd", 2) == 1
    assert edit_distance("kubelet", "kube-proxy", 2) == 3


def test_items_group_replicas_of_one_thing(eks_items: list[QuizItem]) -> None:
    labels = [candidate.label for candidate in eks_items]
    assert labels.count("etcd") == 1
    assert item(eks_items, "etcd").component_ids == ("etcd-a", "etcd-b", "etcd-c")
    assert item(eks_items, "EKS ENI").component_ids == ("eni-a", "eni-b")
    # The same concept with another label is a different thing to recognise.
    assert {"app Pod", "Fargate Pod"} <= set(labels)


@pytest.mark.parametrize(
    ("typed", "label"),
    [
        ("kube-scheduler", "kube-scheduler"),
        ("KUBE SCHEDULER", "kube-scheduler"),
        ("kubescheduler", "kube-scheduler"),
        ("scheduler", "kube-scheduler"),  # an alias
        ("kube-controller-manager", "kube-controller-mgr"),  # an alias with hyphens
        ("controller manager", "kube-controller-mgr"),
        ("API server", "kube-apiserver"),
        ("ECR", "Amazon ECR"),
        ("aws load balancer controller", "AWS LB Controller"),
        ("cross-account ENI", "EKS ENI"),
        ("EKS ENI (b)", "EKS ENI"),
    ],
)
def test_right_answers_by_label_or_alias(eks_items: list[QuizItem], typed: str, label: str) -> None:
    verdict = check_typed(typed, item(eks_items, label), eks_items)
    assert verdict.verdict is Verdict.RIGHT
    assert not verdict.corrected


def test_a_small_typo_is_forgiven_and_flagged(eks_items: list[QuizItem]) -> None:
    verdict = check_typed("kube-schedular", item(eks_items, "kube-scheduler"), eks_items)
    assert verdict.verdict is Verdict.RIGHT
    assert verdict.corrected


def test_naming_another_component_is_wrong_and_says_which(eks_items: list[QuizItem]) -> None:
    verdict = check_typed("etcd", item(eks_items, "kube-apiserver"), eks_items)
    assert verdict.verdict is Verdict.WRONG
    assert verdict.meant is item(eks_items, "etcd")


def test_a_typo_closer_to_another_component_is_wrong(eks_items: list[QuizItem]) -> None:
    verdict = check_typed("kubelets", item(eks_items, "kube-proxy"), eks_items)
    assert verdict.verdict is Verdict.WRONG
    assert verdict.meant is item(eks_items, "kubelet")


def test_short_names_forgive_no_typo(eks_items: list[QuizItem]) -> None:
    assert check_typed("etdc", item(eks_items, "etcd"), eks_items).verdict is Verdict.WRONG
    assert check_typed("nonsense", item(eks_items, "etcd"), eks_items).verdict is Verdict.WRONG


def test_empty_and_vague_answers_leave_the_question_open() -> None:
    app = Component("app", "app container", "container", "x", aliases=("container",))
    proxy = Component("proxy", "proxy container", "container", "x", aliases=("container", "sidecar"))
    items = quiz_items(Architecture("a", "A", "s", components=(app, proxy)))
    proxy_item = items[1]
    assert check_typed("  ", proxy_item, items).verdict is Verdict.EMPTY
    assert check_typed("container", proxy_item, items).verdict is Verdict.VAGUE
    assert check_typed("sidecar", proxy_item, items).verdict is Verdict.RIGHT
    assert check_typed("proxy container", proxy_item, items).verdict is Verdict.RIGHT
