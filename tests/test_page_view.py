"""The page view settles: fitting a page to the width must not start an endless relayout.

A vertical scroll bar that appears and disappears changes the width "fit width" fits to; for a
landscape page whose fitted height is near the view's height that used to flip the zoom back and
forth forever, freezing the window. Every size in a band around that point must settle."""
from __future__ import annotations

from typing import Any

from gui.page_view import PageView

A4_LANDSCAPE = (842.0, 595.0)


def test_fit_width_settles_at_every_height(qtbot: Any) -> None:
    view = PageView()
    qtbot.addWidget(view)
    view.set_document([A4_LANDSCAPE])
    view.resize(1000, 700)
    view.show()
    qtbot.waitExposed(view)
    view.show_page(1)
    changes: list[float] = []
    view.zoomChanged.connect(changes.append)
    for height in range(640, 800, 4):
        view.resize(1000, height)
        qtbot.wait(5)
        changes.clear()
        qtbot.wait(40)  # nothing changes now: a settled view zooms no more
        assert len(changes) <= 1, f"zoom still changing at height {height}: {changes[:6]}"
