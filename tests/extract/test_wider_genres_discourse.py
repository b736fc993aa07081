"""How reports of wider genres tell who is who across sentences, and what is no case:
possessives and relatives, helpers, names, leads summing up later cases, chronologies,
court records, landings and crossings, tallies. Every text here is written for these
tests."""

from __future__ import annotations

import datetime as dt

import pytest

from .reading import readers

PUBLISHED = dt.date(2024, 5, 20)  # a Monday

incidents, one = readers(PUBLISHED)


# --- relatives and possessives within a clause ------------------------------------------


def test_whose_and_their_name_the_group_just_named() -> None:
    found = incidents(
        "Seven people were detained by police in Shenyang in mid-July. The expert was alarmed "
        "by the case of a couple whose deportation to the DPRK on 2 August followed their "
        "arrest, in the last days of July, in a village outside Dandong."
    )
    couple = next(f for f in found if f["victims"] == {"min": 2, "max": 2})
    assert couple["acts"] == ["arrest", "repatriation"]
    assert couple["date"] == {"start": "2023-07-21", "end": "2023-07-31"}
    seven = next(f for f in found if f["victims"] == {"min": 7, "max": 7})
    assert seven["acts"] == ["arrest"]


def test_the_border_crossing_where_people_were_handed_over_is_no_crossing() -> None:
    found = one(
        "Police arrested two women in Tumen on May 3. The two were handed over at the border "
        "crossing to officers of the Ministry of State Security."
    )
    assert found["acts"] == ["arrest", "repatriation"]
    assert found["perpetrator"] == "china"


# --- agents, helpers and relatives named again ------------------------------------------


def test_an_agent_named_with_its_bureau_is_the_subject_of_both_verbs() -> None:
    found = one(
        "On February 20 officers of the Longjing Public Security Bureau raided a farmhouse on "
        "the edge of the city and took away seven North Koreans."
    )
    assert found["acts"] == ["arrest"]
    assert found["victims"] == {"min": 7, "max": 7}


def test_what_a_relative_clause_tells_of_a_helper_is_not_the_groups() -> None:
    found = one(
        "Police took away seven North Koreans from a farmhouse near Longjing on February 20. "
        "The group had been sheltered there by an ethnic Korean farmer, who was fined and "
        "released."
    )
    assert "release" not in found["acts"]


def test_the_mother_is_the_woman_of_a_woman_and_her_daughters() -> None:
    found = incidents(
        "A man from Hyesan was arrested in Yanji in April and sent back in May. A woman and "
        "her two daughters were caught by Chinese troops outside Changbai on August 16. They "
        "were handed back the next day. Now State Security in Hyesan is questioning the "
        "mother about who helped them. The daughters are nineteen and twenty-two."
    )
    family = next(f for f in found if f["victims"] == {"min": 3, "max": 3})
    assert "interrogation" in family["acts"]
    man = next(f for f in found if f["victims"] == {"min": 1, "max": 1})
    assert "interrogation" not in man["acts"]


def test_a_sentence_announcing_the_case_dates_its_main_act() -> None:
    found = one(
        "The same source described a second case, from last Tuesday. A woman and her two "
        "daughters were caught by Chinese troops outside Changbai before dawn. They were "
        "handed back the next day."
    )
    assert found["date"] == {"start": "2024-05-14", "end": "2024-05-14"}


# --- landings, listed groups, the seat of the police, parts of a tally ------------------


def test_a_group_listed_by_kind_is_counted_as_one_and_caught_as_it_landed() -> None:
    found = one(
        "Police in Chiang Khong district arrested 14 North Korean nationals on Wednesday "
        "shortly after they came ashore from a boat on the Thai bank of the Mekong River. "
        "The group, nine women, three men and two children, had crossed from Laos. They are "
        "being held at the Chiang Khong police station.",
        published=dt.date(2007, 8, 23),
    )
    assert found["victims"] == {"min": 14, "max": 14}
    assert found["acts"] == ["crossing", "arrest", "detention"]
    assert found["place"]["name"] == "Chiang Khong"


def test_police_of_a_town_act_in_it() -> None:
    found = one(
        "Earlier this month, immigration police in Bangkok's Bang Na district arrested five "
        "North Korean women in a rented townhouse.",
        published=dt.date(2007, 8, 23),
    )
    assert found["place"]["name"] == "Bangkok"


