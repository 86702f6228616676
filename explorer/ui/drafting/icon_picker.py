"""A searchable icon picker over the icon catalogue: type to filter, arrows and Enter to pick."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QIcon, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from explorer.diagram.icons import IconCache
from models.drafting import Catalogue, IconEntry
from models.icons import find_icon

SHOWN = 300
"""At most this many matches are listed; typing narrows them."""

AnyIndex = QModelIndex | QPersistentModelIndex


class IconListModel(QAbstractListModel):
    """The entries matching the filter, with their icons drawn lazily as rows come into view."""

    def __init__(self, catalogue: Catalogue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalogue = catalogue
        self.entries: list[IconEntry] = []
        self._icons = IconCache()

    def set_filter(self, text: str) -> None:
        self.beginResetModel()
        self.entries = self.catalogue.search(text, limit=SHOWN)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802 (Qt's name)
        return 0 if parent.isValid() else len(self.entries)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return entry.label
        if role == Qt.ItemDataRole.ToolTipRole:
            names = ", ".join(entry.aliases[:6])
            return f"{entry.reference}" + (f"\nalso: {names}" if names else "")
        if role == Qt.ItemDataRole.DecorationRole:
            path = find_icon(entry.reference)
            return self._icons.icon(path) if path is not None else QIcon()
        if role == Qt.ItemDataRole.UserRole:
            return entry
        return None


class IconPicker(QDialog):
    """Pick one catalogue entry; :attr:`chosen` holds it after the dialog is accepted."""

    def __init__(self, catalogue: Catalogue, query: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("iconPicker")
        self.setWindowTitle("Choose an icon")
        self.resize(460, 560)
        self.chosen: IconEntry | None = None
        self.filter = QLineEdit(self)
        self.filter.setObjectName("iconFilter")
        self.filter.setPlaceholderText("Type to filter: kafka, s3, queue, gcp database…")
        self.filter.setClearButtonEnabled(True)
        self.model = IconListModel(catalogue, self)
        self.list = QListView(self)
        self.list.setObjectName("iconList")
        self.list.setModel(self.model)
        self.list.setIconSize(QSize(32, 32))
        self.list.setUniformItemSizes(True)
        self.count = QLabel(self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.count)
        layout.addWidget(buttons)
        self.filter.textChanged.connect(self._refilter)
        self.filter.installEventFilter(self)
        self.list.activated.connect(lambda _index: self.accept())
        self.filter.setText(query)
        self._refilter(query)
        self.filter.selectAll()
        self.filter.setFocus()

    def _refilter(self, text: str) -> None:
        self.model.set_filter(text)
        shown = self.model.rowCount()
        self.count.setText(
            f"{shown} icons" + (" shown; type to narrow" if shown == SHOWN else "")
            if shown
            else "No icon matches"
        )
        if shown:
            self.list.setCurrentIndex(self.model.index(0))

    def eventFilter(self, watched: Any, event: Any) -> bool:  # noqa: N802 (Qt's name)
        """Up and Down in the filter move through the list, so the hands stay on the keys."""
        keys = (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp)
        if watched is self.filter and isinstance(event, QKeyEvent) and event.key() in keys:
            if event.type() == QKeyEvent.Type.KeyPress:
                self.list.keyPressEvent(event)
            return True
        return super().eventFilter(watched, event)

    def accept(self) -> None:
        index = self.list.currentIndex()
        if not index.isValid():
            return
        self.chosen = self.model.entries[index.row()]
        super().accept()
