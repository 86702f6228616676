"""Command line: ``list``, ``describe`` and ``export`` run headless; no command opens the window.

Qt is imported only by the commands that need it, so the headless commands
start fast and work on machines without a display. Each command's module is
imported only when that command runs: a first pass over the arguments, with
every command a stub, finds which one it is; the second pass parses them with
that command's own parser (the others stay stubs, so ``--help`` lists them all).
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, NoReturn

from explorer import exit_codes
from explorer.cli_format import ArgumentParser

if TYPE_CHECKING:
    from explorer.export.png_fork import PngHelper

SourceOptions = Callable[[argparse.ArgumentParser], None]


class Command(NamedTuple):
    """A subcommand: its one-line help, and how to add its parser and run it (importing only then)."""

    help: str
    add: Callable[[Any, SourceOptions], None]
    """Adds the command's full parser to ``add_subparsers``'s result."""
    run: Callable[[argparse.Namespace], int]


def _add_list(commands: Any, add_source_options: SourceOptions) -> None:
    parser = commands.add_parser("list", help=COMMANDS["list"].help)
    add_source_options(parser)
    parser.add_argument("--json", action="store_true", help="machine-readable output")


def _add_describe(commands: Any, add_source_options: SourceOptions) -> None:
    parser = commands.add_parser("describe", help=COMMANDS["describe"].help)
    add_source_options(parser)
    parser.add_argument("id", metavar="ID")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--all-excerpts", action="store_true", help="do not cap user excerpts per component")


def _add_export(commands: Any, add_source_options: SourceOptions) -> None:
    from explorer.export.cli import add_export_parser

    add_export_parser(commands, add_source_options)


def _add_draft(commands: Any, add_source_options: SourceOptions) -> None:
    from explorer.drafting.cli import add_draft_parser

    add_draft_parser(commands)


def _add_walkthroughs(commands: Any, add_source_options: SourceOptions) -> None:
    from explorer.walkthrough_cli import add_walkthroughs_parser

    add_walkthroughs_parser(commands, add_source_options)


def _run_list(args: argparse.Namespace) -> int:
    from explorer.commands import list_architectures

    return list_architectures(args)


def _run_describe(args: argparse.Namespace) -> int:
    from explorer.commands import describe_architecture

    return describe_architecture(args)


def _run_export(args: argparse.Namespace) -> int:
    from explorer.export.cli import run_export

    return run_export(args)


def _run_draft(args: argparse.Namespace) -> int:
    from explorer.drafting.cli import run_draft

    return run_draft(args)


def _run_walkthroughs(args: argparse.Namespace) -> int:
    from explorer.walkthrough_cli import list_walkthroughs

    return list_walkthroughs(args)


COMMANDS: dict[str, Command] = {
    "list": Command("print the architectures", _add_list, _run_list),
    "describe": Command("print one architecture with its note excerpts", _add_describe, _run_describe),
    "export": Command("save diagrams as PNG, SVG or PDF", _add_export, _run_export),
    "draft": Command("draft an architecture file from one of your notes", _add_draft, _run_draft),
    "walkthroughs": Command("print the step-by-step walkthroughs", _add_walkthroughs, _run_walkthroughs),
}
"""The subcommands in the order ``--help`` lists them; the help here is the one each parser shows."""


NO_ARGUMENTS = {"arch": None, "select": None, "screenshot": None, "command": None}
"""What the parser makes of an empty command line, besides the sources (held to it by a test)."""


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser with ``command``'s full parser; every other command (all, with None) a stub."""
    parser = ArgumentParser(
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
    for name, spec in COMMANDS.items():
        if name == command:
            spec.add(commands, _add_source_options)
        else:
            commands.add_parser(name, help=spec.help, add_help=False)
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
    """Run the command in ``argv`` (default: the process's arguments); returns the exit status."""
    return _guarded(lambda: _dispatch(parse_arguments(argv)))


def main_then_exit(png_helper: PngHelper | None = None) -> NoReturn:
    """:func:`main` for a process of its own (``main.py``): a headless command then ends at once.

    Python's teardown (every module and object freed one by one, Qt's too) cost a command-line
    export 10-20 ms after its file was written; the operating system frees the process whole.
    Nothing of ours is left undone then: files are written and closed, helper processes and
    threads joined. The window ends as usual (Qt and the app's settings close in their order).
    A headless command runs with the garbage collector off: its 50 collections cost ~4 ms,
    for a few hundred objects in cycles, freed with the process. ``png_helper``: a PNG export's
    helper process ``main.py`` forked before importing this module (this function owns it from
    then on); without one, :mod:`explorer.export.cli` forks its own.
    """
    gc.disable()  # a command's imports and one run make little garbage (the window's start sets its own)
    try:
        args = parse_arguments(None)
        args.png_helper = png_helper
        if args.command is None:
            gc.enable()
            sys.exit(_guarded(lambda: _dispatch(args)))
        status = _guarded(lambda: _dispatch(args))
    finally:
        if png_helper is not None:  # done already, unless the command failed; this process ends next
            png_helper.close(wait=False)
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(status)


def _guarded(run: Callable[[], int]) -> int:
    try:
        return run()
    except BrokenPipeError:
        # The reader went away (``describe … | head``): not an error of ours. Point
        # stdout at devnull so the interpreter's final flush does not fail too.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return exit_codes.OK


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    """The parsed arguments; only the command named in them has its parser (and module) loaded."""
    words = sys.argv[1:] if argv is None else list(argv)
    if not words:  # the window with its defaults: no parser to build (~2 ms of the start)
        return argparse.Namespace(**NO_ARGUMENTS, notes=[], models=[])
    if words[0] in COMMANDS:  # the usual case: the command first, found without a pass
        command: str | None = words[0]
    else:
        command = build_parser().parse_known_args(words)[0].command  # the stubs take any arguments
    args = build_parser(command).parse_args(words)
    args.notes = getattr(args, "notes", [])
    args.models = getattr(args, "models", [])
    return args


def _dispatch(args: argparse.Namespace) -> int:
    if args.command is not None:
        return COMMANDS[args.command].run(args)
    from explorer.app import run_window

    return run_window(args)
