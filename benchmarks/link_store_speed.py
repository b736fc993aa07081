"""How fast the store links new reports against a large record, through the real database.

    python benchmarks/link_store_speed.py [--stored 100000] [--new 10000] [--db PATH]

Fills a SQLite database with ``--stored`` synthetic incidents (the synthesis of
``link_speed.py``: border places, dates 2000-2020, counts and acts), bulk-loaded
in one transaction, then stores ``--new`` one-mention reports through
``Store.save_extraction`` exactly as ``repwatch extract`` does: each in its own
transaction, with the candidate query on the window's dates and region, the link
decision, reconciliation of the incident joined, and the audit entry. Prints
the time to link them all and mentions per second. Not a test.

Half the new mentions retell a stored incident (a few days, one person or a
neighbouring town off). The synthetic record is far denser than a real one
(about 5 incidents per place and month), so many stored incidents are as like a
retelling as its original, and how many retellings find their own original says
little about accuracy: ``link_accuracy.py`` measures that on written reports.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from sqlalchemy import insert

sys.path.insert(0, str(Path(__file__).parent))
from link_speed import border_places, random_mention, retelling

from repwatch.model import Incident, Mention, Report
from repwatch.store import Store
from repwatch.store.rows import incident_columns
from repwatch.store.tables import (
    incident_acts,
    incident_mentions,
    incidents,
    mentions,
    reports,
)

BATCH = 5_000


def bulk_load(store: Store, stored: list[Mention], now: dt.datetime) -> None:
    """Stored incidents of one mention each, written directly for speed."""
    with store.engine.begin() as conn:
        for start in range(0, len(stored), BATCH):
            chunk = stored[start : start + BATCH]
            report_rows, mention_rows, incident_rows, act_rows, link_rows = [], [], [], [], []
            for offset, mention in enumerate(chunk):
                key = start + offset + 1
                report = Report.from_text(f"Stored report {key}.", publisher=f"outlet {key % 40}")
                report_rows.append(
                    {**report.model_dump(exclude={"ingested_at"}), "ingested_at": now}
                )
                data = mention.model_copy(update={"report_id": report.id})
                mention_rows.append(
                    {
                        "id": key,
                        "report_id": report.id,
                        "extractor": "bench",
                        "data": data.model_dump(mode="json", exclude={"id"}),
                        "created_at": now,
                    }
                )
                incident = Incident.from_mention(mention).model_copy(
                    update={"reports_count": 1, "publishers_count": 1, "sources_count": 1}
                )
                incident_rows.append(
                    {"id": key, **incident_columns(incident), "created_at": now, "updated_at": now}
                )
                act_rows += [
                    {"incident_id": key, "act": a.value, "modality": "occurred", "position": p}
                    for p, a in enumerate(incident.acts)
                ]
                link_rows.append({"incident_id": key, "mention_id": key})
            conn.execute(insert(reports), report_rows)
            conn.execute(insert(mentions), mention_rows)
            conn.execute(insert(incidents), incident_rows)
            conn.execute(insert(incident_acts), act_rows)
            conn.execute(insert(incident_mentions), link_rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stored", type=int, default=100_000)
    parser.add_argument("--new", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--db", type=Path, help="database file (default: a temporary one)")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    local, wide = border_places()
    everywhere = local + wide
    folder = tempfile.TemporaryDirectory()
    path = args.db or Path(folder.name) / "bench.db"

    started = time.perf_counter()
    stored = [random_mention(rng, f"stored-{n}", local, wide) for n in range(args.stored)]
    with Store.open(f"sqlite:///{path}") as store:
        bulk_load(store, stored, dt.datetime.now(dt.UTC))
        print(f"loaded {args.stored:,} stored incidents in {time.perf_counter() - started:.1f} s")

        new_reports, told = [], {}
        for n in range(args.new):
            if n % 2 == 0:
                original = rng.randrange(len(stored))
                mention = retelling(rng, "", stored[original], everywhere)
            else:
                mention = random_mention(rng, "", local, wide)
            report = Report.from_text(
                f"New report {n}.", publisher=f"outlet {n % 40}", published=dt.date(2021, 1, 1)
            )
            store.add_report(report)
            new_reports.append((report, mention.model_copy(update={"report_id": report.id})))
            if n % 2 == 0:
                told[report.id] = original + 1  # the stored incident's id

        actions: Counter[str] = Counter()
        found_again = 0
        started = time.perf_counter()
        for report, mention in new_reports:
            (placed,) = store.save_extraction(report, "bench", [mention])
            actions["joined" if placed <= args.stored else "new"] += 1
            found_again += told.get(report.id) == placed
        elapsed = time.perf_counter() - started
    print(
        f"linked {args.new:,} new mentions against {args.stored:,} stored incidents in "
        f"{elapsed:.1f} s ({args.new / elapsed:,.0f} mentions/s); "
        + ", ".join(f"{action} {n:,}" for action, n in sorted(actions.items()))
        + f"; retellings joined to the incident they retell: {found_again:,} of {len(told):,}"
    )


if __name__ == "__main__":
    main()
