"""The platform's per-user folders for the app (data, cache, state), created on demand.

On Linux the folders are the XDG base directories, read here from the environment
(``$XDG_DATA_HOME`` and the like, else ``~/.local/share`` and the like), as
``platformdirs`` reads them: importing ``platformdirs`` cost every start ~4 ms before
its first paint. Elsewhere, and in the odd Linux environment without an absolute
``$HOME``, ``platformdirs`` answers (``tests/explorer/test_userdirs.py`` holds the
Linux answers to its own).
"""

from __future__ import annotations

import os
import posixpath
import sys
from pathlib import Path
from typing import Any

APP_NAME = "architecture-explorer"


def user_data_dir() -> Path:
    """Where revision progress and the user's own architectures live.

    ``ARCH_EXPLORER_DATA_DIR`` overrides it (tests, portable installs).
    """
    override = os.environ.get("ARCH_EXPLORER_DATA_DIR")
    return Path(override or _xdg("XDG_DATA_HOME", ".local/share") or _platformdirs().user_data_dir(**_APP))


def user_cache_dir() -> Path:
    override = os.environ.get("ARCH_EXPLORER_CACHE_DIR")
    return Path(override or _xdg("XDG_CACHE_HOME", ".cache") or _platformdirs().user_cache_dir(**_APP))


def user_state_dir() -> Path:
    """Where the log files go; ``ARCH_EXPLORER_STATE_DIR`` overrides it."""
    override = os.environ.get("ARCH_EXPLORER_STATE_DIR")
    return Path(override or _xdg("XDG_STATE_HOME", ".local/state") or _platformdirs().user_state_dir(**_APP))


def user_models_dir() -> Path:
    """The folder whose architecture files are loaded beside the built-in ones."""
    return user_data_dir() / "architectures"


_APP: dict[str, Any] = {"appname": APP_NAME, "appauthor": False}


def _xdg(variable: str, under_home: str) -> str | None:
    """The app's folder in the XDG base directory ``variable`` names (an absolute path, else
    ``$HOME/under_home``) on Linux; None elsewhere, or without an absolute ``$HOME``."""
    if sys.platform != "linux":
        return None
    base = os.environ.get(variable, "")
    if not posixpath.isabs(base):
        home = os.environ.get("HOME", "")
        if not posixpath.isabs(home):
            return None
        base = f"{home.rstrip('/')}/{under_home}"  # as os.path.expanduser(f"~/{under_home}")
    return posixpath.join(base, APP_NAME)


def _platformdirs() -> Any:
    """``platformdirs``, imported only where :func:`_xdg` has no answer."""
    import platformdirs

    return platformdirs
