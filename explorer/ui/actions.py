"""The window's actions, menus and toolbar, built in one place so shortcuts stay consistent."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QSizePolicy, QStyle, QToolBar, QWidget

from explorer.ui import export_actions

if TYPE_CHECKING:
    from explorer.ui.main_window import MainWindow

Keys = QKeySequence.StandardKey


def _action(
    window: MainWindow,
    text: str,
    slot: Callable[[], object],
    shortcuts: list[QKeySequence | Keys | str] | None = None,
    tip: str = "",
    icon: QStyle.StandardPixmap | None = None,
) -> QAction:
    action = QAction(text, window)
    if shortcuts:
        action.setShortcuts([QKeySequence(key) for key in shortcuts])
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    if icon is not None:
        action.setIcon(window.style().standardIcon(icon))
    action.triggered.connect(lambda _checked=False: slot())
    return action


def build_actions(window: MainWindow) -> dict[str, QAction]:
    """Create every action, put them in the menus and toolbar, and return them by name."""
    view = window.diagram_view
    pixmap = QStyle.StandardPixmap
    actions = {
        "quit": _action(window, "&Quit", window.close, [Keys.Quit, "Ctrl+Q"]),
        "export": _action(
            window,
            "&Export…",
            lambda: export_actions.export_dialog(window),
            ["Ctrl+E"],
            "Export the diagram as PNG, SVG or PDF",
        ),
        "export_png": _action(
            window,
            "Export &PNG",
            lambda: export_actions.quick_export_png(window),
            ["Ctrl+Shift+E"],
            "Export the diagram as PNG with the last export settings",
        ),
        "copy_diagram": _action(
            window,
            "&Copy diagram as image",
            lambda: export_actions.copy_diagram(window),
            ["Ctrl+Shift+C"],
            "Copy the diagram to the clipboard as an image",
        ),
        "export_all": _action(
            window,
            "Export &all architectures…",
            lambda: export_actions.export_all(window),
            tip="Export every architecture into a folder",
        ),
        "open_notes": _action(
            window,
            "&Open notes…",
            window.user_content.open_notes_file,
            [Keys.Open, "Ctrl+O"],
            "Open a Markdown note of your own",
        ),
        "open_notes_folder": _action(
            window,
            "Open notes &folder…",
            window.user_content.open_notes_folder,
            ["Ctrl+Shift+O"],
            "Open a folder of notes, such as an Obsidian vault",
        ),
        "notes_sources": _action(
            window, "Notes &sources…", window.user_content.show_sources, tip="The notes you opened"
        ),
        "problems": _action(
            window, "&Problems…", window.user_content.show_problems, tip="Files that could not be read"
        ),
        "zoom_in": _action(window, "Zoom &in", view.zoom_in, [Keys.ZoomIn, "Ctrl+="], "Zoom in"),
        "zoom_out": _action(window, "Zoom &out", view.zoom_out, [Keys.ZoomOut], "Zoom out"),
        "fit": _action(window, "&Fit diagram", view.fit_diagram, ["Ctrl+0"], "Fit the whole diagram"),
        "actual_size": _action(window, "&Actual size", lambda: view.set_zoom(1.0), ["Ctrl+1"]),
        "zoom_selection": _action(
            window, "Zoom to &selection", view.zoom_to_selection, ["Ctrl+2"], "Zoom to the selection"
        ),
        "find": _action(window, "&Find component…", _focus_search(window), [Keys.Find], "Search components"),
        "back": _action(
            window, "&Back", window.go_back, [Keys.Back, "Alt+Left"], "Go back", pixmap.SP_ArrowBack
        ),
        "forward": _action(
            window,
            "&Forward",
            window.go_forward,
            [Keys.Forward, "Alt+Right"],
            "Go forward",
            pixmap.SP_ArrowForward,
        ),
        "clear_selection": _action(window, "&Clear selection", lambda: window.select_element(None)),
        "next_architecture": _action(
            window, "&Next architecture", lambda: window.step_architecture(1), ["Ctrl+PgDown"]
        ),
        "previous_architecture": _action(
            window, "&Previous architecture", lambda: window.step_architecture(-1), ["Ctrl+PgUp"]
        ),
        "shortcuts": _action(window, "&Keyboard shortcuts", window.show_shortcuts, [Keys.HelpContents, "F1"]),
        "about": _action(window, "&About Architecture Explorer", window.show_about),
    }
    for action in actions.values():
        _dedupe_shortcuts(action)
    window.addActions(list(actions.values()))
    notes_toggle = window.notes_panel.toggleViewAction()
    notes_toggle.setText("&Notes panel")
    notes_toggle.setShortcut(QKeySequence("Ctrl+Shift+N"))
    actions["toggle_notes"] = notes_toggle

    menu_bar = window.menuBar()
    file_menu = menu_bar.addMenu("&File")
    file_menu.setObjectName("fileMenu")
    for name in ("open_notes", "open_notes_folder", "notes_sources", "problems"):
        file_menu.addAction(actions[name])
    file_menu.addSeparator()
    for name in ("export", "export_png", "copy_diagram", "export_all"):
        file_menu.addAction(actions[name])
    file_menu.addSeparator()
    file_menu.addAction(actions["quit"])
    view_menu = menu_bar.addMenu("&View")
    view_menu.setObjectName("viewMenu")
    for name in ("zoom_in", "zoom_out", "fit", "actual_size", "zoom_selection"):
        view_menu.addAction(actions[name])
    view_menu.addSeparator()
    view_menu.addAction(notes_toggle)
    go_menu = menu_bar.addMenu("&Go")
    go_menu.setObjectName("goMenu")
    for name in ("back", "forward", "clear_selection", "next_architecture", "previous_architecture", "find"):
        go_menu.addAction(actions[name])
    help_menu = menu_bar.addMenu("&Help")
    help_menu.setObjectName("helpMenu")
    help_menu.addAction(actions["shortcuts"])
    help_menu.addAction(actions["about"])

    toolbar = QToolBar("Main toolbar", window)
    toolbar.setObjectName("mainToolbar")
    toolbar.setMovable(False)
    for name in ("back", "forward"):
        toolbar.addAction(actions[name])
    toolbar.addSeparator()
    for name in ("zoom_out", "zoom_in", "fit", "zoom_selection"):
        toolbar.addAction(actions[name])
    spacer = QWidget(toolbar)
    spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    toolbar.addWidget(spacer)
    window.search_box.setMaximumWidth(360)
    toolbar.addWidget(window.search_box)
    window.addToolBar(toolbar)
    window.menus = {"file": file_menu, "view": view_menu, "go": go_menu, "help": help_menu}
    window.toolbar = toolbar
    return actions


def _focus_search(window: MainWindow) -> Callable[[], None]:
    def focus() -> None:
        window.search_box.setFocus()
        window.search_box.selectAll()

    return focus


def _dedupe_shortcuts(action: QAction) -> None:
    """Drop repeats (a StandardKey often equals the explicit fallback) and empty sequences."""
    unique: dict[str, QKeySequence] = {}
    for sequence in action.shortcuts():
        if not sequence.isEmpty():
            unique.setdefault(sequence.toString(), sequence)
    action.setShortcuts(list(unique.values()))
