"""Deterministic stand-ins for timings: what a test may open and read, and a guard that only detects a hang.

Reliability tests must never assert on elapsed time (the CI machine is shared and
slow); "refused unread" is checked by recording the files opened and the bytes
read, and "never hangs" by :func:`hang_guard`, whose limit is minutes above any
real cost: it turns a hang into a failure naming the input, it makes no speed claim.
"""

from __future__ import annotations

import builtins
import io
import os
import signal
import stat
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import pytest

HANG_SECONDS = 60
"""A liveness limit, not a speed limit: no input a test feeds takes a hundredth of it."""


class HangError(AssertionError):
    """Raised in the main thread when the guarded code is still running after :data:`HANG_SECONDS`."""


@contextmanager
def hang_guard(seconds: float = HANG_SECONDS) -> Iterator[None]:
    """Fails the guarded code once it has run ``seconds`` (a hang); a no-op off the main thread or SIGALRM."""
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def hung(_signal: int, _frame: object) -> None:
        raise HangError(f"still running after {seconds:g} s: a hang (a liveness guard, not a speed limit)")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def never_called(name: str, real: Callable[..., Any]) -> Callable[..., Any]:
    """A stand-in for ``real`` that fails the test if the code under test calls it on the test's thread.

    Other threads get ``real``: work a window of an earlier test left running (a model folder
    read in the background) is not the code under test, and must not fail this one.
    """
    test_thread = threading.get_ident()

    def called(*args: object, **kwargs: object) -> Any:
        if threading.get_ident() != test_thread:
            return real(*args, **kwargs)
        raise AssertionError(f"{name} was called")

    return called


@dataclass
class Reads:
    """Every file the code under test opened to read (by real path) and the bytes it read from each."""

    opened: list[str] = field(default_factory=list)
    read: dict[str, int] = field(default_factory=dict)

    def was_opened(self, path: Path) -> bool:
        return os.path.realpath(path) in self.opened

    def bytes_read(self, path: Path) -> int:
        return self.read.get(os.path.realpath(path), 0)


class _CountingFile:
    """A binary file that adds what each ``read`` returns to :class:`Reads`."""

    def __init__(self, file: IO[bytes], reads: Reads, key: str) -> None:
        self._file, self._reads, self._key = file, reads, key

    def read(self, size: int = -1) -> bytes:
        data = self._file.read(size)
        self._reads.read[self._key] = self._reads.read.get(self._key, 0) + len(data)
        return data

    def __enter__(self) -> _CountingFile:
        return self

    def __exit__(self, *_exc: object) -> None:
        self._file.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._file, name)


def record_reads(monkeypatch: pytest.MonkeyPatch) -> Reads:
    """Records the files opened to read (``open``, ``Path.open``) and the bytes read in binary mode.

    Opening anything but a regular file fails the test at once: the real ``open``
    of a pipe with no writer would block forever, and a device may never end.
    """
    record = Reads()
    real_open = io.open

    def recording_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if isinstance(file, int) or "r" not in mode:
            return real_open(file, mode, *args, **kwargs)
        key = os.path.realpath(file)
        record.opened.append(key)
        if os.path.exists(key) and not stat.S_ISREG(os.stat(key).st_mode):
            raise AssertionError(f"opened {file}, which is not a regular file")
        opened = real_open(file, mode, *args, **kwargs)
        return _CountingFile(opened, record, key) if "b" in mode else opened

    monkeypatch.setattr(builtins, "open", recording_open)
    monkeypatch.setattr(io, "open", recording_open)
    return record
