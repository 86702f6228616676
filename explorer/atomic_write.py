"""Atomic file writes: the target is either the complete new file or untouched.

The one writer for exports, settings, revision progress and the layout cache.
The bytes go to a temporary file in the target's folder (so the final rename
never crosses file systems), are flushed to disk, and the temporary file is
renamed over the target. On any failure the temporary file is removed and an
:class:`ExportError` names the path and the reason in words a user can act on.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path

TEMP_PREFIX = ".export-"
TEMP_SUFFIX = ".part"

TempOpener = Callable[[Path], tuple[int, Path]]
"""Creates a temporary file in a folder; returns its open descriptor and path."""


class ExportError(Exception):
    """An export that could not be written; the message is one line for the user."""


_REASONS = {
    errno.EACCES: "permission denied (the folder is read-only or not yours)",
    errno.EPERM: "permission denied (the folder is read-only or not yours)",
    errno.EROFS: "the file system is read-only",
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is exceeded",
    errno.EFBIG: "the file is too large for this file system",
    errno.ENAMETOOLONG: "the path is too long",
    errno.ENOENT: "the folder does not exist (was it moved or deleted?)",
    errno.ENOTDIR: "a part of the path is a file, not a folder",
    errno.EISDIR: "it is a folder",
    errno.EIO: "an input/output error occurred",
}


def describe_os_error(error: OSError) -> str:
    """A short, user-facing reason for ``error``."""
    if error.errno in _REASONS:
        return _REASONS[error.errno]
    return error.strerror or str(error)


def write_atomically(
    path: Path | str, data: bytes, *, open_temp: TempOpener | None = None, durable: bool = True
) -> Path:
    """Write ``data`` to ``path`` atomically and return the absolute path written.

    ``open_temp`` replaces how the temporary file is created (tests pass one
    whose descriptor fails for real, such as ``/dev/full``). ``durable=False``
    skips the flushes to disk, for files that can be made again (cache entries).

    Raises:
        ExportError: the file could not be written; nothing is left behind.
    """
    target = Path(os.path.abspath(os.fspath(path)))
    _check_target(target)
    opener = open_temp or _make_temp
    try:
        fd, temp = opener(target.parent)
    except OSError as error:
        raise _export_error(target, error) from error
    try:
        try:
            write_all(fd, data)
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
        os.chmod(temp, _mode_for(target))
        os.replace(temp, target)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        if isinstance(error, OSError):
            raise _export_error(target, error) from error
        raise
    if durable:
        _sync_folder(target.parent)
    return target


def write_all(fd: int, data: bytes) -> None:
    """Write every byte of ``data`` to ``fd`` (``os.write`` may write less than asked)."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        if written <= 0:
            raise OSError(errno.EIO, "the system accepted no bytes")
        view = view[written:]


def is_temp_file(path: Path) -> bool:
    """True for a temporary file this module creates (tests look for leftovers)."""
    return path.name.startswith(TEMP_PREFIX) and path.name.endswith(TEMP_SUFFIX)


def check_target(path: Path | str) -> Path:
    """Fail early, before any rendering, for a target that cannot be written; returns it absolute.

    Only what can be known without writing is checked (the folder exists, the
    target is not a folder or a device); :func:`write_atomically` reports the rest.

    Raises:
        ExportError: the target cannot be written.
    """
    target = Path(os.path.abspath(os.fspath(path)))
    _check_target(target)
    folder = target.parent
    if not folder.exists():
        raise ExportError(f"cannot write {target}: the folder {folder} does not exist")
    if not folder.is_dir():
        raise ExportError(f"cannot write {target}: {folder} is a file, not a folder")
    return target


def _check_target(target: Path) -> None:
    # A temporary file beside /dev/full would happily succeed and then replace the
    # device node; refuse anything that is not a plain file up front instead.
    try:
        status = os.stat(target)
    except FileNotFoundError:
        return
    except OSError as error:
        raise _export_error(target, error) from error
    if stat.S_ISDIR(status.st_mode):
        raise ExportError(f"cannot write {target}: it is a folder")
    if not stat.S_ISREG(status.st_mode):
        raise ExportError(f"cannot write {target}: it is not a regular file (a device, pipe or socket)")


_TEMP_FLAGS = (
    os.O_RDWR
    | os.O_CREAT
    | os.O_EXCL
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)
"""What ``tempfile.mkstemp`` opens with (importing ``tempfile`` cost every command-line export 4 ms)."""


def _make_temp(folder: Path) -> tuple[int, Path]:
    """A new file of our own in ``folder``, readable only by us until it is renamed."""
    for _ in range(100):
        path = folder / f"{TEMP_PREFIX}{os.urandom(8).hex()}{TEMP_SUFFIX}"
        try:
            return os.open(path, _TEMP_FLAGS, 0o600), path
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no unused temporary file name", str(folder))


def _mode_for(target: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual 0666 minus the umask."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _sync_folder(folder: Path) -> None:
    # Makes the rename itself durable; not possible on every platform, so best effort.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _export_error(target: Path, error: OSError) -> ExportError:
    reason = describe_os_error(error)
    if error.errno == errno.ENOENT and not target.parent.exists():
        reason = f"the folder {target.parent} does not exist (was it moved or deleted?)"
    return ExportError(f"cannot write {target}: {reason}")
