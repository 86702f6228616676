"""Checking a typed answer against an item's label and aliases, forgivingly but not blindly.

Case, hyphens, spaces and punctuation never matter, and a short typo is
forgiven when no other item is as close. A name that fits several items (an
alias such as "container") is too vague rather than wrong, unless it is the
target's own label.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass

from models.revision.items import QuizItem
from models.revision.names import edit_distance, normalize, squashed, typo_allowance


class Verdict(enum.Enum):
    RIGHT = "right"
    WRONG = "wrong"
    VAGUE = "vague"
    """Fits several items: the user is asked to be more specific, with no penalty."""
    EMPTY = "empty"


@dataclass(frozen=True)
class TypedVerdict:
    """How a typed answer was judged.

    Attributes:
        verdict: right, wrong, too vague, or nothing typed.
        meant: for a wrong answer, the item the text names (if it names one).
        corrected: the answer was right but misspelt (the reveal shows the spelling).
    """

    verdict: Verdict
    meant: QuizItem | None = None
    corrected: bool = False


def _forms(name: str) -> tuple[str, str]:
    return normalize(name), squashed(name)


def names_item(item: QuizItem, answer: str) -> bool:
    """True when ``answer`` is exactly one of the item's names (ignoring case and separators)."""
    wanted = _forms(answer)
    return any(_forms(name)[0] == wanted[0] or _forms(name)[1] == wanted[1] for name in item.names)


def _is_own_label(item: QuizItem, answer: str) -> bool:
    labels = {item.label, *(member.label for member in item.members)}
    return any(squashed(label) == squashed(answer) for label in labels)


def _distance(item: QuizItem, answer: str) -> int | None:
    """The smallest forgiven edit distance from ``answer`` to one of the item's names."""
    typed = squashed(answer)
    best: int | None = None
    for name in item.names:
        allowance = typo_allowance(name)
        if allowance == 0:
            continue
        distance = edit_distance(typed, squashed(name), allowance)
        if distance <= allowance and (best is None or distance < best):
            best = distance
    return best


def check_typed(answer: str, target: QuizItem, items: Sequence[QuizItem]) -> TypedVerdict:
    """Judges ``answer`` to "which component is this?" when the answer is ``target``."""
    if not normalize(answer):
        return TypedVerdict(Verdict.EMPTY)
    exact = [item for item in items if names_item(item, answer)]
    if target not in exact and names_item(target, answer):
        exact.append(target)
    if exact:
        if target in exact:
            if len(exact) == 1 or _is_own_label(target, answer):
                return TypedVerdict(Verdict.RIGHT)
            return TypedVerdict(Verdict.VAGUE)
        owner = next((item for item in exact if _is_own_label(item, answer)), exact[0])
        return TypedVerdict(Verdict.WRONG, meant=owner)
    distances = {item.key: d for item in (*items, target) if (d := _distance(item, answer)) is not None}
    if not distances:
        return TypedVerdict(Verdict.WRONG)
    best = min(distances.values())
    closest = [item for item in items if distances.get(item.key) == best]
    if target.key in distances and distances[target.key] == best:
        if len(closest) <= 1:
            return TypedVerdict(Verdict.RIGHT, corrected=True)
        return TypedVerdict(Verdict.VAGUE)
    return TypedVerdict(Verdict.WRONG, meant=closest[0] if len(closest) == 1 else None)
