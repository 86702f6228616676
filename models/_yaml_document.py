"""Safe YAML reading that can tell the line of every value.

Model errors must say where they are, so the document is composed into nodes
(which carry their line) and turned into plain Python with the *safe*
constructor only: tags such as ``!!python/object`` are rejected, never run.

Three guards keep a hostile or broken file from doing more than failing:
a value that cannot be built (``2020-13-45``) is reported at its line, a key
written twice in one mapping is an error rather than a silent override, and a
document whose aliases expand to more than :data:`MAX_VALUES` values ("billion
laughs") is refused before anything walks it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

from models.errors import ModelError

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_VALUES = 1_000_000
"""Values a document may hold once its aliases are expanded; real models hold a few thousand."""
_MERGE_TAG = "tag:yaml.org,2002:merge"
_SEGMENT = re.compile(r"\[(\d+)\]|([^.\[\]]+)")


@dataclass
class YamlDocument:
    """Plain data plus the node tree it came from, to find the line of a location."""

    data: Any
    root: yaml.Node

    def line_of(self, location: str) -> int | None:
        """The 1-based line of ``location`` (``components[3].group``) or of its nearest enclosing value.

        Found on demand by walking the node tree, so loading pays nothing for
        locations that are never reported.
        """
        node: yaml.Node = self.root
        line = node.start_mark.line + 1
        for index, key in _SEGMENT.findall(location):
            found = _child(node, int(index) if index else key)
            if found is None:
                break
            line, node = found
        return line


def read_yaml(text: str, source: str) -> YamlDocument:
    """Parse one YAML document; syntax, tag and value errors become :class:`ModelError`."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        raise _marked_error(error, source) from None
    except yaml.YAMLError as error:
        raise ModelError(source, f"not valid YAML: {error}", line=1) from None
    if node is None:
        raise ModelError(source, "the file is empty; expected a mapping with id, title, …", line=1)
    if _expanded_size(node, MAX_VALUES) > MAX_VALUES:
        raise ModelError(
            source,
            f"the document expands to more than {MAX_VALUES:,} values (through YAML aliases?); "
            "refused so it cannot exhaust memory",
            line=1,
        )
    _check_repeated_keys(node, source)
    try:
        data = _Constructor().construct_document(node)
    except yaml.MarkedYAMLError as error:
        raise _marked_error(error, source) from None
    except (yaml.YAMLError, TypeError, ValueError, OverflowError) as error:
        raise ModelError(source, f"unsupported YAML value: {error}", line=1) from None
    return YamlDocument(data, node)


class _Constructor(yaml.constructor.SafeConstructor):
    """The safe constructor, reporting the line of a value it cannot build."""

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep)
        except yaml.MarkedYAMLError:
            raise
        except (TypeError, ValueError, OverflowError) as error:
            # e.g. a date that does not exist, or an integer with too many digits
            raise yaml.constructor.ConstructorError(
                None, None, f"cannot read this value: {error}", node.start_mark
            ) from None


def _child(node: yaml.Node, step: int | str) -> tuple[int, yaml.Node] | None:
    """(line, node) one step below ``node``: a list index or a mapping key (its last occurrence)."""
    if isinstance(node, yaml.SequenceNode) and isinstance(step, int):
        if step < len(node.value):
            item = node.value[step]
            return item.start_mark.line + 1, item
        return None
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in reversed(node.value):
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == str(step):
                return key_node.start_mark.line + 1, value_node
    return None


def _expanded_size(root: yaml.Node, limit: int) -> int:
    """How many nodes the document holds with every alias expanded, counting no further than ``limit``."""
    count = 0
    stack = [root]
    while stack and count <= limit:
        node = stack.pop()
        count += 1
        if isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                stack.append(key_node)
                stack.append(value_node)
    return count


def _check_repeated_keys(root: yaml.Node, source: str) -> None:
    """A key written twice in one mapping is an error: YAML would silently keep only the last one.

    Checked on the composed nodes, before merge keys (``<<``) add their own, deliberate repeats.
    """
    stack, seen = [root], set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            first_lines: dict[str, int] = {}
            for key_node, value_node in node.value:
                stack.append(value_node)
                if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == _MERGE_TAG:
                    continue
                line = key_node.start_mark.line + 1
                if key_node.value in first_lines:
                    problem = (
                        f"not valid YAML: the key {_short(key_node.value)!r} appears twice in one mapping "
                        f"(first on line {first_lines[key_node.value]}); only the last would count"
                    )
                    raise ModelError(source, problem, line=line)
                first_lines[key_node.value] = line


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def _marked_error(error: yaml.MarkedYAMLError, source: str) -> ModelError:
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark is not None else 1
    problem = " ".join(part for part in (error.context, error.problem) if part)
    return ModelError(source, f"not valid YAML: {problem}", line=line)
