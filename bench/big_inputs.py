"""Time raw bytes -> bronze rows on two adversarial inputs, with peak memory (issue 10).

* ``big``: the bundled sample repeated to about 50 MB (a long report: every per-line or
  per-block step must be linear in the document);
* ``long_line``: one line of about 5 MB (the sample's text joined without line breaks: a
  single paragraph, so every per-paragraph step must be linear in the paragraph);
* ``wrapped``: the same 5 MB hard-wrapped at 80 characters with a running header and a page
  number every 50 lines and no blank line: one paragraph continued over 1,250 pages, so
  nothing may rejoin or rescan a growing block per page.

Each case runs in a fresh process (decode, bronze extraction, line-accounting check), so
its peak resident memory is its own. A benchmark, not a test: run it by hand.

Usage: ``.venv/bin/python bench/big_inputs.py [--mb 50] [--line-mb 5]``
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SAMPLE = ROOT / "data" / "raw" / "mali_extremism_and_terrorism.txt"


def make_big(megabytes: float) -> bytes:
    sample = SAMPLE.read_bytes()
    copies = max(1, int(megabytes * 1_000_000 // len(sample)))
    return b"\n\n".join([sample] * copies)


def make_long_line(megabytes: float) -> bytes:
    words = b" ".join(SAMPLE.read_bytes().split())
    copies = max(1, int(megabytes * 1_000_000 // len(words)) + 1)
    return (b" ".join([words] * copies))[: int(megabytes * 1_000_000)]


def make_wrapped(megabytes: float) -> bytes:
    words = make_long_line(megabytes).decode("utf-8", "ignore").split()
    lines: list[str] = []
    current = ""
    for word in words:
        if current and len(current) + 1 + len(word) > 80:
            lines.append(current)
            current = word
            if len(lines) % 51 == 50:
                lines.extend(["", "\fCountry report", str(len(lines) // 51 + 1), ""])
        else:
            current = f"{current} {word}" if current else word
    lines.append(current)
    return "\n".join(lines).encode("utf-8")


_MAKERS = {"big": make_big, "long_line": make_long_line, "wrapped": make_wrapped}


def _run(case: str, megabytes: float, out: multiprocessing.Queue) -> None:
    from eventline.bronze.decoder import DecodedDocument, decode_document
    from eventline.bronze.extractor import extract_bronze
    from eventline.quality.conservation import check_line_accounting

    data = _MAKERS[case](megabytes)
    t0 = time.perf_counter()
    decoded = decode_document(data)
    assert isinstance(decoded, DecodedDocument)
    t1 = time.perf_counter()
    extract = extract_bronze(decoded.doc_id, decoded.text)
    check_line_accounting(decoded.text, (row["line_no"] for row in extract.lines))
    t2 = time.perf_counter()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out.put(
        {
            "case": case,
            "mb": len(data) / 1e6,
            "lines": decoded.text.count("\n") + 1,
            "decode_s": t1 - t0,
            "bronze_s": t2 - t1,
            "bullets": len(extract.bullets),
            "narratives": len(extract.narratives),
            "peak_rss_mb": peak_mb,
        }
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=50.0, help="size of the long report")
    parser.add_argument("--line-mb", type=float, default=5.0, help="size of the one line")
    args = parser.parse_args()
    context = multiprocessing.get_context("spawn")
    for case, size in (("big", args.mb), ("long_line", args.line_mb), ("wrapped", args.line_mb)):
        queue: multiprocessing.Queue = context.Queue()
        process = context.Process(target=_run, args=(case, size, queue))
        process.start()
        result = queue.get()
        process.join()
        print(
            f"{result['case']:<10} {result['mb']:6.1f} MB  {result['lines']:>9,} lines  "
            f"decode {result['decode_s']:6.2f} s  bronze {result['bronze_s']:6.2f} s  "
            f"{result['bullets']:>7,} bullets  {result['narratives']:>7,} sentences  "
            f"peak {result['peak_rss_mb']:7.0f} MB"
        )


if __name__ == "__main__":
    main()
