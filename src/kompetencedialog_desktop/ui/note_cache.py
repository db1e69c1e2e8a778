"""How much room the post-its' pictures get.

Each note is cached by Qt as a pixmap at the view's zoom (DeviceCoordinateCache), so a repaint
is a blit. Those pixmaps live in Qt's one global QPixmapCache; when it is smaller than what the
visible notes need, every repaint draws the evicted notes again (a stutter on every frame), and
when it is much larger it keeps pictures of zoom levels and boards nobody looks at (memory).
So its limit follows what the views of the shown board need: the visible notes at each view's
scale (the projector's too), with some headroom; it is checked whenever a view's zoom changes.

(Pictures at fixed zoom levels, scaled in between, would make zooming cheaper, but Qt draws a
fixed-size ItemCoordinateCache at its pixel size instead of the item's size, so notes came out
too big or too small; see tests/test_board_lazy_ui.py.)
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QPixmapCache
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsView

from .note_item import NoteItem

MIN_CACHE_KB = 10 * 1024  # Qt's default
HEADROOM, EXTRA_KB = 1.25, 8 * 1024  # board background, selection redraws, notes being added

_limit_owner: "NoteCachePolicy | None" = None


class NoteCachePolicy(QObject):
    def __init__(self, scene: QGraphicsScene):
        super().__init__(scene)
        self.scene = scene
        self._watched: set[int] = set()
        self._seen: dict[int, float] = {}

    def watch(self, view: QGraphicsView) -> None:
        """Look at the view's zoom before each of its paints (zoom, resize, fit: all end in one)."""
        if id(view) not in self._watched:
            self._watched.add(id(view))
            view.viewport().installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Paint:
            view = obj.parent()
            scale = view.transform().m11() * view.devicePixelRatioF()
            seen = self._seen.get(id(view))
            if seen != scale or _limit_owner is not self:
                if seen is not None and seen != scale:
                    self.drop_pictures()  # the last zoom's pictures: never shown again, see drop_pictures()
                self._seen[id(view)] = scale
                self.refresh()
        elif kind == QEvent.Type.Hide and not any(v.isVisible() for v in self.scene.views()):
            self.drop_pictures()  # another board is shown: its pictures need the room
            self._seen.pop(id(obj.parent()), None)
        return False

    def drop_pictures(self) -> None:
        """Free the notes' cached pictures now, without a repaint.

        After a zoom Qt draws each note into a new picture and leaves the old one in the cache
        until the cache is full: memory rose to the cache's limit at every zoom (~100 MB more
        on a 2,000-note board), for pictures nobody sees. Setting the same cache mode again
        drops an item's pictures (of every view) and asks for no repaint (QGraphicsItem)."""
        for item in self._notes():
            if item.cacheMode() == QGraphicsItem.CacheMode.DeviceCoordinateCache:
                item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def refresh(self) -> None:
        """Call when a view of the scene changed its zoom or size (a projector's fit, say)."""
        global _limit_owner
        views = [v for v in self.scene.views() if v.isVisible()]
        for view in views:
            self.watch(view)
        if not views:
            return
        _limit_owner = self
        QPixmapCache.setCacheLimit(max(MIN_CACHE_KB, self.need_kb(views)))

    def need_kb(self, views: list[QGraphicsView]) -> int:
        """Bytes of the pictures of every note each view shows, at that view's scale."""
        notes = self._notes()
        area = 0.0
        for view in views:
            scale = view.transform().m11() * view.devicePixelRatioF()
            shown = view.mapToScene(view.viewport().rect()).boundingRect()
            for item in notes:
                rect = item.sceneBoundingRect()
                if shown.intersects(rect):
                    area += (rect.width() * scale + 2) * (rect.height() * scale + 2)
        return int(area * 4 * HEADROOM / 1024) + EXTRA_KB

    def _notes(self) -> list[NoteItem]:
        by_id = getattr(self.scene, "items_by_id", None)
        # scene.items() would sort all items by stacking order: ~40 ms for 2,000 notes.
        return list(by_id.values()) if by_id is not None else [
            i for i in self.scene.items() if isinstance(i, NoteItem)]
