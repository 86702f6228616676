"""Revision progress: every card's schedule, JSON-ready, mergeable between windows.

Cards are keyed by architecture id and component id, so editing a model keeps
the progress of the components that stay; a component that disappears has its
card retired (kept, but never due) rather than deleted.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, time, timedelta
from typing import Any

from models.revision.scheduler import CardKey, CardState, Grade, review, utc

FORMAT = "architecture-explorer-progress"
VERSION = 1


class ProgressFormatError(ValueError):
    """Progress data that is not what this app writes; the message says what is wrong."""


def end_of_day(now: datetime) -> datetime:
    """The end of ``now``'s day in the local time zone, as UTC: "due today" means due before it."""
    local = now.astimezone()
    tomorrow = datetime.combine(local.date() + timedelta(days=1), time(), tzinfo=local.tzinfo)
    return utc(tomorrow)


@dataclass
class Progress:
    """All cards, plus when progress was last reset (older reviews from elsewhere are dropped)."""

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
        """Both sets of cards; where both have a card, the one answered last wins."""
        reset_at = max((moment for moment in (self.reset_at, other.reset_at) if moment), default=None)
        cards: dict[CardKey, CardState] = {}
        for source in (self.cards, other.cards):
            for key, card in source.items():
                if reset_at is not None and (card.last_review is None or card.last_review < reset_at):
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
            raise ProgressFormatError(f"unsupported version {data.get('version')!r} (expected {VERSION})")
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

    def text(name: str) -> str:
        value = raw.get(name)
        if not isinstance(value, str) or not value:
            raise ProgressFormatError(f"{where}.{name}: expected a non-empty string")
        return value

    def number(name: str, kind: type, optional: bool = False) -> Any:
        value = raw.get(name)
        if value is None and optional:
            return None
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or (kind is int and value != int(value))
        ):
            raise ProgressFormatError(f"{where}.{name}: expected a number")
        return kind(value)

    state = number("state", int)
    if state not in (1, 2, 3):
        raise ProgressFormatError(f"{where}.state: expected 1, 2 or 3")
    due = _moment(raw.get("due"), f"{where}.due")
    assert due is not None
    return CardState(
        key=(text("architecture"), text("component")),
        state=state,
        step=number("step", int, optional=True),
        stability=number("stability", float, optional=True),
        difficulty=number("difficulty", float, optional=True),
        due=due,
        last_review=_moment(raw.get("last_review"), f"{where}.last_review", optional=True),
        reviews=number("reviews", int, optional=True) or 0,
        lapses=number("lapses", int, optional=True) or 0,
        retired=bool(raw.get("retired", False)),
    )


def _moment(value: object, where: str, optional: bool = False) -> datetime | None:
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise ProgressFormatError(f"{where}: expected an ISO 8601 date and time")
    try:
        return utc(datetime.fromisoformat(value))
    except ValueError:
        raise ProgressFormatError(f"{where}: {value!r} is not an ISO 8601 date and time") from None
