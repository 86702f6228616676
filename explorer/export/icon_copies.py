"""Copies of PNG icons that Qt decodes in a third of the time: the same pixels, stored uncompressed.

A command-line PNG's helper process (:mod:`explorer.export.png_fork`) spent ~5 ms of the export's
critical path decoding the icons of ``containers-vs-vms`` (libpng inflating and unfiltering seven
256 × 256 RGBA files); stored without compression and with no row filter, the same pixels decode in
~1.7 ms. Once it has answered, the helper writes such a copy of each icon it painted into the cache
folder (:func:`write_copies`); later drawings name the copy (:func:`existing_copy`). A copy is kept
only when it decodes to exactly the original's pixels in the same format; it leaves out the file's
colour space, which Qt does not apply when it paints an image. Its name hashes the icon's path, size
and modification time, so an edited icon gets a new copy. This module imports no Qt until it writes.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from explorer.userdirs import user_cache_dir

FOLDER = "icon-copies"
_VERSION = b"1"
_LEVEL = 0
"""zlib's level for a copy: stored blocks, which inflate as a copy of the bytes."""
MAX_COPIES = 128
"""Copies kept at most (the oldest go first): ~33 MiB of 256 × 256 icons, the built-ins use 48."""
MAX_PIXELS = 512 * 512
"""A larger icon gets no copy (1 MiB each at most)."""
_LINKED = re.compile(rb'xlink:href="(/[^"]+\.png)"')
"""An icon a drawing names by its path (:func:`explorer.export.icon_files.read_icon`, ``linked``)."""


def copy_for(path: Path) -> Path:
    """Where the copy of the PNG icon at ``path`` is or will be.

    Raises:
        OSError: ``path`` cannot be read.
    """
    status = path.stat()
    key = b"|".join((_VERSION, os.fsencode(path), b"%d" % status.st_size, b"%d" % status.st_mtime_ns))
    return user_cache_dir() / FOLDER / f"{hashlib.sha1(key, usedforsecurity=False).hexdigest()}.png"


def existing_copy(path: Path) -> Path | None:
    """The copy of the icon at ``path`` when one has been written, else None (an empty file says
    the icon gets none)."""
    try:
        copy = copy_for(path)
        return copy if copy.stat().st_size > 0 else None
    except OSError:
        return None


def write_copies(document: bytes) -> None:
    """Writes the copy of each icon ``document`` names by its path and has none yet (Qt must be running).

    An icon Qt decodes to anything but 32-bit ARGB, or whose copy would not decode to its very
    pixels, gets none (an empty file, so that later exports do not try again); nor does one that
    cannot be read or is larger than :data:`MAX_PIXELS`. Each file is written atomically; past
    :data:`MAX_COPIES`, the oldest are removed.
    """
    from explorer.atomic_write import write_atomically

    folder = user_cache_dir() / FOLDER
    for name in sorted(set(_LINKED.findall(document))):
        path = Path(os.fsdecode(name))
        if path.parent == folder:
            continue
        try:
            copy = copy_for(path)
        except OSError:
            continue
        if copy.exists():
            continue
        folder.mkdir(parents=True, exist_ok=True)
        write_atomically(copy, _copy_of(path) or b"", durable=False)  # empty: not tried again
        _keep_newest(folder)


def _keep_newest(folder: Path) -> None:
    copies = sorted(folder.glob("*.png"), key=lambda path: path.stat().st_mtime_ns, reverse=True)
    for stale in copies[MAX_COPIES:]:
        stale.unlink(missing_ok=True)


def _copy_of(path: Path) -> bytes | None:
    """The icon's pixels as an uncompressed PNG, or None when that would not decode to the same image."""
    from PySide6.QtGui import QImage

    from explorer.export.png_writer import encode_png

    original = QImage(str(path))
    if original.isNull() or original.format() != QImage.Format.Format_ARGB32:
        return None
    if original.width() * original.height() > MAX_PIXELS:
        return None
    data = encode_png(original, level=_LEVEL)
    decoded = QImage.fromData(data)
    same = decoded.format() == original.format() and decoded.size() == original.size()
    return data if same and bytes(decoded.constBits()) == bytes(original.constBits()) else None
