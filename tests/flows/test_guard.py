"""The publish guard: published gold is never silently replaced by a smaller one."""

from __future__ import annotations

from flows.guard import check_publish, gold_documents

MALI = {"doc_id": "doc_a", "path": "/in/mali.txt", "duplicate_paths": []}
CRT = {"doc_id": "doc_b", "path": "/in/crt.txt", "duplicate_paths": ["/in/crt_copy.txt"]}


def _published(mali_events: int = 300, crt_events: int = 19) -> dict:
    events = [["doc_a"]] * mali_events + [["doc_b"]] * crt_events
    return {
        "documents": gold_documents([MALI, CRT], events),
        "summary": {"gold_events": mali_events + crt_events},
    }


def test_gold_documents_count_events_per_document_and_list_every_path() -> None:
    described = gold_documents([MALI, CRT], [["doc_a"], ["doc_a", "doc_b"]])
    assert described == [
        {"doc_id": "doc_a", "paths": ["/in/mali.txt"], "events": 2},
        {"doc_id": "doc_b", "paths": ["/in/crt.txt", "/in/crt_copy.txt"], "events": 1},
    ]


def test_nothing_read_is_never_published() -> None:
    decision = check_publish(None, [], 0, allow_removals=True)
    assert not decision.allowed and "no document was read" in (decision.reason or "")


def test_first_publish_and_same_documents_pass() -> None:
    assert check_publish(None, [MALI], 10).allowed
    assert check_publish(_published(), [MALI, CRT], 319).allowed


def test_a_forgotten_document_blocks_and_is_named() -> None:
    decision = check_publish(_published(), [MALI], 300)
    assert not decision.allowed
    assert decision.events_lost == 19
    assert [d["doc_id"] for d in decision.dropped] == ["doc_b"]
    assert "/in/crt.txt (19 events)" in (decision.reason or "")


def test_a_copy_under_another_path_keeps_the_document() -> None:
    copy_only = {**CRT, "path": "/in/crt_copy.txt", "duplicate_paths": []}
    assert check_publish(_published(), [MALI, copy_only], 319).allowed


def test_an_edited_report_is_not_a_removal_but_a_large_loss_is() -> None:
    edited = {**MALI, "doc_id": "doc_new"}  # same path, new content
    assert check_publish(_published(), [edited, CRT], 300).allowed  # 19 of 319 lost: 6%
    shrunk = check_publish(_published(), [edited, CRT], 200)
    assert not shrunk.allowed and "from 319 to 200 events" in (shrunk.reason or "")


def test_removals_asked_for_pass_and_allow_removals_lets_everything_through() -> None:
    assert check_publish(_published(), [MALI], 300, removed=["/in"]).allowed
    assert check_publish(_published(), [MALI], 300, removed=["/in/crt.txt"]).allowed is False
    assert check_publish(
        _published(), [MALI], 300, removed=["/in/crt.txt", "/in/crt_copy.txt"]
    ).allowed
    assert check_publish(_published(), [CRT], 19, allow_removals=True).allowed
