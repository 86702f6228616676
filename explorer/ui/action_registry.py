"""Every action of the window declared as data, and the menus and toolbar that hold them.

:data:`ACTIONS` names each action once (text, shortcuts, tip, icon); :data:`MENUS`
and :data:`TOOLBAR` say where they go. :func:`build_actions` makes them all with
one factory and connects each to its handler, which the window supplies by name,
so no helper module reaches into the window to add actions or menus of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QSizePolicy, QToolBar, QWidget

from explorer.ui.arrow_icons import ARROWS, arrow_icon
from models.records import frozen_record, set_field

Keys = QKeySequence.StandardKey


@frozen_record
class ActionSpec:
    """One action: ``name`` is how handlers, menus and tests refer to it."""

    name: str
    text: str
    shortcuts: tuple[QKeySequence.StandardKey | str, ...] = ()
    tip: str = ""
    icon: str | None = None
    """One of :data:`explorer.ui.arrow_icons.ARROWS` (the toolbar's drawn arrows), or None."""
    checkable: bool = False
    listed: bool = True
    """Shown in the keyboard shortcuts list and ``actions_by_name``."""
    enabled: bool = True
    """False: off until what handles it turns it on (a walkthrough's step keys, until one runs)."""

    def __init__(
        self,
        name: str,
        text: str,
        shortcuts: tuple[QKeySequence.StandardKey | str, ...] = (),
        tip: str = "",
        icon: str | None = None,
        checkable: bool = False,
        listed: bool = True,
        enabled: bool = True,
    ) -> None:
        set_field(self, "name", name)
        set_field(self, "text", text)
        set_field(self, "shortcuts", shortcuts)
        set_field(self, "tip", tip)
        set_field(self, "icon", icon)
        set_field(self, "checkable", checkable)
        set_field(self, "listed", listed)
        set_field(self, "enabled", enabled)


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("quit", "&Quit", (Keys.Quit, "Ctrl+Q")),
    ActionSpec("export", "&Export…", ("Ctrl+E",), "Export the diagram as PNG, SVG or PDF"),
    ActionSpec(
        "export_png",
        "Export &PNG",
        ("Ctrl+Shift+E",),
        "Export the diagram as PNG with the last export settings",
    ),
    ActionSpec(
        "copy_diagram",
        "&Copy diagram as image",
        ("Ctrl+Shift+C",),
        "Copy the diagram to the clipboard as an image",
    ),
    ActionSpec("export_all", "Export &all architectures…", (), "Export every architecture into a folder"),
    ActionSpec("open_notes", "&Open notes…", (Keys.Open, "Ctrl+O"), "Open a Markdown note of your own"),
    ActionSpec(
        "open_notes_folder",
        "Open notes &folder…",
        ("Ctrl+Shift+O",),
        "Open a folder of notes, such as an Obsidian vault",
    ),
    ActionSpec("notes_sources", "Notes &sources…", (), "The notes you opened"),
    ActionSpec(
        "draft_from_note",
        "&New architecture from note…",
        (Keys.New, "Ctrl+N"),
        "Draft a diagram from one of your notes, edit it and save it",
    ),
    ActionSpec("problems", "&Problems…", (), "Files that could not be read"),
    ActionSpec("zoom_in", "Zoom &in", (Keys.ZoomIn, "Ctrl+="), "Zoom in"),
    ActionSpec("zoom_out", "Zoom &out", (Keys.ZoomOut,), "Zoom out"),
    ActionSpec("fit", "&Fit diagram", ("Ctrl+0",), "Fit the whole diagram"),
    ActionSpec("actual_size", "&Actual size", ("Ctrl+1",)),
    ActionSpec("zoom_selection", "Zoom to &selection", ("Ctrl+2",), "Zoom to the selection"),
    ActionSpec("find", "&Find component…", (Keys.Find,), "Search components"),
    ActionSpec("back", "&Back", (Keys.Back, "Alt+Left"), "Go back", "back"),
    ActionSpec("forward", "&Forward", (Keys.Forward, "Alt+Right"), "Go forward", "forward"),
    ActionSpec("clear_selection", "&Clear selection"),
    ActionSpec("next_architecture", "&Next architecture", ("Ctrl+PgDown",)),
    ActionSpec("previous_architecture", "&Previous architecture", ("Ctrl+PgUp",)),
    ActionSpec("shortcuts", "&Keyboard shortcuts", (Keys.HelpContents, "F1")),
    ActionSpec("about", "&About Architecture Explorer"),
    ActionSpec("toggle_list", "&Architecture list", ("Ctrl+Shift+L",), "Show or hide the architecture list"),
    ActionSpec("revise", "&Revise", ("Ctrl+R",), "Quiz yourself on this diagram"),
    ActionSpec("revise_due", "Revise &due", ("Ctrl+Shift+R",), "Revise every card due today"),
    ActionSpec(
        "walkthrough_quiz",
        "&Quiz this walkthrough",
        ("Ctrl+Shift+W",),
        "What happens next, and the steps in order: one walkthrough as a revision card",
    ),
    ActionSpec("compare", "&Compare…", ("Ctrl+Shift+D",), "Two architectures side by side"),
    ActionSpec("reset_progress", "Re&set progress…", (), "Forget every schedule"),
    ActionSpec("export_progress", "E&xport progress…", (), "Save progress as JSON"),
    ActionSpec("import_progress", "&Import progress…", (), "Merge progress from JSON"),
    ActionSpec("hide_icons", "&Hide icons too (harder)", checkable=True, listed=False),
    ActionSpec(
        "walkthrough_start", "&Start walkthrough", ("F5",), "Step through what happens on this diagram"
    ),
    # Off until a walkthrough runs: their keys are the diagram's the rest of the time.
    ActionSpec(
        "walkthrough_next",
        "&Next step",
        ("Right", "Space"),
        "The next step of the walkthrough",
        enabled=False,
    ),
    ActionSpec("walkthrough_previous", "&Previous step", ("Left",), "The step before", enabled=False),
    ActionSpec("walkthrough_leave", "&Leave walkthrough", ("Esc",), "Back to exploring", enabled=False),
)

