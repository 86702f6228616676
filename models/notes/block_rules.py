"""A faster start for markdown-it's block rules: at each block, only the rules its first character allows.

markdown-it tries every block rule in turn at the start of each block (and of
each list item's content); on a large vault most of the parse is rules that
look at the first character and give up. :func:`dispatch`, put first in the
chain, calls only the rules that can match a block starting with that
character, in markdown-it's own order, so the tokens are the same; the table
and setext-heading rules only when the lines below can make one. A block
starting with anything else (``:``, ``(``, ``"``…), an indented code line or
the first line of a note (front matter) goes down the usual chain.

The same holds for the rules that may end a paragraph or a list item without a
blank line ("terminators", asked about every line of a paragraph and every new
item): :func:`use_dispatch` takes them out of those two chains and puts in one
rule each that asks only those that can start with the line's first character.
Whether a line ends the block is all a terminator says (each is called
``silent``), so the answer is the same.
"""

from __future__ import annotations

from collections.abc import Callable

from markdown_it import MarkdownIt
from markdown_it.rules_block import (
    blockquote,
    fence,
    heading,
    hr,
    html_block,
    lheading,
    list_block,
    paragraph,
    reference,
    table,
)
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
    "!": _TEXT,
    "`": (table, fence, lheading, paragraph),
    "~": (table, fence, lheading, paragraph),
    ">": (table, blockquote, lheading, paragraph),
    "<": (table, html_block, lheading, paragraph),
    "[": (table, reference, lheading, paragraph),
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


# What can end a paragraph, or a list item, at a line starting with this character (the table
# rule, which can start with any character, is asked apart). The front matter rule is left out:
# it only matches on a note's first line, never the next line of a block.
_ENDS_PARAGRAPH: dict[str, tuple[_Rule, ...]] = {
    "`": (fence,),
    "~": (fence,),
    ">": (blockquote,),
    "*": (hr, list_block),
    "-": (hr, list_block),
    "_": (hr,),
    "+": (list_block,),
    "<": (html_block,),
    "#": (heading,),
    **{digit: (list_block,) for digit in "0123456789"},
}
_ENDS_LIST_ITEM: dict[str, tuple[_Rule, ...]] = {
    "`": (fence,),
    "~": (fence,),
    ">": (blockquote,),
    "*": (hr,),
    "-": (hr,),
    "_": (hr,),
}
# The rules in each terminator chain that the two functions below stand for. The front matter rule
# only matches on a note's first line, never on the next line of a block, so it is left out.
_TERMINATORS = {
    "paragraph": {"front_matter", "table", "fence", "blockquote", "hr", "list", "html_block", "heading"},
    "list": {"front_matter", "fence", "blockquote", "hr"},
}


def ends_paragraph(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """Does a block start at ``start_line`` that ends the paragraph above it? (see the module)"""
    if _may_be_table(state, start_line, end_line) and table(state, start_line, end_line, True):
        return True
    rules = _ENDS_PARAGRAPH.get(_first_character(state, start_line), ())
    return any(rule(state, start_line, end_line, True) for rule in rules)


def ends_list_item(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """Does a block start at ``start_line`` that ends the list above it? (see the module)"""
    rules = _ENDS_LIST_ITEM.get(_first_character(state, start_line), ())
    return any(rule(state, start_line, end_line, True) for rule in rules)


def use_dispatch(markdown: MarkdownIt) -> MarkdownIt:
    """Put :func:`dispatch` first in ``markdown``'s block chain (not as a terminator of others), and
    :func:`ends_paragraph` and :func:`ends_list_item` in place of the terminators of those blocks
    (when the chains hold the rules they were written for; otherwise they are left as they are)."""
    ruler = markdown.block.ruler
    first = ruler.get_all_rules()[0]
    ruler.before(first, "dispatch", dispatch)
    for chain, replacement in (("paragraph", ends_paragraph), ("list", ends_list_item)):
        rules = [rule for rule in ruler.__rules__ if rule.enabled and chain in rule.alt]
        if {rule.name for rule in rules} != _TERMINATORS[chain]:
            continue
        for rule in rules:
            ruler.at(rule.name, rule.fn, {"alt": [name for name in rule.alt if name != chain]})
        # Last in the main chain, after the paragraph rule that always matches: never tried there.
        ruler.push(f"ends_{chain}", replacement, {"alt": [chain]})
    return markdown
