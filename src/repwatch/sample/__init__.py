"""The bundled sample corpus: short reports written for repwatch, and their gold incidents.

``make run`` ingests ``reports.jsonl`` into a fresh database so that the whole flow can be
tried on any machine; ``gold.jsonl`` describes the incidents in it, in the format of
``shared/eval/FORMAT.md``, so that extraction can be scored on it. Every text is invented
(see README.md beside this module); none is a real article.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from repwatch.errors import ConfigError

REPORTS_FILE = "reports.jsonl"
GOLD_FILE = "gold.jsonl"


def sample_reports_path() -> Path:
    """The sample reports, one JSON object per line (FORMAT.md's reports shape)."""
    return _resource(REPORTS_FILE)


def sample_gold_path() -> Path:
    """The gold incidents of the sample reports, one report per line, in the same order."""
    return _resource(GOLD_FILE)


def _resource(name: str) -> Path:
    resource = files(__name__) / name
    # Callers open the file by path (ingest, score.py), so it must be a real file on disk,
    # which is the case for every normal install; a zipped package is not supported.
    if not isinstance(resource, Path) or not resource.is_file():
        raise ConfigError(
            f"sample corpus file {name} is missing from the installed repwatch package; "
            "reinstall repwatch (pip install --force-reinstall repwatch)"
        )
    return resource
