"""The vocabulary of the acting-party rules (:mod:`eventline.gold.acting`): clashes, strategic
developments, coups, regained territory, defence, protests and acts of state.

Kept apart from :mod:`eventline.gold.role_patterns` (attacks, claims and the gaps between a
mention and its verb) so that each file reads as one reviewed word list.
"""

from __future__ import annotations

import re

# Fighting where both sides are the acting parties ("BIR soldiers clashed with ISWAP").
CLASH_VERB = re.compile(
    r"\b(?:clash(?:es|ed|ing)?\s+with|clashed|f(?:ought|ight|ights|ighting)(?:\s+(?:against|with))?"
    r"|battl(?:e|es|ed|ing)(?:\s+(?:against|with))?|exchang(?:e|es|ed|ing)\s+fire\s+with"
    r"|skirmish(?:es|ed)?\s+with|r(?:ose|isen|ise|ises|ising)(?:\s+up)?\s+against"
    r"|engag(?:e|es|ed|ing)\s+in\s+(?:fighting|combat|clashes|battle)\s+with)\b",
    re.IGNORECASE,
)
CLASH_NOUN = re.compile(
    r"\b(?:clashes|clash|fighting|battles?|gunfights?|firefights?|exchanges?\s+of\s+fire"
    r"|skirmish(?:es)?|uprising)\b(?!\s+(?:positions?|vehicles?|age|force|units?)\b)",
    re.IGNORECASE,
)
# Acting parties of strategic developments: the subject does the event.
MILITARY_ACTING = (
    r"deploy(?:s|ed|ing)?|sen(?:d|ds|t|ding)\s+(?:[\w,.\-]+\s+){0,3}?(?:troops|soldiers|forces"
    r"|reinforcements|units?|contingents?|force)|dispatch(?:es|ed|ing)?"
    r"|launch(?:es|ed|ing)?\s+(?:an?\s+|the\s+|its\s+)?(?:\w+\s+){0,2}?(?:operations?|offensive"
    r"|(?:military|bombing|air|counter-?insurgency|counter-?terrorism)\s+campaign"
    r"|counter-?offensive)(?!\s+(?:to\s+)?(?:search|rescue|evacuat))"
    r"|beg[ai]n\s+(?:its\s+|their\s+)?(?:operations|deploying|deployment)"
    # Withdrawals of forces and missions: "pulled out of Tessalit", "left its Ber camp".
    r"|pull(?:s|ed|ing)?\s+out|beg[ai]n\s+(?:to\s+)?(?:leav(?:e|ing)|withdraw(?:ing)?|pull(?:ing)?\s+out)"
    r"|le(?:ave|aves|ft|aving)\s+(?:its|their)\s+(?:[\w\-]+\s+){0,2}?(?:camps?|bases?|positions?)"
)
STATE_ACTING = (
    r"designat(?:e|es|ed|ing)|sanction(?:s|ed|ing)?|declar(?:e|es|ed|ing)|impos(?:e|es|ed|ing)"
    r"|extend(?:s|ed|ing)?|lift(?:s|ed|ing)?|suspend(?:s|ed|ing)?|withdr(?:aw|aws|ew|awn|awing)"
    r"|appoint(?:s|ed|ing)?|dismiss(?:es|ed|ing)?|dissolv(?:e|es|ed|ing)|conven(?:e|es|ed|ing)"
    r"|met|meeting\s+with|sign(?:s|ed|ing)?|agree(?:s|d|ing)?|pledg(?:e|es|ed|ing)"
    r"|call(?:s|ed|ing)?\s+(?:on|for)|urg(?:e|es|ed|ing)|ask(?:s|ed|ing)?|request(?:s|ed|ing)?"
    r"|inaugurat(?:e|es|ed|ing)|apologi[sz](?:e|es|ed|ing)|arrest(?:s|ed|ing)?"
    r"|detain(?:s|ed|ing)?|releas(?:e|es|ed|ing)|fre(?:e|es|ed|eing)|charg(?:e|es|ed|ing)"
    r"|sentenc(?:e|es|ed|ing)|convict(?:s|ed|ing)?|ban(?:s|ned|ning)?|clos(?:e|es|ed|ing)"
    r"|expel(?:s|led|ling)?|recall(?:s|ed|ing)?|order(?:s|ed|ing)?|establish(?:es|ed|ing)?"
    r"|creat(?:e|es|ed|ing)|set\s+up|adopt(?:s|ed|ing)?|approv(?:e|es|ed|ing)|vot(?:e|es|ed|ing)"
    r"|deliver(?:s|ed|ing)?|publish(?:es|ed|ing)?|decid(?:e|es|ed|ing)\s+to"
    r"|(?:assum|seiz)(?:e|es|ed|ing)\s+power|t(?:ook|ake|akes|aking)\s+(?:power|over)"
    r"|overthr(?:ew|own|ow|ows|owing)|toppl(?:e|es|ed|ing)|depos(?:e|es|ed|ing)|oust(?:s|ed|ing)?"
    r"|beg[ai]n\s+(?:the\s+)?trial|open(?:s|ed|ing)?\s+(?:an?\s+|the\s+)?(?:trial|investigation"
    r"|inquiry)|tr(?:y|ies|ied)\b|indict(?:s|ed|ing)?|acquit(?:s|ted|ting)?"
    r"|hand(?:s|ed|ing)?\s+over|direct(?:s|ed|ing)?(?=\s+(?:the|that)\s)|announc(?:e|es|ed|ing)(?=\s+(?:an?|the|its)\s+(?!death))"
    r"|denounc(?:e|es|ed|ing)|renounc(?:e|es|ed|ing)|repeal(?:s|ed|ing)?|annul(?:s|led|ling)?"
    r"|revok(?:e|es|ed|ing)|rescind(?:s|ed|ing)?|terminat(?:e|es|ed|ing)|ratif(?:y|ies|ied|ying)"
    r"|reject(?:s|ed|ing)?|propos(?:e|es|ed|ing)|postpon(?:e|es|ed|ing)|adjourn(?:s|ed|ing)?"
    r"|(?:cut|cuts|cutting|sever(?:s|ed|ing)?|br(?:oke|eak|eaks|eaking))\s+(?:off\s+)?"
    r"(?:(?:diplomatic|its|their)\s+)*(?:ties|relations)"
    r"|end(?:s|ed|ing)?\s+(?:the|its|their)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:agreements?|accords?|status|cooperation|mission|partnership|ban"
    r"|curfew|state\s+of\s+emergency|talks|ceasefire|truce|presence|operations?)"
)
ACTING_VERB = re.compile(
    rf"(?<![\w\-])(?:(?P<military>{MILITARY_ACTING})|(?P<state>{STATE_ACTING}))(?![\w\-])",
    re.IGNORECASE,
)
# Coups: removing a head of state or seizing power; with a coup word in the sentence (or
# "overthrew", "toppled" alone) the acting party is the country's military.
COUP_VERB = re.compile(
    r"\b(?:overthr(?:ew|own|ow|ows|owing)|toppl(?:e|es|ed|ing)|depos(?:e|es|ed|ing)"
    r"|oust(?:s|ed|ing)?|remov(?:e|es|ed|ing)|(?:seiz|assum)(?:e|es|ed|ing)\s+power"
    r"|t(?:ook|ake|akes|aking)\s+power|(?:stag|l(?:ed|ead|eads|eading)|carr(?:y|ied|ies)\s+out)"
    r"(?:e|es|ed|ing)?\s+(?:an?|the|its|their)\s+(?:\w+\s+)?coup)\b",
    re.IGNORECASE,
)
COUP_CUE = re.compile(r"\b(?:coup|putsch|mutin(?:y|eers?|ous))\b|\bjunta\b", re.IGNORECASE)
FORCIBLE_REMOVAL = re.compile(r"^(?:overthr|toppl)", re.IGNORECASE)
# Government regains territory: the adversary is the group that held it.
REGAIN_VERB = re.compile(
    r"\b(?:recaptur(?:e|es|ed|ing)|retak(?:e|es|en|ing)|retook|regain(?:s|ed|ing)?"
    r"|reclaim(?:s|ed|ing)?|liberat(?:e|es|ed|ing)|dr(?:ove|ive|ives|iven|iving)\s+(?:\w+\s+){1,3}"
    r"?out|push(?:es|ed|ing)?\s+(?:\w+\s+){1,3}?out)\b",
    re.IGNORECASE,
)
# The defending side: "Togolese troops beat back an attack", "troops killed one of them".
DEFENSIVE_VERB = re.compile(
    r"\b(?:repel(?:s|led|ling)?|repuls(?:e|es|ed|ing)|(?:beat|beaten|beating|beats)\s+back"
    r"|fend(?:s|ed|ing)?\s+off|fought\s+off|foil(?:s|ed|ing)?|thwart(?:s|ed|ing)?"
    r"|push(?:es|ed|ing)?\s+back)\b",
    re.IGNORECASE,
)
DEFENDER_OBJECT = re.compile(
    r"\s+(?:(?:one|two|three|four|five|six|seven|eight|nine|ten|several|some|many|most|all"
    r"|dozens|scores|\d+)\s+(?:of\s+)?)?(?:them|the\s+(?:\w+\s+)?(?:attackers|assailants"
    r"|militants|insurgents|gunmen|fighters|jihadists|terrorists|raiders))\b",
    re.IGNORECASE,
)
# Protests and riots: the crowd acts (ACLED's Protesters / Rioters).
PROTEST_EVENT = re.compile(
    r"\b(?:demonstrations?|protests?|rall(?:y|ies)|marches|sit-ins?)\b(?P<gap>[^.;:]{0,80}?)"
    r"\b(?:(?:were|was|have\s+been|had\s+been)\s+(?:held|staged|organi[sz]ed)|took\s+place"
    r"|broke\s+out|erupted|continued|spread|(?P<riot>degenerated\s+into|turned\s+(?:violent"
    r"|into)))\b",
    re.IGNORECASE,
)
RIOT_EVENT = re.compile(r"\briots?\s+(?:broke\s+out|erupted|took\s+place)\b", re.IGNORECASE)
# The state acts though the text names no agent: "Sonko was arrested", "he was charged".
PASSIVE_STATE = re.compile(
    r"\b(?:was|were|has\s+been|have\s+been|had\s+been|being)\s+(?:\w+ly\s+)?"
    r"(?:(?P<judicial>charged|indicted|convicted|sentenced|acquitted|remanded"
    r"|placed\s+under\s+(?:house\s+arrest|judicial\s+(?:supervision|control))"
    r"|released\s+under\s+judicial\s+(?:supervision|control)|taken\s+into\s+custody"
    r"|placed\s+in\s+(?:pre-?trial\s+)?detention)|(?P<arrest>arrested|detained))\b",
    re.IGNORECASE,
)

# The crowd's own verbs: "Malian citizens have protested Keita".
PROTEST_VERB = re.compile(
    r"\b(?:protest(?:s|ed|ing)?|demonstrat(?:e|es|ed|ing)|march(?:es|ed)|rall(?:y|ies|ied))\b"
    r"(?!\s+(?:was|were|is|are)\b)",
    re.IGNORECASE,
)

# Words (lower case) one of which every match of these rarely matching patterns holds (see
# ``role_patterns.NEEDED_WORDS``).
ACTING_NEEDED_WORDS: dict[re.Pattern[str], tuple[str, ...]] = {
    COUP_VERB: ("overthr", "toppl", "depos", "oust", "remov", "power", "coup"),
    REGAIN_VERB: (
        "recaptur",
        "retak",
        "retook",
        "regain",
        "reclaim",
        "liberat",
        "drov",
        "driv",
        "push",
    ),
    PROTEST_EVENT: ("demonstration", "protest", "rall", "marches", "sit-in"),
    RIOT_EVENT: ("riot",),
    PASSIVE_STATE: (
        "charged",
        "indicted",
        "convicted",
        "sentenced",
        "acquitted",
        "remanded",
        "placed",
        "released",
        "taken",
        "arrested",
        "detained",
    ),
}
