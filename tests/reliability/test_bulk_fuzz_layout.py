"""Bulk fuzzing of what the layout reads back: Graphviz's JSON answers and layout cache entries.

Qt-free and fast. Real answers (from the real ``dot``, once per run) and real
cache entries are damaged at random: a value anywhere replaced by a hostile one,
a key dropped, bytes cut, flipped or inserted, entries signed again after the
damage so the checks behind the digest are reached too. Each input is either
refused (``DotJsonError``, ``ValueError`` from the decoder, ``CorruptEntryError``)
or read into a layout that is whole: every number finite and in range, every
component and group placed. Seeds and counts as in ``test_bulk_fuzz.py``.
"""

from __future__ import annotations

import json
import math
import random
from functools import cache
from typing import Any

import pytest

from explorer.digest import digest
from explorer.layout.cache import MAGIC, CorruptEntryError, decode_entry, encode_entry
from explorer.layout.dot_json import DotJsonError, parse_layout
from explorer.layout.dot_process import decode_json, run_dot
from explorer.layout.geometry import MAX_COORDINATE, Layout, Point, Rect
from explorer.layout.graphviz_layout import dot_source
from explorer.layout.options import LayoutOptions
from models import Architecture, load_architecture_text
from models.catalog import load_catalog
from tests.reliability._bulk import SEED_IDS, SEEDS, run_cases
from tests.reliability._support import SMALL_MODEL

HOSTILE_VALUES: list[Any] = [
    None, True, False, 0, -1, 1e999, -1e999, float("nan"), 2**70, 1e300, 3.5, "", "x", "nan", "inf",
    "1e999", "nan,nan", "1,2", "1,2,3,4", "0,0,-5,-5", "9" * 400, [], [1], [[1, 2]], [["a", "b"]], {},
    {"name": 7}, {"op": "b", "points": "x"}, "cluster_", "\x00", "é日🚀",
]  # fmt: skip
TEXT_NOISE = [
    b"{",
    b"}",
    b"[",
    b"]",
    b",",
    b'"',
    b":",
    b"NaN",
    b"-Infinity",
    b"1e999",
    b"\\",
    b"\xff",
    b"\x00",
]


@cache
def samples() -> list[tuple[Architecture, str, dict[str, Any]]]:
    """Architectures with their real Graphviz answer (as text) and options."""
    built_in = load_catalog().architectures
    picked = [load_architecture_text(SMALL_MODEL, "small.yaml"), next(a for a in built_in if a.id == "eks")]
    result = []
    for architecture in picked:
        options = LayoutOptions.for_architecture(architecture)
        answer = run_dot(dot_source(architecture, splines=options.splines), options.dot_arguments())
        result.append((architecture, options.splines, answer))
    return [(architecture, splines, json.dumps(answer)) for architecture, splines, answer in result]


def _containers(value: Any, found: list[Any]) -> list[Any]:
    if isinstance(value, dict | list):
        found.append(value)
        for item in value.values() if isinstance(value, dict) else value:
            _containers(item, found)
    return found


def damaged_answer(rng: random.Random) -> tuple[Architecture, str, str]:
    architecture, splines, text = samples()[0 if rng.random() < 0.95 else 1]
    if rng.random() < 0.25:
        raw = bytearray(text.encode())
        for _ in range(rng.randint(1, 3)):
            at = rng.randrange(len(raw))
            if rng.random() < 0.3:
                del raw[at:]
            else:
                raw[at:at] = rng.choice(TEXT_NOISE)
            if not raw:
                break
        return architecture, splines, raw.decode("utf-8", "replace")
    data = json.loads(text)
    containers = _containers(data, [])
    for _ in range(rng.randint(1, 3)):
        target = rng.choice(containers)
        if isinstance(target, dict) and target:
            key = rng.choice(list(target))
            if rng.random() < 0.2:
                del target[key]
            else:
                target[key] = rng.choice(HOSTILE_VALUES)
        elif isinstance(target, list) and target:
            target[rng.randrange(len(target))] = rng.choice(HOSTILE_VALUES)
    return architecture, splines, json.dumps(data)


