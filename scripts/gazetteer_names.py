"""Spelling rules of the gazetteer build: which GeoNames alternate names are kept, and the
short form of an administrative name ("Province du Soum" -> "Soum").

Build-time only (``scripts/build_gazetteer.py``); the product reads the built files.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from eventline.silver.gazetteer import fold_key

# Punctuation a Latin-script place name may contain besides letters and spaces.
_NAME_PUNCTUATION = frozenset("-'’‘ʼ`.\u2010\u2011")
_MIN_LETTERS = 3
# An all-capital alternate of at most this many letters is a code (IATA "BKO", ICAO "GABS",
# postal or FIPS codes), not a name, unless it folds to the name itself.
_CODE_LETTERS = 5

# Generic words around an administrative name, in the languages GeoNames and ISO 3166-2 use
# in these countries. Only these words are stripped; the rest is the name.
_ADMIN_PREFIX = re.compile(
    r"^(?:sous-pr[ée]fecture|pr[ée]fecture|province|provincia|prov[íi]ncia|r[ée]gion|region"
    r"|regi[óo]n|regione|regiunea|d[ée]partement|departamento|department|cercle|district"
    r"|distrito|wilaya[ht]?|commune|municipality|municipalit[ée]|governorate|gouvernorat"
    r"|state|estado|county|ville|mu[hḩ][aā]fa[zẓ]\u0327?at|ost[aā]n-e|gobolka|concelho"
    r"|circunscri[çc][ãa]o|posto administrativo|munic[íi]pio|municipio)"
    r"(?:\s+(?:de\s+)?[ld]['’]\s*"
    r"|\s+(?:of(?:\s+the)?|de\s+la|du|des|de|di|do|da|dos|das|del)\s+|\s+)",
    re.IGNORECASE,
)
_ADMIN_SUFFIX = re.compile(
    r"\s+(?:region|r[ée]gion|province|department|d[ée]partement|district|cercle|state"
    r"|governorate|prefecture|municipality|county)$",
    re.IGNORECASE,
)
# GeoNames writes Tamasheq names "I-n-Déliman", "Ti-n-Zaouâtene"; reports write them joined
# ("Indéliman", "Tinzaouâtene"). The joined form is added as a spelling.
_TAMASHEQ_PREFIX = re.compile(r"^(T?i)-n-(\w)", re.IGNORECASE)


def is_latin_name(text: str) -> bool:
    """Only Latin letters (with their marks), spaces and name punctuation."""
    for char in unicodedata.normalize("NFD", text):
        if char.isalpha():
            if "LATIN" not in unicodedata.name(char, ""):
                return False
        elif not (char == " " or char in _NAME_PUNCTUATION or unicodedata.combining(char)):
            return False
    return True


def _letters(text: str) -> int:
    return sum(1 for char in text if char.isalpha())


def is_code(text: str) -> bool:
    """An all-capital short token: an airport, postal or statistical code."""
    return text.isupper() and _letters(text) <= _CODE_LETTERS


def clean(text: str) -> str:
    """NFC, inner white space collapsed."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def _accents(text: str) -> int:
    return sum(1 for char in text if not char.isascii())


def joined_forms(name: str) -> list[str]:
    """The joined spelling of a Tamasheq "I-n-"/"Ti-n-" name, or nothing."""
    m = _TAMASHEQ_PREFIX.match(name)
    if m is None:
        return []
    return [m.group(1) + "n" + m.group(2).lower() + name[m.end() :]]


def is_transliteration(text: str) -> bool:
    """No capital at all: GeoNames' machine romanizations of other scripts ("mntqt aghadys"
    for an Arabic name, "a jia de ci da qu" for a Chinese one), not names as written."""
    return not any(char.isupper() for char in text)


def spellings(name: str, ascii_name: str, alternates: Iterable[str]) -> list[str]:
    """The alternate spellings worth storing: Latin script, at least three letters, written
    with a capital, not a code, and not the same as the name (or another kept spelling) once
    folded. Of spellings
    that fold alike the one with most accents is kept (the display form); sorted by key."""
    taken = {fold_key(name), fold_key(ascii_name)} if ascii_name else {fold_key(name)}
    best: dict[str, str] = {}
    candidates = [clean(a) for a in alternates]
    candidates += [j for a in [name, *candidates] for j in joined_forms(a)]
    for text in candidates:
        if _letters(text) < _MIN_LETTERS or is_transliteration(text) or not is_latin_name(text):
            continue
        key = fold_key(text)
        if key in taken or (is_code(text) and key != fold_key(name)):
            continue
        old = best.get(key)
        if old is None or (_accents(text), old) > (_accents(old), text):
            best[key] = text
    return [best[key] for key in sorted(best)]


def short_admin_name(name: str) -> str:
    """The name without its generic words: "Province du Soum" -> "Soum", "Tillaberi Region"
    -> "Tillaberi", "Département d' Agadez" -> "Agadez". Unchanged when too little is left."""
    short = _ADMIN_SUFFIX.sub("", _ADMIN_PREFIX.sub("", name, count=1), count=1).strip(" '’")
    return short if _letters(short) >= _MIN_LETTERS else name


def ascii_form(name: str) -> str:
    """The name without its marks when that leaves plain ASCII (for sources that give no
    ASCII name); else empty."""
    stripped = "".join(
        c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)
    )
    return stripped if stripped.isascii() else ""
