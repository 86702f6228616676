"""Command line: ``list``, ``describe`` and ``export`` run headless; no command opens the window.

Qt is imported only by the commands that need it, so the headless commands
start fast and work on machines without a display.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from explorer import exit_codes
from explorer.drafting.cli import add_draft_parser
from explorer.export.cli import add_export_parser
from explorer.walkthrough_cli import add_walkthroughs_parser


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="arch-explorer",
        description="Clickable diagrams of AWS ECS, EKS and Kubernetes with your study notes beside them.",
    )
    _add_source_options(parser)
    parser.add_argument("--arch", metavar="ID", help="open on this architecture")
    parser.add_argument("--select", metavar="COMPONENT_ID", help="select this component on opening")
    parser.add_argument(
        "--screenshot", metavar="FILE.png", type=Path, help="save a PNG of the window once painted, then exit"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    list_parser = commands.add_parser("list", help="print the architectures")
    _add_source_options(list_parser)
    list_parser.add_argument("--json", action="store_true", help="machine-readable output")

    describe = commands.add_parser("describe", help="print one architecture with its note excerpts")
    _add_source_options(describe)
    describe.add_argument("id", metavar="ID")
    describe.add_argument("--json", action="store_true", help="machine-readable output")
    describe.add_argument(
        "--all-excerpts", action="store_true", help="do not cap user excerpts per component"
    )

    add_export_parser(commands, _add_source_options)
    add_draft_parser(commands)
    add_walkthroughs_parser(commands, _add_source_options)
    return parser


def _add_source_options(parser: argparse.ArgumentParser) -> None:
    # Repeated on every subparser so the options work before or after the command.
    parser.add_argument(
        "--notes",
        metavar="PATH",
        type=Path,
        action="append",
        default=argparse.SUPPRESS,
        help="a Markdown file or folder of your own notes (repeatable)",
    )
    parser.add_argument(
        "--models",
        metavar="PATH",
        type=Path,
        action="append",
        default=argparse.SUPPRESS,
        help="an architecture file or folder of your own (repeatable)",
    )


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _run(argv)
    except BrokenPipeError:
        # The reader went away (``describe … | head``): not an error of ours. Point
        # stdout at devnull so the interpreter's final flush does not fail too.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return exit_codes.OK


def _run(argv: Sequence[str] | None) -> int:
    args = build_parser().parse_args(argv)
    args.notes = getattr(args, "notes", [])
    args.models = getattr(args, "models", [])
    if args.command == "list":
        from explorer.commands import list_architectures

        return list_architectures(args)
    if args.command == "describe":
        from explorer.commands import describe_architecture

        return describe_architecture(args)
    if args.command == "walkthroughs":
        from explorer.walkthrough_cli import list_walkthroughs

        return list_walkthroughs(args)
    if args.command == "export":
        from explorer.export.cli import run_export

        return run_export(args)
    if args.command == "draft":
        from explorer.drafting.cli import run_draft

        return run_draft(args)
    from explorer.app import run_window

    return run_window(args)
