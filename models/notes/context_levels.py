"""The context a block of a note is read in (see :mod:`models.notes.reading`): its title, the headings
above it and its leads, each read once per text, and what they hand down to a block that names no
subject of its own."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cached_property

from models.notes.matching import Hit, TermIndex
from models.notes.names import name_key

# What a subject handed down scores, by where it comes from.
INHERITED_LEAD, INHERITED_HEADING, INHERITED_TITLE = 1.5, 1.3, 1.1
# How much the nearest heading, and those further up, count when deciding which architecture a block
# is about (the other levels' weights are in models.notes.reading).
HEADING_WEIGHT, FAR_HEADING_WEIGHT = 0.7, 0.4

LEADING_NOISE = re.compile(
    r"[\s`*_=>|#\[\]!.0-9)(-]*(?:(?:the|a|an|each|every|this|our|your)\s+[`*_=]*)?", re.IGNORECASE
)


class Level:
    """A piece of context (title, heading, lead): its vote and the subjects it hands down.

    A title or heading hands down every component it names; a lead (a sentence)
    only the one it starts with.
    """

    def __init__(self, terms: TermIndex, text: str, weight: float, inherited: float):
        hits = [hit for hit in terms.heading_hits(text) if not hit.compound]
        self.vote = weight * terms.signal(hits)
        self.stance = terms.stance(text)
        self.inherited = inherited
        if inherited == INHERITED_LEAD:
            hits = [hit for hit in hits if hit.start <= leading_end(text)]
        self.hits = hits
        # What subjects are chosen by, not the index itself: the index keeps its levels (no cycle).
        self.components, self.own_keys, self.family_words = (
            terms.components,
            terms.own_keys,
            terms.family_words,
        )
        self._subjects: dict[tuple[bool, bool], list[Hit]] = {}

    @cached_property
    def hands_down(self) -> bool:
        """Does it hand any subject down in a context about this architecture? (memoised)"""
        return bool(self.subjects(1.0) or self.subjects(1.0, groups=True))

    def subjects(self, context: float, *, groups: bool = False) -> list[Hit]:
        """What this text hands down to the blocks under it (see :meth:`_find_subjects`); memoised."""
        key = (context > 0, groups)
        found = self._subjects.get(key)
        if found is None:
            found = self._subjects[key] = self._find_subjects(context, groups=groups)
        return found

    def _find_subjects(self, context: float, *, groups: bool) -> list[Hit]:
        """Components (or groups) this text names; common words only in a context about this architecture.

        A common word in a title, or one that fits several components, is a topic, not a
        subject. A component called by the architecture's own name ("ECS" for the ECS control
        plane, "Fargate" for Fargate capacity) is not handed down: a heading "ECS" is about all
        of ECS.
        """
        found = [
            h
            for h in self.hits
            if h.element
            and (h.element not in self.components) == groups
            and (not h.generic or context > 0)
            and name_key(h.text) not in self.own_keys
            and h.text.lower() not in self.family_words
        ]
        if self.inherited == INHERITED_TITLE or len({hit.element for hit in found if hit.generic}) > 1:
            found = [hit for hit in found if not hit.generic]  # "Containers on AWS": a topic, not a subject
        return found


class HeadingPath:
    """The headings above a section (nearest first), read once per heading path: their votes, the
    nearest one with a stance, and whether any hands a subject down."""

    def __init__(self, heading_path: tuple[str, ...], level: Callable[[str, float, float], Level]):
        self.above = [
            level(heading, HEADING_WEIGHT if depth == 0 else FAR_HEADING_WEIGHT, INHERITED_HEADING)
            for depth, heading in enumerate(reversed(heading_path))
        ]
        self.votes: float = 0  # as sum() adds them (the scores must not change in their last digit)
        self.nearest: Level | None = None
        self.hands_down = False
        for near in self.above:
            self.votes += near.vote
            if self.nearest is None and near.stance:
                self.nearest = near
            self.hands_down = self.hands_down or near.hands_down
        self._inherited: dict[bool, Inherited] = {}

    def inherited(self, context: float) -> Inherited:
        """:func:`_inherit` from these headings alone (memoised)."""
        key = context > 0
        found = self._inherited.get(key)
        if found is None:
            found = self._inherited[key] = inherit(self.above, None, context)
        return found


class Headings:
    """What a block of one section, with no list or lead-in of its own, gets from the headings above
    it and the note's title: the same for every such block of the section."""

    def __init__(self, path: HeadingPath, title: Level):
        self.path, self.above, self.title = path, path.above, title
        self.votes, self.nearest = path.votes, path.nearest
        self._inherited: dict[bool, Inherited] = {}

    def inherited(self, context: float) -> Inherited:
        """:func:`_inherit` from the headings and the title (memoised)."""
        key = context > 0
        found = self._inherited.get(key)
        if found is None:
            # as inherit([*self.above, self.title], self.title, context), the headings' part shared
            components, strong, groups = self.path.inherited(context)
            title = self.title
            if not components:
                components = [(hit, title.inherited) for hit in title.subjects(context)]
            if not groups:
                groups = [(hit, title.inherited) for hit in title.subjects(context, groups=True)]
            found = self._inherited[key] = components, strong, groups
        return found


Inherited = tuple[list[tuple[Hit, float]], bool, list[tuple[Hit, float]]]
"""Subjects handed down to a block that names none (see :func:`_inherit`)."""


def inherit(levels: list[Level], title: Level | None, context: float) -> Inherited:
    """The components the nearest level that names any hands down (with its score), whether they make
    names further in a block passing mentions (a lead's or heading's specific names do), and the
    groups the nearest level that names any hands down (used when no component is handed down)."""
    components: list[tuple[Hit, float]] = []
    strong = False
    for near in levels:
        found = near.subjects(context)
        if found:
            components = [(hit, near.inherited) for hit in found]
            strong = near is not title and any(not h.generic for h in found)
            break
    groups: list[tuple[Hit, float]] = []
    for near in levels:
        found = near.subjects(context, groups=True)
        if found:
            groups = [(hit, near.inherited) for hit in found]
            break
    return components, strong, groups


def leading_end(prose: str) -> int:
    """Where the block's first word starts: a name starting there is the block's own subject."""
    return LEADING_NOISE.match(prose).end()  # type: ignore[union-attr]  # the pattern matches empty text
