"""The words around a place name that change what it means, as data.

Scope: English news prose about the China–North Korea border and escape
routes, plus the few Korean and Chinese cues most common in such reports.
All Latin cue words are folded (lower case, no diacritics), as ``normalise``
folds text.
"""

from __future__ import annotations

# A word right after a name that says what kind of place is meant ("Tumen River",
# "Tumen City", "Jilin Province"), with the kinds it fits.
KIND_SUFFIXES: dict[str, frozenset[str]] = {
    "river": frozenset({"river"}),
    "rivers": frozenset({"river"}),  # "the Yalu and Tumen rivers"
    "city": frozenset({"city"}),
    "town": frozenset({"town", "city"}),
    "county": frozenset({"county"}),
    "province": frozenset({"province"}),
    "prefecture": frozenset({"prefecture"}),
    "region": frozenset({"province", "prefecture"}),
    "krai": frozenset({"province"}),
}

# A county suffix after a town or city that has no county entry of its own
# ("Musan County", "Onsŏng County"): the county around its seat is meant.
COUNTY_SUFFIX = "county"
COUNTY_KINDS = frozenset({"town", "city"})

# Words after a river name that point at its mouth ("the Yalu River estuary").
MOUTH_WORDS = frozenset({"mouth", "estuary"})

# Cues before a name, longest first; "*" stands for any one word ("across the
# Yalu from Hyesan"). The qualifier widens the place's radius (WIDEN_KM).
QUALIFIER_CUES: tuple[tuple[tuple[str, ...], str], ...] = tuple(
    sorted(
        (
            (("on", "the", "other", "side", "of", "the", "river", "from"), "across_from"),
            (("across", "the", "river", "from"), "across_from"),
            (("across", "the", "border", "from"), "across_from"),
            (("across", "the", "*", "from"), "across_from"),
            (("across", "the", "*", "river", "from"), "across_from"),
            (("across", "from"), "across_from"),
            (("opposite",), "across_from"),
            (("the", "mouth", "of", "the"), "mouth"),
            (("the", "mouth", "of"), "mouth"),
            (("mouth", "of", "the"), "mouth"),
            (("mouth", "of"), "mouth"),
            (("estuary", "of", "the"), "mouth"),
            (("the", "outskirts", "of"), "outskirts"),
            (("outskirts", "of"), "outskirts"),
            (("suburbs", "of"), "outskirts"),
            (("outside", "the", "*", "of"), "near"),  # "outside the town of Mengla"
            (("outside", "the", "*", "*", "of"), "near"),  # "… the border city of"
            (("outside", "the", "*", "*", "*", "of"), "near"),  # "… the North Korean town of"
            (("near", "the", "*", "of"), "near"),
            (("near", "the", "*", "*", "of"), "near"),
            (("near", "the", "*", "*", "*", "of"), "near"),
            (("outside", "of"), "near"),
            (("outside",), "near"),
            (("near",), "near"),
            (("off", "the", "coast", "of"), "near"),  # at sea
            (("off",), "near"),
            (("nearby",), "near"),
            (("close", "to"), "near"),
            (("not", "far", "from"), "near"),
            (("around",), "near"),
            (("north", "of"), "direction"),
            (("south", "of"), "direction"),
            (("east", "of"), "direction"),
            (("west", "of"), "direction"),
            (("northeast", "of"), "direction"),
            (("northwest", "of"), "direction"),
            (("southeast", "of"), "direction"),
            (("southwest", "of"), "direction"),
            (("upstream", "from"), "direction"),
            (("downstream", "from"), "direction"),
            (("upstream", "of"), "direction"),
            (("downstream", "of"), "direction"),
        ),
        key=lambda cue: -len(cue[0]),
    )
)

# Cues after a Hangul or Chinese name ("혜산 인근", "长白附近").
CJK_TAIL_CUES: tuple[tuple[str, str], ...] = (
    ("인근", "near"),
    ("근처", "near"),
    ("부근", "near"),
    ("일대", "near"),
    ("맞은편", "across_from"),
    ("건너편", "across_from"),
    ("附近", "near"),
    ("一带", "near"),
    ("一帶", "near"),
    ("郊外", "outskirts"),
    ("对岸", "across_from"),
    ("對岸", "across_from"),
)

# How much each qualifier widens a place's radius, in km: "near X" may be a
# village 10–30 km out; across the river is the other bank, within a few km.
WIDEN_KM: dict[str, float] = {
    "near": 20.0,
    "outskirts": 10.0,
    "across_from": 5.0,
    "direction": 30.0,
    "county": 25.0,
}

# A name followed by capitalised words like these is part of an organisation's
# or a publication's name ("Tumen River Refugee Aid", "Tumen Border Report").
ORGANISATION_WORDS = frozenset(
    {
        "refugee",
        "refugees",
        "aid",
        "report",
        "newsletter",
        "bulletin",
        "network",
        "times",
        "daily",
        "news",
        "watch",
        "university",
        "foundation",
        "mission",
        "church",
        "association",
        "institute",
        "center",
        "centre",
        "society",
        "group",
    }
)

# Words that, hyphenated after a name, make it describe something else
# ("a Seoul-based group" is not an event in Seoul).
DESCRIBING_SUFFIXES = frozenset({"based", "headquartered", "registered"})

# Words that, right before an ambiguous name, point at the river ("the Tumen") ...
RIVER_ARTICLES = frozenset({"the"})
# ... unless a word after the name says it is the town's ("the Tumen detention centre").
TOWN_NOUNS = frozenset(
    {
        "detention",
        "border",
        "police",
        "customs",
        "station",
        "railway",
        "prison",
        "jail",
        "government",
        "authorities",
        "officials",
        "market",
        "port",
        "office",
        "centre",
        "center",
        "camp",
        "garrison",
        "bureau",
    }
)


def widened_radius(radius_km: float, qualifier: str | None) -> float:
    """The honest precision of a place named with ``qualifier``."""
    return radius_km + WIDEN_KM.get(qualifier or "", 0.0)


# Words joining two names in a list: after a river, "the Yalu and Tumen" names
# two rivers, not the river and the city.
LIST_JOINERS = frozenset({"and", "or", ",", "&"})

# Words before a capitalised name that make it a place: only then may a name the
# curated list lacks be looked up in GeoNames during find() ("arrested in Jiamusi").
LOCATIVE_CUES = frozenset({"in", "near", "outside", "at", "from", "to"})
# Shorter GeoNames names are too often ordinary words or surnames.
FALLBACK_MIN_LENGTH = 4
