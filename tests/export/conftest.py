"""A small published gold, written the way a publish writes it (validated, typed Parquet).

Four events, invented for the tests, each chosen for one mapping rule:

- ``evt_…01`` 15 Mar 2021, a clash at Gao: JNIM (confirmed perpetrator) against the Malian
  Armed Forces (target); 4 killed (up to 6), 2 attackers killed (6 fatalities); town
  coordinates.
- ``evt_…02`` May 2021 (month only), an attack on civilians in Tillabéri region, Niger,
  suspected ISGS, no named target, no figure.
- ``evt_…03`` 2020 (year only), an agreement in Mali, no actors, country-level place.
- ``evt_…04`` 2-5 Jul 2021, an explosion whose only perpetrator is a person (no ACLED code),
  place unknown, date imputed.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from flows.storage import write_parquet, write_partitioned_parquet
from schemas.gold import ActorModel, EventActorModel, GoldEventModel, UnresolvedActorMentionModel

E1, E2, E3, E4 = (f"evt_{i:016x}" for i in (1, 2, 3, 4))
COUNTS = ("killed", "injured", "kidnapped")


def _event(event_id: str, start: date, end: date, precision: str, **values: Any) -> dict:
    row: dict[str, Any] = {
        "event_id": event_id,
        "year": start.year,
        "date_start": start,
        "date_end": end,
        "date_precision": precision,
        "date_imputed": False,
        "date_label": "",
        "country": "Mali",
        "country_code": "MLI",
        "location_text": None,
        "location": None,
        "location_precision": "unknown",
        "admin1": None,
        "admin2": None,
        "latitude": None,
        "longitude": None,
        "geo_precision": None,
        "where_prec": None,
        "event_type": None,
        "sub_event_type": None,
        "event_rule": None,
        "record_class": "event",
        "description": f"Invented test event {event_id}.",
        "assailants_killed": None,
        "fatalities": None,
        "perpetrator_ids": [],
        "claimed": False,
        "source_names": [],
        "doc_ids": ["doc_00000000000000aa"],
        "record_ids": [f"rec_{event_id[4:]}"],
        "n_mentions": 1,
        "mentions": [
            {
                "doc_id": "doc_00000000000000aa",
                "record_id": f"rec_{event_id[4:]}",
                "kind": "bullet",
                "line_start": 1,
                "line_end": 1,
            }
        ],
    }
    for kind in COUNTS:
        row |= {kind: None, f"{kind}_low": None, f"{kind}_high": None}
    return row | values


def events_frame() -> pd.DataFrame:
    rows = [
        _event(
            E1,
            date(2021, 3, 15),
            date(2021, 3, 15),
            "day",
            location_text="Gao",
            location="Gao",
            location_precision="town",
            admin1="Gao",
            latitude=16.27,
            longitude=-0.04,
            geo_precision=1,
            where_prec=1,
            event_type="Battles",
            sub_event_type="Armed clash",
            killed=4,
            killed_low=4,
            killed_high=6,
            assailants_killed=2,
            fatalities=6,
            perpetrator_ids=["jnim"],
            source_names=["Agence France-Presse", "Reuters"],
        ),
        _event(
            E2,
            date(2021, 5, 1),
            date(2021, 5, 31),
            "month",
            country="Niger",
            country_code="NER",
            location_text="Tillabéri region",
            location="Tillabéri",
            location_precision="admin1",
            admin1="Tillabéri",
            geo_precision=3,
            where_prec=4,
            event_type="Violence against civilians",
            sub_event_type="Attack",
            perpetrator_ids=["isgs"],
        ),
        _event(
            E3,
            date(2020, 1, 1),
            date(2020, 12, 31),
            "year",
            location_text="Mali",
            location="Mali",
            location_precision="country",
            geo_precision=3,
            where_prec=6,
            event_type="Strategic developments",
            sub_event_type="Agreement",
        ),
        _event(
            E4,
            date(2021, 7, 2),
            date(2021, 7, 5),
            "bounded",
            date_imputed=True,
            event_type="Explosions/Remote violence",
            sub_event_type="Remote explosive/landmine/IED",
            perpetrator_ids=["a-commander"],
        ),
    ]
    return pd.DataFrame(rows)


def _actor(actor_id: str, name: str, actor_type: str, events: int, perpetrated: int) -> dict:
    return {
        "actor_id": actor_id,
        "name": name,
        "aliases": [],
        "actor_type": actor_type,
        "inter_code": None,  # the export falls back to the code of the actor_type
        "generic_id": None,
        "country": None,
        "country_code": None,
        "parent_ids": [],
        "successor_ids": [],
        "first_event_date": date(2021, 3, 15) if events else None,
        "last_event_date": date(2021, 7, 5) if events else None,
        "event_count": events,
        "perpetrator_event_count": perpetrated,
    }


def actors_frame() -> pd.DataFrame:
    return pd.DataFrame(
        [
            _actor("jnim", "Jama'at Nusrat al-Islam wal-Muslimin", "jihadist group", 1, 1),
            _actor("isgs", "Islamic State in the Greater Sahara", "jihadist group", 1, 1),
            _actor("malian-armed-forces", "Malian Armed Forces", "state force", 1, 0),
            _actor("a-commander", "A Commander", "person", 1, 1),
            _actor("united-nations", "United Nations", "intergovernmental organization", 0, 0),
        ]
    )


def event_actors_frame() -> pd.DataFrame:
    rows = [
        (E1, "jnim", "perpetrator", "confirmed", "JNIM"),
        (E1, "malian-armed-forces", "target", None, "FAMa"),
        (E1, "jnim", "mentioned", None, "JNIM"),
        (E2, "isgs", "perpetrator", "suspected", "ISGS"),
        (E4, "a-commander", "perpetrator", "suspected", "the commander"),
    ]
    frame = pd.DataFrame(
        rows, columns=["event_id", "actor_id", "role", "certainty", "mention_text"]
    )
    return frame.assign(side=None, inter_code=None)  # gold's side and inter code, unknown here


def write_gold(gold_dir: Path, events: pd.DataFrame | None = None) -> Path:
    """Validate and write the fixture gold as a publish does; returns *gold_dir*."""
    frame = GoldEventModel.validate(events if events is not None else events_frame())
    write_partitioned_parquet(frame, GoldEventModel, gold_dir / "events", "year")
    write_parquet(ActorModel.validate(actors_frame()), ActorModel, gold_dir / "actors.parquet")
    links = EventActorModel.validate(event_actors_frame())
    write_parquet(links, EventActorModel, gold_dir / "event_actors.parquet")
    unresolved = pd.DataFrame(columns=list(UnresolvedActorMentionModel.to_schema().columns)).astype(
        {"line_start": "Int64"}
    )
    write_parquet(
        unresolved, UnresolvedActorMentionModel, gold_dir / "unresolved_actor_mentions.parquet"
    )
    return gold_dir


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("data")
    write_gold(root / "gold")
    return root
