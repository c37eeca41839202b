"""The review panel: progress, every note, orphans and conflicts; Enter goes to a note's place,
F2 edits it, Delete removes it (it stays in the review's log)."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton,
                               QTableView, QVBoxLayout, QWidget)

from gui.notes_model import ItemRole, NotesModel, ReviewItem


class _NotesView(QTableView):
    activated_item = Signal()
    edit_wanted = Signal()
    delete_wanted = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.activated_item.emit()
        elif key == Qt.Key.Key_F2:
            self.edit_wanted.emit()
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_wanted.emit()
        else:
            super().keyPressEvent(event)
            return
        event.accept()


class NotesPanel(QWidget):
    itemActivated = Signal(object)  # ReviewItem: go to its place
    editRequested = Signal(object)  # ReviewItem with a Note
    deleteRequested = Signal(object)
    conflictsRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = NotesModel(self)
        self.progress = QLabel(self)
        self.progress.setWordWrap(True)
        self.view = _NotesView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.view.doubleClicked.connect(lambda _index: self._emit(self.itemActivated))
        self.view.activated_item.connect(lambda: self._emit(self.itemActivated))
        self.view.edit_wanted.connect(lambda: self._emit(self.editRequested, notes_only=True))
        self.view.delete_wanted.connect(lambda: self._emit(self.deleteRequested, notes_only=True))
        self.go = QPushButton(self.tr("转到"), self)
        self.edit = QPushButton(self.tr("编辑（F2）"), self)
        self.delete = QPushButton(self.tr("删除（Del）"), self)
        self.conflicts = QPushButton(self.tr("处理合并冲突…"), self)
        self.go.clicked.connect(lambda: self._emit(self.itemActivated))
        self.edit.clicked.connect(lambda: self._emit(self.editRequested, notes_only=True))
        self.delete.clicked.connect(lambda: self._emit(self.deleteRequested, notes_only=True))
        self.conflicts.clicked.connect(self.conflictsRequested)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._enable())
        buttons = QHBoxLayout()
        for b in (self.go, self.edit, self.delete):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.conflicts)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.progress)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self._enable()

    def current(self) -> ReviewItem | None:
        index = self.view.currentIndex()
        return index.data(ItemRole) if index.isValid() else None

    def select_note(self, note_id: str) -> None:
        row = self.model.row_of_note(note_id)
        if row is not None:
            self.view.setCurrentIndex(self.model.index(row, 0))
            self.view.scrollTo(self.model.index(row, 0))

    def refresh(self, progress: str, has_conflicts: bool) -> None:
        """Called after set_items: keep the reviewer's place in the list where possible."""
        self.progress.setText(progress)
        self.conflicts.setVisible(has_conflicts)
        self.view.resizeColumnToContents(0)
        self.view.resizeColumnToContents(1)
        self._enable()

    def _emit(self, signal: Signal, notes_only: bool = False) -> None:
        item = self.current()
        if item is None or (notes_only and item.kind == "conflict"):
            return
        if notes_only and not hasattr(item.value, "body"):
            return
        signal.emit(item)  # type: ignore[attr-defined]

    def _enable(self) -> None:
        item = self.current()
        is_note = item is not None and hasattr(item.value, "body")
        self.go.setEnabled(item is not None and item.kind != "conflict")
        self.edit.setEnabled(is_note)
        self.delete.setEnabled(is_note)

    def focus_list(self) -> None:
        self.view.setFocus()
        if not self.view.currentIndex().isValid() and self.model.rowCount() > 0:
            self.view.setCurrentIndex(self.model.index(0, 0, QModelIndex()))
