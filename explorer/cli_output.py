"""What every command prints on failure, written once: one-line errors, load problems,
and the "unknown architecture" check."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING

from explorer import exit_codes
from models.architecture import Architecture

if TYPE_CHECKING:
    from explorer.sources import Models, Sources


def fail(message: str, status: int = exit_codes.BAD_INPUT) -> int:
    """Print a one-line error on stderr and return the exit status to use."""
    _say(message)
    return status


def report(problems: Iterable[str]) -> None:
    """Prints each load problem (a model or notes file that could not be read) on stderr."""
    for problem in problems:
        _say(problem)


def _say(message: str) -> None:
    from explorer.terminal_text import terminal_text  # imported only when there is something to say

    print(terminal_text(f"arch-explorer: {message}"), file=sys.stderr)


def report_model_errors(sources: Sources | Models) -> None:
    report(error.message for error in sources.model_errors)


def find_architecture(sources: Sources | Models, architecture_id: str) -> Architecture | None:
    """The architecture, or None once the error naming the known ones is printed."""
    architecture = sources.architectures.get(architecture_id)
    if architecture is None:
        known = ", ".join(sources.architectures) or "none"
        fail(f"unknown architecture {architecture_id!r} (known: {known})")
    return architecture
