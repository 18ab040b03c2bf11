"""The benchmark's realistic corpus: the same bytes for the same N and seed, varied like
real archives (several countries and formats, some events told by several reports)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from bench.corpus_facts import country_facts
from bench.realistic_corpus import FORMATS, Plan, make_realistic_corpus, select

N = 12


def _texts(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    folder = tmp_path_factory.mktemp("corpus")
    make_realistic_corpus(folder, N)
    return _texts(folder)


def test_same_size_and_seed_give_the_same_bytes(corpus: dict[str, bytes], tmp_path: Path) -> None:
    make_realistic_corpus(tmp_path, N)
    assert _texts(tmp_path) == corpus
    assert len(corpus) == N


def test_another_seed_gives_other_reports(corpus: dict[str, bytes], tmp_path: Path) -> None:
    make_realistic_corpus(tmp_path, N, seed=1)
    assert _texts(tmp_path) != corpus


def test_a_revision_rewrites_only_its_report(corpus: dict[str, bytes], tmp_path: Path) -> None:
    make_realistic_corpus(tmp_path, N, revisions={5: 1})
    revised = _texts(tmp_path)
    assert [name for name in corpus if revised[name] != corpus[name]] == ["report_00005.txt"]


def test_several_countries_and_formats() -> None:
    plan = Plan(N, 0, country_facts())
    countries = {plan.country_of(i).code for i in range(N)}
    formats = Counter(select(plan, i).fmt for i in range(N))
    assert len(countries) >= 4
    assert len(formats) >= 4 and set(formats) <= set(FORMATS)


def test_some_events_are_told_by_several_reports() -> None:
    plan = Plan(N, 0, country_facts())
    tellings = Counter(event for i in range(N) for event in select(plan, i).shared)
    assert max(tellings.values()) >= 2
    for i in range(N):  # a report tells each event once
        shared = select(plan, i).shared
        assert len(set(shared)) == len(shared)


def test_reports_are_text_of_varied_size(corpus: dict[str, bytes]) -> None:
    sizes = sorted(len(text) for text in corpus.values())
    assert sizes[0] >= 10_000 and sizes[-1] > 3 * sizes[0]
    for text in corpus.values():
        text.decode("utf-8")  # every report is valid UTF-8
