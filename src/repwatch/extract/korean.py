"""A small Korean lexicon: acts, people, authorities and place roles in Korean reports.

Scope: plain Korean news prose of the genre (Daily NK, RFA Korean), read without a
tokenizer. Korean is verb-final and agglutinative, so triggers are stems matched
without word boundaries ("체포돼", "체포됐다"), the people an act applies to come
before it (the subject, frame ``left``), and modality is read from the endings
*after* the trigger ("보내질 수도 있다": may be sent). The finders return the same
hits as the English ones, so segmentation, binding and assembly are shared.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace

from repwatch.extract.acts import ActHit
from repwatch.extract.perpetrator import ActorHit
from repwatch.extract.phrases import Ref
from repwatch.model import Act, Modality, Perpetrator, PlaceRole, VictimCount

_HANGUL = re.compile(r"[\uac00-\ud7a3]")

A = Act
# Stems of the eight acts, first listed wins on overlap. "탈북" alone names a defector
# ("탈북자", "탈북민"), so only its verb forms count as a crossing.
TRIGGERS: tuple[tuple[re.Pattern[str], tuple[Act, ...]], ...] = tuple(
    (re.compile(pattern), acts)
    for pattern, acts in (
        (
            r"강제\s*북송|강제\s*송환|북송|송환|넘겨졌|넘겨져|넘겨진|추방|인계|돌려보내|돌려보냈|돌려보낼|돌려보낸"
            r"|북한으로\s*압송",
            (A.REPATRIATION,),
        ),
        (r"체포|붙잡|검거|단속에\s*걸|잡혀|잡혔|연행|적발", (A.ARREST,)),
        (
            r"구금|수감|구류|갇혀|갇혔|억류|감금|유치장|구치소"
            # a holding facility for foreigners is custody, not a camp
            r"|임시\s*수용소|외국인\s*수용소|이민국\s*수용|수용\s*시설",
            (A.ARREST, A.DETENTION),
        ),
        (r"조사|취조|심문|문초", (A.INTERROGATION,)),
        (
            # "정치범수용소 수감": held in a camp is the camp's punishment
            r"처벌|(?:교화소|수용소|관리소|노동단련대)(?:\s*(?:수감|수용|감금))?|처형|공개\s*총살|징역"
            r"|형을\s*선고",
            (A.PUNISHMENT,),
        ),
        (r"사망|숨져|숨졌|익사|사살|피살", (A.DEATH,)),
        (
            r"도강|탈북(?:하다|하려|하던|을\s*시도)|월경|국경을\s*넘|(?:두만강|압록강|강)을\s*건너",
            (A.CROSSING,),
        ),
        (r"석방|풀려|풀어주|풀어줬", (A.RELEASE,)),
    )
)
# After a trigger, within its word or the next two: awaited, feared or possible
# ("보내질 수도 있다", "송환될 예정", "북송될 위기", "처벌이 우려된다").
_EXPECTED_AFTER = re.compile(
    r"^\S*(?:\s+\S+){0,2}?\s*(?:수도\s|수\s*있|예정|위기|위험|우려|가능성|전망|것으로\s*예상"
    # "북송될 경우" (if returned), "북송을 막기 위해" (to prevent the return)
    r"|경우|막기|막아|막을|않도록|거라|것이라|겁니다|텐데|대상|기다리|앞두|앞둔|대기)"
)
# Right after a trigger: a condition ("북송되면", if returned)
_IF_AFTER = re.compile(r"^(?:되면|하면|히면|된다면|시키면)")
# Before a trigger, ending the clause it depends on: "if", "even if" ("혹시 돌아가더라도
# 조사를 견딜 힘": strength to bear the questioning, even if they are sent back).
_CONDITION_BEFORE = re.compile(r"(?:더라도|다면|될\s*경우|할\s*경우|되면|히면|하면)\s+\S*\s*$")
# A trigger in a relative form before the people it tells of ("압록강을 건너려던 일가족
# 4명이", "체포된 여성"): they come after it.
_BEFORE_PEOPLE = re.compile(
    r"\S*?(?:던|는|은|된|진|힌|한)\s+(?:\S+\s+)?(?:북한\s*)?(?:\d+대\s*)?(?:여성|남성|여자|남자"
    r"|주민|탈북자|탈북민|청년|노동자|가족|일가족|모녀|부부|소녀|소년|자매|형제)"
)
# People named in a clause: a count, a pronoun of a group, a noun of a person.
_NAMES_PEOPLE = re.compile(r"\d+\s*명|(?:한|두|세|네|다섯)\s*명|이들|그들|그녀|그는|씨(?:는|가|를)")
# Between two nouns of acts: "or", "and" ("교화소나 정치범수용소로 보내질 수도 있다").
_COORDINATE = re.compile(r"(?:이나|나|와|과|및|또는|,)\s*\S{0,5}")
# After a trigger: negated ("송환되지 않았다", "체포되지 못했다").
# ... or forbidden, urged not to happen ("북송되어서는 안 된다", "송환하지 말 것"): no case
# ... or named as what is banned ("강제송환금지 원칙": the principle of non-refoulement)
_NEGATED_AFTER = re.compile(r"^\S*(?:지\s*(?:않|못|말)|서는\s*안\s)|^\s*금지")
# People: a count ("3명", "두 명") or a singular noun of a North Korean person.
_COUNT_WORDS = {"한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8}
_PEOPLE = re.compile(
    r"(?P<det>(?:이|그)\s+)?(?:북한\s*)?(?P<head>여성|남성|여자|남자|주민|탈북자|탈북민|청년"
    r"|노동자|가족|일가족|모녀|부부|소녀|소년)(?!들)"
    # a noun modifying another ("탈북민 지원단체") or compared ("남성보다"): no one named
    r"(?!\s*(?:지원|단체|정착|정책|문제|센터|사회|인권|출신\s*단체)|보다)"
    # "탈북민 일가족 4명": the noun describes the people the next one counts
    r"(?!\s+(?:일가족|가족|여성|남성|청년|모녀|부부|소녀|소년|자매|형제)\b)"
    r"(?:\s*(?P<num>\d+|한|두|세|네|다섯|여섯|일곱|여덟)\s*명)?"
)
_PLURAL_HEADS = frozenset("가족 일가족 모녀 부부".split())
# Nouns of a kind of people that, bare, name them all; one of them is "한 탈북민",
# "40대 탈북민", "탈북민 김모 씨".
_GENERIC_HEADS = frozenset("탈북자 탈북민 주민 노동자".split())
_ONE_BEFORE = re.compile(r"(?:\b한|\d+대|이|그|\S+의)\s*(?:북한\s*)?$")
_FAMILY_SIZE = {"모녀": 2, "부부": 2}
# Authorities and their states, most specific first.
ACTORS: tuple[tuple[re.Pattern[str], Perpetrator], ...] = (
    (
        re.compile(r"(?:북한\s*)?(?:국가)?보위(?:부|성|원)|북한\s*(?:경비대|국경경비대|당국)"),
        Perpetrator.NORTH_KOREA,
    ),
    (
        re.compile(r"(?:중국\s*)?(?:공안(?:국)?|변방대|변방부대|무장경찰)|중국\s*(?:경찰|당국)"),
        Perpetrator.CHINA,
    ),
    (re.compile(r"러시아\s*(?:경찰|당국|이민국)"), Perpetrator.RUSSIA),
    (
        re.compile(
            r"(?:라오스|베트남|태국|몽골|캄보디아|미얀마)\s*(?:경찰|당국|국경경비대|경비대|군|이민국)"
        ),
        Perpetrator.OTHER,
    ),
)
# A place followed, within its phrase, by the locative "에서" ("장백현 시내의 한 식당에서").
_LOCATIVE_AFTER = re.compile(r"^(?:\([^)]*\))?\S*?(?:\s+\S+?){0,3}?에서(?=\s|$)")
# A place followed, within its phrase, by "에" where people stayed ("셋집에 머물던").
_AT_AFTER = re.compile(
    r"^(?:\([^)]*\))?\S*?(?:\s+\S+?){0,3}?에\s+(?:머물|살|숨|있|지내|일하|거주|묵)"
)
# A place followed by "으로"/"로" (towards): where people were sent.
_GOAL_AFTER = re.compile(r"^(?:\([^)]*\))?\S{0,4}?(?:으로|로)(?=\s|$)")


def is_korean(text: str) -> bool:
    """Whether ``text`` holds Hangul at all (the Korean finders are skipped otherwise)."""
    return _HANGUL.search(text) is not None


def find_acts_ko(text: str, start: int, end: int) -> list[ActHit]:
    """The Korean act triggers of ``text[start:end]``, left to right, without overlaps."""
    candidates: list[tuple[int, int, tuple[Act, ...]]] = []
    for pattern, acts in TRIGGERS:
        for m in pattern.finditer(text, start, end):
            candidates.append((m.start(), m.end(), acts))
    candidates.sort(key=lambda c: (c[0], -c[1]))
    starts = [c[0] for c in candidates]
    hits: list[ActHit] = []
    for begin, stop, acts in candidates:
        if hits and begin < hits[-1].end:
            continue
        # what follows up to the next act is this one's ("체포돼 강제북송 위기에": the
        # threat is the return's, not the arrest's)
        following = bisect_left(starts, stop)
        limit = starts[following] if following < len(starts) else end
        right = text[stop : min(end, stop + 30, limit)]
        left = text[max(start, begin - 20) : begin]
        conditional = _IF_AFTER.match(right) is not None or bool(_CONDITION_BEFORE.search(left))
        expected = conditional or _EXPECTED_AFTER.match(right) is not None
        hits.append(
            ActHit(
                start=begin,
                end=stop,
                text=text[begin:stop],
                acts=acts,
                # "건너려던 일가족 4명이": a relative form tells of the people after it
                voice="active" if _BEFORE_PEOPLE.match(text, stop, end) else "left",
                modality=Modality.EXPECTED if expected else Modality.OCCURRED,
                negated=_NEGATED_AFTER.match(right) is not None,
                # "중국에서 붙잡히면 곧바로 북송된다", of no one named: what happens to anyone
                habitual=conditional and not _NAMES_PEOPLE.search(text, start, end),
            )
        )
    for i in range(len(hits) - 2, -1, -1):
        if _COORDINATE.fullmatch(text, hits[i].end, hits[i + 1].start):
            hits[i] = replace(hits[i], modality=hits[i + 1].modality)
    return hits


def find_refs_ko(text: str, start: int, end: int) -> list[Ref]:
    """Korean phrases naming people: "북한 여성" (one), "40대 여성", "주민 3명"."""
    refs = []
    for m in _PEOPLE.finditer(text, start, end):
        head = m.group("head")
        num = m.group("num")
        if num is not None:
            n = int(num) if num.isdigit() else _COUNT_WORDS[num]
            count: VictimCount | None = VictimCount(min=n, max=n)
        elif head in _PLURAL_HEADS:
            size = _FAMILY_SIZE.get(head)
            count = VictimCount(min=size, max=size) if size else None
        else:
            count = VictimCount(min=1, max=1)
        # Korean has no articles: a head already named, or one after 이/그, is definite
        known = m.group("det") or (num is None and head in text[: m.start()])
        kind = "definite" if known else "new"
        if (
            num is None
            and head in _GENERIC_HEADS
            and not _ONE_BEFORE.search(text, start, m.start())
        ):
            # a bare "탈북민" is defectors in general ("탈북민이 강제로 북송되어서는 안 된다")
            kind, count = "generic", None
        plural = count is None or (count.min or 0) > 1
        refs.append(Ref(m.start(), m.end(), m.group(), kind, count, head, plural))
    return refs


def find_actors_ko(text: str, start: int, end: int) -> list[ActorHit]:
    """The Korean names of authorities in ``text[start:end]``, without overlaps."""
    found: list[ActorHit] = []
    for pattern, state in ACTORS:
        for m in pattern.finditer(text, start, end):
            if any(a.start < m.end() and m.start() < a.end for a in found):
                continue
            found.append(ActorHit(m.start(), m.end(), m.group(), state))
    return sorted(found, key=lambda a: a.start)


def korean_role(
    text: str,
    name_end: int,
    clause_end: int,
    acts: Sequence[ActHit],
    later_places: Sequence[int] = (),
) -> PlaceRole | None:
    """The role of a place named in Korean, from its postposition and the act after it
    (the verb comes last); None when the name is not followed by Hangul. Only the last
    name before "에서" is where the act was ("중국 지린성 장백현에서": 장백현); the starts of
    the other places of the clause are ``later_places``."""
    after = text[name_end:clause_end]
    if not after[:1] or not (is_korean(after[:3]) or after[:1] == "("):
        return None
    following = [a for a in acts if a.start >= name_end]
    if not following:
        return PlaceRole.OTHER
    act = following[0].acts[0]
    if following[0].modality is Modality.EXPECTED:
        return PlaceRole.OTHER  # "다음 주에 도문을 거쳐 돌려보낼 것": no place of it yet
    if act is Act.ARREST and _AT_AFTER.match(after):
        return PlaceRole.CAUGHT  # "연길 변두리 셋집에 머물던 자매 두 명이 … 붙잡혔다"
    locative = _LOCATIVE_AFTER.match(after)
    if locative and not any(name_end < p < name_end + locative.end() for p in later_places):
        if act in (Act.ARREST, Act.DEATH):
            return PlaceRole.CAUGHT
        if act is Act.DETENTION or Act.DETENTION in following[0].acts:
            return PlaceRole.HELD
        return PlaceRole.OTHER
    if _GOAL_AFTER.match(after) and act is Act.REPATRIATION:
        return PlaceRole.RETURNED
    return PlaceRole.OTHER
