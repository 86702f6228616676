"""The notes panel: excerpts for the selected component, or a whole note."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDockWidget, QTextBrowser, QWidget

from explorer.app_state import AppState, Mode
from explorer.diagram.qt_values import escape
from explorer.ui.notes_style import STYLE_SHEET
from models.architecture import Architecture

if TYPE_CHECKING:
    from PySide6.QtCore import QUrl  # imported where links are made or followed: not before the first paint

    # The notes stack (and the Markdown renderer, explorer.ui.notes_html) is imported with the
    # first notes shown, after the window's first paint.
    from models.notes import Excerpt, NoteDocument, NotesLibrary, Section

LARGE_ARCHITECTURE = 40
"""Components above which an architecture's notes are matched in the background (as its diagram is)."""
MANY_USER_NOTES = 100
"""User notes above which any architecture's notes are matched in the background: matching one
to 1,000 notes takes about a second (the library matches the one on screen first, the others
after; switching before it has reached one must not hold the window)."""
Runner = Callable[[Callable[[threading.Event], None], Callable[[object], None]], object]
"""Runs ``work(cancel)`` in a worker and calls ``done(job)`` from there (``LayoutService.run``)."""

ACTION_SCHEME = "ae-action"
OPEN_SCHEME = "ae-open"
FILE_SCHEME = "ae-file"
EXTERNAL_SCHEMES = ("http", "https")


class NotesBrowser(QTextBrowser):
    """A text browser that never loads anything from outside by itself."""

    def loadResource(self, kind: int, name: QUrl) -> object:  # type: ignore[override]  # noqa: N802 (Qt's name)
        if name.isLocalFile() or name.scheme() in ("", "qrc"):
            return super().loadResource(kind, name)
        return None


