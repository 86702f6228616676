"""Loading and validating architecture files: every error names file, line and place."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from models import ModelError, load_architecture_file, load_architecture_text, load_architectures

VALID = textwrap.dedent(
    """\
    id: demo
    title: Demo
    summary: A small demo.
    groups:
      - id: cloud
        label: AWS Cloud
        kind: cloud
      - id: vpc
        label: VPC
        kind: vpc
        parent: cloud
    components:
      - id: web
        label: Web
        kind: task
        icon: aws/compute/fargate
        group: vpc
        aliases: [web task]
        description: Serves pages.
      - id: registry
        label: ECR
        kind: registry
        icon: aws/compute/ec2-container-registry
        group: cloud
    relations:
      - source: web
        target: registry
        kind: pulls-from
        label: pulls image
    """
)


def load_error(text: str) -> ModelError:
    with pytest.raises(ModelError) as caught:
        load_architecture_text(text, "demo.yaml")
    return caught.value


def test_valid_document_loads_into_the_model() -> None:
    architecture = load_architecture_text(VALID, "demo.yaml")
    assert architecture.id == "demo"
    assert [g.id for g in architecture.group_path("vpc")] == ["cloud", "vpc"]
    assert architecture.component("web").aliases == ("web task",)
    assert architecture.component("web").concept_id == "web"
    assert architecture.relations[0].kind == "pulls-from"
    assert architecture.neighbours("web") == {"registry"}
    assert architecture.warnings == ()


def test_missing_required_field_names_place_and_line() -> None:
    error = load_error(VALID.replace("    label: Web\n", ""))
    assert error.location == "components[0]"
    assert error.line == 13
    assert "missing required key 'label'" in error.message
    assert error.message.startswith("demo.yaml:13: components[0]: ")


def test_wrongly_typed_field() -> None:
    error = load_error(VALID.replace("aliases: [web task]", "aliases: {a: 1}"))
    assert error.location == "components[0].aliases"
    assert "expected a list of names" in error.problem
    assert error.line == 18


def test_wrong_top_level_type() -> None:
    error = load_error("- just\n- a list\n")
    assert "expected a mapping" in error.problem
    assert error.line == 1


def test_empty_file() -> None:
    assert "empty" in load_error("").problem


def test_unknown_key_is_reported_with_the_allowed_keys() -> None:
    error = load_error(VALID.replace("    kind: task\n", "    kind: task\n    lable: oops\n"))
    assert error.location == "components[0].lable"
    assert "expected one of id, label" in error.problem


def test_duplicate_ids_across_groups_and_components() -> None:
    error = load_error(VALID.replace("id: registry", "id: vpc"))
    assert error.location == "components[1].id"
    assert "duplicate id 'vpc' (first used at groups[1].id)" in error.problem


def test_relation_to_unknown_component() -> None:
    error = load_error(VALID.replace("target: registry", "target: nowhere"))
    assert error.location == "relations[0].target"
    assert "unknown component 'nowhere'" in error.problem
    assert error.line == 27


def test_component_in_unknown_group() -> None:
    error = load_error(VALID.replace("group: vpc", "group: subnet-x"))
    assert error.location == "components[0].group"
    assert "unknown group 'subnet-x'" in error.problem


def test_group_with_unknown_parent() -> None:
    error = load_error(VALID.replace("parent: cloud", "parent: region"))
    assert error.location == "groups[1].parent"


def test_containment_cycle() -> None:
    text = VALID.replace("    kind: cloud\n", "    kind: cloud\n    parent: vpc\n")
    error = load_error(text)
    assert "containment cycle" in error.problem
    assert "cloud → vpc → cloud" in error.problem or "vpc → cloud → vpc" in error.problem


def test_unknown_icon_is_a_warning_not_a_failure() -> None:
    architecture = load_architecture_text(VALID.replace("aws/compute/fargate", "aws/no/such-icon"), "d.yaml")
    assert len(architecture.warnings) == 1
    assert "components[0].icon" in architecture.warnings[0]
    assert "fallback" in architecture.warnings[0]


def test_yaml_syntax_error_has_a_line() -> None:
    error = load_error("id: demo\ntitle: [unclosed\nsummary: x\n")
    assert error.line is not None
    assert "not valid YAML" in error.problem


def test_python_tags_are_rejected_not_executed(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    error = load_error(f"!!python/object/apply:os.system ['touch {marker}']\n")
    assert "not valid YAML" in error.problem
    assert not marker.exists()


def test_bad_id_syntax() -> None:
    error = load_error(VALID.replace("id: web\n", "id: 'web page'\n"))
    assert error.location == "components[0].id"
    assert "expected an id" in error.problem


def test_one_bad_file_does_not_stop_the_others(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(VALID, encoding="utf-8")
    (tmp_path / "b.yaml").write_text("id: [broken\n", encoding="utf-8")
    (tmp_path / "c.yaml").write_text(VALID.replace("id: demo", "id: demo2", 1), encoding="utf-8")
    (tmp_path / "d.yaml").write_text(VALID, encoding="utf-8")  # same id as a.yaml
    result = load_architectures([tmp_path])
    assert [a.id for a in result.architectures] == ["demo", "demo2"]
    messages = [error.message for error in result.errors]
    assert len(messages) == 2
    assert any("b.yaml" in m and "not valid YAML" in m for m in messages)
    assert any("d.yaml" in m and "already defined" in m for m in messages)


def test_unreadable_and_non_utf8_files_are_errors(tmp_path: Path) -> None:
    bad = tmp_path / "latin.yaml"
    bad.write_bytes("id: caf\xe9\n".encode("latin-1"))
    with pytest.raises(ModelError, match="not UTF-8"):
        load_architecture_file(bad)
    result = load_architectures([tmp_path / "missing.yaml"])
    assert result.errors[0].problem == "no such file or folder"
