"""The interface every translation engine implements.

Argos Translate is the built-in engine; another one (a self-hosted LibreTranslate, say) plugs in
by implementing :class:`Engine`. The pipeline in :mod:`translation.service` only ever asks an
engine for the pairs it translates directly, a version string for the translation memory, and
a batch of plain-prose segments translated at once. An engine may also offer ``snapshot()``,
a context manager inside which those answers come from one consistent view of its models
(see :func:`snapshot`).
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from typing import Protocol, runtime_checkable


@runtime_checkable
class Engine(Protocol):
    """A machine-translation engine that translates between pairs of languages it knows."""

    #: Short, stable name stored with every remembered translation (``argos``).
    name: str

    def pairs(self) -> set[tuple[str, str]]:
        """The ``(from, to)`` pairs the engine translates directly (no pivot)."""
        ...

    def model_version(self, from_code: str, to_code: str) -> str:
        """A string that changes whenever the model for a direct pair changes."""
        ...

    def translate_batch(self, segments: Sequence[str], from_code: str, to_code: str) -> list[str]:
        """Translate every segment of plain prose from ``from_code`` to ``to_code`` in one call."""
        ...


def snapshot(engine: Engine) -> contextlib.AbstractContextManager[object]:
    """The engine's ``snapshot()`` when it has one (one view of its packs for a whole translation)."""
    method = getattr(engine, "snapshot", None)
    return method() if callable(method) else contextlib.nullcontext()


#: Every engine, the built-in one included, registers under this entry-point group
#: (``name = "module:factory"`` in the distribution's metadata).
ENTRY_POINT_GROUP = "communique.engines"
DEFAULT_ENGINE = "argos"


def engine_names() -> list[str]:
    """The engines registered under ``communique.engines``, sorted."""
    from importlib.metadata import entry_points

    return sorted({ep.name for ep in entry_points(group=ENTRY_POINT_GROUP)})


def load_engine(name: str = DEFAULT_ENGINE) -> Engine:
    """The engine registered as ``name`` under ``communique.engines`` (Argos by default)."""
    from importlib.metadata import entry_points

    from core.errors import UserError
    from core.words import Msg

    for entry in entry_points(group=ENTRY_POINT_GROUP, name=name):
        engine = entry.load()()
        if not isinstance(engine, Engine):
            raise UserError(Msg("The translation engine {name!r} does not implement the engine interface.", name=name))
        return engine
    if name == DEFAULT_ENGINE:
        raise UserError(
            Msg(
                "The built-in translation engine is not registered: reinstall Communiqué so that its metadata "
                "is complete.",
            )
        )
    raise UserError(
        Msg("Unknown translation engine {name!r}: choose one of {names}.", name=name, names=", ".join(engine_names()))
    )
