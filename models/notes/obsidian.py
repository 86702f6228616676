"""Obsidian syntax that CommonMark does not know: wikilinks, embeds, tags, callouts, tab indentation.

The inline helpers are regex passes over one block's inline source, with
bounded repetitions so their time stays linear in the length of the text; the
line helpers prepare a whole note for markdown-it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

TAB_WIDTH = 4
# Deeper list nesting is flattened: markdown-it drops content nested past its limit.
MAX_LIST_DEPTH = 12

_WIKILINK = re.compile(r"(!?)\[\[([^\[\]\n]{1,500}?)\]\]")
# The same links found from their "[[" (re then looks only at the "[["s of a text), an embed by the "!"
# before it: no link ends on a "!", so none takes the "!" the next one starts with.
_WIKILINK_BODY = re.compile(r"\[\[([^\[\]\n]{1,500}?)\]\]")
# A "#" at the start or after a space, "(", "," or ";": checked behind the "#" so that re looks only at
# the "#"s of a text.
_TAG = re.compile(r"#(?<![^\s(,;]#)([\w/-]{1,100})")
_CODE_SPAN = re.compile(r"``[^\n]{0,1000}?``|`[^`\n]{0,1000}`")
_LINK_TARGET = re.compile(r"\]\([^)\s]{0,2000}(?:\s+\"[^\"\n]*\")?\)")
_HTML_TAG = re.compile(r"</?[A-Za-z][^<>\n]{0,500}>|<!--.{0,2000}?-->", re.DOTALL)
_URL = re.compile(r"<?https?://[^\s>)]+>?")
_EMPHASIS = re.compile(r"\*{1,3}|(?<![^\W_])_{1,3}|_{1,3}(?![^\W_])|==|~~")
_HEADING_KEYS = re.compile(r"\s*\{\s*(#[\w.-]+(?:\s+#[\w.-]+)*)\s*\}\s*$")
_CALLOUT = re.compile(r"^\s*\[!([\w-]+)\]([+-]?)[ \t]*(.*)$")
_LIST_MARKER = re.compile(r"(?:[-+*]|\d{1,9}[.)])(?=[ \t\u00a0]|$)")
_FENCE = re.compile(r"(`{3,}|~{3,})")
_FRONT_MATTER_LINE = re.compile(r"^-{3,}[ \t]*$")
_FRONT_MATTER_END = re.compile(r"^(?:-{3,}|\.\.\.)[ \t]*$")
_NEW_BLOCK = re.compile(r"#{1,6}(?:[ \t]|$)|>|\||`{3,}|~{3,}|-{3,}[ \t]*$")
_BLOCK_STARTS = frozenset("#>|`~-")  # what _NEW_BLOCK can start with (a list marker: "-+*" or a digit)
# A line normalize_indentation may change: an indented one, or a list item whose marker is not followed
# by one to four spaces and a word. Searched after a newline, so that re tries only the newlines.
_REINDENTED = re.compile(r"\n(?:[ \t]|(?:[-+*]|\d{1,9}[.)])(?![ ]{1,4}\S|\n|\Z)(?=[ \t\u00a0]))")


@dataclass(frozen=True)
class Wikilink:
    """``[[note#heading|alias]]`` or, with ``embed``, ``![[file]]``."""

    target: str
    note: str
    heading: str | None
    alias: str | None
    embed: bool


@dataclass(frozen=True)
class Callout:
    """The first line of ``> [!type]+ Title``."""

    type: str
    title: str
    foldable: str  # "", "+" or "-"


def find_wikilinks(text: str) -> list[Wikilink]:
    """All wikilinks and embeds in ``text``, in order; code spans are skipped."""
    return _wikilinks(strip_code_spans(text)) if "[[" in text else []


def find_tags(text: str) -> list[str]:
    """``#tags`` in inline text (never headings: those are not inline). Pure numbers are not tags."""
    return _tags(strip_code_spans(text)) if "#" in text else []


def find_tags_and_wikilinks(text: str) -> tuple[list[str], list[Wikilink]]:
    """``(find_tags(text), find_wikilinks(text))``, with the code spans taken out once for both."""
    tags, links = "#" in text, "[[" in text
    if tags or links:
        text = strip_code_spans(text)
    return _tags(text) if tags else [], _wikilinks(text) if links else []


def _wikilinks(text: str) -> list[Wikilink]:
    links: list[Wikilink] = []
    for match in _WIKILINK_BODY.finditer(text):
        inner = match.group(1).replace("\\|", "|")
        target, _, alias = inner.partition("|")
        target = target.strip()
        note, _, heading = target.partition("#")
        links.append(
            Wikilink(
                target,
                note.strip(),
                heading.strip() or None,
                alias.strip() or None,
                text[match.start() - 1 : match.start()] == "!",
            )
        )
    return links


def _tags(text: str) -> list[str]:
    return [tag for tag in _TAG.findall(text) if not tag.replace("/", "").isdigit()]


def strip_code_spans(text: str) -> str:
    return _CODE_SPAN.sub(" ", text) if "`" in text else text


def searchable_text(inline: str) -> str:
    """The words a reader sees: code spans without their backticks (students write names
    as `` `kubelet` ``), wikilinks as their display text; no embeds, URLs or HTML."""
    text = _CODE_SPAN.sub(_code_content, inline) if "`" in inline else inline
    if "[[" in text:
        text = _WIKILINK.sub(_link_display, text)
    if "](" in text:
        text = _LINK_TARGET.sub("]", text)
    if "<" in text:
        text = _HTML_TAG.sub(" ", text)
    if "://" in text:
        text = _URL.sub(" ", text)
    return text


def plain_text(inline: str) -> str:
    """Inline Markdown as plain words, for titles: no emphasis markers, collapsed spaces."""
    text = searchable_text(inline)
    if "*" in text or "_" in text or "=" in text or "~" in text:  # what _EMPHASIS needs
        text = _EMPHASIS.sub("", text)
    return " ".join(text.replace("\\", "").split())


def split_heading_keys(inline: str) -> tuple[str, tuple[str, ...]]:
    """``Title {#a #b}`` -> (``Title``, (``a``, ``b``))."""
    match = _HEADING_KEYS.search(inline) if "{" in inline else None
    if not match:
        return inline, ()
    keys = tuple(key.lstrip("#") for key in match.group(1).split())
    return inline[: match.start()], keys


def parse_callout(first_line: str) -> Callout | None:
    """The callout marker of a block quote's first line, if it has one."""
    match = _CALLOUT.match(first_line)
    if not match:
        return None
    return Callout(match.group(1).lower(), plain_text(match.group(3)), match.group(2))


def strip_callout_marker(text: str) -> str:
    """The text of a callout without its ``[!type]`` marker (the title stays)."""
    first, newline, rest = text.partition("\n")
    match = _CALLOUT.match(first)
    return (match.group(3) + first[match.end() :] if match else first) + newline + rest


def front_matter_end(lines: list[str]) -> int:
    """Index of the line after the front matter, or 0 when there is none."""
    if not lines or not _FRONT_MATTER_LINE.match(lines[0]):
        return 0
    for index in range(1, len(lines)):
        if _FRONT_MATTER_END.match(lines[index]):
            return index + 1
    return 0


def _width(whitespace: str) -> int:
    return len(whitespace.expandtabs(TAB_WIDTH))


def normalize_indentation(lines: list[str], start: int = 0, *, text: str | None = None) -> list[str]:
    """Re-indent lines so CommonMark reads them as an Obsidian user means them.

    Obsidian users indent nested list items with tabs, and indent text under a
    heading with a tab without meaning code. Each indented line is placed at the
    content column of the list item it belongs to (or at column 0 outside
    lists), so nesting is kept and no indented code block appears. Fenced code
    keeps its own relative indentation. Lines stay one-to-one, so line numbers
    do not move. ``text``: the lines from ``start`` joined by newlines, when the caller has them.
    """
    out = list(lines)
    joined = "\n".join(out[start:]) if text is None else text
    if _REINDENTED.search("\n" + joined):  # most notes have no line to change
        _reindent(out, start)
    return out


def _reindent(out: list[str], start: int) -> None:
    """:func:`normalize_indentation`'s work, in place, line by line from ``start``."""
    stack: list[tuple[int, int]] = []  # (source indent width, output content column)
    fence: tuple[str, int, int] | None = None  # (marker, source indent, output indent)
    previous_blank = True
    for index in range(start, len(out)):
        line = out[index]
        if fence is None and line[:1].isalpha():  # words at the margin (most lines): as below, shorter
            if previous_blank:
                stack.clear()
            previous_blank = False
            continue
        stripped = line.lstrip(" \t")
        indent = len(line) - len(stripped)
        tabbed = indent > 0 and "\t" in line[:indent]
        width = _width(line[:indent]) if tabbed else indent
        if fence is not None:
            marker, fence_source, fence_out = fence
            closing = stripped.rstrip()
            if closing.startswith(marker) and not closing.strip(marker[0]):
                fence = None
            if width or fence_out:
                out[index] = " " * (fence_out + max(0, width - fence_source)) + stripped
            continue
        if not stripped.strip():
            previous_blank = True
            continue
        first = stripped[0]
        item = _LIST_MARKER.match(stripped) if first in "-+*" or first.isdecimal() else None
        if item:
            while stack and stack[-1][0] >= width:
                stack.pop()
            if len(stack) >= MAX_LIST_DEPTH:
                stack.pop()
            column = stack[-1][1] if stack else 0
            marker = item.group(0)
            rest = stripped[item.end() :]
            content = rest.lstrip(" \t\u00a0")
            gap = rest[: len(rest) - len(content)]
            if "\t" in gap or "\u00a0" in gap or len(gap) > 4 or not gap:
                gap = " "
            out[index] = " " * column + marker + (gap + content if content.strip() else "")
            stack.append((width, column + len(marker) + len(gap)))
        else:
            if width == 0 and (previous_blank or (first in _BLOCK_STARTS and _NEW_BLOCK.match(stripped))):
                stack.clear()
            while stack and stack[-1][0] >= width and width > 0:
                stack.pop()
            column = stack[-1][1] if stack and width > 0 else 0
            if width != column or tabbed:
                out[index] = " " * column + stripped
            fence_match = _FENCE.match(stripped) if first in "`~" else None
            if fence_match:
                fence = (fence_match.group(1), width, column)
        previous_blank = False


def _code_content(match: re.Match[str]) -> str:
    return " " + match.group(0).strip("`").strip() + " "


def _link_display(match: re.Match[str]) -> str:
    if match.group(1):
        return " "
    inner = match.group(2).replace("\\|", "|")
    target, _, alias = inner.partition("|")
    if alias.strip():
        return alias
    note, _, heading = target.partition("#")
    return f"{note} {heading}".strip()
