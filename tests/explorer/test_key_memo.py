"""The built-in content's key is kept while its files' stamps hold, and never served stale."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from explorer import builtin_snapshot
from explorer.key_memo import files, memoized_key

OLD_NS = 1_600_000_000_000_000_000
"""A modification time long past: settled, so a key hashed over it is kept."""


def _settle(folder: Path, ns: int = OLD_NS) -> None:
    for file in folder.rglob("*"):
        os.utime(file, ns=(ns, ns))


@pytest.fixture
def assets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A settled copy of the architectures, read by :func:`builtin_snapshot.content_key`."""
    monkeypatch.setenv("ARCH_EXPLORER_CACHE_DIR", str(tmp_path / "cache"))
    copy = tmp_path / "architectures"
    shutil.copytree(builtin_snapshot.ARCHITECTURES_DIR, copy)
    _settle(copy)
    monkeypatch.setattr(builtin_snapshot, "ARCHITECTURES_DIR", copy)
    return copy


def _no_hashing(*_: object) -> str:
    raise AssertionError("hashed again")


def test_the_kept_key_is_the_hashed_one_and_is_served_without_hashing(
    assets: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = builtin_snapshot.content_key()
    monkeypatch.setattr(builtin_snapshot, "hashed_key", _no_hashing)
    assert builtin_snapshot.content_key() == key


def test_a_change_of_the_same_size_changes_the_key(assets: Path) -> None:
    key = builtin_snapshot.content_key()
    first = sorted(assets.glob("*.yaml"))[0]
    text = first.read_text(encoding="utf-8")
    first.write_text(text.replace("a", "b", 1), encoding="utf-8")
    _settle(assets, OLD_NS + 1)  # a new time, the same size
    assert first.stat().st_size == len(text.encode())
    assert builtin_snapshot.content_key() != key


@pytest.mark.parametrize("change", ["add", "rename", "remove"])
def test_an_added_renamed_or_removed_file_changes_the_key(assets: Path, change: str) -> None:
    key = builtin_snapshot.content_key()
    first = sorted(assets.glob("*.yaml"))[0]
    if change == "add":
        (assets / "sub").mkdir()
        shutil.copy2(first, assets / "sub" / "extra.yaml")
    elif change == "rename":
        first.rename(first.with_name("zz-" + first.name))
    else:
        first.unlink()
    assert builtin_snapshot.content_key() != key


def test_a_moved_folder_is_hashed_again(tmp_path: Path) -> None:
    folder = tmp_path / "a"
    folder.mkdir()
    (folder / "x.txt").write_text("x", encoding="utf-8")
    _settle(folder)
    memo = tmp_path / "memo.txt"
    assert memoized_key("s", [("a", folder, "*")], lambda: "one", memo) == "one"
    assert memoized_key("s", [("a", folder, "*")], _no_hashing, memo) == "one"
    moved = folder.rename(tmp_path / "b")
    assert memoized_key("s", [("a", moved, "*")], lambda: "two", memo) == "two"
    assert memoized_key("other salt", [("a", moved, "*")], lambda: "three", memo) == "three"


def test_files_changed_just_now_are_not_trusted_by_their_stamps(tmp_path: Path) -> None:
    folder = tmp_path / "a"
    folder.mkdir()
    (folder / "x.txt").write_text("x", encoding="utf-8")  # modified now: a second change could keep its stamp
    memo = tmp_path / "memo.txt"
    assert memoized_key("s", [("a", folder, "*")], lambda: "one", memo) == "one"
    assert not memo.exists()
    assert memoized_key("s", [("a", folder, "*")], lambda: "two", memo) == "two"


def test_only_files_matching_the_pattern_count(tmp_path: Path) -> None:
    folder = tmp_path / "models"
    (folder / "pkg").mkdir(parents=True)
    (folder / "pkg" / "m.py").write_text("x = 1\n", encoding="utf-8")
    _settle(folder)
    memo = tmp_path / "memo.txt"
    memoized_key("s", [("models", folder, "*.py")], lambda: "one", memo)
    (folder / "pkg" / "m.pyc").write_bytes(b"\0")
    assert memoized_key("s", [("models", folder, "*.py")], _no_hashing, memo) == "one"
    (folder / "pkg" / "m.py").write_text("x = 22\n", encoding="utf-8")
    assert memoized_key("s", [("models", folder, "*.py")], lambda: "two", memo) == "two"


def test_files_are_listed_in_the_order_rglob_sorts_them(tmp_path: Path) -> None:
    for relative in ("a/x.py", "a-b/x.py", "a/b/c.py", "a/b/c.txt", "ab.py", ".hidden.py", "z/__init__.py"):
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text("", encoding="utf-8")
    expected = [str(path.relative_to(tmp_path)) for path in sorted(tmp_path.rglob("*.py")) if path.is_file()]
    assert files(tmp_path, "*.py") == expected
    assert files(tmp_path / "missing", "*") == []
