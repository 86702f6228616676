"""Bulk fuzzing: many cheap generated inputs per run, from a fixed seed and a rotating one.

Hypothesis is kept for the tests where shrinking pays; here volume matters, so
inputs come from :class:`random.Random`, one generator per input seeded with
``(seed, kind, index)``: any failing input is rebuilt from the seed and index
the failure message prints. The fixed seed makes every run cover the same
inputs; the rotating seed (new each run, or ``RELIABILITY_SEED``) covers new
ground each time.
"""

from __future__ import annotations

import os
import random
from collections import Counter
from collections.abc import Callable
from typing import TypeVar

from tests.reliability._support import FUZZ_SCALE

FIXED_SEED = 20_251_130
ROTATING_SEED = int(os.environ.get("RELIABILITY_SEED") or random.SystemRandom().randrange(2**32))
SEEDS = (FIXED_SEED, ROTATING_SEED)
SEED_IDS = ("fixed-seed", "rotating-seed")
COUNTS: Counter[str] = Counter()
"""Inputs checked so far in this session, by kind (printed at the end of the run)."""
PIPELINE = "whole pipeline"

Case = TypeVar("Case")


def scaled(count: int) -> int:
    return max(1, int(count * FUZZ_SCALE))


def run_cases(
    kind: str,
    seed: int,
    count: int,
    make: Callable[[random.Random], Case],
    check: Callable[[Case], object],
) -> None:
    """Checks ``count`` inputs made by ``make``; a failure names the seed and index that rebuild it."""
    for index in range(scaled(count)):
        case = make(case_random(seed, kind, index))
        try:
            check(case)
        except Exception as error:  # re-raised below, with what rebuilds the input
            shown = repr(case)
            shown = shown if len(shown) <= 2_000 else shown[:2_000] + "…"
            raise AssertionError(
                f"{kind} input #{index} of seed {seed} failed: {error!r}\n"
                f"input: {shown}\n"
                f"rebuild it with tests.reliability._bulk.case_random({seed}, {kind!r}, {index}); "
                f"rerun with RELIABILITY_SEED={seed}"
            ) from error
        COUNTS[kind] += 1


def case_random(seed: int, kind: str, index: int) -> random.Random:
    return random.Random(f"{seed}:{kind}:{index}")


def summary_lines() -> list[str]:
    if not COUNTS:
        return []
    generated = sum(count for kind, count in COUNTS.items() if kind != PIPELINE)
    parts = ", ".join(f"{kind} {count:,}" for kind, count in sorted(COUNTS.items()) if kind != PIPELINE)
    return [
        f"bulk fuzzing: {generated:,} generated inputs checked ({parts}); "
        f"{COUNTS[PIPELINE]:,} through load → layout → scene → export",
        f"seeds: fixed {FIXED_SEED}, rotating {ROTATING_SEED} (rerun with RELIABILITY_SEED={ROTATING_SEED})",
    ]
