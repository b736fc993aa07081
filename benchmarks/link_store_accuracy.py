"""How well the store links the linking corpus, through the real path of `repwatch extract`.

    python benchmarks/link_store_accuracy.py [--data tests/link/data]

Ingests the corpus's reports into a fresh SQLite database in publication order,
extracts and links them exactly as ``repwatch extract`` does (candidate query,
decision, reconciliation, one transaction per report), then scores the stored
incidents: a pair of mentions from different reports is linked when they back one
incident, and should be when they tell one gold case (mentions are matched to
gold cases as ``link_accuracy.py`` does). Prints pairwise precision, recall and F1,
and the open duplicate proposals. Not a test.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from collections import defaultdict
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from link_accuracy import DATA, cluster_keys, gold_mention, read_jsonl

from repwatch.jobs import extract_into
from repwatch.model import Mention, Report
from repwatch.store import Store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args()
    rows = read_jsonl(args.data / "reports.jsonl")
    clusters = {
        row["id"]: row.get("incidents") or [row["incident"]]
        for row in read_jsonl(args.data / "clusters.jsonl")
    }
    gold = {
        row["id"]: [gold_mention(row["id"], i) for i in row["incidents"]]
        for row in read_jsonl(args.data / "gold.jsonl")
    }
    with tempfile.TemporaryDirectory() as folder, Store.open(f"sqlite:///{folder}/l.db") as store:
        corpus_id = {}
        for row in sorted(rows, key=lambda r: (r.get("published") or "", r["id"])):
            published = dt.date.fromisoformat(row["published"]) if row.get("published") else None
            report = Report.from_text(
                row["text"], title=row.get("title"), publisher=row.get("publisher"),
                published=published, external_id=row["id"],
            )  # fmt: skip
            store.add_report(report)
            corpus_id[report.id] = row["id"]
            extract_into(store, [report.id])  # one at a time: publication order
        by_report: dict[str, list[tuple[Mention, int]]] = defaultdict(list)
        for incident in store.list_incidents():
            assert incident.id is not None
            for mention in store.mentions_of(incident.id):
                rid = corpus_id[mention.report_id]
                by_report[rid].append((mention.model_copy(update={"report_id": rid}), incident.id))
        proposals = store.review_queue().duplicates
    labelled = []  # (corpus report id, gold case, incident id)
    for rid, found in by_report.items():
        keys = cluster_keys(rid, [m for m, _ in found], clusters, gold[rid])
        labelled += [
            (rid, key, incident_id) for (_, incident_id), (key, _) in zip(found, keys, strict=True)
        ]
    tp = fp = fn = 0
    for (ra, ka, ia), (rb, kb, ib) in combinations(labelled, 2):
        if ra == rb:
            continue
        tp += ka == kb and ia == ib
        fp += ia == ib and ka != kb
        fn += ka == kb and ia != ib
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(
        f"{len(labelled)} mentions in {len({i for _, _, i in labelled})} stored incidents "
        f"for {len({k for _, k, _ in labelled})} gold cases"
    )
    print(
        f"through the store: pairwise precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}"
    )
    print(f"open duplicate proposals: {len(proposals)}")


if __name__ == "__main__":
    main()
