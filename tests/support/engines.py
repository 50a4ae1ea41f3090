"""Translation engines for tests: the real one, watched."""

from __future__ import annotations

from collections.abc import Sequence

from translation.argos import ArgosEngine


class CountingEngine(ArgosEngine):
    """The real Argos engine, recording each batched call (pair and number of segments)."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str, int]] = []

    def translate_batch(self, segments: Sequence[str], from_code: str, to_code: str) -> list[str]:
        self.calls.append((from_code, to_code, len(segments)))
        return super().translate_batch(segments, from_code, to_code)
