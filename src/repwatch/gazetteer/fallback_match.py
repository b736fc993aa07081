"""Where GeoNames may name a place in a text the curated list does not know.

Only where a name is very likely a place: in a report, a capitalised city name
right after a locative word ("detained in Jiamusi"); in a phrase given to
resolve(), a city name at its end ("a village near Jiamusi"). Every such match
has confidence "geonames".
"""

from __future__ import annotations

from repwatch.gazetteer.context import (
    FALLBACK_MIN_LENGTH,
    LOCATIVE_CUES,
    WIDEN_KM,
    widened_radius,
)
from repwatch.gazetteer.fallback import GeonamesFallback
from repwatch.gazetteer.interpret import cue_before
from repwatch.gazetteer.normalise import Words
from repwatch.gazetteer.results import GEONAMES, PlaceMatch
from repwatch.model import Place

# "the Amur region city of Blagoveshchensk": a settlement's name after "city of".
_SETTLEMENTS = frozenset({"city", "town", "port", "village", "county", "township"})


def cued_matches(
    fallback: GeonamesFallback, words: Words, text: str, taken: list[PlaceMatch]
) -> list[PlaceMatch]:
    """GeoNames cities named right after a locative word or "city of", outside the ``taken``
    matches."""
    covered = {i for m in taken for i in range(m.name_start, m.name_end)}
    keys, capitals, joins, starts, ends = (
        words.keys, words.capitals, words.joins, words.starts, words.ends
    )  # fmt: skip
    found: list[PlaceMatch] = []
    cues = [
        i
        for i, key in enumerate(keys[:-1])
        if key in LOCATIVE_CUES or (key == "of" and i and keys[i - 1] in _SETTLEMENTS)
    ]
    for cue in cues:
        i = cue + 1
        if not (capitals[i] and joins[i]) or starts[i] in covered:
            continue
        two = i + 1 < len(keys) and joins[i + 1] and capitals[i + 1]
        spans = [(starts[i], ends[i + 1]), (starts[i], ends[i])] if two else [(starts[i], ends[i])]
        for start, end in spans:
            name = text[start:end]
            places = fallback.named(name) if len(name) >= FALLBACK_MIN_LENGTH else []
            if places:
                why = f"GeoNames city named '{name}' after a locative word (not curated)"
                found.append(_match(text, start, end, start, places[0], None, why))
                break
    return found


def tail_match(fallback: GeonamesFallback, tokens: Words, phrase: str) -> PlaceMatch | None:
    """A GeoNames city named by the last words of ``phrase``, with any cue before them."""
    for n in (3, 2, 1):
        if n > len(tokens) or not all(t.joined for t in tokens[len(tokens) - n + 1 :]):
            continue
        first = len(tokens) - n
        start, end = tokens[first].start, tokens[-1].end
        name = phrase[start:end]
        places = fallback.lookup(name) if len(name) >= FALLBACK_MIN_LENGTH else []
        if places:
            qualifier, cue_first = cue_before(tokens, first)
            if qualifier not in WIDEN_KM:  # "mouth" means nothing for a city
                qualifier, cue_first = None, first
            why = f"GeoNames city named '{name}' (not in the curated list)"
            if qualifier is not None:
                why += f"; {qualifier}: radius widened by {WIDEN_KM[qualifier]:g} km"
            cue_start = tokens[cue_first].start
            return _match(phrase, cue_start, end, start, places[0], qualifier, why)
    return None


def _match(
    text: str, start: int, end: int, name_start: int, place: Place, qualifier: str | None, why: str
) -> PlaceMatch:
    return PlaceMatch(
        text=text[start:end],
        start=start,
        end=end,
        place=place,
        radius_km=widened_radius(place.radius_km, qualifier),
        qualifier=qualifier,
        why=why,
        confidence=GEONAMES,
        name_start=name_start,
        name_end=end,
    )
