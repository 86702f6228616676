"""Uncompressed copies of PNG icons (explorer/export/icon_copies.py): the same pixels, named once written."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from explorer.export import icon_copies
from explorer.export.icon_copies import FOLDER, existing_copy, write_copies
from explorer.export.icon_files import read_icon
from explorer.export.options import ExportOptions
from explorer.export.svg_raster import paint_svg
from explorer.export.svg_writer import svg_drawing
from explorer.layout.service import LayoutService
from explorer.sources import Sources


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("ARCH_EXPLORER_CACHE_DIR", str(folder))
    return folder / FOLDER


def _icon(path: Path, image_format: QImage.Format = QImage.Format.Format_ARGB32) -> Path:
    image = QImage(40, 30, image_format)
    if image_format == QImage.Format.Format_Indexed8:
        image.setColorTable([0xFF000000 | (index * 0x010203) for index in range(64)])
        for y in range(image.height()):
            for x in range(image.width()):
                image.setPixel(x, y, (x * y) % 64)
    else:
        for y in range(image.height()):
            for x in range(image.width()):
                image.setPixelColor(x, y, QColor(x * 6, y * 8, (x * y) % 256, (x * 37 + y) % 256))
    assert image.save(str(path))
    return path


def _document(*icons: Path) -> bytes:
    return b"".join(b'<image xlink:href="%s"/>' % os.fsencode(icon) for icon in icons)


def test_a_copy_holds_the_icons_pixels_and_is_named_once_written(qapp, tmp_path: Path, cache: Path) -> None:
    icon = _icon(tmp_path / "icon.png")
    assert read_icon(icon, "a", linked=True).uri == str(icon)
    write_copies(_document(icon))
    copy = existing_copy(icon)
    assert copy is not None
    assert copy.parent == cache
    original, copied = QImage(str(icon)), QImage(str(copy))
    assert copied.format() == original.format() == QImage.Format.Format_ARGB32
    assert bytes(copied.constBits()) == bytes(original.constBits())
    assert copy.stat().st_size > icon.stat().st_size  # stored, not deflated
    assert read_icon(icon, "a", linked=True).uri == str(copy)
    assert read_icon(icon, "a").uri.startswith("data:image/png;base64,")  # a saved SVG embeds it
    write_copies(_document(copy))  # a copy named in a drawing is not copied again
    assert sorted(cache.iterdir()) == [copy]


def test_an_edited_icon_is_named_until_its_new_copy_is_written(qapp, tmp_path: Path, cache: Path) -> None:
    icon = _icon(tmp_path / "icon.png")
    write_copies(_document(icon))
    first = existing_copy(icon)
    status = icon.stat()
    os.utime(icon, ns=(status.st_atime_ns, status.st_mtime_ns + 1_000_000_000))
    assert existing_copy(icon) is None
    assert read_icon(icon, "a", linked=True).uri == str(icon)
    write_copies(_document(icon))
    assert existing_copy(icon) not in (None, first)


def test_an_icon_qt_decodes_to_another_format_or_cannot_read_gets_no_copy(
    qapp, tmp_path: Path, cache: Path
) -> None:
    palette = _icon(tmp_path / "palette.png", QImage.Format.Format_Indexed8)
    assert QImage(str(palette)).format() == QImage.Format.Format_Indexed8
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n not really")
    write_copies(_document(palette, broken, tmp_path / "gone.png"))
    assert existing_copy(palette) is None
    assert existing_copy(broken) is None
    assert [path.stat().st_size for path in cache.iterdir()] == [0, 0]  # not tried again


def test_copies_are_kept_to_the_newest_and_large_icons_get_none(
    qapp, tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(icon_copies, "MAX_COPIES", 2)
    icons = [_icon(tmp_path / f"icon{index}.png") for index in range(3)]
    for age, icon in zip((30, 20, 10), icons, strict=True):
        write_copies(_document(icon))
        copy = existing_copy(icon)
        assert copy is not None
        when = time.time_ns() - age * 1_000_000_000  # file times may be a few ms coarse: set them
        os.utime(copy, ns=(when, when))
    assert existing_copy(icons[0]) is None
    assert all(existing_copy(icon) is not None for icon in icons[1:])
    monkeypatch.setattr(icon_copies, "MAX_PIXELS", 40 * 30 - 1)
    large = _icon(tmp_path / "large.png")
    write_copies(_document(large))
    assert existing_copy(large) is None


def test_a_drawing_naming_the_copies_paints_the_same_pixels(
    qapp, sources: Sources, tmp_path: Path, cache: Path
) -> None:
    architecture = sources.architectures["ecs-fargate"]
    layout = LayoutService().layout_for(architecture)
    options = ExportOptions(format="png", scale=1, background="transparent")
    before = svg_drawing(architecture, layout, options, linked_icons=True)
    write_copies(before.document)
    after = svg_drawing(architecture, layout, options, linked_icons=True)
    assert os.fsencode(cache) not in before.document
    assert os.fsencode(cache) in after.document
    painted = (paint_svg(drawing, opaque=False) for drawing in (before, after))
    assert len({bytes(image.constBits()) for image in painted}) == 1
