"""Parses one Markdown/Obsidian note into sections and blocks with markdown-it.

Only markdown-it's block level runs: the inline rules are switched off because
nothing here needs inline tokens (Obsidian's inline syntax is found by
:mod:`models.notes.obsidian`), and skipping them makes parsing several times
faster, and :mod:`models.notes.block_rules` tries only the block rules that can
match. Line numbers come from the tokens' ``map``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import PurePath
from typing import Any

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from models.notes.block_rules import use_dispatch
from models.notes.document import Block, NoteDocument, Section
from models.notes.obsidian import (
    find_tags,
    find_wikilinks,
    front_matter_end,
    normalize_indentation,
    parse_callout,
    plain_text,
    searchable_text,
    split_heading_keys,
    strip_callout_marker,
)

MAX_NESTING = 60
"""Deeper quotes and lists are not parsed further (markdown-it's own recursion guard)."""
_MARKDOWN = use_dispatch(
    MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).enable("table").use(front_matter_plugin)
)
_QUOTE_MARKERS = re.compile(r"^[ \t>]*", re.MULTILINE)
# No inline rules (see the module), and no newline and NUL normalising: :func:`parse_note` did it.
_MARKDOWN.disable(["normalize", "inline", "text_join"])
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_LIST_OPEN = ("bullet_list_open", "ordered_list_open")
MAX_FRONT_MATTER_VALUES = 10_000
"""Front matter holding more values once YAML aliases are expanded is ignored ("billion laughs")."""


def parse_note(text: str, source: str) -> NoteDocument:
    """Parse ``text`` (the content of ``source``); never raises, whatever the text."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").replace("\0", "\ufffd")
    try:
        return _Builder(text, source).build()
    except Exception as error:  # a note must never stop the others from loading
        return _plain_document(
            text, source, f"could not be read as Markdown ({error!r}); shown as plain text"
        )


class _Builder:
    """Walks the block tokens once, filling sections in document order."""

    def __init__(self, text: str, source: str):
        self.source = source
        raw_lines = text.split("\n")
        self.lines = normalize_indentation(raw_lines, front_matter_end(raw_lines))
        self.sections: list[Section] = []
        self.blocks: list[Block | None] = []
        self.headings: list[tuple[int, str]] = []
        self.heading: tuple[str, int, int, tuple[str, ...]] = ("", 0, 1, ())  # title, level, line, keys
        self.inlines: list[str] = []
        self.front_matter: dict[str, Any] = {}
        self.warnings: list[str] = []
        self.lead_in: int | None = None  # slot of a paragraph ending in ":" just before this token

    def build(self) -> NoteDocument:
        tokens = _MARKDOWN.parse("\n".join(self.lines))
        index = 0
        while index < len(tokens):
            index = self._visit(tokens, index) + 1
        self._close_section()
        return self._document()

    def _visit(self, tokens: list[Token], index: int) -> int:
        """Turn the top-level token at ``index`` into blocks; returns the index of its last token."""
        token = tokens[index]
        end, inlines = _extent(tokens, index)
        kind = token.type
        self.inlines.extend(inlines)
        lead_in, self.lead_in = self.lead_in, None
        if kind == "paragraph_open" and inlines and inlines[-1].rstrip().endswith(":"):
            self.lead_in = len(self.blocks)
        if kind == "front_matter":
            self._read_front_matter(token.content)
        elif kind == "heading_open":
            self._start_section(int(token.tag[1:]), inlines[0] if inlines else "", _first_line(token))
        elif kind == "paragraph_open":
            self._add("paragraph", token, "\n".join(inlines))
        elif kind in ("fence", "code_block"):
            self._add("code", token, "")
        elif kind == "html_block" and not token.content.lstrip().startswith("<!--"):
            self._add("paragraph", token, token.content)
        elif kind == "table_open":
            self._add_rows(tokens, index, end)
        elif kind == "blockquote_open":
            inlines = inlines or self._too_deep(token)
            callout = parse_callout(inlines[0].split("\n", 1)[0]) if inlines else None
            if callout is not None:
                inlines[0] = strip_callout_marker(inlines[0])
            self._add("callout" if callout else "quote", token, "\n".join(inlines))
        elif kind in _LIST_OPEN:
            self._add_list(tokens, index, end)
        if lead_in is not None and kind in (*_LIST_OPEN, "table_open"):
            self._attach_to_lead_in(lead_in, token)
        return end

    def _attach_to_lead_in(self, slot: int, token: Token) -> None:
        """Give the lead-in paragraph its list or table, and the items the lead-in's prose."""
        lead = self.blocks[slot]
        if lead is None or not token.map:
            return
        first, last = token.map
        follow = "\n".join(self.lines[first:last]).rstrip()
        self.blocks[slot] = replace(lead, follow=follow, follow_end=first + len(follow.split("\n")))
        for position in range(slot + 1, len(self.blocks)):
            block = self.blocks[position]
            if block is not None:
                self.blocks[position] = replace(block, lead_in=lead.prose)

    def _add_rows(self, tokens: list[Token], start: int, end: int) -> None:
        """One block per body row, under the table's header and delimiter lines."""
        table_map = tokens[start].map
        first = table_map[0] if table_map else 0
        header = tuple(self.lines[first : first + 2])
        cells: list[str] = []
        row: Token | None = None
        for token in tokens[start : end + 1]:
            if token.type == "tr_open":
                row, cells = token, []
            elif token.type == "inline" and row is not None:
                cells.append(token.content)
            elif token.type == "tr_close" and row is not None and row.map and row.map[0] > first:
                self.blocks.append(self._block("table_row", row, " | ".join(cells), header))

    def _too_deep(self, token: Token) -> list[str]:
        """A quote nested past :data:`MAX_NESTING` yields no text: its lines without the markers, said."""
        first, last = token.map or (0, 1)
        text = _QUOTE_MARKERS.sub("", "\n".join(self.lines[first:last])).strip()
        if not text:
            return []
        self.warnings.append(
            f"line {first + 1}: quotes nested more than {MAX_NESTING} deep are read as plain text"
        )
        self.inlines.append(text)
        return [text]

    def _add_list(self, tokens: list[Token], start: int, end: int) -> None:
        """One block per list item, at any depth, in document order (a slot is reserved on open)."""
        open_items: list[tuple[int, Token, list[str]]] = []
        for token in tokens[start : end + 1]:
            if token.type == "list_item_open":
                open_items.append((len(self.blocks), token, []))
                self.blocks.append(None)
            elif token.type == "inline" and open_items:
                open_items[-1][2].append(token.content)
            elif token.type == "list_item_close" and open_items:
                slot, item, parts = open_items.pop()
                context = tuple(self._lead(parent) for _, parent, _ in open_items)
                self.blocks[slot] = self._block("list_item", item, "\n".join(parts), context)

    def _add(self, kind: str, token: Token, prose: str) -> None:
        self.blocks.append(self._block(kind, token, prose))

    def _block(self, kind: str, token: Token, prose: str, context: tuple[str, ...] = ()) -> Block:
        first, last = token.map or (0, 1)
        lines = self.lines[first:last]
        while len(lines) > 1 and not lines[-1].strip():
            lines.pop()
        indent = len(lines[0]) - len(lines[0].lstrip(" ")) if lines else 0
        text = "\n".join(_dedent(line, indent) for line in lines) if indent else "\n".join(lines)
        searchable = "" if kind == "code" else searchable_text(prose)
        return Block(kind, text, first + 1, first + len(lines), searchable, context)

    def _lead(self, item: Token) -> str:
        first = item.map[0] if item.map else 0
        return self.lines[first].strip() if first < len(self.lines) else ""

    def _start_section(self, level: int, inline: str, line: int) -> None:
        self._close_section()
        raw_title, keys = split_heading_keys(inline)
        title = plain_text(raw_title).rstrip(": ").strip()
        while self.headings and self.headings[-1][0] >= level:
            self.headings.pop()
        self.headings.append((level, title))
        self.heading = (title, level, line, keys)

    def _close_section(self) -> None:
        title, level, line, keys = self.heading
        blocks = tuple(filter(None, self.blocks))  # without the list-item slots never filled (None)
        if level or blocks:
            path = tuple(heading for _, heading in self.headings)
            self.sections.append(Section(title, level, path, line, keys, blocks))
        self.blocks = []

    def _read_front_matter(self, content: str) -> None:
        try:
            data = yaml.load(content, Loader=_YAML_LOADER)
        except Exception as error:  # broken YAML, deep nesting…: ignore it, keep the note
            problem = str(error).split("\n", 1)[0]
            self.warnings.append(f"front matter is not valid YAML and was ignored ({problem})")
            return
        if data is None:
            return
        if _value_count(data, MAX_FRONT_MATTER_VALUES) > MAX_FRONT_MATTER_VALUES:
            self.warnings.append(
                f"front matter holds more than {MAX_FRONT_MATTER_VALUES:,} values (through YAML aliases?) "
                "and was ignored"
            )
            return
        if not isinstance(data, dict):
            self.warnings.append("front matter is not a mapping of keys to values and was ignored")
            return
        self.front_matter = {str(key): value for key, value in data.items()}

    def _document(self) -> NoteDocument:
        title = self.front_matter.get("title")
        if not isinstance(title, str) or not title.strip():
            title = _stem(self.source)
        if not title:
            title = next((section.title for section in self.sections if section.title), "Untitled")
        tags = _front_matter_tags(self.front_matter.get("tags", self.front_matter.get("tag")))
        links: list[str] = []
        embeds: list[str] = []
        for inline in self.inlines:
            tags.extend(find_tags(inline))
            for link in find_wikilinks(inline):
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


