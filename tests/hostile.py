"""Hostile inputs made on the fly from a good PDF: damaged copies, bombs, dense pages.

Each maker takes the good file's bytes (and a seeded random generator) and returns the bytes of
a damaged copy, as issue 17 produced them: byte flips, duplicated objects, a page tree that
loops, a cut-off end, a stream that inflates a thousandfold. Kept apart from the tests so that a
failing case can be written to disk and opened by hand.
"""
from __future__ import annotations

import json
import random
import re
import zlib
from pathlib import Path
from typing import Callable

Maker = Callable[[bytes, random.Random], bytes]

_OBJ = re.compile(rb"(\d+) 0 obj\b")
_KIDS = re.compile(rb"/Kids \[([^\]]*)\]")


def flip_bytes(data: bytes, rnd: random.Random) -> bytes:
    """A few bytes anywhere after the header set to random values."""
    out = bytearray(data)
    for _ in range(rnd.randint(1, 12)):
        out[rnd.randrange(16, len(out))] = rnd.randrange(256)
    return bytes(out)


def flip_structure(data: bytes, rnd: random.Random) -> bytes:
    """Bytes changed where they hurt most: inside object headers, dictionaries and the xref."""
    out = bytearray(data)
    marks = [m.start() for m in re.finditer(rb"obj|<<|>>|/Type|/Kids|/Count|xref|R ", data)]
    for _ in range(rnd.randint(1, 6)):
        at = rnd.choice(marks) + rnd.randint(0, 6)
        if at < len(out):
            out[at] = rnd.choice(b"0123456789<>[]/ Rn\x00\xff")
    return bytes(out)


def duplicate_object(data: bytes, rnd: random.Random) -> bytes:
    """An object defined twice: a copy of another object under its number, before the xref."""
    objs = list(_OBJ.finditer(data))
    a, b = rnd.sample(objs, 2)
    end = data.find(b"endobj", b.start()) + len(b"endobj")
    copy = a.group(1) + b" 0 obj" + data[b.end():end] + b"\n"
    at = data.rfind(b"xref")
    return data[:at] + copy + data[at:]


def page_tree_cycle(data: bytes, rnd: random.Random) -> bytes:
    """The page tree's /Kids names the tree itself (or its root), so walking it never ends."""
    m = _KIDS.search(data)
    if m is None:
        return flip_structure(data, rnd)
    owner = [o for o in _OBJ.finditer(data[:m.start()])][-1].group(1)
    kids = m.group(1).split(b" R")
    k = rnd.randrange(len(kids) - 1)
    kids[k] = re.sub(rb"\d+ 0$", owner + b" 0", kids[k].rstrip()) if kids[k].strip() else kids[k]
    return data[:m.start(1)] + b" R".join(kids) + data[m.end(1):]


def truncate(data: bytes, rnd: random.Random) -> bytes:
    """The file cut off somewhere in its second half (a broken download)."""
    return data[:rnd.randrange(len(data) // 2, len(data) - 10)]


def drop_eof(data: bytes, rnd: random.Random) -> bytes:
    """Only the final %%EOF marker missing: every viewer still opens it."""
    return data[:data.rfind(b"%%EOF")]


MAKERS: dict[str, Maker] = {
    "flip": flip_bytes, "structure": flip_structure, "duplicate": duplicate_object,
    "cycle": page_tree_cycle, "truncate": truncate, "no-eof": drop_eof,
}


def mutants(good: bytes, count: int, seed: int = 17) -> list[tuple[str, bytes]]:
    """count damaged copies of good, cycling through the makers, reproducible from seed."""
    rnd = random.Random(seed)
    names = sorted(MAKERS)
    return [(f"{names[i % len(names)]}-{i:03d}", MAKERS[names[i % len(names)]](good, rnd))
            for i in range(count)]


def bomb_pdf(path: Path, inflated: int = 200 << 20, pages: int = 2,
             bomb_page: int | set[int] = 1) -> Path:
    """A small PDF whose page bomb_page (or pages) has a content stream of `inflated` bytes of
    spaces and one line of text (compressed to about a thousandth); the others are ordinary."""
    bombs = {bomb_page} if isinstance(bomb_page, int) else set(bomb_page)
    # a megabyte of spaces compressed once after a full flush compresses to the same bytes
    # every time: repeating them makes a gigabyte in milliseconds (the checksum at the end no
    # longer matches, which nothing reaches before the limit)
    co = zlib.compressobj(9)
    block = b" " * (1 << 20)
    head = co.compress(b"BT /F1 12 Tf 72 720 Td (bomb) Tj ET\n" + block) + co.flush(zlib.Z_FULL_FLUSH)
    again = co.compress(block) + co.flush(zlib.Z_FULL_FLUSH)
    bomb = head + again * max(0, (inflated >> 20) - 1) + co.flush()
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(pages))
        + b"] /Count %d >>" % pages,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for i in range(pages):
        content = bomb if i + 1 in bombs else zlib.compress(
            b"BT /F1 12 Tf 72 720 Td (page %d of an ordinary report) Tj ET" % (i + 1))
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources "
                       b"<< /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (5 + 2 * i))
        objects.append(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content)
                       + content + b"\nendstream")
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for n, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1,
                                                                            xref)
    path.write_bytes(bytes(out))
    return path


