"""Revision in the main window: the actions, the schedule, due counts, quizzes and their summaries."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox, QToolButton

from explorer.app_state import Mode
from explorer.revision.store import ProgressError, ProgressStore
from explorer.ui.revision.quiz_panel import QuizPanel
from explorer.ui.revision.quiz_runner import QuizRunner
from explorer.ui.revision.summary_dialog import SummaryDialog, describe_when
from explorer.ui.revision.walkthrough_quiz_panel import WalkthroughQuizPanel
from explorer.ui.revision.walkthrough_quiz_runner import (
    WalkthroughQuizRunner,
    pick_walkthrough,
    questions_for,
)
from explorer.ui.walkthrough.controller import WalkthroughController
from models.revision.items import QuizItem
from models.revision.planning import (
    architecture_targets,
    card_keys,
    due_item_counts,
    due_targets,
    items_by_architecture,
)
from models.revision.progress import Progress
from models.revision.questions import make_questions
from models.revision.scheduler import Grade
from models.revision.session import Outcome, QuizSession
from models.revision.walkthrough_cards import due_walkthroughs, sync_ids, walkthrough_card_key
from models.walkthroughs import Walkthrough

if TYPE_CHECKING:
    from explorer.ui.revision.compare_window import CompareWindow
    from explorer.ui.window_api import ExplorerWindow


class RevisionController(QObject):
    """Owns the progress of one window and everything revision adds to it."""

    def __init__(
        self,
        window: ExplorerWindow,
        store: ProgressStore | None = None,
        clock: Callable[[], datetime] | None = None,
        rng: random.Random | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.store = store or ProgressStore()
        self.clock = clock or (lambda: datetime.now(UTC))
        self.rng = rng or random.Random()
        self.runner: QuizRunner | None = None
        self._counted: tuple[object, ...] = ()
        """The :meth:`_count_basis` of the last due counts."""
        self.summary_dialog: SummaryDialog | None = None
        self.compare_window: CompareWindow | None = None
        self.walkthrough_runner: WalkthroughQuizRunner | None = None
        loaded = self.store.load()
        self.progress = loaded.progress
        self.load_problem = loaded.problem

        self.panel = QuizPanel(window)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.panel)
        window.splitDockWidget(self.panel, window.notes_panel, Qt.Orientation.Vertical)
        self.panel.hide()
        self.walkthrough_panel = WalkthroughQuizPanel(window)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.walkthrough_panel)
        window.splitDockWidget(self.walkthrough_panel, window.notes_panel, Qt.Orientation.Vertical)
        self.walkthrough_panel.hide()
        self.actions: Mapping[str, QAction] = {}
        self.due_button = QToolButton(window)
        self.due_button.setObjectName("dueButton")
        self.due_button.setAutoRaise(True)
        self.due_button.setToolTip(
            "Cards due for revision today, in every architecture: click to revise them"
        )
        self.due_button.clicked.connect(self.revise_due)
        window.statusBar().addPermanentWidget(self.due_button)
        window.architecture_shown.connect(self._on_architecture_shown)
        self._sync_with_models()
        self.refresh_due()
        if self.load_problem:
            self._warn("Revision progress", self.load_problem)

    # Actions ---------------------------------------------------------------

    def connect_actions(self, actions: Mapping[str, QAction]) -> None:
        """Takes the window's actions (declared in :mod:`explorer.ui.action_registry`)."""
        self.actions = actions
        hard = actions["hide_icons"]
        hard.setChecked(self.window.settings.hide_icons())
        self.panel.hard_changed.connect(hard.setChecked)

    def handlers(self) -> dict[str, Callable[..., object]]:
        """What each revision action does, by action name."""
        return {
            "revise": self.toggle_revision,
            "revise_due": self.revise_due,
            "walkthrough_quiz": self.quiz_walkthrough,
            "compare": self.open_compare,
            "reset_progress": self.reset_progress,
            "export_progress": self.export_progress,
            "import_progress": self.import_progress,
            "hide_icons": self._on_hard_toggled,
        }

    @property
    def hide_icons(self) -> bool:
        return self.actions["hide_icons"].isChecked()

    def _on_hard_toggled(self, checked: bool) -> None:
        self.window.settings.set_hide_icons(checked)
        if self.runner is not None and self.runner.active and self.panel.hard_check.isChecked() != checked:
            self.panel.hard_check.setChecked(checked)

    # Quizzes ---------------------------------------------------------------

    def toggle_revision(self) -> None:
        """Ctrl+R: revise the architecture on screen, or end the quiz that is running."""
        if self.walkthrough_runner is not None and self.walkthrough_runner.active:
            self.walkthrough_runner.stop()
            return
        if self.runner is not None and self.runner.active:
            self.runner.stop()
            return
        architecture = self.window.architecture
        if architecture is None or self.window.scene is None:
            self.window.show_status("There is no diagram to revise.")
            return
        targets = architecture_targets(architecture, self.progress, self.clock(), self.rng)
        self.start(targets)

    def revise_due(self) -> None:
        """A quiz over the cards due today in every architecture (a due walkthrough when no component is)."""
        self._stop_quizzes()
        self._save()  # saving merges in what other windows saved
        now = self.clock()
        targets = due_targets(self.window.sources.architectures.values(), self.progress, now)
        due_flows = due_walkthroughs(self.window.sources.walkthroughs, self.progress, now)
        if not targets and due_flows:
            self.quiz_walkthrough(due_flows[0].id)  # components first; then each due walkthrough
            return
        if not targets:
            next_due = self.progress.next_due()
            when = f" The next review is {describe_when(next_due, now)}." if next_due else ""
            self._inform("Nothing is due", f"No card is due for revision today.{when}")
            return
        self.start(targets)

    def quiz_walkthrough(self, walkthrough_id: str | None = None) -> WalkthroughQuizRunner | None:
        """Quizzes one walkthrough: the one given, else the one on screen or of this architecture."""
        walkthroughs = self.window.sources.walkthroughs
        # The window's walkthrough controller (a child of it) knows which one is being stepped through.
        stepping = self.window.findChild(WalkthroughController)
        running = stepping.walkthrough if stepping is not None else None
        walkthrough = (
            next((w for w in walkthroughs if w.id == walkthrough_id), None)
            if walkthrough_id
            else pick_walkthrough(walkthroughs, running, self.window.current_id)
        )
        questions = questions_for(walkthrough, self.rng) if walkthrough is not None else []
        if walkthrough is None or not questions:
            self.window.show_status("There is no walkthrough to quiz.")
            return None
        self._stop_quizzes()
        self.window.state.set_mode(Mode.REVISE)  # ends a walkthrough being stepped through
        runner = WalkthroughQuizRunner(self.window, self.walkthrough_panel, walkthrough, questions)
        runner.finished.connect(self._on_walkthrough_finished)
        self.walkthrough_runner = runner
        runner.start()
        self.window.resizeDocks([self.walkthrough_panel], [460], Qt.Orientation.Vertical)
        return runner

    def _on_walkthrough_finished(self, walkthrough: Walkthrough, grade: Grade | None) -> None:
        self.window.state.set_mode(Mode.EXPLORE)
        if grade is None:
            return
        self.progress.record([walkthrough_card_key(walkthrough)], grade, self.clock())
        self._save()
        due = self.progress.card(walkthrough_card_key(walkthrough))
        when = f" Next review {describe_when(due.due, self.clock())}." if due is not None else ""
        self.window.show_status(f"“{walkthrough.title}” rated {grade.name.capitalize()}.{when}")

    def _stop_quizzes(self) -> None:
        if self.runner is not None and self.runner.active:
            self.runner.stop()
        if self.walkthrough_runner is not None and self.walkthrough_runner.active:
            self.walkthrough_runner.stop()

    def start(self, targets: Iterable[QuizItem]) -> QuizRunner | None:
        """Starts a quiz over ``targets`` (items of any loaded architectures)."""
        targets = [t for t in targets if t.architecture_id in self.window.sources.architectures]
        if not targets:
            return None
        architectures = [self.window.sources.architectures[i] for i in {t.architecture_id for t in targets}]
        items = items_by_architecture(architectures)
        return self.run(QuizSession(make_questions(targets, items, self.rng), items))

    def run(self, session: QuizSession) -> QuizRunner:
        """Runs ``session`` on the window (ending any quiz still running)."""
        self._stop_quizzes()
        self.runner = QuizRunner(self.window, self.panel, session, self.hide_icons)
        self.runner.answered.connect(self.record)
        self.runner.finished.connect(self._on_finished)
        self.window.resizeDocks([self.panel], [380], Qt.Orientation.Vertical)
        self.window.state.set_mode(Mode.REVISE)
        self.runner.start()
        return self.runner

    def record(self, outcome: Outcome) -> None:
        """Updates the schedule of every card the answered item stands for, and saves it."""
        self.progress.record(card_keys(outcome.question.item), outcome.grade, self.clock())
        self._save()

    def _on_finished(self, session: QuizSession) -> None:
        self.window.state.set_mode(Mode.EXPLORE)
        summary = session.summary()
        titles = {key: architecture.title for key, architecture in self.window.sources.architectures.items()}
        dialog = SummaryDialog(summary, titles, self.progress.next_due(), self.clock(), self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.revise_again.connect(self.start)
        self.summary_dialog = dialog
        dialog.open()

    # Progress --------------------------------------------------------------

    def refresh_due(self) -> dict[str, int]:
        """Updates the badges in the architecture list and the count in the status bar."""
        self._counted = self._count_basis()
        counts = due_item_counts(self.window.sources.architectures.values(), self.progress, self.clock())
        for walkthrough in due_walkthroughs(self.window.sources.walkthroughs, self.progress, self.clock()):
            counts[walkthrough.architecture] = counts.get(walkthrough.architecture, 0) + 1
        self.window.architecture_list.set_badges(counts)
        total = sum(counts.values())
        self.due_button.setText(f"{total} due today" if total else "Nothing due today")
        return counts

    def reset_progress(self) -> None:
        count = sum(1 for card in self.progress.cards.values() if not card.retired)
        answer = QMessageBox.question(
            self.window,
            "Reset revision progress",
            f"Forget the schedule of all {count} cards? Every component becomes new again. "
            "This cannot be undone; export your progress first to keep a copy.",
            QMessageBox.StandardButton.Reset | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Reset:
            return
        if self.runner is not None and self.runner.active:
            self.runner.stop()
        self.progress = Progress(reset_at=self.clock())
        self._save()
        self.window.show_status("Revision progress reset.")

    def export_progress(self) -> None:
        suggested = str(Path.home() / "architecture-explorer-progress.json")
        path, _filter = QFileDialog.getSaveFileName(
            self.window, "Export revision progress", suggested, "JSON files (*.json)"
        )
        if not path:
            return
        self._save()  # saving merges in what other windows saved
        try:
            written = self.store.export_to(Path(path), self.progress)
        except ProgressError as error:
            self._warn("Export progress", str(error))
            return
        self.window.show_status(f"Exported {len(self.progress.cards)} cards to {written}")

    def import_progress(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self.window, "Import revision progress", str(Path.home()), "JSON files (*.json)"
        )
        if not path:
            return
        try:
            imported = self.store.read_file(Path(path))
        except ProgressError as error:
            self._warn("Import progress", str(error))
            return
        # The file's own reset must not wipe what was learnt here since, and the imported
        # cards join this side of our reset: the user asked for them (see Progress.merged).
        self.progress = self.progress.merged(Progress(imported.cards, self.progress.reset_at))
        self._sync_with_models()
        self._save()
        self.window.show_status(f"Imported {len(imported.cards)} cards from {Path(path).name}")

    def _save(self) -> None:
        try:
            self.progress = self.store.save(self.progress)
        except ProgressError as error:
            self.window.show_status(f"Revision progress not saved: {error}")
        self.refresh_due()

    def _sync_with_models(self) -> None:
        components = {
            key: [component.id for component in architecture.components]
            for key, architecture in self.window.sources.architectures.items()
        }
        if self.progress.sync(sync_ids(components, self.window.sources.walkthroughs)):
            self._save()

    def _count_basis(self) -> tuple[object, ...]:
        """What the due counts are made from: the models, the walkthroughs and the day."""
        return (self.window.sources.architectures, self.window.sources.walkthroughs, self.clock().date())

    def _on_architecture_shown(self, _architecture_id: str) -> None:
        # Counting every architecture's due items takes 15-30 ms at 2,000 components: only
        # when the models were reloaded or the day turned since the last count.
        if self._count_basis() != self._counted:
            self._sync_with_models()
            self.refresh_due()

    def open_compare(self, left: str | None = None, right: str | None = None) -> CompareWindow:
        from explorer.ui.revision.compare_window import CompareWindow

        if self.compare_window is None:
            self.compare_window = CompareWindow(self.window.sources, self.window.layouts, self.window)
        self.compare_window.show_pair(*self._default_pair(left, right))
        self.compare_window.show()
        self.compare_window.raise_()
        self.compare_window.activateWindow()
        return self.compare_window

    def _default_pair(self, left: str | None, right: str | None) -> tuple[str, str]:
        from models.revision.compare import DEFAULT_PAIRS, default_partner

        known = self.window.sources.architectures
        current = left or self.window.current_id
        if current is not None and current in known:
            partner = right or default_partner(current, set(known))
            if partner and partner in known and partner != current:
                return current, partner
        pair = next(((a, b) for a, b in DEFAULT_PAIRS if a in known and b in known), None)
        ids = list(known)
        return pair or (ids[0], ids[1 if len(ids) > 1 else 0])

    # Messages --------------------------------------------------------------

    def _warn(self, title: str, text: str) -> None:
        self.window.show_status(text)
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self.window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _inform(self, title: str, text: str) -> None:
        self.window.show_status(text)
        box = QMessageBox(
            QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, self.window
        )
        box.setObjectName("revisionInfo")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
