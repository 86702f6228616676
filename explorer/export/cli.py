"""The ``export`` command: diagrams to PNG, SVG or PDF without opening a window.

``arch-explorer export ID -o FILE`` writes one file, ``export --all -o DIR``
one file per architecture named ``<id>.<ext>`` with a progress line each.
Qt is only started once the arguments and the sources have been checked, and
only for a file drawn through it (an SVG is written without Qt); it runs
offscreen when there is no display. Like ``dot -o``, the command does not wait
for the disk to flush what it wrote (two flushes, 5-10 ms, more on a busy disk):
each file is still written whole or not at all, and can be made again.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Any

from explorer import exit_codes
from explorer.cli_format import RawDescriptionHelpFormatter
from explorer.cli_output import fail, find_architecture, report_model_errors
from explorer.cli_output import report as report_problems
from explorer.export.backgrounds import output_for, parse_backgrounds
from explorer.export.options import (
    BACKGROUNDS,
    DEFAULT_MARGIN,
    FORMATS,
    SCALES,
    SLIDE_ALIASES,
    ExportOptions,
    InvalidOptionsError,
    format_for_path,
    slide_name,
    text_scale_value,
)

if TYPE_CHECKING:
    from explorer.export.png_fork import PngHelper

EXAMPLES = """examples:
  arch-explorer export ecs-fargate -o fargate.png --scale 2
  arch-explorer export eks -o eks.svg --background dark --title "Amazon EKS"
  arch-explorer export kubernetes -o k8s.pdf --slide 16:9 --select kube-apiserver
  arch-explorer export --all -o slides/ --format png --width 1600
  arch-explorer export eks -o eks-plane.png --slide 16:9 --focus eks-control-plane
  arch-explorer export kubernetes -o k8s.png --text-scale 1.5 --no-edge-labels
  arch-explorer export --all -o slides/ --background white,dark,transparent
  arch-explorer export kubernetes --walkthrough kubernetes-kubectl-apply -o talk.pdf --slide 16:9
  arch-explorer export kubernetes --walkthrough kubernetes-kubectl-apply -o frames/ --format png
"""


def add_export_parser(commands: Any, add_source_options: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add the ``export`` subcommand to ``commands`` (the result of ``add_subparsers``)."""
    parser = commands.add_parser(
        "export",
        help="save diagrams as PNG, SVG or PDF",
        description="Save a diagram (or all of them) as PNG, SVG or PDF, drawn as in the window.",
        epilog=EXAMPLES,
        formatter_class=RawDescriptionHelpFormatter,
    )
    add_source_options(parser)
    parser.add_argument("id", metavar="ID", nargs="?", help="the architecture to export")
    parser.add_argument("--all", action="store_true", help="export every architecture into the folder -o")
    parser.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        type=Path,
        required=True,
        help="the file to write (a folder with --all)",
    )
    parser.add_argument("--format", choices=FORMATS, help="default: from the file extension (png with --all)")
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--scale", type=int, choices=SCALES, help="pixels per diagram unit (default: 2)")
    size.add_argument("--width", type=int, metavar="PX", help="the image width in pixels, instead of --scale")
    parser.add_argument(
        "--background",
        type=parse_backgrounds,
        default=("white",),
        metavar="|".join(BACKGROUNDS),
        help="default: white; several, comma-separated, write one copy each (file-dark.png, folder/dark/)",
    )
    parser.add_argument(
        "--margin", type=int, default=DEFAULT_MARGIN, metavar="PX", help=f"default: {DEFAULT_MARGIN}"
    )
    parser.add_argument("--title", default="", help="a title above the diagram")
    parser.add_argument("--caption", default="", help="a caption below the diagram")
    parser.add_argument(
        "--slide",
        choices=list(SLIDE_ALIASES),
        help="centre the diagram on a 16:9 slide: 1920×1080 (16:9) or 3840×2160 (16:9-4k)",
    )
    parser.add_argument("--select", metavar="COMPONENT_ID", help="draw this component or group selected")
    parser.add_argument(
        "--text-scale",
        metavar="X",
        default="auto",
        help="lay the diagram out with text X times larger (0.5–4); default auto: "
        "as large as a slide allows, else 1",
    )
    labels = parser.add_mutually_exclusive_group()
    labels.add_argument(
        "--edge-labels",
        dest="edge_labels",
        action="store_true",
        default=None,
        help="label the relations even on a whole slide where they would shrink the text or not read clear",
    )
    labels.add_argument(
        "--no-edge-labels",
        dest="edge_labels",
        action="store_false",
        help="leave the relations unlabelled (default on a whole slide, unless every label then sits "
        "clear on its own line with the text at full size)",
    )
    parser.add_argument(
        "--focus",
        metavar="COMPONENT_ID",
        help="draw only this component (or group) and its neighbours, laid out anew: one idea per slide",
    )
    parser.add_argument(
        "--walkthrough",
        metavar="WALKTHROUGH_ID",
        help="slides of a walkthrough: one PDF page (or, into the folder -o, one PNG/SVG) per step",
    )


