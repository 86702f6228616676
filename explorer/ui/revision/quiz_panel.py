"""The quiz dock: the question, the answer field and choices, the verdict and the way on."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.revision.questions import Question, QuestionKind
from models.revision.session import Outcome

RIGHT_STYLE = "background:#e6f4ea; border:1px solid #9bd3ae; border-radius:6px; padding:8px; color:#14532d;"
WRONG_STYLE = "background:#fdecea; border:1px solid #f1a7a0; border-radius:6px; padding:8px; color:#7f1d1d;"
HINT_STYLE = "background:#fff8e1; border:1px solid #ecd58a; border-radius:6px; padding:8px; color:#5c4400;"
CLUE_STYLE = "background:#f4f6f8; border-left:3px solid #1f6feb; padding:8px; font-style:italic;"
CHOICE_RIGHT = "QPushButton { background:#d7f0de; border:1px solid #3a9b5c; color:#14532d; padding:4px; }"
CHOICE_WRONG = "QPushButton { background:#fbdad6; border:1px solid #c0392b; color:#7f1d1d; padding:4px; }"


def dock_column(dock: QDockWidget) -> tuple[QWidget, QVBoxLayout]:
    """A quiz dock's body and its column: movable only (a quiz is not closed by its title bar)."""
    dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
    body = QWidget(dock)
    layout = QVBoxLayout(body)
    layout.setContentsMargins(10, 8, 10, 10)
    layout.setSpacing(8)
    return body, layout


def wrapping_label(parent: QWidget, name: str, *, rich: bool = False) -> QLabel:
    """A word-wrapped label named ``name`` (tests and style sheets find it by name)."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    if rich:
        label.setTextFormat(Qt.TextFormat.RichText)
    return label


def prompt_label(parent: QWidget, name: str, scale: float) -> QLabel:
    """The question: a wrapping label in bold, ``scale`` times the panel's font size."""
    label = wrapping_label(parent, name)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    return label


