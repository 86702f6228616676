"""The block tree of a note: markdown-it.rs (``markdown-it-pyrs``) with its block rules only.

markdown-it.rs builds the tree in Rust, several times faster than markdown-it-py
tokenises. With no inline rules each heading, paragraph and table cell holds one
``text`` node whose content is its raw inline source, as markdown-it-py's inline
tokens held it; tight lists hold that ``text`` node without a paragraph around it.
Positions are byte offsets (``srcmap``); :meth:`BlockTree.lines` turns them into
line numbers.

markdown-it-py stays the reference, and parses the notes markdown-it.rs cannot be
trusted with: a note whose containers may nest :data:`MAX_NESTING` deep (where
markdown-it-py stops parsing and markdown-it.rs does not; far deeper, its
recursion would overflow the stack), or one it fails on. Its tokens become nodes of
the same shape (:class:`_TokenNode`), so one builder reads both. Front matter is
found here, as ``mdit-py-plugins``' front matter rule found it, and its lines are
left blank for the parser.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Any, Protocol

from markdown_it_pyrs import MarkdownIt as RustMarkdownIt

_ONE_MORE = (1).__add__
MAX_NESTING = 60
"""Deeper quotes and lists are not parsed further (markdown-it-py's own recursion guard)."""
_RUST = (
    RustMarkdownIt("zero")
    .enable_many(
        [
            "blockquote",
            "code",
            "fence",
            "heading",
            "hr",
            "lheading",
            "list",
            "paragraph",
            "reference",
            "html_block",
        ]
    )
    .enable("table")
)
# Each pattern is searched in the text after a newline, and a line-start pattern starts with one:
# Python's re then tries only the newlines, not every character.
#
# A container's content starts at a column at least as deep as its nesting (a quote's ">" is one
# column, a list and its item two), so lines indented less than this cannot reach the limit.
_CONTAINER_PREFIX = re.compile(r"\n[ \t>*+\-0-9.)]{15,}")
# Where markdown-it.rs and markdown-it-py part (found by comparing them on random mixes of tricky
# lines, tests/models/test_notes_block_tree.py), markdown-it-py parses the note:
#
# Each pattern needs a character most notes lack, and is searched only in a note that has it.
_APART_PIPE = re.compile(
    r"\n(?:"
    # a one-column table: markdown-it-py needs a pipe in its header row
    r"[ \t>]*(?:\|[ \t]*:?-+:?[ \t]*\|?|:?-+:?[ \t]*\|)[ \t]*$"
    # a table starting on a quote's lazy line
    r"|[ \t]*>[^\n]*\n(?:[ \t]*\S[^\n]*\n)?[ \t]*[|:\-][ \t:\-]*\|[ \t|:\-]*$"
    r")",
    re.MULTILINE,
)
_APART_QUOTE = re.compile(
    # the indented lazy line of a quote in a list item: the two indent it differently
    r"\n(?:[ \t]*(?:[-+*]|\d{1,9}[.)])[ \t]+|[ \t]+)>[^\n]*\n"
    r"(?:[ \t]*\S[^\n]*\n)*?[ \t]+[^\s>]"
)
_APART_QUOTE_TAB = re.compile(
    # a tab among a quote's markers: the two expand it differently in the quote's text
    r"\n(?:[ \t*+\-0-9.)]*>[ \t>*+\-0-9.)]*\t|[ \t*+\-0-9.)]*\t[ \t*+\-0-9.)]*>)"
)
# a line of white space other than spaces and tabs (\v, \f or not ASCII): markdown-it-py ends a table there
_ODD_SPACE = r"[\v\f\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
_APART_SPACE = re.compile(rf"\n[ \t]*{_ODD_SPACE}[^\S\n]*$", re.MULTILINE)
# A one-column table's header without a pipe, under a line with one.
_PIPE_OVER_RULE = re.compile(r"\|[^\n]*\n[ \t>]*:?-+:?[ \t]*$", re.MULTILINE)
# HTML block names of CommonMark 0.31 (markdown-it-py) and 0.30 (markdown-it.rs): one has each.
_HTML_NAMES_APART = re.compile(r"</?(?:search|source)(?:[\s/>]|$)", re.IGNORECASE | re.MULTILINE)
# A list item that cannot interrupt a paragraph (empty, or numbered other than 1) right after a line:
# in a quote or a table (or after a "[" line) markdown-it-py ends the block there, markdown-it.rs
# goes on.
_WEAK_ITEM = re.compile(
    r"\n[ \t>]*(?:(?:[-+*]|\d{1,9}[.)])[ \t]*$|(?!0*1[.)])\d{1,9}[.)][ \t])", re.MULTILINE
)
_QUOTE_OR_TABLE = re.compile(r"\||^[ \t]*(?:(?:[-+*]|\d{1,9}[.)])[ \t]+)*[>\[]", re.MULTILINE)


class BlockNode(Protocol):
    """What the builder reads of a node: markdown-it-pyrs' ``Node``, or a :class:`_TokenNode`."""

    @property
    def name(self) -> str: ...
    @property
    def srcmap(self) -> tuple[int, int] | None: ...
    @property
    def meta(self) -> Mapping[str, Any]: ...
    @property
    def children(self) -> Sequence[BlockNode]: ...


@dataclass(frozen=True)
class BlockTree:
    """The top-level blocks of a note, the note's front matter, and where each line starts."""

    blocks: Sequence[BlockNode]
    front_matter: str | None
    starts: list[int]  # byte offset of each line in the text parsed

    def lines(self, node: BlockNode) -> tuple[int, int]:
        """The 0-based first line of ``node`` and the line after its last (``(0, 1)`` when unknown)."""
        span = node.srcmap
        if span is None:
            return 0, 1
        first = bisect_right(self.starts, span[0]) - 1
        return first, max(first, bisect_right(self.starts, span[1] - 1) - 1) + 1


def block_tree(lines: list[str], text: str | None = None) -> BlockTree:
    """Parse ``lines`` (newlines and NUL already normalised) into blocks; ``text``: the lines joined by
    newlines, when the caller has them."""
    front = front_matter(lines)
    end = front[1] if front else 0
    if end or text is None:
        text = "\n" * end + "\n".join(lines[end:])
    sizes = map(len, lines[end:]) if text.isascii() else (len(line.encode()) for line in lines[end:])
    starts = [*range(end), *accumulate(map(_ONE_MORE, sizes), initial=end)]  # each line and its newline
    content = front[0] if front else None
    if not _for_python(text):
        try:
            tree = BlockTree(_RUST.tree(text).children, content, starts)
        except BaseException as error:  # a panic in Rust code (pyo3's PanicException is no Exception)
            if type(error).__name__ != "PanicException":
                raise
        else:
            if not _html_before_blank_end(tree, len(lines)):
                return tree
    return BlockTree(_python_tree(text, starts), content, starts)


def front_matter(lines: list[str]) -> tuple[str, int] | None:
    """The front matter's text and the line after it, as ``mdit-py-plugins``' rule reads a note's
    start: a line of three dashes or more, up to a line of at least as many (trailing spaces
    allowed, indented less than 4) or a ``...`` line; an unclosed one is none."""
    markers = len(lines[0]) - len(lines[0].lstrip("-")) if lines else 0
    if markers < 3:
        return None
    for index in range(1, len(lines)):
        line = lines[index]
        stripped = line.lstrip(" \t")
        if line.startswith("...") and not line[3:].strip(" \t"):
            break
        if _columns(line[: len(line) - len(stripped)]) >= 4 or not stripped.startswith("-"):
            continue
        dashes = len(stripped) - len(stripped.lstrip("-"))
        if dashes >= markers and not stripped[dashes:].strip(" \t"):
            break
    else:
        return None
    return "\n".join(lines[1:index]), index + 1


def _columns(indent: str) -> int:
    return len(indent.expandtabs(4))


def _for_python(text: str) -> bool:
    """Should markdown-it-py parse ``text``? (see the module)"""
    text = "\n" + text  # see the patterns
    pipe, quote = "|" in text, ">" in text
    if pipe and (_APART_PIPE.search(text) or _PIPE_OVER_RULE.search(text)):
        return True
    if quote and (_APART_QUOTE.search(text) or ("\t" in text and _APART_QUOTE_TAB.search(text))):
        return True
    odd_space = not text.isascii() or "\v" in text or "\f" in text
    if odd_space and _APART_SPACE.search(text):
        return True
    if "<" in text and _HTML_NAMES_APART.search(text):
        return True
    for match in _WEAK_ITEM.finditer(text) if pipe or quote or "[" in text else ():
        line = text.rfind("\n", 0, match.start()) + 1  # the line above the item's
        if text[line : match.start()].strip(" \t"):
            start = text.rfind("\n\n", 0, match.start()) + 1  # where that paragraph, quote or table starts
            if _QUOTE_OR_TABLE.search(text, start, match.end()):
                return True
    return any(_columns(match.group()[1:]) >= MAX_NESTING - 2 for match in _CONTAINER_PREFIX.finditer(text))


def _html_before_blank_end(tree: BlockTree, count: int) -> bool:
    """Does the note end on an HTML block and blank lines? (markdown-it-py may count them in)"""
    last = tree.blocks[-1] if tree.blocks else None
    return last is not None and last.name == "html_block" and tree.lines(last)[1] < count


@dataclass
class _TokenNode:
    name: str
    srcmap: tuple[int, int] | None
    meta: dict[str, Any]
    children: list[_TokenNode] = field(default_factory=list)


_NODE_NAMES = {
    "heading_open": "heading",
    "paragraph_open": "paragraph",
    "inline": "text",
    "blockquote_open": "blockquote",
    "bullet_list_open": "bullet_list",
    "ordered_list_open": "ordered_list",
    "list_item_open": "list_item",
    "table_open": "table",
    "thead_open": "thead",
    "tbody_open": "tbody",
    "tr_open": "trow",
    "th_open": "tcell",
    "td_open": "tcell",
}


def _python_tree(text: str, starts: list[int]) -> list[_TokenNode]:
    """markdown-it-py's tokens for ``text`` as nodes shaped like markdown-it-pyrs' (see the module)."""
    from markdown_it import MarkdownIt  # only for the rare note markdown-it.rs does not parse

    markdown = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).enable("table")
    markdown.disable(["normalize", "inline", "text_join"])
    root = _TokenNode("root", None, {})
    stack = [root]
    for token in markdown.parse(text):
        if token.nesting < 0:
            stack.pop()
            continue
        span = (starts[token.map[0]], starts[token.map[1] - 1] + 1) if token.map else None
        meta: dict[str, Any] = {"content": token.content}
        if token.type == "heading_open":
            meta = {"level": int(token.tag[1:])}
        node = _TokenNode(_NODE_NAMES.get(token.type, token.type), span, meta)
        stack[-1].children.append(node)
        if token.nesting > 0:
            stack.append(node)
    return root.children
