"""The extracted narrative text of the page shown, with the words findings concern highlighted.

A finding's location is a box on the page; the narrative knows each character's box, so the
highlighted words are the characters whose centres fall in a finding's boxes.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit, QWidget

from core.checks.model import Finding
from core.narrative import Narrative
from gui.table_model import CELL_COLORS

SELECTED = "#fff176"


class TextPanel(QTextEdit):
    findingClicked = Signal(str)
    selectionForNote = Signal(int, int, str)  # narrative start, end, quoted text

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self._narrative: Narrative | None = None
        self._findings: list[Finding] = []
        self._offset = 0  # narrative offset of the first character shown
        self._spans: dict[str, list[tuple[int, int]]] = {}
        self._severity: dict[str, str] = {}
        self._selected = ""
        self._page = 0
        self._placeholder = True  # the text shown is a message, not the document's

    def set_document(self, narrative: Narrative | None, findings: list[Finding]) -> None:
        self._narrative = narrative
        self._findings = findings
        self._severity = {f.fingerprint: f.severity for f in findings}
        self._page = 0
        self._spans = {}  # they index the text of the page shown before
        self._selected = ""
        self.clear()

    def show_page(self, page: int) -> None:
        nar = self._narrative
        if nar is None or page == self._page:
            return
        self._page = page
        offsets = [i for i, ref in enumerate(nar.refs) if ref is not None and ref[0] == page]
        self._placeholder = not offsets
        if not offsets:
            self._offset = 0
            self.setPlainText(self.tr("（本页没有说明文字：可能全是表格，或是目录、封面）"))
            self._spans = {}
            return
        self._offset = offsets[0]
        self.setPlainText(nar.text[offsets[0]:offsets[-1] + 1])
        self._spans = self._find_spans(page, offsets)
        self._paint()

    def _find_spans(self, page: int, offsets: list[int]) -> dict[str, list[tuple[int, int]]]:
        assert self._narrative is not None
        refs = self._narrative.refs
        spans: dict[str, list[tuple[int, int]]] = {}
        for f in self._findings:
            boxes = [loc.bbox for loc in f.locations if loc.page == page and loc.bbox and loc.table is None]
            if not boxes:
                continue
            hits = []
            for i in offsets:
                ch = refs[i][1]  # type: ignore[index]
                cx, cy = (ch.x0 + ch.x1) / 2, (ch.top + ch.bottom) / 2
                if any(b[0] <= cx <= b[2] and b[1] <= cy <= b[3] for b in boxes):
                    hits.append(i - self._offset)
            if hits:
                spans[f.fingerprint] = _runs(hits)
        return spans

    def select_finding(self, fingerprint: str) -> None:
        self._selected = fingerprint
        self._paint()
        first = self._spans.get(fingerprint)
        if first:
            cursor = self.textCursor()
            cursor.setPosition(first[0][0])
            self.setTextCursor(cursor)
            self.ensureCursorVisible()

    def _paint(self) -> None:
        selections: list[Any] = []
        for key, runs in self._spans.items():
            fmt = QTextCharFormat()
            color = SELECTED if key == self._selected else CELL_COLORS.get(self._severity.get(key, ""), "#eeeeee")
            fmt.setBackground(QColor(color))
            if key == self._selected:
                fmt.setFontUnderline(True)
            for start, end in runs:
                sel = QTextEdit.ExtraSelection()
                cursor = QTextCursor(self.document())
                cursor.setPosition(start)
                cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
                sel.cursor = cursor  # type: ignore[attr-defined]
                sel.format = fmt  # type: ignore[attr-defined]
                selections.append(sel)
        self.setExtraSelections(selections)

    def selected_span(self) -> tuple[int, int, str] | None:
        """The reviewer's selection as narrative offsets, for a text note."""
        cursor = self.textCursor()
        if not cursor.hasSelection() or self._placeholder:
            return None
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        return start + self._offset, end + self._offset, cursor.selectedText()

    def note_anchor(self) -> dict[str, Any] | None:
        """The selection as a text note's anchor: narrative offsets, the quote, and the page and
        box where it is printed (so exports can mark it on the PDF)."""
        span = self.selected_span()
        if span is None or self._narrative is None or self._placeholder:
            return None
        start, end, quote = span
        boxes = self._narrative.boxes(start, end)
        anchor: dict[str, Any] = {"start": start, "end": end, "quote": quote.replace("\u2029", "\n")}
        if boxes:
            page = boxes[0][0]
            on_page = [b for p, b in boxes if p == page]
            anchor.update(page=page, bbox=(min(b[0] for b in on_page), min(b[1] for b in on_page),
                                           max(b[2] for b in on_page), max(b[3] for b in on_page)))
        return anchor

    def show_span(self, start: int, end: int) -> None:
        """Select a text note's span, if it is on the page shown."""
        length = len(self.toPlainText())
        a, b = start - self._offset, end - self._offset
        if 0 <= a <= b <= length:
            cursor = self.textCursor()
            cursor.setPosition(a)
            cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
            self.setTextCursor(cursor)
            self.ensureCursorVisible()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if self.textCursor().hasSelection():
            return
        pos = self.cursorForPosition(event.position().toPoint()).position()
        for key, runs in self._spans.items():
            if any(start <= pos < end for start, end in runs):
                self.findingClicked.emit(key)
                return


def _runs(positions: list[int]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for p in positions:
        if out and p <= out[-1][1] + 1:
            out[-1] = (out[-1][0], p + 1)
        else:
            out.append((p, p + 1))
    return out
