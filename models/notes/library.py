"""Matching notes to an architecture, and the library of notes the app knows (built-in and the user's).

Which blocks of a user note are about which element is decided by
:mod:`models.notes.reading`; here the readings are cached per note (an edited
note is read again alone), gathered per element and ranked.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from models.architecture import Architecture
from models.notes.cache import NotesCache, collector_paused
from models.notes.carry import EarlierRanking, earlier_rankings
from models.notes.document import NoteDocument, Section
from models.notes.excerpts import (
    BUILTIN,
    GUIDANCE_KEY,
    SUMMARY_KEY,
    Candidate,
    Excerpt,
    builtin_excerpts,
    rank,
)
from models.notes.obsidian import plain_text
from models.notes.ranking import NotePositions, RankedReadings
from models.notes.reading import NoteReadings, Reading, read_note
from models.notes.term_indexes import shared_term_index
from models.notes.two_cores import read_all

DEFAULT_LIMIT = 5


class NotesMatcher:
    """Matches notes against one architecture; its names are compiled once, each note is read once.

    ``cache``: where the readings of each note are kept (by path, with the very document they
    were read from), so a matcher made after a reload, or in a later run, reads only changed notes.
    """

    def __init__(
        self, architecture: Architecture, others: Sequence[Architecture] = (), cache: NotesCache | None = None
    ):
        self.architecture = architecture
        self.others = tuple(others)
        self._shared = shared_term_index(architecture, self.others)  # kept alive while this matcher is
        self.terms, self.fingerprint = self._shared.terms, self._shared.fingerprint
        self._cache = cache or NotesCache()
        self._readings = self._cache.readings(self.fingerprint)

    def match(self, documents: Sequence[NoteDocument], *, limit: int | None = 5) -> dict[str, list[Excerpt]]:
        """Excerpts per element id, best first, at most ``limit`` each."""
        ranked = self.ranked_candidates(documents)
        return {key: [candidate.excerpt() for candidate in found[:limit]] for key, found in ranked.items()}

    def keys_read(self, document: NoteDocument) -> set[str] | None:
        """The element keys ``document`` was read to have readings for, with :data:`SUMMARY_KEY` if it
        has summary sections (None if it was not read)."""
        cached = self._readings.get(document.source)
        if cached is None or cached[0] is not document:
            return None
        return {*cached[1], *([SUMMARY_KEY] if cached[2] else [])}

    def readings(self, document: NoteDocument) -> dict[str, list[Reading]]:
        """What ``document`` says about each element key (cached while the note is unchanged)."""
        return self.read(document)[1]

    def summary_sections(self, document: NoteDocument) -> list[tuple[float, Section]]:
        """The sections of ``document`` that summarise this architecture, with their scores (cached)."""
        return self.read(document)[2]

    def unread(self, documents: Sequence[NoteDocument]) -> list[NoteDocument]:
        """Those of ``documents`` this matcher has not read (what the cache file says of the others is
        taken now)."""
        found = []
        for document in documents:
            cached = self._readings.get(document.source)
            if cached is not None and cached[0] is document:
                continue
            stored = self._cache.stored_readings(self.fingerprint, document)
            if stored is not None:
                self._readings[document.source] = stored
            else:
                found.append(document)
        return found

    def adopt(self, readings: NoteReadings) -> None:
        """Keep what a matcher equal to this one (the same :attr:`fingerprint`) read from a note, as if
        this one had read it (a helper process reads part of a large vault)."""
        self._readings[readings[0].source] = readings

    def read(self, document: NoteDocument) -> NoteReadings:
        """What ``document`` says for this architecture: its readings by element key and its summary
        sections (read once while the note is unchanged)."""
        cached = self._readings.get(document.source)
        if cached is not None and cached[0] is document:
            return cached
        cached = self._cache.stored_readings(self.fingerprint, document) or read_note(self.terms, document)
        self._readings[document.source] = cached
        return cached

    def gather(self, documents: Sequence[NoteDocument]) -> dict[str, list[Reading]]:
        """The readings per element key (see :attr:`TermIndex.members`), in note and line order."""
        found: dict[str, list[Reading]] = {}
        for document in documents:
            for key, readings in self.readings(document).items():
                found.setdefault(key, []).extend(readings)
        return found

    def summary(self, documents: Sequence[NoteDocument]) -> list[Candidate]:
        """User sections summarising this architecture, ranked."""
        return rank(
            [
                Candidate(score, (index, section.line), document, section, None)
                for index, document in enumerate(documents)
                for score, section in self.summary_sections(document)
            ]
        )

    def ranked_candidates(self, documents: Sequence[NoteDocument]) -> dict[str, Sequence[Candidate]]:
        """Every match per element id, best first; excerpts are built only for what is shown."""
        positions = NotePositions(documents)
        ranked = {key: RankedReadings(positions, found) for key, found in self.gather(documents).items()}
        return {member: ranked[key] for key in ranked for member in self.terms.members.get(key, [key])}


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
    matcher: NotesMatcher
    builtin: dict[str, list[Excerpt]]
    ranked: dict[str, Sequence[Candidate]] = field(
        default_factory=dict
    )  # all matches per element, best first
    shown: dict[tuple[str, bool], list[Excerpt]] = field(default_factory=dict)
    found: dict[str, list[Reading]] | None = None  # every reading per element key
    positions: NotePositions | None = None


class NotesLibrary:
    """Holds built-in and user notes and answers "what do the notes say about this element?".

    Matching runs once per architecture and is cached until the notes or the
    set of architectures change (or the architecture is reloaded with new content).
    What each note says is kept in ``cache`` (shared by the libraries made from one
    another with :meth:`with_user`), so after a change only changed notes are read.
    """

    def __init__(
        self,
        builtin: Sequence[NoteDocument] = (),
        user: Sequence[NoteDocument] = (),
        *,
        architectures: Sequence[Architecture] = (),
        limit: int = DEFAULT_LIMIT,
        cache: NotesCache | None = None,
    ):
        self._builtin = tuple(builtin)
        self.cache = cache or NotesCache()
        self._user = tuple(user)
        self._architectures = tuple(architectures)
        self.limit = limit
        self._by_architecture: dict[str, _Matches] = {}
        self._matchers: dict[str, NotesMatcher] = {}  # kept across note changes: they cache readings
        self._earlier: dict[str, EarlierRanking] = {}  # from the library this one was made from

    @property
    def builtin(self) -> tuple[NoteDocument, ...]:
        return self._builtin

    @property
    def user(self) -> tuple[NoteDocument, ...]:
        return self._user

    def set_user(self, documents: Sequence[NoteDocument]) -> None:
        """Replace the user's notes (after the notes locations changed or were reloaded).

        Notes that are the same objects as before are not read again.
        """
        before, self._user = self._user, tuple(documents)
        self._earlier = earlier_rankings(before, self._user, list(self._by_architecture.values()))
        self._by_architecture.clear()

    def with_user(
        self,
        documents: Sequence[NoteDocument],
        architectures: Sequence[Architecture] | None = None,
        *,
        cache: NotesCache | None = None,
    ) -> NotesLibrary:
        """A new library with these user notes (and architectures, and cache), sharing what this one
        has read. With the same cache and architectures the two share their matchers too: a matcher
        only adds to caches, so both may use it, from different threads."""
        derived = NotesLibrary(
            self._builtin,
            documents,
            architectures=self._architectures if architectures is None else architectures,
            limit=self.limit,
            cache=cache or self.cache,
        )
        if derived._architectures == self._architectures and derived.cache is self.cache:
            derived._matchers = dict(self._matchers)
            derived._earlier = earlier_rankings(
                self._user, derived._user, list(self._by_architecture.values())
            )
        return derived

    def warm(self, architectures: Sequence[Architecture] | None = None) -> None:
        """Match the user notes against these architectures (all known ones by default) now, so
        that asking about any of their elements later is only a look-up: a worker thread calls this.
        The notes are read for all of them first, a large vault on two cores (:func:`read_all`)."""
        chosen = self._architectures if architectures is None else architectures
        with collector_paused():
            matchers = [self._matches(architecture).matcher for architecture in chosen]
            read_all(self._user, matchers, self.cache.stat_key)  # a large vault, on two cores
            for architecture in chosen:
                matches = self._matches(architecture)
                ids = [component.id for component in architecture.components]
                for element_id in (*ids, *(group.id for group in architecture.groups)):
                    self._user_candidates(matches, element_id)
                self._user_candidates(matches, SUMMARY_KEY)

    def prepare(self, architecture: Architecture) -> None:
        """Build the architecture's matcher and rank its summary now (a worker thread calls this:
        for a model of hundreds of components the matcher alone takes 100 ms or more)."""
        with collector_paused():
            self._user_candidates(self._matches(architecture), SUMMARY_KEY)

    def prepared(self, architecture: Architecture) -> bool:
        """True when :meth:`summary_for` ``architecture`` is a look-up (see :meth:`prepare`)."""
        cached = self._by_architecture.get(architecture.id)
        return (
            cached is not None
            and (cached.architecture is architecture or cached.architecture == architecture)
            and SUMMARY_KEY in cached.ranked
        )

    def fingerprints(self) -> set[str]:
        """The term indexes this library matches with (see :meth:`NotesCache.save`)."""
        return {matcher.fingerprint for matcher in list(self._matchers.values())}

    def replace_user(self, document: NoteDocument) -> None:
        """Put an edited note in place of the loaded one with the same source (or add it)."""
        others = [d for d in self._user if d.source != document.source]
        position = next((i for i, d in enumerate(self._user) if d.source == document.source), len(others))
        self.set_user([*others[:position], document, *others[position:]])

    def set_architectures(self, architectures: Sequence[Architecture]) -> None:
        """All loaded architectures: their names tell which sections are about another one."""
        self._architectures = tuple(architectures)
        self._by_architecture.clear()
        self._matchers.clear()
        self._earlier.clear()

    def excerpts_for(
        self, architecture: Architecture, element_id: str, *, show_all: bool = False
    ) -> list[Excerpt]:
        """Built-in excerpts first, then the best user excerpts (all of them with ``show_all``)."""
        matches = self._matches(architecture)
        shown = matches.shown.get((element_id, show_all))
        if shown is None:
            user = self._user_candidates(matches, element_id)
            user_excerpts = _distinct_excerpts(user, None if show_all else self.limit)
            shown = [*matches.builtin.get(element_id, []), *user_excerpts]
            matches.shown[element_id, show_all] = shown
        return list(shown)

    def total_user_matches(self, architecture: Architecture, element_id: str) -> int:
        """How many user excerpts there are for the element, for a "show all (N)" link."""
        return len(self._user_candidates(self._matches(architecture), element_id))

    def _user_candidates(self, matches: _Matches, element_id: str) -> Sequence[Candidate]:
        ranked = matches.ranked.get(element_id)
        if ranked is None and element_id == SUMMARY_KEY:
            ranked = matches.ranked[element_id] = matches.matcher.summary(self._user)
        if ranked is None:
            key = next(
                (k for k, ids in matches.matcher.terms.members.items() if element_id in ids), element_id
            )
            if matches.found is None or matches.positions is None:
                matches.found = matches.matcher.gather(self._user)
                matches.positions = NotePositions(self._user)
            ranked = RankedReadings(matches.positions, matches.found.get(key, []))
            matches.ranked[element_id] = ranked
        return ranked

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
        cached = self._by_architecture.get(architecture.id)
        if cached is not None and (
            cached.architecture is architecture or cached.architecture == architecture
        ):
            return cached
        matcher = self._matchers.get(architecture.id)
        if matcher is None or matcher.architecture is not architecture:
            others = [other for other in self._architectures if other.id != architecture.id]
            matcher = self._matchers[architecture.id] = NotesMatcher(architecture, others, self.cache)
        builtin = builtin_excerpts(architecture, self._builtin)
        matches = _Matches(architecture, matcher, builtin)
        earlier = self._earlier.pop(architecture.id, None)
        if earlier is not None and earlier.matcher is matcher:
            matches.positions = NotePositions(self._user)
            matches.ranked = earlier.carried(matches.positions)
        self._by_architecture[architecture.id] = matches
        return matches


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


def _distinct_excerpts(candidates: Sequence[Candidate], limit: int | None) -> list[Excerpt]:
    """The excerpts of ``candidates``, best first, at most ``limit``; a text already shown (the same
    paragraph pasted twice in a note, or in two notes) is shown once, its best place kept."""
    shown: list[Excerpt] = []
    texts: set[str] = set()
    for index in range(len(candidates)):
        if limit is not None and len(shown) >= limit:
            break
        excerpt = candidates[index].excerpt()
        if excerpt.text not in texts:
            texts.add(excerpt.text)
            shown.append(excerpt)
    return shown
