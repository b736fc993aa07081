"""Word lists for finding the specific details two reports of one case share.

Scope: English news and NGO reports on North Koreans caught, held and returned.
Words are folded (lowercase, no diacritics) and reduced by ``details.stem``.
"""

from __future__ import annotations


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


# English function words and reporting verbs: shared by any two texts.
STOPWORDS = _words(
    """
    a about above according across after afterwards again against all almost alone along
    already also although always am among an and another any anyone anything are around as
    at back be became because become been before being below beside besides between both
    but by can cannot could did do does doing done down during each either else enough even
    ever every few for former from further had has have having he her here hers herself him
    himself his how however i if in including into is it its itself just last least less
    like made make many may me meanwhile might more most mostly much must my near nearly
    neither never nevertheless next no nobody none nor not nothing now of off often on once
    one only onto or other others otherwise our ours out over own per perhaps please put
    rather really same says said say saying see seem seemed several she should since so
    some someone something sometime still such than that the their them themselves then
    there these they this those though through throughout thus to together too toward
    towards under until up upon us very via was we well were what whatever when where
    whether which while who whole whom whose why will with within without would yet you
    your told tell added add noted explained asked stated reported report reporting quoted
    quote claim claimed believed believe known according speaking spoke wrote write
    confirmed confirm called call added sources source anonymity condition name named
    """
)

# Words every report of this domain uses: they say nothing about which case it is.
DOMAIN_WORDS = _words(
    """
    north south korea korean koreans dprk pyongyang seoul china chinese beijing russia russian
    defector defect defected defecting escapee escape escaped refugee asylum seeker people women
    person man men woman child year old aged member group total number including among
    police officer public security ministry bureau authority official government guard
    border patrol agent force forces state
    arrest arrested detain detained detention apprehend apprehended caught catch capture
    captured round rounded held hold holding custody jail jailed prison facility centre center
    repatriate repatriated repatriation deport deported deportation return returned returning
    sent send sending hand handed handover forcibly forced forcible expel expelled
    cross crossed crossing river bank across side region area province city county town
    village district prefecture near outside inside local resident
    day week month year time recently earlier later ago past early mid late since
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    jilin liaoning yanbian ryanggang hamgyong pyongan chagang shandong yunnan primorsky
    monday tuesday wednesday thursday friday saturday sunday
    two three four five six seven eight nine ten eleven twelve dozen dozens hundred
    first second third least about some around approximately roughly
    news agency daily radio press release statement organisation organization group ngo
    activist activists rights human humanitarian international community concern concerned
    fate fear feared face facing likely expected expect await awaiting risk danger punishment
    punished severe harsh torture camp labour labor prison
    according information informant contact contacts network inside
    new latest case cases incident incidents situation crackdown
    """
)

# Nouns that name a specific setting or body when shared: "a seafood factory",
# "a church shelter", "a fishing boat", "a logging camp". A shared one weighs double.
SPECIFIC_HEADS = _words(
    """
    factory metalwork metalworks mill plant mine mining workshop farm farmhouse restaurant
    hotel inn guesthouse karaoke bar sauna market shop store apartment flat house home
    safehouse hideout shelter church temple mission school hospital clinic station terminal
    bus train railway taxi truck lorry car van motorbike boat ship vessel ferry port harbour
    harbor pier dock wharf airport checkpoint bridge tunnel fence island mountain forest
    logging timber construction site brigade unit battalion company cooperative
    family brother sister mother father daughter son wife husband orphan orphans student
    students soldier soldiers worker workers laborer laborers labourers trafficker broker
    bride brides pastor missionary
    """
)
