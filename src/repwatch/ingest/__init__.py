"""Ingest: files, folders, JSON Lines and standard input into Reports.

    collect(paths)            paths → Sources (folders walked), and errors for missing paths
    read_source(source, …)    one Source → Reports, and an InputError for each bad file or line
    ingest(sources, store, …) a batch into the store, one report at a time → IngestSummary

Formats, by extension (folders pick up only these; see ``sources``): plain text (.txt, .text),
Markdown (.md, .markdown), HTML (.html, .htm, .xhtml) and JSON Lines (.jsonl, .ndjson; .json
when named explicitly). Standard input and other extensions are recognised from their content.
Encodings: UTF-8 with or without BOM, UTF-16 (with BOM, or plainly so), EUC-KR/CP949 (see
``decode``). Nothing here touches the network or the store: ``ingest`` is given a callable
that stores one report.
"""

from repwatch.config import DEFAULT_MAX_BYTES
from repwatch.ingest.batch import IngestSummary, ingest
from repwatch.ingest.decode import decode
from repwatch.ingest.metadata import Metadata, guess_language
from repwatch.ingest.read import read_source
from repwatch.ingest.sources import Source, collect

__all__ = [
    "DEFAULT_MAX_BYTES",
    "IngestSummary",
    "Metadata",
    "Source",
    "collect",
    "decode",
    "guess_language",
    "ingest",
    "read_source",
]
