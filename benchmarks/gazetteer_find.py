"""How fast Gazetteer.find() scans report texts: reports per second over the dev corpus.

    python benchmarks/gazetteer_find.py [REPORTS.jsonl] [--rounds N]

Reads the dev corpus (../shared/corpus/dev/reports.jsonl beside the repository)
by default. Not a test: prints one line of figures.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from repwatch.gazetteer import default_gazetteer

DEV = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev" / "reports.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("reports", nargs="?", type=Path, default=DEV)
    parser.add_argument("--rounds", type=int, default=50)
    args = parser.parse_args()
    with args.reports.open(encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in handle if line.strip()]

    started = time.perf_counter()
    gazetteer = default_gazetteer()
    loaded = time.perf_counter() - started
    gazetteer.find(texts[0])  # the first find loads the GeoNames fallback once

    started = time.perf_counter()
    matches = 0
    for _ in range(args.rounds):
        for text in texts:
            matches += len(gazetteer.find(text))
    elapsed = time.perf_counter() - started
    scanned = args.rounds * len(texts)
    chars = sum(map(len, texts)) / len(texts)
    print(
        f"load {loaded * 1000:.0f} ms; find(): {scanned / elapsed:,.0f} reports/s "
        f"({elapsed / scanned * 1e6:.0f} µs per report of {chars:,.0f} characters on average; "
        f"{matches // args.rounds} places per pass over {len(texts)} reports)"
    )


if __name__ == "__main__":
    main()
