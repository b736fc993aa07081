"""Linking the test corpus from its gold mentions."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Hashable, Sequence
from itertools import combinations

from repwatch.link import Backing, candidate_window, decide, incident_from, reconcile
from repwatch.model import Incident, Mention

from .conftest import gold_mention, read_jsonl


def test_corpus_files_describe_the_same_reports() -> None:
    reports = read_jsonl("reports.jsonl")
    clusters = read_jsonl("clusters.jsonl")
    gold = read_jsonl("gold.jsonl")

    assert [r["id"] for r in reports] == [c["id"] for c in clusters] == [g["id"] for g in gold]
    for row, cluster in zip(gold, clusters, strict=True):
        assert len(row["incidents"]) == len(cluster.get("incidents") or [cluster["incident"]])
    assert 30 <= len(reports) <= 40
    assert all(100 <= len(re.findall(r"\S+", r["text"])) <= 250 for r in reports)


def test_corpus_tells_cases_several_times_beside_look_alikes() -> None:
    keys = Counter(
        k for c in read_jsonl("clusters.jsonl") for k in c.get("incidents") or [c["incident"]]
    )
    publishers = {r["id"]: r["publisher"] for r in read_jsonl("reports.jsonl")}

    retold = [k for k, n in keys.items() if n >= 2]
    assert len(retold) >= 8
    assert sum(n == 1 for n in keys.values()) >= 4  # look-alikes told once
    assert len(set(publishers.values())) >= 6


def link_incrementally(
    items: Sequence[tuple[Mention, dt.date | None]], texts: dict[str, str]
) -> dict[int, int]:
    """Each mention, in order, decided against the incidents made so far: the store's loop."""
    cases: dict[int, list[Mention]] = {}
    incidents: dict[int, Incident] = {}
    assigned: dict[int, int] = {}
    for index, (item, published) in enumerate(items):
        window = candidate_window(item, published=published)
        candidates: dict[Hashable, Sequence[Mention]] = {
            k: cases[k] for k, i in incidents.items() if window.admits(i)
        }
        decision = decide(item, candidates, texts=texts)
        key = decision.incident_key if decision.action == "join" else None
        if isinstance(key, int):
            cases[key].append(item)
            backing = [Backing(m, m.report_id, None, texts[m.report_id]) for m in cases[key]]
            incidents[key] = incident_from(reconcile(backing))
        else:
            key = len(cases)
            cases[key] = [item]
            incidents[key] = Incident.from_mention(item)
        assigned[index] = key
    return assigned


def test_linking_the_corpus_from_gold_mentions_is_precise_and_complete() -> None:
    reports = sorted(read_jsonl("reports.jsonl"), key=lambda r: (r["published"], r["id"]))
    gold = {row["id"]: row["incidents"] for row in read_jsonl("gold.jsonl")}
    clusters = {
        c["id"]: c.get("incidents") or [c["incident"]] for c in read_jsonl("clusters.jsonl")
    }
    items, labels = [], []
    for row in reports:
        for incident, key in zip(gold[row["id"]], clusters[row["id"]], strict=True):
            items.append(
                (gold_mention(row["id"], incident), dt.date.fromisoformat(row["published"]))
            )
            labels.append(key)

    assigned = link_incrementally(items, {r["id"]: r["text"] for r in reports})

    pairs = [
        (labels[i] == labels[j], assigned[i] == assigned[j])
        for i, j in combinations(range(len(items)), 2)
        if items[i][0].report_id != items[j][0].report_id
    ]
    linked = sum(same and joined for same, joined in pairs)
    precision = linked / max(1, sum(joined for _, joined in pairs))
    recall = linked / max(1, sum(same for same, _ in pairs))
    assert precision >= 0.9
    assert recall >= 0.9
