"""Running Graphviz's ``dot``: DOT text in, its JSON layout out, killed on cancel or timeout.

The only place a ``dot`` process is started; :mod:`explorer.layout.service` is its one caller.
"""

from __future__ import annotations

import json
import re
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable
from json.decoder import scanstring  # type: ignore[attr-defined]
from typing import IO, Any

from explorer.layout.dot_errors import (
    TIMEOUT_SECONDS,
    GraphvizCrashedError,
    GraphvizFailedError,
    GraphvizNotFoundError,
    GraphvizTimeoutError,
    LayoutCancelledError,
)
from explorer.layout.dot_json import OUTPUT_FORMAT
from explorer.runtime_tuning import collector_paused

STDERR_HEAD_BYTES = 4096
STDERR_TAIL_BYTES = 4096
"""Of Graphviz's error output only the start and the end are read: it can print megabytes."""
MAX_ERROR_LINE_CHARS = 300
POLL_SECONDS = 0.05
DOT_COMMAND = "dot"
INSTALL_HINT = (
    "Graphviz's 'dot' program was not found on PATH; it is needed to lay out diagrams. "
    "Install Graphviz — Debian/Ubuntu: sudo apt-get install graphviz; "
    "Fedora: sudo dnf install graphviz; macOS: brew install graphviz; "
    "Windows: winget install graphviz (or the installer from https://graphviz.org/download/), "
    "then make sure its 'bin' folder is on PATH and restart the app."
)


def run_dot(
    source: str,
    arguments: list[str] | tuple[str, ...] = (),
    *,
    cancel: threading.Event | None = None,
    timeout: float = TIMEOUT_SECONDS,
    meanwhile: Callable[[], None] | None = None,
    output_format: str = OUTPUT_FORMAT,
) -> dict[str, Any]:
    """Graphviz's JSON layout of ``source``; a set ``cancel`` kills ``dot`` within 50 ms.

    ``meanwhile`` is called once ``dot`` has started (this thread has nothing else to do).
    ``output_format`` ``"json"`` adds Graphviz's drawing instructions (tests read its text).

    Raises:
        LayoutCancelledError: ``cancel`` was set.
        GraphvizNotFoundError: ``dot`` is not on PATH.
        GraphvizFailedError: ``dot`` failed, timed out or printed no JSON object.
    """
    with _input_file(source) as stdin, _error_file() as errors:
        try:
            process = subprocess.Popen(
                [DOT_COMMAND, f"-T{output_format}", *arguments],
                stdin=stdin,
                stdout=subprocess.PIPE,
                stderr=errors,
                creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
            )
        except FileNotFoundError:
            raise GraphvizNotFoundError(INSTALL_HINT) from None
        except OSError as error:
            raise GraphvizFailedError(f"Graphviz's 'dot' could not be started: {error}") from None
        if meanwhile is not None:
            meanwhile()
        stdout = _wait(process, cancel, timeout)
        if process.returncode != 0:
            failure = GraphvizCrashedError if process.returncode < 0 else GraphvizFailedError
            raise failure(_failure_message(process.returncode, bounded_text(errors)))
    try:
        with collector_paused():
            return decode_json(stdout.decode("utf-8", "replace"))
    except (ValueError, RecursionError):
        preview = stdout[:60].decode("utf-8", "replace")
        raise GraphvizFailedError(
            f"Graphviz printed something that is not a JSON layout: {preview!r}"
        ) from None


def _input_file(source: str) -> IO[bytes]:
    """``source`` in an unnamed temporary file: ``communicate()`` cannot resume writing a pipe after
    one of its 50 ms timeouts (which let ``cancel`` be seen)."""
    try:
        stdin = tempfile.TemporaryFile()  # noqa: SIM115 (the caller closes it)
        stdin.write(source.encode("utf-8"))
        stdin.seek(0)
    except OSError as error:
        raise GraphvizFailedError(f"Graphviz's input could not be written: {error}") from None
    return stdin


def _error_file() -> IO[bytes]:
    """Where ``dot``'s error output goes: a file, so megabytes of it never reach memory."""
    try:
        return tempfile.TemporaryFile()  # noqa: SIM115 (the caller closes it)
    except OSError as error:
        raise GraphvizFailedError(f"Graphviz's error output could not be kept: {error}") from None


