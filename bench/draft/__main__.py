"""``python -m bench.draft [-v]``: drafting quality per half of the evaluation set, and speed."""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

from bench.draft.score import Score, load_gold, score
from explorer.drafting.icon_source import icon_catalogue
from models.drafting import NameIndex, draft_note

HERE = Path(__file__).resolve().parent
HALVES = ("tune", "test", "fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6")
"""In the order they were written; docs/DRAFTING.md says which were tuned on."""
NOTE_LINES = 500
RUNS = 5


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f} %" if whole else "   n/a"


def report(name: str, total: Score) -> str:
    return (
        f"{name:<7}components found {_percent(total.found_components, total.gold_components)}"
        f" ({total.found_components}/{total.gold_components}),"
        f" spurious {_percent(total.spurious_components, total.drafted_components)}"
        f" ({total.spurious_components}/{total.drafted_components});"
        f" groups {_percent(total.found_groups, total.gold_groups)}"
        f" ({total.found_groups}/{total.gold_groups}),"
        f" placed {_percent(total.placed_members, total.gold_members)};"
        f" relations found {_percent(total.found_relations, total.gold_relations)}"
        f" ({total.found_relations}/{total.gold_relations}),"
        f" wrong {_percent(total.wrong_relations, total.drafted_relations)}"
        f" ({total.wrong_relations}/{total.drafted_relations})"
    )


def quality(index: NameIndex, verbose: bool) -> None:
    halves = {name: Score() for name in HALVES}
    for note in sorted((HERE / "notes").glob("*.md")):
        gold = load_gold(HERE / "gold" / f"{note.stem}.yaml")
        result = score(draft_note(note.read_text(encoding="utf-8"), index), gold)
        halves[gold["split"]].add(result)
        if verbose:
            print(f"\n{note.stem} [{gold['split']}]")
            for label, items in (
                ("missed", result.missed),
                ("spurious", result.spurious),
                ("missed relation", result.missed_relations),
                ("wrong relation", result.wrong),
            ):
                for item in items:
                    print(f"  {label}: {item}")
    total = Score()
    for half in halves.values():
        total.add(half)
    print()
    for name, half in [*halves.items(), ("all", total)]:
        print(report(name, half))


def _timed_catalogue() -> tuple[float, float]:
    """Seconds to build the catalogue from the ``diagrams`` files, then to load it from the cache."""
    with tempfile.TemporaryDirectory() as cache:
        os.environ["ARCH_EXPLORER_CACHE_DIR"] = cache
        try:
            timings = []
            for _ in range(2):
                icon_catalogue.cache_clear()
                started = time.perf_counter()
                icon_catalogue()
                timings.append(time.perf_counter() - started)
        finally:
            del os.environ["ARCH_EXPLORER_CACHE_DIR"]
            icon_catalogue.cache_clear()
    return timings[0], timings[1]


def speed() -> None:
    built, cached = _timed_catalogue()
    catalogue = icon_catalogue()
    lines: list[str] = []
    notes = sorted((HERE / "notes").glob("*.md"))
    while len(lines) < NOTE_LINES:
        for note in notes:
            lines += note.read_text(encoding="utf-8").splitlines()
    text = "\n".join(lines[:NOTE_LINES])
    timings = []
    for _ in range(RUNS):
        started = time.perf_counter()
        draft_note(text, NameIndex(catalogue.entries))
        timings.append(time.perf_counter() - started)
    print(
        f"\nspeed: icon catalogue ({len(catalogue)} entries) built in {built:.2f} s,"
        f" loaded from its cache in {cached:.2f} s"
    )
    print(
        f"drafting a {NOTE_LINES}-line note (name index included): median {statistics.median(timings):.3f} s,"
        f" max {max(timings):.3f} s over {RUNS} runs (target ≤ 1 s)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.draft", description=__doc__)
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses and errors per note")
    args = parser.parse_args()
    index = NameIndex(icon_catalogue().entries)
    quality(index, args.verbose)
    speed()


if __name__ == "__main__":
    main()
