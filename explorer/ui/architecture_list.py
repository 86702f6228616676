"""The narrow list of architectures on the left: titles on up to two lines, summaries as tooltips."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from explorer.app_state import AppState
from explorer.ui.text import rich_text_tooltip
from models.architecture import Architecture

ID_ROLE = Qt.ItemDataRole.UserRole
BADGE_ROLE = Qt.ItemDataRole.UserRole + 2
"""A number painted as a pill after the title (cards due for revision); 0 or None shows nothing."""
BADGE_FILL = QColor("#D9822B")


class _TitleDelegate(QStyledItemDelegate):
    """Paints the title in bold, wrapped onto two lines so a narrow sidebar still reads it.

    The summary is the item's tooltip (and the notes panel's first view).
    """

    PADDING = 7

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        metrics = QFontMetrics(_bold(option.font))
        return QSize(120, metrics.lineSpacing() + metrics.height() + self.PADDING * 2)

    def initStyleOption(  # noqa: N802 (Qt's name)
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        option.text = ""  # the style draws the item without its title; paint() writes it on two lines

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        # Background, selection and focus as the style draws them. Neither this nor the
        # selection test below names QStyle: that would build its ~11 enum types (3-5 ms)
        # before the first paint.
        super().paint(painter, option, index)
        title = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        view = option.widget
        item = view.itemFromIndex(index) if isinstance(view, ArchitectureList) else None
        selected = item is not None and item.isSelected()
        text_color = option.palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        rect = option.rect.adjusted(self.PADDING, self.PADDING, -self.PADDING, -self.PADDING)
        bold = _bold(option.font)
        metrics = QFontMetrics(bold)
        painter.save()
        painter.setFont(bold)
        painter.setPen(text_color)
        line_height = metrics.height()
        badge_width = self._paint_badge(painter, option, index, rect, line_height)
        lines = _two_lines(title, metrics, rect.width() - badge_width, rect.width())
        for number, line in enumerate(lines):
            top = rect.y() + number * metrics.lineSpacing()
            line_rect = QRect(rect.x(), top, rect.width(), line_height)
            painter.drawText(line_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, line)
        painter.restore()

    def _paint_badge(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
        rect: QRect,
        line_height: int,
    ) -> int:
        """Paints the due-count pill at the right of the title line; returns the width it takes."""
        count = index.data(BADGE_ROLE)
        if not isinstance(count, int) or count <= 0:
            return 0
        font = QFont(option.font)
        font.setBold(True)
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        text = f"{count} due"
        width = QFontMetrics(font).horizontalAdvance(text) + 12
        pill = QRect(rect.right() - width + 1, rect.y() + 1, width, line_height - 2)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(BADGE_FILL)
        painter.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2)
        painter.setPen(QColor("#FFFFFF"))
        painter.setFont(font)
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()
        return width + 6


class ArchitectureList(QListWidget):
    """Emits ``architecture_chosen(id)`` when the user picks an architecture."""

    architecture_chosen = Signal(str)

    def __init__(self, architectures: Iterable[Architecture], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("architectureList")
        self.setAccessibleName("Architectures")
        self.setItemDelegate(_TitleDelegate(self))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setUniformItemSizes(True)
        self.setMinimumWidth(140)
        self._badges: dict[str, int] = {}
        self.set_architectures(architectures)
        self.currentItemChanged.connect(self._on_current_changed)

    def follow(self, state: AppState) -> None:
        """Marks the current architecture of ``state`` whenever it changes (without emitting)."""

        def changed(what: str) -> None:
            if what == "architecture" and state.architecture_id is not None:
                self.select_id(state.architecture_id)

        state.observe(changed)

    def set_architectures(self, architectures: Iterable[Architecture]) -> None:
        current = self.current_id()
        self.blockSignals(True)
        self.clear()
        for architecture in architectures:
            item = QListWidgetItem(architecture.title)
            item.setData(ID_ROLE, architecture.id)
            item.setToolTip(rich_text_tooltip(architecture.summary))
            item.setData(BADGE_ROLE, self._badges.get(architecture.id, 0))
            self.addItem(item)
        self.blockSignals(False)
        if current is not None:
            self.select_id(current)

    def set_badges(self, badges: dict[str, int]) -> None:
        """Shows a count after each architecture's title (cards due today); missing ids show none."""
        self._badges = dict(badges)
        for row in range(self.count()):
            item = self.item(row)
            count = self._badges.get(item.data(ID_ROLE), 0)
            item.setData(BADGE_ROLE, count)
            description = f"{count} due for revision" if count else ""
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, description)

    def badge(self, architecture_id: str) -> int:
        return self._badges.get(architecture_id, 0)

    def ids(self) -> list[str]:
        return [self.item(row).data(ID_ROLE) for row in range(self.count())]

    def current_id(self) -> str | None:
        item = self.currentItem()
        return str(item.data(ID_ROLE)) if item is not None else None

    def select_id(self, architecture_id: str) -> None:
        """Make ``architecture_id`` current without emitting ``architecture_chosen``."""
        for row in range(self.count()):
            if self.item(row).data(ID_ROLE) == architecture_id:
                self.blockSignals(True)
                self.setCurrentRow(row)
                self.blockSignals(False)
                return

    def _on_current_changed(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if current is not None:
            self.architecture_chosen.emit(current.data(ID_ROLE))


def _bold(font: QFont) -> QFont:
    bold = QFont(font)
    bold.setBold(True)
    return bold


def _two_lines(title: str, metrics: QFontMetrics, first_width: int, width: int) -> list[str]:
    """``title`` broken at a space to fit ``first_width``, the rest elided to ``width``."""
    words = title.split()
    first = ""
    while words and metrics.horizontalAdvance(f"{first} {words[0]}".strip()) <= first_width:
        first = f"{first} {words.pop(0)}".strip()
    if not first:  # one long word: elided on the first line
        return [metrics.elidedText(title, Qt.TextElideMode.ElideRight, first_width)]
    rest = " ".join(words)
    return [first, metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)] if rest else [first]
