"""A disk cache of layouts, so a second start or a re-open skips Graphviz entirely.

An entry is one file named by its key: the hash (:mod:`explorer.digest`) of a canonical
serialisation of what the layout depends on (the architecture without its
prose, the layout options and a fingerprint of the adapter's own source code,
so changing the adapter invalidates every entry). Entries are written to a
temporary file and renamed into place, so a reader sees a whole entry or none;
a digest covers the whole entry (header and coordinates), and every
value read back is checked for its type and range; an entry that cannot be read
back (truncated, edited, corrupt, from another format) is deleted and laid out
again. The folder is kept under a size bound by removing the least recently used
entries.

Graphviz and ``diagrams`` upgrades keep old entries: they remain correct
drawings of the same model.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import struct
import time
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any, cast

from explorer.atomic_write import ExportError, is_temp_file, write_atomically
from explorer.digest import DIGEST_BYTES, digest
from explorer.layout.geometry import MAX_COORDINATE, EdgePath, GroupBox, Layout, NodeBox, Point, Rect
from explorer.runtime_tuning import collector_paused
from models.architecture import Architecture

FORMAT = 3
"""Bumped when the entry format changes; older entries are then ignored and replaced."""
MAGIC = b"AXLAYOUT"
SUFFIX = ".layout"
MAX_BYTES = 64 * 1024 * 1024
MAX_ENTRIES = 256
STALE_TEMP_SECONDS = 3600.0

_ADAPTER_MODULES = (
    *("graphviz_layout.py", "options.py", "dot_json.py", "labels.py", "geometry.py", "cache.py"),
    *("finishing.py", "label_grid.py"),  # the finishing pass (labels in the clear, arrows onto targets)
)
# Prose and ordering that never reach Graphviz or the layout: editing a description must
# not cost a new layout. Any other (and any future) field is part of the key.
_IGNORED_FIELDS = frozenset(
    {"description", "aliases", "concept", "summary", "title", "order", "source", "warnings"}
)


class CorruptEntryError(ValueError):
    """A cache entry that is not a layout this version wrote."""


@cache
def adapter_fingerprint() -> str:
    """A hash of the layout adapter's source files: any change to them invalidates the cache."""
    hashed = digest(f"format {FORMAT}".encode())
    folder = Path(__file__).resolve().parent
    for name in _ADAPTER_MODULES:
        try:
            hashed.update((folder / name).read_bytes())
        except OSError:
            hashed.update(f"missing {name}".encode())
    return hashed.hexdigest()


def layout_key(architecture: Architecture, options: Mapping[str, Any]) -> str:
    """The cache key of ``architecture`` laid out with ``options`` (JSON-serialisable values)."""
    document = {
        "adapter": adapter_fingerprint(),
        "options": dict(options),
        "architecture": _plain(architecture),
    }
    text = json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return digest(text.encode("utf-8")).hexdigest()


class LayoutCache:
    """Layouts on disk, one file per key, at most ``max_bytes`` and ``max_entries`` in all."""

    def __init__(
        self, folder: Path | None = None, *, max_bytes: int = MAX_BYTES, max_entries: int = MAX_ENTRIES
    ) -> None:
        if folder is None:
            from explorer.userdirs import user_cache_dir

            folder = user_cache_dir() / "layouts"
        self.folder = folder
        self.max_bytes = max_bytes
        self.max_entries = max_entries

    def path_for(self, key: str) -> Path:
        return self.folder / f"{key}{SUFFIX}"

    def load(self, key: str, architecture_id: str) -> Layout | None:
        """The layout stored under ``key``, or None; a corrupt entry is deleted."""
        path = self.path_for(key)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        try:
            with collector_paused():
                layout = decode_entry(data, key, architecture_id)
        except CorruptEntryError:
            with contextlib.suppress(OSError):
                path.unlink()
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # the modification time orders entries for eviction
        return layout

    def store(self, key: str, layout: Layout) -> bool:
        """Writes the entry atomically, then trims the folder; False if it could not be written."""
        data = encode_entry(key, layout)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            write_atomically(self.path_for(key), data, durable=False)
        except (OSError, ExportError):
            return False
        self.trim()
        return True

    def trim(self) -> None:
        """Removes the least recently used entries beyond the bounds, and stale temporary files."""
        entries: list[tuple[float, int, Path]] = []
        now = time.time()
        try:
            scan = list(os.scandir(self.folder))
        except OSError:
            return
        for entry in scan:
            try:
                info = entry.stat()
            except OSError:
                continue
            if is_temp_file(Path(entry.path)):
                if now - info.st_mtime > STALE_TEMP_SECONDS:
                    with contextlib.suppress(OSError):
                        os.unlink(entry.path)
            elif entry.name.endswith(SUFFIX):
                entries.append((info.st_mtime, info.st_size, Path(entry.path)))
        entries.sort(reverse=True)
        total = 0
        for count, (_mtime, size, path) in enumerate(entries, start=1):
            total += size
            if total > self.max_bytes or count > self.max_entries:
                with contextlib.suppress(OSError):
                    path.unlink()

    def clear(self) -> None:
        for path in self.folder.glob(f"*{SUFFIX}"):
            with contextlib.suppress(OSError):
                path.unlink()


