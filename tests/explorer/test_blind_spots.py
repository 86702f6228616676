"""Behaviour a mutation check once broke without any test noticing: each test here fails for it.

Search by alias, Enter taking the first suggestion, matched words highlighted in the
notes panel, a wikilink's ``#heading``, a description shown as text (never markup).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from explorer.ui.notes_html import NOTE_SCHEME, markdown_to_html
from explorer.ui.notes_panel import NotesPanel
from explorer.ui.search_box import SearchBox
from models.architecture import Architecture, Component
from models.notes import NotesLibrary, load_notes


def _architecture(*components: Component) -> Architecture:
    return Architecture("shop", "Shop", "", (), components, ())


@pytest.fixture
def search(qtbot) -> SearchBox:
    box = SearchBox(
        [
            _architecture(
                Component("proxy-a", "Kube proxy A", "proxy", "k8s/network/svc"),
                Component("proxy-b", "Kube proxy B", "proxy", "k8s/network/svc"),
                Component("db", "Orders database", "db", "aws/database/rds", aliases=("zebra store",)),
            )
        ]
    )
    qtbot.addWidget(box)
    box.show()
    return box


def _enter(qtbot, box: SearchBox, text: str) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    box.found.connect(lambda architecture_id, element_id: found.append((architecture_id, element_id)))
    qtbot.keyClicks(box, text)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    return found


def test_search_finds_a_component_by_its_alias(qtbot, search: SearchBox) -> None:
    assert _enter(qtbot, search, "zebra") == [("shop", "db")]


def test_enter_takes_the_first_suggestion(qtbot, search: SearchBox) -> None:
    assert _enter(qtbot, search, "kube proxy") == [("shop", "proxy-a")]


def test_the_notes_panel_highlights_the_matched_words(qtbot, tmp_path: Path) -> None:
    (tmp_path / "cluster.md").write_text("# Control plane\n\nThe kube-apiserver stores state in etcd.\n")
    architecture = _architecture(Component("api", "kube-apiserver", "service", "k8s/controlplane/api"))
    library = NotesLibrary(user=load_notes([tmp_path]).documents, architectures=[architecture])
    panel = NotesPanel(library)
    qtbot.addWidget(panel)
    panel.show_element(architecture, "api")
    assert "stores state in etcd" in panel.plain_text()
    assert "#ffe98a" in panel.browser.toHtml().lower()  # the matched words' marker colour


def test_a_wikilink_keeps_its_heading() -> None:
    rendered = markdown_to_html("See [[Kubernetes 101#Control plane]].")
    assert re.search(rf'href="{NOTE_SCHEME}:Kubernetes%20101#Control%20plane"', rendered), rendered


def test_a_description_is_shown_as_text_never_as_markup(qtbot) -> None:
    tricky = "<b>bold</b> & <a href='x'>link</a>"
    component = Component("a", "Alpha", "service", "aws/compute/ec2", description=tricky)
    panel = NotesPanel(NotesLibrary())
    qtbot.addWidget(panel)
    panel.show_element(_architecture(component), "a")
    assert tricky in panel.plain_text()
