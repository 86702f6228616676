"""User-facing state kept between runs (window, last architecture, zoom, note locations)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

ORGANIZATION = "ArchitectureExplorer"
APPLICATION = "Architecture Explorer"
DEFAULT_ARCHITECTURE = "ecs-ec2"


class AppSettings:
    """Typed access to a QSettings store; every getter survives missing or odd values."""

    def __init__(self, store: QSettings | None = None):
        self.store = store if store is not None else QSettings(ORGANIZATION, APPLICATION)

    def last_architecture(self) -> str:
        value = self.store.value("session/architecture", DEFAULT_ARCHITECTURE)
        return value if isinstance(value, str) and value else DEFAULT_ARCHITECTURE

    def set_last_architecture(self, architecture_id: str) -> None:
        self.store.setValue("session/architecture", architecture_id)

    def zoom(self, architecture_id: str) -> float | None:
        value = self.store.value(f"zoom/{architecture_id}")
        try:
            zoom = float(value) if value is not None else None
        except (TypeError, ValueError):
            return None
        return zoom if zoom and zoom > 0 else None

    def set_zoom(self, architecture_id: str, zoom: float) -> None:
        self.store.setValue(f"zoom/{architecture_id}", float(zoom))

    def window_geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    def splitter_state(self) -> QByteArray | None:
        return self._bytes("window/splitter")

    def save_window(self, geometry: QByteArray, state: QByteArray, splitter: QByteArray) -> None:
        self.store.setValue("window/geometry", geometry)
        self.store.setValue("window/state", state)
        self.store.setValue("window/splitter", splitter)

    def note_locations(self) -> list[Path]:
        return self._paths("sources/notes")

    def set_note_locations(self, paths: list[Path]) -> None:
        self.store.setValue("sources/notes", [str(path) for path in paths])

    def model_locations(self) -> list[Path]:
        return self._paths("sources/models")

    def set_model_locations(self, paths: list[Path]) -> None:
        self.store.setValue("sources/models", [str(path) for path in paths])

    def sync(self) -> None:
        self.store.sync()

    def _bytes(self, key: str) -> QByteArray | None:
        value = self.store.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def _paths(self, key: str) -> list[Path]:
        value = self.store.value(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            return []
        return [Path(item) for item in value if isinstance(item, str) and item]
