"""Platform lengths: X's weighted count (twitter-text) and Facebook's plain count, as core reads them."""

from __future__ import annotations

import contextlib
import importlib
import sys
import threading
import types

import pytest

from connectors import xlength
from core import platforms


def test_x_counts_urls_as_23_and_cjk_twice() -> None:
    assert xlength.x_weighted_length("a https://example.com/a/very/long/path/indeed") == 2 + 23
    assert xlength.x_weighted_length("こんにちは") == 10
    assert xlength.x_weighted_length("Xin chào") == 8
    assert xlength.x_weighted_length("नमस्ते") == 6  # Devanagari (U+0900..) lies in the light range 0-4351


def test_rules_for_the_built_in_platforms() -> None:
    assert {"facebook", "x"} <= set(platforms.platform_names())
    x_rule = platforms.length_rule(" X ")
    assert x_rule is not None and x_rule[0] == 280 and x_rule[1]("🇻🇳") == 2
    assert platforms.length_rule("facebook") == (63_206, len)
    assert platforms.length_rule("myspace") is None
    assert (platforms.spec("x").length_unit, platforms.spec("facebook").length_unit) == (
        "weighted characters",
        "characters",
    )


def test_the_pkg_resources_stand_in_does_not_outlive_the_import() -> None:
    xlength.x_weighted_length("warm")
    module = sys.modules.get("pkg_resources")
    assert module is None or hasattr(module, "working_set"), "only the real pkg_resources may stay loaded"


def test_the_first_use_from_many_threads_at_once_is_safe(monkeypatch: pytest.MonkeyPatch) -> None:
    # Publisher threads all count lengths on their first post; the lazy import must happen once.
    monkeypatch.setattr(xlength, "_parse_tweet", None)
    for name in [m for m in sys.modules if m == "twitter_text" or m.startswith("twitter_text.")]:
        monkeypatch.delitem(sys.modules, name)
    together = threading.Barrier(2, timeout=1.0)

    def import_module(name: str) -> object:
        # Without a lock both threads find pkg_resources missing, then both put in (and take out)
        # the stand-in; with it, the second never arrives and the first goes on after the timeout.
        try:
            return importlib.import_module(name)
        finally:
            with contextlib.suppress(threading.BrokenBarrierError):
                together.wait()

    monkeypatch.setattr(xlength, "importlib", types.SimpleNamespace(import_module=import_module))
    errors: list[BaseException] = []

    def count() -> None:
        try:
            assert xlength.x_weighted_length("こんにちは") == 10
        except BaseException as exc:  # collected for the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=count) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
