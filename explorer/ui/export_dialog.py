"""File → Export…: choose format, size, background, framing and text, with a live preview.

The preview is the export itself, rendered smaller by the same code, so what
the dialog shows is what gets written.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from explorer.atomic_write import ExportError, check_target, write_atomically
from explorer.diagram.scene import DiagramScene
from explorer.export.options import (
    EDGE_LABEL_WORDS,
    MAX_MARGIN,
    MAX_WIDTH,
    MIN_WIDTH,
    SCALES,
    SLIDES,
    ExportOptions,
    edge_labels_from_word,
)
from explorer.export.render import render_bytes
from explorer.layout.geometry import Layout
from explorer.layout.service import LayoutService
from explorer.ui.export_dialog_preview import confirm_overwrite, describe_size, on_checkerboard, preview_image
from explorer.ui.export_dialog_scenes import ExportScenes
from explorer.ui.walkthrough.slides_dialog import write_slides
from models.architecture import Architecture
from models.walkthroughs import Walkthrough

__all__ = ["ExportDialog", "confirm_overwrite"]

PREVIEW_SIZE = QSize(560, 360)
PREVIEW_DELAY_MS = 120
"""Changes are batched this long before the preview is drawn again."""
_FORMATS = (("PNG image", "png"), ("SVG vector image", "svg"), ("PDF document", "pdf"))
_BACKGROUNDS = (("White", "white"), ("Transparent", "transparent"), ("Dark theme", "dark"))
_WIDTH = "width"
_TEXT_SCALES = (
    ("Automatic", "auto"),
    *((f"{scale:g}×", f"{scale:g}") for scale in (1, 1.25, 1.5, 2, 2.5, 3)),
)
_EDGE_LABELS = (
    ("Where they read clearly", EDGE_LABEL_WORDS[None]),
    ("Always", EDGE_LABEL_WORDS[True]),
    ("Never", EDGE_LABEL_WORDS[False]),
)
"""Relation labels: automatic keeps them on a whole slide only where they read clearly."""
_FILTERS = {"png": "PNG image (*.png)", "svg": "SVG image (*.svg)", "pdf": "PDF document (*.pdf)"}


class ExportDialog(QDialog):
    """Export one architecture; ``exported`` is emitted with the file written.

    Signals:
        preview_updated(): the preview was drawn again for the current options.
        exported(Path): the file was written (the dialog then closes).
    """

    preview_updated = Signal()
    exported = Signal(Path)

    def __init__(
        self,
        architecture: Architecture,
        layout: Layout,
        options: ExportOptions,
        path: Path,
        parent: QWidget | None = None,
        layouts: LayoutService | None = None,
        walkthroughs: Sequence[Walkthrough] = (),
    ) -> None:
        """``layouts`` lays out larger text and focus views (in its worker); without it the
        dialog offers neither."""
        super().__init__(parent)
        self.walkthroughs = {walkthrough.id: walkthrough for walkthrough in walkthroughs}
        self.setObjectName("exportDialog")
        self.setWindowTitle(f"Export {architecture.title}")
        self.architecture = architecture
        self.diagram_layout = layout
        self.written_path: Path | None = None
        self._selected = options.selected
        self._layouts = layouts
        self.scenes = ExportScenes(architecture, layout, layouts, self)
        self.scenes.ready.connect(self.update_preview)
        self.scenes.failed.connect(self._layout_failed)
        self.finished.connect(self.scenes.cancel)
        self.export_options = options
        """The options of the last preview, with the text scale settled (what Export writes)."""
        self.preview_image = QImage()
        self._timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.update_preview)
        self._build(options, path)
        self.update_preview()

    # Widgets ---------------------------------------------------------------

    def _build(self, options: ExportOptions, path: Path) -> None:
        self.format_combo = self._combo("formatCombo", _FORMATS, options.format)
        scales = [(f"{scale}×", str(scale)) for scale in SCALES] + [("Pixel width", _WIDTH)]
        self.scale_combo = self._combo(
            "scaleCombo", scales, _WIDTH if options.width is not None else str(options.scale)
        )
        self.width_spin = self._spin("widthSpin", MIN_WIDTH, MAX_WIDTH, options.width or 1920, " px")
        self.background_combo = self._combo("backgroundCombo", _BACKGROUNDS, options.background)
        self.margin_spin = self._spin("marginSpin", 0, MAX_MARGIN, options.margin, " px")
        slides = [("None", ""), *((f"16:9 slide, {size.replace('x', ' × ')}", size) for size in SLIDES)]
        self.slide_combo = self._combo("slideCombo", slides, options.slide or "")
        self.title_edit = self._line("titleEdit", options.title, "Optional, drawn above the diagram")
        self.caption_edit = self._line("captionEdit", options.caption, "Optional, drawn below the diagram")
        self.keep_selection_check = QCheckBox(self._selection_text(), self)
        self.keep_selection_check.setObjectName("keepSelectionCheck")
        self.keep_selection_check.setEnabled(self._selected is not None)
        self.keep_selection_check.setChecked(options.keep_selection and self._selected is not None)
        self.keep_selection_check.toggled.connect(self._schedule_preview)
        text_scale = "auto" if options.text_scale is None else f"{options.text_scale:g}"
        self.text_scale_combo = self._combo("textScaleCombo", _TEXT_SCALES, text_scale)
        self.text_scale_combo.setEnabled(self._layouts is not None)
        edge_labels = EDGE_LABEL_WORDS[options.edge_labels]
        self.edge_labels_combo = self._combo("edgeLabelsCombo", _EDGE_LABELS, edge_labels)
        self.focus_check = self._check("focusCheck", "Only the selection and its neighbours", False)
        self.focus_check.setEnabled(self._selected is not None and self._layouts is not None)
        slides = [("None: the diagram alone", ""), *((w.title, w.id) for w in self.walkthroughs.values())]
        self.walkthrough_combo = self._combo("walkthroughCombo", slides, "")
        self.walkthrough_combo.setEnabled(bool(self.walkthroughs))
        self.walkthrough_combo.setToolTip(
            "One slide per step: a multi-page PDF, or a folder of PNG/SVG files"
        )
        self.path_edit = self._line("pathEdit", str(path), "")
        browse = QPushButton("Browse…", self)
        browse.setObjectName("browseButton")
        browse.clicked.connect(self._browse)

        size_row = QHBoxLayout()
        size_row.addWidget(self.scale_combo)
        size_row.addWidget(self.width_spin, 1)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)
        form = QFormLayout()
        form.addRow("&Format:", self.format_combo)
        form.addRow(self._buddy("&Size:", self.scale_combo), size_row)
        form.addRow("&Background:", self.background_combo)
        form.addRow("&Margin:", self.margin_spin)
        form.addRow("S&lide:", self.slide_combo)
        form.addRow("&Title:", self.title_edit)
        form.addRow("&Caption:", self.caption_edit)
        form.addRow("", self.keep_selection_check)
        form.addRow("&Text size:", self.text_scale_combo)
        form.addRow("&Relation labels:", self.edge_labels_combo)
        form.addRow("", self.focus_check)
        form.addRow("Wal&kthrough:", self.walkthrough_combo)
        form.addRow(self._buddy("Save &as:", self.path_edit), path_row)

        self.preview_label = QLabel(self)
        self.preview_label.setObjectName("previewLabel")
        self.preview_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview_label.setMinimumSize(PREVIEW_SIZE)
        self.preview_label.setAccessibleName("Export preview")
        self.size_label = QLabel(self)
        self.size_label.setObjectName("sizeLabel")
        self.size_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # Neither a new preview nor a longer size text may widen the dialog.
        for label in (self.preview_label, self.size_label):
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText("&Export")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        columns = QHBoxLayout()
        columns.addLayout(form)
        preview_column = QVBoxLayout()
        preview_column.addWidget(self.preview_label, 1)
        preview_column.addWidget(self.size_label)
        columns.addLayout(preview_column, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.buttons)
        self.format_combo.currentIndexChanged.connect(self._format_changed)
        self._update_width_enabled()

    def _buddy(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    def _combo(self, name: str, entries: object, current: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        for text, value in entries:  # type: ignore[attr-defined]
            combo.addItem(text, value)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.currentIndexChanged.connect(self._schedule_preview)
        return combo

    def _check(self, name: str, text: str, checked: bool) -> QCheckBox:
        check = QCheckBox(text, self)
        check.setObjectName(name)
        check.setChecked(checked)
        check.toggled.connect(self._schedule_preview)
        return check

    def _spin(self, name: str, low: int, high: int, value: int, suffix: str) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setObjectName(name)
        spin.setRange(low, high)
        spin.setValue(value)
        spin.setSuffix(suffix)
        spin.valueChanged.connect(self._schedule_preview)
        return spin

    def _line(self, name: str, text: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(text, self)
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        edit.setClearButtonEnabled(bool(placeholder))
        if placeholder:
            edit.textChanged.connect(self._schedule_preview)
        return edit

    def _selection_text(self) -> str:
        if self._selected is None:
            return "Keep the selection highlight (nothing is selected)"
        element = self.architecture.components_by_id.get(
            self._selected
        ) or self.architecture.groups_by_id.get(self._selected)
        return f"Keep the selection highlight ({element.label if element else self._selected})"

    # State -----------------------------------------------------------------

    def options(self) -> ExportOptions:
        """The options as the dialog shows them."""
        size = self.scale_combo.currentData()
        scale = self.text_scale_combo.currentData() if self._layouts is not None else "1"
        return ExportOptions(
            format=self.format_combo.currentData(),
            scale=int(size) if size != _WIDTH else ExportOptions.scale,
            width=self.width_spin.value() if size == _WIDTH else None,
            background=self.background_combo.currentData(),
            margin=self.margin_spin.value(),
            title=self.title_edit.text(),
            caption=self.caption_edit.text(),
            slide=self.slide_combo.currentData() or None,
            keep_selection=self.keep_selection_check.isChecked(),
            selected=self._selected,
            text_scale=None if scale == "auto" else float(scale),
            edge_labels=edge_labels_from_word(self.edge_labels_combo.currentData()),
            focus=self._selected if self.focus_check.isChecked() and self.focus_check.isEnabled() else None,
        )

    def path(self) -> Path:
        """The file to write, with the extension of the chosen format."""
        text = self.path_edit.text().strip()
        path = Path(text).expanduser() if text else Path(f"{self.architecture.id}")
        extension = f".{self.format_combo.currentData()}"
        return path if path.suffix.lower() == extension else path.with_suffix(extension)

    def scene_for(self, options: ExportOptions) -> DiagramScene | None:
        """The export scene for the options (made once and kept), its text size settled in
        :attr:`export_options`; None while larger text or a focus view is laid out in the worker
        (the preview is drawn again once it is ready)."""
        made = self.scenes.get(options)
        if made is None:
            return None
        scene, settled = made
        self.export_options = options.with_changes(
            text_scale=settled.text_scale, selected=settled.selected, edge_labels=settled.edge_labels
        )
        scene.select_element(self.export_options.highlighted, emit=False)
        return scene

    # Behaviour -------------------------------------------------------------

    def _schedule_preview(self) -> None:
        self._update_width_enabled()
        self._timer.start()

    def _update_width_enabled(self) -> None:
        slide = bool(self.slide_combo.currentData())
        self.scale_combo.setEnabled(not slide)
        self.width_spin.setEnabled(not slide and self.scale_combo.currentData() == _WIDTH)

    def _format_changed(self) -> None:
        self.path_edit.setText(str(self.path()))

    def update_preview(self) -> None:
        """Draws the preview now (changes otherwise redraw it after a short pause); while the
        worker lays the options out, says so and draws it once the layout is ready."""
        self._timer.stop()
        scene = self.scene_for(self.options())
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(scene is not None)
        if scene is None:
            self.preview_label.setPixmap(QPixmap())
            self.preview_label.setText("Laying out the diagram for these options…")
            self.size_label.setText("")
            return
        options = self.export_options
        ratio = self.devicePixelRatioF()
        fit = QSize(round(PREVIEW_SIZE.width() * ratio), round(PREVIEW_SIZE.height() * ratio))
        self.preview_image, canvas = preview_image(scene, options, fit)
        shown = (
            on_checkerboard(self.preview_image) if options.background == "transparent" else self.preview_image
        )
        pixmap = QPixmap.fromImage(shown)
        pixmap.setDevicePixelRatio(ratio)
        self.preview_label.setPixmap(pixmap)
        self.size_label.setText(describe_size(canvas, options))
        self.preview_updated.emit()

    def _layout_failed(self, message: str) -> None:
        self.preview_label.setText(f"The diagram cannot be laid out this way:\n{message}")

    def _browse(self) -> None:
        file_format = self.format_combo.currentData()
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            "Export diagram as",
            str(self.path()),
            ";;".join(_FILTERS.values()),
            _FILTERS[file_format],
            QFileDialog.Option.DontConfirmOverwrite,  # accept() asks, once, for every way in
        )
        if chosen:
            self.path_edit.setText(chosen)
            suffix = Path(chosen).suffix.lower().lstrip(".")
            index = self.format_combo.findData(suffix)
            if index >= 0:
                self.format_combo.setCurrentIndex(index)

    def walkthrough(self) -> Walkthrough | None:
        """The walkthrough whose slides are to be written, if one is chosen."""
        return self.walkthroughs.get(self.walkthrough_combo.currentData() or "")

    def accept(self) -> None:
        """Writes the file (asking before replacing one); stays open if that fails."""
        path = self.path()
        walkthrough = self.walkthrough()
        if walkthrough is not None:
            # Slides are painted on the window's layout, so their text stays at its laid-out size.
            written = write_slides(
                self,
                self.architecture,
                self.diagram_layout,
                walkthrough,
                self.options().with_changes(text_scale=1.0),
                path,
                lambda paths: confirm_overwrite(self, paths),
            )
            if written:
                self.written_path = written[0]
                self.exported.emit(written[0])
                super().accept()
            return
        scene = self.scene_for(self.options())
        if scene is None:
            return  # Export is disabled until the worker has laid these options out
        options = self.export_options
        try:
            target = check_target(path)
        except ExportError as error:
            QMessageBox.warning(self, "Cannot export", str(error))
            return
        if target.exists() and not confirm_overwrite(self, [target]):
            return
        try:
            self.written_path = write_atomically(target, render_bytes(scene, options))
        except ExportError as error:
            QMessageBox.warning(self, "Cannot export", str(error))
            return
        self.exported.emit(self.written_path)
        super().accept()
