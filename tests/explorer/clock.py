"""The revision tests' clock: a fixed "now" that moves on a little at each reading."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

NOON = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
"""The revision tests' "now": midday, so "due today" never straddles a midnight."""


def ticking_clock() -> Callable[[], datetime]:
    """From :data:`NOON`, one second later at each reading (time moves on, but never far)."""
    ticks = itertools.count()
    return lambda: NOON + timedelta(seconds=next(ticks))
