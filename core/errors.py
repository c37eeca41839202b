"""Typed errors: each one is a reason a document cannot be analysed, with a message for people."""
from __future__ import annotations


class DisclosureError(Exception):
    """Base of every error core raises on purpose; str(error) is a one-line Chinese message."""

    code = "error"


class FileMissing(DisclosureError):
    code = "missing"


class EmptyFile(DisclosureError):
    code = "empty"


class NotPdf(DisclosureError):
    code = "not-pdf"


class CorruptPdf(DisclosureError):
    code = "corrupt"


class PasswordProtected(DisclosureError):
    code = "encrypted"


class TooLarge(DisclosureError):
    """The file, a page or a stream is beyond what one document may cost (core.pdfguard)."""

    code = "too-large"


class TimedOut(DisclosureError):
    """The analysis took longer than one document may (core.pdfguard.TIME_LIMIT)."""

    code = "timeout"


class NotRegularFile(DisclosureError):
    """A named pipe, a device, a socket or a link to nothing: never opened, so never blocks."""

    code = "not-a-file"


class NoTextLayer(DisclosureError):
    """Every page is an image (a scan): nothing can be checked without OCR."""

    code = "no-text"


class Cancelled(DisclosureError):
    """The caller asked the running analysis to stop."""

    code = "cancelled"


class ExportError(DisclosureError):
    """An export could not be written (the message says why, in Chinese)."""

    code = "export"


class ExportExists(ExportError):
    """The export's file exists and overwriting was not asked for: a reviewer's file is never lost."""

    code = "export-exists"


class ExportFormatUnknown(ExportError):
    """The output's extension names no format the exports know."""

    code = "export-format"
