"""Damaged layout cache entries: the digest covers the whole entry, and every value is checked on read.

Entries are real files written by :class:`LayoutCache` and then edited: with the
old digest (an edit anywhere is noticed) and signed again (values that are
well-formed JSON but nonsense are refused on their own merits).
"""

from __future__ import annotations

import json
import math
from array import array
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from explorer.app import create_window
from explorer.digest import digest
from explorer.layout.cache import MAGIC, CorruptEntryError, LayoutCache, decode_entry, encode_entry
from explorer.layout.options import LayoutOptions
from explorer.layout.service import LayoutService, _key
from explorer.sources import load_sources
from models import Architecture

DIGEST_BYTES = 32


@pytest.fixture(scope="module")
def eks() -> Architecture:
    return load_sources().architectures["eks"]


@pytest.fixture(scope="module")
def good_entry(eks: Architecture, tmp_path_factory: pytest.TempPathFactory) -> bytes:
    service = LayoutService(LayoutCache(tmp_path_factory.mktemp("cache")))
    return encode_entry("k", service.layout_for(eks))


def split(entry: bytes) -> tuple[dict[str, Any], bytes]:
    body = entry[len(MAGIC) + DIGEST_BYTES :]
    size = int.from_bytes(body[:4], "big")
    return json.loads(body[4 : 4 + size]), body[4 + size :]


def signed(header: dict[str, Any] | str, payload: bytes) -> bytes:
    """An entry with a digest that matches, whatever it holds."""
    text = (header if isinstance(header, str) else json.dumps(header)).encode()
    body = len(text).to_bytes(4, "big") + text + payload
    return MAGIC + digest(body).digest() + body


def edited_label(entry: bytes) -> bytes:
    header, _payload = split(entry)
    label = header["groups"][0][2]
    return entry.replace(json.dumps(label).encode(), json.dumps(label[::-1]).encode(), 1)


def with_value(path: tuple[Any, ...], raw: str) -> Callable[[bytes], bytes]:
    """Signed again, with the value at ``path`` in the header replaced by raw JSON text ``raw``."""

    def damage(entry: bytes) -> bytes:
        header, payload = split(entry)
        target = header
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = "@@"
        return signed(json.dumps(header).replace('"@@"', raw), payload)

    return damage


def coordinates(value: float) -> Callable[[bytes], bytes]:
    def damage(entry: bytes) -> bytes:
        header, payload = split(entry)
        numbers = array("d")
        numbers.frombytes(payload)
        numbers[len(numbers) // 2] = value
        return signed(header, numbers.tobytes())

    return damage


def deep_header(entry: bytes) -> bytes:
    header, payload = split(entry)
    text = json.dumps(header).replace('"nodes": [', '"nodes": [' + "[" * 50_000 + "]" * 50_000 + ",", 1)
    return signed(text, payload)


DAMAGE = {
    "edited-label-old-digest": edited_label,
    "depth-1e999": with_value(("groups", 0, 1), "1e999"),
    "depth-nan": with_value(("groups", 0, 1), "NaN"),
    "depth-huge-int": with_value(("groups", 0, 1), "9" * 5_000),
    "label-a-number": with_value(("groups", 0, 2), "7"),
    "count-negative": with_value(("edges", 0, 3), "-4"),
    "count-a-bool": with_value(("edges", 0, 3), "true"),
    "flag-a-string": with_value(("edges", 0, 6), '"yes"'),
    "row-too-short": with_value(("nodes", 0), '["web"]'),
    "splines-a-list": with_value(("splines",), "[]"),
    "deep-nesting": deep_header,
    "nan-coordinate": coordinates(math.nan),
    "infinite-coordinate": coordinates(math.inf),
    "huge-coordinate": coordinates(1e300),
}


@pytest.mark.parametrize("name", DAMAGE)
def test_a_damaged_entry_is_refused(good_entry: bytes, name: str) -> None:
    assert decode_entry(good_entry, "k", "eks").architecture_id == "eks"
    with pytest.raises(CorruptEntryError):
        decode_entry(DAMAGE[name](good_entry), "k", "eks")


@pytest.mark.parametrize("name", ["edited-label-old-digest", "depth-1e999", "nan-coordinate", "deep-nesting"])
def test_the_window_starts_on_a_damaged_entry_and_lays_out_again(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, eks: Architecture, good_entry: bytes, name: str
) -> None:
    monkeypatch.setenv("ARCH_EXPLORER_CACHE_DIR", str(tmp_path / "cache"))
    cache = LayoutCache()
    key = _key(eks, LayoutOptions.for_architecture(eks))
    cache.folder.mkdir(parents=True)
    header, payload = split(good_entry)
    header["key"] = key
    cache.path_for(key).write_bytes(DAMAGE[name](signed(header, payload)))
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = create_window(load_sources(), settings, architecture_id="eks")
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.scene is not None, timeout=20_000)
    assert window.layouts.graphviz_runs == 1, "the damaged entry was dropped and laid out again"
    group_id = eks.groups[0].id
    expected = decode_entry(good_entry, "k", "eks").groups[group_id].label
    assert window.scene is not None
    assert window.scene.layout.groups[group_id].label == expected
    window.close()
