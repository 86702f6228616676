"""Safe YAML reading that remembers the line of every value.

Model errors must say where they are, so the document is composed into nodes
(which carry their line) and turned into plain Python with the *safe*
constructor only: tags such as ``!!python/object`` are rejected, never run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from models.errors import ModelError

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class YamlDocument:
    """Plain data plus the 1-based line of each location path (``components[3].group``)."""

    data: Any
    lines: dict[str, int] = field(default_factory=dict)

    def line_of(self, location: str) -> int | None:
        """The line of ``location`` or of its nearest enclosing value."""
        while location:
            if location in self.lines:
                return self.lines[location]
            cut = max(location.rfind("."), location.rfind("["))
            location = location[:cut] if cut > 0 else ""
        return self.lines.get("")


def read_yaml(text: str, source: str) -> YamlDocument:
    """Parse one YAML document; syntax and tag errors become :class:`ModelError`."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        raise _marked_error(error, source) from None
    except yaml.YAMLError as error:
        raise ModelError(source, f"not valid YAML: {error}") from None
    if node is None:
        raise ModelError(source, "the file is empty; expected a mapping with id, title, …", line=1)
    constructor = yaml.constructor.SafeConstructor()
    try:
        data = constructor.construct_document(node)
    except yaml.MarkedYAMLError as error:
        raise _marked_error(error, source) from None
    except (yaml.YAMLError, TypeError, ValueError) as error:
        raise ModelError(source, f"unsupported YAML value: {error}") from None
    lines: dict[str, int] = {}
    _record_lines(node, "", lines)
    return YamlDocument(data, lines)


def _marked_error(error: yaml.MarkedYAMLError, source: str) -> ModelError:
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark is not None else None
    problem = " ".join(part for part in (error.context, error.problem) if part)
    return ModelError(source, f"not valid YAML: {problem}", line=line)


def _record_lines(node: yaml.Node, path: str, lines: dict[str, int]) -> None:
    # An explicit stack: deeply nested documents must not hit the recursion limit.
    stack: list[tuple[yaml.Node, str]] = [(node, path)]
    seen: set[int] = set()
    while stack:
        current, current_path = stack.pop()
        lines.setdefault(current_path, current.start_mark.line + 1)
        if id(current) in seen:  # YAML anchors/aliases can make cycles
            continue
        seen.add(id(current))
        if isinstance(current, yaml.MappingNode):
            for key_node, value_node in current.value:
                key = key_node.value if isinstance(key_node, yaml.ScalarNode) else "?"
                child = f"{current_path}.{key}" if current_path else str(key)
                lines.setdefault(child, key_node.start_mark.line + 1)
                stack.append((value_node, child))
        elif isinstance(current, yaml.SequenceNode):
            for index, item in enumerate(current.value):
                stack.append((item, f"{current_path}[{index}]"))
