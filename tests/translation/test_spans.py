"""Protected spans on mixed-script posts: cut out exactly, put back in place."""

from __future__ import annotations

import pytest

from tests.support.sample_posts import EXPECTED, POSTS
from translation import spans
from translation.spans import Kind, Term


@pytest.mark.parametrize("lang", sorted(POSTS))
def test_spans_are_cut_exactly_and_the_text_rebuilds(lang: str) -> None:
    pieces = spans.split(POSTS[lang])
    assert "".join(p.text for p in pieces) == POSTS[lang]
    assert [(p.kind, p.text) for p in pieces if p.protected] == EXPECTED[lang]
    assert all(spans.needs_translation(core) for core in spans.prose_cores(pieces))


@pytest.mark.parametrize("lang", sorted(POSTS))
def test_assembly_replaces_only_prose_and_keeps_spans_in_place(lang: str) -> None:
    pieces = spans.split(POSTS[lang])
    cores = spans.prose_cores(pieces)
    out = spans.assemble(pieces, {core: f"<{i}>" for i, core in enumerate(cores)})
    # Everything protected is still there, byte for byte, in the same order and with the same
    # neighbours; every prose core became its marker.
    rebuilt = spans.split(out)
    assert [(p.kind, p.text) for p in rebuilt if p.protected] == EXPECTED[lang]
    assert all(core not in out for core in cores if len(core) > 3)
    assert out.count("\n") == POSTS[lang].count("\n")


def test_sentence_punctuation_is_not_part_of_a_url() -> None:
    pieces = spans.split("Xem https://example.org/a_(b). Và www.example.com, hoặc (https://x.vn/y).")
    assert [p.text for p in pieces if p.kind is Kind.URL] == [
        "https://example.org/a_(b)",
        "www.example.com",
        "https://x.vn/y",
    ]


def test_a_url_stops_where_cjk_text_begins() -> None:
    pieces = spans.split("詳しくはhttps://www.mofa.go.jp/a/b.htmlをご覧ください。")
    assert [p.text for p in pieces if p.kind is Kind.URL] == ["https://www.mofa.go.jp/a/b.html"]


def test_glossary_terms_are_protected_or_replaced() -> None:
    terms = [
        Term("57-NQ/TW"),
        Term("Bộ Ngoại giao", "Ministry of Foreign Affairs"),
        Term("asean", case_sensitive=False),
        Term("外務省"),
    ]
    text = "Bộ Ngoại giao: Nghị quyết 57-NQ/TW, ASEAN và Asean. 外務省の声明。Asean-like"
    pieces = spans.split(text, terms)
    assert [(p.kind, p.text, p.replacement) for p in pieces if p.protected] == [
        (Kind.FORCED, "Bộ Ngoại giao", "Ministry of Foreign Affairs"),
        (Kind.TERM, "57-NQ/TW", None),
        (Kind.TERM, "ASEAN", None),
        (Kind.TERM, "Asean", None),
        (Kind.TERM, "外務省", None),  # no word boundary needed between CJK characters
        (Kind.TERM, "Asean", None),
    ]
    assert spans.assemble(pieces, {}).startswith("Ministry of Foreign Affairs: Nghị quyết 57-NQ/TW")


def test_terms_inside_words_are_not_matched() -> None:
    pieces = spans.split("Asean Aseanic", [Term("Asean")])
    assert [p.text for p in pieces if p.protected] == ["Asean"]


def test_hashtags_need_a_letter_and_mentions_are_not_emails() -> None:
    pieces = spans.split("#1 là số; mail a@b.vn và @c; C# là ngôn ngữ")
    assert [(p.kind, p.text) for p in pieces if p.protected] == [(Kind.EMAIL, "a@b.vn"), (Kind.MENTION, "@c")]


def test_prose_without_letters_is_not_translated() -> None:
    pieces = spans.split("2026 — 100% ✅ https://a.vn")
    assert spans.prose_cores(pieces) == []


