"""Every user excerpt of every element of every architecture, as text: ``python -m bench.notes_dump``.

Made to check that a change to parsing or matching changes nothing it should
not: save a dump before the change and ``diff`` it with one made after. The
notes dumped are the evaluation corpus (``bench/notes_eval/``), the test vault
(``tests/fixtures/notes/vault``) and, when present, the seed-style example in
``../shared/examples/notes/``; each parsed note is dumped too (its ``repr``).
``--vault`` adds the generated 1,000-note speed vault (parsed notes and the
Kubernetes excerpts, as one hash per note).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

from bench.notes import EVAL_DIR, generated_vault
from models.architecture import Architecture
from models.catalog import load_catalog
from models.notes import SUMMARY_KEY, NoteDocument, NotesLibrary, load_notes

ROOT = Path(__file__).resolve().parent.parent
LOCATIONS = (
    EVAL_DIR,
    ROOT / "tests" / "fixtures" / "notes" / "vault",
    Path("/work/shared/examples/notes/Chapter 8 - Containers and ECS.md"),
)


def dump(
    documents: Sequence[NoteDocument], architectures: Sequence[Architecture], root: Path
) -> Iterator[str]:
    """One line per parsed note, then one block per excerpt, paths relative to ``root``."""

    def where(source: str) -> str:
        path = Path(source)
        return path.relative_to(root).as_posix() if path.is_relative_to(root) else path.name

    for document in documents:
        yield f"note {where(document.source)} {document!r}".replace(document.source, where(document.source))
    library = NotesLibrary(user=documents, architectures=architectures)
    for architecture in architectures:
        ids = [c.id for c in architecture.components] + [g.id for g in architecture.groups] + [SUMMARY_KEY]
        for element_id in ids:
            for excerpt in library.excerpts_for(architecture, element_id, show_all=True):
                if excerpt.origin != "user":
                    continue
                yield (
                    f"== {architecture.id}/{element_id} {where(excerpt.source)}:{excerpt.line} "
                    f"{excerpt.score!r} {excerpt.heading_path!r} {excerpt.matched_terms!r} "
                    f"{excerpt.title!r}\n"
                    f"{excerpt.text}"
                )


def vault_dump(architectures: Sequence[Architecture]) -> Iterator[str]:
    """The generated speed vault: one hash per note of its parse and of its Kubernetes excerpts."""
    kubernetes = [a for a in architectures if a.id == "kubernetes"]
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for source, text in generated_vault():
            (root / source).parent.mkdir(parents=True, exist_ok=True)
            (root / source).write_text(text, encoding="utf-8")
        documents = load_notes([root]).documents
        by_note: dict[str, list[str]] = {}
        for line in dump(documents, kubernetes, root):
            note = (
                line.split(" ", 2)[1] if line.startswith("note ") else line.split(" ", 3)[2].rsplit(":", 1)[0]
            )
            by_note.setdefault(note, []).append(line)
        for note, lines in sorted(by_note.items()):
            digest = hashlib.sha256("\n".join(lines).encode()).hexdigest()[:16]
            yield f"vault {note} {digest} {len(lines)}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.notes_dump", description=__doc__.split("\n\n")[0])
    parser.add_argument("--vault", action="store_true", help="also dump the generated 1,000-note vault")
    args = parser.parse_args(argv)
    architectures = load_catalog().architectures
    for location in LOCATIONS:
        if location.exists():
            documents = load_notes([location]).documents
            root = location if location.is_dir() else location.parent
            for line in dump(documents, architectures, root):
                print(line)
    if args.vault:
        for line in vault_dump(architectures):
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
