"""Scores one draft against its gold file.

Gold components are matched to drafted ones by icon (``a|b`` accepts either);
a drafted component that matches no gold component and no ``optional`` icon is
spurious. A gold group counts as found when a drafted group has its heading as
label; its members are placed right when they sit in it or below it. A gold
relation is found when the drafted one joins the same components in the same
direction; any other drafted relation (except those touching an optional
component) is wrong.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from models.drafting.draft import Draft


@dataclass
class Score:
    gold_components: int = 0
    found_components: int = 0
    drafted_components: int = 0
    spurious_components: int = 0
    gold_groups: int = 0
    found_groups: int = 0
    gold_members: int = 0
    placed_members: int = 0
    gold_relations: int = 0
    found_relations: int = 0
    drafted_relations: int = 0
    wrong_relations: int = 0
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)
    missed_relations: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name, value in vars(other).items():
            if isinstance(value, int):
                setattr(self, name, getattr(self, name) + value)


def load_gold(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as file:
        data: dict[str, Any] = yaml.safe_load(file)
    return data


def score(draft: Draft, gold: dict[str, Any]) -> Score:
    result = Score()
    unused = {component.id: component for component in draft.components}
    matched: dict[str, str] = {}
    for name, icons in gold["components"].items():
        choices = icons.split("|")
        hit = next((cid for cid, component in unused.items() if component.icon in choices), None)
        result.gold_components += 1
        if hit is None:
            result.missed.append(f"{name} ({icons})")
            continue
        matched[name] = hit
        del unused[hit]
        result.found_components += 1
    optional = set(gold.get("optional", []))
    optional_ids = {cid for cid, component in unused.items() if component.icon in optional}
    result.drafted_components = len(draft.components) - len(optional_ids)
    for cid, component in unused.items():
        if cid not in optional_ids:
            result.spurious_components += 1
            result.spurious.append(f"{component.label} ({component.icon})")
    _score_groups(draft, gold, matched, result)
    _score_relations(draft, gold, matched, optional_ids, result)
    return result


def _score_groups(draft: Draft, gold: dict[str, Any], matched: dict[str, str], result: Score) -> None:
    by_label = {group.label.casefold(): group for group in draft.groups}
    parents = {group.id: group.parent for group in draft.groups}
    component_group = {component.id: component.group for component in draft.components}
    for heading, members in (gold.get("groups") or {}).items():
        result.gold_groups += 1
        group = by_label.get(heading.casefold())
        result.found_groups += group is not None
        for member in members:
            result.gold_members += 1
            if group is None or member not in matched:
                continue
            current = component_group[matched[member]]
            while current is not None and current != group.id:
                current = parents[current]
            result.placed_members += current == group.id


def _score_relations(
    draft: Draft, gold: dict[str, Any], matched: dict[str, str], optional_ids: set[str], result: Score
) -> None:
    wanted = set()
    for source, target in gold.get("relations") or []:
        result.gold_relations += 1
        pair = (matched.get(source), matched.get(target))
        wanted.add(pair)
        if pair not in {(r.source, r.target) for r in draft.relations}:
            result.missed_relations.append(f"{source} → {target}")
    for relation in draft.relations:
        if relation.source in optional_ids or relation.target in optional_ids:
            continue
        result.drafted_relations += 1
        if (relation.source, relation.target) in wanted:
            result.found_relations += 1
        else:
            result.wrong_relations += 1
            result.wrong.append(
                f"{relation.source} → {relation.target} ({relation.label}): {relation.evidence}"
            )
