"""The ``draft`` command: a note in, a valid architecture file out, or a clear refusal that writes nothing."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from explorer import exit_codes
from explorer.cli import main
from explorer.drafting import icon_source
from models.loader import load_architecture_file

ROOT = Path(__file__).resolve().parents[2]
NOTE = """\
# Metrics at home

**Prometheus** scrapes metrics from the **Node Exporter**... no: from **Kafka** and **Redis**.
**Grafana** queries Prometheus. Grafana sends alerts to **Slack**.
"""


@pytest.fixture
def note(tmp_path: Path) -> Path:
    path = tmp_path / "metrics.md"
    path.write_text(NOTE, encoding="utf-8")
    return path


def test_drafts_a_file_that_loads_and_prints_a_summary(
    note: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "metrics.yaml"
    assert main(["draft", str(note), "-o", str(output)]) == exit_codes.OK
    architecture = load_architecture_file(output)
    assert architecture.id == "metrics-at-home"
    assert {c.label for c in architecture.components} == {"Prometheus", "Kafka", "Redis", "Grafana", "Slack"}
    printed = capsys.readouterr().out
    assert "5 components: " in printed
    assert "Grafana → Prometheus (queries)" in printed
    assert f"--models {output}" in printed


def test_id_and_title_options(note: Path, tmp_path: Path) -> None:
    output = tmp_path / "out.yaml"
    assert (
        main(["draft", str(note), "-o", str(output), "--id", "home", "--title", "Home lab"]) == exit_codes.OK
    )
    architecture = load_architecture_file(output)
    assert (architecture.id, architecture.title) == ("home", "Home lab")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        (b"\xff\xfe\xfa not utf-8", "not UTF-8 text"),
        (b"  \n\n ", "is empty"),
        (b"# Groceries\n\nMilk, eggs and bread.\n", "found no technologies"),
    ],
)
def test_bad_notes_are_refused_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    source = tmp_path / "note.md"
    source.write_bytes(content)
    output = tmp_path / "out.yaml"
    assert main(["draft", str(source), "-o", str(output)]) == exit_codes.BAD_INPUT
    assert message in capsys.readouterr().err
    assert not output.exists()


def test_a_bad_id_is_refused(note: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "out.yaml"
    assert main(["draft", str(note), "-o", str(output), "--id", "my id!"]) == exit_codes.BAD_INPUT
    assert "--id 'my id!'" in capsys.readouterr().err
    assert not output.exists()


def test_names_only_said_in_passing_are_named_in_the_refusal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "note.md"
    source.write_text("We might try Kafka one day.\n", encoding="utf-8")
    assert main(["draft", str(source), "-o", str(tmp_path / "out.yaml")]) == exit_codes.BAD_INPUT
    assert "only in passing: Kafka" in capsys.readouterr().err


def test_an_unwritable_output_is_refused(
    note: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "missing-folder" / "out.yaml"
    assert main(["draft", str(note), "-o", str(output)]) == exit_codes.BAD_INPUT
    assert "out.yaml" in capsys.readouterr().err
    assert not output.parent.exists()


def test_an_existing_output_needs_force(
    note: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "out.yaml"
    output.write_text("mine", encoding="utf-8")
    assert main(["draft", str(note), "-o", str(output)]) == exit_codes.BAD_INPUT
    assert "--force" in capsys.readouterr().err
    assert output.read_text(encoding="utf-8") == "mine"
    assert main(["draft", str(note), "-o", str(output), "--force"]) == exit_codes.OK
    assert load_architecture_file(output).components


def test_a_missing_note_or_a_folder_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "out.yaml"
    assert main(["draft", str(tmp_path / "nope.md"), "-o", str(output)]) == exit_codes.BAD_INPUT
    assert main(["draft", str(tmp_path), "-o", str(output)]) == exit_codes.BAD_INPUT
    assert "is a folder" in capsys.readouterr().err
    assert not output.exists()


def test_the_scan_reads_class_names_and_aliases_without_importing(tmp_path: Path) -> None:
    resources = tmp_path / "resources" / "aws" / "storage"
    resources.mkdir(parents=True)
    (resources / "simple-storage-service-s3.png").write_bytes(b"png")
    (resources / "fancy-thing.png").write_bytes(b"png")
    module = tmp_path / "diagrams" / "aws"
    module.mkdir(parents=True)
    (module / "storage.py").write_text(
        'class SimpleStorageServiceS3(_Storage):\n    _icon = "simple-storage-service-s3.png"\n\n\n'
        'class FancyThing(_Storage):\n    _icon = "fancy-thing.png"\n\n\nS3 = SimpleStorageServiceS3\n',
        encoding="utf-8",
    )
    scanned = icon_source.scan_icons(tmp_path / "resources")
    assert [(icon.reference, icon.class_name, icon.code_aliases) for icon in scanned] == [
        ("aws/storage/fancy-thing", "FancyThing", ()),
        ("aws/storage/simple-storage-service-s3", "SimpleStorageServiceS3", ("S3",)),
    ]


def test_the_catalogue_is_cached_once_and_read_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARCH_EXPLORER_CACHE_DIR", str(tmp_path))
    icon_source.icon_catalogue.cache_clear()
    try:
        first = icon_source.icon_catalogue()
        cached = list(tmp_path.glob("icon-catalogue-diagrams-*.json"))
        assert len(cached) == 1
        data = json.loads(cached[0].read_text(encoding="utf-8"))
        assert len(data) > 1000
        cached[0].write_text(json.dumps([{**data[0], "label": "Renamed in cache"}]), encoding="utf-8")
        icon_source.icon_catalogue.cache_clear()
        second = icon_source.icon_catalogue()
        assert "Renamed in cache" in {entry.label for entry in second.entries}
        assert len(second) < len(first)
    finally:
        icon_source.icon_catalogue.cache_clear()


def test_an_unusable_cache_folder_only_costs_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("ARCH_EXPLORER_CACHE_DIR", str(blocker / "cache"))
    icon_source.icon_catalogue.cache_clear()
    try:
        assert icon_source.icon_catalogue().get("onprem/queue/kafka") is not None
    finally:
        icon_source.icon_catalogue.cache_clear()


def test_runs_from_the_command_line(note: Path, tmp_path: Path) -> None:
    output = tmp_path / "metrics.yaml"
    completed = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "draft", str(note), "-o", str(output)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    listed = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "list", "--models", str(output)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert "metrics-at-home" in listed.stdout
    assert listed.stderr == ""
