"""A mention's sensitive fields, sealed apart from the rest of it.

The ``data`` column keeps what everyone may see (acts, counts, places, dates,
perpetrator, with their evidence); the ``sealed`` column keeps the victim
descriptors and the source descriptions, encrypted and bound to the report.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import TypeAdapter

from repwatch.model import Mention, Sourced
from repwatch.protect.seal import Sealer, default_sealer

SENSITIVE = ("victim_group", "sources")

_VICTIM_GROUP = TypeAdapter(Sourced[str] | None)
_SOURCES = TypeAdapter(tuple[Sourced[str], ...])


def split(mention: Mention, sealer: Sealer | None = None) -> tuple[dict[str, Any], str | None]:
    """The mention as (open JSON data, sealed sensitive fields or None when it has none)."""
    data = mention.model_dump(mode="json", exclude={"id", *SENSITIVE})
    if mention.victim_group is None and not mention.sources:
        return data, None
    secret = mention.model_dump(mode="json", include=set(SENSITIVE))
    plain = json.dumps(secret, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return data, (sealer or default_sealer()).seal(plain, context=mention.report_id)


def join(mention: Mention, sealed: str | None, sealer: Sealer | None = None) -> Mention:
    """The mention with its sealed fields opened and put back."""
    if not sealed:
        return mention
    opened = json.loads((sealer or default_sealer()).open(sealed, context=mention.report_id))
    return mention.model_copy(
        update={
            "victim_group": _VICTIM_GROUP.validate_python(opened.get("victim_group")),
            "sources": _SOURCES.validate_python(opened.get("sources") or ()),
        }
    )
