"""Generate a realistic benchmark corpus: reports of several countries and formats.

Unlike ``bench/make_corpus.py`` (near-copies of one report, the adversarial case for
deduplication), the reports here overlap as real archives do: each tells mostly events of
its own and some events that other reports of the same country also tell, worded
differently (another telling, a figure stated as "at least", a day given as a month).

* Countries, towns, admin regions, armed groups and state forces come from the bundled
  reference data (``bench/corpus_facts.py``); sentences from ``bench/corpus_templates.py``.
* Five formats: a timeline report with narrative sections and page artifacts, an annual
  country report with year sections, conflict-event notes under month headings, a news
  digest with datelines, and a report with numbered paragraphs over a reporting period.
* Sizes vary by format (from about 15 KB to 250 KB; about 100 KB on average).
* Deterministic: the same N, seed and revisions give the same bytes. The shared events of
  a country form a pool whose size grows with N, so that an event is told by a few
  reports whatever the size of the corpus (cost stays linear in N).

    .venv/bin/python bench/realistic_corpus.py /tmp/corpus 1000
"""

from __future__ import annotations

import random
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script too

from bench.corpus_facts import CountryFacts, Town, country_facts
from bench.corpus_templates import (
    BACKGROUND,
    CONTEXT_EVENTS,
    EVENT_KINDS,
    FIGURE_VARIANTS,
    NEWS_DESKS,
    SOURCES,
)
from bench.make_corpus import corpus_main, write_reports

MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
#: Share of a report's events that other reports of its country also tell.
SHARED_SHARE = 0.15
#: How many reports tell a shared event, on average.
TELLINGS_PER_SHARED_EVENT = 4
CONTEXT_SHARE = 0.08
LATEST_YEAR = 2025
#: Formats: (weight, range of events per report).
FORMATS: dict[str, tuple[float, tuple[int, int]]] = {
    "timeline": (0.35, (300, 1000)),
    "annual": (0.2, (80, 300)),
    "notes": (0.2, (300, 800)),
    "digest": (0.15, (150, 500)),
    "periodic": (0.1, (80, 240)),
}


@dataclass(frozen=True)
class Event:
    """One incident (or dated decision) as the world saw it; reports tell it."""

    day: date
    kind: str  # an EVENT_KINDS key, or "context"
    town: Town
    town2: Town
    actor: str
    force: str
    killed: int
    injured: int
    count: int
    militants: int
    telling: int  # which wording a report uses (varied per report for shared events)


def _random_event(rng: random.Random, facts: CountryFacts, years: tuple[int, int]) -> Event:
    start = date(years[0], 1, 1)
    day = start + timedelta(days=rng.randrange((date(years[1], 12, 31) - start).days + 1))
    if rng.random() < CONTEXT_SHARE:
        kind = "context"
    else:
        kinds = list(EVENT_KINDS)
        kind = rng.choices(kinds, weights=[EVENT_KINDS[k][0] for k in kinds])[0]
    town, town2 = rng.sample(facts.towns, 2)
    return Event(
        day=day,
        kind=kind,
        town=town,
        town2=town2,
        actor=rng.choice(facts.perpetrators),
        force=rng.choice(facts.forces),
        killed=rng.choice([rng.randint(2, 9), rng.randint(2, 40), rng.randint(10, 120)]),
        injured=rng.randint(1, 60),
        count=rng.randint(2, 30),
        militants=rng.randint(3, 80),
        telling=rng.randrange(8),
    )


def _templates(event: Event) -> tuple[str, ...]:
    return CONTEXT_EVENTS if event.kind == "context" else EVENT_KINDS[event.kind][1]


def tell(event: Event, rng: random.Random, shared: bool) -> str:
    """One report's sentence for *event*; a shared event's figures may be stated loosely."""
    templates = _templates(event)
    template = templates[(event.telling + (rng.randrange(3) if shared else 0)) % len(templates)]

    def figure(n: int) -> str:
        return rng.choice(FIGURE_VARIANTS).format(n=n) if shared else str(n)

    return template.format(
        actor=event.actor,
        force=event.force,
        town=event.town.name,
        town2=event.town2.name,
        admin1=event.town.admin1,
        killed=figure(event.killed),
        injured=figure(event.injured),
        count=figure(event.count),
        militants=figure(event.militants),
    )


def lead_in(sentence: str) -> str:
    """The sentence after "On <date>, ": a first word that is not a name loses its capital."""
    first = sentence.split(" ", 1)[0]
    if first.isalpha() and first[:1].isupper() and (first[1:].islower() or len(first) == 1):
        return sentence[0].lower() + sentence[1:]
    return sentence


