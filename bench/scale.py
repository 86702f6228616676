"""Generated models of growing size in the app, and ``diagrams`` with its defaults on the same models."""

from __future__ import annotations

from pathlib import Path

from bench.report import Row, Stat
from bench.runner import isolated_env, run_python

PROBE_TIMEOUT = 180.0
DIAGRAMS_TIMEOUT = 120.0
FIRST_PAINT_TARGETS = {1000: 700.0, 2000: 3000.0}
"""Milliseconds to a painted, interactive diagram (issue 16's targets)."""
MEMORY_TARGETS = {1000: 150.0, 2000: 200.0}
"""Peak MiB (issue 16)."""
BLOCK_LIMIT = 50.0
"""The longest the UI thread may be blocked, in ms (issue 16)."""
SMOOTH_FROM = 2000
"""Frame times are held to 16 ms at this size (the issue's target); smaller sizes are shown too."""


def scale(sizes: list[int], runs: int, work: Path, diagrams_runs: int, diagrams_max: int) -> list[Row]:
    """Per size: first paint, longest UI block, frame times, re-open, memory; ``diagrams`` beside it.

    Each run is a new process with an empty layout cache, so Graphviz runs every time.
    ``diagrams`` renders sizes up to ``diagrams_max`` (its orthogonal routing would
    otherwise spend the time budget), at most ``DIAGRAMS_TIMEOUT`` seconds each.
    """
    rows: list[Row] = []
    for size in sizes:
        section = f"Scale: {size:,} components"
        results = []
        for index in range(runs):
            env = isolated_env(work / f"scale-{size}-{index}")
            outcome = run_python(
                ["-m", "bench.probe", "scale", "--size", str(size), "--timeout", str(PROBE_TIMEOUT - 30)],
                env,
                PROBE_TIMEOUT,
            )
            if outcome.data is None or outcome.status != "ok":
                rows.append(Row(section, "app", "ms", None, note=f"{outcome.status}: {outcome.detail}"))
                break
            results.append(outcome.data)
        if not results:
            continue
        baseline, name, note = _diagrams(
            size, work, diagrams_runs if size <= diagrams_max else 0, diagrams_max
        )
        rows += _rows(section, size, results, baseline, name, note)
    return rows


def _rows(
    section: str, size: int, results: list[dict], baseline: Stat | None, baseline_name: str, note: str
) -> list[Row]:
    def pooled(key: str) -> Stat | None:
        values = []
        for result in results:
            value = result.get(key)
            values += value if isinstance(value, list) else [value]
        return Stat.of(values)

    target, memory = FIRST_PAINT_TARGETS.get(size), MEMORY_TARGETS.get(size)
    smooth = size >= SMOOTH_FROM
    runs = results[0].get("graphviz_runs"), results[0].get("graphviz_runs_after_reopen")
    return [
        Row(
            section,
            "first paint, interactive (Graphviz)",
            "ms",
            pooled("first_paint_ms"),
            baseline,
            baseline_name,
            f"≤ {target / 1000:g} s" if target else "",
            target,
            note=note,
        ),
        Row(
            section,
            "longest UI-thread block",
            "ms",
            pooled("max_block_ms"),
            target="≤ 50 ms",
            limit=BLOCK_LIMIT,
        ),
        Row(
            section,
            "frame while panning/zooming",
            "ms",
            pooled("frame_ms"),
            target="≤ 16 ms" if smooth else "",
            limit=16 if smooth else None,
            judge_max=True,
        ),
        Row(section, "full-quality frame after motion", "ms", pooled("settled_frame_ms")),
        Row(
            section,
            "re-open (layout cache, no Graphviz)",
            "ms",
            pooled("reopen_ms"),
            note="" if runs[0] == runs[1] else "Graphviz ran again on re-open",
        ),
        Row(
            section,
            "longest UI block on re-open",
            "ms",
            pooled("reopen_block_ms"),
            target="≤ 50 ms",
            limit=BLOCK_LIMIT,
        ),
        Row(
            section,
            "peak memory",
            "MiB",
            pooled("max_rss_mib"),
            target=f"≤ {memory:g} MiB" if memory else "",
            limit=memory,
        ),
    ]


def _diagrams(size: int, work: Path, runs: int, largest: int) -> tuple[Stat | None, str, str]:
    """``diagrams`` writing the PNG of the same model: with its defaults (orthogonal edges), and,
    where Graphviz crashes on those, with ``newrank`` (the least change that lets it finish).

    Returns the timing (None if none finished), what it is, and a note on what failed.
    """
    if runs == 0:
        return None, "", f"diagrams not run above {largest:,} components (time budget)"
    env = isolated_env(work / f"diagrams-{size}")
    notes = []
    for variant, extra in (("diagrams, defaults", []), ("diagrams + newrank", ["--newrank"])):
        outcomes = [
            run_python(
                ["-m", "bench.diagrams_baseline", "--generated", str(size), *extra], env, DIAGRAMS_TIMEOUT
            )
            for _ in range(runs)
        ]
        timings = [o.process_ms() for o in outcomes if o.status == "ok"]
        if timings:
            return Stat.of(timings), variant, "; ".join(notes)
        failed = outcomes[0]
        if failed.status == "timeout":
            notes.append(f"{variant}: no PNG after {DIAGRAMS_TIMEOUT:g} s (stopped)")
            return None, f"{variant}: > {DIAGRAMS_TIMEOUT:g} s", "; ".join(notes)
        notes.append(f"{variant}: {failed.detail or failed.status} after {failed.seconds:.1f} s")
    return None, "diagrams: failed", "; ".join(notes)
