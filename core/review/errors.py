"""Typed review errors: each says, in one Chinese line, why a review cannot be opened or merged."""
from __future__ import annotations

from core.errors import DisclosureError


class ReviewError(DisclosureError):
    """Base of the review store's deliberate errors (str(error) is shown to the user)."""

    code = "review"


class ReviewMismatch(ReviewError):
    """A review file belongs to another document (its sha256 differs)."""

    code = "review-mismatch"


class ReviewTooNew(ReviewError):
    """The review was written by a newer version of the app: reading it could lose data."""

    code = "review-too-new"


class ReviewDamaged(ReviewError):
    """The review file is not a readable review database, or its event chain does not verify."""

    code = "review-damaged"
