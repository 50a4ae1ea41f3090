"""Merging two people's edits of one text: both kept where they touch different words."""

from __future__ import annotations

import random

import pytest

from core.merge import merge3, tokens

BASE = "The minister will visit Hanoi on Monday to open the trade fair."


def test_edits_to_different_words_are_both_kept() -> None:
    mine = "The minister will visit Hanoi on Tuesday to open the trade fair."
    theirs = "The foreign minister will visit Hanoi on Monday to open the trade fair."
    merged = merge3(BASE, mine, theirs)
    assert merged.clean
    assert merged.text == "The foreign minister will visit Hanoi on Tuesday to open the trade fair."


def test_the_same_edit_on_both_sides_is_taken_once() -> None:
    both = "The minister will visit Hà Nội on Monday to open the trade fair."
    merged = merge3(BASE, both, both.replace("Monday", "Friday"))
    assert merged.clean
    assert merged.text == "The minister will visit Hà Nội on Friday to open the trade fair."


def test_one_side_unchanged_takes_the_other_whole() -> None:
    assert merge3(BASE, BASE, "Completely new.").text == "Completely new."
    assert merge3(BASE, "Mine only.", BASE).text == "Mine only."


def test_different_edits_of_the_same_words_keep_mine_and_report_theirs() -> None:
    mine = "The minister will visit Hanoi on Tuesday to open the trade fair."
    theirs = "The minister will visit Hanoi on Wednesday to open the trade fair. #Vietnam"
    merged = merge3(BASE, mine, theirs)
    assert merged.text == "The minister will visit Hanoi on Tuesday to open the trade fair. #Vietnam"
    [clash] = merged.clashes
    assert merged.text[clash.start : clash.end] == clash.mine == "Tuesday"
    assert clash.theirs == "Wednesday"


def test_two_insertions_at_one_place_are_a_clash_not_a_guess() -> None:
    merged = merge3("Hello world.", "Hello big world.", "Hello small world.")
    assert not merged.clean
    assert merged.text == "Hello big world."
    assert [(c.mine, c.theirs) for c in merged.clashes] == [(" big", " small")]


def test_multiline_and_non_latin_text() -> None:
    base = "東京で会議。\nPhái đoàn đến Hà Nội.\n#ASEAN https://mofa.gov.vn/a"
    mine = "東京で首脳会議。\nPhái đoàn đến Hà Nội.\n#ASEAN https://mofa.gov.vn/a"
    theirs = "東京で会議。\nPhái đoàn đã đến Hà Nội.\n#ASEAN https://mofa.gov.vn/b"
    merged = merge3(base, mine, theirs)
    assert merged.clean
    assert merged.text == "東京で首脳会議。\nPhái đoàn đã đến Hà Nội.\n#ASEAN https://mofa.gov.vn/b"


@pytest.mark.parametrize("seed", range(40))
def test_random_edits_of_disjoint_words_always_merge_cleanly(seed: int) -> None:
    rng = random.Random(seed)
    words = [f"w{n}" for n in range(30)]
    base = " ".join(words)
    # Mine edits only even-numbered words, theirs only words at odd positions far from them.
    mine_words, theirs_words = list(words), list(words)
    for n in rng.sample(range(0, 30, 4), 3):
        mine_words[n] = f"M{n}"
    for n in rng.sample(range(2, 30, 4), 3):
        theirs_words[n] = f"T{n}"
    merged = merge3(base, " ".join(mine_words), " ".join(theirs_words))
    expected = [m if m != w else t for w, m, t in zip(words, mine_words, theirs_words, strict=True)]
    assert merged.clean
    assert merged.text == " ".join(expected)


def test_tokens_give_the_text_back() -> None:
    text = "Xin chào, @embassy!  See https://x.com/a?b=1 — 東京\n\tok"
    assert "".join(tokens(text)) == text
