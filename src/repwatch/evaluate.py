"""Score extracted incidents against gold incidents, as ``shared/eval/score.py`` does.

This is the project's own copy of the scorer's logic (``../shared`` may not exist
where repwatch runs): incidents of one report are paired greedily by similarity,
then each paired incident is compared field by field. ``score`` returns the same
figures as ``score.py --json``; ``evaluate_folder`` also runs the extractor over a
corpus folder and keeps, for each report, the gold and predicted incidents with
what differs. Pure: nothing here prints.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from repwatch.errors import InputError
from repwatch.model import Report

FIELDS: tuple[str, ...] = ("acts", "modality", "victims", "place", "date", "perpetrator")
STRICT_FIELDS: tuple[str, ...] = ("acts", "modality", "victims", "place")
PAIR_THRESHOLD = 0.35
PAIR_PLACE_KM = 50.0  # place distance that still helps two incidents pair
FIELD_PLACE_KM = 25.0  # place distance within which the place field is right

Incidents = dict[str, list[dict[str, Any]]]


# --- field comparisons (score.py's rules) ------------------------------------------


def _norm_name(name: str | None) -> str:
    if not name:
        return ""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"\b(city|county|town|province|port|the)\b", " ", text)
    return re.sub(r"[^a-z0-9\u3131-\u318e\uac00-\ud7a3\u4e00-\u9fff]+", "", text)


def _km(a: dict[str, Any], b: dict[str, Any]) -> float | None:
    try:
        lat1, lon1 = math.radians(float(a["lat"])), math.radians(float(a["lon"]))
        lat2, lon2 = math.radians(float(b["lat"])), math.radians(float(b["lon"]))
    except (KeyError, TypeError, ValueError):
        return None
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def place_match(gold: dict | None, pred: dict | None, limit_km: float) -> bool:
    """Within ``limit_km``, or (lacking coordinates) one normalised name inside the other."""
    if not gold and not pred:
        return True
    if not gold or not pred:
        return False
    distance = _km(gold, pred)
    if distance is not None:
        return distance <= limit_km
    gn, pn = _norm_name(gold.get("name")), _norm_name(pred.get("name"))
    return bool(gn) and bool(pn) and (gn in pn or pn in gn)


def victims_match(gold: dict | None, pred: dict | None) -> bool:
    """The two count ranges overlap (an open end is unbounded)."""
    if not gold and not pred:
        return True
    if not gold or not pred:
        return False
    glo, ghi = gold.get("min"), gold.get("max")
    plo, phi = pred.get("min"), pred.get("max")
    glo = 0 if glo is None else glo
    plo = 0 if plo is None else plo
    ghi = math.inf if ghi is None else ghi
    phi = math.inf if phi is None else phi
    return max(glo, plo) <= min(ghi, phi)


def _months(text: str | None, *, end: bool) -> int | None:
    if not text:
        return None
    m = re.match(r"^(\d{4})(?:-(\d{1,2}))?", str(text))
    if not m:
        return None
    month = int(m.group(2)) if m.group(2) else (12 if end else 1)
    return int(m.group(1)) * 12 + month


def _month_span(date: dict | None) -> tuple[int, int] | None:
    if not date:
        return None
    lo = _months(date.get("start"), end=False)
    hi = _months(date.get("end"), end=True)
    if lo is None and hi is None:
        return None
    return (lo if lo is not None else -(10**9), hi if hi is not None else 10**9)


def date_match(gold: dict | None, pred: dict | None) -> bool:
    """The two date ranges overlap at month granularity."""
    gs, ps = _month_span(gold), _month_span(pred)
    if gs is None and ps is None:
        return True
    if gs is None or ps is None:
        return False
    return max(gs[0], ps[0]) <= min(gs[1], ps[1])


def _acts(incident: dict[str, Any]) -> set[str]:
    return {a for a in (incident.get("acts") or []) if isinstance(a, str)}


def field_ok(name: str, gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    """Whether field ``name`` of a paired prediction is right."""
    if name == "acts":
        return _acts(gold) == _acts(pred)
    if name == "modality":
        return gold.get("modality") == pred.get("modality")
    if name == "victims":
        return victims_match(gold.get("victims"), pred.get("victims"))
    if name == "place":
        return place_match(gold.get("place"), pred.get("place"), FIELD_PLACE_KM)
    if name == "date":
        return date_match(gold.get("date"), pred.get("date"))
    if name == "perpetrator":
        return gold.get("perpetrator") == pred.get("perpetrator")
    raise ValueError(f"unknown field {name!r}; choose from {', '.join(FIELDS)}")


def similarity(gold: dict[str, Any], pred: dict[str, Any]) -> float:
    """How alike two incidents are, for pairing (weights as in score.py)."""
    ga = _acts(gold) | set(gold.get("expected_acts") or [])
    pa = _acts(pred) | set(pred.get("expected_acts") or [])
    jaccard = len(ga & pa) / len(ga | pa) if ga | pa else 0.0
    result = 0.35 * jaccard
    result += 0.30 * place_match(gold.get("place"), pred.get("place"), PAIR_PLACE_KM)
    result += 0.25 * (
        victims_match(gold.get("victims"), pred.get("victims"))
        and bool(gold.get("victims") or pred.get("victims"))
    )
    result += 0.10 * (
        date_match(gold.get("date"), pred.get("date"))
        and bool(gold.get("date") or pred.get("date"))
    )
    return result


def pair(gold: list[dict], pred: list[dict]) -> list[tuple[int, int]]:
    """Greedy pairs ``(gold index, predicted index)``, most similar first."""
    candidates = sorted(
        ((similarity(g, p), i, j) for i, g in enumerate(gold) for j, p in enumerate(pred)),
        reverse=True,
    )
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for value, i, j in candidates:
        if value < PAIR_THRESHOLD or i in used_gold or j in used_pred:
            continue
        used_gold.add(i)
        used_pred.add(j)
        pairs.append((i, j))
    return pairs


# --- scores ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float
    f1: float

    @classmethod
    def of(cls, tp: int, n_pred: int, n_gold: int) -> PRF:
        p = tp / n_pred if n_pred else (1.0 if not n_gold else 0.0)
        r = tp / n_gold if n_gold else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return cls(round(p, 4), round(r, 4), round(f, 4))

    def to_dict(self) -> dict[str, float]:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1}


@dataclass(frozen=True)
class ReportScore:
    gold: int
    pred: int
    paired: int
    field_misses: tuple[str, ...]  # "#<gold index>:<field>", as score.py writes them

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold": self.gold,
            "pred": self.pred,
            "paired": self.paired,
            "field_misses": list(self.field_misses),
        }


@dataclass(frozen=True)
class ScoreResult:
    reports: int
    gold_incidents: int
    predicted_incidents: int
    paired: int
    incident: PRF
    field_accuracy: dict[str, float]
    strict: PRF
    unknown_report_ids: tuple[str, ...]
    per_report: dict[str, ReportScore]

    def to_dict(self) -> dict[str, Any]:
        """The result in the shape ``score.py --json`` prints."""
        return {
            "reports": self.reports,
            "gold_incidents": self.gold_incidents,
            "predicted_incidents": self.predicted_incidents,
            "paired": self.paired,
            "incident": self.incident.to_dict(),
            "field_accuracy": dict(self.field_accuracy),
            "strict": self.strict.to_dict(),
            "unknown_report_ids": list(self.unknown_report_ids),
            "per_report": {rid: r.to_dict() for rid, r in self.per_report.items()},
        }


def score(gold: Incidents, pred: Incidents) -> ScoreResult:
    """Score ``pred`` against ``gold`` (report id → incidents), as score.py does."""
    n_gold = n_pred = tp = strict = 0
    right = dict.fromkeys(FIELDS, 0)
    per_report: dict[str, ReportScore] = {}
    for rid, gold_incidents in gold.items():
        pred_incidents = pred.get(rid, [])
        pairs = pair(gold_incidents, pred_incidents)
        n_gold += len(gold_incidents)
        n_pred += len(pred_incidents)
        tp += len(pairs)
        misses: list[str] = []
        for i, j in pairs:
            oks = {f: field_ok(f, gold_incidents[i], pred_incidents[j]) for f in FIELDS}
            for name, ok in oks.items():
                right[name] += ok
                if not ok:
                    misses.append(f"#{i}:{name}")
            strict += all(oks[f] for f in STRICT_FIELDS)
        per_report[rid] = ReportScore(
            len(gold_incidents), len(pred_incidents), len(pairs), tuple(misses)
        )
    return ScoreResult(
        reports=len(gold),
        gold_incidents=n_gold,
        predicted_incidents=n_pred,
        paired=tp,
        incident=PRF.of(tp, n_pred, n_gold),
        field_accuracy={f: round(right[f] / tp, 4) if tp else 0.0 for f in FIELDS},
        strict=PRF.of(strict, n_pred, n_gold),
        unknown_report_ids=tuple(sorted(set(pred) - set(gold))),
        per_report=per_report,
    )


# --- corpus folders ------------------------------------------------------------------


def _read_jsonl(path: Path) -> Iterable[tuple[int, dict[str, Any]]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError as exc:
        raise InputError(str(path), "no such file") from exc
    except UnicodeDecodeError as exc:
        raise InputError(str(path), "not UTF-8 text") from exc
    except OSError as exc:
        raise InputError(str(path), f"cannot be read ({exc.strerror})") from exc
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{n}", f"not JSON ({exc.msg})") from exc
        if not isinstance(row, dict):
            raise InputError(f"{path}:{n}", "a line must be a JSON object")
        yield n, row


def load_reports_jsonl(path: Path | str) -> list[Report]:
    """Reports of a FORMAT.md ``reports.jsonl``; ``external_id`` is each line's ``id``."""
    path = Path(path)
    reports: list[Report] = []
    for n, row in _read_jsonl(path):
        where = f"{path}:{n}"
        text = row.get("text")
        if not isinstance(text, str) or not text.strip():
            raise InputError(where, "needs a non-empty string 'text'")
        if "id" not in row or row["id"] in (None, ""):
            raise InputError(where, "needs an 'id'")
        metadata: dict[str, Any] = {"external_id": str(row["id"]), "origin": str(path)}
        for key in ("title", "publisher", "url", "language"):
            value = row.get(key)
            if value is not None and not isinstance(value, str):
                raise InputError(where, f"'{key}' must be a string or null")
            metadata[key] = value
        metadata["published"] = _published(row.get("published"), where)
        reports.append(Report.from_text(text, source_format="jsonl", **metadata))
    return reports


