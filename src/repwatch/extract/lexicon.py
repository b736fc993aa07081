"""Trigger lexicon of the eight acts, and the cues that change what a trigger means.

Scope: English news and NGO prose about North Koreans caught abroad or at the
border (the genre of shared/seeds and shared/corpus/dev). Word forms are listed
out because the blank spaCy pipeline has no lemmatizer. Every pattern is a
regular expression matched case-insensitively on whole words unless noted.

A trigger has a *frame*: where the people it applies to are named.
``verb`` — passive ("were caught") looks left, active ("caught 12") looks right;
``left`` — the people are the subject ("drowned", "crossed the river");
``right`` — the people follow ("the arrest of two defectors");
``nominal`` — a noun ("their arrest"), applying to people named by a determiner.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from repwatch.extract.scanning import stems
from repwatch.model import Act

A = Act  # short, for the table below


@dataclass(frozen=True, slots=True)
class Trigger:
    pattern: re.Pattern[str]
    acts: tuple[Act, ...]
    frame: str  # "verb", "left", "right" or "nominal"
    needs_agent: bool = False  # only an act when police or guards are the subject
    stems: tuple[str, ...] | None = None  # one of these is in any text it matches
    awaited: bool = False  # names an act not done yet ("searching for")
    to_north: bool = False  # an act only when a place in North Korea follows it


def _t(
    pattern: str,
    *acts: Act,
    frame: str = "verb",
    needs_agent: bool = False,
    awaited: bool = False,
    to_north: bool = False,
) -> Trigger:
    compiled = re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE)
    return Trigger(compiled, acts, frame, needs_agent, stems(pattern), awaited, to_north)


_GAP = r"(?:\s+\S+){0,4}?"  # up to four words between a verb and its particle
# "sent a North Korean woman and her two children back": a whole object phrase, no comma
_LONG_GAP = r"(?:\s+[^\s,.;:!?\"“”]+){5,9}?"

# What is sent home that is no person: "she sent money home".
_THINGS_SENT = (
    r"\s+(?:(?:the|some|her|his|their)\s+)?(?:money|cash|remittances?|letters?|messages?|word"
    r"|food|goods|clothes|medicine|parcels?|packages?|gifts?|wages|earnings|savings)\b"
)

# Order matters only for overlapping matches: the first listed wins.
TRIGGERS: tuple[Trigger, ...] = (
    # death: killed or died during the attempt (a death in a camp is punishment)
    _t(
        r"shot\s+and\s+killed|shot\s+(?:\S+\s+){0,3}?dead|shot\s+to\s+death|fatally\s+shot", A.DEATH
    ),
    _t(
        r"kill(?:ed|ing|s)?|drown(?:ed|ing|s)?|froze\s+to\s+death|(?:swept|washed)\s+away"
        r"|(?:gunn|mow)(?:ed|ing)\s+down|gun(?:s)?\s+down|mows?\s+down",
        A.DEATH,
    ),
    _t(r"died|dies|die", A.DEATH, frame="left"),
    # "his body was found downstream": a death told by the finding of the body
    _t(
        r"bod(?:y|ies)\s+(?:was|were|had\s+been|has\s+been|have\s+been)\s+(?:later\s+)?"
        r"(?:found|recovered|discovered|pulled\s+from|washed\s+up)",
        A.DEATH,
        frame="left",
    ),
    # arrest
    _t(
        r"(?:took|taken|take|taking|takes)(?=(?:\s+\S+){0,4}?\s+into\s+(?:[\w-]+\s+)?custody)",
        A.ARREST,
    ),
    _t(
        r"(?:took|taken)\s+(?:\S+\s+){0,3}?off(?=\s+(?:a|the)\s+(?:train|bus|boat|ship|plane))"
        r"|(?:took|taken)\s+off",
        A.ARREST,
    ),
    # "were taken from the house of a farmer", "dragged away from their hiding place": people
    # removed from where they lived or hid
    _t(
        r"(?:took|taken|removed|dragged|hauled)(?=(?:\s+\S+){0,2}?\s+(?:away\s+)?from"
        r"\s+(?:the|a|an|their|his|her|its)\s+(?:[\w-]+\s+){0,2}?(?:house|home|houses|homes"
        r"|guesthouse|apartment|flat|hotel|hideout|shelter|room|workplace|farmhouse|restaurant"
        r"|church|hiding\s+place|safe\s*house|dormitory|factory)\b)",
        A.ARREST,
    ),
    # "dragged out of the consulate by Chinese police": people taken from where they sheltered
    _t(r"(?:dragg|haul)(?:ed|ing)\s+out\s+of(?=\s+(?:the|a|an|their|his|her)\b)", A.ARREST),
    _t(
        r"dragg(?:ed|ing)" + _GAP + r"\s+back|haul(?:ed|ing)" + _GAP + r"\s+back",
        A.ARREST,
        A.REPATRIATION,
    ),
    _t(r"arrest(?:ed|ing|s)?", A.ARREST),
    _t(
        r"detain(?:ed|ing|s)?(?=\s+(?:in|at)\s+(?:a|the)\s+(?:[\w-]+\s+){0,3}?(?:post|station|cent(?:er|re)"
        r"|facility|prison|jail|cell|camp|barracks)\b)",
        A.ARREST,
        A.DETENTION,
    ),
    # held for a time: "detained for ten days", "detained since" (and "still detained":
    # acts.py reads what comes before)
    _t(
        r"detain(?:ed|ing|s)?(?=\s+(?:for\s+(?:[\w-]+\s+){0,2}?(?:days?|weeks?|months?|years?)"
        r"|since)\b)",
        A.ARREST,
        A.DETENTION,
    ),
    _t(r"detain(?:ed|ing|s)?", A.ARREST),
    _t(r"caught|catch(?:es|ing)?|captur(?:e|ed|es|ing)|apprehend(?:ed|ing|s)?", A.ARREST),
    _t(r"seiz(?:e|ed|es|ing)|nabb(?:ed|ing)|nabs?|grabb(?:ed|ing)|grabs?", A.ARREST),
    _t(r"round(?:ed|ing|s)?\s+up|pick(?:ed|ing|s)?\s+up|handcuff(?:ed|ing|s)?", A.ARREST),
    _t(r"intercept(?:ed|ing|s)?", A.ARREST),
    # the official phrase: "were brought under control at the scene"
    _t(r"(?:brought|placed|taken|put)\s+under\s+control", A.ARREST),
    _t(r"abduct(?:ed|ing|s)?|kidnapp?(?:ed|ing|s)?|snatch(?:ed|es|ing)?", A.ARREST),
    # phrasal verbs of arrest: "taken in by police", "hauled in", "led away", "netted"
    _t(
        r"(?:taken|took|hauled|brought)\s+in(?=\s+(?:by|for|on|at|after|during|last|early"
        r"|late|and)\b)|nett(?:ed|ing)",
        A.ARREST,
    ),
    # "taken away" by police is an arrest; "before she was taken away" to a camp is not
    _t(
        r"(?:taken|took|led|carted|dragged|hauled)(?:\s+(?:them|him|her|his|their|the|all|both"
        r"|the)(?:\s+\S+){0,3}?)?\s+away",
        A.ARREST,
        needs_agent=True,
    ),
    # "broke into a house and dragged out a North Korean woman", "pulled the man out of the
    # water": by those who arrest
    _t(
        r"(?:dragged|hauled|pulled)\s+(?:(?:them|him|her|the\s+\S+|all\s+\S+)\s+)?out\b"
        r"(?:\s+of\s+(?:the|a|an)\s+(?:[\w-]+\s+)?(?:river|water|ice|house|car|flat|room|bus))?",
        A.ARREST,
        needs_agent=True,
    ),
    # "were taken by Chinese police": taken, by those who arrest
    _t(
        r"taken(?=\s+by\s+(?:[\w-]+\s+){0,3}?(?:police|guards|officers|agents|authorities"
        r"|soldiers|security|troops|patrols?)\b)",
        A.ARREST,
    ),
    _t(r"found|discovered|tracked\s+down|stopp(?:ed|ing)|rescued", A.ARREST, needs_agent=True),
    _t(r"(?:search|hunt|look)(?:ing|ed|s)?\s+for", A.ARREST, needs_agent=True, awaited=True),
    # detention: held in custody, awaiting return
    _t(r"held|kept|jailed|imprisoned|locked\s+up|incarcerated", A.DETENTION),
    # "after holding them for a month": the active form, with the people as its object
    _t(
        r"hold(?:ing|s)?(?=\s+(?:them|him|her|the\s+(?:[\w-]+\s+){0,2}?(?:North|refugees?"
        r"|defectors?|women|men|group|family))\b)",
        A.DETENTION,
    ),
    # "in police custody", "are now in detention in Tumen" (acts.py refuses "North Koreans
    # in detention", people described, not told of)
    _t(
        r"in\s+(?:[\w-]+\s+){0,2}?custody|in\s+(?:police\s+|immigration\s+|pre-?trial\s+)?"
        r"detention(?!\s+(?:center|centre|facility|facilities|house|camp|cells?)\b)",
        A.DETENTION,
        frame="left",
    ),
    _t(r"behind\s+bars", A.DETENTION, frame="left"),
    _t(r"locked\s+(?:them|him|her)\s+(?:up|in\s+(?:a|the)\s+)", A.DETENTION),
    # "after two days at a border post": a stay in custody told as a time spent there
    _t(
        r"(?:days?|weeks?|nights?|months?)\s+(?:at|in)\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){0,3}?"
        r"(?:post|station|cell|cent(?:er|re)|facility|jail|prison|custody)"
        r"|(?:days?|weeks?|nights?|months?)\s+(?:in|of)\s+(?:police\s+)?(?:custody|detention)",
        A.DETENTION,
        frame="nominal",
    ),
    _t(
        r"sent(?=\s+to\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:detention|custody|jail"
        r"|police\s+station|holding\s+(?:facility|cent(?:er|re)|cell|camp)|(?:\w+\s+)?detention"
        r"\s+place)\b)",
        A.DETENTION,
    ),
    # a movement whose goal is a place in North Korea is a return, whatever the verb:
    # "taken across the bridge to Sinuiju", "made to walk into Namyang"
    _t(
        r"(?:taken|took|brought|driven|drove|walked|marched|escorted|bussed|trucked|transported"
        r"|moved|led|transferred|made\s+to\s+(?:walk|cross|go))"
        r"(?:\s+[^\s,.;:!?]+){0,5}?\s+(?:to|into)",
        A.REPATRIATION,
        to_north=True,
    ),
    _t(
        r"(?:moved|transferred|taken|brought|driven|transported)(?="
        + _GAP
        + r"\s+to\s+(?:the\s+|an?\s+)?(?:(?!North\b|Pyongyang\b)(?-i:[A-Z])|border\b|detention\b"
        r"|facility\b|(?:[\w'’-]+\s+){0,2}(?:office|checkpoint|station|post|jail|prison|detention"
        r"|facility|cent(?:er|re))\b))",
        A.DETENTION,
    ),
    # "both are now in a detention center": people told as being where custody is
    _t(
        r"(?:in|at)\s+(?:a|an|the)"
        r"\s+(?:[\w-]+\s+){0,2}?(?:detention\s+(?:center|centre|facility|house)|jail|lock-?up"
        r"|police\s+(?:cell|station)|holding\s+(?:facility|cent(?:er|re)|cell)"
        r"|detention\s+place)",
        A.DETENTION,
        frame="left",
    ),
    _t(
        r"(?:detention|holding)\s+(?:center|centre|facility|house)",
        A.DETENTION,
        frame="nominal",
    ),
    # interrogation
    _t(r"question(?:ed|ing|s)?|interrogat(?:ed|ing|e|es|ion)|grilled", A.INTERROGATION),
    _t(r"investigated(?=\s+by\b)|being\s+investigated", A.INTERROGATION),
    # "After investigation, they were sent back": the noun binds only as a circumstance
    # (after, during, under) of what is told of the people
    _t(r"investigation", A.INTERROGATION, frame="nominal"),
    _t(
        r"(?:receiv|undergo)(?:ing|es|ed|e)\s+(?:[\w-]+\s+){0,2}?(?:investigation|interrogation"
        r"|questioning)|under\s+(?:investigation|interrogation)",
        A.INTERROGATION,
        frame="left",
    ),
    # repatriation: returned to North Korea
    _t(
        r"repatriat(?:e|ed|es|ing|ion)|deport(?:ed|ing|s|ation)?|expell?(?:ed|ing|s)?"
        r"|refoul(?:e|ed|es|ing|ement)",
        A.REPATRIATION,
    ),
    _t(
        r"sen[dt](?:s|ing)?(?!"
        + _THINGS_SENT
        + r")"
        + _LONG_GAP
        + r"\s+back\b(?!\s+home)|sen[dt](?:s|ing)?(?!"
        + _THINGS_SENT
        + r")"
        + _GAP
        + r"\s+(?:back|home|across)|shipped\s+home|flown\s+home"
        r"|flew\s+(?:them\s+|him\s+|her\s+)?home",
        A.REPATRIATION,
    ),
    _t(
        r"(?:sen[dt]|transferred|deported|returned|expelled)(?=(?:\s+\S+){0,3}?\s+to\s+(?:the\s+)?North"
        r"(?:\s+Korea)?\b(?!\s+Korean\s+border))",
        A.REPATRIATION,
    ),
    _t(
        r"hand(?:ed|ing|s)?" + _GAP + r"\s+(?:back|over)|hand(?:ed|ing|s)?(?=" + _GAP + r"\s+to\b)"
        r"|turn(?:ed|ing|s)?\s+over",
        A.REPATRIATION,
    ),
    # "delivered to the North Korean consulate", "surrendered to North Korean guards": a
    # handover verb counts only with the North as receiver (acts.py checks NORTH_SIDE)
    _t(
        r"(?:deliver|surrender|transferr?|releas)(?:ed|ing|s)?(?=\s+(?:(?:them|him|her)\s+)?to\s+"
        r"(?:the\s+)?(?:North\s+Korea|North\s+Korean|DPRK|N\.\s*Korean|State\s+Security)\b)",
        A.REPATRIATION,
    ),
    _t(r"escort(?:ed|ing|s)?" + _GAP + r"\s+(?:back|home)", A.REPATRIATION),
    _t(r"return(?:ed|ing|s)?|push(?:ed|ing)?" + _GAP + r"\s+back", A.REPATRIATION),
    # China and Russia send North Koreans nowhere but home: "forcibly sent from China"
    _t(
        r"(?:sen[dt]|deported|returned|handed\s+over|expelled)(?=\s+(?:back\s+)?from\s+"
        r"(?:China|Russia)\b)",
        A.REPATRIATION,
    ),
    _t(r"(?:taken|took)(?=\s+across\s+the\s+(?:bridge|border|river))", A.REPATRIATION),
    _t(
        r"(?:flown|flew)(?=(?:\s+\S+){0,4}?\s+to\s+(?:Pyongyang|North\s+Korea|the\s+North)\b)",
        A.REPATRIATION,
    ),
    # "was put on the weekly Air Koryo flight to Pyongyang"
    _t(
        r"put\s+(?:\S+\s+){0,2}?on\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:flight|plane|train|bus)"
        r"(?=(?:\s+\S+){0,2}?\s+(?:back\s+)?to\s+(?:Pyongyang|North\s+Korea|the\s+North)\b)",
        A.REPATRIATION,
    ),
    _t(
        # any movement back over the line: "frog-marched back across the bridge"
        r"(?:taken|took|brought|frog-?marched|marched|walked|driven|drove|led|bussed|trucked"
        r"|transported|ferried|carried|hauled)\s+(?:\S+\s+){0,3}?back"
        r"(?=\s+(?:across|over|to|into)\b)",
        A.REPATRIATION,
    ),
    # punishment: sentences, camps, torture, execution after return
    _t(
        r"sentenc(?:e|ed|es|ing)|execut(?:e|ed|es|ing|ion)|tortur(?:e|ed|es|ing)"
        r"|punish(?:ed|es|ing|ment)?|imprisonment|forced\s+labou?r"
        r"|labou?r\s+(?:training|education|re-?education)",
        A.PUNISHMENT,
    ),
    _t(
        r"sen[dt](?:s|ing)?(?=\s+to\s+(?:a\s+|the\s+)?(?:\S+\s+){0,3}?(?:camp|prison|kyohwaso"
        r"|kwalliso))",
        A.PUNISHMENT,
    ),
    # "both ended up in a prison camp"
    _t(
        r"(?:ended|end|ends|ending|wound|landed)\s+up\s+in\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?"
        r"(?:camp|prison|kyohwaso|kwalliso|gulag)",
        A.PUNISHMENT,
        frame="left",
    ),
    # "she spent a year in a labor camp", "is serving five years in a prison camp"
    _t(
        r"(?:spent|spend|spends|spending|served|serving|serves)(?=(?:\s+\S+){0,4}?\s+in\s+(?:a|an|the)"
        r"\s+(?:[\w-]+\s+){0,2}?(?:camp|prison|kyohwaso|kwalliso))",
        A.PUNISHMENT,
        frame="left",
    ),
    # release
    _t(r"releas(?:e|ed|es|ing)|freed|set\s+free|let\s+(?:\S+\s+)?go", A.RELEASE),
    _t(r"(?:allowed|permitted)\s+to\s+(?:leave|go|travel|depart)", A.RELEASE, frame="left"),
    # let go onward: "sent to South Korea", "flown to Seoul", "handed to the UNHCR"
    _t(
        r"(?:sen[dt]|flown|flew|transferred|taken|escorted|moved)(?=(?:\s+\S+){0,3}?\s+to\s+"
        r"(?:South\s+Korea|Seoul|a\s+third\s+country|the\s+United\s+States)\b)",
        A.RELEASE,
    ),
    # crossing: an attempt to leave or cross the border
    _t(
        # not "the border crossing" at which people were handed over: a place
        r"cross(?<!\bborder\scross)(?<!\bthe\scross)(?<!\ba\scross)(?:ed|es|ing)?"
        r"(?=\s+(?:the|over|into|illegally|to|a|its|from|last|this|on|at|near|before|after"
        r"|alone|together)\b)",
        A.CROSSING,
        frame="left",
    ),
    # "drowned while trying to cross": the attempt told with no object
    _t(
        r"(?:trying|attempting|tried|attempted)\s+to\s+cross(?=\s*(?:[,.;:]|$|and\b|when\b"
        r"|during\b|in\b|at\b|near\b|with\b|after\b|before\b|on\b|but\b|that\b|this\b"
        r"|last\b|alone\b|again\b))",
        A.CROSSING,
        frame="left",
    ),
    _t(
        r"(?:swim|swam|swum|swimming|wad(?:e|ed|ing)|walk(?:ed|ing)?|ran|run|running|fled|flee"
        r"|fleeing|escap(?:e|ed|ing)|came|come|went|going|go|climb(?:ed|ing)?|defect(?:ed|ing)?"
        r"|set(?:ting)?\s+off|crawl(?:ed|ing)?)"
        r"\s+(?:across|over)(?:\s+on)?"
        # "across the frozen Tumen", "across a shallow stretch of the Tumen"
        r"(?=\s+(?:to\b|(?:the|a)\s+(?:[\w-]+\s+){0,5}?(?:river|border|ice|Tumen|Yalu|Amnok"
        r"|Tuman|Mekong|fence|shallows)\b))",
        A.CROSSING,
        frame="left",
    ),
    # "as they waded into the Tumen": stepping into the border river is crossing it
    _t(
        r"(?:swim|swam|swum|swimming|wad(?:e|ed|ing)|walk(?:ed|ing)?|stepp(?:ed|ing)|jump(?:ed|ing)"
        r"|slipp(?:ed|ing))\s+into\s+the\s+(?:frozen\s+|icy\s+)?(?:\S+\s+)?(?:river|water|Tumen"
        r"|Yalu|Amnok|Tuman|Mekong)\b",
        A.CROSSING,
        frame="left",
    ),
    _t(
        r"(?:defect(?:ed|ing)?|fle[de]|fleeing|escap(?:e|ed|ing)|enter(?:ed|ing)?)\s+"
        r"(?:in)?to\s+(?:China|Chinese\s+territory|Russia|Mongolia|Laos|Vietnam|Thailand)",
        A.CROSSING,
        frame="left",
    ),
    _t(
        r"(?<!back\s)across\s+the\s+(?:frozen\s+)?(?:\S+\s+)?(?:river|border)(?=\s+into\b)",
        A.CROSSING,
        frame="left",
    ),
    _t(
        r"climb(?:ed|ing|s)?\s+(?:over\s+)?(?:a|the)\s+(?:\S+\s+)?fence(?=\s+(?:into|to)\s+(?-i:[A-Z]))"
        r"|(?:border|barbed-wire)\s+fence",
        A.CROSSING,
        frame="left",
    ),
    _t(
        r"by\s+boat|(?:escap(?:e|ed|ing)|fle(?:e|d|eing))\s+by\s+sea"
        r"|(?:boats?|vessels?|rafts?|ships?)\s+carrying",
        A.CROSSING,
        frame="left",
    ),
    # "They were about halfway across when soldiers caught them": caught in the crossing
    _t(
        r"halfway\s+across|midway\s+across|in\s+the\s+middle\s+of\s+the\s+river",
        A.CROSSING,
        frame="left",
    ),
    # landing on the far bank or shore: "shortly after they came ashore", "as they stepped
    # off a boat onto the riverbank", "as they climbed the Chinese bank of the Tumen"
    _t(
        r"(?:came|come|comes|coming)\s+ashore|waded\s+ashore"
        r"|stepp(?:ed|ing)\s+off\s+(?:a|the)\s+(?:[\w-]+\s+){0,2}?(?:boat|raft)"
        r"|climb(?:ed|ing)\s+(?:up\s+)?(?:onto\s+)?the\s+(?:[\w-]+\s+)?(?:river)?bank"
        r"|stepp(?:ed|ing)\s+(?:onto|on\s+to)\s+the\s+(?:[\w-]+\s+)?(?:river)?bank",
        A.CROSSING,
        frame="left",
    ),
)

# Acts that are done by a state to people; a case needs at least one of them.
STATE_ACTS = frozenset(set(Act) - {Act.CROSSING})

# --- modality, negation, tense ---------------------------------------------------------

# Before a trigger in its clause: the act is only awaited, feared, likely or hypothetical.
EXPECTED_CUES = re.compile(
    r"\b(?:will|would|shall|'ll|could|(?<!\d\s)may(?!\s+\d)|might|must|should|can"
    r"|likely|unlikely|probably|possibly|almost\s+certainly|expected|due|set\s+to|about\s+to"
    r"|going\s+to|plan(?:s|ned|ning)?\s+to|fac(?:e|es|ed|ing)|risk|danger|threat(?:ened)?"
    r"|await(?:s|ed|ing)?|imminent|impending|pending|potential|halt|stop|prevent"
    r"|(?:believed|thought|presumed|feared|said)\s+to\s+have"
    r"|(?:chances?|likelihood|possibility|prospects?|odds)\s+(?:of|that)"
    r"|not\s+to)\b",
    re.IGNORECASE,
)
# Cues of fear, hope or condition, which reach into a clause of its own ("activists fear
# they were caught", "if they are sent back").
ATTITUDE_CUES = re.compile(
    r"\b(?:if|unless|whether|fear(?:s|ed|ing)?|worr(?:y|ies|ied)|matter\s+of\s+time"
    r"|once(?=\s+(?:they|he|she|the\s+\w+|\w+)\s+(?:are|is|have|has|get|gets)\b)"
    r"|urg(?:e|ed|es|ing)|call(?:s|ed)?\s+on|ask(?:s|ed)?"
    # a belief told in the present: "her employer believes she has been picked up"
    r"|believes?|suspects?|thinks?)\b",
    re.IGNORECASE,
)
# A finite verb between a modal cue and a trigger: the cue belongs to another verb
# ("who had planned to use the same route were caught").
OWN_FINITE = re.compile(r"\b(?:was|were|is|are|has|have|had)\b", re.IGNORECASE)
MODAL_TAIL = re.compile(
    r"^(?:\s+(?:already|also|well|still|not|never|soon|probably|certainly|almost|possibly"
    r"|have|has|had|be|been|being|to))+",
    re.IGNORECASE,
)
# How many words before a trigger an expectation cue reaches ("will probably be sent").
CUE_REACH = 10
# Words that open a new clause inside a sentence: a cue before them does not reach past.
CUE_BARRIERS = re.compile(r"\b(?:who|whom|which|but|after|since|because)\b|[;:—–]", re.IGNORECASE)
# Right before a trigger: the act did not happen ("were not repatriated", "avoided capture").
NEGATION = re.compile(
    r"\b(?:not|never|no\s+longer|without|avoid(?:s|ed|ing)?|evad(?:e|ed|es|ing)"
    r"|escap(?:e|ed|es|ing)|fail(?:s|ed)?\s+to|refus(?:e|es|ed|ing)\s+to"
    r"|declin(?:e|es|ed|ing)\s+to)(?:\s+(?:be|been|being|having\s+been|to))?"
    # the later verbs of a negated list: "not be sought out, detained or deported"
    r"(?:\s+\w+(?:\s+(?:out|up|away|back))?,(?:\s+\w+,)*(?:(?:\s+\w+)?\s+(?:or|nor|and))?)?"
    r"\s*$"
    r"|n't(?:\s+(?:be|been|being))?\s*$",
    re.IGNORECASE,
)
# Right before a trigger: an attempt ("trying to take him into custody").
# Getting ready to cross is an attempt to cross ("as they prepared to cross into China"),
# though getting ready to return people tells an awaited return.
PREPARE = re.compile(r"\b(?:prepar(?:e|ed|es|ing)|getting\s+ready|about)\s+to\s*$", re.IGNORECASE)
# (A preparation is no attempt: "preparing to repatriate them" tells an awaited return.)
ATTEMPT = re.compile(
    r"\b(?:try|tried|tries|trying|attempt(?:s|ed|ing)?|set\s+out)\s+to\s*$",
    re.IGNORECASE,
)
# Before an act noun: what people are held or sent for ("sent to Tumen for repatriation",
# "held pending deportation"): awaited.
PURPOSE_BEFORE = re.compile(
    r"\b(?:for|pending|awaiting|ahead\s+of|prior\s+to)\s+(?:(?:their|his|her|its|the|an?"
    r"|eventual|possible|forced|forcible|imminent|further)\s+){0,2}$",
    re.IGNORECASE,
)
# After an act noun: the act is still awaited ("their repatriation is imminent", "a
# deportation that is expected within days").
EXPECTED_AFTER = re.compile(
    r"^\s*(?:(?:that|which)\s+)?(?:(?:is|are|was|were|seems?|seemed|appears?|appeared|looks?"
    r"|looked)\s+(?:now\s+|still\s+|very\s+|highly\s+)?(?:imminent|likely|expected|feared"
    r"|planned|scheduled|probable|possible|pending|due|near|certain|inevitable"
    r"|only\s+a\s+matter)|(?:could|would|may|might|will|can)\s+(?:\w+\s+)?(?:come|happen"
    r"|take\s+place|follow|begin|start|be\s+carried\s+out)"
    # "their repatriation could not be confirmed": not known to be done
    r"|(?:could|can|has|have)\s+not\s+(?:yet\s+)?(?:been\s+|be\s+)?(?:confirmed|verified)"
    r"|(?:is|was|remains?|remained)\s+unconfirmed)\b",
    re.IGNORECASE,
)
# Passive or perfect auxiliaries right before a verb trigger (adverbs may intervene).
PASSIVE_AUX = re.compile(
    r"\b(?:was|were|been|being|be|is|are|am|get|gets|got|gotten)"
    r"(?:\s+(?:\w+ly|also|all|then|later|not|reportedly|allegedly|soon|both|too|now))*\s*$",
    re.IGNORECASE,
)
# An infinitive before a trigger ("to be sent back"): not (yet) done, unless it is the
# purpose of a completed movement ("sent officials to Dandong to question the group").
INFINITIVE = re.compile(
    r"(?<!believed\s)(?<!thought\s)(?<!said\s)(?<!reported\s)(?<!known\s)(?<!alleged\s)"
    r"\bto(?:\s+be)?(?:\s+\w+ly)?\s*$",
    re.IGNORECASE,
)
PURPOSE_OF_DONE = re.compile(
    r"\b(?:sent|came|went|arrived|travell?ed|dispatched|drove|flew)\b", re.IGNORECASE
)

# Trigger words whose form is past or a participle without the regular endings.
IRREGULAR_PAST = frozenset(
    "caught held kept sent shot found took taken fled swum swam ran came went brought driven"
    " let set hit put died seized freed made led drove flown flew spent swept froze thrown".split()
)
# First words of triggers that are not verbs ("in custody", "by boat", "border fence").
NOT_VERBS = frozenset(
    "in at under by across border barbed-wire boat vessel raft ship boats vessels rafts ships"
    " detention holding halfway midway behind".split()
)
# Number words: a participle right after one describes the people counted.
NUMBER_WORDS = frozenset(
    """one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty dozen dozens
    hundreds""".split()
)
# Before a noun trigger: its subject is the one it happened to ("Pak received two years of
# labor training punishment", "they face execution").
LIGHT_VERB = re.compile(
    r"\b(?:received|receives|receiving|got|given|suffered|suffers|underwent|faced|faces|facing"
    r"|face|served|serving)\b(?:\s+\S+){0,5}\s*$",
    re.IGNORECASE,
)
# Words before a trigger that make it a noun ("the arrest of", "their return").
DETERMINERS = frozenset(
    "the their his her its a an after of since upon before following this that these those"
    " whose our my any no forced large-scale latest first".split()
)
# Whole-clause cues that a statement is general, habitual or an aggregate tally.
GENERIC_CUES = re.compile(
    r"\b(?:routinely|generally|usually|normally|often|regularly|typically|traditionally"
    r"|always|whenever|in\s+recent\s+years|in\s+the\s+past|used\s+to|every\s+year"
    r"|each\s+year|per\s+year|since\s+(?:1[89]\d\d|20\d\d|the\s+(?:famine|\d+s|war"
    r"|end(?!\s+of\s+(?:last|this)\s+(?:week|month))|early|late|mid))|tens\s+of\s+thousands"
    # a running tally: "have arrested several hundred so far this year" ("far" keys the
    # fast scan: "so" starts too many words)
    r"|thousands\s+of|(?<=\bso\s)far\s+(?:this\s+(?:year|month)|in\s+\d{4})"
    r"|since\s+the\s+(?:start|beginning)\s+of\s+the\s+year"
    # estimates and running records: "groups estimate that China returned several hundred
    # people in 2023 and 2024 combined", "has documented more than 170 … since the border
    # was sealed"
    r"|estimat(?:e|es|ed)(?:\s+\S+){0,4}?\s+that|(?:has|have)\s+documented|combined(?=\s*[,.;])"
    r"|since\s+the\s+border\s+was\s+(?:sealed|closed|reopened))\b",
    re.IGNORECASE,
)
# A superlative or ordinal just before a cue of GENERIC_CUES: the cue measures this case
# against others ("one of the largest single returns reported in recent years").
COMPARISON_BEFORE = re.compile(
    r"\b(?:(?:one\s+of\s+)?the\s+(?:\w+est|most\s+\w+|first|only|biggest|worst)"
    r"|(?:largest|biggest|worst|first)|(?:un)?precedented)\b[^.;:!?]{0,60}$",
    re.IGNORECASE,
)
# A death by illness or age is not a death during an attempt.
NATURAL_DEATH = re.compile(
    r"^\s+(?:of|from)\s+(?:an?\s+)?(?:illness|disease|cancer|natural|old\s+age|sickness"
    r"|a\s+heart|heart|hunger|starvation|exposure)",
    re.IGNORECASE,
)
# A death or sentence in a camp or prison after return is punishment.
CAMP_CONTEXT = re.compile(
    r"^(?:\s+\S+){0,4}?\s+(?:camp|prison|kyohwaso|kwalliso|custody)\b", re.IGNORECASE
)
# After a return trigger: a destination that is not North Korea (so not a repatriation).
NOT_NORTH = re.compile(
    r"^(?:\s+\S+){0,6}?\s+(?:in)?to\s+(?:the\s+)?(?:China|Vietnam|Laos|Thailand|Russia|Mongolia"
    r"|South\s+Korea|Seoul|Cambodia|Myanmar|a\s+third\s+country|Chinese|South\s+Korean"
    r"|UNHCR|U\.?N\.?\s+refugee)\b",
    re.IGNORECASE,
)
# After a return trigger: a third country that lets people go (a release, not a return).
TO_THE_SOUTH = re.compile(
    r"^(?:\s+\S+){0,6}?\s+(?:in)?to\s+(?:South\s+Korea|Seoul|a\s+third\s+country"
    r"|the\s+United\s+States|(?:the\s+)?South\s+Korean\s+(?:embassy|consulate|diplomats"
    r"|officials|authorities|side)|(?:the\s+)?UNHCR|(?:the\s+)?U\.?N\.?\s+refugee)\b",
    re.IGNORECASE,
)
# After a "handed to" trigger: the receiving side must be North Korean.
NORTH_SIDE = re.compile(
    r"^(?:\s+\S+){0,8}?\s+(?:North|N\.\s*Korea|Pyongyang|DPRK|State\s+Security|SSD|Bowibu"
    r"|security\s+agency|border\s+guards)",
    re.IGNORECASE,
)
# Crossing during the arrest itself: where the people were when caught or killed.
# Where people caught later, away from the border, were: not a crossing of the case.
INLAND = re.compile(
    r"\b(?:village|town|city|house|home|apartment|flat|bus|train|station|restaurant|hotel"
    r"|market|farm|factory|later|afterwards)\b",
    re.IGNORECASE,
)
AT_THE_BORDER = re.compile(
    r"\b(?:bank|riverbank|river|water|ice|fence|at\s+sea|coast|boat|shore|halfway)\b",
    re.IGNORECASE,
)
# "brought under control at the scene": where and when the scene told before happened
AT_THE_SCENE = re.compile(r"\b(?:at|on)\s+the\s+(?:scene|spot)\b", re.IGNORECASE)
# Police or guards as the subject of "found"/"discovered" ("police found nine women").
AGENT = re.compile(
    r"\b(?:police|officers?|guards?|authorities|soldiers|troops|agents|patrols?|officials)\b"
    r"(?:\s+\S+){0,3}\s*$",
    re.IGNORECASE,
)
# Police or guards as the subject of an earlier verb the trigger is coordinated with:
# "officers raided a church in Yanbian and took away a woman".
AGENT_OF_COORDINATED = re.compile(
    r"\b(?:police(?:men)?|officers?|guards?|authorities|soldiers|troops|agents|patrols?"
    r"|officials)\s+(?:of\s+(?:the\s+)?(?:[\w-]+\s+){1,5}?)?(?:\w+\s+)?"
    r"(?:[a-z]+ed|came|went|broke|burst|drove|found|ran|got|caught|took|brought|stopped)\b"
    r"[^.;:!?]{0,80}?,?\s+and(?:\s+then)?\s*$",
    re.IGNORECASE,
)
# A first mention that sums several cases ("a string of arrests", "in two cities", "so
# far this month"): the cases told after it are its parts, not further cases.
AGGREGATE_CUES = re.compile(
    r"\b(?:arrests|string\s+of|series\s+of|spate\s+of|wave\s+of|separate\s+groups|groups"
    r"|since\s+last|so\s+far|over\s+the\s+past|recently|in\s+recent\s+(?:weeks|days|months)"
    r"|(?:two|three|four|several)\s+(?:cities|places|provinces|operations|raids))\b",
    re.IGNORECASE,
)
# "caught as well", "too": a case told like the one before, in the same circumstances.
LIKE_PREVIOUS = re.compile(r"\b(?:as\s+well|too|also|likewise|similarly)\b", re.IGNORECASE)
# Which side of the border people were on when caught ("on the Chinese bank").
SIDE_OF_BORDER = re.compile(
    r"\b(?:on|to|reached|onto|at)\s+(?:the\s+)?(Chinese|Russian|Lao|Thai|Vietnamese"
    r"|Mongolian)\s+(?:bank|soil|shore|riverbank)",
    re.IGNORECASE,
)
# An act done before people had crossed ("while trying to cross", "before reaching the
# Chinese bank"): they were still on the side they left.
NOT_YET_ACROSS = re.compile(
    r"\b(?:while|when|as)\s+(?:(?:they|he|she)\s+(?:was|were)\s+)?(?:trying|attempting|about)"
    r"\s+to\s+(?:cross|flee|escape|defect|leave)\b"
    r"|\bbefore\s+(?:(?:they|he|she)\s+could\s+)?(?:reach(?:ing)?|cross(?:ing)?|get(?:ting)?"
    r"\s+(?:to|across))\b",
    re.IGNORECASE,
)
# A preposition making an act noun the circumstance of the verb before it ("beaten during
# interrogation", "confessed under questioning", "died after torture").
ADJUNCT_BEFORE = re.compile(
    r"\b(?:during|after|before|under|following|through|in\s+the\s+course\s+of)\s+"
    r"(?:(?:the|their|his|her|its|a|an|harsh|brutal|repeated|lengthy|long|intense)\s+){0,2}$",
    re.IGNORECASE,
)
# From a subject to an adjunct act noun through a passive or copular predicate ("… were
# beaten during", "… was held for a week under"): the act noun is the subject's.
PASSIVE_AFTER_SUBJECT = re.compile(
    r"\s*(?:,[^,.;]{1,40},\s*)?(?:were|was|had\s+been|have\s+been|has\s+been|are|is)"
    r"(?:\s+(?:[\w-]+)){1,6}?\s+"
    r"(?:during|after|before|under|following|through|in\s+the\s+course\s+of)\s+"
    r"(?:(?:the|their|his|her|its|a|an|harsh|brutal|repeated|lengthy|long|intense)\s+){0,2}$",
    re.IGNORECASE,
)
# Words that show a clause has a verb of its own (a rough test, without a tagger).
VERB_LIKE = re.compile(
    r"\b(?:was|were|is|are|am|be|been|being|had|has|have|did|does|do|will|would|could"
    r"|said|says|told|made|went|came|left|fled|took|got|\w+ed)\b",
    re.IGNORECASE,
)
# A case told as following the one before ("Through the investigation after that, …").
AFTER_THAT = re.compile(
    r"\b(?:after\s+that|afterwards|afterward|subsequently|later\s+on|since\s+then)\b",
    re.IGNORECASE,
)
# Finite verbs that end the phrase an act governs ("the arrest of two in Shenyang has
# alarmed activists in Seoul": Seoul is not where the arrest was).
FINITE = re.compile(
    r"\b(?:was|were|is|are|has|have|had|will|would|said|says|told|added|reported)\b",
    re.IGNORECASE,
)
RELATIVE = re.compile(r"\b(?:who|which|that|whose|whom)\b", re.IGNORECASE)


def another_verb(text: str, start: int, end: int) -> bool:
    """Whether a finite verb in ``text[start:end]``, not in a relative clause, ends the
    phrase of the act before it ("the arrest of two … has alarmed activists in Seoul",
    "who was detained … last month, was put on a flight on Monday")."""
    verb = FINITE.search(text, start, end)
    return verb is not None and not RELATIVE.search(text, start, verb.start())


# Words of flight and the border: an arrest told with them is one of this record.
FLIGHT = re.compile(
    r"\b(?:cross(?:ed|es|ing)?|fle[de]|flee(?:ing)?|escap(?:e|ed|es|ing)|defect(?:ed|ing|ion)?"
    r"|river|riverbank|border|bank|China|Chinese|broker|smuggl\w+)\b",
    re.IGNORECASE,
)
# An act told as happening at another time than the case's ("once before", "again").
ANOTHER_TIME = re.compile(
    r"\b(?:once\s+before|before\s+that|previously|earlier|again|first\s+time|second\s+time"
    r"|last\s+time|in\s+the\s+past|years?\s+(?:ago|earlier|before))\b",
    re.IGNORECASE,
)

# North Korea's own security and police, who hold returned people ("held by the State
# Security Department in Musan", "the Bowibu detention centre"); English spellings.
NORTH_CUSTODY = re.compile(
    r"\b(?:State\s+Security|SSD|MSS|Bowibu|Bowiseong|Ministry\s+of\s+(?:State|Public)\s+Security"
    r"|People['’]s\s+Security|Social\s+Security|MPS|safety\s+agency"
    r"|North\s+Korean?\s+(?:police|security|authorities|officials)|in\s+North\s+Korea)\b",
    re.IGNORECASE,
)

# A possessive right before an act noun, past its adjectives ("their forced repatriation",
# "his eventual return"): whose act it is.
POSSESSIVE_BEFORE = re.compile(
    r"\b(their|his|her)\s+(?:(?:forced|forcible|imminent|eventual|planned|possible|likely"
    r"|subsequent|recent|immediate|sudden|swift|expected|feared|alleged)\s+){0,2}$",
    re.IGNORECASE,
)

# Words that open a relative or subordinate clause inside a clause: what follows them is
# told of its own act ("refugees who were detained last month", "arrested after …").
SUBORDINATE_OPENING = re.compile(
    r"\b(?:who|whom|which|where|after|before|when|while|once|until)\b", re.IGNORECASE
)
