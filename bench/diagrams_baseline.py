"""The baseline: the ``diagrams`` library drawing the same model with its default settings.

Run as a process of its own (``python -m bench.diagrams_baseline``), like a user's
script would be: it builds the architecture with ``Diagram``, ``Cluster``,
``Custom`` nodes and edges, and renders it (``dot``, orthogonal edges by
default) into a temporary folder. Two changes only: cluster names are made
unique (``diagrams`` would merge same-label groups into one box, drawing a
different graph), and ``--dpi`` scales a PNG to the pixel size of our export.
Prints one JSON line: the pixel size written and ``setup_seconds``, the time
spent reading our model file (a ``diagrams`` script would not do that), which
the launcher takes off the process's wall-clock time.
"""

from __future__ import annotations

import argparse
import json
import struct
import sys
import tempfile
import time
from pathlib import Path
from typing import Any


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--builtin", metavar="ID", help="a built-in architecture")
    source.add_argument("--generated", type=int, metavar="N", help="a generated model of N components")
    parser.add_argument("--format", choices=("png", "svg"), default="png")
    parser.add_argument("--dpi", type=float, help="Graphviz dpi (default: Graphviz's own, 96)")
    parser.add_argument(
        "--newrank",
        action="store_true",
        help="dot's global ranking (without it, dot 2.43 crashes on many clustered graphs)",
    )
    args = parser.parse_args(argv)

    loading = time.perf_counter()
    architecture = _architecture(args)
    loading = time.perf_counter() - loading
    from graphviz.backend.execute import CalledProcessError

    try:
        return _render(architecture, args, loading)
    except CalledProcessError as error:
        # Graphviz 2.4x aborts on some clustered graphs under dot's default ranking.
        how = f"signal {-error.returncode}" if error.returncode < 0 else f"exit status {error.returncode}"
        stderr = (
            error.stderr.decode("utf-8", "replace") if isinstance(error.stderr, bytes) else str(error.stderr)
        )
        said = [line for line in stderr.splitlines() if line.startswith("Error")]
        how += f": {said[0]}" if said else ""
        print(json.dumps({"error": f"Graphviz failed ({how})", "setup_seconds": loading}), flush=True)
        return 3


def _render(architecture: Any, args: argparse.Namespace, loading: float) -> int:
    from diagrams import Cluster, Diagram, Edge
    from diagrams.custom import Custom

    from models.icons import icon_or_fallback

    with tempfile.TemporaryDirectory(prefix="bench-diagrams-") as folder:
        name = str(Path(folder) / "diagram")
        graph_attr = {"dpi": f"{args.dpi:.2f}"} if args.dpi else {}
        if args.newrank:
            graph_attr["newrank"] = "true"
        with Diagram(
            architecture.title,
            filename=name,
            outformat=args.format,
            show=False,
            direction=architecture.layout.direction.upper(),
            graph_attr=graph_attr,
        ):
            nodes = {}
            clusters: dict[str | None, object] = {}

            def place(group_id: str | None) -> None:
                for component in architecture.components:
                    if component.group == group_id:
                        icon = icon_or_fallback(component.icon).as_posix()
                        nodes[component.id] = Custom(component.label, icon)
                for group in architecture.groups:
                    if group.parent == group_id:
                        cluster = Cluster(group.label)
                        cluster.name = cluster.dot.name = f"cluster_{group.id}"
                        clusters[group.id] = cluster
                        with cluster:
                            place(group.id)

            place(None)
            for relation in architecture.relations:
                nodes[relation.source] >> Edge(label=relation.label) >> nodes[relation.target]
        written = Path(f"{name}.{args.format}")
        width, height = _size(written)
    figures = {"setup_seconds": loading, "width": width, "height": height}
    print(json.dumps(figures), flush=True)
    return 0


def _architecture(args: argparse.Namespace):  # noqa: ANN202 (models imported lazily)
    if args.generated is not None:
        from bench.model_gen import generate

        return generate(args.generated)
    from models.loader import load_architecture_file
    from models.paths import ARCHITECTURES_DIR

    return load_architecture_file(ARCHITECTURES_DIR / f"{args.builtin}.yaml")


def _size(path: Path) -> tuple[int, int]:
    """Pixel size of a PNG (from its header); 0 × 0 for an SVG."""
    data = path.read_bytes()[:24]
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        width, height = struct.unpack(">II", data[16:24])
        return width, height
    return 0, 0


if __name__ == "__main__":
    sys.exit(main())
