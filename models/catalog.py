"""The set of architectures the app offers: the built-in ones plus the user's own."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from models.loader import LoadResult, load_architectures
from models.paths import ARCHITECTURES_DIR


def load_catalog(user_locations: Sequence[Path] = ()) -> LoadResult:
    """Load the built-in architectures, then each user location (file or folder).

    A user file whose id repeats an earlier one is reported and skipped, so a
    user model can never silently replace a built-in one. Architectures are
    sorted by their ``order`` key, then by title.
    """
    result = load_architectures([ARCHITECTURES_DIR, *user_locations])
    result.architectures.sort(key=lambda architecture: (architecture.order, architecture.title.casefold()))
    return result
