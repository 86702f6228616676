"""What the window shows of notes and models is inert: nothing fetched, nothing opened unasked.

A real HTTP server on 127.0.0.1 counts requests, so "never fetches remote
content" is measured, not assumed; real URL handlers registered with
``QDesktopServices`` record what the app would open.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from html.parser import HTMLParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices, Qt, QTextDocument

from explorer.ui.architecture_list import ArchitectureList
from explorer.ui.notes_panel import NotesPanel
from explorer.ui.notes_sources_dialog import NotesSourcesDialog
from explorer.ui.search_box import SearchBox
from explorer.user_notes import UserNotes
from models import Architecture, Component
from models.catalog import load_catalog
from models.notes import NotesLibrary, load_note_file

SCHEMES = ("http", "https", "file", "ftp", "mailto", "javascript", "data", "smb")


class _Counter(BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        _Counter.requests.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    """A real HTTP server on 127.0.0.1; its address, e.g. ``http://127.0.0.1:43117``."""
    _Counter.requests = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Counter)
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


class _Opened(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def open_url(self, url: QUrl) -> None:
        self.urls.append(url.toString())


@pytest.fixture
def opened(qapp) -> Iterator[list[str]]:
    """Every URL the app asks the desktop to open, for any scheme (nothing really opens)."""
    recorder = _Opened()
    for scheme in SCHEMES:
        QDesktopServices.setUrlHandler(scheme, recorder, "open_url")
    yield recorder.urls
    for scheme in SCHEMES:
        QDesktopServices.unsetUrlHandler(scheme)


@pytest.fixture
def panel(qtbot, tmp_path: Path, server: str) -> tuple[NotesPanel, Path]:
    """The notes panel showing a user note full of remote images and links of every kind."""
    note = tmp_path / "links.md"
    note.write_text(
        "# etcd\n"
        f'![diagram]({server}/markdown.png) and <img src="{server}/raw.png">\n\n'
        f"![ref][pic]\n\n[pic]: {server}/reference.png\n\n"
        f"- [site](https://kubernetes.io) <{server}/autolink> [[Kubernetes 101#Nodes]]\n"
        "- [js](javascript:alert(1)) [file](file:///etc/passwd) [ftp](ftp://example.com/x)\n"
        '- <a href="https://evil.example">raw link</a> <iframe src="https://evil.example"></iframe>\n',
        encoding="utf-8",
    )
    document, problems = load_note_file(note)
    assert document is not None
    assert problems == []
    architectures = load_catalog().architectures
    library = NotesLibrary((), (document,), architectures=architectures)
    shown = NotesPanel(library)
    qtbot.addWidget(shown)
    shown.show()
    kubernetes = next(a for a in architectures if a.id == "kubernetes")
    shown.show_element(kubernetes, "etcd")
    shown.show_note(document)
    return shown, note


def test_remote_images_are_links_and_never_fetched(
    qtbot, panel: tuple[NotesPanel, Path], server: str
) -> None:
    shown, _ = panel
    qtbot.wait(150)
    text = shown.plain_text()
    assert "[image: diagram]" in text
    assert (
        shown.browser.loadResource(QTextDocument.ResourceType.ImageResource, QUrl(f"{server}/direct.png"))
        is None
    )
    assert "<img" not in shown.browser.toHtml()
    assert "raw.png" not in text, "raw HTML is dropped, never shown or interpreted"
    assert "[image]" in text  # the raw <img> became a placeholder
    qtbot.wait(100)
    assert _Counter.requests == []


def test_links_open_only_when_clicked_and_only_http_https_and_notes(
    qtbot, panel: tuple[NotesPanel, Path], opened: list[str]
) -> None:
    shown, note = panel
    assert not shown.browser.openLinks()
    assert not shown.browser.openExternalLinks()
    qtbot.wait(100)
    assert opened == [], "showing a note opens nothing"
    refused = [
        "javascript:alert(1)",
        "file:///etc/passwd",
        "ftp://example.com/x",
        "data:text/html,x",
        "smb://h/s",
    ]
    for url in refused:
        with qtbot.waitSignal(shown.status_message) as message:
            shown.browser.anchorClicked.emit(QUrl(url))
        assert "only http(s) and note links open" in message.args[0]
    with qtbot.waitSignal(shown.status_message) as message:
        shown.browser.anchorClicked.emit(QUrl("ae-file:%2Fetc%2Fpasswd"))
    assert "it is not one of your notes" in message.args[0]
    assert opened == []
    shown.browser.anchorClicked.emit(QUrl("https://kubernetes.io"))
    shown.browser.anchorClicked.emit(QUrl("http://example.com/page"))
    shown.browser.anchorClicked.emit(QUrl("ae-file:" + QUrl.toPercentEncoding(str(note)).data().decode()))
    assert opened == [
        "https://kubernetes.io",
        "http://example.com/page",
        QUrl.fromLocalFile(str(note)).toString(),
    ]
    shown.browser.anchorClicked.emit(QUrl("note:Kubernetes 101#Nodes"))
    assert len(opened) == 3, "note links stay in the app"


# Model text shown as rich text -----------------------------------------------------------

HOSTILE = '<img src="hostile.png"> <b>bold</b>'
"""As a tooltip Qt renders this as HTML and loads the image (``/dev/zero`` as its source crashes the app)."""


def _loads_images(tooltip: str) -> bool:
    class Images(HTMLParser):
        found = False

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.found = self.found or tag == "img"

    if not Qt.mightBeRichText(tooltip):
        return False
    parser = Images()
    parser.feed(tooltip)
    return parser.found


def hostile_architecture() -> Architecture:
    return Architecture(
        "hostile",
        "Hostile",
        HOSTILE,
        components=(Component("c", "Component", "x", "aws/compute/ec2", description=HOSTILE),),
    )


def test_architecture_list_tooltips_are_text(qtbot) -> None:
    listing = ArchitectureList([hostile_architecture()])
    qtbot.addWidget(listing)
    assert not _loads_images(listing.item(0).toolTip())


def test_search_tooltips_are_text(qtbot) -> None:
    box = SearchBox([hostile_architecture()])
    qtbot.addWidget(box)
    model = box.completer().model()
    tooltips = [
        model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole) or "" for row in range(model.rowCount())
    ]
    assert tooltips
    assert not any(_loads_images(tooltip) for tooltip in tooltips)


def test_notes_sources_problems_are_text(qtbot, tmp_path: Path) -> None:
    (tmp_path / '<img src="hostile.png">.md').write_bytes(b"\0binary")
    owner = QObject()  # as in the app: the loader thread must never hold the last reference
    notes = UserNotes(NotesLibrary(), parent=owner)
    with qtbot.waitSignal(notes.library_changed, timeout=10_000):
        notes.set_locations([tmp_path])
    notes.wait_idle()
    assert "looks like a binary file" in notes.errors[0]
    dialog = NotesSourcesDialog(notes)
    qtbot.addWidget(dialog)
    try:
        assert not _loads_images(dialog.problems.text())
    finally:
        notes.shutdown()
