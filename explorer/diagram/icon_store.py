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

The store is bounded (:data:`LIMIT`): after the worker writes, the least recently used
entries beyond it are deleted. An entry's modification time is its last use: reading one
only notes its name (the UI thread does no more before its first paint), and the worker
brings the time up to date when it next saves. This process never deletes an entry it
has read or written; another instance of the app may, which is no error either (a
missing entry is decoded anew, an open one cannot be deleted on Windows and stays open
on POSIX). The whole folder is safe to delete.
"""

from __future__ import annotations

import contextlib
import os
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
SUFFIX = ".argb"
LIMIT = 64 * 1024 * 1024
"""Bytes of entries kept at most. An icon takes 256 KB (256 × 256 pixels; a few up to 1 MB),
the built-in set's 53 some 14 MB: the limit holds them with an upgrade's new ones and the
icons of the user's own models, while those of an earlier version or of models since
removed, the least recently used, are deleted."""
_LARGEST = 8192
"""Pixels a side at most: a damaged header never makes the reader allocate gigabytes."""

_lock = threading.Lock()
_remembered: dict[Path, QImage] = {}
_collecting = False
_used: set[str] = set()
"""Entries this process read or wrote: never deleted by it (one may be read again)."""
_read: set[str] = set()
"""Entries read since the last save: marked as just used by the next one."""


def entry_path(icon: Path) -> Path | None:
    """Where the decoded ``icon`` is kept, or None if the file cannot be seen."""
    try:
        stat = icon.stat()
    except OSError:
        return None
    name = f"{zlib.crc32(str(icon).encode()):08x}-{stat.st_size}-{stat.st_mtime_ns}-{icon.stem[:40]}{SUFFIX}"
    return user_cache_dir() / FOLDER / name


def load(icon: Path) -> QImage | None:
    """The stored pixels of ``icon``; None if none are stored for the file as it is now."""
    entry = entry_path(icon)
    if entry is None:
        return None
    with _lock:  # before it is opened: from here on, pruning leaves it be
        _used.add(entry.name)
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
    with _lock:
        _read.add(entry.name)
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
    """Stores the icons remembered since the last call, marks the entries read since as just
    used, and prunes the store if it grew (in any thread: QImage is reentrant)."""
    with _lock:
        pending = list(_remembered.items())
        _remembered.clear()
        read = list(_read)
        _read.clear()
    folder = user_cache_dir() / FOLDER
    for name in read:
        with contextlib.suppress(OSError):
            os.utime(folder / name)
    written = False
    for icon, image in pending:
        entry = entry_path(icon)
        if entry is None:
            continue
        with _lock:
            _used.add(entry.name)
        with contextlib.suppress(OSError, ExportError):
            entry.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(entry, encode(image), durable=False)
            written = True
    if written:
        prune(LIMIT)


def prune(limit: int) -> None:
    """Deletes the least recently used entries until those left take ``limit`` bytes at most,
    but none this process has read or written. What cannot be listed or deleted is left."""
    folder = user_cache_dir() / FOLDER
    entries: list[tuple[int, int, str]] = []
    try:
        with os.scandir(folder) as listing:
            for item in listing:
                if item.name.endswith(SUFFIX):  # not another writer's temporary file
                    with contextlib.suppress(OSError):  # gone since listed
                        stat = item.stat(follow_symlinks=False)
                        entries.append((stat.st_mtime_ns, stat.st_size, item.name))
    except OSError:
        return
    total = sum(size for _, size, _ in entries)
    for _used_at, size, name in sorted(entries):
        if total <= limit:
            return
        with _lock:  # a read either marks the entry first, or finds it gone and decodes anew
            if name in _used:
                continue
            try:
                os.unlink(folder / name)
            except FileNotFoundError:
                pass  # another instance pruned it
            except OSError:
                continue
        total -= size
