"""Turn a file's bytes into normalised text, or into a clear reason for rejecting it.

Reports arrive as UTF-8 (with or without BOM), UTF-16 with BOM, or legacy
Windows/Latin-1 encodings. Binary and empty files are rejected with a reason
instead of crashing the run.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from dataclasses import dataclass

from eventline.ids import stable_id

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Unicode's Cc characters (U+0000-U+001F, U+007F-U+009F) less \t \n \v \f \r.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_MAX_CONTROL_SHARE = 0.01


@dataclass(frozen=True)
class DecodedDocument:
    """A document's normalised text (NFC, ``\\n`` newlines) and how it was read."""

    doc_id: str
    text: str
    encoding: str
    warning: str | None
    size_bytes: int
    sha256: str


@dataclass(frozen=True)
class Rejection:
    """Why a file could not be read as a report."""

    reason: str
    size_bytes: int


def _control_share(text: str) -> float:
    """Share of control characters (Unicode Cc) other than line and page breaks and tabs."""
    return len(_CONTROL.findall(text)) / max(len(text), 1)


def _decode(data: bytes) -> tuple[str, str, str | None] | str:
    """(text, encoding, warning), or a rejection reason."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding.replace("-sig", ""), None
            except UnicodeDecodeError as error:
                return f"not text: invalid {encoding} after its byte-order mark ({error.reason})"
    if b"\x00" in data:
        return "binary file: contains NUL bytes and no UTF-16/UTF-32 byte-order mark"
    try:
        return data.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
        encoding = "cp1252"
    except UnicodeDecodeError:
        text = data.decode("latin-1")
        encoding = "latin-1"
    return text, encoding, f"not valid UTF-8; decoded as {encoding}, check accented characters"


def normalise_text(text: str) -> str:
    """CRLF/CR to LF and Unicode NFC, so that equal content hashes equal."""
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def decode_document(data: bytes) -> DecodedDocument | Rejection:
    """Decode and normalise a file's bytes, or say why it is not a readable report."""
    size = len(data)
    if size == 0:
        return Rejection("empty file (0 bytes)", size)
    decoded = _decode(data)
    if isinstance(decoded, str):
        return Rejection(decoded, size)
    raw_text, encoding, warning = decoded
    if _control_share(raw_text) > _MAX_CONTROL_SHARE:
        return Rejection("binary file: too many control characters for text", size)
    text = normalise_text(raw_text)
    if not text.strip():
        return Rejection("no content: the file holds only white space", size)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return DecodedDocument(
        doc_id=stable_id("doc", digest),
        text=text,
        encoding=encoding,
        warning=warning,
        size_bytes=size,
        sha256=digest,
    )
