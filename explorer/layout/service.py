"""Layouts on demand: from memory, from the disk cache, or from Graphviz in a worker thread.

:meth:`LayoutService.layout_for` answers on the calling thread (small models, exports);
:meth:`LayoutService.submit` works in a worker thread and calls back from it. A cancelled
job's ``dot`` is killed and its result dropped: a stale layout never holds up the next.

Options go by size: orthogonal edges where Graphviz is fast, splines above, and
for large graphs fewer crossing-minimisation and network-simplex iterations
(Graphviz's time down by two thirds, for about 2 % more crossings).
"""

from __future__ import annotations

import contextlib
import json
import re
import subprocess
import tempfile
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from json.decoder import scanstring
from typing import IO, Any

from explorer.layout.cache import LayoutCache, collector_paused, layout_key
from explorer.layout.dot_json import DotJsonError, parse_layout
from explorer.layout.geometry import Layout
from explorer.layout.graphviz_layout import (
    DOT_COMMAND,
    INSTALL_HINT,
    GraphvizFailedError,
    GraphvizNotFoundError,
    GraphvizTimeoutError,
    _failure_message,
    choose_splines,
    dot_source,
)
from models.architecture import Architecture

FAST_FROM_COMPONENTS = 300
FAST_GRAPH_ATTRS = (("mclimit", "0.3"), ("nslimit", "0.2"))
"""Graphviz attributes for large graphs: 1,000 components in 0.4 s instead of 1.2 s."""
FASTEST_FROM_COMPONENTS = 1500
FASTEST_GRAPH_ATTRS = (("mclimit", "0.1"), ("nslimit", "0.1"), ("remincross", "false"))
"""For the largest graphs: 2,000 components in 2.8 s instead of 3.4 s (and 23 s with dot's defaults)."""
MEMORY_ENTRIES = 32
TIMEOUT_SECONDS = 120.0
POLL_SECONDS = 0.05

Progress = Callable[[str], None]
JobProgress = Callable[["LayoutJob", str], None]


class LayoutCancelledError(Exception):
    """The job was cancelled before its layout was ready."""


@dataclass(frozen=True)
class LayoutOptions:
    """How Graphviz is asked to lay a model out; part of the cache key."""

    splines: str
    graph_attrs: tuple[tuple[str, str], ...] = ()

    @classmethod
    def for_architecture(cls, architecture: Architecture) -> LayoutOptions:
        count = len(architecture.components)
        if count >= FASTEST_FROM_COMPONENTS:
            attrs = FASTEST_GRAPH_ATTRS
        elif count >= FAST_FROM_COMPONENTS:
            attrs = FAST_GRAPH_ATTRS
        else:
            attrs = ()
        return cls(choose_splines(architecture), attrs)

    def as_key(self) -> dict[str, Any]:
        return {"splines": self.splines, "graph": [list(pair) for pair in self.graph_attrs]}

    def dot_arguments(self) -> list[str]:
        return [f"-G{name}={value}" for name, value in self.graph_attrs]


@dataclass
class LayoutJob:
    """One layout being made in the worker; :meth:`cancel` stops it and kills its ``dot``."""

    architecture: Architecture
    options: LayoutOptions
    layout: Layout | None = None
    error: str = ""
    _cancel: threading.Event = field(default_factory=threading.Event, repr=False)
    future: Future[None] | None = field(default=None, repr=False)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()


