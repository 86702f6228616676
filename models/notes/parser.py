"""Parses one Markdown/Obsidian note into sections and blocks.

The blocks come from :mod:`models.notes.block_tree` (markdown-it's block rules
only: nothing here needs inline parsing, Obsidian's inline syntax is found by
:mod:`models.notes.obsidian`); each top-level node is read once, in document
order, into sections, blocks and the inline text the tags and links come from.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_right
from collections.abc import Callable
from pathlib import PurePath
from typing import Any

from models.notes.block_tree import MAX_NESTING, BlockNode, block_tree
from models.notes.document import (
    Block,
    NoteDocument,
    Section,
    new_block,
    new_section,
    with_follow,
    with_lead_in,
)
from models.notes.front_matter import front_matter_tags, read_front_matter
from models.notes.obsidian import (
    find_tags_and_wikilinks,
    front_matter_end,
    normalize_indentation,
    parse_callout,
    plain_text,
    searchable_text,
    split_heading_keys,
    strip_callout_marker,
)

__all__ = ["MAX_NESTING", "parse_note"]

_QUOTE_MARKERS = re.compile(r"^[ \t>]*", re.MULTILINE)
_CODE = ("fence", "code_block")
_TRIMMED = (
    "\t\n\v\f\r \xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u2028\u2029\u202f\u205f\u3000"
)
_EMPTY_INLINE = ("heading", "lheading", "tcell")  # without a text node: an empty inline ("#", "||")
_PLACE = new_block(
    "list_item", "", 0, 0, "", ()
)  # a list item's place among the blocks, before its nested items


def parse_note(text: str, source: str) -> NoteDocument:
    """Parse ``text`` (the content of ``source``); never raises, whatever the text."""
    text = text.lstrip("\ufeff").replace("\0", "\ufffd")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    try:
        return _Builder(text, source).build()
    except Exception as error:  # a note must never stop the others from loading
        return _plain_document(
            text, source, f"could not be read as Markdown ({error!r}); shown as plain text"
        )


class _Builder:
    """Reads the top-level blocks once, filling sections in document order.

    The hot path of a note's parse (tens of thousands of nodes in a large vault):
    node spans become lines by bisection inline, and blocks and sections are built
    without their frozen dataclasses' ``__init__`` (:func:`new_block`, :func:`new_section`).
    """

    def __init__(self, text: str, source: str):
        self.source = source
        raw_lines = text.split("\n")
        start = front_matter_end(raw_lines)
        self.lines = normalize_indentation(raw_lines, start, text=None if start else text)
        self.text = text if not start and self.lines == raw_lines else None  # the lines joined, if known
        self.starts: list[int] = []  # each line's byte offset in the text parsed; set by build()
        self._span: Callable[[BlockNode], tuple[int, int]]  # the tree's ``lines``; set by build()
        self.sections: list[Section] = []
        self.blocks: list[Block] = []  # the note's blocks
        self.opened = 0  # where the current section's blocks start
        self.levels: list[int] = []  # the open headings' levels, outermost first…
        self.heading: tuple[str, int, tuple[str, ...], int, tuple[str, ...]] = ("", 0, (), 1, ())
        # …and the current heading: title, level, path (the open headings' titles), line, keys
        self.inlines: list[str] = []
        self.front_matter: dict[str, Any] = {}
        self.warnings: list[str] = []

    def build(self) -> NoteDocument:
        tree = block_tree(self.lines, self.text)
        self.starts = starts = tree.starts
        self._span = tree.lines
        if tree.front_matter is not None:
            self.front_matter, problems = read_front_matter(tree.front_matter)
            self.warnings.extend(problems)
        lines, blocks, inlines = self.lines, self.blocks, self.inlines
        lead_in: int | None = None  # slot of a paragraph ending in ":" just before this node
        for node in tree.blocks:
            kind = node.name
            if kind == "paragraph":
                span = node.srcmap
                first = bisect_right(starts, span[0]) - 1 if span is not None else len(lines)
                if span is not None and first < len(lines) and span[1] <= starts[first + 1]:
                    # One line (most paragraphs): its text node holds the line without the white space
                    # around it, so the node is not read.
                    line = lines[first]
                    inline = line.strip(_TRIMMED)
                    block = new_block(
                        "paragraph", line.lstrip(" "), first + 1, first + 1, searchable_text(inline), ()
                    )
                else:
                    inline = _inline(node)
                    block = self._block("paragraph", node, inline)
                inlines.append(inline)
                blocks.append(block)
                if inline.rstrip().endswith(":"):
                    lead_in = len(blocks) - 1
                    continue
            elif kind == "heading" or kind == "lheading":
                span = node.srcmap
                first = bisect_right(starts, span[0]) - 1 if span is not None else 0
                one_line = span is not None and first < len(lines) and span[1] <= starts[first + 1]
                atx = _atx_heading(lines[first]) if one_line else None  # (a setext heading: two lines)
                level, inline = atx if atx is not None else (node.meta["level"], _inline(node))
                inlines.append(inline)
                self._start_section(level, inline, first + 1)
            elif kind == "bullet_list" or kind == "ordered_list":
                self._add_items(node, (), [])
                if lead_in is not None:
                    self._attach_to_lead_in(lead_in, node)
            elif kind == "table":
                self._add_rows(node)
                if lead_in is not None:
                    self._attach_to_lead_in(lead_in, node)
            elif kind == "definition":  # a link reference definition: no block (nor in markdown-it-py)
                continue
            else:
                self._visit(node)
            lead_in = None
        self._close_section()
        return self._document()

    def _visit(self, node: BlockNode) -> None:
        """Turn a top-level node of the rarer kinds (code, HTML, a quote) into a block."""
        kind = node.name
        if kind in _CODE:
            self.blocks.append(self._block("code", node, ""))
        elif kind == "html_block":
            first, last = self._span(node)
            # As markdown-it-py's content: the lines, each with its newline (the last line has none).
            content = "\n".join(self.lines[first:last]) + ("\n" if last < len(self.lines) else "")
            if not content.lstrip().startswith("<!--"):
                self.blocks.append(self._block("paragraph", node, content))
        elif kind == "blockquote":
            inlines = _inlines(node, [])
            self.inlines.extend(inlines)
            inlines = inlines or self._too_deep(node)
            callout = parse_callout(inlines[0].split("\n", 1)[0]) if inlines else None
            if callout is not None:
                inlines[0] = strip_callout_marker(inlines[0])
            self.blocks.append(self._block("callout" if callout else "quote", node, "\n".join(inlines)))

    def _attach_to_lead_in(self, slot: int, node: BlockNode) -> None:
        """Give the lead-in paragraph its list or table, and the items the lead-in's prose."""
        lead = self.blocks[slot]
        first, last = self._span(node)
        follow = "\n".join(self.lines[first:last]).rstrip()
        self.blocks[slot] = with_follow(lead, follow, first + follow.count("\n") + 1)
        for position in range(slot + 1, len(self.blocks)):
            self.blocks[position] = with_lead_in(self.blocks[position], lead.prose)

    def _add_rows(self, table: BlockNode) -> None:
        """One block per body row, under the table's header and delimiter lines."""
        first = self._span(table)[0]
        header = tuple(self.lines[first : first + 2])
        for part in table.children:  # thead, tbody
            for row in part.children:
                cells = [_inline(cell) for cell in row.children]
                self.inlines.extend(cells)
                if self._span(row)[0] > first:
                    self.blocks.append(self._block("table_row", row, " | ".join(cells), header))

    def _too_deep(self, node: BlockNode) -> list[str]:
        """A quote nested past :data:`MAX_NESTING` yields no text: its lines without the markers, said."""
        first, last = self._span(node)
        text = _QUOTE_MARKERS.sub("", "\n".join(self.lines[first:last])).strip()
        if not text:
            return []
        self.warnings.append(
            f"line {first + 1}: quotes nested more than {MAX_NESTING} deep are read as plain text"
        )
        self.inlines.append(text)
        return [text]

    def _add_items(self, node: BlockNode, leads: tuple[str, ...], parts: list[str]) -> None:
        """One block per list item under ``node``, at any depth, in document order; the text of any
        other node goes to ``parts``, the innermost open item's (``leads``: the first line of each
        open item, outermost first)."""
        starts, lines, blocks, inlines = self.starts, self.lines, self.blocks, self.inlines
        for child in node.children:
            kind = child.name
            if kind == "list_item":
                span = child.srcmap
                if span is None:
                    first, last = 0, 1
                else:  # as BlockTree.lines (inlined: hot), the end bisected only past the first line
                    first = bisect_right(starts, span[0]) - 1
                    one_line = first < len(lines) and span[1] <= starts[first + 1]
                    last = first + 1 if one_line else max(first + 1, bisect_right(starts, span[1] - 1))
                inner = child.children
                if len(inner) == 1 and inner[0].name == "text":  # a tight item of text only: most items
                    content = inner[0].meta["content"].strip(_TRIMMED)  # as _text
                    inlines.append(content)
                    if last == first + 1 and last <= len(lines):  # one line: as _block
                        prose = searchable_text(content)
                        blocks.append(
                            new_block("list_item", lines[first].lstrip(" "), last, last, prose, leads)
                        )
                    else:
                        blocks.append(self._block("list_item", child, content, leads, (first, last)))
                    continue
                slot = len(blocks)
                blocks.append(_PLACE)  # the item's place, before its nested items
                own: list[str] = []
                lead = self.lines[first].strip() if first < len(self.lines) else ""
                self._add_items(child, (*leads, lead), own)
                self.blocks[slot] = self._block("list_item", child, "\n".join(own), leads, (first, last))
            elif kind == "text":
                content = _text(child)
                self.inlines.append(content)
                parts.append(content)
            elif child.children:
                self._add_items(child, leads, parts)
            elif kind in _EMPTY_INLINE:
                self.inlines.append("")
                parts.append("")

    def _block(
        self,
        kind: str,
        node: BlockNode,
        prose: str,
        context: tuple[str, ...] = (),
        span: tuple[int, int] | None = None,
    ) -> Block:
        if span is not None:
            first, last = span
        elif (srcmap := node.srcmap) is not None:  # as BlockTree.lines (inlined: hot)
            first = bisect_right(self.starts, srcmap[0]) - 1
            last = max(first + 1, bisect_right(self.starts, srcmap[1] - 1))
        else:
            first, last = 0, 1
        if last - first == 1 and last <= len(self.lines):  # one line: most blocks
            text = self.lines[first]
            if text.startswith(" "):
                text = text.lstrip(" ")
            end = last
        else:
            lines = self.lines[first:last]
            while len(lines) > 1 and not lines[-1].strip():
                lines.pop()
            indent = len(lines[0]) - len(lines[0].lstrip(" ")) if lines else 0
            text = "\n".join(_dedent(line, indent) for line in lines) if indent else "\n".join(lines)
            end = first + len(lines)
        return new_block(
            kind, text, first + 1, end, "" if kind == "code" else searchable_text(prose), context
        )

    def _start_section(self, level: int, inline: str, line: int) -> None:
        self._close_section()
        keys: tuple[str, ...] = ()
        if inline.replace(" ", "").isalnum() and "  " not in inline:  # words (most headings): no syntax
            title = inline
        else:
            raw_title, keys = split_heading_keys(inline)
            title = plain_text(raw_title).rstrip(": ").strip()
        levels = self.levels
        path = self.heading[2]
        while levels and levels[-1] >= level:
            levels.pop()
            path = path[:-1]
        levels.append(level)
        self.heading = (title, level, (*path, title), line, keys)

    def _close_section(self) -> None:
        title, level, path, line, keys = self.heading
        blocks, opened = self.blocks, self.opened
        if level or len(blocks) > opened:
            self.sections.append(new_section(title, level, path, line, keys, tuple(blocks[opened:])))
        self.opened = len(blocks)

    def _document(self) -> NoteDocument:
        title = self.front_matter.get("title")
        if not isinstance(title, str) or not title.strip():
            title = _stem(self.source)
        if not title:
            title = next((section.title for section in self.sections if section.title), "Untitled")
        tags = front_matter_tags(self.front_matter.get("tags", self.front_matter.get("tag")))
        links: list[str] = []
        embeds: list[str] = []
        # Searched at once: no tag, wikilink or code span reaches over a newline, so the inlines joined
        # by newlines hold the same ones, in the same order.
        inlines = "\n".join(self.inlines)
        found_tags, found_links = find_tags_and_wikilinks(inlines)
        tags.extend(found_tags)
        for link in found_links:
            (embeds if link.embed else links).append(link.target)
        return NoteDocument(
            source=self.source,
            title=title.strip(),
            front_matter=self.front_matter,
            sections=tuple(self.sections),
            tags=_unique(tags, fold=True),
            links=_unique(links),
            embeds=_unique(embeds),
            warnings=tuple(self.warnings),
        )