def assert_whole(layout: Layout, architecture: Architecture) -> None:
    assert set(layout.nodes) == set(architecture.components_by_id)
    assert set(layout.groups) == set(architecture.groups_by_id)
    for number in numbers_of(layout):
        assert math.isfinite(number)
        assert abs(number) <= 2 * MAX_COORDINATE


def numbers_of(layout: Layout) -> list[float]:
    rects: list[Rect] = [layout.bounds]
    points: list[Point] = []
    for node in layout.nodes.values():
        rects += [node.box, node.icon_box, node.label_box]
    for group in layout.groups.values():
        rects.append(group.box)
        points.append(group.label_pos)
    for edge in layout.edges:
        points += [*edge.points, *edge.arrow_head, *([edge.label_pos] if edge.label_pos else [])]
    return [v for r in rects for v in (r.x, r.y, r.width, r.height)] + [v for p in points for v in (p.x, p.y)]


def check_answer(case: tuple[Architecture, str, str]) -> None:
    architecture, splines, text = case
    try:
        data = decode_json(text)
    except (ValueError, RecursionError):
        return  # run_dot: "not a JSON layout"
    try:
        layout = parse_layout(data, architecture, splines=splines)
    except DotJsonError as error:
        refused = str(error)
    else:
        assert_whole(layout, architecture)
        refused = ""
    assert len(refused) < 400


@pytest.mark.parametrize("seed", SEEDS, ids=SEED_IDS)
def test_damaged_graphviz_answers_are_refused_or_whole(seed: int) -> None:
    run_cases("Graphviz answers", seed, 500, damaged_answer, check_answer)


# Cache entries ------------------------------------------------------------------------


@cache
def entries() -> list[tuple[Architecture, bytes]]:
    return [
        (architecture, encode_entry("k", parse_layout(json.loads(text), architecture, splines=splines)))
        for architecture, splines, text in samples()
    ]


def signed(header: str, payload: bytes) -> bytes:
    body = len(header.encode()).to_bytes(4, "big") + header.encode() + payload
    return MAGIC + digest(body).digest() + body


def damaged_entry(rng: random.Random) -> tuple[Architecture, bytes]:
    architecture, entry = entries()[0 if rng.random() < 0.95 else 1]
    body = entry[len(MAGIC) + 32 :]
    size = int.from_bytes(body[:4], "big")
    header, payload = json.loads(body[4 : 4 + size]), bytearray(body[4 + size :])
    kind = rng.randrange(4)
    if kind == 0:  # raw damage: the digest must catch it
        raw = bytearray(entry)
        at = rng.randrange(len(raw))
        raw[at] ^= rng.randrange(1, 256)
        return architecture, bytes(raw)
    if kind == 1:  # header values replaced, signed again
        containers = _containers(header, [])
        target = rng.choice(containers)
        if isinstance(target, dict):
            target[rng.choice(list(target))] = rng.choice(HOSTILE_VALUES)
        elif target:
            target[rng.randrange(len(target))] = rng.choice(HOSTILE_VALUES)
        return architecture, signed(json.dumps(header), bytes(payload))
    if kind == 2:  # coordinates replaced, signed again
        at = rng.randrange(0, len(payload) - 7, 8)
        payload[at : at + 8] = rng.choice([b"\xff" * 8, b"\x00" * 7 + b"\x7f", rng.randbytes(8)])
        return architecture, signed(json.dumps(header), bytes(payload))
    cut = rng.randrange(len(payload))  # coordinates cut or lengthened, signed again
    return architecture, signed(
        json.dumps(header), bytes(payload[:cut] if rng.random() < 0.5 else payload * 2)
    )


def check_entry(case: tuple[Architecture, bytes]) -> None:
    architecture, data = case
    try:
        layout = decode_entry(data, "k", architecture.id)
    except CorruptEntryError:
        return
    for number in numbers_of(layout):
        assert math.isfinite(number)
    assert encode_entry("k", layout) == data or layout.architecture_id == architecture.id


@pytest.mark.parametrize("seed", SEEDS, ids=SEED_IDS)
def test_damaged_cache_entries_are_dropped_or_whole(seed: int) -> None:
    run_cases("cache entries", seed, 1_000, damaged_entry, check_entry)
