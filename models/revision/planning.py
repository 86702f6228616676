"""Which items a session asks about, and in what order, given the schedule."""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from datetime import datetime

from models.architecture import Architecture
from models.revision.items import QuizItem, quiz_items
from models.revision.progress import Progress, end_of_day
from models.revision.scheduler import CardKey

MAX_DUE_QUESTIONS = 30


def card_keys(item: QuizItem) -> list[CardKey]:
    return [(item.architecture_id, component_id) for component_id in item.component_ids]


def item_due(item: QuizItem, progress: Progress, now: datetime) -> bool:
    return any(progress.is_due(key, now) for key in card_keys(item))


def item_is_new(item: QuizItem, progress: Progress) -> bool:
    return all(progress.card(key) is None for key in card_keys(item))


def _earliest_due(item: QuizItem, progress: Progress) -> datetime | None:
    dues = [card.due for key in card_keys(item) if (card := progress.card(key)) and not card.retired]
    return min(dues) if dues else None


def architecture_targets(
    architecture: Architecture, progress: Progress, now: datetime, rng: random.Random
) -> list[QuizItem]:
    """Every item of the architecture: due ones first, then new ones, then the rest; shuffled within."""
    items = quiz_items(architecture)
    rng.shuffle(items)

    def bucket(item: QuizItem) -> int:
        if item_due(item, progress, now):
            return 0
        return 1 if item_is_new(item, progress) else 2

    return sorted(items, key=bucket)


def due_targets(
    architectures: Iterable[Architecture],
    progress: Progress,
    now: datetime,
    limit: int = MAX_DUE_QUESTIONS,
) -> list[QuizItem]:
    """Items due today across architectures, the most overdue first, at most ``limit``."""
    due = [
        item
        for architecture in architectures
        for item in quiz_items(architecture)
        if item_due(item, progress, now)
    ]
    horizon = end_of_day(now)
    due.sort(key=lambda item: _earliest_due(item, progress) or horizon)
    return due[:limit]


def due_item_counts(
    architectures: Iterable[Architecture], progress: Progress, now: datetime
) -> dict[str, int]:
    """How many items (questions) are due today per architecture; architectures with none are left out."""
    counts = {}
    for architecture in architectures:
        count = sum(item_due(item, progress, now) for item in quiz_items(architecture))
        if count:
            counts[architecture.id] = count
    return counts


def items_by_architecture(architectures: Iterable[Architecture]) -> dict[str, Sequence[QuizItem]]:
    return {architecture.id: quiz_items(architecture) for architecture in architectures}
