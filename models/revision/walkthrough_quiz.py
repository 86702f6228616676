"""Quiz questions on walkthroughs: "what happens next?" and "put these steps in order"."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

from models.walkthroughs import Step, Walkthrough

ORDER_LIMIT = 8
"""Most steps one ordering question shows; a longer walkthrough gives a run of consecutive steps."""


@dataclass(frozen=True)
class NextQuestion:
    """Step ``shown`` is on screen; the answer is a component that the next step brings in.

    Attributes:
        walkthrough: the walkthrough asked about.
        shown: index of the step shown (its emphasis and narration).
        answers: the components new in the next step; clicking any of them is right.
    """

    walkthrough: Walkthrough
    shown: int
    answers: frozenset[str]

    @property
    def step(self) -> Step:
        return self.walkthrough.steps[self.shown]

    @property
    def next_step(self) -> Step:
        return self.walkthrough.steps[self.shown + 1]

    @property
    def prompt(self) -> str:
        return f"After “{self.step.title}”, what happens next? Click the component."

    def check(self, component_id: str) -> bool:
        return component_id in self.answers


def next_questions(walkthrough: Walkthrough) -> list[NextQuestion]:
    """One question per step whose next step brings in at least one component not already shown."""
    questions = []
    for index, (step, following) in enumerate(zip(walkthrough.steps, walkthrough.steps[1:], strict=False)):
        new = frozenset(following.components) - frozenset(step.components)
        if new:
            questions.append(NextQuestion(walkthrough, index, new))
    return questions


def make_next_question(walkthrough: Walkthrough, rng: random.Random) -> NextQuestion | None:
    """A random "what happens next?" question, or None when no step brings in a new component."""
    questions = next_questions(walkthrough)
    return rng.choice(questions) if questions else None


@dataclass(frozen=True)
class OrderVerdict:
    """How an ordering answer went.

    Attributes:
        correct: every step in its place.
        in_place: how many steps are in their place.
        first_wrong: position (0-based) of the first misplaced step, None when correct.
    """

    correct: bool
    in_place: int
    first_wrong: int | None


@dataclass(frozen=True)
class OrderQuestion:
    """Some consecutive steps of a walkthrough, shuffled: put them back in order.

    Attributes:
        walkthrough: the walkthrough asked about.
        shown: step indices in the order they are shown (never already in order).
    """

    walkthrough: Walkthrough
    shown: tuple[int, ...]

    @property
    def prompt(self) -> str:
        return f"Put these steps of “{self.walkthrough.title}” in order."

    @property
    def steps(self) -> tuple[Step, ...]:
        """The steps in the order shown."""
        return tuple(self.walkthrough.steps[index] for index in self.shown)

    @property
    def solution(self) -> tuple[int, ...]:
        return tuple(sorted(self.shown))

    def check(self, order: Sequence[int]) -> OrderVerdict:
        """Checks ``order`` (step indices, first to last); it must hold exactly the shown steps."""
        if sorted(order) != list(self.solution):
            raise ValueError(f"expected an ordering of the steps {sorted(self.shown)}; got {list(order)}")
        matches = [given == expected for given, expected in zip(order, self.solution, strict=True)]
        first_wrong = next((position for position, ok in enumerate(matches) if not ok), None)
        return OrderVerdict(first_wrong is None, sum(matches), first_wrong)


def make_order_question(
    walkthrough: Walkthrough, rng: random.Random, limit: int = ORDER_LIMIT
) -> OrderQuestion:
    """Up to ``limit`` consecutive steps (all of them when the walkthrough is short), shuffled."""
    if len(walkthrough.steps) < 2:
        raise ValueError(f"walkthrough {walkthrough.id!r} has fewer than two steps: nothing to order")
    count = min(len(walkthrough.steps), max(limit, 2))
    start = rng.randrange(len(walkthrough.steps) - count + 1)
    indices = list(range(start, start + count))
    shown = indices[:]
    while shown == indices:
        rng.shuffle(shown)
    return OrderQuestion(walkthrough, tuple(shown))