SEPARATOR = ""
TOGGLE_NOTES = "toggle_notes"
"""The notes dock's own toggle action (Qt makes it), placed like any other."""

MENUS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (
        "file",
        "&File",
        ("draft_from_note", SEPARATOR, "open_notes", "open_notes_folder", "notes_sources", "problems",
         SEPARATOR,
         "export", "export_png", "copy_diagram", "export_all", SEPARATOR, "quit"),
    ),
    (
        "view",
        "&View",
        ("zoom_in", "zoom_out", "fit", "actual_size", "zoom_selection", SEPARATOR, "toggle_list",
         TOGGLE_NOTES, SEPARATOR, "revise", "compare"),
    ),
    ("go", "&Go", ("back", "forward", "clear_selection", "next_architecture", "previous_architecture",
                   "find")),
    ("walkthrough", "&Walkthrough", ("walkthrough_start", "walkthrough_previous", "walkthrough_next",
                                     "walkthrough_leave", "walkthrough_quiz", SEPARATOR)),
    (
        "revise",
        "&Revise",
        ("revise", "revise_due", "walkthrough_quiz", "hide_icons", SEPARATOR, "compare", SEPARATOR,
         "export_progress", "import_progress", "reset_progress", SEPARATOR),
    ),
    ("help", "&Help", ("shortcuts", "about")),
)  # fmt: skip
"""Each menu's key, title and actions in order ("" is a separator)."""

REVISION_ACTIONS = (
    "revise", "revise_due", "walkthrough_quiz", "compare", "reset_progress", "export_progress",
    "import_progress", "hide_icons",
)  # fmt: skip
"""The actions revision mode handles (:func:`lazy_handlers` builds it on their first use)."""

WALKTHROUGH_ACTIONS = ("walkthrough_start", "walkthrough_next", "walkthrough_previous", "walkthrough_leave")
"""The actions walkthrough mode handles (built just after the first paint, or on their first use)."""

TOOLBAR = ("back", "forward", SEPARATOR, "zoom_out", "zoom_in", "fit", "zoom_selection")
"""The toolbar's actions; the search box follows them, on the right."""


def make_action(
    parent: QWidget, spec: ActionSpec, handler: Callable[[], object] | Callable[[bool], object]
) -> QAction:
    """The one action factory: text, shortcuts (without repeats), tips, icon and handler."""
    action = QAction(spec.text, parent)
    unique: dict[str, QKeySequence] = {}
    for key in spec.shortcuts:
        sequence = QKeySequence(key)
        if not sequence.isEmpty():
            unique.setdefault(sequence.toString(), sequence)
    action.setShortcuts(list(unique.values()))
    if spec.tip:
        action.setStatusTip(spec.tip)
        action.setToolTip(spec.tip)
    if spec.icon is not None:
        action.setIcon(arrow_icon(ARROWS[spec.icon]))
    if not spec.enabled:
        action.setEnabled(False)
    if spec.checkable:
        action.setCheckable(True)
        action.toggled.connect(handler)
    else:
        action.triggered.connect(lambda _checked=False: handler())  # type: ignore[call-arg]
    return action


def lazy_handlers(
    names: tuple[str, ...], resolve: Callable[[], Mapping[str, Callable[..., object]]]
) -> dict[str, Callable[..., object]]:
    """Handlers for ``names`` that look up the real ones with ``resolve`` only when triggered,
    so what handles them (and its imports) is built on first use, not at start-up."""

    def handler(name: str) -> Callable[..., object]:
        return lambda *args: resolve()[name](*args)

    return {name: handler(name) for name in names}


def build_actions(window: QMainWindow, handlers: Mapping[str, Callable[..., object]]) -> dict[str, QAction]:
    """Every action of :data:`ACTIONS`, added to ``window`` so their shortcuts work anywhere in it."""
    actions = {spec.name: make_action(window, spec, handlers[spec.name]) for spec in ACTIONS}
    window.addActions(list(actions.values()))
    return actions


def build_menus(window: QMainWindow, actions: Mapping[str, QAction]) -> dict[str, QMenu]:
    """The menu bar from :data:`MENUS`; returns the menus by key."""
    menus = {}
    for key, title, names in MENUS:
        menu = window.menuBar().addMenu(title)
        menu.setObjectName(f"{key}Menu")
        for name in names:
            if name == SEPARATOR:
                menu.addSeparator()
            else:
                menu.addAction(actions[name])
        menus[key] = menu
    return menus


def build_toolbar(window: QMainWindow, actions: Mapping[str, QAction], search_box: QWidget) -> QToolBar:
    toolbar = QToolBar("Main toolbar", window)
    toolbar.setObjectName("mainToolbar")
    toolbar.setMovable(False)
    for name in TOOLBAR:
        if name == SEPARATOR:
            toolbar.addSeparator()
        else:
            toolbar.addAction(actions[name])
    spacer = QWidget(toolbar)
    spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    toolbar.addWidget(spacer)
    search_box.setMaximumWidth(360)
    toolbar.addWidget(search_box)
    window.addToolBar(toolbar)
    return toolbar
