"""The decision helper: a few questions on one topic, and a recommendation that explains itself."""

from __future__ import annotations

import html

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from models.revision.decision import ECS_TOPIC, DecisionTopic, Recommendation


class DecisionDialog(QDialog):
    """Emits ``recommended(architecture_id)`` ("" for plain EC2) whenever the advice changes."""

    recommended = Signal(str)

    def __init__(self, parent: QWidget | None = None, topic: DecisionTopic = ECS_TOPIC) -> None:
        super().__init__(parent)
        self.topic = topic
        self.setObjectName("decisionHelper")
        self.setWindowTitle(topic.title)
        self.setModal(False)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 14, 16, 12)
        columns = QHBoxLayout()
        columns.setSpacing(18)
        outer.addLayout(columns, 1)
        layout = QVBoxLayout()
        layout.setSpacing(6)
        columns.addLayout(layout, 3)
        intro = QLabel("Answer a few questions; the advice on the right updates as you go.", self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.groups: dict[str, QButtonGroup] = {}
        self.buttons: dict[tuple[str, str], QRadioButton] = {}
        for question in topic.questions:
            label = QLabel(f"<b>{html.escape(question.text)}</b>", self)
            label.setWordWrap(True)
            layout.addSpacing(6)
            layout.addWidget(label)
            group = QButtonGroup(self)
            for answer_id, text in question.options:
                button = QRadioButton(text, self)
                button.setObjectName(f"decision_{question.id}_{answer_id}")
                group.addButton(button)
                layout.addWidget(button)
                self.buttons[question.id, answer_id] = button
            group.buttonToggled.connect(self._on_toggled)
            self.groups[question.id] = group
        layout.addStretch(1)

        self.result_view = QTextBrowser(self)
        self.result_view.setObjectName("decisionResult")
        self.result_view.setOpenLinks(False)
        self.result_view.setMinimumWidth(340)
        self.result_view.setStyleSheet("QTextBrowser { background:#f6f8fa; border:1px solid #d0d7de; }")
        columns.addWidget(self.result_view, 2)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Reset | QDialogButtonBox.StandardButton.Close)
        box.button(QDialogButtonBox.StandardButton.Reset).clicked.connect(self.reset)
        box.rejected.connect(self.close)
        outer.addWidget(box)
        self.resize(920, 520)
        self.recommendation: Recommendation | None = None
        self._show_result()

    def answers(self) -> dict[str, str]:
        chosen = {}
        for (question_id, answer_id), button in self.buttons.items():
            if button.isChecked():
                chosen[question_id] = answer_id
        return chosen

    def choose(self, question_id: str, answer_id: str) -> None:
        """Clicks an answer (as the user would)."""
        self.buttons[question_id, answer_id].click()

    def reset(self) -> None:
        for group in self.groups.values():
            group.setExclusive(False)
            for button in group.buttons():
                button.setChecked(False)
            group.setExclusive(True)
        self.recommendation = None
        self._show_result()
        self.recommended.emit("")

    def _on_toggled(self, _button: QRadioButton, checked: bool) -> None:
        if checked:
            self.recommendation = self.topic.recommend(self.answers())
            self._show_result()
            self.recommended.emit(self.recommendation.architecture_id or "")

    def _show_result(self) -> None:
        result = self.recommendation
        if result is None:
            self.result_view.setHtml("<p><i>Your recommendation will appear here.</i></p>")
            return
        answered = len(self.answers())
        parts = [f"<p style='font-size:13pt'><b>Recommended: {html.escape(result.choice.value)}</b></p>"]
        parts.append("<p><b>Why:</b></p><ul>")
        parts += [f"<li>{html.escape(reason)}</li>" for reason in result.reasons]
        parts.append("</ul>")
        if result.caveats:
            parts.append("<p><b>Keep in mind:</b></p><ul>")
            parts += [f"<li>{html.escape(caveat)}</li>" for caveat in result.caveats]
            parts.append("</ul>")
        if answered < len(self.topic.questions):
            parts.append(
                f"<p style='color:#57606a'>Based on {answered} of {len(self.topic.questions)} answers.</p>"
            )
        if result.architecture_id is None:
            parts.append("<p style='color:#57606a'>Plain EC2 has no diagram here: it is one instance "
                         "running Docker, with nothing around it.</p>")  # fmt: skip
        self.result_view.setHtml("".join(parts))

    def result_text(self) -> str:
        return self.result_view.toPlainText()
