"""Forgiving comparison of names: case, hyphens, punctuation and small typos don't matter."""

from __future__ import annotations

import re
import unicodedata

_SEPARATORS = re.compile(r"[\s\-_/.:,;()\[\]'\"`+&]+")
_QUALIFIER = re.compile(r"\s*(?:\(\s*[A-Za-z0-9]\s*\)|\s[A-Z0-9])$")


def normalize(text: str) -> str:
    """Lower case, accents folded, separator runs one space: "Kube-API_server" → "kube api server"."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(char for char in folded if not unicodedata.combining(char)).casefold()
    return " ".join(_SEPARATORS.sub(" ", folded).split())


def squashed(text: str) -> str:
    """The normalized text without spaces, so "kube apiserver" equals "kubeapiserver"."""
    return normalize(text).replace(" ", "")


def base_label(label: str) -> str:
    """The label without a trailing one-letter or one-digit qualifier: "EKS ENI (a)" → "EKS ENI"."""
    stripped = _QUALIFIER.sub("", label).strip()
    return stripped or label


def edit_distance(first: str, second: str, limit: int) -> int:
    """Damerau-Levenshtein distance (adjacent swaps count once), or ``limit + 1`` when larger."""
    if abs(len(first) - len(second)) > limit:
        return limit + 1
    previous_row: list[int] | None = None
    row = list(range(len(second) + 1))
    for i, char in enumerate(first, start=1):
        before, previous_row, row = previous_row, row, [i] + [0] * len(second)
        for j, other in enumerate(second, start=1):
            cost = 0 if char == other else 1
            row[j] = min(previous_row[j] + 1, row[j - 1] + 1, previous_row[j - 1] + cost)
            if before is not None and j > 1 and char == second[j - 2] and first[i - 2] == other:
                row[j] = min(row[j], before[j - 2] + 1)
        if min(row) > limit:
            return limit + 1
    return min(row[-1], limit + 1)


def typo_allowance(text: str) -> int:
    """How many typos a name of this length forgives: none under 5 letters, one, then two from 10."""
    length = len(squashed(text))
    if length < 5:
        return 0
    return 1 if length < 10 else 2
