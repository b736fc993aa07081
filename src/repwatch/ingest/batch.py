"""A batch of sources into the store, one report at a time; failures recorded, the rest go on."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import BinaryIO

from repwatch.config import DEFAULT_MAX_BYTES
from repwatch.errors import InputError
from repwatch.ingest.metadata import Metadata
from repwatch.ingest.read import read_source
from repwatch.ingest.sources import Source
from repwatch.model import Report


@dataclass
class IngestSummary:
    """What a batch did: reports stored new, reports already stored, and what failed."""

    new: int = 0
    duplicate: int = 0
    failed: list[InputError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when nothing failed (the command's exit code is 0)."""
        return not self.failed


def ingest(
    sources: Sequence[Source],
    store_report: Callable[[Report], bool],
    *,
    metadata: Metadata | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
    on_progress: Callable[[Source], None] | None = None,
    on_error: Callable[[InputError], None] | None = None,
) -> IngestSummary:
    """Read every source and hand each report to ``store_report``.

    ``store_report`` stores one report in its own transaction and returns True if it was new,
    False if the same text was already stored. An InputError it raises is recorded as a
    failure of that report; any other exception propagates (a broken store ends the batch).
    ``on_error`` hears each failure as it happens; ``on_progress`` hears each source once it
    is done.
    """
    if max_bytes <= 0:
        raise InputError("--max-size", "must be more than 0 bytes")
    metadata = metadata if metadata is not None else Metadata()
    summary = IngestSummary()

    def fail(error: InputError) -> None:
        summary.failed.append(error)
        if on_error is not None:
            on_error(error)

    for source in sources:
        for item in read_source(source, metadata=metadata, max_bytes=max_bytes, stdin=stdin):
            if isinstance(item, InputError):
                fail(item)
                continue
            try:
                is_new = store_report(item)
            except InputError as exc:
                fail(exc)
                continue
            if is_new:
                summary.new += 1
            else:
                summary.duplicate += 1
        if on_progress is not None:
            on_progress(source)
    return summary
