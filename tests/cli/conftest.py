"""Fixtures of the command-line tests: the emulator, an engine on a movable clock, language packs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from core.store import Store
from scheduler.engine import Engine
from tests.support.argos_packs import build_pack
from tests.support.fake_clock import FakeClock
from tests.support.scheduling import EngineMaker

#: The packs the commands install: a pivot (vi -> en -> ja) and the names ``lang list`` shows.
_PACKS = {("vi", "en"): ("Vietnamese", "English"), ("en", "ja"): ("English", "Japanese")}


@pytest.fixture
def make_engine(store: Store, clock: FakeClock) -> Iterator[EngineMaker]:
    """Engines on the test's store and clock, with the installed connectors; stopped after the test."""
    made: list[Engine] = []

    def make(**overrides: object) -> Engine:
        engine = Engine(store, clock=clock, **overrides)  # type: ignore[arg-type]
        made.append(engine)
        return engine

    yield make
    for engine in made:
        engine.stop()


@pytest.fixture(scope="session")
def pack_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """``.argosmodel`` files keyed ``"vi-en"`` and ``"en-ja"``, built once per session."""
    out = tmp_path_factory.mktemp("packs")
    return {f"{a}-{b}": build_pack(out, a, b, from_name=names[0], to_name=names[1]) for (a, b), names in _PACKS.items()}
