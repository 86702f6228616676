"""Checking plain data parsed from YAML against simple field specs, with located errors.

Shared by every loader of the project's YAML files (architectures, comparisons),
so each error names the file, the line and the place (``components[3].group``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from models._yaml_document import YamlDocument
from models.errors import ModelError

ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")
"""Always used with ``fullmatch``: ``$`` would also match before a final newline."""
MAX_ID_CHARS = 100
"""Ids become file names (``<id>.png``) and Graphviz names; longer ones are mistakes."""
DIRECTIONS = ("LR", "TB", "RL", "BT")
MAX_TEXT_CHARS = 10_000
"""Longer text (a label, a description) is a mistake, and would slow every view that shows it."""


@dataclass(frozen=True)
class Field:
    kind: str  # "id", "text", "names" (list of text), "int", "bool", "direction", "list", "mapping"
    required: bool = False


class Checker:
    """Validates one parsed document, raising ModelError with location and line."""

    def __init__(self, document: YamlDocument, source: str):
        self.document = document
        self.source = source

    def fail(self, location: str, problem: str) -> ModelError:
        return ModelError(self.source, problem, location, self.document.line_of(location))

    def record(self, value: Any, fields: dict[str, Field], location: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            expected = ", ".join(name for name, spec in fields.items() if spec.required)
            raise self.fail(location, f"expected a mapping with {expected}; got {type_name(value)}")
        for key in value:
            if not isinstance(key, str) or (key not in fields and not key.startswith("x-")):
                allowed = ", ".join(fields)
                raise self.fail(
                    join(location, str(key)[:60]), f"unknown key {preview(key)}; expected one of {allowed}"
                )
        checked: dict[str, Any] = {}
        for name, spec in fields.items():
            if value.get(name) is None:
                if spec.required:
                    raise self.fail(location, f"missing required key {name!r}")
                continue
            checked[name] = self.typed(value[name], spec.kind, join(location, name))
        return checked

    def typed(self, value: Any, kind: str, location: str) -> Any:
        if kind == "text":
            if isinstance(value, bool) or not isinstance(value, (str, int, float)):
                raise self.fail(location, f"expected text; got {type_name(value)}")
            text = str(value).strip()
            if not text:
                raise self.fail(location, "expected text; got an empty string")
            if len(text) > MAX_TEXT_CHARS:
                raise self.fail(
                    location, f"text of {len(text):,} characters; at most {MAX_TEXT_CHARS:,} are allowed"
                )
            return text
        if kind == "id":
            if not is_id(value):
                raise self.fail(location, f"expected {ID_RULE}; got {preview(value)}")
            return value
        if kind == "names":
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list):
                raise self.fail(location, f"expected a list of names; got {type_name(value)}")
            return tuple(self.typed(item, "text", f"{location}[{i}]") for i, item in enumerate(value))
        if kind == "direction":
            if not isinstance(value, str) or value.upper() not in DIRECTIONS:
                raise self.fail(location, f"expected one of {', '.join(DIRECTIONS)}; got {preview(value)}")
            return value.upper()
        if kind == "int":
            if isinstance(value, bool) or not isinstance(value, int):
                raise self.fail(location, f"expected a whole number; got {type_name(value)}")
            return value
        if kind == "bool":
            if not isinstance(value, bool):
                raise self.fail(location, f"expected true or false; got {type_name(value)}")
            return value
        if kind == "list":
            if not isinstance(value, list):
                raise self.fail(location, f"expected a list; got {type_name(value)}")
            return value
        if kind == "mapping":
            if not isinstance(value, dict):
                raise self.fail(location, f"expected a mapping; got {type_name(value)}")
            return value
        raise AssertionError(kind)


ID_RULE = f"an id (letters, digits, '-', '_', '.'; at most {MAX_ID_CHARS} characters)"


def is_id(value: object) -> bool:
    """True for a valid id: the whole text matches :data:`ID_PATTERN`, within :data:`MAX_ID_CHARS`."""
    return isinstance(value, str) and len(value) <= MAX_ID_CHARS and ID_PATTERN.fullmatch(value) is not None


def join(location: str, key: str) -> str:
    return f"{location}.{key}" if location else key


def preview(value: Any, limit: int = 60) -> str:
    """A short, bounded rendering of a value for an error message.

    Never ``repr`` of a container: YAML aliases can make a small file hold a
    structure whose full ``repr`` would be gigabytes ("billion laughs").
    """
    if isinstance(value, str):
        return repr(value if len(value) <= limit else value[:limit] + "…")
    if value is None or isinstance(value, bool | int | float):
        text = repr(value)
        return text if len(text) <= limit else text[:limit] + "…"
    return type_name(value)


def type_name(value: Any) -> str:
    names = {
        dict: "a mapping",
        list: "a list",
        str: "text",
        bool: "true/false",
        int: "a number",
        float: "a number",
    }
    return "nothing" if value is None else names.get(type(value), type(value).__name__)