def test_most_of_them_after_a_tally_is_part_of_the_tally() -> None:
    found = one(
        "Immigration police in Bangkok arrested five North Korean women on August 2. Thai "
        "officials say more than 1,000 North Koreans have been arrested in the country this "
        "year, most of them in the northern province of Chiang Rai.",
        published=dt.date(2007, 8, 23),
    )
    assert found["place"]["name"] == "Bangkok"
    assert found["victims"] == {"min": 5, "max": 5}


# --- rivers, shooters and the state that would act ----------------------------------------


def test_the_frozen_tumen_is_the_river_and_the_town_named_with_it_the_place() -> None:
    found = one(
        "In January 2000 his brother tried to cross the frozen Tumen near Musan at night. "
        "North Korean border guards opened fire without warning when he was halfway across "
        "the ice. He was hit in the back and died on the ice."
    )
    assert found["place"]["name"] == "Musan"
    assert found["perpetrator"] == "north_korea"
    assert set(found["acts"]) == {"crossing", "death"}


def test_a_drowning_has_no_perpetrator_though_guards_are_named_elsewhere() -> None:
    found = one(
        "In July 1998 a man tried to cross the Tumen below Musan. He drowned in the current. "
        "Chinese border guards later found nothing."
    )
    assert found["perpetrator"] is None


def test_an_awaited_arrest_is_by_the_state_where_the_people_are() -> None:
    found = one(
        "A North Korean woman working in a restaurant in Kunming is at imminent risk of "
        "arrest and forcible return to North Korea, activists said."
    )
    assert found["modality"] == "expected"
    assert found["perpetrator"] == "china"


def test_police_who_came_and_took_them_away_arrested_them() -> None:
    found = one(
        "In April 2008 plainclothes police came to the apartment the family of three rented "
        "in Qingdao and took all three away."
    )
    assert found["acts"] == ["arrest"]
    assert found["perpetrator"] == "china"


# --- chronologies ---------------------------------------------------------------------------


def test_each_chronology_entry_takes_the_date_and_place_of_its_head() -> None:
    found = incidents(
        "This chronology lists cases in the Russian Far East.\n\n"
        "- 12 February 2016, Vladivostok. A North Korean logger who had walked away from a "
        "timber camp two years earlier is arrested by migration police at the central market. "
        "He is deported by air on 2 March.\n\n"
        "- September 2017, Khabarovsk. Two construction workers -- a foreman and his nephew "
        "-- are detained by police. They are held at a detention centre for foreign nationals "
        "and flown home in October.\n",
        published=dt.date(2019, 12, 10),
    )
    logger, workers = found
    assert logger["date"] == {"start": "2016-02-12", "end": "2016-02-12"}
    assert logger["place"]["name"] == "Vladivostok"
    assert logger["perpetrator"] == "russia"
    assert workers["date"] == {"start": "2017-09", "end": "2017-09"}
    assert workers["place"]["name"] == "Khabarovsk"
    assert workers["victims"] == {"min": 2, "max": 2}
    assert workers["acts"] == ["arrest", "detention", "repatriation"]


def test_a_short_sentence_of_its_own_line_is_no_entry_head() -> None:
    found = one(
        "It happened in 2016.\nA North Korean logger was arrested by police in Vladivostok on "
        "12 March 2019."
    )
    assert found["date"] == {"start": "2019-03-12", "end": "2019-03-12"}


def test_caught_on_the_frozen_river_after_an_apposition_crossed_it() -> None:
    found = one(
        "Chinese border police detained five North Koreans, including a child, on the frozen "
        "Tumen River near Kaishantun on Friday, a rights group said."
    )
    assert found["acts"] == ["crossing", "arrest"]
    assert found["place"]["name"] == "Kaishantun"


def test_north_korea_as_a_whole_is_never_the_place_of_a_case() -> None:
    found = one(
        "Lao police arrested a North Korean family of four last month. They may be handed to "
        "the North Korean embassy and sent to North Korea."
    )
    assert found["place"] is None or found["place"]["name"] != "North Korea"


def test_a_korean_return_to_be_prevented_or_feared_if_it_happens_is_awaited() -> None:
    found = one(
        "탈북민 일가족 4명이 라오스 경찰에 붙잡혔다. "
        "단체는 이들의 강제북송을 막기 위해 정부가 나서 줄 것을 촉구했다. "
        "북송될 경우 이들은 혹독한 조사를 받을 수 있다."
    )
    assert found["acts"] == ["arrest"]
    assert "repatriation" in found.get("expected_acts", [])


# --- what is no incident ------------------------------------------------------------------


def test_questioning_or_a_sentence_told_alone_is_no_incident() -> None:
    assert (
        incidents(
            "A former teacher from Chongjin was questioned for weeks by State Security in 2006 "
            "and sentenced to a year in a labour camp, her cousin said."
        )
        == []
    )


