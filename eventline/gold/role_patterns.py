"""The vocabulary and patterns of the actor role rules (see :mod:`eventline.gold.roles`).

Verbs, hedges, claims and the words allowed in the gaps between a mention and its verb: what a
reviewer reads to know why a mention got its role.
"""

from __future__ import annotations

import re

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
    r"set(?:s|ting)?\s+fire\s+to",
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
)
VERB = re.compile(
    rf"(?<![\w\-])(?:(?P<transitive>{TRANSITIVE})|(?P<agent>{AGENT_ONLY}))(?![\w\-])",
    re.IGNORECASE,
)
ATTACK_WORD = re.compile(rf"\b(?:{TRANSITIVE}|{AGENT_ONLY}|assaults?|offensives?)\b", re.I)
PARTICIPLE = re.compile(r"(?:ed|en|shot|hurt|burnt|overrun|out|to|on|at)$", re.IGNORECASE)
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
    r"|(?:takes?|took|taken|taking)\s+credit)",
    re.IGNORECASE,
)
CLAIMED_BY = re.compile(r"\bclaimed\s+by\s", re.IGNORECASE)
RESPONSIBLE = re.compile(
    r"\b(?:is|was|are|were)\s+(?:\w+ly\s+)?(?:responsible|behind"
    # "involved" only in an attack: "suspect AQIM and AMB are involved." (not "in efforts")
    r"|involved(?=\s*(?:$|[.;,]|in\s+(?:the|this|these|an?)\s+(?:\w+\s+)?(?:attacks?|ambush"
    r"|bombings?|kidnappings?|killings?|assaults?|raids?)\b))"
    r"|the\s+(?:\w+\s+)?(?:perpetrators?|culprits?)\b)",
    re.IGNORECASE,
)
ATTRIBUTED = re.compile(
    r"\battribut(?:e|es|ed|ing)\s+(?:(?:the|this|these|an?)\s+\w+\s+)?to\s", re.IGNORECASE
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
HEDGE = re.compile(
    r"\b(?:suspect\w*|alleged\w*|believ\w*|presum\w*|reportedly|likely|probably|possibly"
    r"|apparently|attribut\w*|blam\w*|accus\w*|thought\s+to|may\s+have|might\s+have)\b",
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
    " peacekeeper civilians"
)
SUBJECT_WORDS = HEAD_NOUNS | word_set(
    "linked affiliated backed aligned based loyal and reportedly allegedly also later then"
    " again jointly simultaneously successfully subsequently immediately first briefly"
    " presumably likely have has had will would reportedly apparently"
)
PASSIVE_SUBJECT_WORDS = SUBJECT_WORDS | word_set(", who which that all both several")
AGENT_WORDS = word_set(
    "the a an suspected alleged presumed jihadist jihadists militants members of fighters"
    " elements local"
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
    r"|accompanied\s+by|jointly\s+with)|a|an|the|which|who|whose|its|one)\b[^,;:]*,"
)
PAREN = re.compile(r"\([^()]*\)")
TOKEN = re.compile(r"\w[\w’'\-.]*|[^\w\s]")
PRE_SUBJECT_BLOCK = re.compile(
    r"\b(?:on|against|of|to|at|by|for|with|between|targeting|target|targets|including|from"
    r"|into|towards?|near|under|among|in|over|and\s+kill\w*)\s+(?:(?:the|a|an)\s+)?$",
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
