"""The Korean lexicon: acts, their modality, people, authorities and place roles, and a
plain Korean report read end to end."""

from __future__ import annotations

import datetime as dt

from repwatch.extract import extract
from repwatch.extract.korean import find_actors_ko, find_acts_ko, find_refs_ko, is_korean
from repwatch.model import Act, Modality, Perpetrator, Report


def acts_of(text: str) -> dict[Act, Modality]:
    return {a: h.modality for h in find_acts_ko(text, 0, len(text)) if h.counts for a in h.acts}


def test_korean_verb_forms_of_arrest_and_return_are_acts() -> None:
    found = acts_of("북한 여성이 중국 공안에 체포돼 북한으로 강제 송환됐다.")
    assert found == {Act.ARREST: Modality.OCCURRED, Act.REPATRIATION: Modality.OCCURRED}


def test_korean_custody_implies_arrest_and_detention() -> None:
    assert set(acts_of("변방대 구류장에 열흘 동안 갇혀 있었다.")) == {Act.ARREST, Act.DETENTION}


def test_korean_ending_of_possibility_makes_the_act_expected() -> None:
    found = acts_of("그는 교화소나 정치범수용소로 보내질 수도 있다.")
    assert found == {Act.PUNISHMENT: Modality.EXPECTED}


def test_korean_negated_act_does_not_count() -> None:
    assert acts_of("그들은 송환되지 않았다.") == {}


def test_defector_noun_is_not_a_crossing() -> None:
    assert Act.CROSSING not in acts_of("탈북자 세 명이 붙잡혔다.")


def test_korean_people_are_counted_and_a_repeated_noun_is_definite() -> None:
    text = "북한 여성이 체포됐다. 주민 3명도 붙잡혔다. 이 여성은 송환됐다. 여성은 조사를 받았다."
    refs = find_refs_ko(text, 0, len(text))
    assert [(r.count.min if r.count else None, r.kind) for r in refs] == [
        (1, "new"),
        (3, "new"),
        (1, "definite"),
        (1, "definite"),
    ]


def test_korean_authorities_name_their_state() -> None:
    text = "중국 공안과 변방대가 체포했고 보위부가 조사했다."
    states = [a.state for a in find_actors_ko(text, 0, len(text))]
    assert states == [Perpetrator.CHINA, Perpetrator.CHINA, Perpetrator.NORTH_KOREA]


def test_hangul_is_detected() -> None:
    assert is_korean("공안") and not is_korean("police in Yanji")


def test_plain_korean_report_yields_one_case_with_evidence() -> None:
    text = (
        "중국 장백현 시내의 한 식당에서 일하던 북한 여성이 지난달 중순 중국 공안에 체포됐다.\n\n"
        "이 여성은 열흘 가까이 구금돼 있다가 북한으로 강제 송환됐다.\n\n"
        '소식통은 "지금 보위부에서 조사를 받고 있다"고 말했다.'
    )
    report = Report.from_text(text, published=dt.date(2014, 11, 5), language="ko")
    (mention,) = extract(report)
    found = mention.to_eval()
    assert {"arrest", "detention", "repatriation", "interrogation"} <= set(found["acts"])
    assert found["victims"] == {"min": 1, "max": 1}
    assert found["perpetrator"] == "china"
    assert found["place"]["name"].startswith("장백")
    for span in mention.acts[0].spans:
        assert text[span.start : span.end] == span.text


def test_wider_korean_vocabulary_of_acts() -> None:
    text = (
        "중국 공안이 지난달 옌지에서 탈북민 일가족 4명을 연행해 변방대 구치소에 감금했다. "
        "이들은 곧 북한으로 추방될 예정이다."
    )
    report = Report.from_text(text, published=dt.date(2015, 6, 20))
    (found,) = [m.to_eval() for m in extract(report)]
    assert found["acts"] == ["arrest", "detention"]
    assert found["expected_acts"] == ["repatriation"]


def test_a_korean_handover_to_the_security_service_by_guards_is_no_return() -> None:
    text = (
        '소식통은 "회령에서 여성 3명이 두만강을 건너다 국경경비대에 적발됐다"고 전했다. '
        "이들은 보위부에 넘겨져 조사를 받고 있다."
    )
    report = Report.from_text(text, published=dt.date(2015, 6, 20))
    (found,) = [m.to_eval() for m in extract(report)]
    assert "repatriation" not in found["acts"]
    assert {"crossing", "arrest", "interrogation"} <= set(found["acts"])


def _incidents_ko(text: str) -> list[dict]:
    report = Report.from_text(text, published=dt.date(2023, 1, 19), language="ko")
    return [m.to_eval() for m in extract(report)]