def _published(value: Any, where: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputError(where, "'published' must be an ISO date (YYYY-MM-DD) or null")
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError as exc:
        raise InputError(where, "'published' must be an ISO date (YYYY-MM-DD) or null") from exc


def load_incidents_jsonl(path: Path | str) -> Incidents:
    """Gold or predicted incidents: report id → list of INCIDENT dicts."""
    path = Path(path)
    incidents: Incidents = {}
    for n, row in _read_jsonl(path):
        if "id" not in row or not isinstance(row.get("incidents"), list):
            raise InputError(f"{path}:{n}", "needs 'id' and a list 'incidents'")
        incidents[str(row["id"])] = row["incidents"]
    return incidents


# --- evaluation of the extractor on a folder ---------------------------------------------


@dataclass(frozen=True)
class PairedIncident:
    gold_index: int
    pred_index: int
    wrong_fields: tuple[str, ...]


@dataclass(frozen=True)
class ReportMisses:
    """What one report's prediction got wrong: unpaired incidents and wrong fields."""

    report_id: str
    gold: list[dict[str, Any]]
    pred: list[dict[str, Any]]
    pairs: tuple[PairedIncident, ...]
    missed_gold: tuple[int, ...]  # gold incidents with no predicted partner
    spurious_pred: tuple[int, ...]  # predicted incidents with no gold partner

    @property
    def perfect(self) -> bool:
        return not (
            self.missed_gold or self.spurious_pred or any(p.wrong_fields for p in self.pairs)
        )


@dataclass(frozen=True)
class Evaluation:
    result: ScoreResult
    predictions: Incidents
    reports: list[ReportMisses] = field(default_factory=list)

    @property
    def misses(self) -> list[ReportMisses]:
        return [r for r in self.reports if not r.perfect]


def compare(report_id: str, gold: list[dict], pred: list[dict]) -> ReportMisses:
    """Field-by-field differences between one report's gold and predicted incidents."""
    pairs = pair(gold, pred)
    paired = tuple(
        PairedIncident(i, j, tuple(f for f in FIELDS if not field_ok(f, gold[i], pred[j])))
        for i, j in sorted(pairs)
    )
    return ReportMisses(
        report_id=report_id,
        gold=gold,
        pred=pred,
        pairs=paired,
        missed_gold=tuple(i for i in range(len(gold)) if i not in {p[0] for p in pairs}),
        spurious_pred=tuple(j for j in range(len(pred)) if j not in {p[1] for p in pairs}),
    )


def predict(reports: Iterable[Report]) -> Incidents:
    """Run the extractor: external id → predicted INCIDENT dicts."""
    from repwatch.extract import extract_many  # the extractor is only needed here

    return {
        str(report.external_id or report.id): [m.to_eval() for m in mentions]
        for report, mentions in extract_many(reports)
    }


def evaluate_folder(folder: Path | str) -> Evaluation:
    """Extract every report of ``folder/reports.jsonl`` and score it against ``gold.jsonl``."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(str(folder), "not a folder (it needs reports.jsonl and gold.jsonl)")
    reports = load_reports_jsonl(folder / "reports.jsonl")
    gold = load_incidents_jsonl(folder / "gold.jsonl")
    predictions = predict(reports)
    return evaluate_predictions(gold, predictions)


def evaluate_predictions(gold: Incidents, predictions: Incidents) -> Evaluation:
    """Score ``predictions`` and keep each report's differences."""
    return Evaluation(
        result=score(gold, predictions),
        predictions=predictions,
        reports=[compare(rid, gold[rid], predictions.get(rid, [])) for rid in gold],
    )
