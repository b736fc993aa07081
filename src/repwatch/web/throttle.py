"""Slowing down password guessing: too many failed log-ins lock a name for a while.

Kept in memory: a restart forgets it, which is acceptable for a check whose job
is to make guessing slow, not to keep a record.
"""

from __future__ import annotations

import time
from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class LoginThrottle:
    max_failures: int = 5
    window_seconds: float = 15 * 60
    clock: Callable[[], float] = time.monotonic
    _failures: dict[str, deque[float]] = field(default_factory=lambda: defaultdict(deque))

    def _recent(self, key: str) -> deque[float]:
        failures = self._failures[key]
        horizon = self.clock() - self.window_seconds
        while failures and failures[0] < horizon:
            failures.popleft()
        return failures

    def blocked_for(self, *keys: str) -> float:
        """Seconds until any of ``keys`` may try again; 0 when all may."""
        wait = 0.0
        for key in keys:
            failures = self._recent(key)
            if len(failures) >= self.max_failures:
                wait = max(wait, failures[0] + self.window_seconds - self.clock())
        return wait

    def failed(self, *keys: str) -> None:
        now = self.clock()
        for key in keys:
            self._recent(key).append(now)

    def succeeded(self, *keys: str) -> None:
        for key in keys:
            self._failures.pop(key, None)
