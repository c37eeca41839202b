"""The review of one document: decisions on findings and the reviewer's notes (see model.py).

    store.py     ReviewStore(data_dir, beside_pdf).open(sha256, pdf_path) -> Review; load_snapshot
    review.py    Review: decide, add_note / edit_note / delete_note, resolve, merge_from, export_to
    locate.py    where a review lives (data directory or beside the PDF), found by sha256
    db.py        SQLite (WAL, synchronous=FULL), schema versions, migrations with a backup first
    events.py    the append-only event log, hash-chained from the document's sha256
    state.py     decisions / notes / conflicts tables, changed only by applying events
    replay.py    verification: the chain, the signatures, then the stored state against a replay
    keys.py      each reviewer's Ed25519 key; colleagues' public keys as first seen (pinned)
    signing.py   checking the signatures, and saying which guarantee a log gives
    handover.py  `.review` export and merging a colleague's review (conflicts kept until settled)
    validate.py  what a colleague's event may hold, kind by kind (the registry of event kinds)
    cli.py       `python main.py verify-review FILE [--head HASH]`
"""
