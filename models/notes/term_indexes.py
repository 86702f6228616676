"""Term indexes shared by the matchers made for the very same architectures, with their fingerprints."""

from __future__ import annotations

import hashlib
import weakref
from dataclasses import dataclass

from models.architecture import Architecture
from models.notes.matching import TermIndex


@dataclass(frozen=True, eq=False)
class SharedIndex:
    """A term index, its fingerprint and the architectures it was made for."""

    made_for: tuple[Architecture, ...]
    terms: TermIndex
    fingerprint: str


_indexes: weakref.WeakValueDictionary[tuple[int, ...], SharedIndex] = weakref.WeakValueDictionary()


def shared_term_index(architecture: Architecture, others: tuple[Architecture, ...]) -> SharedIndex:
    """The term index of ``architecture`` among ``others``, shared by the matchers alive for the very
    same architecture objects (a load reads the notes for the architecture on screen before its
    library exists; building an index takes ~50 ms). It is forgotten with its last matcher.

    An index only adds to its caches, each one dict assignment of a value it computes from
    itself, so matchers on different threads may share it (see :class:`~models.notes.library.NotesLibrary`).
    """
    made_for = (architecture, *others)
    key = tuple(map(id, made_for))
    shared = _indexes.get(key)
    if shared is None or any(a is not b for a, b in zip(shared.made_for, made_for, strict=True)):
        terms = TermIndex.for_architecture(architecture, others)
        shared = _indexes[key] = SharedIndex(made_for, terms, fingerprint(terms))
    return shared


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
