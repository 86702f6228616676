"""A faster start for markdown-it's block rules: at each block, only the rules its first character allows.

markdown-it tries every block rule in turn at the start of each block (and of
each list item's content); on a large vault most of the parse is rules that
look at the first character and give up. :func:`dispatch`, put first in the
chain, calls only the rules that can match a block starting with that
character, in markdown-it's own order, so the tokens are the same; the table
and setext-heading rules only when the lines below can make one. A block
starting with anything else (``>``, `````, ``<``, ``[``…), an indented code
line or the first line of a note (front matter) goes down the usual chain.
"""

from __future__ import annotations

from collections.abc import Callable

from markdown_it import MarkdownIt
from markdown_it.rules_block import heading, hr, lheading, list_block, paragraph, table
from markdown_it.rules_block.state_block import StateBlock

_Rule = Callable[[StateBlock, int, int, bool], bool]
_TEXT: tuple[_Rule, ...] = (table, lheading, paragraph)
_BY_CHARACTER: dict[str, tuple[_Rule, ...]] = {
    "#": (table, heading, lheading, paragraph),
    "-": (table, hr, list_block, lheading, paragraph),
    "*": (table, hr, list_block, lheading, paragraph),
    "_": (table, hr, lheading, paragraph),
    "+": (table, list_block, lheading, paragraph),
    "|": _TEXT,
    **{digit: (table, list_block, lheading, paragraph) for digit in "0123456789"},
}


def dispatch(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """Try only the rules a block starting with this character can match (see the module)."""
    if silent or start_line == 0 or state.is_code_block(start_line):
        return False
    character = state.src[state.bMarks[start_line] + state.tShift[start_line]]
    rules = _BY_CHARACTER.get(character) or (_TEXT if character.isalpha() else ())
    for rule in rules:
        if rule is table and not _may_be_table(state, start_line, end_line):
            continue
        if rule is lheading and not _may_be_setext(state, start_line, end_line):
            continue
        if rule(state, start_line, end_line, False):
            return True
    return False


def _first_character(state: StateBlock, line: int) -> str:
    start = state.bMarks[line] + state.tShift[line]
    return state.src[start] if start < state.eMarks[line] else ""


def _may_be_table(state: StateBlock, start_line: int, end_line: int) -> bool:
    """A table needs a delimiter row (``|---|``, ``---|``, ``:--``) on the next line."""
    return start_line + 2 <= end_line and _first_character(state, start_line + 1) in ("|", "-", ":")


def _may_be_setext(state: StateBlock, start_line: int, end_line: int) -> bool:
    """A setext heading needs a ``===`` or ``---`` line before the paragraph's first blank line."""
    for line in range(start_line + 1, end_line):
        character = _first_character(state, line)
        if not character:
            return False
        if character in ("=", "-"):
            return True
    return False


def use_dispatch(markdown: MarkdownIt) -> MarkdownIt:
    """Put :func:`dispatch` first in ``markdown``'s block chain (not as a terminator of others)."""
    first = markdown.block.ruler.get_all_rules()[0]
    markdown.block.ruler.before(first, "dispatch", dispatch)
    return markdown
