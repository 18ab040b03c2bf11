from __future__ import annotations

import codecs

from eventline.bronze.decoder import DecodedDocument, Rejection, decode_document

TEXT = "Rapport sur Ménaka\r\n\r\n- **May 1, 2021:** Attaque à Sévaré.\r\n"


def _decoded(data: bytes) -> DecodedDocument:
    result = decode_document(data)
    assert isinstance(result, DecodedDocument), result
    return result


def test_utf8_with_and_without_bom_is_the_same_document() -> None:
    plain = _decoded(TEXT.encode("utf-8"))
    with_bom = _decoded(codecs.BOM_UTF8 + TEXT.encode("utf-8"))
    assert plain.encoding == with_bom.encoding == "utf-8"
    assert plain.doc_id == with_bom.doc_id
    assert plain.warning is None


def test_utf16_with_bom() -> None:
    decoded = _decoded(TEXT.encode("utf-16"))
    assert decoded.encoding == "utf-16"
    assert "Ménaka" in decoded.text


def test_legacy_encoding_decodes_with_a_warning() -> None:
    decoded = _decoded(TEXT.encode("latin-1"))
    assert decoded.encoding == "cp1252"
    assert decoded.warning is not None and "UTF-8" in decoded.warning
    assert "Sévaré" in decoded.text


def test_crlf_and_cr_become_lf() -> None:
    decoded = _decoded(TEXT.encode("utf-8"))
    assert "\r" not in decoded.text
    assert decoded.text.split("\n")[2] == "- **May 1, 2021:** Attaque à Sévaré."
    assert _decoded(TEXT.replace("\r\n", "\r").encode()).doc_id == decoded.doc_id


def test_nfc_normalisation_makes_equal_text_equal() -> None:
    composed = _decoded("Ménaka\n".encode())
    decomposed = _decoded("Me\u0301naka\n".encode())
    assert composed.text == decomposed.text
    assert composed.doc_id == decomposed.doc_id


def test_rejections_have_clear_reasons() -> None:
    empty = decode_document(b"")
    assert isinstance(empty, Rejection) and empty.reason == "empty file (0 bytes)"
    blank = decode_document(b" \n\t\n")
    assert isinstance(blank, Rejection) and "white space" in blank.reason
    binary = decode_document(b"%PDF-1.4\x00\x01\x02")
    assert isinstance(binary, Rejection) and binary.reason.startswith("binary file")
    controls = decode_document(bytes(range(1, 32)) * 10)
    assert isinstance(controls, Rejection) and "control characters" in controls.reason
