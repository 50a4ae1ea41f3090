"""The review workflow with tiny real packs: fill variants with translations, learn from edits."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from core import queries
from core.domain import Post, TextOrigin, Variant
from core.errors import ConflictError
from core.services import accounts, posts
from core.store import Store
from tests.support.cli import run_script as run
from translation import packs, review
from translation.service import TranslationService

Install = Callable[..., list[packs.PackInfo]]
TEXT = "Hôm nay bộ ngoại giao. @VNMOFA Cuộc họp hữu nghị!"


def _post(store: Store) -> Post:
    for name, platform, language, zone in (
        ("MOFA (X)", "x", "vi", "Asia/Ho_Chi_Minh"),
        ("Tokyo (X)", "x", "ja", "Asia/Tokyo"),
        ("Tokyo (FB)", "facebook", "ja", "Asia/Tokyo"),
        ("London (X)", "x", "en", "Europe/London"),
        ("Sydney (X)", "x", "en", "Australia/Sydney"),
    ):
        extra = {"external_id": "1234"} if platform == "facebook" else {}
        accounts.add_account(store, name=name, platform=platform, language=language, timezone=zone, **extra)
    return posts.create_post(
        store,
        text=TEXT,
        accounts=["MOFA (X)", "Tokyo (X)", "Tokyo (FB)", "London (X)", "Sydney (X)"],
        source_language="vi",
    )


def _by_account(store: Store, post_id: int) -> dict[str, Variant]:
    return {v.account_name: v for v in queries.get_post(store, post_id).variants}


def test_translate_post_fills_machine_translations_and_leaves_the_rest(store: Store, install: Install) -> None:
    install("vi-en", "en-ja")
    post = _post(store)
    sydney = _by_account(store, post.id)["Sydney (X)"]
    posts.edit_variant(
        store, sydney.id, text="Our own words for Sydney.", expected_version=sydney.version, origin=TextOrigin.HUMAN
    )

    results = review.translate_post(store, post.id, limit_for=lambda platform: (5, len) if platform == "x" else None)

    variants = _by_account(store, post.id)
    assert [(r.variant_id, r.target_language, r.path) for r in results] == [
        (variants["Tokyo (X)"].id, "ja", ("vi", "en", "ja")),
        (variants["Tokyo (FB)"].id, "ja", ("vi", "en", "ja")),
        (variants["London (X)"].id, "en", ("vi", "en")),
    ]
    for result in results:
        variant = queries.get_variant(store, result.variant_id or 0)
        assert (variant.text, variant.text_origin, variant.reviewed) == (result.text, TextOrigin.MACHINE, False)
        assert variant.translation_path == ">".join(result.path)
        assert "@VNMOFA" in variant.text
    flagged = {r.variant_id: "over_limit" in {f.code for f in r.flags} for r in results}
    assert flagged == {
        variants["Tokyo (X)"].id: True,
        variants["Tokyo (FB)"].id: False,
        variants["London (X)"].id: True,
    }
    assert (variants["MOFA (X)"].text, variants["MOFA (X)"].text_origin) == (TEXT, TextOrigin.SOURCE)
    assert (variants["Sydney (X)"].text, variants["Sydney (X)"].text_origin) == (
        "Our own words for Sydney.",
        TextOrigin.HUMAN,
    )

    assert review.translate_post(store, post.id) == []  # nothing is left untranslated
    redone = review.translate_post(store, post.id, force=True)
    assert sorted(r.variant_id or 0 for r in redone) == sorted(r.variant_id or 0 for r in results)
    assert _by_account(store, post.id)["Sydney (X)"].text == "Our own words for Sydney."


def test_a_correction_is_stored_reviewed_and_preferred_next_time(store: Store, install: Install) -> None:
    install("vi-en", "en-ja")
    post = _post(store)
    review.translate_post(store, post.id)
    tokyo = _by_account(store, post.id)["Tokyo (X)"]
    corrected = "本日、外務省。@VNMOFA 友好の会議！"

    edited = review.correct_variant(store, tokyo.id, f"  {corrected}\n", expected_version=tokyo.version, actor="editor")

    assert (edited.text, edited.text_origin, edited.reviewed) == (corrected, TextOrigin.HUMAN, True)
    (again,) = TranslationService(store).translate(TEXT, "vi", ["ja"])
    assert again.text == corrected and again.origin == "human"
    # The other Japanese variant gets the correction when it is translated again; the corrected
    # one, now a person's text, is left alone.
    facebook = _by_account(store, post.id)["Tokyo (FB)"]
    redone = {r.variant_id: r for r in review.translate_post(store, post.id, force=True)}
    assert tokyo.id not in redone and redone[facebook.id].text == corrected
    assert queries.get_variant(store, facebook.id).text == corrected
    assert "correct" in {e.action for e in queries.list_events(store, entity="translation_memory")}

    draft = review.correct_variant(store, tokyo.id, "仮の訳。", expected_version=edited.version, reviewed=False)
    assert (draft.text_origin, draft.reviewed) == (TextOrigin.HUMAN, False)


def test_a_correction_in_the_source_language_teaches_nothing(store: Store, install: Install) -> None:
    install("vi-en")
    post = _post(store)
    mofa = _by_account(store, post.id)["MOFA (X)"]
    review.correct_variant(store, mofa.id, "Hôm nay, bộ ngoại giao.", expected_version=mofa.version)
    assert queries.list_events(store, entity="translation_memory") == []


def test_a_closed_variant_is_not_corrected(store: Store, install: Install) -> None:
    install("vi-en")
    post = _post(store)
    posts.cancel_post(store, post.id)
    variant = _by_account(store, post.id)["London (X)"]
    assert review.translate_post(store, post.id) == []
    with pytest.raises(ConflictError):
        review.correct_variant(store, variant.id, "Hello.", expected_version=variant.version)
    assert queries.list_events(store, entity="translation_memory") == []


def test_post_translate_and_review_commands(store: Store, pack_files: dict[str, Path], tmp_path: Path) -> None:
    for key in ("vi-en", "en-ja"):
        packs.install_pack(pack_files[key])
    post = _post(store)

    done = run("post", "translate", str(post.id), "--json")
    assert done.returncode == 0, done.stderr
    results = json.loads(done.stdout)
    assert [(r["to"], r["path"]) for r in results] == [
        ("ja", ["vi", "en", "ja"]),
        ("ja", ["vi", "en", "ja"]),
        ("en", ["vi", "en"]),
        ("en", ["vi", "en"]),
    ]
    assert all(isinstance(r["flags"], list) and r["text"] for r in results)
    shown = run("post", "translate", str(post.id), "--force")
    assert shown.returncode == 0 and "(variant " in shown.stdout and "vi -> en -> ja)" in shown.stdout

    london = _by_account(store, post.id)["London (X)"]
    correction = tmp_path / "london.txt"
    correction.write_text("Today the Ministry met its friends.\n", encoding="utf-8")
    done = run("post", "review", str(london.id), "--text-file", str(correction))
    assert done.returncode == 0, done.stderr
    assert f"Variant {london.id} (en) now holds your text, reviewed." in done.stdout
    assert queries.get_variant(store, london.id).text == "Today the Ministry met its friends."
    done = run("translate", "--from", "vi", "--to", "en", TEXT)
    assert done.stdout.splitlines()[1] == "Today the Ministry met its friends."

    done = run("post", "review", str(london.id), "--text", "Draft.", "--not-reviewed")
    assert "not yet reviewed" in done.stdout and not queries.get_variant(store, london.id).reviewed

    for args in (("post", "review", "0", "--text", "x"), ("post", "translate", "99999999999999999999999")):
        refused = run(*args)
        assert refused.returncode == 2 and refused.stderr.count("\n") == 1, refused.stderr
        assert "Traceback" not in refused.stderr
