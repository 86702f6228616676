"""A large load is parsed (and read for the architecture on screen) on two cores: a helper process takes
batches from the back of the list. The notes and readings are the very ones a load on one core makes,
and whatever goes wrong with the helper, every note is still loaded."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from models.catalog import load_catalog
from models.notes import NotesMatcher, helper_process, load_notes, two_cores
from models.notes import loading as loading_module
from models.notes.cache import NotesCache
from models.notes.loading import load_note_file
from models.notes.stored import decode_document, encode_readings, encode_terms

EVAL = Path(__file__).resolve().parents[2] / "bench" / "notes_eval"
ARCHITECTURES = load_catalog().architectures
KUBERNETES = next(a for a in ARCHITECTURES if a.id == "kubernetes")
OTHERS = [a for a in ARCHITECTURES if a is not KUBERNETES]
NOTES = 40
WAIT_S = 60


@pytest.fixture(scope="module")
def vault(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("vault")
    seeds = sorted(EVAL.glob("*/*.md"))
    for number in range(NOTES):
        seed = seeds[number % len(seeds)]
        (root / f"{number:03} {seed.name}").write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    return root


def _matcher() -> NotesMatcher:
    return NotesMatcher(KUBERNETES, OTHERS, NotesCache())


@pytest.fixture(scope="module")
def one_core(vault: Path) -> tuple[list[Any], dict[str, Any]]:
    """The notes and readings of a load on one core."""
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(two_cores, "MIN_NOTES", 10**9)
        matcher = _matcher()
        documents = load_notes([vault], NotesCache(), read_with=matcher).documents
    return documents, {d.source: encode_readings(matcher.read(d)) for d in documents}


@pytest.fixture
def parsed_here(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The notes parsed in this process; each waits until the helper has been handed its first batch,
    so the helper always gets some (it takes ~0.2 s to start)."""
    handed = threading.Event()
    send = two_cores.send

    def sending(stream: Any, value: Any) -> None:
        send(stream, value)
        if isinstance(value, list) and value and all(isinstance(path, str) for path in value):  # paths
            handed.set()

    paths: list[Path] = []
    load = loading_module.load_note_file

    def loading(path: Path) -> Any:
        paths.append(path)
        handed.wait(WAIT_S)
        return load(path)

    monkeypatch.setattr(two_cores, "MIN_NOTES", 10)
    monkeypatch.setattr(two_cores, "send", sending)
    monkeypatch.setattr(loading_module, "load_note_file", loading)
    return paths


def test_a_large_load_shares_the_notes_with_a_helper_and_gets_the_same_notes_and_readings(
    vault: Path, one_core: tuple[list[Any], dict[str, Any]], parsed_here: list[Path]
) -> None:
    expected, expected_readings = one_core
    matcher = _matcher()
    result = load_notes([vault], NotesCache(), read_with=matcher)
    assert result.documents == expected
    assert result.errors == []
    assert 0 < len(parsed_here) <= NOTES - two_cores.BATCH, "the helper parsed some of the notes"
    assert {d.source: encode_readings(matcher.read(d)) for d in result.documents} == expected_readings
    assert all(matcher.keys_read(d) is not None for d in result.documents), "every note was read on the way"


def test_without_a_matcher_the_helper_only_parses(vault: Path, parsed_here: list[Path]) -> None:
    result = load_notes([vault], NotesCache())
    assert len(result.documents) == NOTES
    assert len(parsed_here) < NOTES


