"""A tab whose page is built when the tab is first shown (or the page first asked for).

The plan and the evaluation tab cost ~30 ms to import and build at start-up, and a workshop
opens on board 1. Until needed, an empty widget holds the tab's place; the built page then
takes that place (same index, title and tooltip), so the tab widget ends up as if the page had
been added at once."""

from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QTabWidget, QWidget


class LazyTab:
    def __init__(self, tabs: QTabWidget, title: str, build: Callable[[], QWidget]):
        self._tabs = tabs
        self._build = build
        self.page: QWidget | None = None
        self.placeholder: QWidget | None = QWidget()
        tabs.addTab(self.placeholder, title)

    def holds(self, widget: QWidget | None) -> bool:
        return widget is not None and widget is self.placeholder

    def realise(self) -> QWidget:
        """The page, built now if it was not yet."""
        if self.page is not None:
            return self.page
        page = self.page = self._build()
        tabs, placeholder, self.placeholder = self._tabs, self.placeholder, None
        index = tabs.indexOf(placeholder)
        if index >= 0:
            was_current = tabs.currentIndex() == index
            blocked = tabs.blockSignals(True)  # the window is told once, by whoever asked
            # Insert before the stand-in and only then remove it: the current tab never moves
            # to a neighbour (which would build a board nobody looks at).
            title, tooltip = tabs.tabText(index), tabs.tabToolTip(index)
            tabs.insertTab(index, page, title)
            tabs.setTabToolTip(index, tooltip)
            if was_current:
                tabs.setCurrentIndex(index)
            tabs.removeTab(index + 1)
            tabs.blockSignals(blocked)
        placeholder.deleteLater()
        return page

    def delete(self) -> None:
        """Delete the page (or its stand-in); the tab must already be removed."""
        for widget in (self.page, self.placeholder):
            if widget is not None:
                widget.deleteLater()
        self.page = self.placeholder = None
