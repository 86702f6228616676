"""The snapshot of the built-in architectures and notes: current, checked, and rebuilt when stale."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from explorer import builtin_snapshot


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder, and no shipped snapshot (see the tests at the end for that)."""
    monkeypatch.setenv("ARCH_EXPLORER_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(builtin_snapshot, "SHIPPED_DIR", tmp_path / "shipped")
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


def test_a_moved_copy_of_the_app_reads_its_own_files_from_the_snapshot(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The snapshot records file paths relative to the assets folder: another copy of the
    # app (moved, another checkout) shares the key and gets paths into its own folder.
    first = builtin_snapshot.builtin_content()
    key = builtin_snapshot.content_key()
    elsewhere = Path("/elsewhere/app/assets")
    monkeypatch.setattr(builtin_snapshot, "ASSETS_DIR", elsewhere)
    monkeypatch.setattr(builtin_snapshot, "parse_builtin_content", lambda: pytest.fail("parsed again"))
    assert builtin_snapshot.content_key() == key
    moved = builtin_snapshot.builtin_content()
    here = str(builtin_snapshot.NOTES_DIR.parent)
    sources = [str(item.source) for item in (*first.notes, *first.architectures)]
    moved_sources = [str(item.source) for item in (*moved.notes, *moved.architectures)]
    assert all(source.startswith(here) for source in sources)
    assert moved_sources == [source.replace(here, str(elsewhere)) for source in sources]


def test_a_changed_asset_changes_the_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    key = builtin_snapshot.content_key()
    copy = tmp_path / "architectures"
    shutil.copytree(builtin_snapshot.ARCHITECTURES_DIR, copy)
    monkeypatch.setattr(builtin_snapshot, "ARCHITECTURES_DIR", copy)
    assert builtin_snapshot.content_key() == key
    first = sorted(copy.iterdir())[0]
    first.write_text(first.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert builtin_snapshot.content_key() != key


def test_a_first_start_reads_the_shipped_snapshot(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = builtin_snapshot.parse_builtin_content()
    shipped = builtin_snapshot.ship(expected, builtin_snapshot.SHIPPED_DIR)
    assert shipped is not None
    assert str(builtin_snapshot.ASSETS_DIR).encode() not in shipped.read_bytes()
    monkeypatch.setattr(builtin_snapshot, "parse_builtin_content", lambda: pytest.fail("parsed again"))
    assert builtin_snapshot.builtin_content() == expected
    assert builtin_snapshot.builtin_architectures() == (expected.architectures, expected.errors)
    assert not cache_dir.exists()  # nothing to write: the shipped one serves every start


def test_a_damaged_shipped_snapshot_is_parsed_instead(cache_dir: Path) -> None:
    expected = builtin_snapshot.parse_builtin_content()
    shipped = builtin_snapshot.ship(expected, builtin_snapshot.SHIPPED_DIR)
    assert shipped is not None
    shipped.write_bytes(shipped.read_bytes()[:-5])
    assert builtin_snapshot.builtin_content() == expected
    assert [p.name for p in cache_dir.iterdir()] == [shipped.name]


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


def test_the_notes_and_walkthroughs_are_parsed_only_when_asked_for(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = builtin_snapshot.builtin_content()
    assert content.walkthroughs
    (path,) = cache_dir.iterdir()
    assert path.read_bytes()[32:].count(b"\n") == 2  # the notes and the walkthroughs on lines of their own
    parsed: list[tuple[bool, bool]] = []
    parse = builtin_snapshot._parse

    def parse_and_count(payload: bytes, *, notes: bool, walkthroughs: bool) -> dict[str, object]:
        parsed.append((notes, walkthroughs))
        return parse(payload, notes=notes, walkthroughs=walkthroughs)

    monkeypatch.setattr(builtin_snapshot, "_parse", parse_and_count)
    architectures, errors = builtin_snapshot.builtin_architectures()
    assert (architectures, errors) == (content.architectures, content.errors)
    start = builtin_snapshot.builtin_content(notes=False, walkthroughs=False)
    assert (start.notes, start.walkthroughs) == ((), ())
    assert start.walkthrough_errors == content.walkthrough_errors
    assert builtin_snapshot.builtin_notes() == content.notes
    assert builtin_snapshot.builtin_walkthroughs() == content.walkthroughs
    assert parsed == [(False, False), (False, False), (True, False), (False, True)]
