"""``export ARCH --walkthrough ID``: a walkthrough's slides from the command line.

``-o talk.pdf`` writes one PDF page per step; ``-o folder/ --format png|svg``
one file per step (``01-….png``). Every other export option applies to each
slide; several ``--background`` values write one copy per background.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from explorer import exit_codes
from explorer.cli_output import fail, find_architecture, report, report_model_errors
from explorer.export.backgrounds import output_for
from explorer.export.options import ExportOptions, InvalidOptionsError


def run_walkthrough_export(
    args: argparse.Namespace,
    make_options: Callable[[argparse.Namespace], ExportOptions],
    start_qt: Callable[[], Any],
) -> int:
    """Checks the arguments and sources, then writes the slides; returns the exit status."""
    if args.all or args.id is None:
        return fail("--walkthrough needs the architecture ID it runs on, not --all")
    if args.select:
        return fail("--select does not apply to --walkthrough: each step chooses what to emphasise")
    pdf = args.format == "pdf" or (args.format is None and args.output.suffix.lower() == ".pdf")
    file_format = "pdf" if pdf else (args.format or "png")
    try:
        options = make_options(argparse.Namespace(**{**vars(args), "format": file_format}))
    except InvalidOptionsError as error:
        return fail(str(error))

    from explorer.sources import load_sources

    sources = load_sources(args.models, args.notes)
    report_model_errors(sources)
    report(error.message for error in sources.walkthrough_errors)
    architecture = find_architecture(sources, args.id)
    if architecture is None:
        return exit_codes.BAD_INPUT
    walkthrough = next((w for w in sources.walkthroughs if w.id == args.walkthrough), None)
    if walkthrough is None or walkthrough.architecture != architecture.id:
        known = ", ".join(w.id for w in sources.walkthroughs if w.architecture == architecture.id) or "none"
        return fail(f"no walkthrough {args.walkthrough!r} on {architecture.id!r} (known: {known})")

    start_qt()
    from explorer.atomic_write import ExportError, check_target
    from explorer.export.walkthrough_export import export_walkthrough
    from explorer.layout.dot_errors import GraphvizFailedError, GraphvizNotFoundError
    from explorer.layout.service import LayoutService

    backgrounds = args.background
    try:
        layout = LayoutService().layout_for(architecture)
        for background in backgrounds:
            output = output_for(args.output, background, len(backgrounds) > 1, folder=not pdf)
            if pdf:
                check_target(output)
            written = export_walkthrough(
                architecture, layout, walkthrough, output, options.with_changes(background=background)
            )
            for path in written:
                print(path, flush=True)
    except ExportError as error:
        return fail(str(error), exit_codes.FAILED)
    except GraphvizNotFoundError as error:
        return fail(str(error), exit_codes.GRAPHVIZ_MISSING)
    except GraphvizFailedError as error:
        return fail(str(error), exit_codes.GRAPHVIZ_FAILED)
    return exit_codes.OK
