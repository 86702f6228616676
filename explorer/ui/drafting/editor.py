"""The draft editor: the note, its drafted diagram and the list of parts, side by side.

Every edit makes a new draft, written as YAML and loaded back by the model
loader before it is drawn, so what the editor shows is exactly what the saved
file will hold. The diagram is laid out by the window's one layout service, in its
worker thread (the editor says so meanwhile; a newer edit cancels an older layout), and
drawn by the same scene as the main diagram.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from explorer.atomic_write import ExportError, write_atomically
from explorer.diagram.scene import DiagramScene
from explorer.diagram.view import DiagramView
from explorer.layout.geometry import Layout
from explorer.layout.service import LayoutService, WorkJob
from explorer.ui.drafting.icon_picker import IconPicker
from explorer.ui.drafting.parts_panel import Edit, PartsPanel
from models.architecture import Architecture
from models.drafting import Catalogue, Draft, draft_yaml
from models.drafting.edits import DraftEditError, component, retitle, set_icon
from models.errors import ModelError
from models.loader import load_architecture_text

LAYOUT_SECONDS = 10.0


class DraftEditor(QDialog):
    """Edits ``draft`` (drafted from ``note``) and saves it into ``folder`` as ``<id>.yaml``.

    Signals:
        saved(str, str): the file written and the architecture id, once saved.
    """

    saved = Signal(str, str)
    # Emitted from the layout worker; Qt queues it to the editor's (the UI) thread.
    _laid_out = Signal(object)

    def __init__(
        self,
        draft: Draft,
        note: Path,
        note_text: str,
        catalogue: Catalogue,
        layouts: LayoutService,
        folder: Path,
        taken_ids: frozenset[str] = frozenset(),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("draftEditor")
        self.setWindowTitle(f"New architecture from {note.name}")
        self.resize(1400, 820)
        self.draft = draft
        self.note = note
        self.catalogue = catalogue
        self.layouts = layouts
        self.folder = folder
        self.taken_ids = taken_ids
        self.architecture: Architecture | None = None
        self._job: WorkJob[Layout] | None = None
        self._laid_out.connect(self._on_laid_out)
        self.finished.connect(self._cancel_layout)

        self.note_view = QPlainTextEdit(note_text, self)
        self.note_view.setObjectName("draftNote")
        self.note_view.setReadOnly(True)
        self.diagram_view = DiagramView(self)
        self.diagram_view.setObjectName("draftDiagram")
        self.parts = PartsPanel(self)
        self.parts.edited.connect(self.apply)
        self.parts.icon_wanted.connect(self.pick_icon)
        self.parts.component_chosen.connect(self._show_selected)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("draftSplitter")
        for widget in (self.note_view, self.diagram_view, self.parts):
            splitter.addWidget(widget)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([380, 720, 380])
        splitter.setChildrenCollapsible(False)

        self.title = QLineEdit(draft.title, self)
        self.title.setObjectName("draftTitle")
        self.title.editingFinished.connect(self._retitle)
        self.message = QLabel(self)
        self.message.setObjectName("draftMessage")
        self.message.setWordWrap(True)
        self.save_button = QPushButton("Save", self)
        self.save_button.setObjectName("saveDraft")
        self.save_button.setDefault(False)
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        cancel = QPushButton("Cancel", self)
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel("Title", self))
        bottom.addWidget(self.title, 1)
        bottom.addWidget(self.message, 2)
        bottom.addWidget(self.save_button)
        bottom.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        self._redraw()

    # Edits -------------------------------------------------------------------

    def apply(self, edit: Edit) -> bool:
        """Apply ``edit`` to the draft and redraw; an edit the draft refuses is shown, not applied."""
        try:
            changed = edit(self.draft)
        except DraftEditError as error:
            self._say(str(error))
            self.parts.show_draft(self.draft)
            return False
        previous, self.draft = self.draft, changed
        if not self._redraw():
            self.draft = previous
            self._redraw()
            return False
        return True

    def pick_icon(self, component_id: str) -> IconPicker:
        """Open the icon picker for a component (window-modal; the edit applies when it is accepted)."""
        current = component(self.draft, component_id)
        picker = IconPicker(self.catalogue, current.label, self)

        def chosen() -> None:
            entry = picker.chosen
            if entry is not None:
                self.apply(lambda draft: set_icon(draft, component_id, entry))

        picker.accepted.connect(chosen)
        picker.finished.connect(picker.deleteLater)
        picker.open()
        return picker

    def _retitle(self) -> None:
        if self.title.text().strip() != self.draft.title:
            self.apply(lambda draft: retitle(draft, self.title.text()))

    # Drawing -----------------------------------------------------------------

    def yaml_text(self) -> str:
        return draft_yaml(self.draft, self.note.name)

    def _redraw(self) -> bool:
        try:
            architecture = load_architecture_text(self.yaml_text(), f"draft of {self.note}")
        except ModelError as error:
            self._say(f"That edit would make the file invalid: {error}")
            return False
        self.architecture = architecture
        self.parts.show_draft(self.draft)
        self._cancel_layout()
        layout = self.layouts.cached(architecture)
        if layout is None:
            self._say("Laying out the diagram…")
            self._job = self.layouts.run(
                lambda cancel: self.layouts.layout_for(architecture, timeout=LAYOUT_SECONDS, cancel=cancel),
                self._laid_out.emit,
            )
        else:
            self._draw(architecture, layout)
        return True

    @property
    def laying_out(self) -> bool:
        """True while the worker lays out the current draft (its old diagram is still shown)."""
        return self._job is not None

    def _cancel_layout(self) -> None:
        if self._job is not None:
            self._job.cancel()
        self._job = None

    def _on_laid_out(self, job: WorkJob[Layout]) -> None:
        if job is not self._job or self.architecture is None:
            return  # stale: a newer edit asked for another layout
        self._job = None
        if job.result is None:
            self._say(f"The diagram cannot be drawn: {job.error}")
        else:
            self._draw(self.architecture, job.result)

    def _draw(self, architecture: Architecture, layout: Layout) -> None:
        scene = DiagramScene(architecture, layout, self)
        scene.element_selected.connect(self.parts.select_component)
        self.diagram_view.set_diagram(scene)
        self._say(
            f"{len(self.draft.components)} components, {len(self.draft.groups)} groups, "
            f"{len(self.draft.relations)} relations · saves as {self.target_file()}"
        )

    def _show_selected(self, component_id: str) -> None:
        scene = self.diagram_view.diagram()
        if scene is not None:
            scene.select_element(component_id, emit=False)

    def _say(self, text: str) -> None:
        self.message.setText(text)

    # Saving ------------------------------------------------------------------

    def target_file(self) -> Path:
        return self.folder / f"{self.draft.id}.yaml"

    def save(self) -> bool:
        """Write the draft atomically into the user models folder; False (and a message) when it cannot."""
        self._retitle()
        target = self.target_file()
        if self.draft.id in self.taken_ids and not target.exists():
            self._say(f"An architecture with the id {self.draft.id!r} exists already; change the title.")
            return False
        if target.exists() and not self._confirm_replace(target):
            return False
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(target, self.yaml_text().encode("utf-8"))
        except (OSError, ExportError) as error:
            self._say(f"Cannot save {target}: {error}")
            return False
        self.saved.emit(str(target), self.draft.id)
        self.accept()
        return True

    def _confirm_replace(self, target: Path) -> bool:
        answer = QMessageBox.question(
            self, "Replace the file?", f"{target} exists. Replace it with this draft?"
        )
        return answer == QMessageBox.StandardButton.Yes
