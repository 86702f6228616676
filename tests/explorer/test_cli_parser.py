"""The command line's parser: each command's module is loaded only when that command runs."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from explorer.cli import COMMANDS, build_parser, parse_arguments
from tests.cli_process import run_cli, run_python

MODULES = {
    "export": "explorer.export.cli",
    "draft": "explorer.drafting.cli",
    "walkthroughs": "explorer.walkthrough_cli",
}


def _listed_help(parser: argparse.ArgumentParser) -> dict[str, str]:
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return {choice.dest: choice.help for choice in commands._choices_actions}


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_every_command_is_listed_with_its_own_help_whichever_is_built(command: str | None) -> None:
    listed = _listed_help(build_parser(command))
    assert listed == {name: spec.help for name, spec in COMMANDS.items()}


def _subparser(parser: argparse.ArgumentParser, command: str) -> argparse.ArgumentParser:
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return commands.choices[command]


@pytest.mark.parametrize("command", list(COMMANDS))
def test_only_the_command_asked_for_gets_its_full_parser(command: str) -> None:
    built = build_parser(command)
    assert "-h" in _subparser(built, command)._option_string_actions
    others = [name for name in COMMANDS if name != command]
    assert all(not _subparser(built, name)._actions for name in others)
    found, rest = build_parser().parse_known_args([command, "--no-such-option"])
    assert (found.command, rest) == (command, ["--no-such-option"])


def test_options_before_the_command_and_their_values_are_not_taken_for_it() -> None:
    args = parse_arguments(["--notes", "list", "export", "eks", "-o", "eks.svg", "--scale", "1"])
    assert (args.command, args.id, args.output, args.scale) == ("export", "eks", Path("eks.svg"), 1)
    assert args.notes == [Path("list")]


@pytest.mark.parametrize(
    "argv",
    [
        ["export", "eks", "-o", "eks.svg", "--notes", "n.md", "--scale", "1"],
        ["list", "--json", "--models", "m.yaml"],
        ["describe", "eks", "--all-excerpts"],
    ],
)
def test_a_command_given_first_parses_as_the_full_two_passes_do(argv: list[str]) -> None:
    found, _ = build_parser().parse_known_args(argv)
    assert found.command == argv[0]
    both = build_parser(found.command).parse_args(argv)
    both.notes, both.models = getattr(both, "notes", []), getattr(both, "models", [])
    assert parse_arguments(argv) == both


def test_no_command_opens_the_window_with_its_options() -> None:
    args = parse_arguments(["--arch", "eks", "--select", "eks-control-plane"])
    assert (args.command, args.arch, args.select, args.notes, args.models) == (
        None,
        "eks",
        "eks-control-plane",
        [],
        [],
    )


@pytest.mark.parametrize("command", ["list", "export"])
def test_a_command_imports_no_other_commands_module(command: str) -> None:
    argv = [command] if command == "list" else ["export", "eks", "-o", "x.svg"]
    probe = (
        "import sys; from explorer.cli import parse_arguments; "
        f"parse_arguments({argv!r}); print(sorted(m for m in sys.modules if m in {set(MODULES.values())!r}))"
    )
    completed = run_python("-c", probe, timeout=60)
    expected = [MODULES[command]] if command in MODULES else []
    assert completed.stdout.strip() == repr(expected), completed.stderr


def test_help_of_a_command_is_its_own() -> None:
    completed = run_cli("export", "--help")
    assert completed.returncode == 0, completed.stderr
    assert "--background" in completed.stdout
    assert "arch-explorer export" in completed.stdout


def test_a_headless_command_ends_with_its_output_whole(tmp_path: Path) -> None:
    # main.py ends a headless command without Python's teardown: stdout must still arrive in full.
    described = run_cli("describe", "eks", "--json")
    assert described.returncode == 0, described.stderr
    assert described.stdout.rstrip().endswith("}")
    failed = run_cli("export", "nope", "-o", str(tmp_path / "x.svg"))
    assert failed.returncode == 2
    assert "unknown architecture 'nope'" in failed.stderr


@pytest.mark.parametrize(("argv", "collecting"), [(["list"], False), (["--arch", "eks"], True)])
def test_a_headless_command_runs_without_the_collector_and_the_window_with_it(
    argv: list[str], collecting: bool
) -> None:
    probe = (
        "import gc, sys; from explorer import cli; "
        f"sys.argv = ['main.py', *{argv!r}]; "
        "cli._dispatch = lambda args: print(gc.isenabled()) or 0; cli.main_then_exit()"
    )
    completed = run_python("-c", probe, timeout=60)
    assert (completed.returncode, completed.stdout.strip()) == (0, str(collecting)), completed.stderr


def test_an_empty_command_line_gives_what_the_parser_would() -> None:
    """The window's plain start skips building the parser: its defaults must be the parser's own."""
    parsed = build_parser().parse_args([])
    parsed.notes, parsed.models = getattr(parsed, "notes", []), getattr(parsed, "models", [])
    assert parse_arguments([]) == parsed
