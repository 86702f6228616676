"""Progress files with damaged values, and clocks that ran ahead: nothing crashes, nothing is lost."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox

from explorer.app import create_window
from explorer.revision.store import ProgressError, ProgressStore, parse_json
from explorer.sources import Sources
from models.revision.progress import Progress
from models.revision.scheduler import Grade

NOW = datetime(2025, 3, 10, 9, 0, tzinfo=UTC)
HEADER = '{"format": "architecture-explorer-progress", "version": 1, "cards": ['
CARD = '{"architecture": "eks", "component": "etcd", "state": 1, "step": 0, "due": "2025-01-01T00:00:00"'
"""A sound card in learning; each damaged file changes one thing (JSON keeps the last of a repeated key)."""


def with_card(extra: str) -> bytes:
    return (HEADER + CARD + extra + "}]}").encode()


DAMAGED = {
    "nan-stability": with_card(', "stability": NaN'),
    "infinite-difficulty": with_card(', "difficulty": Infinity'),
    "negative-infinite-step": with_card(', "step": -Infinity'),
    "overflowing-float": with_card(', "stability": 1e999'),
    "nan-count": with_card(', "reviews": NaN'),
    "huge-integer": with_card(', "lapses": ' + "9" * 5_000),
    "large-integer": with_card(', "reviews": ' + "9" * 40),
    "date-past-the-end": with_card(', "last_review": "9999-12-31T23:59:59-12:00"'),
    "date-before-the-start": HEADER.encode()
    + CARD.replace("2025-01-01T00:00:00", "0001-01-01T00:00+12:00").encode()
    + b"}]}",
    "year-9999-due": HEADER.encode() + CARD.replace("2025", "9999").encode() + b"}]}",
    "deep-nesting": b"[" * 100_000 + b"]" * 100_000,
    "deep-card": with_card(', "x": ' + "[" * 100_000 + "]" * 100_000),
    "retired-as-text": with_card(', "retired": "no"'),
    "id-with-newline": HEADER.encode() + CARD.replace('"etcd"', '"etcd\\n"').encode() + b"}]}",
    "float-state": with_card("").replace(b'"state": 1', b'"state": 1.5'),
    "difficulty-out-of-range": with_card(', "difficulty": 11'),
    "reset-out-of-range": (HEADER + "]" + ', "reset_at": "9999-12-31T23:00:00-05:00"}').encode(),
    "review-without-stability": with_card(', "state": 2'),
    "huge-version": b'{"format": "architecture-explorer-progress", "version": ' + b"9" * 4_000 + b"}",
}


def test_the_card_the_damaged_files_start_from_is_sound() -> None:
    assert set(parse_json(with_card("")).cards) == {("eks", "etcd")}
    assert parse_json(with_card(', "stability": 3.5, "difficulty": 5')).cards["eks", "etcd"].stability == 3.5


@pytest.mark.parametrize("content", DAMAGED.values(), ids=DAMAGED.keys())
def test_damaged_values_are_backed_up_reported_and_progress_starts(tmp_path: Path, content: bytes) -> None:
    store = ProgressStore(tmp_path / "progress.json")
    store.path.write_bytes(content)
    outcome = store.load()
    assert outcome.problem is not None
    assert "damaged" in outcome.problem
    assert len(outcome.problem) < 600
    assert outcome.backup is not None
    assert outcome.backup.read_bytes() == content, "kept byte for byte"
    assert outcome.progress.cards == {}
    progress = Progress()
    progress.record([("eks", "etcd")], Grade.GOOD, NOW, fuzz=False)
    store.save(progress)
    assert set(ProgressStore(store.path).load().progress.cards) == {("eks", "etcd")}


@pytest.mark.parametrize("content", DAMAGED.values(), ids=DAMAGED.keys())
def test_import_refuses_damaged_values_with_one_message(tmp_path: Path, content: bytes) -> None:
    source = tmp_path / "exported.json"
    source.write_bytes(content)
    with pytest.raises(ProgressError) as raised:
        ProgressStore.read_file(source)
    assert str(source) in str(raised.value)
    assert len(str(raised.value)) < 600 + len(str(source))


def test_the_window_starts_on_damaged_values_and_says_so(
    qtbot, tmp_path: Path, sources: Sources, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    monkeypatch.setenv("ARCH_EXPLORER_DATA_DIR", str(data))
    (data / "progress.json").write_bytes(DAMAGED["date-past-the-end"])
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = create_window(sources, settings, architecture_id="eks")
    qtbot.addWidget(window)
    boxes = [box for box in window.findChildren(QMessageBox) if box.isVisible()]
    assert [box.text().count("damaged") for box in boxes] == [1]
    assert list(data.glob("progress.corrupt-*.json"))
    boxes[0].accept()
    window.close()


def test_a_reset_recorded_by_a_clock_that_ran_ahead_drops_nothing(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path / "progress.json")
    ahead = NOW + timedelta(days=30)
    store.save(Progress(reset_at=ahead))  # reset while the clock was a month ahead
    progress = store.load().progress  # the clock is right again
    assert progress.reset_at == ahead
    progress.record([("eks", "etcd"), ("eks", "kubelet")], Grade.GOOD, NOW, fuzz=False)
    saved = store.save(progress)
    assert set(saved.cards) == {("eks", "etcd"), ("eks", "kubelet")}
    reloaded = ProgressStore(store.path).load().progress
    assert set(reloaded.cards) == {("eks", "etcd"), ("eks", "kubelet")}
    reloaded.record([("eks", "etcd")], Grade.AGAIN, NOW + timedelta(hours=1), fuzz=False)
    assert set(store.save(reloaded).cards) == {("eks", "etcd"), ("eks", "kubelet")}


def test_a_reset_still_drops_the_older_answers_of_a_window_that_missed_it(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path / "progress.json")
    stale_window = Progress()
    stale_window.record([("eks", "etcd")], Grade.GOOD, NOW, fuzz=False)
    store.save(stale_window)
    store.save(Progress(reset_at=NOW + timedelta(minutes=5)))
    stale_window.record([("eks", "kubelet")], Grade.GOOD, NOW + timedelta(minutes=6), fuzz=False)
    assert set(store.save(stale_window).cards) == {("eks", "kubelet")}


def test_import_keeps_its_cards_after_a_reset_in_the_future(
    qtbot, tmp_path: Path, sources: Sources, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    monkeypatch.setenv("ARCH_EXPLORER_DATA_DIR", str(data))
    store = ProgressStore(data / "progress.json")
    store.save(Progress(reset_at=datetime.now(UTC) + timedelta(days=30)))
    exported = Progress()
    exported.record([("eks", "etcd-a")], Grade.GOOD, datetime.now(UTC) - timedelta(days=3), fuzz=False)
    source = store.export_to(tmp_path / "exported.json", exported)
    window = create_window(sources, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_args: (str(source), "JSON files (*.json)"))
    window.actions_by_name["import_progress"].trigger()
    assert set(window.revision.progress.cards) == {("eks", "etcd-a")}
    assert [card["component"] for card in json.loads(store.path.read_text())["cards"]] == ["etcd-a"]
    window.close()