def bounded_text(stream: IO[bytes], head: int = STDERR_HEAD_BYTES, tail: int = STDERR_TAIL_BYTES) -> str:
    """The start and the end of what was written to ``stream``, with how much was left out between."""
    size = stream.seek(0, 2)
    stream.seek(0)
    if size <= head + tail:
        return stream.read().decode("utf-8", "replace")
    first = stream.read(head)
    stream.seek(size - tail)
    last = stream.read(tail)
    left_out = size - head - tail
    return (
        first.decode("utf-8", "replace")
        + f"\n[… {left_out:,} bytes of Graphviz's error output left out …]\n"
        + last.decode("utf-8", "replace")
    )


def _wait(process: subprocess.Popen[bytes], cancel: threading.Event | None, timeout: float) -> bytes:
    """``dot``'s output once it ends; it is killed on ``cancel`` or after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            return process.communicate(timeout=POLL_SECONDS)[0]
        except subprocess.TimeoutExpired:
            stopped = cancel is not None and cancel.is_set()
            if stopped or time.monotonic() > deadline:
                # Killed, its pipes closed rather than drained (a child of it could hold them open).
                process.kill()
                process.wait()
                for stream in (process.stdout, process.stderr):
                    if stream is not None:
                        stream.close()
                if stopped:
                    raise LayoutCancelledError() from None
                raise GraphvizTimeoutError(
                    f"Graphviz took longer than {timeout:g} s to lay out the diagram and was stopped"
                ) from None


def _failure_message(returncode: int, stderr: str) -> str:
    """Names how ``dot`` failed, quoting its errors rather than its (many) warnings, each line cut short."""
    lines = [_shortened(line.strip()) for line in stderr.splitlines() if line.strip()]
    errors = (
        [line for line in lines if line.startswith("Error")]
        or [line for line in lines if not line.startswith("Warning")]
        or lines
    )
    how = f"crashed (signal {-returncode})" if returncode < 0 else f"failed (exit status {returncode})"
    return f"Graphviz {how}" + (": " + " / ".join(errors[:3]) if errors else "")


def _shortened(line: str) -> str:
    return line if len(line) <= MAX_ERROR_LINE_CHARS else line[: MAX_ERROR_LINE_CHARS - 1] + "…"


# Graphviz's JSON for 2,000 components is 2.5 MB: ``json.loads`` would hold the GIL (and
# freeze the window) for 100 ms. The outer levels are decoded item by item instead.

_DECODER = json.JSONDecoder()
_SPACE = re.compile(r"[ \t\n\r]*")


def decode_json(text: str, depth: int = 2) -> dict[str, Any]:
    """``json.loads(text)`` for an object, its outer ``depth`` levels item by item (ValueError if not one)."""
    value, end = _value(text, _skip(text, 0), depth)
    if _skip(text, end) != len(text) or not isinstance(value, dict):
        raise ValueError("not one JSON object")
    return value


def _skip(text: str, index: int) -> int:
    match = _SPACE.match(text, index)
    return match.end() if match is not None else index


def _value(text: str, index: int, depth: int) -> tuple[Any, int]:
    if depth > 0 and text.startswith(("{", "["), index):
        return _container(text, index, depth)
    return _DECODER.raw_decode(text, index)


def _container(text: str, index: int, depth: int) -> tuple[dict[str, Any] | list[Any], int]:
    """The object or array at ``index``, its items decoded one by one."""
    closing = "}" if text[index] == "{" else "]"
    result: dict[str, Any] | list[Any] = {} if closing == "}" else []
    index = _skip(text, index + 1)
    if text.startswith(closing, index):
        return result, index + 1
    while True:
        if isinstance(result, dict):
            if not text.startswith('"', index):
                raise ValueError(f"expected a key at {index}")
            key, index = scanstring(text, index + 1)
            index = _skip(text, index)
            if not text.startswith(":", index):
                raise ValueError(f"expected ':' at {index}")
            result[key], index = _value(text, _skip(text, index + 1), depth - 1)
        else:
            item, index = _value(text, index, depth - 1)
            result.append(item)
        index = _skip(text, index)
        if text.startswith(closing, index):
            return result, index + 1
        if not text.startswith(",", index):
            raise ValueError(f"expected ',' or {closing!r} at {index}")
        index = _skip(text, index + 1)
