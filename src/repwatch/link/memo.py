"""A cache of values computed from a mention, kept while the mention object lives.

Mentions are immutable, so what is computed from one stays true; but hashing a
pydantic model hashes all its fields, which would cost more than most of what is
cached. Entries are keyed by the object's identity instead and dropped when the
object is collected (a weak reference), so the cache neither leaks nor mixes up
two mentions that happen to share an id over time.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Generic, TypeVar

from repwatch.model import Mention

V = TypeVar("V")


class MentionMemo(Generic[V]):
    """Values computed from mentions (and a key, such as the report text), by identity."""

    def __init__(self) -> None:
        self._entries: dict[int, tuple[weakref.ref[Mention], object, V]] = {}

    def get(self, mention: Mention, key: object, compute: Callable[[], V]) -> V:
        """The value for ``mention`` and ``key``, computed on first use."""
        ident = id(mention)
        hit = self._entries.get(ident)
        if hit is not None and hit[0]() is mention and (hit[1] is key or hit[1] == key):
            return hit[2]
        value = compute()
        entries = self._entries

        def forget(_: object, ident: int = ident) -> None:
            entries.pop(ident, None)

        self._entries[ident] = (weakref.ref(mention, forget), key, value)
        return value

    def __len__(self) -> int:
        return len(self._entries)
