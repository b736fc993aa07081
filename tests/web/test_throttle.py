"""The log-in throttle counts failures in a sliding window."""

from __future__ import annotations

from repwatch.web.throttle import LoginThrottle


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_key_is_blocked_after_the_allowed_failures_until_the_window_passes() -> None:
    clock = Clock()
    throttle = LoginThrottle(max_failures=3, window_seconds=60, clock=clock)
    for _ in range(3):
        assert throttle.blocked_for("name:ana") == 0
        throttle.failed("name:ana")
    assert throttle.blocked_for("name:ana") == 60
    assert throttle.blocked_for("name:lee") == 0
    clock.now += 61
    assert throttle.blocked_for("name:ana") == 0


def test_success_clears_the_failures_of_a_key() -> None:
    throttle = LoginThrottle(max_failures=2, window_seconds=60, clock=Clock())
    throttle.failed("name:ana")
    throttle.succeeded("name:ana")
    throttle.failed("name:ana")
    assert throttle.blocked_for("name:ana") == 0
