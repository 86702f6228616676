"""Loads walkthrough files (YAML) and checks every id against the walkthrough's architecture.

Errors name the file, the line and the place, like architecture errors:
``k8s-apply.yaml:12: steps[2].components[1]: unknown component 'kubelt' in architecture 'kubernetes'``.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from models._schema import Checker, Field
from models._yaml_document import read_yaml
from models.architecture import Architecture
from models.errors import ModelError
from models.loader import MODEL_SUFFIXES, first_with_id, is_walkthrough_file, read_model_text
from models.walkthroughs._model import DIRECTIONS, Step, Walkthrough

MIN_STEPS = 2

_WALKTHROUGH_FIELDS = {
    "id": Field("id", required=True),
    "architecture": Field("id", required=True),
    "title": Field("text", required=True),
    "summary": Field("text", required=True),
    "steps": Field("list", required=True),
}
_STEP_FIELDS = {
    "title": Field("text", required=True),
    "text": Field("text", required=True),
    "components": Field("list"),
    "groups": Field("list"),
    "relations": Field("list"),
    "direction": Field("text"),
}
_RELATION_FIELDS = {"source": Field("id", required=True), "target": Field("id", required=True)}


@dataclass
class WalkthroughLoadResult:
    """The good walkthroughs and one error per bad file."""

    walkthroughs: list[Walkthrough] = field(default_factory=list)
    errors: list[ModelError] = field(default_factory=list)


def load_walkthrough_text(text: str, source: str, architectures: Mapping[str, Architecture]) -> Walkthrough:
    """Parse one walkthrough and check it against its architecture (looked up in ``architectures``)."""
    document = read_yaml(text, source)
    checker = Checker(document, source)
    top = checker.record(document.data, _WALKTHROUGH_FIELDS, "")
    architecture = architectures.get(top["architecture"])
    if architecture is None:
        known = ", ".join(sorted(architectures)) or "none loaded"
        raise checker.fail("architecture", f"unknown architecture {top['architecture']!r} (known: {known})")
    raw_steps = top["steps"]
    if len(raw_steps) < MIN_STEPS:
        raise checker.fail("steps", f"a walkthrough needs at least {MIN_STEPS} steps; got {len(raw_steps)}")
    steps = tuple(_step(raw, f"steps[{index}]", checker, architecture) for index, raw in enumerate(raw_steps))
    return Walkthrough(top["id"], architecture.id, top["title"], top["summary"], steps, source)


def load_walkthrough_file(path: Path, architectures: Mapping[str, Architecture]) -> Walkthrough:
    """Read and check one file; every failure is a :class:`ModelError`."""
    return load_walkthrough_text(read_model_text(path), str(path), architectures)


def load_walkthroughs(
    files: Iterable[Path], architectures: Mapping[str, Architecture]
) -> WalkthroughLoadResult:
    """Load every file; a bad file, or one whose id repeats an earlier one, is reported and skipped."""
    result = WalkthroughLoadResult()
    seen: dict[str, str] = {}
    for path in files:
        try:
            walkthrough = load_walkthrough_file(path, architectures)
        except ModelError as error:
            result.errors.append(error)
            continue
        if first_with_id("walkthrough", walkthrough.id, path, seen, result.errors):
            result.walkthroughs.append(walkthrough)
    return result


def builtin_files(folder: Path) -> list[Path]:
    """The YAML files directly in ``folder`` (the built-in walkthroughs)."""
    if not folder.is_dir():
        return []
    return sorted(path for path in folder.iterdir() if path.suffix in MODEL_SUFFIXES and path.is_file())


def user_files(location: Path) -> list[Path]:
    """The walkthrough files at a user models location: the file itself, or those below a folder."""
    if location.is_file():
        return [location] if is_walkthrough_file(location) else []
    if not location.is_dir():
        return []
    return sorted(path for path in location.rglob("*") if is_walkthrough_file(path) and path.is_file())


def _step(raw: Any, location: str, checker: Checker, architecture: Architecture) -> Step:
    values = checker.record(raw, _STEP_FIELDS, location)
    components = _ids(values.get("components", []), f"{location}.components", checker)
    groups = _ids(values.get("groups", []), f"{location}.groups", checker)
    for index, component_id in enumerate(components):
        if component_id not in architecture.components_by_id:
            raise checker.fail(
                f"{location}.components[{index}]",
                _unknown("component", component_id, architecture, architecture.components_by_id, "groups"),
            )
    for index, group_id in enumerate(groups):
        if group_id not in architecture.groups_by_id:
            raise checker.fail(
                f"{location}.groups[{index}]",
                _unknown("group", group_id, architecture, architecture.groups_by_id, "components"),
            )
    relations = tuple(
        _relation(item, f"{location}.relations[{index}]", checker, architecture)
        for index, item in enumerate(values.get("relations", []))
    )
    if not (components or groups or relations):
        raise checker.fail(location, "a step must name at least one component, group or relation")
    direction = values.get("direction", DIRECTIONS[0])
    if direction not in DIRECTIONS:
        raise checker.fail(
            f"{location}.direction", f"expected one of {', '.join(DIRECTIONS)}; got {direction!r}"
        )
    return Step(values["title"], values["text"], components, groups, relations, direction)


def _ids(raw: list[Any], location: str, checker: Checker) -> tuple[str, ...]:
    ids = tuple(checker.typed(item, "id", f"{location}[{index}]") for index, item in enumerate(raw))
    for index, element_id in enumerate(ids):
        if element_id in ids[:index]:
            raise checker.fail(f"{location}[{index}]", f"{element_id!r} is listed twice")
    return ids


def _relation(raw: Any, location: str, checker: Checker, architecture: Architecture) -> tuple[str, str]:
    if isinstance(raw, list) and len(raw) == 2:
        raw = {"source": raw[0], "target": raw[1]}
    values = checker.record(raw, _RELATION_FIELDS, location)
    pair = (values["source"], values["target"])
    drawn = {(relation.source, relation.target) for relation in architecture.relations}
    if pair in drawn:
        return pair
    source, target = pair
    problem = f"no relation {source} → {target} in architecture {architecture.id!r}"
    if (target, source) in drawn:
        problem += f"; it is drawn {target} → {source}: write it that way and set direction: reverse"
    raise checker.fail(location, problem)


def _unknown(
    what: str, element_id: str, architecture: Architecture, known: Mapping[str, object], other: str
) -> str:
    problem = f"unknown {what} {element_id!r} in architecture {architecture.id!r}"
    if architecture.has_element(element_id):
        return f"{problem}; it is one of the {other}: list it under {other}"
    close = [repr(name) for name in sorted(difflib.get_close_matches(element_id, list(known), n=3))]
    if not close:
        return problem
    choices = f"{', '.join(close[:-1])} or {close[-1]}" if len(close) > 1 else close[0]
    return f"{problem}; did you mean {choices}?"