@pytest.mark.parametrize(
    "command",
    [
        "import sys; sys.exit(3)",  # dies at once
        "import sys; sys.stdout.buffer.write(b'garbage' * 100); sys.stdout.flush()",  # talks nonsense
        "import sys; sys.stdin.buffer.read(); sys.exit(1)",  # reads everything, answers nothing
    ],
)
def test_a_helper_that_fails_costs_only_time(
    vault: Path, one_core: tuple[list[Any], dict[str, Any]], monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    expected, expected_readings = one_core
    monkeypatch.setattr(two_cores, "MIN_NOTES", 10)
    monkeypatch.setattr(two_cores, "COMMAND", (command,))
    matcher = _matcher()
    assert load_notes([vault], NotesCache(), read_with=matcher).documents == expected
    assert {d.source: encode_readings(matcher.read(d)) for d in expected} == expected_readings


def test_a_helper_stuck_on_its_batches_is_ended_and_they_are_parsed_here(
    vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stuck = (
        "import sys; sys.path.insert(0, sys.argv[1]); from models.notes.helper_process import send; "
        "send(sys.stdout.buffer, ''); sys.stdin.buffer.read()"  # started, then never answers
    )
    monkeypatch.setattr(two_cores, "MIN_NOTES", 10)
    monkeypatch.setattr(two_cores, "PATIENCE_S", 0.2)
    monkeypatch.setattr(two_cores, "COMMAND", (stuck, helper_process.COMMAND[1]))
    assert len(load_notes([vault], NotesCache()).documents) == NOTES


def test_a_helper_that_cannot_start_costs_only_time(vault: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(two_cores, "MIN_NOTES", 10)
    monkeypatch.setattr(two_cores.sys, "executable", "/nonexistent/python")
    assert len(load_notes([vault], NotesCache()).documents) == NOTES


class _Stop(Exception):
    pass


def test_a_stopped_load_ends_its_helper(vault: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    started = _recording_popen(monkeypatch)

    def stop() -> None:
        raise _Stop()

    monkeypatch.setattr(two_cores, "MIN_NOTES", 10)
    with pytest.raises(_Stop):
        load_notes([vault], NotesCache(), between=stop)
    assert len(started) == 1
    assert started[0].returncode is not None, "the helper was ended and waited for"


def test_a_load_stopped_while_listing_ends_its_helper(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        for number in range(12):
            (tmp_path / folder / f"{number}.md").write_text("# Pod\n", encoding="utf-8")
    started = _recording_popen(monkeypatch)
    monkeypatch.setattr(two_cores, "MIN_NOTES", 10)

    def on_folder(folder: str, notes: int) -> None:
        if Path(folder).name == "b":
            raise _Stop()

    with pytest.raises(_Stop):
        load_notes([tmp_path], NotesCache(), on_folder=on_folder)
    assert len(started) == 1
    assert started[0].returncode is not None, "the helper was ended and waited for"


def _recording_popen(monkeypatch: pytest.MonkeyPatch) -> list[subprocess.Popen[bytes]]:
    started: list[subprocess.Popen[bytes]] = []
    popen = subprocess.Popen

    def recording(*args: Any, **kwargs: Any) -> subprocess.Popen[bytes]:
        started.append(popen(*args, **kwargs))
        return started[-1]

    monkeypatch.setattr(two_cores.subprocess, "Popen", recording)
    return started


def test_the_helper_starts_while_the_files_are_still_listed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its start (Python, imports, the term index) overlaps the rest of the listing; the notes and
    readings are the same."""
    seeds = sorted(EVAL.glob("*/*.md"))
    for number in range(30):
        folder = tmp_path / ("a" if number < 15 else "b")
        folder.mkdir(exist_ok=True)
        seed = seeds[number % len(seeds)]
        (folder / f"{number:03} {seed.name}").write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    started = _recording_popen(monkeypatch)
    monkeypatch.setattr(two_cores, "MIN_NOTES", 10)
    started_by_folder: dict[str, int] = {}

    def on_folder(folder: str, notes: int) -> None:
        started_by_folder[Path(folder).name] = len(started)

    matcher = _matcher()
    documents = load_notes([tmp_path], NotesCache(), on_folder=on_folder, read_with=matcher).documents
    assert started_by_folder == {tmp_path.name: 0, "a": 0, "b": 1}, "started after 10 notes, before folder b"
    assert len(started) == 1
    assert started[0].returncode is not None, "the helper was ended and waited for"
    assert len(documents) == 30
    assert all(matcher.keys_read(d) is not None for d in documents)


def test_a_reload_with_few_changed_notes_starts_no_helper(
    vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = NotesCache()
    monkeypatch.setattr(two_cores, "MIN_NOTES", 10)
    load_notes([vault], cache)
    started = _recording_popen(monkeypatch)
    (vault / "000 extra.md").write_text("# Pod\n\nA pod runs containers.\n", encoding="utf-8")
    try:
        assert len(load_notes([vault], cache).documents) == NOTES + 1
    finally:
        (vault / "000 extra.md").unlink()
    assert started == []


def test_the_helper_protocol_in_one_process(vault: Path, tmp_path: Path) -> None:
    """The helper's loop, run here on files: what it answers for each request, in plain JSON values."""
    requests, answers = tmp_path / "in", tmp_path / "out"
    paths = sorted(str(path) for path in vault.iterdir())[:3]
    matchers = [_matcher(), NotesMatcher(OTHERS[0], [KUBERNETES, *OTHERS[1:]], NotesCache())]
    status = Path(paths[0]).stat()
    parsed_already = [[paths[0], status.st_size, status.st_mtime_ns], [paths[1], 1, 2]]  # the second changed
    with requests.open("wb") as stream:
        helper_process.send(stream, [encode_terms(matcher.terms) for matcher in matchers])
        helper_process.send(stream, paths)
        helper_process.send(stream, parsed_already)
        helper_process.send(stream, None)
    with requests.open("rb") as source, answers.open("wb") as sink:
        helper_process.serve(source, sink)
    with answers.open("rb") as stream:
        fingerprints = helper_process.receive(stream)
        parsed = helper_process.receive(stream)
        read = helper_process.receive(stream)
        with pytest.raises(EOFError):
            helper_process.receive(stream)
    assert fingerprints == [matcher.fingerprint for matcher in matchers], "the same indexes, rebuilt there"
    for path, (encoded, problems, readings) in zip(paths, parsed, strict=True):
        document = decode_document(encoded)
        assert document == load_note_file(Path(path))[0]
        assert problems == []
        assert readings == [json.loads(json.dumps(encode_readings(m.read(document)))) for m in matchers]
    assert read[0] == parsed[0][2], "a note parsed here: only its readings"
    assert read[1] is None, "its file changed since: not read there"


def test_a_note_json_cannot_carry_is_parsed_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for number in range(12):
        (tmp_path / f"{number}.md").write_text("---\nwhen: 2024-11-02 10:00:00\nodd: !!set {a}\n---\n# Pod\n")
    monkeypatch.setattr(two_cores, "MIN_NOTES", 10)
    monkeypatch.setattr(two_cores, "BATCH", 1)
    documents = load_notes([tmp_path], NotesCache()).documents
    assert len(documents) == 12
    assert all(document.front_matter["odd"] == {"a"} for document in documents), "a set, as YAML read it"


def test_closing_a_helper_that_died_with_a_batch_unread_raises_nothing() -> None:
    """A stopped load kills the helper; a batch still buffered for it must not fail the close."""
    process = subprocess.Popen([sys.executable, "-c", "pass"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    process.wait()
    assert process.stdin is not None
    process.stdin.write(b"a batch the helper never reads")  # buffered, not yet sent
    helper = two_cores.Helper(process, None)
    helper.close()
    assert process.stdin.closed


def test_the_helper_s_batches_shrink_near_the_end() -> None:
    """Full batches while many notes are pending; near the end, a quarter of what is left (at least one),
    so this process never waits long for the last batches the helper holds."""
    assert two_cores.batch_size(1000) == two_cores.BATCH
    assert two_cores.batch_size(4 * two_cores.BATCH) == two_cores.BATCH
    assert two_cores.batch_size(12) == 3
    assert two_cores.batch_size(3) == 1
    assert two_cores.batch_size(1) == 1
