"""Decoded icons kept between starts: the same pixels as the file, and never a stale entry."""

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
