"""Decoded icons kept between starts: the same pixels as the file, never a stale entry, and
a bounded store (the least recently used go, never one in use)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage, QPixmap

from explorer.diagram import icon_store
from explorer.diagram.icons import IconCache


@pytest.fixture
def icon(qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ARCH_EXPLORER_CACHE_DIR", str(tmp_path / "cache"))
    # Not collecting, nothing remembered: as in a process where no window has started.
    monkeypatch.setattr(icon_store, "_collecting", False)
    monkeypatch.setattr(icon_store, "_remembered", {})
    monkeypatch.setattr(icon_store, "_used", set())
    monkeypatch.setattr(icon_store, "_read", set())
    image = QImage(40, 30, QImage.Format.Format_ARGB32)
    image.fill(QColor(0, 0, 0, 0))
    for x in range(40):
        for y in range(30):
            image.setPixelColor(x, y, QColor(x * 6, y * 8, 120, (x * y) % 256))  # partly transparent
    path = tmp_path / "icon.png"
    assert image.save(str(path))
    return path


def same_pixels(first: QPixmap, second: QPixmap) -> bool:
    one, two = first.toImage(), second.toImage()
    return one.size() == two.size() and all(
        one.pixel(x, y) == two.pixel(x, y) for x in range(one.width()) for y in range(one.height())
    )


def test_an_icon_read_again_comes_from_the_store_with_the_same_pixels(icon: Path) -> None:
    icon_store.collect()
    decoded = IconCache().source(icon)
    assert icon_store.load(icon) is None, "nothing is written while the window starts"
    icon_store.save_remembered()
    stored = icon_store.load(icon)
    assert stored is not None
    assert stored.size() == decoded.size()
    assert same_pixels(IconCache().source(icon), decoded)


def test_a_changed_file_is_decoded_anew(icon: Path) -> None:
    icon_store.collect()
    IconCache().source(icon)
    icon_store.save_remembered()
    QImage(8, 8, QImage.Format.Format_ARGB32).save(str(icon))
    os.utime(icon, ns=(1, 1))
    assert icon_store.load(icon) is None
    assert IconCache().source(icon).width() == 8


def test_a_damaged_entry_is_ignored(icon: Path) -> None:
    icon_store.collect()
    IconCache().source(icon)
    icon_store.save_remembered()
    entry = icon_store.entry_path(icon)
    assert entry is not None
    entry.write_bytes(entry.read_bytes()[:-4])
    assert icon_store.load(icon) is None
    assert IconCache().source(icon).width() == 40


def test_only_a_collecting_process_stores_icons(icon: Path) -> None:
    IconCache().source(icon)
    icon_store.save_remembered()
    assert icon_store.load(icon) is None, "not collecting: nothing kept"
    icon_store.collect()
    IconCache().source(icon)
    icon_store.save_remembered()
    assert icon_store.load(icon) is not None
    other = icon.with_name("other.png")
    QImage(5, 5, QImage.Format.Format_ARGB32).save(str(other))
    IconCache().source(other)
    icon_store.save_remembered()
    assert icon_store.load(other) is not None, "collecting goes on after a save"


def test_a_missing_icon_stores_nothing(icon: Path) -> None:
    icon_store.collect()
    missing = icon.with_name("missing.png")
    assert IconCache().source(missing).isNull()
    icon_store.save_remembered()
    assert icon_store.entry_path(missing) is None


ENTRY_BYTES = 12 + 4 * 40 * 30
"""An entry of a 40 × 30 icon: its header, then its pixels."""


def _icons_stored(icon: Path, names: str) -> list[Path]:
    """Icons named after each letter of ``names``, each stored; their entries, the first the
    least recently used."""
    icons = []
    for index, name in enumerate(names):
        path = icon.with_name(f"{name}.png")
        image = QImage(40, 30, QImage.Format.Format_ARGB32)
        image.fill(QColor(index * 40, 0, 0))
        assert image.save(str(path))
        icons.append(path)
    icon_store.collect()
    cache = IconCache()
    for path in icons:
        cache.source(path)
    icon_store.save_remembered()
    entries = [icon_store.entry_path(path) for path in icons]
    for age, entry in enumerate(entries, start=1):
        assert entry is not None
        assert entry.stat().st_size == ENTRY_BYTES
        os.utime(entry, ns=(age * 10**9, age * 10**9))
    return [entry for entry in entries if entry is not None]


def _next_start(monkeypatch: pytest.MonkeyPatch) -> None:
    """As in a new process: it has read and written no entry yet."""
    monkeypatch.setattr(icon_store, "_used", set())
    monkeypatch.setattr(icon_store, "_read", set())


def _stored_names(folder: Path) -> set[str]:
    return {path.name for path in folder.iterdir()}


def test_beyond_the_limit_the_least_recently_used_entries_go(
    icon: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, _, _, d = _icons_stored(icon, "abcd")
    _next_start(monkeypatch)
    assert icon_store.load(icon.with_name("a.png")) is not None, "a is used again"
    icon_store.save_remembered()  # which marks it so
    _next_start(monkeypatch)
    monkeypatch.setattr(icon_store, "LIMIT", 3 * ENTRY_BYTES)
    IconCache().source(icon)  # a new icon, written by the next save
    icon_store.save_remembered()
    new = icon_store.entry_path(icon)
    assert new is not None
    assert _stored_names(a.parent) == {a.name, d.name, new.name}, "b and c were the least recently used"


def test_within_the_limit_nothing_goes(icon: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    entries = _icons_stored(icon, "abc")
    _next_start(monkeypatch)
    monkeypatch.setattr(icon_store, "LIMIT", 4 * ENTRY_BYTES)
    IconCache().source(icon)
    icon_store.save_remembered()
    assert len(_stored_names(entries[0].parent)) == 4


def test_an_entry_in_use_is_never_deleted(icon: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    a, *_ = _icons_stored(icon, "abc")
    _next_start(monkeypatch)
    assert icon_store.load(icon.with_name("a.png")) is not None
    os.utime(a, ns=(1, 1))  # the oldest of all, as if its use could not be marked
    icon_store.prune(0)
    assert _stored_names(a.parent) == {a.name}
    assert icon_store.load(icon.with_name("a.png")) is not None


def test_what_cannot_be_deleted_is_left_and_no_other_file_is_touched(
    icon: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, _ = _icons_stored(icon, "ab")
    _next_start(monkeypatch)
    undeletable = a.parent / "0-0-0-a-folder.argb"
    undeletable.mkdir()
    partial = a.parent / ".export-another-writer.part"  # another instance writing an entry
    partial.write_bytes(bytes(ENTRY_BYTES))
    for path in (undeletable, partial):
        os.utime(path, ns=(1, 1))
    icon_store.prune(0)
    assert _stored_names(a.parent) == {undeletable.name, partial.name}


def test_a_cache_folder_that_cannot_be_written_is_no_error(
    icon: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    not_a_folder = icon.with_name("cache-is-a-file")
    not_a_folder.write_text("")
    monkeypatch.setenv("ARCH_EXPLORER_CACHE_DIR", str(not_a_folder))
    icon_store.collect()
    assert IconCache().source(icon).width() == 40
    icon_store.save_remembered()
    icon_store.prune(0)
    assert icon_store.load(icon) is None
    assert IconCache().source(icon).width() == 40


def test_an_entry_deleted_by_another_instance_is_no_error(
    icon: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = _icons_stored(icon, "ab")
    _next_start(monkeypatch)
    assert icon_store.load(icon.with_name("a.png")) is not None
    a.unlink()  # another instance pruned it after this one read it
    monkeypatch.setattr(icon_store, "LIMIT", 0)
    IconCache().source(icon)
    icon_store.save_remembered()  # marks a as used, writes and prunes: none of it fails
    new = icon_store.entry_path(icon)
    assert new is not None
    assert _stored_names(b.parent) == {new.name}
    assert icon_store.load(icon.with_name("a.png")) is None
