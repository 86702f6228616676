"""Finds the names of an architecture's elements, and of architectures, in note text.

Names match case-, plural- and ``-``/``_``/space-insensitively, never inside a
longer word, and the longest name wins ("Elastic Kubernetes Service" is one EKS
mention, not Kubernetes plus a service). Each hit says whether the name is a
common word (*node*, *service*, or the architecture's own name), which only
counts with other evidence, and which architecture a name of one points to.
How hits become ranked excerpts is in :mod:`models.notes.library` and
:mod:`models.notes.excerpts`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

from models.architecture import Architecture
from models.notes.excerpts import FAMILY, OTHER, SELF, stance_of

# fmt: off
# One-word names this common only count with other evidence (see the module docstring).
GENERIC_WORDS = frozenset({
    "admin", "agent", "api", "app", "application", "balancer", "blueprint", "cache", "client", "cloud",
    "cluster", "component", "container", "controller", "database", "dependency", "deployment", "developer",
    "disk", "endpoint", "engine", "function", "gateway", "hardware", "host", "image", "instance", "job",
    "key", "library", "load", "log", "manager", "master", "network", "node", "plane", "policy", "pod", "pool",
    "process", "proxy", "queue", "region", "registry", "replica", "repository", "role", "runtime",
    "scheduler", "secret", "server", "serverless", "service", "storage", "store", "subnet", "system", "task",
    "tool", "user", "volume", "worker", "workload", "zone",
})
# "node group", "service account", "container definition": a common word followed by one of these
# names something else.
COMPOUND_HEADS = frozenset({
    "account", "controller", "definition", "engine", "group", "host", "id", "ip", "mode", "name", "port",
    "role", "type",
})
# fmt: on
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

_SEPARATORS = re.compile(r"[\s_-]+")
_ATOMS = re.compile(r"[\s_-]+|[^\s_-]")
_WORDS = re.compile(r"[^\W_]+")
_PARENTHESES = re.compile(r"\s*\(([^()]*)\)")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9]{1,5}s?")
_VENDOR = re.compile(r"(?i)(?:amazon|aws) \S")
_NEXT_WORD = re.compile(r"[\s_-]+([^\W_]+)")
_SEPARATOR_ATOM, _END = " ", ""
_MAX_NAME = 80


class Hit(NamedTuple):
    """A name found in a text: an element's (``element``) or an architecture's (``architecture`` bits)."""

    start: int
    end: int
    text: str
    element: str
    generic: bool
    architecture: int


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
        self.targets: dict[str, dict[tuple[str, int], bool]] = {}  # key -> {(element, bits): generic}
        trie: dict[str, Any] = {}
        for name, element, architecture, generic in entries:
            if len(_key(name)) < 2 or len(name) > _MAX_NAME:
                continue
            for variant in (name, *([name[:-1] + "ies"] if re.search(r"[^aeiou]y$", name) else [])):
                self.targets.setdefault(_key(variant), {})[(element, architecture)] = generic
                node = trie
                for atom in _ATOMS.findall(" ".join(variant.lower().split())):
                    node = node.setdefault(_SEPARATOR_ATOM if atom[0] in " _-" else atom, {})
                node[_END] = {}
        body = r"(?<![^\W_])" + (_trie_regex(trie) if trie else "(?!)")
        self.pattern, self.folding_pattern = re.compile(body), re.compile(body, re.IGNORECASE)
        self._headings: dict[str, list[Hit]] = {}
        self._spellings: dict[str, tuple[list[tuple[tuple[str, int], bool]], bool]] = {}

    @classmethod
    def for_architecture(cls, architecture: Architecture, others: Sequence[Architecture] = ()) -> TermIndex:
        own, known = _architecture_names(architecture)
        foreign = [name for other in others for name in _architecture_names(other)[0]]
        foreign += [
            name
            for number, names in enumerate(WELL_KNOWN_ARCHITECTURES)
            if number not in known
            for name in names
        ]
        own_keys, foreign_words = {_key(name) for name in own}, [_words(name) for name in foreign]
        entries = [
            (name, "", FAMILY if _shared(_words(name), foreign_words) else SELF, False) for name in own
        ]
        entries += [(name, "", OTHER, False) for name in foreign if _key(name) not in own_keys]
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
                (name, _is_generic(name) or _key(name) in own_keys) for name in _variants(sorted(names))
            }
            members.setdefault(tuple(sorted(variants)), []).extend(ids)
        for names_and_generic, ids in members.items():
            entries += [(name, ids[0], 0, generic) for name, generic in names_and_generic]
        return cls(entries, {ids[0]: ids for ids in members.values()})

    def hits(self, text: str) -> list[Hit]:
        """Every name in ``text``, one hit per element or architecture it names."""
        lower = text.lower()
        folded = len(lower) != len(text)  # rare Unicode whose lower case is longer: match case-insensitively
        hits = []
        for match in self.folding_pattern.finditer(text) if folded else self.pattern.finditer(lower):
            start, end = match.span()
            targets, any_generic = self._lookup(match.group(0) if not folded else match.group(0).lower())
            compound = False
            if any_generic and not folded and (following := _NEXT_WORD.match(lower, end)):
                compound = _singular(following.group(1)) in COMPOUND_HEADS
            matched = text[start:end]
            for (element, architecture), generic in targets:
                if not (generic and compound):
                    hits.append(Hit(start, end, matched, element, generic, architecture))
        return hits

    def _lookup(self, matched: str) -> tuple[list[tuple[tuple[str, int], bool]], bool]:
        """What a matched spelling names (plural endings stripped), cached per spelling."""
        found = self._spellings.get(matched)
        if found is None:
            key = _key(matched)
            targets: dict[tuple[str, int], bool] = {}
            stems = [key[:-2], key[:-1]] if key.endswith("es") else [key[:-1]] if key.endswith("s") else []
            for spelling in (*stems, key):  # "kubelets" names both "kubelet" and "kubelets"
                targets.update(self.targets.get(spelling, {}))
            found = self._spellings[matched] = (list(targets.items()), any(targets.values()))
        return found

    def heading_hits(self, text: str) -> list[Hit]:
        """:meth:`hits` for headings and list-item leads, which repeat across sections: cached."""
        found = self._headings.get(text)
        if found is None:
            found = self._headings[text] = self.hits(text)
        return found

    def bits(self, text: str) -> int:
        """Which architectures ``text`` names, as SELF | OTHER | FAMILY bits."""
        bits = 0
        for hit in self.heading_hits(text):
            bits |= hit.architecture
        return bits

    def stance(self, text: str) -> str:
        """Is ``text`` about this architecture ("self"), another ("other"), both ("mixed") or none ("")?"""
        return stance_of(self.bits(text))


def _architecture_names(architecture: Architecture) -> tuple[list[str], set[int]]:
    """Its names, with the well-known names it mentions ("Amazon ECS on EC2" adds ECS and ECS on EC2)."""
    names = _variants([architecture.title, *architecture.aliases, architecture.id])
    known = {int(hit.element) for name in names for hit in _WELL_KNOWN.hits(name)}
    return names + [name for number in sorted(known) for name in WELL_KNOWN_ARCHITECTURES[number]], known


def _shared(words: list[str], foreign: list[list[str]]) -> bool:
    """True when another architecture's name contains this one ("ECS" in "ECS on Fargate")."""
    size = len(words)
    return any(other[i : i + size] == words for other in foreign for i in range(len(other) - size + 1))


