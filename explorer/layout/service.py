"""The one way to a layout: from memory, from the disk cache, or from Graphviz.

The window, the export dialog, the command line, compare and "export all" all ask a
:class:`LayoutService`, so the same model gets the same Graphviz options, time
limit and placements everywhere. :meth:`LayoutService.layout_for` answers on the
calling thread (command line, bounded small layouts); :meth:`LayoutService.submit`
works in a worker thread and calls back from it. A cancelled job's ``dot`` is
killed and its result dropped: a stale layout never holds up the next.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, TypeVar

from explorer.layout.cache import LayoutCache, layout_key
from explorer.layout.dot_errors import (
    TIMEOUT_SECONDS,
    GraphvizFailedError,
    GraphvizNotFoundError,
    LayoutCancelledError,
)
from explorer.layout.geometry import Layout
from explorer.layout.options import COMPOSE_VERSION, LayoutOptions, should_compose
from explorer.runtime_tuning import collector_paused
from models.architecture import Architecture

if TYPE_CHECKING:
    import logging
    from concurrent.futures import Future, ThreadPoolExecutor

    from explorer.layout.graphviz_run import StepReport

MEMORY_ENTRIES = 32


def _log() -> logging.Logger:
    """This module's logger; ``logging`` (and ``concurrent.futures``) are imported by the
    worker that needs them, not by a command-line export whose layout is cached (~4 ms)."""
    import logging

    return logging.getLogger(__name__)


T = TypeVar("T")
JobProgress = Callable[["LayoutJob", str], None]


def routing_note(architecture: Architecture, layout: Layout) -> str:
    """What to tell the user when Graphviz crashed on right-angled edges and got curved ones; else ""."""
    if layout.splines == LayoutOptions.for_architecture(architecture).splines:
        return ""
    return (
        f"Graphviz crashed laying out {architecture.id!r} with right-angled edges "
        "(a known fault of some versions), so its edges are drawn as curves"
    )


class _Job:
    """Work in the layout worker that the UI thread can cancel (which also kills its ``dot``).

    Plain classes, not dataclasses: a job is never compared or copied, and the three
    dataclasses cost the start ~1.5 ms to make."""

    def __init__(self) -> None:
        self.error = ""
        self._cancel = threading.Event()
        self.future: Future[None] | None = None

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()


class LayoutJob(_Job):
    """One layout being made in the worker."""

    def __init__(self, architecture: Architecture, options: LayoutOptions) -> None:
        super().__init__()
        self.architecture = architecture
        self.options = options
        self.layout: Layout | None = None
        self.unsaved = False
        """Made by Graphviz and not written to the disk cache yet (see :meth:`LayoutService.save`)."""


class WorkJob(_Job, Generic[T]):
    """Work (one or more layouts) done in the worker by :meth:`LayoutService.run`."""

    def __init__(self) -> None:
        super().__init__()
        self.result: T | None = None


class LayoutService:
    """Keeps layouts in memory and on disk; computes missing ones on this thread or a worker."""

    def __init__(self, cache: LayoutCache | None = None, *, workers: int = 2) -> None:
        self.cache = cache or LayoutCache()
        self._memory: OrderedDict[tuple[str, LayoutOptions], tuple[Architecture, Layout]] = OrderedDict()
        self._keys: dict[tuple[str, LayoutOptions], tuple[Architecture, str]] = {}
        self._lock = threading.Lock()
        self._workers = workers
        self._executor: ThreadPoolExecutor | None = None
        self.graphviz_runs = 0
        """How many times Graphviz was run (tests check the cache spares it)."""

    def cached(self, architecture: Architecture, options: LayoutOptions | None = None) -> Layout | None:
        """The layout from memory or the disk cache, or None; never runs Graphviz."""
        options = options or LayoutOptions.for_architecture(architecture)
        with self._lock:
            entry = self._memory.get((architecture.id, options))
            if entry is not None and entry[0] == architecture:
                self._memory.move_to_end((architecture.id, options))
                return entry[1]
        layout = self.cache.load(self._key(architecture, options), architecture.id)
        if layout is not None:
            self._remember(architecture, layout, options)
        return layout

    def layout_for(
        self,
        architecture: Architecture,
        *,
        timeout: float = TIMEOUT_SECONDS,
        options: LayoutOptions | None = None,
        cancel: threading.Event | None = None,
    ) -> Layout:
        """The layout of ``architecture`` (by ``options``, else by size), computed here if no cache has it.

        The UI thread never calls it: it runs inside :meth:`run` or :meth:`submit` work.

        Raises:
            LayoutCancelledError: ``cancel`` was set.
            GraphvizNotFoundError: ``dot`` is not on PATH.
            GraphvizFailedError: ``dot`` failed, timed out (after ``timeout`` seconds) or printed garbage.
        """
        options = options or LayoutOptions.for_architecture(architecture)
        layout = self.cached(architecture, options)
        if layout is None:
            layout = self._compute(architecture, options, timeout=timeout, cancel=cancel)
            self.store(architecture, options, layout)
        return layout

    def submit(
        self,
        architecture: Architecture,
        done: Callable[[LayoutJob], None],
        progress: JobProgress | None = None,
        *,
        also: Callable[[], object] | None = None,
        save_later: bool = False,
    ) -> LayoutJob:
        """Lays ``architecture`` out in a worker thread; ``done(job)`` is called from that thread.

        ``progress(job, message)`` says what it is doing; neither is called once the job is
        cancelled. ``also`` (work the first showing needs, off the UI thread) runs while
        Graphviz does, before ``done``; its errors are ignored (the UI thread meets them again).
        A new layout is written to the disk cache after ``done``, or with ``save_later`` when
        the caller calls :meth:`save` (writing it holds the GIL while the window draws it).
        """
        job = LayoutJob(architecture, LayoutOptions.for_architecture(architecture))
        job.future = self._pool().submit(self._run, job, done, progress, also, save_later)
        return job

    def save(self, job: LayoutJob) -> None:
        """Writes ``job``'s new layout to the disk cache in a worker, once (see :meth:`submit`)."""
        if self._take_unsaved(job) and job.layout is not None:
            self._pool().submit(self.store, job.architecture, job.options, job.layout)

    def _take_unsaved(self, job: LayoutJob) -> bool:
        with self._lock:
            unsaved, job.unsaved = job.unsaved, False
        return unsaved

    def run(self, work: Callable[[threading.Event], T], done: Callable[[WorkJob[T]], None]) -> WorkJob[T]:
        """Runs ``work(cancel)`` (layouts through :meth:`layout_for` with that ``cancel``) in a worker.

        ``done(job)`` is called from the worker with ``job.result`` or ``job.error``, unless
        the job was cancelled first: a cancelled job's ``dot`` is killed and its result dropped.
        """
        job: WorkJob[T] = WorkJob()
        job.future = self._pool().submit(self._run_work, job, work, done)
        return job

    def _pool(self) -> ThreadPoolExecutor:
        if self._executor is None:
            from concurrent.futures import ThreadPoolExecutor

            self._executor = ThreadPoolExecutor(self._workers, thread_name_prefix="layout")
        return self._executor

    @staticmethod
    def _run_work(
        job: WorkJob[T], work: Callable[[threading.Event], T], done: Callable[[WorkJob[T]], None]
    ) -> None:
        try:
            job.result = work(job._cancel)
        except LayoutCancelledError:
            return
        except (GraphvizNotFoundError, GraphvizFailedError, ValueError) as error:
            job.error = str(error)
        except Exception as error:  # noqa: BLE001 (a worker must report, never die silently)
            _log().exception("work in the layout worker failed unexpectedly")
            job.error = f"The layout failed unexpectedly: {error!r}"
        if not job.cancelled:
            done(job)

    def forget(self, architecture_id: str) -> None:
        with self._lock:
            for key in [key for key in self._memory if key[0] == architecture_id]:
                del self._memory[key]

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
        save_later: bool = False,
    ) -> None:
        def report(message: str) -> None:
            if progress is not None and not job.cancelled:
                progress(job, message)

        pending = [also] if also is not None else []

        def meanwhile() -> None:
            while pending:
                try:
                    pending.pop()()
                except Exception:  # noqa: BLE001 (the UI thread meets the error again, and shows it)
                    _log().exception("work beside the layout of %s failed", job.architecture.id)

        fresh = False
        try:
            report("Looking for a saved layout…")
            layout = self.cached(job.architecture, job.options)
            fresh = layout is None
            if layout is None:
                layout = self._compute(
                    job.architecture, job.options, cancel=job._cancel, report=report, meanwhile=meanwhile
                )
            job.layout = layout
        except LayoutCancelledError:
            return
        except (GraphvizNotFoundError, GraphvizFailedError, ValueError) as error:
            job.error = str(error)
        except Exception as error:  # noqa: BLE001 (a worker must report, never die silently)
            _log().exception("the layout of %s failed unexpectedly", job.architecture.id)
            job.error = f"The layout failed unexpectedly: {error!r}"
        if pending and job.layout is not None and not job.cancelled:
            meanwhile()
        job.unsaved = fresh and job.layout is not None
        if not job.cancelled:
            done(job)
        # A cancelled job's caller never saves it: a new layout is kept all the same.
        if (not save_later or job.cancelled) and self._take_unsaved(job) and job.layout is not None:
            self.store(job.architecture, job.options, job.layout)

    def _compute(
        self,
        architecture: Architecture,
        options: LayoutOptions,
        *,
        timeout: float = TIMEOUT_SECONDS,
        cancel: threading.Event | None = None,
        report: StepReport | None = None,
        meanwhile: Callable[[], None] | None = None,
    ) -> Layout:
        self.graphviz_runs += 1
        from explorer.layout.graphviz_run import compute_layout  # only when no cache has the layout

        layout = compute_layout(
            architecture, options, timeout=timeout, cancel=cancel, report=report, meanwhile=meanwhile
        )
        self._remember(architecture, layout, options)
        return layout

    def store(self, architecture: Architecture, options: LayoutOptions, layout: Layout) -> None:
        """Writes ``layout`` to the disk cache (a worker does it after handing the layout over)."""
        with collector_paused():  # a full collection here would hold the UI thread making the items
            self.cache.store(self._key(architecture, options), layout)

    def _key(self, architecture: Architecture, options: LayoutOptions) -> str:
        """The disk cache key, made once per model and options: a job looks it up, then stores under
        it while the window builds the scene (its 10 ms of JSON for 2,000 components hold the GIL)."""
        with self._lock:
            known = self._keys.get((architecture.id, options))
        if known is not None and known[0] is architecture:
            return known[1]
        key = _key(architecture, options)
        with self._lock:
            self._keys[(architecture.id, options)] = (architecture, key)
            while len(self._keys) > MEMORY_ENTRIES:
                del self._keys[next(iter(self._keys))]
        return key

    def _remember(self, architecture: Architecture, layout: Layout, options: LayoutOptions) -> None:
        with self._lock:
            self._memory[(architecture.id, options)] = (architecture, layout)
            self._memory.move_to_end((architecture.id, options))
            while len(self._memory) > MEMORY_ENTRIES:
                self._memory.popitem(last=False)


def _key(architecture: Architecture, options: LayoutOptions) -> str:
    key = options.as_key()
    if should_compose(architecture):
        key["composed"] = COMPOSE_VERSION
    return layout_key(architecture, key)
