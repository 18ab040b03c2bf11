"""Read a reviewed reference file of ``schemas/reference/``: the header and row shape are checked.

Reference data ships inside the ``schemas`` package and is read with ``importlib.resources``,
so it is found the same way in a checkout, an installed wheel or a zip.
"""

from __future__ import annotations

import csv
import gc
import io
from collections.abc import Iterator
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

Source = Path | Traversable


def reference_file(name: str | Source) -> Source:
    """``schemas/reference/<name>`` as a resource; a path given by the caller stays a path."""
    if isinstance(name, str):
        return files("schemas") / "reference" / name
    return name


def schemas_file(*parts: str) -> Traversable:
    """A file of the ``schemas`` package (GX root, data contract) as a resource."""
    resource = files("schemas")
    for part in parts:
        resource = resource / part
    return resource


def reference_rows(
    source: str | Source, columns: tuple[str, ...]
) -> Iterator[tuple[str, dict[str, str]]]:
    """(``file:line``, row) for every non-blank row; a wrong header or row fails loudly."""
    resource = reference_file(source)
    text = resource.read_text(encoding="utf-8-sig")
    reader = csv.reader(io.StringIO(text, newline=""))
    header = tuple(next(reader, ()))
    if header != columns:
        raise ValueError(f"{resource.name}: header {header} is not {columns}")
    for line_no, values in enumerate(reader, start=2):
        if not any(value.strip() for value in values):
            continue
        where = f"{resource.name}:{line_no}"
        if len(values) != len(columns):
            raise ValueError(f"{where}: expected {len(columns)} fields, got {len(values)}")
        yield where, dict(zip(columns, values, strict=True))


def keep_for_good() -> None:
    """Take what the process holds so far out of the garbage collector's full passes.

    A worker keeps its reference data (each country's place index and matcher: hundreds of
    thousands of objects) until it exits, yet every full collection walked all of it again:
    0.4 s each, about a tenth of silver drafting's CPU on the realistic corpus. Called when
    a long-lived structure is built (a bounded number of times per process). Objects freed
    later by reference counting are freed as usual; only cycles that are garbage at that
    moment are never collected.
    """
    gc.freeze()
