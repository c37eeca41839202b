"""One place that tells the reviewer something went wrong: messages for bad files, a crash
dialog with a copyable report for bugs, a rotating log file, and a headless switch
(--no-error-dialogs) under which everything is logged and nothing blocks."""
from __future__ import annotations

import logging
import logging.handlers
import os
import platform
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import (QApplication, QDialog, QDialogButtonBox, QLabel, QMessageBox, QPlainTextEdit,
                               QVBoxLayout, QWidget)

from core import APP_NAME, APP_VERSION

log = logging.getLogger("drd")
_dialogs = True


def log_dir() -> Path:
    """Beside the reviews when $DRD_DATA_DIR moves them (tests, portable installs), else the
    platform's user log folder."""
    from core.review.locate import APP_DIR, ENV_DATA_DIR

    override = os.environ.get(ENV_DATA_DIR)
    if override:
        return Path(override) / "log"
    from platformdirs import user_log_dir

    return Path(user_log_dir(APP_DIR, appauthor=False))


def setup_logging(dialogs: bool) -> Path:
    """Log to a rotating file in the user's log folder (and stderr when headless)."""
    global _dialogs
    _dialogs = dialogs
    folder = log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "drd.log"
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    root.addHandler(handler)
    if not dialogs:
        root.addHandler(logging.StreamHandler(sys.stderr))
    sys.excepthook = _excepthook
    return path


def set_dialogs(enabled: bool) -> None:
    """Headless runs (tests, --screenshot, the frozen smoke test) log instead of blocking."""
    global _dialogs
    _dialogs = enabled


def dialogs_enabled() -> bool:
    """False in headless runs: ask nothing, take the defaults, log what would have been said."""
    return _dialogs


def show_error(parent: QWidget | None, title: str, message: str) -> None:
    """A bad file, a refused export: a clear message (logged only when headless)."""
    log.warning("%s: %s", title, message)
    if _dialogs:
        QMessageBox.warning(parent, title, message)


def crash_report(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    return "\n".join([f"{APP_NAME} {APP_VERSION}",
                      f"Python {sys.version.split()[0]} · {platform.platform()}", "",
                      "".join(traceback.format_exception(exc_type, exc, tb))])


def _excepthook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    report = crash_report(exc_type, exc, tb)
    log.error("unexpected error\n%s", report)
    if _dialogs and QApplication.instance() is not None:
        CrashDialog(report, QApplication.activeWindow()).exec()


class CrashDialog(QDialog):
    def __init__(self, report: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("程序发生意外错误"))
        text = QLabel(self.tr("发生了一个意外错误。您的审核记录已随时保存，不会丢失。\n"
                              "请复制下面的报告发给维护人员（日志在 {0}）。").format(log_dir()), self)
        text.setWordWrap(True)
        self.details = QPlainTextEdit(report, self)
        self.details.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        copy = buttons.addButton(self.tr("复制报告"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: QApplication.clipboard().setText(report))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.resize(720, 480)
