"""Pandera models of the gold layer: events, actors, their links, and the curators' queue.

The human-readable contract of these columns is ``schemas/contract/gold.yaml``; a test
checks that both agree with each other and with the Parquet files actually written.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from eventline.gold.actors import ACTOR_TYPES, CERTAINTIES, INTER_CODES, ROLES
from eventline.silver.casualty_vocabulary import VICTIM_CATEGORIES
from schemas.bronze import _is_list_of_str
from schemas.silver import (
    DATE_PRECISIONS,
    EVENT_TYPES,
    LOCATION_PRECISIONS,
    _count,
    _is_date,
    bounds_ordered,
)

EVENT_ID = r"^evt_[0-9a-f]{16}$"
ACTOR_ID = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


class GoldEventModel(pa.DataFrameModel):
    """An event as analysts read it, with every document and line that tells it."""

    event_id: Series[str] = pa.Field(unique=True, str_matches=EVENT_ID)
    year: Series[pd.Int64Dtype] = pa.Field(ge=1900, le=2100)
    date_start: Series[object] = pa.Field(metadata={"arrow": "date32"})
    date_end: Series[object] = pa.Field(metadata={"arrow": "date32"})
    date_precision: Series[str] = pa.Field(isin=DATE_PRECISIONS)
    date_imputed: Series[bool]
    date_label: Series[str]
    country: Series[str] = pa.Field(nullable=True)
    country_code: Series[str] = pa.Field(nullable=True, str_matches=r"^[A-Z]{3}$")
    location_text: Series[str] = pa.Field(nullable=True)
    location: Series[str] = pa.Field(nullable=True)
    location_precision: Series[str] = pa.Field(isin=LOCATION_PRECISIONS)
    admin1: Series[str] = pa.Field(nullable=True)
    admin2: Series[str] = pa.Field(nullable=True)
    latitude: Series[float] = pa.Field(ge=-90, le=90, nullable=True)
    longitude: Series[float] = pa.Field(ge=-180, le=180, nullable=True)
    geo_precision: Series[pd.Int64Dtype] = pa.Field(isin=[1, 2, 3], nullable=True)
    where_prec: Series[pd.Int64Dtype] = pa.Field(isin=[1, 2, 3, 4, 5, 6, 7], nullable=True)
    event_type: Series[str] = pa.Field(isin=EVENT_TYPES, nullable=True)
    sub_event_type: Series[str] = pa.Field(nullable=True)
    event_rule: Series[str] = pa.Field(nullable=True)
    record_class: Series[str] = pa.Field(isin=["event"])
    description: Series[str] = pa.Field(str_length={"min_value": 1})
    killed: Series[pd.Int64Dtype] = _count()
    killed_low: Series[pd.Int64Dtype] = _count()
    killed_high: Series[pd.Int64Dtype] = _count()
    injured: Series[pd.Int64Dtype] = _count()
    injured_low: Series[pd.Int64Dtype] = _count()
    injured_high: Series[pd.Int64Dtype] = _count()
    kidnapped: Series[pd.Int64Dtype] = _count()
    kidnapped_low: Series[pd.Int64Dtype] = _count()
    kidnapped_high: Series[pd.Int64Dtype] = _count()
    assailants_killed: Series[pd.Int64Dtype] = _count()
    fatalities: Series[pd.Int64Dtype] = _count()
    perpetrator_ids: Series[object] = pa.Field(metadata={"arrow": "list<string>"})
    claimed: Series[bool]
    source_names: Series[object] = pa.Field(metadata={"arrow": "list<string>"})
    doc_ids: Series[object] = pa.Field(metadata={"arrow": "list<string>"})
    record_ids: Series[object] = pa.Field(metadata={"arrow": "list<string>"})
    n_mentions: Series[pd.Int64Dtype] = pa.Field(ge=1)
    mentions: Series[object] = pa.Field(metadata={"arrow": "list<mention>"})

    @pa.check("date_start", "date_end")
    def _dates(cls, values: pd.Series) -> pd.Series:
        return _is_date(values)

    @pa.check("perpetrator_ids", "source_names", "doc_ids", "record_ids")
    def _lists(cls, values: pd.Series) -> pd.Series:
        return _is_list_of_str(values)

    @pa.dataframe_check
    def _date_order(cls, frame: pd.DataFrame) -> pd.Series:
        return frame["date_start"] <= frame["date_end"]

    @pa.dataframe_check
    def _year_of_start(cls, frame: pd.DataFrame) -> pd.Series:
        return frame["date_start"].map(lambda d: d.year) == frame["year"]

    @pa.dataframe_check
    def _mentions_counted(cls, frame: pd.DataFrame) -> pd.Series:
        return (frame["mentions"].map(len) == frame["n_mentions"]) & (
            frame["record_ids"].map(len) == frame["n_mentions"]
        )

    @pa.dataframe_check
    def _bounds_ordered(cls, frame: pd.DataFrame) -> pd.Series:
        return bounds_ordered(frame, VICTIM_CATEGORIES)

    class Config:
        strict = True
        coerce = True


class ActorModel(pa.DataFrameModel):
    """An actor of the reviewed catalog, or a generic actor in one country ("Civilians
    (Togo)"), with its activity in this gold."""

    actor_id: Series[str] = pa.Field(unique=True, str_matches=ACTOR_ID)
    name: Series[str] = pa.Field(str_length={"min_value": 1})
    aliases: Series[object] = pa.Field(metadata={"arrow": "list<string>"})
    actor_type: Series[str] = pa.Field(isin=list(ACTOR_TYPES))
    inter_code: Series[pd.Int64Dtype] = pa.Field(isin=sorted(INTER_CODES), nullable=True)
    generic_id: Series[str] = pa.Field(nullable=True, str_matches=ACTOR_ID)
    country: Series[str] = pa.Field(nullable=True)
    country_code: Series[str] = pa.Field(nullable=True, str_matches=r"^[A-Z]{3}$")
    parent_ids: Series[object] = pa.Field(metadata={"arrow": "list<string>"})
    successor_ids: Series[object] = pa.Field(metadata={"arrow": "list<string>"})
    first_event_date: Series[object] = pa.Field(nullable=True, metadata={"arrow": "date32"})
    last_event_date: Series[object] = pa.Field(nullable=True, metadata={"arrow": "date32"})
    event_count: Series[pd.Int64Dtype] = pa.Field(ge=0)
    perpetrator_event_count: Series[pd.Int64Dtype] = pa.Field(ge=0)

    @pa.check("aliases", "parent_ids", "successor_ids")
    def _lists(cls, values: pd.Series) -> pd.Series:
        return _is_list_of_str(values)

    @pa.dataframe_check
    def _activity_consistent(cls, frame: pd.DataFrame) -> pd.Series:
        active = frame["event_count"] > 0
        dated = frame["first_event_date"].notna() & frame["last_event_date"].notna()
        return (active == dated) & (frame["perpetrator_event_count"] <= frame["event_count"])

    class Config:
        strict = True
        coerce = True


class EventActorModel(pa.DataFrameModel):
    """One actor in one role in one event."""

    event_id: Series[str] = pa.Field(str_matches=EVENT_ID)
    actor_id: Series[str] = pa.Field(str_matches=ACTOR_ID)
    role: Series[str] = pa.Field(isin=list(ROLES))
    certainty: Series[str] = pa.Field(isin=list(CERTAINTIES), nullable=True)
    mention_text: Series[str] = pa.Field(str_length={"min_value": 1})
    side: Series[pd.Int64Dtype] = pa.Field(isin=[1, 2], nullable=True)
    inter_code: Series[pd.Int64Dtype] = pa.Field(isin=sorted(INTER_CODES), nullable=True)

    @pa.dataframe_check
    def _one_row_per_role(cls, frame: pd.DataFrame) -> pd.Series:
        return ~frame.duplicated(["event_id", "actor_id", "role"], keep=False)

    class Config:
        strict = True
        coerce = True


class UnresolvedActorMentionModel(pa.DataFrameModel):
    """An organisation-like name the actor file does not know, for curators."""

    mention_text: Series[str] = pa.Field(str_length={"min_value": 1})
    pattern: Series[str]
    event_id: Series[str] = pa.Field(str_matches=EVENT_ID)
    record_id: Series[str]
    doc_id: Series[str]
    line_start: Series[pd.Int64Dtype] = pa.Field(ge=1)

    class Config:
        strict = True
        coerce = True


GOLD_MODELS: dict[str, type[pa.DataFrameModel]] = {
    "events": GoldEventModel,
    "actors": ActorModel,
    "event_actors": EventActorModel,
    "unresolved_actor_mentions": UnresolvedActorMentionModel,
}
