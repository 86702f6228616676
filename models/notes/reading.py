"""Reads one note the way a careful student does, for one architecture: which blocks are about which elements.

* **Subjects flow down**: a block that does not start with a name of its own
  takes its subject from the nearest enclosing list item, the lead-in
  paragraph before its list ("The kubelet has a handful of responsibilities:"),
  the headings above it, then the note's title ("Kubernetes - Components -
  Kube proxy"). Names further inside such a block are passing mentions and do
  not make it an excerpt of theirs ("Watches the API server…" is about the
  kubelet).
* **Context gates**: the names around a block (its own, its leads, headings,
  the title, the whole note) vote for this architecture or another one; a name
  given as a contrast ("different from the EC2 mode") does not vote, and under a
  heading about another architecture a block is about that one unless it names
  this one. A block whose context is about another architecture feeds nothing
  here, except a name that says this architecture outright ("ECS service" in a
  Kubernetes note).
* **Common words need support**: *service*, *pod*, *task*, *control plane*…
  count only as the block's own subject in a context about this architecture,
  and never as part of another concept's name ("Service Account").
* **Definitions first**: "X is …", "X: …" rank above a block that starts with
  X, which ranks above an inherited subject, which ranks above a mention.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from models.notes.context_levels import (
    INHERITED_LEAD,
    INHERITED_TITLE,
    LEADING_NOISE,
    HeadingPath,
    Headings,
    Level,
    inherit,
)
from models.notes.contrast import stated_hits
from models.notes.document import Block, NoteDocument, Section
from models.notes.matching import FOREIGN, OTHER, SELF, Hit, TermIndex

# Scores, in one place.
DEFINITION, LEADING, MENTION, GENERIC_LEADING = 3.0, 2.2, 1.0, 1.6
CARRIES_LIST = 0.3  # a lead-in shown with its whole list
CONTEXT_BONUS, MAX_CONTEXT = 0.08, 5.0  # per point of context about this architecture
# How much each level of context counts when deciding which architecture a block is about (the
# headings' weights, and what subjects handed down score, are in models.notes.context_levels).
BLOCK_WEIGHT, LEAD_WEIGHT, TITLE_WEIGHT, NOTE_WEIGHT = 1.0, 0.8, 0.7, 0.5

_DEFINITION_AFTER = re.compile(r"[`*_=\s]*(?:\([^)]{0,80}\)\s*)?(?::|\s[-–—=]\s|\s(?:is|are)\s)")
_WORD = re.compile(r"[^\W_]+")
_ALNUM = re.compile(r"[^\W_]")  # what str.isalnum() accepts, as one C-level search
COMPOUND_REACH = 12  # a block starting with another concept's name ("AWS App Mesh …") is about that


NoteReadings = tuple[NoteDocument, dict[str, list["Reading"]], list[tuple[float, Section]]]
"""What one note says for one term index: the note, its folded readings per element key, and the
sections that summarise the architecture (with their scores)."""


@dataclass(frozen=True)
class Reading:
    """One block's claim to be an excerpt of one element (a key of :attr:`TermIndex.members`)."""

    element: str
    score: float
    section: Section
    block: Block
    terms: tuple[str, ...]
    document: NoteDocument


