"""Limits on what one PDF may cost: its size, its pages, what its streams expand to.

pdfium inflates a page's content streams when it loads the page, with no limit: a 1 MB file
holding a 1 GB content stream took 2.2 GB of memory (issue 17). Before pdfium sees a page, the
file's streams are measured here by inflating them into nothing (zlib with a bounded output per
call, so measuring costs no memory and stops at the limit; LZW and run-length through pypdf's
decoders, which carry their own limits). Only when a stream is over a limit is the file's page
tree read (pypdf) to find the pages that use it; those pages are left out with a message and
the rest analysed. A file whose streams together expand past the document's limit, or whose
oversized stream belongs to no page that can be named, is refused.

Measured on the 42 corpus PDFs: the scan takes 3% of their analysis time (0.5 s of 16.5 s of
CPU); images are sized from their declared dimensions (what pdfium will allocate), not inflated.
"""
from __future__ import annotations

import base64
import io
import logging
import re
import zlib
from dataclasses import dataclass, field
from typing import Any

from core.errors import TooLarge

log = logging.getLogger(__name__)

MB = 1 << 20
MAX_FILE_BYTES = 512 * MB  # the largest scanned report on file is 180 MB
MAX_PAGES = 5_000
MAX_PAGE_CHARS = 200_000  # a dense A3 table page holds about 12,000
MAX_PAGE_CONTENT = 64 * MB  # inflated content streams and forms drawn by one page
MAX_IMAGE = 256 * MB  # one inflated image (a 600 dpi A4 colour scan is 100 MB)
MAX_DOC_CONTENT = 512 * MB  # every inflated stream that is not an image
TIME_LIMIT = 300.0  # seconds one document's analysis may take (checked between steps)

_STREAM = re.compile(rb"(?<!end)stream(?:\r\n|\n|\r)")
_OBJ = re.compile(rb"(\d+)\s+\d+\s+obj\b")
_FILTER = re.compile(rb"/Filter\s*(\[[^\]]*\]|/[A-Za-z0-9]+)")
_IMAGE = re.compile(rb"/Subtype\s*/Image\b")
_WIDTH = re.compile(rb"/Width\s+(\d{1,9})\b(?!\s+\d+\s+R)")
_HEIGHT = re.compile(rb"/Height\s+(\d{1,9})\b(?!\s+\d+\s+R)")
_PYPDF_FILTERS = {b"LZWDecode": "LZWDecode", b"LZW": "LZWDecode", b"RunLengthDecode":
                  "RunLengthDecode", b"RL": "RunLengthDecode"}
_DICT_WINDOW = 16_384  # how far before `stream` its object's dictionary may start


@dataclass
class Inflation:
    """What the file's streams expand to: object number -> bytes, for streams over a limit."""

    total: int = 0  # every non-image stream, inflated (past MAX_DOC_CONTENT: stopped counting)
    sizes: dict[int, int] = field(default_factory=dict)  # each measured stream, by object
    images: set[int] = field(default_factory=set)
    unnamed: int = 0  # the largest over-limit stream whose object number was not found

    def over(self, number: int) -> bool:
        limit = MAX_IMAGE if number in self.images else MAX_PAGE_CONTENT
        return self.sizes.get(number, 0) > limit

    @property
    def oversized(self) -> list[int]:
        return [n for n in self.sizes if self.over(n)]


def _inflate(raw: bytes, limit: int) -> int:
    """Bytes raw inflates to, counted without keeping them; stops past limit."""
    d = zlib.decompressobj()
    size, buf = 0, raw
    try:
        while True:
            out = d.decompress(buf, MB)
            size += len(out)
            if size > limit or d.eof:
                return size
            buf = d.unconsumed_tail
            if not buf and not out:
                return size
    except zlib.error:  # damaged data: pdfium will read what it can, as will we
        return size


def _unhex(data: bytes) -> bytes:
    digits = re.sub(rb"[^0-9A-Fa-f]", b"", data.split(b">", 1)[0])
    return bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode("ascii"))


def _un85(data: bytes) -> bytes:
    body = data.split(b"~>", 1)[0].strip()
    body = body[2:] if body.startswith(b"<~") else body
    try:
        return base64.a85decode(body, ignorechars=b" \t\n\r\x0b\x0c")
    except ValueError:  # damaged: what decodes before the damage is what pdfium will see
        return b""


def _decoded_size(raw: bytes, filters: list[bytes], limit: int) -> int:
    """Size of the stream once its filters are applied (only those that can expand)."""
    data = raw
    for i, name in enumerate(filters):
        if name in (b"FlateDecode", b"Fl"):
            if i == len(filters) - 1:
                return _inflate(data, limit)
            try:
                data = zlib.decompressobj().decompress(data, limit + 1)
            except zlib.error:
                return len(data)
        elif name in (b"ASCIIHexDecode", b"AHx"):
            data = _unhex(data)
        elif name in (b"ASCII85Decode", b"A85"):
            data = _un85(data)
        elif name in _PYPDF_FILTERS:  # rare today: pypdf (slow to import) only when met
            from pypdf import filters as pf
            from pypdf.errors import LimitReachedError, PdfReadError

            decoder = getattr(pf, _PYPDF_FILTERS[name])
            try:
                data = decoder.decode(data)
            except LimitReachedError:  # pypdf's own limit (75 MB) is past ours
                return limit + 1
            except (PdfReadError, ValueError, TypeError):
                return len(data)
            data = data.encode("latin-1") if isinstance(data, str) else data
        else:  # image codecs (DCT, JPX, JBIG2, CCITT) are decoded, and bounded, by pdfium
            return len(data)
        if len(data) > limit:
            return len(data)
    return len(data)


