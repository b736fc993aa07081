"""decide: join above the join threshold, propose in the grey zone, new below it."""

from __future__ import annotations

from repwatch.link import JOIN_THRESHOLD, REVIEW_THRESHOLD, decide, score_pair
from repwatch.model import Mention

from .conftest import mention

NEW = mention("new", count=12, at="Dandong", date="2010-03-09")


def test_decide_joins_the_incident_telling_the_same_case() -> None:
    retold = mention("old", count=12, at="Dandong", date="2010-03-09")

    decision = decide(NEW, {7: [retold]})

    assert decision.action == "join"
    assert decision.incident_key == 7
    assert decision.score is not None and decision.score.score >= JOIN_THRESHOLD


def test_decide_proposes_a_possible_duplicate_in_the_grey_zone() -> None:
    # Same town, a week apart, one count missing: alike, but not enough to be sure.
    vague = mention("old", acts=("arrest",), at="Dandong", date="2010-03-16", perpetrator=None)
    score = score_pair(NEW, vague).score
    assert REVIEW_THRESHOLD <= score < JOIN_THRESHOLD  # the case this test is about

    decision = decide(NEW, {"a": [vague]})

    assert decision.action == "propose"
    assert decision.incident_key == "a"


def test_decide_starts_a_new_incident_below_the_review_threshold() -> None:
    other = mention("old", count=4, at="Dandong", date="2010-05-20")

    decision = decide(NEW, {1: [other]})

    assert decision.action == "new"
    assert decision.incident_key is None
    assert decision.score is not None and decision.score.score < REVIEW_THRESHOLD


def test_decide_without_candidates_is_new() -> None:
    assert decide(NEW, {}) == decide(NEW, {1: []})
    assert decide(NEW, {}).action == "new"
    assert decide(NEW, {}).score is None


def test_decide_picks_the_best_incident_by_its_best_mention() -> None:
    far = mention("x", count=12, at="Qingdao", date="2010-03-09")
    near = mention("y", count=12, at="Dandong", date="2010-03-09")
    partial = mention("z", count=4, at="Dandong", date="2010-05-09")
    candidates: dict[str, list[Mention]] = {"far": [far], "mixed": [partial, near]}

    assert decide(NEW, candidates).incident_key == "mixed"


def test_decide_never_joins_an_incident_holding_the_same_report() -> None:
    twin = mention("new", count=12, at="Dandong", date="2010-03-09")

    assert decide(NEW, {1: [twin]}).action == "new"


def test_decide_counts_shared_details_when_given_texts() -> None:
    vague = mention("old", acts=("arrest",), at="Dandong", date="2010-03-16", perpetrator=None)
    text = "Twelve workers from the Sinuiju metalworks were seized in a raid on a safehouse."
    texts = {"new": text, "old": "A raid on a safehouse: Sinuiju metalworks staff held."}

    without = decide(NEW, {1: [vague]})
    with_texts = decide(NEW, {1: [vague]}, texts=texts)

    assert without.score is not None and with_texts.score is not None
    assert with_texts.score.score > without.score.score
    assert any(
        r.startswith("shared detail: 'sinuiju metalworks'") for r in with_texts.score.reasons
    )
