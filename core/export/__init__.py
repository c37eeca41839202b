"""Exports of a review: Excel, Word, annotated PDF, CSV and JSON (the format from the extension)."""
