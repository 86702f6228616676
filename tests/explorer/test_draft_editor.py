"""The draft editor in the window: a note in, an edited diagram out, saved as a user architecture."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox

from explorer.app import create_window
from explorer.ui.drafting.editor import DraftEditor
from explorer.ui.drafting.icon_picker import IconPicker
from explorer.ui.drafting.launch import DraftLauncher, draft_dropped_note, launcher_for
from explorer.ui.notes_sources_dialog import NotesSourcesDialog
from models.loader import load_architecture_file

NOTE = """\
# Metrics at home

## Collection

**Prometheus** scrapes metrics from **Kafka** and **Redis**.

## Dashboards

**Grafana** queries Prometheus. Grafana sends alerts to **Slack**.
"""


@pytest.fixture
def note(tmp_path: Path) -> Path:
    path = tmp_path / "metrics.md"
    path.write_text(NOTE, encoding="utf-8")
    return path


@pytest.fixture
def draft_window(qtbot, tmp_path: Path, data_dir: Path):
    window = create_window(settings=QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    yield window
    window.close()


def launcher(window) -> DraftLauncher:
    return launcher_for(window, window.user_content)


def open_editor(qtbot, window, note: Path) -> DraftEditor:
    drafts = launcher(window)
    drafts.draft_note(note)
    qtbot.waitUntil(lambda: drafts.editor is not None and drafts.editor.isVisible(), timeout=20000)
    assert drafts.editor is not None
    wait_drawn(qtbot, drafts.editor)
    return drafts.editor


def wait_drawn(qtbot, editor: DraftEditor) -> None:
    """The worker lays the draft out; wait until the current draft is drawn."""
    qtbot.waitUntil(lambda: not editor.laying_out, timeout=20000)


def component_labels(editor: DraftEditor) -> list[str]:
    return [editor.parts.components.item(row).text() for row in range(editor.parts.components.count())]


def select(editor: DraftEditor, label: str) -> None:
    editor.parts.components.setCurrentRow(component_labels(editor).index(label))


def test_menu_action_opens_the_editor_with_the_note_and_its_diagram(
    qtbot, draft_window, note: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(note), ""))
    draft_window.actions_by_name["draft_from_note"].trigger()
    drafts = launcher(draft_window)
    qtbot.waitUntil(lambda: drafts.editor is not None and drafts.editor.isVisible(), timeout=20000)
    editor = drafts.editor
    wait_drawn(qtbot, editor)
    assert component_labels(editor) == ["Prometheus", "Kafka", "Redis", "Grafana", "Slack"]
    assert "**Grafana** queries Prometheus" in editor.note_view.toPlainText()
    scene = editor.diagram_view.diagram()
    assert {item.component.id for item in scene.component_items()} == {
        "prometheus",
        "kafka",
        "redis",
        "grafana",
        "slack",
    }
    assert editor.parts.relations.count() == 4


def test_rename_and_remove_redraw_the_diagram(qtbot, draft_window, note: Path) -> None:
    editor = open_editor(qtbot, draft_window, note)
    select(editor, "Kafka")
    editor.parts.components.currentItem().setText("Event log")
    assert component_labels(editor)[1] == "Event log"
    assert "Kafka" in editor.architecture.component("kafka").aliases
    select(editor, "Redis")
    qtbot.mouseClick(editor.parts.remove_button, Qt.MouseButton.LeftButton)
    assert "Redis" not in component_labels(editor)
    assert editor.parts.relations.count() == 3
    wait_drawn(qtbot, editor)
    assert len(editor.diagram_view.diagram().component_items()) == 4


def test_icon_picker_filters_as_you_type_and_enter_picks(qtbot, draft_window, note: Path) -> None:
    editor = open_editor(qtbot, draft_window, note)
    select(editor, "Kafka")
    qtbot.mouseClick(editor.parts.icon_button, Qt.MouseButton.LeftButton)
    picker = editor.findChild(IconPicker)
    assert picker is not None
    assert picker.isVisible()
    assert picker.model.entries[0].label == "Kafka"  # starts filtered on the component's name
    picker.filter.clear()
    qtbot.keyClicks(picker.filter, "rabbit")
    assert picker.model.entries[0].reference == "onprem/queue/rabbitmq"
    assert all("rabbit" in " ".join((*e.names, e.reference)).casefold() for e in picker.model.entries)
    assert picker.model.data(picker.model.index(0), Qt.ItemDataRole.DecorationRole).isNull() is False
    qtbot.keyClick(picker.filter, Qt.Key.Key_Return)
    assert editor.architecture.component("kafka").icon == "onprem/queue/rabbitmq"


def test_relations_can_be_repointed_and_dropped(qtbot, draft_window, note: Path) -> None:
    editor = open_editor(qtbot, draft_window, note)
    parts = editor.parts
    parts.relations.setCurrentRow(3)  # Grafana → Slack
    parts.source.setCurrentIndex(parts.source.findData("slack"))
    parts.target.setCurrentIndex(parts.target.findData("redis"))
    qtbot.mouseClick(parts.repoint_button, Qt.MouseButton.LeftButton)
    pairs = [(r.source, r.target) for r in editor.architecture.relations]
    assert ("slack", "redis") in pairs
    assert ("grafana", "slack") not in pairs
    parts.relations.setCurrentRow(0)
    qtbot.mouseClick(parts.drop_button, Qt.MouseButton.LeftButton)
    assert [(r.source, r.target) for r in editor.architecture.relations] == pairs[1:]
    parts.relations.setCurrentRow(0)
    parts.target.setCurrentIndex(parts.target.findData(parts.source.currentData()))
    qtbot.mouseClick(parts.repoint_button, Qt.MouseButton.LeftButton)
    assert "two different components" in editor.message.text()
    assert len(editor.architecture.relations) == 3


def test_save_writes_a_valid_file_lists_it_attaches_the_note_and_reloads_hand_edits(
    qtbot, draft_window, note: Path, data_dir: Path
) -> None:
    editor = open_editor(qtbot, draft_window, note)
    select(editor, "Slack")
    qtbot.mouseClick(editor.parts.remove_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    saved = data_dir / "architectures" / "metrics-at-home.yaml"
    architecture = load_architecture_file(saved)
    assert [c.label for c in architecture.components] == ["Prometheus", "Kafka", "Redis", "Grafana"]
    qtbot.waitUntil(lambda: draft_window.current_id == "metrics-at-home", timeout=10000)
    assert "metrics-at-home" in draft_window.architecture_list.ids()
    assert note in draft_window.user_content.notes.locations
    qtbot.waitUntil(
        lambda: draft_window.sources.notes.total_user_matches(architecture, "grafana") > 0, timeout=10000
    )
    saved.write_text(saved.read_text(encoding="utf-8").replace("title: Metrics at home", "title: Home"))
    qtbot.waitUntil(
        lambda: draft_window.sources.architectures["metrics-at-home"].title == "Home", timeout=10000
    )


def test_save_refuses_the_id_of_another_architecture(qtbot, draft_window, note: Path, data_dir: Path) -> None:
    editor = open_editor(qtbot, draft_window, note)
    editor.title.setText("ECS Fargate")  # the id would be ecs-fargate, a built-in architecture's
    assert not editor.save()
    assert "exists already" in editor.message.text()
    assert not (data_dir / "architectures").exists()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
        (b"  \n\n", "is empty"),
        (b"# Shopping\n\nBread, milk and eggs. Call the plumber on Monday.\n", "found no technologies"),
    ],
)
def test_bad_input_shows_a_clear_message_and_writes_nothing(
    qtbot, draft_window, tmp_path: Path, data_dir: Path, content: bytes, expected: str
) -> None:
    bad = tmp_path / "bad.md"
    bad.write_bytes(content)
    drafts = launcher(draft_window)
    drafts.draft_note(bad)
    qtbot.waitUntil(lambda: draft_window.findChild(QMessageBox, "draftProblem") is not None, timeout=20000)
    box = draft_window.findChild(QMessageBox, "draftProblem")
    assert expected in box.informativeText()
    assert "nothing was written" in box.text()
    assert drafts.editor is None
    assert not (data_dir / "architectures").exists()


def test_a_note_dropped_with_alt_or_ctrl_is_drafted_and_without_it_is_not(
    qtbot, draft_window, note: Path
) -> None:
    drafts = launcher(draft_window)
    assert not draft_dropped_note(drafts, [note], Qt.KeyboardModifier.NoModifier)
    assert not draft_dropped_note(drafts, [note, note.parent], Qt.KeyboardModifier.AltModifier)
    assert draft_dropped_note(drafts, [note], Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: drafts.editor is not None, timeout=20000)


def test_notes_sources_offers_drafting_a_note_file(qtbot, draft_window, note: Path) -> None:
    draft_window.user_content.add_note_locations([note, note.parent])
    chosen: list[Path] = []
    dialog = NotesSourcesDialog(draft_window.user_content.notes, draft_window, draft_note=chosen.append)
    qtbot.addWidget(dialog)
    dialog.list.setCurrentRow(1)  # the folder: no drafting
    assert dialog.context_menu().findChild(QAction, "draftFromNote") is None
    dialog.list.setCurrentRow(0)
    dialog.context_menu().findChild(QAction, "draftFromNote").trigger()
    assert chosen == [note]
