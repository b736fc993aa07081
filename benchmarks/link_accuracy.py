"""How well linking puts mentions of one case together: pairwise precision and recall.

    python benchmarks/link_accuracy.py [--mentions extract|gold] [--no-texts] [--data DIR]

Reads the linking test corpus (tests/link/data: reports.jsonl, clusters.jsonl,
gold.jsonl). Mentions come from the extractor (``--mentions extract``, the
default) or from the corpus's gold incidents (``--mentions gold``: linking alone,
without extraction errors). Reports are linked one by one in publication order:
each mention is decided against the incidents built so far, the candidates being
those its ``candidate_window`` admits. A pair of mentions from different reports
is linked when they end in one incident; it should be when they share a cluster
key. Proposals (possible duplicates for an analyst) count as not linked, and are
shown apart. Not a test: prints figures and the misses.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import time
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

from repwatch.gazetteer import default_gazetteer
from repwatch.link import (
    Backing,
    candidate_window,
    decide,
    incident_from,
    reconcile,
    score_pair,
)
from repwatch.model import (
    Act,
    ActMention,
    DateRange,
    Incident,
    Mention,
    Modality,
    Perpetrator,
    PlaceMention,
    PlaceRole,
    Report,
    Sourced,
    VictimCount,
)

DATA = Path(__file__).resolve().parents[1] / "tests" / "link" / "data"
GOLD = "gold-incidents"


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def gold_mention(report_id: str, incident: dict[str, Any]) -> Mention:
    """A mention holding what a gold INCIDENT says, its place resolved in the gazetteer."""
    modality = Modality(incident["modality"])
    acts = [ActMention(act=Act(a), modality=modality, producer=GOLD) for a in incident["acts"]]
    acts += [
        ActMention(act=Act(a), modality=Modality.EXPECTED, producer=GOLD)
        for a in incident.get("expected_acts") or ()
    ]
    places = []
    if incident.get("place"):
        name = incident["place"]["name"]
        found = default_gazetteer().lookup(name, limit=1)
        place = found[0].place if found else None
        places.append(
            PlaceMention(
                name=name,
                role=PlaceRole.CAUGHT,
                place_id=place.id if place else None,
                lat=incident["place"].get("lat"),
                lon=incident["place"].get("lon"),
                radius_km=place.radius_km if place else None,
                admin1=place.admin1 if place else None,
                country=place.country if place else None,
                producer=GOLD,
            )
        )
    victims = incident.get("victims")
    date = incident.get("date")
    return Mention(
        report_id=report_id,
        acts=tuple(acts),
        victims=Sourced(value=VictimCount(**victims), producer=GOLD) if victims else None,
        places=tuple(places),
        date=Sourced(value=DateRange(start=date["start"], end=date["end"]), producer=GOLD)
        if date
        else None,
        perpetrator=Sourced(value=Perpetrator(incident["perpetrator"]), producer=GOLD)
        if incident.get("perpetrator")
        else None,
        extractor=GOLD,
    )


@dataclass
class Case:
    mentions: list[Mention]
    incident: Incident


@dataclass
class Linker:
    """Incremental linking in memory, as the store will do it."""

    texts: dict[str, str]
    publishers: dict[str, str | None]
    use_texts: bool = True
    cases: dict[int, Case] = field(default_factory=dict)
    assigned: dict[int, int] = field(default_factory=dict)  # id(mention) -> case key
    proposals: list[tuple[Mention, int, float]] = field(default_factory=list)

    def add(self, mention: Mention, published: dt.date | None) -> None:
        window = candidate_window(mention, published=published)
        candidates: dict[Hashable, Sequence[Mention]] = {
            key: case.mentions for key, case in self.cases.items() if window.admits(case.incident)
        }
        decision = decide(mention, candidates, texts=self.texts if self.use_texts else {})
        if decision.action == "join":
            key = int(decision.incident_key)  # type: ignore[call-overload]
            case = self.cases[key]
            case.mentions.append(mention)
            backing = [
                Backing(m, m.report_id, self.publishers[m.report_id], self.texts[m.report_id])
                for m in case.mentions
            ]
            case.incident = incident_from(reconcile(backing))
        else:
            key = len(self.cases)
            self.cases[key] = Case([mention], Incident.from_mention(mention))
            if decision.action == "propose" and decision.score is not None:
                proposed = int(decision.incident_key)  # type: ignore[call-overload]
                self.proposals.append((mention, proposed, decision.score.score))
        self.assigned[id(mention)] = key


def cluster_keys(
    report_id: str, found: list[Mention], clusters: dict[str, list[str]], gold: list[Mention]
) -> list[tuple[str, bool]]:
    """The gold cluster of each mention found in a report, and whether it pairs with a
    gold incident. Found and gold mentions are paired one to one, best score first (as
    the extraction scorer pairs incidents); a mention left over is an extraction error
    (a case split in two, a group counted twice). It keeps the report's cluster, or
    that of the gold mention it scores best with."""
    keys = clusters[report_id]
    scores = [[score_pair(m, g).score for g in gold] for m in found]
    ranked = sorted(
        ((scores[i][j], i, j) for i in range(len(found)) for j in range(len(gold))),
        reverse=True,
    )
    paired: dict[int, int] = {}
    for _, i, j in ranked:
        if i not in paired and j not in paired.values():
            paired[i] = j
    labels = []
    for i in range(len(found)):
        j = paired.get(i, max(range(len(gold)), key=lambda g: scores[i][g]))
        labels.append((keys[j] if len(keys) > 1 else keys[0], i in paired))
    return labels


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mentions", choices=("extract", "gold"), default="extract")
    parser.add_argument("--no-texts", action="store_true", help="score without report texts")
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args()

    reports = read_jsonl(args.data / "reports.jsonl")
    clusters = {
        row["id"]: row.get("incidents") or [row["incident"]]
        for row in read_jsonl(args.data / "clusters.jsonl")
    }
    gold = {
        row["id"]: [gold_mention(row["id"], i) for i in row["incidents"]]
        for row in read_jsonl(args.data / "gold.jsonl")
    }
    if args.mentions == "extract":
        from repwatch.extract import extract

    texts = {r["id"]: r["text"] for r in reports}
    publishers = {r["id"]: r.get("publisher") for r in reports}
    linker = Linker(texts, publishers, use_texts=not args.no_texts)
    labelled: list[tuple[Mention, str, bool]] = []
    started = time.perf_counter()
    for row in sorted(reports, key=lambda r: (r.get("published") or "", r["id"])):
        published = dt.date.fromisoformat(row["published"]) if row.get("published") else None
        if args.mentions == "gold":
            found = gold[row["id"]]
        else:
            report = Report.from_text(
                row["text"], title=row.get("title"), publisher=row.get("publisher"),
                published=published, external_id=row["id"],
            )  # fmt: skip
            # The store keys mentions by its report id; the corpus by its own.
            found = [m.model_copy(update={"report_id": row["id"]}) for m in extract(report)]
        labels = cluster_keys(row["id"], found, clusters, gold[row["id"]])
        for mention, (key, paired) in zip(found, labels, strict=True):
            labelled.append((mention, key, paired))
            linker.add(mention, published)
    elapsed = time.perf_counter() - started
    report_figures(labelled, linker, elapsed, args)


def pairwise(
    labelled: list[tuple[Mention, str, bool]], linker: Linker
) -> tuple[float, float, float, list[tuple[Mention, str, Mention, str]]]:
    """Precision, recall and F1 over pairs of mentions from different reports, and the misses."""
    tp = fp = fn = 0
    misses = []
    for (a, ka, _), (b, kb, _) in combinations(labelled, 2):
        if a.report_id == b.report_id:
            continue
        same = ka == kb
        linked = linker.assigned[id(a)] == linker.assigned[id(b)]
        tp += same and linked
        fp += linked and not same
        fn += same and not linked
        if same != linked:
            misses.append((a, ka, b, kb))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, misses


def report_figures(
    labelled: list[tuple[Mention, str, bool]], linker: Linker, elapsed: float, args: Any
) -> None:
    keys = {k for _, k, _ in labelled}
    spurious = sum(not paired for _, _, paired in labelled)
    print(
        f"mentions from {args.mentions}{'' if linker.use_texts else ', without texts'}: "
        f"{len(labelled)} mentions ({spurious} not paired with a gold incident), "
        f"{len(keys)} gold incidents, {len(linker.cases)} linked incidents ({elapsed:.2f} s)"
    )
    precision, recall, f1, misses = pairwise(labelled, linker)
    print(f"all mentions:    pairwise precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}")
    paired = [item for item in labelled if item[2]]
    p2, r2, f2, _ = pairwise(paired, linker)
    print(f"paired mentions: pairwise precision {p2:.3f}  recall {r2:.3f}  F1 {f2:.3f}")
    label = {id(m): k for m, k, _ in labelled}
    for mention, case_key, score in linker.proposals:
        first = linker.cases[case_key].mentions[0]
        right = label[id(mention)] == label[id(first)]
        print(
            f"  proposed: {mention.report_id} ~ incident of {first.report_id} ({score:.2f}): "
            f"{'a true duplicate' if right else 'a look-alike'}"
        )
    texts = linker.texts if linker.use_texts else {}
    unpaired = {id(m) for m, _, paired in labelled if not paired}
    for a, ka, b, kb in misses:
        pair = score_pair(
            a, b, text_a=texts.get(a.report_id, ""), text_b=texts.get(b.report_id, "")
        )
        kind = "split (should link)" if ka == kb else "joined (should not)"
        extra = " [an unpaired mention]" if id(a) in unpaired or id(b) in unpaired else ""
        print(
            f"  {kind}{extra}: {a.report_id} [{ka}] ~ {b.report_id} [{kb}]: "
            f"{pair.score:.2f} — {'; '.join(pair.reasons)}"
        )
    if not misses:
        print("  no misses")


if __name__ == "__main__":
    main()
