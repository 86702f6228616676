"""The measurements of the built-in set: cold start, interaction and export, each beside its baseline."""

from __future__ import annotations

import math
import tempfile
from pathlib import Path

from bench.report import Row, Stat
from bench.runner import Outcome, isolated_env, launch_env, run_python

STARTUP_TIMEOUT = 30.0
PROBE_TIMEOUT = 300.0
EXPORT_TIMEOUT = 120.0
DIAGRAMS_DPI = 96.0
"""Graphviz's default resolution for PNG, which ``diagrams`` does not change."""
VARIANTS = {"png1": ("png", 1), "png2": ("png", 2), "png4": ("png", 4), "svg": ("svg", 1)}
VARIANT_NAMES = {"png1": "PNG 1×", "png2": "PNG 2×", "png4": "PNG 4×", "svg": "SVG"}


def first_icons(count: int = 20) -> list[str]:
    """The icon files of the first diagram the app shows (its first architecture's first components)."""
    from explorer.sources import load_sources
    from models.icons import icon_or_fallback

    architecture = next(iter(load_sources().architectures.values()))
    return [str(icon_or_fallback(c.icon)) for c in architecture.components[:count]]


FIRST_PAINT = ["-m", "bench.first_paint"]
"""The app's own start-up path, reporting its first painted diagram."""


def startup(runs: int, work: Path) -> list[Row]:
    """Process start to first paint: the bare window, the app with an empty and a warm layout cache."""
    icons = first_icons()
    warm_folder = work / "startup-warm"
    _first_paint(FIRST_PAINT, isolated_env(warm_folder))  # primes
    bare, cold, warm, memory = [], [], [], []
    for index in range(runs):
        bare.append(_first_paint(["-m", "bench.baseline_window", *icons], isolated_env(work / "bare")))
        cold_env = isolated_env(work / f"startup-cold-{index}")
        cold.append(_first_paint(FIRST_PAINT, cold_env))
        figures = _first_paint(FIRST_PAINT, isolated_env(warm_folder))
        warm.append(figures)
        memory.append(_rss(figures))
    baseline = Stat.of([_ms(f) for f in bare])
    rows = [Row("Cold start", "bare PySide6 window, 20 icons", "ms", baseline)]
    for name, samples in (("app, first start (empty layout cache)", cold), ("app, later starts", warm)):
        rows.append(
            Row(
                "Cold start",
                name,
                "ms",
                Stat.of([_ms(f) for f in samples]),
                baseline,
                "bare window",
                "≤ 1.5× baseline",
                1.5,
                ratio_target=True,
            )
        )
    rows.append(
        Row(
            "Cold start",
            "app, later starts: fully built (menus' walkthroughs, search, notes, revision)",
            "ms",
            Stat.of([_ms(f, "fully_built_ms") for f in warm]),
            baseline,
            "bare window",
            note="after the first paint, a step a turn of the event loop",
        )
    )
    rows.append(
        Row(
            "Cold start",
            "app, later starts: longest UI block from the first paint to fully built",
            "ms",
            Stat.of([_ms(f, "longest_block_after_paint_ms") for f in warm]),
            target="≤ 50 ms",
            limit=50.0,
        )
    )
    rows.append(Row("Cold start", "app peak memory at first paint", "MiB", Stat.of(memory)))
    return rows


def interaction(runs: int, work: Path) -> list[Row]:
    """Switching, click → excerpt and search → selected, in a first and a second session."""
    folder = work / "interact"
    env = isolated_env(folder)
    sessions = [_probe(["interact", "--runs", str(runs)], env) for _ in range(2)]
    first, second = sessions
    merged = {key: [v for s in sessions for v in s.get(key, [])] for key in ("switch_cached_ms", "click_ms")}
    search = [v for s in sessions for v in s.get("search_ms", [])]
    memory = [s["max_rss_mib"] for s in sessions if "max_rss_mib" in s]
    section = "Interaction (built-in set)"
    return [
        Row(
            section,
            "switch, first time (Graphviz)",
            "ms",
            Stat.of(first.get("switch_first_ms", [])),
            target="≤ 100 ms",
            limit=100,
        ),
        Row(
            section,
            "switch, first time (layout cache)",
            "ms",
            Stat.of(second.get("switch_first_ms", [])),
            target="≤ 100 ms",
            limit=100,
        ),
        Row(section, "switch, cached", "ms", Stat.of(merged["switch_cached_ms"]), target="≤ 30 ms", limit=30),
        Row(section, "click → excerpt shown", "ms", Stat.of(merged["click_ms"]), target="≤ 16 ms", limit=16),
        Row(section, "search → selected", "ms", Stat.of(search), target="≤ 50 ms", limit=50),
        Row(section, "peak memory, built-in set", "MiB", Stat.of(memory), target="≤ 150 MiB", limit=150),
    ]


