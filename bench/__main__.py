"""The performance benchmark: ``python -m bench`` (or ``./dev.sh bench``, ``make bench``).

Measures, on this machine and in one run, the app beside its baselines: cold
start against a bare PySide6 window, interaction on the built-in set, exports
against the ``diagrams`` library at the same pixel size, and generated models of
100 to 2,000 components against ``diagrams`` with its default settings. Every
figure is the median of several runs, with the range. Prints a table and writes
``bench/results/latest.json``. ``--smoke`` runs a tiny version (for the tests).
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

from bench import scale, scenarios
from bench.report import Row, markdown, table, write

DEFAULT_SIZES = (100, 500, 1000, 2000)
BUILT_IN = ("ecs-ec2", "ecs-fargate", "kubernetes", "eks", "containers-vs-vms")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (default 5)")
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)), help="generated model sizes")
    parser.add_argument("--architectures", default=",".join(BUILT_IN), help="built-ins to export")
    parser.add_argument("--variants", default=",".join(scenarios.VARIANTS), help="png1,png2,png4,svg")
    parser.add_argument("--diagrams-max", type=int, default=2000, help="largest model drawn by diagrams")
    parser.add_argument("--only", help="comma-separated parts: startup,interaction,export,scale")
    parser.add_argument("--no-cli-export", action="store_true", help="skip the command-line exports")
    parser.add_argument("--smoke", action="store_true", help="a tiny run that only checks it all works")
    parser.add_argument("--output", type=Path, help="write the JSON here instead of bench/results/")
    parser.add_argument("--markdown", type=Path, help="also write the tables as Markdown to this file")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.smoke:
        args.runs, args.sizes, args.architectures, args.variants = 1, "45", "ecs-fargate", "png1"
        args.no_cli_export = True
    parts = set((args.only or "startup,interaction,export,scale").split(","))
    sizes = [int(size) for size in args.sizes.split(",") if size]
    started = time.perf_counter()
    rows: list[Row] = []
    with scenarios.work_folder() as temp:
        work = Path(temp)
        steps = [
            ("startup", lambda: scenarios.startup(args.runs, work)),
            ("interaction", lambda: scenarios.interaction(max(1, args.runs // 2), work)),
            (
                "export",
                lambda: scenarios.export(
                    max(1, args.runs // 2 + 1),
                    work,
                    args.architectures.split(","),
                    args.variants.split(","),
                    cli=not args.no_cli_export,
                ),
            ),
            (
                "scale",
                lambda: scale.scale(sizes, max(1, args.runs // 2 + 1), work, 1, args.diagrams_max),
            ),
        ]
        for name, step in steps:
            if name in parts:
                step_started = time.perf_counter()
                print(f"… {name}", file=sys.stderr, flush=True)
                rows += step()
                print(f"  {name}: {time.perf_counter() - step_started:.0f} s", file=sys.stderr, flush=True)
    meta = _meta(args, time.perf_counter() - started)
    print(table(rows))
    print(f"\nTotal time: {meta['seconds']:.0f} s on {meta['machine']}")
    path = write(rows, meta, args.output)
    print(f"Results: {path}")
    if args.markdown is not None:
        args.markdown.write_text(markdown(rows), encoding="utf-8")
    return 0


def _meta(args: argparse.Namespace, seconds: float) -> dict[str, object]:
    return {
        "when": time.strftime("%Y-%m-%d %H:%M:%S"),
        "seconds": round(seconds, 1),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, {platform.platform(terse=True)}",
        "python": platform.python_version(),
        "graphviz": _graphviz_version(),
        "runs": args.runs,
        "sizes": args.sizes,
        "smoke": args.smoke,
    }


def _graphviz_version() -> str:
    try:
        completed = subprocess.run(["dot", "-V"], capture_output=True, timeout=10, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return "unknown"
    return completed.stderr.decode("utf-8", "replace").strip()


if __name__ == "__main__":
    sys.exit(main())
