"""The snapshot of the built-in architectures and notes: current, checked, and rebuilt when stale."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from explorer import builtin_snapshot


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ARCH_EXPLORER_CACHE_DIR", str(tmp_path))
    return tmp_path / "builtin"


def test_snapshot_holds_what_parsing_gives(cache_dir: Path) -> None:
    first = builtin_snapshot.builtin_content()
    assert [p.name for p in cache_dir.iterdir()] == [f"{builtin_snapshot.content_key()}.json"]
    again = builtin_snapshot.builtin_content()
    assert again == first == builtin_snapshot.parse_builtin_content()
    assert again.architectures
    assert again.notes


def test_snapshot_is_read_instead_of_parsing(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    builtin_snapshot.builtin_content()

    def no_parsing(*_args: object) -> None:
        raise AssertionError("the snapshot should have been read")

    monkeypatch.setattr(builtin_snapshot, "parse_builtin_content", no_parsing)
    assert builtin_snapshot.builtin_content().architectures


def test_damaged_snapshot_is_parsed_again_and_rewritten(cache_dir: Path) -> None:
    expected = builtin_snapshot.builtin_content()
    (path,) = cache_dir.iterdir()
    data = bytearray(path.read_bytes())
    data[-10] ^= 0xFF
    path.write_bytes(bytes(data))
    assert builtin_snapshot.builtin_content() == expected
    assert path.read_bytes() != bytes(data)


def test_stale_snapshots_are_removed(cache_dir: Path) -> None:
    cache_dir.mkdir(parents=True)
    (cache_dir / "0123.json").write_bytes(b"old")
    builtin_snapshot.builtin_content()
    assert [p.name for p in cache_dir.iterdir()] == [f"{builtin_snapshot.content_key()}.json"]


def test_a_second_copy_of_the_app_does_not_read_the_first_copys_snapshot(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Same files, another folder: the snapshot records file paths, so it must not be shared.
    key = builtin_snapshot.content_key()
    copy = tmp_path / "copy" / "architectures"
    shutil.copytree(builtin_snapshot.ARCHITECTURES_DIR, copy)
    monkeypatch.setattr(builtin_snapshot, "ARCHITECTURES_DIR", copy)
    assert builtin_snapshot.content_key() != key


def test_an_export_reads_the_architectures_alone_from_the_snapshot(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from explorer.sources import load_models
    from models.catalog import load_catalog

    monkeypatch.setenv("ARCH_EXPLORER_DATA_DIR", str(cache_dir.parent / "data"))  # no user models
    parsed = load_catalog(())
    assert builtin_snapshot.builtin_architectures() == (tuple(parsed.architectures), tuple(parsed.errors))
    monkeypatch.setattr(builtin_snapshot, "parse_builtin_content", lambda: pytest.fail("parsed again"))
    assert list(load_models().architectures.values()) == parsed.architectures
