"""The ``draft`` command: an architecture file drafted from one Markdown note.

``arch-explorer draft NOTE.md -o my-arch.yaml`` reads the note, recognises the
technologies it names against the icon catalogue, writes a commented
architecture file atomically and prints what it recognised and what it left
out. Bad input (not text, empty, nothing recognised, an output that cannot be
written) is one line on stderr, exit status 2, and no file.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from explorer import exit_codes

if TYPE_CHECKING:
    from models.drafting import Draft


def add_draft_parser(commands: Any) -> None:
    """Add the ``draft`` subcommand to ``commands`` (the result of ``add_subparsers``)."""
    parser = commands.add_parser(
        "draft",
        help="draft an architecture file from one of your notes",
        description="Draft an architecture file (YAML) from a Markdown note: components, groups, relations.",
    )
    parser.add_argument("note", metavar="NOTE.md", type=Path, help="the Markdown/Obsidian note to read")
    parser.add_argument(
        "-o", "--output", metavar="FILE.yaml", type=Path, required=True, help="the file to write"
    )
    parser.add_argument("--id", help="the architecture id (default: from the note's title)")
    parser.add_argument("--title", help="the architecture title (default: the note's title)")
    parser.add_argument("--force", action="store_true", help="replace FILE.yaml if it exists")


def run_draft(args: argparse.Namespace) -> int:
    # Imported here so the other commands do not pay for the drafting code at start-up.
    from explorer.atomic_write import ExportError, write_atomically
    from explorer.cli_output import fail
    from explorer.drafting.service import DraftInputError, make_draft, read_note_text

    try:
        if args.output.exists() and not args.force:
            raise DraftInputError(f"{args.output} exists; pass --force to replace it")
        draft, text = make_draft(read_note_text(args.note), args.note, args.id, args.title)
        write_atomically(args.output, text.encode("utf-8"))
    except (DraftInputError, ExportError) as error:
        return fail(str(error))
    print(summary(draft, args.output, args.note))
    return exit_codes.OK


def summary(draft: Draft, output: Path, note: Path) -> str:
    """What was recognised and what was left out, in a few lines."""
    names = {component.id: component.label for component in draft.components}
    lines = [f'Drafted "{draft.title}" (id {draft.id}) into {output}']
    lines.append(f"  {len(draft.components)} components: " + ", ".join(names.values()))
    if draft.groups:
        lines.append(f"  {len(draft.groups)} groups: " + ", ".join(group.label for group in draft.groups))
    if draft.relations:
        arrows = [f"{names[r.source]} → {names[r.target]} ({r.label})" for r in draft.relations]
        lines.append(f"  {len(draft.relations)} relations: " + "; ".join(arrows))
    for item in draft.unsure:
        lines.append(f"  unsure, left out: {item.label} ({item.reason})")
    lines.append(f"Open it beside the note: arch-explorer --models {output} --notes {note} --arch {draft.id}")
    return "\n".join(lines)
