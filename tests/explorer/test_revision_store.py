"""The progress file: round trip, merging between windows, crash safety, damaged files, export/import."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from explorer.atomic_write import is_temp_file
from explorer.revision.store import ProgressError, ProgressStore
from models.revision.progress import Progress
from models.revision.scheduler import Grade

NOW = datetime(2025, 3, 10, 9, 0, tzinfo=UTC)
ROOT = Path(__file__).resolve().parents[2]


def progress_with(*keys: tuple[str, str], when: datetime = NOW, grade: Grade = Grade.GOOD) -> Progress:
    progress = Progress()
    progress.record(keys, grade, when, fuzz=False)
    return progress


def test_default_path_is_in_the_user_data_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ARCH_EXPLORER_DATA_DIR", str(tmp_path / "data"))
    assert ProgressStore().path == tmp_path / "data" / "progress.json"


def test_missing_file_is_empty_progress(tmp_path: Path) -> None:
    outcome = ProgressStore(tmp_path / "progress.json").load()
    assert outcome.progress.cards == {}
    assert outcome.problem is None


def test_save_then_load_round_trips(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path / "deep" / "progress.json")
    progress = progress_with(("eks", "etcd-a"), ("eks", "etcd-b"))
    store.save(progress)
    loaded = ProgressStore(store.path).load()
    assert loaded.problem is None
    assert loaded.progress == progress
    data = json.loads(store.path.read_text(encoding="utf-8"))
    assert data["format"] == "architecture-explorer-progress"
    assert {(c["architecture"], c["component"]) for c in data["cards"]} == {
        ("eks", "etcd-a"),
        ("eks", "etcd-b"),
    }
    assert not [path for path in store.path.parent.iterdir() if is_temp_file(path)]


def test_two_windows_never_undo_each_other(tmp_path: Path) -> None:
    path = tmp_path / "progress.json"
    first, second = ProgressStore(path), ProgressStore(path)
    mine = first.load().progress
    theirs = second.load().progress
    mine.record([("eks", "etcd-a")], Grade.GOOD, NOW, fuzz=False)
    first.save(mine)
    theirs.record([("kubernetes", "etcd")], Grade.GOOD, NOW + timedelta(minutes=1), fuzz=False)
    merged = second.save(theirs)  # knows nothing of the first window's answer, and keeps it anyway
    assert set(merged.cards) == {("eks", "etcd-a"), ("kubernetes", "etcd")}
    assert set(ProgressStore(path).load().progress.cards) == set(merged.cards)


def test_a_crash_mid_write_leaves_the_previous_file_intact(tmp_path: Path) -> None:
    path = tmp_path / "progress.json"
    store = ProgressStore(path)
    store.save(progress_with(("eks", "etcd-a")))
    before = path.read_bytes()
    # A real process dies (os._exit) after writing half of the new file.
    script = textwrap.dedent(
        f"""
        import os
        from datetime import datetime, timezone
        import explorer.atomic_write as atomic
        from explorer.revision.store import ProgressStore
        from models.revision.progress import Progress
        from models.revision.scheduler import Grade

        def dying_write(fd, data):
            os.write(fd, data[: len(data) // 2])
            os._exit(9)

        atomic.write_all = dying_write
        progress = Progress()
        keys = [("eks", f"component-{{n}}") for n in range(50)]
        progress.record(keys, Grade.GOOD, datetime.now(timezone.utc), fuzz=False)
        ProgressStore(__import__("pathlib").Path({str(path)!r})).save(progress)
        """
    )
    completed = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, timeout=60, check=False
    )
    assert completed.returncode == 9, completed.stderr
    assert path.read_bytes() == before
    assert [p for p in tmp_path.iterdir() if is_temp_file(p)]  # the half-written temporary file
    reloaded = ProgressStore(path).load()
    assert reloaded.problem is None
    assert set(reloaded.progress.cards) == {("eks", "etcd-a")}


@pytest.mark.parametrize(
    "content",
    [b'{"format": "architecture-explorer-progress", "version": 1, "cards": [', b"\xff\xfe garbage", b"[]"],
    ids=["truncated", "binary", "wrong-shape"],
)
def test_a_damaged_file_is_backed_up_and_progress_reset(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "progress.json"
    path.write_bytes(content)
    store = ProgressStore(path)
    outcome = store.load()
    assert outcome.progress.cards == {}
    assert outcome.problem is not None
    assert "damaged" in outcome.problem
    assert outcome.backup is not None
    assert outcome.backup.name in outcome.problem
    assert outcome.backup.read_bytes() == content
    assert not path.exists()
    store.save(progress_with(("eks", "etcd-a")))
    assert ProgressStore(path).load().problem is None


def test_a_second_damaged_file_gets_its_own_backup(tmp_path: Path) -> None:
    path = tmp_path / "progress.json"
    backups = []
    for content in (b"{", b"[1"):
        path.write_bytes(content)
        backups.append(ProgressStore(path).load().backup)
    assert backups[0] != backups[1]
    assert [backup.read_bytes() for backup in backups if backup] == [b"{", b"[1"]


def test_save_reports_an_unwritable_folder(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    with pytest.raises(ProgressError, match="cannot use"):
        ProgressStore(blocker / "progress.json").save(Progress())


def test_export_and_read_back(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path / "progress.json")
    progress = progress_with(("eks", "etcd-a"))
    exported = store.export_to(tmp_path / "backup.json", progress)
    assert ProgressStore.read_file(exported) == progress
    (tmp_path / "other.json").write_text('{"hello": 1}', encoding="utf-8")
    with pytest.raises(ProgressError, match="is not revision progress"):
        ProgressStore.read_file(tmp_path / "other.json")
    with pytest.raises(ProgressError, match="cannot read"):
        ProgressStore.read_file(tmp_path / "missing.json")
    with pytest.raises(ProgressError, match="folder"):
        store.export_to(tmp_path / "no" / "such" / "dir" / "x.json", progress)
