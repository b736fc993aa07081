"""Perpetrators: the authorities a text names as acting, and whose state they are.

Scope: the states of the escape routes (China, North Korea, Russia, and the
countries of the southern route, which are ``other``). An actor named only by its
kind ("police", "officers", "border guards") takes its state from a place named
with it ("police in Dongxing", "Chiang Rai marine police") or, later, from where
the case happened.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from repwatch.extract.places import PlaceHit
from repwatch.extract.scanning import lowered, scan, stems
from repwatch.model import Perpetrator

PRODUCER = "perpetrator.v1"

_FORCE = (
    r"(?:police(?:men)?|policemen|officers?|authorities|guards?|soldiers|troops|security"
    r"|officials|agents|patrols?|units|coast\s+guard|forces|immigration|army|military"
    r"|migration\s+(?:service|officials|officers)"
    r"|public\s+security|border\s+(?:guards|police|units|troops|defen[cs]e))"
)


def _as_doer(names: str) -> str:
    """A state's name as the subject of an act of arrest or return."""
    return (
        rf"\b(?:{names})(?=\s+(?:(?:has|have|had|was|is)\s+)?(?:(?:also|again|reportedly|\w+ly)\s+)?"
        r"(?:repatriat|deport|return|sent\b|send|arrest|detain|hand|expel|round|captur|seiz))"
    )


# Named actors, most specific first; each with the state it stands for.
ACTORS: tuple[tuple[re.Pattern[str], Perpetrator | None], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE if flags else 0), state)
    for pattern, state, flags in (
        # guards named by the bank they stand on ("guards on the North Korean bank")
        (
            rf"\b{_FORCE}\s+(?:stationed\s+|posted\s+)?(?:on|at|from)\s+the\s+North\s+Korean?"
            r"\s+(?:side|bank|shore|riverbank)\b",
            Perpetrator.NORTH_KOREA,
            1,
        ),
        (
            rf"\b{_FORCE}\s+(?:stationed\s+|posted\s+)?(?:on|at|from)\s+the\s+Chinese"
            r"\s+(?:side|bank|shore|riverbank)\b",
            Perpetrator.CHINA,
            1,
        ),
        (rf"\bNorth\s+Korean?\s+(?:[\w-]+\s+){{0,2}}?{_FORCE}\b", Perpetrator.NORTH_KOREA, 1),
        (r"\bthe\s+North['’]s\s+(?:[\w-]+\s+){0,2}?" + _FORCE + r"\b", Perpetrator.NORTH_KOREA, 1),
        # "shot by his country's border guards" (of a North Korean), "the Korean People's Army"
        (
            r"\b(?:his|her|their)\s+(?:own\s+)?country['’]s\s+(?:[\w-]+\s+){0,2}?"
            + _FORCE
            + r"\b|\bKorean\s+People['’]s\s+Army\b",
            Perpetrator.NORTH_KOREA,
            1,
        ),
        (
            r"\b(?:State\s+Security(?:\s+Department)?|SSD|Bowibu|MSS)\b",
            Perpetrator.NORTH_KOREA,
            0,
        ),
        (rf"\bChinese\s+(?:[\w-]+\s+){{0,3}}?{_FORCE}\b", Perpetrator.CHINA, 1),
        # "handed to the Chinese side"; not "villagers on the Chinese side", a bank
        (
            r"\bChinese(?<!\bon\sthe\sChinese)(?<!\bat\sthe\sChinese)"
            r"(?<!\bfrom\sthe\sChinese)\s+side\b",
            Perpetrator.CHINA,
            1,
        ),
        (r"\bNorth\s+Korean\s+side\b", Perpetrator.NORTH_KOREA, 1),
        (
            r"(?<=\bthe\s)Chinese\b(?!\s+(?:bank|border|territory|soil|city|town|village|coast|shore"
            r"|riverbank|river|brokers?|smugglers?|guides?|employers?|husbands?|families|family"
            r"|man|men|woman|women|husband|wife|citizens?|nationals?|media|newspapers?|reporters"
            r"|law|phones?|mobile|cities|government|embassy|side\s+of|President|Foreign"
            r"|officials?\s+had|people|farmer|tourists))",
            Perpetrator.CHINA,
            0,
        ),
        (
            r"\bpublic\s+security\s+(?:bureau|officers|officials|ministry|police)?",
            Perpetrator.CHINA,
            1,
        ),
        (r"\bborder\s+defen[cs]e\s+(?:corps|soldiers|troops|units|police)", Perpetrator.CHINA, 1),
        (rf"\bRussian\s+(?:[\w-]+\s+){{0,2}}?{_FORCE}\b|\bFSB\b", Perpetrator.RUSSIA, 0),
        (
            rf"\b(?:Vietnamese|Lao|Laotian|Thai|Mongolian|Cambodian|Burmese|Myanmar)\s+"
            rf"(?:[\w-]+\s+){{0,2}}?{_FORCE}\b",
            Perpetrator.OTHER,
            0,
        ),
        # a state named by its name or capital as the doer: "Beijing forcibly returned 60"
        (_as_doer(r"China|Beijing|Chinese\s+government"), Perpetrator.CHINA, 0),
        (_as_doer(r"Russia|Moscow|Russian\s+government"), Perpetrator.RUSSIA, 0),
        (
            _as_doer(r"Laos|Vientiane|Vietnam|Hanoi|Thailand|Bangkok|Mongolia|Ulaanbaatar"),
            Perpetrator.OTHER,
            0,
        ),
        (rf"\b{_FORCE}\b", None, 1),
    )
)
# Words one of which any text an actor pattern matches holds (to skip a costly scan).
ACTOR_STEMS = tuple(stems(p.pattern) for p, _ in ACTORS)
# The state of a place's country, for actors named only by kind.
STATE_OF_COUNTRY: dict[str, Perpetrator] = {
    "CN": Perpetrator.CHINA,
    "KP": Perpetrator.NORTH_KOREA,
    "RU": Perpetrator.RUSSIA,
}
_NEAR_PLACE = 40  # characters around a bare actor within which a place names its seat


