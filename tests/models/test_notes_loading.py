"""Loading note files and folders: every problem is a message naming the file, never an exception."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from models.notes import load_builtin_notes, load_note_file, load_notes
from models.notes import loading as loading_module
from models.paths import NOTES_DIR

VAULT = Path(__file__).parent.parent / "fixtures" / "notes" / "vault"


def test_a_vault_is_searched_recursively_skipping_hidden_folders() -> None:
    result = load_notes([VAULT])
    assert result.errors == []
    names = sorted(document.name for document in result.documents)
    assert names == ["2024-11-02", "ECS basics", "ECS launch types", "EKS", "Kubernetes 101"]


def test_a_single_file_and_the_same_note_twice(tmp_path: Path) -> None:
    note = VAULT / "Containers" / "ECS basics.md"
    result = load_notes([note, VAULT / "Containers", note])
    assert result.errors == []
    assert [d.name for d in result.documents].count("ECS basics") == 1
    assert result.documents[0].source == str(note)


def test_missing_path_empty_folder_and_non_markdown_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    text_file = tmp_path / "notes.txt"
    text_file.write_text("etcd", encoding="utf-8")
    missing = tmp_path / "nope"
    result = load_notes([missing, empty, text_file])
    assert result.documents == []
    assert [error.split(":")[0] for error in result.errors] == [str(missing), str(empty), str(text_file)]
    assert "not found" in result.errors[0]
    assert "no Markdown notes" in result.errors[1]
    assert "not a Markdown note" in result.errors[2]


def test_binary_file_is_skipped_with_an_error(tmp_path: Path) -> None:
    (tmp_path / "good.md").write_text("# Good\n", encoding="utf-8")
    (tmp_path / "image.md").write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(range(256)))
    result = load_notes([tmp_path])
    assert [d.name for d in result.documents] == ["good"]
    assert len(result.errors) == 1
    assert str(tmp_path / "image.md") in result.errors[0]
    assert "binary" in result.errors[0]


def test_non_utf8_file_is_loaded_with_replacements_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "latin.md"
    path.write_bytes("# Caf\u00e9 notes\n\nkubelet on the n\u0153ud\n".encode("cp1252"))
    result = load_notes([path])
    assert len(result.documents) == 1
    assert result.documents[0].sections[0].title == "Caf\ufffd notes"
    assert len(result.errors) == 1
    assert result.errors[0].startswith(str(path))
    assert "not UTF-8" in result.errors[0]


def test_utf8_bom_and_utf16_are_decoded(tmp_path: Path) -> None:
    (tmp_path / "bom.md").write_bytes("\ufeff# With BOM\n".encode())
    (tmp_path / "wide.md").write_bytes("# UTF-16 note\n".encode("utf-16"))
    result = load_notes([tmp_path])
    assert result.errors == []
    assert sorted(d.sections[0].title for d in result.documents) == ["UTF-16 note", "With BOM"]


def test_unreadable_file_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.md"
    path.write_text("# Locked\n", encoding="utf-8")
    original_open = Path.open

    def refuse(self: Path, *args: object, **kwargs: object):
        if self.name == "locked.md":
            raise PermissionError(13, "Permission denied", str(self))
        return original_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    result = load_notes([tmp_path])
    assert result.documents == []
    assert result.errors == [f"{path}: cannot read the file (Permission denied)"]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read any file")
def test_chmod_000_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "locked.md"
    path.write_text("# Locked\n", encoding="utf-8")
    path.chmod(0)
    try:
        result = load_notes([tmp_path])
    finally:
        path.chmod(0o644)
    assert result.documents == []
    assert "Permission denied" in result.errors[0]


def test_symlink_loop_is_reported_once_and_does_not_hang(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    (vault / "sub").mkdir(parents=True)
    (vault / "sub" / "note.md").write_text("# Note\n", encoding="utf-8")
    (vault / "sub" / "loop").symlink_to(vault, target_is_directory=True)
    (vault / "self").symlink_to(".", target_is_directory=True)
    result = load_notes([vault])
    assert [d.name for d in result.documents] == ["note"]
    assert len(result.errors) == 2
    assert all("symbolic link loop" in error for error in result.errors)
    assert any(error.startswith(str(vault / "sub" / "loop")) for error in result.errors)


def test_broken_symlink_and_fifo(tmp_path: Path) -> None:
    (tmp_path / "dangling.md").symlink_to(tmp_path / "gone.md")
    os.mkfifo(tmp_path / "pipe.md")
    result = load_notes([tmp_path, tmp_path / "dangling.md"])
    assert result.documents == []
    assert any(e.startswith(str(tmp_path / "pipe.md")) and "not a regular file" in e for e in result.errors)
    assert any(e.startswith(str(tmp_path / "dangling.md")) for e in result.errors)


def test_files_over_the_size_limit_are_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loading_module, "MAX_NOTE_BYTES", 100)
    path = tmp_path / "huge.md"
    path.write_text("etcd " * 100, encoding="utf-8")
    document, problems = load_note_file(path)
    assert document is None
    assert len(problems) == 1
    assert problems[0].startswith(f"{path}: larger than the")
    assert problems[0].endswith("limit for a note; skipped")


def test_broken_front_matter_is_reported_but_the_note_loads(tmp_path: Path) -> None:
    path = tmp_path / "fm.md"
    path.write_text("---\ntags: [unclosed\n---\n# Still here\n", encoding="utf-8")
    document, problems = load_note_file(path)
    assert document is not None
    assert document.sections[0].title == "Still here"
    assert len(problems) == 1
    assert problems[0].startswith(f"{path}: front matter is not valid YAML")


def test_builtin_notes_load_cleanly() -> None:
    documents = load_builtin_notes()
    if not NOTES_DIR.is_dir() or not any(NOTES_DIR.glob("*.md")):
        assert documents == []
        return
    assert documents
    assert all(document.architectures for document in documents)
    assert load_notes([NOTES_DIR]).errors == []


def test_an_unchanged_file_loads_as_the_same_document_so_its_matches_are_kept(tmp_path: Path) -> None:

    (tmp_path / "a.md").write_text("# A\n\nThe kubelet.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("# B\n\netcd.\n", encoding="utf-8")
    first = load_notes([tmp_path]).documents
    edited = tmp_path / "b.md"
    edited.write_text("# B\n\netcd, edited.\n", encoding="utf-8")
    stat = edited.stat()
    os.utime(edited, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    second = load_notes([tmp_path]).documents
    assert second[0] is first[0]
    assert second[1] is not first[1]
    assert "edited" in second[1].sections[0].blocks[0].text
