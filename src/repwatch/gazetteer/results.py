"""What the gazetteer answers: ranked candidates for a name, resolutions of a phrase."""

from __future__ import annotations

from dataclasses import dataclass

from repwatch.model import Place

CURATED = "curated"
GEONAMES = "geonames"


@dataclass(frozen=True, slots=True, kw_only=True)
class Candidate:
    """A place a name may mean, with how well it fits and why."""

    place: Place
    score: float  # 0..1, higher is better
    why: str  # e.g. "exact name 'Sinŭiju' (McCune–Reischauer)"
    confidence: str = CURATED  # "curated" or "geonames"


@dataclass(frozen=True, slots=True, kw_only=True)
class Resolution:
    """A phrase resolved to one place, or to none (``place is None``: never a guess).

    ``text``/``start``/``end`` quote the phrase as written, offsets into the text
    given, including any cue that qualifies it ("near Hyesan"); ``radius_km`` is
    the place's radius widened by that cue.
    """

    text: str
    start: int
    end: int
    place: Place | None
    radius_km: float | None
    qualifier: str | None  # "near", "outskirts", "across_from", "mouth", "direction", "county"
    why: str
    confidence: str | None = None  # "curated" or "geonames"; None when unresolved

    @property
    def resolved(self) -> bool:
        return self.place is not None


@dataclass(frozen=True, slots=True, kw_only=True)
class PlaceMatch(Resolution):
    """A place named in a report; ``name_start``/``name_end`` span the bare name."""

    name_start: int
    name_end: int

    @property
    def name(self) -> str:
        """The place name as written, without its cue ("Hyesan" of "near Hyesan")."""
        offset = self.name_start - self.start
        return self.text[offset : offset + self.name_end - self.name_start]
