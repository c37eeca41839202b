"""The reviewer's window: findings | page | tables and text, with a document bar on top.

Opening a file shows its first page at once (rendered here) while the analysis runs in the
worker process; findings, tables and text arrive together when it is done.
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import (QFileDialog, QListWidget, QListWidgetItem, QMainWindow, QProgressBar,
                               QPushButton, QSplitter, QTabWidget, QToolBar, QVBoxLayout, QWidget)

from core import APP_NAME
from gui.actions import build_actions, commands
from gui.analysis_service import AnalysisService
from gui.doc_bar import DocumentBar
from gui.errors import show_error
from gui.export_commands import ExportCommands
from gui.findings_panel import FindingsPanel
from gui.notes_panel import NotesPanel
from gui.page_view import PageView
from gui.render import Renderer
from gui.review_controller import ReviewController
from gui.selection import Selection
from gui.tables_panel import TablesPanel
from gui.text_panel import TextPanel
from gui.window_commands import WindowCommands

log = logging.getLogger(__name__)
MAX_RECENT = 10


class MainWindow(WindowCommands, ExportCommands, QMainWindow):
    analysisDone = Signal(bool)  # succeeded?
    pageRendered = Signal(int)

    def __init__(self, settings: QSettings | None = None) -> None:
        super().__init__()
        self.settings = settings or QSettings()
        self.report: Any = None
        self.path: str | None = None
        self.setWindowTitle(APP_NAME)
        self.setAcceptDrops(True)

        self.doc_bar = DocumentBar(self)
        self.findings = FindingsPanel(self)
        self.page_view = PageView(self)
        self.pages = QListWidget(self)
        self.pages.setMaximumWidth(96)
        self.pages.currentRowChanged.connect(lambda row: self.selection.go_to_page(row + 1) if row >= 0 else None)
        self.tables = TablesPanel(self)
        self.text = TextPanel(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.tables, self.tr("表格"))
        self.tabs.addTab(self.text, self.tr("说明文字"))
        self.notes = NotesPanel(self)
        self.tabs.addTab(self.notes, self.tr("审核记录"))
        self.selection = Selection(self.findings, self.page_view, self.tables, self.text, self)
        self.selection.pageShown.connect(self._page_shown)
        self.review = ReviewController(self, self.settings, self.notes)
        self.review.noteNavigated.connect(self.selection.show_note)
        self.selection.noteClicked.connect(self.review.note_clicked)
        self.page_view.regionDrawn.connect(self.review.region_drawn)

        middle = QSplitter(Qt.Orientation.Horizontal, self)
        middle.addWidget(self.pages)
        middle.addWidget(self.page_view)
        middle.setStretchFactor(1, 1)
        middle.setSizes([90, 600])
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.findings)
        self.splitter.addWidget(middle)
        self.splitter.addWidget(self.tabs)
        self.splitter.setSizes([430, 690, 380])
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.doc_bar)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(220)
        self.progress.setRange(0, 100)
        self.cancel_button = QPushButton(self.tr("取消"), self)
        self.cancel_button.clicked.connect(self.cancel_analysis)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.cancel_button)
        self._set_busy(False)

        self.actions_by_name = build_actions(self, [self, self.review])
        self._build_menus()
        self.renderer = Renderer()
        self.renderer.opened.connect(self._opened)
        self.renderer.rendered.connect(self._rendered)
        self.page_view.renderWanted.connect(self.renderer.request)
        self.renderer.start()
        self.service = AnalysisService(self)
        self.service.progress.connect(self._progress)
        self.service.finished.connect(self._finished)
        self.service.failed.connect(self._failed)
        self.service.cancelled.connect(self._cancelled)
        self.service.exported.connect(self._exported)
        self.service.exportFailed.connect(self._export_failed)
        self.resize(1500, 900)
        self._restore_layout()

    # menus -----------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        menus: dict[str, Any] = {}
        toolbar = QToolBar(self.tr("工具栏"), self)
        toolbar.setObjectName("main-toolbar")
        self.addToolBar(toolbar)
        for cmd in commands():
            menu = menus.get(cmd.menu) or menus.setdefault(cmd.menu, self.menuBar().addMenu(cmd.menu))
            menu.addAction(self.actions_by_name[cmd.name])
            if cmd.name in ("open_dialog", "previous_finding", "next_finding", "zoom_out", "zoom_in",
                            "fit_width", "fit_page"):
                toolbar.addAction(self.actions_by_name[cmd.name])
        beside = QAction(self.tr("新的审核记录保存在 PDF 旁（随文件复制）"), self)
        beside.setCheckable(True)
        beside.setChecked(self.review.session.beside_pdf)
        beside.toggled.connect(self.review.session.set_beside_pdf)
        review_menu = menus[next(c.menu for c in commands() if c.name == "confirm_finding")]
        review_menu.addSeparator()
        review_menu.addAction(beside)
        first = next(iter(menus.values()))
        self.recent_menu = first.addMenu(self.tr("最近打开"))
        first.insertMenu(first.actions()[1], self.recent_menu)
        self._fill_recent()

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.recent_files():
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _c=False, p=path: self.open(p))
        self.recent_menu.setEnabled(bool(self.recent_files()))

    def recent_files(self) -> list[str]:
        value = self.settings.value("recent", [])
        return [str(v) for v in (value if isinstance(value, list) else [value]) if v]

    def _remember(self, path: str) -> None:
        recent = [path] + [p for p in self.recent_files() if p != path]
        self.settings.setValue("recent", recent[:MAX_RECENT])
        self._fill_recent()

    # opening ---------------------------------------------------------------------------------
    def open(self, path: str) -> None:
        if not Path(path).is_file():
            show_error(self, self.tr("无法打开"), self.tr("找不到文件：{0}").format(path))
            return
        self.path = str(Path(path).resolve())
        self.report = None
        self.review.close()
        self.page_view.set_drawing(False)
        self.selection.set_report(None)
        self.pages.clear()
        self.setWindowTitle(f"{Path(path).name} — {APP_NAME}")
        self.doc_bar.show_progress(Path(path).name, self.tr("读取中"))
        self.renderer.open(self.path)
        self.service.analyse(self.path)
        self._set_busy(True)

    def open_dialog(self) -> None:
        start = str(Path(self.path).parent) if self.path else ""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("打开预决算公开文件"), start,
                                              self.tr("PDF 文件 (*.pdf);;所有文件 (*)"))
        if path:
            self.open(path)

    def cancel_analysis(self) -> None:
        self.service.cancel()

    def _opened(self, path: str, count: int, sizes: list) -> None:
        if path != self.path:
            return
        self.page_view.set_document(sizes)
        self.pages.blockSignals(True)
        self.pages.clear()
        for i in range(count):
            self.pages.addItem(QListWidgetItem(self.tr("第 {0} 页").format(i + 1)))
        self.pages.blockSignals(False)
        self.selection.go_to_page(1)

    def _rendered(self, path: str, page: int, scale: float, image: QImage) -> None:
        if path == self.path:
            self.page_view.set_image(page, scale, image)
            self.pageRendered.emit(page)

    def _progress(self, text: str, fraction: float) -> None:
        self.progress.setValue(int(fraction * 100))
        if self.path:
            self.doc_bar.show_progress(Path(self.path).name, text)

    def _finished(self, report: Any) -> None:
        self._set_busy(False)
        self.report = report
        self.selection.set_report(report)
        self.review.open(report)
        self.doc_bar.show_report(report)
        self._label_pages()
        self.statusBar().showMessage(self.findings.counts_text())
        if self.path:
            self._remember(self.path)
        # the first finding in a later turn of the event loop: each half stays well under 100 ms
        QTimer.singleShot(0, lambda r=report: self._select_first(r))

    def _select_first(self, report: Any) -> None:
        if report is not self.report:
            return  # another file was opened meanwhile
        self.findings.step(1)
        self.analysisDone.emit(True)

    def _failed(self, code: str, message: str) -> None:
        self._set_busy(False)
        self.doc_bar.label.setText(self.tr("<b>无法分析</b>：{0}").format(message.splitlines()[0] if message else code))
        title = self.tr("分析出错") if code == "internal" else self.tr("无法打开此文件")
        show_error(self, title, message)
        self.analysisDone.emit(False)

    def _cancelled(self) -> None:
        self._set_busy(False)
        self.doc_bar.label.setText(self.tr("分析已取消"))
        self.analysisDone.emit(False)

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        if busy:
            self.progress.setValue(0)

    def _label_pages(self) -> None:
        counts: dict[int, int] = {}
        for f in self.report.findings:
            for page in f.pages:
                counts[page] = counts.get(page, 0) + 1
        for i in range(self.pages.count()):
            n = counts.get(i + 1, 0)
            self.pages.item(i).setText(self.tr("第 {0} 页").format(i + 1) + (f"  ({n})" if n else ""))

    def _page_shown(self, page: int) -> None:
        self.pages.blockSignals(True)
        self.pages.setCurrentRow(page - 1)
        self.pages.blockSignals(False)
        self.statusBar().showMessage(self.tr("第 {0} / {1} 页").format(page, self.page_view.page_count), 3000)

    # drag and drop ---------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if files:
            self.open(files[0])

    # layout and shutdown ---------------------------------------------------------------------
    def _restore_layout(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        splitter = self.settings.value("window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def closeEvent(self, event: QCloseEvent) -> None:
        batch = getattr(self, "_batch", None)
        if batch is not None:
            batch.close()  # stops its batch and waits for it
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.service.shutdown()
        self.renderer.stop()
        super().closeEvent(event)
