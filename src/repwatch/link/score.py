"""How alike two mentions are: do they tell the same case?

``score_pair`` weighs six features, each 0..1: where (place distance, discounted
when the places are vague), when (overlap of the date ranges), how many (overlap
of the counts), what (shared acts), who acted, and the specific details the two
texts share (only when the texts are given). A feature one side does not state
counts as ``UNKNOWN``, a little below even. Clear disagreement on where, when or
how many also multiplies the score down, so that a look-alike — the same place
another month, the same month another city, three women against a family of
five — cannot be carried over the threshold by the features it shares.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from rapidfuzz import fuzz

from repwatch.link.details import Details, mention_details, shared_details
from repwatch.link.duplicates import near_duplicate
from repwatch.link.memo import MentionMemo
from repwatch.link.profile import Profile, Spot, profile, spot_distance_km
from repwatch.model import Mention

# Set from the features' design (a retelling agreeing on place, date and count scores
# 0.8-1; a look-alike disagreeing clearly on one of them is multiplied below 0.5), then
# checked on tests/link/data, not fitted to it.
JOIN_THRESHOLD = 0.72  # at or above: the same case
REVIEW_THRESHOLD = 0.5  # from here to JOIN_THRESHOLD: a possible duplicate, for an analyst

UNKNOWN = 0.4
# Weights of where, when, how many, what, who; and of shared details, when texts are given.
PLACE_W, DATE_W, COUNT_W, ACTS_W, PERPETRATOR_W = 0.25, 0.25, 0.2, 0.1, 0.05
DETAILS_W = 0.2
# Penalties for clear disagreement, and where it starts.
FAR_KM, FAR_PENALTY = 150.0, 0.35
APART_DAYS, APART_PENALTY = 45, 0.4
COUNT_GAP, COUNT_PENALTY = 0.3, 0.6
# Shared detail weight at which the details feature is full.
FULL_DETAIL = 4.0


@dataclass(frozen=True)
class PairScore:
    """How alike two mentions are (0..1), and why, in words an analyst can check."""

    score: float
    reasons: tuple[str, ...]


# A feature: its value 0..1, the factor it multiplies the score by, and its reason
# (made only when explaining: formatting reasons for every candidate pair is slow).
Feature = tuple[float, float, str]


def score_pair(a: Mention, b: Mention, *, text_a: str = "", text_b: str = "") -> PairScore:
    """How likely ``a`` and ``b`` tell the same case, 0..1, symmetric. With both report
    texts given, the specific details around the mentions' evidence spans count too."""
    features = _features(a, b, text_a, text_b, explain=True)
    return PairScore(_combine(features), tuple(f[2] for f in features if f[2]))


def pair_value(a: Mention, b: Mention, text_a: str = "", text_b: str = "") -> float:
    """``score_pair(...).score`` without the reasons: for ranking many candidates."""
    return _combine(_features(a, b, text_a, text_b, explain=False))


def _features(a: Mention, b: Mention, text_a: str, text_b: str, *, explain: bool) -> list[Feature]:
    pa, pb = profile(a), profile(b)
    features = [
        _place(pa.spots, pb.spots, explain),
        _date(pa, pb, explain),
        _count(pa, pb, explain),
        _acts(pa, pb, explain),
        _perpetrator(pa, pb),
    ]
    if text_a and text_b:
        features.append(_shared(a, b, text_a, text_b, explain))
    return features


_WEIGHTS = (PLACE_W, DATE_W, COUNT_W, ACTS_W, PERPETRATOR_W, DETAILS_W)


def _combine(features: list[Feature]) -> float:
    total = weights = 0.0
    penalty = 1.0
    for weight, (value, factor, _) in zip(_WEIGHTS, features, strict=False):
        total += weight * value
        weights += weight
        penalty *= factor
    return round(min(1.0, max(0.0, total / weights * penalty)), 4)


# --- where ----------------------------------------------------------------------------


def _specificity(radius_km: float) -> float:
    """How much a match of places at this precision says: a town a lot, a country little."""
    if radius_km <= 15:
        return 1.0
    if radius_km <= 60:
        return 0.7
    return 0.45 if radius_km <= 200 else 0.25


def _spot_pair(a: Spot, b: Spot) -> tuple[float, float, float]:
    """The place feature of two spots: value, penalty and distance (-1 without coordinates)."""
    if a.point is not None and b.point is not None:
        d = 0.0 if a.place_id is not None and a.place_id == b.place_id else spot_distance_km(a, b)
        slack = max(a.radius_km, b.radius_km)
        close = 1.0 if d <= slack + 10 else math.exp(-(d - slack - 10) / 30)
        spec = _specificity(slack)
        far = d > FAR_KM + slack and spec >= 0.7
        return 0.5 + (close - 0.5) * spec, FAR_PENALTY if far else 1.0, d
    if (a.place_id is not None and a.place_id == b.place_id) or (
        a.key and b.key and (a.key in b.key or b.key in a.key)
    ):
        return 0.85, 1.0, -1.0
    return (0.75 if fuzz.ratio(a.key, b.key) >= 85 else 0.3), 1.0, -1.0


