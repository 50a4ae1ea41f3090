"""Credentials never reach logs (even at DEBUG), error messages or the database."""

from __future__ import annotations

import io
import logging
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from connectors.base import AccountContext, ConnectorError, OutgoingPost
from connectors.facebook import exchange_page_token
from connectors.registry import account_context, connector_for
from connectors.sandbox import Sandbox
from core import queries, secrets
from core.services import accounts
from core.store import Store
from main import main

X_SECRETS = {
    "api_key": "LEAKCHECK-xkey-9f8e7d",
    "api_secret": "LEAKCHECK-xsecret-6c5b4a",
    "access_token": "LEAKCHECK-xtoken-3a2b1c",
    "access_secret": "LEAKCHECK-xtokensecret-0d9e8f",
}
X2_SECRETS = {
    "api_key": "LEAKCHECK-x2key-5h4g3f",
    "api_secret": "LEAKCHECK-x2secret-2e1d0c",
    "access_token": "LEAKCHECK-x2token-9b8a7z",
    "access_secret": "LEAKCHECK-x2tokensecret-6y5x4w",
}
X3_BEARER = "LEAKCHECK-oauth2-bearer-7g6h5i"  # refused: X accounts hold OAuth 1.0a keys
PAGE_TOKEN = "LEAKCHECK-fbpage-4j3k2l"
USER_TOKEN = "LEAKCHECK-fbuser-1m0n9o"
APP_SECRET = "LEAKCHECK-appsecret-8p7q6r"
ALL = [*X_SECRETS.values(), *X2_SECRETS.values(), X3_BEARER, PAGE_TOKEN, USER_TOKEN, APP_SECRET]


@pytest.fixture
def debug_log() -> Iterator[io.StringIO]:
    """Everything logged by any library at DEBUG, formatted with its arguments."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
    root = logging.getLogger()
    previous = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    yield stream
    root.removeHandler(handler)
    root.setLevel(previous)


def test_secrets_never_leak(
    store: Store, sandbox: Sandbox, debug_log: io.StringIO, capsys: pytest.CaptureFixture[str]
) -> None:
    base = sandbox.base_url
    accounts.add_account(store, name="X one", platform="x", language="en", timezone="UTC", api_base=base)
    accounts.add_account(store, name="X two", platform="x", language="en", timezone="UTC", api_base=base)
    accounts.add_account(
        store, name="Page", platform="facebook", language="fr", timezone="UTC", api_base=base, external_id="77"
    )
    for field, value in X_SECRETS.items():
        secrets.store_secret("x", "X one", field, value)
    for field, value in X2_SECRETS.items():
        secrets.store_secret("x", "X two", field, value)
    accounts.add_account(store, name="X three", platform="x", language="en", timezone="UTC", api_base=base)
    secrets.store_secret("x", "X three", "bearer_token", X3_BEARER)
    secrets.store_secret("facebook", "Page", "page_token", PAGE_TOKEN)

    connectors = [connector_for(account_context(queries.get_account(store, n))) for n in ("X one", "X two", "Page")]
    texts: list[str] = []

    def attempt(call: Callable[[], object]) -> None:
        try:
            call()
        except ConnectorError as exc:
            texts.extend([str(exc), repr(exc), exc.message, "".join(traceback.format_exception(exc))])

    for number, connector in enumerate(connectors):
        post = OutgoingPost(variant_id=number, text=f"Leak check {number}")
        published = connector.publish(post)
        connector.fetch_metrics([published.remote_id])
        attempt(lambda c=connector, p=post: c.publish(p))  # duplicate
        for fault in ("500", "503", "429", "drop", "policy"):
            sandbox.set_faults(f"{fault}:1", times=1)
            attempt(lambda c=connector: c.verify())
    attempt(lambda: connector_for(account_context(queries.get_account(store, "X three"))))  # a bearer: refused
    for token in (X_SECRETS["access_token"], X2_SECRETS["access_token"], PAGE_TOKEN):
        sandbox.revoke(token)
    for connector in connectors:
        attempt(connector.verify)  # authentication errors
        attempt(lambda c=connector: c.publish(OutgoingPost(variant_id=9, text="after revocation")))
    assert exchange_page_token(
        secrets.Secret(USER_TOKEN), app_id="42", app_secret=secrets.Secret(APP_SECRET), page_id="77", api_base=base
    ).reveal()
    attempt(
        lambda: exchange_page_token(
            secrets.Secret("expired" + USER_TOKEN),
            app_id="42",
            app_secret=secrets.Secret(APP_SECRET),
            page_id="77",
            api_base=base,
        )
    )
    assert main(["account", "verify", "Page"]) == 1  # the CLI's error path too
    out, err = capsys.readouterr()

    logged = debug_log.getvalue()
    assert "Making API request" in logged and "/2/tweets" in logged  # DEBUG logging really was captured
    assert 'oauth_token="***"' in logged and "access_token=***" in logged  # the clients did log tokens: scrubbed
    assert len(texts) >= 20
    db_path = Path(store.engine.url.database or "")
    database = b"".join(p.read_bytes() for p in db_path.parent.glob(db_path.name + "*"))  # with -wal, -shm
    assert database
    for value in ALL:
        assert value not in logged, f"a secret reached the log: {value}"
        assert value not in out + err
        assert all(value not in text for text in texts), f"a secret reached an error message: {value}"
        assert value.encode() not in database, f"a secret reached the database: {value}"


def test_values_a_connector_learns_are_redacted_by_core_secrets_too(sandbox: Sandbox) -> None:
    # The scheduler and the CLI scrub with core.secrets.redact: it must know what the connectors know.
    handed = "LEAKCHECK-handed-directly-2s1t0u"  # given to a connector directly, not through the keyring
    connector_for(AccountContext("Direct", "facebook", sandbox.base_url, "78", {"page_token": secrets.Secret(handed)}))
    page_token = exchange_page_token(
        secrets.Secret(USER_TOKEN),
        app_id="42",
        app_secret=secrets.Secret(APP_SECRET),
        page_id="78",
        api_base=sandbox.base_url,
    ).reveal()
    assert secrets.redact(f"failed with {handed} and {page_token}") == "failed with *** and ***"
    secrets.remember("short")  # too short to redact safely: ignored
    assert secrets.redact("a short note") == "a short note"
