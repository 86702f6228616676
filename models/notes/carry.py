"""Rankings a library keeps from the one it was made from when only some notes changed in place.

After an edit, a reload gives the same notes but one, at the same places. The
matcher (shared by the two libraries) keeps what each note says; the ranking of
an element that no changed note is about, before or after the change, is the
same ranking, in the new list of notes: it is carried over instead of being
gathered and sorted again. Anything else (notes added, removed or moved, a
changed note not read before) ranks afresh.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from models.notes.document import NoteDocument
from models.notes.excerpts import SUMMARY_KEY, Candidate
from models.notes.ranking import NotePositions, RankedReadings

if TYPE_CHECKING:
    from models.architecture import Architecture
    from models.notes.library import NotesMatcher


class Matched(Protocol):
    """What a library holds per architecture (``library._Matches``)."""

    architecture: Architecture
    matcher: NotesMatcher
    ranked: dict[str, Sequence[Candidate]]


@dataclass
class EarlierRanking:
    """One architecture's rankings in the earlier library, and what its changed notes were about."""

    matcher: NotesMatcher
    ranked: dict[str, Sequence[Candidate]]
    changed: list[NoteDocument]  # the new versions
    keys: set[str]  # what the old versions were about (element keys, SUMMARY_KEY for summaries)

    def carried(self, positions: NotePositions) -> dict[str, Sequence[Candidate]]:
        """The rankings (by element id) that stay, in the list of notes of ``positions``."""
        keys = set(self.keys)
        for document in self.changed:
            keys.update(self.matcher.readings(document))
            if self.matcher.summary_sections(document):
                keys.add(SUMMARY_KEY)
        key_of = {
            element: key for key, elements in self.matcher.terms.members.items() for element in elements
        }
        carried: dict[str, Sequence[Candidate]] = {}
        for element, ranked in self.ranked.items():
            if key_of.get(element, element) in keys:
                continue
            if isinstance(ranked, RankedReadings):
                carried[element] = ranked.moved_to(positions)
            elif element == SUMMARY_KEY:  # candidates ordered by note position: the positions stay
                carried[element] = ranked
        return carried


def earlier_rankings(
    before: Sequence[NoteDocument], after: Sequence[NoteDocument], matched: Sequence[Matched]
) -> dict[str, EarlierRanking]:
    """By architecture id, what a library of ``after`` can keep of the rankings made for ``before``."""
    if len(before) != len(after):
        return {}
    changed = [(old, new) for old, new in zip(before, after, strict=True) if old is not new]
    earlier = {}
    for found in matched:
        keys: set[str] = set()
        for old, _new in changed:
            read = found.matcher.keys_read(old)
            if read is None:
                break
            keys |= read
        else:
            ranked = dict(found.ranked)  # one step: another thread may be adding to it
            earlier[found.architecture.id] = EarlierRanking(
                found.matcher, ranked, [n for _, n in changed], keys
            )
    return earlier
