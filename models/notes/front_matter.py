"""A note's YAML front matter, read safely (broken or oversized YAML is ignored, said), and its tags."""

from __future__ import annotations

from typing import Any

import yaml

_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_FRONT_MATTER_VALUES = 10_000
"""Front matter holding more values once YAML aliases are expanded is ignored ("billion laughs")."""


def read_front_matter(content: str) -> tuple[dict[str, Any], list[str]]:
    """The keys and values in the front matter ``content`` (none when it cannot be used), and the problems."""
    try:
        data = yaml.load(content, Loader=_YAML_LOADER)
    except Exception as error:  # broken YAML, deep nesting…: ignore it, keep the note
        problem = str(error).split("\n", 1)[0]
        return {}, [f"front matter is not valid YAML and was ignored ({problem})"]
    if data is None:
        return {}, []
    if _value_count(data, MAX_FRONT_MATTER_VALUES) > MAX_FRONT_MATTER_VALUES:
        return {}, [
            f"front matter holds more than {MAX_FRONT_MATTER_VALUES:,} values (through YAML aliases?) "
            "and was ignored"
        ]
    if not isinstance(data, dict):
        return {}, ["front matter is not a mapping of keys to values and was ignored"]
    return {str(key): value for key, value in data.items()}, []


def front_matter_tags(value: Any) -> list[str]:
    """The tags of a ``tags:`` value: a list, or words separated by spaces or commas; ``#`` taken off."""
    if isinstance(value, str):
        value = value.replace(",", " ").split()
    if not isinstance(value, list | tuple):
        return []
    return [str(tag).lstrip("#") for tag in value if isinstance(tag, str | int) and str(tag).strip("#")]


def _value_count(data: Any, limit: int) -> int:
    """Values in ``data``, aliased parts counted each time they appear, counting no further than ``limit``."""
    count, stack = 0, [data]
    while stack and count <= limit:
        value = stack.pop()
        count += 1
        if isinstance(value, dict):
            stack.extend(value.keys())
            stack.extend(value.values())
        elif isinstance(value, list | tuple | set | frozenset):
            stack.extend(value)
    return count
