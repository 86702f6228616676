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
from itertools import islice
from typing import Any

from models.notes.document import BLOCK_KINDS, Block, NoteDocument, Section, new_section
from models.notes.matching import TermIndex
from models.notes.reading import NoteReadings, Reading, new_reading

_new, _set = object.__new__, object.__setattr__  # frozen instances filled at once (see the module)
_KIND_AT = {kind: index for index, kind in enumerate(BLOCK_KINDS)}
_DATE, _DATETIME = "\0date", "\0datetime"  # keys no YAML front matter holds


def encode_document(document: NoteDocument) -> list[Any] | None:
    """``document`` as JSON values; None when its front matter holds values JSON cannot keep."""
    try:
        front_matter = json.dumps(document.front_matter, default=_tagged)
    except (TypeError, ValueError):
        return None
    sections = [[s.title, s.level, s.heading_path, s.line, s.keys, len(s.blocks)] for s in document.sections]
    blocks = _encode_blocks([b for section in document.sections for b in section.blocks])
    return [document.source, document.title, front_matter, sections, *blocks, *_document_tuples(document)]


def _document_tuples(document: NoteDocument) -> list[tuple[str, ...]]:
    return [document.tags, document.links, document.embeds, document.warnings]


def decode_document(value: list[Any]) -> NoteDocument:
    source, title, encoded_front_matter, sections, numbers, texts, tags, links, embeds, warnings = value
    front_matter = json.loads(encoded_front_matter, object_hook=_untagged)
    if not isinstance(front_matter, dict):
        raise ValueError("front matter is not a mapping")
    blocks = _decode_blocks(numbers, texts)
    made: list[Section] = []
    at = 0
    for t, level, path, line, keys, count in sections:
        section = new_section(t, level, tuple(path), line, tuple(keys), blocks[at : at + count])
        made.append(section)
        at += count
    if at != len(blocks):
        raise ValueError("blocks left over after the sections")
    return NoteDocument(
        str(source),
        str(title),
        front_matter,
        tuple(made),
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


_PROSE_IS_TEXT, _LEAD_IN, _FOLLOW = 1, 2, 4  # flags of an encoded block: which strings follow its text
_NUMBERS = 6  # per block: kind, line, end_line, follow_end, flags, number of context lines


def _encode_blocks(blocks: list[Block]) -> tuple[list[int], list[str]]:
    """A note's blocks as one flat list of numbers and one of strings, in block order: the
    text, the prose unless it equals the text (a plain paragraph), the context lines, the lead-in
    and follow when not empty (the order :func:`_decode_blocks` reads them in). Far fewer JSON
    values than a list per block, and less text to send."""
    numbers: list[int] = []
    texts: list[str] = []
    for b in blocks:
        flags = (
            (_PROSE_IS_TEXT if b.prose == b.text else 0)
            | (_LEAD_IN if b.lead_in else 0)
            | (_FOLLOW if b.follow else 0)
        )
        numbers += (_KIND_AT[b.kind], b.line, b.end_line, b.follow_end, flags, len(b.context))
        texts.append(b.text)
        if not flags & _PROSE_IS_TEXT:
            texts.append(b.prose)
        texts += b.context
        if flags & _LEAD_IN:
            texts.append(b.lead_in)
        if flags & _FOLLOW:
            texts.append(b.follow)
    return numbers, texts


def _decode_blocks(numbers: list[int], texts: list[str]) -> tuple[Block, ...]:
    """The blocks :func:`_encode_blocks` wrote, filled as :func:`~models.notes.document.new_block`
    does, inline (tens of thousands of calls saved on a large load)."""
    if len(numbers) % _NUMBERS:
        raise ValueError("not a list of blocks")
    strings = iter(texts)
    pull = strings.__next__
    blocks: list[Block] = []
    append = blocks.append
    kinds = BLOCK_KINDS
    fields = iter(numbers)
    for kind, line, end_line, follow_end, flags, contexts in zip(
        fields, fields, fields, fields, fields, fields, strict=True
    ):
        text = pull()
        block = _new(Block)
        _set(
            block,
            "__dict__",
            {
                "kind": kinds[kind],
                "text": text,
                "line": line,
                "end_line": end_line,
                "prose": text if flags & _PROSE_IS_TEXT else pull(),
                "context": tuple(islice(strings, contexts)) if contexts else (),
                "lead_in": pull() if flags & _LEAD_IN else "",
                "follow": pull() if flags & _FOLLOW else "",
                "follow_end": follow_end,
            },
        )
        append(block)
    if next(strings, None) is not None:
        raise ValueError("strings left over after the blocks")
    return tuple(blocks)


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
        made: list[Reading] = []
        for score, s, b, terms in found:
            section = sections[s]
            made.append(new_reading(element, score, section, section.blocks[b], tuple(terms), document))
        by_element[str(element)] = made
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
