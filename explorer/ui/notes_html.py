"""Turns note Markdown into the HTML subset that QTextBrowser shows.

Text is first cleaned by :func:`models.notes.cleaning.clean_markdown`: raw HTML
is dropped (an image becomes a placeholder), Obsidian wikilinks become ``note:``
links the panel resolves inside the app, callouts become quotes under a bold
title. Anything HTML-like left is escaped, never interpreted; Markdown images
become links (the panel never fetches anything by itself).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING, Any

from models.notes.cleaning import NOTE_SCHEME, clean_markdown

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

__all__ = ["NOTE_SCHEME", "markdown_to_html"]

_TAG = re.compile(r"(?<![\w&#/])#([A-Za-z][\w/-]*)")
_HTML_PART = re.compile(r"(<[^>]+>)")
_CODE_OPEN = re.compile(r"^<(code|pre)\b")
_CODE_CLOSE = re.compile(r"^</(code|pre)>")


@cache
def markdown_renderer() -> MarkdownIt:
    """The one Markdown renderer (made on first use; the window's start makes it in a worker)."""
    from markdown_it import MarkdownIt  # on the first note shown, not at start-up

    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable("table")
    md.add_render_rule("image", _render_image_as_link)
    return md


def _render_image_as_link(self: Any, tokens: list[Any], idx: int, options: Any, env: Any) -> str:
    token = tokens[idx]
    source = token.attrGet("src") or ""
    alt = html.escape(token.content or source)
    return f'<a href="{html.escape(source, quote=True)}">[image: {alt}]</a>'


def markdown_to_html(text: str, highlight: Iterable[str] = ()) -> str:
    """Render one block of note Markdown, marking ``highlight`` words outside code."""
    rendered = markdown_renderer().render(clean_markdown(text))
    return _decorate_text(rendered, tuple(highlight))


def _decorate_text(rendered: str, terms: tuple[str, ...]) -> str:
    pattern = _highlight_pattern(terms)
    parts = _HTML_PART.split(rendered)
    in_code = 0
    for index, part in enumerate(parts):
        if part.startswith("<"):
            if _CODE_OPEN.match(part):
                in_code += 1
            elif _CODE_CLOSE.match(part):
                in_code = max(0, in_code - 1)
            continue
        if in_code or not part:
            continue
        if pattern is not None:
            part = pattern.sub(r'<span class="mark">\g<0></span>', part)
        parts[index] = _TAG.sub(r'<span class="tag">#\1</span>', part)
    return "".join(parts)


@cache
def _highlight_pattern(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    words = sorted({html.escape(t) for t in terms if t.strip()}, key=len, reverse=True)
    if not words:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(word) for word in words) + r")(?!\w)", re.IGNORECASE)
