"""The fast PNG writer: valid files holding exactly the pixels Qt's own writer would store."""

from __future__ import annotations

import random
import struct
import threading
import zlib

import pytest
from PySide6.QtGui import QColor, QImage, QPainter

from explorer.export import png_writer
from explorer.export.options import ExportOptions
from explorer.export.render import create_scene, render_image
from explorer.layout.service import LayoutService
from explorer.sources import Sources


def _chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    assert data.startswith(png_writer.SIGNATURE)
    chunks, offset = [], len(png_writer.SIGNATURE)
    while offset < len(data):
        (length,) = struct.unpack_from(">I", data, offset)
        kind, body = data[offset + 4 : offset + 8], data[offset + 8 : offset + 8 + length]
        (crc,) = struct.unpack_from(">I", data, offset + 8 + length)
        assert crc == zlib.crc32(kind + body), kind
        chunks.append((kind, body))
        offset += 12 + length
    return chunks


def _drawing(width: int = 173, height: int = 91) -> QImage:
    """Premultiplied ARGB with flat areas, antialiased edges and translucent pixels, as exports are."""
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(0, 0, 0, 0))
    image.setDotsPerMeterX(7559)
    image.setDotsPerMeterY(7559)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    generator = random.Random(7)
    for _ in range(40):
        painter.setBrush(QColor(*(generator.randrange(256) for _ in range(4))))
        painter.drawEllipse(generator.randrange(width), generator.randrange(height), 30, 20)
    painter.end()
    return image


def _qt_pixels(image: QImage) -> QImage:
    return image.convertToFormat(QImage.Format.Format_ARGB32)


@pytest.mark.parametrize("band_bytes", [png_writer.BAND_BYTES, 1500])
def test_the_file_decodes_to_the_same_pixels(monkeypatch, band_bytes: int) -> None:
    monkeypatch.setattr(png_writer, "BAND_BYTES", band_bytes)  # 1500: one band every two rows
    image = _drawing()
    data = png_writer.encode_png(image)
    reread = QImage.fromData(data, "PNG")
    assert not reread.isNull()
    assert _qt_pixels(reread) == _qt_pixels(image)
    kinds = [kind for kind, _ in _chunks(data)]
    assert kinds[:2] == [b"IHDR", b"pHYs"]
    assert kinds[-1] == b"IEND"
    stream = b"".join(body for kind, body in _chunks(data) if kind == b"IDAT")
    raw = zlib.decompress(stream)  # checks the combined Adler-32 too
    assert len(raw) == image.height() * (1 + 4 * image.width())
    assert reread.dotsPerMeterX() == 7559


@pytest.mark.parametrize(("width", "height", "bands"), [(173, 91, 1), (620, 300, png_writer.WORKERS)])
def test_an_image_above_the_split_size_is_deflated_on_every_core(width: int, height: int, bands: int) -> None:
    """173×91 (63 KB raw) stays one band; 620×300 (744 KB, under one band's size) is cut in one per core."""
    image = _drawing(width, height)
    data = png_writer.encode_png(image)
    idat = [body for kind, body in _chunks(data) if kind == b"IDAT"]
    assert len(idat) == bands + 1  # each band's stream, then the combined Adler-32
    assert _qt_pixels(QImage.fromData(data, "PNG")) == _qt_pixels(image)


@pytest.mark.parametrize(("band_bytes", "slice_bytes"), [(png_writer.BAND_BYTES, 1), (5000, 1500)])
def test_the_bytes_do_not_depend_on_how_a_band_is_sliced(
    monkeypatch, band_bytes: int, slice_bytes: int
) -> None:
    """zlib is handed a band's rows a slice at a time: the stream is the one a single call makes."""
    image = _drawing()
    monkeypatch.setattr(png_writer, "BAND_BYTES", band_bytes)
    whole = png_writer.encode_png(image)  # this image's band fits in one slice
    monkeypatch.setattr(png_writer, "SLICE_BYTES", slice_bytes)  # a row at a time; two rows
    assert png_writer.encode_png(image) == whole


def test_adler32_combine_matches_zlib() -> None:
    first, second = b"diagram" * 999, bytes(range(256)) * 300
    combined = png_writer.adler32_combine(zlib.adler32(first), zlib.adler32(second), len(second))
    assert combined == zlib.adler32(first + second)


def test_an_empty_image_is_refused() -> None:
    with pytest.raises(ValueError, match="empty"):
        png_writer.encode_png(QImage())


def test_an_image_without_alpha_is_written_as_rgb_with_the_same_pixels() -> None:
    image = _drawing()
    painter = QPainter(image)
    painter.fillRect(image.rect(), QColor("#ffffff"))
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(200, 30, 90, 120))  # translucent over an opaque page: opaque pixels
    painter.drawEllipse(10, 10, 120, 60)
    painter.end()
    rgba = png_writer.encode_png(image)
    assert image.reinterpretAsFormat(QImage.Format.Format_RGB32)
    rgb = png_writer.encode_png(image)
    (header,) = [body for kind, body in _chunks(rgb) if kind == b"IHDR"]
    assert header[9] == 2  # colour type: RGB
    assert len(rgb) < len(rgba)
    assert _qt_pixels(QImage.fromData(rgb, "PNG")) == _qt_pixels(QImage.fromData(rgba, "PNG"))


@pytest.mark.parametrize("background", ["white", "dark", "transparent"])
def test_exported_pages_decode_to_the_painted_pixels(qapp, sources: Sources, background: str) -> None:
    architecture = sources.architectures["containers-vs-vms"]
    options = ExportOptions(scale=1, background=background)
    image = render_image(
        create_scene(architecture, LayoutService().layout_for(architecture), options), options
    )
    assert image.hasAlphaChannel() == (background == "transparent")  # opaque pages are written as RGB
    decoded = QImage.fromData(png_writer.encode_png(image), "PNG")
    assert _qt_pixels(decoded) == _qt_pixels(image)


@pytest.mark.parametrize("count", [1, 2, 7])
def test_bands_come_back_in_order_from_both_threads(count: int) -> None:
    bands = [(top, top + 1) for top in range(count)]
    seen: set[str] = set()

    def deflate(band: tuple[int, int]) -> tuple[bytes, int, int]:
        seen.add(threading.current_thread().name)
        return bytes([band[0]]), band[0], band[1]

    assert png_writer._on_both_cores(deflate, bands) == [(bytes([t]), t, b) for t, b in bands]
    assert len(seen) == min(count, png_writer.WORKERS)


def test_a_band_that_fails_on_the_helper_thread_fails_the_encoding() -> None:
    def deflate(band: tuple[int, int]) -> tuple[bytes, int, int]:
        if band[0] == 1:  # the helper's band
            raise MemoryError("band 1")
        return b"", 0, 0

    with pytest.raises(MemoryError, match="band 1"):
        png_writer._on_both_cores(deflate, [(0, 1), (1, 2), (2, 3)])
