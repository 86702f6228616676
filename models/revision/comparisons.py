"""Tables of differences between two architectures, kept as data in ``assets/comparisons/*.yaml``.

Each file names its two architectures, lists rows of (aspect, left, right)
and points at the built-in notes sections with the "when to use" guidance.
Every problem is a :class:`ModelError` with the file, line and place.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from models._schema import Checker, Field
from models._yaml_document import read_yaml
from models.errors import ModelError
from models.paths import ASSETS_DIR

COMPARISONS_DIR = ASSETS_DIR / "comparisons"
_TOP_FIELDS = {
    "id": Field("id", required=True),
    "title": Field("text", required=True),
    "left": Field("id", required=True),
    "right": Field("id", required=True),
    "summary": Field("text"),
    "rows": Field("list", required=True),
    "guidance": Field("list"),
}
_ROW_FIELDS = {
    "aspect": Field("text", required=True),
    "left": Field("text", required=True),
    "right": Field("text", required=True),
}
_GUIDANCE_FIELDS = {"note": Field("text", required=True), "heading": Field("text", required=True)}


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


def load_comparison_text(text: str, source: str) -> Comparison:
    """One comparison from YAML text; raises :class:`ModelError` naming where it is wrong."""
    check = Checker(read_yaml(text, source), source)
    top = check.record(check.document.data, _TOP_FIELDS, "")
    if top["left"] == top["right"]:
        raise check.fail("right", "compares an architecture with itself")
    if not top["rows"]:
        raise check.fail("rows", "'rows' must be a non-empty list")
    rows: list[Difference] = []
    seen: set[str] = set()
    for index, raw in enumerate(top["rows"]):
        row = check.record(raw, _ROW_FIELDS, f"rows[{index}]")
        aspect = _one_line(row["aspect"])
        if aspect.casefold() in seen:
            raise check.fail(f"rows[{index}].aspect", f"aspect {aspect!r} appears twice")
        seen.add(aspect.casefold())
        rows.append(Difference(aspect, _one_line(row["left"]), _one_line(row["right"])))
    guidance = [
        GuidanceRef(ref["note"], ref["heading"])
        for index, raw in enumerate(top.get("guidance", []))
        for ref in [check.record(raw, _GUIDANCE_FIELDS, f"guidance[{index}]")]
    ]
    return Comparison(
        id=top["id"],
        title=_one_line(top["title"]),
        left=top["left"],
        right=top["right"],
        rows=tuple(rows),
        summary=_one_line(top.get("summary", "")),
        guidance=tuple(guidance),
        source=source,
    )


def _one_line(text: str) -> str:
    return " ".join(text.split())


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
