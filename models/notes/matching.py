"""Finds the names of an architecture's elements, and of architectures, in note text.

Names match case-, plural- and ``-``/``_``/space-insensitively, never inside a
longer word, and the longest name wins ("Elastic Kubernetes Service" is one EKS
mention, not Kubernetes plus a service). Each hit says whether the name is a
common word (*node*, *service*, or the architecture's own name), which only
counts with other evidence, and which architecture a name of one points to.
Names of the *other* architectures' elements are in the index too (as foreign
hits), so "Service Auto Scaling" is one ECS name and no Kubernetes Service, and
a block full of ECS words counts as evidence against Kubernetes. How hits
become excerpts is in :mod:`models.notes.reading`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from functools import cached_property
from typing import Any, NamedTuple

from models.architecture import Architecture
from models.notes import names as naming
from models.notes.name_regex import LEAD, NAME_START, Trie, add_name, name_pattern
from models.notes.names import GENERIC_WORDS

# What a name found in a note points to: this architecture, another one, this one by a name that is
# also part of another's ("ECS" when "ECS on Fargate" is another architecture), or an element that
# only another architecture has. PARENT marks the names of what this architecture is a kind of
# (Kubernetes for EKS): friendly context, but a text naming only them is not about this one.
SELF, OTHER, FAMILY, FOREIGN, PARENT = 1, 2, 4, 8, 16
# How much one name says about which architecture a text is about (see :meth:`TermIndex.signal`).
ARCHITECTURE_VOTE, ELEMENT_VOTE = 3.0, 1.0

# fmt: off
# A capitalised common word followed by one of these is still the plain word ("Pods and Services").
_FUNCTION_WORDS = frozenset({"and", "or", "of", "in", "on", "the", "a", "an", "to", "is", "are", "vs"})
# "node group", "service account", "container definition": a common word followed by one of these
# names something else.
COMPOUND_HEADS = frozenset({
    "account", "controller", "definition", "engine", "group", "host", "id", "ip", "mode", "name", "port",
    "role", "type",
})
# fmt: on
# Words of architecture names that say nothing about which one is meant.
_NAME_FILLERS = frozenset({"amazon", "aws", "on", "mode", "type", "launch", "elastic", "the", "of", "101"})
# Architectures notes talk about, known even when the app has not loaded them.
WELL_KNOWN_ARCHITECTURES = (
    ("Kubernetes", "K8s"),
    ("EKS", "Amazon EKS", "Elastic Kubernetes Service"),
    ("ECS", "Amazon ECS", "Elastic Container Service"),
    ("ECS on EC2", "EC2 mode", "EC2 launch type"),
    ("ECS on Fargate", "Fargate mode", "Fargate launch type"),
    ("AKS", "Azure Kubernetes Service"),
    ("GKE", "Google Kubernetes Engine"),
)
# A well-known architecture is a kind of another (EKS runs Kubernetes): the parent's names are family.
_PARENTS = {1: 0, 3: 2, 4: 2, 5: 0, 6: 0}
_PARENT_OF = frozenset(_PARENTS.values()) - {2}  # ECS is also the family name of its two modes

_PART_SEPARATOR = "\n\0\n"  # no name spans it: names never match across a NUL
# A common word followed by a head noun names something else ("node group"; see COMPOUND_HEADS).
_HEAD_AFTER = re.compile(r"[\s_-]+(?:" + "|".join(sorted(COMPOUND_HEADS)) + r")s?(?![^\W_])")
_NEXT_TITLE_WORD = re.compile(r" ([A-Z][a-z]+)")
_MAX_NAME = 80


_Spelling = tuple[tuple[tuple[str, bool, int], ...], bool, bool, float]


class Hit(NamedTuple):
    """A name found in a text: an element's (``element``) or an architecture's (``architecture`` bits).

    ``compound``: a common word that is part of another concept's name ("Service Account",
    "AWS App Mesh"); it names nothing here but tells that the text is about something else.
    """

    start: int
    end: int
    text: str
    element: str
    generic: bool
    architecture: int
    compound: bool = False


_new_hit = tuple.__new__  # a Hit without the Python-level ``__new__`` call: made for every name found


class TermIndex:
    """Names compiled into one regex, run over lower-cased text.

    The regex is a trie of the names: at each position only names sharing a
    prefix are tried and the longest wins, so "Elastic Kubernetes Service" is
    one EKS mention, not Kubernetes plus a service.
    """

    def __init__(
        self, entries: Iterable[tuple[str, str, int, bool]], members: dict[str, list[str]] | None = None
    ):
        """``entries``: (name, element id or "", architecture bits, generic) tuples.

        ``members``: element ids standing for several elements named alike (two kubelets).
        """
        self.members = members or {}
        self.components: set[str] = set()  # keys (see ``members``) that are components, not groups
        self.family_words: frozenset[str] = frozenset()  # distinctive words of this architecture's names
        self.own_keys: frozenset[str] = frozenset()  # this architecture's names, as :func:`name_key`
        self.targets: dict[str, dict[tuple[str, int], bool]] = {}  # key -> {(element, bits): generic}
        trie: Trie = {}
        for name, element, architecture, generic in entries:
            if len(naming.key(name)) < 2 or len(name) > _MAX_NAME:
                continue
            for variant in (name, *([name[:-1] + "ies"] if re.search(r"[^aeiou]y$", name) else [])):
                self.targets.setdefault(naming.key(variant), {})[(element, architecture)] = generic
                add_name(trie, variant)
        self.pattern = re.compile(name_pattern(trie))
        self._headings: dict[str, list[Hit]] = {}
        self.contexts: dict[tuple[str, float, float], Any] = {}
        """What :mod:`~models.notes.reading` makes of a heading or lead text, kept for the next note."""
        self.heading_paths: dict[tuple[str, ...], Any] = {}
        """What :mod:`~models.notes.reading` makes of the headings above a section, kept likewise."""
        self._spellings: dict[str, _Spelling] = {}

    @classmethod
    def compiled(
        cls, pattern: str, targets: dict[str, dict[tuple[str, int], bool]], members: dict[str, list[str]]
    ) -> TermIndex:
        """An index from what another one was compiled to (its :attr:`pattern` text and :attr:`targets`)."""
        index = cls((), members)
        index.pattern, index.targets = re.compile(pattern), targets
        return index

    @cached_property
    def folding_pattern(self) -> re.Pattern[str]:
        """:attr:`pattern`, case-insensitive: only for the rare text whose lower case is longer (compiling
        the names takes a good part of building an index, so only when needed)."""
        return re.compile(self.pattern.pattern, re.IGNORECASE)

    @classmethod
    def for_architecture(cls, architecture: Architecture, others: Sequence[Architecture] = ()) -> TermIndex:
        own, known = _architecture_names(architecture)
        direct = _well_known(naming.variants([architecture.title, *architecture.aliases, architecture.id]))
        parent_keys = {
            naming.key(name)
            for number in known - direct
            if number in _PARENT_OF
            for name in WELL_KNOWN_ARCHITECTURES[number]
        }
        foreign = [name for other in others for name in _architecture_names(other)[0]]
        foreign += [
            name
            for number, names in enumerate(WELL_KNOWN_ARCHITECTURES)
            if number not in known
            for name in names
        ]
        own_keys, foreign_words = {naming.key(name) for name in own}, [naming.words(name) for name in foreign]
        entries = [
            (
                name,
                "",
                FAMILY | PARENT
                if naming.key(name) in parent_keys
                else FAMILY
                if _shared(naming.words(name), foreign_words)
                else SELF,
                False,
            )
            for name in own
        ]
        entries += [(name, "", OTHER, False) for name in foreign if naming.key(name) not in own_keys]
        element_keys = {
            naming.key(name)
            for element in (*architecture.components, *architecture.groups)
            for name in _names(element)
        }
        foreign_elements = {
            name
            for other in others
            for element in (*other.components, *other.groups)
            for name in naming.variants(_names(element))
            if naming.key(name) not in element_keys
            and naming.key(name) not in own_keys
            and not naming.is_generic(name)
        }
        entries += [(name, "", FOREIGN, False) for name in sorted(foreign_elements)]
        # Elements with the same names, or components of one concept (the kubelet
        # on every node), always match alike: match them once, with all their names.
        named: dict[tuple[str, str], tuple[set[str], list[str]]] = {}
        for component in architecture.components:
            names, ids = named.setdefault(("concept", component.concept_id), (set(), []))
            names.update(component.names)
            ids.append(component.id)
        for group in architecture.groups:
            key = ("names", "\0".join(sorted({group.label, *group.aliases})))
            names, ids = named.setdefault(key, (set(), []))
            names.update((group.label, *group.aliases))
            ids.append(group.id)
        members: dict[tuple[tuple[str, bool], ...], list[str]] = {}
        for names, ids in named.values():
            variants = {
                (name, naming.is_generic(name) or naming.key(name) in own_keys)
                for name in naming.variants(sorted(names))
            }
            members.setdefault(tuple(sorted(variants)), []).extend(ids)
        for spellings, ids in members.items():
            entries += [(name, ids[0], 0, generic) for name, generic in spellings]
        index = cls(entries, {ids[0]: ids for ids in members.values()})
        component_ids = {component.id for component in architecture.components}
        index.components = {ids[0] for ids in members.values() if ids[0] in component_ids}
        index.own_keys = frozenset(own_keys)
        index.family_words = frozenset(
            word
            for name in own
            for word in naming.words(name)
            if naming.singular(word) not in GENERIC_WORDS and word not in _NAME_FILLERS
        )
        return index

    def hits(self, text: str, *, title_case: bool = False) -> list[Hit]:
        """Every name in ``text``, one hit per element or architecture it names.

        ``title_case``: the text is a heading, where capitalised words do not make compounds.
        """
        return self.scan([text], title_case=title_case)[0][0]

    def scan(self, parts: Sequence[str], *, title_case: bool = False) -> tuple[list[list[Hit]], float]:
        """:meth:`hits` of each text, found in one regex pass over them all (much faster on many), and the
        :meth:`signal` of all the hits together."""
        found, signals = self.scan_parts(parts, title_case=title_case)
        return found, sum(signals)

    def scan_parts(
        self, parts: Sequence[str], *, title_case: bool = False
    ) -> tuple[list[list[Hit]], list[float]]:
        """:meth:`hits` of each text and the :meth:`signal` of each text's hits, in one regex pass.

        The hot loop of reading a vault (one turn per name found): what a spelling names is looked up
        once per index, and only a name ending in a common word is checked for a compound.
        """
        lead = LEAD if self.pattern.pattern.startswith(NAME_START) else ""
        text = lead + _PART_SEPARATOR.join(parts)
        starts, position = [], len(lead)
        for part in parts:
            starts.append(position)
            position += len(part) + len(_PART_SEPARATOR)
        found: list[list[Hit]] = [[] for _ in parts]
        signals = [0.0] * len(parts)
        lower = text.lower()
        folded = len(lower) != len(text)  # rare Unicode whose lower case is longer: match case-insensitively
        index, next_start, offset, bucket, total = -1, 0, 0, found[0] if parts else [], 0.0
        spellings, lookup = self._spellings, self._lookup
        heads, title_word = _HEAD_AFTER.match, _NEXT_TITLE_WORD.match
        for match in self.folding_pattern.finditer(text) if folded else self.pattern.finditer(lower):
            start, end = match.span(1)
            if start >= next_start:
                if index >= 0:
                    signals[index] = total
                index = bisect_right(starts, start) - 1
                next_start = starts[index + 1] if index + 1 < len(starts) else len(text) + 1
                offset, bucket, total = starts[index], found[index], 0.0
            spelling = lower[start:end] if not folded else match.group(1).lower()
            targets, any_generic, ends_generic, signal = spellings.get(spelling) or lookup(spelling)
            total += signal
            compound = False
            if ends_generic and not folded:
                # a compound: "node group", "Service Account" (checked here: a call per name costs)
                if any_generic and heads(lower, end) is not None:
                    compound = True
                elif not title_case and (titled := title_word(text, end)) is not None:
                    compound = self._titled_compound(text, end, titled.group(1))
            matched = text[start:end]
            start -= offset
            end -= offset
            for element, generic, architecture in targets:
                bucket.append(_new_hit(Hit, (start, end, matched, element, generic, architecture, compound)))
        if index >= 0:
            signals[index] = total
        return found, signals

    @staticmethod
    def _titled_compound(text: str, end: int, following: str) -> bool:
        """Is the name ending at ``end`` in a common word, followed by the capitalised ``following`` word,
        part of a longer capitalised name ("Service Account", "Kubernetes Service Managed by AWS")?"""
        if following.lower() in _FUNCTION_WORDS or not text[end - 1 : end].isalpha():
            return False
        start = end - 1
        while start > 0 and text[start - 1].isalnum():
            start -= 1
        return text[start].isupper()

    def signal(self, hits: Iterable[Hit]) -> float:
        """How much the names say the text is about this architecture (> 0) or another (< 0)."""
        total = 0.0
        for hit in hits:
            if hit.architecture & SELF:
                total += ARCHITECTURE_VOTE
            elif hit.architecture & OTHER:
                total -= ARCHITECTURE_VOTE
            elif hit.architecture & FAMILY:
                total += ELEMENT_VOTE
            elif hit.architecture & FOREIGN:
                total -= ELEMENT_VOTE
            elif hit.element and not hit.generic:
                total += ELEMENT_VOTE
        return total

    def _lookup(self, matched: str) -> _Spelling:
        """What a matched spelling names (plural endings stripped) as (element, generic, architecture)
        triples, whether any of it is a common word, whether it ends in one, and its :meth:`signal`;
        cached per spelling."""
        found = self._spellings.get(matched)
        if found is None:
            key = naming.key(matched)
            targets: dict[tuple[str, int], bool] = {}
            stems = [key[:-2], key[:-1]] if key.endswith("es") else [key[:-1]] if key.endswith("s") else []
            for spelling in (*stems, key):  # "kubelets" names both "kubelet" and "kubelets"
                targets.update(self.targets.get(spelling, {}))
            any_generic = any(targets.values())
            named = tuple((element, generic, bits) for (element, bits), generic in targets.items())
            signal = self.signal(Hit(0, 0, "", element, generic, bits) for element, generic, bits in named)
            found = (named, any_generic, any_generic or naming.ends_generic(matched), signal)
            self._spellings[matched] = found
        return found

    def heading_hits(self, text: str) -> list[Hit]:
        """:meth:`hits` for headings and list-item leads, which repeat across sections: cached."""
        found = self._headings.get(text)
        if found is None:
            found = self._headings[text] = self.hits(text, title_case=True)
        return found

    def bits(self, text: str) -> int:
        """Which architectures ``text`` names, as SELF | OTHER | FAMILY bits."""
        bits = 0
        for hit in self.heading_hits(text):
            bits |= hit.architecture & (SELF | OTHER | FAMILY | PARENT)
        return bits

    def stance(self, text: str) -> str:
        """Is ``text`` about this architecture ("self"), another ("other"), both ("mixed") or none ("")?"""
        return stance_of(self.bits(text))


def stance_of(bits: int) -> str:
    """What a text naming these architectures is about: "self", "other", "mixed" or ""."""
    if bits & SELF:
        return "mixed" if bits & OTHER else "self"
    return "other" if bits & OTHER else "self" if bits & FAMILY and not bits & PARENT else ""


def _names(element: object) -> list[str]:
    label = str(getattr(element, "label", ""))
    return [label, *getattr(element, "aliases", ())]


def _architecture_names(architecture: Architecture) -> tuple[list[str], set[int]]:
    """Its names, with the well-known names it mentions ("Amazon ECS on EC2" adds ECS and ECS on EC2)."""
    names = naming.variants([architecture.title, *architecture.aliases, architecture.id])
    known = _well_known(names)
    known |= {_PARENTS[number] for number in known if number in _PARENTS}
    return names + [name for number in sorted(known) for name in WELL_KNOWN_ARCHITECTURES[number]], known


def _well_known(names: list[str]) -> set[int]:
    """Which of :data:`WELL_KNOWN_ARCHITECTURES` these names name."""
    return {int(hit.element) for name in names for hit in _WELL_KNOWN.hits(name)}


def _shared(words: list[str], foreign: list[list[str]]) -> bool:
    """True when another architecture's name contains this one ("ECS" in "ECS on Fargate")."""
    size = len(words)
    return any(other[i : i + size] == words for other in foreign for i in range(len(other) - size + 1))


_WELL_KNOWN = TermIndex(
    (name, str(number), 0, False) for number, names in enumerate(WELL_KNOWN_ARCHITECTURES) for name in names
)
