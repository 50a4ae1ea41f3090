"""Refusals as structured messages (no Qt): the English sentence for the CLI and the logs, the
template and values for the app, and every template in the Vietnamese catalogue."""

from __future__ import annotations

import ast
import importlib.util
import pickle
import string
import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path
from types import ModuleType

import pytest

from core import timeutil
from core.errors import ConflictError, NotFoundError, UserError, message_of
from core.services import accounts, posts
from core.store import Store
from core.words import Msg, in_app
from translation.service import find_route

ROOT = Path(__file__).resolve().parents[2]


def _translations_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("translations_script", ROOT / "scripts" / "translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


translations = _translations_script()


# -- the English sentence stays what it was ------------------------------------------------------


def test_str_of_a_structured_refusal_is_the_english_sentence() -> None:
    error = NotFoundError(Msg("No account named {name!r}; see 'communique account list'.", name="Embassy"))
    assert str(error) == "No account named 'Embassy'; see 'communique account list'."
    assert error.args[0] == str(error)  # still a str for anything that reads args
    assert error.msg is not None and error.msg.template == "No account named {name!r}; see 'communique account list'."
    assert error.msg.values == {"name": "Embassy"}


def test_the_app_wording_and_nested_messages_leave_the_english_alone() -> None:
    message = Msg(
        "This account has no posting slots yet; add one with 'communique slot add'.",
        app=in_app("This account has no posting slots yet; pick a time yourself."),
    )
    assert message == "This account has no posting slots yet; add one with 'communique slot add'."
    nested = Msg("{what}; look at it again and retry.", what=Msg("Post {post_id} changed", post_id=4))
    assert nested == "Post 4 changed; look at it again and retry."
    assert Msg.joined([Msg("One {n}.", n=1), "Two."]) == "One 1. Two."


def test_a_plain_refusal_keeps_working_without_a_template() -> None:
    error = UserError("A plain sentence.")
    assert str(error) == "A plain sentence." and error.msg is None
    assert message_of(error) == "A plain sentence."


def test_a_refusal_survives_pickling_with_its_template() -> None:
    error = ConflictError(Msg("Variant {variant_id} is already {state}.", variant_id=3, state=Msg("approved")))
    again = pickle.loads(pickle.dumps(error))
    assert str(again) == "Variant 3 is already approved."
    assert again.msg is not None and again.msg.template == "Variant {variant_id} is already {state}."
    braces = pickle.loads(pickle.dumps(Msg("The rule {rule!r} has no occurrence after now.", rule="{x}")))
    assert braces == "The rule '{x}' has no occurrence after now."  # rebuilt from the template, not the text


def test_real_service_refusals_carry_their_template_and_read_as_before(store: Store) -> None:
    accounts.add_account(store, name="berlin", platform="x", language="de", timezone="Europe/Berlin")
    with pytest.raises(UserError) as past:
        posts.create_post(store, text="Guten Tag", accounts=["berlin"], at=datetime(2001, 1, 17, 14, 30))
    assert str(past.value) == "2001-01-17 14:30 in Europe/Berlin (account 'berlin') is already past; pick a later time."
    assert past.value.msg is not None
    assert past.value.msg.template == "{local} in {timezone} (account {account!r}) is already past; pick a later time."

    with pytest.raises(UserError) as gap:
        timeutil.local_to_utc(datetime(2027, 3, 28, 2, 30), "Europe/Berlin")
    assert str(gap.value).startswith("2027-03-28 02:30 does not exist in Europe/Berlin")
    assert message_of(gap.value) == str(gap.value) and isinstance(message_of(gap.value), Msg)

    with pytest.raises(UserError) as missing:
        find_route("vi", "ja", set())
    assert str(missing.value) == (
        "No language pack translates Vietnamese (vi) into Japanese (ja), directly or through English: "
        "install one with 'communique lang install FILE'."
    )
    assert missing.value.msg is not None and missing.value.msg.app is not None
    assert "Language packs screen" in missing.value.msg.app


# -- every template is extractable and translated ------------------------------------------------

#: The modules whose refusals a press officer meets in the app; each marks its sentences.
CONVERTED = {
    "core/services/posts.py",
    "core/services/drafts.py",
    "core/services/variants.py",
    "core/services/scheduling.py",
    "core/services/media.py",
    "core/services/accounts.py",
    "core/services/approval.py",
    "core/services/permissions.py",
    "core/publishable.py",
    "core/platforms.py",
    "core/timeutil.py",
    "core/queries/posts.py",
    "core/settings.py",
    "core/store/opening.py",
    "connectors/textrules.py",
    "scheduler/slots.py",
    "scheduler/recurrence.py",
    "scheduler/services.py",
    "translation/service.py",
    "translation/packs.py",
    "translation/archive.py",
}


def test_the_converted_modules_are_read_by_lupdate() -> None:
    marked = {str(path.relative_to(ROOT)) for path in translations.marked()}
    assert marked >= CONVERTED


def test_every_template_is_a_literal_in_the_vietnamese_catalogue_and_translated() -> None:
    found = translations.templates()
    assert "" not in found, f"not string literals: {found.get('')}"
    app_wording = (
        "No language pack translates {source_name} ({source}) into {target_name} ({target}){via}: install one "
        "on the Language packs screen."
    )
    assert app_wording in found  # in_app(...) is read too
    missing = translations.untranslated_templates(ROOT / "resources" / "i18n" / "communique_vi.ts")
    assert not missing, "run scripts/translations.py and translate:\n" + "\n".join(missing)


def test_a_template_missing_from_the_catalogue_is_caught(tmp_path: Path) -> None:
    catalogue = ET.parse(ROOT / "resources" / "i18n" / "communique_vi.ts")
    dropped = "No post with id {post_id}."
    for context in catalogue.getroot().iter("context"):
        for message in list(context.iter("message")):
            if message.findtext("source") == dropped:
                context.remove(message)
    stripped = tmp_path / "communique_vi.ts"
    catalogue.write(stripped, encoding="utf-8")
    assert [line for line in translations.untranslated_templates(stripped) if repr(dropped) in line]


def test_each_translation_has_the_fields_of_its_template() -> None:
    """A Vietnamese sentence that lost or renamed a field would fall back to English in the app."""

    def fields(text: str) -> list[str]:
        return sorted(
            f"{name}!{conversion}:{spec}" for _, name, spec, conversion in string.Formatter().parse(text) if name
        )

    wrong = []
    for context in ET.parse(ROOT / "resources" / "i18n" / "communique_vi.ts").getroot().iter("context"):
        if (context.findtext("name") or "") != "":
            continue
        for message in context.iter("message"):
            source, translated = message.findtext("source") or "", message.findtext("translation") or ""
            if fields(source) != fields(translated):
                wrong.append(f"{source!r} -> {translated!r}")
    assert not wrong, "\n".join(wrong)


def test_each_template_is_given_every_value_it_names() -> None:
    """A field without its value would fail at the raise itself, on the path a test may not take."""
    wrong = []
    for path in translations.marked():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "Msg"):
                continue
            if not node.args or not isinstance(node.args[0], ast.Constant) or any(k.arg is None for k in node.keywords):
                continue  # Msg(**values): checked where the values are built
            given = {k.arg for k in node.keywords if k.arg != "app"}
            texts = [node.args[0].value] + [
                k.value.args[0].value
                for k in node.keywords
                if k.arg == "app" and isinstance(k.value, ast.Call) and isinstance(k.value.args[0], ast.Constant)
            ]
            for text in texts:
                named = {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(text) if name}
                if named != given:
                    wrong.append(f"{path.relative_to(ROOT)}:{node.lineno}: {sorted(named)} != {sorted(given)}")
    assert not wrong, "\n".join(wrong)
