"""Reviewers' signing keys: one's own Ed25519 key, and colleagues' public keys as first seen.

The hash chain (events.py) has no secret: whoever can write the review file can rewrite an event
and recompute every hash after it. A signature can only be made with the reviewer's private key,
which never leaves their user profile, so an event that was changed after it was signed, or
signed by someone else under a reviewer's name, no longer verifies.

- own keys: `<data dir>/keys/own/<digest of the name>.json`, created on the reviewer's first
  action (readable by the user only); one key per reviewer name on this machine;
- colleagues' public keys: `<data dir>/keys/known.json`, recorded on the first handover that
  brings a colleague's signed events (trust on first use, as SSH does), and checked on every
  handover and verification after: a `.review` that carries another key under a known name is
  refused as forged.

Ed25519 comes from `cryptography` (pyca), the library Python's own packaging tools rely on.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (Ed25519PrivateKey,
                                                               Ed25519PublicKey)

from core.review.db import now

DOMAIN = b"disclosure-review-desk event v1\n"  # what is signed: DOMAIN + the event's hash


def message(event_hash: str) -> bytes:
    return DOMAIN + event_hash.encode("ascii")


def verify(public_hex: str, signature_hex: str, event_hash: str) -> bool:
    """Whether signature_hex is public_hex's signature of the event with this hash."""
    try:
        key = Ed25519PublicKey.from_public_bytes(bytes.fromhex(public_hex))
        key.verify(bytes.fromhex(signature_hex), message(event_hash))
    except (ValueError, TypeError, InvalidSignature):
        return False
    return True


@dataclass(frozen=True)
class Pin:
    """A colleague's public key as first seen."""

    key: str
    first_seen: str
    source: str


class KeyRing:
    """The keys of one user profile (tests and portable installs give their own folder)."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self._own: dict[str, Ed25519PrivateKey] = {}

    # -- own keys --------------------------------------------------------------------------
    def _own_file(self, reviewer: str) -> Path:
        digest = hashlib.sha256(reviewer.encode("utf-8")).hexdigest()[:24]
        return self.folder / "own" / f"{digest}.json"

    def own_key(self, reviewer: str) -> Ed25519PrivateKey:
        """The reviewer's private key, made on first use (two processes agree on one)."""
        if reviewer in self._own:
            return self._own[reviewer]
        path = self._own_file(reviewer)
        if not path.is_file():
            self._create(path, reviewer)
        record = json.loads(path.read_text(encoding="utf-8"))
        key = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(record["private"]))
        self._own[reviewer] = key
        return key

    def _create(self, path: Path, reviewer: str) -> None:
        from cryptography.hazmat.primitives import serialization

        path.parent.mkdir(parents=True, exist_ok=True)
        key = Ed25519PrivateKey.generate()
        raw = key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                serialization.NoEncryption())
        record = {"reviewer": reviewer, "created": now(), "private": raw.hex(),
                  "public": public_hex(key)}
        try:  # O_EXCL: when two windows start at once, the first key made is everyone's
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            return
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(record, fh, ensure_ascii=False)
            fh.flush()
            os.fsync(fh.fileno())

    def own_public(self, reviewer: str) -> str | None:
        """The reviewer's own public key on this machine, None when they have none here."""
        path = self._own_file(reviewer)
        if reviewer not in self._own and not path.is_file():
            return None
        try:
            return public_hex(self.own_key(reviewer))
        except (OSError, ValueError, KeyError):
            return None

    def own_created(self, reviewer: str) -> str | None:
        """When the reviewer's own key was made on this machine (None: they have none here)."""
        try:
            record = json.loads(self._own_file(reviewer).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return str(record.get("created") or "") or None

    def sign(self, reviewer: str, event_hash: str) -> tuple[str, str]:
        """(public key, signature) of the event with this hash, by the reviewer's own key."""
        key = self.own_key(reviewer)
        return public_hex(key), key.sign(message(event_hash)).hex()

    # -- colleagues' keys -------------------------------------------------------------------
    def _known_file(self) -> Path:
        return self.folder / "known.json"

    def pins(self) -> dict[str, Pin]:
        try:
            data: dict[str, Any] = json.loads(self._known_file().read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return {name: Pin(p["key"], p.get("first_seen", ""), p.get("source", ""))
                for name, p in data.items() if isinstance(p, dict) and "key" in p}

    def status(self, reviewer: str, key: str) -> str:
        """"own", "known" (pinned earlier), "new" (never seen here) or "mismatch"."""
        own = self.own_public(reviewer)
        if own is not None:
            return "own" if own == key else "mismatch"
        pin = self.pins().get(reviewer)
        if pin is None:
            return "new"
        return "known" if pin.key == key else "mismatch"

    def pin(self, keys: dict[str, str], source: str) -> list[str]:
        """Record colleagues' keys not yet known here; returns the names newly recorded."""
        pins = self.pins()
        added = [name for name in keys if name not in pins and self.own_public(name) is None]
        if not added:
            return []
        data = {name: p.__dict__ for name, p in pins.items()}
        for name in added:
            data[name] = {"key": keys[name], "first_seen": now(), "source": source}
        self.folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=1)
        os.replace(tmp, self._known_file())
        return added


def public_hex(key: Ed25519PrivateKey) -> str:
    from cryptography.hazmat.primitives import serialization

    return key.public_key().public_bytes(serialization.Encoding.Raw,
                                         serialization.PublicFormat.Raw).hex()


def fingerprint(public: str) -> str:
    """A key as people compare it: 16 hex digits in groups of four."""
    digest = hashlib.sha256(bytes.fromhex(public)).hexdigest()[:16].upper()
    return " ".join(digest[i:i + 4] for i in range(0, 16, 4))
