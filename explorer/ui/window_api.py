"""What the window offers the modules that work on it (export, notes, revision, quizzes).

Those modules type their ``window`` argument as :class:`ExplorerWindow`, never as
the concrete ``MainWindow``: only the app entry knows that class, so no module
imports the window that imports it, and the import graph has no circles.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu

from explorer.app_state import AppState

if TYPE_CHECKING:
    from explorer.diagram.loading import SceneLoader
    from explorer.diagram.scene import DiagramScene
    from explorer.diagram.view import DiagramView
    from explorer.layout.service import LayoutService
    from explorer.settings import AppSettings
    from explorer.sources import Sources
    from explorer.ui.architecture_list import ArchitectureList
    from explorer.ui.notes_panel import NotesPanel
    from explorer.ui.search_box import SearchBox
    from models.architecture import Architecture
    from models.errors import ModelError


class ExplorerWindow(QMainWindow):
    """The main window's public surface; ``MainWindow`` fills it in.

    Signals:
        architecture_shown(str): an architecture's diagram is on screen.
    """

    architecture_shown = Signal(str)

    sources: Sources
    settings: AppSettings
    layouts: LayoutService
    scene_loader: SceneLoader
    state: AppState
    architecture_list: ArchitectureList
    diagram_view: DiagramView
    notes_panel: NotesPanel
    search_box: SearchBox
    actions_by_name: dict[str, QAction]
    menus: dict[str, QMenu]

    @property
    def current_id(self) -> str | None:
        return self.state.architecture_id

    @property
    def architecture(self) -> Architecture | None:
        return self.sources.architectures.get(self.current_id) if self.current_id else None

    @property
    def scene(self) -> DiagramScene | None:
        raise NotImplementedError

    def show_architecture(self, architecture_id: str, element_id: str | None = None) -> bool:
        raise NotImplementedError

    def select_element(self, element_id: str | None) -> None:
        raise NotImplementedError

    def apply_architectures(self, architectures: list[Architecture], errors: list[ModelError]) -> None:
        raise NotImplementedError

    def show_status(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)
