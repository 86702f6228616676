"""The headless ``walkthroughs`` command: list the walkthroughs, as text or JSON."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from explorer import exit_codes
from explorer.sources import user_model_locations


def add_walkthroughs_parser(commands: Any, add_source_options: Any) -> None:
    parser = commands.add_parser("walkthroughs", help="print the step-by-step walkthroughs")
    add_source_options(parser)
    parser.add_argument("--arch", metavar="ID", help="only the walkthroughs of this architecture")
    parser.add_argument("--json", action="store_true", help="machine-readable output")


def list_walkthroughs(args: argparse.Namespace) -> int:
    """Prints the walkthroughs; a broken file is reported on stderr (one line each) and exits 2."""
    # Here, not at the top: every command builds the parser, and the YAML loader costs ~60 ms.
    from models.catalog import load_catalog
    from models.walkthroughs import load_walkthrough_catalog

    locations = user_model_locations(args.models)
    catalog = load_catalog(locations)
    architectures = {architecture.id: architecture for architecture in catalog.architectures}
    loaded = load_walkthrough_catalog(architectures, locations)
    for error in [*catalog.errors, *loaded.errors]:
        print(f"arch-explorer: {error.message}", file=sys.stderr)
    if args.arch is not None and args.arch not in architectures:
        known = ", ".join(architectures) or "none"
        print(f"arch-explorer: unknown architecture {args.arch!r} (known: {known})", file=sys.stderr)
        return exit_codes.BAD_INPUT
    order = {architecture_id: index for index, architecture_id in enumerate(architectures)}
    chosen = sorted(
        (w for w in loaded.walkthroughs if args.arch is None or w.architecture == args.arch),
        key=lambda w: order[w.architecture],
    )
    if args.json:
        print(json.dumps([w.to_data() for w in chosen], indent=2, ensure_ascii=False))
    else:
        width = max((len(w.id) for w in chosen), default=0)
        arch_width = max((len(w.architecture) for w in chosen), default=0)
        for w in chosen:
            print(f"{w.id:<{width}}  {w.architecture:<{arch_width}}  {w.title} ({len(w.steps)} steps)")
    return exit_codes.BAD_INPUT if catalog.errors or loaded.errors else exit_codes.OK
