"""No crash loop at start: an architecture whose drawing crashed the last start is not opened again.

Before the window draws its first architecture, :func:`choose_start` marks it in
the settings (saved at once); :func:`clear_when_drawn` clears the mark once the
diagram is shown or its layout failed with a message. A start that finds the mark
still set crashed while drawing: it opens on a built-in architecture instead and
says so (in the settings problems, listed behind the status bar's ⚠ button).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from explorer.settings import DEFAULT_ARCHITECTURE, AppSettings
from models.architecture import Architecture
from models.paths import ARCHITECTURES_DIR

if TYPE_CHECKING:
    from explorer.ui.main_window import MainWindow

log = logging.getLogger(__name__)


def choose_start(settings: AppSettings, architectures: Mapping[str, Architecture], wanted: str) -> str:
    """``wanted``, or a built-in one when drawing ``wanted`` crashed the last start; marks the choice."""
    crashed = settings.drawing()
    start = wanted
    if crashed and crashed == wanted:
        start = _built_in_other_than(architectures, crashed) or wanted
        if start != wanted:
            message = (
                f"The last start stopped while drawing {crashed!r}, so {start!r} is shown instead; "
                f"choose {crashed!r} in the list to try it again"
            )
            log.warning(message)
            settings.problems.append(message)
    settings.set_drawing(start)
    return start


def clear_when_drawn(settings: AppSettings, window: MainWindow, *, after_paint: bool = False) -> None:
    """Clears the mark now if the first diagram is done, else once it is shown or has failed.

    With ``after_paint`` (the app's start) a diagram that is done is cleared once it is
    painted: that paint is guarded too, and the first paint waits for one settings write,
    not two (on a first start the second waited 15-20 ms for the disk).
    """
    if window.scene_loader.pending() is None:
        if after_paint:
            from explorer.ui.main_window_parts import after_first_paint

            after_first_paint(window.diagram_stack, lambda: settings.set_drawing(""))
        else:
            settings.set_drawing("")
        return

    def clear(*_args: object) -> None:
        window.scene_loader.ready.disconnect(clear)
        window.scene_loader.failed.disconnect(clear)
        settings.set_drawing("")

    window.scene_loader.ready.connect(clear)
    window.scene_loader.failed.connect(clear)


def _built_in_other_than(architectures: Mapping[str, Architecture], crashed: str) -> str | None:
    built_in = [
        architecture.id
        for architecture in architectures.values()
        if architecture.id != crashed and _is_built_in(architecture)
    ]
    if DEFAULT_ARCHITECTURE in built_in:
        return DEFAULT_ARCHITECTURE
    return built_in[0] if built_in else None


def _is_built_in(architecture: Architecture) -> bool:
    try:
        return ARCHITECTURES_DIR.resolve() in Path(architecture.source).resolve().parents
    except (OSError, ValueError):
        return False
