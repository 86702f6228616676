"""What the window's first frame leaves out, built just after it without holding the UI thread.

The app's start paints the window at its final shape (list, docks, toolbar, menus,
status bar) with the diagram first. Then, a step a turn of the event loop (input
waiting since the paint goes first): the search suggestions, the walkthroughs' menu
entries, and revision's due counts. The notes panel's content and revision need
imports and matching that took 70-80 ms each on the UI thread; their Qt-free part (the
notes library and its matching to the diagram shown, the Markdown renderer, the
revision models and YAML) runs in a worker first, and only the widgets are made here.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QTimer, Signal

from explorer.diagram import icon_store

if TYPE_CHECKING:
    from explorer.ui.user_content import UserContent
    from explorer.ui.window_api import ExplorerWindow
    from explorer.ui.window_modes import WindowModes

REVISION_MODULES = ("explorer.revision", "models.revision")
"""Revision mode's Qt-free imports (PyYAML and the file lock behind them), made in a worker."""


class Job(Protocol):
    def cancel(self) -> None: ...


Runner = Callable[[Callable[[threading.Event], None], Callable[[object], None]], Job]
"""Runs ``work(cancel)`` in a worker and calls ``done(job)`` from there unless cancelled
(``LayoutService.run``)."""


class AfterFirstPaint(QObject):
    """Builds the rest of ``window`` from :meth:`start` on; emits ``built`` once all of it is.

    Signals:
        built(): everything the first frame left out is built and shown.
    """

    built = Signal()
    _worked = Signal(object)

    def __init__(self, window: ExplorerWindow, modes: WindowModes, content: UserContent, run: Runner) -> None:
        super().__init__(window)
        self.window = window
        self.modes = modes
        self.content = content
        self.run = run
        self._unbuilt = 2  # the notes panel, and the steps ending with revision
        self._jobs: list[Job] = []
        self._worked.connect(self._on_worked)  # emitted in the worker: queued to this thread
        icon_store.collect()  # each diagram's decoded icons, stored once it is shown

    def start(self) -> None:
        window = self.window
        self._in_background(window.notes_panel.prepare, self._show_notes)
        in_turns(
            self,
            (
                lambda: window.search_box.set_architectures(window.sources.architectures.values()),
                lambda: self.modes.walkthroughs,  # their menu entries and step bar
                lambda: self._in_background(_import_revision, self._start_revision),
                self._store_icons,
            ),
        )
        window.architecture_shown.connect(self._store_icons)

    def _store_icons(self, _shown: str = "") -> None:
        """Keeps the icons decoded for the diagram shown for the next start (a worker writes them)."""
        self.run(_save_icons, _nothing)

    def _show_notes(self) -> None:
        self.window.notes_panel.release()
        self.content.start_notes()  # the user's notes folders: watched and read from now on
        self._one_built()

    def _start_revision(self) -> None:
        _ = self.modes.revision  # the due counts in the list and the status bar
        self._one_built()

    def _on_worked(self, then: Callable[[], object]) -> None:
        then()

    def _one_built(self) -> None:
        self._unbuilt -= 1
        if self._unbuilt == 0:
            # A turn later: the layouts the last part asked for (a status-bar button) are done.
            QTimer.singleShot(0, self, self.built.emit)

    def _in_background(self, work: Callable[[], object], then: Callable[[], object]) -> None:
        """``work()`` in a worker, then ``then()`` here; ``then`` does the work itself if it failed."""

        def worked(_job: object) -> None:
            self._worked.emit(then)

        def prepare(_cancel: threading.Event) -> None:
            work()

        self._jobs.append(self.run(prepare, worked))

    def cancel(self) -> None:
        """The window closes: what the workers still do is not shown."""
        for job in self._jobs:
            job.cancel()


def _save_icons(_cancel: threading.Event) -> None:
    icon_store.save_remembered()


def _nothing(_job: object) -> None:
    """Nothing waits for the icons to be stored (nor needs cancelling: an entry is written whole or not)."""


def _import_revision() -> None:
    for name in REVISION_MODULES:
        importlib.import_module(name)


def in_turns(owner: QObject, steps: tuple[Callable[[], object], ...]) -> None:
    """Runs ``steps`` one per turn of the event loop, so input and repaints get in between;
    none runs once ``owner`` is gone."""
    if not steps:
        return

    def run() -> None:
        steps[0]()
        in_turns(owner, steps[1:])

    QTimer.singleShot(0, owner, run)