class QuizPanel(QDockWidget):
    """Shows one question at a time; every user action is a signal the quiz runner handles."""

    typed = Signal(str)
    chose = Signal(str)
    choices_requested = Signal()
    skipped = Signal()
    next_requested = Signal()
    end_requested = Signal()
    hard_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Revise", parent)
        self.setObjectName("quizPanel")
        body, layout = dock_column(self)

        self.progress_label = wrapping_label(body, "quizProgress")
        self.progress_bar = QProgressBar(body)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setMaximumHeight(6)
        self.prompt_label = prompt_label(body, "quizPrompt", 1.25)
        self.clue_label = wrapping_label(body, "quizClue")
        self.clue_label.setStyleSheet(CLUE_STYLE)

        self.answer_edit = QLineEdit(body)
        self.answer_edit.setObjectName("quizAnswer")
        self.answer_edit.setPlaceholderText("Type its name…")
        self.answer_edit.setClearButtonEnabled(True)
        self.answer_edit.setAccessibleName("Your answer")
        self.check_button = QPushButton("Check", body)
        answer_row = QHBoxLayout()
        answer_row.addWidget(self.answer_edit, 1)
        answer_row.addWidget(self.check_button)
        self.answer_row = QWidget(body)
        self.answer_row.setLayout(answer_row)
        answer_row.setContentsMargins(0, 0, 0, 0)

        self.show_choices_button = QPushButton("Show four choices", body)
        self.show_choices_button.setObjectName("quizShowChoices")
        self.show_choices_button.setToolTip(
            "Recognising is easier than recalling: a right choice counts as hard"
        )
        self.choices = QWidget(body)
        choices_layout = QVBoxLayout(self.choices)
        choices_layout.setContentsMargins(0, 0, 0, 0)
        choices_layout.setSpacing(4)
        self.choice_buttons: list[QPushButton] = []
        for index in range(4):
            button = QPushButton(self.choices)
            button.setObjectName(f"quizChoice{index + 1}")
            button.clicked.connect(lambda _checked=False, i=index: self._on_choice(i))
            choices_layout.addWidget(button)
            self.choice_buttons.append(button)
        self._option_keys: list[str] = []
        for index in range(4):
            # Plain 1-4 pick a shown choice; a focused text field keeps its digits.
            key = QShortcut(QKeySequence(str(index + 1)), self)
            key.activated.connect(lambda i=index: self._on_number(i))

        self.feedback_label = wrapping_label(body, "quizFeedback", rich=True)

        self.skip_button = QPushButton("I don't know", body)
        self.next_button = QPushButton("Next", body)
        self.next_button.setObjectName("quizNext")
        self.end_button = QPushButton("End session", body)
        buttons = QHBoxLayout()
        buttons.addWidget(self.skip_button)
        buttons.addStretch(1)
        buttons.addWidget(self.end_button)
        buttons.addWidget(self.next_button)
        self.hard_check = QCheckBox("Hide icons too (harder)", body)
        self.hard_check.setObjectName("quizHideIcons")

        for widget in (self.progress_label, self.progress_bar, self.prompt_label, self.clue_label):
            layout.addWidget(widget)
        layout.addWidget(self.answer_row)
        layout.addWidget(self.show_choices_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.choices)
        layout.addWidget(self.feedback_label)
        layout.addSpacing(4)
        layout.addLayout(buttons)
        layout.addWidget(self.hard_check)
        layout.addStretch(1)
        self.setWidget(body)
        self.setMinimumWidth(300)

        self.answer_edit.returnPressed.connect(self._on_typed)
        self.check_button.clicked.connect(self._on_typed)
        self.show_choices_button.clicked.connect(self._on_show_choices)
        self.skip_button.clicked.connect(self.skipped)
        self.next_button.clicked.connect(self.next_requested)
        self.end_button.clicked.connect(self.end_requested)
        self.hard_check.toggled.connect(self.hard_changed)

    # What is shown ---------------------------------------------------------

    def show_question(self, question: Question, number: int, total: int, score: int, title: str) -> None:
        """Shows question ``number`` (1-based) of ``total``; inputs are enabled, the verdict cleared."""
        self.progress_label.setText(f"{title}  ·  question {number} of {total}  ·  {score} right")
        self.progress_bar.setRange(0, total)
        self.progress_bar.setValue(number - 1)
        self.prompt_label.setText(question.prompt)
        kind = question.kind
        self.clue_label.setText(f"“{question.clue}”")
        self.clue_label.setVisible(kind is QuestionKind.DESCRIBE)
        self.answer_edit.clear()
        self.answer_row.setVisible(kind is QuestionKind.IDENTIFY)
        self.show_choices_button.setVisible(kind is QuestionKind.IDENTIFY)
        self._set_options(question)
        self.choices.setVisible(kind is QuestionKind.DESCRIBE)
        self._set_inputs_enabled(True)
        self.next_button.setText("Next")
        self.next_button.setEnabled(False)
        if kind is QuestionKind.LOCATE:
            self._set_feedback(
                "Click it on the diagram, or press Tab to move between components and Enter to answer.",
                HINT_STYLE,
            )
        else:
            self._set_feedback("", "")
        if kind is QuestionKind.IDENTIFY:
            self.answer_edit.setFocus()
        elif kind is QuestionKind.DESCRIBE:
            self.choice_buttons[0].setFocus()

    def show_waiting(self, text: str) -> None:
        """No question yet (its diagram is loading): only "End session" works."""
        self.prompt_label.setText(text)
        for widget in (self.clue_label, self.answer_row, self.show_choices_button, self.choices):
            widget.hide()
        self._set_inputs_enabled(False)
        self.next_button.setEnabled(False)
        self._set_feedback("", "")

    def reveal_choices(self) -> None:
        self.choices.setVisible(True)
        self.show_choices_button.setVisible(False)

    def show_hint(self, text: str) -> None:
        """A note that leaves the question open (answer too vague, nothing typed, not a component)."""
        self._set_feedback(html.escape(text), HINT_STYLE)

    def show_outcome(self, outcome: Outcome, score: int, answered: int, last: bool) -> None:
        """The verdict, with the right answer named; inputs are locked until the next question."""
        item = outcome.question.item
        right = html.escape(item.label)
        if outcome.correct:
            text = f"<b>Right</b>: it is <b>{right}</b>."
            if outcome.verdict is not None and outcome.verdict.corrected:
                text += " (Watch the spelling.)"
        elif outcome.given:
            text = f"<b>Not quite</b>: it is <b>{right}</b>, not {html.escape(outcome.given)}."
        else:
            text = f"It is <b>{right}</b>."
        text += " Its notes are in the notes panel."
        self._set_feedback(text, RIGHT_STYLE if outcome.correct else WRONG_STYLE)
        for button, key in zip(self.choice_buttons, self._option_keys, strict=False):
            if key == item.key:
                button.setStyleSheet(CHOICE_RIGHT)
            elif outcome.meant is not None and key == outcome.meant.key and not outcome.correct:
                button.setStyleSheet(CHOICE_WRONG)
        self.progress_label.setText(self.progress_label.text().rsplit("·", 1)[0] + f"·  {score} right")
        self.progress_bar.setValue(answered)
        self._set_inputs_enabled(False)
        self.next_button.setText("See the summary" if last else "Next")
        self.next_button.setEnabled(True)
        self.next_button.setDefault(True)
        self.next_button.setFocus()

    def feedback_text(self) -> str:
        return self.feedback_label.text()

    # Internals -------------------------------------------------------------

    def _set_options(self, question: Question) -> None:
        self._option_keys = [option.key for option in question.options]
        for index, button in enumerate(self.choice_buttons):
            button.setStyleSheet("")
            if index < len(question.options):
                label = question.options[index].label
                button.setText(f"&{index + 1}  {label.replace('&', '&&')}")
                button.setAccessibleName(label)
                button.show()
            else:
                button.hide()

    def _set_inputs_enabled(self, enabled: bool) -> None:
        for widget in (self.answer_edit, self.check_button, self.show_choices_button, self.skip_button):
            widget.setEnabled(enabled)
        for button in self.choice_buttons:
            button.setEnabled(enabled)

    def _set_feedback(self, text: str, style: str) -> None:
        self.feedback_label.setText(text)
        self.feedback_label.setStyleSheet(style)
        self.feedback_label.setVisible(bool(text))

    def _on_typed(self) -> None:
        if self.answer_edit.isEnabled():
            self.typed.emit(self.answer_edit.text())

    def _on_show_choices(self) -> None:
        self.reveal_choices()
        self.choices_requested.emit()
        if self.choice_buttons:
            self.choice_buttons[0].setFocus()

    def _on_number(self, index: int) -> None:
        button = self.choice_buttons[index]
        if self.choices.isVisible() and button.isVisible() and button.isEnabled():
            button.click()

    def _on_choice(self, index: int) -> None:
        if index < len(self._option_keys):
            self.chose.emit(self._option_keys[index])
