"""The window's actions, menus and toolbar put together from the registry and the notes dock."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QToolBar, QWidget

from explorer.ui.action_registry import ACTIONS, TOGGLE_NOTES, build_actions, build_menus, build_toolbar
from explorer.ui.main_window_shape import dock_if_lost

if TYPE_CHECKING:
    from explorer.ui.drafting.launch import DraftLauncher, UserModels
    from explorer.ui.user_content import UserContent
    from explorer.ui.window_api import ExplorerWindow


def assemble(
    window: QMainWindow,
    handlers: Mapping[str, Callable[..., object]],
    notes: QDockWidget,
    search_box: QWidget,
) -> tuple[dict[str, QAction], dict[str, QMenu], QToolBar]:
    """Every action (by name), the menus and the toolbar; the dock's own toggle is Ctrl+Shift+N."""
    actions = build_actions(window, handlers)
    notes_toggle = notes.toggleViewAction()
    notes_toggle.setText("&Notes panel")
    notes_toggle.setShortcut(QKeySequence("Ctrl+Shift+N"))
    window.addAction(notes_toggle)  # its shortcut works while the panel is hidden too
    notes_toggle.toggled.connect(lambda visible: dock_if_lost(window, notes) if visible else None)
    actions[TOGGLE_NOTES] = notes_toggle
    menus = build_menus(window, actions)
    toolbar = build_toolbar(window, actions, search_box)
    return actions, menus, toolbar


def listed(actions: Mapping[str, QAction]) -> dict[str, QAction]:
    """The actions shown in the shortcuts list (and ``actions_by_name``), in the registry's order."""
    names = [spec.name for spec in ACTIONS if spec.listed]
    after_about = names.index("about") + 1
    names[after_about:after_about] = [TOGGLE_NOTES]
    return {name: actions[name] for name in names}


def export_handlers(window: ExplorerWindow) -> dict[str, Callable[[], object]]:
    """File ▸ Export's handlers; the export stack is imported when one is first used."""

    def handler(name: str) -> Callable[[], object]:
        def run() -> object:
            from explorer.ui import export_actions

            return getattr(export_actions, name)(window)

        return run

    return {
        "export": handler("export_dialog"),
        "export_png": handler("quick_export_png"),
        "copy_diagram": handler("copy_diagram"),
        "export_all": handler("export_all"),
    }


def draft_launcher(window: ExplorerWindow, content: UserModels) -> DraftLauncher:
    """The window's draft launcher; drafting is imported when it is first used."""
    from explorer.ui.drafting.launch import launcher_for

    return launcher_for(window, content)


def standard_handlers(window: ExplorerWindow, content: UserContent) -> dict[str, Callable[[], object]]:
    """What the file, view and help actions do in ``window`` (navigation and modes are the window's)."""
    view = window.diagram_view

    def find() -> None:
        window.search_box.setFocus()
        window.search_box.selectAll()

    return {
        "quit": window.close,
        **export_handlers(window),
        "open_notes": content.open_notes_file,
        "open_notes_folder": content.open_notes_folder,
        "notes_sources": content.show_sources,
        "draft_from_note": lambda: draft_launcher(window, content).choose_note(),
        "problems": content.show_problems,
        "zoom_in": view.zoom_in,
        "zoom_out": view.zoom_out,
        "fit": view.fit_diagram,
        "actual_size": lambda: view.set_zoom(1.0),
        "zoom_selection": view.zoom_to_selection,
        "find": find,
        "clear_selection": lambda: window.select_element(None),
        "shortcuts": lambda: _help_dialogs().show_shortcuts(window, window.actions_by_name.values()),
        "about": lambda: _help_dialogs().show_about(window),
    }


def _help_dialogs() -> ModuleType:
    """The Help menu's dialogs, imported when one is first shown."""
    from explorer.ui import help_dialogs

    return help_dialogs