def test_an_estimate_of_how_many_were_held_is_a_tally() -> None:
    assert (
        incidents(
            "Civil society groups estimated in late 2020 that more than 200 North Koreans were "
            "being held in Liaoning alone."
        )
        == []
    )


# --- court records ----------------------------------------------------------------------------


def test_people_brought_under_control_at_the_scene_were_caught_where_and_when_it_was() -> None:
    found = one(
        "On 14 March 2017, at the Antu toll station, public security officers stopped a "
        "minibus driven by the defendant. Inside were seven DPRK nationals, among them two "
        "minors. The defendant and the seven persons were brought under control at the "
        "scene. The seven persons were subsequently handed to the border defence authorities "
        "and repatriated according to law.",
        published=dt.date(2018, 1, 19),
    )
    assert found["acts"] == ["arrest", "repatriation"]
    assert found["victims"] == {"min": 7, "max": 7}
    assert found["place"]["name"] == "Antu"
    assert found["date"] == {"start": "2017-03-14", "end": "2017-03-14"}
    assert found["perpetrator"] == "china"


def test_every_verb_of_a_negated_list_is_negated() -> None:
    found = one(
        "Two North Korean women who rent rooms in Shenyang are at serious risk of arrest. We "
        "ask that the two women not be sought out, detained or deported."
    )
    assert found["modality"] == "expected"
    assert found["acts"] == ["arrest"]


# --- gender and the place of an arrest by police --------------------------------------


def test_his_deportation_is_the_boys_not_his_mothers() -> None:
    found = one(
        "Last month a 17-year-old boy was taken off a long-distance bus in Changchun by "
        "plainclothes police. His mother, who reached Seoul in 2010, had paid a broker to "
        "bring him south. Two weeks after his arrest came his deportation, across the Tumen."
    )
    assert found["acts"] == ["arrest", "repatriation"]
    assert found["place"]["name"] == "Changchun"


def test_a_town_before_by_police_is_where_they_acted() -> None:
    found = one("A North Korean woman was arrested in Yanji by border police on May 2.")
    assert found["place"]["name"] == "Yanji"


def test_the_people_not_their_apposition_are_the_subject() -> None:
    found = one(
        "The men, timber workers in their thirties, had been picked up by Chinese border "
        "police in a village outside Dandong in late March 2019."
    )
    assert found["acts"] == ["arrest"]


# --- caught in the crossing -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "A mother and her son from Hyesan were caught by Chinese border troops moments after "
        "crossing last week.",
        "In late March Chinese border police caught two young men as they climbed the Chinese "
        "bank of the Tumen near Sanhe.",
        "Thai police arrested 12 North Koreans last week as they stepped off a long-tail boat "
        "onto the Mekong riverbank at Chiang Saen.",
        "In mid-January a couple from Sinuiju set off across the ice upstream from Dandong. "
        "They were about halfway across when Chinese soldiers caught them.",
        "Late on May 12 a young man was seized by border guards as he tried to wade across a "
        "shallow stretch of the Tumen just outside Musan.",
        "A family trying to escape by sea was caught off the coast of Kimchaek in late July.",
        "Chinese maritime police intercepted two fishing boats carrying about 40 North Koreans "
        "off the port of Weihai on December 12.",
        "In January Chinese border police picked up a woman and her granddaughter as they "
        "stepped onto the Chinese bank near Tumen.",
    ],
    ids=[
        "moments after crossing",
        "climbed the bank",
        "stepped off a boat",
        "set off across",
        "wade across a stretch",
        "escape by sea",
        "boats carrying",
        "stepped onto the bank",
    ],
)
def test_people_caught_as_they_crossed_or_landed_were_caught_crossing(text: str) -> None:
    found = one(text)
    assert {"crossing", "arrest"} <= set(found["acts"])


def test_a_crossing_long_before_an_arrest_in_a_town_is_its_background() -> None:
    found = one(
        "A woman who crossed the Tumen in 2005 was arrested in a market in Yanji last month."
    )
    assert found["acts"] == ["arrest"]


def test_a_korean_return_announced_for_next_week_is_awaited_and_places_nothing() -> None:
    found = one(
        "지난 화요일 밤, 연길 변두리 셋집에 머물던 자매 두 명이 공안에게 붙잡혔습니다. "
        "두 자매는 지금 연길 구류소에 갇혀 있고, 담당 공안은 다음 주에 도문을 거쳐 북으로 "
        "돌려보낼 거라고 했답니다. 북송되면 보위부에서 조사를 받을 텐데 걱정입니다."
    )
    assert found["acts"] == ["arrest", "detention"]
    assert "repatriation" in found["expected_acts"]
    assert found["place"]["name"] == "연길"


