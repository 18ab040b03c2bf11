"""The vocabulary and patterns of the actor role rules (see :mod:`eventline.gold.roles`).

Verbs, hedges, claims and the words allowed in the gaps between a mention and its verb: what a
reviewer reads to know why a mention got its role.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from eventline.gold.acting_patterns import ACTING_NEEDED_WORDS
from eventline.text.words import word_set


def forms(*groups: str) -> str:
    return "|".join(groups)


TRANSITIVE = forms(
    r"attack(?:s|ed|ing)?",
    r"ambush(?:es|ed|ing)?",
    r"kill(?:s|ed|ing)?",
    r"kidnap(?:s|ped|ping)?",
    r"abduct(?:s|ed|ing)?",
    r"storm(?:s|ed|ing)?",
    r"seiz(?:e|es|ed|ing)",
    r"raid(?:s|ed|ing)?",
    r"shell(?:s|ed|ing)?",
    r"execut(?:e|es|ed|ing)",
    r"massacr(?:e|es|ed|ing)",
    r"besieg(?:e|es|ed|ing)",
    r"target(?:s|ed|ing|ted|ting)?",
    r"assassinat(?:e|es|ed|ing)",
    r"bomb(?:s|ed|ing)?",
    r"shoot(?:s|ing)?|shot",
    r"murder(?:s|ed|ing)?",
    r"captur(?:e|es|ed|ing)",
    r"neutrali[sz](?:e|es|ed|ing)",
    r"destroy(?:s|ed|ing)?",
    r"burn(?:s|ed|t|ing)?",
    r"torch(?:es|ed|ing)?",
    r"invad(?:e|es|ed|ing)",
    r"wound(?:s|ed|ing)?",
    r"injur(?:e|es|ed|ing)",
    r"hurt(?:s|ing)?",
    r"behead(?:s|ed|ing)?",
    r"booby[- ]trap(?:s|ped|ping)?",
    r"overr(?:un|uns|an|unning)",
    r"(?:open(?:s|ed|ing)?\s+)?fir(?:e|es|ed|ing)\s+(?:on|at)",
    # "fired a missile at", "fired three mortar rounds into": the weapon, then the target
    r"(?:fir|launch|lob)(?:e|es|ed|ing)?\s+(?:(?:an?|the|two|three|four|five|six|several|\d+)\s+)?"
    r"(?:[\w\-]+\s+){0,2}?(?:missiles?|rockets?|mortars?|rounds|shells|projectiles|grenades?"
    r"|RPGs?)\s+(?:at|on|into|towards?)",
    r"hijack(?:s|ed|ing)?",
    r"set(?:s|ting)?\s+fire\s+to",
    r"loot(?:s|ed|ing)?",
    r"ransack(?:s|ed|ing)?",
    r"plunder(?:s|ed|ing)?",
    r"pillag(?:e|es|ed|ing)",
    r"rob(?:s|bed|bing)?",
    r"steal(?:s|ing)?|stole",
    r"occup(?:y|ies|ied|ying)",
    r"str(?:ike|ikes|uck|iking)",
    r"t(?:ook|ake|akes|aking)\s+control\s+of",
    # "The group took Tarvana": taking a named place (not "took part", "took them hostage");
    # entering one is below, with the other armed acts
    r"t(?:ook|ake|akes|aking)(?=\s+(?-i:[A-Z]))",
    r"slit(?:s|ting)?",
    r"hack(?:s|ed|ing)?\s+to\s+death",
    r"cut(?:s|ting)?\s+(?:the|their|his|her)\s+throats?",
    r"gun(?:s|ned|ning)?\s+down",
    r"round(?:s|ed|ing)?\s+up",
    r"surround(?:s|ed|ing)?",
    r"encircl(?:e|es|ed|ing)",
    r"overpower(?:s|ed|ing)?",
    r"bombard(?:s|ed|ing)?",
    r"stab(?:s|bed|bing)?",
    r"decapitat(?:e|es|ed|ing)",
    r"tortur(?:e|es|ed|ing)",
    r"rap(?:e|es|ed|ing)",
    # "forced them into the forest", "forced the passengers to follow them": an abduction
    r"forc(?:e|es|ed|ing)\s+(?:[\w\-]+\s+){1,3}?(?:into|to\s+(?:follow|board|walk|go\s+with))",
    # "M23 fighters entered Bukavu": an armed entry ("entered into talks" is not one)
    r"enter(?:s|ed|ing)?(?!\s+into)",
)
# Verbs whose object is the weapon or the operation, not the victim.
AGENT_ONLY = forms(
    r"launch(?:es|ed|ing)?",
    r"carr(?:y|ies|ied|ying)\s+out",
    r"conduct(?:s|ed|ing)?",
    r"stag(?:e|es|ed|ing)",
    r"mount(?:s|ed|ing)?",
    r"detonat(?:e|es|ed|ing)",
    r"perpetrat(?:e|es|ed|ing)",
    r"orchestrat(?:e|es|ed|ing)",
    r"mastermind(?:s|ed|ing)?",
    r"set(?:s|ting)?\s+off",
    r"bl(?:ow|ows|ew|own|owing)\s+(?:\w+\s+)?up",
    # "drove an explosives-laden truck into the gate", "rammed a car bomb into the post"
    r"(?:dr(?:ove|ives?|iving)|ram(?:s|med|ming)?)\s+(?:an?|the|two|their|its)\s+"
    r"(?:[\w\-]+\s+){0,3}?(?:trucks?|cars?|vehicles?|lorr(?:y|ies)|motorcycles?|tankers?)",
    r"beg[ai]n(?:s)?\s+(?:an?\s+|the\s+)?(?:[\w\-]+\s+){0,2}?(?:assault|attack|offensive|raid)",
)
VERB = re.compile(
    rf"(?<![\w\-])(?:(?P<transitive>{TRANSITIVE})|(?P<agent>{AGENT_ONLY}))(?![\w\-])",
    re.IGNORECASE,
)
ATTACK_WORD = re.compile(rf"\b(?:{TRANSITIVE}|{AGENT_ONLY}|assaults?|offensives?)\b", re.I)
PARTICIPLE = re.compile(
    r"(?:ed|en|shot|hurt|burnt|overrun|out|to|on|at|struck|stolen|up|off)$", re.IGNORECASE
)
AUX_BEFORE = re.compile(
    r"\b(?:is|are|was|were|been|being|be|gets?|got)\s+(?:\w+ly\s+)?$", re.IGNORECASE
)
BY_AFTER = re.compile(r"\s+by\s+", re.IGNORECASE)
INTENT_BEFORE = re.compile(
    r"\b(?:intend(?:s|ed)?|plan(?:s|ned)?|threaten(?:s|ed)?|vow(?:s|ed)?|aim(?:s|ed)?"
    r"|want(?:s|ed)?|prepar(?:e|es|ed|ing)|plott?(?:s|ed|ing)?)\s+(?:to\s+(?:have\s+)?)?"
    r"(?:(?:an?|the)\s+)?(?:\w+\s+)?$",
    re.IGNORECASE,
)
NOT_AGENT_BEFORE = re.compile(r"\b(?:those|similar\s+to|like)\s+(?:\w+\s+)?$", re.IGNORECASE)
NOUN_ON = re.compile(
    r"\b(?:attacks?|ambush(?:es)?|assaults?|raids?|strikes?|offensives?|operations?|bombings?"
    r"|campaigns?)\s+(?:on|against|targeting)\s",
    re.IGNORECASE,
)
NOUN_OF = re.compile(
    r"\b(?:kidnappings?|abductions?|murders?|killings?|assassinations?|executions?|capture"
    r"|deaths?)\s+of\s",
    re.IGNORECASE,
)
NOUN_AFTER = re.compile(
    r"\s+(?:suicide\s+|mortar\s+|rocket\s+|drone\s+)?(?:attacks?|ambush(?:es)?|bombings?|raids?"
    r"|assaults?|offensive)\b",
    re.IGNORECASE,
)
ATTACK_PARTICIPLE = re.compile(rf",\s+(?:(?:{TRANSITIVE}|{AGENT_ONLY}))$", re.IGNORECASE)

CLAIM = re.compile(
    r"\b(?:claim(?:s|ed|ing)?\s+(?:full\s+)?(?:responsibility|credit)"
    r"|claim(?:s|ed)?\s+(?:that\s+)?(?:it|they|the\s+group)\s+(?:had\s+|has\s+|have\s+)?"
    rf"(?:was\s+behind|were\s+behind|{TRANSITIVE}|{AGENT_ONLY})\b"
    rf"|claim(?:s|ed)?\s+to\s+(?:have\s+)?(?:{TRANSITIVE}|{AGENT_ONLY}|carry\s+out)\b"
    r"|(?:takes?|took|taken|taking)\s+credit"
    # "X said the attack answered / was revenge for ...": the group gives its motive
    r"|(?:said|says|stated|announced)\s+(?:that\s+)?(?:the|its|this)\s+(?:attack|bombing"
    r"|assault|operation|raid|siege)\s+(?:was\s+)?(?:answered|avenged|(?:an?\s+|in\s+)?"
    r"(?:answer|response|retaliation|revenge|reprisal)\b))",
    re.IGNORECASE,
)
CLAIMED_BY = re.compile(r"\bclaimed\s+by\s", re.IGNORECASE)
# A key-value incident record's field naming who did it ("Perpetrator: Suspected rebels",
# "Actor: Ministry of Defence"): the field line is a sentence of its own.
PERPETRATOR_FIELD = re.compile(
    r"^\s*(?:perpetrators?|actors?|attributed\s+to|responsible|alleged\s+perpetrators?"
    r"|suspected\s+perpetrators?|attackers?|assailants?)\s*:\s",
    re.IGNORECASE,
)
RESPONSIBLE = re.compile(
    r"\b(?:is|was|are|were)\s+(?:\w+ly\s+)?"
    # "X was believed to be responsible", "X is thought to have been behind it"
    r"(?:(?:believed|thought|suspected|presumed|said|understood)\s+to\s+(?:be|have\s+been)\s+)?"
    r"(?:responsible|behind"
    # "Boko Haram was suspected.": the sentence ends with the hedge
    r"|suspected(?=\s*(?:$|[.;]))"
    # "involved" only in an attack: "suspect AQIM and AMB are involved." (not "in efforts")
    r"|involved(?=\s*(?:$|[.;,]|in\s+(?:the|this|these|an?)\s+(?:\w+\s+)?(?:attacks?|ambush"
    r"|bombings?|kidnappings?|killings?|assaults?|raids?)\b))"
    r"|the\s+(?:\w+\s+)?(?:perpetrators?|culprits?)\b)",
    re.IGNORECASE,
)
ATTRIBUTED = re.compile(
    r"\battribut(?:e|es|ed|ing)\s+(?:(?:the|this|these|an?)\s+\w+\s+)?to\s", re.IGNORECASE
)
# Event notes' verbless attribution: "Suspected Boko Haram." "Attributed to JAS." is ATTRIBUTED.
SUSPECTED_ALONE = re.compile(
    r"^\W*(?:suspected|presumed|alleged|likely|probably|possibly)\s+(?:to\s+be\s+)?", re.IGNORECASE
)
BLAME = re.compile(r"\bblam(?:e|es|ed|ing)\s", re.IGNORECASE)
FOR = re.compile(r"\s+for\b", re.IGNORECASE)
ACCUSE = re.compile(r"\baccus(?:e|es|ed|ing)\s", re.IGNORECASE)
OF_SOON = re.compile(r"^(?:\s+[\w’'\-]+){0,5}?\s+of\b", re.IGNORECASE)
CONJUNCTION = re.compile(
    r"\b(?:in\s+conjunction\s+with|together\s+with|jointly\s+with|in\s+cooperation\s+with"
    r"|with\s+the\s+help\s+of|carried\s+out\s+with)\s",
    re.IGNORECASE,
)
LINKED = re.compile(
    r"\b(?:attackers|assailants|perpetrators|gunmen|militants|insurgents|fighters)\s+"
    r"(?:(?:were|was|are|is)\s+)?(?:\w+ly\s+)?(?:linked|affiliated|tied|connected)\s+"
    r"(?:to|with)\s",
    re.IGNORECASE,
)
# "gunmen believed to be <group>": the attackers identified with a hedge inside the phrase.
IDENTIFIED = re.compile(
    r"\b(?:attackers|assailants|perpetrators|gunmen|militants|insurgents|fighters|raiders"
    r"|kidnappers|men)\s+(?:(?:who|that)\s+(?:were|are)\s+)?(?:widely\s+)?"
    r"(?:believed|suspected|thought|presumed|said)\s+to\s+(?:be|have\s+been)\s+"
    r"(?:(?:members|fighters|militants)\s+(?:of|from)\s+)?",
    re.IGNORECASE,
)
HEDGE = re.compile(
    r"\b(?:suspect\w*|alleged\w*|believ\w*|presum\w*|reportedly|likely|probably|possibly"
    r"|apparently|attribut\w*|blam\w*|accus\w*|thought\s+to|may\s+have|might\s+have"
    r"|described\s+(?:by\s+[^,.;]{1,40}?\s+)?as)\b",
    re.IGNORECASE,
)
CLAIM_WORD = re.compile(r"\bclaim\w*", re.IGNORECASE)
STRONG_HEDGE = re.compile(r"\b(?:suspect\w*|believ\w*|alleged\w*)", re.IGNORECASE)
POSSESSIVE_AFTER = re.compile(r"['’]s\b")

# Gap vocabulary. A subject is "[hedge] X [militants|insurgents ...] [reportedly] <verb>".
HEAD_NOUNS = word_set(
    "militants militant insurgents insurgent fighters fighter gunmen gunman members member"
    " militia militias militiamen forces force troops troop soldiers soldier jihadists"
    " jihadist extremists extremist terrorists terrorist rebels rebel separatists assailants"
    " attackers bombers bomber suicide units unit cell cells operatives men elements"
    " commandos helicopters aircraft drones jets ground air special group groups affiliate"
    " affiliates army military personnel police officials spokesman insurgent mercenaries"
    " contingent contingents foreign allied islamist islamists armed heavily peacekeepers"
    " peacekeeper civilians media outlet outlets agency inmates prisoners detainees"
)
SUBJECT_WORDS = HEAD_NOUNS | word_set(
    "linked affiliated backed aligned based loyal and reportedly allegedly also later then"
    " again jointly simultaneously successfully subsequently immediately first briefly"
    " presumably likely have has had will would reportedly apparently already still now"
    " often repeatedly meanwhile formally officially allegedly"
)
PASSIVE_SUBJECT_WORDS = SUBJECT_WORDS | word_set(
    ", who which that all both several"
    # what of a force is attacked: "an army convoy was ambushed", "a MINUSMA base was shelled"
    " convoy convoys patrol patrols post posts base bases camp camps position positions escort"
    " column columns checkpoint checkpoints station stations"
)
AGENT_WORDS = word_set(
    "the a an suspected alleged presumed jihadist jihadists militants members of fighters"
    " elements local group groups affiliated linked with to faction cell unit"
)
# Words that end a victim noun phrase: prepositions of place and time, clause words, verbs.
OBJECT_STOP = word_set(
    "in at near on by with without outside inside between into onto toward towards for during"
    " after before while when where whereas which who whom whose that as because since until"
    " but is are was were be been has have had will would could can may might said says say"
    " claims claim claimed claiming according not no despite under via across through"
    " amid within throughout if so then it they he she we"
)
ROLE_NOUNS = word_set(
    "leader leaders commander commanders emir chief head spokesman spokesperson preacher"
    " official officer founder deputy associate number second militant member members"
    " linked affiliated backed aligned affiliate led based s"
)
COORDINATION = word_set(", and or the a an & ( )")
IN_PLACE = re.compile(
    r"\bin\s+(?:the\s+)?(?:(?:north|south|east|west)(?:-?(?:east|west))?ern\s+|central\s+)?"
    r"[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*)*(?:\s+(?:region|district|area|town|village|city"
    r"|cercle))?"
)
TITLE = re.compile(r"\b(?:Dr|Mr|Mrs|Ms|Col|Gen|Lt|Capt)\.")
QUANTITY = re.compile(
    r"\b(?:at\s+least|at\s+most|more\s+than|less\s+than|fewer\s+than|up\s+to|as\s+many\s+as)\b",
    re.IGNORECASE,
)
APPOSITIVE = re.compile(
    r",\s*(?:(?P<co>in\s+coordinat\w+\s+with|alongside|together\s+with|along\s+with"
    r"|accompanied\s+by|joined\s+by|jointly\s+with)|a|an|the|which|who|whose|its|one|some|many|most|all"
    r"|both|several|including|among|each|mostly|often|mainly"
    # a participle phrase: "the Council, meeting in Addis Ababa, suspended ..."
    r"|(?:meeting|speaking|acting|citing|travelling|traveling|responding|reacting|sitting)"
    r")\b[^,;:]*,"
)
PAREN = re.compile(r"\([^()]*\)")
TOKEN = re.compile(r"\w[\w’'\-.]*|[^\w\s]")
PRE_SUBJECT_BLOCK = re.compile(
    r"\b(?:on|against|of|to|at|by|for|with|between|targeting|target|targets|including|from"
    r"|into|towards?|near|under|among|in(?!\s+(?:the|a|an)\s)|over|and\s+kill\w*)\s+"
    r"(?:(?:the|a|an)\s+)?$",
    re.IGNORECASE,
)
HEAD_OF = re.compile(
    r"\b(?:[\w’'\-]+)\s+(?:from|of|belonging\s+to|with\s+links\s+to|linked\s+to|affiliated\s+with"
    r"|loyal\s+to|associated\s+with|tied\s+to)\s+(?:(?:the|a|an)\s+)?$",
    re.IGNORECASE,
)
SUBJECT_CONNECTOR = re.compile(
    r"^\s+(?:deployed\s+under|under|of|from|belonging\s+to|in\s+coordination\s+with|alongside)"
    r"\s+(?:the\s+)?$",
    re.IGNORECASE,
)
MODIFIER_GAP = re.compile(
    r"^\s*-?\s*(?:linked|affiliated|backed|aligned|allied|affiliate|led|based)\b", re.IGNORECASE
)
SENTENCE_SUBJECT_PREFIX = word_set(
    "the a an suspected alleged heavily armed unidentified two three four several more than"
    " dozens of hundreds some many local islamist jihadist tuareg separatist"
)


# --- words that belong to a mention (see eventline.gold.mentions) ---------------------------

# "Boko Haram fighters", "JNIM-affiliated militants": a trigger right after a named group.
ABSORB_BEFORE = re.compile(
    r"\s*\)?\s+|\s*-?\s*(?:linked|affiliated|backed|aligned|allied|affiliate|led|based|loyal)\s+",
    re.IGNORECASE,
)
# "militants from the CMA", "fighters loyal to X": a trigger right before a named group.
ABSORB_AFTER = re.compile(
    r"\s+(?:of|from|belonging\s+to|linked\s+to|affiliated\s+(?:with|to)|loyal\s+to"
    r"|associated\s+with|allied\s+(?:to|with)|with\s+links\s+to|tied\s+to)\s+(?:the\s+)?",
    re.IGNORECASE,
)
# "gunmen described by officials as Boko Haram", "clan militias known as Macawisley".
IDENTIFIED_AS = re.compile(
    r"\s+(?:(?:widely|locally|commonly|also)\s+)?(?:described|identified|known|presented"
    r"|named)(?:\s+by\s+[^,.;()]{1,40}?)?\s+as\s+(?:the\s+)?"
    r"|\s+(?:believed|thought|suspected|said)\s+to\s+(?:be|belong\s+to)\s+"
    r"(?:members\s+of\s+)?(?:the\s+)?",
    re.IGNORECASE,
)
NAME_SEPARATOR = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|&\s*)", re.IGNORECASE)
MILITIA_WORDS = re.compile(r"\bmili(?:tia|tias|tiaman|tiamen|ciens?)\b", re.IGNORECASE)
# Words of a person's name that are not a short name of that person (folded).
NAME_PARTICLES = word_set(
    "al el ag ould bin ibn abu abou ben bint de du la le van von der wa wal ali sheikh sheik"
    " shaykh mohamed mohammed muhammad mohammad ahmed ahmad abdel abdul abdallah"
    " idriss mahamat hassan hussein omar umar ibrahim moussa amadou"
)


# "al-Shabaab's deadliest attack": the possessor is the perpetrator (not a counter-attack).
POSSESSIVE_ATTACK = re.compile(
    r"['’]s\s+(?:(?:\w+est|latest|first|last|second|third|deadly|major|recent|suicide"
    r"|coordinated|twin|bloody|attempted|failed|failed|new|dawn|night|latest)\s+){0,2}"
    r"(?:attacks?|assaults?|bombings?|raids?|ambush(?:es)?|offensive|massacre)\b",
    re.IGNORECASE,
)
# "killed in an attack by unidentified armed men", "created by a vote of the National Assembly".
NOUN_BY = re.compile(
    r"\b(?:attacks?|assaults?|raids?|ambush(?:es)?|bombings?|strikes?|offensive|killings?)"
    r"\s+(?:\w+\s+)?by\s+"
    r"|\bby\s+(?:a\s+|the\s+)?(?:vote|decision|order|decree|ruling)s?\s+of\s+(?:the\s+)?"
    r"|\bat\s+the\s+hands\s+of\s+",
    re.IGNORECASE,
)
# "struck an improvised explosive device": the subject is the victim.
EXPLOSIVE_OBJECT = re.compile(
    r"\s+(?:an?\s+|another\s+|a\s+second\s+|a\s+third\s+)?(?:\w+\s+){0,2}?(?:mines?|landmines?"
    r"|IEDs?|devices?|explosives?|bombs?)\b",
    re.IGNORECASE,
)
# Claims of an attack named as a noun: "Al-Shabaab claims the bombing", "has claimed Saturday's
# attack", "claimed its fighters had burned", "which the group has claimed."
CLAIM_NOUN = re.compile(
    r"\bclaim(?:s|ed|ing)?\s+(?:(?:the|this|these|those|its|both|last|\w+['’]s)\s+)?"
    r"(?:(?!that\b)[\w\-]+\s+){0,2}?(?:attacks?|bombings?|assaults?|raids?|ambush(?:es)?"
    r"|killings?|kidnappings?|abductions?|operations?|strikes?|explosions?|blasts?|massacres?)\b"
    r"|\bclaim(?:s|ed)?\s+(?:that\s+)?(?:its|their)\s+(?:fighters|militants|members|men"
    r"|soldiers|mujahideen)\b"
    r"|\b(?:has|have|had)\s+(?:also\s+)?claimed\b(?=\s*(?:[.,;:)]|$))",
    re.IGNORECASE,
)
APOLOGY = re.compile(
    r"\b(?:apologi[sz](?:e|es|ed|ing)|admit(?:s|ted|ting)\s+(?:responsibility\s+)?)\s+for\s",
    re.IGNORECASE,
)
# Words that refer back to an actor named before: "he", "the Council", "the company".
REFERRING = re.compile(
    r"(?:^|[\s,;(])(?P<ref>(?:he|she|it|they|I|we)|[Tt]he\s+(?P<head>[A-Z][a-z]+|company"
    r"|president|prime\s+minister|mission|council|committee|junta|government))"
    r"(?:\s+(?:had|has|have|was|were|is|are|will|would|also|later|then|\w+ly))*\s*$"
)
REFERRING_TYPES = {
    "company": frozenset({"other"}),
    "mission": frozenset({"peacekeeping mission", "multinational force"}),
    "junta": frozenset({"government"}),
    "government": frozenset({"government"}),
}
# A clause starts after these (clause_subject): "... were killed when gunmen attacked".
SUBORDINATOR = re.compile(
    r"(?:,\s*but|,\s*yet)\s+|\b(?:when|while|because|whereas|although|though|if|once|whenever"
    r"|(?:after|before|since|until)(?!\s+(?:\d|the\s|a\s|an\s|several|hours|days|weeks|months"
    r"|years|January|February|March|April|May|June|July|August|September|October|November"
    r"|December)))\s+",
    re.IGNORECASE,
)
CLAUSE_OPENERS = word_set(
    "about around nearly almost over between and up to at least most than some a an the"
    " several dozen dozens hundreds hundred thousands of other another separate second third"
    " new large small group unknown unidentified masked motorcycle-riding"
)
# Phrases of time between a subject and its verb ("Lawmakers on Tuesday extended").
TIME_PHRASE = re.compile(
    r"\b(?:on|late\s+on|early\s+on)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday"
    r"|Sunday)(?:\s+(?:morning|afternoon|evening|night))?\b|\b(?:last|this|that)\s+(?:week"
    r"|month|year|night)\b|\bon\s+\d{1,2}\s+[A-Z][a-z]+\b|\bon\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}\b"
)
# A wire dateline before the first sentence: "LOMÉ, Nov. 10, 2021 (agency) - ".
DATELINE = re.compile(r"^\s*[A-ZÀ-Þ][A-ZÀ-Þ'’ .\-]{2,},\s*[^\n]{1,60}?\s[-–—]\s+")
# "left a few soldiers wounded": the soldiers are the victims.
LEFT_VICTIMS = re.compile(r"\b(?:left|leaving|leaves|leave)\s+(?:[\w,]+\s+){0,3}$", re.IGNORECASE)
# "special forces led by Lieutenant Colonel Doumbouya": the person leads the subject.
LED_BY = re.compile(
    r"^\s+(?:led|headed|commanded|directed)\s+by\s+(?:(?:his|her|its|their)\s+\w+,?\s+)?"
    r"(?:[A-Z][\w.]*\s+){0,3}$",
    re.IGNORECASE,
)
# "the Prime Minister of Côte d'Ivoire", "the Minister for Europe and Foreign Affairs of
# France": an office of a country's government, right before the country's name.
OFFICE_OF = re.compile(
    r"\b(?:(?:Prime\s+)?Minister(?:\s+(?:for|of)\s+[A-Z][\w’'\-]*(?:\s+(?:and|of|the|for"
    r"|[A-Z][\w’'\-]*)){0,6})?|(?:[Ff]oreign|[Dd]efen[cs]e)\s+[Mm]inisters?|President|Vice-President"
    r"|Ministry(?:\s+of\s+[A-Z][\w’'\-]*(?:\s+(?:and|of|the|[A-Z][\w’'\-]*)){0,5})?|Government"
    r"|[Hh]eads?\s+of\s+State(?:\s+and\s+(?:of\s+)?Government)?|Presidents|Governments"
    r"|[Ll]eaders|Embassy|Ambassador|Cabinet|Presidency)\s+of\s+(?:the\s+)?$"
)
# "23 soldiers killed;" (event notes leave out the auxiliary): the soldiers are victims.
ELLIPTIC_PASSIVE = re.compile(
    r"\s*(?:[;,.)(]|$|\s+(?:and|or)\s+\d|\s+(?:in|at(?!\s+least)|on|during|when|while|near)\b)",
    re.IGNORECASE,
)
COUNTED_BEFORE = re.compile(
    r"(?:\b\d+(?:,\d{3})*(?!,)|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|several|many|dozens|scores|hundreds))\s+(?:[\w\-]+\s+){0,2}$",
    re.IGNORECASE,
)
# Verbs of saying: their subject may go on to act ("Deby said ... and asked Niger ...").
REPORTING_VERB = re.compile(
    r"\b(?:said|says|announced|stated|told|added|declared|explained)\b", re.IGNORECASE
)
# A country named as a place: "in northern Mali", "across neighbouring Niger".
PLACE_BEFORE = re.compile(
    r"\b(?:in|from|to|into|across|near|of|throughout|toward|towards|at|via|through|outside"
    r"|inside|around|within|between|over|on|against|under|for|with)\s+(?:the\s+)?(?:(?:north"
    r"|south|east|west|central|northern|southern|eastern|western|neighbou?ring|north-?eastern"
    r"|north-?western|south-?eastern|south-?western|northeast|northwest|southeast|southwest"
    r"|mainland|rural)\s+)?$",
    re.IGNORECASE,
)
# A weak word used as an adjective ("extremist attacks", "jihadist groups"): no actor alone.
ADJECTIVAL = re.compile(
    r"\s+(?:attacks?|groups?|violence|insurgency|insurgencies|movements?|activit(?:y|ies)"
    r"|threats?|organi[sz]ations?|networks?|cells?|propaganda|ideology|presence|expansion"
    r"|recruitment|recruits|factions?|elements|strongholds?|bases?|hideouts?|camps?)\b",
    re.IGNORECASE,
)
# A verb inside a non-restrictive relative clause: "..., which reportedly killed hundreds".
RELATIVE_BEFORE = re.compile(r",\s*(?:which|who|whom|whose|that)\b[^,;]*$", re.IGNORECASE)
# A noun, not a verb: "the fight against militants", "their fighting".
DETERMINED = re.compile(
    r"\b(?:the|a|an|its|their|his|her|this|that|[\w\-]+['’]s)\s+(?:[\w\-]+\s+)?$", re.IGNORECASE
)
FOREIGN = re.compile(r"\bforeign\s+$", re.IGNORECASE)
# Who the attackers looked like, not who they were: "men dressed as traditional hunters".
DISGUISED_AS = re.compile(
    r"\b(?:dressed|disguised|posing|masquerading)\s+as\s+(?:the\s+|an?\s+)?$"
    # "supporters of the CNSP ransacked": a crowd that backs an actor is not that actor.
    r"|\b(?:supporters|sympathi[sz]ers|partisans)\s+of\s+(?:the\s+)?$"
    r"|\b(?:wearing|in)\s+(?:the\s+)?(?:uniforms?\s+of\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)

# Words (lower case) one of which every match of a rarely matching pattern holds: a sentence
# with none of them is not scanned with it (``roles.Sentence.finditer``).
NEEDED_WORDS: dict[re.Pattern[str], tuple[str, ...]] = {
    CLAIMED_BY: ("claimed",),
    NOUN_OF: (
        "kidnapping",
        "abduction",
        "murder",
        "killing",
        "assassination",
        "execution",
        "capture",
        "death",
    ),
    APOLOGY: ("apologi", "admit"),
    CONJUNCTION: ("conjunction", "together", "jointly", "cooperation", "help", "carried"),
    LINKED: ("linked", "affiliated", "tied", "connected"),
    IDENTIFIED: ("believed", "suspected", "thought", "presumed", "said"),
}
_ALL_NEEDED_WORDS = {**NEEDED_WORDS, **ACTING_NEEDED_WORDS}
# Letters that IGNORECASE matches to an ASCII letter and ``str.lower`` does not fold to it.
_UNFOLDED = re.compile("[\u0130\u0131\u017f]")


def lacks_words(text: str, lowered: str, words: tuple[str, ...]) -> bool:
    """Whether ``text`` (``lowered`` is ``text.lower()``) holds none of ``words``, as an
    IGNORECASE pattern would read it."""
    return _UNFOLDED.search(text) is None and not any(w in lowered for w in words)


def scan(pattern: re.Pattern[str], text: str, lowered: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``; nothing when ``text`` holds none of the words that every
    match of the pattern needs (``NEEDED_WORDS``, ``ACTING_NEEDED_WORDS``)."""
    words = _ALL_NEEDED_WORDS.get(pattern)
    if words is not None and lacks_words(text, lowered, words):
        return iter(())
    return pattern.finditer(text)
