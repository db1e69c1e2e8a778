"""Pictures of the boards for print: PNG per board and a PDF with one board per page.
Draws the same scene as the screen, so the picture is what the room saw."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import QGraphicsItem

from ..model.project import Project
from . import theme
from .board_scene import BoardScene
from .document import WorkshopDocument

PNG_SCALE = 1.0  # a 2000-unit board becomes 2000 px: ~320 dpi across a 16 cm column


def picture_rect(scene: BoardScene) -> QRectF:
    """The part of the board a picture shows: the part in use (as on the projector), widened to
    at least the board's own proportions so it fits a page column, within the board. Half a
    board in use prints its notes twice as large as the whole board would."""
    board = scene.board
    whole = QRectF(0, 0, board.width, board.height)
    used = scene.used_rect().intersected(whole)
    if used.isEmpty():
        return whole
    aspect = board.width / board.height
    width, height = max(used.width(), used.height() * aspect), max(used.height(), used.width() / aspect)
    rect = QRectF(0, 0, min(width, board.width), min(height, board.height))
    rect.moveCenter(used.center())
    # Slide back inside the board (never cut what is in use).
    rect.moveLeft(min(max(rect.left(), 0.0), board.width - rect.width()))
    rect.moveTop(min(max(rect.top(), 0.0), board.height - rect.height()))
    return rect


def _render(scene: BoardScene, painter: QPainter, target: QRectF, source: QRectF) -> None:
    scene.clearSelection()
    for item in scene.items():
        # Screen caches are pixmaps: in a PDF they would turn text into blurry pictures.
        item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing | QPainter.RenderHint.SmoothPixmapTransform)
    scene.render(painter, target, source, Qt.AspectRatioMode.KeepAspectRatio)


def _scenes(project: Project) -> tuple[WorkshopDocument, list[BoardScene]]:
    document = WorkshopDocument(project)
    return document, [BoardScene(document, board) for board in document.content.boards]


def board_pngs(project: Project, scale: float = PNG_SCALE) -> dict[str, bytes]:
    """{board_id: PNG bytes} for every board of the workshop."""
    document, scenes = _scenes(project)
    result: dict[str, bytes] = {}
    for scene in scenes:
        board = scene.board
        source = picture_rect(scene)
        # The same pixel width whatever part is shown: a smaller part is drawn larger.
        zoom = scale * board.width / source.width()
        image = QImage(int(source.width() * zoom), int(source.height() * zoom), QImage.Format.Format_RGB32)
        image.fill(theme.BOARD_BACKGROUND)
        painter = QPainter(image)
        _render(scene, painter, QRectF(0, 0, image.width(), image.height()), source)
        painter.end()
        result[board.id] = _png_bytes(image)
    document.deleteLater()
    return result


def zone_rect(scene: BoardScene, zone_id: str, margin: float = 16.0) -> QRectF:
    """The part of a zone a picture shows: its whole width (title and help line intact), from its
    top down to its lowest note (a zone's empty lower part is left out)."""
    r = scene.board.zone(zone_id).rect
    bottom = max((n.y + n.h for n in scene.document.project.notes if n.board == scene.board.id and n.zone == zone_id),
                 default=r.y + r.h)
    edge = 4.0  # the zone's outline, drawn on its edge
    return QRectF(r.x - edge, r.y - edge, r.w + 2 * edge, min(r.h, max(84.0, bottom + margin - r.y)) + 2 * edge)


def zone_parts(scene: BoardScene, zone_id: str, max_height: float) -> list[QRectF]:
    """zone_rect() cut into parts at most `max_height` high, each cut in a gap between rows of
    notes (never through a note), so a zone full to its bottom prints as large as a short one."""
    rect = zone_rect(scene, zone_id)
    notes = [n for n in scene.document.project.notes if n.board == scene.board.id and n.zone == zone_id]
    parts: list[QRectF] = []
    top = rect.top()
    while rect.bottom() - top > max_height:
        limit = top + max_height
        # A cut just above a note that starts low enough, where no note is crossed.
        cuts = [n.y - 6.0 for n in notes if top + 84.0 < n.y - 6.0 <= limit
                and not any(o.y < n.y - 6.0 < o.y + o.h for o in notes)]
        if not cuts:
            break  # one note taller than a page part: the picture is printed smaller instead
        cut = max(cuts)
        parts.append(QRectF(rect.left(), top, rect.width(), cut - top))
        top = cut
    parts.append(QRectF(rect.left(), top, rect.width(), rect.bottom() - top))
    return parts


def zone_pngs(project: Project, scale: float | None = None) -> dict[str, list[tuple[str, bytes]]]:
    """{board_id: [(zone title, PNG bytes)]} for each zone that holds notes, `scale` px per board
    unit. For print: a whole board in a 16 cm column prints its notes at ~5 pt (a long note
    3.6 pt); one zone on a landscape page prints even a long note's letters at 8 pt or more.
    A zone taller than a page's picture comes in parts (the later ones titled "fortsat").
    By default at the scale and part height the Word appendix expects (~250 dpi there)."""
    from ..storage.docx_export import ZONE_MAX_UNITS_HIGH, ZONE_PX_PER_UNIT  # python-docx on first export only

    scale = ZONE_PX_PER_UNIT if scale is None else scale
    document, scenes = _scenes(project)
    result: dict[str, list[tuple[str, bytes]]] = {}
    for scene in scenes:
        used = {n.zone for n in project.notes if n.board == scene.board.id}
        for zone in scene.board.zones:
            if zone.id not in used:
                continue
            for index, source in enumerate(zone_parts(scene, zone.id, ZONE_MAX_UNITS_HIGH)):
                image = QImage(round(source.width() * scale), round(source.height() * scale), QImage.Format.Format_RGB32)
                image.fill(theme.BOARD_BACKGROUND)
                painter = QPainter(image)
                _render(scene, painter, QRectF(0, 0, image.width(), image.height()), source)
                painter.end()
                title = zone.title if index == 0 else f"{zone.title} (fortsat)"
                result.setdefault(scene.board.id, []).append((title, _png_bytes(image)))
    document.deleteLater()
    return result


def _png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def boards_pdf(project: Project) -> bytes:
    """One A4 landscape page per board, titled, for printing or sharing."""
    document, scenes = _scenes(project)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(project.title or "Dialogplader")
    writer.setCreator("Kompetencedialog Desktop")
    writer.setResolution(300)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape, QMarginsF(10, 10, 10, 10)))
    painter = QPainter(writer)
    for index, scene in enumerate(scenes):
        if index:
            writer.newPage()
        page = QRectF(painter.viewport())
        painter.setFont(theme.font(10))  # a page caption, in points
        painter.setPen(theme.TEXT_MUTED)
        caption = f"{project.title}  ·  {project.workplace}" if project.workplace else project.title
        painter.drawText(QRectF(0, 0, page.width(), 60), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), caption)
        _render(scene, painter, QRectF(0, 80, page.width(), page.height() - 80), picture_rect(scene))
    painter.end()
    document.deleteLater()
    return bytes(data)


def write_pngs(project: Project, folder: Path) -> list[Path]:
    from ..storage.docx_export import write_export

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for board_id, png in board_pngs(project).items():
        path = folder / f"{board_id}.png"
        write_export(path, png)
        paths.append(path)
    return paths
