"""The notes the app knows (built-in and the user's), with excerpts computed once per architecture."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from models.architecture import Architecture
from models.notes.document import NoteDocument, Section
from models.notes.excerpts import SUMMARY_KEY, Candidate, Excerpt, builtin_excerpts, rank
from models.notes.matching import SELF, NotesMatcher, TermIndex
from models.notes.obsidian import plain_text

DEFAULT_LIMIT = 5


@dataclass(frozen=True)
class _Matches:
    architecture: Architecture
    builtin: dict[str, list[Excerpt]]
    user: dict[str, list[Excerpt]]  # all matches, best first


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
        user = matches.user.get(element_id, [])
        return [*matches.builtin.get(element_id, []), *(user if show_all else user[: self.limit])]

    def total_user_matches(self, architecture: Architecture, element_id: str) -> int:
        """How many user excerpts there are for the element, for a "show all (N)" link."""
        return len(self._matches(architecture).user.get(element_id, []))

    def summary_for(self, architecture: Architecture) -> list[Excerpt]:
        """The built-in summary, then user sections headed by the architecture's name."""
        return self.excerpts_for(architecture, SUMMARY_KEY)

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
        user = matcher.match(self._user, limit=None)
        user[SUMMARY_KEY] = _user_summary(matcher.terms, self._user)
        builtin = builtin_excerpts(architecture, self._builtin)
        matches = self._cache[architecture.id] = _Matches(architecture, builtin, user)
        return matches


def _user_summary(terms: TermIndex, documents: Sequence[NoteDocument]) -> list[Excerpt]:
    """Sections whose own heading (before any heading: the note title) names only this architecture.

    A heading directly followed by a sub-heading ("Kubernetes 101" then
    "Cluster structure") lends its name to that first sub-section.
    """
    candidates = []
    for index, document in enumerate(documents):
        sections = document.sections
        for position, section in enumerate(sections):
            if terms.context(section.title if section.level else document.title) != SELF:
                continue
            chosen = section
            if not section.blocks and position + 1 < len(sections):
                following = sections[position + 1]
                if following.heading_path[: len(section.heading_path)] == section.heading_path:
                    chosen = following
            if chosen.blocks:
                score = 1.0 if section.level else 0.8
                candidates.append(Candidate(score, (index, chosen.line), document, chosen, None))
    return [candidate.excerpt() for candidate in rank(candidates)]


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
