"""The main window: architecture list, diagram, notes panel, toolbar, menus and status bar."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QMoveEvent
from PySide6.QtWidgets import QWidget

from explorer.app_state import AppState
from explorer.diagram.loading import SYNC_MAX_COMPONENTS, LoadingPanel, SceneLoader
from explorer.diagram.qt_values import escape
from explorer.diagram.scene import DiagramScene
from explorer.diagram.view import DiagramView
from explorer.layout.service import LayoutService
from explorer.navigation import History, Place
from explorer.settings import AppSettings
from explorer.sources import Sources
from explorer.ui import main_window_actions, main_window_parts, main_window_shape
from explorer.ui.action_registry import REVISION_ACTIONS, WALKTHROUGH_ACTIONS, lazy_handlers
from explorer.ui.after_first_paint import AfterFirstPaint
from explorer.ui.architecture_list import ArchitectureList
from explorer.ui.notes_panel import LARGE_ARCHITECTURE
from explorer.ui.search_box import SearchBox
from explorer.ui.user_content import UserContent
from explorer.ui.window_api import ExplorerWindow
from explorer.ui.window_modes import WindowModes
from models.architecture import Architecture
from models.errors import ModelError

if TYPE_CHECKING:
    from datetime import datetime

    # Revision, walkthroughs, export and drafting are imported later: the first paint needs none.
    from explorer.ui.revision import RevisionController
    from explorer.ui.walkthrough import WalkthroughController


class MainWindow(ExplorerWindow):
    """Wires the list, the diagram and the notes panel together; owns navigation.

    Signals:
        fully_built(): a ``paint_first`` start has built what its first frame left out.
    """

    fully_built = Signal()

    def __init__(
        self,
        sources: Sources,
        settings: AppSettings,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], datetime] | None = None,
        remember: bool = True,
        paint_first: bool = False,
    ):
        """``remember=False`` (a screenshot) neither restores nor saves the window, zoom or architecture.

        ``paint_first`` (the app's start) paints the window (its final shape, menus and
        shortcuts) and diagram first, then builds the rest (:mod:`explorer.ui.after_first_paint`).
        """
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle("Architecture Explorer")
        self.sources = sources
        self.settings = settings
        self.remember = remember
        self.layouts = LayoutService()
        self.state = AppState()
        self.state.observe(self._on_state_changed)
        self._scenes: dict[str, DiagramScene] = {}
        self._navigating = False
        # What to select, and whether it is a history step, once a large diagram is ready.
        self._pending_select: str | None = None
        self._pending_navigating = False

        self.architecture_list = ArchitectureList(sources.architectures.values(), self)
        self.architecture_list.follow(self.state)
        self.diagram_view = DiagramView(self)
        self.diagram_message = main_window_parts.diagram_message_label(self)
        self.loading_panel = LoadingPanel(self)
        self.diagram_stack = main_window_parts.stack(
            self, self.diagram_view, self.diagram_message, self.loading_panel
        )
        self.scene_loader = SceneLoader(self.layouts, self)
        self.scene_loader.progress.connect(self._on_load_progress)
        self.scene_loader.ready.connect(self._on_scene_ready)
        self.scene_loader.failed.connect(self._on_load_failed)
        self.splitter = main_window_parts.main_splitter(self, self.architecture_list, self.diagram_stack)
        self.setCentralWidget(self.splitter)

        self.notes_panel = main_window_parts.notes_dock(self)
        self.status_line = main_window_parts.status_line(self)
        self.search_box = SearchBox((), self)  # its suggestions: see _finish
        self.user_content = UserContent(self, later=paint_first)
        self.modes = WindowModes(self, clock)
        self._later: AfterFirstPaint | None = None
        self._build_actions()
        self.setAcceptDrops(True)
        self.setMinimumSize(QSize(720, 480))

        self.architecture_list.architecture_chosen.connect(self.show_architecture)
        self.search_box.found.connect(self.go_to)
        self.notes_panel.status_message.connect(self.show_status)
        self.diagram_view.zoom_changed.connect(self._remember_zoom)
        self.start_maximized = self._restore_shape()  # a first run, or it was left maximised
        self._update_navigation_actions()
        if paint_first:
            self.notes_panel.hold()
            self._later = AfterFirstPaint(self, self.modes, self.user_content, self.layouts.run)
            self._later.built.connect(self.fully_built)
            main_window_parts.after_first_paint(self.diagram_stack, self._later.start)
        else:
            self.search_box.set_architectures(sources.architectures.values())
            _ = self.walkthroughs, self.revision

    @property
    def walkthroughs(self) -> WalkthroughController:
        return self.modes.walkthroughs

    @property
    def revision(self) -> RevisionController:
        return self.modes.revision

    # Public operations -----------------------------------------------------

    @property
    def history(self) -> History:
        return self.state.history

    @property
    def scene(self) -> DiagramScene | None:
        return self._scenes.get(self.current_id) if self.current_id else None

    def show_architecture(self, architecture_id: str, element_id: str | None = None) -> bool:
        """Show an architecture (and select ``element_id`` in it); False for an unknown id."""
        architecture = self.sources.architectures.get(architecture_id)
        if architecture is None:
            return False
        switching = architecture_id != self.current_id
        self.state.show(architecture_id)
        scene = self._scene_for(architecture) if switching or self.scene is None else self.scene
        if scene is None:
            if self._loading(architecture):
                # Selected and recorded in the history when the diagram is ready.
                self._pending_select = element_id
                self._pending_navigating = self._navigating
            else:
                self._record_place(architecture_id, None)
            self._update_status()
            return True
        self._present(architecture, scene, element_id, switching)
        return True

    def _present(
        self, architecture: Architecture, scene: DiagramScene, element_id: str | None, switching: bool
    ) -> None:
        architecture_id = architecture.id
        if self.remember:  # only once it drew: one that crashes while drawing is not reopened at start
            self.settings.set_last_architecture(architecture_id)
        shown = self.diagram_view.scene() is scene and self.diagram_stack.currentWidget() is self.diagram_view
        if switching or not shown:
            self.diagram_stack.setCurrentWidget(self.diagram_view)
            zoom = self.settings.zoom(architecture_id) if self.remember else None
            self.diagram_view.set_diagram(scene, zoom)
        if element_id is not None and architecture.has_element(element_id):
            scene.select_element(element_id)  # emits element_selected → _on_element_selected
            self.diagram_view.center_on_element(element_id)
        elif switching:
            scene.select_element(None, emit=False)
            self._on_selection_cleared()
        if switching:
            self.user_content.update_markers()
            self.architecture_shown.emit(architecture_id)

    def go_to(self, architecture_id: str, element_id: str) -> None:
        """Jump to a component anywhere (used by search)."""
        self.show_architecture(architecture_id, element_id)
        self.diagram_view.setFocus()

    def select_element(self, element_id: str | None) -> None:
        if self.scene is not None:
            self.scene.select_element(element_id)

    def apply_architectures(self, architectures: list[Architecture], errors: list[ModelError]) -> None:
        """Take a reloaded set of architectures; the current one is redrawn if it changed."""
        self.sources = self.sources.with_architectures(architectures, errors)
        self.architecture_list.set_architectures(architectures)
        self.search_box.set_architectures(architectures)
        for architecture_id in list(self._scenes):
            if self._scenes[architecture_id].architecture != self.sources.architectures.get(architecture_id):
                del self._scenes[architecture_id]
        current = self.current_id
        self.state.show(None)
        if current is not None and current in self.sources.architectures:
            self.show_architecture(current)
        elif architectures:
            self.show_architecture(architectures[0].id)
        for error in errors:
            self.show_status(error.message)

    def go_back(self) -> None:
        self._navigate(self.state.back())

    def go_forward(self) -> None:
        self._navigate(self.state.forward())

    def step_architecture(self, step: int) -> None:
        ids = self.architecture_list.ids()
        if not ids:
            return
        index = ids.index(self.current_id) if self.current_id in ids else 0
        self.show_architecture(ids[(index + step) % len(ids)])

    # Internals -------------------------------------------------------------

    def _scene_for(self, architecture: Architecture) -> DiagramScene | None:
        """The scene at once when it is kept, or small with a cached layout; else None while it loads.

        Graphviz never runs on the UI thread: a small model whose layout a cache holds is
        drawn on the spot; any other is laid out (and a large one drawn) in the background,
        behind a progress panel (:meth:`_on_scene_ready` ends it).
        """
        scene = self._scenes.get(architecture.id)
        if scene is not None and scene.architecture == architecture:
            self.scene_loader.cancel()
            return scene
        if self._loading(architecture):
            return None
        self.scene_loader.cancel()
        small = len(architecture.components) <= SYNC_MAX_COMPONENTS
        layout = self.layouts.cached(architecture) if small else None
        if layout is None:
            self._load_in_background(architecture)
            return None
        return self._keep_scene(DiagramScene(architecture, layout))  # no Qt parent: freed when dropped

    def _load_in_background(self, architecture: Architecture) -> None:
        self.loading_panel.start(architecture.title)
        self.diagram_stack.setCurrentWidget(self.loading_panel)
        notes = self.sources.notes_once  # the library itself is made in the worker if not yet
        # Matching the notes to a model's names takes as long as drawing it: not here. The notes
        # panel matches a large model's in the background already (twice at once doubled the work).
        large = len(architecture.components) > LARGE_ARCHITECTURE
        summary = notes if large else lambda: notes().summary_for(architecture)
        self.scene_loader.load(architecture, also=summary)

    def _loading(self, architecture: Architecture) -> bool:
        pending = self.scene_loader.pending()
        return pending is not None and pending.id == architecture.id and pending == architecture

    def _keep_scene(self, scene: DiagramScene) -> DiagramScene:
        scene.element_selected.connect(self._on_element_selected)
        scene.selection_cleared.connect(self._on_selection_cleared)
        self._scenes[scene.architecture.id] = scene
        return scene

    def _show_diagram_error(self, message: str) -> None:
        # Graphviz's words (and the file names in them) are text, never markup.
        self.diagram_message.setText(f"<h3>The diagram cannot be drawn</h3><p>{escape(message)}</p>")
        self.diagram_stack.setCurrentWidget(self.diagram_message)

    def _on_load_progress(self, architecture_id: str, message: str, done: int, total: int) -> None:
        if architecture_id == self.current_id:
            self.loading_panel.show_progress(message, done, total)

    def _on_scene_ready(self, scene: DiagramScene) -> None:
        architecture = scene.architecture
        self._keep_scene(scene)
        if architecture.id != self.current_id or architecture != self.architecture:
            return
        navigating, self._navigating = self._navigating, self._pending_navigating
        try:
            self._present(architecture, scene, self._pending_select, switching=True)
        finally:
            self._navigating = navigating
            self._pending_select = None
            self._pending_navigating = False
        self._update_status()

    def _on_load_failed(self, architecture_id: str, message: str) -> None:
        architecture = self.architecture
        if architecture is not None and architecture_id == architecture.id:
            self._show_diagram_error(message)
            self._record_place(architecture_id, None)

    def _on_element_selected(self, element_id: str) -> None:
        architecture = self.architecture
        if architecture is None:
            return
        self._record_place(architecture.id, element_id)
        self._update_status()

    def _on_selection_cleared(self) -> None:
        architecture = self.architecture
        if architecture is None:
            return
        self._record_place(architecture.id, None)
        self._update_status()

    def _record_place(self, architecture_id: str, element_id: str | None) -> None:
        self.state.select(element_id)
        if not self._navigating:
            self.state.visit(Place(architecture_id, element_id))

    def _navigate(self, place: Place | None) -> None:
        if place is None:
            return
        self._navigating = True
        try:
            self.show_architecture(place.architecture_id)
            if self.scene is not None:
                self.scene.select_element(place.element_id)
                if place.element_id is not None:
                    self.diagram_view.center_on_element(place.element_id)
            elif self.scene_loader.pending() is not None:
                self._pending_select = place.element_id
        finally:
            self._navigating = False
        self._update_navigation_actions()

    def _on_state_changed(self, what: str) -> None:
        if what == "history":
            self._update_navigation_actions()

    def _update_navigation_actions(self) -> None:
        self.actions_by_name["back"].setEnabled(self.history.can_go_back())
        self.actions_by_name["forward"].setEnabled(self.history.can_go_forward())

    def _build_actions(self) -> None:
        """The actions of :mod:`explorer.ui.action_registry`, with what each does here."""
        handlers = {
            **main_window_actions.standard_handlers(self, self.user_content),
            "back": self.go_back,
            "forward": self.go_forward,
            "next_architecture": lambda: self.step_architecture(1),
            "previous_architecture": lambda: self.step_architecture(-1),
            "toggle_list": lambda: main_window_shape.toggle_list(self.splitter),
            **lazy_handlers(REVISION_ACTIONS, lambda: self.revision.handlers()),
            **lazy_handlers(WALKTHROUGH_ACTIONS, lambda: self.walkthroughs.handlers()),
        }
        actions, self.menus, self.toolbar = main_window_actions.assemble(
            self, handlers, self.notes_panel, self.search_box
        )
        self.modes.actions = actions
        self.actions_by_name = main_window_actions.listed(actions)

    def _update_status(self) -> None:
        if self.architecture is not None:
            self.status_line.setText(main_window_parts.status_text(self.architecture, self.scene))

    def _remember_zoom(self, _zoom: float) -> None:
        if self.remember and self.current_id is not None and self.diagram_view.remembers_zoom():
            self.settings.set_zoom(self.current_id, self.diagram_view.relative_zoom())

    def _restore_shape(self) -> bool:
        saved = self.settings.window_shape() if self.remember else None
        available = self.screen().availableGeometry()
        maximized = main_window_shape.restore(self, self.splitter, self.notes_panel, saved, available)
        # Only a saved normal shape is fitted to its frame (a screenshot's size is fixed).
        self._frame_fitted = saved is None or maximized
        return maximized

    def save_state(self) -> None:
        if self.remember:
            self.settings.save_window_shape(main_window_shape.capture(self, self.splitter, self.notes_panel))
            if self.settings.drawing():
                self.settings.set_drawing("")  # closed, not crashed: the start's crash mark goes
            self.settings.sync()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt's name)
        main_window_parts.accept_drag(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt's name)
        main_window_parts.drop(self, self.user_content, event)

    def moveEvent(self, event: QMoveEvent) -> None:  # noqa: N802 (Qt's name)
        super().moveEvent(event)
        # The window manager's frame arrives as a move: fitted onto the screen once.
        if not self._frame_fitted:
            self._frame_fitted = main_window_shape.fit_frame(self)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        self.save_state()
        if self._later is not None:
            self._later.cancel()
        self.user_content.shutdown()
        self.scene_loader.cancel()
        self.layouts.shutdown()
        super().closeEvent(event)
