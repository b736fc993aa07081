"""MentionMemo: values by mention identity, forgotten with the mention."""

from __future__ import annotations

import gc

from repwatch.link.memo import MentionMemo

from .conftest import mention


def test_mention_memo_computes_once_per_mention_and_key() -> None:
    memo: MentionMemo[int] = MentionMemo()
    first, twin = mention("a", count=3), mention("a", count=3)
    calls: list[str] = []

    def compute(label: str) -> int:
        calls.append(label)
        return len(calls)

    assert memo.get(first, "text", lambda: compute("first")) == 1
    assert memo.get(first, "text", lambda: compute("again")) == 1
    assert memo.get(twin, "text", lambda: compute("twin")) == 2  # an equal but other object
    assert memo.get(first, "other text", lambda: compute("new key")) == 3
    assert calls == ["first", "twin", "new key"]


def test_mention_memo_forgets_a_collected_mention() -> None:
    memo: MentionMemo[int] = MentionMemo()
    item = mention("a")
    memo.get(item, None, lambda: 1)
    assert len(memo) == 1

    del item
    gc.collect()

    assert len(memo) == 0
