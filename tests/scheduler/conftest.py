"""Fixtures of the scheduler tests: the emulator over HTTP, engines, a movable clock.

Everything below the engine is real: the store, the X connector (tweepy) and the emulator on
127.0.0.1. Only the engine's clock is a :class:`FakeClock`, moved by the tests. Accounts and
posts on the emulator come from ``tests/support/scheduling.py``.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator

import pytest

from connectors.base import Connector
from core.domain import Account
from core.store import Store
from scheduler.backoff import RetryPolicy
from scheduler.connections import default_factory
from scheduler.engine import Engine, EngineSettings
from scheduler.events import Event, EventBus
from tests.support.fake_clock import FakeClock
from tests.support.scheduling import EngineMaker


@pytest.fixture
def sandbox_seed() -> int:
    """The scheduler tests' fault dice."""
    return 1


@pytest.fixture
def events() -> list[Event]:
    return []


@pytest.fixture
def bus(events: list[Event]) -> EventBus:
    found = EventBus()
    found.subscribe(events.append)
    return found


@pytest.fixture
def make_engine(store: Store, clock: FakeClock, bus: EventBus) -> Iterator[EngineMaker]:
    """Engines on the test's store and clock, with the installed connectors (X on the emulator)."""
    made: list[Engine] = []

    def make(**overrides: object) -> Engine:
        settings = overrides.pop("settings", None) or EngineSettings(retry=RetryPolicy(max_attempts=3))
        factory: Callable[[Account], Connector] = overrides.pop("factory", default_factory)  # type: ignore[assignment]
        engine = Engine(
            overrides.pop("store", store),  # type: ignore[arg-type]
            connector_factory=factory,
            clock=overrides.pop("clock", clock),  # type: ignore[arg-type]
            bus=overrides.pop("bus", bus),  # type: ignore[arg-type]
            settings=settings,  # type: ignore[arg-type]
            rng=random.Random(7),
            **overrides,  # type: ignore[arg-type]
        )
        made.append(engine)
        return engine

    yield make
    for engine in made:
        engine.stop()
