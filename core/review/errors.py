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


class ReviewForged(ReviewError):
    """A handover whose signatures do not verify, or that signs a known name with another key."""

    code = "review-forged"


class ReviewInvalid(ReviewError):
    """A handover holding what a review never holds: an unknown kind of event, a field of the
    wrong type or size, control characters, a page the document does not have."""

    code = "review-invalid"
