"""Valid-looking models that used to crash or mislead: long icon names, ids with a newline, deep nesting,
folders named like model files, big files of ignored keys."""

from __future__ import annotations

from pathlib import Path

import pytest

import models.loader
from explorer.layout.graphviz_layout import dot_source
from models import ModelError, load_architecture_file, load_architecture_text, load_architectures
from models.icons import FALLBACK_ICON, icon_or_fallback, icon_path
from models.loader import MAX_FILE_BYTES
from tests.reliability._guards import Reads, never_called
from tests.reliability._support import SMALL_MODEL


@pytest.mark.parametrize("length", [256, 300, 5_000])
def test_a_long_icon_reference_draws_the_fallback_with_a_warning(tmp_path: Path, length: int) -> None:
    reference = "aws/" + "x" * length
    (tmp_path / "long-icon.yaml").write_text(SMALL_MODEL.replace("aws/compute/fargate", reference))
    result = load_architectures([tmp_path])
    assert not result.errors
    [architecture] = result.architectures
    [warning] = architecture.warnings
    assert "components[1].icon" in warning
    assert "fallback" in warning
    assert len(warning) < 400 + len(str(tmp_path))
    assert icon_or_fallback(reference) == icon_path(FALLBACK_ICON)
    assert icon_path(FALLBACK_ICON).as_posix() in dot_source(architecture, splines="spline")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("id: small", 'id: "small\\n"'),
        ("{id: vpc,", '{id: "vpc\\n",'),
        ("{id: web,", '{id: "web\\n",'),
        ("group: vpc}", 'group: "vpc\\n"}'),
        ("{source: alb,", '{source: "alb\\n",'),
        ("{id: ecr,", "{id: " + "e" * 101 + ","),
    ],
    ids=["architecture", "group", "component", "group-reference", "relation-end", "too-long"],
)
def test_ids_are_matched_whole(old: str, new: str) -> None:
    assert old in SMALL_MODEL
    with pytest.raises(ModelError, match="expected an id") as raised:
        load_architecture_text(SMALL_MODEL.replace(old, new), "ids.yaml")
    assert raised.value.line is not None


def _nested_model(depth: int) -> str:
    groups = "\n".join(
        f"  - {{id: g{i}, label: G{i}, kind: k{', parent: g' + str(i - 1) if i else ''}}}"
        for i in range(depth)
    )
    return (
        f"id: deep\ntitle: Deep\nsummary: Nested.\ngroups:\n{groups}\ncomponents:\n"
        f"  - {{id: inner, label: Inner, kind: k, icon: aws/compute/ec2, group: g{depth - 1}}}\n"
        "  - {id: outer, label: Outer, kind: k, icon: aws/compute/ec2, group: g0}\n"
        "relations:\n  - {source: inner, target: outer}\n"
    )


@pytest.mark.parametrize("depth", [500, 1_000])
def test_deep_group_nesting_reaches_graphviz_without_recursion(depth: int) -> None:
    architecture = load_architecture_text(_nested_model(depth), "deep.yaml")
    assert len(architecture.group_path(f"g{depth - 1}")) == depth
    source = dot_source(architecture, splines="spline")
    assert source.count("subgraph cluster_g") == depth
    assert source.index("subgraph cluster_g0 ") < source.index(f"subgraph cluster_g{depth - 1} ")


def test_a_folder_named_like_a_model_file_is_reported(tmp_path: Path) -> None:
    folder = tmp_path / "mine.yaml"
    folder.mkdir()
    result = load_architectures([folder])
    assert [error.problem for error in result.errors] == [
        "is a folder, not a model file, and holds no .yaml or .yml files"
    ]
    (folder / "small.yaml").write_text(SMALL_MODEL)
    assert [a.id for a in load_architectures([folder]).architectures] == ["small"]


def test_an_ordinary_empty_folder_is_not_an_error(tmp_path: Path) -> None:
    assert load_architectures([tmp_path]).errors == []


def test_a_path_too_long_to_look_up_is_reported(tmp_path: Path) -> None:
    result = load_architectures([tmp_path / ("x" * 300) / "model.yaml"])
    [error] = result.errors
    assert "too long" in error.problem.lower()


def test_a_big_model_of_ignored_keys_is_refused_before_parsing(
    tmp_path: Path, reads: Reads, monkeypatch: pytest.MonkeyPatch
) -> None:
    refused_unparsed = never_called("the YAML parser", models.loader.read_yaml)
    monkeypatch.setattr(models.loader, "read_yaml", refused_unparsed)
    line = "x-note{}: 'an ignored value, a few dozen characters of text here'\n"
    body = "".join(line.format(i) for i in range(6_000_000 // len(line)))
    text = SMALL_MODEL + body
    path = tmp_path / "big.yaml"
    path.write_text(text)
    with pytest.raises(ModelError, match="larger than 4 MB"):
        load_architecture_file(path)
    with pytest.raises(ModelError, match="larger than 4 MB"):
        load_architecture_text(text, "big.yaml")
    assert reads.bytes_read(path) == MAX_FILE_BYTES + 1, "read no further than the limit"
    assert len(text) > MAX_FILE_BYTES
