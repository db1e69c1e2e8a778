"""The zoomable, pannable view of a board: Ctrl+wheel and pinch zoom around the cursor,
space-drag, middle button and scroll to pan, fit to board."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QPalette, QPixmapCache, QWheelEvent
from PySide6.QtWidgets import QGraphicsView, QWidget

from .board_scene import BoardScene
from .zone_placement import show_status

MIN_SCALE, MAX_SCALE = 0.1, 6.0
# Post-its are cached as pixmaps at the current zoom (DeviceCoordinateCache), which makes a
# repaint of a busy board a blit instead of hundreds of text layouts. Qt's default 10 MB pixmap
# cache holds ~150 notes at fit zoom on 1920x1080, and LRU then misses on every note; 64 MB holds
# a full 700-note board.
PIXMAP_CACHE_KB = 64 * 1024
ZOOM_STEP = 1.2


class BoardView(QGraphicsView):
    def __init__(self, scene: BoardScene, parent=None):
        super().__init__(scene, parent)
        if QPixmapCache.cacheLimit() < PIXMAP_CACHE_KB:
            QPixmapCache.setCacheLimit(PIXMAP_CACHE_KB)
        self.board_scene = scene
        scene.message.connect(lambda text: show_status(self, text))
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # A projected board looks cleaner without bars; wheel, space-drag and middle button pan.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._own_viewport().grabGesture(Qt.GestureType.PinchGesture)
        self._space_down = False
        self._middle_pan: QPointF | None = None
        self._fitted = True
        self._painted = False

    def _own_viewport(self) -> QWidget:
        """A viewport made here, set up like Qt's own. Asking Qt for its own one from Python
        makes PySide6 look the widget's type up among the widget classes, building their enum
        types on the way (~6 ms CPU of the start-up, once per process)."""
        viewport = QWidget()
        viewport.setObjectName("qt_scrollarea_viewport")
        viewport.setBackgroundRole(QPalette.ColorRole.Base)
        viewport.setAutoFillBackground(True)
        self.setViewport(viewport)
        return viewport

    # --- zoom --------------------------------------------------------------------------
    @property
    def zoom(self) -> float:
        return self.transform().m11()

    def zoom_by(self, factor: float, anchor_under_mouse: bool = True) -> None:
        target = min(MAX_SCALE, max(MIN_SCALE, self.zoom * factor))
        if target == self.zoom:
            return
        self.setTransformationAnchor(
            QGraphicsView.ViewportAnchor.AnchorUnderMouse if anchor_under_mouse else QGraphicsView.ViewportAnchor.AnchorViewCenter
        )
        self.scale(target / self.zoom, target / self.zoom)
        self._fitted = False

    def fit_board(self) -> None:
        board = self.board_scene.board
        self.fitInView(QRectF(-10, -10, board.width + 20, board.height + 20), Qt.AspectRatioMode.KeepAspectRatio)
        self._fitted = True

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._fitted:
            self.fit_board()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._fitted:
            self.fit_board()

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.board_scene.warm_other_boards()  # in idle turns, after this first paint

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.zoom_by(ZOOM_STEP ** steps)
            event.accept()
        else:
            super().wheelEvent(event)  # scroll pans

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.NativeGesture and event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:
            self.zoom_by(1 + event.value())
            return True
        if event.type() == QEvent.Type.Gesture:
            pinch = event.gesture(Qt.GestureType.PinchGesture)
            if pinch is not None:
                self.zoom_by(pinch.scaleFactor())
                return True
        return super().viewportEvent(event)

    # --- pan ---------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat() and self.scene().focusItem() is None:
            self._space_down = True
            self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
            self.setInteractive(False)
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat() and self._space_down:
            self._space_down = False
            self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
            self.setInteractive(True)
            return
        super().keyReleaseEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.MiddleButton:
            self._middle_pan = event.position()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._middle_pan is not None:
            delta = event.position() - self._middle_pan
            self._middle_pan = event.position()
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - int(delta.x()))
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - int(delta.y()))
            self._fitted = False
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.MiddleButton and self._middle_pan is not None:
            self._middle_pan = None
            self.viewport().unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)
