"""The review's view model, without Qt: flags, the scheduling gate, terms, edits and sentence pairing."""

from __future__ import annotations

import pytest

from app.viewmodels import review
from core import queries
from core.domain import Post, TextOrigin
from core.errors import UserError
from core.services import accounts, posts
from core.store import Store
from translation import glossary

SOURCE = "Hôm nay bộ ngoại giao. @VNMOFA #ASEAN"


def _post(store: Store) -> Post:
    accounts.add_account(store, name="Hanoi (X)", platform="x", language="vi", timezone="Asia/Ho_Chi_Minh")
    accounts.add_account(store, name="Tokyo (X)", platform="x", language="ja", timezone="Asia/Tokyo")
    return posts.create_post(store, text=SOURCE, accounts=["Hanoi (X)", "Tokyo (X)"], source_language="vi")


def _views(store: Store, post_id: int) -> list[review.VariantView]:
    post = queries.get_post(store, post_id)
    zones = {a.id: a.timezone for a in queries.list_accounts(store)}
    return review.variant_views(post, zones)


def test_views_flag_untranslated_and_lost_spans_and_the_gate_lists_every_reason(store: Store) -> None:
    post = _post(store)
    hanoi, tokyo = _views(store, post.id)
    assert hanoi.timezone == "Asia/Ho_Chi_Minh" and not hanoi.untranslated and hanoi.flags == ()
    assert tokyo.untranslated and [f.code for f in tokyo.flags] == ["unchanged"]
    gate = review.schedule_gate([hanoi, tokyo], unsaved=[tokyo.variant.id])
    assert not gate.allowed
    assert gate.unreviewed == ("Hanoi (X)", "Tokyo (X)") and gate.unsaved == ("Tokyo (X)",) and gate.over == ()

    variant = tokyo.variant
    posts.edit_variant(store, variant.id, text="こんにちは" * 150, expected_version=variant.version, reviewed=True)
    _hanoi, tokyo = _views(store, post.id)
    assert {f.code for f in tokyo.flags} >= {"lost_span", "over_limit"}
    assert [c.account for c in review.schedule_gate([tokyo]).over] == ["Tokyo (X)"]
    assert not review.action_gate(tokyo).allowed


def test_a_repeating_template_is_not_scheduled_with_the_others(store: Store) -> None:
    post = _post(store)
    views = review.variant_views(queries.get_post(store, post.id), {}, repeating=[post.variants[1].id])
    assert [review.schedulable(v) for v in views] == [True, False]
    gate = review.schedule_gate([views[1]])
    assert gate.nothing_open and not gate.allowed


def test_glossary_terms_are_marked_as_written_in_the_source_and_as_forced_in_the_translation(store: Store) -> None:
    glossary.add_term(store, "vi", "ASEAN")
    glossary.add_term(store, "vi", "bộ ngoại giao", target_language="en", translation="Ministry of Foreign Affairs")
    terms = review.load_terms(store, "vi", ["en", "vi", "en"])
    assert set(terms) == {"en"}
    assert {t.text for t in review.source_terms(terms["en"])} == {"ASEAN", "bộ ngoại giao"}
    assert {t.text for t in review.target_terms(terms["en"])} == {"ASEAN", "Ministry of Foreign Affairs"}


def test_marking_reviewed_keeps_a_machine_translation_machine_and_an_edit_becomes_human(store: Store) -> None:
    post = _post(store)
    tokyo = post.variants[1]
    machine = posts.edit_variant(
        store,
        tokyo.id,
        text="機械",
        expected_version=tokyo.version,
        origin=TextOrigin.MACHINE,
        translation_path="vi>ja",
    )
    marked = review.set_reviewed(store, machine, "機械", reviewed=True).variant
    assert marked is not None and marked.reviewed
    assert marked.text_origin is TextOrigin.MACHINE and marked.translation_path == "vi>ja"
    edited = review.set_reviewed(store, marked, "人の言葉", reviewed=True).variant
    assert edited is not None and edited.text_origin is TextOrigin.HUMAN and edited.text == "人の言葉"


def test_a_stale_save_is_a_conflict_outcome_with_both_texts(store: Store) -> None:
    post = _post(store)
    tokyo = post.variants[1]
    posts.edit_variant(store, tokyo.id, text="Theirs", expected_version=tokyo.version)
    outcome = review.save_text(store, tokyo.id, "Mine", tokyo.version, reviewed=True)
    assert outcome.variant is None and outcome.conflict is not None
    assert (outcome.conflict.mine, outcome.conflict.theirs) == ("Mine", "Theirs")
    assert outcome.conflict.version == tokyo.version + 1
    assert queries.get_variant(store, tokyo.id).text == "Theirs"


def test_the_sentence_under_the_cursor_is_paired_with_the_source_sentence_at_the_same_place() -> None:
    source = "Hôm nay bộ ngoại giao. Cuộc họp hữu nghị! Cảm ơn."
    target = "Today the ministry. A meeting! Thanks."
    assert review.sentence_bounds(target, "en") == [(0, 19), (20, 30), (31, 38)]
    plan = review.plan_retranslation(source, "vi", target, "en", target.index("meeting"))
    assert plan.source_sentence == "Cuộc họp hữu nghị!" and target[plan.start : plan.end] == "A meeting!"
    assert review.apply_retranslation(target, plan, " A friendly meeting! ") == (
        "Today the ministry. A friendly meeting! Thanks."
    )
    with pytest.raises(UserError, match="cannot be paired"):
        review.plan_retranslation(source, "vi", "Today. Thanks.", "en", 2)
