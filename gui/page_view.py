"""The rendered page with every finding's boxes, in PDF points as scene units.

The pixmap is rendered at the zoom the view needs (by gui.render.Renderer) and scaled back to
points, so boxes from core (points, top-left origin, as displayed) are drawn as they are.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (QBrush, QColor, QImage, QKeyEvent, QMouseEvent, QPainter, QPen, QPixmap,
                           QWheelEvent)
from PySide6.QtWidgets import QGraphicsPixmapItem, QGraphicsRectItem, QGraphicsScene, QGraphicsView, QWidget

from gui.findings_model import SEVERITY_COLORS

ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0)


@dataclass(frozen=True)
class Box:
    key: str  # the finding's fingerprint, or "note:<id>"
    severity: str  # error / warn / info / manual / note
    page: int
    rect: tuple[float, float, float, float]


class BoxItem(QGraphicsRectItem):
    def __init__(self, box: Box) -> None:
        x0, y0, x1, y1 = box.rect
        super().__init__(QRectF(x0 - 1.5, y0 - 1.5, x1 - x0 + 3, y1 - y0 + 3))
        self.box = box
        self.set_emphasis(False)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def set_emphasis(self, on: bool) -> None:
        color = QColor(SEVERITY_COLORS.get(self.box.severity, "#2e7d32"))
        pen = QPen(color, 2.4 if on else 1.0)
        pen.setCosmetic(True)
        self.setPen(pen)
        fill = QColor(color)
        fill.setAlpha(70 if on else 22)
        self.setBrush(QBrush(fill))
        self.setZValue(2 if on else 1)


class PageView(QGraphicsView):
    boxClicked = Signal(str)
    regionDrawn = Signal(int, tuple)  # page, (x0, y0, x1, y1) in points: a region for a note
    drawingChanged = Signal(bool)
    renderWanted = Signal(int, float)  # page, scale
    zoomChanged = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        # a few dozen boxes, replaced on every page turn: a BSP index costs more than it saves
        self.scene().setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setBackgroundBrush(QBrush(QColor("#5f6368")))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # a scroll bar that comes and goes changes the width that "fit width" fits to, which
        # changes the zoom, which brings the bar back: an endless relayout that froze the window
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self._sizes: list[tuple[float, float]] = []
        self._page = 0
        self._zoom = 1.0
        self._fit = "width"  # width / page / none
        self._boxes: list[Box] = []
        self._note_boxes: list[Box] = []
        self._drawing = False  # the next drag draws a region to annotate
        self._drag_from: QPointF | None = None
        self._items: list[BoxItem] = []
        self._emphasised: tuple[str, int | None] = ("", None)
        self._pixmap = QGraphicsPixmapItem()
        self._pixmap.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene().addItem(self._pixmap)
        self._sheet = self.scene().addRect(QRectF(), QPen(Qt.PenStyle.NoPen), QBrush(Qt.GlobalColor.white))
        self._sheet.setZValue(-1)
        pen = QPen(QColor("#00897b"), 2.0, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        self._marker = self.scene().addRect(QRectF(), pen)
        self._marker.setZValue(3)
        self._marker.hide()
        band = QPen(QColor("#2e7d32"), 1.5, Qt.PenStyle.DashLine)
        band.setCosmetic(True)
        self._band = self.scene().addRect(QRectF(), band, QBrush(QColor(46, 125, 50, 40)))
        self._band.setZValue(4)
        self._band.hide()
        self._rerender = QTimer(self, singleShot=True, interval=120)
        self._rerender.timeout.connect(self._want_render)

    # document and page --------------------------------------------------------------------
    def set_document(self, sizes: list[tuple[float, float]]) -> None:
        self._sizes = sizes
        self._page = 0
        self._pixmap.setPixmap(QPixmap())

    @property
    def page(self) -> int:
        return self._page

    @property
    def page_count(self) -> int:
        return len(self._sizes)

    @property
    def zoom(self) -> float:
        return self._zoom

    def show_page(self, page: int) -> None:
        if not self._sizes or not 1 <= page <= len(self._sizes):
            return
        changed = page != self._page
        self._page = page
        w, h = self._sizes[page - 1]
        self.scene().setSceneRect(QRectF(-20, -20, w + 40, h + 40))
        self._sheet.setRect(QRectF(0, 0, w, h))
        if changed:
            if self._drawing:
                self.set_drawing(False)
            self._pixmap.setPixmap(QPixmap())
            self._marker.hide()
            self._draw_boxes()
        self._apply_fit()
        self._want_render()

    def set_image(self, page: int, scale: float, image: QImage) -> None:
        if page != self._page:
            return
        self._pixmap.setPixmap(QPixmap.fromImage(image))
        self._pixmap.setScale(1.0 / scale)
        self._pick_smoothing()

    def _pick_smoothing(self) -> None:
        """Smooth scaling only while the image is shown at another size than it was rendered:
        at 1:1 it would only cost time (a full-window page took ~15 ms a paint)."""
        shown = self._zoom * self.devicePixelRatioF() * self._pixmap.scale()
        exact = abs(shown - 1.0) < 0.02
        self._pixmap.setTransformationMode(Qt.TransformationMode.FastTransformation if exact
                                           else Qt.TransformationMode.SmoothTransformation)

    # boxes -----------------------------------------------------------------------------------
    def set_boxes(self, boxes: list[Box]) -> None:
        self._boxes = boxes
        self._draw_boxes()

    def set_note_boxes(self, boxes: list[Box]) -> None:
        """The reviewer's notes that have a place on a page (keys "note:<id>")."""
        self._note_boxes = boxes
        self._draw_boxes()

    def emphasise(self, key: str, location: int | None = None) -> None:
        """Draw key's boxes strongly (only its location-th box when given)."""
        self._emphasised = (key, location)
        for item in self._items:
            self._set_item_emphasis(item)

    def _set_item_emphasis(self, item: BoxItem) -> None:
        key, _ = self._emphasised
        item.set_emphasis(item.box.key == key)

    def _draw_boxes(self) -> None:
        for item in self._items:
            self.scene().removeItem(item)
        self._items = [BoxItem(b) for b in self._boxes + self._note_boxes if b.page == self._page]
        for item in self._items:
            self.scene().addItem(item)
            self._set_item_emphasis(item)

    def show_marker(self, page: int, rect: tuple[float, float, float, float] | None) -> None:
        """A dashed frame around a table cell the reviewer picked (no finding of its own)."""
        if rect is None or page != self._page:
            self._marker.hide()
            return
        x0, y0, x1, y1 = rect
        self._marker.setRect(QRectF(x0 - 2, y0 - 2, x1 - x0 + 4, y1 - y0 + 4))
        self._marker.show()

    def center_on_rect(self, rect: tuple[float, float, float, float]) -> None:
        x0, y0, x1, y1 = rect
        self.ensureVisible(QRectF(x0, y0, x1 - x0, y1 - y0), 60, 80)

    # zoom ------------------------------------------------------------------------------------
    def fit_width(self) -> None:
        self._fit = "width"
        self._apply_fit()

    def fit_page(self) -> None:
        self._fit = "page"
        self._apply_fit()

    def zoom_by(self, steps: int) -> None:
        current = min(range(len(ZOOM_STEPS)), key=lambda i: abs(ZOOM_STEPS[i] - self._zoom))
        self._fit = "none"
        self._set_zoom(ZOOM_STEPS[max(0, min(len(ZOOM_STEPS) - 1, current + steps))])

    def _apply_fit(self) -> None:
        if not self._sizes or not self._page:
            return
        w, h = self._sizes[self._page - 1]
        view = self.viewport().size()
        if self._fit == "width":
            self._set_zoom(max(0.1, (view.width() - 30) / w))
        elif self._fit == "page":
            self._set_zoom(max(0.1, min((view.width() - 30) / w, (view.height() - 30) / h)))

    def _set_zoom(self, zoom: float) -> None:
        if abs(zoom - self._zoom) < 1e-3 and not self.transform().isIdentity():
            return
        self._zoom = zoom
        self.resetTransform()
        self.scale(zoom, zoom)
        self._pick_smoothing()
        self.zoomChanged.emit(zoom)
        self._rerender.start()

    def _want_render(self) -> None:
        if self._page:
            ratio = self.devicePixelRatioF()
            self.renderWanted.emit(self._page, max(0.1, round(self._zoom * ratio, 3)))

    # events ----------------------------------------------------------------------------------
    def resizeEvent(self, event) -> None:  # noqa: ANN001 (Qt event)
        super().resizeEvent(event)
        self._apply_fit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_by(1 if event.angleDelta().y() > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

    # drawing a region to annotate ------------------------------------------------------------
    @property
    def drawing(self) -> bool:
        return self._drawing

    def set_drawing(self, on: bool) -> None:
        """While on, a drag on the page draws a rectangle (Esc leaves the mode)."""
        self._drawing = on and self._page > 0
        self._drag_from = None
        self._band.hide()
        self.setDragMode(QGraphicsView.DragMode.NoDrag if self._drawing
                         else QGraphicsView.DragMode.ScrollHandDrag)
        self.viewport().setCursor(Qt.CursorShape.CrossCursor if self._drawing
                                  else Qt.CursorShape.OpenHandCursor)
        self.drawingChanged.emit(self._drawing)

    def _page_point(self, event: QMouseEvent) -> QPointF:
        p = self.mapToScene(event.position().toPoint())
        w, h = self._sizes[self._page - 1]
        return QPointF(min(max(p.x(), 0.0), w), min(max(p.y(), 0.0), h))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._drawing and event.key() == Qt.Key.Key_Escape:
            self.set_drawing(False)
            event.accept()
            return
        super().keyPressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drawing and self._drag_from is not None:
            self._band.setRect(QRectF(self._drag_from, self._page_point(event)).normalized())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drawing and self._drag_from is not None:
            rect = QRectF(self._drag_from, self._page_point(event)).normalized()
            page = self._page
            self.set_drawing(False)
            if rect.width() >= 3 and rect.height() >= 3:  # a click is not a region
                self.regionDrawn.emit(page, (rect.left(), rect.top(), rect.right(), rect.bottom()))
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self._drawing and event.button() == Qt.MouseButton.LeftButton:
            self._drag_from = self._page_point(event)
            self._band.setRect(QRectF(self._drag_from, self._drag_from))
            self._band.show()
            event.accept()
            return
        if event.button() == Qt.MouseButton.LeftButton:
            hit = self._box_at(self.mapToScene(event.position().toPoint()))
            if hit is not None:
                self.boxClicked.emit(hit.box.key)
                event.accept()
                return
        super().mousePressEvent(event)

    def _box_at(self, point: QPointF) -> BoxItem | None:
        hits = [i for i in self._items if i.rect().contains(point)]
        return min(hits, key=lambda i: i.rect().width() * i.rect().height()) if hits else None
