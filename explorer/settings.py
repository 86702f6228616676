"""User-facing state kept between runs (window, last architecture, zoom, note locations).

A damaged settings file (cut short by a crash, filled with NUL bytes by a
power loss, not text at all) would otherwise stop every later save without a
word: Qt refuses to write over a file it cannot parse. So it is detected when
the settings are opened, moved aside as ``<name>.corrupt-<timestamp>`` for the
user to inspect, and replaced by fresh settings, with a message in
:attr:`AppSettings.problems`. Concurrent windows are safe: Qt locks the file
and merges each window's changes when it saves.
"""

from __future__ import annotations

import codecs
import contextlib
import math
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from explorer.atomic_write import ExportError, describe_os_error, write_atomically
from models.records import frozen_record, set_field

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

ORGANIZATION = "ArchitectureExplorer"
APPLICATION = "Architecture Explorer"
DEFAULT_ARCHITECTURE = "ecs-ec2"
CORRUPT_SUFFIX = ".corrupt-"
DRAWING_SUFFIX = ".drawing"
_MAX_CHECKED_BYTES = 16 * 1024 * 1024

SETTINGS: dict[str, object] = {
    "session/architecture": DEFAULT_ARCHITECTURE,
    "zoom_to_fit/*": None,  # per architecture id: the zoom as a multiple of the fitting zoom
    "window/rect": None,  # "x,y,width,height" of the un-maximised window
    "window/maximized": False,
    "window/list_width": None,
    "window/list_visible": True,
    "window/notes_width": None,
    "window/notes_visible": True,
    "session/drawing": "",  # the architecture a start is drawing, in a store not an INI file (set_drawing)
    "sources/notes": [],
    "revision/hide_icons": False,
    "export/*": None,  # one key per ExportOptions field (their defaults are the dataclass's), and folder
}
"""Every settings key and its default; ``*`` stands for a variable last part. Nothing
reads or writes the store except through :class:`AppSettings`, which checks keys here."""


def registered(key: str) -> bool:
    group, _, _name = key.partition("/")
    return key in SETTINGS or f"{group}/*" in SETTINGS


