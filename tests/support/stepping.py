"""Moving the fake clock through a stretch of time the way a running worker would see it."""

from __future__ import annotations

from datetime import datetime, timedelta

from connectors.sandbox import Sandbox
from scheduler.engine import Engine
from tests.support.fake_clock import FakeClock
from tests.support.scheduling import texts


def step_through(
    engine: Engine, clock: FakeClock, sandbox: Sandbox, until: datetime, *, longest: timedelta = timedelta(minutes=30)
) -> dict[str, datetime]:
    """Sweep at every wake-up the engine asks for (and at least every ``longest``) until ``until``.

    Returns each text the emulator received with the fake time of the sweep that sent it, so a
    test can check that a post went out at its instant, not merely at some point.
    """
    sent: dict[str, datetime] = {}
    while clock.now < until:
        wake = engine.next_wake()
        target = min(t for t in (wake, clock.now + longest, until) if t is not None)
        clock.set(max(target, clock.now + timedelta(seconds=1)))  # never stand still
        engine.sweep()
        for text in texts(sandbox):
            sent.setdefault(text, clock.now)
    return sent
