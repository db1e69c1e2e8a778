"""The room's view: a second window with the board on show, the current card's question and the
timer, large and high-contrast. It shows the main window's own scene, so notes appear as they
are typed. The room sees only what is in use: each zone with notes is a tile (its title and its
notes, not its empty part; a tall zone in two halves side by side), and the tiles are laid out
in the rows that make the notes largest, all at one scale (the board's own arrangement when that
is as large), so the text reads from 8 m.
Full screen and frameless on a second screen; a normal, movable window when there is one screen.
B blanks it for a pause (and the main window says so: BlankIndicator)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFontMetricsF, QGuiApplication, QKeyEvent, QLinearGradient, QPainter, QScreen, QTransform
from PySide6.QtWidgets import QGraphicsView, QHBoxLayout, QLabel, QStackedLayout, QVBoxLayout, QWidget

from ..model.content import Card
from ..model.timer import AgendaTimer
from . import theme
from .board_items import _fitting_font
from .board_scene import BoardScene
from .timer_display import TimerDisplay

MAX_SCALE = 2.0
TILE_GAP = 14  # screen px between two tiles
TILE_MARGIN = 14.0  # board units around a tile's notes (the cluster frames)


def zone_tiles(scene: BoardScene) -> list[QRectF]:
    """The parts of the board the room needs, in board order: for each zone with notes, its
    title and its notes (a zone's empty right or lower part is left out); notes outside every
    zone get a tile of their own. The whole board while it is empty."""
    board = scene.board
    boxes: dict[str | None, QRectF] = {}
    for note in scene.document.project.notes:
        if note.board != board.id:
            continue
        zone = board.zone(note.zone) if note.zone else None
        key = zone.id if zone is not None else None
        rect = QRectF(note.x, note.y, note.w, note.h)
        boxes[key] = boxes[key].united(rect) if key in boxes else rect
    tiles = []
    for zone in board.zones:
        if zone.id not in boxes:
            continue
        r = zone.rect
        title = zone.title + ("  ●●●" if zone.voting else "")
        title_w = QFontMetricsF(_fitting_font(title, r.w - 32)).horizontalAdvance(title) + 32
        head = QRectF(r.x, r.y, min(r.w, title_w), 84.0)
        tile = boxes[zone.id].united(head).adjusted(-TILE_MARGIN, -TILE_MARGIN, TILE_MARGIN, TILE_MARGIN)
        tiles.append(tile.intersected(QRectF(r.x, r.y, r.w, r.h).adjusted(-6, -6, 6, 6)))
    if None in boxes:
        tiles.append(boxes[None].adjusted(-TILE_MARGIN, -TILE_MARGIN, TILE_MARGIN, TILE_MARGIN))
    return tiles or [QRectF(0, 0, board.width, board.height)]


def split_tile(scene: BoardScene, tile: QRectF) -> tuple[QRectF, QRectF] | None:
    """A tall tile cut in two between rows of notes (never through a note), as near its middle
    as the rows allow; None when it has no such gap. Side by side, the two halves of a tall zone
    (board 1) fit a wide screen far better than the whole."""
    notes = [QRectF(n.x, n.y, n.w, n.h) for n in scene.document.project.notes
             if n.board == scene.board.id and tile.contains(QRectF(n.x, n.y, n.w, n.h))]
    # A cut where no note is crossed, with notes above it and below it.
    cuts = [r.top() - 6.0 for r in notes if any(o.bottom() <= r.top() - 6.0 for o in notes)
            and not any(o.top() < r.top() - 6.0 < o.bottom() for o in notes)]
    if not cuts:
        return None
    middle = tile.center().y()
    cut = min(cuts, key=lambda y: abs(y - middle))
    return QRectF(tile.left(), tile.top(), tile.width(), cut - tile.top()), QRectF(tile.left(), cut, tile.width(), tile.bottom() - cut)


def arrange(tiles: list[QRectF], width: float, height: float, gap: float = TILE_GAP) -> tuple[float, list[list[int]]]:
    """The scale and the rows (tile indexes, reading order) that show `tiles` largest in a
    width x height area, every tile at the same scale."""
    best: tuple[float, list[list[int]]] = (0.0, [])
    n = len(tiles)
    for row_count in range(1, n + 1):
        per_row = -(-n // row_count)
        rows = [list(range(i, min(n, i + per_row))) for i in range(0, n, per_row)]
        widest = max(sum(tiles[i].width() for i in row) for row in rows)
        tallest = sum(max(tiles[i].height() for i in row) for row in rows)
        gaps_w = gap * (per_row - 1)
        scale = min((width - gaps_w) / max(1.0, widest), (height - gap * (len(rows) - 1)) / max(1.0, tallest))
        if scale > best[0] + 1e-6:
            best = (scale, rows)
    return best


class ProjectorWindow(QWidget):
    closed = Signal()
    blanked_changed = Signal(bool)

    def __init__(self, parent=None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle("Kompetencedialog – projektor")
        # The keyboard stays with the main window (the secretary types on while it opens); the
        # main window raises it above itself.
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setStyleSheet("background: #101418; color: #FFFFFF;")
        self.step = QLabel()  # the header: the board on show
        self.step.setFont(theme.font(26, bold=True))
        self.step.setWordWrap(True)  # a long board title takes two lines beside the timer, never cut
        self.timer = TimerDisplay(44)
        self.timer.setMinimumWidth(320)
        self.tile_area = _TileArea(self)
        self.views: list[QGraphicsView] = []
        self.view = self._new_view()  # the first tile (the only one while one zone is in use)
        self.question = QLabel()
        self.question.setFont(theme.font(28, bold=True))
        self.question.setWordWrap(True)
        self.question.setStyleSheet("background: #FFF7D6; color: #111111; padding: 10px 24px; border-radius: 8px;")
        self.blank = QLabel("Pause")
        self.blank.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.blank.setFont(theme.font(60, bold=True))
        self.blank.setStyleSheet("background: #000000; color: #555555;")
        self._scene: BoardScene | None = None
        # Many notes typed in a row refit once, after the last one.
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(0)
        self._refit.timeout.connect(self.fit)

        top = QHBoxLayout()
        top.addWidget(self.step, 1)
        top.addWidget(self.timer)
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(16, 8, 16, 8)
        column.setSpacing(6)
        column.addLayout(top)
        column.addWidget(self.tile_area, 1)
        column.addWidget(self.question)
        self.stack = QStackedLayout(self)
        self.stack.addWidget(content)
        self.stack.addWidget(self.blank)

    def _new_view(self) -> QGraphicsView:
        view = _TileView(self.tile_area)
        view.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setInteractive(False)  # the room looks; the facilitator's window edits
        view.setFrameShape(QGraphicsView.Shape.NoFrame)
        view.setScene(self._scene if hasattr(self, "_scene") else None)
        self.views.append(view)
        return view

    # --- what it shows ----------------------------------------------------------------------
    def show_scene(self, scene: BoardScene | None) -> None:
        if self._scene is not None:
            try:
                self._scene.document.notes_changed.disconnect(self._notes_changed)
            except (RuntimeError, TypeError):
                pass
        self._scene = scene if isinstance(scene, BoardScene) else None
        for view in self.views:
            view.setScene(scene)
        if self._scene is not None:
            board = self._scene.board
            self.step.setText(f"{board.number}  {board.title}")
            self._scene.document.notes_changed.connect(self._notes_changed)
        else:
            self.step.setText("")
        self.fit()

    def _notes_changed(self, _ids) -> None:
        self._refit.start()

    def shown_rect(self) -> QRectF:
        """What the room sees of the board: all the tiles (see zone_tiles)."""
        shown = QRectF()
        for view in self.views:
            if view.isVisibleTo(self) and view.scene() is not None:
                shown = shown.united(view.sceneRect())
        return shown

    def view_of(self, item) -> QGraphicsView:
        """The tile view that shows `item` (all tiles have the same scale)."""
        rect = item.sceneBoundingRect()
        return next((v for v in self.views if v.isVisibleTo(self) and v.sceneRect().intersects(rect)), self.view)

    def fit(self) -> None:
        if self._scene is None:
            return
        area = self.tile_area.rect()
        width, height = max(1.0, area.width()), max(1.0, area.height())
        tiles = zone_tiles(self._scene)
        scale, rows = arrange(tiles, width, height)
        for _ in range(6):  # a tall tile in two halves side by side, while that makes the notes larger
            tallest = max(range(len(tiles)), key=lambda i: tiles[i].height())
            if tiles[tallest].height() <= tiles[tallest].width():
                break  # only a tall zone: a short one in pieces reads as two zones
            halves = split_tile(self._scene, tiles[tallest])
            if halves is None:
                break
            candidate = tiles[:tallest] + list(halves) + tiles[tallest + 1:]
            better, better_rows = arrange(candidate, width, height)
            if min(better, MAX_SCALE) <= min(scale, MAX_SCALE) * 1.05:
                break
            tiles, scale, rows = candidate, better, better_rows
        used = self._scene.used_rect()
        whole = min(width / max(1.0, used.width()), height / max(1.0, used.height()))
        if len(tiles) > 1 and whole >= scale * 0.97:  # the board's own arrangement is as large: keep it
            tiles, scale, rows = [used], whole, [[0]]
        scale = min(scale, MAX_SCALE)  # one or two notes: big, not gigantic
        while len(self.views) < len(tiles):
            self._new_view()
        total_h = sum(max(tiles[i].height() for i in row) * scale for row in rows) + TILE_GAP * (len(rows) - 1)
        y = (height - total_h) / 2
        for row in rows:
            row_w = sum(tiles[i].width() * scale for i in row) + TILE_GAP * (len(row) - 1)
            x = (width - row_w) / 2
            for i in row:
                view, tile = self.views[i], tiles[i]
                view.setSceneRect(tile)
                view.fade_cut_help(self._scene.board, tile)
                view.setGeometry(round(x), round(y), round(tile.width() * scale), round(tile.height() * scale))
                view.setTransform(QTransform.fromScale(scale, scale))
                view.centerOn(tile.center())
                view.show()
                x += tile.width() * scale + TILE_GAP
            y += max(tiles[i].height() for i in row) * scale + TILE_GAP
        for view in self.views[len(tiles):]:
            view.hide()
        policy = getattr(self._scene, "note_cache", None)
        if policy is not None:
            policy.refresh()  # room in the pixmap cache for this view's pictures of the notes too

    def show_card(self, card: Card | None) -> None:
        self.show_question(card.questions[0] if card else "")

    def show_question(self, text: str) -> None:
        """The question the room is asked now (the agenda step's own, or the current card's)."""
        self.question.setText(text)
        self.question.setVisible(bool(text))

    def show_timer(self, timer: AgendaTimer, step_title: str = "") -> None:
        """The timer of the agenda step; the header stays the board's (the room sees that)."""
        self.timer.show_timer(timer)
        self.timer.setToolTip(step_title)

    @property
    def blanked(self) -> bool:
        return self.stack.currentWidget() is self.blank

    def toggle_blank(self) -> None:
        showing = self.blanked
        self.stack.setCurrentWidget(self.stack.widget(0) if showing else self.blank)
        self.blanked_changed.emit(self.blanked)

    # --- where it shows ---------------------------------------------------------------------
    @staticmethod
    def default_screen(main_screen: QScreen | None) -> QScreen:
        screens = QGuiApplication.screens()
        others = [s for s in screens if s is not main_screen]
        return others[0] if others else (main_screen or QGuiApplication.primaryScreen())

    def place_on(self, screen: QScreen, full_screen: bool) -> None:
        # A second screen gets the whole of it, no frame; on the facilitator's own screen it is a
        # normal window with a frame, to be moved and resized (or dragged to a projector).
        self.setWindowFlag(Qt.WindowType.FramelessWindowHint, full_screen)
        self.setScreen(screen)
        if full_screen:
            self.setGeometry(screen.geometry())
            self.showFullScreen()
        else:
            # Inside the screen's free area, centred: the big header letters must not push the
            # window's minimum past a laptop screen or the window manager place it half off it.
            geometry = screen.availableGeometry()
            self.setMinimumSize(min(480, geometry.width()), min(320, geometry.height()))
            size = QSize(int(geometry.width() * 0.75), int(geometry.height() * 0.75))
            self.resize(size)
            frame = QRect(QPoint(0, 0), size)
            frame.moveCenter(geometry.center())
            self.move(frame.topLeft())
            self.showNormal()
        self.fit()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_B:
            self.toggle_blank()
        elif event.key() == Qt.Key.Key_Escape:
            self.close()
        else:
            super().keyPressEvent(event)

    def closeEvent(self, event) -> None:
        if self.blanked:
            self.toggle_blank()  # the main window's "blanked" mark goes with the projector
        self.closed.emit()
        super().closeEvent(event)


class _TileView(QGraphicsView):
    """One tile. Where the tile leaves out a zone's empty right part, the zone's help line (which
    runs the zone's whole width) fades out at the tile's edge instead of being cut off hard."""

    FADE = 70.0  # board units

    def __init__(self, parent=None):
        super().__init__(parent)
        self._fade: tuple[QRectF, QColor] | None = None

    def fade_cut_help(self, board, tile: QRectF) -> None:
        zone = board.zone_at(tile.center().x(), tile.top() + 60.0)
        self._fade = None
        if zone is not None and tile.right() < zone.rect.x + zone.rect.w - 20:
            band = QRectF(tile.right() - self.FADE, zone.rect.y + 38.0, self.FADE, 48.0)
            self._fade = (band, QColor(zone.colour))

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        super().drawForeground(painter, rect)
        if self._fade is None:
            return
        band, colour = self._fade
        gradient = QLinearGradient(band.left(), 0, band.right(), 0)
        clear = QColor(colour)
        clear.setAlpha(0)
        gradient.setColorAt(0.0, clear)
        gradient.setColorAt(0.75, colour)
        gradient.setColorAt(1.0, colour)
        painter.fillRect(band, gradient)


class _TileArea(QWidget):
    """Where the tiles go: a plain area the projector lays its tile views out in."""

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        window = self.parent()
        if isinstance(window, ProjectorWindow):
            window.fit()


class BlankIndicator(QLabel):
    """In the main window's status bar while the projector is blanked, so the facilitator knows
    the room sees black. It removes itself when the projector closes."""

    def __init__(self, projector: ProjectorWindow, parent=None):
        super().__init__("Projektoren er sort (pause) – Ctrl+B viser den igen", parent)
        self.setStyleSheet("background: #111111; color: #FFFFFF; font-weight: bold; padding: 2px 10px; border-radius: 4px;")
        self.setVisible(projector.blanked)
        projector.blanked_changed.connect(self.setVisible)
        projector.closed.connect(self.deleteLater)
