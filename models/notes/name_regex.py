"""A term index's names as one regex: a trie of their words, written out as nested alternatives.

The names share their first words ("kube-proxy", "kube-scheduler"), so a trie keeps the
pattern short and lets the regex engine try a prefix once; separators between words
(spaces, hyphens, underscores) match any run of them, and a simple plural matches too.
"""

from __future__ import annotations

import re

Trie = dict[str, "Trie"]

NAME_START, LEAD = r"[^a-z0-9](?<![^\W_])", "\n"
"""The names pattern starts by matching the character before a name (fast: a C loop skips to the next
character that is no ASCII letter or digit, then checks that it is no letter or digit at all), so a
text is searched with a character put before it."""
_ATOMS = re.compile(r"[\s_-]+|[^\s_-]")
_SEPARATOR_ATOM, _END = " ", ""


def add_name(trie: Trie, name: str) -> None:
    """Put ``name`` (lower-cased, runs of spaces made one) into ``trie`` atom by atom."""
    node = trie
    for atom in _ATOMS.findall(" ".join(name.lower().split())):
        node = node.setdefault(_SEPARATOR_ATOM if atom[0] in " _-" else atom, {})
    node[_END] = {}


def name_pattern(trie: Trie) -> str:
    """The names of ``trie`` as one regex, the name as group 1, never inside a longer word.

    When every name starts with a letter or digit, the pattern matches the character before it
    (:data:`NAME_START`): the regex engine then skips in C to the next character that may be one
    instead of trying the names at every position; otherwise the start is a look-behind alone.
    """
    if not trie:
        return "(?!)()"
    names = _trie_regex(trie)
    if all(atom != _SEPARATOR_ATOM and atom.isalnum() for atom in trie):
        return NAME_START + "(" + names + ")"
    return r"(?<![^\W_])(" + names + ")"


def _trie_regex(node: Trie) -> str:
    branches = []
    for atom in sorted(node, key=lambda a: (a == _END, a)):
        if atom == _END:
            branches.append(r"(?:e?s)?(?![^\W_])")  # simple plurals; never inside a longer word
        else:
            piece = r"[\s_-]*" if atom == _SEPARATOR_ATOM else re.escape(atom)
            branches.append(piece + _trie_regex(node[atom]))
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
