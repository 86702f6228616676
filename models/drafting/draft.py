"""Turns a note into a draft architecture: components, groups and relations.

Components are the catalogue entries the note names with enough weight: a name
in bold, inline code, a heading or a list item's lead weighs 2, elsewhere 1; a
component needs 2, or 1 plus a relation stated with another component. A name
only ever mentioned while being set aside ("unlike Cassandra…") or once in
passing is reported as unsure and left out.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from models.drafting.catalogue import IconEntry
from models.drafting.groups import HeadingGroup, group_headings
from models.drafting.mentions import Mention, NameIndex
from models.drafting.relations import FoundRelation, find_relations, takes_part
from models.drafting.text import NoteText, Sentence, read_note

_STRONG, _PLAIN, _NEEDED = 2, 1, 2
_DESCRIPTION_CHARS = 160
_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class DraftComponent:
    """A component to draw; ``weight`` is how strongly the note named it (see the module docstring)."""

    id: str
    label: str
    icon: str
    kind: str
    aliases: tuple[str, ...]
    description: str
    concept: str
    group: str | None
    weight: int


@dataclass(frozen=True)
class DraftRelation:
    """A relation between two drafted components; ``evidence`` is the sentence that stated it."""

    source: str
    target: str
    kind: str
    label: str
    evidence: str


@dataclass(frozen=True)
class Unsure:
    """A name the note mentions but that was left out, and why."""

    label: str
    icon: str
    reason: str


@dataclass(frozen=True)
class Draft:
    """Everything drafted from one note, ready for :func:`models.drafting.draft_yaml`."""

    id: str
    title: str
    summary: str
    groups: tuple[HeadingGroup, ...]
    components: tuple[DraftComponent, ...]
    relations: tuple[DraftRelation, ...]
    unsure: tuple[Unsure, ...]


def slug(text: str) -> str:
    return _SLUG.sub("-", text.casefold()).strip("-")[:60] or "item"


def draft_note(text: str, index: NameIndex, fallback_title: str = "Drafted architecture") -> Draft:
    """Draft an architecture from the Markdown ``text``, naming things with ``index``."""
    note = read_note(text)
    mentions = index.find(note.sentences)
    weights = _weights(note.sentences, mentions, _title_heading(note))
    relations = find_relations(note.sentences, mentions)
    kept = {key for key, weight in weights.items() if weight >= _NEEDED}
    for relation in relations:
        if weights.get(relation.source, 0) and weights.get(relation.target, 0):
            kept |= {relation.source, relation.target}
    title = note.title or _document_title(note) or fallback_title
    entries = {mention.entry.key: mention.entry for mention in mentions}
    homes = _homes(note, mentions, kept)
    groups, group_of = group_headings(note.headings, homes, skip_title=_title_heading(note))
    ids: dict[str, str] = {}
    components = []
    for key in sorted(kept, key=lambda item: _first_position(mentions, item)):
        entry = entries[key]
        ids[key] = _unique(slug(entry.label), set(ids.values()) | {group.id for group in groups})
        components.append(
            DraftComponent(
                id=ids[key],
                label=entry.label,
                icon=entry.reference,
                kind=kind_of(entry),
                aliases=_aliases(entry, mentions),
                description=_description(note.sentences, mentions, key),
                concept=entry.concept,
                group=group_of.get(key),
                weight=weights[key],
            )
        )
    return Draft(
        id=slug(title),
        title=title,
        summary=_summary(note, len(components)),
        groups=tuple(groups),
        components=tuple(components),
        relations=_draft_relations(relations, ids, note.sentences),
        unsure=_unsure(weights, kept, entries),
    )


def _weights(sentences: Sequence[Sentence], mentions: Sequence[Mention], title: int | None) -> dict[str, int]:
    """How strongly the note names each entry; the title heading names the topic, not a part, so it adds 0."""
    weights: Counter[str] = Counter()
    for mention in mentions:
        sentence = sentences[mention.sentence]
        if mention.negative or (sentence.is_heading and sentence.heading == title):
            weights[mention.entry.key] += 0  # listed, so a name only ever set aside is reported as unsure
            continue
        lead = sentence.is_list_item and len(sentence.text[: mention.start].split()) <= 1
        strong = (
            mention.emphasised
            or sentence.is_heading
            or lead
            or mention.qualified
            or takes_part(sentence.text, mention.start, mention.end)
        )
        weights[mention.entry.key] += _STRONG if strong else _PLAIN
    return dict(weights)


def _homes(note: NoteText, mentions: Sequence[Mention], kept: set[str]) -> dict[str, int | None]:
    """The heading each component is introduced under: where its mentions weigh most (first on ties).

    The title heading's own text does not count: naming a thing in the title says nothing of where it sits.
    """
    weights: dict[str, Counter[int | None]] = defaultdict(Counter)
    order: dict[str, list[int | None]] = defaultdict(list)
    title = _title_heading(note)
    for mention in mentions:
        sentence = note.sentences[mention.sentence]
        if (
            mention.entry.key not in kept
            or mention.negative
            or (sentence.is_heading and sentence.heading == title)
        ):
            continue
        strong = mention.emphasised or sentence.is_heading
        weights[mention.entry.key][sentence.heading] += _STRONG if strong else _PLAIN
        order[mention.entry.key].append(sentence.heading)
    homes: dict[str, int | None] = {}
    for key, counter in weights.items():
        best = max(counter.values())
        homes[key] = next(heading for heading in order[key] if counter[heading] == best)
    return homes


def _title_heading(note: NoteText) -> int | None:
    top = [heading for heading in note.headings if heading.level == 1]
    if len(top) == 1 and note.headings and note.headings[0] is top[0]:
        return top[0].index
    return None


def _document_title(note: NoteText) -> str:
    title = _title_heading(note)
    return note.headings[title].title if title is not None else ""


def _first_position(mentions: Sequence[Mention], key: str) -> int:
    return next(number for number, mention in enumerate(mentions) if mention.entry.key == key)


def _unique(wanted: str, taken: set[str]) -> str:
    candidate, number = wanted, 2
    while candidate in taken:
        candidate, number = f"{wanted}-{number}", number + 1
    return candidate


def kind_of(entry: IconEntry) -> str:
    parts = entry.reference.split("/")
    return parts[1] if len(parts) > 2 else parts[0]


def _aliases(entry: IconEntry, mentions: Sequence[Mention]) -> tuple[str, ...]:
    """The forms the note uses (so its lines match the component), then the entry's short names."""
    written = [m.text for m in mentions if m.entry.key == entry.key]
    short = [alias for alias in entry.aliases if len(alias) <= 24][:3]
    seen = {entry.label.casefold()}
    aliases = []
    for name in [*written, *short]:
        if name.casefold() not in seen:
            seen.add(name.casefold())
            aliases.append(name)
    return tuple(aliases)