def _inline(node: BlockNode) -> str:
    """The inline source of a paragraph, heading or table cell: its one text node's, or empty."""
    children = node.children
    return children[0].meta["content"].strip(_TRIMMED) if children else ""  # as _text (inlined: hot)


def _atx_heading(line: str) -> tuple[int, str] | None:
    """The level and text of the one-line heading on ``line`` without reading its node: for ``## Title``
    with no closing ``#``s (most headings) its text node holds the rest of the line; None otherwise."""
    level = len(line) - len(line.lstrip("#"))
    rest = line[level:]
    if 0 < level <= 6 and rest[:1] in " \t" and "#" not in rest:
        return level, rest.strip(_TRIMMED)
    return None


def _text(node: BlockNode) -> str:
    """A text node's content without the white space around it: markdown-it.rs cuts only spaces
    and tabs, markdown-it-py all of CommonMark's (a no-break space, a vertical tab…)."""
    content: str = node.meta["content"]
    return content.strip(_TRIMMED)


def _inlines(node: BlockNode, out: list[str]) -> list[str]:
    """The inline source of every paragraph, heading and cell under ``node``, in document order."""
    for child in node.children:
        if child.name == "text":
            out.append(_text(child))
        elif child.children:
            _inlines(child, out)
        elif child.name in _EMPTY_INLINE:
            out.append("")
    return out


