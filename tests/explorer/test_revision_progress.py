"""Progress in the window: a perfect EKS session kept across restarts, reset, export/import, damaged files."""

from __future__ import annotations

import json
import random
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from explorer.app import create_window
from explorer.sources import Sources
from explorer.ui.main_window import MainWindow
from models.revision.questions import QuestionKind
from models.revision.scheduler import Grade
from tests.explorer.clock import NOON, ticking_clock
from tests.explorer.windows import shown_window


def open_window(qtbot, sources: Sources, settings: QSettings, architecture_id: str = "eks") -> MainWindow:
    return shown_window(qtbot, sources, settings, architecture_id=architecture_id, clock=ticking_clock())


def answer_everything_right(qtbot, window: MainWindow) -> None:
    revision = window.revision
    panel = revision.panel
    while revision.runner.active:
        question = revision.runner.session.current
        if question.kind is QuestionKind.IDENTIFY:
            qtbot.keyClicks(panel.answer_edit, question.item.label)
            qtbot.keyClick(panel.answer_edit, Qt.Key.Key_Return)
        elif question.kind is QuestionKind.LOCATE:
            view = window.diagram_view
            target = question.item.component_ids[-1]
            view.center_on_element(target)
            point = view.mapFromScene(window.scene.item_for(target).icon_rect().center())
            qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
        else:
            index = [option.key for option in question.options].index(question.item.key)
            qtbot.mouseClick(panel.choice_buttons[index], Qt.MouseButton.LeftButton)
        assert revision.runner.session.outcomes[-1].correct, question
        qtbot.keyClick(panel.next_button, Qt.Key.Key_Return)


def test_a_perfect_eks_session_is_kept_after_a_restart(
    qtbot, sources: Sources, settings_store: QSettings, data_dir: Path
) -> None:
    window = open_window(qtbot, sources, settings_store)
    window.revision.rng = random.Random(5)
    window.actions_by_name["revise"].trigger()  # View → Revise (Ctrl+R)
    session = window.revision.runner.session
    assert len(session.questions) == 25
    assert {question.kind for question in session.questions} == set(QuestionKind)
    answer_everything_right(qtbot, window)
    summary = window.revision.summary_dialog
    assert summary.summary.perfect
    assert "25 / 25" in summary.score_label.text()
    assert "perfect" in summary.score_label.text()
    assert not summary.again_button.isVisible()
    saved = window.revision.progress
    assert len(saved.cards) == 35  # every EKS component has its card
    window.close()

    reopened = open_window(qtbot, sources, settings_store)
    revision = reopened.revision
    assert revision.progress == saved
    assert revision.due_button.text() == "Nothing due today"
    assert all(card.due - card.last_review >= timedelta(days=1) for card in revision.progress.cards.values())
    later = revision.clock() + timedelta(days=40)
    revision.clock = lambda: later
    counts = revision.refresh_due()
    assert counts == {"eks": 25}
    assert reopened.architecture_list.badge("eks") == 25
    assert revision.due_button.text() == "25 due today"
    reopened.close()


def test_a_damaged_progress_file_is_backed_up_with_a_message(
    qtbot, sources: Sources, settings_store: QSettings, data_dir: Path
) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "progress.json").write_text(
        '{"format": "architecture-explorer-progress", "ver', encoding="utf-8"
    )
    window = open_window(qtbot, sources, settings_store)
    boxes = [box for box in window.findChildren(QMessageBox) if box.isVisible()]
    assert len(boxes) == 1
    assert "damaged" in boxes[0].text()
    backups = list(data_dir.glob("progress.corrupt-*.json"))
    assert len(backups) == 1
    assert backups[0].name in boxes[0].text()
    assert window.revision.progress.cards == {}
    boxes[0].accept()
    window.close()


