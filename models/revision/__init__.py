"""Revision: quiz questions on the diagrams, answer checking, spaced repetition and comparisons.

Pure Python (plus the pure ``fsrs`` package): no Qt, no Graphviz.
"""

from models.revision.answers import TypedVerdict, Verdict, check_typed
from models.revision.compare import DEFAULT_PAIRS, Counterparts, default_partner
from models.revision.comparisons import (
    Comparison,
    ComparisonsResult,
    Difference,
    GuidanceRef,
    load_comparisons,
)
from models.revision.decision import (
    KUBERNETES_QUESTIONS,
    QUESTIONS,
    TOPICS,
    Choice,
    DecisionTopic,
    Recommendation,
    recommend,
    recommend_kubernetes,
    topic_for,
)
from models.revision.items import QuizItem, item_for_component, quiz_items
from models.revision.planning import architecture_targets, card_keys, due_targets, items_by_architecture
from models.revision.progress import Progress, ProgressFormatError, end_of_day
from models.revision.questions import Question, QuestionKind, make_question, make_questions
from models.revision.scheduler import CardKey, CardState, Grade, review
from models.revision.session import Outcome, QuizSession, Summary

__all__ = [
    "DEFAULT_PAIRS",
    "KUBERNETES_QUESTIONS",
    "QUESTIONS",
    "TOPICS",
    "CardKey",
    "CardState",
    "Choice",
    "Comparison",
    "ComparisonsResult",
    "Counterparts",
    "DecisionTopic",
    "Difference",
    "Grade",
    "GuidanceRef",
    "Outcome",
    "Progress",
    "ProgressFormatError",
    "Question",
    "QuestionKind",
    "QuizItem",
    "QuizSession",
    "Recommendation",
    "Summary",
    "TypedVerdict",
    "Verdict",
    "architecture_targets",
    "card_keys",
    "check_typed",
    "default_partner",
    "due_targets",
    "end_of_day",
    "item_for_component",
    "items_by_architecture",
    "load_comparisons",
    "make_question",
    "make_questions",
    "quiz_items",
    "recommend",
    "recommend_kubernetes",
    "review",
    "topic_for",
]
