"""Quality flags, one by one."""

from __future__ import annotations

from translation.quality import check


def codes(*args: str, **kwargs: object) -> set[str]:
    return {flag.code for flag in check(*args, **kwargs)}  # type: ignore[arg-type]


def test_clean_translation_has_no_flags() -> None:
    assert (
        codes("Xin chào các bạn, hôm nay trời đẹp.", "Hello everyone, the weather is nice today.", "vi", "en") == set()
    )


def test_unchanged() -> None:
    assert codes("Xin chào các bạn.", "Xin chào các bạn.", "vi", "en") == {"unchanged"}
    assert codes("2026 ✅", "2026 ✅", "vi", "en") == set()  # nothing to translate


def test_lost_span_counts_occurrences() -> None:
    flags = check("a #x b #x\nc", "A #x B\nC", "vi", "en", protected=["#x", "#x", "\n"])
    assert [f.code for f in flags] == ["lost_span"] and "'#x'" in flags[0].message


def test_length_ratio_knows_dense_scripts() -> None:
    source = "The Ministry of Foreign Affairs welcomes the delegation today."
    assert codes(source, "外務省は本日代表団を歓迎します。", "en", "ja") == set()
    assert codes(source, "Welcome.", "en", "de") == {"length_ratio"}
    assert codes(source, source * 4, "en", "de") == {"length_ratio"}
    assert codes("Short.", "A much much longer translation.", "en", "de") == set()  # too short to judge


def test_over_limit_with_a_length_function() -> None:
    assert codes("Xin chào.", "Hello.", "vi", "en", limit=5) == {"over_limit"}
    assert codes("Xin chào.", "Hello.", "vi", "en", limit=6) == set()
    assert codes("Xin chào.", "Hello.", "vi", "en", limit=10, length=lambda s: 2 * len(s)) == {"over_limit"}
