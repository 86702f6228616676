"""Search across all architectures by component label or alias."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from explorer.ui.text import rich_text_tooltip
from models.architecture import Architecture

ARCHITECTURE_ROLE = Qt.ItemDataRole.UserRole + 1
ELEMENT_ROLE = Qt.ItemDataRole.UserRole + 2


class SearchBox(QLineEdit):
    """Completes component names; emits ``found(architecture_id, component_id)``."""

    found = Signal(str, str)

    def __init__(self, architectures: Iterable[Architecture], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("searchBox")
        self.setPlaceholderText("Search components (Ctrl+F)")
        self.setAccessibleName("Search components")
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(260)
        self._model = QStandardItemModel(self)
        completer = QCompleter(self._model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setMaxVisibleItems(12)
        completer.activated[QModelIndex].connect(self._on_activated)  # type: ignore[index]
        self.setCompleter(completer)
        self.returnPressed.connect(self._on_return)
        self.set_architectures(architectures)

    def set_architectures(self, architectures: Iterable[Architecture]) -> None:
        self._model.clear()
        for architecture in architectures:
            label_counts = Counter(component.label for component in architecture.components)
            for component in architecture.components:
                place = ""
                if label_counts[component.label] > 1 and component.group is not None:
                    place = f" ({architecture.group(component.group).label})"
                for name in dict.fromkeys(component.names):
                    shown = name if name == component.label else f"{name} → {component.label}"
                    item = QStandardItem(f"{shown}{place}  ·  {architecture.title}")
                    item.setData(architecture.id, ARCHITECTURE_ROLE)
                    item.setData(component.id, ELEMENT_ROLE)
                    item.setToolTip(rich_text_tooltip(component.description))
                    self._model.appendRow(item)

    def _on_activated(self, index: QModelIndex) -> None:
        architecture_id = index.data(ARCHITECTURE_ROLE)
        element_id = index.data(ELEMENT_ROLE)
        if architecture_id and element_id:
            self.found.emit(architecture_id, element_id)

    def _on_return(self) -> None:
        """Enter without picking from the popup takes the first completion, if any."""
        completer = self.completer()
        completer.setCompletionPrefix(self.text())
        if completer.completionCount() > 0:
            completer.setCurrentRow(0)
            self._on_activated(completer.currentIndex())
