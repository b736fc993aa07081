"""From a name found in a text to the place it means there, and how precisely.

A name may fit several places ("Tumen": the city and the river; "Namyang": the
North Korean town and the South Korean one). The words around it decide, in
this order: a kind word after it ("Tumen River", "Jilin Province"), a cue
before it ("the mouth of the Tumen", "the Tumen"), the provinces the rest of the
text names, then the place's curated priority (the border place by default).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from repwatch.gazetteer.context import (
    CJK_TAIL_CUES,
    COUNTY_KINDS,
    COUNTY_SUFFIX,
    DESCRIBING_SUFFIXES,
    KIND_SUFFIXES,
    MOUTH_WORDS,
    ORGANISATION_WORDS,
    QUALIFIER_CUES,
    RIVER_ARTICLES,
    TOWN_NOUNS,
    WIDEN_KM,
    widened_radius,
)
from repwatch.gazetteer.data import Entry, NameForm
from repwatch.gazetteer.index import Hit
from repwatch.gazetteer.normalise import Token, Words, fold
from repwatch.gazetteer.results import CURATED, PlaceMatch


def context_of(hits: Iterable[Hit], entries: Mapping[str, Entry]) -> frozenset[str]:
    """The provinces a text names, directly or through an unambiguous place in them."""
    names: set[str] = set()
    for hit in hits:
        ids = {form.place_id for form in hit.forms}
        if len(ids) != 1:
            continue
        place = entries[ids.pop()].place
        if place.kind == "province":
            names.update(fold(name) for name in place.names)
        if place.admin1:
            names.add(fold(place.admin1))
    return frozenset(names)


# Words of a river's state between its article and its name.
_RIVER_ADJECTIVES = frozenset(
    "frozen icy swollen fast-flowing shallow rain-swollen flooded upper lower".split()
)


def interpret_latin(
    hit: Hit,
    tokens: Words,
    text: str,
    entries: Mapping[str, Entry],
    context: frozenset[str],
    *,
    after_river: bool = False,
) -> PlaceMatch | None:
    """The place a Latin-script name means where it stands; None if it names an organisation.

    ``after_river``: the name follows a river in a list ("the Yalu and Tumen").
    """
    candidates = _entries(hit.forms, entries)
    notes: list[str] = []
    qualifier: str | None = None
    end, last = hit.end, hit.last_token
    following = _next(tokens, last)
    if following is not None and following.key in KIND_SUFFIXES:
        kinds = KIND_SUFFIXES[following.key]
        fitting = [e for e in candidates if e.place.kind in kinds]
        if fitting:
            candidates, end, last = fitting, following.end, last + 1
            notes.append(f"'{text[following.start : following.end]}' after the name")
        elif following.key == COUNTY_SUFFIX and any(
            e.place.kind in COUNTY_KINDS for e in candidates
        ):
            candidates = [e for e in candidates if e.place.kind in COUNTY_KINDS]
            end, last, qualifier = following.end, last + 1, "county"
    if _names_organisation(tokens, last) or _describes(tokens, last, text):
        return None
    cue, cue_first = cue_before(tokens, hit.first_token)
    previous = tokens[hit.first_token - 1] if hit.first_token > 0 else None
    rivers = [e for e in candidates if e.place.kind == "river"]
    if rivers and len(rivers) < len(candidates):
        after = _next(tokens, last)
        if previous is not None and previous.key in _RIVER_ADJECTIVES and hit.first_token > 1:
            previous = tokens[hit.first_token - 2]  # "the frozen Tumen", "the swollen Tumen"
        said_the = (
            previous is not None
            and previous.key in RIVER_ARTICLES
            and tokens[hit.first_token].joined
            and not (after is not None and after.key in TOWN_NOUNS)
        )
        if cue == "mouth" or after_river or (said_the and qualifier is None):
            candidates = rivers
            notes.append("a name shared with a river, written as a river's: the river")
    chosen = _rank(candidates, context)[0]
    form = form_of(hit.forms, chosen.place.id, text[hit.start : hit.end])
    following = _next(tokens, last)
    mouth = entries.get(f"{chosen.place.id}-mouth")
    if mouth is not None and (cue == "mouth" or (following and following.key in MOUTH_WORDS)):
        if cue != "mouth" and following is not None:
            end = following.end
        chosen, qualifier = mouth, None
        notes.append("the river's mouth")
    elif cue is not None and cue != "mouth":
        qualifier = cue  # "near Musan County": the cue says more than the county
    cued = cue is not None and (cue != "mouth" or chosen is mouth)
    start = tokens[cue_first].start if cued else hit.start
    if qualifier in WIDEN_KM:
        notes.append(f"{qualifier}: radius widened by {WIDEN_KM[qualifier]:g} km")
    why = "; ".join([f"name '{text[hit.start : hit.end]}' ({form.scheme})", *notes])
    return _match(text, start, end, hit, chosen, qualifier, why)


def interpret_cjk(
    hit: Hit, text: str, entries: Mapping[str, Entry], context: frozenset[str]
) -> PlaceMatch:
    """The place a Hangul or Chinese name means, with a cue written after it ("혜산 인근")."""
    chosen = _rank(_entries(hit.forms, entries), context)[0]
    form = form_of(hit.forms, chosen.place.id, text[hit.start : hit.end])
    end, qualifier = hit.end, None
    rest = text[hit.end : hit.end + 8]
    for cue, meaning in CJK_TAIL_CUES:
        offset = len(rest) - len(rest.lstrip(" "))
        if rest.startswith(cue, offset):
            end, qualifier = hit.end + offset + len(cue), meaning
            break
    why = f"name '{text[hit.start : hit.end]}' ({form.scheme})"
    if qualifier is not None:
        why += f"; {qualifier}: radius widened by {WIDEN_KM[qualifier]:g} km"
    return _match(text, hit.start, end, hit, chosen, qualifier, why)


def _match(
    text: str, start: int, end: int, hit: Hit, entry: Entry, qualifier: str | None, why: str
) -> PlaceMatch:
    return PlaceMatch(
        text=text[start:end],
        start=start,
        end=end,
        place=entry.place,
        radius_km=widened_radius(entry.place.radius_km, qualifier),
        qualifier=qualifier,
        why=why,
        confidence=CURATED,
        name_start=hit.start,
        name_end=hit.end,
    )


def _entries(forms: tuple[NameForm, ...], entries: Mapping[str, Entry]) -> list[Entry]:
    return [entries[place_id] for place_id in dict.fromkeys(f.place_id for f in forms)]


def _rank(candidates: list[Entry], context: frozenset[str]) -> list[Entry]:
    """Places named in the same text's provinces first, then by curated priority."""
    if len(candidates) == 1:
        return candidates

    def key(entry: Entry) -> tuple[bool, int]:
        admin1 = entry.place.admin1
        return (not (admin1 and fold(admin1) in context), -entry.priority)

    return sorted(candidates, key=key)


