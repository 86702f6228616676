"""Showing untrusted text (from model and note files) in Qt widgets that may read rich text."""

from __future__ import annotations

from explorer.diagram.qt_values import escape


def rich_text_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` literally and wraps long lines.

    Qt renders a tooltip as HTML when it looks like markup, so text from a file
    could otherwise load images or break the layout; escaped inside ``<p>`` it
    is always shown as written.
    """
    return f"<p>{escape(text)}</p>" if text else ""
