"""Revision on walkthroughs: one card each, "what happens next?" and "put these steps in order"."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from models.revision.progress import Progress
from models.revision.scheduler import Grade
from models.revision.walkthrough_cards import (
    due_walkthroughs,
    new_walkthroughs,
    sync_ids,
    walkthrough_card_key,
    walkthrough_id_of,
)
from models.revision.walkthrough_quiz import (
    make_next_question,
    make_order_question,
    next_questions,
)
from models.walkthroughs import Step, Walkthrough

NOW = datetime(2025, 3, 10, 9, 0, tzinfo=UTC)


def walkthrough(*components: tuple[str, ...], wid: str = "flow", arch: str = "demo") -> Walkthrough:
    steps = tuple(Step(f"step {i}", f"Step {i}.", step) for i, step in enumerate(components))
    return Walkthrough(wid, arch, f"The {wid}", "A flow.", steps)


FLOW = walkthrough(("a", "b"), ("b", "c"), ("c",), ("c", "d", "e"))


def test_next_questions_ask_for_what_the_next_step_brings_in() -> None:
    questions = next_questions(FLOW)
    assert [(q.shown, q.answers) for q in questions] == [(0, {"c"}), (2, {"d", "e"})]
    question = questions[1]
    assert question.step.title == "step 2"
    assert question.next_step.title == "step 3"
    assert "step 2" in question.prompt
    assert question.check("d")
    assert question.check("e")
    assert not question.check("c")


def test_make_next_question_is_reproducible_and_none_without_new_components() -> None:
    first = make_next_question(FLOW, random.Random(7))
    assert first == make_next_question(FLOW, random.Random(7))
    assert first in next_questions(FLOW)
    assert make_next_question(walkthrough(("a",), ("a",)), random.Random(0)) is None


@pytest.mark.parametrize("seed", range(20))
def test_order_question_is_shuffled_and_its_solution_checks(seed: int) -> None:
    question = make_order_question(FLOW, random.Random(seed))
    assert sorted(question.shown) == [0, 1, 2, 3]
    assert list(question.shown) != [0, 1, 2, 3]
    assert question.check(question.solution).correct
    verdict = question.check(question.shown)
    assert not verdict.correct
    assert verdict.first_wrong is not None
    assert verdict.in_place < 4


def test_order_verdict_counts_steps_in_place() -> None:
    question = make_order_question(FLOW, random.Random(1))
    verdict = question.check([0, 1, 3, 2])
    assert (verdict.correct, verdict.in_place, verdict.first_wrong) == (False, 2, 2)
    with pytest.raises(ValueError, match="expected an ordering"):
        question.check([0, 1, 2])


def test_long_walkthroughs_give_a_run_of_consecutive_steps() -> None:
    long = walkthrough(*[(f"c{i}",) for i in range(12)])
    question = make_order_question(long, random.Random(3), limit=5)
    solution = question.solution
    assert len(solution) == 5
    assert list(solution) == list(range(solution[0], solution[0] + 5))
    assert [step.title for step in question.steps] == [f"step {i}" for i in question.shown]


def test_ordering_needs_two_steps() -> None:
    with pytest.raises(ValueError, match="fewer than two steps"):
        make_order_question(walkthrough(("a",)), random.Random(0))


def test_card_keys_do_not_collide_with_components() -> None:
    key = walkthrough_card_key(FLOW)
    assert key == ("demo", "walkthrough:flow")
    assert walkthrough_id_of(key) == "flow"
    assert walkthrough_id_of(("demo", "a")) is None


def test_a_walkthrough_card_is_scheduled_and_counted_with_its_architecture() -> None:
    other = walkthrough(("a",), ("b",), wid="other")
    progress = Progress()
    assert new_walkthroughs([FLOW, other], progress) == [FLOW, other]
    progress.record([walkthrough_card_key(FLOW)], Grade.AGAIN, NOW, fuzz=False)
    assert new_walkthroughs([FLOW, other], progress) == [other]
    assert due_walkthroughs([FLOW, other], progress, NOW) == [FLOW]
    assert progress.due_counts(NOW) == {"demo": 1}
    progress.record([walkthrough_card_key(FLOW)], Grade.EASY, NOW + timedelta(minutes=10), fuzz=False)
    assert due_walkthroughs([FLOW, other], progress, NOW + timedelta(minutes=10)) == []


def test_sync_keeps_loaded_walkthrough_cards_and_retires_removed_ones() -> None:
    progress = Progress()
    progress.record([walkthrough_card_key(FLOW), ("demo", "a")], Grade.AGAIN, NOW, fuzz=False)
    assert progress.sync(sync_ids({"demo": ["a"]}, [FLOW])) == 0
    assert progress.sync(sync_ids({"demo": ["a"]}, [])) == 1
    card = progress.card(walkthrough_card_key(FLOW))
    assert card is not None
    assert card.retired
    assert due_walkthroughs([FLOW], progress, NOW) == []
