"""A small, real catalogue for the drafting tests: the curated icons, built-in concepts and a few more."""

from __future__ import annotations

from functools import cache

from models.catalog import load_catalog
from models.drafting import Catalogue, NameIndex, ScannedIcon
from models.drafting._curated import curated_names
from models.drafting.catalogue import entries_from_architectures, entries_from_icons

UNCURATED = (
    ScannedIcon("aws/analytics/data-pipeline", "DataPipeline"),
    ScannedIcon("onprem/network/ocelot", "Ocelot"),
    ScannedIcon("aws/storage/elastic-block-store-ebs-volume", "ElasticBlockStoreEBSVolume"),
    ScannedIcon("aws/compute/lambda-rounded", "LambdaRounded"),
    ScannedIcon("programming/flowchart/merge", "Merge"),
)


@cache
def catalogue() -> Catalogue:
    icons = entries_from_icons([*(ScannedIcon(reference) for reference in curated_names()), *UNCURATED])
    concepts = entries_from_architectures(load_catalog().architectures)
    return Catalogue.from_json(Catalogue(icons).to_json(), extra=concepts)


@cache
def name_index() -> NameIndex:
    return NameIndex(catalogue().entries)