@dataclass(frozen=True, slots=True)
class ActorHit:
    """An authority named in the text, and its state when known."""

    start: int
    end: int
    text: str
    state: Perpetrator | None


def state_of_country(country: str | None) -> Perpetrator | None:
    if country is None:
        return None
    return STATE_OF_COUNTRY.get(country, Perpetrator.OTHER)


def find_actors(text: str, start: int, end: int, places: Sequence[PlaceHit] = ()) -> list[ActorHit]:
    """The authorities named in ``text[start:end]``, left to right, without overlaps."""
    return find_actors_in(text, [(start, end)], [places])[0]


def find_actors_in(
    text: str, spans: Sequence[tuple[int, int]], places: Sequence[Sequence[PlaceHit]]
) -> list[list[ActorHit]]:
    """The authorities of each clause of ``spans`` (in text order); one scan of the text."""
    if not spans:
        return []
    starts = [start for start, _ in spans]
    found: list[list[ActorHit]] = [[] for _ in spans]
    taken: list[list[tuple[int, int]]] = [[] for _ in spans]
    lo, hi = spans[0][0], spans[-1][1]
    lower = lowered(text)
    for (pattern, state), keys in zip(ACTORS, ACTOR_STEMS, strict=True):
        # most specific first: it keeps the words it matched
        for match in scan(pattern, keys, text, lower, lo, hi):
            index = bisect_right(starts, match.start()) - 1
            if index < 0 or match.end() > spans[index][1]:
                continue
            if any(a < match.end() and match.start() < b for a, b in taken[index]):
                continue
            # a bare kind of force takes the state of its seat, else stays unknown
            resolved = state or _seat(match.start(), match.end(), places[index])
            found[index].append(ActorHit(match.start(), match.end(), match.group(), resolved))
            taken[index].append((match.start(), match.end()))
    return [sorted(actors, key=lambda a: a.start) for actors in found]


def _seat(start: int, end: int, places: Sequence[PlaceHit]) -> Perpetrator | None:
    """The state of a place named right before or after a bare actor."""
    for place in places:
        if place.of_actor and (
            0 <= start - place.end <= _NEAR_PLACE or 0 <= place.start - end <= _NEAR_PLACE
        ):
            return state_of_country(place.country)
    return None
