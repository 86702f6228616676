"""FSRS scheduling of cards and the progress that holds them: growth, lapses, due counts, merge, JSON."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from models.revision.progress import Progress, ProgressFormatError, end_of_day
from models.revision.scheduler import LEARNING, RELEARNING, REVIEW, Grade, review

NOW = datetime(2025, 3, 10, 9, 0, tzinfo=UTC)
KEY = ("eks", "etcd-a")


def answer_on_due_dates(grades: list[Grade], start: datetime = NOW) -> list:
    """Answers each grade when the card falls due, as a diligent learner would."""
    card, moment, cards = None, start, []
    for grade in grades:
        card = review(card, KEY, grade, moment, fuzz=False)
        cards.append(card)
        moment = card.due
    return cards


def test_intervals_grow_with_every_success() -> None:
    cards = answer_on_due_dates([Grade.GOOD] * 6)
    intervals = [card.interval for card in cards]
    assert intervals[0] >= timedelta(days=1)
    assert all(later > earlier for earlier, later in zip(intervals, intervals[1:], strict=False))
    assert intervals[-1] > timedelta(days=100)
    assert all(card.state == REVIEW for card in cards)
    assert cards[-1].reviews == 6
    assert cards[-1].lapses == 0


def test_a_failure_resets_the_card_to_a_short_step() -> None:
    learnt = answer_on_due_dates([Grade.GOOD] * 4)[-1]
    lapsed = review(learnt, KEY, Grade.AGAIN, learnt.due, fuzz=False)
    assert lapsed.state == RELEARNING
    assert lapsed.interval == timedelta(minutes=10)  # due again the same day
    assert lapsed.lapses == 1
    relearnt = review(lapsed, KEY, Grade.GOOD, lapsed.due, fuzz=False)
    assert relearnt.state == REVIEW
    assert relearnt.interval < learnt.interval / 4


def test_a_new_card_answered_wrong_stays_in_learning_today() -> None:
    card = review(None, KEY, Grade.AGAIN, NOW, fuzz=False)
    assert card.state == LEARNING
    assert card.due == NOW + timedelta(minutes=10)
    assert card.lapses == 0  # only a learnt card lapses


def test_recognition_schedules_sooner_than_recall() -> None:
    hard = review(None, KEY, Grade.HARD, NOW, fuzz=False)
    good = review(None, KEY, Grade.GOOD, NOW, fuzz=False)
    assert hard.due < good.due


def test_naive_datetimes_are_taken_as_utc() -> None:
    card = review(None, KEY, Grade.GOOD, NOW.replace(tzinfo=None), fuzz=False)
    assert card.last_review == NOW


def test_due_today_counts_per_architecture_and_skips_retired_cards() -> None:
    progress = Progress()
    progress.record([("eks", "etcd-a"), ("eks", "etcd-b")], Grade.AGAIN, NOW, fuzz=False)
    progress.record([("ecs-ec2", "ecr")], Grade.GOOD, NOW, fuzz=False)
    assert progress.due_counts(NOW) == {"eks": 2}
    assert progress.is_due(("eks", "etcd-a"), NOW)
    assert not progress.is_due(("ecs-ec2", "ecr"), NOW)
    assert progress.due_counts(NOW + timedelta(days=30)) == {"eks": 2, "ecs-ec2": 1}
    assert progress.sync({"eks": ["etcd-a"], "ecs-ec2": ["ecr"]}) == 1
    assert progress.due_counts(NOW) == {"eks": 1}
    assert progress.next_due() == NOW + timedelta(minutes=10)


def test_end_of_day_is_local_midnight() -> None:
    limit = end_of_day(NOW)
    local = limit.astimezone()
    assert (local.hour, local.minute) == (0, 0)
    assert timedelta(0) < limit - NOW <= timedelta(days=1)


def test_model_edits_retire_and_revive_cards() -> None:
    progress = Progress()
    progress.record([("eks", "etcd-a"), ("eks", "gone")], Grade.GOOD, NOW, fuzz=False)
    progress.record([("mine", "web")], Grade.GOOD, NOW, fuzz=False)
    progress.sync({"eks": ["etcd-a"]})  # "mine" is not loaded now: left alone
    assert progress.cards["eks", "gone"].retired
    assert not progress.cards["mine", "web"].retired
    progress.sync({"eks": ["etcd-a", "gone"]})
    assert not progress.cards["eks", "gone"].retired
    assert progress.cards["eks", "gone"].stability is not None  # the schedule survived


def test_merge_keeps_the_latest_answer_of_each_card() -> None:
    first, second = Progress(), Progress()
    first.record([("eks", "etcd-a"), ("eks", "kubelet-mng")], Grade.GOOD, NOW, fuzz=False)
    second.record([("eks", "etcd-a")], Grade.AGAIN, NOW + timedelta(hours=1), fuzz=False)
    second.record([("kubernetes", "etcd")], Grade.GOOD, NOW, fuzz=False)
    merged = first.merged(second)
    assert set(merged.cards) == {("eks", "etcd-a"), ("eks", "kubelet-mng"), ("kubernetes", "etcd")}
    assert merged.cards["eks", "etcd-a"] == second.cards["eks", "etcd-a"]
    assert second.merged(first).cards == merged.cards


def test_a_reset_drops_older_answers_from_elsewhere() -> None:
    other_window = Progress()
    other_window.record([("eks", "etcd-a")], Grade.GOOD, NOW, fuzz=False)
    reset = Progress(reset_at=NOW + timedelta(minutes=5))
    assert reset.merged(other_window).cards == {}
    other_window.record([("eks", "kubelet-mng")], Grade.GOOD, NOW + timedelta(minutes=6), fuzz=False)
    assert set(reset.merged(other_window).cards) == {("eks", "kubelet-mng")}


def test_progress_round_trips_through_json() -> None:
    progress = Progress(reset_at=NOW - timedelta(days=3))
    progress.record([("eks", "etcd-a")], Grade.GOOD, NOW, fuzz=False)
    progress.record([("eks", "etcd-a")], Grade.AGAIN, NOW + timedelta(days=3), fuzz=False)
    progress.record([("ecs-ec2", "task-definition")], Grade.HARD, NOW, fuzz=False)
    progress.sync({"ecs-ec2": []})
    text = json.dumps(progress.to_data())
    restored = Progress.from_data(json.loads(text))
    assert restored == progress


HEADER = {"format": "architecture-explorer-progress", "version": 1}


def card(**fields: object) -> dict[str, object]:
    return {
        "architecture": "eks",
        "component": "x",
        "state": 2,
        "stability": 3.0,
        "difficulty": 5.0,
        "due": "2025-01-01T00:00:00",
        **fields,
    }


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        ([], "not a progress file"),
        ({"format": "something-else"}, "not a progress file"),
        ({**HEADER, "version": 99, "cards": []}, "unsupported version"),
        ({**HEADER, "cards": {}}, '"cards" must be a list'),
        ({**HEADER, "cards": [3]}, "cards[0]: expected an object"),
        ({**HEADER, "cards": [card(due="yesterday")]}, "cards[0].due: 'yesterday' is not an ISO 8601"),
        ({**HEADER, "cards": [card(architecture="")]}, "cards[0].architecture: expected a non-empty string"),
        ({**HEADER, "cards": [card(), card(state=7)]}, "cards[1].state: expected 1, 2 or 3"),
        ({**HEADER, "cards": [card(stability="big")]}, "cards[0].stability: expected a number"),
        ({**HEADER, "cards": [card()], "reset_at": 5}, "reset_at: expected an ISO 8601"),
    ],
)
def test_malformed_progress_is_rejected_with_the_place(data: object, problem: str) -> None:
    with pytest.raises(ProgressFormatError) as raised:
        Progress.from_data(data)
    assert problem in str(raised.value)
