"""Finding the catalogue's names in note sentences."""

from __future__ import annotations

from models.drafting.text import read_note
from tests.models.drafting_support import name_index


def _found(text: str) -> list[tuple[str, str, bool]]:
    note = read_note(text)
    return [(m.entry.reference, m.text, m.negative) for m in name_index().find(note.sentences)]


def test_names_match_whatever_the_case_and_separators_longest_first() -> None:
    assert _found("We use apache kafka and Amazon S3 buckets.") == [
        ("onprem/queue/kafka", "apache kafka", False),
        ("aws/storage/simple-storage-service-s3", "Amazon S3 buckets", False),
    ]
    assert _found("kube proxy and kube-proxy")[0][0] == _found("kube proxy and kube-proxy")[1][0]


def test_everyday_words_need_their_capitals() -> None:
    assert _found("Secrets live in Vault.") == [("onprem/security/vault", "Vault", False)]
    assert _found("the bank vault is closed") == []
    assert _found("Nightly batch on AWS (batch).") == []


def test_generic_and_uncurated_names_need_emphasis() -> None:
    assert _found("All users and the data pipeline run here.") == []
    assert _found("Ocelot routes it.") == []
    assert [ref for ref, _, _ in _found("The **Users** call **Ocelot**.")] == [
        "onprem/client/users",
        "onprem/network/ocelot",
    ]
    # A code span holding more than the name is not the name: `/metrics` is a path.
    assert _found("Scrape the `/users` endpoint.") == []


def test_uncurated_cloud_names_count_with_the_vendor() -> None:
    assert _found("An AWS Data Pipeline copies it.")[0][0] == "aws/analytics/data-pipeline"


def test_a_hyphen_compound_is_not_the_name() -> None:
    assert _found("Tempo writes to S3-compatible storage.") == [("onprem/tracing/tempo", "Tempo", False)]


def test_names_set_aside_are_negative() -> None:
    assert _found("Unlike Cassandra, we keep PostgreSQL.") == [
        ("onprem/database/cassandra", "Cassandra", True),
        ("onprem/database/postgresql", "PostgreSQL", False),
    ]


def test_a_curated_icon_wins_a_name_a_builtin_concept_draws_differently() -> None:
    assert _found("CloudWatch collects metrics.")[0][0] == "aws/management/cloudwatch"
    assert _found("Docker runs it.")[0][0] == "onprem/container/docker"
    assert _found("the ECS agent registers")[0][0] == "ecs/container-agent"


def test_flowchart_shapes_are_never_found() -> None:
    assert _found("**Merge** the lists.") == []


def test_a_hand_name_counts_without_its_vendor_when_two_words_or_more() -> None:
    assert _found("API Management forwards it; Functions do the rest.") == [
        ("azure/integration/api-management", "API Management", False)
    ]
    assert _found("api management") == []