def read_document(terms: TermIndex, document: NoteDocument) -> list[Reading]:
    """Every (element, block) pair of ``document`` worth showing, unranked."""
    has_words = _ALNUM.search
    chosen = [
        (section, block)
        for section in document.sections
        for block in section.blocks
        if block.kind != "code" and has_words(block.prose) is not None
    ]
    all_hits, signals = terms.scan_parts([block.prose for _, block in chosen])
    note_signal = sum(signals)
    title_text = " ".join((document.title, *document.aliases, *document.tags))
    levels = terms.contexts  # headings and leads repeat across sections and notes: read each once

    def level(text: str, weight: float, inherited: float) -> Level:
        key = (text, weight, inherited)
        found: Level | None = levels.get(key)
        if found is None:
            found = levels[key] = Level(terms, text, weight, inherited)
        return found

    title = level(title_text, TITLE_WEIGHT, INHERITED_TITLE)
    base = NOTE_WEIGHT * ((note_signal > 0) - (note_signal < 0)) + title.vote
    note = _Note(terms, document, title, base, level)
    readings: list[Reading] = []
    components, title_hands_down, leading = terms.components, title.hands_down, LEADING_NOISE.match
    paths = terms.heading_paths  # sections under the same headings repeat across notes: read each once
    current: Section | None = None
    path: HeadingPath | None = None
    known: Headings | None = None
    hands_down = False
    for (section, block), hits, signal in zip(chosen, all_hits, signals, strict=True):
        if section is not current:  # the blocks of a section come together
            current, known = section, None
            path = paths.get(section.heading_path)
            if path is None:
                path = paths[section.heading_path] = HeadingPath(section.heading_path, level)
            hands_down = title_hands_down or path.hands_down
        if not block.lead_in and not block.context and not hands_down:
            if not hits:
                continue
            leading_at = leading(block.prose).end()  # type: ignore[union-attr]  # (see context_levels.leading_end)
            # Names nothing that counts and inherits nothing (most prose of a big vault): a hit counts
            # when it is a specific name, a name the block starts with, or a group named by several
            # common words ("control plane"); one common word further in never does.
            for hit in hits:
                if (
                    hit.element
                    and not hit.compound
                    and (
                        not hit.generic
                        or hit.start <= leading_at
                        or (hit.element not in components and " " in hit.text)
                    )
                ):
                    break
            else:
                continue
        else:
            leading_at = leading(block.prose).end()  # type: ignore[union-attr]
        if known is None:
            known = Headings(path, title)  # type: ignore[arg-type]  # set with ``current``
        _read_block(note, section, block, hits, leading_at, signal, known, readings)
    return readings


def read_note(terms: TermIndex, document: NoteDocument) -> NoteReadings:
    """What ``document`` says for the architecture of ``terms``: readings by element key, summaries."""
    grouped: dict[str, list[Reading]] = {}
    for reading in read_document(terms, document):
        grouped.setdefault(reading.element, []).append(reading)
    return document, {key: fold(found) for key, found in grouped.items()}, _summary_sections(terms, document)


def _summary_sections(terms: TermIndex, document: NoteDocument) -> list[tuple[float, Section]]:
    """Sections whose own heading names only this architecture, and the start of a note named after it.

    A heading directly followed by a sub-heading ("Kubernetes 101" then
    "Cluster structure") lends its name to that first sub-section.
    """
    found: list[tuple[float, Section]] = []
    sections, chosen_lines = document.sections, set()
    for position, section in enumerate(sections):
        if section.level:
            if terms.stance(section.title) != "self":
                continue
        elif terms.bits(document.title) != SELF:  # "ECS" in "Containers and ECS" is too vague
            continue
        chosen = section
        if not section.blocks and position + 1 < len(sections):
            following = sections[position + 1]
            if following.heading_path[: len(section.heading_path)] == section.heading_path:
                chosen = following
        if chosen.blocks and chosen.line not in chosen_lines:
            chosen_lines.add(chosen.line)
            found.append((1.0 if section.level else 0.8, chosen))
    return found


def fold(readings: list[Reading]) -> list[Reading]:
    """One note's readings of one element, each piece shown once: a block inside a matching one
    (a nested item in its parent, an item in its lead-in's list) folds into it."""
    kept: list[Reading] = []
    for reading in sorted(readings, key=lambda r: r.block.line):
        parent = kept[-1] if kept else None
        if parent is not None and parent.block.contains(reading.block):
            kept[-1] = new_reading(
                parent.element,
                max(parent.score, reading.score),
                parent.section,
                parent.block,
                tuple(dict.fromkeys((*parent.terms, *reading.terms))),
                parent.document,
            )
            continue
        kept.append(reading)
    return kept


@dataclass(frozen=True)
class _Note:
    """What every block of one note is read with."""

    terms: TermIndex
    document: NoteDocument
    title: Level
    base: float  # the vote of the note's names and of its title
    level: Callable[[str, float, float], Level]


