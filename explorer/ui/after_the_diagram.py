"""Background work that waits while a diagram is being laid out and drawn.

Opening a large model keeps the layout worker busy in Python (the cache key, the parts, the DOT
text, reading and finishing ``dot``'s answer) while the UI thread fills the scene. A third
thread matching the notes to the same model then competes for the GIL with both, and the UI
thread waited for it at each of its calls into Python (the longest UI block of a 2,000-component
open). Matching can wait until the diagram is on screen: the notes panel says meanwhile that it
is matching.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

if TYPE_CHECKING:
    from explorer.ui.notes_panel import Runner

POLL_MS = 30
"""How often waiting work looks whether the diagram is done (only while some work waits)."""

Work = Callable[..., None]
Done = Callable[[object], None]


class AfterTheDiagram(QObject):
    """A runner (as :meth:`LayoutService.run`) that starts its work once ``loading()`` is False.

    Asked while no diagram is loading, it starts at once. A load that is cancelled or fails
    ends the wait as one that finishes does.
    """

    def __init__(self, run: Runner, loading: Callable[[], bool], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._run, self._loading = run, loading
        self._waiting: list[tuple[Work, Done]] = []
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._start_if_done)

    def __call__(self, work: Work, done: Done) -> object:
        if not self._loading():
            return self._run(work, done)
        self._waiting.append((work, done))
        self._timer.start()
        return None

    def waiting(self) -> int:
        """How many pieces of work wait for the diagram."""
        return len(self._waiting)

    def _start_if_done(self) -> None:
        if self._loading():
            return
        self._timer.stop()
        waiting, self._waiting = self._waiting, []
        for work, done in waiting:
            self._run(work, done)
