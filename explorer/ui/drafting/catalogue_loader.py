"""Loads the icon catalogue off the UI thread (building it the first time takes 1.5–3 s)."""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, Signal

from explorer.drafting.icon_source import icon_catalogue
from models.drafting import Catalogue

logger = logging.getLogger(__name__)


class CatalogueLoader(QObject):
    """Emits ``ready(Catalogue)`` once the catalogue is loaded (at once when it already is).

    Signals:
        ready(object): the :class:`Catalogue`.
        failed(str): why it could not be read.
    """

    ready = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: threading.Thread | None = None

    def load(self) -> None:
        """Start loading, unless a load is already under way; the signals arrive on this object's thread."""
        if self._thread is not None and self._thread.is_alive():
            return
        self._thread = threading.Thread(target=self._run, name="icon-catalogue", daemon=True)
        self._thread.start()

    def wait(self, seconds: float) -> bool:
        """Block until the loading thread ends (for a shutting-down window); False on a time-out."""
        if self._thread is None:
            return True
        self._thread.join(seconds)
        return not self._thread.is_alive()

    def _run(self) -> None:
        try:
            catalogue: Catalogue = icon_catalogue()
        except (OSError, ValueError, KeyError) as error:
            logger.exception("cannot load the icon catalogue")
            self.failed.emit(f"The icon catalogue cannot be read: {error}")
            return
        self.ready.emit(catalogue)
