"""Loads architecture files (YAML) into validated :class:`Architecture` values.

The checks are written out here rather than delegated to a schema library: the
loader sits on the start-up path, and every error must carry the document
location *and* its line, which the YAML node tree gives us directly.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from models._schema import Checker, Field, preview
from models._yaml_document import read_yaml
from models.architecture import Architecture, Component, Group, LayoutHints, Relation
from models.content_rules import content_warnings
from models.errors import ModelError
from models.icons import icon_problem

MODEL_SUFFIXES = (".yaml", ".yml")
WALKTHROUGH_SUFFIXES = (".walkthrough.yaml", ".walkthrough.yml")
DEFAULT_RELATION_KIND = "connects"
DEFAULT_ORDER = 100
MAX_FILE_BYTES = 4 * 1024 * 1024
"""Parsing costs about 20 times a model's size in memory and ~0.2 s per MB; the built-in models
are under 30 KB and 10,000 components with 1,000 groups take about 1 MB, so 4 MB is ample."""


_ARCHITECTURE_FIELDS = {
    "id": Field("id", required=True),
    "title": Field("text", required=True),
    "summary": Field("text", required=True),
    "aliases": Field("names"),
    "order": Field("int"),
    "layout": Field("mapping"),
    "groups": Field("list"),
    "components": Field("list", required=True),
    "relations": Field("list"),
}
_GROUP_FIELDS = {
    "id": Field("id", required=True),
    "label": Field("text", required=True),
    "kind": Field("text", required=True),
    "parent": Field("id"),
    "description": Field("text"),
    "aliases": Field("names"),
    "logical": Field("bool"),
}
_COMPONENT_FIELDS = {
    "id": Field("id", required=True),
    "label": Field("text", required=True),
    "kind": Field("text", required=True),
    "icon": Field("text", required=True),
    "group": Field("id"),
    "aliases": Field("names"),
    "description": Field("text"),
    "concept": Field("id"),
}
_RELATION_FIELDS = {
    "source": Field("id", required=True),
    "target": Field("id", required=True),
    "kind": Field("text"),
    "label": Field("text"),
}
_LAYOUT_FIELDS = {"direction": Field("direction")}


@dataclass
class LoadResult:
    """What loading a set of files gave: the good architectures and one error per bad file."""

    architectures: list[Architecture] = field(default_factory=list)
    errors: list[ModelError] = field(default_factory=list)


def load_architecture_text(text: str, source: str) -> Architecture:
    """Parse and validate one architecture document."""
    if len(text) > MAX_FILE_BYTES:  # characters: at least as many bytes, so the file check agrees
        raise ModelError(source, _too_large(), line=1)
    document = read_yaml(text, source)
    checker = Checker(document, source)
    top = checker.record(document.data, _ARCHITECTURE_FIELDS, "")
    groups = _build_all(top.get("groups", []), "groups", _GROUP_FIELDS, checker, _group)
    components = _build_all(top["components"], "components", _COMPONENT_FIELDS, checker, _component)
    relations = _build_all(top.get("relations", []), "relations", _RELATION_FIELDS, checker, _relation)
    layout_fields = checker.record(top.get("layout", {}), _LAYOUT_FIELDS, "layout")
    _check_ids(groups, components, checker)
    _check_references(groups, components, relations, checker)
    _check_containment(groups, checker)
    warnings = tuple(_icon_warnings(components, source))
    architecture = Architecture(
        id=top["id"],
        title=top["title"],
        summary=top["summary"],
        groups=tuple(groups),
        components=tuple(components),
        relations=tuple(relations),
        aliases=top.get("aliases", ()),
        order=top.get("order", DEFAULT_ORDER),
        layout=LayoutHints(**layout_fields),
        source=source,
        warnings=warnings,
    )
    return replace(architecture, warnings=(*warnings, *content_warnings(architecture)))


def load_architecture_file(path: Path) -> Architecture:
    """Read, parse and validate one file; every failure is a :class:`ModelError`."""
    return load_architecture_text(read_model_text(path), str(path))


def read_model_text(path: Path) -> str:
    """The text of one model file (UTF-8, at most :data:`MAX_FILE_BYTES`); failures are ModelError."""
    source = str(path)
    try:
        if not path.is_file():
            raise ModelError(source, "not a regular file (a folder, device or pipe); skipped")
        with path.open("rb") as file:
            raw = file.read(MAX_FILE_BYTES + 1)  # a file growing while read must not get past the cap
        if len(raw) > MAX_FILE_BYTES:
            raise ModelError(source, _too_large())
    except OSError as error:
        raise ModelError(source, f"cannot read the file: {error.strerror or error}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise ModelError(source, f"not UTF-8 text (byte {error.start})", line=line) from None
    return text


def _too_large() -> str:
    return f"file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB; refused without parsing it"


def model_files(location: Path) -> list[Path]:
    """The model files at ``location``: the file itself, or the YAML files below a folder."""
    if location.is_file():
        return [] if is_walkthrough_file(location) else [location]
    if not location.is_dir():
        return []
    return sorted(
        path
        for path in location.rglob("*")
        if path.suffix in MODEL_SUFFIXES and not is_walkthrough_file(path) and path.is_file()
    )


def is_walkthrough_file(path: Path) -> bool:
    """True for ``*.walkthrough.yaml``: a walkthrough in the models folder, not an architecture."""
    return path.name.endswith(WALKTHROUGH_SUFFIXES)


def load_architectures(locations: Iterable[Path]) -> LoadResult:
    """Load every model file at ``locations``; a bad file is reported and skipped."""
    result = LoadResult()
    seen: dict[str, str] = {}
    for location in locations:
        try:
            files = _files_at(location)
        except ModelError as error:
            result.errors.append(error)
            continue
        for path in files:
            try:
                architecture = load_architecture_file(path)
            except ModelError as error:
                result.errors.append(error)
                continue
            if first_with_id("architecture", architecture.id, path, seen, result.errors):
                result.architectures.append(architecture)
    return result


def first_with_id(
    kind: str, item_id: str, path: Path, seen: dict[str, str], errors: list[ModelError]
) -> bool:
    """True for the first item with ``item_id`` (remembered in ``seen``); a repeat is reported in
    ``errors`` and skipped, never a silent replacement of the earlier one."""
    if item_id in seen:
        errors.append(
            ModelError(str(path), f"{kind} id {item_id!r} is already defined in {seen[item_id]}", "id")
        )
        return False
    seen[item_id] = str(path)
    return True


def _files_at(location: Path) -> list[Path]:
    """The model files a location given by the user names; a :class:`ModelError` says why there are none."""
    try:
        if not location.exists():
            raise ModelError(str(location), "no such file or folder")
        if not (location.is_file() or location.is_dir()):
            raise ModelError(str(location), "not a file or a folder (a device or pipe?)")
        files = model_files(location)
    except OSError as error:
        raise ModelError(str(location), f"cannot read: {error.strerror or error}") from None
    if not files and location.is_dir() and location.suffix in MODEL_SUFFIXES:
        suffixes = " or ".join(MODEL_SUFFIXES)
        raise ModelError(str(location), f"is a folder, not a model file, and holds no {suffixes} files")
    return files


def _build_all(
    items: list[Any],
    section: str,
    fields: dict[str, Field],
    checker: Checker,
    build: Callable[[dict[str, Any]], Any],
) -> list[Any]:
    return [build(checker.record(item, fields, f"{section}[{index}]")) for index, item in enumerate(items)]


def _group(values: dict[str, Any]) -> Group:
    return Group(**values)


def _component(values: dict[str, Any]) -> Component:
    return Component(**values)


def _relation(values: dict[str, Any]) -> Relation:
    values.setdefault("kind", DEFAULT_RELATION_KIND)
    return Relation(**values)


def _icon_warnings(components: list[Component], source: str) -> Iterator[str]:
    for index, component in enumerate(components):
        problem = icon_problem(component.icon)
        if problem is not None:
            yield (
                f"{source}: components[{index}].icon: {problem}: {preview(component.icon)}; "
                "drawn with a fallback icon"
            )


def _check_ids(groups: list[Group], components: list[Component], checker: Checker) -> None:
    first_use: dict[str, str] = {}
    entries = [(f"groups[{i}].id", g.id) for i, g in enumerate(groups)]
    entries += [(f"components[{i}].id", c.id) for i, c in enumerate(components)]
    for location, element_id in entries:
        if element_id in first_use:
            raise checker.fail(
                location, f"duplicate id {element_id!r} (first used at {first_use[element_id]})"
            )
        first_use[element_id] = location


def _check_references(
    groups: list[Group], components: list[Component], relations: list[Relation], checker: Checker
) -> None:
    group_ids = {group.id for group in groups}
    component_ids = {component.id for component in components}
    for index, group in enumerate(groups):
        if group.parent is not None and group.parent not in group_ids:
            raise checker.fail(
                f"groups[{index}].parent", f"unknown group {group.parent!r}; expected a group id"
            )
    for index, component in enumerate(components):
        if component.group is not None and component.group not in group_ids:
            raise checker.fail(
                f"components[{index}].group", f"unknown group {component.group!r}; expected a group id"
            )
    for index, relation in enumerate(relations):
        for end in ("source", "target"):
            value = getattr(relation, end)
            if value not in component_ids:
                raise checker.fail(f"relations[{index}].{end}", f"unknown component {value!r}")


def _check_containment(groups: list[Group], checker: Checker) -> None:
    parents = {group.id: group.parent for group in groups}
    index_of = {group.id: index for index, group in enumerate(groups)}
    cleared: set[str] = set()
    for group in groups:
        chain: list[str] = []
        current: str | None = group.id
        while current is not None and current not in cleared:
            if current in chain:
                cycle = " → ".join([*chain[chain.index(current) :], current])
                raise checker.fail(f"groups[{index_of[current]}].parent", f"containment cycle: {cycle}")
            chain.append(current)
            current = parents[current]
        cleared.update(chain)