def _description(sentences: Sequence[Sentence], mentions: Sequence[Mention], key: str) -> str:
    for mention in mentions:
        sentence = sentences[mention.sentence]
        if mention.entry.key == key and not sentence.is_heading and len(sentence.text.split()) > 3:
            return _shorten(sentence.text)
    return ""


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= _DESCRIPTION_CHARS:
        return text
    return text[: _DESCRIPTION_CHARS - 1].rsplit(" ", 1)[0] + "…"


def _summary(note: NoteText, count: int) -> str:
    for sentence in note.sentences:
        if not sentence.is_heading and len(sentence.text.split()) > 5:
            return _shorten(sentence.text)
    return f"Drafted from a note: {count} components."


def _draft_relations(
    found: Sequence[FoundRelation], ids: dict[str, str], sentences: Sequence[Sentence]
) -> tuple[DraftRelation, ...]:
    relations: dict[tuple[str, str], DraftRelation] = {}
    for relation in found:
        source, target = ids.get(relation.source), ids.get(relation.target)
        if source is None or target is None or (source, target) in relations or (target, source) in relations:
            continue
        kind = slug(relation.label if len(relation.label.split()) <= 2 else relation.verb)
        evidence = _shorten(sentences[relation.sentence].text)
        relations[(source, target)] = DraftRelation(source, target, kind, relation.label, evidence)
    return tuple(relations.values())


def _unsure(weights: dict[str, int], kept: set[str], entries: dict[str, IconEntry]) -> tuple[Unsure, ...]:
    unsure = []
    for key, weight in weights.items():
        if key in kept:
            continue
        entry = entries[key]
        reason = (
            "only mentioned as an alternative or contrast" if weight == 0 else "mentioned once in passing"
        )
        unsure.append(Unsure(entry.label, entry.reference, reason))
    return tuple(unsure)
