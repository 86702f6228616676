"""Opening a large diagram without freezing the window.

:class:`SceneLoader` asks the layout service for a layout in a worker thread,
then builds the scene's items in slices of a few milliseconds between events,
and hands over the finished :class:`DiagramScene`. A newer request makes the
older one stale: its Graphviz process is killed and its items are dropped.
:class:`LoadingPanel` is what the diagram area shows meanwhile.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

from explorer.diagram import first_view
from explorer.diagram.items import read_icon
from explorer.diagram.scene import DiagramScene
from explorer.layout.service import LayoutJob, LayoutService
from explorer.runtime_tuning import collector_paused, keep_out_of_collections
from models.architecture import Architecture
from models.icons import icon_or_fallback

SYNC_MAX_COMPONENTS = 40
"""Models up to this size are drawn on the spot when a cache holds their layout (well
under 100 ms); larger ones, and any whose layout needs Graphviz, go through :class:`SceneLoader`."""
SLICE_SECONDS = 0.02
"""Stretch of item building between two turns of the event loop (one item may run past it)."""
SAVE_DELAY_MS = 100
"""From handing a scene over to writing its new layout to the disk cache: the write (20-40 ms
of Python in a worker at 1,000 components) would otherwise take the GIL from the items being
made and from the first paint."""


class LoadingPanel(QWidget):
    """A title, what is being done and a progress bar (busy while Graphviz works)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("diagramLoading")
        self.title = QLabel(self)
        self.title.setObjectName("diagramLoadingTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.message = QLabel(self)
        self.message.setObjectName("diagramLoadingMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.bar = QProgressBar(self)
        self.bar.setObjectName("diagramLoadingProgress")
        self.bar.setTextVisible(False)
        self.bar.setMaximumWidth(360)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(self.message)
        layout.addWidget(self.bar, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)

    def start(self, title: str) -> None:
        self.title.setText(title)
        self.show_progress("Laying out…")

    def show_progress(self, message: str, done: int = 0, total: int = 0) -> None:
        """``total`` 0 shows a busy bar (Graphviz says nothing about its progress)."""
        self.message.setText(message)
        self.bar.setRange(0, total)
        self.bar.setValue(done)


class SceneLoader(QObject):
    """Makes scenes for large architectures off the UI thread, one request at a time.

    Signals:
        progress(str, str, int, int): architecture id, what is being done, done, total
            (total 0 while the amount of work is unknown).
        ready(object): the finished :class:`DiagramScene`.
        failed(str, str): architecture id and why the diagram cannot be drawn.
    """

    progress = Signal(str, str, int, int)
    ready = Signal(object)
    failed = Signal(str, str)
    # Emitted from the worker thread; Qt queues them to this object's (the UI) thread.
    _job_done = Signal(object)
    _job_progress = Signal(object, str)

    def __init__(self, service: LayoutService, parent: QObject | None = None) -> None:
        """The scenes it makes have no QObject parent: one its owner drops is freed, not kept
        alive by the window until it closes (a re-opened 1,000-component model held 30 MiB)."""
        super().__init__(parent)
        self.service = service
        self._job: LayoutJob | None = None
        self._request: tuple[Architecture, Callable[[], object] | None] | None = None
        """A load asked for but not handed to the worker yet (see :meth:`load`)."""
        self._submit_timer = QTimer(self)
        self._submit_timer.setSingleShot(True)
        self._submit_timer.setInterval(0)
        self._submit_timer.timeout.connect(self._submit)
        self._scene: DiagramScene | None = None
        self._steps: Iterator[int] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._build_slice)
        self._icons: list[Path] = []
        self._icon_timer = QTimer(self)
        self._icon_timer.setSingleShot(True)
        self._icon_timer.setInterval(0)
        self._icon_timer.timeout.connect(self._read_icon)
        self._paused: contextlib.ExitStack | None = None
        self._unsaved: list[LayoutJob] = []
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self._save)
        self._job_done.connect(self._on_job_done)
        self._job_progress.connect(self._on_job_progress)

    def pending(self) -> Architecture | None:
        """The architecture being loaded, if any."""
        if self._request is not None:
            return self._request[0]
        return self._job.architecture if self._job is not None else None

    def load(self, architecture: Architecture, *, also: Callable[[], object] | None = None) -> None:
        """Starts making a scene for ``architecture``, in the worker from the next turn of the event loop.

        ``also`` runs in the worker thread once the layout is ready (see
        :meth:`LayoutService.submit`). The worker's first steps are all Python (the cache key,
        the parts, the DOT text) and the UI thread then waits for the GIL at each of its calls into
        Python: the window's paint of the progress panel goes first (at 2,000 components it
        was otherwise held 50-75 ms).
        """
        self.cancel()
        self._hold_collector()
        self._request = (architecture, also)
        self._submit_timer.start()
        # The UI thread is idle meanwhile: it reads the icons (one a turn) the items will need.
        self._icons = sorted({icon_or_fallback(component.icon) for component in architecture.components})
        self._icon_timer.start()

    def _submit(self) -> None:
        if self._request is not None:
            architecture, also = self._request
            self._request = None
            self._job = self.service.submit(
                architecture, self._job_done.emit, self._job_progress.emit, also=also, save_later=True
            )

    def _save(self) -> None:
        while self._unsaved:
            self.service.save(self._unsaved.pop())

    def _read_icon(self) -> None:
        if self._icons and self._scene is None:
            read_icon(self._icons.pop())
            self._icon_timer.start()

    def cancel(self) -> None:
        """Drops the current request; its Graphviz process (if any) is stopped."""
        if self._job is not None:
            self._job.cancel()
            self.service.save(self._job)  # laid out already: kept for next time
        self._job = None
        self._save()
        self._request = None
        self._submit_timer.stop()
        self._icons = []
        self._timer.stop()
        if self._scene is not None:
            self._scene.deleteLater()
        self._scene = None
        self._steps = None
        self._release_collector()

    def _hold_collector(self) -> None:
        """No garbage collection, in any thread, from the request until its scene is made.

        Laying out and drawing 2,000 components makes hundreds of thousands of objects that
        live on; a collection among them held the UI thread 40-90 ms, in whichever thread it
        ran. Once made they are frozen out of the collector's sight (see :meth:`_build_slice`).
        """
        if self._paused is None:
            self._paused = contextlib.ExitStack()
            self._paused.enter_context(collector_paused())

    def _release_collector(self) -> None:
        if self._paused is not None:
            self._paused.close()
            self._paused = None

    def _on_job_progress(self, job: LayoutJob, message: str) -> None:
        if job is self._job:
            self.progress.emit(job.architecture.id, message, 0, 0)

    def _on_job_done(self, job: LayoutJob) -> None:
        if job is not self._job:
            return  # stale: a newer request replaced it
        if job.layout is None:
            self._job = None
            self._release_collector()
            self.failed.emit(job.architecture.id, job.error or "The layout failed.")
            return
        self._start_building(job)

    def _start_building(self, job: LayoutJob) -> None:
        assert job.layout is not None
        self._scene = DiagramScene(job.architecture, job.layout, build=False)
        _activate_while_empty(self._scene)
        self._steps = self._scene.build_steps(batch=1)
        self._timer.start()

    def _build_slice(self) -> None:
        """One turn's worth of items; once all are made, the next turn hands the scene over."""
        job, scene, steps = self._job, self._scene, self._steps
        if job is None or scene is None:
            return
        if steps is None:
            # Handed over on a turn of its own: showing it (and its first paint) is work enough.
            self._job, self._scene = None, None
            self.ready.emit(scene)
            _end_early_activation(scene)
            self._unsaved.append(job)
            self._save_timer.start()
            return
        total = scene.item_count()
        deadline = time.perf_counter() + SLICE_SECONDS
        done = 0
        finished = False
        while time.perf_counter() < deadline:
            done = next(steps, -1)
            if done < 0:
                finished = True
                break
            if done >= total:
                break  # the finishing steps (reading order, bounds, index) take a turn each
        if finished:
            first_view.prepare(scene)  # one more turn's work, so showing it has less to do
            keep_out_of_collections()
            self._release_collector()
            self._steps = None
        else:
            self.progress.emit(job.architecture.id, "Drawing the diagram…", done, total)
        self._timer.start()


# A view that shows a scene in an active window activates it (``QEvent.WindowActivate``), and a
# scene's first activation visits every item: 5-17 ms at 1,000 components, in the turn that shows
# it. Activated while it is still empty, the scene has nothing to visit; once it is shown, that
# early activation is taken back (the view's own keeps it active, and a second one visits nothing).


def _activate_while_empty(scene: DiagramScene) -> None:
    QCoreApplication.sendEvent(scene, QEvent(QEvent.Type.WindowActivate))


def _end_early_activation(scene: DiagramScene) -> None:
    """After the hand-over: the scene is as active as its view made it (inactive if none showed it)."""
    QCoreApplication.sendEvent(scene, QEvent(QEvent.Type.WindowDeactivate))
