"""Warming a library for several architectures shares the reading of a large vault with a helper process
(:func:`models.notes.two_cores.read_all`): the readings are the very ones one core makes, a note whose
file changed since it was loaded is read here, and a failing helper only costs time."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from models.catalog import load_catalog
from models.notes import NotesLibrary, NotesMatcher, load_notes, two_cores
from models.notes import library as library_module
from models.notes.cache import NotesCache
from models.notes.stored import encode_readings

EVAL = Path(__file__).resolve().parents[2] / "bench" / "notes_eval"
ARCHITECTURES = load_catalog().architectures
NOTES = 30
WAIT_S = 60


def _vault(root: Path) -> Path:
    seeds = sorted(EVAL.glob("*/*.md"))
    for number in range(NOTES):
        seed = seeds[number % len(seeds)]
        (root / f"{number:03} {seed.name}").write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    return root


def _readings(library: NotesLibrary) -> dict[tuple[str, str], Any]:
    """Every note's readings for every architecture, as plain values."""
    found = {}
    for architecture in ARCHITECTURES:
        others = [other for other in ARCHITECTURES if other is not architecture]
        matcher = NotesMatcher(architecture, others, library.cache)  # the library's readings, by fingerprint
        for document in library.user:
            assert matcher.keys_read(document) is not None, "read while warming"
            found[architecture.id, Path(document.source).name] = encode_readings(matcher.read(document))
    return found


def _warmed(vault: Path) -> NotesLibrary:
    cache = NotesCache()
    documents = load_notes([vault], cache).documents
    library = NotesLibrary(user=documents, architectures=ARCHITECTURES, cache=cache)
    library.warm()
    return library


@pytest.fixture(scope="module")
def one_core(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Any]:
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(two_cores, "MIN_NOTES", 10**9)
        return _readings(_warmed(_vault(tmp_path_factory.mktemp("vault"))))


@pytest.fixture
def read_here(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The notes read in this process once loaded; each waits until the helper has been handed its first
    batch of notes to read, so the helper always gets some."""
    handed = threading.Event()
    send, read_note = two_cores.send, library_module.read_note

    def sending(stream: Any, value: Any) -> None:
        send(stream, value)
        if isinstance(value, list) and value and all(_is_note_request(request) for request in value):
            handed.set()

    sources: list[str] = []

    def reading(terms: Any, document: Any) -> Any:
        if loaded.is_set():
            sources.append(document.source)
            handed.wait(WAIT_S)
        return read_note(terms, document)

    loaded = threading.Event()
    monkeypatch.setattr(two_cores, "MIN_NOTES", 10)
    monkeypatch.setattr(two_cores, "send", sending)
    monkeypatch.setattr(library_module, "read_note", reading)
    monkeypatch.setattr(NotesLibrary, "warm", _after(loaded, NotesLibrary.warm))
    return sources


def _is_note_request(value: Any) -> bool:
    """``[path, size, mtime_ns]``: a note parsed here, to read there."""
    return isinstance(value, list) and len(value) == 3 and isinstance(value[0], str)


def _after(event: threading.Event, warm: Any) -> Any:
    def warming(self: NotesLibrary, *args: Any) -> None:
        event.set()
        warm(self, *args)

    return warming


def test_a_large_vault_is_read_for_every_architecture_on_two_cores(
    tmp_path: Path, one_core: dict[tuple[str, str], Any], read_here: list[str]
) -> None:
    assert _readings(_warmed(_vault(tmp_path))) == one_core
    assert 0 < len(set(read_here)) < NOTES, "the helper read some of the notes"


def test_a_note_whose_file_changed_since_it_was_loaded_is_read_here(
    tmp_path: Path, one_core: dict[tuple[str, str], Any], read_here: list[str]
) -> None:
    vault = _vault(tmp_path)
    cache = NotesCache()
    documents = load_notes([vault], cache).documents
    for path in vault.iterdir():  # same sizes, other words: what the helper would read there is not the note
        path.write_text(path.read_text(encoding="utf-8").replace("kubelet", "qqqqqqq"), encoding="utf-8")
    library = NotesLibrary(user=documents, architectures=ARCHITECTURES, cache=cache)
    library.warm()
    assert _readings(library) == one_core
    assert len(set(read_here)) == NOTES


@pytest.mark.parametrize(
    "command",
    [
        "import sys; sys.exit(3)",  # dies at once
        "import sys; sys.stdout.buffer.write(b'garbage' * 100); sys.stdout.flush()",  # talks nonsense
    ],
)
def test_a_helper_that_fails_while_reading_costs_only_time(
    tmp_path: Path, one_core: dict[tuple[str, str], Any], monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    monkeypatch.setattr(two_cores, "MIN_NOTES", 10)
    monkeypatch.setattr(two_cores, "COMMAND", (command,))
    assert _readings(_warmed(_vault(tmp_path))) == one_core
