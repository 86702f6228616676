"""Quiz questions built from an architecture's items: identify, locate and describe."""

from __future__ import annotations

import enum
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass

from models.revision.items import QuizItem
from models.revision.names import normalize

OPTION_COUNT = 4
MASK = "___"


class QuestionKind(enum.Enum):
    IDENTIFY = "identify"
    """One component is highlighted on the diagram: which is it? (typed, or four choices)."""
    LOCATE = "locate"
    """Click the named component on the diagram."""
    DESCRIBE = "describe"
    """Its one-line description is shown: pick the component."""


@dataclass(frozen=True)
class Question:
    """One question about ``item``.

    Attributes:
        kind: what is asked.
        item: the right answer.
        focus: the member highlighted on the diagram (identify questions).
        options: the choices, the answer among them, in the order shown.
        clue: the description with the item's names masked (describe questions).
    """

    kind: QuestionKind
    item: QuizItem
    focus: str | None = None
    options: tuple[QuizItem, ...] = ()
    clue: str = ""

    @property
    def architecture_id(self) -> str:
        return self.item.architecture_id

    @property
    def prompt(self) -> str:
        if self.kind is QuestionKind.IDENTIFY:
            return "Which component is highlighted?"
        if self.kind is QuestionKind.LOCATE:
            return f"Click the {self.item.label} on the diagram."
        return "Which component does this?"


def mask_names(description: str, item: QuizItem) -> str:
    """The description with every name of the item blanked out, so the clue is not the answer."""
    masked = description
    for name in sorted(item.names, key=len, reverse=True):
        words = normalize(name).split()
        if not words or len("".join(words)) < 3:
            continue
        pattern = r"(?<!\w)" + r"[\s\-_/.]*".join(re.escape(word) for word in words) + r"(?!\w)"
        masked = re.sub(pattern, MASK, masked, flags=re.IGNORECASE)
    return masked


def describable(items: Sequence[QuizItem]) -> set[str]:
    """Keys of items whose description is non-empty, unique, and not only the item's names."""
    counts: dict[str, int] = {}
    for item in items:
        counts[normalize(item.description)] = counts.get(normalize(item.description), 0) + 1
    return {
        item.key
        for item in items
        if item.description
        and counts[normalize(item.description)] == 1
        and normalize(mask_names(item.description, item).replace(MASK, ""))
    }


def _similarity(target: QuizItem, other: QuizItem) -> int:
    score = 3 if other.kind == target.kind else 0
    score += 2 * len(set(normalize(target.label).split()) & set(normalize(other.label).split()))
    if other.members[0].group == target.members[0].group:
        score += 1
    return score


def choose_options(target: QuizItem, items: Sequence[QuizItem], rng: random.Random) -> tuple[QuizItem, ...]:
    """The target and up to three plausible distractors (similar kind, words or place), shuffled."""
    label = normalize(target.label)
    others = [item for item in items if item.key != target.key and normalize(item.label) != label]
    rng.shuffle(others)
    others.sort(key=lambda other: _similarity(target, other), reverse=True)
    distinct: list[QuizItem] = []
    for other in others:
        if normalize(other.label) not in {normalize(chosen.label) for chosen in distinct}:
            distinct.append(other)
        if len(distinct) == OPTION_COUNT - 1:
            break
    options = [target, *distinct]
    rng.shuffle(options)
    return tuple(options)


def make_question(
    kind: QuestionKind, item: QuizItem, items: Sequence[QuizItem], rng: random.Random
) -> Question:
    """A question of ``kind`` about ``item``; ``items`` are its architecture's items (for choices)."""
    if kind is QuestionKind.LOCATE:
        return Question(kind, item)
    options = choose_options(item, items, rng)
    if kind is QuestionKind.IDENTIFY:
        return Question(kind, item, focus=rng.choice(item.component_ids), options=options)
    return Question(kind, item, options=options, clue=mask_names(item.description, item))


def make_questions(
    targets: Sequence[QuizItem],
    items_by_architecture: dict[str, Sequence[QuizItem]],
    rng: random.Random,
    kinds: Sequence[QuestionKind] = tuple(QuestionKind),
) -> list[Question]:
    """One question per target, in order, cycling through ``kinds`` so every session mixes them."""
    questions = []
    describable_keys = {
        (architecture_id, key)
        for architecture_id, items in items_by_architecture.items()
        for key in describable(items)
    }
    offset = rng.randrange(len(kinds))
    for index, target in enumerate(targets):
        kind = kinds[(offset + index) % len(kinds)]
        if kind is QuestionKind.DESCRIBE and (target.architecture_id, target.key) not in describable_keys:
            kind = next((k for k in kinds if k is not QuestionKind.DESCRIBE), QuestionKind.IDENTIFY)
        items = items_by_architecture.get(target.architecture_id, (target,))
        questions.append(make_question(kind, target, items, rng))
    return questions
