"""The extractor's accuracy on the dev corpus (whole, developed two thirds, held-out third),
on the seed report, and on every corpus bundled in the repository (the sample, the linking
corpus, the development corpora of wider genres, the blind sets), scored by
repwatch.evaluate (the figures of shared/eval/score.py).

    .venv/bin/python benchmarks/extract_accuracy.py [--shared ../shared] [--out PRED.jsonl]
        [--misses]

The held-out third is the dev reports whose number is divisible by 3 (dev-003 … dev-036).
``--out`` writes the predictions in FORMAT.md's shape, for ``shared/eval/score.py``.
``--misses`` lists what was missed on the developed part only (never on a blind set).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from repwatch.evaluate import (
    Evaluation,
    evaluate_folder,
    evaluate_predictions,
    load_incidents_jsonl,
    load_reports_jsonl,
    predict,
)

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "extract" / "data"
# The corpora in the repository, by the name printed; blind sets last.
BUNDLED = {
    "sample": ROOT / "src" / "repwatch" / "sample",
    "link": ROOT / "tests" / "link" / "data",
    **{f"wide{n}": DATA / f"wide{n}" for n in range(1, 9)},
    **{
        name: DATA / name
        for name in ("unseen", "unseen2", "unseen3", "unseen4", "unseen5", "unseen6")
    },
}


def held_out(report_id: str) -> bool:
    number = report_id.rsplit("-", 1)[-1]
    return number.isdigit() and int(number) % 3 == 0


def figures(name: str, evaluation: Evaluation) -> str:
    r = evaluation.result
    fields = "  ".join(f"{k} {v:.3f}" for k, v in r.field_accuracy.items())
    return (
        f"{name:<10} reports {r.reports:>2}  gold {r.gold_incidents:>2}  "
        f"pred {r.predicted_incidents:>2}  incident F1 {r.incident.f1:.3f} "
        f"(P {r.incident.precision:.3f} R {r.incident.recall:.3f})  "
        f"strict F1 {r.strict.f1:.3f}\n{'':<10} {fields}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=None, help="write dev predictions here")
    parser.add_argument("--misses", action="store_true", help="list misses of the developed part")
    args = parser.parse_args()
    dev, seed = args.shared / "corpus" / "dev", args.shared / "corpus" / "seed"
    gold = load_incidents_jsonl(dev / "gold.jsonl")
    predictions = predict(load_reports_jsonl(dev / "reports.jsonl"))
    if args.out:
        args.out.write_text(
            "".join(json.dumps({"id": k, "incidents": v}) + "\n" for k, v in predictions.items()),
            encoding="utf-8",
        )
    parts = {
        "dev": gold,
        "developed": {k: v for k, v in gold.items() if not held_out(k)},
        "held-out": {k: v for k, v in gold.items() if held_out(k)},
    }
    for name, part in parts.items():
        print(figures(name, evaluate_predictions(part, predictions)))
    if seed.is_dir():
        seed_gold = load_incidents_jsonl(seed / "gold.jsonl")
        seed_pred = predict(load_reports_jsonl(seed / "reports.jsonl"))
        print(figures("seed", evaluate_predictions(seed_gold, seed_pred)))
    for name, folder in BUNDLED.items():
        if (folder / "gold.jsonl").is_file():
            print(figures(name, evaluate_folder(folder)))
    if args.misses:
        for misses in evaluate_predictions(parts["developed"], predictions).misses:
            print(misses.report_id, [p.wrong_fields for p in misses.pairs], misses.missed_gold)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