def test_hundreds_returned_over_a_season_is_a_tally() -> None:
    assert (
        incidents(
            "According to information received, more than 500 people were returned to North "
            "Korea from China in the autumn of 2023, a UN expert said."
        )
        == []
    )


def test_hundreds_caught_together_on_one_day_is_an_incident() -> None:
    found = one("Thai police arrested 175 North Koreans in a Bangkok suburb on August 22, 2006.")
    assert found["victims"] == {"min": 175, "max": 175}


def test_an_awaited_return_takes_place_where_the_people_are() -> None:
    found = one(
        "A North Korean logger who has lived in Khabarovsk since 2016 faces deportation to "
        "North Korea by the end of the month after a court rejected his appeal."
    )
    assert found["modality"] == "expected"
    assert found["place"]["name"] == "Khabarovsk"


def test_custody_stands_for_the_arrest_it_implies() -> None:
    found = one(
        "Three women from Hyesan who were sent back from China last month are being questioned "
        "by State Security. The women had been living in rented rooms in Changbai County for "
        "years. The three were kept in the county public security bureau's lock-up for two "
        "weeks and then handed over at the Hyesan customs post."
    )
    assert found["perpetrator"] == "china"
    assert found["place"]["name"] == "Changbai County"
    assert {"arrest", "detention", "repatriation"} <= set(found["acts"])


def test_the_teenager_is_the_girl_arrested_not_the_mother_who_told_of_it() -> None:
    found = one(
        "In December, a 16-year-old girl from Hoeryong was arrested by police at an internet "
        "cafe in Qingdao. She had crossed the Tumen alone after her mother, who had left two "
        "years earlier, sent money for the journey. According to the mother, now living in "
        "Incheon, the teenager was held in a police lock-up for three weeks and then sent to "
        "Dandong, where she was handed over at the bridge in mid-January."
    )
    assert found["acts"] == ["arrest", "detention", "repatriation"]
    assert found["place"]["name"] == "Qingdao"


def test_people_halfway_across_when_caught_were_caught_crossing() -> None:
    found = one(
        "One night in mid-January a couple from Sinuiju set off across the ice a few "
        "kilometres upstream from the bridges at Dandong. They were about halfway across when "
        "Chinese border defence soldiers on patrol caught them in a searchlight, a trader said."
    )
    assert found["acts"] == ["crossing", "arrest"]


def test_all_five_taken_away_were_arrested() -> None:
    found = one(
        "In December 2008 police raided a guesthouse in Dandong where five North Korean men "
        "were staying. All five were taken away."
    )
    assert found["acts"] == ["arrest"]
    assert found["victims"] == {"min": 5, "max": 5}


def test_a_case_summed_up_in_the_lead_and_told_later_is_one_incident() -> None:
    found = incidents(
        "SEOUL, Nov. 12 (Yonhap) -- Chinese police have sent a North Korean woman and her two "
        "children back to the North, and a teenage boy is being held in a separate case, an "
        "aid group said Thursday.\n\n"
        "In the second case, a 17-year-old boy from Musan was picked up by police at an "
        "internet cafe in Yanji early this month, the group said.",
        published=dt.date(2009, 11, 12),
    )
    assert len(found) == 2
    boy = next(f for f in found if f["victims"] == {"min": 1, "max": 1})
    assert boy["acts"] == ["arrest", "detention"]
    assert boy["place"]["name"] == "Yanji"


def test_the_second_case_involves_the_person_summed_up_in_the_lead() -> None:
    found = incidents(
        "A couple were seized by North Korean border guards as they waded into the Tumen last "
        "week, and a woman sent back from China last month is being questioned by the security "
        "police, sources say.\n\n"
        "The husband had worked at the iron mine.\n\n"
        "The second case involves a woman in her thirties from Musan. She was handed over by "
        "Chinese border police at the bridge between Tumen and Namyang in early October. Since "
        "she came back she has been kept by the State Security in Chongjin.",
        published=dt.date(2023, 11, 20),
    )
    assert len(found) == 2
    woman = next(f for f in found if f["victims"] == {"min": 1, "max": 1})
    assert woman["acts"] == ["arrest", "interrogation", "repatriation"]
    # the agent of the questioning is not the agent of the return told before it
    assert woman["perpetrator"] == "china"
    # the crossing point the return took place at, not where she is held since
    assert woman["place"]["name"] == "Tumen"
    assert woman["date"] == {"start": "2023-10-01", "end": "2023-10-10"}