def rewrite_review(path: Path, change: Callable[[list[dict]], list[dict]],
                   resign: Callable[[str, str], tuple[str, str]] | None = None) -> None:
    """What a knowing editor does to a review file: change the events (and the state tables to
    match, by replaying them), then recompute every hash of the chain and the recorded head.
    Signatures are kept as they are (the editor has no reviewer's private key) unless resign
    gives them one of their own."""
    import sqlite3

    from core.review import db, events, state

    conn = sqlite3.connect(str(path), isolation_level=None)
    try:
        sha = conn.execute("SELECT value FROM meta WHERE key = 'sha256'").fetchone()[0]
        cols = ("seq", "id", "time", "reviewer", "action", "data", "origin", "hash", "key", "sig")
        rows = [dict(zip(cols, r)) for r in conn.execute(
            f"SELECT {', '.join(cols)} FROM events ORDER BY seq")]
        for r in rows:
            r["data"], r["origin"] = json.loads(r["data"]), json.loads(r["origin"] or "null")
        rows = change(rows)
        conn.execute("BEGIN")
        for t in ("events_append_only_update", "events_append_only_delete"):
            conn.execute(f"DROP TRIGGER IF EXISTS {t}")
        for table in ("events", "decisions", "notes", "conflicts"):
            conn.execute(f"DELETE FROM {table}")
        prev = sha
        for seq, r in enumerate(rows, start=1):
            r["seq"] = seq
            r["hash"] = events.link(prev, events.event_body(seq, r["id"], r["time"], r["reviewer"],
                                                            r["action"], r["data"], r["origin"]))
            if resign is not None:
                r["key"], r["sig"] = resign(r["reviewer"], r["hash"])
            conn.execute(f"INSERT INTO events ({', '.join(cols)}) VALUES ({', '.join('?' * 10)})",
                         [r["seq"], r["id"], r["time"], r["reviewer"], r["action"],
                          events.canonical(r["data"]),
                          events.canonical(r["origin"]) if r["origin"] is not None else "",
                          r["hash"], r["key"], r["sig"]])
            try:
                state.apply(conn, events.Event(seq, r["id"], r["time"], r["reviewer"],
                                               r["action"], r["data"], r["origin"], r["hash"]))
            except (ValueError, KeyError, TypeError):  # a kind the state knows nothing of
                pass
            prev = r["hash"]
        conn.executemany("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                         (("head_seq", str(len(rows))), ("head_hash", prev)))
        for statement in db._statements(db.MIGRATIONS[0]):
            if statement.startswith("CREATE TRIGGER"):
                conn.execute(statement)
        conn.execute("COMMIT")
    finally:
        conn.close()


def first_pages(source: Path, path: Path, count: int) -> Path:
    """The first pages of a PDF as a PDF of their own (a small file to damage many times)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(source).pages[:count]:
        writer.add_page(page)
    with path.open("wb") as fh:
        writer.write(fh)
    return path


def grid_pdf(path: Path, chars: int, columns: int = 40) -> Path:
    """One page ruled into `chars` cells of one character each, under a table title: the page
    whose analysis time grew with the square of its characters (issue 17)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen.canvas import Canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    text = "一般公共预算财政拨款支出决算表合计基本支出项目支出0123456789"
    rows = -(-chars // columns)
    w, h = 12, 10
    canvas = Canvas(str(path), pagesize=(columns * w + 40, rows * h + 80))
    canvas.setFont("STSong-Light", 8)
    canvas.drawString(20, rows * h + 60, "一般公共预算财政拨款支出决算表")
    canvas.setLineWidth(0.3)
    for i in range(columns + 1):
        canvas.line(20 + i * w, 20, 20 + i * w, 20 + rows * h)
    for j in range(rows + 1):
        canvas.line(20, 20 + j * h, 20 + columns * w, 20 + j * h)
    for k in range(chars):
        canvas.drawString(22 + (k % columns) * w, 22 + (k // columns) * h, text[k % len(text)])
    canvas.showPage()
    canvas.save()
    return path


def _rows(chars: int) -> list[list[str]]:
    """Table rows (code, name, three amounts) holding about `chars` characters."""
    rows: list[list[str]] = []
    count, k = 0, 0
    while count < chars:
        row = [f"{2010000 + k:07d}", f"一般公共服务{k % 97:02d}", f"{k * 7919 % 9999999:,}",
               f"{k * 4211 % 999999:,}", f"{k * 613 % 99999:,}"]
        rows.append(row)
        count += sum(len(v) for v in row)
        k += 1
    return rows


def table_pdf(path: Path, chars: int) -> Path:
    """A one-page PDF of `chars` printed characters (within a few): a ruled table, 90% of them,
    under its title, and a paragraph of narrative below it."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen.canvas import Canvas

    font = "STSong-Light"
    pdfmetrics.registerFont(UnicodeCIDFont(font))
    title, unit = "一般公共预算财政拨款支出决算表", "编制单位：某某区某某局　单位：元"
    cols = [("科目编码", 24), ("科目名称", 40), ("合计", 30), ("基本支出", 30), ("项目支出", 30)]
    header = sum(len(t) for t, _ in cols)
    sentence = "本年度支出较上年增加，主要原因是人员经费和项目支出增加。"
    body = max(0, chars - len(title) - len(unit) - header)
    rows = _rows(int(body * 0.9))
    rest = body - sum(len(v) for r in rows for v in r)
    paragraph = [(sentence * (rest // len(sentence) + 1))[i:i + 60]
                 for i in range(0, max(rest, 0), 60)]
    size, row_h = 4.0, 5.2
    table_w = sum(w for _, w in cols)
    blocks = 1 + len(rows) // 2500  # side by side only past 2,500 rows (200 inches at most)
    per_block = -(-len(rows) // blocks)
    width = 40 + blocks * (table_w + 12)
    height = 80 + per_block * row_h + 60 + 6 * (len(paragraph) // blocks + 1)
    canvas = Canvas(str(path), pagesize=(width, height))
    canvas.setFont(font, 10)
    canvas.drawCentredString(width / 2, height - 30, title)
    canvas.setFont(font, 5)
    canvas.drawString(20, height - 45, unit)
    canvas.setLineWidth(0.3)
    for b in range(blocks):
        block = rows[b * per_block:(b + 1) * per_block]
        x0, y0 = 20 + b * (table_w + 12), height - 55
        xs = [x0]
        for _, w in cols:
            xs.append(xs[-1] + w)
        bottom = y0 - (len(block) + 1) * row_h
        for x in xs:
            canvas.line(x, y0, x, bottom)
        for r in range(len(block) + 2):
            canvas.line(x0, y0 - r * row_h, xs[-1], y0 - r * row_h)
        canvas.setFont(font, size)
        for c, (name, _) in enumerate(cols):
            canvas.drawString(xs[c] + 1, y0 - row_h + 1.2, name)
        for r, values in enumerate(block):
            y = y0 - (r + 2) * row_h + 1.2
            for c, text in enumerate(values):
                if c >= 2:
                    canvas.drawRightString(xs[c + 1] - 1, y, text)
                else:
                    canvas.drawString(xs[c] + 1, y, text)
    top = height - 80 - per_block * row_h
    for i, text in enumerate(paragraph):
        canvas.drawString(20 + (i % blocks) * (table_w + 12), top - (i // blocks) * 6, text)
    canvas.showPage()
    canvas.save()
    return path