def _read_block(
    note: _Note,
    section: Section,
    block: Block,
    hits: list[Hit],
    leading_at: int,
    signal: float,
    known: Headings,
    readings: list[Reading],
) -> None:
    """Add ``block``'s readings to ``readings``; ``signal``: the :meth:`~TermIndex.signal` of ``hits``."""
    terms, prose = note.terms, block.prose
    context_lines = () if block.kind == "table_row" else block.context
    stated = stated_hits(prose, hits)
    if stated is not hits:
        signal = terms.signal(stated)
    if context_lines or block.lead_in:
        leads = [note.level(lead, LEAD_WEIGHT, INHERITED_LEAD) for lead in reversed(context_lines)]
        if block.lead_in:
            leads.append(note.level(block.lead_in, LEAD_WEIGHT, INHERITED_LEAD))
        votes = sum(near.vote for near in (*leads, *known.above))
        nearest = next((near for near in (*leads, *known.above) if near.stance), None)
    else:
        leads, votes, nearest = [], known.votes, known.nearest
    context = note.base + BLOCK_WEIGHT * signal + votes
    if nearest is not None and nearest.stance == "other" and not any(h.architecture & SELF for h in stated):
        context = min(context, -1.0)  # under "## Fargate mode", a block is about Fargate unless it says so
    first = None
    for hit in hits:
        if hit.element or hit.compound or hit.architecture:
            first = hit
            break
    own_subject = first is not None and first.start <= leading_at  # the block names its own subject
    about_other = first is not None and first.compound and first.start <= leading_at + COMPOUND_REACH
    chosen: dict[str, tuple[float, list[str]]] = {}
    strong = False  # inherited from a lead or heading: names further in are passing mentions
    if not own_subject and not about_other:
        if leads:
            components, strong, groups = inherit([*leads, *known.above, note.title], note.title, context)
        else:
            components, strong, groups = known.inherited(context)
        if not components and groups and not _names_component(terms, hits):
            components = groups  # a group only when no component is the subject
        for hit, score in components:
            _add(chosen, hit.element, score, hit.text)
    for hit in hits:
        if not hit.element or hit.compound:
            continue
        if hit.start <= leading_at:  # a name the block starts with
            if hit.generic and context <= 0:
                continue
            definition = _DEFINITION_AFTER.match(prose, hit.end)
            score = DEFINITION if definition else GENERIC_LEADING if hit.generic else LEADING
        elif (
            strong
            or about_other
            or (hit.generic and (context <= 0 or hit.element in terms.components or " " not in hit.text))
        ):
            # passing mentions: names inside a block about something else, and common words (a group
            # named by common words, "the control plane", still counts in a context about this architecture)
            if hit.element in chosen:
                _add(chosen, hit.element, 0.0, hit.text)
            continue
        else:
            score = MENTION
        _add(chosen, hit.element, score, hit.text)
    if context < 0:  # about another architecture: keep only names that say this one outright
        chosen = {e: v for e, v in chosen.items() if any(_says_this(terms, t) for t in v[1])}
    bonus = (CARRIES_LIST if block.follow else 0.0) + CONTEXT_BONUS * min(max(context, 0.0), MAX_CONTEXT)
    for element, (score, texts) in chosen.items():
        if score > 0:
            readings.append(
                new_reading(
                    element, score + bonus, section, block, tuple(dict.fromkeys(texts)), note.document
                )
            )


def _add(chosen: dict[str, tuple[float, list[str]]], element: str, score: float, text: str) -> None:
    old = chosen.get(element)
    if old is None:
        chosen[element] = (score, [text])
    else:
        old[1].append(text)
        if score > old[0]:
            chosen[element] = (score, old[1])


def new_reading(
    element: str, score: float, section: Section, block: Block, terms: tuple[str, ...], document: NoteDocument
) -> Reading:
    """``Reading(element, score, section, block, terms, document)``, without the frozen dataclass's
    ``__init__`` (one ``object.__setattr__`` per field): made for every block read."""
    reading: Reading = _new(Reading)
    _set(
        reading,
        "__dict__",
        {
            "element": element,
            "score": score,
            "section": section,
            "block": block,
            "terms": terms,
            "document": document,
        },
    )
    return reading


_new, _set = object.__new__, object.__setattr__


def _names_component(terms: TermIndex, hits: list[Hit]) -> bool:
    return any(hit.element in terms.components and not hit.generic and not hit.compound for hit in hits)


def _says_this(terms: TermIndex, text: str) -> bool:
    """True for a name that carries this architecture's own name ("ECS service", "EKS node")."""
    words = set(_WORD.findall(text.lower()))
    return bool(words & terms.family_words) and not any(
        hit.architecture & (OTHER | FOREIGN) for hit in terms.heading_hits(text)
    )
