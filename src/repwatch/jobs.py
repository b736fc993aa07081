"""The jobs the commands run: each joins one stage of the flow to the store.

Jobs report progress through callbacks and return summaries; they never print.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from repwatch import extract, ingest
from repwatch.errors import RepwatchError
from repwatch.export import export_file
from repwatch.model import Report
from repwatch.store import Store


def ingest_into(
    store: Store,
    paths: Sequence[str],
    *,
    metadata: ingest.Metadata,
    max_bytes: int,
    stdin: BinaryIO | None = None,
    on_start: Callable[[int], None] | None = None,
    on_progress: Callable[[ingest.Source], None] | None = None,
    on_error: Callable[[RepwatchError], None] | None = None,
) -> ingest.IngestSummary:
    """Read every path and store each report in its own transaction."""
    sources, missing = ingest.collect(paths)
    for error in missing:
        if on_error:
            on_error(error)
    if on_start:
        on_start(len(sources))
    summary = ingest.ingest(
        sources,
        store.add_report,
        metadata=metadata,
        max_bytes=max_bytes,
        stdin=stdin,
        on_progress=on_progress,
        on_error=on_error,
    )
    summary.failed[:0] = missing
    return summary


@dataclass
class ExtractionSummary:
    reports: int = 0
    mentions: int = 0
    incidents: int = 0
    failed: list[tuple[str, RepwatchError]] = field(default_factory=list)


class ExtractionFailed(RepwatchError):
    """The extractor failed on one report (a defect: the message names only the report)."""

    def __init__(self, report_id: str, cause: Exception) -> None:
        super().__init__(
            f"report {report_id[:12]}: the extractor failed ({type(cause).__name__}); "
            "please report this as a bug"
        )


def extract_into(
    store: Store,
    report_ids: Sequence[str] | None = None,
    *,
    on_start: Callable[[int], None] | None = None,
    on_progress: Callable[[Report], None] | None = None,
) -> ExtractionSummary:
    """Extract the given reports (all not yet extracted when none are given) and link them.

    Each report's mentions and incidents are stored in one transaction.
    """
    ids = list(report_ids) if report_ids else store.unextracted_report_ids()
    if on_start:
        on_start(len(ids))
    summary = ExtractionSummary()
    extractor = extract.extractor_id()
    for report_id in ids:
        report = store.get_report(report_id)
        try:
            found = extract.extract(report)
        except Exception as exc:  # a defect on one report must not stop the batch
            summary.failed.append((report.id, ExtractionFailed(report.id, exc)))
            continue
        incident_ids = store.save_extraction(report, extractor, found)
        summary.reports += 1
        summary.mentions += len(found)
        summary.incidents += len(incident_ids)
        if on_progress:
            on_progress(report)
    return summary


@dataclass
class DemoResult:
    database: Path
    ingest: ingest.IngestSummary
    extraction: ExtractionSummary
    exports: dict[str, Path]


def run_demo(folder: Path, corpus: Path) -> DemoResult:
    """Ingest ``corpus`` into a fresh database in ``folder``, extract, and export."""
    folder.mkdir(parents=True, exist_ok=True)
    database = folder / "repwatch.db"
    for stale in folder.glob("repwatch.db*"):  # the demo always starts afresh
        stale.unlink()
    exports = {"csv": folder / "incidents.csv", "geojson": folder / "incidents.geojson"}
    with Store.open(f"sqlite:///{database.resolve()}") as store:
        ingested = ingest_into(
            store, [str(corpus)], metadata=ingest.Metadata(), max_bytes=ingest.DEFAULT_MAX_BYTES
        )
        extraction = extract_into(store)
        incidents = store.list_incidents()
        for format, path in exports.items():
            export_file(incidents, path, format=format)
    return DemoResult(database, ingested, extraction, exports)
