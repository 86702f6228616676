"""Tables of differences between two architectures, kept as data in ``assets/comparisons/*.yaml``.

Each file names its two architectures, lists rows of (aspect, left, right)
and points at the built-in notes sections with the "when to use" guidance.
Every problem is a :class:`ModelError` with the file, line and place.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from models._yaml_document import YamlDocument, read_yaml
from models.errors import ModelError
from models.loader import ID_PATTERN
from models.paths import ASSETS_DIR

COMPARISONS_DIR = ASSETS_DIR / "comparisons"
_TOP_KEYS = {"id", "title", "left", "right", "summary", "rows", "guidance"}
_ROW_KEYS = {"aspect", "left", "right"}
_GUIDANCE_KEYS = {"note", "heading"}


@dataclass(frozen=True)
class Difference:
    aspect: str
    left: str
    right: str


@dataclass(frozen=True)
class GuidanceRef:
    """A built-in notes section: the note's name and the heading's text."""

    note: str
    heading: str


@dataclass(frozen=True)
class Comparison:
    id: str
    title: str
    left: str
    right: str
    rows: tuple[Difference, ...]
    summary: str = ""
    guidance: tuple[GuidanceRef, ...] = ()
    source: str = ""

    def oriented(self, left: str, right: str) -> Comparison | None:
        """This comparison with ``left`` on the left, or None if it is about another pair."""
        if (self.left, self.right) == (left, right):
            return self
        if (self.right, self.left) == (left, right):
            rows = tuple(Difference(row.aspect, row.right, row.left) for row in self.rows)
            return replace(self, left=left, right=right, rows=rows)
        return None


@dataclass
class ComparisonsResult:
    comparisons: list[Comparison] = field(default_factory=list)
    errors: list[ModelError] = field(default_factory=list)

    def find(self, left: str, right: str) -> Comparison | None:
        return next((found for c in self.comparisons if (found := c.oriented(left, right))), None)


class _Checker:
    def __init__(self, document: YamlDocument, source: str):
        self.document = document
        self.source = source

    def fail(self, location: str, problem: str) -> ModelError:
        return ModelError(self.source, problem, location, self.document.line_of(location))

    def mapping(self, value: Any, location: str, allowed: set[str]) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(location, "expected a mapping")
        for key in value:
            if key not in allowed:
                known = ", ".join(sorted(allowed))
                where = f"{location}.{key}" if location else str(key)
                raise self.fail(where, f"unknown key {key!r} (known keys: {known})")
        return value

    def text(self, mapping: dict[str, Any], key: str, location: str, required: bool = True) -> str:
        where = f"{location}.{key}" if location else key
        value = mapping.get(key)
        if value is None:
            if required:
                raise self.fail(location or where, f"missing required key {key!r}")
            return ""
        if not isinstance(value, str) or not value.strip():
            raise self.fail(where, "expected non-empty text")
        return " ".join(value.split())

    def identifier(self, mapping: dict[str, Any], key: str) -> str:
        value = self.text(mapping, key, "")
        if not ID_PATTERN.match(value):
            raise self.fail(key, f"{value!r} is not a valid id (letters, digits, '-', '_', '.')")
        return value

    def items(self, mapping: dict[str, Any], key: str, required: bool) -> list[Any]:
        value = mapping.get(key)
        if value is None and not required:
            return []
        if not isinstance(value, list) or (required and not value):
            raise self.fail(key if value is not None else "", f"{key!r} must be a non-empty list")
        return value


def load_comparison_text(text: str, source: str) -> Comparison:
    """One comparison from YAML text; raises :class:`ModelError` naming where it is wrong."""
    document = read_yaml(text, source)
    check = _Checker(document, source)
    top = check.mapping(document.data, "", _TOP_KEYS)
    left, right = check.identifier(top, "left"), check.identifier(top, "right")
    if left == right:
        raise check.fail("right", "compares an architecture with itself")
    rows: list[Difference] = []
    seen: set[str] = set()
    for index, raw in enumerate(check.items(top, "rows", required=True)):
        where = f"rows[{index}]"
        row = check.mapping(raw, where, _ROW_KEYS)
        aspect = check.text(row, "aspect", where)
        if aspect.casefold() in seen:
            raise check.fail(f"{where}.aspect", f"aspect {aspect!r} appears twice")
        seen.add(aspect.casefold())
        rows.append(Difference(aspect, check.text(row, "left", where), check.text(row, "right", where)))
    guidance = []
    for index, raw in enumerate(check.items(top, "guidance", required=False)):
        where = f"guidance[{index}]"
        ref = check.mapping(raw, where, _GUIDANCE_KEYS)
        guidance.append(GuidanceRef(check.text(ref, "note", where), check.text(ref, "heading", where)))
    return Comparison(
        id=check.identifier(top, "id"),
        title=check.text(top, "title", ""),
        left=left,
        right=right,
        rows=tuple(rows),
        summary=check.text(top, "summary", "", required=False),
        guidance=tuple(guidance),
        source=source,
    )


def load_comparisons(locations: Iterable[Path] = (COMPARISONS_DIR,)) -> ComparisonsResult:
    """Every ``*.yaml`` comparison in ``locations`` (files or folders); a bad file never stops the rest."""
    result = ComparisonsResult()
    files: list[Path] = []
    for location in locations:
        files.extend(sorted(location.glob("*.y*ml")) if location.is_dir() else [location])
    ids: set[str] = set()
    for path in files:
        try:
            comparison = load_comparison_text(path.read_text(encoding="utf-8"), str(path))
        except ModelError as error:
            result.errors.append(error)
            continue
        except (OSError, UnicodeDecodeError) as error:
            result.errors.append(ModelError(str(path), f"cannot read the file: {error}"))
            continue
        if comparison.id in ids:
            result.errors.append(ModelError(str(path), f"duplicate comparison id {comparison.id!r}", "id"))
            continue
        ids.add(comparison.id)
        result.comparisons.append(comparison)
    return result