class LayoutService:
    """Keeps layouts in memory and on disk; computes missing ones on this thread or a worker."""

    def __init__(self, cache: LayoutCache | None = None, *, workers: int = 2) -> None:
        self.cache = cache or LayoutCache()
        self._memory: OrderedDict[str, tuple[Architecture, Layout]] = OrderedDict()
        self._lock = threading.Lock()
        self._workers = workers
        self._executor: ThreadPoolExecutor | None = None
        self.graphviz_runs = 0
        """How many times Graphviz was run (tests check the cache spares it)."""

    def cached(self, architecture: Architecture) -> Layout | None:
        """The layout from memory or the disk cache, or None; never runs Graphviz."""
        with self._lock:
            entry = self._memory.get(architecture.id)
            if entry is not None and entry[0] == architecture:
                self._memory.move_to_end(architecture.id)
                return entry[1]
        layout = self.cache.load(
            _key(architecture, LayoutOptions.for_architecture(architecture)), architecture.id
        )
        if layout is not None:
            self._remember(architecture, layout)
        return layout

    def layout_for(self, architecture: Architecture, *, timeout: float = TIMEOUT_SECONDS) -> Layout:
        """The layout of ``architecture``, computed on this thread if no cache has it.

        Raises:
            GraphvizNotFoundError: ``dot`` is not on PATH.
            GraphvizFailedError: ``dot`` failed, timed out (after ``timeout`` seconds) or printed garbage.
        """
        layout = self.cached(architecture)
        if layout is None:
            options = LayoutOptions.for_architecture(architecture)
            layout = self._compute(architecture, options, None, None, timeout=timeout)
        return layout

    def submit(
        self,
        architecture: Architecture,
        done: Callable[[LayoutJob], None],
        progress: JobProgress | None = None,
        *,
        also: Callable[[], object] | None = None,
    ) -> LayoutJob:
        """Lays ``architecture`` out in a worker thread; ``done(job)`` is called from that thread.

        ``progress(job, message)`` says what it is doing; neither is called once the job is
        cancelled. ``also`` (work the first showing needs, off the UI thread) runs while
        Graphviz does, before ``done``; its errors are ignored (the UI thread meets them again).
        """
        job = LayoutJob(architecture, LayoutOptions.for_architecture(architecture))
        if self._executor is None:
            self._executor = ThreadPoolExecutor(self._workers, thread_name_prefix="layout")
        job.future = self._executor.submit(self._run, job, done, progress, also)
        return job

    def forget(self, architecture_id: str) -> None:
        with self._lock:
            self._memory.pop(architecture_id, None)

    def shutdown(self) -> None:
        """Stops the worker threads once their jobs end (cancel the jobs first to end them now)."""
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None

    def _run(
        self,
        job: LayoutJob,
        done: Callable[[LayoutJob], None],
        progress: JobProgress | None,
        also: Callable[[], object] | None,
    ) -> None:
        def report(message: str) -> None:
            if progress is not None and not job.cancelled:
                progress(job, message)

        pending = [also] if also is not None else []

        def meanwhile() -> None:
            while pending:
                with contextlib.suppress(Exception):
                    pending.pop()()

        fresh = False
        try:
            report("Looking for a saved layout…")
            layout = self.cached(job.architecture)
            fresh = layout is None
            if layout is None:
                layout = self._compute(
                    job.architecture, job.options, job._cancel, report, meanwhile, store=False
                )
            job.layout = layout
        except LayoutCancelledError:
            return
        except (GraphvizNotFoundError, GraphvizFailedError, ValueError) as error:
            job.error = str(error)
        except Exception as error:  # noqa: BLE001 (a worker must report, never die silently)
            job.error = f"The layout failed unexpectedly: {error!r}"
        if pending and job.layout is not None and not job.cancelled:
            meanwhile()
        if not job.cancelled:
            done(job)
        if fresh and job.layout is not None:
            self.store(job.architecture, job.options, job.layout)

    def _compute(
        self,
        architecture: Architecture,
        options: LayoutOptions,
        cancel: threading.Event | None,
        progress: Progress | None,
        meanwhile: Callable[[], None] | None = None,
        *,
        timeout: float = TIMEOUT_SECONDS,
        store: bool = True,
    ) -> Layout:
        count, relations = len(architecture.components), len(architecture.relations)
        report = progress or (lambda _message: None)
        _check(cancel)
        report(f"Preparing {count:,} components for Graphviz…")
        source = dot_source(architecture, splines=options.splines)
        _check(cancel)
        report(f"Graphviz is laying out {count:,} components and {relations:,} relations…")
        self.graphviz_runs += 1
        data = run_dot(source, options.dot_arguments(), cancel=cancel, timeout=timeout, meanwhile=meanwhile)
        _check(cancel)
        report("Reading the layout…")
        try:
            with collector_paused():
                layout = parse_layout(data, architecture, splines=options.splines)
        except DotJsonError as error:
            raise GraphvizFailedError(f"Graphviz printed a layout that could not be read: {error}") from None
        self._remember(architecture, layout)
        if store:
            self.store(architecture, options, layout)
        return layout

    def store(self, architecture: Architecture, options: LayoutOptions, layout: Layout) -> None:
        """Writes ``layout`` to the disk cache (a worker does it after handing the layout over)."""
        self.cache.store(_key(architecture, options), layout)

    def _remember(self, architecture: Architecture, layout: Layout) -> None:
        with self._lock:
            self._memory[architecture.id] = (architecture, layout)
            self._memory.move_to_end(architecture.id)
            while len(self._memory) > MEMORY_ENTRIES:
                self._memory.popitem(last=False)


def run_dot(
    source: str,
    arguments: list[str] | tuple[str, ...] = (),
    *,
    cancel: threading.Event | None = None,
    timeout: float = TIMEOUT_SECONDS,
    meanwhile: Callable[[], None] | None = None,
) -> dict[str, Any]:
    """Graphviz's JSON layout of ``source``; a set ``cancel`` kills ``dot`` within 50 ms.

    ``meanwhile`` is called once ``dot`` has started (this thread has nothing else to do).

    Raises:
        LayoutCancelledError: ``cancel`` was set.
        GraphvizNotFoundError: ``dot`` is not on PATH.
        GraphvizFailedError: ``dot`` failed, timed out or printed no JSON object.
    """
    with _input_file(source) as stdin:
        try:
            process = subprocess.Popen(
                [*DOT_COMMAND, *arguments],
                stdin=stdin,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
            )
        except FileNotFoundError:
            raise GraphvizNotFoundError(INSTALL_HINT) from None
        except OSError as error:
            raise GraphvizFailedError(f"Graphviz's 'dot' could not be started: {error}") from None
        if meanwhile is not None:
            meanwhile()
        stdout, stderr = _wait(process, cancel, timeout)
    if process.returncode != 0:
        raise GraphvizFailedError(_failure_message(process.returncode, stderr))
    try:
        with collector_paused():
            return decode_json(stdout.decode("utf-8", "replace"))
    except ValueError:
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


def _wait(
    process: subprocess.Popen[bytes], cancel: threading.Event | None, timeout: float
) -> tuple[bytes, bytes]:
    """``dot``'s output once it ends; it is killed on ``cancel`` or after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            return process.communicate(timeout=POLL_SECONDS)
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


def _key(architecture: Architecture, options: LayoutOptions) -> str:
    return layout_key(architecture, options.as_key())


def _check(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise LayoutCancelledError()


# Graphviz's JSON for 2,000 components is 7 MB: ``json.loads`` would hold the GIL (and
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
