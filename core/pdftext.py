"""Read a PDF file into pages of characters with boxes, with pypdfium2.

pdfium reads the text layer about ten times faster than pdfminer and agrees with it character for
character on the whole corpus, so it is the one source of text; pdfplumber is used only where ruling
lines are needed (core.tables.grid). Every way a file can be unreadable becomes a typed error.
"""
from __future__ import annotations

import hashlib
import logging
import os
import stat
from pathlib import Path
from typing import Callable

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from core.errors import (CorruptPdf, EmptyFile, FileMissing, NotPdf, NotRegularFile,
                         PasswordProtected, TooLarge)
from core.model import Char, Document, Page
from core.pdfguard import MAX_FILE_BYTES, MAX_PAGE_CHARS, MAX_PAGES, MB, measure, oversized_pages

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]

# pdfium error codes (FPDF_GetLastError)
_ERR_PASSWORD = 4


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or a typed error saying why there are none worth reading.

    Only a regular file is opened, and without blocking: a named pipe or a link to /dev/zero
    would otherwise hang the reader or fill the memory (issue 17). A file missing its final
    %%EOF is read all the same (see truncated()), as viewers do."""
    if not path.exists():
        if path.is_symlink():
            raise NotRegularFile(f"符号链接指向的文件不存在：{path}")
        raise FileMissing(f"文件不存在：{path}")
    if path.is_dir():
        raise NotPdf(f"这是一个文件夹，不是 PDF 文件：{path}")
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            raise NotRegularFile(f"不是普通文件（{_kind(path.stat().st_mode)}），未读取：{path}")
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise FileMissing(f"无法读取文件：{path}（{exc.strerror}）") from exc
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):  # replaced between the two looks
            raise NotRegularFile(f"不是普通文件（{_kind(info.st_mode)}），未读取：{path}")
        if info.st_size > MAX_FILE_BYTES:
            raise TooLarge(f"文件过大（{info.st_size / MB:,.0f} MB，上限 {MAX_FILE_BYTES // MB} MB），"
                           f"未读取：{path.name}")
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise FileMissing(f"无法读取文件：{path}（{exc.strerror}）") from exc
    finally:
        os.close(fd)
    if len(data) > MAX_FILE_BYTES:
        raise TooLarge(f"文件过大（超过 {MAX_FILE_BYTES // MB} MB），未读取：{path.name}")
    if not data:
        raise EmptyFile(f"文件为空（0 字节）：{path.name}")
    if b"%PDF-" not in data[:1024]:
        raise NotPdf(f"不是 PDF 文件（缺少 %PDF 文件头）：{path.name}")
    return data


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "命名管道"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "设备文件"
    if stat.S_ISSOCK(mode):
        return "套接字"
    return "特殊文件"


def truncated(data: bytes) -> bool:
    """No %%EOF near the end: the file was probably cut off while downloaded or copied."""
    return b"%%EOF" not in data[-2048:]


def open_pdf(data: bytes, name: str) -> pdfium.PdfDocument:
    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == _ERR_PASSWORD or "password" in str(exc).lower():
            raise PasswordProtected(f"PDF 已加密，需要密码才能打开：{name}") from exc
        raise CorruptPdf(f"PDF 文件已损坏或不完整，无法解析：{name}（{exc}）") from exc
    if len(doc) == 0:
        raise CorruptPdf(f"PDF 文件中没有任何页面：{name}")
    return doc


def display_box(box: tuple[float, float, float, float], rotation: int, crop: tuple[float, ...]
             ) -> tuple[float, float, float, float]:
    """A PDF-space box (left, bottom, right, top) as (x0, top, x1, bottom) on the page as shown.

    pdfium reports boxes in unrotated page space; pdfplumber (whose ruling lines we match against)
    reports the page as displayed, with /Rotate applied.
    """
    left, bottom, right, top = box
    cl, cb, cr, ct = crop
    w, h = cr - cl, ct - cb
    x0, x1, y0, y1 = left - cl, right - cl, bottom - cb, top - cb  # y upwards from crop bottom
    if rotation == 90:
        return (y0, x0, y1, x1)
    if rotation == 180:
        return (w - x1, y0, w - x0, y1)
    if rotation == 270:
        return (h - y1, w - x1, h - y0, w - x0)
    return (x0, h - y1, x1, h - y0)


# Codes that are never printed text: pdfium's markers, controls (C0, DEL, C1), bidirectional
# overrides and isolates (they make exported text read differently from the page).
_NOT_TEXT = frozenset([0, 0xFFFE, 0xFFFF, *range(0x20), *range(0x7F, 0xA0),
                       *range(0x202A, 0x202F), *range(0x2066, 0x206A)])


class TooManyChars(Exception):
    """A page holds more characters than any real page (core.pdfguard.MAX_PAGE_CHARS)."""


def _page_chars(page: pdfium.PdfPage, rotation: int, crop: tuple[float, ...]) -> list[Char]:
    """The page's printed characters (pdfium's generated spaces and breaks, control characters
    and unpaired surrogates left out; a pair of surrogates is one character)."""
    textpage = page.get_textpage()
    try:
        count = textpage.count_chars()
        if count > 2 * MAX_PAGE_CHARS:  # generated spaces and breaks count too
            raise TooManyChars(count)
        handle, rect = textpage.raw, pdfium.raw.FS_RECTF()
        generated, unicode = raw.FPDFText_IsGenerated, raw.FPDFText_GetUnicode
        loose_box = raw.FPDFText_GetLooseCharBox
        chars: list[Char] = []
        i = 0
        while i < count:
            k, i = i, i + 1
            if generated(handle, k):
                continue
            code = unicode(handle, k)
            if 0xD800 <= code <= 0xDFFF:
                low = unicode(handle, i) if code < 0xDC00 and i < count else 0
                if not 0xDC00 <= low <= 0xDFFF:
                    continue
                code, i = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00), i + 1
            elif code in _NOT_TEXT:
                continue
            if not loose_box(handle, k, rect) or rect.right <= rect.left \
                    or rect.top <= rect.bottom:
                continue
            box = (rect.left, rect.bottom, rect.right, rect.top)
            chars.append(Char(chr(code), *display_box(box, rotation, crop)))
        if len(chars) > MAX_PAGE_CHARS:
            raise TooManyChars(len(chars))
        return chars
    finally:
        textpage.close()


def read_document(path: Path, progress: Progress | None = None,
                  data: bytes | None = None) -> tuple[Document, bytes]:
    """Load every page's characters; returns the document and the file's bytes.

    A page pdfium cannot load (a damaged file), or that would expand past the limits of
    core.pdfguard, is left out with a warning, and the others are read; only a file with no
    readable page at all is refused."""
    data = read_bytes(path) if data is None else data
    name = path.name
    skipped = oversized_pages(data, measure(data), name)
    pdf = open_pdf(data, name)
    warnings: list[str] = []
    if truncated(data):
        warnings.append("文件末尾缺少 %%EOF（可能下载或复制时被截断），已按查看器的方式尽量读取，"
                        "请核对页数是否完整")
    try:
        producer = _producer(pdf)
        total = len(pdf)
        if total > MAX_PAGES:
            raise TooLarge(f"PDF 有 {total:,} 页，超过 {MAX_PAGES:,} 页的上限，未分析：{name}")
        pages: list[Page] = []
        unreadable: dict[int, str] = dict(skipped)
        over = dict(skipped)  # pages left out for their size, not for damage
        for i in range(total):
            number = i + 1
            width, height, chars = 595.0, 842.0, []
            if number not in unreadable:
                try:
                    width, height, chars = _read_page(pdf, i)
                except pdfium.PdfiumError as exc:
                    log.warning("page %d of %s unreadable: %s", number, path, exc)
                    unreadable[number] = f"第{number}页无法读取（文件已损坏：{exc}），其内容未检查"
                except TooManyChars as exc:
                    over[number] = unreadable[number] = (
                        f"第{number}页有 {exc.args[0]:,} 个字符，超过每页 {MAX_PAGE_CHARS:,} 个"
                        "的上限，其内容未读取")
            pages.append(Page(number, width, height, chars))
            if progress:
                progress(number, total)
    finally:
        pdf.close()
    if len(unreadable) == len(pages):
        if over:
            raise TooLarge(f"PDF 没有一页能在限度内读取：{name}（{over[min(over)]}）")
        first = unreadable[min(unreadable)] if unreadable else ""
        how = "不完整（文件末尾缺少 %%EOF，可能被截断）" if truncated(data) else "已损坏"
        raise CorruptPdf(f"PDF 文件{how}，没有一页能读取：{name}（{first}）")
    damage = warnings + [unreadable[n] for n in sorted(unreadable)]
    doc = Document(str(path), sha256_of(data), producer, pages, unreadable=unreadable,
                   damage=damage)
    doc.warnings.extend(damage)
    return doc, data


def _producer(pdf: pdfium.PdfDocument) -> str:
    try:
        return (pdf.get_metadata_dict().get("Producer") or "").strip()
    except (pdfium.PdfiumError, UnicodeError, ValueError):  # a damaged Info dictionary
        return ""


def _read_page(pdf: pdfium.PdfDocument, index: int) -> tuple[float, float, list[Char]]:
    page = pdf[index]
    try:
        crop = page.get_cropbox()
        rotation = page.get_rotation() % 360
        width, height = crop[2] - crop[0], crop[3] - crop[1]
        if rotation in (90, 270):
            width, height = height, width
        if not (0 < width < 1e5 and 0 < height < 1e5):  # a damaged or hostile MediaBox
            raise pdfium.PdfiumError(f"页面尺寸无效：{width:g} × {height:g}")
        return width, height, _page_chars(page, rotation, crop)
    finally:
        page.close()
