"""The headless ``list`` and ``describe`` commands."""

from __future__ import annotations

import argparse
from typing import Any

from explorer import exit_codes
from explorer.cli_output import find_architecture, report, report_model_errors
from explorer.sources import load_sources
from explorer.terminal_text import terminal_json, terminal_text
from models.architecture import Architecture
from models.notes import Excerpt, NotesLibrary


def list_architectures(args: argparse.Namespace) -> int:
    sources = load_sources(args.models, args.notes)
    report_model_errors(sources)
    report(sources.notes_errors)
    rows = [
        {"id": a.id, "title": a.title, "summary": a.summary, "source": a.source}
        for a in sources.architectures.values()
    ]
    if args.json:
        print(terminal_json(rows))
    else:
        width = max((len(row["id"]) for row in rows), default=0)
        for row in rows:
            print(terminal_text(f"{row['id']:<{width}}  {row['title']}"))
    return exit_codes.BAD_INPUT if sources.model_errors else exit_codes.OK


def describe_architecture(args: argparse.Namespace) -> int:
    sources = load_sources(args.models, args.notes)
    if args.id not in sources.architectures:
        report_model_errors(sources)
    architecture = find_architecture(sources, args.id)
    if architecture is None:
        return exit_codes.BAD_INPUT
    report(sources.notes_errors)
    description = describe(architecture, sources.notes, show_all=args.all_excerpts)
    if args.json:
        print(terminal_json(description))
    else:
        print(terminal_text(_as_text(description)))
    return exit_codes.OK


def describe(architecture: Architecture, notes: NotesLibrary, *, show_all: bool = False) -> dict[str, Any]:
    """The architecture as plain data, with the note excerpts of every component and group."""

    def excerpts(element_id: str) -> list[dict[str, Any]]:
        return [_excerpt_data(e) for e in notes.excerpts_for(architecture, element_id, show_all=show_all)]

    return {
        "id": architecture.id,
        "title": architecture.title,
        "summary": architecture.summary,
        "source": architecture.source,
        "summary_excerpts": [_excerpt_data(e) for e in notes.summary_for(architecture)],
        "groups": [
            {
                "id": g.id,
                "label": g.label,
                "kind": g.kind,
                "parent": g.parent,
                "description": g.description,
                "excerpts": excerpts(g.id),
            }
            for g in architecture.groups
        ],
        "components": [
            {
                "id": c.id,
                "label": c.label,
                "kind": c.kind,
                "group": c.group,
                "icon": c.icon,
                "concept": c.concept_id,
                "aliases": list(c.aliases),
                "description": c.description,
                "excerpts": excerpts(c.id),
            }
            for c in architecture.components
        ],
        "relations": [
            {"source": r.source, "target": r.target, "label": r.label, "kind": r.kind}
            for r in architecture.relations
        ],
        "warnings": list(architecture.warnings),
    }


def _excerpt_data(excerpt: Excerpt) -> dict[str, Any]:
    return {
        "origin": excerpt.origin,
        "source": excerpt.source,
        "title": excerpt.title,
        "heading_path": list(excerpt.heading_path),
        "line": excerpt.line,
        "text": excerpt.text,
        "matched_terms": list(excerpt.matched_terms),
        "score": round(excerpt.score, 3),
    }


def _as_text(description: dict[str, Any]) -> str:
    lines = [f"{description['title']} ({description['id']})", "", description["summary"], ""]
    for component in description["components"]:
        lines.append(f"- {component['label']} [{component['id']}] in {component['group'] or '—'}")
        for excerpt in component["excerpts"]:
            where = " › ".join(excerpt["heading_path"])
            lines.append(f"    {excerpt['origin']}: {excerpt['source']} › {where} (line {excerpt['line']})")
    lines.append("")
    for relation in description["relations"]:
        label = f" ({relation['label']})" if relation["label"] else ""
        lines.append(f"{relation['source']} —{relation['kind']}→ {relation['target']}{label}")
    return "\n".join(lines)