def _place(a: tuple[Spot, ...], b: tuple[Spot, ...], explain: bool) -> Feature:
    if not a or not b:
        return UNKNOWN, 1.0, ""
    best = (-1.0, 1.0, 0.0)
    best_pair = (a[0], b[0])
    for x in a:
        for y in b:
            found = _spot_pair(x, y)
            # The best value; among equals the closest pair (for a symmetric reason).
            if found[0] > best[0] or (found[0] == best[0] and found[2] < best[2]):
                best, best_pair = found, (x, y)
    value, penalty, d = best
    return value, penalty, _place_reason(value, d, *best_pair) if explain else ""


def _place_reason(value: float, d: float, a: Spot, b: Spot) -> str:
    if d >= 0:
        return f"places {d:.0f} km apart"
    names = sorted((a.key, b.key))
    if value >= 0.85:
        return f"same place name '{min(names, key=len)}'"
    return f"{'similar' if value >= 0.75 else 'different'} place names '{names[0]}', '{names[1]}'"


# --- when, how many, what, who ---------------------------------------------------------


def _date(a: Profile, b: Profile, explain: bool) -> Feature:
    if a.days is None or b.days is None:
        return UNKNOWN, 1.0, ""
    gap = max(a.days[0], b.days[0]) - min(a.days[1], b.days[1])
    width = max(a.days[1] - a.days[0], b.days[1] - b.days[0]) + 1
    if gap <= 0:
        if width <= 10:
            return 1.0, 1.0, "dates overlap within days"
        if width <= 31:
            return 0.85, 1.0, "dates overlap within a month"
        return (0.6 if width <= 120 else 0.4), 1.0, "dates overlap, vaguely"
    penalty = APART_PENALTY if gap > APART_DAYS else 1.0
    # Reports date different acts of one case (the arrest, the return weeks later).
    value = 0.6 * math.exp(-gap / 20)
    if not explain:
        return value, penalty, ""
    return value, penalty, f"dates {'1 day' if gap == 1 else f'{gap} days'} apart"


def _count_text(lo: int, hi: float) -> str:
    if hi == lo:
        return str(lo)
    return f"{lo}+" if math.isinf(hi) else f"{lo}-{hi:.0f}"


def _count(a: Profile, b: Profile, explain: bool) -> Feature:
    if a.count is None or b.count is None:
        return UNKNOWN, 1.0, ""
    (alo, ahi), (blo, bhi) = sorted((a.count, b.count))
    shown = f"{_count_text(alo, ahi)} vs {_count_text(blo, bhi)}" if explain else ""
    if blo <= ahi:
        exact = alo == ahi == blo == bhi
        return (1.0 if exact else 0.8), 1.0, f"counts agree ({shown})" if explain else ""
    gap = (blo - ahi) / blo
    penalty = COUNT_PENALTY if gap > COUNT_GAP else 1.0
    value = 0.8 * max(0.0, 1 - gap / 0.35)
    return value, penalty, f"counts differ ({shown})" if explain else ""


def _acts(a: Profile, b: Profile, explain: bool) -> Feature:
    if not a.acts or not b.acts:
        return UNKNOWN, 1.0, ""
    shared = len(a.acts & b.acts)
    value = shared / min(len(a.acts), len(b.acts))
    return value, 1.0, f"acts {shared}/{len(a.acts | b.acts)} shared" if explain else ""


def _perpetrator(a: Profile, b: Profile) -> Feature:
    if a.perpetrator is None or b.perpetrator is None:
        return UNKNOWN, 1.0, ""
    if a.perpetrator is b.perpetrator:
        return 1.0, 1.0, ""
    return 0.0, 1.0, "perpetrators differ"


# --- details ------------------------------------------------------------------------

# A new mention is compared with many candidates: its details are read once.
_details: MentionMemo[Details] = MentionMemo()


def _details_of(mention: Mention, text: str) -> Details:
    return _details.get(mention, text, lambda: mention_details(mention, text))


def _shared(a: Mention, b: Mention, text_a: str, text_b: str, explain: bool) -> Feature:
    # Two cases of one report share its text, but are not one story told twice.
    if a.report_id != b.report_id and (text_a == text_b or near_duplicate(text_a, text_b)):
        return 1.0, 1.0, "near-duplicate texts"
    weight, terms = shared_details(_details_of(a, text_a), _details_of(b, text_b))
    # Outlets word one case differently: sharing nothing is no evidence against.
    if not terms:
        return UNKNOWN, 1.0, "no shared detail"
    value = UNKNOWN + (1 - UNKNOWN) * min(1.0, weight / FULL_DETAIL)
    if not explain:
        return value, 1.0, ""
    return value, 1.0, "shared detail: " + ", ".join(f"'{t}'" for t in terms[:3])
