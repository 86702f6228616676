"""Revision progress: every card's schedule, JSON-ready, mergeable between windows.

Cards are keyed by architecture id and component id, so editing a model keeps
the progress of the components that stay; a component that disappears has its
card retired (kept, but never due) rather than deleted.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, time, timedelta
from typing import Any

from models._schema import ID_RULE, is_id, preview
from models.revision.scheduler import LEARNING, RELEARNING, REVIEW, CardKey, CardState, Grade, review, utc

FORMAT = "architecture-explorer-progress"
VERSION = 1
EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)
LATEST = datetime(9000, 1, 1, tzinfo=UTC)
"""Moments outside these years are damage; the margin to year 9999 keeps scheduling from overflowing."""
MAX_STEP = 100
MAX_COUNT = 10**9
MIN_STABILITY = 0.001
"""The scheduler's own floor."""
MAX_STABILITY = 10.0**6
"""Days; the scheduler caps intervals at 100 years, so anything near this is damage."""
MAX_MOMENT_CHARS = 64


class ProgressFormatError(ValueError):
    """Progress data that is not what this app writes; the message says what is wrong."""


def end_of_day(now: datetime) -> datetime:
    """The end of ``now``'s day in the local time zone, as UTC: "due today" means due before it."""
    local = now.astimezone()
    tomorrow = datetime.combine(local.date() + timedelta(days=1), time(), tzinfo=local.tzinfo)
    return utc(tomorrow)


@dataclass
class Progress:
    """All cards, plus when progress was last reset (see :meth:`merged`)."""

    cards: dict[CardKey, CardState] = field(default_factory=dict)
    reset_at: datetime | None = None

    def card(self, key: CardKey) -> CardState | None:
        return self.cards.get(key)

    def record(
        self, keys: Iterable[CardKey], grade: Grade, now: datetime, *, fuzz: bool = True
    ) -> list[CardState]:
        """Reviews each card in ``keys`` with ``grade``; returns the updated cards."""
        updated = []
        for key in keys:
            card = review(self.cards.get(key), key, grade, now, fuzz=fuzz)
            self.cards[key] = card
            updated.append(card)
        return updated

    def is_due(self, key: CardKey, now: datetime) -> bool:
        card = self.cards.get(key)
        return card is not None and not card.retired and card.due <= end_of_day(now)

    def due_counts(self, now: datetime) -> dict[str, int]:
        """How many active cards are due today, per architecture id."""
        limit = end_of_day(now)
        counts: dict[str, int] = {}
        for (architecture_id, _component), card in self.cards.items():
            if not card.retired and card.due <= limit:
                counts[architecture_id] = counts.get(architecture_id, 0) + 1
        return counts

    def next_due(self) -> datetime | None:
        active = [card.due for card in self.cards.values() if not card.retired]
        return min(active) if active else None

    def sync(self, components: Mapping[str, Iterable[str]]) -> int:
        """Retires cards of components no longer in their architecture, revives returning ones.

        ``components`` maps each loaded architecture id to its component ids;
        cards of architectures not loaded now are left alone. Returns how many
        cards changed.
        """
        present = {architecture_id: set(ids) for architecture_id, ids in components.items()}
        changed = 0
        for key, card in list(self.cards.items()):
            architecture_id, component_id = key
            if architecture_id not in present:
                continue
            retired = component_id not in present[architecture_id]
            if retired != card.retired:
                self.cards[key] = replace(card, retired=retired)
                changed += 1
        return changed

    def merged(self, other: Progress) -> Progress:
        """Both sets of cards; where both have a card, the one answered last wins.

        A reset drops only the cards of a side that had not seen it yet (an older
        ``reset_at``) and were answered before it. Cards of a side that knew of the
        reset are always kept, whatever the clocks say: a reset recorded by a clock
        that ran ahead must not wipe every answer given until the clock catches up.
        """
        reset_at = max((moment for moment in (self.reset_at, other.reset_at) if moment), default=None)
        cards: dict[CardKey, CardState] = {}
        for side in (self, other):
            stale = reset_at is not None and (side.reset_at is None or side.reset_at < reset_at)
            for key, card in side.cards.items():
                if (
                    stale
                    and reset_at is not None
                    and (card.last_review is None or card.last_review < reset_at)
                ):
                    continue
                kept = cards.get(key)
                if kept is None or _answered_at(card) > _answered_at(kept):
                    cards[key] = card
        return Progress(cards, reset_at)

    def to_data(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "reset_at": self.reset_at.isoformat() if self.reset_at else None,
            "cards": [_card_data(card) for _key, card in sorted(self.cards.items())],
        }

    @classmethod
    def from_data(cls, data: object) -> Progress:
        """Progress from parsed JSON; raises :class:`ProgressFormatError` naming the problem."""
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ProgressFormatError(f'not a progress file (expected "format": "{FORMAT}")')
        if data.get("version") != VERSION:
            raise ProgressFormatError(
                f"unsupported version {preview(data.get('version'))} (expected {VERSION})"
            )
        raw_cards = data.get("cards")
        if not isinstance(raw_cards, list):
            raise ProgressFormatError('"cards" must be a list')
        cards = {}
        for index, raw in enumerate(raw_cards):
            card = _card_from(raw, f"cards[{index}]")
            cards[card.key] = card
        return cls(cards, _moment(data.get("reset_at"), "reset_at", optional=True))


