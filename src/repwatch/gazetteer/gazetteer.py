"""The gazetteer: look names up, resolve a phrase, find every place a report names."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rapidfuzz import fuzz, process

from repwatch.errors import NotFound
from repwatch.gazetteer.context import LIST_JOINERS
from repwatch.gazetteer.data import Entry, NameForm, load_entries
from repwatch.gazetteer.fallback import GeonamesFallback
from repwatch.gazetteer.fallback_match import cued_matches, tail_match
from repwatch.gazetteer.index import Hit, NameIndex
from repwatch.gazetteer.interpret import context_of, form_of, interpret_cjk, interpret_latin
from repwatch.gazetteer.normalise import fold, has_cjk, tokenise
from repwatch.gazetteer.results import CURATED, GEONAMES, Candidate, PlaceMatch, Resolution
from repwatch.model import Place

# Scores of lookup() candidates, by how the name was met.
EXACT, PHRASE, FUZZY_WEIGHT, FALLBACK = 1.0, 0.9, 0.7, 0.5
# A spelling this close (rapidfuzz ratio, 0–100) to a curated name may mean it.
FUZZY_CUTOFF = 88.0


class Gazetteer:
    """Curated border places, with a GeoNames fallback for names the curated list lacks."""

    def __init__(self, entries: Sequence[Entry], *, fallback: GeonamesFallback | None = None):
        self._entries: dict[str, Entry] = {e.place.id: e for e in entries}
        forms: list[NameForm] = [form for e in entries for form in e.forms]
        self._index = NameIndex(forms)
        self._keys = list(self._index.by_key)
        self._fallback = fallback

    @classmethod
    def from_csv(cls, path: Path | None = None, *, fallback: bool = True) -> Gazetteer:
        """A gazetteer read from ``path`` (the shipped CSV by default)."""
        return cls(load_entries(path), fallback=GeonamesFallback() if fallback else None)

    def places(self, *, kind: str | None = None, country: str | None = None) -> list[Place]:
        """Every curated place, optionally of one kind and/or one country (ISO alpha-2)."""
        return [
            e.place
            for e in self._entries.values()
            if (kind is None or e.place.kind == kind)
            and (country is None or e.place.country == country.upper())
        ]

    def get(self, place_id: str) -> Place:
        """The curated place with this id; raises NotFound."""
        entry = self._entries.get(place_id)
        if entry is None:
            raise NotFound(f"no place with id {place_id!r} in the gazetteer")
        return entry.place

    def lookup(self, text: str, *, limit: int = 10) -> list[Candidate]:
        """Places ``text`` may name, best first: exact names, names in the phrase, close
        spellings; GeoNames cities only when none of those exist. [] when nothing fits."""
        found: dict[str, Candidate] = {}
        for candidate in (*self._exact(text), *self._in_phrase(text), *self._fuzzy(text)):
            known = found.get(candidate.place.id)
            if known is None or candidate.score > known.score:
                found[candidate.place.id] = candidate
        if not found and self._fallback is not None:
            for rank, place in enumerate(self._fallback.lookup(text)):
                why = f"GeoNames city named '{text.strip()}' (not in the curated list)"
                found.setdefault(
                    place.id,
                    Candidate(
                        place=place, score=FALLBACK - 0.01 * rank, why=why, confidence=GEONAMES
                    ),
                )
        ranked = sorted(found.values(), key=lambda c: -c.score)
        return ranked[:limit]

    def resolve(self, phrase: str, *, context: str = "") -> Resolution:
        """The one place ``phrase`` names ("a village near Hyesan"), or an unresolved
        Resolution spanning the phrase; ``context`` (surrounding text) helps choose
        between places sharing a name. A phrase naming several places ("Nanping,
        Helong", "the Yalu near Hyesan") resolves to the most precise of them."""
        matches = self._scan(phrase, capitalised=False, context=context)
        if matches:
            return min(matches, key=lambda m: m.radius_km or 0.0)  # first of equals
        stripped = phrase.strip()
        start = phrase.find(stripped) if stripped else 0
        end = start + len(stripped)
        best = next(iter(self.lookup(stripped, limit=1)), None) if stripped else None
        if best is None and self._fallback is not None:
            tail = tail_match(self._fallback, tokenise(phrase), phrase)
            if tail is not None:
                return tail
        if best is not None:
            radius = best.place.radius_km
            return Resolution(
                text=stripped, start=start, end=end, place=best.place, radius_km=radius,
                qualifier=None, why=best.why, confidence=best.confidence,
            )  # fmt: skip
        return Resolution(
            text=stripped, start=start, end=end, place=None, radius_km=None,
            qualifier=None, why="no place in the gazetteer has this name",
        )  # fmt: skip

    def find(self, text: str) -> list[PlaceMatch]:
        """Every curated place named in a report's text, in order, with offsets into it.

        Latin names must be capitalised, as proper names are in English prose.
        GeoNames cities (confidence "geonames") are added only where a
        capitalised name the curated list lacks follows a locative word ("in",
        "near", "at", "from", "to", "outside") and is a city's main GeoNames
        name: over whole texts its alternate names (surnames, short forms)
        would put guesses on the map.
        """
        return self._scan(text, capitalised=True)

    def _scan(self, text: str, *, capitalised: bool, context: str = "") -> list[PlaceMatch]:
        tokens = tokenise(text)
        latin = list(self._index.scan_latin(tokens, capitalised=capitalised))
        cjk = list(self._index.scan_cjk(text)) if has_cjk(text) else []
        hits = latin + cjk
        names = context_of(hits, self._entries)
        if context:
            names |= self._context_names(context)
        matches: list[PlaceMatch] = []
        for hit in latin:
            after_river = bool(matches) and _listed_after_river(text, matches[-1], hit.start)
            match = interpret_latin(
                hit, tokens, text, self._entries, names, after_river=after_river
            )
            if match is not None:
                matches.append(match)
        matches.extend(interpret_cjk(hit, text, self._entries, names) for hit in cjk)
        if capitalised and self._fallback is not None:
            matches.extend(cued_matches(self._fallback, tokens, text, matches))
        if len(matches) > len(latin):
            matches.sort(key=lambda m: m.start)
        return matches

    def _context_names(self, context: str) -> frozenset[str]:
        hits: list[Hit] = list(self._index.scan_latin(tokenise(context), capitalised=False))
        if has_cjk(context):
            hits.extend(self._index.scan_cjk(context))
        return context_of(hits, self._entries)

    def _exact(self, text: str) -> list[Candidate]:
        query = text.strip()
        forms = self._index.by_cjk.get(query, ()) if has_cjk(query) else ()
        forms = forms or self._index.by_key.get(fold(query), ())
        ranked = sorted(
            dict.fromkeys(f.place_id for f in forms),
            key=lambda place_id: -self._entries[place_id].priority,
        )
        candidates = []
        for rank, place_id in enumerate(ranked):
            form = form_of(forms, place_id, query)
            why = f"exact name '{form.text}' ({_scheme(form, query)})"
            place = self._entries[place_id].place
            candidates.append(Candidate(place=place, score=EXACT - 0.02 * rank, why=why))
        return candidates

    def _in_phrase(self, text: str) -> list[Candidate]:
        query = text.strip()
        candidates = []
        for match in self._scan(query, capitalised=False):
            if match.place is None:
                continue
            coverage = (match.end - match.start) / max(len(query), 1)
            score = PHRASE * coverage if coverage < 1 else PHRASE
            candidates.append(Candidate(place=match.place, score=score, why=match.why))
        return candidates

    def _fuzzy(self, text: str) -> list[Candidate]:
        key = fold(text)
        if len(key) < 4:  # short names are too alike to guess between
            return []
        candidates = []
        for name, ratio, _ in process.extract(
            key, self._keys, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=5
        ):
            if ratio >= 100:
                continue  # an exact name, already a candidate
            for form in self._index.by_key[name]:
                place = self._entries[form.place_id].place
                why = f"close spelling of '{form.text}' ({form.scheme}, {ratio:.0f}%)"
                score = FUZZY_WEIGHT * ratio / 100
                candidates.append(Candidate(place=place, score=score, why=why, confidence=CURATED))
        return candidates


def _listed_after_river(text: str, previous: PlaceMatch, start: int) -> bool:
    """True if only a list joiner separates a river's name from ``start``."""
    if previous.place is None or previous.place.kind != "river":
        return False
    between = text[previous.end : start].split()
    return bool(between) and all(word in LIST_JOINERS for word in between)


def _scheme(form: NameForm, query: str) -> str:
    """The form's scheme, noting a query that left out the form's diacritics."""
    if not form.text.isascii() and query.isascii() and not has_cjk(form.text):
        return f"{form.scheme}, without diacritics"
    return form.scheme
