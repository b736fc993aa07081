"""How fast the extractor reads reports: the dev corpus replicated to N reports, one core.

    .venv/bin/python benchmarks/extract_speed.py [--reports 10000] [--corpus REPORTS.jsonl]

Prints reports per second (and mentions found). The target is at least 200 reports/s.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from repwatch.evaluate import load_reports_jsonl
from repwatch.extract import extract_many

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "dev" / "reports.jsonl"
FALLBACK_CORPUS = ROOT / "tests" / "extract" / "data" / "stories.jsonl"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=10_000, help="how many reports to read")
    parser.add_argument("--corpus", type=Path, default=None, help="a reports.jsonl to replicate")
    args = parser.parse_args()
    corpus = args.corpus or (DEFAULT_CORPUS if DEFAULT_CORPUS.is_file() else FALLBACK_CORPUS)
    reports = load_reports_jsonl(corpus)
    batch = (reports * (args.reports // len(reports) + 1))[: args.reports]
    list(extract_many(reports[:2]))  # load the pipeline and gazetteer before timing
    started = time.perf_counter()
    mentions = sum(len(found) for _, found in extract_many(batch))
    elapsed = time.perf_counter() - started
    chars = sum(len(r.text) for r in batch)
    print(f"corpus {corpus} ({len(reports)} reports, replicated to {len(batch)})")
    print(f"{len(batch)} reports, {chars / len(batch):.0f} characters each on average")
    print(f"{elapsed:.1f} s: {len(batch) / elapsed:.0f} reports/s, {mentions} mentions")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
