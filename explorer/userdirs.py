"""The platform's per-user folders for the app (data, cache, state), created on demand."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

APP_NAME = "architecture-explorer"


def user_data_dir() -> Path:
    """Where revision progress and the user's own architectures live.

    ``ARCH_EXPLORER_DATA_DIR`` overrides it (tests, portable installs).
    """
    override = os.environ.get("ARCH_EXPLORER_DATA_DIR")
    return Path(override) if override else Path(_platformdirs().user_data_dir(APP_NAME, appauthor=False))


def user_cache_dir() -> Path:
    override = os.environ.get("ARCH_EXPLORER_CACHE_DIR")
    return Path(override) if override else Path(_platformdirs().user_cache_dir(APP_NAME, appauthor=False))


def user_state_dir() -> Path:
    """Where the log files go; ``ARCH_EXPLORER_STATE_DIR`` overrides it."""
    override = os.environ.get("ARCH_EXPLORER_STATE_DIR")
    return Path(override) if override else Path(_platformdirs().user_state_dir(APP_NAME, appauthor=False))


def user_models_dir() -> Path:
    """The folder whose architecture files are loaded beside the built-in ones."""
    return user_data_dir() / "architectures"


def _platformdirs() -> Any:
    """``platformdirs``, imported only when no override names the folder (it imports ``tempfile``:
    ~4 ms of a command-line export that sets the folders, as the benchmark and the tests do)."""
    import platformdirs

    return platformdirs