def test_reset_asks_first(
    qtbot, sources: Sources, settings_store: QSettings, data_dir: Path, monkeypatch
) -> None:
    window = open_window(qtbot, sources, settings_store)
    revision = window.revision
    revision.progress.record([("eks", "etcd-a")], Grade.GOOD, revision.clock())
    revision._save()
    asked: list[str] = []

    def answer(choice: QMessageBox.StandardButton):
        def question(_parent, _title, text, *_args):
            asked.append(text)
            return choice

        return question

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Cancel))
    window.actions_by_name["reset_progress"].trigger()
    assert "all 1 cards" in asked[-1]
    assert revision.progress.cards
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Reset))
    window.actions_by_name["reset_progress"].trigger()
    assert revision.progress.cards == {}
    on_disk = json.loads((data_dir / "progress.json").read_text(encoding="utf-8"))
    assert on_disk["cards"] == []
    assert on_disk["reset_at"]
    window.close()


def test_export_then_import_into_a_fresh_profile(
    qtbot, sources: Sources, settings_store: QSettings, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setenv("ARCH_EXPLORER_DATA_DIR", str(tmp_path / "first"))
    first = open_window(qtbot, sources, settings_store)
    first.revision.progress.record([("eks", "etcd-a"), ("eks", "etcd-b")], Grade.GOOD, first.revision.clock())
    exported = tmp_path / "backup.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args: (str(exported), "JSON files (*.json)"))
    first.actions_by_name["export_progress"].trigger()
    assert "Exported 2 cards" in first.statusBar().currentMessage()
    first.close()

    monkeypatch.setenv("ARCH_EXPLORER_DATA_DIR", str(tmp_path / "second"))
    second = open_window(qtbot, sources, settings_store)
    second.revision.progress.record([("kubernetes", "etcd")], Grade.AGAIN, second.revision.clock())
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_args: (str(exported), "JSON files (*.json)"))
    second.actions_by_name["import_progress"].trigger()
    assert set(second.revision.progress.cards) == {
        ("eks", "etcd-a"),
        ("eks", "etcd-b"),
        ("kubernetes", "etcd"),
    }
    assert "Imported 2 cards" in second.statusBar().currentMessage()
    on_disk = json.loads((tmp_path / "second" / "progress.json").read_text(encoding="utf-8"))
    assert len(on_disk["cards"]) == 3

    (tmp_path / "notes.json").write_text("[1, 2]", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_args: (str(tmp_path / "notes.json"), ""))
    second.actions_by_name["import_progress"].trigger()
    boxes = [box for box in second.findChildren(QMessageBox) if box.isVisible()]
    assert boxes
    assert "is not revision progress" in boxes[-1].text()
    assert len(second.revision.progress.cards) == 3
    boxes[-1].accept()
    second.close()


def test_a_removed_component_retires_its_card(
    qtbot, sources: Sources, settings_store: QSettings, data_dir
) -> None:
    window = open_window(qtbot, sources, settings_store)
    revision = window.revision
    revision.progress.record([("eks", "etcd-a"), ("eks", "no-longer-there")], Grade.AGAIN, revision.clock())
    revision._save()
    window.close()
    reopened = open_window(qtbot, sources, settings_store)
    cards = reopened.revision.progress.cards
    assert cards["eks", "no-longer-there"].retired
    assert not cards["eks", "etcd-a"].retired
    assert reopened.revision.refresh_due() == {"eks": 1}
    reopened.close()


def test_switching_counts_the_due_cards_again_only_on_a_new_day(
    qtbot, sources: Sources, settings_store: QSettings, data_dir: Path, monkeypatch
) -> None:
    import explorer.ui.revision.controller as controller

    now = [NOON]
    window = create_window(sources, settings_store, architecture_id="eks", clock=lambda: now[0])
    qtbot.addWidget(window)
    counts: list[int] = []
    counting = controller.due_item_counts
    monkeypatch.setattr(controller, "due_item_counts", lambda *args: counts.append(1) or counting(*args))
    revision = window.revision
    before = len(counts)
    window.show_architecture("kubernetes")
    window.show_architecture("eks")
    assert len(counts) == before  # nothing changed: the badges stand
    now[0] = NOON + timedelta(days=1)
    window.show_architecture("kubernetes")
    assert len(counts) == before + 1
    assert revision.due_button.text().endswith("due today")
