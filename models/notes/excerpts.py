"""Excerpts: what the notes panel shows for an element.

Built-in excerpts are the ``{#key}`` sections of the app's own notes. User
excerpts are scored here (the weights, in one place) and ranked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from models.architecture import Architecture
from models.notes.document import Block, NoteDocument, Section

if TYPE_CHECKING:
    from models.notes.matching import Hit

BUILTIN = "built-in"
USER = "user"
SUMMARY_KEY = "summary"
# Built-in "when to use which" guidance, shown with the architecture's summary.
GUIDANCE_KEY = "when-to-use"
# What an architecture name found in a note points to: this architecture, another one, or this one
# by a name that is also part of another's ("ECS" when "ECS on Fargate" is another architecture).
SELF, OTHER, FAMILY = 1, 2, 4
# A section shown whole is cut after this many blocks: an excerpt, not the note.
MAX_SECTION_BLOCKS = 8

_LIST_MARKER = re.compile(r"(?:[-+*]|\d{1,9}[.)])[ \t]*")
_WORD = re.compile(r"[^\W_]")

# How user excerpts are scored. A plain mention of a specific name is worth 1.
SPECIFIC, GENERIC = 1.0, 0.4
SECTION_SPECIFIC, SECTION_GENERIC = 2.0, 1.2  # the section's own heading names the element
EMPHASIS, LEAD = 0.4, 0.25  # the name is bold/italic/highlighted; the block starts with it
REPEAT, MAX_REPEATS = 0.15, 2  # each further mention in the same block
HEADING_NAMES_ELEMENT = 0.6  # a heading above names the element
NEAR_SELF, FAR_SELF, MIXED = 0.5, 0.2, 0.3  # context names this architecture (far: only the note title)
OTHER_FACTOR, FAR_OTHER_FACTOR = 0.4, 0.7  # context names only another architecture (far: the note title)
BLOCK_SELF, BLOCK_OTHER_FACTOR = 0.2, 0.7  # the block itself names this / only another architecture


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
    """The block's Markdown, nested under the first line of each enclosing list item."""
    if not block.context:
        return block.text
    lines, indent = [], ""
    for lead in block.context:
        lines.append(indent + lead)
        marker = _LIST_MARKER.match(lead)
        indent += " " * (len(marker.group(0).expandtabs(4)) if marker else 2)
    lines.extend(indent + line if line.strip() else line for line in block.text.split("\n"))
    return "\n".join(lines)


def section_markdown(section: Section) -> str:
    """The section's top-level blocks (nested list items are already inside their parents)."""
    chosen = [block for block in section.blocks if not block.context]
    text = "\n\n".join(block.text for block in chosen[:MAX_SECTION_BLOCKS])
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
        text = block_markdown(block) if block else section_markdown(section)
        line = block.line if block else section.line
        terms, score = tuple(self.terms), round(self.score, 3)
        return Excerpt(USER, document.source, section.heading_path, line, text, terms, score, document.title)


def rank(candidates: list[Candidate]) -> list[Candidate]:
    """Best first, ties in note order; a nested list item folds into its matching parent item."""
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


def prominence(prose: str, start: int, end: int) -> float:
    """Bonus for a name the writer stressed: emphasised, and/or the first word of the block."""
    around = prose[max(start - 1, 0) : start] + prose[end : end + 1]
    emphasised = EMPHASIS if any(mark in around for mark in "*_=") else 0.0
    return emphasised + (0.0 if _WORD.search(prose, 0, start) else LEAD)


def with_context(score: float, stance: str, near: bool) -> float:
    """Raise a score whose context is about this architecture; lower it when about another one.

    ``stance`` is "self", "mixed", "other" or "" (the context names no architecture).
    """
    if stance == "other":
        return score * (OTHER_FACTOR if near else FAR_OTHER_FACTOR)
    if stance == "mixed":
        return score + MIXED
    if stance == "self":
        return score + (NEAR_SELF if near else FAR_SELF)
    return score


def stance_of(bits: int) -> str:
    """What a text naming these architectures is about: "self", "other", "mixed" or ""."""
    if bits & SELF:
        return "mixed" if bits & OTHER else "self"
    return "other" if bits & OTHER else "self" if bits & FAMILY else ""


def score_block(
    prose: str, hits: list[Hit], stance: str, near: bool, path_elements: set[str]
) -> dict[str, tuple[float, list[str]]]:
    """Score each element a block names; a generic name without other evidence is dropped.

    ``stance`` is what the nearest heading or enclosing list item is about;
    ``path_elements`` are the elements named by the headings above the block.
    """
    bits, specific = 0, set()
    for hit in hits:
        bits |= hit.architecture
        if hit.element and not hit.generic:
            specific.add(hit.element)
    block_stance = stance_of(bits)
    about_this = bool({stance, block_stance} & {"self", "mixed"})
    if not (specific or about_this or path_elements):
        return {}  # only common words, in a note that is not about this architecture
    by_element: dict[str, list[Hit]] = {}
    for hit in hits:
        if hit.element:
            by_element.setdefault(hit.element, []).append(hit)
    scored: dict[str, tuple[float, list[str]]] = {}
    for element, found in by_element.items():
        evidence = about_this or element in path_elements or (stance != "other" and specific - {element})
        if element not in specific and not evidence:
            continue
        score = SPECIFIC if element in specific else GENERIC
        score += max(prominence(prose, hit.start, hit.end) for hit in found)
        score += REPEAT * min(len(found) - 1, MAX_REPEATS)
        score += HEADING_NAMES_ELEMENT if element in path_elements else 0.0
        score = with_context(score, stance, near)
        if block_stance == "self":
            score += BLOCK_SELF
        elif block_stance == "other":
            score *= BLOCK_OTHER_FACTOR
        scored[element] = (score, [hit.text for hit in found])
    return scored


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
            text = "\n\n".join(block.text for block in section.blocks if not block.context)
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
