"""Revision mode in the window: quizzes on the live diagram, spaced repetition and comparisons."""

from explorer.ui.revision.controller import RevisionController

__all__ = ["RevisionController"]
