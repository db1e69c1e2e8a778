"""How post-its are cached as pictures, so a busy board zooms and drags without stutter.

Each note is drawn once into a pixmap and blitted on every repaint. Qt's per-device cache
redraws every visible note at each zoom step (2,000 notes: ~90 ms a step). Here the pixmaps are
drawn at a fixed resolution per zoom *level* (levels a factor 2**0.25 apart, always at least
as fine as the finest view of the scene, so pixmaps are only ever scaled down) and scaled by
the view in between (zooming out keeps the finer pixmaps until they are sqrt(2) too fine,
so going back and forth costs nothing). When a zoom crosses a level, the visible notes are redrawn at the new
level a few at a time over the next event-loop turns; until then they show their old pixmap,
scaled. The global pixmap cache is sized to what the visible notes need, not a fixed 64 MB.

Notes being edited (no cache) and notes added since the last level change (Qt's per-device
cache) are left as they are; the next level change takes them in.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QObject, QSize, QTimer
from PySide6.QtGui import QPixmapCache
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsView

from .note_item import NoteItem

LEVEL_STEP = 2 ** 0.25  # about one zoom step (1.2): at most 19 % more pixels than the view shows
KEEP_FINER = math.sqrt(2)  # zooming out keeps pictures up to this much too fine
CHUNK = 90  # notes redrawn per event-loop turn: ~10-15 ms of drawing on a slow laptop
MIN_CACHE_KB = 10 * 1024  # Qt's default
HEADROOM, EXTRA_KB = 1.2, 8 * 1024  # the board background, selection redraws, new notes

_limit_owner: "NoteCachePolicy | None" = None


def level_for(scale: float) -> float:
    """The smallest zoom level >= scale (levels are powers of LEVEL_STEP)."""
    return LEVEL_STEP ** math.ceil(math.log(scale, LEVEL_STEP) - 1e-9)


class NoteCachePolicy(QObject):
    def __init__(self, scene: QGraphicsScene):
        super().__init__(scene)
        self.scene = scene
        self.level: float | None = None
        self._queue: list[NoteItem] = []
        self._watched: set[int] = set()
        self._seen: dict[int, float] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._step)

    # --- when to look -------------------------------------------------------------------
    def watch(self, view: QGraphicsView) -> None:
        """Look at the view's zoom before each of its paints (zoom, resize, fit: all end in one)."""
        if id(view) not in self._watched:
            self._watched.add(id(view))
            view.viewport().installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            view = obj.parent()
            scale = view.transform().m11() * view.devicePixelRatioF()
            if self._seen.get(id(view)) != scale:
                self._seen[id(view)] = scale
                self.refresh()
            elif _limit_owner is not self:
                self._size_pixmap_cache()
        return False

    # --- which notes -------------------------------------------------------------------
    def _notes(self) -> list[NoteItem]:
        # scene.items() sorts all items by stacking order: ~40 ms for 2,000 notes.
        by_id = getattr(self.scene, "items_by_id", None)
        if by_id is not None:
            return list(by_id.values())
        return [i for i in self.scene.items() if isinstance(i, NoteItem)]

    @staticmethod
    def _visible(notes: list[NoteItem], views: list[QGraphicsView]) -> list[NoteItem]:
        rects = [v.mapToScene(v.viewport().rect()).boundingRect() for v in views]
        return [i for i in notes if any(r.intersects(i.sceneBoundingRect()) for r in rects)]

    # --- choosing the level -------------------------------------------------------------
    def _views(self) -> list[QGraphicsView]:
        return [v for v in self.scene.views() if v.isVisible()]

    def refresh(self) -> None:
        """Call when a view of the scene changed its zoom or size (a projector's fit, say)."""
        views = self._views()
        for view in views:
            self.watch(view)
        scales = [v.transform().m11() * v.devicePixelRatioF() for v in views]
        if not scales or max(scales) <= 0:
            return
        wanted = max(scales)
        if self.level is not None and wanted <= self.level < KEEP_FINER * wanted:
            return  # fine enough and not wastefully fine
        first = self.level is None
        old_need = self._need_kb() if not first else 0
        # The first pictures are drawn at exactly the view's scale (no more pixels than Qt's
        # own cache would draw for the first paint); later ones at the levels.
        self.level = wanted if first else level_for(wanted)
        # While the notes move to the new level, the old pixmaps are still being shown: keep
        # room for both, or the cache would evict them and redraw them at the old level.
        self._size_pixmap_cache(at_least_kb=old_need)
        notes = self._notes()
        if first:  # nothing drawn yet at any level: the coming paint draws them all anyway
            for item in notes:
                self._apply(item)
            return
        visible = set(self._visible(notes, views))
        # Top to bottom, so each turn repaints a band of the board rather than all of it.
        shown = sorted(visible, key=lambda i: (i.y(), i.x()))
        self._queue = shown + [i for i in notes if i not in visible]
        self._visible_left = len(visible)
        self._timer.start()

    def _step(self) -> None:
        """Redraw the next few visible notes; the hidden ones all at once (they draw nothing)."""
        if self._visible_left > 0:
            count = min(CHUNK, self._visible_left)
            self._visible_left -= count
        else:
            count = len(self._queue)
        batch, self._queue = self._queue[:count], self._queue[count:]
        for item in batch:
            if item.scene() is self.scene:
                self._apply(item)
        if self._queue:
            self._timer.start()
        else:
            self._size_pixmap_cache()  # done: shrink to what the new level needs

    def _apply(self, item: NoteItem) -> None:
        if item.cacheMode() == QGraphicsItem.CacheMode.NoCache:
            return  # being edited: it draws itself until editing ends
        rect = item.boundingRect()
        size = QSize(math.ceil(rect.width() * self.level), math.ceil(rect.height() * self.level))
        item.setCacheMode(QGraphicsItem.CacheMode.ItemCoordinateCache, size)

    @property
    def busy(self) -> bool:
        return bool(self._queue)

    # --- memory ---------------------------------------------------------------------------
    def _size_pixmap_cache(self, at_least_kb: int = 0) -> None:
        """Room for every note a view shows at the current level (all views, with headroom)."""
        global _limit_owner
        if self.level is None:
            return
        _limit_owner = self
        QPixmapCache.setCacheLimit(max(MIN_CACHE_KB, at_least_kb, self._need_kb()))

    def _need_kb(self) -> int:
        area = 0.0
        for item in self._visible(self._notes(), self._views()):
            r = item.boundingRect()
            area += (r.width() * self.level + 1) * (r.height() * self.level + 1)
        return int(area * 4 * HEADROOM / 1024) + EXTRA_KB
