"""Writes a :class:`Draft` as a commented architecture file a person can read and edit.

Hand-written rather than dumped: the order of keys, blank lines between
sections and comments that say where each part came from are the point of a
draft. Scalars are written plain when YAML reads them back unchanged, and
JSON-quoted (valid YAML) otherwise.
"""

from __future__ import annotations

import json
import re

from models.drafting.draft import Draft

_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 ._/()+,'&-]*")
_RESERVED = frozenset({"yes", "no", "on", "off", "true", "false", "null", "y", "n", "~"})


def scalar(text: str) -> str:
    """``text`` as a YAML scalar that reads back as the same string."""
    if (
        _PLAIN.fullmatch(text)
        and text.casefold() not in _RESERVED
        and not text.endswith(" ")
        and ": " not in text
    ):
        return text
    return json.dumps(text, ensure_ascii=False)


def _names(values: tuple[str, ...]) -> str:
    return "[" + ", ".join(scalar(value) for value in values) + "]"


def _comment(text: str) -> str:
    return " ".join(text.split())


def draft_yaml(draft: Draft, note_name: str) -> str:
    """The architecture file for ``draft``, drafted from the note called ``note_name``."""
    lines = [
        f"# Drafted from the note {_comment(note_name)} by `arch-explorer draft`.",
        "# A starting point: rename, remove or regroup freely; the app reloads this file as you save.",
        "# Open it beside the note with: arch-explorer --models THIS_FILE --notes THE_NOTE",
        "# Format: docs/MODEL_FORMAT.md. Icons: a path below an icon root, without extension.",
        "",
        f"id: {scalar(draft.id)}",
        f"title: {scalar(draft.title)}",
        f"summary: {scalar(draft.summary)}",
        f"x-drafted-from: {scalar(note_name)}",
        "layout:",
        "  direction: TB  # top to bottom fits a screen; LR suits long chains of relations",
    ]
    if draft.groups:
        lines += ["", "# One group per heading of the note that gathers two components or more.", "groups:"]
        for group in draft.groups:
            lines += [f"  - id: {scalar(group.id)}", f"    label: {scalar(group.label)}", "    kind: generic"]
            if group.parent:
                lines.append(f"    parent: {scalar(group.parent)}")
    lines += [
        "",
        "# What the note names; aliases are the forms it uses, so its lines show beside each part.",
        "components:",
    ]
    for component in draft.components:
        lines += [
            f"  - id: {scalar(component.id)}",
            f"    label: {scalar(component.label)}",
            f"    kind: {scalar(component.kind)}",
            f"    icon: {scalar(component.icon)}",
        ]
        if component.group:
            lines.append(f"    group: {scalar(component.group)}")
        if component.aliases:
            lines.append(f"    aliases: {_names(component.aliases)}")
        if component.description:
            lines.append(f"    description: {scalar(component.description)}")
        if component.concept:
            lines.append(
                f"    concept: {scalar(component.concept)}  # a built-in concept: its notes show too"
            )
    if draft.relations:
        lines += [
            "",
            "# Sentences of the note that name two components with a verb between them.",
            "relations:",
        ]
        for relation in draft.relations:
            lines += [
                f"  # {_comment(relation.evidence)}",
                f"  - source: {scalar(relation.source)}",
                f"    target: {scalar(relation.target)}",
                f"    kind: {scalar(relation.kind)}",
                f"    label: {scalar(relation.label)}",
            ]
    if draft.unsure:
        lines += ["", "# Named in the note but left out (add them above if they belong):"]
        lines += [f"#   {_comment(item.label)} (icon: {item.icon}): {item.reason}" for item in draft.unsure]
    return "\n".join(lines) + "\n"
