"""Perpetrator F1 of actor resolution alone, on a corpus with truth files in score.py's format.

The pipeline's perpetrator F1 (``score.py`` on a full run) also depends on the records silver
finds, their dates, countries and deduplication. This bench isolates actor resolution: each
truth row is resolved on the text the segment rules give it (decision 1 of the coordination
notes: its dated sentence and the following sentences of its paragraph up to the next dated
one -- here the next truth row's date), in the truth's country, with the document's lines, and
rows the truth links as duplicates share their actors (as one gold event does). F1 is counted
as score.py counts it (the spellings of the truth's actors file; generic "unidentified"/
"civilians" actors ignored).

Usage: ``.venv/bin/python bench/actor_corpus_f1.py ../shared/corpus [DOC ...] [-v]``
"""

from __future__ import annotations

import csv
import re
import sys
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eventline.gold.actors import (  # noqa: E402
    ActorCatalog,
    Line,
    Telling,
    default_catalog,
    resolve_document,
)
from eventline.gold.document_context import _paragraphs  # noqa: E402
from eventline.text.sentences import sentence_spans  # noqa: E402

GENERIC = re.compile(r"unidentified|unknown|civilians|unnamed", re.I)
Row = dict[str, str]


def norm(value: object) -> str:
    """score.py's normalisation of a spelling."""
    text = unicodedata.normalize("NFKD", str(value or "")).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def _date_offset(joined: str, start: int, date_text: str) -> int:
    """Where a truth row's date expression starts in its paragraph (a broken one: its word)."""
    if date_text and date_text != "- - :":
        at = joined.find(date_text, start)
        if at < 0:
            at = joined.find(date_text.split()[0], start)
        if at >= 0:
            return at
    return start


def segments(rows: list[Row], lines: list[Line]) -> dict[int, str]:
    """Row index -> its event text: its dated sentence and the sentences after it, up to the
    sentence of the next row's date in the same paragraph."""
    paragraph_of, groups = _paragraphs(lines)
    anchors: dict[int, list[tuple[int, int]]] = {}
    texts: dict[int, str] = {}
    for i, row in enumerate(rows):
        first = paragraph_of.get(int(row["line"]))
        if first is None:
            continue
        joined, offsets = "", {}
        for line in groups[first]:
            offsets[line.line_no] = len(joined)
            joined += line.text.strip() + " "
        texts[first] = joined
        at = _date_offset(joined, offsets[int(row["line"])], row["date_text"])
        anchors.setdefault(first, []).append((at, i))
    out: dict[int, str] = {}
    for first, items in anchors.items():
        joined = texts[first]
        spans = sentence_spans(joined)

        def sentence_of(at: int, spans: list[tuple[int, int]] = spans) -> int:
            return next((k for k, (a, b) in enumerate(spans) if a <= at < b), len(spans) - 1)

        starts = sorted({sentence_of(at) for at, _ in items})
        for at, i in items:
            k = sentence_of(at)
            following = min([s for s in starts if s > k] + [len(spans)])
            out[i] = joined[spans[k][0] : spans[following - 1][1]]
    return out


def duplicate_groups(rows: list[Row]) -> dict[int, set[int]]:
    """Row index -> the rows that tell the same event (duplicate_of, linked both ways)."""
    groups = {i: {i} for i in range(len(rows))}
    at_line: dict[int, list[int]] = {}
    for i, row in enumerate(rows):
        at_line.setdefault(int(row["line"]), []).append(i)
    for i, row in enumerate(rows):
        for line in re.findall(r"\d+", row["duplicate_of"]):
            for j in at_line.get(int(line), []):
                if row["line"] in re.findall(r"\d+", rows[j]["duplicate_of"]):
                    merged = groups[i] | groups[j]
                    for k in merged:
                        groups[k] = merged
    return groups


def score_document(
    catalog: ActorCatalog, corpus: Path, doc: str, verbose: bool
) -> tuple[int, int, int, float]:
    rows = list(csv.DictReader((corpus / "truth" / f"{doc}.truth.csv").open(encoding="utf-8")))
    spellings = {}
    for actor in csv.DictReader((corpus / "truth" / f"{doc}.actors.csv").open(encoding="utf-8")):
        names = [actor["canonical_name"], *actor["aliases"].split(";")]
        spellings[actor["canonical_name"]] = {norm(n) for n in names if n.strip()}
    text = (corpus / "docs" / f"{doc}.txt").read_text(encoding="utf-8")
    lines = [Line(n, t) for n, t in enumerate(text.split("\n"), start=1) if t.strip()]
    seg = segments(rows, lines)
    tellings = [
        Telling(str(i), seg[i], row["country"].split(";")[0], int(row["line"]))
        for i, row in enumerate(rows)
        if seg.get(i)
    ]
    started = time.process_time()
    found = resolve_document(tellings, lines, catalog)
    seconds = time.process_time() - started
    perpetrators = {
        int(rid): {m.actor_id for m in ms if m.role in ("perpetrator", "claimant")}
        for rid, (ms, _) in found.items()
    }

    def spelled(actor_id: str) -> set[str]:
        actor = catalog.actor(actor_id)
        return {norm(actor.name)} | {norm(a) for a in actor.aliases}

    tp = fp = fn = 0
    for i, group in duplicate_groups(rows).items():
        want = [p.strip() for p in rows[i]["perpetrators"].split(";")]
        want = [p for p in want if p and p != "unknown"]
        got = {a for j in group for a in perpetrators.get(j, set())}
        got = {a for a in got if not any(GENERIC.search(n) for n in spelled(a))}
        hits = {w: [a for a in got if spelled(a) & spellings.get(w, {norm(w)})] for w in want}
        tp += sum(1 for h in hits.values() if h)
        fn += sum(1 for h in hits.values() if not h)
        extra = got - {a for h in hits.values() for a in h}
        fp += len(extra)
        if verbose and (extra or not all(hits.values())):
            missed = [w for w, h in hits.items() if not h]
            print(f"  {doc}:{rows[i]['line']} missed {missed} extra {sorted(extra)}")
            print(f"      {seg.get(i, '')[:200]}")
    return tp, fp, fn, seconds


def main(corpus: Path, only: set[str] | None = None, verbose: bool = False) -> None:
    catalog = default_catalog()
    total = [0, 0, 0]
    for truth in sorted((corpus / "truth").glob("*.truth.csv")):
        doc = truth.name.removesuffix(".truth.csv")
        if only and doc not in only:
            continue
        tp, fp, fn, seconds = score_document(catalog, corpus, doc, verbose)
        f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0
        print(f"{doc}: perpetrator F1 {f1:.2f} (tp {tp}, fp {fp}, fn {fn}; {seconds:.2f} s CPU)")
        total = [total[0] + tp, total[1] + fp, total[2] + fn]
    tp, fp, fn = total
    if tp + fp + fn:
        print(f"all: perpetrator F1 {2 * tp / (2 * tp + fp + fn):.2f}")


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if not a.startswith("-")]
    if not arguments:
        sys.exit(__doc__)
    main(Path(arguments[0]), set(arguments[1:]) or None, "-v" in sys.argv)
