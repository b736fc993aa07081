"""Mentions → incidents.

For now each mention becomes an incident of its own; linking mentions that tell
the same case into one incident replaces this function, keeping its signature.
"""

from __future__ import annotations

from collections.abc import Sequence

from repwatch.model import Incident, Mention


def link(mentions: Sequence[Mention]) -> list[Incident]:
    """The incidents that these newly stored mentions make."""
    return [Incident.from_mention(mention) for mention in mentions]
