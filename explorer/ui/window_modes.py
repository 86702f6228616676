"""The window's revision and walkthrough modes, each built on first use or just after the first paint.

Neither is needed for the window's first frame: their modules (and the Qt classes
they touch) are imported when one is first used, or in the turns of the event loop
that follow the first paint. Their actions exist from the start (with handlers that
build the mode when triggered), so every shortcut works in the first frame.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction

if TYPE_CHECKING:
    from datetime import datetime

    from explorer.ui.revision import RevisionController
    from explorer.ui.walkthrough import WalkthroughController
    from explorer.ui.window_api import ExplorerWindow


class WindowModes:
    """Makes each mode once, wired to the window's actions."""

    def __init__(self, window: ExplorerWindow, clock: Callable[[], datetime] | None) -> None:
        self.window = window
        self.clock = clock
        self.actions: Mapping[str, QAction] = {}
        self._revision: RevisionController | None = None
        self._walkthroughs: WalkthroughController | None = None

    @property
    def revision(self) -> RevisionController:
        if self._revision is None:
            from explorer.ui.revision import RevisionController

            self._revision = RevisionController(self.window, clock=self.clock)
            self._revision.connect_actions(self.actions)
        return self._revision

    @property
    def walkthroughs(self) -> WalkthroughController:
        if self._walkthroughs is None:
            from explorer.ui.walkthrough import WalkthroughController

            self._walkthroughs = WalkthroughController(self.window)
            self._walkthroughs.connect_actions(self.actions)
        return self._walkthroughs
