"""The disk layout cache: keys, round trips, damaged entries and the size bound."""

from __future__ import annotations

import os
import time
from dataclasses import replace
from pathlib import Path

import pytest

from explorer.atomic_write import TEMP_PREFIX, TEMP_SUFFIX, is_temp_file
from explorer.layout.cache import (
    FORMAT,
    CorruptEntryError,
    LayoutCache,
    decode_entry,
    encode_entry,
    layout_key,
)
from explorer.layout.geometry import EdgePath, GroupBox, Layout, NodeBox, Point, Rect
from models.architecture import Architecture, Component, Group, Relation

OPTIONS = {"splines": "ortho", "graph": []}


def _architecture(label: str = "Web", description: str = "Serves pages.") -> Architecture:
    return Architecture(
        id="shop",
        title="Shop",
        summary="A shop.",
        groups=(Group("vpc", "VPC", "vpc"),),
        components=(
            Component("web", label, "service", "aws/compute/ec2", "vpc", description=description),
            Component("db", "Database", "database", "aws/database/rds", "vpc"),
        ),
        relations=(Relation("web", "db", "reads", "SQL"),),
    )


def _layout() -> Layout:
    box = Rect(10.0, 20.5, 115.2, 95.0)
    return Layout(
        architecture_id="shop",
        bounds=Rect(0.0, 0.0, 400.25, 300.125),
        nodes={
            "web": NodeBox(
                "web", box, Rect(31.6, 24.5, 72.0, 72.0), Rect(10.0, 100.5, 115.2, 15.0), ("Web",)
            ),
            "db": NodeBox("db", box, Rect(1.0, 2.0, 3.0, 4.0), Rect(5.0, 6.0, 7.0, 8.0), ("Data", "base")),
        },
        groups={"vpc": GroupBox("vpc", Rect(1.0, 1.0, 300.0, 200.0), Point(40.0, 12.0), 0, "VPC", "#E5F5FD")},
        edges=(
            EdgePath(
                "web",
                "db",
                0,
                (Point(1, 2), Point(3, 4), Point(5, 6), Point(7, 8)),
                (Point(7, 8), Point(9, 8), Point(8, 10)),
                "SQL",
                Point(4.5, 5.5),
            ),
            EdgePath("db", "web", 1, (Point(0.1, 0.2), Point(0.3, 0.4), Point(0.5, 0.6), Point(0.7, 0.8))),
        ),
        splines="ortho",
    )


def test_an_entry_reads_back_as_the_same_layout() -> None:
    layout = _layout()
    assert decode_entry(encode_entry("k", layout), "k", "shop") == layout


def test_store_and_load_through_the_folder(tmp_path: Path) -> None:
    cache = LayoutCache(tmp_path / "layouts")
    assert cache.load("k", "shop") is None
    assert cache.store("k", _layout())
    assert cache.load("k", "shop") == _layout()
    assert cache.load("other", "shop") is None
    assert not [path for path in cache.folder.iterdir() if is_temp_file(path)]


def test_the_key_follows_what_the_layout_depends_on() -> None:
    key = layout_key(_architecture(), OPTIONS)
    assert key == layout_key(_architecture(), dict(OPTIONS))
    assert len(key) == 64
    # Prose never reaches Graphviz: editing it must not cost a new layout.
    assert layout_key(_architecture(description="Something else."), OPTIONS) == key
    assert layout_key(replace(_architecture(), title="Other", summary="Other"), OPTIONS) == key
    assert layout_key(_architecture(label="Website"), OPTIONS) != key
    assert layout_key(replace(_architecture(), id="shop-2"), OPTIONS) != key
    assert layout_key(_architecture(), {**OPTIONS, "splines": "spline"}) != key
    moved = replace(_architecture(), relations=(Relation("db", "web", "reads", "SQL"),))
    assert layout_key(moved, OPTIONS) != key


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda data: data[: len(data) // 2], id="truncated"),
        pytest.param(lambda data: data[:-3], id="short-payload"),
        pytest.param(lambda data: data[:-1] + bytes([data[-1] ^ 0xFF]), id="flipped-coordinate"),
        pytest.param(lambda data: b"not a layout at all", id="garbage"),
        pytest.param(lambda data: b"", id="empty"),
        pytest.param(lambda data: data.replace(b'"format":%d' % FORMAT, b'"format":9'), id="other-format"),
    ],
)
def test_a_damaged_entry_is_ignored_and_removed(tmp_path: Path, damage) -> None:
    cache = LayoutCache(tmp_path)
    cache.store("k", _layout())
    path = cache.path_for("k")
    path.write_bytes(damage(path.read_bytes()))
    assert cache.load("k", "shop") is None
    assert not path.exists()
    assert cache.store("k", _layout())  # and is rebuilt
    assert cache.load("k", "shop") == _layout()


def test_an_entry_under_the_wrong_name_or_architecture_is_not_used(tmp_path: Path) -> None:
    cache = LayoutCache(tmp_path)
    cache.store("k", _layout())
    cache.path_for("k").rename(cache.path_for("j"))
    assert cache.load("j", "shop") is None
    with pytest.raises(CorruptEntryError):
        decode_entry(encode_entry("k", _layout()), "k", "another-architecture")


def test_the_folder_keeps_the_most_recently_used_entries(tmp_path: Path) -> None:
    cache = LayoutCache(tmp_path, max_entries=2)
    for index, key in enumerate(("a", "b")):
        cache.store(key, _layout())
        past = time.time() - 100 + index
        os.utime(cache.path_for(key), (past, past))
    cache.load("a", "shop")  # a use makes it the most recent
    cache.store("c", _layout())
    assert sorted(path.stem for path in tmp_path.iterdir()) == ["a", "c"]

    size = cache.path_for("a").stat().st_size
    LayoutCache(tmp_path, max_bytes=size + 1).trim()
    assert len(list(tmp_path.iterdir())) == 1


def test_stale_temporary_files_are_swept(tmp_path: Path) -> None:
    leftover = tmp_path / f"{TEMP_PREFIX}crashed{TEMP_SUFFIX}"
    leftover.write_bytes(b"half an entry")
    os.utime(leftover, (time.time() - 7200, time.time() - 7200))
    fresh = tmp_path / f"{TEMP_PREFIX}writing{TEMP_SUFFIX}"
    fresh.write_bytes(b"being written")
    LayoutCache(tmp_path).store("k", _layout())
    assert not leftover.exists()
    assert fresh.exists()


def test_an_unwritable_folder_only_means_no_cache(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    cache = LayoutCache(blocker / "layouts")
    assert not cache.store("k", _layout())
    assert cache.load("k", "shop") is None
