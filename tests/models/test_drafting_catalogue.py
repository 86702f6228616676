"""The icon catalogue: names derived and curated, built-in concepts, search and its JSON form."""

from __future__ import annotations

from models.drafting import Catalogue, IconEntry, ScannedIcon
from models.drafting._curated import curated_names
from models.drafting.catalogue import entries_from_icons
from models.drafting.names import icon_names, split_camel
from models.icons import find_icon
from tests.models.drafting_support import catalogue


def test_curated_names_win() -> None:
    label, aliases, curated = icon_names(
        "aws/storage/simple-storage-service-s3", "SimpleStorageServiceS3", ("S3",)
    )
    assert (label, curated) == ("Amazon S3", True)
    assert "S3" in aliases
    assert icon_names("onprem/queue/kafka")[0] == "Kafka"
    assert icon_names("onprem/database/postgresql")[:2] == ("PostgreSQL", ("Postgres", "Postgresql", "psql"))


def test_derived_names_split_the_class_name_and_find_the_acronym() -> None:
    label, aliases, curated = icon_names(
        "aws/storage/elastic-block-store-ebs-volume", "ElasticBlockStoreEBSVolume"
    )
    assert (label, curated) == ("Elastic Block Store EBS Volume", False)
    label, aliases, _ = icon_names(
        "aws/network/virtual-private-cloud-vpc", "VirtualPrivateCloudVPC", ("VPCAlias",)
    )
    assert label == "Virtual Private Cloud VPC"
    assert aliases == ("VPCAlias", "Virtual Private Cloud", "VPC")
    assert split_camel("EC2ContainerRegistry") == "EC2 Container Registry"


def test_every_curated_icon_exists() -> None:
    missing = [reference for reference in curated_names() if find_icon(reference) is None]
    assert missing == []


def test_rounded_duplicates_and_provider_logos_are_skipped() -> None:
    entries = entries_from_icons([ScannedIcon("aws/compute/lambda-rounded"), ScannedIcon("aws/aws")])
    assert entries == []


def test_a_logo_that_names_a_technology_is_kept() -> None:
    [kubernetes] = entries_from_icons([ScannedIcon("k8s/k8s")])
    assert (kubernetes.label, kubernetes.curated) == ("Kubernetes", True)


def test_builtin_concepts_are_in_the_catalogue_with_their_icons() -> None:
    concepts = {entry.concept: entry for entry in catalogue().entries if entry.concept}
    assert concepts["kubelet"].reference == "k8s/controlplane/kubelet"
    assert concepts["ecs-agent"].label == "ECS agent"
    assert concepts["task-definition"].reference == "ecs/task-definition"
    assert concepts["kube-controller-manager"].label == "kube-controller-manager"
    # Lower-case phrases are too general to name a built-in concept.
    assert "control plane" not in concepts["ecs-control-plane"].aliases


def test_a_concept_drawn_with_a_curated_icon_takes_its_name() -> None:
    ecr = next(entry for entry in catalogue().entries if entry.concept == "ecr")
    assert ecr.label == "Amazon ECR"
    assert ecr.key != ecr.reference


def test_search_puts_exact_names_first() -> None:
    found = catalogue().search("postgres")
    assert found[0].reference == "onprem/database/postgresql"
    assert catalogue().search("no such thing at all") == []


def test_json_round_trip_keeps_icons_and_leaves_concepts_out() -> None:
    original = Catalogue([IconEntry("onprem/queue/kafka", "Kafka", ("Apache Kafka",), True)])
    concept = IconEntry("k8s/controlplane/kubelet", "kubelet", (), True, "kubelet")
    loaded = Catalogue.from_json(Catalogue([*original.entries, concept]).to_json(), extra=[concept])
    assert loaded.entries == (concept, *original.entries)
    assert loaded.get("onprem/queue/kafka") == original.entries[0]
