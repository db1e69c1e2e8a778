"""The window on a laptop: a size that fits the screen, a facilitator panel that leaves the board
room, and the last size, position and panel state remembered (in the settings file)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QObject, QRect, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMainWindow, QTabWidget, QWidget

from ..storage.settings import load_settings, save_settings, window_settings

TAB_TITLE_LENGTH = 20
TAB_TITLE_SHORTEST = 12  # »2  Fra kompe…«: shorter says nothing; the tab bar scrolls instead
PANEL_MIN, PANEL_WIDE, PANEL_NARROW = 300, 420, 330
DEFAULT_SIZE = (1400, 900)


def short_title(text: str, length: int = TAB_TITLE_LENGTH) -> str:
    """'2  Fra kompetencebe…' (the full title goes in the tooltip)."""
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def fitted_titles(titles: list[str], room: int, width, padding: list[int]) -> list[str]:
    """The titles in full when they fit in `room` pixels; else the longest are shortened one letter
    at a time (never below TAB_TITLE_SHORTEST) until they fit. `width(text)` measures a title,
    `padding[i]` is what tab i needs besides its text."""
    lengths = [len(t) for t in titles]
    measured: dict[str, int] = {}  # one letter less each round: the other titles are measured already

    def shown(i: int) -> str:
        return short_title(titles[i], lengths[i])

    def shown_width(i: int) -> int:
        text = shown(i)
        if text not in measured:
            measured[text] = width(text)
        return measured[text]

    while sum(shown_width(i) + padding[i] for i in range(len(titles))) > room:
        candidates = [i for i in range(len(titles)) if lengths[i] > TAB_TITLE_SHORTEST]
        if not candidates:
            break
        longest = max(candidates, key=shown_width)
        lengths[longest] -= 1
    return [shown(i) for i in range(len(titles))]


class TabTitles(QObject):
    """Tab titles in full where the tab bar has room, shortened with »…« only when it has not
    (the tooltip says the title in full). Refits when the tab widget changes size."""

    def __init__(self, tabs: QTabWidget):
        super().__init__(tabs)
        self.tabs = tabs
        self._fit_pending = False
        tabs.installEventFilter(self)

    def add(self, page: QWidget, title: str) -> int:
        index = self.tabs.addTab(page, title)
        self.tabs.tabBar().setTabData(index, title)
        if not self._fit_pending:  # once, after the window has added its other tabs
            self._fit_pending = True
            QTimer.singleShot(0, self._pending_fit)
        return index

    def _pending_fit(self) -> None:
        self._fit_pending = False
        self.fit()

    def eventFilter(self, watched, event) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.fit()
        return False

    def fit(self) -> None:
        bar = self.tabs.tabBar()
        if bar.count() == 0:
            return
        # Only the boards' long titles are ours to shorten; other tabs (»Plan og skabelon«) keep theirs.
        ours = [i for i in range(bar.count()) if isinstance(bar.tabData(i), str)]
        metrics = bar.fontMetrics()
        others = sum(bar.tabSizeHint(i).width() for i in range(bar.count()) if i not in ours)
        padding = [bar.tabSizeHint(i).width() - metrics.horizontalAdvance(bar.tabText(i)) for i in ours]
        corner = self.tabs.cornerWidget(Qt.Corner.TopRightCorner)
        room = self.tabs.width() - (corner.width() if corner is not None and corner.isVisible() else 0) - 8 - others
        titles = [bar.tabData(i) for i in ours]
        for i, text in zip(ours, fitted_titles(titles, room, metrics.horizontalAdvance, padding)):
            if bar.tabText(i) != text:
                bar.setTabText(i, text)


class WindowLayout:
    """Reads and writes the window's place; the window calls it, it changes nothing else."""

    def __init__(self, window: QMainWindow):
        self.window = window
        self.panel_visible = True
        self.panel_width: int | None = None

    def _available(self) -> QRect:
        screen = self.window.screen()
        return screen.availableGeometry() if screen is not None else QRect(0, 0, *DEFAULT_SIZE)

    def fit_to_screen(self) -> None:
        """The first size: 1400x900, or a little less than the screen when that is smaller."""
        area = self._available()
        self.window.resize(min(DEFAULT_SIZE[0], area.width()), min(DEFAULT_SIZE[1], area.height() - 40))

    def restore(self) -> None:
        """Last time's size, position and panel (app start only: tests choose their own size)."""
        saved = window_settings()  # every field checked: a damaged settings file never stops the start
        geometry = saved["geometry"]
        if geometry is not None and self.window.restoreGeometry(QByteArray(geometry)):
            area = self._available()
            if not area.intersects(self.window.frameGeometry()):  # the screen it was on is gone
                self.window.move(area.topLeft())
            if self.window.width() > area.width() or self.window.height() > area.height():
                self.window.resize(min(self.window.width(), area.width()), min(self.window.height(), area.height()))
        self.panel_visible = saved["panel_visible"]
        width = saved["panel_width"]
        self.panel_width = width if width is not None and width >= PANEL_MIN else None

    def place_panel(self, dock: QDockWidget) -> None:
        """A new workshop's panel: last width (or one that suits the screen), shown or hidden as last."""
        roomy = self._available().width() >= 1600
        width = self.panel_width or (PANEL_WIDE if roomy else PANEL_NARROW)
        width = min(width, max(PANEL_MIN, self.window.width() * 2 // 5))
        self.window.resizeDocks([dock], [width], Qt.Orientation.Horizontal)
        dock.setVisible(self.panel_visible)

    def remember(self) -> None:
        dock = getattr(self.window, "dock", None)
        if dock is not None:
            self.panel_visible = dock.isVisible()
            if dock.isVisible():
                self.panel_width = dock.width()
        settings = load_settings()
        settings["window"] = {
            "geometry": bytes(self.window.saveGeometry().toBase64()).decode("ascii"),
            "panel_visible": self.panel_visible,
            "panel_width": self.panel_width,
        }
        save_settings(settings)
