"""The window's start builds only what its first paint shows (issue 16).

Revision, walkthroughs, export, drafting, the Help dialogs, the model and note
parsers (PyYAML, markdown-it), the notes stack and, with the layout cached, the
``diagrams``/``graphviz`` packages are imported on first use or just after the first
paint; the notes panel is filled, the search suggestions made and the user's notes
watched just after it. Checked in a process of its own, whose ``sys.modules`` no
other test has filled.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

from explorer.builtin_snapshot import builtin_content
from explorer.layout.service import LayoutService
from explorer.settings import DEFAULT_ARCHITECTURE
from explorer.sources import load_sources
from tests.cli_process import ROOT, run_python

DEFERRED = (
    "explorer.ui.revision",
    "explorer.ui.walkthrough",
    "explorer.ui.help_dialogs",
    "filelock",
    "explorer.revision",
    "models.revision",
    "explorer.ui.export_actions",
    "explorer.ui.export_dialog",
    "explorer.export.batch",
    "explorer.ui.drafting.launch",
    "explorer.drafting",
    "models.drafting",
    "models.loader",
    "models.notes.parser",
    "yaml",
    "markdown_it",
    "diagrams",
    "graphviz",
    "explorer.layout.graphviz_layout",
    "explorer.layout.graphviz_run",
    "explorer.layout.dot_process",
    "subprocess",
    "models.notes.library",
    "models.notes.reading",
    "models.notes.cache",
    "explorer.user_notes",
    "explorer.ui.notes_sources_dialog",
    "datetime",
    "concurrent.futures",
    "explorer.ui.notes_html",
    "models.notes.cleaning",
    # start9b: a cached layout needs no Graphviz adapter, and the first paint no walkthrough
    "explorer.layout.compose",
    "explorer.layout.dot_json",
    "explorer.layout.labels",
    "explorer.layout.finishing",
    "_hashlib",  # OpenSSL, ~2 ms: the caches hash with BLAKE2 alone (explorer.digest)
    "models.walkthroughs",
    "platformdirs",
    # start9a: escaping without the html module
    "html",
)

SCRIPT = textwrap.dedent(
    """
    import json, sys
    from PySide6.QtCore import QEventLoop, QSettings, QTimer
    from explorer.app import create_window

    deferred = json.loads(sys.argv[1])
    settings = QSettings(sys.argv[2], QSettings.Format.IniFormat)
    window = create_window(settings=settings, remember=False, paint_first=True)
    before = [name for name in deferred if name in sys.modules]
    held = window.notes_panel.plain_text()
    suggestions = window.search_box.suggestions()
    built = []
    loop = QEventLoop()
    window.fully_built.connect(lambda: (built.append(True), loop.quit()))
    QTimer.singleShot(60_000, loop.quit)  # bounded: never hang the suite
    window.show()
    loop.exec()
    from explorer.diagram import icon_store
    from models.icons import icon_or_fallback
    def stored(architecture):
        icons = {icon_or_fallback(c.icon) for c in architecture.components}
        for _ in range(500):  # the icons are stored by a worker once shown: wait (10 s at most)
            if all(icon_store.load(icon) is not None for icon in icons):
                return True
            QTimer.singleShot(20, loop.quit)
            loop.exec()
        return False
    report = {
        "icons_stored": stored(window.architecture),
        "before": before,
        "held": held,
        "built": bool(built),
        "suggestions_before": len(suggestions),
        "suggestions_after": len(window.search_box.suggestions()),
        "after": window.notes_panel.plain_text(),
        "revision": "explorer.ui.revision" in sys.modules,
        "walkthroughs": "explorer.ui.walkthrough" in sys.modules,
        "user_notes": "explorer.user_notes" in sys.modules,
        "title": window.architecture.title,
        "due": window.revision.due_button.text(),
    }
    window.show_architecture("kubernetes")
    report["switched_icons_stored"] = stored(window.architecture)
    print(json.dumps(report))
    window.close()
    """
)


def test_start_imports_no_deferred_module_and_fills_notes_after_paint(tmp_path) -> None:
    # A later start: the built-in snapshot and the first diagram's layout are in the
    # cache folder, which the child process shares (the test run's own).
    builtin_content()
    layouts = LayoutService()
    try:
        layouts.layout_for(load_sources().architectures[DEFAULT_ARCHITECTURE])
    finally:
        layouts.shutdown()
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, json.dumps(DEFERRED), str(tmp_path / "settings.ini")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["before"] == []
    assert report["title"] in report["held"], "the architecture's title at once"
    assert "Matching the notes" in report["held"], "its notes after the first paint"
    assert "Matching the notes" not in report["after"]
    assert report["built"], "fully_built came"
    assert report["suggestions_before"] == 0
    assert report["suggestions_after"] > 0, "every component is a suggestion once built"
    assert report["title"] in report["after"]
    assert report["revision"]
    assert report["walkthroughs"]
    assert report["user_notes"], "the user's notes are watched from just after the first paint"
    assert report["due"]
    assert report["icons_stored"], "the first diagram's decoded icons are kept for the next start"
    assert report["switched_icons_stored"], "and those of the next one shown"


ORDER_SCRIPT = """
import json, sys
import explorer.start_imports
assert "PySide6" not in sys.modules, "explorer.start_imports imported PySide"
import explorer.app
names = list(sys.modules)
print(json.dumps({name: names.index(name) for name in sys.argv[1:] + ["PySide6"]}))
"""


def test_the_starts_qt_free_modules_are_imported_before_pyside() -> None:
    """PySide's import hook reads the source of modules imported after it (explorer.start_imports)."""
    qt_free = ["explorer.sources", "explorer.settings", "explorer.layout.cache", "explorer.digest", "logging"]
    result = run_python("-c", ORDER_SCRIPT, *qt_free)
    assert result.returncode == 0, result.stderr
    order = json.loads(result.stdout.strip().splitlines()[-1])
    assert [name for name in qt_free if order[name] > order["PySide6"]] == []
