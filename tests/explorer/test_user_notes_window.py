"""The user's own notes in the window: opening, excerpts, markers, live reload, wikilinks."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from explorer.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
VAULT = ROOT / "tests" / "fixtures" / "notes" / "vault"


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    """A writable copy of the fixture vault, so tests can edit and delete notes."""
    copy = tmp_path / "vault"
    shutil.copytree(VAULT, copy)
    return copy


def open_notes(qtbot, window: MainWindow, *locations: Path) -> None:
    content = window.user_content
    with qtbot.waitSignal(content.notes.library_changed, timeout=10_000):
        content.add_note_locations(list(locations))


def panel_text(window: MainWindow) -> str:
    return " ".join(window.notes_panel.plain_text().split())


def test_user_excerpt_appears_beside_the_built_in_one(qtbot, window: MainWindow, vault: Path) -> None:
    open_notes(qtbot, window, vault)
    window.show_architecture("kubernetes", "kube-apiserver")
    text = panel_text(window)
    assert "Built-in notes" in text
    assert "the only component that talks to etcd" in text
    assert "Kubernetes 101.md › Kubernetes architecture › Control plane" in text
    assert "line 11" in text


def test_markers_and_status_show_the_gaps(qtbot, window: MainWindow, vault: Path) -> None:
    window.show_architecture("kubernetes")
    assert window.scene.marked_components() == set()
    open_notes(qtbot, window, vault)
    marked = window.scene.marked_components()
    assert "kube-apiserver" not in marked
    assert "kubelet-1" not in marked
    assert "kubelet-2" not in marked
    assert "kubectl" in marked or "ingress-controller" in marked
    assert "not in your notes yet" in window.statusBar().currentMessage()


def test_live_reload_keeps_the_selection(qtbot, window: MainWindow, vault: Path) -> None:
    open_notes(qtbot, window, vault)
    window.show_architecture("kubernetes", "kube-scheduler")
    note = vault / "Containers" / "Kubernetes" / "Kubernetes 101.md"
    note.write_text(
        note.read_text(encoding="utf-8").replace(
            "picks a node for every new pod", "scores the nodes with plugins, then binds the pod"
        ),
        encoding="utf-8",
    )
    qtbot.waitUntil(lambda: "scores the nodes with plugins" in panel_text(window), timeout=30_000)
    assert window.scene.selected_element() == "kube-scheduler"


def test_a_new_file_in_an_open_folder_is_picked_up(qtbot, window: MainWindow, vault: Path) -> None:
    open_notes(qtbot, window, vault)
    window.show_architecture("kubernetes", "etcd")
    (vault / "Containers" / "etcd deep dive.md").write_text(
        "### etcd\n- **etcd** uses the Raft consensus algorithm\n", encoding="utf-8"
    )
    qtbot.waitUntil(lambda: "Raft consensus" in panel_text(window), timeout=30_000)


def test_a_deleted_notes_folder_is_reported_not_fatal(qtbot, window: MainWindow, vault: Path) -> None:
    open_notes(qtbot, window, vault)
    with qtbot.waitSignal(window.user_content.notes.library_changed, timeout=30_000):
        shutil.rmtree(vault)
    assert any(str(vault) in problem for problem in window.user_content.problems())
    assert window.user_content.problems_button.isVisibleTo(window)
    window.show_architecture("kubernetes", "etcd")
    assert "Built-in notes" in panel_text(window)


def test_wikilinks_open_the_linked_section(qtbot, window: MainWindow, vault: Path) -> None:
    open_notes(qtbot, window, vault)
    browser = window.notes_panel.browser
    browser.anchorClicked.emit(QUrl("note:EKS#Managed%20node%20groups"))
    text = panel_text(window)
    assert "← Back" in text
    assert "Managed node groups" in text
    browser.anchorClicked.emit(QUrl("note:Chapter%209%20-%20Advanced%20EC2"))
    assert "“Chapter 9 - Advanced EC2” is not in your notes." in panel_text(window)
    browser.anchorClicked.emit(QUrl("ae-action:back"))
    assert "← Back" not in panel_text(window)


def test_excerpt_source_link_opens_the_whole_note(qtbot, window: MainWindow, vault: Path) -> None:
    open_notes(qtbot, window, vault)
    window.show_architecture("kubernetes", "kube-apiserver")
    source = str(vault / "Containers" / "Kubernetes" / "Kubernetes 101.md")
    encoded = QUrl.toPercentEncoding(source).data().decode()
    window.notes_panel.browser.anchorClicked.emit(QUrl(f"ae-open:{encoded}#11"))
    text = panel_text(window)
    assert "Worker nodes" in text
    assert "Control plane" in text


def test_open_file_without_a_desktop_launcher_says_why_and_shows_the_note(
    qtbot, window: MainWindow, vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import explorer.ui.notes_panel as notes_panel

    opened: list[QUrl] = []
    monkeypatch.setattr(notes_panel.QDesktopServices, "openUrl", lambda url: opened.append(url) or False)
    open_notes(qtbot, window, vault)
    window.show_architecture("kubernetes", "kube-apiserver")
    source = str(vault / "Containers" / "Kubernetes" / "Kubernetes 101.md")
    encoded = QUrl.toPercentEncoding(source).data().decode()
    with qtbot.waitSignal(window.notes_panel.status_message) as message:
        window.notes_panel.browser.anchorClicked.emit(QUrl(f"ae-file:{encoded}"))
    assert [url.toLocalFile() for url in opened] == [source]
    assert "No application on this desktop opens Kubernetes 101.md" in message.args[0]
    text = panel_text(window)
    assert "showing the whole note here" in text
    assert "Worker nodes" in text
    assert "[!tip]" not in text  # callouts read as callouts in the whole-note view too


def test_open_file_of_a_deleted_note_says_so(qtbot, window: MainWindow, vault: Path) -> None:
    open_notes(qtbot, window, vault)
    window.show_architecture("kubernetes", "kube-apiserver")
    source = vault / "Containers" / "Kubernetes" / "Kubernetes 101.md"
    encoded = QUrl.toPercentEncoding(str(source)).data().decode()
    source.unlink()
    window.notes_panel.browser.anchorClicked.emit(QUrl(f"ae-file:{encoded}"))
    assert "is no longer there" in panel_text(window)


def test_dropping_a_folder_opens_it(qtbot, window: MainWindow, vault: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(vault)), QUrl.fromLocalFile(str(vault / "nope.png"))])
    event = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.user_content.notes.library_changed, timeout=10_000):
        window.dropEvent(event)
    assert window.user_content.notes.locations == [vault]
    assert window.settings.note_locations() == [vault]


def test_describe_with_notes_lists_user_excerpts(vault: Path) -> None:
    completed = subprocess.run(
        [sys.executable, "main.py", "describe", "kubernetes", "--notes", str(vault), "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    components = {c["id"]: c for c in json.loads(completed.stdout)["components"]}
    user = [e for e in components["etcd"]["excerpts"] if e["origin"] == "user"]
    assert user, components["etcd"]["excerpts"]
    top = user[0]
    assert top["source"].endswith("Kubernetes 101.md")
    assert top["heading_path"] == ["Kubernetes architecture", "Control plane"]
    assert top["line"] == 14
    assert "consistent key value store" in top["text"]
    assert "etcd" in [term.lower() for term in top["matched_terms"]]
