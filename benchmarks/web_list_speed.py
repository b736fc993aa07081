"""How fast the incidents list answers with 100,000 incidents stored: page and API.

    python benchmarks/web_list_speed.py [--incidents 100000] [--repeat 30] [--db PATH]

Fills a temporary SQLite database with ``--incidents`` synthetic incidents
(dates 2000-2026, the gazetteer's border places with a few at province level,
counts, acts, statuses in proportions a working record might have), each backed
by one or two reports whose short texts the full-text filter searches; rows are
bulk-inserted through the store's tables in one transaction. Then, signed in as
an analyst through the real log-in form, it requests ``GET /incidents`` and
``GET /api/v1/incidents`` with FastAPI's TestClient, with no filter and with
each kind of filter, ``--repeat`` times each, and prints the median and 95th
percentile of the time inside the app (the TestClient call, no network).
Not a test.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import secrets
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import insert

sys.path.insert(0, str(Path(__file__).parent))
from link_speed import border_places, make_mention

from repwatch.model import Incident, IncidentStatus, Mention, Place, Report
from repwatch.store import Store
from repwatch.store.rows import incident_columns
from repwatch.store.tables import incident_acts, incident_mentions, incidents, mentions, reports

FIRST_DAY = dt.date(2000, 1, 1).toordinal()
LAST_DAY = dt.date(2026, 6, 30).toordinal()
BATCH = 5_000
PUBLISHERS = ("Daily NK", "Yonhap", "RFA", "NK News", "Asia Press", "Chosun Ilbo", "AP", "VOA")
STATUSES = (
    (IncidentStatus.PROPOSED, 0.55),
    (IncidentStatus.VERIFIED, 0.35),
    (IncidentStatus.REJECTED, 0.07),
    (IncidentStatus.MERGED, 0.03),
)
GROUPS = ("defectors", "women", "laborers", "soldiers", "students", "a family", "traders")
VERBS = ("arrested", "detained", "caught", "repatriated", "sent back")
POLICE = ("Chinese police", "border guards", "public security officers", "the MSS")


# Background sentences, some of which every report carries, so that texts have the
# length (about 1,000 characters) and the common words of real border reporting.
CONTEXT = (
    "Security along the border has been tightened since the pandemic closures.",
    "Fences and surveillance cameras now line long stretches of the Yalu River.",
    "Smugglers say that bribes no longer buy passage across the Tumen.",
    "Residents of the border towns report more frequent household inspections.",
    "Informants are paid rewards for reporting people without papers.",
    "Families in the South had paid brokers to arrange the journey.",
    "The authorities did not respond to requests for comment.",
    "Human rights groups have urged Beijing to stop forced repatriations.",
    "The United Nations has said that returnees face torture and imprisonment.",
    "Chinese officials describe those caught as illegal economic migrants.",
    "A relative said the family had not heard from them since the arrest.",
    "Mobile phones smuggled from China are used to contact relatives abroad.",
    "Patrols were reinforced during the holiday period, sources said.",
    "Brokers now charge several times what they asked a decade ago.",
    "Those returned are usually questioned by the Ministry of State Security.",
    "Some were held at a detention centre near the border for weeks.",
)


def report_text(rng: random.Random, place: Place, when: dt.date, count: int) -> str:
    """A news-like text of about 1,000 characters, so that word searches hit a
    realistic share of reports and the index has a realistic size."""
    lead = (
        f"{rng.choice(POLICE).capitalize()} {rng.choice(VERBS)} {count} North Korean "
        f"{rng.choice(GROUPS)} in {place.name} on {when:%B %d, %Y}, a source in "
        f"{place.admin1 or place.name} said."
    )
    return " ".join([lead, *rng.sample(CONTEXT, 10), f"Report {rng.getrandbits(48):x}."])


def seed(store: Store, count: int, rng: random.Random) -> None:
    """``count`` incidents with their reports, mentions and acts, written in bulk."""
    local, wide = border_places()
    statuses = [s for s, _ in STATUSES]
    weights = [w for _, w in STATUSES]
    now = dt.datetime.now(dt.UTC)
    mention_id = 0
    with store.engine.begin() as conn:
        for start in range(0, count, BATCH):
            batch: dict[str, list[dict[str, Any]]] = {
                "reports": [],
                "mentions": [],
                "incidents": [],
                "acts": [],
                "links": [],
            }
            for key in range(start + 1, min(count, start + BATCH) + 1):
                place = rng.choice(wide) if rng.random() < 0.05 else rng.choice(local)
                first = rng.randint(FIRST_DAY, LAST_DAY)
                last = first + (0 if rng.random() < 0.7 else rng.randint(1, 10))
                people = max(1, int(rng.lognormvariate(1.3, 0.8)))
                told: list[Mention] = []
                for _ in range(1 if rng.random() < 0.8 else 2):
                    text = report_text(rng, place, dt.date.fromordinal(first), people)
                    report = Report.from_text(
                        text,
                        publisher=rng.choice(PUBLISHERS),
                        published=dt.date.fromordinal(last + rng.randint(1, 20)),
                    )
                    batch["reports"].append(
                        {**report.model_dump(exclude={"ingested_at"}), "ingested_at": now}
                    )
                    mention_id += 1
                    mention = make_mention(rng, report.id, place, first, last, people)
                    batch["mentions"].append(
                        {
                            "id": mention_id,
                            "report_id": report.id,
                            "extractor": "bench",
                            "data": mention.model_dump(mode="json", exclude={"id"}),
                            "created_at": now,
                        }
                    )
                    batch["links"].append({"incident_id": key, "mention_id": mention_id})
                    told.append(mention)
                incident = Incident.from_mention(told[0]).model_copy(
                    update={
                        "status": rng.choices(statuses, weights)[0],
                        "reports_count": len(told),
                        "publishers_count": len(told),
                        "sources_count": len(told),
                    }
                )
                batch["incidents"].append(
                    {"id": key, **incident_columns(incident), "created_at": now, "updated_at": now}
                )
                batch["acts"] += [
                    {"incident_id": key, "act": a.value, "modality": "occurred", "position": p}
                    for p, a in enumerate(incident.acts)
                ]
            conn.execute(insert(reports), batch["reports"])
            conn.execute(insert(mentions), batch["mentions"])
            conn.execute(insert(incidents), batch["incidents"])
            conn.execute(insert(incident_acts), batch["acts"])
            conn.execute(insert(incident_mentions), batch["links"])


# (label, query string): no filter, each kind of filter, and a deep page.
CASES = (
    ("no filter", ""),
    ("date range", "since=2015-01-01&until=2015-12-31"),
    ("place", "place=Dandong"),
    ("province", "place=Jilin"),
    ("act", "act=repatriation"),
    ("modality", "modality=occurred"),
    ("status", "status=verified"),
    ("min people", "min_people=10"),
    ("search, rare word", "q=students+Hyesan"),
    ("search, common word", "q=arrested"),
    ("all filters", "since=2010-01-01&until=2020-12-31&place=Liaoning&act=arrest"
     "&status=proposed&min_people=3&q=police"),
    ("page 200", "page=200"),
)  # fmt: skip


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def measure(call: Any, repeat: int) -> tuple[float, float]:
    """Median and 95th percentile, in milliseconds, of ``repeat`` calls after one warm-up."""
    call()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), percentile(times, 0.95)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--incidents", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--db", type=Path, help="database file (default: a temporary one)")
    args = parser.parse_args()
    folder = tempfile.TemporaryDirectory()
    path = args.db or Path(folder.name) / "bench.db"
    with Store.open(f"sqlite:///{path}") as store:
        if store.count_incidents() == 0:
            started = time.perf_counter()
            seed(store, args.incidents, random.Random(args.seed))
            print(f"seeded {args.incidents:,} incidents in {time.perf_counter() - started:.1f} s")
        report(store, args.repeat)


def report(store: Store, repeat: int) -> None:
    from fastapi.testclient import TestClient

    from repwatch.web.app import create_app

    client = TestClient(create_app(store))
    sign_in(store, client)
    print(
        f"{'filter':<22} {'matches':>8}  {'page ms (median/p95)':>22}  {'API ms (median/p95)':>21}"
    )
    for label, params in CASES:
        api = client.get(f"/api/v1/incidents?{params}")
        api.raise_for_status()
        page_url, api_url = f"/incidents?{params}", f"/api/v1/incidents?{params}"
        page_ms = measure(lambda url=page_url: client.get(url).raise_for_status(), repeat)
        api_ms = measure(lambda url=api_url: client.get(url).raise_for_status(), repeat)
        print(
            f"{label:<22} {api.json()['total']:>8,}  "
            f"{page_ms[0]:>10.1f} / {page_ms[1]:>9.1f}  {api_ms[0]:>9.1f} / {api_ms[1]:>9.1f}"
        )
    report_other_pages(client, max(3, repeat // 3))


# The other pages over the same data, for reference (the aim is set for the list).
OTHER_PAGES = [
    ("overview page", "/"),
    ("overview API", "/api/v1/overview"),
    ("review queue", "/review"),
    ("reports list", "/reports"),
]


def report_other_pages(client: Any, repeat: int) -> None:
    print(f"\n{'other page':<22} {'ms (median/p95)':>22}")
    for label, url in OTHER_PAGES:
        median, p95 = measure(lambda url=url: client.get(url).raise_for_status(), repeat)
        print(f"{label:<22} {median:>10.1f} / {p95:>9.1f}")


def sign_in(store: Store, client: Any) -> None:
    """An analyst, signed in through the log-in form as a browser would."""
    from repwatch.protect.roles import Role
    from repwatch.web.security import CSRF_COOKIE

    name, password = f"bench-{secrets.token_hex(4)}", secrets.token_urlsafe(16)
    store.add_user(name, password, Role.ANALYST, by="benchmark")
    client.get("/login")
    response = client.post(
        "/login",
        data={"name": name, "password": password, "csrf_token": client.cookies[CSRF_COOKIE]},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text


if __name__ == "__main__":
    main()
