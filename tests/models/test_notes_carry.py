"""After an edit, a library keeps the rankings the changed notes have nothing to do with, and shows
exactly what a library made afresh shows."""

from __future__ import annotations

import pytest

from models import Architecture
from models.notes import SUMMARY_KEY, NotesLibrary, parse_note
from models.notes.library import NotesMatcher
from tests.models.test_notes_reading import ALL, K8S

NOTES = {
    "a.md": "# Kubernetes\n\nThe kubelet runs Pods.\n\nThe API server validates requests.\n",
    "b.md": "# Storage\n\netcd keeps the cluster state.\n",
    "c.md": "# Fargate mode\n\nEach task gets its own ENI.\n",
}


def _library(notes: dict[str, str]) -> NotesLibrary:
    return NotesLibrary(user=[parse_note(text, source) for source, text in notes.items()], architectures=ALL)


def _everything(library: NotesLibrary) -> list[object]:
    shown: list[object] = []
    for architecture in ALL:
        ids = [c.id for c in architecture.components] + [g.id for g in architecture.groups] + [SUMMARY_KEY]
        for element in ids:
            excerpts = library.excerpts_for(architecture, element, show_all=True)
            shown.append((architecture.id, element, [(e.source, e.line, e.score, e.text) for e in excerpts]))
    return shown


@pytest.mark.parametrize(
    ("source", "edited"),
    [
        ("a.md", "# Kubernetes\n\nThe kubelet runs Pods.\n\nkube-proxy forwards Service traffic.\n"),  # more
        ("a.md", "# Kubernetes\n\nNothing about components any more.\n"),  # mentions gone
        ("a.md", NOTES["a.md"]),  # the same text
        ("a.md", "# Notes\n\nThe kubelet runs Pods.\n"),  # no section summarising Kubernetes any more
        ("c.md", NOTES["c.md"] + "\n# Kubernetes\n\nKubernetes runs containers in Pods.\n"),  # a new one
    ],
)
def test_an_edited_note_gives_what_a_fresh_library_gives(source: str, edited: str) -> None:
    library = _library(NOTES)
    library.warm()
    edited_notes = {**NOTES, source: edited}
    derived = library.with_user(
        [parse_note(edited, source) if d.source == source else d for d in library.user]
    )
    assert _everything(derived) == _everything(_library(edited_notes))
    edited_notes["b.md"] = NOTES["b.md"] + "\nThe scheduler picks a node.\n"
    derived.replace_user(parse_note(edited_notes["b.md"], "b.md"))  # a second edit, in place
    assert _everything(derived) == _everything(_library(edited_notes))


def test_rankings_the_edit_has_nothing_to_do_with_are_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    library = _library(NOTES)
    library.warm()
    documents = [*library.user]
    documents[2] = parse_note(NOTES["c.md"] + "\nThe ENI has a private IP address.\n", "c.md")
    derived = library.with_user(documents)
    gathered: list[Architecture] = []
    original = NotesMatcher.gather

    def gather(matcher: NotesMatcher, documents: object) -> object:
        gathered.append(matcher.architecture)
        return original(matcher, documents)  # type: ignore[arg-type]

    monkeypatch.setattr(NotesMatcher, "gather", gather)
    assert [e.text for e in derived.excerpts_for(K8S, "kubelet")] == ["The kubelet runs Pods."]
    assert gathered == []  # the kubelet's ranking was kept: c.md is not about it
    derived.excerpts_for(ALL[2], "eni")
    assert gathered == [ALL[2]]  # c.md is about the ENI: ranked afresh
