"""The icon catalogue: every icon the app can draw, with the names a note may use for it.

Built from two sources: the icons of the ``diagrams`` package (scanned by
:mod:`explorer.drafting.icon_source`, which is allowed to know where that
package lives) and the concepts of the built-in architectures (kubelet, ECS
agent, task definition…), which carry a ``concept`` id so the built-in notes
follow a drafted component.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from models.architecture import Architecture
from models.drafting._curated import curated_names
from models.drafting.names import GENERIC_NAMES, icon_names


@dataclass(frozen=True)
class IconEntry:
    """One drawable thing: an icon reference, its display name and its other names."""

    reference: str
    label: str
    aliases: tuple[str, ...] = ()
    curated: bool = False
    concept: str = ""

    @property
    def key(self) -> str:
        """Tells entries apart: two concepts may share an icon (task role, task execution role)."""
        return f"{self.reference}#{self.concept}" if self.concept else self.reference

    @property
    def provider(self) -> str:
        return self.reference.split("/", 1)[0]

    @property
    def names(self) -> tuple[str, ...]:
        return (self.label, *self.aliases)


@dataclass(frozen=True)
class ScannedIcon:
    """What the icon scanner found for one file: its reference, class name and module aliases."""

    reference: str
    class_name: str = ""
    code_aliases: tuple[str, ...] = ()


def entries_from_icons(icons: Iterable[ScannedIcon]) -> list[IconEntry]:
    """Named entries for scanned icons; ``-rounded`` duplicates and provider logos are skipped."""
    entries = []
    for icon in icons:
        logo = icon.reference.count("/") < 2
        if icon.reference.endswith("-rounded") or (logo and icon.reference not in curated_names()):
            continue  # a provider's logo only when it names a technology of its own ("Kubernetes")
        label, aliases, curated = icon_names(icon.reference, icon.class_name, icon.code_aliases)
        entries.append(IconEntry(icon.reference, label, aliases, curated))
    return entries


def entries_from_architectures(architectures: Iterable[Architecture]) -> list[IconEntry]:
    """One entry per concept of the given architectures, named as the concept id suggests."""
    by_concept: dict[str, list[Any]] = {}
    for architecture in architectures:
        for component in architecture.components:
            by_concept.setdefault(component.concept_id, []).append(component)
    entries = []
    for concept, components in by_concept.items():
        names = [name for component in components for name in component.names]
        label = _concept_label(concept, [component.label for component in components], names)
        icon = Counter(component.icon for component in components).most_common(1)[0][0]
        aliases = tuple(
            dict.fromkeys(
                name
                for name in names
                if name.casefold() != label.casefold()
                and name.casefold() not in GENERIC_NAMES
                and not any(character in name for character in "():")
                and not (name.islower() and " " in name)  # "control plane", "load balancer": too general
            )
        )
        entries.append(IconEntry(icon, label, aliases, curated=True, concept=concept))
    return entries


def _concept_label(concept: str, labels: Sequence[str], names: Sequence[str]) -> str:
    wanted = concept.replace("-", " ").casefold()
    for name in [*labels, *names]:
        if name.replace("-", " ").casefold() == wanted:
            return name
    plain = [label for label in labels if not any(character in label for character in "():0123456789")]
    return Counter(plain or labels).most_common(1)[0][0]


class Catalogue:
    """Every entry, found by reference or searched by name (the icon picker's query)."""

    def __init__(self, entries: Sequence[IconEntry]) -> None:
        self.entries = tuple(entries)
        self._by_reference: dict[str, IconEntry] = {}
        for entry in self.entries:
            self._by_reference.setdefault(entry.reference, entry)

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, reference: str) -> IconEntry | None:
        return self._by_reference.get(reference)

    def search(self, query: str, limit: int = 50) -> list[IconEntry]:
        """Entries whose names or reference contain every word of ``query``, best first."""
        words = query.casefold().split()
        scored = []
        for position, entry in enumerate(self.entries):
            haystack = " ".join((*entry.names, entry.reference)).casefold()
            if all(word in haystack for word in words):
                exact = any(name.casefold() == query.casefold() for name in entry.names)
                scored.append((not exact, not entry.curated, len(entry.label), position, entry))
        return [item[-1] for item in sorted(scored, key=lambda item: item[:4])[:limit]]

    def to_json(self) -> list[dict[str, Any]]:
        return [
            {"reference": e.reference, "label": e.label, "aliases": list(e.aliases), "curated": e.curated}
            for e in self.entries
            if not e.concept
        ]

    @classmethod
    def from_json(cls, data: Sequence[Mapping[str, Any]], extra: Sequence[IconEntry] = ()) -> Catalogue:
        entries = [
            IconEntry(
                str(item["reference"]), str(item["label"]), tuple(item["aliases"]), bool(item["curated"])
            )
            for item in data
        ]
        return cls([*_merge_concepts(extra, entries), *entries])


def _merge_concepts(concepts: Sequence[IconEntry], icons: Sequence[IconEntry]) -> list[IconEntry]:
    """A concept drawn with a curated icon takes that icon's name ("ECR" → "Amazon ECR")."""
    curated = {entry.reference: entry for entry in icons if entry.curated}
    merged = []
    for concept in concepts:
        icon = curated.get(concept.reference)
        if icon is not None and {n.casefold() for n in concept.names} & {n.casefold() for n in icon.names}:
            aliases = tuple(dict.fromkeys(n for n in (*concept.names, *icon.aliases) if n != icon.label))
            concept = IconEntry(concept.reference, icon.label, aliases, True, concept.concept)
        merged.append(concept)
    return merged
