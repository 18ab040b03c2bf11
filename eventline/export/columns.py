"""The columns of the ACLED and UCDP GED exports: order, type and where each value comes from.

One row per output column, in the order of the target dataset. ``type`` is the Arrow type
written to Parquet (CSV writes the same values as text; empty = null). ``source`` says
which gold column(s) give the value and how; a column whose source starts with "empty"
cannot be filled from eventline's gold and is always left empty, never invented.
``docs/exports.md`` is generated from this table and ``schemas/reference/export_codes.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # string | int64 | float64 | date32
    source: str


EMPTY = "empty: "

ACLED_COLUMNS: tuple[Column, ...] = (
    Column(
        "event_id_cnty", "string", "events.event_id (stable eventline id, not ACLED's ISO3+number)"
    ),
    Column(
        "event_date",
        "date32",
        "the day when known; the interval's middle day for time_precision 2 and 3; empty when the "
        "interval is longer than a month",
    ),
    Column("year", "int64", "events.year (year of date_start)"),
    Column(
        "time_precision",
        "int64",
        "1/2/3 from the length of date_start..date_end (export_codes.yaml); empty when longer than"
        " a month",
    ),
    Column("disorder_type", "string", "from event_type / sub_event_type (export_codes.yaml)"),
    Column("event_type", "string", "events.event_type (already ACLED's vocabulary)"),
    Column("sub_event_type", "string", "events.sub_event_type"),
    Column(
        "actor1",
        "string",
        "name of the first perpetrator, else claimant, in event_actors (confirmed before claimed "
        "before suspected)",
    ),
    Column("assoc_actor_1", "string", "the other perpetrators and claimants, '; '-separated"),
    Column(
        "inter1",
        "string",
        "ACLED inter label of actor1 (actors.inter_code, else by actor_type); --inter-codes "
        "numeric writes the code",
    ),
    Column(
        "actor2",
        "string",
        "name of the first target in event_actors; 'Civilians (<country>)' for Violence against "
        "civilians without a named target",
    ),
    Column("assoc_actor_2", "string", "the other targets, '; '-separated"),
    Column("inter2", "string", "ACLED inter label of actor2 (Civilians = 7)"),
    Column(
        "interaction",
        "string",
        "'<inter1>-<inter2>' lowest code first, '<inter1> only' without actor2; numeric: the two "
        "codes (10 = sole state forces); empty when an inter code is unknown",
    ),
    Column(
        "civilian_targeting", "string", "'Civilian targeting' when actor2 is civilians, else empty"
    ),
    Column(
        "iso",
        "int64",
        "ISO 3166-1 numeric code of events.country_code, else of events.country (iso3166 package)",
    ),
    Column("region", "string", "empty: ACLED's world regions are not in gold"),
    Column("country", "string", "events.country"),
    Column("admin1", "string", "events.admin1"),
    Column("admin2", "string", "events.admin2 when gold has it"),
    Column("admin3", "string", "empty: not in gold"),
    Column(
        "location", "string", "events.location, else events.location_text (the place as written)"
    ),
    Column("latitude", "float64", "events.latitude"),
    Column("longitude", "float64", "events.longitude"),
    Column(
        "geo_precision",
        "int64",
        "events.geo_precision when gold has it, else from location_precision (export_codes.yaml)",
    ),
    Column("source", "string", "events.source_names, '; '-separated"),
    Column("source_scale", "string", "empty: not known from the reports"),
    Column("notes", "string", "events.description (the text as written)"),
    Column(
        "fatalities",
        "int64",
        "events.fatalities when gold has it, else killed + assailants_killed over the stated "
        "figures; empty when neither is stated (never 0 for unknown)",
    ),
    Column(
        "tags",
        "string",
        "eventline notes: 'date range=START/END' when the day is not known, 'date imputed' when "
        "the text does not state it",
    ),
    Column("timestamp", "int64", "empty: ACLED's upload time has no eventline equivalent"),
)

UCDP_COLUMNS: tuple[Column, ...] = (
    Column(
        "id", "string", "events.event_id (GED's id is an integer; eventline's is a stable string)"
    ),
    Column("relid", "string", "events.event_id"),
    Column("year", "int64", "events.year"),
    Column("active_year", "int64", "empty: UCDP conflict-year criteria are not assessed"),
    Column("code_status", "string", "empty: not assessed"),
    Column(
        "type_of_violence",
        "int64",
        "1/2/3 from the inter codes of the sides, 3 for Violence against civilians "
        "(export_codes.yaml); empty when unclear",
    ),
    Column("conflict_dset_id", "int64", "empty: UCDP conflict ids are not in gold"),
    Column("conflict_new_id", "int64", "empty: UCDP conflict ids are not in gold"),
    Column("conflict_name", "string", "empty: not in gold"),
    Column("dyad_dset_id", "int64", "empty: UCDP dyad ids are not in gold"),
    Column("dyad_new_id", "int64", "empty: UCDP dyad ids are not in gold"),
    Column("dyad_name", "string", "'<side_a> - <side_b>' when both sides are known"),
    Column("side_a_dset_id", "int64", "empty: UCDP actor ids are not in gold"),
    Column("side_a_new_id", "int64", "empty: UCDP actor ids are not in gold"),
    Column(
        "side_a",
        "string",
        "the government side in state-based conflict, else the perpetrator (actor1)",
    ),
    Column("side_b_dset_id", "int64", "empty: UCDP actor ids are not in gold"),
    Column("side_b_new_id", "int64", "empty: UCDP actor ids are not in gold"),
    Column("side_b", "string", "the other side; 'Civilians' in one-sided violence"),
    Column(
        "number_of_sources", "int64", "number of documents that tell the event (events.doc_ids)"
    ),
    Column("source_article", "string", "events.source_names, '; '-separated"),
    Column("source_office", "string", "empty: not in gold"),
    Column("source_date", "string", "empty: not in gold"),
    Column("source_headline", "string", "empty: not in gold"),
    Column("source_original", "string", "empty: not in gold"),
    Column(
        "where_prec",
        "int64",
        "events.where_prec when gold has it, else from location_precision (export_codes.yaml)",
    ),
    Column("where_coordinates", "string", "events.location (the place the coordinates are of)"),
    Column(
        "where_description",
        "string",
        "events.location_text when gold has it (the place as written)",
    ),
    Column("adm_1", "string", "events.admin1"),
    Column("adm_2", "string", "events.admin2 when gold has it"),
    Column("latitude", "float64", "events.latitude"),
    Column("longitude", "float64", "events.longitude"),
    Column("geom_wkt", "string", "'POINT (longitude latitude)' when both are known"),
    Column(
        "priogrid_gid",
        "int64",
        "PRIO-GRID cell of the coordinates: 1 + floor((lon+180)*2) + 720*floor((lat+90)*2)",
    ),
    Column("country", "string", "events.country"),
    Column("country_id", "int64", "empty: Gleditsch-Ward country numbers are not in gold"),
    Column("region", "string", "empty: UCDP regions are not in gold"),
    Column("event_clarity", "int64", "empty: not assessed"),
    Column(
        "date_prec",
        "int64",
        "1-5 from the length of date_start..date_end (export_codes.yaml); empty when longer than a"
        " year",
    ),
    Column("date_start", "date32", "events.date_start"),
    Column("date_end", "date32", "events.date_end"),
    Column("deaths_a", "int64", "events.assailants_killed when side_a is the perpetrator"),
    Column(
        "deaths_b",
        "int64",
        "events.assailants_killed when side_b is the perpetrator (state-based, government "
        "attacked)",
    ),
    Column("deaths_civilians", "int64", "events.killed in one-sided violence"),
    Column("deaths_unknown", "int64", "events.killed otherwise (the victims' side is not known)"),
    Column(
        "best",
        "int64",
        "events.fatalities when gold has it, else killed + assailants_killed over the stated "
        "figures",
    ),
    Column("high", "int64", "killed_high (else killed) + assailants_killed"),
    Column("low", "int64", "killed_low (else killed) + assailants_killed"),
    Column("gwnoa", "string", "empty: Gleditsch-Ward numbers are not in gold"),
    Column("gwnob", "string", "empty: Gleditsch-Ward numbers are not in gold"),
)

FORMATS: dict[str, tuple[Column, ...]] = {"acled": ACLED_COLUMNS, "ucdp-ged": UCDP_COLUMNS}
