"""The acts of a case: which triggers count, and FORMAT.md's rules on them.

``crossing`` is an act of the case only when its people were caught or killed during the
crossing itself; ``detention`` implies ``arrest``; an act both done and awaited is done;
a handover by North Korean guards to their own security service is no repatriation.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from repwatch.extract import acts as acts_component
from repwatch.extract import lexicon as lx
from repwatch.extract.discourse import Bound
from repwatch.extract.reading import Reading
from repwatch.extract.segment import Case
from repwatch.model import Act, ActMention, DateRange, EvidenceSpan, Modality

MAIN_ACTS = (Act.ARREST, Act.DETENTION, Act.DEATH, Act.REPATRIATION, Act.CROSSING)


def acts_of(bounds: list[Bound], reading: Reading) -> list[ActMention]:
    text = reading.text
    found: dict[tuple[Act, Modality], list[EvidenceSpan]] = {}
    keep_crossing = _caught_crossing(bounds, reading)
    held_home = _held_after_return(bounds, reading)
    returned = any(
        Act.REPATRIATION in b.hit.acts and b.hit.modality is Modality.OCCURRED for b in bounds
    )
    for bound in bounds:
        for act in bound.hit.acts:
            if act is Act.CROSSING and not keep_crossing:
                continue
            if act is Act.DETENTION and bound in held_home:
                continue  # convention 4: custody at home after return is no detention
            if act is Act.DEATH and returned and _died_in_custody(bound, reading):
                act = Act.PUNISHMENT  # convention 2: dying in custody after return
            spans = found.setdefault((act, bound.hit.modality), [])
            span = EvidenceSpan.of(text, bound.hit.start, bound.hit.end)
            if span not in spans:
                spans.append(span)
    if (Act.CROSSING, Modality.OCCURRED) not in found:
        river = _at_the_river(bounds, reading)
        if river is not None:
            found[(Act.CROSSING, Modality.OCCURRED)] = [river]
    _drop_release_after_return(found)
    occurred = {act for act, modality in found if modality is Modality.OCCURRED}
    if Act.DETENTION in occurred and Act.ARREST not in occurred:
        found[(Act.ARREST, Modality.OCCURRED)] = found[(Act.DETENTION, Modality.OCCURRED)]
        occurred.add(Act.ARREST)
    awaited_custody = (Act.DETENTION, Modality.EXPECTED)
    if awaited_custody in found and Act.ARREST not in occurred:
        # "she fears she will be held there": to be held is to be arrested first
        found.setdefault((Act.ARREST, Modality.EXPECTED), found[awaited_custody])
    mentions = []
    for (act, modality), spans in found.items():
        if modality is Modality.EXPECTED and act in occurred:
            continue
        if modality is Modality.EXPECTED and act is Act.CROSSING:
            continue
        mentions.append(
            ActMention(
                act=act, modality=modality, spans=tuple(spans), producer=acts_component.PRODUCER
            )
        )
    return sorted(mentions, key=lambda m: list(Act).index(m.act))


# Where a death after the return is told: "died several weeks after her return", "died in
# the custody of the State Security Department", "died in the camp".
_IN_CUSTODY = re.compile(
    r"\bafter\s+(?:his|her|their|being)\s+(?:return|repatriation|deportation)\b"
    r"|\bin\s+(?:the\s+)?custody\b|\b(?:camp|prison|kyohwaso|kwalliso|State\s+Security"
    r"|Bowibu)\b",
    re.IGNORECASE,
)


def _died_in_custody(bound: Bound, reading: Reading) -> bool:
    start, end = reading.sentence_spans[reading.clauses[bound.clause].sentence]
    return bool(_IN_CUSTODY.search(reading.text, start, end))


def _drop_release_after_return(found: dict[tuple[Act, Modality], list[EvidenceSpan]]) -> None:
    """ "handed over …, sent to a camp … She was released in 2010": a release told after the
    return is from the North's own custody, the end of a punishment, not the case's release
    (freed by those who caught them, or let go to a third country)."""
    returned = found.get((Act.REPATRIATION, Modality.OCCURRED))
    if not returned:
        return
    after = min(span.start for span in returned)
    for modality in Modality:
        spans = found.get((Act.RELEASE, modality))
        if spans is None:
            continue
        kept = [span for span in spans if span.start < after]
        if kept:
            found[(Act.RELEASE, modality)] = kept
        else:
            del found[(Act.RELEASE, modality)]


def with_implied_arrest(mentions: list[ActMention]) -> list[ActMention]:
    """People handed back were caught first: a done return stands for the arrest it
    implies, as custody does (the return's evidence is the arrest's)."""
    # with nothing done, the awaited acts: "she faces deportation if found" awaits her arrest
    told = {m.act: m for m in mentions if m.modality is Modality.OCCURRED} or {
        m.act: m for m in mentions
    }
    if Act.REPATRIATION not in told or Act.ARREST in told:
        return mentions
    arrest = told[Act.REPATRIATION].model_copy(update={"act": Act.ARREST})
    kept = [m for m in mentions if m.act is not Act.ARREST]  # an arrest awaited is done
    return sorted([*kept, arrest], key=lambda m: list(Act).index(m.act))


def within_the_north(mentions: list[ActMention], text: str) -> list[ActMention]:
    """People caught by North Korean guards and "handed over to the State Security
    Department" were not returned to North Korea: they never left it. Nor is their custody
    ``detention``, which is custody awaiting a return; being held is their arrest."""
    kept = _without_returns(mentions, _HANDOVER.match)
    if any(m.act is Act.REPATRIATION for m in kept):
        return kept
    arrested = {m.modality for m in kept if m.act is Act.ARREST}
    return [
        m.model_copy(update={"act": Act.ARREST})
        if m.act is Act.DETENTION and m.modality not in arrested
        else m
        for m in kept
        if m.act is not Act.DETENTION or m.modality not in arrested
    ]


def by_a_third_country(mentions: list[ActMention]) -> list[ActMention]:
    """ "Their deportation drew criticism", of people Laos caught: a third country deports
    to China, not to the North, so its deportation told as a bare noun is no return."""
    return _without_returns(mentions, _BARE_DEPORTATION.fullmatch)


def _without_returns(
    mentions: list[ActMention], is_not_a_return: Callable[[str], object]
) -> list[ActMention]:
    """``mentions`` less the evidence of a return that ``is_not_a_return``; a return left
    with no evidence is no act of the case."""
    kept = []
    for mention in mentions:
        if mention.act is Act.REPATRIATION:
            spans = tuple(s for s in mention.spans if not is_not_a_return(s.text))
            if not spans:
                continue
            mention = mention.model_copy(update={"spans": spans})
        kept.append(mention)
    return kept


_BARE_DEPORTATION = re.compile(r"deportation|expulsion", re.IGNORECASE)


def _held_after_return(bounds: list[Bound], reading: Reading) -> list[Bound]:
    """Holdings told after the people were returned, by North Korea's own security ("now
    held by the State Security Department in Musan"): not the custody before return that
    ``detention`` means (its questioning and sentences are acts of their own)."""
    returns = [
        b.hit.start
        for b in bounds
        if Act.REPATRIATION in b.hit.acts and b.hit.modality is Modality.OCCURRED
    ]
    if not returns:
        return []
    found = []
    for bound in bounds:
        if Act.DETENTION not in bound.hit.acts or bound.hit.start < min(returns):
            continue
        facts = reading.clauses[bound.clause]
        # the holder named before the next act ("held … before being handed over to the
        # North Korean authorities" names who received them, not who held them)
        end = bound.hit.end
        later = sorted(
            (h for h in facts.acts if h.start >= end and not _WHERE_HELD.match(h.text)),
            key=lambda h: h.start,
        )
        for hit in later:  # "held and questioned by the SSD": the agent of both
            if not _COORDINATED.fullmatch(reading.text, end, hit.start):
                break
            end = hit.end
        starts = [h.start for h in later if h.start >= end]
        limit = min([*starts, facts.clause.end, end + 80])
        window = (max(facts.clause.start, bound.hit.start - 40), limit)
        in_the_north = any(
            p.country == "KP" and window[0] <= p.start < window[1] for p in facts.places
        )
        if in_the_north or lx.NORTH_CUSTODY.search(reading.text, *window):
            found.append(bound)  # "questioned at a holding centre in Onsong"
    return found


_COORDINATED = re.compile(r"\s*,?\s*(?:and|or)\s+", re.IGNORECASE)
# A detention told as where people are ("at a holding centre"): the place of the holding
_WHERE_HELD = re.compile(r"(?:in|at)\s", re.IGNORECASE)
_HANDOVER = re.compile(r"(?:hand|turn)\w*(?:\s+over)?$|넘겨|인계", re.IGNORECASE)


def _caught_crossing(bounds: list[Bound], reading: Reading) -> bool:
    """FORMAT.md: crossing is an act of the case only when its people were caught or
    killed during the crossing (the same sentence, or at the river, bank, fence, sea)."""
    catching = [
        b
        for b in bounds
        if b.hit.modality is Modality.OCCURRED
        and any(a in (Act.ARREST, Act.DEATH, Act.DETENTION) for a in b.hit.acts)
    ]
    crossing = [
        b
        for b in bounds
        if Act.CROSSING in b.hit.acts
        and not _earlier_crossing(b, catching, reading)
        and not _told_before(b, reading.text)
    ]
    if not crossing or not catching:
        return False
    if any(_WATER_DEATH.match(b.hit.text) for b in catching if Act.DEATH in b.hit.acts):
        return True  # "she tried to cross the river … Both were swept away": in the crossing
    at_border = [b for b in catching if not _inland(b, reading)]
    sentences = {reading.clauses[b.clause].sentence for b in at_border}
    if any(reading.clauses[b.clause].sentence in sentences for b in crossing):
        return True
    for bound in catching:
        # "caught on the bank", "intercepted … off the coast": where the catching was
        clause = reading.clauses[bound.clause].clause
        window = (max(clause.start, bound.hit.start - 50), min(clause.end, bound.hit.end + 80))
        if Act.DETENTION not in bound.hit.acts and not _inland(bound, reading):
            if lx.AT_THE_BORDER.search(reading.text, *window):
                return True
    return False


def _at_the_river(bounds: list[Bound], reading: Reading) -> EvidenceSpan | None:
    """ "caught two women on the ice of the Tumen", "shot dead in the river": people caught
    or killed on the water, the ice or the bank were caught crossing, though no verb of
    crossing is told; the span names where."""
    for bound in bounds:
        if bound.hit.modality is not Modality.OCCURRED or Act.DETENTION in bound.hit.acts:
            continue
        if not any(a in (Act.ARREST, Act.DEATH) for a in bound.hit.acts):
            continue
        clause = reading.clauses[bound.clause].clause
        match = _ON_THE_RIVER.match(reading.text, bound.hit.end, clause.end)
        if match is not None:
            where = match.group("where")
            at = match.start("where")
            return EvidenceSpan.of(reading.text, at, at + len(where))
    return None


# Right after a catching act: on the water or the ice, or on the bank just reached.
_ON_THE_RIVER = re.compile(
    r"(?:,?\s+(?!(?:and|but|after|before|while|when|who|which)\b)[\w'’-]+){0,6}?,?\s+"
    r"(?P<where>(?:in|on|at|onto)\s+the\s+(?:[\w-]+\s+){0,2}?(?:river|riverbank|ice|water"
    r"|bank|shore|fence)\b)",
    re.IGNORECASE,
)
# Deaths of the water and the cold, which happen in the crossing itself, and bodies found
# after one.
_WATER_DEATH = re.compile(r"drown|swept|washed|froze|bod(?:y|ies)", re.IGNORECASE)
# "who had crossed the river in March": told as what came before the case
_PLUPERFECT = re.compile(r"\b(?:had\s+(?:\w+ly\s+)?|having\s+|since\s+)$", re.IGNORECASE)
# "detained in Laos after crossing from China": a journey told as what came before
_AFTER = re.compile(
    r"\b(?<!shortly\s)(?<!just\s)(?<!soon\s)(?<!right\s)(?<!immediately\s)(?<!moments\s)"
    r"(?<!minutes\s)after\s+$",
    re.IGNORECASE,
)
# What a crossing crossed, where those caught right after it were caught at the border:
# "arrested after crossing the Mekong".
_WATER_OR_LINE = re.compile(
    r"\s+(?:over\s+|into\s+)?the\s+(?:frozen\s+)?(?:[\w-]+\s+)?(?:river|Mekong|Tumen|Tuman"
    r"|Yalu|Amnok|Amur|Ussuri|border|fence|ice)\b",
    re.IGNORECASE,
)


def _told_before(crossing: Bound, text: str) -> bool:
    """Whether the crossing is told as what came before the case ("had crossed", "since
    crossing", "after crossing from China"; not "shortly after crossing the river")."""
    start, end = crossing.hit.start, crossing.hit.end
    if _PLUPERFECT.search(text, max(0, start - 24), start):
        return True
    if _AFTER.search(text, max(0, start - 24), start):
        return not _WATER_OR_LINE.match(text, end)
    return False


def _inland(catching: Bound, reading: Reading) -> bool:
    """ "caught … in a village outside Dandong two days later": away from the border."""
    clause = reading.clauses[catching.clause].clause
    after = (catching.hit.end, min(clause.end, catching.hit.end + 80))
    if lx.AT_THE_BORDER.search(reading.text, *after):
        return False
    return bool(lx.INLAND.search(reading.text, *after))


def _earlier_crossing(crossing: Bound, catching: list[Bound], reading: Reading) -> bool:
    """ "a woman who crossed the river in 2005 was caught on the 25th of last month": a
    crossing dated apart from the arrest is its background, not part of it."""
    facts = reading.clauses[crossing.clause]
    later = [h.start for h in facts.acts if h.start > crossing.hit.end]
    limit = min(later) if later else facts.clause.end
    own = [d for d in facts.dates if crossing.hit.end <= d.start < limit and d.range]
    if not own:
        return False
    caught = [
        d.range
        for b in catching
        for d in reading.clauses[b.clause].dates
        if d.range and d.start > b.hit.start and d.kind not in ("spoke", "dateline")
    ]
    if not caught:
        return False
    crossed = own[0].range
    assert crossed is not None
    return not any(_months_overlap(crossed, c) for c in caught)


def _months_overlap(a: DateRange, b: DateRange) -> bool:
    def span(value: DateRange) -> tuple[str, str]:
        return (value.start or "0000")[:7], (value.end or "9999")[:7]

    (a0, a1), (b0, b1) = span(a), span(b)
    return a0 <= b1 and b0 <= a1


def main_bounds(bounds: list[Bound], reading: Reading) -> list[Bound]:
    """The triggers of the main act (the arrest, else the death, …), occurred first.
    Custody at home after the return is not the custody that may stand for an arrest."""
    held_home = _held_after_return(bounds, reading)
    bounds = [b for b in bounds if b not in held_home or b.hit.acts != (Act.DETENTION,)]
    for modality in (Modality.OCCURRED, Modality.EXPECTED):
        for act in MAIN_ACTS:
            found = [b for b in bounds if act in b.hit.acts and b.hit.modality is modality]
            if found:
                return found
    return bounds


def counted(case: Case) -> list[Bound]:
    return [b for b in (*case.acts, *case.inherited) if b.hit.counts]
