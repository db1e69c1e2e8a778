"""Editable tables for plan rows (indsatsområder, GRUS plan) and the year wheel.
A table shows the model's rows and says what the user did to which row (a cell, a new row,
removed rows); the plan page turns that into one model operation. Cell editors stop at the
model's length limit."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
)

from ..model.glossary import DANISH_MONTH_NAMES
from ..model.limits import MAX_CELL_TEXT
from ..model.project import YearWheelEntry
from . import theme

SOFT_HYPHEN = "\u00ad"  # in a header: where it may break when its column is narrow


class LimitedTextDelegate(QStyledItemDelegate):
    """A cell editor that stops at the model's limit for a plan cell."""

    def createEditor(self, parent, option, index):
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit):
            editor.setMaxLength(MAX_CELL_TEXT)
        return editor


class ChoiceColumn:
    """A column edited with a drop-down (status, linked focus area) instead of free text.
    `field` is the row's field; `value(key)` turns the chosen key into that field's value."""

    def __init__(self, header: str, field: str, choices: Callable[[], list[tuple[str, str]]], get, value=None):
        self.header, self.field, self.choices, self.get = header, field, choices, get
        self.value = value or (lambda key: key)

    def label(self, row) -> str:
        key = self.get(row)
        return dict(self.choices()).get(key, "")


class _ChoiceDelegate(QStyledItemDelegate):
    def __init__(self, column: ChoiceColumn, table: "RowTable"):
        super().__init__(table)
        self.column, self.table = column, table

    def createEditor(self, parent, option, index):
        box = QComboBox(parent)
        for key, label in self.column.choices():
            box.addItem(label, key)
        box.activated.connect(lambda _i: self.commitData.emit(box))
        return box

    def setEditorData(self, editor, index):
        row = self.table._rows[index.row()]
        editor.setCurrentIndex(max(0, editor.findData(self.column.get(row))))

    def setModelData(self, editor, model, index):
        self.table.choose(index.row(), self.column, editor.currentData())


class RowTable(QTableWidget):
    """Rows of a pydantic model, one column per field (plus optional drop-down columns)."""

    cell_edited = Signal(str, str, object)  # row id, field, new value
    remove_requested = Signal(list)  # ids of the selected rows
    add_requested = Signal()

    def __init__(self, headers: list[str], fields: list[str], choice_columns: list[ChoiceColumn] | None = None):
        self.choice_columns = choice_columns or []
        super().__init__(0, len(headers) + len(self.choice_columns))
        headers = headers + [c.header for c in self.choice_columns]
        self.fields = fields
        self._rows: list = []
        self.headers = headers
        self.setHorizontalHeaderLabels([h.replace(SOFT_HYPHEN, "") for h in headers])
        for column, header in enumerate(headers):
            self.horizontalHeaderItem(column).setToolTip(header.replace(SOFT_HYPHEN, ""))
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.horizontalHeader().setFont(theme.font(11, bold=True))
        self.horizontalHeader().sectionResized.connect(lambda *_: self._fit_headers())
        self.verticalHeader().setVisible(False)
        self.setWordWrap(True)
        self.setFont(theme.font(12))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setItemDelegate(LimitedTextDelegate(self))
        for i, column in enumerate(self.choice_columns):
            self.setItemDelegateForColumn(len(fields) + i, _ChoiceDelegate(column, self))
        self.itemChanged.connect(self._on_item_changed)

    def header_fits(self, column: int) -> bool:
        """Every line of the column's header fits its width (nothing cut at either end)."""
        header = self.horizontalHeader()
        room = header.sectionSize(column) - 2 * self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin) - 4
        lines = self.horizontalHeaderItem(column).text().split("\n")
        return all(header.fontMetrics().horizontalAdvance(line) <= room for line in lines)

    def _fit_headers(self) -> None:
        """A long header (»Indsats­område«) breaks at its soft hyphen when its column is narrow."""
        for column, header in enumerate(self.headers):
            if SOFT_HYPHEN not in header:
                continue
            item = self.horizontalHeaderItem(column)
            item.setText(header.replace(SOFT_HYPHEN, ""))
            if not self.header_fits(column):
                item.setText(header.replace(SOFT_HYPHEN, "-\n"))

    def show_rows(self, rows: list) -> None:
        """Mirror the model; cells whose text already matches are left alone (keeps the cursor)."""
        self.blockSignals(True)
        self._rows = [r.model_copy() for r in rows]
        if self.rowCount() != len(rows):
            self.setRowCount(len(rows))
        for r, row in enumerate(rows):
            values = [getattr(row, f) for f in self.fields] + [c.label(row) for c in self.choice_columns]
            for c, value in enumerate(values):
                item = self.item(r, c)
                if item is None:
                    self.setItem(r, c, QTableWidgetItem(value))
                elif item.text() != value:
                    item.setText(value)
        self.resizeRowsToContents()
        self.blockSignals(False)

    def choose(self, row_index: int, column: ChoiceColumn, key) -> None:
        row = self._rows[row_index]
        if column.get(row) != key:
            self.cell_edited.emit(row.id, column.field, column.value(key))

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() >= len(self.fields):
            return  # drop-down columns commit through choose()
        self.cell_edited.emit(self._rows[item.row()].id, self.fields[item.column()], item.text())

    def add_row(self) -> None:
        self.add_requested.emit()

    def edit_row(self, row_id: str) -> None:
        """Put the row's first cell in edit mode with the focus: after »Tilføj række« the user types
        into the new row, not into the button that is still focused."""
        index = next((i for i, row in enumerate(self._rows) if row.id == row_id), None)
        if index is None:
            return
        self.setFocus()
        self.setCurrentCell(index, 0)
        self.scrollToItem(self.item(index, 0))
        self.editItem(self.item(index, 0))

    def remove_selected(self) -> None:
        doomed = sorted({index.row() for index in self.selectionModel().selectedRows()})
        if doomed:
            self.remove_requested.emit([self._rows[i].id for i in doomed])


class YearWheelTable(QTableWidget):
    """Twelve fixed months; an empty activity means nothing that month."""

    month_edited = Signal(int, str)  # month 1-12, activity

    def __init__(self):
        super().__init__(12, 2)
        self.setHorizontalHeaderLabels(["Måned", "Aktivitet"])
        self.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setVisible(False)
        self.setFont(theme.font(12))
        for month, name in enumerate(DANISH_MONTH_NAMES):
            item = QTableWidgetItem(name.capitalize())
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.setItem(month, 0, item)
            self.setItem(month, 1, QTableWidgetItem(""))
        self.setItemDelegate(LimitedTextDelegate(self))
        self.itemChanged.connect(self._on_item_changed)

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() == 1:
            self.month_edited.emit(item.row() + 1, item.text())

    def show_entries(self, entries: list[YearWheelEntry]) -> None:
        by_month = {e.month: e.activity for e in entries}
        self.blockSignals(True)
        for m in range(12):
            text = by_month.get(m + 1, "")
            if self.item(m, 1).text() != text:
                self.item(m, 1).setText(text)
        self.blockSignals(False)
