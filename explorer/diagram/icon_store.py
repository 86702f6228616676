"""Decoded icons kept in the cache folder between starts.

Reading an icon file is mostly inflating it: ~0.65 ms for a 256-pixel PNG, 11 ms for
the 17 icons of the first diagram, all before the first paint. Its pixels, stored
once as the pixmap holds them, read back in ~0.1 ms each. An entry is named after
the icon file's path, size and modification time, so a changed file is decoded anew.

The app's window (:func:`collect`) remembers the icons it decodes (:func:`remember`)
and writes them off the UI thread (:func:`save_remembered`) after its first paint and
after each architecture it shows, so the next start finds the icons of whichever
diagram it opens on; other processes (tests, exports) keep no pixels for it. A cache
entry that cannot be read or written is no error: the icon is decoded as before.
"""

from __future__ import annotations

import contextlib
import struct
import threading
import zlib
from pathlib import Path

from PySide6.QtGui import QImage

from explorer.atomic_write import ExportError, write_atomically
from explorer.userdirs import user_cache_dir

FORMAT = QImage.Format.Format_ARGB32_Premultiplied
"""What a pixmap holds on a raster screen: stored pixels become one without a conversion."""
_HEADER = struct.Struct("<4sII")
_MAGIC = b"AXI1"
"""Marks an entry (and its layout: width, height, then the rows of 32-bit pixels)."""
FOLDER = "icons"
_LARGEST = 8192
"""Pixels a side at most: a damaged header never makes the reader allocate gigabytes."""

_lock = threading.Lock()
_remembered: dict[Path, QImage] = {}
_collecting = False


def entry_path(icon: Path) -> Path | None:
    """Where the decoded ``icon`` is kept, or None if the file cannot be seen."""
    try:
        stat = icon.stat()
    except OSError:
        return None
    name = f"{zlib.crc32(str(icon).encode()):08x}-{stat.st_size}-{stat.st_mtime_ns}-{icon.stem[:40]}.argb"
    return user_cache_dir() / FOLDER / name


def load(icon: Path) -> QImage | None:
    """The stored pixels of ``icon``; None if none are stored for the file as it is now."""
    entry = entry_path(icon)
    if entry is None:
        return None
    try:
        with entry.open("rb") as stored:
            header = stored.read(_HEADER.size)
            if len(header) != _HEADER.size:
                return None
            magic, width, height = _HEADER.unpack(header)
            if magic != _MAGIC or not 0 < width <= _LARGEST or not 0 < height <= _LARGEST:
                return None
            image = QImage(width, height, FORMAT)
            pixels = image.bits()  # read straight into the image's own rows (4 bytes a pixel)
            if stored.readinto(pixels) != len(pixels) or stored.read(1):
                return None
    except OSError:
        return None
    return image


def encode(image: QImage) -> bytes:
    """An entry's bytes for ``image``."""
    pixels = image.convertToFormat(FORMAT)
    header = _HEADER.pack(_MAGIC, pixels.width(), pixels.height())
    return header + bytes(pixels.constBits())[: 4 * pixels.width() * pixels.height()]


def collect() -> None:
    """From now on, icons decoded are remembered for :func:`save_remembered`."""
    global _collecting
    with _lock:
        _collecting = True


def remember(icon: Path, image: QImage) -> None:
    """``image`` was decoded from ``icon``: kept for :func:`save_remembered` while collecting."""
    with _lock:
        if _collecting:
            _remembered[icon] = image


def save_remembered() -> None:
    """Stores the icons remembered since the last call (in any thread: QImage is reentrant)."""
    with _lock:
        pending = list(_remembered.items())
        _remembered.clear()
    for icon, image in pending:
        entry = entry_path(icon)
        if entry is None:
            continue
        with contextlib.suppress(OSError, ExportError):
            entry.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(entry, encode(image), durable=False)
