"""The notes cache: a restart or a reload parses and matches only the notes whose file changed."""

from __future__ import annotations

import json
import shutil
import zlib
from pathlib import Path

import pytest

from models.catalog import load_catalog
from models.notes import NotesLibrary, load_notes
from models.notes import loading as loading_module
from models.notes import reading as reading_module
from models.notes.cache import CODE_VERSION, NotesCache

VAULT = Path(__file__).parent.parent / "fixtures" / "notes" / "vault"


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    copy = tmp_path / "vault"
    shutil.copytree(VAULT, copy)
    return copy


def _refuse(*args: object) -> None:
    raise AssertionError("read again although unchanged")


def _counting(monkeypatch: pytest.MonkeyPatch, module: object, name: str) -> list[str]:
    """Record the source of every note given to ``module.name`` (parsing or reading)."""
    calls: list[str] = []
    original = getattr(module, name)

    def counted(*args: object) -> object:
        calls.append(next(str(getattr(arg, "source", arg)) for arg in args[::-1]))
        return original(*args)

    monkeypatch.setattr(module, name, counted)
    return calls


def test_a_restart_parses_nothing_that_did_not_change(
    vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    file = tmp_path / "cache" / "notes.cache"
    first = NotesCache(file)
    documents = load_notes([vault], first).documents
    first.save()
    monkeypatch.setattr(loading_module, "parse_note", _refuse)
    again = load_notes([vault], NotesCache(file)).documents
    assert again == documents


def test_an_edited_note_is_parsed_again(vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    file = tmp_path / "notes.cache"
    first = NotesCache(file)
    load_notes([vault], first)
    first.save()
    note = vault / "Containers" / "Kubernetes" / "EKS.md"
    note.write_text(
        note.read_text(encoding="utf-8") + "\nThe kubelet runs on every node.\n", encoding="utf-8"
    )
    parsed = _counting(monkeypatch, loading_module, "parse_note")
    documents = load_notes([vault], NotesCache(file)).documents
    assert parsed == [str(note)]
    eks = next(document for document in documents if document.name == "EKS")
    assert "The kubelet runs on every node." in eks.sections[-1].text


def test_readings_are_kept_across_restarts_and_reloads(
    vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    architectures = load_catalog().architectures
    kubernetes = next(a for a in architectures if a.id == "kubernetes")
    file = tmp_path / "notes.cache"
    first = NotesCache(file)
    library = NotesLibrary(
        user=load_notes([vault], first).documents, architectures=architectures, cache=first
    )
    library.warm()
    shown = library.excerpts_for(kubernetes, "kube-apiserver")
    first.save()

    read = _counting(monkeypatch, reading_module, "read_document")
    cache = NotesCache(file)
    restarted = NotesLibrary(
        user=load_notes([vault], cache).documents, architectures=architectures, cache=cache
    )
    assert restarted.excerpts_for(kubernetes, "kube-apiserver") == shown
    restarted.warm()
    assert read == []

    note = vault / "Containers" / "Kubernetes" / "Kubernetes 101.md"
    note.write_text(
        note.read_text(encoding="utf-8") + "\nThe kubelet watches the API server.\n", encoding="utf-8"
    )
    reloaded = restarted.with_user(load_notes([vault], cache).documents)
    reloaded.warm()
    assert set(read) == {str(note)}
    assert len(read) == len(architectures)  # once per architecture, the other notes not at all
    assert any("watches the API server" in e.text for e in reloaded.excerpts_for(kubernetes, "kubelet-1"))


def test_warm_matches_every_architecture_ahead(vault: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    architectures = load_catalog().architectures
    library = NotesLibrary(user=load_notes([vault]).documents, architectures=architectures)
    library.warm()
    monkeypatch.setattr(reading_module, "read_document", _refuse)
    for architecture in architectures:
        for component in architecture.components:
            library.excerpts_for(architecture, component.id)
        library.summary_for(architecture)


def _file(state: object) -> bytes:
    return zlib.compress(json.dumps(state).encode())


@pytest.mark.parametrize(
    "content",
    [
        b"not a cache at all",
        zlib.compress(b'{"format": 2, "code": '),
        _file({"format": 2, "code": "older code", "notes": {}, "readings": {}}),
        _file({"format": 2, "code": CODE_VERSION, "notes": "os.system", "readings": {}}),
        _file({"format": 2, "code": CODE_VERSION, "notes": {"x.md": [[1, 2], ["x.md"], []]}, "readings": {}}),
    ],
    ids=["garbage", "truncated", "other-code", "not-notes", "broken-note"],
)
def test_a_damaged_or_foreign_cache_file_is_ignored(vault: Path, tmp_path: Path, content: bytes) -> None:
    file = tmp_path / "notes.cache"
    file.write_bytes(content)
    cache = NotesCache(file)
    assert load_notes([vault], cache).documents == load_notes([vault], NotesCache()).documents
    cache.save()
    assert NotesCache(file).note(str(vault / "EKS.md"), (0, 0)) is None
    assert len(load_notes([vault], NotesCache(file)).documents) == 5  # the file was rewritten, and works


def test_a_cache_file_that_cannot_be_written_is_no_problem(vault: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    cache = NotesCache(blocker / "notes.cache")  # its folder is a file
    assert len(load_notes([vault], cache).documents) == 5
    cache.save()


def test_readings_of_architectures_no_longer_in_use_are_dropped(vault: Path, tmp_path: Path) -> None:
    architectures = load_catalog().architectures
    file = tmp_path / "notes.cache"
    cache = NotesCache(file)
    documents = load_notes([vault], cache).documents
    before = NotesLibrary(user=documents, architectures=architectures, cache=cache)
    before.warm()
    after = before.with_user(documents, architectures[:2])  # the others were removed
    after.warm()
    cache.save(after.fingerprints())
    saved = NotesCache(file)
    note = load_notes([vault], saved).documents[0]
    dropped = before.fingerprints() - after.fingerprints()
    assert dropped
    assert all(saved.stored_readings(fingerprint, note) for fingerprint in after.fingerprints())
    assert not any(saved.stored_readings(fingerprint, note) for fingerprint in dropped)


def test_front_matter_dates_are_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    note = tmp_path / "daily.md"
    note.write_text(
        "---\ndate: 2024-11-02\nseen: 2024-11-02T10:30:00\ntags: [k8s]\n---\n# Pods\n", encoding="utf-8"
    )
    file = tmp_path / "notes.cache"
    first = NotesCache(file)
    documents = load_notes([note], first).documents
    first.save()
    monkeypatch.setattr(loading_module, "parse_note", _refuse)
    assert load_notes([note], NotesCache(file)).documents == documents
