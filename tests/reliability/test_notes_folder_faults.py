"""A watched notes folder deleted, renamed or replaced under the app: reported, never fatal, picked up again.

Real folders, real renames, the real file watcher and the real loader thread.
(A deleted folder in the full window is covered in
``tests/explorer/test_user_notes_window.py``.)
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject

from explorer.user_notes import UserNotes
from models.catalog import load_catalog
from models.notes import NotesLibrary

WAIT_MS = 10_000


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    folder = tmp_path / "vault"
    (folder / "Containers").mkdir(parents=True)
    (folder / "Containers" / "etcd.md").write_text("# etcd\nthe etcd store keeps state\n", encoding="utf-8")
    return folder


@pytest.fixture
def make_notes() -> Iterator[Callable[[], UserNotes]]:
    """Builds watched user notes, owned by a QObject as in the app and stopped after the test.

    Ownership matters: the loader thread briefly holds the last reference to a
    parentless QObject, and deleting it from that thread crashes Qt.
    """
    owner = QObject()
    made: list[UserNotes] = []

    def make() -> UserNotes:
        made.append(UserNotes(NotesLibrary(architectures=load_catalog().architectures), parent=owner))
        return made[-1]

    yield make
    for watched in made:
        watched.wait_idle()
        watched.shutdown()
    owner.deleteLater()


@pytest.fixture
def notes(qtbot, vault: Path, make_notes: Callable[[], UserNotes]) -> UserNotes:
    """The user's notes, loaded from ``vault`` and watched."""
    watched = make_notes()
    with qtbot.waitSignal(watched.library_changed, timeout=WAIT_MS):
        watched.set_locations([vault])
    assert names(watched) == ["etcd"]
    return watched


def names(notes: UserNotes) -> list[str]:
    return sorted(document.name for document in notes.library.user)


def texts(notes: UserNotes) -> str:
    return "\n".join(block.text for d in notes.library.user for s in d.sections for block in s.blocks)


def changed(qtbot, notes: UserNotes, action: Callable[[], object]) -> None:
    """Do ``action`` and wait for the reload it causes."""
    with qtbot.waitSignal(notes.library_changed, timeout=WAIT_MS):
        action()


def test_renamed_away_then_back(qtbot, notes: UserNotes, vault: Path) -> None:
    elsewhere = vault.with_name("vault-renamed")
    changed(qtbot, notes, lambda: vault.rename(elsewhere))
    assert names(notes) == []
    assert notes.errors == [f"{vault}: not found"]
    changed(qtbot, notes, lambda: elsewhere.rename(vault))
    assert names(notes) == ["etcd"]
    assert notes.errors == []


def test_deleted_then_made_again_with_new_notes(qtbot, notes: UserNotes, vault: Path) -> None:
    changed(qtbot, notes, lambda: shutil.rmtree(vault))
    assert names(notes) == []

    def recreate() -> None:
        vault.mkdir()
        (vault / "kubelet.md").write_text("# kubelet\nthe node agent\n", encoding="utf-8")

    changed(qtbot, notes, recreate)
    qtbot.waitUntil(lambda: names(notes) == ["kubelet"], timeout=WAIT_MS)
    assert notes.errors == []


def test_replaced_by_another_folder(qtbot, notes: UserNotes, vault: Path) -> None:
    """What sync tools do: the new folder is written beside the old one, then swapped in."""
    staged = vault.with_name("vault.new")
    staged.mkdir()
    (staged / "scheduler.md").write_text("# kube-scheduler\npicks nodes\n", encoding="utf-8")

    def swap() -> None:
        shutil.rmtree(vault)
        staged.rename(vault)

    changed(qtbot, notes, swap)
    qtbot.waitUntil(lambda: names(notes) == ["scheduler"], timeout=WAIT_MS)
    assert notes.errors == []
    changed(qtbot, notes, lambda: (vault / "scheduler.md").write_text("# kube-scheduler\nscores nodes\n"))
    assert "scores nodes" in texts(notes), "the swapped-in folder is watched too"


def test_replaced_by_a_file(qtbot, notes: UserNotes, vault: Path) -> None:
    def replace() -> None:
        shutil.rmtree(vault)
        vault.write_text("not a folder any more", encoding="utf-8")

    changed(qtbot, notes, replace)
    assert names(notes) == []
    assert len(notes.errors) == 1
    assert notes.errors[0].startswith(f"{vault}: not a Markdown note")


def test_a_note_saved_by_rename_twice(qtbot, notes: UserNotes, vault: Path) -> None:
    """Editors save by writing a temporary file and renaming it over the note: a new inode each time."""
    note = vault / "Containers" / "etcd.md"
    for version in ("Raft consensus", "a quorum of members"):

        def save(text: str = version) -> None:
            temp = note.with_name(".etcd.md.tmp")
            temp.write_text(f"# etcd\n{text}\n", encoding="utf-8")
            os.replace(temp, note)

        changed(qtbot, notes, save)
        qtbot.waitUntil(lambda text=version: text in texts(notes), timeout=WAIT_MS)


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_symlinked_vault_pointed_elsewhere(
    qtbot, tmp_path: Path, vault: Path, make_notes: Callable[[], UserNotes]
) -> None:
    other = tmp_path / "other"
    other.mkdir()
    (other / "proxy.md").write_text("# kube-proxy\nroutes service traffic\n", encoding="utf-8")
    link = tmp_path / "current"
    link.symlink_to(vault)
    watched = make_notes()
    changed(qtbot, watched, lambda: watched.set_locations([link]))
    assert names(watched) == ["etcd"]

    def repoint() -> None:
        staged = tmp_path / "current.new"
        staged.symlink_to(other)
        os.replace(staged, link)

    changed(qtbot, watched, repoint)
    qtbot.waitUntil(lambda: names(watched) == ["proxy"], timeout=WAIT_MS)


@pytest.fixture
def nested(qtbot, tmp_path: Path, make_notes: Callable[[], UserNotes]) -> tuple[UserNotes, Path]:
    """Notes watched at ``Documents/vault``, so that ``Documents`` itself can be deleted."""
    vault = tmp_path / "Documents" / "vault"
    vault.mkdir(parents=True)
    (vault / "etcd.md").write_text("# etcd\nstore\n", encoding="utf-8")
    watched = make_notes()
    changed(qtbot, watched, lambda: watched.set_locations([vault]))
    return watched, vault


def test_the_folder_above_deleted(qtbot, nested: tuple[UserNotes, Path]) -> None:
    watched, vault = nested
    changed(qtbot, watched, lambda: shutil.rmtree(vault.parent))
    assert names(watched) == []
    assert watched.errors == [f"{vault}: not found"]
    vault.mkdir(parents=True)
    (vault / "etcd.md").write_text("# etcd\nback\n", encoding="utf-8")
    changed(qtbot, watched, watched.reload)  # what a restart (or reopening the notes) does
    assert names(watched) == ["etcd"]


def test_the_folder_above_made_again_is_noticed(qtbot, nested: tuple[UserNotes, Path]) -> None:
    watched, vault = nested
    changed(qtbot, watched, lambda: shutil.rmtree(vault.parent))

    def recreate() -> None:
        vault.mkdir(parents=True)
        (vault / "etcd.md").write_text("# etcd\nback\n", encoding="utf-8")

    with qtbot.waitSignal(watched.library_changed, timeout=700, raising=False):
        recreate()
    assert names(watched) == ["etcd"]
