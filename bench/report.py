"""Figures, the table printed at the end and the JSON written beside it."""

from __future__ import annotations

import json
import math
import statistics
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "results"


@dataclass
class Stat:
    """A median over several samples, with the range."""

    median: float
    low: float
    high: float
    count: int

    @classmethod
    def of(cls, samples: list[float]) -> Stat | None:
        values = [value for value in samples if value is not None and not math.isnan(value)]
        if not values:
            return None
        return cls(statistics.median(values), min(values), max(values), len(values))

    def text(self, unit: str) -> str:
        if self.count == 1:
            return _number(self.median, unit)
        return f"{_number(self.median, unit)} ({_number(self.low, '')}–{_number(self.high, '')})"


@dataclass
class Row:
    """One line of the table: a figure, its baseline (if any), the ratio and the target."""

    section: str
    name: str
    unit: str
    value: Stat | None
    baseline: Stat | None = None
    baseline_name: str = ""
    target: str = ""
    limit: float | None = None
    """The figure's upper bound (in ``unit``, or as a ratio when ``ratio_target``)."""
    ratio_target: bool = False
    judge_max: bool = False
    """Judge the worst sample rather than the median (frame times: one slow frame is a stutter)."""
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        if self.value is None or self.baseline is None or self.baseline.median <= 0:
            return None
        return self.value.median / self.baseline.median

    @property
    def met(self) -> bool | None:
        if self.limit is None or self.value is None:
            return None
        if self.ratio_target:
            measured = self.ratio
        else:
            measured = self.value.high if self.judge_max else self.value.median
        return None if measured is None else measured <= self.limit


def table(rows: list[Row]) -> str:
    """The rows as an aligned plain-text table, grouped by section."""
    header = ("Figure", "Value (min–max)", "Baseline", "Ratio", "Target", "")
    lines: list[tuple[str, ...]] = []
    section = None
    for row in rows:
        if row.section != section:
            section = row.section
            lines.append((f"[{section}]", "", "", "", "", ""))
        value = row.value.text(row.unit) if row.value is not None else (row.note or "n/a")
        baseline = ""
        if row.baseline is not None:
            baseline = f"{row.baseline.text(row.unit)} {row.baseline_name}".strip()
        elif row.baseline_name:
            baseline = row.baseline_name
        ratio = f"{row.ratio:.2f}×" if row.ratio is not None else ""
        verdict = {True: "met", False: "MISSED", None: ""}[row.met]
        lines.append(("  " + row.name, value, baseline, ratio, row.target, verdict))
    widths = [max(len(line[i]) for line in [header, *lines]) for i in range(len(header))]
    rendered = [_join(header, widths), _join(tuple("-" * w for w in widths), widths)]
    rendered += [_join(line, widths) for line in lines]
    notes: list[str] = []
    for row in rows:
        line = f"  * {row.section}: {row.note}"
        if row.note and line not in notes:
            notes.append(line)
    return "\n".join(rendered + (["", "Notes:", *notes] if notes else []))


def markdown(rows: list[Row]) -> str:
    """The rows as Markdown tables, one per section, with the notes after each."""
    parts: list[str] = []
    for section in dict.fromkeys(row.section for row in rows):
        parts += [f"**{section}**", "", "| Figure | Median (min–max) | Baseline | Ratio | Target | |"]
        parts.append("| --- | --- | --- | --- | --- | --- |")
        notes: list[str] = []
        for row in (row for row in rows if row.section == section):
            value = row.value.text(row.unit) if row.value is not None else "n/a"
            baseline = row.baseline.text(row.unit) if row.baseline is not None else ""
            baseline = f"{baseline} {row.baseline_name}".strip() if row.baseline_name else baseline
            ratio = f"{row.ratio:.2f}×" if row.ratio is not None else ""
            verdict = {True: "met", False: "**missed**", None: ""}[row.met]
            parts.append(f"| {row.name} | {value} | {baseline} | {ratio} | {row.target} | {verdict} |")
            if row.note and row.note not in notes:
                notes.append(row.note)
        parts += ["", *(f"- {note}" for note in notes), ""] if notes else [""]
    return "\n".join(parts)


def write(rows: list[Row], meta: dict[str, Any], path: Path | None = None) -> Path:
    """Writes ``results/latest.json`` (and a dated copy, which git ignores); returns the latest."""
    document = {
        "meta": meta,
        "rows": [
            {**asdict(row), "ratio": row.ratio, "met": row.met, "value": _stat(row.value)}
            | {"baseline": _stat(row.baseline)}
            for row in rows
        ],
    }
    text = json.dumps(document, indent=1, ensure_ascii=False)
    target = path or RESULTS / "latest.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text + "\n", encoding="utf-8")
    if path is None:
        (RESULTS / time.strftime("run-%Y%m%d-%H%M%S.json")).write_text(text + "\n", encoding="utf-8")
    return target


def _stat(stat: Stat | None) -> dict[str, float] | None:
    return asdict(stat) if stat is not None else None


def _number(value: float, unit: str) -> str:
    if unit == "ms" and value >= 10_000:
        return f"{value / 1000:.1f} s"
    digits = 0 if abs(value) >= 100 else 1
    return f"{value:.{digits}f}{' ' + unit if unit else ''}"


def _join(cells: tuple[str, ...], widths: list[int]) -> str:
    return "  ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True)).rstrip()
