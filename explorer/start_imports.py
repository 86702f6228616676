"""The Qt-free modules of the window's start, imported before PySide (by :mod:`explorer.app`).

Once PySide is loaded, its import hook reads the whole source of each module an
import statement hands back, the first time, to find out whether it uses PySide
(``shibokensupport/feature.py``). Modules imported before PySide and not named
again by an import statement run after it are never read: here that is most of
the standard library and model code behind the sources, the settings, the layout
cache and the log (json, logging, inspect …): 20 of the 98 sources it read before
the first paint, 1-2 ms. Nothing here may import PySide (a test checks).
"""

# ruff: noqa: F401 (each is imported for the side effect described above)
from __future__ import annotations

import explorer.builtin_snapshot
import explorer.layout.service
import explorer.logs
import explorer.prebuilt
import explorer.settings
import explorer.snapshot_codec
import explorer.sources
import explorer.start_guard
import models.icons