class AppSettings:
    """Typed access to a QSettings store; every getter survives missing or odd values.

    Attributes:
        problems: messages for the user about the settings file (damaged and
            reset, or not saved), newest last; empty when all is well.
    """

    def __init__(self, store: QSettings | None = None):
        from PySide6.QtCore import QSettings  # here: this module is imported before PySide (start_imports)

        self.store = store if store is not None else QSettings(ORGANIZATION, APPLICATION)
        self.problems: list[str] = []
        self._recover_if_damaged()

    def last_architecture(self) -> str:
        value = self.store.value("session/architecture", DEFAULT_ARCHITECTURE)
        return value if isinstance(value, str) and value else DEFAULT_ARCHITECTURE

    def set_last_architecture(self, architecture_id: str) -> None:
        self.store.setValue("session/architecture", architecture_id)

    def drawing(self) -> str:
        """The architecture a start was drawing and never finished (it crashed), or ""."""
        mark = self._drawing_mark()
        if mark is None:
            value = self.store.value("session/drawing", "")
            return value if isinstance(value, str) else ""
        try:
            return mark.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return ""

    def set_drawing(self, architecture_id: str) -> None:
        """Marks (or with "" clears) the architecture being drawn at start, saved at once.

        Beside an INI settings file the mark is a small file of its own
        (``<settings>.drawing``), written without a flush to disk: it only has to
        outlive the process, and rewriting and flushing the whole settings file
        cost the first paint 1-20 ms. Other stores keep it under ``session/drawing``.
        """
        mark = self._drawing_mark()
        if mark is None:
            self.store.setValue("session/drawing", architecture_id)
            self.sync()
            return
        try:
            if architecture_id:
                mark.parent.mkdir(parents=True, exist_ok=True)
                write_atomically(mark, architecture_id.encode("utf-8"), durable=False)
            else:
                mark.unlink(missing_ok=True)
        except (OSError, ExportError) as error:
            reason = describe_os_error(error) if isinstance(error, OSError) else str(error)
            self._report(f"The start mark {mark} could not be saved: {reason}")

    def _drawing_mark(self) -> Path | None:
        """The crash mark's own file, beside an INI settings file; None for other stores."""
        return Path(self.store.fileName()).with_suffix(DRAWING_SUFFIX) if _is_ini_file(self.store) else None

    def zoom(self, architecture_id: str) -> float | None:
        """The zoom the user left ``architecture_id`` at, as a multiple of the fitting zoom."""
        value = self.store.value(f"zoom_to_fit/{architecture_id}")
        try:
            zoom = float(value) if value is not None else None
        except (TypeError, ValueError):
            return None
        return zoom if zoom is not None and math.isfinite(zoom) and zoom > 0 else None

    def set_zoom(self, architecture_id: str, relative_zoom: float) -> None:
        self.store.setValue(f"zoom_to_fit/{architecture_id}", float(relative_zoom))

    def window_shape(self) -> WindowShape:
        """The window's shape as saved; unchecked (see ``explorer.ui.main_window_shape``)."""
        return WindowShape(
            rect=_rect(self.store.value("window/rect")),
            maximized=self._bool("window/maximized", False),
            list_width=_int(self.store.value("window/list_width")),
            list_visible=self._bool("window/list_visible", True),
            notes_width=_int(self.store.value("window/notes_width")),
            notes_visible=self._bool("window/notes_visible", True),
        )

    def save_window_shape(self, shape: WindowShape) -> None:
        rect = shape.rect
        values = {
            "window/rect": None if rect is None else ",".join(str(number) for number in rect),
            "window/maximized": shape.maximized,
            "window/list_width": shape.list_width,
            "window/list_visible": shape.list_visible,
            "window/notes_width": shape.notes_width,
            "window/notes_visible": shape.notes_visible,
        }
        for key, value in values.items():
            if value is None:
                self.store.remove(key)
            else:
                self.store.setValue(key, value)

    def note_locations(self) -> list[Path]:
        return self._paths("sources/notes")

    def set_note_locations(self, paths: list[Path]) -> None:
        self.store.setValue("sources/notes", [str(path) for path in paths])

    def hide_icons(self) -> bool:
        return bool(self.value("revision/hide_icons", False, type=bool))

    def set_hide_icons(self, hide: bool) -> None:
        self.setValue("revision/hide_icons", hide)

    def value(self, key: str, defaultValue: object = None, type: type | None = None) -> object:  # noqa: N803, A002 (Qt's names)
        """The stored value of a registered ``key`` (the export options read theirs through this)."""
        if not registered(key):
            raise KeyError(f"unregistered setting {key!r}: add it to explorer.settings.SETTINGS")
        if type is not None:
            return self.store.value(key, defaultValue, type=type)
        return self.store.value(key, defaultValue)

    def setValue(self, key: str, value: object) -> None:  # noqa: N802 (Qt's name)
        if not registered(key):
            raise KeyError(f"unregistered setting {key!r}: add it to explorer.settings.SETTINGS")
        self.store.setValue(key, value)

    def sync(self) -> bool:
        """Write pending changes; False (and a message in :attr:`problems`) when they could not be saved.

        Qt writes through a temporary file and a rename, so a failed save
        leaves the previous settings file as it was. Qt's error status does
        not clear by itself, so once a save failed this keeps returning False.
        """
        from PySide6.QtCore import QSettings

        self.store.sync()
        if self.store.status() == QSettings.Status.NoError:
            return True
        path = self.store.fileName()
        self._report(f"Your settings could not be saved to {path}: {_unwritable_reason(path)}")
        return False

    def _bool(self, key: str, default: bool) -> bool:
        value = self.store.value(key, default)
        if isinstance(value, str):
            return value.strip().lower() in ("true", "1", "yes")
        return value if isinstance(value, bool) else default

    def _paths(self, key: str) -> list[Path]:
        value = self.store.value(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            return []
        # A NUL can be in no path: such a value is what is left of a value cut short.
        return [Path(item) for item in value if isinstance(item, str) and item and "\0" not in item]

    def _report(self, problem: str) -> None:
        if problem not in self.problems:
            self.problems.append(problem)

    def _recover_if_damaged(self) -> None:
        damage = settings_damage(self.store)
        if damage is None:
            return
        path = Path(self.store.fileName())
        try:
            backup = back_up(path)
        except FileNotFoundError:
            backup = None  # another window moved it aside a moment ago
        except OSError as error:
            self._report(
                f"Your settings file {path} is damaged ({damage}) and could not be moved aside "
                f"({describe_os_error(error)}); settings will not be saved until it is removed"
            )
            return
        from PySide6.QtCore import QSettings

        # A fresh store: the old one keeps what it read from the damaged file and its error status.
        self.store = QSettings(self.store.fileName(), self.store.format())
        if backup is not None:
            self.store.clear()
            self.store.sync()
        kept = f"; the damaged file was kept as {backup}" if backup is not None else ""
        self._report(f"Your settings file {path} was damaged ({damage}) and has been reset{kept}")


@frozen_record
class WindowShape:
    """The window's size and panels, as saved: ``rect`` is (x, y, width, height) when not maximised."""

    rect: tuple[int, int, int, int] | None = None
    maximized: bool = False
    list_width: int | None = None
    list_visible: bool = True
    notes_width: int | None = None
    notes_visible: bool = True

    def __init__(
        self,
        rect: tuple[int, int, int, int] | None = None,
        maximized: bool = False,
        list_width: int | None = None,
        list_visible: bool = True,
        notes_width: int | None = None,
        notes_visible: bool = True,
    ) -> None:
        set_field(self, "rect", rect)
        set_field(self, "maximized", maximized)
        set_field(self, "list_width", list_width)
        set_field(self, "list_visible", list_visible)
        set_field(self, "notes_width", notes_width)
        set_field(self, "notes_visible", notes_visible)


def _int(value: object) -> int | None:
    try:
        number = int(str(value)) if value is not None else None
    except ValueError:
        return None
    return number


def _rect(value: object) -> tuple[int, int, int, int] | None:
    parts = value.split(",") if isinstance(value, str) else value if isinstance(value, list) else None
    if parts is None or len(parts) != 4:
        return None
    numbers = [_int(part) for part in parts]
    if any(number is None for number in numbers):
        return None
    x, y, width, height = (int(number) for number in numbers if number is not None)
    return x, y, width, height


def settings_damage(store: QSettings) -> str | None:
    """Why the file behind ``store`` is unusable, or None when it is fine (or does not exist yet)."""
    from PySide6.QtCore import QSettings

    store.allKeys()  # Qt reads the file lazily; status() is only meaningful after a read
    path = store.fileName()
    status = store.status()
    if status == QSettings.Status.FormatError:
        return "it is not in the settings format, perhaps cut short"
    if status == QSettings.Status.AccessError and os.path.lexists(path):
        return "it cannot be read"
    if not _is_ini_file(store) or not os.path.isfile(path):
        return None
    try:
        with open(path, "rb") as file:
            raw = file.read(_MAX_CHECKED_BYTES)
    except OSError as error:
        return f"it cannot be read: {describe_os_error(error)}"
    if b"\0" in raw:
        return "it contains NUL bytes, as a file being saved during a crash can"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(raw, final=len(raw) < _MAX_CHECKED_BYTES)
    except UnicodeDecodeError:
        return "it is not UTF-8 text"
    return None


def back_up(path: Path) -> Path:
    """Move ``path`` aside to an unused ``<path>.corrupt-<timestamp>[-n]``; returns the new path."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    backup = path.with_name(f"{path.name}{CORRUPT_SUFFIX}{stamp}")
    number = 1
    while os.path.lexists(backup):
        backup = path.with_name(f"{path.name}{CORRUPT_SUFFIX}{stamp}-{number}")
        number += 1
    os.rename(path, backup)
    return backup


def _is_ini_file(store: QSettings) -> bool:
    """True for a text INI file: the native format on Linux (a plist or the registry elsewhere)."""
    from PySide6.QtCore import QSettings

    if store.format() == QSettings.Format.IniFormat:
        return True
    return store.format() == QSettings.Format.NativeFormat and sys.platform not in ("win32", "darwin")


def _unwritable_reason(path: str) -> str:
    """Why a file cannot be written at ``path``, found by trying (Qt only says that it failed)."""
    target = Path(path)
    try:
        existed = target.exists()
        fd = os.open(target, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        os.close(fd)
        if not existed:
            target.unlink()
        fd, probe = tempfile.mkstemp(prefix=".settings-probe-", dir=target.parent)
        try:
            os.write(fd, b"\n" * 65536)
            os.fsync(fd)
        finally:
            os.close(fd)
            with contextlib.suppress(OSError):
                os.unlink(probe)
    except OSError as error:
        return describe_os_error(error)
    return "the file could not be written (is it locked by another program?)"
