"""models/ must stay pure Python: importable with Qt, graphviz and diagrams unavailable."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

BLOCKER = textwrap.dedent(
    """
    import importlib.abc, importlib.machinery, sys

    class Refuse(importlib.abc.Loader):
        def create_module(self, spec):
            raise ImportError(f"blocked import of {spec.name}")

        def exec_module(self, module):
            raise ImportError("blocked")

    class Block(importlib.abc.MetaPathFinder):
        # Finding is allowed (models.icons locates diagrams' icon folder without
        # importing it); importing is refused.
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in ("PySide6", "shiboken6", "graphviz", "diagrams"):
                return importlib.machinery.ModuleSpec(name, Refuse())
            return None

    sys.meta_path.insert(0, Block())
    import pkgutil, models
    for info in pkgutil.walk_packages(models.__path__, "models."):
        __import__(info.name)
    from models.catalog import load_catalog
    from models.notes import NotesLibrary, load_builtin_notes
    result = load_catalog()
    library = NotesLibrary(load_builtin_notes())
    assert result.architectures and not result.errors, result.errors
    for architecture in result.architectures:
        for component in architecture.components:
            assert library.excerpts_for(architecture, component.id), component.id
    print("pure", len(result.architectures))
    """
)


def test_models_import_and_work_without_qt_graphviz_or_diagrams() -> None:
    completed = subprocess.run(
        [sys.executable, "-c", BLOCKER], cwd=ROOT, capture_output=True, text=True, timeout=60, check=False
    )
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.startswith("pure 5")