def form_of(forms: tuple[NameForm, ...], place_id: str, written: str) -> NameForm:
    """The place's form closest to how the name was written (to say which scheme it is)."""
    own = [f for f in forms if f.place_id == place_id] or list(forms)
    for same in (lambda f: f.text == written, lambda f: f.text.casefold() == written.casefold()):
        found = next((f for f in own if same(f)), None)
        if found is not None:
            return found
    return own[0]


def _next(tokens: Words, last: int) -> Token | None:
    """The word right after word ``last``, if only spaces or hyphens separate them."""
    if last + 1 < len(tokens) and tokens[last + 1].joined:
        return tokens[last + 1]
    return None


def _describes(tokens: Words, last: int, text: str) -> bool:
    """True for a name hyphenated to a word like "based" ("a Seoul-based group")."""
    k = last + 1
    return (
        k < len(tokens)
        and tokens.keys[k] in DESCRIBING_SUFFIXES
        and text[tokens.ends[last] : tokens.starts[k]] == "-"
    )


def _names_organisation(tokens: Words, last: int) -> bool:
    """True if capitalised words after the name make it an organisation's name."""
    for k in range(last + 1, min(last + 4, len(tokens))):
        if not (tokens.joins[k] and tokens.capitals[k]):
            return False
        if tokens.keys[k] in ORGANISATION_WORDS:
            return True
    return False


def cue_before(tokens: Words, first: int) -> tuple[str | None, int]:
    """The qualifier cue ending right before word ``first``, and the cue's first word."""
    keys, joins = tokens.keys, tokens.joins
    if first == 0 or not joins[first]:
        return None, first
    for words, qualifier in _CUES_BY_LAST_WORD.get(keys[first - 1], ()):
        begin = first - len(words)
        if begin >= 0 and all(
            (w == "*" or keys[begin + k] == w) and joins[begin + k + 1] for k, w in enumerate(words)
        ):
            return qualifier, begin
    return None, first


def _cues_by_last_word() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """QUALIFIER_CUES (longest first) by their last word, so a name tries only a few."""
    cues: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for words, qualifier in QUALIFIER_CUES:
        cues.setdefault(words[-1], []).append((words, qualifier))
    return cues


_CUES_BY_LAST_WORD = _cues_by_last_word()
