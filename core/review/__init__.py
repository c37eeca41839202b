"""The review of one document: decisions on findings and the reviewer's notes (see model.py)."""