def _extent(tokens: list[Token], index: int) -> tuple[int, list[str]]:
    """Index of the token that closes the one at ``index`` (itself when it is self-contained), and the
    content of the inline tokens from one to the other."""
    token = tokens[index]
    depth: int = token.nesting
    inlines = [token.content] if token.type == "inline" else []
    position, last = index, len(tokens) - 1
    while depth > 0 and position < last:
        position += 1
        token = tokens[position]
        depth += token.nesting
        if token.type == "inline":
            inlines.append(token.content)
    return position, inlines


def _value_count(data: Any, limit: int) -> int:
    """Values in ``data``, aliased parts counted each time they appear, counting no further than ``limit``."""
    count, stack = 0, [data]
    while stack and count <= limit:
        value = stack.pop()
        count += 1
        if isinstance(value, dict):
            stack.extend(value.keys())
            stack.extend(value.values())
        elif isinstance(value, list | tuple | set | frozenset):
            stack.extend(value)
    return count


def _first_line(token: Token) -> int:
    return token.map[0] + 1 if token.map else 1


def _dedent(line: str, indent: int) -> str:
    stripped = line.lstrip(" ")
    return line[min(indent, len(line) - len(stripped)) :]


def _stem(source: str) -> str:
    return PurePath(source).stem if source else ""


def _front_matter_tags(value: Any) -> list[str]:
    if isinstance(value, str):
        value = value.replace(",", " ").split()
    if not isinstance(value, list | tuple):
        return []
    return [str(tag).lstrip("#") for tag in value if isinstance(tag, str | int) and str(tag).strip("#")]


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
