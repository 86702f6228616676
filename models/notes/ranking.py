"""User-note readings ranked per element, turned into excerpt candidates only when shown."""

from __future__ import annotations

from collections.abc import Sequence
from operator import attrgetter
from typing import overload

from models.notes.document import NoteDocument
from models.notes.excerpts import Candidate
from models.notes.reading import Reading


class NotePositions:
    """Where each note is in the list of notes (made when first asked: most lists are never shown)."""

    def __init__(self, documents: Sequence[NoteDocument]):
        self._documents = documents
        self._positions: dict[int, int] | None = None

    def __getitem__(self, document: NoteDocument) -> int:
        if self._positions is None:
            self._positions = {id(d): index for index, d in enumerate(self._documents)}
        return self._positions[id(document)]


class RankedReadings(Sequence[Candidate]):
    """Ranked readings that become candidates only when looked at: a panel shows five of thousands."""

    def __init__(self, positions: NotePositions, found: list[Reading]):
        self._positions = positions
        # ``found`` is in note and line order (as ``NotesMatcher.gather`` makes it); the sort is stable.
        self._found = sorted(found, key=_SCORE, reverse=True)

    def moved_to(self, positions: NotePositions) -> RankedReadings:
        """The same ranking in another list of the same notes (where only other notes changed)."""
        moved = RankedReadings(positions, [])
        moved._found = self._found
        return moved

    def __len__(self) -> int:
        return len(self._found)

    @overload
    def __getitem__(self, index: int) -> Candidate: ...

    @overload
    def __getitem__(self, index: slice) -> list[Candidate]: ...

    def __getitem__(self, index: int | slice) -> Candidate | list[Candidate]:
        if isinstance(index, slice):
            return [self._candidate(item) for item in self._found[index]]
        return self._candidate(self._found[index])

    def _candidate(self, r: Reading) -> Candidate:
        order = (self._positions[r.document], r.block.line)
        return Candidate(r.score, order, r.document, r.section, r.block, dict.fromkeys(r.terms))


_SCORE = attrgetter("score")  # a C-level key: a warm sorts every reading of every element