def run_export(args: argparse.Namespace) -> int:
    """Run ``export``; returns the exit status (see :mod:`explorer.exit_codes`)."""
    if args.walkthrough is not None:
        from explorer.export.qt_app import ensure_qt
        from explorer.export.walkthrough_command import run_walkthrough_export

        return run_walkthrough_export(args, _options, ensure_qt)
    if args.all == (args.id is not None):
        return fail("export needs either an architecture ID or --all")
    for flag, value in (("--select", args.select), ("--focus", args.focus)):
        if args.all and value:
            return fail(f"{flag} applies to one architecture, not to --all")
    several = len(args.background) > 1
    if not args.all:
        from explorer.atomic_write import ExportError, check_target

        try:
            for background in args.background:
                check_target(output_for(args.output, background, several, folder=False))
        except ExportError as error:
            return fail(str(error), exit_codes.FAILED)
    try:
        options = _options(args)
    except InvalidOptionsError as error:
        return fail(str(error))

    with _png_helper(args, options) as helper:  # forked before the model is loaded and the SVG built
        return _export(args, options, helper)


def _png_helper(args: argparse.Namespace, options: ExportOptions) -> AbstractContextManager[PngHelper | None]:
    """For a single PNG, a helper process starting Qt while this one builds the SVG (None elsewhere):
    the one forked before the arguments were parsed (``args.png_helper``, closed by its owner), else
    a new one, closed when the ``with`` block ends."""
    early: PngHelper | None = getattr(args, "png_helper", None)
    if args.all or len(args.background) > 1 or options.format != "png":
        if early is not None:
            early.close()  # of no use: ended now rather than when its owner is done
        return nullcontext()
    if early is not None:
        return nullcontext(early)
    from explorer.export.png_fork import PngHelper

    return PngHelper.start() or nullcontext()


def _export(args: argparse.Namespace, options: ExportOptions, helper: PngHelper | None) -> int:
    from explorer.sources import load_models

    several = len(args.background) > 1
    sources = load_models(args.models)  # an export draws no notes
    report_model_errors(sources)
    if args.all:
        architectures = list(sources.architectures.values())
        if not architectures:
            return fail("there are no architectures to export")
    else:
        architecture = find_architecture(sources, args.id)
        if architecture is None:
            return exit_codes.BAD_INPUT
        for element in (args.select, args.focus):
            if element and not architecture.has_element(element):
                return fail(f"unknown component {element!r} in architecture {architecture.id!r}")
        architectures = [architecture]

    # Qt starts with the first file drawn through it (an SVG is written without it).
    from explorer.layout.dot_errors import GraphvizFailedError, GraphvizNotFoundError

    try:
        status = exit_codes.OK
        for background in args.background:
            themed = options.with_changes(background=background)
            output = output_for(args.output, background, several, folder=args.all)
            if args.all:
                status = _export_all(architectures, output, themed) or status
            else:
                status = (
                    _export_one(architectures[0], output, themed, alone=not several, helper=helper) or status
                )
        return status
    except GraphvizNotFoundError as error:
        return fail(str(error), exit_codes.GRAPHVIZ_MISSING)
    except GraphvizFailedError as error:
        return fail(str(error), exit_codes.GRAPHVIZ_FAILED)


