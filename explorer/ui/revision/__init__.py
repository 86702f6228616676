"""Revision mode in the window: quizzes on the live diagram, spaced repetition and comparisons."""

from __future__ import annotations

from typing import TYPE_CHECKING

from explorer.ui.revision.controller import RevisionController

if TYPE_CHECKING:
    from explorer.ui.main_window import MainWindow

__all__ = ["RevisionController", "install_revision"]


def install_revision(window: MainWindow) -> None:
    """Adds the Revise menu, the due count and the quiz panel to ``window`` (as ``window.revision``)."""
    window.revision = RevisionController(window)
