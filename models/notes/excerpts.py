"""Excerpts: what the notes panel shows for an element.

Built-in excerpts are the ``{#key}`` sections of the app's own notes. User
excerpts are found by :mod:`models.notes.reading` and ranked here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from models.architecture import Architecture
from models.notes.cleaning import clean_markdown
from models.notes.document import Block, NoteDocument, Section

BUILTIN = "built-in"
USER = "user"
SUMMARY_KEY = "summary"
# Built-in "when to use which" guidance, shown with the architecture's summary.
GUIDANCE_KEY = "when-to-use"
# A section shown whole is cut after this many blocks: an excerpt, not the note.
MAX_SECTION_BLOCKS = 8

_LIST_MARKER = re.compile(r"(?:[-+*]|\d{1,9}[.)])[ \t]*")


@dataclass(frozen=True)
class Excerpt:
    """A piece of a note shown for one component, group or the architecture's summary.

    Attributes:
        origin: ``"built-in"`` or ``"user"``.
        source: the note it comes from (a path for user notes).
        heading_path: the headings above it, outermost first.
        line: 1-based line in ``source`` of the heading (built-in, whole sections) or of the block.
        text: Markdown to render. A nested list item comes under the first line of each
            enclosing item, so it keeps its context ("2. Nodes" above "Also contain kubelets").
        matched_terms: the names found, spelled as in the text, for highlighting.
        score: relevance (user notes); higher is better.
        title: the heading for built-in excerpts, the note's title for user ones.
    """

    origin: str
    source: str
    heading_path: tuple[str, ...]
    line: int
    text: str
    matched_terms: tuple[str, ...] = ()
    score: float = 0.0
    title: str = ""


def block_markdown(block: Block) -> str:
    """The block's Markdown: a nested item under the first line of each enclosing item, a table
    row under the table's header, a lead-in paragraph with its list."""
    if block.kind == "table_row":
        return "\n".join((*block.context, block.text))
    if block.follow:
        return f"{block.text}\n{block.follow}"
    if not block.context:
        return block.text
    lines, indent = [], ""
    for lead in block.context:
        lines.append(indent + lead)
        marker = _LIST_MARKER.match(lead)
        indent += " " * (len(marker.group(0).expandtabs(4)) if marker else 2)
    lines.extend(indent + line if line.strip() else line for line in block.text.split("\n"))
    return "\n".join(lines)


def top_level_markdown(blocks: Sequence[Block]) -> list[str]:
    """Each top-level block's Markdown (nested items are inside their parents; a table is whole)."""
    parts: list[str] = []
    header: tuple[str, ...] = ()
    for block in blocks:
        if block.kind == "table_row":
            if block.context == header and parts:
                parts[-1] += "\n" + block.text
            else:
                parts.append(block_markdown(block))
            header = block.context
            continue
        header = ()
        if not block.context:
            parts.append(block.text)
    return parts


def section_markdown(section: Section) -> str:
    """The section's top-level blocks, cut after :data:`MAX_SECTION_BLOCKS`."""
    chosen = top_level_markdown(section.blocks)
    text = "\n\n".join(chosen[:MAX_SECTION_BLOCKS])
    return text + ("\n\n…" if len(chosen) > MAX_SECTION_BLOCKS else "")


@dataclass
class Candidate:
    """A user-note excerpt while matching: a block, or a whole section (``block`` None)."""

    score: float
    order: tuple[int, int]  # document index, line
    document: NoteDocument
    section: Section
    block: Block | None
    terms: dict[str, None] = field(default_factory=dict)

    def excerpt(self) -> Excerpt:
        section, block, document = self.section, self.block, self.document
        text = clean_markdown(block_markdown(block) if block else section_markdown(section))
        line = block.line if block else section.line
        terms, score = tuple(self.terms), round(self.score, 3)
        return Excerpt(USER, document.source, section.heading_path, line, text, terms, score, document.title)


def rank(candidates: list[Candidate]) -> list[Candidate]:
    """Best first, ties in note order; a block inside a matching one (a nested item in its parent,
    an item in its lead-in's list) folds into it, so each piece of a note is shown once.

    Folding changes the kept candidates: pass candidates made for this ranking.
    """
    kept: list[Candidate] = []
    for candidate in sorted(candidates, key=lambda c: c.order):
        parent = kept[-1] if kept else None
        if (
            parent is not None
            and parent.block is not None
            and candidate.block is not None
            and parent.document is candidate.document
            and parent.block.contains(candidate.block)
        ):
            parent.score = max(parent.score, candidate.score)
            parent.terms.update(candidate.terms)
            continue
        kept.append(candidate)
    kept.sort(key=lambda c: (-c.score, c.order))
    return kept


def resolve_key(architecture: Architecture, key: str) -> list[str]:
    """Element ids a ``{#key}`` names: an id, a concept shared by components, or ``summary``."""
    if key == SUMMARY_KEY or architecture.has_element(key):
        return [key]
    return [component.id for component in architecture.components if component.concept_id == key]


def builtin_excerpts(
    architecture: Architecture, documents: Sequence[NoteDocument]
) -> dict[str, list[Excerpt]]:
    """Keyed sections of the built-in notes that list ``architecture.id`` in their front matter.

    Returns a mapping from component id, group id, ``"summary"`` or another
    (topic) key to excerpts in document order.
    """
    found: dict[str, list[Excerpt]] = {}
    for document in _about(architecture, documents):
        for section in document.sections:
            if not section.keys or not section.blocks:
                continue
            text = clean_markdown("\n\n".join(top_level_markdown(section.blocks)))
            excerpt = Excerpt(
                BUILTIN, document.source, section.heading_path, section.line, text, title=section.title
            )
            # A key that is no element (``{#when-to-use}``) stays available under its own name.
            targets = dict.fromkeys(
                eid for key in section.keys for eid in resolve_key(architecture, key) or [key]
            )
            for element_id in targets:
                found.setdefault(element_id, []).append(excerpt)
    return found


def check_builtin_keys(architectures: Iterable[Architecture], documents: Sequence[NoteDocument]) -> list[str]:
    """Problems in built-in notes: unknown architectures and keys that resolve in none of them."""
    by_id = {architecture.id: architecture for architecture in architectures}
    problems = []
    for document in documents:
        listed = document.architectures
        if not listed:
            problems.append(f"{document.source}: front matter lists no architectures")
        unknown = [name for name in listed if name not in by_id]
        if unknown:
            problems.append(f"{document.source}: unknown architectures {', '.join(unknown)}")
        known = [by_id[name] for name in listed if name in by_id]
        for section in document.sections:
            for key in section.keys:
                if known and not any(resolve_key(architecture, key) for architecture in known):
                    names = ", ".join(architecture.id for architecture in known)
                    problems.append(
                        f"{document.source}:{section.line}: key {key!r} names no component, concept or group"
                        f" of {names} (it is only reachable as a topic key)"
                    )
    return problems


def _about(architecture: Architecture, documents: Sequence[NoteDocument]) -> Iterable[NoteDocument]:
    return (document for document in documents if architecture.id in document.architectures)
