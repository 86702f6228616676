"""Logging to a rotating file in the user's state folder, and a last word for uncaught errors.

:func:`install` (the window calls it at start) sends ``logging`` records to
``<state>/logs/explorer.log`` (1 MB, three old files kept) and replaces
``sys.excepthook`` so an uncaught error is logged with its traceback and the user
sees a short dialog naming the log file, instead of a silent crash.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from explorer.userdirs import user_state_dir

LOG_NAME = "explorer.log"
MAX_BYTES = 1_000_000
BACKUPS = 3
_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s]: %(message)s"

log = logging.getLogger("explorer")

Notify = Callable[[str], object]


def log_path() -> Path:
    return user_state_dir() / "logs" / LOG_NAME


def install(notify: Notify | None = None) -> Path | None:
    """Logs to the rotating file (once per process); ``notify(text)`` tells the user of a crash.

    Returns the log file, or None when it cannot be written (logging then goes to stderr).
    """
    path = log_path()
    root = logging.getLogger()
    if not any(getattr(handler, "explorer_log", False) for handler in root.handlers):
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.open("a", encoding="utf-8").close()  # writable: what opening the handler would tell
            handler: logging.Handler = _RotatingLog(path)
        except OSError as error:
            handler = logging.StreamHandler()
            log.warning("cannot write the log file %s: %s", path, error)
            path_or_none: Path | None = None
        else:
            path_or_none = path
        handler.setFormatter(logging.Formatter(_FORMAT))
        handler.explorer_log = True  # type: ignore[attr-defined]
        root.addHandler(handler)
        root.setLevel(logging.INFO)
    else:
        path_or_none = path
    sys.excepthook = _hook(notify, path_or_none)
    return path_or_none


class _RotatingLog(logging.Handler):
    """The rotating file (``RotatingFileHandler``), made at the first record.

    ``logging.handlers`` imports ``socket``, ``pickle`` and ``queue``: ~5 ms of every
    window's start before its first paint, for a file most runs never write to.
    """

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self._file: logging.Handler | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self._file is None:
            from logging.handlers import RotatingFileHandler

            try:
                self._file = RotatingFileHandler(
                    self.path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
                )
            except OSError:
                self._file = logging.StreamHandler()  # gone unwritable since install: as install does
            self._file.setFormatter(self.formatter)
        self._file.handle(record)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        super().close()


def _hook(notify: Notify | None, path: Path | None) -> Callable[..., None]:
    def excepthook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
            return
        log.critical("uncaught error", exc_info=(kind, error, trace))
        if notify is not None:
            where = f"The details are in {path}." if path is not None else "The details were printed."
            notify(f"Something went wrong: {error}\n\n{where}")

    return excepthook
