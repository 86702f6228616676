"""The parser's shortcuts must give what the long way gives, on random mixes of tricky lines."""

from __future__ import annotations

import random
import re

import pytest

from models.notes import block_tree, obsidian
from models.notes.document import Block, Section, new_block, new_section
from models.notes.obsidian import find_tags, find_wikilinks, normalize_indentation, plain_text

LINE_PARTS = [
    "",
    " ",
    "  ",
    "    ",
    "\t",
    " \t",
    "\u00a0",
    "- ",
    "-",
    "* ",
    "+\t",
    "1. ",
    "2)  ",
    "-     ",
    "- \u2003",
]
WORDS = [
    "word",
    "`code`",
    "#tag",
    "#12",
    "(#x",
    "a#b",
    "[[note]]",
    "![[img.png]]",
    "[[a|b]]",
    "```",
    "~~~",
    "",
]
INLINE_BITS = [
    "#tag",
    ",",
    ";",
    "é",
    " #t/x",
    "(#p",
    "[[a]]",
    "![[b]]",
    "`[[c]]`",
    "`#d`",
    "!",
    "[[",
    "]]",
    "x",
    " ",
    "\\|",
]


def _lines(chooser: random.Random) -> list[str]:
    return [
        chooser.choice(LINE_PARTS) + chooser.choice(LINE_PARTS[:5]) + chooser.choice(WORDS)
        for _ in range(chooser.randint(1, 12))
    ]


@pytest.mark.parametrize("seed", range(3))
def test_indentation_is_left_alone_only_where_normalizing_would_change_nothing(seed: int) -> None:
    chooser = random.Random(seed)
    for _ in range(3000):
        lines = _lines(chooser)
        start = chooser.choice([0, 0, 1])
        reference = list(lines)
        obsidian._reindent(reference, start)  # the long way, line by line
        assert normalize_indentation(lines, start) == reference, lines
        if not start:
            assert normalize_indentation(lines, text="\n".join(lines)) == reference, lines


def test_plain_lines_skip_the_line_by_line_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(obsidian, "_reindent", lambda out, start: pytest.fail("not needed"))
    lines = ["# Title", "- item", "1. first", "text", "```", "code", "```"]
    assert normalize_indentation(lines) == lines


# The patterns as they were before they were made faster:
_TAG = re.compile(r"(?:(?<=[\s(,;])|^)#([\w/-]{1,100})", re.MULTILINE)
_WIKILINK = re.compile(r"(!?)\[\[([^\[\]\n]{1,500}?)\]\]")


@pytest.mark.parametrize("seed", range(3))
def test_tags_and_wikilinks_are_found_as_before_and_as_in_each_line(seed: int) -> None:
    chooser = random.Random(seed)
    for _ in range(2000):
        parts = ["".join(chooser.choices(INLINE_BITS, k=chooser.randint(0, 8))) for _ in range(4)]
        text = "\n".join(parts)
        stripped = obsidian.strip_code_spans(text)
        tags = [tag for tag in _TAG.findall(stripped) if not tag.replace("/", "").isdigit()]
        assert find_tags(text) == tags == [tag for part in parts for tag in find_tags(part)], text
        links = [
            (m.group(2).replace("\\|", "|").partition("|")[0].strip(), bool(m.group(1)))
            for m in _WIKILINK.finditer(stripped)
        ]
        found = [(link.target, link.embed) for link in find_wikilinks(text)]
        each = [(link.target, link.embed) for part in parts for link in find_wikilinks(part)]
        assert found == links == each, text


def test_plain_text_without_emphasis_marks_is_only_spaced() -> None:
    assert plain_text("  Kube  proxy ") == "Kube proxy"
    assert plain_text("**Kube** _proxy_ ==x== ~~y~~ a\\b") == "Kube proxy x y ab"


def test_fast_blocks_and_sections_equal_the_dataclasses() -> None:
    block = new_block("list_item", "- x", 3, 4, "x", ("lead",))
    assert block == Block("list_item", "- x", 3, 4, "x", ("lead",))
    assert repr(block) == repr(Block("list_item", "- x", 3, 4, "x", ("lead",)))
    assert hash(block) == hash(Block("list_item", "- x", 3, 4, "x", ("lead",)))
    section = new_section("T", 2, ("A", "T"), 5, ("k",), (block,))
    assert section == Section("T", 2, ("A", "T"), 5, ("k",), (block,))
    assert repr(section) == repr(Section("T", 2, ("A", "T"), 5, ("k",), (block,)))
    with pytest.raises(AttributeError):
        block.text = "changed"  # type: ignore[misc]


_APART = re.compile(  # block_tree's checks as one pattern, before each was searched on its own
    r"\n(?:"
    r"[ \t>]*(?:\|[ \t]*:?-+:?[ \t]*\|?|:?-+:?[ \t]*\|)[ \t]*$"
    r"|[ \t]*>[^\n]*\n(?:[ \t]*\S[^\n]*\n)?[ \t]*[|:\-][ \t:\-]*\|[ \t|:\-]*$"
    r"|[ \t]*[\v\f\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000][^\S\n]*$"
    r"|(?:[ \t]*(?:[-+*]|\d{1,9}[.)])[ \t]+|[ \t]+)>[^\n]*\n(?:[ \t]*\S[^\n]*\n)*?[ \t]+[^\s>]"
    r"|[ \t*+\-0-9.)]*>[ \t>*+\-0-9.)]*\t"
    r"|[ \t*+\-0-9.)]*\t[ \t*+\-0-9.)]*>"
    r")",
    re.MULTILINE,
)
TABLE_BITS = [
    "|",
    "---",
    ":-:",
    ">",
    " ",
    "\t",
    "- ",
    "1. ",
    "x",
    "\u00a0",
    "\x0b",
    "\u3000",
    "\n",
    "\n",
    "\n",
]


@pytest.mark.parametrize("seed", range(3))
def test_the_checks_for_markdown_it_py_find_what_the_single_pattern_found(seed: int) -> None:
    chooser = random.Random(seed)
    for _ in range(3000):
        text = "\n" + "".join(chooser.choices(TABLE_BITS, k=chooser.randint(1, 30)))
        one = (
            block_tree._APART_PIPE,
            block_tree._APART_QUOTE,
            block_tree._APART_QUOTE_TAB,
            block_tree._APART_SPACE,
        )
        if _APART.search(text):
            assert block_tree._for_python(text[1:]), text
        else:
            assert not any(pattern.search(text) for pattern in one), text
