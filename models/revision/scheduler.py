"""Spaced repetition with FSRS (the ``fsrs`` package): one card per component of an architecture.

A right answer moves a card to the review state with an interval that grows
with each success; a wrong one sends it back to a ten-minute relearning step,
so it is due again the same day. The scheduler's settings are fixed here so
every window, and every import of exported progress, schedules alike.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from functools import lru_cache

from fsrs import Card, Rating, Scheduler, State

STEP = timedelta(minutes=10)
NEW, LEARNING, REVIEW, RELEARNING = 0, int(State.Learning), int(State.Review), int(State.Relearning)


class Grade(enum.IntEnum):
    """How well a card was known: FSRS's four ratings."""

    AGAIN = int(Rating.Again)
    HARD = int(Rating.Hard)
    GOOD = int(Rating.Good)
    EASY = int(Rating.Easy)


CardKey = tuple[str, str]
"""(architecture id, component id)."""


@dataclass(frozen=True)
class CardState:
    """The schedule of one component's card.

    Attributes:
        key: (architecture id, component id).
        state: FSRS state (1 learning, 2 review, 3 relearning).
        step: the learning or relearning step, None in review.
        stability: days for recall probability to fall to 90 %.
        difficulty: 1 (easy) to 10 (hard).
        due: when it should be revised next (UTC).
        last_review: when it was last answered (UTC).
        reviews: answers so far; lapses: wrong answers once learnt.
        retired: the component left the model; kept in case it comes back.
    """

    key: CardKey
    state: int
    step: int | None
    stability: float | None
    difficulty: float | None
    due: datetime
    last_review: datetime | None
    reviews: int = 0
    lapses: int = 0
    retired: bool = False

    @property
    def interval(self) -> timedelta:
        """Time from the last answer to the next due date."""
        return self.due - self.last_review if self.last_review else timedelta(0)


@lru_cache(maxsize=2)
def _scheduler(fuzz: bool) -> Scheduler:
    return Scheduler(learning_steps=(STEP,), relearning_steps=(STEP,), enable_fuzzing=fuzz)


def utc(moment: datetime) -> datetime:
    """``moment`` as an aware UTC datetime (naive values are taken as UTC)."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def review(
    card: CardState | None, key: CardKey, grade: Grade, now: datetime, *, fuzz: bool = True
) -> CardState:
    """The card after an answer graded ``grade`` at ``now`` (``card`` None: first answer)."""
    now = utc(now)
    if card is None:
        fsrs_card = Card(card_id=1, due=now)
    else:
        fsrs_card = Card(
            card_id=1,
            state=State(card.state),
            step=card.step,
            stability=card.stability,
            difficulty=card.difficulty,
            due=card.due,
            last_review=card.last_review,
        )
    was_learnt = fsrs_card.state == State.Review
    updated, _log = _scheduler(fuzz).review_card(fsrs_card, Rating(int(grade)), now)
    previous = card or CardState(key, NEW, None, None, None, now, None)
    return replace(
        previous,
        key=key,
        state=int(updated.state),
        step=updated.step,
        stability=updated.stability,
        difficulty=updated.difficulty,
        due=utc(updated.due),
        last_review=now,
        reviews=previous.reviews + 1,
        lapses=previous.lapses + (1 if was_learnt and grade is Grade.AGAIN else 0),
        retired=False,
    )
