"""Account services: validation before any write, removal that keeps history."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from core import queries
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
    accounts.set_credential(store, "Tokyo", "bearer_token", "bearer-token-value-998877")
    (event,) = [e for e in queries.list_events(store, entity="account") if e.action == "set_secret"]
    assert (event.entity_id, event.details) == (account.id, {"field": "bearer_token"})
    assert "bearer-token-value-998877" not in str(queries.list_events(store))
