"""Waiting for layouts without laying out on the UI thread: the worker runs Graphviz,
a local event loop keeps the window painting (and its Cancel button live) meanwhile."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEventLoop, QObject, Signal, SignalInstance

from explorer.layout.dot_errors import GraphvizFailedError
from explorer.layout.geometry import Layout
from explorer.layout.service import LayoutJob, LayoutService
from models.architecture import Architecture


class _Relay(QObject):
    # Emitted from the worker thread; Qt queues it to the UI thread's event loop.
    finished = Signal(object)


def wait_for_layouts(
    service: LayoutService,
    architectures: Sequence[Architecture],
    cancelled: Callable[[], bool],
    cancel_signal: SignalInstance | None = None,
) -> dict[str, Layout] | None:
    """The layouts of ``architectures`` by id, made in the worker; None if cancelled first.

    Raises:
        GraphvizFailedError: a layout failed (the first failure's message).
    """
    layouts: dict[str, Layout] = {}
    missing = []
    for architecture in architectures:
        layout = service.cached(architecture)
        if layout is None:
            missing.append(architecture)
        else:
            layouts[architecture.id] = layout
    if not missing:
        return layouts
    relay, loop = _Relay(), QEventLoop()
    finished: list[LayoutJob] = []

    def on_finished(job: LayoutJob) -> None:
        finished.append(job)
        if len(finished) == len(missing):
            loop.quit()

    relay.finished.connect(on_finished)
    if cancel_signal is not None:
        cancel_signal.connect(loop.quit)
    jobs = [service.submit(architecture, relay.finished.emit) for architecture in missing]
    if len(finished) < len(missing) and not cancelled():
        loop.exec()
    if cancelled() or len(finished) < len(missing):
        for job in jobs:
            job.cancel()
        return None
    for job in finished:
        if job.layout is None:
            raise GraphvizFailedError(job.error or "The layout failed.")
        layouts[job.architecture.id] = job.layout
    return layouts
