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
from typing import Any, Literal

APP_NAME = "architecture-explorer"


def user_data_dir() -> Path:
    """Where revision progress and the user's own architectures live.

    ``ARCH_EXPLORER_DATA_DIR`` overrides it (tests, portable installs).
    """
    return _folder("ARCH_EXPLORER_DATA_DIR", "XDG_DATA_HOME", ".local/share", "user_data_dir")


def user_cache_dir() -> Path:
    return _folder("ARCH_EXPLORER_CACHE_DIR", "XDG_CACHE_HOME", ".cache", "user_cache_dir")


def user_state_dir() -> Path:
    """Where the log files go; ``ARCH_EXPLORER_STATE_DIR`` overrides it."""
    return _folder("ARCH_EXPLORER_STATE_DIR", "XDG_STATE_HOME", ".local/state", "user_state_dir")


def user_models_dir() -> Path:
    """The folder whose architecture files are loaded beside the built-in ones."""
    return user_data_dir() / "architectures"


_APP: dict[str, Any] = {"appname": APP_NAME, "appauthor": False}
_Function = Literal["user_data_dir", "user_cache_dir", "user_state_dir"]
"""The ``platformdirs`` function giving a folder off Linux (named: it is imported only then)."""


def _folder(override: str, variable: str, under_home: str, platformdirs_function: _Function) -> Path:
    """The folder the environment variable ``override`` names, else the app's folder in the
    XDG base directory (:func:`_xdg`), else what ``platformdirs.<platformdirs_function>`` gives
    (imported only then)."""
    chosen = os.environ.get(override) or _xdg(variable, under_home)
    if not chosen:
        import platformdirs

        chosen = getattr(platformdirs, platformdirs_function)(**_APP)
    return Path(chosen)


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
