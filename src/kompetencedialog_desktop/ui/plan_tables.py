"""Editable tables for plan rows (indsatsområder, GRUS plan) and the year wheel.
A table shows the model's rows; an edit becomes one UpdatePlan command with the whole new list."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from ..model.operations import DANISH_MONTH_NAMES
from ..model.project import YearWheelEntry
from . import theme


class RowTable(QTableWidget):
    """Rows of a pydantic model, one column per field."""

    edited = Signal(list)  # the new list of rows

    def __init__(self, headers: list[str], fields: list[str], make_row: Callable[[], object]):
        super().__init__(0, len(headers))
        self.fields = fields
        self.make_row = make_row
        self._rows: list = []
        self.setHorizontalHeaderLabels(headers)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.horizontalHeader().setFont(theme.font(11, bold=True))
        self.verticalHeader().setVisible(False)
        self.setWordWrap(True)
        self.setFont(theme.font(12))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.itemChanged.connect(self._on_item_changed)

    def show_rows(self, rows: list) -> None:
        """Mirror the model; cells whose text already matches are left alone (keeps the cursor)."""
        self.blockSignals(True)
        self._rows = [r.model_copy() for r in rows]
        if self.rowCount() != len(rows):
            self.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, field in enumerate(self.fields):
                value = getattr(row, field)
                item = self.item(r, c)
                if item is None:
                    self.setItem(r, c, QTableWidgetItem(value))
                elif item.text() != value:
                    item.setText(value)
        self.resizeRowsToContents()
        self.blockSignals(False)

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        rows = [r.model_copy() for r in self._rows]
        setattr(rows[item.row()], self.fields[item.column()], item.text())
        self.edited.emit(rows)

    def add_row(self, row=None) -> None:
        self.edited.emit([r.model_copy() for r in self._rows] + [row or self.make_row()])

    def remove_selected(self) -> None:
        doomed = {index.row() for index in self.selectionModel().selectedRows()}
        if doomed:
            self.edited.emit([r.model_copy() for i, r in enumerate(self._rows) if i not in doomed])


class YearWheelTable(QTableWidget):
    """Twelve fixed months; an empty activity means nothing that month."""

    edited = Signal(list)

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
        self.itemChanged.connect(lambda _item: self.edited.emit(self.entries()))

    def entries(self) -> list[YearWheelEntry]:
        return [YearWheelEntry(month=m + 1, activity=self.item(m, 1).text())
                for m in range(12) if self.item(m, 1).text().strip()]

    def show_entries(self, entries: list[YearWheelEntry]) -> None:
        by_month = {e.month: e.activity for e in entries}
        self.blockSignals(True)
        for m in range(12):
            text = by_month.get(m + 1, "")
            if self.item(m, 1).text() != text:
                self.item(m, 1).setText(text)
        self.blockSignals(False)
