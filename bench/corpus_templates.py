"""Wording of the realistic benchmark corpus: sentences written for eventline's benchmark.

Each event kind has several tellings, so that two reports telling the same event word it
differently, as real reports do. Placeholders: ``{actor}`` (a perpetrator), ``{force}`` (a
state force), ``{town}``/``{town2}``, ``{admin1}``, ``{killed}``, ``{injured}``,
``{count}``, ``{militants}``. Names are never written here: they come from the bundled
reference data (``bench/corpus_facts.py``).
"""

from __future__ import annotations

#: Event kinds: (share of events, tellings). A telling may use any placeholder above.
EVENT_KINDS: dict[str, tuple[float, tuple[str, ...]]] = {
    "attack_post": (
        0.20,
        (
            "{actor} fighters attacked a {force} post in {town}, {admin1}, killing {killed}"
            " soldiers and wounding {injured}.",
            "Militants of {actor} stormed an army position at {town} in {admin1} region;"
            " {killed} soldiers were killed and {injured} others injured.",
            "An assault on the military camp of {town} ({admin1}) left {killed} soldiers"
            " dead. {actor} claimed the attack the next day.",
            "Gunmen attacked the gendarmerie station in {town}, killing {killed} gendarmes."
            " Officials blamed {actor}.",
        ),
    ),
    "ied": (
        0.14,
        (
            "A roadside bomb struck a {force} convoy near {town}, in {admin1}, killing"
            " {killed} soldiers.",
            "{killed} soldiers died when their vehicle hit an improvised explosive device"
            " on the road between {town} and {town2}.",
            "An explosive device planted on the {town}-{town2} road killed {killed} people"
            " travelling on a minibus and injured {injured}.",
        ),
    ),
    "suicide_bombing": (
        0.06,
        (
            "A suicide bomber blew himself up at a market in {town}, killing at least"
            " {killed} people and injuring {injured}. {actor} claimed responsibility.",
            "At least {killed} people were killed and {injured} wounded when a suicide"
            " attacker detonated explosives outside a mosque in {town}, {admin1}.",
            "Two suicide bombers struck a crowded bus station in {town}; {killed} people"
            " died. Authorities attributed the blasts to {actor}.",
        ),
    ),
    "massacre": (
        0.14,
        (
            "Suspected {actor} militants raided the village of {town} in {admin1} and"
            " killed {killed} civilians.",
            "Armed men on motorcycles attacked {town}, {admin1}, shooting {killed} villagers"
            " and burning houses and granaries.",
            "{killed} civilians were killed when gunmen attacked worshippers in {town}."
            " Local officials blamed {actor}.",
        ),
    ),
    "kidnapping": (
        0.10,
        (
            "Gunmen believed to belong to {actor} abducted {count} people from {town}, {admin1}.",
            "{count} aid workers were kidnapped on the road near {town}; {actor} was suspected.",
            "Militants seized {count} passengers from a bus travelling to {town}.",
        ),
    ),
    "clash": (
        0.14,
        (
            "{force} troops clashed with {actor} fighters near {town}; the army said"
            " {militants} militants were killed.",
            "Soldiers repelled an attack by {actor} near {town}, {admin1}, killing"
            " {militants} assailants, the defence ministry said.",
            "Heavy fighting between the army and {actor} around {town} left {killed}"
            " soldiers and {militants} militants dead.",
        ),
    ),
    "airstrike": (
        0.08,
        (
            "The air force struck {actor} positions near {town}, killing {militants}"
            " fighters, according to the army.",
            "Air strikes on a {actor} camp in the {admin1} region killed {militants}"
            " militants, the military said.",
        ),
    ),
    "arrests": (
        0.08,
        (
            "Security forces arrested {count} suspected members of {actor} in {town}.",
            "Police in {town} detained {count} people accused of financing {actor}.",
        ),
    ),
    "protest": (
        0.06,
        (
            "Hundreds of residents protested in {town} against insecurity after a series"
            " of attacks in {admin1}.",
            "Traders in {town} closed their shops and marched to the governor's office to"
            " demand protection from attacks.",
        ),
    ),
}

#: Dated context: sentences about decisions and background, not violent events.
CONTEXT_EVENTS = (
    "The government extended the state of emergency in {admin1} for six months.",
    "Parliament adopted a new counterterrorism law that lengthens police custody.",
    "The authorities announced a curfew in {town} and the surrounding districts.",
    "{actor} released a video in which its leader threatened further attacks.",
    "The defence minister visited troops in {town} and promised new equipment.",
    "Donors pledged support for people displaced by the violence in {admin1}.",
)

#: Undated background paragraphs, built sentence by sentence.
BACKGROUND = (
    "{actor} has been active in {admin1} for several years and recruits among young men"
    " who have lost their herds and fields.",
    "Violence has forced many families to leave villages around {town} for the larger"
    " towns, where aid agencies struggle to reach them.",
    "The armed forces have set up new bases along the main roads, but militants still"
    " control much of the countryside between {town} and {town2}.",
    "Local self-defence groups have formed in several districts, and rights groups accuse"
    " some of them of abuses against civilians.",
    "Observers note that the group finances itself through cattle theft, kidnapping for"
    " ransom and taxes levied on traders.",
    "Regional cooperation has grown, with joint patrols along the border and shared"
    " intelligence on the movements of armed groups.",
    "Schools and health centres have closed in large parts of {admin1}, and teachers have"
    " been threatened for teaching in the official language.",
    "Several negotiation attempts with local commanders have failed, and truces agreed in"
    " some villages have not lasted.",
)

#: How a second report states a figure the first one states exactly.
FIGURE_VARIANTS = ("{n}", "at least {n}", "{n}", "some {n}", "{n}")

SOURCES = (
    "Reuters",
    "Associated Press",
    "Agence France-Presse",
    "BBC News",
    "Al Jazeera",
    "Radio France Internationale",
    "local media",
    "the defence ministry",
)

NEWS_DESKS = ("wire", "dispatch", "newsroom")
