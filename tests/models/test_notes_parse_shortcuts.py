"""parse7's shortcuts give what the long way gives: lines read instead of nodes, fewer passes."""

from __future__ import annotations

import itertools
import random
from bisect import bisect_right
from pathlib import PurePath

import pytest

from models.notes import block_tree, cleaning, loading, obsidian
from models.notes.obsidian import find_tags, find_tags_and_wikilinks, find_wikilinks, strip_callout_marker
from models.notes.parser import _TRIMMED, _atx_heading, _Builder, _inline, _stem
from tests.models.test_notes_block_tree import FRAGMENTS, _corpus, _mixes
from tests.models.test_notes_parse_fast_paths import INLINE_BITS, _lines

HEADING_BITS = [
    "#",
    "##",
    "######",
    "#######",
    " ",
    "\t",
    "\u2003",
    "\x85",
    "\xa0",
    "x",
    "\\",
    "`",
    "é",
    "{#k}",
]


def _one_line_nodes(text: str) -> list[tuple[str, str, object]]:
    """Each top-level paragraph or heading of ``text`` on one line: its kind, that line and its node."""
    builder = _Builder(text, "note.md")
    tree = block_tree.block_tree(builder.lines, builder.text)
    found = []
    for node in tree.blocks:
        span = node.srcmap
        if node.name in ("paragraph", "heading", "lheading") and span is not None:
            first = bisect_right(tree.starts, span[0]) - 1
            if first < len(builder.lines) and span[1] <= tree.starts[first + 1]:
                found.append((node.name, builder.lines[first], node))
    return found


def _texts() -> list[str]:
    lines = [line for path in _corpus() for line in path.read_text(encoding="utf-8").split("\n")]
    chooser = random.Random(5)
    headings = ["".join(chooser.choices(HEADING_BITS, k=chooser.randint(1, 6))) for _ in range(300)]
    return _mixes(4, 600, FRAGMENTS + lines + headings, longest=20)


@pytest.mark.parametrize("python", [False, True], ids=["markdown-it.rs", "markdown-it-py"])
def test_one_line_paragraphs_and_headings_hold_their_line(
    python: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    if python:
        monkeypatch.setattr(block_tree, "_for_python", lambda text: True)
    paragraphs = headings = 0
    for text in _texts():
        for kind, line, node in _one_line_nodes(text):
            if kind == "paragraph":
                paragraphs += 1
                assert line.strip(_TRIMMED) == _inline(node), text  # type: ignore[arg-type]
            elif (atx := _atx_heading(line)) is not None:
                headings += 1
                assert atx == (node.meta["level"], _inline(node)), text  # type: ignore[attr-defined, arg-type]
    assert paragraphs > 500
    assert headings > 100


def test_a_setext_heading_is_not_read_from_its_first_line() -> None:
    assert _atx_heading("#12") is None
    assert _atx_heading("####### x") is None
    assert _atx_heading("## a # b") is None  # a closing sequence may follow: read from the node
    assert _atx_heading("#") == (1, "")
    assert _atx_heading("###\tTitle ") == (3, "Title")


def test_the_note_stem_is_the_path_stem() -> None:
    parts = ["", ".", "..", "a", ".md", "a.md", "a.", "a.b.c", "...", "/", "x y.markdown", "é.md"]
    for count in range(1, 4):
        for combo in itertools.product(parts, repeat=count):
            source = "/".join(combo)
            assert _stem(source) == (PurePath(source).stem if source else ""), source


def test_a_callout_marker_is_cut_as_the_substitution_cut_it() -> None:
    pattern = obsidian._CALLOUT
    parts = ["> ", "[!note]", "[!tip]+", "[!x-y]-", " ", "\t", "Title", "", "\n", "[!", "]", "\u2003"]
    for count in range(1, 5):
        for combo in itertools.product(parts, repeat=count):
            text = "".join(combo)
            first, newline, rest = text.partition("\n")
            assert strip_callout_marker(text) == pattern.sub(r"\3", first, count=1) + newline + rest, text


@pytest.mark.parametrize("seed", range(2))
def test_tags_and_wikilinks_found_together_as_apart(seed: int) -> None:
    chooser = random.Random(seed)
    for _ in range(2000):
        text = "\n".join("".join(chooser.choices(INLINE_BITS, k=chooser.randint(0, 8))) for _ in range(3))
        assert find_tags_and_wikilinks(text) == (find_tags(text), find_wikilinks(text)), text


def test_lines_at_the_margin_are_reindented_as_the_long_way_reads_them() -> None:
    """A line starting with a letter takes a shortcut; a "!" before it takes the long way, which
    reads it the same: neither a list item, nor a fence, nor a new block."""
    chooser = random.Random(9)
    margin = ["word", "Word and more", "é", "x\t", "ab  "]
    for _ in range(3000):
        lines = _lines(chooser) + [chooser.choice(margin) for _ in range(chooser.randint(1, 4))]
        chooser.shuffle(lines)
        margins = [index for index, line in enumerate(lines) if line[:1].isalpha()]
        shortcut, long_way = list(lines), list(lines)
        for index in margins:
            long_way[index] = "!" + lines[index]
        obsidian._reindent(shortcut, 0)
        obsidian._reindent(long_way, 0)
        for index in margins:  # (in a fence, both indent it)
            long_way[index] = long_way[index].replace("!", "", 1)
        assert shortcut == long_way, lines


def _first_lines_by_splitting(text: str, drop_partial_line: bool) -> tuple[str, bool]:
    """loading._first_lines as it was: every note split into lines and joined again."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n", loading.MAX_PARSED_LINES)
    cut = len(lines) > loading.MAX_PARSED_LINES and lines[loading.MAX_PARSED_LINES] != ""
    if cut:
        lines = lines[: loading.MAX_PARSED_LINES]
    elif drop_partial_line and len(lines) > 1:
        lines = lines[:-1]
    return "\n".join(lines), cut or drop_partial_line


def test_a_note_is_cut_at_the_line_limit_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loading, "MAX_PARSED_LINES", 3)
    for count in range(6):
        for ending in ("", "\n", "\r\n", "\r"):
            text = ending.join(f"line {number}" for number in range(count)) + ending
            for drop in (False, True):
                expected = _first_lines_by_splitting(text, drop)
                assert loading._first_lines(text, drop_partial_line=drop) == expected, (text, drop)


CLEANING_BITS = ["word", " ", "  \n", "\n", "\n\n\n", "`code <b>`", "```\n<i>x</i>\n```", "<b>", "<!-- c -->"]
CLEANING_BITS += [
    "![[img.png]]",
    "[[note#h|alias]]",
    "> [!tip] Title",
    "\t",
    "\u2003",
    "\r",
    "~~~",
    "[",
    "!",
    "<",
]


def _clean_every_part(text: str) -> str:
    """cleaning.clean_markdown as it was: each part outside code cleaned, whatever it holds."""
    parts = cleaning._CODE.split(text)
    for index in range(0, len(parts), 2):
        parts[index] = cleaning._clean_prose(parts[index])
    lines = "\n".join(line.rstrip() for line in "".join(parts).split("\n"))
    return cleaning._BLANK_LINES.sub("\n\n", lines).strip()


def test_markdown_with_nothing_to_resolve_is_cleaned_as_before() -> None:
    chooser = random.Random(11)
    for _ in range(5000):
        text = "".join(chooser.choices(CLEANING_BITS, k=chooser.randint(0, 12)))
        assert cleaning.clean_markdown(text) == _clean_every_part(text), text
