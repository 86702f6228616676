"""Fixtures for the Qt tests, in layers: sources → settings → window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from explorer.app import ensure_application
from explorer.sources import Sources, load_sources
from explorer.ui.main_window import MainWindow
from tests.explorer.windows import shown_window


@pytest.fixture(scope="session", autouse=True)
def application() -> None:
    """The app's QApplication, as the app makes it: collections on the UI thread only."""
    ensure_application()


@pytest.fixture(scope="session")
def sources() -> Sources:
    """The built-in architectures and notes, loaded once for the whole run."""
    loaded = load_sources()
    assert not loaded.model_errors, loaded.model_errors
    return loaded


@pytest.fixture
def settings_store(tmp_path: Path) -> QSettings:
    """A settings file of the test's own, never the user's real settings."""
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user's data folder (progress, saved drafts) of this test's own, empty."""
    folder = tmp_path / "data"
    monkeypatch.setenv("ARCH_EXPLORER_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def window(qtbot, sources: Sources, settings_store: QSettings) -> Iterator[MainWindow]:
    created = shown_window(qtbot, sources, settings_store)
    yield created
    created.close()
