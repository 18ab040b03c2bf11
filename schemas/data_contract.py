"""Load the gold data contract and name Arrow types the way it does."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pyarrow as arrow
import yaml

CONTRACT_PATH = Path(__file__).with_name("gold_contract.yaml")


@cache
def load_contract(path: Path = CONTRACT_PATH) -> dict[str, Any]:
    """The contract as plain data: ``tables -> name -> columns -> [{name, type, ...}]``."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def contract_type(arrow_type: arrow.DataType) -> str:
    """``list<string>``, ``date32``, ``list<mention>``: the contract's spelling of a type."""
    if arrow.types.is_list(arrow_type):
        inner = arrow_type.value_type
        return "list<mention>" if arrow.types.is_struct(inner) else f"list<{contract_type(inner)}>"
    if arrow.types.is_date32(arrow_type):
        return "date32"
    if arrow.types.is_float64(arrow_type):
        return "float64"
    if arrow.types.is_dictionary(arrow_type):
        return contract_type(arrow_type.value_type)
    if arrow.types.is_integer(arrow_type):
        return "int64"
    return str(arrow_type)
