"""What an export looks like: format, size, background, framing and text.

Qt-free, so the command line can validate options before a QApplication
exists; :func:`load_options` and :func:`save_options` take any store with
``value``/``setValue`` (the window's ``QSettings``).
"""

from __future__ import annotations

from dataclasses import fields, replace
from pathlib import Path
from typing import Any, Literal, Protocol

from models.records import frozen_record

Format = Literal["png", "svg", "pdf"]
Background = Literal["white", "transparent", "dark"]

FORMATS: tuple[Format, ...] = ("png", "svg", "pdf")
SCALES: tuple[int, ...] = (1, 2, 4)
BACKGROUNDS: tuple[Background, ...] = ("white", "transparent", "dark")
SLIDES: dict[str, tuple[int, int]] = {"1920x1080": (1920, 1080), "3840x2160": (3840, 2160)}
SLIDE_ALIASES: dict[str, str] = {"16:9": "1920x1080", "16:9-4k": "3840x2160"}
"""The command line's names for the slide sizes."""

MIN_TEXT_SCALE = 0.5
MAX_TEXT_SCALE = 4.0
DEFAULT_MARGIN = 24
MAX_MARGIN = 400
MIN_WIDTH = 16
MAX_WIDTH = 20_000
SETTINGS_GROUP = "export"


class SettingsStore(Protocol):
    """The part of ``QSettings`` the options need."""

    def value(self, key: str, defaultValue: Any = ...) -> Any: ...  # noqa: N803 (Qt's name)

    def setValue(self, key: str, value: Any) -> None: ...  # noqa: N802 (Qt's name)


class InvalidOptionsError(ValueError):
    """An option out of range; the message names the option and what it accepts."""


@frozen_record
class ExportOptions:
    """One export's settings.

    ``width`` (output pixels), when set, wins over ``scale``; ``slide`` wins over
    both, fitting the diagram into a fixed 16:9 canvas. ``margin`` is in
    diagram units (1× pixels). ``selected`` is drawn highlighted only when
    ``keep_selection`` is true. ``text_scale`` lays the diagram out with text
    that much larger; None means automatic (as large as a slide allows, else 1).
    ``focus`` draws only that component or group and its neighbours, laid out anew.
    ``edge_labels`` None is automatic: a whole slide with automatic text keeps the
    relation labels only where they read clearly at full size; anything else shows them.
    """

    format: Format = "png"
    scale: int = 2
    width: int | None = None
    background: Background = "white"
    margin: int = DEFAULT_MARGIN
    title: str = ""
    caption: str = ""
    slide: str | None = None
    keep_selection: bool = False
    selected: str | None = None
    text_scale: float | None = None
    edge_labels: bool | None = None
    focus: str | None = None

    def __init__(
        self,
        format: Format = "png",
        scale: int = 2,
        width: int | None = None,
        background: Background = "white",
        margin: int = DEFAULT_MARGIN,
        title: str = "",
        caption: str = "",
        slide: str | None = None,
        keep_selection: bool = False,
        selected: str | None = None,
        text_scale: float | None = None,
        edge_labels: bool | None = None,
        focus: str | None = None,
    ) -> None:
        _set = object.__setattr__
        _set(self, "format", format)
        _set(self, "scale", scale)
        _set(self, "width", width)
        _set(self, "background", background)
        _set(self, "margin", margin)
        _set(self, "title", title)
        _set(self, "caption", caption)
        _set(self, "slide", slide)
        _set(self, "keep_selection", keep_selection)
        _set(self, "selected", selected)
        _set(self, "text_scale", text_scale)
        _set(self, "edge_labels", edge_labels)
        _set(self, "focus", focus)
        self.__post_init__()

    def __post_init__(self) -> None:
        if self.format not in FORMATS:
            raise InvalidOptionsError(f"format must be one of {', '.join(FORMATS)}, not {self.format!r}")
        if self.scale not in SCALES:
            raise InvalidOptionsError(
                f"scale must be one of {', '.join(map(str, SCALES))}, not {self.scale!r}"
            )
        if self.width is not None and not MIN_WIDTH <= self.width <= MAX_WIDTH:
            raise InvalidOptionsError(f"width must be between {MIN_WIDTH} and {MAX_WIDTH} pixels")
        if self.background not in BACKGROUNDS:
            raise InvalidOptionsError(
                f"background must be one of {', '.join(BACKGROUNDS)}, not {self.background!r}"
            )
        if not 0 <= self.margin <= MAX_MARGIN:
            raise InvalidOptionsError(f"margin must be between 0 and {MAX_MARGIN}")
        if self.text_scale is not None and not MIN_TEXT_SCALE <= self.text_scale <= MAX_TEXT_SCALE:
            raise InvalidOptionsError(
                f"text scale must be between {MIN_TEXT_SCALE:g} and {MAX_TEXT_SCALE:g}, "
                f"not {self.text_scale!r}"
            )
        if self.slide is not None and self.slide not in SLIDES:
            raise InvalidOptionsError(f"slide must be one of {', '.join(SLIDES)}, not {self.slide!r}")

    @property
    def extension(self) -> str:
        return self.format

    @property
    def slide_size(self) -> tuple[int, int] | None:
        return SLIDES[self.slide] if self.slide is not None else None

    @property
    def highlighted(self) -> str | None:
        """The element drawn selected, if any."""
        return self.selected if self.keep_selection else None

    def with_changes(self, **changes: Any) -> ExportOptions:
        return replace(self, **changes)


