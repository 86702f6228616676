"""The draft editor's side panel: the components and relations of a draft, and the edits on them.

Every edit is handed to the editor as a function from one draft to the next
(``edited``), so the panel never keeps a draft of its own that could drift.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from explorer.diagram.icons import IconCache
from models.drafting import Draft
from models.drafting import edits as draft_edits
from models.icons import find_icon

Edit = Callable[[Draft], Draft]
ID_ROLE = Qt.ItemDataRole.UserRole


class PartsPanel(QWidget):
    """Lists the draft's parts; renaming is in place (F2 or double-click).

    Signals:
        edited(object): an :data:`Edit` to apply to the current draft.
        icon_wanted(str): the user asked to change this component's icon.
        component_chosen(str): a component was selected in the list.
    """

    edited = Signal(object)
    icon_wanted = Signal(str)
    component_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._icons = IconCache()
        self._filling = False
        self._labels: dict[str, str] = {}
        self.components = QListWidget(self)
        self.components.setObjectName("draftComponents")
        self.components.setEditTriggers(
            QListWidget.EditTrigger.DoubleClicked | QListWidget.EditTrigger.EditKeyPressed
        )
        self.components.itemChanged.connect(self._on_renamed)
        self.components.currentItemChanged.connect(self._on_component_current)
        self.rename_button = self._button("Rename", "renameComponent", self._start_rename)
        self.icon_button = self._button("Icon…", "changeIcon", self._ask_icon)
        self.remove_button = self._button("Remove", "removeComponent", self._remove_component)
        self.relations = QListWidget(self)
        self.relations.setObjectName("draftRelations")
        self.relations.setWordWrap(True)  # long verb phrases wrap rather than hide behind a scroll bar
        self.relations.currentRowChanged.connect(self._on_relation_current)
        self.source = QComboBox(self)
        self.source.setObjectName("relationSource")
        self.target = QComboBox(self)
        self.target.setObjectName("relationTarget")
        self.repoint_button = self._button("Re-point", "repointRelation", self._repoint)
        self.drop_button = self._button("Drop", "dropRelation", self._drop_relation)
        QShortcut(QKeySequence.StandardKey.Delete, self.components, self._remove_component)
        QShortcut(QKeySequence.StandardKey.Delete, self.relations, self._drop_relation)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("<b>Components</b> (F2 renames)", self))
        layout.addWidget(self.components, 3)
        layout.addLayout(_row(self.rename_button, self.icon_button, self.remove_button))
        layout.addWidget(QLabel("<b>Relations</b>", self))
        layout.addWidget(self.relations, 2)
        ends = QFormLayout()
        ends.addRow("From", self.source)
        ends.addRow("To", self.target)
        layout.addLayout(ends)
        layout.addLayout(_row(self.repoint_button, self.drop_button))

    def _button(self, text: str, name: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    # Showing a draft --------------------------------------------------------

    def show_draft(self, draft: Draft) -> None:
        """Fill the lists from ``draft``, keeping the current rows where they still exist."""
        current = self.current_component()
        relation_row = self.relations.currentRow()
        self._filling = True
        self._labels = {c.id: c.label for c in draft.components}
        self.components.clear()
        for component in draft.components:
            item = QListWidgetItem(component.label)
            item.setData(ID_ROLE, component.id)
            item.setToolTip(f"{component.icon}\n{component.description}".strip())
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            path = find_icon(component.icon)
            if path is not None:
                item.setIcon(self._icons.icon(path))
            self.components.addItem(item)
            if component.id == current:
                self.components.setCurrentItem(item)
        self.relations.clear()
        for relation in draft.relations:
            item = QListWidgetItem(
                f"{self._labels[relation.source]} → {self._labels[relation.target]}  ({relation.label})"
            )
            item.setToolTip(relation.evidence)
            item.setData(ID_ROLE, (relation.source, relation.target))
            self.relations.addItem(item)
        for combo in (self.source, self.target):
            combo.clear()
            for component in draft.components:
                combo.addItem(component.label, component.id)
        self._filling = False
        self.relations.setCurrentRow(min(max(relation_row, 0), self.relations.count() - 1))
        self._on_relation_current(self.relations.currentRow())

    def current_component(self) -> str | None:
        item = self.components.currentItem()
        return str(item.data(ID_ROLE)) if item is not None else None

    def select_component(self, component_id: str) -> None:
        for row in range(self.components.count()):
            if self.components.item(row).data(ID_ROLE) == component_id:
                self.components.setCurrentRow(row)

    # Edits -------------------------------------------------------------------

    def _start_rename(self) -> None:
        item = self.components.currentItem()
        if item is not None:
            self.components.editItem(item)

    def _on_renamed(self, item: QListWidgetItem) -> None:
        if self._filling:
            return
        component_id = str(item.data(ID_ROLE))
        if item.text() != self._labels.get(component_id):
            self.edited.emit(
                partial(draft_edits.rename_component, component_id=component_id, label=item.text())
            )

    def _ask_icon(self) -> None:
        component_id = self.current_component()
        if component_id is not None:
            self.icon_wanted.emit(component_id)

    def _remove_component(self) -> None:
        component_id = self.current_component()
        if component_id is not None:
            self.edited.emit(partial(draft_edits.remove_component, component_id=component_id))

    def _on_component_current(self, item: QListWidgetItem | None) -> None:
        if item is not None and not self._filling:
            self.component_chosen.emit(str(item.data(ID_ROLE)))

    def _on_relation_current(self, row: int) -> None:
        enabled = row >= 0
        for widget in (self.source, self.target, self.repoint_button, self.drop_button):
            widget.setEnabled(enabled)
        if not enabled:
            return
        source, target = self.relations.item(row).data(ID_ROLE)
        self.source.setCurrentIndex(self.source.findData(source))
        self.target.setCurrentIndex(self.target.findData(target))

    def _repoint(self) -> None:
        row = self.relations.currentRow()
        if row >= 0:
            source, target = self.source.currentData(), self.target.currentData()
            self.edited.emit(partial(draft_edits.repoint_relation, index=row, source=source, target=target))

    def _drop_relation(self) -> None:
        row = self.relations.currentRow()
        if row >= 0:
            self.edited.emit(partial(draft_edits.drop_relation, index=row))


def _row(*widgets: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    for widget in widgets:
        row.addWidget(widget)
    return row
