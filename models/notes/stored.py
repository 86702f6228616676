"""Notes and readings as plain JSON values, for the notes cache file, and back.

Only strings, numbers and lists are written: reading a file back builds notes,
sections, blocks and readings from them and nothing else (a damaged or foreign
file fails with an ordinary exception, never runs anything). A reading refers to
its section and block by position in its note.

Rebuilding is the hot path of a warm start (tens of thousands of blocks): the
frozen dataclasses are filled through their ``__dict__`` at once rather than
field by field through ``__init__``.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import fields
from typing import Any, TypeVar

from models.notes.document import Block, NoteDocument, Section
from models.notes.matching import TermIndex
from models.notes.reading import NoteReadings, Reading

_BLOCK_FIELDS = tuple(field.name for field in fields(Block))
_CONTEXT = _BLOCK_FIELDS.index("context")
_READING_FIELDS = tuple(field.name for field in fields(Reading))
_T = TypeVar("_T")
_DATE, _DATETIME = "\0date", "\0datetime"  # keys no YAML front matter holds


def encode_document(document: NoteDocument) -> list[Any] | None:
    """``document`` as JSON values; None when its front matter holds values JSON cannot keep."""
    try:
        front_matter = json.dumps(document.front_matter, default=_tagged)
    except (TypeError, ValueError):
        return None
    sections = [
        [
            s.title,
            s.level,
            s.heading_path,
            s.line,
            s.keys,
            [[getattr(b, n) for n in _BLOCK_FIELDS] for b in s.blocks],
        ]
        for s in document.sections
    ]
    return [document.source, document.title, front_matter, sections, *_document_tuples(document)]


def _document_tuples(document: NoteDocument) -> list[tuple[str, ...]]:
    return [document.tags, document.links, document.embeds, document.warnings]


def decode_document(value: list[Any]) -> NoteDocument:
    source, title, encoded_front_matter, sections, tags, links, embeds, warnings = value
    front_matter = json.loads(encoded_front_matter, object_hook=_untagged)
    if not isinstance(front_matter, dict):
        raise ValueError("front matter is not a mapping")
    return NoteDocument(
        str(source),
        str(title),
        front_matter,
        tuple(
            Section(str(t), int(level), tuple(path), int(line), tuple(keys), tuple(map(_block, blocks)))
            for t, level, path, line, keys, blocks in sections
        ),
        tuple(tags),
        tuple(links),
        tuple(embeds),
        tuple(warnings),
    )


def _tagged(value: object) -> dict[str, str]:
    """Dates and times from YAML front matter ("date: 2024-11-02"), as JSON can keep them."""
    if isinstance(value, datetime.datetime):
        return {_DATETIME: value.isoformat()}
    if isinstance(value, datetime.date):
        return {_DATE: value.isoformat()}
    raise TypeError(f"{type(value).__name__} is not kept in the notes cache")


def _untagged(value: dict[str, Any]) -> object:
    if len(value) == 1 and _DATETIME in value:
        return datetime.datetime.fromisoformat(value[_DATETIME])
    if len(value) == 1 and _DATE in value:
        return datetime.date.fromisoformat(value[_DATE])
    return value


def _block(value: list[Any]) -> Block:
    if len(value) != len(_BLOCK_FIELDS):
        raise ValueError("not a block")
    values = list(value)
    values[_CONTEXT] = tuple(values[_CONTEXT])
    return _filled(Block, dict(zip(_BLOCK_FIELDS, values, strict=True)))


def encode_readings(readings: NoteReadings) -> list[Any]:
    """What one note says for one term index, with sections and blocks as positions in the note."""
    document, by_element, summary = readings
    section_at = {id(section): index for index, section in enumerate(document.sections)}
    block_at = {id(b): index for section in document.sections for index, b in enumerate(section.blocks)}
    elements = {
        element: [[r.score, section_at[id(r.section)], block_at[id(r.block)], r.terms] for r in found]
        for element, found in by_element.items()
    }
    return [elements, [[score, section_at[id(section)]] for score, section in summary]]


def decode_readings(document: NoteDocument, value: list[Any]) -> NoteReadings:
    elements, summary = value
    sections = document.sections
    by_element: dict[str, list[Reading]] = {}
    for element, found in elements.items():
        by_element[str(element)] = [
            _filled(
                Reading,
                dict(
                    zip(
                        _READING_FIELDS,
                        (element, score, sections[s], sections[s].blocks[b], tuple(terms), document),
                        strict=True,
                    )
                ),
            )
            for score, s, b, terms in found
        ]
    return document, by_element, [(float(score), sections[s]) for score, s in summary]


def encode_terms(terms: TermIndex) -> list[Any]:
    """What decides what a term index finds (each name's targets in their order: hits keep it)."""
    targets = [
        [key, [[element, bits, generic] for (element, bits), generic in found.items()]]
        for key, found in terms.targets.items()
    ]
    return [
        terms.pattern.pattern,
        targets,
        terms.members,
        sorted(terms.components),
        sorted(terms.own_keys),
        sorted(terms.family_words),
    ]


def decode_terms(value: list[Any]) -> TermIndex:
    pattern, targets, members, components, own_keys, family_words = value
    index = TermIndex.compiled(
        str(pattern),
        {
            str(key): {(str(e), int(bits)): bool(generic) for e, bits, generic in found}
            for key, found in targets
        },
        {str(key): [str(element) for element in elements] for key, elements in members.items()},
    )
    index.components = {str(key) for key in components}
    index.own_keys = frozenset(map(str, own_keys))
    index.family_words = frozenset(map(str, family_words))
    return index


def _filled(kind: type[_T], values: dict[str, Any]) -> _T:
    instance = object.__new__(kind)
    object.__setattr__(instance, "__dict__", values)
    return instance