def _dedent(line: str, indent: int) -> str:
    stripped = line.lstrip(" ")
    return line[min(indent, len(line) - len(stripped)) :]


def _stem(source: str) -> str:
    """``PurePath(source).stem``; a POSIX path ending on a name (any note's) is not made a path."""
    name = source[source.rfind("/") + 1 :]
    if os.sep != "/" or not name or name == ".":
        return PurePath(source).stem if source else ""
    dot = name.rfind(".")
    return name[:dot] if 0 < dot < len(name) - 1 else name


def _unique(items: list[str], *, fold: bool = False) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for item in items:
        seen.setdefault(item.casefold() if fold else item, item)
    return tuple(seen.values())


def _plain_document(text: str, source: str, problem: str) -> NoteDocument:
    """Paragraphs split at blank lines: the fallback when the Markdown parser fails."""
    blocks, start, lines = [], 0, text.split("\n")
    for index, line in enumerate([*lines, ""]):
        if not line.strip():
            if index > start:
                chunk = "\n".join(lines[start:index])
                blocks.append(Block("paragraph", chunk, start + 1, index, chunk))
            start = index + 1
    sections = (Section("", 0, (), 1, (), tuple(blocks)),) if blocks else ()
    return NoteDocument(source, _stem(source) or "Untitled", {}, sections, warnings=(problem,))
