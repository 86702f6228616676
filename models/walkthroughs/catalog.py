"""The walkthroughs the app offers: the built-in ones, then the user's own."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from models.architecture import Architecture
from models.paths import WALKTHROUGHS_DIR
from models.walkthroughs._loader import WalkthroughLoadResult, builtin_files, load_walkthroughs, user_files


def load_walkthrough_catalog(
    architectures: Mapping[str, Architecture], user_locations: Sequence[Path] = ()
) -> WalkthroughLoadResult:
    """Built-in walkthroughs, then every ``*.walkthrough.yaml`` at the user's models locations.

    ``architectures`` are the loaded ones by id (built-in and user), so a user
    walkthrough may run on a user architecture. A user walkthrough whose id
    repeats an earlier one is reported and skipped, never a silent replacement.
    """
    files = builtin_files(WALKTHROUGHS_DIR)
    for location in user_locations:
        files += user_files(location)
    return load_walkthroughs(files, architectures)
