"""The reviewed export codes load, and a wrong file fails loudly instead of exporting."""

from __future__ import annotations

import copy
from importlib.resources import files

import pytest
import yaml

from eventline.export.codes import export_codes, parse, precision_for


def _raw() -> dict:
    text = files("schemas").joinpath("reference/export_codes.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def test_packaged_codes_are_valid() -> None:
    codes = export_codes()
    assert (
        codes.inter_labels[1] == "State forces" and codes.inter_labels[8] == "External/Other forces"
    )
    assert codes.actor_type_inter["jihadist group"] == 2
    assert "militia" not in codes.actor_type_inter  # political or identity: not guessed
    assert codes.disorder_by_sub_event_type["Mob violence"] == "Political violence; Demonstrations"


def test_precision_is_the_finest_code_that_holds_the_interval() -> None:
    acled = export_codes().time_precision_max_days
    assert [precision_for(days, acled) for days in (1, 2, 7, 8, 31, 32)] == [1, 2, 2, 3, 3, None]
    ucdp = export_codes().date_prec_max_days
    assert [precision_for(days, ucdp) for days in (1, 6, 7, 30, 365, 366, 367)] == [
        1,
        2,
        3,
        4,
        5,
        5,
        None,
    ]


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (("acled", "inter_codes", 9), "Other", "codes 1-8"),
        (("acled", "actor_type_inter", "warlord"), 3, "unknown keys"),
        (("acled", "actor_type_inter", "militia"), 12, "out of range"),
        (("ucdp", "where_prec_by_location_precision", "town"), 8, "out of range"),
        (("acled", "time_precision_max_days", 2), 0, "increasing days"),
    ],
)
def test_a_wrong_code_is_refused(path: tuple, value: object, message: str) -> None:
    raw = copy.deepcopy(_raw())
    node = raw
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    with pytest.raises(ValueError, match=message):
        parse(raw)


def test_every_event_type_needs_a_disorder_type() -> None:
    raw = copy.deepcopy(_raw())
    del raw["acled"]["disorder_by_event_type"]["Riots"]
    with pytest.raises(ValueError, match="every event type"):
        parse(raw)


def test_docs_exports_md_is_up_to_date() -> None:
    from eventline.export.docs import main

    assert main(["--check"]) == 0, "run: .venv/bin/python -m eventline.export.docs"
