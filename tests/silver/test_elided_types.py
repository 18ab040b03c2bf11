"""A clause split off with its verb elided ("and from Menaka three days later") is typed
like the clause it was split from, and only when its own words give no type."""

from __future__ import annotations

from tests.silver.drafts import draft_report

# Our own sentences: a withdrawal told for three towns, one for two towns whose second
# clause names a bomb of its own, and two pairs of predicates that each have their verb.
REPORT = (
    "2024\n\nThe peacekeepers withdrew from Gao on 4 March and from Menaka on 7 March and"
    " from Ansongo on 9 March. The battalion pulled out of Mopti on 9 June and out of Sevare"
    " two days later, where a roadside bomb struck its last convoy. Rebels took Kidal on"
    " 3 May and killed two soldiers in Tessalit the next day. Soldiers arrested two traders"
    " in Gao on 5 May and abducted a chief in Menaka two days later.\n"
)


def _types() -> list[tuple[str, str | None, str | None, str | None]]:
    draft, _ = draft_report("doc_00000000000000ee", REPORT)
    return [
        (r["text"].split(" on ")[0].split(" two ")[0], r["event_type"], r["sub_event_type"],
         r["event_rule"])
        for r in draft.records
    ]  # fmt: skip


def test_an_elided_clause_takes_the_type_of_the_clause_it_was_split_from() -> None:
    change = ("Strategic developments", "Change to group/activity")
    rows = {text: rest for text, *rest in _types()}
    assert rows["The peacekeepers withdrew from Gao"] == [*change, "group-change"]
    # Each clause of the chain inherits once: the rule id says so, without repeating it.
    assert rows["and from Menaka"] == [*change, "group-change+elided"]
    assert rows["and from Ansongo"] == [*change, "group-change+elided"]
    assert rows["The battalion pulled out of Mopti"] == [*change, "group-change"]


def test_a_clause_whose_own_words_give_a_type_keeps_it() -> None:
    rows = {text: rest for text, *rest in _types()}
    # Elided verb, but a bomb of its own.
    assert rows["and out of Sevare"] == [
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED",
        "bomb",
    ]
    # Second predicates with verbs of their own are typed by them.
    assert rows["Rebels took Kidal"][:2] == ["Battles", "Non-state actor overtakes territory"]
    assert rows["and killed"] == ["Battles", "Armed clash", "kill-forces"]
    assert rows["Soldiers arrested"][:2] == ["Strategic developments", "Arrests"]
    assert rows["and abducted a chief in Menaka"] == [
        "Violence against civilians",
        "Abduction/forced disappearance",
        "abduction",
    ]
