"""Reads a Markdown/Obsidian note into sentences that know their heading and their emphasis.

Only prose counts: front matter, fenced code blocks, link targets and URLs are
dropped; bold and inline code are remembered as emphasised character ranges of
the cleaned sentence text, because a name written that way weighs more.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_LIST_MARK = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?")
_QUOTE = re.compile(r"^\s*(?:>\s*)+")
_IMAGE = re.compile(r"!\[\[[^\]]*\]\]|!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_WIKILINK = re.compile(r"\[\[([^\]|#]*)(?:#[^\]|]*)?(?:\|([^\]]*))?\]\]")
_URL = re.compile(r"<?https?://\S+>?")
_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1|`([^`]+)`")
_ITALIC = re.compile(r"(?<![\w*])[*_](?=\S)|(?<=\S)[*_](?![\w*])")
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=\S)|\s+[—–]\s+")


@dataclass(frozen=True)
class Heading:
    """One heading of the note; ``parent`` is the index of the enclosing heading."""

    index: int
    level: int
    title: str
    parent: int | None
    line: int


@dataclass(frozen=True)
class Sentence:
    """Cleaned text of one sentence, where it sits and which of its characters were emphasised."""

    text: str
    line: int
    heading: int | None
    emphasis: tuple[tuple[int, int], ...] = ()
    is_heading: bool = False
    is_list_item: bool = False

    def emphasised(self, start: int, end: int) -> bool:
        """True when the range overlaps a bold or code span."""
        return any(start < high and low < end for low, high in self.emphasis)

    def emphasised_exactly(self, start: int, end: int) -> bool:
        """True when a bold or code span holds this range and nothing else."""
        return any(self.text[low:high].strip() == self.text[start:end] for low, high in self.emphasis)


@dataclass(frozen=True)
class NoteText:
    """A note read for drafting: its title (if it says one), headings and sentences."""

    title: str
    headings: tuple[Heading, ...]
    sentences: tuple[Sentence, ...]


def read_note(text: str) -> NoteText:
    """Split ``text`` into headings and sentences; a paragraph's wrapped lines are read as one."""
    lines = text.splitlines()
    title, start = _front_matter_title(lines)
    reader = _Reader()
    in_fence = False
    for number in range(start, len(lines)):
        line = _QUOTE.sub("", lines[number])
        if _FENCE.match(line):
            reader.flush()
            in_fence = not in_fence
        elif in_fence:
            continue
        elif not line.strip():
            reader.flush()
        elif heading := _HEADING.match(line):
            reader.flush()
            reader.heading(len(heading.group(1)), heading.group(2), number)
        elif line.lstrip().startswith("|"):
            reader.flush()
            for cell in line.strip().strip("|").split("|"):
                if not set(cell.strip()) <= set("-: "):
                    reader.add(cell, number, is_item=True)  # a cell is an item: a name leading it weighs more
                    reader.flush()
        elif _LIST_MARK.match(line):
            reader.flush()
            reader.add(_LIST_MARK.sub("", line, count=1), number, is_item=True)
        else:
            reader.add(line, number, is_item=False)
    reader.flush()
    return NoteText(title, tuple(reader.headings), tuple(reader.sentences))


class _Reader:
    """Collects a paragraph's lines, then cuts it into sentences under the current heading."""

    def __init__(self) -> None:
        self.headings: list[Heading] = []
        self.sentences: list[Sentence] = []
        self._stack: list[Heading] = []
        self._lines: list[str] = []
        self._first_line = 0
        self._is_item = False

    def heading(self, level: int, raw: str, number: int) -> None:
        while self._stack and self._stack[-1].level >= level:
            self._stack.pop()
        cleaned, emphasis = _clean(raw)
        parent = self._stack[-1].index if self._stack else None
        current = Heading(len(self.headings), level, cleaned.strip(), parent, number)
        self.headings.append(current)
        self._stack.append(current)
        self.sentences.append(Sentence(cleaned, number, current.index, emphasis, is_heading=True))

    def add(self, line: str, number: int, is_item: bool) -> None:
        if not self._lines:
            self._first_line, self._is_item = number, is_item
        self._lines.append(line.strip())

    def flush(self) -> None:
        if not self._lines:
            return
        cleaned, emphasis = _clean(" ".join(self._lines))
        here = self._stack[-1].index if self._stack else None
        for piece_start, piece in _split_sentences(cleaned):
            piece_emphasis = tuple(
                (low - piece_start, high - piece_start)
                for low, high in emphasis
                if low >= piece_start and high <= piece_start + len(piece)
            )
            self.sentences.append(
                Sentence(piece, self._first_line, here, piece_emphasis, is_list_item=self._is_item)
            )
        self._lines = []


def _front_matter_title(lines: list[str]) -> tuple[str, int]:
    if not lines or lines[0].strip() != "---":
        return "", 0
    title = ""
    for number in range(1, len(lines)):
        if lines[number].strip() in ("---", "..."):
            return title, number + 1
        key, _, value = lines[number].partition(":")
        if key.strip() == "title":
            title = value.strip().strip("'\"")
    return "", 0


def _clean(raw: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Markdown-free text and the ranges of it that were bold or inline code."""
    text = _IMAGE.sub("", raw)
    text = _WIKILINK.sub(lambda match: match.group(2) or match.group(1), text)
    text = _LINK.sub(r"\1", text)
    text = _TAG.sub("", _URL.sub("", text))
    pieces: list[str] = []
    emphasis: list[tuple[int, int]] = []
    length = 0
    position = 0
    for match in _EMPHASIS.finditer(text):
        before = _ITALIC.sub("", text[position : match.start()])
        inner = _ITALIC.sub("", match.group(2) if match.group(2) is not None else match.group(3))
        pieces += [before, inner]
        length += len(before)
        emphasis.append((length, length + len(inner)))
        length += len(inner)
        position = match.end()
    pieces.append(_ITALIC.sub("", text[position:]))
    return "".join(pieces), tuple(emphasis)


def _split_sentences(text: str) -> list[tuple[int, str]]:
    pieces = []
    position = 0
    for match in _SENTENCE_END.finditer(text):
        pieces.append((position, text[position : match.start()]))
        position = match.end()
    pieces.append((position, text[position:]))
    return [(start, piece) for start, piece in pieces if piece.strip()]