def test_a_bare_defector_noun_is_defectors_in_general() -> None:
    text = "정부는 해외 체류 탈북민이 강제로 북송되어서는 안 된다는 입장이다."
    (ref,) = find_refs_ko(text, 0, len(text))
    assert ref.kind == "generic" and ref.count is None
    one = "지난달 한 탈북민이 옌지에서 붙잡혔다."
    (ref,) = find_refs_ko(one, 0, len(one))
    assert ref.kind == "new" and ref.count is not None and ref.count.min == 1


def test_a_korean_condition_ban_or_wait_is_no_act_done() -> None:
    # "if caught in China, one is sent straight back": what happens to anyone
    assert acts_of("중국에서 붙잡히면 곧바로 북송되기 때문에 기회가 없다.") == {}
    # the same condition told of people named is what they await
    assert acts_of("이들이 북송되면 혹독한 처벌을 받게 된다.") == {
        Act.REPATRIATION: Modality.EXPECTED,
        Act.PUNISHMENT: Modality.EXPECTED,
    }
    assert acts_of("관련국에 강제송환금지 원칙 준수를 요청했다.") == {}
    assert acts_of("수백 명이 북송을 기다리고 있을 수 있다.") == {
        Act.REPATRIATION: Modality.EXPECTED
    }


def test_a_korean_statistics_piece_tells_no_incident() -> None:
    assert (
        _incidents_ko(
            "지난해 한국에 들어온 탈북민이 67명에 그친 것으로 집계됐다.\n\n"
            '한 지원단체 관계자는 "중국에서 붙잡히면 곧바로 북송되기 때문에 한 번 실패하면 다시 '
            '기회가 없다"고 말했다.\n\n'
            "정부는 탈북민이 강제로 북송되어서는 안 된다는 입장을 유지하며 관련국에 "
            "강제송환금지 원칙 준수를 요청하고 있다."
        )
        == []
    )


def test_a_korean_act_in_relative_form_tells_of_the_people_after_it() -> None:
    text = "한편 혜산에서는 올해 1월 중순에도 압록강을 건너려던 일가족 4명이 국경경비대에 붙잡혔다."
    crossing, arrest = find_acts_ko(text, 0, len(text))
    assert crossing.acts == (Act.CROSSING,) and crossing.voice == "active"
    assert arrest.acts == (Act.ARREST,) and arrest.voice == "left"
    report = Report.from_text(text, published=dt.date(2024, 3, 11), language="ko")
    (mention,) = extract(report)
    assert set(mention.to_eval()["acts"]) == {"crossing", "arrest"}


def _one_ko(text: str) -> dict:
    (found,) = _incidents_ko(text)
    return found


def test_a_korean_noun_inside_a_count_is_that_count() -> None:
    found = _one_ko("중국 당국이 지난달 탈북민 약 60명을 강제북송한 것으로 확인됐다.")
    assert found["victims"] == {"min": 54, "max": 66}
    assert set(found["acts"]) == {"arrest", "repatriation"}


def test_a_korean_noun_describing_the_people_counted_after_it_is_no_one_else() -> None:
    found = _one_ko(
        "지난 2월 중국에서 강제북송된 탈북민 일가족 4명이 온성군 보위부에서 조사를 받고 있다."
    )
    assert found["victims"] == {"min": 4, "max": 4}
    assert {"repatriation", "interrogation"} <= set(found["acts"])


def test_the_korean_security_service_people_were_handed_to_did_not_catch_them() -> None:
    found = _one_ko("지난달 중순 중국 단둥에서 붙잡힌 북한 여성 2명이 신의주 보위부로 넘겨졌다.")
    assert found["perpetrator"] == "china"
    assert set(found["acts"]) == {"arrest", "repatriation"}


def test_korean_third_country_police_are_other_authorities() -> None:
    text = "라오스 경찰과 베트남 당국이 이들을 붙잡았다."
    states = [a.state for a in find_actors_ko(text, 0, len(text))]
    assert states == [Perpetrator.OTHER, Perpetrator.OTHER]


def test_a_korean_possibility_a_few_words_after_the_act_makes_it_awaited() -> None:
    found = acts_of("이들은 혹독한 조사와 정치범수용소 수감에 처해질 수 있다.")
    # held in a camp is the camp's punishment, not custody awaiting return
    assert found == {Act.INTERROGATION: Modality.EXPECTED, Act.PUNISHMENT: Modality.EXPECTED}


def test_a_korean_threat_told_after_the_next_act_is_that_acts() -> None:
    found = acts_of("탈북민 일가족 4명이 중국 공안에 체포돼 강제북송 위기에 놓였다.")
    assert found == {Act.ARREST: Modality.OCCURRED, Act.REPATRIATION: Modality.EXPECTED}
