"""The Qt binding does not corrupt the interpreter: PySide6 6.12.0 returned an unowned reference
to True from every Signal.emit(), so on Python 3.11 (where True is not immortal) a window that
had emitted a few thousand signals aborted with "bool_dealloc: deallocating True or False".
requirements.txt pins a release without that bug; this test keeps it that way."""
from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    number = Signal(float)
    flag = Signal(bool)


def test_emitting_signals_keeps_the_refcount_of_true_and_false() -> None:
    emitter = _Emitter()
    emitter.flag.connect(lambda _on: None)
    before = sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(200):
        emitter.number.emit(1.0)
        emitter.flag.emit(True)
        emitter.flag.emit(False)
    after = sys.getrefcount(True), sys.getrefcount(False)
    # a little slack for references the loop itself may hold; the bug lost 400 of True's
    assert after[0] >= before[0] - 5 and after[1] >= before[1] - 5, (before, after)
