"""The review of one document: decisions on findings and the reviewer's notes (see model.py).

    store.py     ReviewStore(data_dir, beside_pdf).open(sha256, pdf_path) -> Review; load_snapshot
    review.py    Review: decide, add_note / edit_note / delete_note, resolve, merge_from, export_to
    locate.py    where a review lives (data directory or beside the PDF), found by sha256
    db.py        SQLite (WAL, synchronous=FULL), schema versions, migrations with a backup first
    events.py    the append-only event log, hash-chained from the document's sha256
    state.py     decisions / notes / conflicts tables, changed only by applying events
    replay.py    verification: the chain, then the stored state against a replay of the log
    handover.py  `.review` export and merging a colleague's review (conflicts kept until settled)
    cli.py       `python main.py verify-review FILE`
"""
