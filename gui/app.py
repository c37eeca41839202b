"""Start the window: `python main.py [gui] [FILE] [--screenshot OUT.png] [--no-error-dialogs]
[--lang zh|en]`. Without FILE the bundled sample disclosure opens, so a newcomer sees a review
at once."""
from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from core import APP_NAME, APP_VERSION
from core.resources import resource_path

log = logging.getLogger(__name__)
ORG = "DisclosureReviewDesk"
SAMPLE = ("sample", "sample-disclosure.pdf")


def parse_args(argv: list[str]) -> argparse.Namespace:
    if argv and argv[0] == "gui":
        argv = argv[1:]
    parser = argparse.ArgumentParser(prog="main.py gui", description=f"{APP_NAME} {APP_VERSION}")
    parser.add_argument("file", nargs="?", help="要打开的 PDF（缺省打开自带示例）")
    parser.add_argument("--screenshot", metavar="OUT.png", help="分析完成并选中第一条问题后截图并退出")
    parser.add_argument("--no-error-dialogs", action="store_true", help="出错时只写日志，不弹对话框")
    parser.add_argument("--lang", choices=("zh", "en"), help="界面语言（缺省按上次的设置，初次为中文）")
    return parser.parse_args(argv)


def install_translators(app: QApplication, lang: str) -> list[QTranslator]:
    """zh_CN is the source language; English comes from resources/i18n/drd_en.qm."""
    translators = []
    if lang == "en":
        ours = QTranslator(app)
        if ours.load(str(resource_path("i18n", "drd_en.qm"))):
            translators.append(ours)
    else:
        qt = QTranslator(app)  # Qt's own dialogs (file chooser, message boxes) in Chinese
        if qt.load(QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qtbase", "_",
                   QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            translators.append(qt)
    for t in translators:
        app.installTranslator(t)
    return translators


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(ORG)
    app.setApplicationName(ORG)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(APP_VERSION)
    app.setWindowIcon(QIcon(str(resource_path("icons", "app.png"))))  # title bar, task bar
    from gui.errors import setup_logging

    logfile = setup_logging(dialogs=not args.no_error_dialogs and not args.screenshot)
    settings = QSettings()
    lang = args.lang or str(settings.value("language", "zh"))
    settings.setValue("language", lang)
    from gui.lang import set_language

    set_language(lang)
    app._translators = install_translators(app, lang)  # type: ignore[attr-defined]  # keep alive
    log.info("%s %s starting; log at %s", APP_NAME, APP_VERSION, logfile)

    from gui.main_window import MainWindow

    window = MainWindow(settings)
    if args.screenshot:  # the same picture whatever size the window had last time
        window.resize(1600, 1000)
    window.show()
    path = args.file or str(resource_path(*SAMPLE))
    QTimer.singleShot(0, lambda: window.open(path))
    if args.screenshot:
        _screenshot_when_ready(app, window, Path(args.screenshot))
    return app.exec()


def _screenshot_when_ready(app: QApplication, window: "object", out: Path) -> None:
    """Wait for the analysis and the selected finding's page, save the whole window, quit."""
    from gui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    state = {"done": False}

    def shoot() -> None:
        if state["done"]:
            return
        state["done"] = True
        out.parent.mkdir(parents=True, exist_ok=True)
        ok = window.grab().save(str(out))
        print(f"screenshot {'saved' if ok else 'FAILED'}: {out}")
        window.close()
        app.exit(0 if ok else 1)

    def analysed(_ok: bool) -> None:
        window.pageRendered.connect(lambda _page: QTimer.singleShot(500, shoot))
        QTimer.singleShot(4000, shoot)  # the page never rendered: take what is there

    window.analysisDone.connect(analysed)
    QTimer.singleShot(120_000, shoot)