# Spans glued to the prose around them, as people type them: the prose must stay prose.
GLUED = {
    "ja": "詳しくは@MofaJapan_jpまでご連絡ください。＃外務省 ＠MofaJapan_jp、よろしく🙏",
    "hi": "विदेश@MEAIndia के साथ बैठक। #भारत, धन्यवाद",
    "vi": "Liên hệ@VNMOFA hôm nay 🇻🇳#ViệtNam, giá $VNM.",
    "uk": "Дякуємо@MFA_Ukraine за підтримку #Україна! 👨‍👩‍👧#Київ",
}
GLUED_SPANS = {
    "ja": [
        (Kind.MENTION, "@MofaJapan_jp"),
        (Kind.HASHTAG, "＃外務省"),
        (Kind.MENTION, "＠MofaJapan_jp"),
        (Kind.EMOJI, "🙏"),
    ],
    "hi": [(Kind.MENTION, "@MEAIndia"), (Kind.HASHTAG, "#भारत")],
    "vi": [(Kind.MENTION, "@VNMOFA"), (Kind.EMOJI, "🇻🇳"), (Kind.HASHTAG, "#ViệtNam"), (Kind.CASHTAG, "$VNM")],
    "uk": [(Kind.MENTION, "@MFA_Ukraine"), (Kind.HASHTAG, "#Україна"), (Kind.EMOJI, "👨‍👩‍👧"), (Kind.HASHTAG, "#Київ")],
}
GLUED_PROSE = {
    "ja": ["詳しくは", "までご連絡ください。", "、よろしく"],
    "hi": ["विदेश", "के साथ बैठक।", ", धन्यवाद"],
    "vi": ["Liên hệ", "hôm nay", ", giá"],
    "uk": ["Дякуємо", "за підтримку", "!"],
}


@pytest.mark.parametrize("lang", sorted(GLUED))
def test_spans_glued_to_prose_leave_the_prose_to_translate(lang: str) -> None:
    pieces = spans.split(GLUED[lang])
    assert "".join(p.text for p in pieces) == GLUED[lang]
    assert [(p.kind, p.text) for p in pieces if p.protected] == GLUED_SPANS[lang]
    # Every bit of prose, the part right after a mention included, goes to the engine.
    assert spans.prose_cores(pieces) == [core for core in GLUED_PROSE[lang] if spans.needs_translation(core)]


def test_a_mention_is_an_ascii_handle_that_never_takes_the_words_after_it() -> None:
    pieces = spans.split("詳しくは @MofaJapan_jpまでご連絡ください")
    assert [(p.kind, p.text) for p in pieces if p.protected] == [(Kind.MENTION, "@MofaJapan_jp")]
    assert spans.prose_cores(pieces) == ["詳しくは", "までご連絡ください"]
    assert [p.text for p in spans.split("Xem @mofa.vietnam. Cảm ơn") if p.protected] == ["@mofa.vietnam"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mail a@b.vn, not@mention", [(Kind.EMAIL, "a@b.vn")]),  # after an ASCII letter: no mention
        ("f!@kn f#@kn f&@kn f*@kn @_@ (@ok)", [(Kind.MENTION, "@ok")]),
        ("RT@username RT:@mention", [(Kind.MENTION, "@username"), (Kind.MENTION, "@mention")]),
        ("@aliceìnheiro @Hà Nội", []),  # followed by an accented Latin letter: not a mention (X)
        ("@user@example @" + "a" * 51, []),
        ("@http://x.vn", [(Kind.URL, "http://x.vn")]),
    ],
)
def test_mentions_follow_x_rules(text: str, expected: list[tuple[Kind, str]]) -> None:
    assert [(p.kind, p.text) for p in spans.split(text) if p.protected] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("日本語ハッシュタグ#日本語", []),  # no hashtag right after a letter of any script
        ("テスト。#日本語ハッシュタグ。次", [(Kind.HASHTAG, "#日本語ハッシュタグ")]),  # ends at 。
        ("できました！＃日本語、です", [(Kind.HASHTAG, "＃日本語")]),
        (
            "#メ～テレ #il·lusió #महात्मा_१२३४",
            [(Kind.HASHTAG, "#メ～テレ"), (Kind.HASHTAG, "#il·lusió"), (Kind.HASHTAG, "#महात्मा_१२३४")],
        ),
        ("#१२३४ #16 #_ #tag#other C# #️⃣", [(Kind.EMOJI, "#️⃣")]),
        (
            "(#hashtag1)[#Україна]: #ViệtNam!",
            [(Kind.HASHTAG, "#hashtag1"), (Kind.HASHTAG, "#Україна"), (Kind.HASHTAG, "#ViệtNam")],
        ),
    ],
)
def test_hashtags_follow_x_rules(text: str, expected: list[tuple[Kind, str]]) -> None:
    assert [(p.kind, p.text) for p in spans.split(text) if p.protected] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("$TEST.T $test.tt $Stock_X, $VNM.", ["$TEST.T", "$test.tt", "$Stock_X", "$VNM"]),
        ("$123 $TOOLONG $株 text$NO $$NG $VNMは", []),
    ],
)
def test_cashtags_are_short_ascii_symbols(text: str, expected: list[str]) -> None:
    assert [p.text for p in spans.split(text) if p.kind is Kind.CASHTAG] == expected
