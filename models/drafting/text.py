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
    """Split ``text`` into headings and sentences."""
    lines = text.splitlines()
    title, start = _front_matter_title(lines)
    headings: list[Heading] = []
    sentences: list[Sentence] = []
    stack: list[Heading] = []
    in_fence = False
    for number in range(start, len(lines)):
        line = lines[number]
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence or not line.strip():
            continue
        heading = _HEADING.match(line)
        if heading:
            level = len(heading.group(1))
            while stack and stack[-1].level >= level:
                stack.pop()
            cleaned, emphasis = _clean(heading.group(2))
            current = Heading(
                len(headings), level, cleaned.strip(), stack[-1].index if stack else None, number
            )
            headings.append(current)
            stack.append(current)
            sentences.append(Sentence(cleaned, number, current.index, emphasis, is_heading=True))
            continue
        is_item = bool(_LIST_MARK.match(line))
        body = _LIST_MARK.sub("", _QUOTE.sub("", line), count=1)
        here = stack[-1].index if stack else None
        for cell in body.strip().strip("|").split("|") if body.lstrip().startswith("|") else [body]:
            if set(cell.strip()) <= set("-: "):
                continue
            cleaned, emphasis = _clean(cell)
            for piece_start, piece in _split_sentences(cleaned):
                piece_emphasis = tuple(
                    (low - piece_start, high - piece_start)
                    for low, high in emphasis
                    if low >= piece_start and high <= piece_start + len(piece)
                )
                sentences.append(Sentence(piece, number, here, piece_emphasis, is_list_item=is_item))
    return NoteText(title, tuple(headings), tuple(sentences))


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
