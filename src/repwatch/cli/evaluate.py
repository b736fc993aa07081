"""`repwatch eval FOLDER`: the extractor's figures on an annotated corpus folder."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape

from repwatch.cli.common import out
from repwatch.evaluate import ReportMisses, ScoreResult, evaluate_folder


def eval_command(
    folder: Annotated[
        Path, typer.Argument(help="A folder holding reports.jsonl and gold.jsonl (FORMAT.md).")
    ],
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the whole result as JSON, as score.py does.")
    ] = False,
) -> None:
    """Extract every report of FOLDER, score it against its gold, and list each report's misses."""
    evaluation = evaluate_folder(folder)
    if as_json:
        typer.echo(json.dumps(evaluation.result.to_dict(), indent=2))
        return
    for misses in evaluation.misses:
        _print_misses(misses)
    _print_figures(evaluation.result)


def _print_figures(result: ScoreResult) -> None:
    inc, strict = result.incident, result.strict
    out.print(
        f"reports {result.reports}  gold {result.gold_incidents}  "
        f"predicted {result.predicted_incidents}  paired {result.paired}"
    )
    out.print(f"incident  P {inc.precision:.3f}  R {inc.recall:.3f}  F1 {inc.f1:.3f}")
    out.print("fields    " + "  ".join(f"{f} {v:.3f}" for f, v in result.field_accuracy.items()))
    out.print(f"strict    P {strict.precision:.3f}  R {strict.recall:.3f}  F1 {strict.f1:.3f}")
    if result.unknown_report_ids:
        out.print(f"predictions for {len(result.unknown_report_ids)} ids not in gold (ignored)")


def _brief(incident: dict[str, Any]) -> str:
    """One incident in a line: the scored fields only (never victim_group or sources)."""
    victims = incident.get("victims") or {}
    place = incident.get("place") or {}
    date = incident.get("date") or {}
    acts = ",".join(incident.get("acts") or [])
    count = f"{victims.get('min')}-{victims.get('max')}" if victims else "-"
    when = f"{date.get('start') or '-'}..{date.get('end') or '-'}"
    return (
        f"{incident.get('modality')} [{acts}] victims {count} "
        f"place {place.get('name') or '-'} date {when} "
        f"perp {incident.get('perpetrator') or '-'}"
    )


def _print_misses(misses: ReportMisses) -> None:
    out.print(f"[bold]{escape(misses.report_id)}[/bold]")
    for paired in misses.pairs:
        if paired.wrong_fields:
            out.print(f"  #{paired.gold_index} wrong: {', '.join(paired.wrong_fields)}")
            out.print(f"    gold {escape(_brief(misses.gold[paired.gold_index]))}")
            out.print(f"    pred {escape(_brief(misses.pred[paired.pred_index]))}")
    for i in misses.missed_gold:
        out.print(f"  missed  #{i} {escape(_brief(misses.gold[i]))}")
    for j in misses.spurious_pred:
        out.print(f"  extra   {escape(_brief(misses.pred[j]))}")