def format_for_path(path: Path | str, default: Format | None = None) -> Format:
    """The format named by ``path``'s extension, else ``default``; raises for an unknown extension."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix in FORMATS:
        return suffix
    if default is not None:
        return default
    known = ", ".join(f".{name}" for name in FORMATS)
    raise InvalidOptionsError(f"cannot tell the format of {str(path)!r}: use {known} or --format")


def slide_name(value: str | None) -> str | None:
    """``16:9``/``16:9-4k`` or a canvas size (``1920x1080``) to the canonical slide name."""
    if value is None or value in ("", "none"):
        return None
    name = SLIDE_ALIASES.get(value, value)
    if name not in SLIDES:
        known = ", ".join([*SLIDE_ALIASES, *SLIDES])
        raise InvalidOptionsError(f"unknown slide size {value!r} (known: {known})")
    return name


# Fields not remembered: the selection belongs to the moment, not to the user's preferences.
_TRANSIENT = {"selected", "focus"}


def save_options(store: SettingsStore, options: ExportOptions) -> None:
    for field in fields(ExportOptions):
        if field.name in _TRANSIENT:
            continue
        value = getattr(options, field.name)
        if field.name == "edge_labels":
            value = EDGE_LABEL_WORDS[value]
        store.setValue(f"{SETTINGS_GROUP}/{field.name}", "" if value is None else value)


def load_options(store: SettingsStore) -> ExportOptions:
    """The last saved options; each odd or missing value falls back to its default."""
    defaults = ExportOptions()
    options = defaults
    for field in fields(ExportOptions):
        if field.name in _TRANSIENT:
            continue
        raw = store.value(f"{SETTINGS_GROUP}/{field.name}", None)
        if raw is None:
            continue
        value = _coerce(raw, getattr(defaults, field.name), field.name)
        try:
            options = replace(options, **{field.name: value})
        except (InvalidOptionsError, TypeError):
            continue
    return options


EDGE_LABEL_WORDS: dict[bool | None, str] = {None: "auto", True: "show", False: "hide"}
"""``edge_labels`` as the words saved and offered in the export dialog."""


def edge_labels_from_word(word: str) -> bool | None:
    """The ``edge_labels`` a word stands for; a "true" saved before automatic labels existed
    was the default, so it (like anything unknown) is automatic."""
    word = word.lower()
    return True if word == "show" else False if word in ("hide", "false") else None


def _coerce(raw: Any, default: Any, name: str) -> Any:
    # INI-backed QSettings hands everything back as strings.
    if name == "edge_labels":
        return edge_labels_from_word(str(raw))
    if name in ("width", "slide", "text_scale"):
        if raw in ("", None):
            return None
        if name == "text_scale":
            return _to_float(raw)
        return _to_int(raw) if name == "width" else str(raw)
    if isinstance(default, bool):
        return raw if isinstance(raw, bool) else str(raw).lower() in ("true", "1", "yes")
    if isinstance(default, int):
        return _to_int(raw)
    return str(raw)


def _to_float(raw: Any) -> float | None:
    try:
        return float(raw)
    except (TypeError, ValueError):
        return None


def text_scale_value(value: str) -> float | None:
    """``auto`` (None) or a number for ``--text-scale``; raises for anything else."""
    if value.strip().lower() == "auto":
        return None
    try:
        return float(value)
    except ValueError:
        raise InvalidOptionsError(f"text scale must be a number or 'auto', not {value!r}") from None


def _to_int(raw: Any) -> int | None:
    try:
        return int(raw)
    except (TypeError, ValueError):
        return None


def last_folder(store: SettingsStore) -> Path | None:
    value = store.value(f"{SETTINGS_GROUP}/folder", "")
    return Path(value) if isinstance(value, str) and value else None


def set_last_folder(store: SettingsStore, folder: Path) -> None:
    store.setValue(f"{SETTINGS_GROUP}/folder", str(folder))
