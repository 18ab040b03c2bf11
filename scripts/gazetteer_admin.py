"""The admin table of the gazetteer build: GeoNames admin areas (levels 1-3) per country,
named from the GeoNames code tables, with ISO 3166-2 names (pycountry) as spellings.

Build-time only (``scripts/build_gazetteer.py``).
"""

from __future__ import annotations

from dataclasses import dataclass

import pycountry
from gazetteer_names import clean, short_admin_name, spellings

from eventline.silver.gazetteer import SEPARATOR, fold_key

_LEVELS = {"ADM1": 1, "ADM2": 2, "ADM3": 3}
_UNKNOWN_CODES = frozenset({"", "00"})


@dataclass
class AdminRow:
    id: str
    country_code: str
    codes: tuple[str, ...]
    name: str
    short_name: str
    spellings: list[str]
    source: str
    latitude: str = ""
    longitude: str = ""
    iso_code: str = ""

    @property
    def level(self) -> int:
        return len(self.codes)

    def all_names(self) -> list[str]:
        names = [self.name, self.short_name, *self.spellings]
        return names + [short_admin_name(n) for n in names]

    def add_spellings(self, extra: list[str]) -> None:
        """Merge spellings (folded duplicates of the name or short name dropped)."""
        merged = spellings(self.name, "", [*self.spellings, *extra])
        short = fold_key(self.short_name)
        self.spellings = [s for s in merged if fold_key(s) != short]

    def values(self) -> list[str]:
        codes = [*self.codes, "", "", ""][:3]
        return [
            self.id, self.country_code, str(self.level), *codes, self.name, self.short_name,
            SEPARATOR.join(self.spellings), self.latitude, self.longitude, self.iso_code,
            self.source,
        ]  # fmt: skip


def _coord(value: str) -> str:
    text = f"{float(value):.5f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _table_entry(code: str, codes: tuple[str, ...], admin1: dict, admin2: dict) -> list[str] | None:
    if len(codes) == 1:
        return admin1.get((code, codes[0]))
    if len(codes) == 2:
        return admin2.get((code, *codes))
    return None


def _from_dump(row: list[str], code: str, admin1: dict, admin2: dict) -> AdminRow | None:
    level = _LEVELS[row[7]]
    codes = tuple(row[10:13][:level])
    if any(c in _UNKNOWN_CODES for c in codes):
        return None
    table = _table_entry(code, codes, admin1, admin2)
    # The code table names the area when it is the same GeoNames feature (BF.09 is
    # "Hauts-Bassins" there, "High-Basins Region" in the dump).
    same = table is not None and table[2] == row[0]
    name = clean(table[0] if same else row[1])
    area = AdminRow(f"gn:{row[0]}", code, codes, name, short_admin_name(name), [], "geonames")
    area.latitude, area.longitude = _coord(row[4]), _coord(row[5])
    alternates = [row[1], row[2], *row[3].split(",")] + (table[:2] if same else [])
    area.add_spellings([*alternates, *(short_admin_name(clean(a)) for a in alternates if a)])
    return area


def _from_table(code: str, codes: tuple[str, ...], entry: list[str]) -> AdminRow:
    name = clean(entry[0]) or clean(entry[1])  # MC.00 has only its ASCII name
    area = AdminRow(
        f"gn:{entry[2]}", code, codes, name, short_admin_name(name), [], "geonames-codes"
    )
    area.add_spellings([entry[1], short_admin_name(clean(entry[1]))])
    return area


def _country_table(
    code: str, dump: list[list[str]], admin1: dict, admin2: dict, stats: dict[str, int]
) -> list[AdminRow]:
    rows: dict[tuple[str, ...], AdminRow] = {}
    for row in sorted(dump, key=lambda r: int(r[0])):
        if row[6] != "A" or row[7] not in _LEVELS:
            continue
        area = _from_dump(row, code, admin1, admin2)
        if area is None or area.codes in rows:
            stats["dump admin rows dropped (unknown or repeated codes)"] += 1
            continue
        rows[area.codes] = area
    used = {area.id for area in rows.values()}
    table = [((k[1],), v) for k, v in admin1.items() if k[0] == code]
    table += [((k[1], k[2]), v) for k, v in admin2.items() if k[0] == code]
    for codes, entry in sorted(table):
        if codes in rows or f"gn:{entry[2]}" in used:
            continue
        rows[codes] = _from_table(code, codes, entry)
        used.add(rows[codes].id)
    return sorted(rows.values(), key=lambda a: (a.level, a.codes))


def admin_tables(
    codes: list[str], dumps: dict, admin1: dict, admin2: dict, stats: dict[str, int]
) -> dict[str, list[AdminRow]]:
    """Per country: the dump's own ADM1-3 rows (coordinates, spellings) where there is a
    dump, then the code-table areas the dump lacks."""
    stats.setdefault("dump admin rows dropped (unknown or repeated codes)", 0)
    return {
        code: _country_table(code, dumps.get(code, []), admin1, admin2, stats) for code in codes
    }


def _iso_level(sub: object, by_code: dict[str, object]) -> int:
    level = 1
    while getattr(sub, "parent_code", None) and level < 3:
        sub = by_code[sub.parent_code]  # type: ignore[attr-defined]
        level += 1
    return level


def match_iso(codes: list[str], admin: dict[str, list[AdminRow]], stats: dict[str, int]) -> None:
    """Give each GeoNames area the ISO 3166-2 code and name of the subdivision it names:
    same folded short name, same level (else any level), exactly one candidate."""
    stats.setdefault("iso subdivisions matched", 0)
    stats.setdefault("iso subdivisions unmatched", 0)
    for code in codes:
        subs = sorted(pycountry.subdivisions.get(country_code=code) or [], key=lambda s: s.code)
        by_code = {s.code: s for s in subs}
        index: dict[str, list[AdminRow]] = {}
        for area in admin.get(code, []):
            for key in {fold_key(n) for n in area.all_names()}:
                index.setdefault(key, []).append(area)
        for sub in subs:
            found = index.get(fold_key(short_admin_name(sub.name)), []) + index.get(
                fold_key(sub.name), []
            )
            found = [a for a in {a.id: a for a in found}.values() if not a.iso_code]
            level = _iso_level(sub, by_code)
            best = [a for a in found if a.level == level] or found
            if len(best) != 1:
                stats["iso subdivisions unmatched"] += 1
                continue
            best[0].iso_code = sub.code
            best[0].add_spellings([sub.name, short_admin_name(sub.name)])
            stats["iso subdivisions matched"] += 1
