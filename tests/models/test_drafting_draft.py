"""Drafting a whole note: components, unsure names, groups, relations, YAML and note matching."""

from __future__ import annotations

import pytest

from models.drafting import Draft, draft_note, draft_yaml
from models.drafting.yaml_writer import scalar
from models.loader import load_architecture_text
from models.notes import match_excerpts, parse_note
from tests.models.drafting_support import name_index

NOTE = """\
# Shop platform

The shop is a Django app; this is how it is wired.

## Backend

### Data

- **PostgreSQL** holds orders; Django writes orders to PostgreSQL.
- **Redis** caches sessions.

### Queues

Django sends jobs to **RabbitMQ**, and **Celery** workers consume from RabbitMQ.

## Empty heading

Nothing technical here.

## Monitoring

**Sentry** collects the errors.

Unlike Cassandra, PostgreSQL gives us joins. We once tried Memcached.
"""


@pytest.fixture(scope="module")
def draft() -> Draft:
    return draft_note(NOTE, name_index())


def _labels(draft: Draft) -> dict[str, str]:
    return {component.label: component.id for component in draft.components}


def test_components_are_the_named_technologies(draft: Draft) -> None:
    assert set(_labels(draft)) == {"Django", "PostgreSQL", "Redis", "RabbitMQ", "Celery", "Sentry"}
    icons = {component.label: component.icon for component in draft.components}
    assert icons["PostgreSQL"] == "onprem/database/postgresql"
    assert icons["Django"] == "programming/framework/django"


def test_names_set_aside_or_said_once_are_unsure(draft: Draft) -> None:
    assert {(item.label, item.reason) for item in draft.unsure} == {
        ("Cassandra", "only mentioned as an alternative or contrast"),
        ("Memcached", "mentioned once in passing"),
    }


def test_headings_become_nested_groups_and_thin_ones_are_dropped(draft: Draft) -> None:
    groups = {group.label: group for group in draft.groups}
    # "Monitoring" holds one component and "Empty heading" none; the title is the architecture's.
    assert set(groups) == {"Backend", "Data", "Queues"}
    assert groups["Data"].parent == groups["Queues"].parent == groups["Backend"].id
    placed = {component.label: component.group for component in draft.components}
    assert placed["Redis"] == groups["Data"].id
    assert placed["Celery"] == groups["Queues"].id
    assert placed["Sentry"] is None


def test_relations_join_components_with_the_verb_as_label(draft: Draft) -> None:
    ids = _labels(draft)
    found = {(r.source, r.target, r.label) for r in draft.relations}
    assert found == {
        (ids["Django"], ids["PostgreSQL"], "writes orders to"),
        (ids["Django"], ids["RabbitMQ"], "sends jobs to"),
        (ids["Celery"], ids["RabbitMQ"], "consumes from"),
    }


def test_the_title_and_id_come_from_the_note(draft: Draft) -> None:
    assert (draft.id, draft.title) == ("shop-platform", "Shop platform")
    assert draft.summary.startswith("The shop is a Django app")


def test_the_yaml_loads_without_errors_or_warnings(draft: Draft) -> None:
    architecture = load_architecture_text(draft_yaml(draft, "shop.md"), "draft.yaml")
    assert architecture.warnings == ()
    assert len(architecture.components) == len(draft.components)
    assert len(architecture.relations) == len(draft.relations)
    assert {group.id for group in architecture.groups} == {group.id for group in draft.groups}


def test_the_yaml_is_commented_and_lists_what_was_left_out(draft: Draft) -> None:
    text = draft_yaml(draft, "shop.md")
    assert text.startswith("# Drafted from the note shop.md")
    assert "#   Cassandra (icon: onprem/database/cassandra)" in text
    assert "# Django writes orders to PostgreSQL." in text


def test_the_note_lines_show_beside_each_component(draft: Draft) -> None:
    architecture = load_architecture_text(draft_yaml(draft, "shop.md"), "draft.yaml")
    excerpts = match_excerpts(architecture, [parse_note(NOTE, "shop.md")])
    assert {component.id for component in architecture.components} <= set(excerpts)


def test_a_builtin_concept_keeps_its_concept_id() -> None:
    draft = draft_note("# K\n\nThe **kubelet** calls **containerd** to start containers.\n", name_index())
    concepts = {component.label: component.concept for component in draft.components}
    assert concepts["kubelet"] == "kubelet"


def test_a_note_without_technologies_drafts_nothing() -> None:
    draft = draft_note("# Shopping list\n\nMilk, eggs and bread.\n", name_index())
    assert draft.components == ()


@pytest.mark.parametrize("text", ["plain text", "yes", "a: b", "x # y", "", "12", 'quote"s', "é"])
def test_scalars_read_back_unchanged(text: str) -> None:
    loaded = load_architecture_text(
        f"id: x\ntitle: {scalar(text or 'x')}\nsummary: {scalar(text or 'x')}\ncomponents: []\n", "t"
    )
    assert loaded.title == (text or "x")


def test_a_name_written_with_its_vendor_or_leading_a_table_cell_counts_once() -> None:
    note = """\
# Shop

Secrets are kept in AWS Secrets Manager. We once tried Memcached.

| Layer | Service |
| --- | --- |
| Serve | Power BI |
"""
    drafted = draft_note(note, name_index())
    assert {c.label for c in drafted.components} == {"AWS Secrets Manager", "Power BI"}
    assert [item.label for item in drafted.unsure] == ["Memcached"]


def test_the_title_names_the_topic_not_a_part() -> None:
    drafted = draft_note("# Kafka in practice\n\n**Flink** reads from **PostgreSQL**.\n", name_index())
    assert {c.label for c in drafted.components} == {"Apache Flink", "PostgreSQL"}