class NotesPanel(QDockWidget):
    """Dockable panel showing note excerpts; links are handled here, never followed blindly."""

    status_message = Signal(str)
    _matched = Signal(object)

    def __init__(self, notes: NotesLibrary | Callable[[], NotesLibrary], parent: QWidget | None = None):
        """``notes`` is the library, or what gives it when first needed (the window's start)."""
        super().__init__("Notes", parent)
        self.setObjectName("notesPanel")
        self._notes_of: Callable[[], NotesLibrary] = notes if callable(notes) else (lambda: notes)
        self.browser = NotesBrowser(self)
        self.browser.setObjectName("notesBrowser")
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.document().setDefaultStyleSheet(STYLE_SHEET)
        self.browser.document().setDocumentMargin(12)
        self.browser.anchorClicked.connect(self._on_link)
        self.setWidget(self.browser)
        self.setMinimumWidth(280)
        self._architecture: Architecture | None = None
        self._element_id: str | None = None
        self._show_all = False
        self._held = False
        self._run: Runner | None = None
        self._matching: set[tuple[int, str]] = set()
        """(library, architecture) pairs being matched in the background."""
        self._unmatched: set[tuple[int, str]] = set()
        """Pairs whose background matching failed: matched here instead (its error shows)."""
        self._matched.connect(self._on_matched)

    def follow(self, state: AppState, architecture_of: Callable[[str], Architecture | None]) -> None:
        """Shows the notes of what ``state`` has current and selected, whenever that changes.

        A quiz (revise mode) drives the panel itself, so as not to give answers away; a
        walkthrough composes each step's notes itself and follows only clicks. Leaving
        either mode shows what the state has selected again.
        """

        def changed(what: str) -> None:
            if state.mode is Mode.REVISE or state.architecture_id is None:
                return
            if what in ("architecture", "selection") or (what == "mode" and state.mode is Mode.EXPLORE):
                architecture = architecture_of(state.architecture_id)
                if architecture is not None:
                    self.show_element(architecture, state.selected)

        state.observe(changed)

    def match_large_in_background(self, run: Runner) -> None:
        """Matches the notes of large architectures with ``run`` rather than on the UI thread."""
        self._run = run

    # What is shown -------------------------------------------------------

    @property
    def notes(self) -> NotesLibrary:
        return self._notes_of()

    def set_notes(self, notes: NotesLibrary) -> None:
        """Swap in a new library (user notes changed) and refresh what is shown."""
        self._notes_of = lambda: notes
        self.refresh()

    def show_element(self, architecture: Architecture, element_id: str | None) -> None:
        if (architecture, element_id) != (self._architecture, self._element_id):
            self._show_all = False
        self._architecture, self._element_id = architecture, element_id
        self.refresh()

    def hold(self) -> None:
        """Show only the architecture's title and summary until :meth:`release` (the window's
        first paint comes first: matching the notes to a diagram takes longer than drawing it)."""
        self._held = True

    def prepare(self) -> None:
        """Makes ahead what showing the held notes needs, touching no widget (a worker calls
        this): the library, its matching to the architecture shown, the Markdown renderer."""
        architecture = self._architecture
        if architecture is not None:
            self.notes.prepare(architecture)
        from explorer.ui.notes_html import markdown_renderer

        markdown_renderer()

    def release(self) -> None:
        if self._held:
            self._held = False
            self.refresh()

    def refresh(self) -> None:
        if self._held:
            if self._architecture is not None:
                self._show_matching(self._architecture)  # what the model says: no notes read
            return
        if self._architecture is None:
            self.browser.setHtml("")
        elif self._matching_in_background(self._architecture):
            self._show_matching(self._architecture)
        elif self._element_id is None:
            self._show_summary(self._architecture)
        else:
            self._show_excerpts(self._architecture, self._element_id)

    def _matching_in_background(self, architecture: Architecture) -> bool:
        """True (and the matching started) when a large architecture's notes are not matched yet."""
        slow = len(architecture.components) > LARGE_ARCHITECTURE or len(self.notes.user) > MANY_USER_NOTES
        if self._run is None or not slow or self.notes.prepared(architecture):
            return False
        key = (id(self.notes), architecture.id)
        if key in self._unmatched:
            return False
        if key not in self._matching:
            self._matching.add(key)
            notes = self.notes
            self._run(lambda _cancel: notes.prepare(architecture), lambda _job: self._matched.emit(key))
        return True

    def _on_matched(self, key: tuple[int, str]) -> None:
        self._matching.discard(key)
        if self._architecture is not None and (id(self.notes), self._architecture.id) == key:
            if not self.notes.prepared(self._architecture):
                self._unmatched.add(key)
            self.refresh()

    def _show_matching(self, architecture: Architecture) -> None:
        self._set_html(
            [
                f"<h2>{escape(architecture.title)}</h2>",
                f"<p>{escape(architecture.summary)}</p>",
                '<p class="muted">Matching the notes to its components…</p>',
            ]
        )

    def plain_text(self) -> str:
        return self.browser.toPlainText()

    def _show_summary(self, architecture: Architecture) -> None:
        parts = [f"<h2>{escape(architecture.title)}</h2>"]
        excerpts = self.notes.summary_for(architecture)
        if not excerpts:
            parts.append(f"<p>{escape(architecture.summary)}</p>")
        parts += [self._excerpt_html(excerpt) for excerpt in excerpts]
        parts.append('<p class="muted">Click a component or a group to read its notes.</p>')
        self._set_html(parts)

    def _show_excerpts(self, architecture: Architecture, element_id: str) -> None:
        component = architecture.components_by_id.get(element_id)
        group = architecture.groups_by_id.get(element_id)
        label = component.label if component else group.label if group else element_id
        kind = component.kind if component else group.kind if group else ""
        description = component.description if component else group.description if group else ""
        where = " › ".join(g.label for g in architecture.group_path(component.group if component else None))
        parts = [f"<h2>{escape(label)}</h2>"]
        meta = " · ".join(part for part in (kind, where) if part)
        if meta:
            parts.append(f'<p class="muted">{escape(meta)}</p>')
        if description:
            parts.append(f"<p><i>{escape(description)}</i></p>")
        excerpts = self.notes.excerpts_for(architecture, element_id, show_all=self._show_all)
        if not excerpts:
            parts.append('<p class="missing">No notes for this component yet.</p>')
        parts += [self._excerpt_html(excerpt) for excerpt in excerpts]
        total = self.notes.total_user_matches(architecture, element_id)
        shown = sum(1 for excerpt in excerpts if excerpt.origin == "user")
        if total > shown:
            parts.append(
                f'<p><a href="{ACTION_SCHEME}:show-all">Show all {total} matches in your notes</a></p>'
            )
        self._set_html(parts)

    def _excerpt_html(self, excerpt: Excerpt) -> str:
        if excerpt.origin == "built-in":
            origin = "Built-in notes"
            if excerpt.title:
                origin += f" · {escape(excerpt.title)}"
        else:
            path = " › ".join(escape(part) for part in excerpt.heading_path)
            name = escape(Path(excerpt.source).name)
            from PySide6.QtCore import QUrl

            target = bytes(QUrl.toPercentEncoding(excerpt.source).data()).decode()
            origin = (
                f'Your notes · <a href="{OPEN_SCHEME}:{target}#{excerpt.line}">{name}'
                f"{' › ' + path if path else ''} · line {excerpt.line}</a>"
                f' &nbsp; <a href="{FILE_SCHEME}:{target}">open file</a>'
            )
        from explorer.ui.notes_html import markdown_to_html

        body = markdown_to_html(excerpt.text, excerpt.matched_terms)
        return (
            '<table width="100%" cellspacing="0" cellpadding="6" style="margin-top:8px;'
            f" background-color:{'#f7f9fb' if excerpt.origin == 'built-in' else '#fbf8ef'};"
            ' border:1px solid #e1e6eb;">'
            f'<tr><td><p class="origin">{origin}</p>{body}</td></tr></table>'
        )

    def show_note(self, document: NoteDocument, section: Section | None = None, notice: str = "") -> None:
        """The whole note, scrolled to ``section``, under an optional ``notice``; a link leads back."""
        from explorer.ui.notes_html import markdown_to_html
        from models.notes.excerpts import top_level_markdown

        parts = [
            f'<p><a href="{ACTION_SCHEME}:back">← Back</a> &nbsp; '
            f'<span class="muted">{escape(document.source)}</span></p>'
        ]
        if notice:
            parts.append(f'<p class="missing">{escape(notice)}</p>')
        for index, current in enumerate(document.sections):
            level = min(max(current.level, 1), 4)
            anchor = f"section-{index}"
            if current.title:
                parts.append(f'<a name="{anchor}"></a><h{level}>{escape(current.title)}</h{level}>')
            else:
                parts.append(f'<a name="{anchor}"></a>')
            parts += [markdown_to_html(text) for text in top_level_markdown(current.blocks)]
        self._set_html(parts)
        if section is not None and section in document.sections:
            self.browser.scrollToAnchor(f"section-{document.sections.index(section)}")

    def show_message(self, title: str, text: str) -> None:
        self._set_html(
            [
                f'<p><a href="{ACTION_SCHEME}:back">← Back</a></p>',
                f"<h2>{escape(title)}</h2><p>{escape(text)}</p>",
            ]
        )

    def show_composed(self, parts: list[str], excerpts: list[Excerpt]) -> None:
        """HTML ``parts`` made by the caller (a walkthrough's narration), then ``excerpts``."""
        self._set_html([*parts, *(self._excerpt_html(excerpt) for excerpt in excerpts)])

    def _set_html(self, parts: list[str]) -> None:
        self.browser.setHtml("".join(parts))

    # Links -----------------------------------------------------------------

    def _on_link(self, url: QUrl) -> None:
        from PySide6.QtCore import QUrl

        from models.notes.cleaning import NOTE_SCHEME

        scheme = url.scheme()
        if scheme == ACTION_SCHEME:
            self._on_action(url.path())
        elif scheme == NOTE_SCHEME:
            self._open_wikilink(url.path(), url.fragment() or None)
        elif scheme == OPEN_SCHEME:
            self._open_source(QUrl.fromPercentEncoding(url.path().encode()), url.fragment())
        elif scheme == FILE_SCHEME:
            self._open_file(QUrl.fromPercentEncoding(url.path().encode()))
        elif scheme in EXTERNAL_SCHEMES:
            QDesktopServices.openUrl(url)
        else:
            self.status_message.emit(f"Not following link {url.toString()}: only http(s) and note links open")

    def _on_action(self, action: str) -> None:
        if action == "show-all":
            self._show_all = True
        self.refresh()

    def _open_wikilink(self, note: str, heading: str | None) -> None:
        found = self.notes.find_section(note, heading)
        if found is None:
            target = f"{note} › {heading}" if heading else note
            self.show_message("Note not found", f"“{target}” is not in your notes.")
            return
        self.show_note(*found)

    def _open_source(self, source: str, line_text: str) -> None:
        document = self.notes.document(source)
        if document is None:
            self.show_message("Note not found", f"{source} is no longer loaded.")
            return
        line = int(line_text) if line_text.isdigit() else 0
        section = next((s for s in reversed(document.sections) if s.line <= line), None)
        self.show_note(document, section)

    def _open_file(self, source: str) -> None:
        """Open the note in the desktop's editor; when that cannot be done, say why and show it here."""
        document = self.notes.document(source)
        if document is None:  # only files the user opened as notes
            self.status_message.emit(f"Not opening {source}: it is not one of your notes")
            return
        if not Path(source).is_file():
            self.show_message("Cannot open the file", f"{source} is no longer there (moved or deleted?).")
            return
        from PySide6.QtCore import QUrl

        if QDesktopServices.openUrl(QUrl.fromLocalFile(source)):
            return
        reason = f"No application on this desktop opens {Path(source).name}; showing the whole note here."
        self.status_message.emit(reason)
        self.show_note(document, notice=reason)