def background(rng: random.Random, facts: CountryFacts, sentences: int) -> str:
    town, town2 = rng.sample(facts.towns, 2)
    return " ".join(
        template.format(
            actor=rng.choice(facts.perpetrators),
            admin1=town.admin1,
            town=town.name,
            town2=town2.name,
        )
        for template in rng.sample(BACKGROUND, min(sentences, len(BACKGROUND)))
    )


def long_date(day: date, with_year: bool = True) -> str:
    text = f"{MONTHS[day.month - 1]} {day.day}"
    return f"{text}, {day.year}" if with_year else text


def day_first(day: date, with_year: bool = True) -> str:
    text = f"{day.day} {MONTHS[day.month - 1]}"
    return f"{text} {day.year}" if with_year else text


@dataclass
class Report:
    """What a format needs: the country, the years, and the events told (with sentences)."""

    facts: CountryFacts
    years: tuple[int, int]
    told: list[tuple[Event, str]]
    rng: random.Random


def _paged(lines: list[str], header: str, every: int = 45) -> str:
    """Lines with a page number and a running header every *every* lines, as PDF text has."""
    out: list[str] = []
    for index, line in enumerate(lines, 1):
        out.append(line)
        if index % every == 0:
            out += [str(index // every), header]
    return "\n".join(out) + "\n"


def timeline_report(report: Report) -> str:
    facts, rng = report.facts, report.rng
    title = f"{facts.name}: Extremism and Terrorism"
    lines = [title, background(rng, facts, 4), "", "Overview"]
    chosen = [rng.random() < 0.25 for _ in report.told]
    narrated = [item for item, narrate in zip(report.told, chosen, strict=True) if narrate]
    timeline = [item for item, narrate in zip(report.told, chosen, strict=True) if not narrate]
    for start in range(0, len(narrated), 3):
        dated = " ".join(
            f"On {long_date(event.day)}, {lead_in(sentence)}"
            for event, sentence in narrated[start : start + 3]
        )
        lines += [f"{background(rng, facts, 2)} {dated}", ""]
    lines.append("Timeline")
    for event, sentence in sorted(timeline, key=lambda item: item[0].day, reverse=True):
        source = rng.choice(SOURCES)
        lines.append(f"- **{long_date(event.day)}:** {sentence} Source: [{source}](#)")
    return _paged(lines, title)


def annual_report(report: Report) -> str:
    facts, rng = report.facts, report.rng
    lines = [f"COUNTRY REPORTS ON TERRORISM {report.years[1]}", "", facts.name.upper(), ""]
    lines += [f"Overview: {background(rng, facts, 5)}", ""]
    for year in range(report.years[0], report.years[1] + 1):
        told = [item for item in report.told if item[0].day.year == year]
        lines.append(
            f"{year} Terrorist Incidents: armed groups carried out attacks against soldiers,"
            " police and civilians. Notable incidents included:"
        )
        for event, sentence in told:
            lines.append(f"• On {long_date(event.day, with_year=False)}, {lead_in(sentence)}")
        lines += ["", f"Legislation, Law Enforcement, and Border Security: "
                  f"{background(rng, facts, 3)}", ""]  # fmt: skip
    return "\n".join(lines) + "\n"


def notes_report(report: Report) -> str:
    facts, rng = report.facts, report.rng
    first, last = report.years
    lines = [f"{facts.name.upper()}: CONFLICT EVENT NOTES, {first}-{last}", ""]
    lines += ["Background", background(rng, facts, 5), ""]
    month = None
    for event, sentence in report.told:
        if (event.day.year, event.day.month) != month:
            month = (event.day.year, event.day.month)
            lines += ["", f"{MONTHS[event.day.month - 1]} {event.day.year}"]
        place = f"({event.town.name}, {event.town.admin1}, {facts.name})"
        lines.append(f"On {day_first(event.day)}, {lead_in(sentence)} {place}")
    return "\n".join(lines) + "\n"


def digest_report(report: Report) -> str:
    facts, rng = report.facts, report.rng
    lines = [f"{facts.name.upper()} SECURITY DIGEST", ""]
    lines += ["Items appear in filing order. Dates are month, day and year.", ""]
    year = None
    for event, sentence in report.told:
        filed = event.day + timedelta(days=rng.randint(0, 2))
        stamp = f"{MONTHS[filed.month - 1][:3]}. {filed.day}"
        if filed.year != year:
            stamp, year = f"{stamp}, {filed.year}", filed.year
        when = "on the same day" if filed == event.day else f"on {long_date(event.day, False)}"
        desk = rng.choice(NEWS_DESKS)
        lines += [
            f"{event.town.name.upper()}, {stamp} ({desk}) - {sentence} Officials said the"
            f" incident took place {when}. {background(rng, facts, 1)}",
            "",
        ]
    return "\n".join(lines)


def periodic_report(report: Report) -> str:
    facts, rng = report.facts, report.rng
    year = report.years[1]
    lines = ["United Nations - Security Council", f"The situation in {facts.name}"]
    lines += ["Report of the Secretary-General", "", "I. Introduction"]
    lines.append(
        f"1. The present report covers the period from 1 January to 31 December {year} and"
        f" describes security developments in {facts.name}. {background(rng, facts, 2)}"
    )
    lines += ["", "II. Security developments"]
    told = [item for item in report.told if item[0].day.year == year]
    number = 2
    for start in range(0, len(told), 3):
        group = told[start : start + 3]
        text = " ".join(
            f"On {day_first(event.day, with_year=False)}, {lead_in(sentence)}"
            for event, sentence in group
        )
        lines.append(f"{number}. {text}")
        number += 1
    lines += ["", "III. Observations", f"{number}. {background(rng, facts, 3)}"]
    return "\n".join(lines) + "\n"


RENDER: dict[str, Callable[[Report], str]] = {
    "timeline": timeline_report,
    "annual": annual_report,
    "notes": notes_report,
    "digest": digest_report,
    "periodic": periodic_report,
}


@dataclass(frozen=True)
class Plan:
    """Which country and format each report has, and the shared events of each country."""

    count: int
    seed: int
    countries: tuple[CountryFacts, ...]

    def country_of(self, index: int) -> CountryFacts:
        return self.countries[random.Random(f"{self.seed}:country:{index}").randrange(
            len(self.countries)
        )]  # fmt: skip

    def shared_pool(self, facts: CountryFacts) -> list[Event]:
        reports = Counter(self.country_of(i).code for i in range(self.count))[facts.code]
        mean_events = sum(w * sum(r) / 2 for w, r in FORMATS.values())
        size = max(8, round(reports * mean_events * SHARED_SHARE / TELLINGS_PER_SHARED_EVENT))
        rng = random.Random(f"{self.seed}:pool:{facts.code}:{self.count}")
        return [_random_event(rng, facts, (2012, LATEST_YEAR)) for _ in range(size)]


def _years(rng: random.Random, fmt: str) -> tuple[int, int]:
    last = rng.randint(2015, LATEST_YEAR)
    span = 1 if fmt == "periodic" else rng.randint(1, 6)
    return last - span + 1, last


@dataclass(frozen=True)
class Selection:
    """What report *index* is: its format, years, and the events it tells."""

    fmt: str
    years: tuple[int, int]
    shared: list[Event]  # from its country's pool: other reports tell them too
    own: list[Event]
    rng: random.Random  # carries on into the wording


def select(plan: Plan, index: int, pools: dict | None = None) -> Selection:
    """The format, years and events of report *index* (the same for every revision)."""
    rng = random.Random(f"{plan.seed}:report:{index}")
    facts = plan.country_of(index)
    formats = list(FORMATS)
    fmt = rng.choices(formats, weights=[FORMATS[f][0] for f in formats])[0]
    years = _years(rng, fmt)
    total = rng.randint(*FORMATS[fmt][1])
    pool = (pools or {}).get(facts.code) or plan.shared_pool(facts)
    in_years = [event for event in pool if years[0] <= event.day.year <= years[1]]
    shared = rng.sample(in_years, min(len(in_years), round(total * SHARED_SHARE)))
    own = [_random_event(rng, facts, years) for _ in range(total - len(shared))]
    return Selection(fmt, years, shared, own, rng)


def report_text(plan: Plan, index: int, revision: int = 0, pools: dict | None = None) -> str:
    """The text of report *index*; *revision* > 0 adds one event and corrects one figure."""
    chosen = select(plan, index, pools)
    facts, rng, fmt, years = plan.country_of(index), chosen.rng, chosen.fmt, chosen.years
    shared, own = chosen.shared, list(chosen.own)
    edits = random.Random(f"{plan.seed}:revision:{index}:{revision}")
    if revision:
        own.append(_random_event(edits, facts, years))
        own[0] = replace(own[0], killed=own[0].killed + revision)
    told = [(event, tell(event, rng, shared=False)) for event in own]
    told += [
        (replace(event, telling=event.telling + index), tell(event, rng, shared=True))
        for event in shared
    ]
    told.sort(key=lambda item: (item[0].day, item[1]))
    return RENDER[fmt](Report(facts, years, told, rng))


def make_realistic_corpus(
    directory: Path, count: int, seed: int = 0, revisions: dict[int, int] | None = None
) -> list[Path]:
    """Write *count* reports into *directory*; *revisions* maps a report index to its
    revision (the changed-report cases). Files whose text is unchanged are not rewritten."""
    plan = Plan(count, seed, country_facts())
    pools = {facts.code: plan.shared_pool(facts) for facts in plan.countries}
    return write_reports(
        directory,
        count,
        lambda index: report_text(plan, index, (revisions or {}).get(index, 0), pools),
    )


if __name__ == "__main__":
    corpus_main(make_realistic_corpus, __doc__.splitlines()[0])
