"""The draft editor's edits: each makes a new draft that still writes a valid architecture file."""

from __future__ import annotations

import pytest

from models.drafting import Draft, draft_note, draft_yaml
from models.drafting.edits import (
    DraftEditError,
    drop_relation,
    remove_component,
    rename_component,
    repoint_relation,
    retitle,
    set_icon,
)
from models.loader import load_architecture_text
from tests.models.drafting_support import catalogue, name_index

NOTE = """\
# Shop

## Data

**Django** writes orders to **PostgreSQL**. **Redis** caches sessions.

## Queues

Django sends jobs to **RabbitMQ**, and **Celery** workers consume from RabbitMQ.
"""


@pytest.fixture
def draft() -> Draft:
    return draft_note(NOTE, name_index())


def loads(draft: Draft) -> None:
    load_architecture_text(draft_yaml(draft, "shop.md"), "edited draft")


def ids(draft: Draft) -> list[str]:
    return [component.id for component in draft.components]


def test_rename_keeps_the_old_name_as_an_alias(draft: Draft) -> None:
    renamed = rename_component(draft, "postgresql", "  Orders   database ")
    orders = next(c for c in renamed.components if c.id == "postgresql")
    assert orders.label == "Orders database"
    assert orders.aliases[0] == "PostgreSQL"
    loads(renamed)
    with pytest.raises(DraftEditError, match="needs a name"):
        rename_component(draft, "postgresql", " ")


def test_remove_takes_its_relations_and_empty_groups(draft: Draft) -> None:
    assert {g.label for g in draft.groups} == {"Data", "Queues"}
    without = remove_component(remove_component(draft, "rabbitmq"), "celery")
    assert "rabbitmq" not in ids(without)
    assert all("rabbitmq" not in (r.source, r.target) for r in without.relations)
    assert [g.label for g in without.groups] == ["Data"]
    loads(without)
    with pytest.raises(DraftEditError, match="no component"):
        remove_component(draft, "kafka")


def test_set_icon_follows_the_entry(draft: Draft) -> None:
    entry = catalogue().get("onprem/queue/kafka")
    assert entry is not None
    changed = set_icon(draft, "rabbitmq", entry)
    queue = next(c for c in changed.components if c.id == "rabbitmq")
    assert (queue.icon, queue.kind) == ("onprem/queue/kafka", "queue")
    loads(changed)


def test_relations_are_repointed_and_dropped(draft: Draft) -> None:
    first = draft.relations[0]
    turned = repoint_relation(draft, 0, first.target, first.source)
    assert (turned.relations[0].source, turned.relations[0].target) == (first.target, first.source)
    assert turned.relations[0].label == first.label
    loads(turned)
    assert drop_relation(draft, 0).relations == draft.relations[1:]
    with pytest.raises(DraftEditError, match="two different"):
        repoint_relation(draft, 0, first.source, first.source)
    with pytest.raises(DraftEditError, match="no relation"):
        drop_relation(draft, len(draft.relations))


def test_retitle_makes_the_id_from_the_title(draft: Draft) -> None:
    assert retitle(draft, "My shop").id == "my-shop"
    assert retitle(draft, "My shop", "shop-2").id == "shop-2"
    with pytest.raises(DraftEditError):
        retitle(draft, "")
