"""Platform lengths: X's weighted count (twitter-text) and Facebook's plain count."""

from __future__ import annotations

import sys

from core import textlength


def test_x_counts_urls_as_23_and_cjk_twice() -> None:
    assert textlength.x_weighted_length("a https://example.com/a/very/long/path/indeed") == 2 + 23
    assert textlength.x_weighted_length("こんにちは") == 10
    assert textlength.x_weighted_length("Xin chào") == 8
    assert textlength.x_weighted_length("नमस्ते") == 6  # Devanagari (U+0900..) lies in the light range 0-4351


def test_rules_for_the_built_in_platforms() -> None:
    assert textlength.known_platforms() == ["facebook", "x"]
    x_rule = textlength.rule_for(" X ")
    assert x_rule is not None and x_rule[0] == 280 and x_rule[1]("🇻🇳") == 2
    assert textlength.rule_for("facebook") == (63_206, len)
    assert textlength.rule_for("myspace") is None


def test_the_pkg_resources_stand_in_does_not_outlive_the_import() -> None:
    textlength.x_weighted_length("warm")
    module = sys.modules.get("pkg_resources")
    assert module is None or hasattr(module, "working_set"), "only the real pkg_resources may stay loaded"
