"""X's length rule: 280 *weighted* characters, counted without the network.

X counts twitter-text v3 weights: most CJK characters and emoji weigh 2, a URL always 23. The
counting comes from ``twitter-text-parser``, whose results follow the official twitter-text
conformance suite. Core reaches this through the X connector's class attributes
(:mod:`core.platforms`), never by importing it.
"""

from __future__ import annotations

import importlib
import sys
import threading
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any

X_LIMIT = 280


def _install_pkg_resources_shim() -> bool:
    """twitter-text-parser 3.0 reads its emoji table through ``pkg_resources`` at import time,
    which recent setuptools no longer ships; give it the one function it calls. Returns whether a
    shim was installed (it must be removed right after: other tools probe ``pkg_resources``)."""
    try:
        importlib.import_module("pkg_resources")
        return False
    except ImportError:
        pass
    shim = types.ModuleType("pkg_resources")

    def resource_string(module_name: str, resource: str) -> bytes:
        module_file = sys.modules[module_name].__file__
        assert module_file is not None
        return (Path(module_file).parent / resource).read_bytes()

    shim.resource_string = resource_string  # type: ignore[attr-defined]
    sys.modules["pkg_resources"] = shim
    return True


_parse_tweet: Callable[[str], Any] | None = None
# The first use may come from several publisher threads at once; the stand-in must be put in
# and taken out by one of them only.
_import_lock = threading.Lock()


def _parser() -> Callable[[str], Any]:
    global _parse_tweet
    if _parse_tweet is not None:
        return _parse_tweet
    with _import_lock:
        if _parse_tweet is None:
            shimmed = _install_pkg_resources_shim()
            try:
                from twitter_text import parse_tweet
            finally:
                if shimmed:
                    sys.modules.pop("pkg_resources", None)
            _parse_tweet = parse_tweet
    return _parse_tweet


def x_weighted_length(text: str) -> int:
    """The weighted length X counts for ``text``."""
    return int(_parser()(text).weightedLength)


def x_is_valid(text: str) -> bool:
    """Whether X accepts ``text`` as one post (not empty, not too long, no invalid characters)."""
    return bool(_parser()(text).valid)
