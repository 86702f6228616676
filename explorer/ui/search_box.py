"""Search across all architectures by component label or alias: one row per component."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from explorer.ui.text import rich_text_tooltip
from models.architecture import Architecture, Component

ARCHITECTURE_ROLE = Qt.ItemDataRole.UserRole + 1
ELEMENT_ROLE = Qt.ItemDataRole.UserRole + 2


class SearchBox(QLineEdit):
    """Completes component names; emits ``found(architecture_id, component_id)``.

    A component with several aliases is one suggestion, showing the name that
    matched (``etcd store → etcd``), not one row per alias.
    """

    found = Signal(str, str)

    def __init__(self, architectures: Iterable[Architecture], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("searchBox")
        self.setPlaceholderText("Search components (Ctrl+F)")
        self.setAccessibleName("Search components")
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(260)
        self._architectures: list[Architecture] = []
        self._model = QStandardItemModel(self)
        completer = QCompleter(self._model, self)
        # The rows are this box's own matches (see _refresh), shown as they are.
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setMaxVisibleItems(12)
        completer.activated[QModelIndex].connect(self._on_activated)  # type: ignore[index]
        self.setCompleter(completer)
        self.textEdited.connect(self._on_edited)
        self.returnPressed.connect(self._on_return)
        self.set_architectures(architectures)

    def set_architectures(self, architectures: Iterable[Architecture]) -> None:
        self._architectures = list(architectures)
        self._refresh(self.text())

    def suggestions(self) -> list[str]:
        return [self._model.item(row).text() for row in range(self._model.rowCount())]

    def _refresh(self, text: str) -> None:
        """One row per component with a name containing ``text``; exact, then prefix, then other matches."""
        wanted = text.strip().casefold()
        rows: list[tuple[int, QStandardItem]] = []
        for architecture in self._architectures:
            label_counts = Counter(component.label for component in architecture.components)
            for component in architecture.components:
                match = _best_name(component, wanted)
                if match is None:
                    continue
                rank, name = match
                place = ""
                if label_counts[component.label] > 1 and component.group is not None:
                    place = f" ({architecture.group(component.group).label})"
                shown = component.label if name == component.label else f"{name} → {component.label}"
                item = QStandardItem(f"{shown}{place}  ·  {architecture.title}")
                item.setData(architecture.id, ARCHITECTURE_ROLE)
                item.setData(component.id, ELEMENT_ROLE)
                item.setToolTip(rich_text_tooltip(component.description))
                rows.append((rank, item))
        self._model.clear()
        for _rank, item in sorted(rows, key=lambda row: row[0]):
            self._model.appendRow(item)

    def _on_edited(self, text: str) -> None:
        self._refresh(text)
        if text.strip() and self._model.rowCount():
            self.completer().complete()

    def _on_activated(self, index: QModelIndex) -> None:
        architecture_id = index.data(ARCHITECTURE_ROLE)
        element_id = index.data(ELEMENT_ROLE)
        if architecture_id and element_id:
            self.found.emit(architecture_id, element_id)

    def _on_return(self) -> None:
        """Enter without picking from the popup takes the first suggestion, if any."""
        self._refresh(self.text())
        if self.text().strip() and self._model.rowCount() > 0:
            popup = self.completer().popup()
            if popup is not None:
                popup.hide()
            self._on_activated(self._model.index(0, 0))


def _best_name(component: Component, wanted: str) -> tuple[int, str] | None:
    """How well ``component`` matches (0 exact, 1 prefix, 2 contains) and by which name; None: not."""
    best: tuple[int, str] | None = None
    for name in dict.fromkeys(component.names):
        folded = name.casefold()
        if wanted not in folded:
            continue
        rank = 0 if folded == wanted else 1 if folded.startswith(wanted) else 2
        if best is None or rank < best[0]:
            best = (rank, name)
    return best