def measure(data: bytes) -> Inflation:
    """Inflate every filtered stream of the file into nothing and record what it would take."""
    found = Inflation()
    for m in _STREAM.finditer(data):
        start = m.end()
        head = data[max(0, m.start() - _DICT_WINDOW):m.start()]
        at = head.rfind(b"obj")
        obj = _OBJ.match(head, max(0, at - 24), at + 3) if at >= 0 else None
        if obj is None and at >= 0:
            obj = _OBJ.search(head, max(0, at - 24), at + 3)
        if obj is not None:
            head = head[obj.end():]
        f = _FILTER.search(head)
        if f is None:
            continue  # unfiltered: its size is its length in the file
        end = data.find(b"endstream", start)
        raw = data[start:end if end >= 0 else len(data)]
        image = _IMAGE.search(head) is not None
        if image:  # pdfium decodes an image into its declared size, read without inflating it
            w, h = _WIDTH.search(head), _HEIGHT.search(head)
            if w and h:
                size = int(w.group(1)) * int(h.group(1)) * 4
            else:
                size = _decoded_size(raw, re.findall(rb"/([A-Za-z0-9]+)", f.group(1)),
                                     MAX_IMAGE)
        else:
            filters = re.findall(rb"/([A-Za-z0-9]+)", f.group(1))
            size = _decoded_size(raw, filters, MAX_PAGE_CONTENT)
        number = int(obj.group(1)) if obj is not None else -1
        if number < 0:
            if size > (MAX_IMAGE if image else MAX_PAGE_CONTENT):
                found.unnamed = max(found.unnamed, size)
        else:
            found.sizes[number] = size
            if image:
                found.images.add(number)
        if not image:
            found.total += size
            if found.total > MAX_DOC_CONTENT:
                break
    return found


def _refs(value: Any) -> list[Any]:
    from pypdf.generic import ArrayObject

    return list(value) if isinstance(value, ArrayObject) else [value] if value is not None else []


def _page_objects(page: Any, depth: int = 0, seen: set[int] | None = None) -> tuple[set[int],
                                                                                    set[int]]:
    """Object numbers of the content streams and of the XObjects (forms, images) a page draws."""
    from pypdf.generic import IndirectObject

    seen = set() if seen is None else seen
    contents: set[int] = set()
    xobjects: set[int] = set()
    for ref in _refs(page.get("/Contents")) if depth == 0 else []:
        if isinstance(ref, IndirectObject):
            contents.add(ref.idnum)
    resources = page.get("/Resources")
    resources = resources.get_object() if resources is not None else None
    xdict = resources.get("/XObject") if resources is not None else None
    xdict = xdict.get_object() if xdict is not None else {}
    for ref in xdict.values():
        if not isinstance(ref, IndirectObject) or ref.idnum in seen or depth >= 8:
            continue
        seen.add(ref.idnum)
        xobjects.add(ref.idnum)
        form = ref.get_object()
        if form.get("/Subtype") == "/Form":
            inner, deeper = _page_objects(form, depth + 1, seen)
            xobjects |= inner | deeper
    return contents, xobjects


def oversized_pages(data: bytes, found: Inflation, name: str) -> dict[int, str]:
    """Page number -> why it is left out, for the pages drawing a stream over a limit.

    Raises TooLarge when the whole file is over the limit, or when an oversized stream cannot be
    traced to the pages that draw it (then no page is safe to load)."""
    if found.total > MAX_DOC_CONTENT:
        raise TooLarge(f"PDF 文件解压后超过 {MAX_DOC_CONTENT // MB} MB（可能是“解压炸弹”），"
                       f"未分析：{name}")
    big = set(found.oversized)
    if not big and not found.unnamed:
        return {}
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    out: dict[int, str] = {}
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        for i, page in enumerate(reader.pages):
            contents, xobjects = _page_objects(page)
            content = sum(found.sizes.get(n, 0) for n in contents | xobjects
                          if n not in found.images)
            images = [found.sizes[n] for n in xobjects & big & found.images]
            if content > MAX_PAGE_CONTENT:
                out[i + 1] = (f"第{i + 1}页的内容解压后超过每页 {MAX_PAGE_CONTENT // MB} MB 的上限"
                              "（可能是“解压炸弹”），未读取")
            elif images:
                out[i + 1] = (f"第{i + 1}页的图片解压后约 {max(images) // MB:,} MB，超过 "
                              f"{MAX_IMAGE // MB} MB 的上限（可能是“解压炸弹”），未读取")
            big -= contents | xobjects
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
        log.warning("page tree of %s unreadable: %s", name, exc)
        big.add(-1)
    if big - found.images or found.unnamed:  # an over-limit stream no page names: pdfium may
        raise TooLarge(f"PDF 文件中有解压后超过 {MAX_PAGE_CONTENT // MB} MB 的数据流，"  # still load it
                       f"且无法确定属于哪一页（可能是“解压炸弹”），未分析：{name}")
    return out
