"""The end of a quiz: the score, what was missed, and a way to revise those again."""

from __future__ import annotations

import html
from collections.abc import Mapping
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.revision.items import QuizItem
from models.revision.session import Summary


def describe_when(due: datetime, now: datetime) -> str:
    """ "today", "tomorrow", "in 3 days (Mon 12 May)"."""
    days = (due.astimezone().date() - now.astimezone().date()).days
    if days <= 0:
        return "today"
    if days == 1:
        return "tomorrow"
    return f"in {days} days ({due.astimezone():%a %d %b})"


class SummaryDialog(QDialog):
    """Emits ``revise_again`` with the missed items when the user asks to go over them now."""

    revise_again = Signal(list)

    def __init__(
        self,
        summary: Summary,
        titles: Mapping[str, str],
        next_due: datetime | None,
        now: datetime,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("quizSummary")
        self.setWindowTitle("Revision summary")
        self.summary = summary
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.setSpacing(10)

        self.score_label = QLabel(self)
        self.score_label.setObjectName("summaryScore")
        self.score_label.setTextFormat(Qt.TextFormat.RichText)
        self.score_label.setText(self._score_html(summary))
        layout.addWidget(self.score_label)

        self.missed_list = QListWidget(self)
        self.missed_list.setObjectName("summaryMissed")
        for item in summary.missed:
            row = QListWidgetItem(
                f"{item.label}  —  {titles.get(item.architecture_id, item.architecture_id)}"
            )
            row.setData(Qt.ItemDataRole.UserRole, (item.architecture_id, item.key))
            self.missed_list.addItem(row)
        if summary.missed:
            layout.addWidget(QLabel("<b>Missed</b>", self))
            layout.addWidget(self.missed_list)
            self.missed_list.setMaximumHeight(min(220, 26 * len(summary.missed) + 8))
        else:
            self.missed_list.hide()

        schedule = "Your answers have updated the schedule."
        if next_due is not None:
            schedule += f" Next review: <b>{html.escape(describe_when(next_due, now))}</b>."
        self.schedule_label = QLabel(schedule, self)
        self.schedule_label.setWordWrap(True)
        layout.addWidget(self.schedule_label)

        buttons = QDialogButtonBox(self)
        self.again_button = QPushButton("Revise these again", self)
        self.again_button.setObjectName("summaryAgain")
        buttons.addButton(self.again_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.again_button.setVisible(bool(summary.missed))
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setDefault(not summary.missed)
        self.again_button.setDefault(bool(summary.missed))
        buttons.rejected.connect(self.reject)
        self.again_button.clicked.connect(self._on_again)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    @property
    def missed(self) -> tuple[QuizItem, ...]:
        return self.summary.missed

    def _score_html(self, summary: Summary) -> str:
        total = summary.answered
        percent = round(100 * summary.right / total) if total else 0
        if summary.perfect:
            verdict = "A perfect score!"
        elif not total:
            verdict = "No question answered."
        elif percent >= 80:
            verdict = "Well done."
        else:
            verdict = "Keep going: the missed ones come back sooner."
        skipped = summary.total - summary.answered
        extra = f"<br><span style='color:#57606a'>{skipped} not reached</span>" if skipped else ""
        return (
            f"<div style='font-size:20pt; font-weight:600'>{summary.right} / {total}"
            f"<span style='font-size:12pt; color:#57606a'>  ({percent}%)</span></div>"
            f"<div style='font-size:11pt'>{verdict}{extra}</div>"
        )

    def _on_again(self) -> None:
        self.revise_again.emit(list(self.summary.missed))
        self.accept()