def test_a_return_by_chinese_police_then_custody_at_home_is_chinas_return() -> None:
    found = one(
        "A woman was handed over by Chinese police at the bridge between Tumen and Namyang "
        "on May 2. She has been held by the State Security in Chongjin ever since."
    )
    assert found["acts"] == ["arrest", "repatriation"]
    assert found["perpetrator"] == "china"
    assert found["place"]["name"] == "Tumen"


def test_a_case_whose_every_act_belongs_to_another_state_is_no_incident() -> None:
    # a handover by the North's own guards to its own security is no return: nothing is left
    assert (
        incidents(
            "A woman from Hyesan was handed over by North Korean border guards to the State "
            "Security Department on May 2."
        )
        == []
    )


def test_an_aside_set_off_by_dashes_is_not_the_subject() -> None:
    found = one(
        "Police found a 14-year-old boy in Yanji on January 28 and led him away. The boy, a "
        "kotjebi -- one of the homeless children who wander North Korea's markets -- was "
        "handed back to North Korean guards at the Tumen bridge four days after his arrest."
    )
    assert found["acts"] == ["arrest", "repatriation"]
    assert found["victims"] == {"min": 1, "max": 1}


def test_dashes_after_a_dateline_set_off_the_people_not_an_aside() -> None:
    found = one(
        "SEOUL, June 14 (Yonhap) -- Four North Koreans -- a woman, her sister and the sister's "
        "two sons -- were detained by Chinese police in Shenyang last Tuesday."
    )
    assert found["acts"] == ["arrest"]
    assert found["victims"] == {"min": 4, "max": 4}


def test_the_boy_is_the_grandson_named_with_his_grandfather_not_another_womans_son() -> None:
    found = incidents(
        "In March 2013 police arrested a woman from Kimchaek at the house outside Mudanjiang "
        "where she had lived for six years and borne a son. She was handed over at the "
        "Tumen-Namyang bridge in May 2013.\n\n"
        "In December 2013 an elderly man and his twelve-year-old grandson, who had set out to "
        "cross the frozen Tumen at night, fell through the ice close to the Chinese bank. The "
        "boy drowned. North Korean border guards pulled the man out of the water and arrested "
        "him."
    )
    assert len(found) == 2
    woman = next(f for f in found if f["victims"] == {"min": 1, "max": 1})
    assert "death" not in woman["acts"]
    pair = next(f for f in found if f["victims"] == {"min": 2, "max": 2})
    assert {"crossing", "death"} <= set(pair["acts"])


def test_the_one_from_a_town_is_the_one_named_before_as_from_it() -> None:
    found = incidents(
        "In March 2013 police arrested a woman from Kimchaek at a house outside Mudanjiang. In "
        "December 2013 Chinese border police arrested an elderly man near Tumen.\n\n"
        "The bride from Kimchaek, as she was known in her village, was handed over at the "
        "Tumen-Namyang bridge in May 2013 and sentenced to two years in a camp."
    )
    assert len(found) == 2
    woman, man = found
    assert {"arrest", "repatriation", "punishment"} <= set(woman["acts"])
    assert man["acts"] == ["arrest"]


def test_a_cue_of_another_time_told_of_someone_else_splits_no_episode() -> None:
    found = one(
        "Five North Koreans were arrested by Lao police in Luang Namtha in June 2013. One of "
        "the two brothers, who escaped a second time in 2015 and whom we interviewed in Seoul, "
        "told us that all five were sent back across the bridge to Sinuiju in August 2013."
    )
    assert set(found["acts"]) >= {"arrest", "repatriation"}


def test_the_town_of_the_authority_holding_people_says_more_than_its_province() -> None:
    found = one(
        "Ten North Koreans are being held by the Chinese authorities in Shenyang, Liaoning "
        "province, and could be sent back at any moment.\n\n"
        "Officers of the local Public Security Bureau took all ten into custody on 4 November."
    )
    assert found["place"]["name"] == "Shenyang"


def test_questioning_left_alone_once_anothers_acts_are_set_aside_is_no_incident() -> None:
    assert (
        incidents(
            "A woman from Hyesan was handed over by North Korean border guards to the State "
            "Security Department on May 2 and questioned there for a week."
        )
        == []
    )


def test_money_sent_home_is_no_return() -> None:
    found = one(
        'Police arrested a North Korean woman in Dandong on May 3. "She worked. She sent money '
        'home, she hurt no one," her brother said.'
    )
    assert found["acts"] == ["arrest"]
