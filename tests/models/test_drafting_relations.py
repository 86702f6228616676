"""Relations from sentences naming two components with a verb between them."""

from __future__ import annotations

from models.drafting.relations import find_relations
from models.drafting.text import read_note
from tests.models.drafting_support import name_index


def _relations(text: str) -> list[tuple[str, str, str]]:
    note = read_note(text)
    found = find_relations(note.sentences, name_index().find(note.sentences))
    short = {key: key.split("#")[0].rsplit("/", 1)[-1] for r in found for key in (r.source, r.target)}
    return [(short[r.source], short[r.target], r.label) for r in found]


def test_the_subject_is_the_source_and_the_verb_phrase_the_label() -> None:
    assert _relations("Grafana queries PostgreSQL.") == [("grafana", "postgresql", "queries")]
    assert _relations("The Spark job writes Parquet files to Amazon S3.") == [
        ("spark", "simple-storage-service-s3", "writes Parquet files to")
    ]
    assert _relations("Prometheus scrapes metrics from Kafka.") == [
        ("prometheus", "kafka", "scrapes metrics from")
    ]


def test_passive_with_by_reverses_the_direction() -> None:
    assert _relations("Kafka is consumed by Flink.") == [("flink", "kafka", "consumes")]


def test_no_verb_or_a_clause_break_means_no_relation() -> None:
    assert _relations("Grafana and PostgreSQL are both here.") == []
    assert _relations("Grafana is nice, while PostgreSQL stores data.") == []
    assert _relations("Unlike Cassandra, PostgreSQL writes to disk.") == []


def test_the_object_of_a_preposition_is_not_a_subject() -> None:
    assert _relations("Data from Kafka goes to Amazon S3.") == []


def test_a_list_of_targets_shares_the_verb() -> None:
    assert _relations("Grafana queries Prometheus, Loki and Tempo.") == [
        ("grafana", "prometheus", "queries"),
        ("grafana", "loki", "queries"),
        ("grafana", "tempo", "queries"),
    ]


def test_a_new_clause_after_the_list_ends_it() -> None:
    found = _relations("Django sends tasks to RabbitMQ, and Celery workers consume from RabbitMQ.")
    assert found == [("django", "rabbitmq", "sends tasks to"), ("celery", "rabbitmq", "consumes from")]


def test_the_subject_carries_over_coordinated_verbs() -> None:
    assert _relations("A Flink job consumes from Kafka, cleans the rows, and writes files to S3.") == [
        ("flink", "kafka", "consumes from"),
        ("flink", "simple-storage-service-s3", "writes files to"),
    ]
    assert _relations("GitHub Actions builds the image and pushes it to Amazon ECR.")[0][:2] == (
        "github-actions",
        "ec2-container-registry",
    )


def test_a_relative_clause_takes_the_name_before_it_as_subject() -> None:
    assert _relations("Clients call Amazon API Gateway, which invokes AWS Lambda for each order.") == [
        ("api-gateway", "lambda", "invokes")
    ]
    assert _relations("Traffic goes to NGINX, which forwards requests to Gunicorn.") == [
        ("nginx", "gunicorn", "forwards requests to")
    ]
    assert _relations("Kafka, which Flink reads, is fast.") == []


def test_the_subject_carries_over_a_short_phrase_then_and() -> None:
    assert _relations(
        "AWS Step Functions calls Lambda for each step and sends the email through Amazon SES."
    ) == [
        ("step-functions", "lambda", "calls"),
        ("step-functions", "simple-email-service-ses", "sends email through"),
    ]
    assert _relations("Airflow triggers dbt for each run, but Grafana queries PostgreSQL.")[0][:2] != (
        "airflow",
        "postgresql",
    )


def test_an_arrow_between_two_names_is_a_flow() -> None:
    assert _relations("- S3 event → Lambda, then the job ends.") == [
        ("simple-storage-service-s3", "lambda", "flows to")
    ]
    assert _relations("Kafka -> Flink -> Amazon S3") == [
        ("kafka", "flink", "flows to"),
        ("flink", "simple-storage-service-s3", "flows to"),
    ]
    assert _relations("Kafka → three more stages and then → Flink") == []


def test_it_at_the_start_stands_for_the_subject_before() -> None:
    assert _relations("Cloud Run hosts the API; it loads the model from Cloud Storage.") == [
        ("run", "storage", "loads model from")
    ]
    assert _relations("We like Cloud Run; it loads the model from Cloud Storage.") == []


def test_a_second_name_that_starts_its_own_clause_is_not_an_object() -> None:
    assert _relations("The AWS Glue Data Catalog keeps the table definitions that Athena reads.") == []


def test_the_opening_subject_reaches_the_last_of_its_chained_verbs() -> None:
    assert _relations("Vector tails the log files, parses the JSON lines and pushes them to Loki.") == [
        ("vector", "loki", "pushes them to")
    ]
    assert _relations("Vector tails the log files, but Loki is slow.") == []
