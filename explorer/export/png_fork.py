"""A forked helper process that starts Qt while this one builds the SVG, then paints and encodes the PNG.

A command-line PNG used to spend ~60-80 ms importing PySide6 and starting Qt, and ~25-40 ms
loading the model and building its SVG without Qt, one after the other on one core. Forked
before the SVG is built (Linux only, while the process has no thread and no Qt), the helper does
the first on the other core. It then reads the document from a pipe, paints it with
:func:`explorer.export.svg_paint.paint_document` and encodes it with
:func:`explorer.export.png_writer.encode_png`, the very code a PNG painted in this process runs
(so the bytes are the same), and sends the PNG back; this process still writes the file,
atomically. A thread would not do: importing Qt's libraries holds the GIL.

Whatever goes wrong in the helper (Qt missing, a crash, a kill), :meth:`PngHelper.paint`
returns None and the caller paints in this process as it always did, with the same messages;
Qt's own warnings, if the helper printed any before failing, are then printed twice.
"""

from __future__ import annotations

import importlib
import os
import signal
import struct
import sys
from collections.abc import Sequence
from typing import NoReturn

from explorer.atomic_write import write_all

_REQUEST = struct.Struct(">IIIBQ")
"""Width, height, dots per metre, opaque (0/1) and the document's length; the document follows."""
_ANSWER = struct.Struct(">Q")
"""The PNG's length; the PNG follows."""
_READ_BYTES = 1 << 20
_SHARED = ("inspect", "base64", "bisect", "math", "struct", "threading")
"""Standard modules both processes go on to import (``dataclasses`` and Qt's bindings both need
``inspect``): loaded once before the fork rather than once in each (~10 ms of CPU)."""


def may_paint_png(words: Sequence[str]) -> bool:
    """Whether the command line ``words`` (without the program) may export a single PNG: read before
    the arguments are parsed, to fork as early as possible; the parsed ones decide (a wrong guess only
    costs a helper killed unused)."""
    if not words or words[0] != "export" or "--all" in words or "--walkthrough" in words:
        return False
    return "png" in words or any(word.lower().endswith(".png") for word in words)


def start_for_command(words: Sequence[str]) -> PngHelper | None:
    """A helper for the command line ``words`` (without the program), forked now if it may export a
    single PNG (see :func:`may_paint_png`), else None."""
    return PngHelper.start() if may_paint_png(words) else None


class PngHelper:
    """One forked helper: :meth:`start` it, then :meth:`paint` one image or :meth:`close` it unused.

    Its owner holds it in a ``with`` block, which closes it; anyone may close it sooner, once it is
    of no use (closing twice does nothing).
    """

    def __init__(self, pid: int, requests: int, answers: int) -> None:
        self._pid, self._requests, self._answers = pid, requests, answers
        self._closed = False

    @property
    def pid(self) -> int:
        """The helper's process id."""
        return self._pid

    @classmethod
    def start(cls) -> PngHelper | None:
        """A helper importing Qt from now on, or None where forking is not possible, not safe or of
        no use (not Linux, Qt already imported, another thread running: a fork copies only this
        one; a single core to run on: the helper would only add its ~10 ms)."""
        threading = sys.modules.get("threading")
        if sys.platform != "linux" or "PySide6" in sys.modules or len(os.sched_getaffinity(0)) < 2:
            return None
        if threading is not None and threading.active_count() > 1:
            return None
        for name in _SHARED:
            importlib.import_module(name)
        request_read, request_write = os.pipe()
        answer_read, answer_write = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            for fd in (request_read, request_write, answer_read, answer_write):
                os.close(fd)
            return None
        if pid == 0:  # the helper: never returns into the caller's code
            os.close(request_write)
            os.close(answer_read)
            _serve(request_read, answer_write)
        os.close(request_read)
        os.close(answer_write)
        return cls(pid, request_write, answer_read)

    def paint(
        self, document: bytes, width: int, height: int, dots_per_metre: int, *, opaque: bool
    ) -> bytes | None:
        """The PNG file of :func:`explorer.export.svg_paint.paint_document`'s image, or None if the
        helper failed (paint it here then; the helper is reaped). A whole answer is returned while
        the helper may still be exiting (freeing its image's memory): :meth:`close` reaps it."""
        header = _REQUEST.pack(width, height, dots_per_metre, opaque, len(document))
        try:
            write_all(self._requests, header + document)
            os.close(self._requests)
            self._requests = -1
            answer = _read_all(self._answers)
        except OSError:
            answer = b""
        if len(answer) >= _ANSWER.size:
            (length,) = _ANSWER.unpack_from(answer)
            if len(answer) == _ANSWER.size + length:
                return answer[_ANSWER.size :]
        self.close()
        return None

    def __enter__(self) -> PngHelper:
        return self

    def __exit__(self, *error: object) -> None:
        self.close()

    def close(self, *, wait: bool = True) -> bool:
        """Ends the helper (at once, if it was never asked) and reaps it; True if it exited well.

        ``wait=False``, for a process that ends right after: a helper that has answered is not
        waited for while it exits (the system frees its memory, ~2 ms, and reaps it), and False is
        returned if it has not exited yet.
        """
        if self._closed:
            return False
        self._closed = True
        for fd in (self._requests, self._answers):
            if fd >= 0:
                os.close(fd)
        asked = self._requests < 0
        if not asked:  # never asked: it may still be importing Qt
            os.kill(self._pid, signal.SIGKILL)
        pid, status = os.waitpid(self._pid, 0 if wait or not asked else os.WNOHANG)
        return pid != 0 and os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0


def _serve(requests: int, answers: int) -> NoReturn:
    """The helper's whole life: start Qt, paint the one image asked for, send it, exit.

    It exits without Python's teardown (the caller's buffered output, already copied into it,
    is never flushed twice); with status 1 on any failure, the caller then paints itself.
    """
    status = 1
    try:
        from explorer.export.png_writer import encode_png
        from explorer.export.qt_app import ensure_qt
        from explorer.export.svg_paint import paint_document, set_up_fonts

        ensure_qt(widgets=False)
        if not _arrived(requests):  # the command is still building the document (no layout cached)
            set_up_fonts()  # what painting it would begin with
        request = _read_all(requests)
        if len(request) >= _REQUEST.size:
            width, height, dots_per_metre, opaque, length = _REQUEST.unpack_from(request)
            document = request[_REQUEST.size :]
            if len(document) == length:
                image = paint_document(document, width, height, dots_per_metre, opaque=bool(opaque))
                png = encode_png(image)
                write_all(answers, _ANSWER.pack(len(png)) + png)
                # The answer ends here, not once this process's memory is freed; so does its hold on
                # the command's output (a shell's pipe waits for every process writing to it).
                os.close(answers)
                _leave_output()
                status = 0
    except BaseException:  # noqa: BLE001, S110 (the caller paints in its own process and reports it)
        pass
    finally:
        os._exit(status)


def _leave_output() -> None:
    """Points this process's standard output and error at ``/dev/null`` (it prints nothing more)."""
    null = os.open(os.devnull, os.O_WRONLY)
    for fd in (1, 2):
        os.dup2(null, fd)
    os.close(null)


def _arrived(fd: int) -> bool:
    """Whether the pipe ``fd`` has something to read (or its other end was closed)."""
    import select

    return bool(select.select([fd], [], [], 0)[0])


def _read_all(fd: int) -> bytes:
    """Everything written to the pipe ``fd`` until its other end is closed."""
    parts = []
    while part := os.read(fd, _READ_BYTES):
        parts.append(part)
    return b"".join(parts)
