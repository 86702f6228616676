"""A quiz session: the questions, the answers given, the score and what was missed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from models.revision.answers import TypedVerdict, Verdict, check_typed
from models.revision.items import QuizItem
from models.revision.questions import Question, QuestionKind
from models.revision.scheduler import Grade


@dataclass(frozen=True)
class Outcome:
    """What an answer did.

    ``final`` is False for an empty or too vague typed answer: the question
    stays open and nothing is scored.
    """

    question: Question
    correct: bool
    final: bool = True
    grade: Grade = Grade.AGAIN
    given: str = ""
    meant: QuizItem | None = None
    clicked: str | None = None
    verdict: TypedVerdict | None = None


@dataclass(frozen=True)
class Summary:
    right: int
    answered: int
    total: int
    missed: tuple[QuizItem, ...]

    @property
    def perfect(self) -> bool:
        return self.answered == self.total and self.right == self.total and self.total > 0


@dataclass
class QuizSession:
    """Questions asked in order; ``items_by_architecture`` lets typed answers name other items."""

    questions: list[Question]
    items_by_architecture: dict[str, Sequence[QuizItem]] = field(default_factory=dict)
    index: int = 0
    outcomes: list[Outcome] = field(default_factory=list)
    choices_shown: bool = False

    @property
    def current(self) -> Question | None:
        return self.questions[self.index] if self.index < len(self.questions) else None

    @property
    def answered(self) -> bool:
        """True once the current question has a final outcome."""
        return len(self.outcomes) > self.index

    @property
    def finished(self) -> bool:
        return self.index >= len(self.questions)

    @property
    def score(self) -> int:
        return sum(outcome.correct for outcome in self.outcomes)

    def show_choices(self) -> None:
        """The user asked for the four choices on an identify question: recognition, not recall."""
        self.choices_shown = True

    def answer_typed(self, text: str) -> Outcome:
        question = self._open_question()
        items = self.items_by_architecture.get(question.architecture_id, (question.item,))
        verdict = check_typed(text, question.item, items)
        if verdict.verdict in (Verdict.EMPTY, Verdict.VAGUE):
            return Outcome(question, False, final=False, given=text, verdict=verdict)
        correct = verdict.verdict is Verdict.RIGHT
        grade = self._grade(correct, recognised=question.kind is QuestionKind.IDENTIFY)
        return self._record(
            Outcome(question, correct, grade=grade, given=text, meant=verdict.meant, verdict=verdict)
        )

    def answer_choice(self, item_key: str) -> Outcome:
        question = self._open_question()
        chosen = next((option for option in question.options if option.key == item_key), None)
        correct = item_key == question.item.key
        grade = self._grade(correct, recognised=question.kind is QuestionKind.IDENTIFY)
        return self._record(
            Outcome(
                question,
                correct,
                grade=grade,
                given=chosen.label if chosen else item_key,
                meant=None if correct else chosen,
            )
        )

    def answer_click(self, component_id: str) -> Outcome:
        question = self._open_question()
        correct = question.item.contains(component_id)
        items = self.items_by_architecture.get(question.architecture_id, ())
        meant = None if correct else next((item for item in items if item.contains(component_id)), None)
        return self._record(
            Outcome(
                question,
                correct,
                grade=self._grade(correct),
                given=meant.label if meant else component_id,
                meant=meant,
                clicked=component_id,
            )
        )

    def skip(self) -> Outcome:
        """ "I don't know": counts as a miss, and the answer is revealed."""
        return self._record(Outcome(self._open_question(), False))

    def next(self) -> Question | None:
        """Moves on once the current question is answered; returns the new current question."""
        if self.answered:
            self.index += 1
            self.choices_shown = False
        return self.current

    def summary(self) -> Summary:
        missed: dict[tuple[str, str], QuizItem] = {}
        for outcome in self.outcomes:
            if not outcome.correct:
                item = outcome.question.item
                missed.setdefault((item.architecture_id, item.key), item)
        return Summary(self.score, len(self.outcomes), len(self.questions), tuple(missed.values()))

    def _open_question(self) -> Question:
        question = self.current
        if question is None or self.answered:
            raise RuntimeError("no open question to answer")
        return question

    def _grade(self, correct: bool, *, recognised: bool = False) -> Grade:
        if not correct:
            return Grade.AGAIN
        return Grade.HARD if recognised and self.choices_shown else Grade.GOOD

    def _record(self, outcome: Outcome) -> Outcome:
        self.outcomes.append(outcome)
        return outcome
