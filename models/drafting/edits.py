"""The user's edits to a draft before it is saved: each returns a new :class:`Draft`.

A draft is a value; the draft editor keeps the latest one and writes it with
:func:`models.drafting.draft_yaml`, so an edit never leaves a half-changed file
behind. Removing a component also removes its relations and any group left
with nothing in it.
"""

from __future__ import annotations

from dataclasses import replace

from models.drafting.catalogue import IconEntry
from models.drafting.draft import Draft, DraftComponent, DraftRelation, kind_of, slug


class DraftEditError(ValueError):
    """An edit that would make the draft invalid; the message is one line for the user."""


def component(draft: Draft, component_id: str) -> DraftComponent:
    found = next((c for c in draft.components if c.id == component_id), None)
    if found is None:
        raise DraftEditError(f"no component {component_id!r} in the draft")
    return found


def rename_component(draft: Draft, component_id: str, label: str) -> Draft:
    """Give a component a new label; the old one stays an alias so the note's lines still match."""
    label = " ".join(label.split())
    if not label:
        raise DraftEditError("a component needs a name")
    old = component(draft, component_id)
    aliases = old.aliases
    if old.label.casefold() != label.casefold() and old.label.casefold() not in {
        a.casefold() for a in aliases
    }:
        aliases = (old.label, *aliases)
    aliases = tuple(alias for alias in aliases if alias.casefold() != label.casefold())
    return _with_component(draft, replace(old, label=label, aliases=aliases))


def set_icon(draft: Draft, component_id: str, entry: IconEntry) -> Draft:
    """Draw a component with ``entry``'s icon; it follows that entry's built-in concept, if any."""
    old = component(draft, component_id)
    return _with_component(
        draft, replace(old, icon=entry.reference, kind=kind_of(entry), concept=entry.concept)
    )


def remove_component(draft: Draft, component_id: str) -> Draft:
    """Drop a component, the relations that touch it and the groups it leaves empty."""
    component(draft, component_id)
    if len(draft.components) == 1:
        raise DraftEditError("a draft keeps at least one component")
    components = tuple(c for c in draft.components if c.id != component_id)
    relations = tuple(r for r in draft.relations if component_id not in (r.source, r.target))
    return _prune_groups(replace(draft, components=components, relations=relations))


def drop_relation(draft: Draft, index: int) -> Draft:
    _relation(draft, index)
    return replace(draft, relations=draft.relations[:index] + draft.relations[index + 1 :])


def repoint_relation(draft: Draft, index: int, source: str, target: str) -> Draft:
    """Join relation ``index`` to other components (or turn it around)."""
    old = _relation(draft, index)
    component(draft, source)
    component(draft, target)
    if source == target:
        raise DraftEditError("a relation joins two different components")
    if any(r.source == source and r.target == target for n, r in enumerate(draft.relations) if n != index):
        raise DraftEditError("those two components are already joined that way")
    relations = list(draft.relations)
    relations[index] = replace(old, source=source, target=target)
    return replace(draft, relations=tuple(relations))


def retitle(draft: Draft, title: str, architecture_id: str | None = None) -> Draft:
    """A new title (and id; by default one made from the title)."""
    title = " ".join(title.split())
    if not title:
        raise DraftEditError("the architecture needs a title")
    return replace(draft, title=title, id=architecture_id or slug(title))


def _relation(draft: Draft, index: int) -> DraftRelation:
    if not 0 <= index < len(draft.relations):
        raise DraftEditError(f"no relation number {index + 1} in the draft")
    return draft.relations[index]


def _with_component(draft: Draft, changed: DraftComponent) -> Draft:
    return replace(draft, components=tuple(changed if c.id == changed.id else c for c in draft.components))


def _prune_groups(draft: Draft) -> Draft:
    used = {c.group for c in draft.components if c.group}
    parents = {g.id: g.parent for g in draft.groups}
    for group_id in list(used):
        parent = parents.get(group_id)
        while parent is not None:
            used.add(parent)
            parent = parents.get(parent)
    return replace(draft, groups=tuple(g for g in draft.groups if g.id in used))
