"""Text that may be stored, printed and exported: control characters refused where text enters,
escaped wherever text leaves.

A NUL, BEL or ESC in a reviewer's note is never meant (it comes from a paste or a forged file),
yet it crashes the Excel and Word writers (XML forbids it), rings or reprograms a terminal, and
hides inside a CSV cell. Bidirectional overrides (U+202E…) make a name or a figure read
differently from what is stored. So:

- where text enters (the window, the command line, a colleague's handover), `check_text` refuses
  it with a message naming the character, and `check_length` refuses text too long to be a note;
- where text leaves (every export, the terminal), `printable` shows each such character as a
  visible mark (␀, ␇, ␛, ⟨U+202E⟩), so whatever a store or a document holds, the export is
  written and says what was there.
"""
from __future__ import annotations

import re
import unicodedata

# C0 controls but tab and newline, DEL, C1 controls, bidi embeddings/overrides/isolates,
# interlinear annotation marks, lone surrogates, and the two non-characters XML refuses.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069"
                      "\ufff9-\ufffb\ud800-\udfff\ufffe\uffff]")
_LINE_BREAKS = re.compile("[\t\n]")

# Longest texts a review holds: a note or a reason is a paragraph or a page, never a book (a
# 50-million-character note made the Word export take 5 GB, issue 17).
MAX_NAME = 64
MAX_REASON = 4_000
MAX_NOTE = 20_000
MAX_QUOTE = 4_000
MAX_SUMMARY = 2_000


def name_of(ch: str) -> str:
    """U+0007 BEL: the code point and, where Unicode has one, its name or alias."""
    code = ord(ch)
    alias = {0: "NUL", 7: "BEL", 8: "BS", 0x1B: "ESC", 0x7F: "DEL", 0x0D: "CR"}.get(code)
    try:
        label = alias or unicodedata.name(ch)
    except ValueError:
        label = ""
    return f"U+{code:04X}" + (f" {label}" if label else "")


def control_chars(text: str, multiline: bool = True) -> list[str]:
    """The control characters text holds (tab and newline allowed only when multiline)."""
    found = _CONTROL.findall(text)
    if not multiline:
        found += _LINE_BREAKS.findall(text)
    return list(dict.fromkeys(found))


def check_text(text: str, what: str, *, multiline: bool = True, limit: int | None = None) -> str:
    """text, with CR LF and lone CR made LF, or ValueError naming what is wrong, in Chinese."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    bad = control_chars(text, multiline)
    if bad:
        names = "、".join(name_of(c) for c in bad[:3])
        raise ValueError(f"{what}含有控制字符（{names}），未保存：请删去后再输入")
    if limit is not None:
        check_length(text, what, limit)
    return text


def check_length(text: str, what: str, limit: int) -> None:
    if len(text) > limit:
        raise ValueError(f"{what}过长（{len(text):,} 个字符，最多 {limit:,} 个），未保存")


def _mark(m: re.Match[str]) -> str:
    code = ord(m.group(0))
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ … ␟, the Unicode "control pictures"
    if code == 0x7F:
        return "\u2421"  # ␡
    return f"⟨U+{code:04X}⟩"


def printable(text: str, limit: int | None = None) -> str:
    """text with every control character shown as a visible mark, and cut at limit characters
    (saying so), so that an export or a terminal line is always writable and readable."""
    if limit is not None and len(text) > limit:
        text = text[:limit] + f"…（以下 {len(text) - limit:,} 个字符从略）"
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub(_mark, text)


def printable_line(text: str, limit: int | None = None) -> str:
    """As printable, on one line (tabs and newlines shown as marks too): for the terminal."""
    return _LINE_BREAKS.sub(lambda m: chr(0x2400 + ord(m.group(0))), printable(text, limit))
