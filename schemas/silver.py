"""Pandera models of the silver layer: records, quarantine, duplicate candidates."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from eventline.silver.casualty_vocabulary import CATEGORIES
from eventline.silver.date_roles import ROLES
from schemas.bronze import _is_list_of_str

DATE_PRECISIONS = ["day", "range", "month", "year", "bounded"]
DATE_METHODS = ["explicit", "range", "inherited", "bounded_by_neighbours"]
# town/admin3/admin2/admin1/country: what the named place resolved to; unresolved: a place is
# named but the gazetteer does not know it (or not unambiguously); unknown: none is named.
LOCATION_PRECISIONS = ["town", "admin3", "admin2", "admin1", "country", "unresolved", "unknown"]
DATE_ROLES = list(ROLES)
RECORD_CLASSES = ["event", "context"]
EVENT_TYPES = [
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Protests",
    "Riots",
    "Strategic developments",
]
_ID = r"^rec_[0-9a-f]{16}$"
_DOC = r"^doc_[0-9a-f]{16}$"
_EVENT = r"^evt_[0-9a-f]{16}$"


def _is_date(values: pd.Series) -> pd.Series:
    return values.map(lambda v: isinstance(v, dt.date) and not isinstance(v, dt.datetime))


def bounds_ordered(frame: pd.DataFrame, kinds: tuple[str, ...]) -> pd.Series:
    """low <= best <= high for each casualty kind, wherever the figures are known."""
    ok = pd.Series(True, index=frame.index)
    for kind in kinds:
        low, high, best = frame[f"{kind}_low"], frame[f"{kind}_high"], frame[kind]
        ok &= (low.isna() | high.isna() | (low <= high)).astype(bool)
        ok &= (best.isna() | low.isna() | (best >= low)).astype(bool)
        ok &= (best.isna() | high.isna() | (best <= high)).astype(bool)
    return ok


def _count(**kwargs: object) -> object:
    return pa.Field(ge=0, nullable=True, **kwargs)


class SilverRecordModel(pa.DataFrameModel):
    """One telling of an event, or a dated context sentence: dated as an interval, with
    casualties, place and ACLED type.

    Every telling stays (decision 2 of the generalization work): the tellings of one event
    share its ``event_id``, and each one but the canonical telling names it in
    ``duplicate_of``. Context records (``record_class`` ``context``: statistics, background,
    plans) belong to no event and never reach gold.
    """

    record_id: Series[str] = pa.Field(unique=True, str_matches=_ID)
    # The bronze record this one is a telling of, and which (0-based): record_id is the
    # bronze id for part 0, stable_id("rec", bronze_record_id, part) for the others.
    bronze_record_id: Series[str] = pa.Field(str_matches=_ID)
    part: Series[pd.Int64Dtype] = pa.Field(ge=0)
    doc_id: Series[str] = pa.Field(str_matches=_DOC)
    doc_ids: Series[object] = pa.Field(metadata={"arrow": "list<string>"})
    kind: Series[str] = pa.Field(isin=["bullet", "narrative"])
    date_label: Series[str]
    date_start: Series[object] = pa.Field(metadata={"arrow": "date32"})
    date_end: Series[object] = pa.Field(metadata={"arrow": "date32"})
    date_precision: Series[str] = pa.Field(isin=DATE_PRECISIONS)
    date_method: Series[str] = pa.Field(isin=DATE_METHODS)
    date_anchor: Series[str] = pa.Field(nullable=True)
    date_imputed: Series[bool]
    # "Around 10 June 2019": the date is stated as approximate.
    date_approximate: Series[bool]
    # What the dating expression does in its sentence (eventline.silver.date_roles):
    # event, report, alternative, since, from, planned, appositive, attributive.
    date_role: Series[str] = pa.Field(isin=DATE_ROLES)
    # The record whose text this one's sentence was also added to (a toll "two days
    # later", a statement "announced on 9 April" that adds to the record before it).
    continues_record_id: Series[str] = pa.Field(nullable=True, str_matches=_ID)
    text: Series[str] = pa.Field(str_length={"min_value": 1})
    sources: Series[object] = pa.Field(metadata={"arrow": "list<string>"})
    section: Series[str] = pa.Field(nullable=True)
    line_start: Series[pd.Int64Dtype] = pa.Field(ge=1)
    line_end: Series[pd.Int64Dtype] = pa.Field(ge=1)
    killed: Series[pd.Int64Dtype] = _count()
    killed_low: Series[pd.Int64Dtype] = _count()
    killed_high: Series[pd.Int64Dtype] = _count()
    killed_phrase: Series[str] = pa.Field(nullable=True)
    injured: Series[pd.Int64Dtype] = _count()
    injured_low: Series[pd.Int64Dtype] = _count()
    injured_high: Series[pd.Int64Dtype] = _count()
    injured_phrase: Series[str] = pa.Field(nullable=True)
    kidnapped: Series[pd.Int64Dtype] = _count()
    kidnapped_low: Series[pd.Int64Dtype] = _count()
    kidnapped_high: Series[pd.Int64Dtype] = _count()
    kidnapped_phrase: Series[str] = pa.Field(nullable=True)
    assailants_killed: Series[pd.Int64Dtype] = _count()
    assailants_killed_low: Series[pd.Int64Dtype] = _count()
    assailants_killed_high: Series[pd.Int64Dtype] = _count()
    assailants_killed_phrase: Series[str] = pa.Field(nullable=True)
    fatalities: Series[pd.Int64Dtype] = _count()
    fatalities_phrase: Series[str] = pa.Field(nullable=True)
    location_text: Series[str] = pa.Field(nullable=True)
    location: Series[str] = pa.Field(nullable=True)
    place_id: Series[str] = pa.Field(nullable=True)
    location_precision: Series[str] = pa.Field(isin=LOCATION_PRECISIONS)
    admin1: Series[str] = pa.Field(nullable=True)
    admin2: Series[str] = pa.Field(nullable=True)
    country: Series[str] = pa.Field(nullable=True)
    country_code: Series[str] = pa.Field(nullable=True, str_matches=r"^[A-Z]{3}$")
    latitude: Series[float] = pa.Field(ge=-90, le=90, nullable=True)
    longitude: Series[float] = pa.Field(ge=-180, le=180, nullable=True)
    geo_precision: Series[pd.Int64Dtype] = pa.Field(isin=[1, 2, 3], nullable=True)
    where_prec: Series[pd.Int64Dtype] = pa.Field(isin=[1, 2, 3, 4, 5, 6, 7], nullable=True)
    places_text: Series[object] = pa.Field(metadata={"arrow": "list<string>"})
    unknown_places: Series[object] = pa.Field(metadata={"arrow": "list<string>"})
    event_type: Series[str] = pa.Field(isin=EVENT_TYPES, nullable=True)
    sub_event_type: Series[str] = pa.Field(nullable=True)
    event_rule: Series[str] = pa.Field(nullable=True)
    record_class: Series[str] = pa.Field(isin=RECORD_CLASSES)
    class_reason: Series[str] = pa.Field(str_length={"min_value": 1})
    event_id: Series[str] = pa.Field(nullable=True, str_matches=_EVENT)
    duplicate_of: Series[str] = pa.Field(nullable=True, str_matches=_ID)
    mentions: Series[object] = pa.Field(metadata={"arrow": "list<mention>"})
    n_mentions: Series[pd.Int64Dtype] = pa.Field(ge=1)

    @pa.check("date_start", "date_end")
    def _dates(cls, values: pd.Series) -> pd.Series:
        return _is_date(values)

    @pa.check("doc_ids", "sources", "places_text", "unknown_places")
    def _lists(cls, values: pd.Series) -> pd.Series:
        return _is_list_of_str(values)

    @pa.dataframe_check
    def _events_have_an_event_id(cls, frame: pd.DataFrame) -> pd.Series:
        """Events belong to one gold event; context records to none, and link to nothing."""
        event = frame["record_class"] == "event"
        return (event & frame["event_id"].notna()) | (
            ~event & frame["event_id"].isna() & frame["duplicate_of"].isna()
        )

    @pa.dataframe_check
    def _not_its_own_duplicate(cls, frame: pd.DataFrame) -> pd.Series:
        return frame["duplicate_of"].isna() | (frame["duplicate_of"] != frame["record_id"])

    @pa.dataframe_check
    def _date_order(cls, frame: pd.DataFrame) -> pd.Series:
        return frame["date_start"] <= frame["date_end"]

    @pa.dataframe_check
    def _lines_ordered(cls, frame: pd.DataFrame) -> pd.Series:
        return frame["line_start"] <= frame["line_end"]

    @pa.dataframe_check
    def _bounds_ordered(cls, frame: pd.DataFrame) -> pd.Series:
        return bounds_ordered(frame, CATEGORIES)

    @pa.dataframe_check
    def _mentions_counted(cls, frame: pd.DataFrame) -> pd.Series:
        return frame["mentions"].map(len) == frame["n_mentions"]

    class Config:
        strict = True
        coerce = True


class QuarantineModel(pa.DataFrameModel):
    """A record held back from a layer, with every check it failed."""

    record_id: Series[str]
    bronze_record_id: Series[str]
    part: Series[pd.Int64Dtype] = pa.Field(ge=0, nullable=True)
    doc_id: Series[str]
    kind: Series[str]
    layer: Series[str] = pa.Field(isin=["silver", "gold"])
    reasons: Series[object] = pa.Field(metadata={"arrow": "list<string>"})
    text: Series[str] = pa.Field(nullable=True)
    line_start: Series[pd.Int64Dtype] = pa.Field(nullable=True)
    line_end: Series[pd.Int64Dtype] = pa.Field(nullable=True)

    @pa.check("reasons")
    def _reasons(cls, values: pd.Series) -> pd.Series:
        return values.map(lambda v: isinstance(v, list) and len(v) > 0)

    class Config:
        strict = True
        coerce = True


class DuplicateCandidateModel(pa.DataFrameModel):
    """A pair of silver records that may tell one event, for a reviewer to decide."""

    record_id_a: Series[str] = pa.Field(str_matches=_ID)
    record_id_b: Series[str] = pa.Field(str_matches=_ID)
    doc_id_a: Series[str]
    doc_id_b: Series[str]
    line_a: Series[pd.Int64Dtype]
    line_b: Series[pd.Int64Dtype]
    date_a: Series[object] = pa.Field(metadata={"arrow": "date32"})
    date_b: Series[object] = pa.Field(metadata={"arrow": "date32"})
    score: Series[float] = pa.Field(ge=0, le=1)
    reason: Series[str]

    class Config:
        strict = True
        coerce = True


class UnknownPlaceModel(pa.DataFrameModel):
    """A place name the gazetteer does not place, for curators: with the record's country
    and why (not in the gazetteer, or ambiguous between several places of that name)."""

    name: Series[str]
    country: Series[str] = pa.Field(nullable=True)
    reason: Series[str]
    record_id: Series[str] = pa.Field(str_matches=_ID)
    doc_id: Series[str]
    line_start: Series[pd.Int64Dtype]

    class Config:
        strict = True
        coerce = True
