"""The progress file: JSON in the user data folder, written atomically under a file lock.

Every save takes the lock, reads what is on disk, merges it with what this
window knows (the card answered last wins) and replaces the file atomically,
so two windows never undo each other's answers and a crash leaves either the
old file or the new one. A file that cannot be read is moved aside as a
backup, progress starts afresh and the caller gets a message for the user.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from filelock import FileLock, Timeout

from explorer.atomic_write import ExportError, is_temp_file, write_atomically
from explorer.userdirs import user_data_dir
from models.revision.progress import Progress, ProgressFormatError

FILE_NAME = "progress.json"
LOCK_TIMEOUT = 10.0
LEFTOVER_AGE = 60.0
MAX_FILE_BYTES = 64 * 1024 * 1024
"""About 200,000 cards; a larger file is damage, and reading it would stall the start."""


class ProgressError(Exception):
    """Progress that could not be read or written; the message is one line for the user."""


@dataclass(frozen=True)
class LoadOutcome:
    """What loading gave: the progress, and a message when the file was damaged and set aside."""

    progress: Progress
    problem: str | None = None
    backup: Path | None = None


def default_progress_path() -> Path:
    return user_data_dir() / FILE_NAME


def to_json(progress: Progress) -> bytes:
    return (json.dumps(progress.to_data(), indent=1, ensure_ascii=False) + "\n").encode("utf-8")


def parse_json(data: bytes) -> Progress:
    """Progress from file bytes; raises :class:`ProgressFormatError` for anything unreadable.

    Every way ``json`` can fail counts as damage: a number too long to convert
    (``ValueError``), nesting deeper than Python's recursion limit, and the
    non-standard ``NaN``/``Infinity`` it would otherwise accept.
    """
    if len(data) > MAX_FILE_BYTES:
        raise ProgressFormatError(f"larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
    try:
        parsed = json.loads(data.decode("utf-8"), parse_constant=_refuse_constant)
    except UnicodeDecodeError as error:
        raise ProgressFormatError(f"not UTF-8 text (byte {error.start})") from None
    except RecursionError:
        raise ProgressFormatError("not valid JSON (nested too deeply)") from None
    except ValueError as error:  # JSONDecodeError, and integers too long to convert
        raise ProgressFormatError(f"not valid JSON ({str(error)[:200]})") from None
    return Progress.from_data(parsed)


def _read_capped(path: Path) -> bytes:
    """At most one byte past :data:`MAX_FILE_BYTES`: enough to tell the file is too large."""
    with path.open("rb") as file:
        return file.read(MAX_FILE_BYTES + 1)


def _refuse_constant(name: str) -> object:
    raise ValueError(f"{name} is not a number JSON allows")


class ProgressStore:
    """Reads and writes one progress file (by default ``user_data_dir()/progress.json``)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_progress_path()
        self._lock = FileLock(str(self.path) + ".lock", timeout=LOCK_TIMEOUT)

    def load(self) -> LoadOutcome:
        """The saved progress; a damaged file is backed up and replaced by empty progress."""
        try:
            with self._locked():
                progress, problem, backup = self._read_or_set_aside()
        except ProgressError as error:
            return LoadOutcome(Progress(), str(error))
        return LoadOutcome(progress, problem, backup)

    def save(self, progress: Progress) -> Progress:
        """Merges ``progress`` with the file and writes the result; returns the merged progress.

        Raises:
            ProgressError: the folder or file cannot be written (the message says why).
        """
        with self._locked():
            on_disk, _problem, _backup = self._read_or_set_aside()
            merged = progress.merged(on_disk)
            self._write(merged)
            self._remove_leftovers()
        return merged

    def export_to(self, target: Path, progress: Progress) -> Path:
        """Writes ``progress`` to ``target`` (for backups or another computer)."""
        try:
            return write_atomically(target, to_json(progress))
        except ExportError as error:
            raise ProgressError(str(error)) from None

    @staticmethod
    def read_file(source: Path) -> Progress:
        """Progress from an exported file; raises :class:`ProgressError` naming the file and problem."""
        try:
            data = _read_capped(source)
        except OSError as error:
            raise ProgressError(f"cannot read {source}: {error.strerror or error}") from None
        try:
            return parse_json(data)
        except ProgressFormatError as error:
            raise ProgressError(f"{source} is not revision progress: {error}") from None

    # Internals -------------------------------------------------------------

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self._lock:
                yield
        except Timeout:
            raise ProgressError(
                f"the progress file {self.path} stayed locked by another window for {LOCK_TIMEOUT:.0f} s"
            ) from None
        except OSError as error:
            raise ProgressError(f"cannot use {self.path.parent}: {error.strerror or error}") from None

    def _read_or_set_aside(self) -> tuple[Progress, str | None, Path | None]:
        try:
            data = _read_capped(self.path)
        except FileNotFoundError:
            return Progress(), None, None
        except OSError as error:
            raise ProgressError(f"cannot read {self.path}: {error.strerror or error}") from None
        try:
            return parse_json(data), None, None
        except ProgressFormatError as error:
            backup = self._backup_path()
            try:
                os.replace(self.path, backup)
            except OSError as move_error:
                raise ProgressError(
                    f"{self.path} is damaged ({error}) and could not be moved aside: {move_error}"
                ) from None
            message = (
                f"Your revision progress file was damaged ({error}). It was kept as {backup.name} "
                "and your progress starts afresh."
            )
            return Progress(), message, backup

    def _write(self, progress: Progress) -> None:
        try:
            write_atomically(self.path, to_json(progress))
        except ExportError as error:
            raise ProgressError(str(error)) from None

    def _backup_path(self) -> Path:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        candidate = self.path.with_name(f"progress.corrupt-{stamp}.json")
        counter = 1
        while candidate.exists():
            counter += 1
            candidate = self.path.with_name(f"progress.corrupt-{stamp}-{counter}.json")
        return candidate

    def _remove_leftovers(self) -> None:
        # Temporary files of a write that crashed. Progress writes hold the lock, but an export
        # into this folder might not, so only files untouched for a while are removed.
        cutoff = time.time() - LEFTOVER_AGE
        for leftover in self.path.parent.iterdir():
            with contextlib.suppress(OSError):
                if is_temp_file(leftover) and leftover.stat().st_mtime < cutoff:
                    leftover.unlink()