def _answered_at(card: CardState) -> datetime:
    return card.last_review or datetime.min.replace(tzinfo=card.due.tzinfo)


def _card_data(card: CardState) -> dict[str, Any]:
    return {
        "architecture": card.key[0],
        "component": card.key[1],
        "state": card.state,
        "step": card.step,
        "stability": card.stability,
        "difficulty": card.difficulty,
        "due": card.due.isoformat(),
        "last_review": card.last_review.isoformat() if card.last_review else None,
        "reviews": card.reviews,
        "lapses": card.lapses,
        "retired": card.retired,
    }


def _card_from(raw: object, where: str) -> CardState:
    if not isinstance(raw, dict):
        raise ProgressFormatError(f"{where}: expected an object")
    state = raw.get("state")
    if type(state) is not int or state not in (LEARNING, REVIEW, RELEARNING):
        raise ProgressFormatError(f"{where}.state: expected 1, 2 or 3; got {preview(state)}")
    due = _moment(raw.get("due"), f"{where}.due")
    assert due is not None
    card = CardState(
        key=(
            _id(raw.get("architecture"), f"{where}.architecture"),
            _id(raw.get("component"), f"{where}.component"),
        ),
        state=state,
        step=_whole(raw.get("step"), f"{where}.step", 0, MAX_STEP, optional=True),
        stability=_real(raw.get("stability"), f"{where}.stability", MIN_STABILITY, MAX_STABILITY),
        difficulty=_real(raw.get("difficulty"), f"{where}.difficulty", 1.0, 10.0),
        due=due,
        last_review=_moment(raw.get("last_review"), f"{where}.last_review", optional=True),
        reviews=_whole(raw.get("reviews", 0), f"{where}.reviews", 0, MAX_COUNT) or 0,
        lapses=_whole(raw.get("lapses", 0), f"{where}.lapses", 0, MAX_COUNT) or 0,
        retired=_flag(raw.get("retired", False), f"{where}.retired"),
    )
    _check_schedulable(card, where)
    return card


def _check_schedulable(card: CardState, where: str) -> None:
    """What the scheduler needs to answer the card again (it asserts on these, deep inside)."""
    if card.state in (LEARNING, RELEARNING) and card.step is None:
        raise ProgressFormatError(f"{where}.step: required while learning or relearning")
    if card.state in (REVIEW, RELEARNING) and (card.stability is None or card.difficulty is None):
        raise ProgressFormatError(f"{where}: a card in review needs its stability and difficulty")


def _id(value: object, where: str) -> str:
    if not isinstance(value, str) or not value:
        raise ProgressFormatError(f"{where}: expected a non-empty string")
    if not is_id(value):
        raise ProgressFormatError(f"{where}: expected {ID_RULE}; got {preview(value)}")
    return value


def _whole(value: object, where: str, low: int, high: int, *, optional: bool = False) -> int | None:
    """A whole number in [low, high]; JSON writers may spell it ``3.0``."""
    if value is None and optional:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ProgressFormatError(
            f"{where}: expected a whole number from {low} to {high:,}; got {preview(value)}"
        )
    return value


def _real(value: object, where: str, low: float, high: float) -> float | None:
    """An optional finite number in [low, high] (NaN and infinities fail the range test)."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
        raise ProgressFormatError(
            f"{where}: expected a number from {low:g} to {high:g}; got {preview(value)}"
        )
    return float(value)


def _flag(value: object, where: str) -> bool:
    if not isinstance(value, bool):
        raise ProgressFormatError(f"{where}: expected true or false; got {preview(value)}")
    return value


def _moment(value: object, where: str, optional: bool = False) -> datetime | None:
    if value is None and optional:
        return None
    if not isinstance(value, str) or len(value) > MAX_MOMENT_CHARS:
        raise ProgressFormatError(f"{where}: expected an ISO 8601 date and time")
    try:
        moment = utc(datetime.fromisoformat(value))
    except ValueError:
        raise ProgressFormatError(f"{where}: {value!r} is not an ISO 8601 date and time") from None
    except OverflowError:  # a valid date that leaves the calendar once moved to UTC
        moment = None
    if moment is None or not EARLIEST <= moment <= LATEST:
        raise ProgressFormatError(f"{where}: {value!r} is outside {EARLIEST.year} to {LATEST.year}")
    return moment
