"""Question generation (choices, kinds, masked clues) and a session's answers, grades and summary."""

from __future__ import annotations

import random
from datetime import UTC, datetime

import pytest

from models.architecture import Architecture
from models.catalog import load_catalog
from models.revision.items import QuizItem, quiz_items
from models.revision.names import normalize
from models.revision.planning import architecture_targets, due_item_counts, due_targets
from models.revision.progress import Progress
from models.revision.questions import QuestionKind, describable, make_question, make_questions, mask_names
from models.revision.scheduler import Grade
from models.revision.session import QuizSession

NOW = datetime(2025, 3, 10, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def architectures() -> dict[str, Architecture]:
    return {architecture.id: architecture for architecture in load_catalog().architectures}


@pytest.fixture(scope="module")
def eks_items(architectures: dict[str, Architecture]) -> list[QuizItem]:
    return quiz_items(architectures["eks"])


def named(items: list[QuizItem], label: str) -> QuizItem:
    return next(item for item in items if item.label == label)


@pytest.mark.parametrize(
    "architecture_id", ["ecs-ec2", "ecs-fargate", "kubernetes", "eks", "containers-vs-vms"]
)
def test_every_item_gets_four_distinct_plausible_choices(
    architectures: dict[str, Architecture], architecture_id: str
) -> None:
    items = quiz_items(architectures[architecture_id])
    rng = random.Random(7)
    for item in items:
        question = make_question(QuestionKind.IDENTIFY, item, items, rng)
        labels = [normalize(option.label) for option in question.options]
        assert len(question.options) == min(4, len(items))
        assert len(set(labels)) == len(labels)
        assert item in question.options
        assert question.focus in item.component_ids
        assert {option.architecture_id for option in question.options} == {architecture_id}


def test_distractors_prefer_components_of_the_same_kind(eks_items: list[QuizItem]) -> None:
    target = named(eks_items, "kube-scheduler")
    question = make_question(QuestionKind.IDENTIFY, target, eks_items, random.Random(1))
    kinds = {option.kind for option in question.options}
    assert kinds == {"control-plane-component"}


def test_describe_clues_never_name_the_answer(eks_items: list[QuizItem]) -> None:
    for item in eks_items:
        if item.key not in describable(eks_items):
            continue
        clue = make_question(QuestionKind.DESCRIBE, item, eks_items, random.Random(2)).clue
        for name in item.names:
            if len(squash := normalize(name)) >= 4:
                assert squash not in normalize(clue), (item.label, clue)


def test_mask_names_blanks_label_and_aliases(eks_items: list[QuizItem]) -> None:
    etcd = named(eks_items, "etcd")
    assert mask_names("etcd member in AZ a; a key-value store", etcd) == "___ in AZ a; a ___"


def test_a_session_mixes_the_three_kinds(eks_items: list[QuizItem]) -> None:
    questions = make_questions(eks_items, {"eks": eks_items}, random.Random(3))
    assert len(questions) == len(eks_items)
    assert {question.kind for question in questions} == set(QuestionKind)
    assert [question.item for question in questions] == eks_items


def test_answers_grade_recall_above_recognition(eks_items: list[QuizItem]) -> None:
    rng = random.Random(4)
    etcd, kubelet = named(eks_items, "etcd"), named(eks_items, "kubelet")
    questions = [
        make_question(QuestionKind.IDENTIFY, etcd, eks_items, rng),
        make_question(QuestionKind.IDENTIFY, etcd, eks_items, rng),
        make_question(QuestionKind.LOCATE, kubelet, eks_items, rng),
        make_question(QuestionKind.DESCRIBE, kubelet, eks_items, rng),
        make_question(QuestionKind.LOCATE, etcd, eks_items, rng),
    ]
    session = QuizSession(questions, {"eks": eks_items})
    typed = session.answer_typed("ETCD")
    assert typed.correct
    assert typed.grade is Grade.GOOD
    session.next()
    session.show_choices()
    chosen = session.answer_choice(etcd.key)
    assert chosen.correct
    assert chosen.grade is Grade.HARD
    session.next()
    clicked = session.answer_click("kubelet-self")
    assert clicked.correct
    assert clicked.grade is Grade.GOOD
    session.next()
    other = next(option for option in questions[3].options if option != kubelet)
    wrong = session.answer_choice(other.key)
    assert not wrong.correct
    assert wrong.grade is Grade.AGAIN
    assert wrong.meant == other
    session.next()
    missed_click = session.answer_click("kubelet-mng")
    assert not missed_click.correct
    assert missed_click.meant == kubelet
    assert session.next() is None
    assert session.finished
    summary = session.summary()
    assert (summary.right, summary.answered, summary.total) == (3, 5, 5)
    assert summary.missed == (kubelet, etcd)
    assert not summary.perfect


def test_vague_or_empty_answers_do_not_score(eks_items: list[QuizItem]) -> None:
    question = make_question(QuestionKind.IDENTIFY, named(eks_items, "etcd"), eks_items, random.Random(5))
    session = QuizSession([question], {"eks": eks_items})
    assert not session.answer_typed("").final
    assert not session.answered
    assert session.next() is question  # cannot skip an open question by moving on
    skipped = session.skip()
    assert skipped.final
    assert not skipped.correct
    with pytest.raises(RuntimeError):
        session.answer_typed("etcd")


def test_targets_put_due_then_new_first_and_due_spans_architectures(
    architectures: dict[str, Architecture],
) -> None:
    eks = architectures["eks"]
    items = quiz_items(eks)
    progress = Progress()
    etcd = named(items, "etcd")
    kubelet = named(items, "kubelet")
    progress.record([("eks", cid) for cid in etcd.component_ids], Grade.AGAIN, NOW, fuzz=False)
    progress.record([("eks", cid) for cid in kubelet.component_ids], Grade.GOOD, NOW, fuzz=False)
    progress.record([("ecs-ec2", "task-definition")], Grade.AGAIN, NOW, fuzz=False)
    targets = architecture_targets(eks, progress, NOW, random.Random(0))
    assert targets[0] == etcd
    assert targets[-1] == kubelet
    assert len(targets) == len(items)
    due = due_targets(architectures.values(), progress, NOW)
    assert {(item.architecture_id, item.label) for item in due} == {
        ("eks", "etcd"),
        ("ecs-ec2", "Task definition"),
    }
    assert due_item_counts(architectures.values(), progress, NOW) == {"eks": 1, "ecs-ec2": 1}
