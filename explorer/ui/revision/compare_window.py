"""Two architectures side by side, their corresponding parts linked, and a table of differences."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from explorer.diagram.items import ComponentItem
from explorer.diagram.scene import DiagramScene
from explorer.layout.service import LayoutService
from explorer.sources import Sources
from explorer.ui.notes_html import markdown_to_html
from explorer.ui.notes_style import STYLE_SHEET
from explorer.ui.revision.compare_pane import ComparePane
from explorer.ui.revision.decision_dialog import DecisionDialog
from models.notes.excerpts import GUIDANCE_KEY, builtin_excerpts
from models.revision.compare import DEFAULT_PAIRS, Counterparts
from models.revision.comparisons import Comparison, ComparisonsResult, load_comparisons
from models.revision.decision import topic_for

LEGEND = (
    "Click a component: its counterpart is highlighted on the other side. "
    "<span style='color:#C2410C'>Dashed orange outline</span>: it exists only on that side."
)
PRESET_NAMES = {("ecs-ec2", "ecs-fargate"): "EC2 mode vs Fargate", ("kubernetes", "eks"): "Kubernetes vs EKS"}


class DifferencesTable(QTableWidget):
    """A table whose rows grow to fit their wrapped text whenever its width changes."""

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self.resizeRowsToContents()


class CompareWindow(QMainWindow):
    """Compare two architectures; one instance per main window, reused for every pair."""

    def __init__(
        self,
        sources: Sources,
        layouts: LayoutService,
        parent: QWidget | None = None,
        comparisons: ComparisonsResult | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("compareWindow")
        self.setWindowTitle("Compare architectures")
        self.sources = sources
        self.comparisons = comparisons or load_comparisons()
        self.counterparts: Counterparts | None = None
        self.comparison: Comparison | None = None
        self.decision_dialog: DecisionDialog | None = None
        self._linking = False

        self.left_combo, self.right_combo = QComboBox(self), QComboBox(self)
        self.left_combo.setObjectName("compareLeft")
        self.right_combo.setObjectName("compareRight")
        for combo in (self.left_combo, self.right_combo):
            for architecture in sources.architectures.values():
                combo.addItem(architecture.title, architecture.id)
            combo.activated.connect(self._on_combo)
        swap = QPushButton("Swap", self)
        swap.clicked.connect(lambda: self.show_pair(self.right_id(), self.left_id()))
        bar = QHBoxLayout()
        bar.addWidget(QLabel("Compare", self))
        bar.addWidget(self.left_combo)
        bar.addWidget(QLabel("with", self))
        bar.addWidget(self.right_combo)
        bar.addWidget(swap)
        bar.addSpacing(16)
        self.preset_buttons: dict[tuple[str, str], QPushButton] = {}
        for pair in DEFAULT_PAIRS:
            if all(key in sources.architectures for key in pair):
                preset = QPushButton(PRESET_NAMES.get(pair, " vs ".join(pair)), self)
                preset.clicked.connect(lambda _checked=False, p=pair: self.show_pair(*p))
                bar.addWidget(preset)
                self.preset_buttons[pair] = preset
        bar.addStretch(1)
        self.decision_button = QPushButton("Which should I use?…", self)
        self.decision_button.setObjectName("decisionButton")
        self.decision_button.clicked.connect(self.open_decision_helper)
        bar.addWidget(self.decision_button)

        legend = QLabel(LEGEND, self)
        legend.setWordWrap(True)
        self.selection_label = QLabel(self)
        self.selection_label.setObjectName("compareSelection")
        self.selection_label.setTextFormat(Qt.TextFormat.RichText)
        self.selection_label.setMinimumHeight(self.selection_label.fontMetrics().height() + 6)

        self.left_pane = ComparePane("left", layouts, self)
        self.right_pane = ComparePane("right", layouts, self)
        for pane in (self.left_pane, self.right_pane):
            pane.scene_ready.connect(lambda scene, side=pane.side: self._on_scene_ready(side, scene))
        diagrams = QSplitter(Qt.Orientation.Horizontal, self)
        diagrams.addWidget(self.left_pane)
        diagrams.addWidget(self.right_pane)
        diagrams.setChildrenCollapsible(False)

        self.table = DifferencesTable(0, 3, self)
        self.table.setObjectName("differencesTable")
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 150)
        header.sectionResized.connect(lambda *_args: self.table.resizeRowsToContents())
        self.guidance = QTextBrowser(self)
        self.guidance.setObjectName("compareGuidance")
        self.guidance.document().setDefaultStyleSheet(STYLE_SHEET)
        self.guidance.setOpenExternalLinks(False)
        below = QSplitter(Qt.Orientation.Horizontal, self)
        below.addWidget(self.table)
        below.addWidget(self.guidance)
        below.setStretchFactor(0, 3)
        below.setStretchFactor(1, 2)

        main = QSplitter(Qt.Orientation.Vertical, self)
        main.addWidget(diagrams)
        main.addWidget(below)
        main.setChildrenCollapsible(False)
        main.setSizes([640, 280])
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(10, 8, 10, 10)
        layout.addLayout(bar)
        layout.addWidget(legend)
        layout.addWidget(self.selection_label)
        layout.addWidget(main, 1)
        self.setCentralWidget(body)
        self.resize(1500, 980)
        close = QAction("Close", self)
        close.setShortcuts(
            [QKeySequence(QKeySequence.StandardKey.Close), QKeySequence("Ctrl+W"), QKeySequence("Esc")]
        )
        close.triggered.connect(self.close)
        self.addAction(close)

    # Pairs -----------------------------------------------------------------

    def left_id(self) -> str:
        return str(self.left_combo.currentData())

    def right_id(self) -> str:
        return str(self.right_combo.currentData())

    def show_pair(self, left_id: str, right_id: str) -> None:
        """Shows ``left_id`` and ``right_id`` side by side, linked, with their differences."""
        left = self.sources.architectures[left_id]
        right = self.sources.architectures[right_id]
        self.left_combo.setCurrentIndex(self.left_combo.findData(left_id))
        self.right_combo.setCurrentIndex(self.right_combo.findData(right_id))
        self.counterparts = Counterparts(left, right)
        for pane, architecture in ((self.left_pane, left), (self.right_pane, right)):
            pane.set_recommended(False)
            pane.show_architecture(architecture)
        self.comparison = self.comparisons.find(left_id, right_id)
        self._fill_table(left.title, right.title)
        self._fill_guidance()
        self.selection_label.setText("")
        self.setWindowTitle(f"Compare: {left.title} and {right.title}")

    def _on_scene_ready(self, side: str, scene: DiagramScene) -> None:
        """Links a pane's new scene to the other side and marks what only it has."""
        scene.element_selected.connect(lambda element: self._on_selected(side, element))
        scene.selection_cleared.connect(lambda: self._on_cleared(side))
        if self.counterparts is not None:
            other = self.sources.architectures.get(self.right_id() if side == "left" else self.left_id())
            self.pane(side).mark_only_here(self.counterparts.only_on(side), other.title if other else "")

    def _on_combo(self, _index: int) -> None:
        if self.left_id() != self.right_id():
            self.show_pair(self.left_id(), self.right_id())
        else:
            self.selection_label.setText("<i>Pick two different architectures.</i>")

    # Linking ---------------------------------------------------------------

    def pane(self, side: str) -> ComparePane:
        return self.left_pane if side == "left" else self.right_pane

    def _on_selected(self, side: str, element_id: str) -> None:
        if self._linking or self.counterparts is None:
            return
        other_side = "right" if side == "left" else "left"
        source, other = self.pane(side), self.pane(other_side)
        matches = self.counterparts.of(side, element_id)
        name = _element_label(source, element_id)
        if other.scene is None:
            return
        self._linking = True
        try:
            target = element_id if element_id in matches else (matches[0] if matches else None)
            other.scene.select_element(target, emit=False)
            self._highlight_also(other, [match for match in matches if match != target])
        finally:
            self._linking = False
        other_title = html.escape(other.architecture.title if other.architecture else "")
        if target is None:
            self.selection_label.setText(
                f"<b>{html.escape(name)}</b>: only in this architecture, not in {other_title}."
            )
            return
        self._show_all_of(other, matches)
        counterpart = html.escape(_element_label(other, target))
        more = f" ({len(matches)} of them)" if len(matches) > 1 else ""
        self.selection_label.setText(
            f"<b>{html.escape(name)}</b> corresponds to <b>{counterpart}</b>{more} in {other_title}."
        )

    @staticmethod
    def _highlight_also(pane: ComparePane, element_ids: list[str]) -> None:
        """Highlights ``element_ids`` like the selection (a component matched by several)."""
        for element_id in element_ids:
            item = pane.scene.item_for(element_id) if pane.scene is not None else None
            if isinstance(item, ComponentItem):
                item.set_selected(True)
                item.setOpacity(1.0)

    @staticmethod
    def _show_all_of(pane: ComparePane, element_ids: Sequence[str]) -> None:
        """Centres the pane on its matches together (they may sit in different zones)."""
        scene = pane.scene
        items = [scene.item_for(element_id) for element_id in element_ids] if scene is not None else []
        area = QRectF()
        for item in items:
            if item is not None:
                area = area.united(item.sceneBoundingRect())
        if not area.isEmpty():
            pane.view.pan_to(area.center())

    def _on_cleared(self, side: str) -> None:
        if self._linking:
            return
        other = self.pane("right" if side == "left" else "left")
        if other.scene is not None:
            other.scene.select_element(None, emit=False)
        self.selection_label.setText("")

    # Differences and guidance ----------------------------------------------

    def _fill_table(self, left_title: str, right_title: str) -> None:
        rows = self.comparison.rows if self.comparison else ()
        self.table.setRowCount(len(rows))
        self.table.setHorizontalHeaderLabels(["", left_title, right_title])
        for row, difference in enumerate(rows):
            aspect = QTableWidgetItem(difference.aspect)
            font = aspect.font()
            font.setBold(True)
            aspect.setFont(font)
            self.table.setItem(row, 0, aspect)
            self.table.setItem(row, 1, QTableWidgetItem(difference.left))
            self.table.setItem(row, 2, QTableWidgetItem(difference.right))
        self.table.resizeRowsToContents()

    def _cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    def differences(self) -> list[tuple[str, str, str]]:
        """The table's rows as (aspect, left, right), as shown."""
        return [
            (self._cell(row, 0), self._cell(row, 1), self._cell(row, 2))
            for row in range(self.table.rowCount())
        ]

    def _fill_guidance(self) -> None:
        notes = self.sources.notes
        parts: list[str] = []
        if self.comparison is not None:
            parts.append(f"<h3>{html.escape(self.comparison.title)}</h3>")
            if self.comparison.summary:
                parts.append(f"<p>{html.escape(self.comparison.summary)}</p>")
            for ref in self.comparison.guidance:
                found = notes.find_section(ref.note, ref.heading)
                if found is not None:
                    parts.append(f"<h4>{html.escape(found[1].title)}</h4>{markdown_to_html(found[1].text)}")
        else:
            parts.append("<p class='muted'>No table of differences for these two architectures yet.</p>")
            assert self.counterparts is not None
            seen: set[str] = set()
            for architecture in (self.counterparts.left, self.counterparts.right):
                for excerpt in builtin_excerpts(architecture, notes.builtin).get(GUIDANCE_KEY, []):
                    if excerpt.text not in seen:
                        seen.add(excerpt.text)
                        parts.append(f"<h4>{html.escape(excerpt.title)}</h4>{markdown_to_html(excerpt.text)}")
        self.guidance.setHtml("".join(parts))

    # Decision helper -------------------------------------------------------

    def open_decision_helper(self) -> DecisionDialog:
        topic = topic_for(self.left_id(), self.right_id())
        if self.decision_dialog is not None and self.decision_dialog.topic != topic:
            self.decision_dialog.close()
            self.decision_dialog.deleteLater()
            self.decision_dialog = None
        if self.decision_dialog is None:
            self.decision_dialog = DecisionDialog(self, topic)
            self.decision_dialog.recommended.connect(self.highlight_recommendation)
        self.decision_dialog.show()
        self.decision_dialog.raise_()
        return self.decision_dialog

    def highlight_recommendation(self, architecture_id: str) -> None:
        """Marks the pane showing ``architecture_id`` as recommended ("" clears the mark)."""
        known = self.sources.architectures
        shown = {self.left_id(), self.right_id()}
        if architecture_id and architecture_id not in shown and architecture_id in known:
            pair = next(
                (p for p in DEFAULT_PAIRS if architecture_id in p and all(k in known for k in p)), None
            )
            if pair is not None:
                self.show_pair(*pair)
        for pane in (self.left_pane, self.right_pane):
            pane.set_recommended(bool(architecture_id) and pane.architecture is not None
                                 and pane.architecture.id == architecture_id)  # fmt: skip


def _element_label(pane: ComparePane, element_id: str) -> str:
    architecture = pane.architecture
    if architecture is None:
        return element_id
    element = architecture.components_by_id.get(element_id) or architecture.groups_by_id.get(element_id)
    return element.label if element is not None else element_id
