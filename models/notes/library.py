"""Matching notes to an architecture, and the library of notes the app knows (built-in and the user's).

A block of a user note matches an element when it names it (see
:mod:`models.notes.matching`). The score rises when the block stresses the
name, when a heading above names the element, and when the nearest heading (or
enclosing list item) names this architecture; it falls when that context names
a different architecture (an EKS section is weaker evidence for plain
Kubernetes). A heading that names an element makes its whole section an excerpt.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from models.architecture import Architecture
from models.notes.document import NoteDocument, Section
from models.notes.excerpts import (
    BUILTIN,
    GUIDANCE_KEY,
    SECTION_GENERIC,
    SECTION_SPECIFIC,
    SELF,
    SUMMARY_KEY,
    Candidate,
    Excerpt,
    builtin_excerpts,
    rank,
    score_block,
    with_context,
)
from models.notes.matching import TermIndex
from models.notes.obsidian import plain_text

DEFAULT_LIMIT = 5


class NotesMatcher:
    """Matches notes against one architecture; its names are compiled once."""

    def __init__(self, architecture: Architecture, others: Sequence[Architecture] = ()):
        self.architecture = architecture
        self.terms = TermIndex.for_architecture(architecture, others)

    def match(self, documents: Sequence[NoteDocument], *, limit: int | None = 5) -> dict[str, list[Excerpt]]:
        """Excerpts per element id, best first, at most ``limit`` each."""
        ranked = self.ranked_candidates(documents)
        return {key: [candidate.excerpt() for candidate in found[:limit]] for key, found in ranked.items()}

    def ranked_candidates(self, documents: Sequence[NoteDocument]) -> dict[str, list[Candidate]]:
        """Every match per element id, best first; excerpts are built only for what is shown."""
        found: dict[str, list[Candidate]] = {}
        for index, document in enumerate(documents):
            for section in document.sections:
                for element_id, candidate in self._section_candidates(index, document, section):
                    found.setdefault(element_id, []).append(candidate)
        ranked = {key: rank(candidates) for key, candidates in found.items()}
        return {member: ranked[key] for key in ranked for member in self.terms.members.get(key, [key])}

    def _section_candidates(
        self, index: int, document: NoteDocument, section: Section
    ) -> Iterator[tuple[str, Candidate]]:
        terms = self.terms
        path_stance = next((s for title in reversed(section.heading_path) if (s := terms.stance(title))), "")
        stance, near = path_stance or terms.stance(document.title), bool(path_stance)
        path_elements = {h.element for t in section.heading_path for h in terms.heading_hits(t) if h.element}
        whole: dict[str, Candidate] = {}  # elements the section's own heading names get the whole section
        for hit in terms.heading_hits(section.title) if section.blocks else ():
            if hit.element and (not hit.generic or stance in ("self", "mixed")):
                base = SECTION_GENERIC if hit.generic else SECTION_SPECIFIC
                candidate = whole.setdefault(
                    hit.element, Candidate(0.0, (index, section.line), document, section, None)
                )
                candidate.score = max(candidate.score, with_context(base, stance, near))
                candidate.terms[hit.text] = None
        yield from whole.items()
        for block in section.blocks:
            hits = terms.hits(block.prose) if block.prose else []
            if not hits:
                continue
            lead_stance = next((s for lead in reversed(block.context) if (s := terms.stance(lead))), "")
            context = (lead_stance, True) if lead_stance else (stance, near)
            for element_id, (score, matched) in score_block(
                block.prose, hits, *context, path_elements
            ).items():
                found = whole.get(element_id)
                if found is None:
                    found = Candidate(score, (index, block.line), document, section, block)
                    yield element_id, found
                found.terms.update(dict.fromkeys(matched))


def match_excerpts(
    architecture: Architecture,
    documents: Sequence[NoteDocument],
    *,
    limit: int | None = 5,
    others: Sequence[Architecture] = (),
) -> dict[str, list[Excerpt]]:
    """User-note excerpts per component and group id, best first, at most ``limit`` each.

    ``others`` are the other known architectures: a section headed by one of
    their names is weaker evidence for this one. Well-known names (Kubernetes,
    EKS, ECS…) count as other architectures even when ``others`` is empty.
    """
    return NotesMatcher(architecture, others).match(documents, limit=limit)


@dataclass
class _Matches:
    architecture: Architecture
    builtin: dict[str, list[Excerpt]]
    user: dict[str, list[Candidate]]  # all matches, best first
    shown: dict[tuple[str, bool], list[Excerpt]] = field(default_factory=dict)


class NotesLibrary:
    """Holds built-in and user notes and answers "what do the notes say about this element?".

    Matching runs once per architecture and is cached until the notes or the
    set of architectures change (or the architecture is reloaded with new content).
    """

    def __init__(
        self,
        builtin: Sequence[NoteDocument] = (),
        user: Sequence[NoteDocument] = (),
        *,
        architectures: Sequence[Architecture] = (),
        limit: int = DEFAULT_LIMIT,
    ):
        self._builtin = tuple(builtin)
        self._user = tuple(user)
        self._architectures = tuple(architectures)
        self.limit = limit
        self._cache: dict[str, _Matches] = {}

    @property
    def builtin(self) -> tuple[NoteDocument, ...]:
        return self._builtin

    @property
    def user(self) -> tuple[NoteDocument, ...]:
        return self._user

    def set_user(self, documents: Sequence[NoteDocument]) -> None:
        """Replace the user's notes (after the notes locations changed or were reloaded)."""
        self._user = tuple(documents)
        self._cache.clear()

    def set_architectures(self, architectures: Sequence[Architecture]) -> None:
        """All loaded architectures: their names tell which sections are about another one."""
        self._architectures = tuple(architectures)
        self._cache.clear()

    def excerpts_for(
        self, architecture: Architecture, element_id: str, *, show_all: bool = False
    ) -> list[Excerpt]:
        """Built-in excerpts first, then the best user excerpts (all of them with ``show_all``)."""
        matches = self._matches(architecture)
        shown = matches.shown.get((element_id, show_all))
        if shown is None:
            user = matches.user.get(element_id, [])
            user_excerpts = [candidate.excerpt() for candidate in (user if show_all else user[: self.limit])]
            shown = [*matches.builtin.get(element_id, []), *user_excerpts]
            matches.shown[element_id, show_all] = shown
        return list(shown)

    def total_user_matches(self, architecture: Architecture, element_id: str) -> int:
        """How many user excerpts there are for the element, for a "show all (N)" link."""
        return len(self._matches(architecture).user.get(element_id, []))

    def summary_for(self, architecture: Architecture) -> list[Excerpt]:
        """The built-in summary and guidance, then user sections headed by the architecture's name."""
        guidance = self._matches(architecture).builtin.get(GUIDANCE_KEY, [])
        summary = self.excerpts_for(architecture, SUMMARY_KEY)
        built_in = [excerpt for excerpt in summary if excerpt.origin == BUILTIN]
        return [*built_in, *guidance, *summary[len(built_in) :]]

    def document(self, source: str) -> NoteDocument | None:
        """The loaded note whose ``source`` is given (user notes first)."""
        return next((d for d in (*self._user, *self._builtin) if d.source == source), None)

    def find_section(self, note_name: str, heading: str | None = None) -> tuple[NoteDocument, Section] | None:
        """The target of ``[[note_name#heading]]``: user notes first, then built-in ones.

        The note name is compared case-insensitively with file stems and front
        matter aliases; ``heading`` may be a chain (``A#B``) or a block id
        (``^id``). Without a heading the first section is returned. None when
        the note or the heading is not found.
        """
        wanted = _fold(note_name.replace("\\", "/").rsplit("/", 1)[-1].removesuffix(".md"))
        for document in (*self._user, *self._builtin):
            if wanted not in {_fold(name) for name in (document.name, *document.aliases)}:
                continue
            if not heading:
                first = document.sections[0] if document.sections else Section(document.title, 0, (), 1)
                return document, first
            section = _find_heading(document, heading)
            if section is not None:
                return document, section
        return None

    def _matches(self, architecture: Architecture) -> _Matches:
        cached = self._cache.get(architecture.id)
        if cached is not None and (
            cached.architecture is architecture or cached.architecture == architecture
        ):
            return cached
        others = [other for other in self._architectures if other.id != architecture.id]
        matcher = NotesMatcher(architecture, others)
        user = matcher.ranked_candidates(self._user)
        user[SUMMARY_KEY] = _user_summary(matcher.terms, self._user)
        builtin = builtin_excerpts(architecture, self._builtin)
        matches = self._cache[architecture.id] = _Matches(architecture, builtin, user)
        return matches


def _user_summary(terms: TermIndex, documents: Sequence[NoteDocument]) -> list[Candidate]:
    """Sections whose own heading names only this architecture, and the start of notes named after it.

    A heading directly followed by a sub-heading ("Kubernetes 101" then
    "Cluster structure") lends its name to that first sub-section.
    """
    candidates = []
    for index, document in enumerate(documents):
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
                score = 1.0 if section.level else 0.8
                candidates.append(Candidate(score, (index, chosen.line), document, chosen, None))
    return rank(candidates)


def _find_heading(document: NoteDocument, heading: str) -> Section | None:
    heading = heading.strip()
    if heading.startswith("^"):
        marker = heading
        return next(
            (s for s in document.sections if any(_ends_with_id(b.text, marker) for b in s.blocks)), None
        )
    chain = [_fold(plain_text(part).rstrip(": ")) for part in heading.split("#") if part.strip()]
    for section in document.sections:
        path = [_fold(title) for title in section.heading_path]
        if chain and path[-len(chain) :] == chain:
            return section
    return None


def _ends_with_id(text: str, marker: str) -> bool:
    return any(line.rstrip().endswith(" " + marker) or line.strip() == marker for line in text.split("\n"))


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()
