"""Groups from the note's headings: the headings that gather two components or more.

A heading keeps its components and those of the headings below it; a heading
with fewer than two is dropped and its components move up to the nearest kept
heading. So do headings that only wrap one kept sub-heading, the note's title
heading, and the usual housekeeping headings ("Overview", "Pitfalls", …).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from models.drafting.text import Heading

_HOUSEKEEPING = re.compile(
    r"(?i)^(overview|summary|introduction|intro|notes?|references?|links?|see also|pitfalls|gotchas|"
    r"open questions|questions|todo|to do|takeaways|key points|tl;?dr|glossary|sources|further reading)\b"
)
_SLUG = re.compile(r"[^a-z0-9]+")
_MIN_COMPONENTS = 2


@dataclass(frozen=True)
class HeadingGroup:
    id: str
    label: str
    parent: str | None


def group_headings(
    headings: Sequence[Heading], homes: Mapping[str, int | None], skip_title: int | None = None
) -> tuple[list[HeadingGroup], dict[str, str]]:
    """The kept groups (outermost first) and the group of each component reference."""
    usable = {h.index for h in headings if h.index != skip_title and not _HOUSEKEEPING.match(h.title)}
    totals = dict.fromkeys(usable, 0)
    direct: dict[int, set[str]] = {index: set() for index in usable}
    for reference, home in homes.items():
        nearest = _nearest(headings, home, usable)
        if nearest is not None:
            direct[nearest].add(reference)
        for ancestor in _chain(headings, nearest):
            if ancestor in usable:
                totals[ancestor] += 1
    kept = {index for index, total in totals.items() if total >= _MIN_COMPONENTS}
    for index in sorted(kept, key=lambda i: headings[i].level):
        children = [child for child in kept if _nearest(headings, headings[child].parent, kept) == index]
        if not direct[index] and len(children) == 1 and totals[children[0]] == totals[index]:
            kept.discard(index)
    ids: dict[int, str] = {}
    groups = []
    for index in sorted(kept):
        wanted = _SLUG.sub("-", headings[index].title.casefold()).strip("-")[:50] or "group"
        ids[index] = _unique(f"group-{wanted}", set(ids.values()))
    for index in sorted(kept):
        parent = _nearest(headings, headings[index].parent, kept)
        groups.append(
            HeadingGroup(ids[index], headings[index].title, ids[parent] if parent is not None else None)
        )
    group_of = {}
    for reference, home in homes.items():
        nearest = _nearest(headings, home, kept)
        if nearest is not None:
            group_of[reference] = ids[nearest]
    return groups, group_of


def _chain(headings: Sequence[Heading], index: int | None) -> list[int]:
    chain = []
    while index is not None:
        chain.append(index)
        index = headings[index].parent
    return chain


def _nearest(headings: Sequence[Heading], index: int | None, allowed: set[int]) -> int | None:
    return next((candidate for candidate in _chain(headings, index) if candidate in allowed), None)


def _unique(wanted: str, taken: set[str]) -> str:
    candidate, number = wanted, 2
    while candidate in taken:
        candidate, number = f"{wanted}-{number}", number + 1
    return candidate
