"""Logging to a rotating file in the user's state folder, and a last word for uncaught errors.

:func:`install` (the window calls it at start) sends ``logging`` records to
``<state>/logs/explorer.log`` (1 MB, three old files kept) and replaces
``sys.excepthook`` so an uncaught error is logged with its traceback and the user
sees a short dialog naming the log file, instead of a silent crash. The file is
opened with the first record: ``logging.handlers`` (with ``socket`` and ``pickle``)
cost the window's start ~4 ms, and most sessions log nothing.
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


class _LogFile(logging.Handler):
    """The rotating log file, opened when the first record comes (or stderr, if it cannot be)."""

    explorer_log = True

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self._target: logging.Handler | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self._target is None:
            self._target = _open(self.path, self.formatter)
        self._target.emit(record)

    def close(self) -> None:
        if self._target is not None:
            self._target.close()
        super().close()


def _open(path: Path, formatter: logging.Formatter | None) -> logging.Handler:
    from logging.handlers import RotatingFileHandler

    handler: logging.Handler
    problem = None
    try:
        handler = RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    except OSError as error:
        handler = logging.StreamHandler()
        problem = f"cannot write the log file {path}: {error}"
    handler.setFormatter(formatter)
    if problem is not None:
        handler.emit(_warning(problem))
    return handler


def _warning(message: str) -> logging.LogRecord:
    return log.makeRecord(log.name, logging.WARNING, __file__, 0, message, (), None)


def install(notify: Notify | None = None) -> Path | None:
    """Logs to the rotating file (once per process); ``notify(text)`` tells the user of a crash.

    Returns the log file, or None when its folder cannot be made (logging then goes to stderr).
    """
    path = log_path()
    root = logging.getLogger()
    path_or_none: Path | None = path
    if not any(getattr(handler, "explorer_log", False) for handler in root.handlers):
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handler: logging.Handler = _LogFile(path)
        except OSError as error:
            handler = logging.StreamHandler()
            handler.explorer_log = True  # type: ignore[attr-defined]
            log.warning("cannot write the log file %s: %s", path, error)
            path_or_none = None
        handler.setFormatter(logging.Formatter(_FORMAT))
        root.addHandler(handler)
        root.setLevel(logging.INFO)
    sys.excepthook = _hook(notify, path_or_none)
    return path_or_none


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