def export(runs: int, work: Path, architectures: list[str], variants: list[str], cli: bool) -> list[Row]:
    """Each export in the app and from the command line, against ``diagrams`` at the same pixel size."""
    env = isolated_env(work / "export")
    in_app = _probe(
        [
            "export",
            "--runs",
            str(runs),
            "--architectures",
            ",".join(architectures),
            "--variants",
            ",".join(variants),
        ],
        env,
    )
    rows: list[Row] = []
    for architecture_id in architectures:
        diagrams = _DiagramsExport(architecture_id, env, runs)
        for variant in variants:
            fmt, scale = VARIANTS[variant]
            ours = in_app.get(f"{architecture_id}/{variant}", {})
            width, height = ours.get("size", [0, 0])
            baseline, note = diagrams.measure(fmt, width * height)
            label = f"{architecture_id} {VARIANT_NAMES[variant]}" + (f" {width}×{height}" if width else "")
            rows.append(_export_row(f"{label}, in the app", Stat.of(ours.get("ms", [])), baseline, note))
            if cli:
                output = work / "export" / f"cli-{architecture_id}.{fmt}"
                command = ["main.py", "export", architecture_id, "-o", str(output), "--scale", str(scale)]
                processes = [run_python(command, env, EXPORT_TIMEOUT, expect_json=False) for _ in range(runs)]
                timings = Stat.of([o.seconds * 1000 for o in processes if o.status == "ok"])
                failed = _failures(processes).replace("diagrams", "export")
                rows.append(_export_row(f"{label}, command line", timings, baseline, failed))
    return rows


class _DiagramsExport:
    """``diagrams`` writing one built-in as PNG (at a given pixel count) or SVG, in its own process.

    With its defaults where Graphviz manages; where dot's default ranking fails on the
    model ("trouble in init_rank"), with ``newrank=true``, and the row says so.
    """

    def __init__(self, architecture_id: str, env: dict[str, str], runs: int) -> None:
        self.env, self.runs = env, runs
        self.base = ["-m", "bench.diagrams_baseline", "--builtin", architecture_id]
        self.natural = run_python(self.base, env, EXPORT_TIMEOUT)
        self.fallback = ""
        if self.natural.status != "ok":
            self.fallback = f"diagrams defaults failed ({self.natural.detail}); measured with newrank=true"
            self.base = [*self.base, "--newrank"]
            self.natural = run_python(self.base, env, EXPORT_TIMEOUT)

    def measure(self, fmt: str, pixels: int) -> tuple[Stat | None, str]:
        """Timings (ms) at ``pixels`` (width × height, PNG) and a note on anything that went wrong."""
        args = [*self.base, "--format", fmt]
        data = self.natural.data if self.natural.status == "ok" else None
        if fmt == "png" and data and pixels:
            # Graphviz scales a PNG by its dpi: match our image's pixel count.
            args += ["--dpi", f"{DIAGRAMS_DPI * math.sqrt(pixels / (data['width'] * data['height'])):.2f}"]
        outcomes = [run_python(args, self.env, EXPORT_TIMEOUT) for _ in range(self.runs)]
        timings = Stat.of([o.process_ms() for o in outcomes if o.status == "ok"])
        return timings, "; ".join(filter(None, (self.fallback, _failures(outcomes))))


def _export_row(name: str, value: Stat | None, baseline: Stat | None, note: str) -> Row:
    return Row(
        "Export", name, "ms", value, baseline, "diagrams", "≤ diagrams", 1.0, ratio_target=True, note=note
    )


def _first_paint(args: list[str], env: dict[str, str]) -> dict[str, float]:
    outcome = run_python(args, launch_env(env), STARTUP_TIMEOUT)
    return outcome.data or {}


def _ms(figures: dict[str, float], key: str = "first_paint_ms") -> float:
    return float(figures.get(key) or math.nan)


def _rss(figures: dict[str, float]) -> float:
    return float(figures.get("max_rss_kib") or math.nan) / 1024


def _probe(args: list[str], env: dict[str, str]) -> dict:
    outcome: Outcome = run_python(["-m", "bench.probe", *args], env, PROBE_TIMEOUT)
    if outcome.status != "ok" or outcome.data is None:
        raise RuntimeError(f"probe {' '.join(args)} {outcome.status}: {outcome.detail}")
    return outcome.data


def _failures(outcomes: list[Outcome]) -> str:
    bad = [o for o in outcomes if o.status != "ok"]
    return f"diagrams {bad[0].status} ({bad[0].detail})" if bad else ""


def work_folder() -> tempfile.TemporaryDirectory[str]:
    return tempfile.TemporaryDirectory(prefix="arch-explorer-bench-")
