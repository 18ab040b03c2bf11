"""Deterministic identifiers: the same input always yields the same ids."""

from __future__ import annotations

import hashlib


def stable_id(prefix: str, *parts: object) -> str:
    """A short, prefixed SHA-256 digest of *parts*; readable in logs, stable across runs."""
    payload = "\x1f".join(str(part) for part in parts).encode("utf-8")
    return f"{prefix}_{hashlib.sha256(payload).hexdigest()[:16]}"


def event_id_for(record_id: str) -> str:
    """A gold event's id: a hash of its canonical telling's record id (stable across runs)."""
    return stable_id("evt", record_id)
