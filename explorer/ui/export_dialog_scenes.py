"""The export dialog's scenes: made once per set of options and kept, laid out off the UI thread.

A scene whose layouts are all in the layout service's caches (or that needs none, like
the window's own layout at 1×) is made at once. Otherwise :func:`prepare` (up to
about ten Graphviz runs for an automatic slide text size, or one for a focus view) runs
in the layout service's worker; asking for other options cancels it, killing its ``dot``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from explorer.diagram.scene import DiagramScene
from explorer.export.options import ExportOptions
from explorer.export.prepare import Prepared, prepare
from explorer.export.render import create_scene
from explorer.layout.geometry import Layout
from explorer.layout.options import LayoutOptions
from explorer.layout.service import LayoutService, WorkJob
from models.architecture import Architecture

SceneKey = tuple[object, ...]


class _NotCached(Exception):
    """A layout the preparation needs is in no cache: it is made in the worker instead."""


class ExportScenes(QObject):
    """Export scenes by options; :meth:`get` answers None while the worker lays one out.

    Signals:
        ready(): a scene asked for earlier is made (ask again).
        failed(str): why the scene asked for cannot be drawn.
    """

    ready = Signal()
    failed = Signal(str)
    # Emitted from the layout worker; Qt queues it to this object's (the UI) thread.
    _prepared = Signal(object)

    def __init__(
        self,
        architecture: Architecture,
        layout: Layout,
        layouts: LayoutService | None,
        parent: QObject | None = None,
    ) -> None:
        """Without ``layouts`` every scene is drawn on ``layout`` (no larger text, no focus)."""
        super().__init__(parent)
        self.architecture = architecture
        self.layout = layout
        self.layouts = layouts
        self._scenes: dict[SceneKey, tuple[DiagramScene, ExportOptions]] = {}
        self._job: WorkJob[Prepared] | None = None
        self._job_key: SceneKey | None = None
        self._prepared.connect(self._on_prepared)

    @property
    def laying_out(self) -> bool:
        """True while the worker lays out a scene asked for."""
        return self._job is not None

    def get(self, options: ExportOptions) -> tuple[DiagramScene, ExportOptions] | None:
        """The scene for ``options`` and the options with its text size settled; None while laid out."""
        key = _key(options)
        if key in self._scenes:
            self.cancel()
            return self._scenes[key]
        if key == self._job_key:
            return None
        self.cancel()
        try:
            prepared = prepare(self.architecture, options, self._layout_from_cache, self.layout)
        except _NotCached:
            assert self.layouts is not None
            self._job_key = key
            self._job = self.layouts.run(self._work(self.layouts, options), self._prepared.emit)
            return None
        return self._keep(key, prepared)

    def cancel(self) -> None:
        """Drops the layout being made, if any (its Graphviz process is stopped)."""
        if self._job is not None:
            self._job.cancel()
        self._job, self._job_key = None, None

    def _layout_from_cache(self, model: Architecture, options: LayoutOptions) -> Layout:
        if self.layouts is None:
            return self.layout
        layout = self.layouts.cached(model, options)
        if layout is None:
            raise _NotCached
        return layout

    def _work(self, layouts: LayoutService, options: ExportOptions) -> Callable[[threading.Event], Prepared]:
        architecture, layout = self.architecture, self.layout

        def work(cancel: threading.Event) -> Prepared:
            def layout_with(model: Architecture, chosen: LayoutOptions) -> Layout:
                return layouts.layout_for(model, options=chosen, cancel=cancel)

            return prepare(architecture, options, layout_with, layout)

        return work

    def _on_prepared(self, job: WorkJob[Prepared]) -> None:
        if job is not self._job or self._job_key is None:
            return  # stale: other options were asked for since
        key = self._job_key
        self._job, self._job_key = None, None
        if job.result is None:
            self.failed.emit(job.error or "The layout failed.")
            return
        self._keep(key, job.result)
        self.ready.emit()

    def _keep(self, key: SceneKey, prepared: Prepared) -> tuple[DiagramScene, ExportOptions]:
        scene = create_scene(prepared.architecture, prepared.layout, prepared.options)
        self._scenes[key] = (scene, prepared.options)
        return self._scenes[key]


def _key(options: ExportOptions) -> SceneKey:
    return (
        options.background == "dark",
        options.text_scale,
        options.slide if options.text_scale is None else None,
        options.focus,
        options.edge_labels,
    )
