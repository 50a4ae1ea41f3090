"""Account services: validation before any write, removal that keeps history."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from core import queries, secrets
from core.errors import ConflictError, NotFoundError, UserError
from core.services import accounts, posts
from core.store import Store
from core.store.tables import accounts as accounts_table
from core.store.tables import variants


def _count(store: Store) -> int:
    with store.read() as conn:
        return int(conn.execute(select(func.count()).select_from(accounts_table)).scalar_one())


def test_add_account_keeps_every_field_and_a_keyring_reference_only(store: Store) -> None:
    account = accounts.add_account(
        store,
        name="MOFA Việt Nam",
        platform="Facebook",
        language="VI",
        timezone="Asia/Ho_Chi_Minh",
        external_id="1234567890",
        api_base="http://127.0.0.1:8080/",
    )
    assert (account.platform, account.language, account.timezone) == ("facebook", "vi", "Asia/Ho_Chi_Minh")
    assert account.api_base == "http://127.0.0.1:8080"
    assert account.credential_ref == "communique:facebook:MOFA Việt Nam"
    assert queries.get_account(store, "MOFA Việt Nam") == account
    events = queries.list_events(store, entity="account")
    assert [(e.action, e.entity_id, e.actor) for e in events] == [("create", account.id, "tester")]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"name": "  "}, "name is empty"),
        ({"platform": "myspace"}, "Unknown platform"),
        ({"language": "klingon"}, "Unknown language code"),
        ({"timezone": "Asia/Atlantis"}, "Unknown time zone"),
        ({"api_base": "ftp://example.org"}, "must start with http"),
        ({"api_base": "https://user:pw@example.org"}, "must not carry a user name or password"),
        ({"platform": "facebook"}, r"id on the platform \(Page id\)"),
        ({"name": "Tokyo\x00desk"}, "The account name contains a NUL byte"),
        ({"name": "Tokyo\ndesk"}, "must be one line"),
        ({"handle": "@tokyo\x1b[31m"}, "The handle contains the control character U\\+001B"),
        ({"grace_minutes": -5}, "cannot be negative"),
    ],
)
def test_bad_account_input_is_refused_and_writes_nothing(store: Store, kwargs: dict[str, object], message: str) -> None:
    fields: dict[str, object] = {"name": "Tokyo", "platform": "x", "language": "ja", "timezone": "Asia/Tokyo"}
    fields.update(kwargs)
    with pytest.raises(UserError, match=message):
        accounts.add_account(store, **fields)  # type: ignore[arg-type]
    assert _count(store) == 0


def test_duplicate_names_are_refused(store: Store) -> None:
    accounts.add_account(store, name="Tokyo", platform="x", language="ja", timezone="Asia/Tokyo")
    with pytest.raises(ConflictError, match="already exists"):
        accounts.add_account(store, name="Tokyo", platform="x", language="en", timezone="UTC")
    assert _count(store) == 1


def test_remove_deletes_an_unused_account(store: Store) -> None:
    accounts.add_account(store, name="Tokyo", platform="x", language="ja", timezone="Asia/Tokyo")
    accounts.remove_account(store, "Tokyo", actor="desk officer")
    assert _count(store) == 0
    (event,) = queries.list_events(store, entity="account", limit=1)
    assert (event.action, event.actor, event.details) == ("delete", "desk officer", {"name": "Tokyo"})
    with pytest.raises(NotFoundError, match="No account named 'Tokyo'"):
        accounts.remove_account(store, "Tokyo")


def test_remove_refuses_an_account_with_posts_still_to_publish(store: Store) -> None:
    accounts.add_account(store, name="Tokyo", platform="x", language="ja", timezone="Asia/Tokyo")
    posts.create_post(store, text="こんにちは", accounts=["Tokyo"])
    with pytest.raises(ConflictError, match="cancel them first"):
        accounts.remove_account(store, "Tokyo")
    assert [a.name for a in queries.list_accounts(store)] == ["Tokyo"]


def test_remove_retires_an_account_with_published_history(store: Store) -> None:
    accounts.add_account(store, name="Tokyo", platform="x", language="ja", timezone="Asia/Tokyo")
    post = posts.create_post(store, text="こんにちは", accounts=["Tokyo"])
    with store.write() as conn:  # as the publisher would leave it
        conn.execute(variants.update().values(status="published", remote_id="1", published_at=datetime.now(UTC)))
    accounts.remove_account(store, "Tokyo")
    assert queries.list_accounts(store) == []
    assert queries.list_events(store, entity="account", limit=1)[0].action == "retire"
    retired = queries.list_accounts(store, include_removed=True)
    assert [(a.name, a.active) for a in retired] == [("Tokyo", False)]
    assert queries.get_post(store, post.id).variants[0].account_name == "Tokyo"
    with pytest.raises(ConflictError, match="keeps the name"):
        accounts.add_account(store, name="Tokyo", platform="x", language="ja", timezone="Asia/Tokyo")


def test_setting_a_credential_is_audited_without_its_value(store: Store) -> None:
    account = accounts.add_account(store, name="Tokyo", platform="x", language="ja", timezone="Asia/Tokyo")
    accounts.set_credential(store, "Tokyo", "access_secret", "access-secret-value-998877")
    (event,) = [e for e in queries.list_events(store, entity="account") if e.action == "set_secret"]
    assert (event.entity_id, event.details) == (account.id, {"field": "access_secret"})
    assert "access-secret-value-998877" not in str(queries.list_events(store))


def test_a_credential_the_platform_refuses_is_refused_by_the_service_too(store: Store) -> None:
    """X reads a bearer token only to refuse it: whoever calls the service (not only the CLI or a form)
    gets the sentence, and nothing reaches the keyring or the trail."""
    accounts.add_account(store, name="Tokyo", platform="x", language="ja", timezone="Asia/Tokyo")
    with pytest.raises(UserError, match=r"OAuth 1\.0a user keys"):
        accounts.set_credential(store, "Tokyo", "bearer_token", "bearer-token-value-998877")
    assert "bearer_token" not in secrets.load_credentials("x", "Tokyo", ["bearer_token"])
    assert not [e for e in queries.list_events(store, entity="account") if e.action == "set_secret"]


def test_edit_changes_zone_and_language_and_audits_both_values(store: Store) -> None:
    accounts.add_account(store, name="Tokyo", platform="x", language="en", timezone="UTC")
    edit = accounts.edit_account(store, "Tokyo", language="JA", timezone="Asia/Tokyo", actor="desk officer")
    assert (edit.account.language, edit.account.timezone, edit.changed) == (
        "ja",
        "Asia/Tokyo",
        ("language", "timezone"),
    )
    assert queries.get_account(store, "Tokyo") == edit.account
    (event,) = [e for e in queries.list_events(store, entity="account") if e.action == "edit"]
    assert event.actor == "desk officer"
    assert event.details == {"language": {"from": "en", "to": "ja"}, "timezone": {"from": "UTC", "to": "Asia/Tokyo"}}


def test_edit_keeps_a_scheduled_posts_instant_and_counts_it(store: Store) -> None:
    accounts.add_account(store, name="Tokyo", platform="x", language="ja", timezone="UTC")
    post = posts.create_post(store, text="こんにちは", accounts=["Tokyo"])
    posts.schedule_post(store, post.id, datetime(2030, 1, 2, 9, 0), now=datetime(2029, 12, 1, tzinfo=UTC))
    before = queries.get_post(store, post.id).variants[0].scheduled_at
    edit = accounts.edit_account(store, "Tokyo", timezone="Asia/Tokyo")
    assert edit.scheduled == 1
    assert queries.get_post(store, post.id).variants[0].scheduled_at == before == datetime(2030, 1, 2, 9, 0, tzinfo=UTC)


def test_edit_with_nothing_new_writes_no_audit_event(store: Store) -> None:
    accounts.add_account(store, name="Tokyo", platform="x", language="ja", timezone="Asia/Tokyo")
    edit = accounts.edit_account(store, "Tokyo", language="ja", timezone="Asia/Tokyo")
    assert edit.changed == ()
    assert [e.action for e in queries.list_events(store, entity="account")] == ["create"]


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"timezone": "Asia/Atlantis"}, UserError, "Unknown time zone"),
        ({"language": "klingon"}, UserError, "Unknown language code"),
        ({"grace_minutes": -1}, UserError, "cannot be negative"),
        ({"name": "Osaka"}, NotFoundError, "No account named 'Osaka'"),
    ],
)
def test_bad_edits_are_refused_and_change_nothing(
    store: Store, kwargs: dict[str, object], error: type[Exception], message: str
) -> None:
    account = accounts.add_account(store, name="Tokyo", platform="x", language="ja", timezone="Asia/Tokyo")
    fields: dict[str, object] = {"name": "Tokyo", **kwargs}
    with pytest.raises(error, match=message):
        accounts.edit_account(store, **fields)  # type: ignore[arg-type]
    assert queries.get_account(store, "Tokyo") == account


def test_a_removed_account_cannot_be_edited(store: Store) -> None:
    accounts.add_account(store, name="Tokyo", platform="x", language="ja", timezone="Asia/Tokyo")
    posts.create_post(store, text="こんにちは", accounts=["Tokyo"])
    with store.write() as conn:
        conn.execute(variants.update().values(status="published", remote_id="1", published_at=datetime.now(UTC)))
    accounts.remove_account(store, "Tokyo")
    with pytest.raises(NotFoundError, match="No account named 'Tokyo'"):
        accounts.edit_account(store, "Tokyo", timezone="UTC")
    assert queries.list_accounts(store, include_removed=True)[0].timezone == "Asia/Tokyo"
