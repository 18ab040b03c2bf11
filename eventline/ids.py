"""Deterministic identifiers: the same input always yields the same ids."""

from __future__ import annotations

import hashlib


def stable_id(prefix: str, *parts: object) -> str:
    """A short, prefixed SHA-256 digest of *parts*; readable in logs, stable across runs."""
    payload = "\x1f".join(str(part) for part in parts).encode("utf-8")
    return f"{prefix}_{hashlib.sha256(payload).hexdigest()[:16]}"
