"""Architectures named as a contrast ("unlike Kubernetes", "different from the EC2 mode"): such a name
does not vote for what a block is about (see :mod:`models.notes.reading`)."""

from __future__ import annotations

import re

from models.notes.matching import Hit

_CONTRAST = re.compile(
    r"(?:unlike|different from|differs from|compared (?:to|with)|vs\.?|versus|instead of|rather than|"
    r"not the same as|than)\s+(?:the\s+|an?\s+|in\s+)?[`*_]*$",
    re.IGNORECASE,
)


def stated_hits(prose: str, hits: list[Hit]) -> list[Hit]:
    """The hits but the architectures named as a contrast (most blocks have no contrast word at all)."""
    if prose.isascii() and not _may_contrast(prose.lower()):
        return hits
    return [hit for hit in hits if not (hit.architecture and contrasted(prose, hit))]


def _may_contrast(lowered: str) -> bool:
    """Does this lower-case ASCII text hold a word every match of ``_CONTRAST`` holds? (Beyond ASCII,
    case-insensitive matching has more cases than lower case: "ſ" is an "s".) Substring tests: a regex
    of these words tries most positions of a text, as they start with common letters."""
    return (
        "than" in lowered
        or "vs" in lowered
        or "unlike" in lowered
        or "differ" in lowered
        or "compared" in lowered
        or "versus" in lowered
        or "instead" in lowered
        or "same as" in lowered
    )


def contrasted(prose: str, hit: Hit) -> bool:
    """True for an architecture named as a contrast ("unlike Kubernetes", "different from the EC2 mode")."""
    return bool(_CONTRAST.search(prose, max(0, hit.start - 30), hit.start))