def _trie_regex(node: dict[str, Any]) -> str:
    branches = []
    for atom in sorted(node, key=lambda a: (a == _END, a)):
        if atom == _END:
            branches.append(r"(?:e?s)?(?![^\W_])")  # simple plurals; never inside a longer word
        else:
            piece = r"[\s_-]*" if atom == _SEPARATOR_ATOM else re.escape(atom)
            branches.append(piece + _trie_regex(node[atom]))
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def _key(name: str) -> str:
    return _SEPARATORS.sub("", name.lower())


def _words(name: str) -> list[str]:
    return _WORDS.findall(name.lower())


def _singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _is_generic(name: str) -> bool:
    words = _words(name)
    return len(words) == 1 and _singular(words[0]) in GENERIC_WORDS


def _variants(names: Iterable[str]) -> list[str]:
    """Each name; also without its "(part)" (and the part if an acronym), and without "Amazon"/"AWS"."""
    found: list[str] = []
    for raw in names:
        forms = [" ".join(str(raw).split())]
        if match := _PARENTHESES.search(forms[0]):
            outside = " ".join(f"{forms[0][: match.start()]} {forms[0][match.end() :]}".split())
            inside = match.group(1).strip()
            acronym = _is_acronym_of(inside, outside) or _is_acronym_of(outside, inside)
            forms += [outside, inside] if acronym else [outside]
        found += forms + [form.split(" ", 1)[1] for form in forms if _VENDOR.match(form)]
    return [name for name in dict.fromkeys(found) if name]


def _is_acronym_of(short: str, long: str) -> bool:
    """ "EKS" for "Elastic Kubernetes Service", but not "EC2" for "Managed node"."""
    if not _ACRONYM.fullmatch(short):
        return False
    initials = iter(word[0] for word in long.upper().split())
    return all(letter in initials for letter in short.upper() if letter.isalpha())


_WELL_KNOWN = TermIndex(
    (name, str(number), 0, False) for number, names in enumerate(WELL_KNOWN_ARCHITECTURES) for name in names
)
