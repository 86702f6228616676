"""Term indexes shared by the matchers made for the very same architectures, with their fingerprints."""

from __future__ import annotations

import hashlib

from models.architecture import Architecture
from models.notes.matching import TermIndex

_RECENT_INDEXES = 8
_indexes: dict[tuple[int, ...], tuple[Architecture, tuple[Architecture, ...], TermIndex, str]] = {}


def shared_term_index(architecture: Architecture, others: tuple[Architecture, ...]) -> tuple[TermIndex, str]:
    """The term index of ``architecture`` among ``others`` and its fingerprint, shared by the matchers
    made for the very same architecture objects (a load reads the notes for the architecture on
    screen before its library exists; building an index takes ~50 ms).

    An index only adds to its caches, each one dict assignment of a value it computes from
    itself, so matchers on different threads may share it (see :class:`~models.notes.library.NotesLibrary`).
    """
    key = (id(architecture), *map(id, others))
    known, objects = _indexes.get(key), (architecture, *others)
    if known is None or any(a is not b for a, b in zip((known[0], *known[1]), objects, strict=True)):
        terms = TermIndex.for_architecture(architecture, others)
        known = (architecture, others, terms, fingerprint(terms))
        if len(_indexes) >= _RECENT_INDEXES:
            _indexes.clear()  # architectures since replaced: start again (one step, safe across threads)
        _indexes[key] = known
    return known[2], known[3]


def fingerprint(terms: TermIndex) -> str:
    """Names a term index by everything that decides what it finds: equal indexes read notes alike."""
    decisive = (
        terms.pattern.pattern,
        sorted((key, sorted(targets.items())) for key, targets in terms.targets.items()),
        sorted(terms.members.items()),
        sorted(terms.components),
        sorted(terms.own_keys),
        sorted(terms.family_words),
    )
    return hashlib.sha256(repr(decisive).encode()).hexdigest()
