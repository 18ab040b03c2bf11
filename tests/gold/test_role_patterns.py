"""The role patterns' relations that the rules rely on for speed."""

from pathlib import Path

from eventline.gold.role_patterns import ATTACK_WORD, VERB

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
