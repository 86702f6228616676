"""Model files, random and odd: each one loads or fails with a located ModelError, and never hangs.

The property tests feed the loader YAML-ish noise, mutated copies of a valid
model, random well-formed YAML trees and raw bytes. The explicit cases below
them are the odd files people really have: huge, empty, aliased, nested,
misencoded, or simply not files.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

import models.loader
from explorer.layout.graphviz_layout import dot_source
from models import (
    Architecture,
    ModelError,
    load_architecture_file,
    load_architecture_text,
    load_architectures,
)
from models._schema import MAX_TEXT_CHARS
from models.loader import MAX_FILE_BYTES
from tests.reliability._guards import Reads, hang_guard, never_called
from tests.reliability._support import SMALL_MODEL, fuzz

SOURCE = "fuzz.yaml"
SCHEMA_KEYS = [
    "id", "title", "summary", "aliases", "order", "layout", "direction", "groups", "components",
    "relations", "label", "kind", "icon", "group", "parent", "source", "target", "description", "concept",
]  # fmt: skip


def load_or_error(text: str) -> Architecture | ModelError:
    """The architecture, or the ModelError; any other exception, or a hang, fails the test."""
    try:
        with hang_guard():
            result: Architecture | ModelError = load_architecture_text(text, SOURCE)
    except ModelError as error:
        result = error
    return result


def assert_located(result: Architecture | ModelError) -> None:
    if isinstance(result, ModelError):
        assert result.source == SOURCE
        assert result.line is not None, result.message
        assert result.line >= 1
        assert result.message.startswith(f"{SOURCE}:{result.line}")
        assert len(result.message) < 600, "messages stay readable, whatever the input"
    else:
        assert_consistent(result)


def assert_consistent(architecture: Architecture) -> None:
    """What the rest of the app relies on for any architecture that loaded."""
    ids = [group.id for group in architecture.groups] + [c.id for c in architecture.components]
    assert len(ids) == len(set(ids))
    for relation in architecture.relations:
        assert relation.source in architecture.components_by_id
        assert relation.target in architecture.components_by_id
    for group in architecture.groups:
        seen, current = set(), group.id
        while current is not None:
            assert current not in seen, "containment cycle slipped through"
            seen.add(current)
            current = architecture.groups_by_id[current].parent


# Property tests -------------------------------------------------------------

YAML_NOISE = st.text(alphabet=st.sampled_from(list("-:{}[]&*!|>'\"#%@`,?\n\t  abcid01.~<") + ["é", "日"]))


@fuzz(300)
@given(YAML_NOISE.filter(bool))
def test_yaml_like_noise(text: str) -> None:
    assert_located(load_or_error(text))


def _mutate(text: str, data: st.DataObject) -> str:
    lines = text.split("\n")
    for _ in range(data.draw(st.integers(1, 4), label="mutations")):
        kind = data.draw(st.sampled_from(["cut", "insert", "swap", "repeat", "indent", "truncate"]))
        index = data.draw(st.integers(0, len(lines) - 1))
        if kind == "cut":
            del lines[index]
        elif kind == "insert":
            line = lines[index]
            at = data.draw(st.integers(0, len(line)))
            lines[index] = line[:at] + data.draw(YAML_NOISE.filter(lambda s: len(s) < 12)) + line[at:]
        elif kind == "swap":
            other = data.draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], lines[index]
        elif kind == "repeat":
            lines.insert(index, lines[index])
        elif kind == "indent":
            lines[index] = data.draw(st.sampled_from([" ", "  ", "\t", "    "])) + lines[index]
        else:
            lines = lines[: index + 1]
            lines[-1] = lines[-1][: data.draw(st.integers(0, len(lines[-1])))]
        if not lines:
            lines = [""]
    return "\n".join(lines)


@fuzz(200)
@given(st.data())
def test_mutated_valid_models(data: st.DataObject) -> None:
    assert_located(load_or_error(_mutate(SMALL_MODEL, data)))


SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(["", " ", "small", "vpc", "web", "alb", "LR", "x-extra", "aws/compute/ec2"]),
    st.text(max_size=30),
)
KEYS = st.one_of(st.sampled_from(SCHEMA_KEYS), st.text(max_size=8), st.integers(0, 3), st.none())
TREES = st.recursive(
    SCALARS,
    lambda children: st.one_of(st.lists(children, max_size=5), st.dictionaries(KEYS, children, max_size=6)),
    max_leaves=40,
)


def _document(data: st.DataObject) -> Any:
    """Mostly model-shaped mappings (so deep checks run), sometimes anything at all."""
    if data.draw(st.booleans(), label="model-shaped"):
        base: dict[Any, Any] = yaml.safe_load(SMALL_MODEL)
        for _ in range(data.draw(st.integers(1, 5))):
            section = data.draw(st.sampled_from(["top", "groups", "components", "relations"]))
            items = base.get(section)
            target = data.draw(st.sampled_from(items)) if isinstance(items, list) and items else base
            if isinstance(target, dict):
                target[data.draw(KEYS)] = data.draw(TREES)
        return base
    return data.draw(TREES)


@fuzz(100)
@given(st.data())
def test_random_yaml_documents(data: st.DataObject) -> None:
    text = yaml.safe_dump(_document(data), allow_unicode=True, sort_keys=False)
    assert_located(load_or_error(text))


@fuzz(100)
@given(st.binary(max_size=400) | st.builds(lambda b: SMALL_MODEL.encode() + b, st.binary(max_size=40)))
def test_random_bytes_in_a_file(tmp_path_factory: pytest.TempPathFactory, raw: bytes) -> None:
    path = tmp_path_factory.mktemp("bytes") / "model.yaml"
    path.write_bytes(raw)
    try:
        result: Architecture | ModelError = load_architecture_file(path)
    except ModelError as error:
        result = error
    if isinstance(result, ModelError):
        assert result.source == str(path)
        assert result.line is not None, result.message


# Explicit odd files ---------------------------------------------------------


def _aliases_doubling(levels: int, key_prefix: str = "x-") -> str:
    lines = [f"{key_prefix}l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for level in range(1, levels):
        lines.append(f"{key_prefix}l{level}: &l{level} [" + ", ".join([f"*l{level - 1}"] * 10) + "]")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        ("", 1, "the file is empty"),
        ("   \n\n", 1, "the file is empty"),
        ("# only a comment\n", 1, "the file is empty"),
        ("---\n", None, "expected a mapping"),
        ("~\n", 1, "expected a mapping"),
        ("- a\n- b\n", 1, "expected a mapping"),
        ("42\n", 1, "expected a mapping"),
        ("just text\n", 1, "expected a mapping"),
        ("id: a\nid: b\n", 2, "appears twice"),
        (SMALL_MODEL.replace("groups:", "components: []\ngroups:"), 7, "appears twice"),
        ("id: [" * 5_000 + "]" * 5_000, 1, "not valid YAML"),
        ("".join("  " * depth + "k:\n" for depth in range(1_500)), None, "not valid YAML"),
        ("order: " + "9" * 5_000 + "\n", 1, "cannot read this value"),
        ("title: 2024-02-30\n", 1, "cannot read this value"),
        ("a: &a [*a]\n", 1, "expands to more than"),
        (_aliases_doubling(9), 1, "expands to more than"),
        (_aliases_doubling(9) + "id: *l8\n", 1, "expands to more than"),
        ("a: &a {<<: *a}\n", 1, "expands to more than"),
        ("id: !!binary aGVsbG8=\n", 1, "expected an id"),
        ("id: !custom x\n", 1, "could not determine a constructor"),
        ("id: a\x00\n", 1, "not valid YAML"),
    ],
    ids=[
        "empty", "blank", "comment", "document-marker", "null", "list", "number", "scalar",
        "repeated-key", "repeated-section", "deep-flow", "deep-block", "huge-int", "no-such-date",
        "self-alias", "billion-laughs", "billion-laughs-used", "merge-loop", "bytes", "unknown-tag", "nul",
    ],
)  # fmt: skip
def test_odd_documents_fail_with_a_located_message(text: str, line: int | None, problem: str) -> None:
    result = load_or_error(text)
    assert isinstance(result, ModelError)
    assert problem in result.problem
    assert result.line is not None
    if line is not None:
        assert result.line == line


def test_ten_thousand_components_load() -> None:
    """The correctness at scale (how long it takes is for the benchmark, not a test)."""
    groups = "\n".join(
        f"  - {{id: g{i}, label: Group {i}, kind: zone{', parent: g' + str(i - 1) if i else ''}}}"
        for i in range(1_000)
    )
    components = "\n".join(
        f"  - {{id: c{i}, label: Component {i}, kind: task, icon: aws/compute/ec2, group: g{i % 1_000}}}"
        for i in range(10_000)
    )
    relations = "\n".join(f"  - {{source: c{i}, target: c{(i * 7 + 1) % 10_000}}}" for i in range(2_000))
    text = (
        f"id: big\ntitle: Big\nsummary: Many parts.\ngroups:\n{groups}\n"
        f"components:\n{components}\nrelations:\n{relations}\n"
    )
    architecture = load_or_error(text)
    assert isinstance(architecture, Architecture), architecture
    assert len(architecture.components) == 10_000
    assert len(architecture.group_path("g999")) == 1_000


def test_a_long_containment_cycle_is_found() -> None:
    groups = "\n".join(
        f"  - {{id: g{i}, label: G, kind: k, parent: g{(i + 1) % 3_000}}}" for i in range(3_000)
    )
    text = f"id: loop\ntitle: L\nsummary: S\ngroups:\n{groups}\ncomponents: []\n"
    error = load_or_error(text)
    assert isinstance(error, ModelError)
    assert "containment cycle" in error.problem


def test_huge_strings_are_refused_where_they_are() -> None:
    error = load_or_error(SMALL_MODEL.replace("label: Web task", "label: '" + "word " * 500_000 + "'"))
    assert isinstance(error, ModelError)
    assert error.location == "components[1].label"
    assert error.line == 8
    assert "at most 10,000" in error.problem


def test_long_labels_stay_short_in_the_dot_text() -> None:
    label = "word " * (MAX_TEXT_CHARS // 5 - 1)
    text = SMALL_MODEL.replace("label: Web task", f"label: '{label}'").replace(
        "label: VPC", f"label: '{label}'"
    )
    architecture = load_or_error(text.replace("label: HTTPS", f"label: '{label}'"))
    assert isinstance(architecture, Architecture)
    source = dot_source(architecture, splines="spline")
    assert len(source) < 5_000, "labels are wrapped and cut, not handed whole to Graphviz"
    assert source.count("…") == 3


def test_a_huge_key_or_value_keeps_the_message_short() -> None:
    error = load_or_error(SMALL_MODEL + "? " + "k" * 1_000_000 + "\n: 1\n")
    assert isinstance(error, ModelError)
    assert "unknown key" in error.problem
    assert len(error.message) < 400


@pytest.mark.parametrize(
    ("raw", "line"),
    [
        (SMALL_MODEL.encode() + b"  # caf\xe9\n", 13),
        (b"\xff\xfe" + SMALL_MODEL.encode("utf-16-le"), 1),
        (SMALL_MODEL.encode()[:-3] + "é".encode()[:1], 12),
    ],
    ids=["latin-1-byte", "utf-16", "cut-character"],
)
def test_misencoded_files_name_the_line(tmp_path: Path, raw: bytes, line: int) -> None:
    path = tmp_path / "model.yaml"
    path.write_bytes(raw)
    with pytest.raises(ModelError, match="not UTF-8") as raised:
        load_architecture_file(path)
    assert raised.value.line == line


def test_files_over_the_size_limit_are_refused_without_parsing_them(
    tmp_path: Path, reads: Reads, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as file:
        file.truncate(MAX_FILE_BYTES + 1)  # sparse: costs no disk
    monkeypatch.setattr(models.loader, "read_yaml", never_called("the YAML parser", models.loader.read_yaml))
    result = load_architectures([tmp_path])
    assert reads.bytes_read(path) == MAX_FILE_BYTES + 1, "read no further than the limit"
    assert [error.problem for error in result.errors] == [
        "file is larger than 4 MB; refused without parsing it"
    ]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_pipes_devices_and_folders_named_like_models_are_reported_not_read(
    tmp_path: Path, reads: Reads
) -> None:
    os.mkfifo(tmp_path / "pipe.yaml")
    (tmp_path / "folder.yaml").mkdir()
    (tmp_path / "zero.yaml").symlink_to("/dev/zero")
    (tmp_path / "ok.yaml").write_text(SMALL_MODEL, encoding="utf-8")
    with hang_guard():  # the recorder below fails before any real open of a pipe (which would block)
        result = load_architectures([tmp_path, tmp_path / "pipe.yaml", Path("/dev/zero")])
        with pytest.raises(ModelError, match="not a regular file"):
            load_architecture_file(tmp_path / "pipe.yaml")
    assert reads.opened == [os.path.realpath(tmp_path / "ok.yaml")], "a pipe or /dev/zero is never opened"
    assert [architecture.id for architecture in result.architectures] == ["small"]
    assert [error.problem for error in result.errors] == ["not a file or a folder (a device or pipe?)"] * 2


def test_unicode_and_markup_labels_load_verbatim(tmp_path: Path) -> None:
    labels = [
        "Café naïve",
        "日本語のラベル",
        "مرحبا بالعالم",
        "🚀 launch 👩‍💻",
        'say "hi" {x} <b>',
        "back\\slash",
    ]
    components = "\n".join(
        f"  - id: c{i}\n    label: {yaml.safe_dump(label, allow_unicode=True).splitlines()[0]}\n"
        "    kind: k\n    icon: no/such/icon"
        for i, label in enumerate(labels)
    )
    path = tmp_path / "unicode.yaml"
    path.write_text(f"id: u\ntitle: Ünïcödé ✓\nsummary: s\ncomponents:\n{components}\n", encoding="utf-8")
    architecture = load_architecture_file(path)
    assert [component.label for component in architecture.components] == labels
    assert architecture.title == "Ünïcödé ✓"
    assert len(architecture.warnings) == len(labels), "unknown icons are warnings, not failures"
    assert all("fallback" in warning for warning in architecture.warnings)