def encode_entry(key: str, layout: Layout) -> bytes:
    """A cache entry: a JSON header (key, names, labels) and every coordinate as binary doubles.

    Parsing 100,000 decimal numbers from JSON takes 60 ms; reading them as doubles takes none.
    The doubles are little-endian (``struct``, as fast as ``array`` and already imported by
    every start: ``array`` cost the first paint 0.4 ms).
    """
    numbers: list[float] = []
    numbers.extend(_rect(layout.bounds))
    nodes = []
    for node in layout.nodes.values():
        numbers.extend((*_rect(node.box), *_rect(node.icon_box), *_rect(node.label_box)))
        nodes.append([node.component_id, list(node.label_lines)])
    groups = []
    for group in layout.groups.values():
        numbers.extend((*_rect(group.box), group.label_pos.x, group.label_pos.y))
        groups.append([group.group_id, group.depth, group.label, group.fill])
    edges = []
    for edge in layout.edges:
        numbers.extend(_points(edge.points))
        numbers.extend(_points(edge.arrow_head))
        if edge.label_pos is not None:
            numbers.extend((edge.label_pos.x, edge.label_pos.y))
        edges.append(
            [
                edge.source,
                edge.target,
                edge.index,
                len(edge.points),
                len(edge.arrow_head),
                edge.label,
                edge.label_pos is not None,
            ]
        )
    payload = struct.pack(f"<{len(numbers)}d", *numbers)
    header = {
        "format": FORMAT,
        "key": key,
        "architecture_id": layout.architecture_id,
        "splines": layout.splines,
        "nodes": nodes,
        "groups": groups,
        "edges": edges,
    }
    text = json.dumps(header, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    body = len(text).to_bytes(4, "big") + text + payload
    return MAGIC + digest(body).digest() + body


def decode_entry(data: bytes, key: str, architecture_id: str) -> Layout:
    """The layout in an entry written by :func:`encode_entry`.

    Raises:
        CorruptEntryError: the bytes are not such an entry, or are for another key or architecture.
    """
    try:
        body_start = len(MAGIC) + DIGEST_BYTES
        if not data.startswith(MAGIC) or len(data) < body_start + 4:
            raise CorruptEntryError("not a layout cache entry")
        body = memoryview(data)[body_start:]
        if digest(body).digest() != data[len(MAGIC) : body_start]:
            raise CorruptEntryError("the entry is truncated or damaged (its digest does not match)")
        start = body_start + 4
        end = start + int.from_bytes(data[body_start:start], "big")
        header = json.loads(data[start:end])
        if not isinstance(header, dict):
            raise TypeError("the header is not an object")
        if (header["format"], header["key"], header["architecture_id"]) != (FORMAT, key, architecture_id):
            raise CorruptEntryError("the entry belongs to another key, architecture or format")
        payload = data[end:]
        if len(payload) % 8:
            raise CorruptEntryError("the coordinates are cut short")
        numbers = struct.unpack(f"<{len(payload) // 8}d", payload)
        return _layout(header, _Reader(numbers), architecture_id)
    except CorruptEntryError:
        raise
    except (
        ValueError,
        KeyError,
        TypeError,
        IndexError,
        AttributeError,
        OverflowError,
        RecursionError,
        UnicodeDecodeError,
    ) as error:
        raise CorruptEntryError(f"unreadable cache entry: {type(error).__name__}") from None


class _Reader:
    """Hands out the payload's numbers in the order :func:`encode_entry` wrote them."""

    def __init__(self, numbers: tuple[float, ...]) -> None:
        self.numbers = numbers
        self.index = 0
        if not all(-MAX_COORDINATE <= number <= MAX_COORDINATE for number in self.numbers):
            raise ValueError("a coordinate is not a finite number in range")

    def take(self, count: int) -> tuple[float, ...]:
        start = self.index
        self.index += count
        if count < 0 or self.index > len(self.numbers):
            raise ValueError("fewer coordinates than the header announces")
        return self.numbers[start : self.index]

    def rect(self) -> Rect:
        return Rect(*self.take(4))

    def points(self, count: int) -> tuple[Point, ...]:
        values = self.take(2 * count)
        return tuple(Point(values[i], values[i + 1]) for i in range(0, 2 * count, 2))


def _layout(header: dict[str, Any], reader: _Reader, architecture_id: str) -> Layout:
    """The layout from a header whose every value is checked for its type (and counts for range)."""
    bounds = reader.rect()
    nodes = {}
    for component_id, lines in _rows(header["nodes"], 2):
        box, icon, label = reader.rect(), reader.rect(), reader.rect()
        nodes[_text(component_id)] = NodeBox(_text(component_id), box, icon, label, _strings(lines))
    groups = {}
    for group_id, depth, label, fill in _rows(header["groups"], 4):
        box, (x, y) = reader.rect(), reader.take(2)
        groups[_text(group_id)] = GroupBox(
            _text(group_id), box, Point(x, y), _count(depth), _text(label), _text(fill)
        )
    edges = []
    for source, target, index, point_count, arrow_count, label, has_label_pos in _rows(header["edges"], 7):
        points, arrow = reader.points(_count(point_count)), reader.points(_count(arrow_count))
        if not isinstance(has_label_pos, bool):
            raise TypeError("expected a flag")
        label_pos = Point(*reader.take(2)) if has_label_pos else None
        edges.append(
            EdgePath(_text(source), _text(target), _count(index), points, arrow, _text(label), label_pos)
        )
    if reader.index != len(reader.numbers):
        raise ValueError("more coordinates than the header announces")
    return Layout(architecture_id, bounds, nodes, groups, tuple(edges), _text(header["splines"]))


def _rows(value: Any, width: int) -> list[list[Any]]:
    if not isinstance(value, list) or not all(isinstance(row, list) and len(row) == width for row in value):
        raise TypeError(f"expected rows of {width} values")
    return value


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("expected text")
    return value


def _count(value: Any) -> int:
    """A whole number from 0 up to a million (point counts, depths, relation indexes)."""
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 1_000_000:
        raise ValueError("expected a count")
    return value


_LEAVES = (str, int, float, bool, type(None))


def _plain(value: Any) -> Any:
    """Dataclasses as lists of their fields (without prose), tuples as lists: JSON for the key.

    Plain values are passed first: a 2,000-component model has 30,000 of them (14 -> 6 ms)."""
    kind = type(value)
    if kind in _LEAVES:
        return value
    names = _key_fields(cast(type, kind))
    if names is not None:
        return [kind.__name__, *[_plain(getattr(value, name)) for name in names]]
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    return value


@cache
def _key_fields(kind: type) -> tuple[str, ...] | None:
    """The field names of a dataclass that count for the key; None for anything else."""
    if not dataclasses.is_dataclass(kind):
        return None
    return tuple(field.name for field in dataclasses.fields(kind) if field.name not in _IGNORED_FIELDS)


def _rect(rect: Rect) -> tuple[float, float, float, float]:
    return (rect.x, rect.y, rect.width, rect.height)


def _points(points: tuple[Point, ...]) -> list[float]:
    return [coordinate for point in points for coordinate in (point.x, point.y)]


def _strings(values: list[str]) -> tuple[str, ...]:
    if not isinstance(values, list):
        raise TypeError("label lines must be a list")
    return tuple(_text(value) for value in values)
