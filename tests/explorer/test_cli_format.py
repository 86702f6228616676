"""The help formatters' width is the one argparse's own formatter finds."""

from __future__ import annotations

import argparse
import shutil

import pytest

from explorer.cli_format import HelpFormatter, RawDescriptionHelpFormatter, terminal_columns


def _size(formatter: argparse.HelpFormatter) -> tuple[int, int, int]:
    return formatter._width, formatter._max_help_position, formatter._indent_increment


@pytest.mark.parametrize("columns", [None, "60", "200", "abc", "0", "-3"])
def test_the_width_is_shutils(columns: str | None, monkeypatch: pytest.MonkeyPatch) -> None:
    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    assert terminal_columns() == shutil.get_terminal_size().columns
    for ours, theirs in (
        (HelpFormatter, argparse.HelpFormatter),
        (RawDescriptionHelpFormatter, argparse.RawDescriptionHelpFormatter),
    ):
        assert _size(ours("prog")) == _size(theirs("prog"))


def test_the_raw_formatter_keeps_the_description_as_written() -> None:
    text = "line one\n  indented two"
    parser = argparse.ArgumentParser(prog="p", description=text, formatter_class=RawDescriptionHelpFormatter)
    plain = argparse.ArgumentParser(
        prog="p", description=text, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    assert parser.format_help() == plain.format_help()
    assert text in parser.format_help()


@pytest.mark.parametrize("command", ["list", "describe", "export", "draft", "walkthroughs"])
def test_every_command_s_parser_sizes_its_help_without_shutil(command: str) -> None:
    from explorer.cli import build_parser
    from explorer.cli_format import HelpFormatter

    subparsers = next(action for action in build_parser(command)._actions if action.dest == "command")
    assert issubclass(subparsers.choices[command].formatter_class, HelpFormatter)