def _options(args: argparse.Namespace) -> ExportOptions:
    if args.format is not None:
        file_format = args.format
    elif args.all:
        file_format = "png"
    else:
        file_format = format_for_path(args.output)
    return ExportOptions(
        format=file_format,
        scale=args.scale if args.scale is not None else ExportOptions.scale,
        width=args.width,
        background=args.background[0],
        margin=args.margin,
        title=args.title,
        caption=args.caption,
        slide=slide_name(args.slide),
        keep_selection=args.select is not None,
        selected=args.select,
        text_scale=text_scale_value(args.text_scale),
        edge_labels=args.edge_labels,
        focus=args.focus,
    )


def _export_one(
    architecture: Any, output: Path, options: ExportOptions, *, alone: bool, helper: PngHelper | None = None
) -> int:
    """Writes one file; ``alone``: the only one of this command (Qt then starts without widgets
    when it is only needed to paint the PNG); ``helper``: a :class:`~explorer.export.png_fork.PngHelper`."""
    from explorer.atomic_write import ExportError
    from explorer.export.batch import export_architecture

    prepared = _prepare(architecture, options)
    try:
        export_architecture(
            prepared.architecture,
            prepared.layout,
            output,
            prepared.options,
            durable=False,
            scene=False,
            widgets=not alone,
            helper=helper,
        )
    except ExportError as error:
        return fail(str(error), exit_codes.FAILED)
    return exit_codes.OK


def _prepare(architecture: Any, options: ExportOptions) -> Any:
    """The export's model and layout, text size settled; says so when a slide stays hard to read."""
    from explorer.export.prepare import SLIDE_LABEL_PX, prepare, slide_label_px
    from explorer.layout.service import LayoutService, routing_note

    service = LayoutService()
    prepared = prepare(architecture, options, lambda a, o: service.layout_for(a, options=o))
    if options.edge_labels is None and prepared.options.edge_labels is False:
        print(
            f"arch-explorer: note: {architecture.id}: relations left unlabelled on this whole slide: "
            "their labels would shrink the text or cross other lines (--edge-labels labels them)",
            file=sys.stderr,
        )
    report_problems([note] if (note := routing_note(architecture, prepared.layout)) else [])
    scale = prepared.options.text_scale or 1.0
    px = slide_label_px(prepared.layout, prepared.options, scale)
    if options.slide_size is not None and px < SLIDE_LABEL_PX:
        hint = (
            "a larger --text-scale"
            if options.focus
            else "--focus COMPONENT_ID makes a slide of one part of it"
        )
        print(
            f"arch-explorer: note: {architecture.id}: component labels are about {px:.1f} px "
            f"on this slide; {hint}",
            file=sys.stderr,
        )
    return prepared


def _export_all(architectures: list[Any], folder: Path, options: ExportOptions) -> int:
    from explorer.export.batch import BatchStep, export_all

    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        return fail(f"cannot create the folder {folder}: {error.strerror or error}", exit_codes.FAILED)

    def report(progress: BatchStep) -> None:
        counter = f"[{progress.index}/{progress.total}]"
        if progress.error is None:
            print(f"{counter} {progress.architecture_id} -> {progress.path}", flush=True)
        else:
            print(f"{counter} {progress.architecture_id} failed", flush=True)
            print(f"arch-explorer: {progress.error}", file=sys.stderr, flush=True)

    prepared = {architecture.id: _prepare(architecture, options) for architecture in architectures}
    result = export_all(
        architectures,
        folder,
        options,
        lambda architecture: prepared[architecture.id].layout,
        progress=report,
        options_for=lambda architecture: prepared[architecture.id].options,
        durable=False,
        scene=False,
    )
    return exit_codes.FAILED if result.failed else exit_codes.OK
