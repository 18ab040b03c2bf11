"""The per-country place index: entries filed under every folded spelling of their names."""

from __future__ import annotations

import pytest

from eventline.silver import gazetteer as gz
from eventline.silver.place_index import PlaceIndex, _add_names, _place_entry


def test_a_place_is_filed_once_under_each_key_with_its_first_spelling(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Ségou (ML.csv.gz: gn:2451478, ASCII name Segou, spellings Segi|Ségoukoro|Segú|Senkou):
    "Ségou" and "Segou" fold alike, so the index is written five times, not six, and keeps
    the name as written."""
    [segou] = [p for p in gz.places("ML") if p.id == "gn:2451478"]
    assert segou.names == ("Ségou", "Segou", "Segi", "Ségoukoro", "Segú", "Senkou")
    index = PlaceIndex("test")
    writes: list[str] = []
    add = index.add
    monkeypatch.setattr(
        index,
        "add",
        lambda s, e, guarded=False, key="": writes.append(key) or add(s, e, guarded, key),
    )
    _add_names(index, _place_entry(segou), segou.names)
    assert writes == ["segou", "segi", "segoukoro", "segu", "senkou"]
    assert [e.id for e in index.get("segou")] == ["gn:2451478"]
    assert index._spellings["segou"] == ("Ségou", False)


def test_a_built_index_is_kept_out_of_full_garbage_collections() -> None:
    # Its entries and its matcher's spellings are frozen (gc.freeze) once built, so full
    # collections no longer walk them; an entry is then among the frozen objects.
    import gc

    from eventline.silver.place_index import admin_index

    gc.unfreeze()
    admin_index.cache_clear()
    index = admin_index("ML")
    after_index = gc.get_freeze_count()
    entry = index.get(next(iter(index.by_key)))[0]
    assert gc.is_tracked(entry) and after_index >= len(index)
    gc.unfreeze()
    index.matcher.find("Attack in Gao")
    assert gc.get_freeze_count() >= len(index)  # the matcher froze what it built too
