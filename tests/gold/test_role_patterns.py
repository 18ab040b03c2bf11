"""The role patterns' relations that the rules rely on for speed."""

from pathlib import Path

from eventline.gold.acting_patterns import ACTING_NEEDED_WORDS, COUP_VERB
from eventline.gold.role_patterns import ATTACK_WORD, NEEDED_WORDS, VERB, lacks_words

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "raw" / "mali_extremism_and_terrorism.txt"


def test_every_attack_verb_is_an_attack_word() -> None:
    """roles._accomplices skips its ATTACK_WORD search when VERB matched in the sentence:
    wherever VERB matches, ATTACK_WORD matches at the same offset."""
    text = SAMPLE.read_text(encoding="utf-8") + (
        " They opened fire on them, fired two rockets at the base, took Tarvana, set off a"
        " bomb, blew the bridge up, booby-trapped roads, set fire to huts and entered Bukavu."
    )
    starts = [m.start() for m in VERB.finditer(text)]
    assert len(starts) > 100
    assert all(ATTACK_WORD.match(text, start) for start in starts)


PHRASES = (
    "It was claimed by JNIM. The killing of two men, the capture of a chief, the deaths of"
    " five. The army apologised for the strike and admitted responsibility for the raid."
    " In conjunction with X, together with Y, jointly with Z, in cooperation with W, with the"
    " help of V, carried out with U. Militants linked to X, fighters were reportedly"
    " affiliated with Y, gunmen tied to Z, attackers connected with W. Gunmen believed to be"
    " X, men suspected to have been members of Y, fighters thought to be Z, attackers"
    " presumed to be W, raiders said to be V. The army overthrew, toppled, deposed, ousted"
    " and removed him; it seized power, took power, staged a coup, led a military coup and"
    " carried out a coup. Troops recaptured, retook, retaken, regained, reclaimed and"
    " liberated towns, drove the militants out and pushed them out. Demonstrations were"
    " held, protests erupted, a rally took place, marches continued, sit-ins spread. Riots"
    " broke out. He was charged, they were indicted, she has been convicted, he was"
    " sentenced, acquitted, was remanded, was placed under house arrest, was released under"
    " judicial supervision, was taken into custody, were arrested, was detained."
)


def test_needed_words_are_in_every_match() -> None:
    """A sentence without any of a pattern's needed words is not scanned with it
    (roles.Sentence.finditer): every match holds one of them, whatever its case."""
    text = SAMPLE.read_text(encoding="utf-8") + PHRASES + PHRASES.upper()
    for pattern, words in {**NEEDED_WORDS, **ACTING_NEEDED_WORDS}.items():
        found = [m.group().lower() for m in pattern.finditer(text)]
        assert found, pattern.pattern[:40]
        assert all(any(w in match for w in words) for match in found), pattern.pattern[:40]


def test_lacks_words_reads_letters_as_ignorecase_does() -> None:
    assert lacks_words("took the town", "took the town", ("power",))
    assert not lacks_words("took Power", "took power", ("power",))
    # IGNORECASE matches a long s to "s"; str.lower does not fold it
    assert COUP_VERB.search("\u017feized power") and not lacks_words(
        "\u017feized power", "\u017feized power", ("seiz",)
    )
