"""An example plugin connector: publishes into a list in memory. It imports only the contract."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from connectors.base import (
    MISSING_POST,
    AccountContext,
    CheckResult,
    ExternalIdRule,
    Identity,
    Metrics,
    OutgoingPost,
    Published,
    RateLimit,
    RetryableError,
)

PUBLISHED: list[tuple[str, str]] = []  # (account name, text); a deleted post keeps its place with no text
#: Answers to lose after the post is made, as a dropped connection would (tests set it).
LOSE_ANSWERS = 0


def echo_length(text: str) -> int:
    """The echo platform's own unit: bytes of UTF-8, so an accented letter counts 2."""
    return len(text.encode("utf-8"))


class EchoConnector:
    """Publishes by remembering; 500 bytes at most. Its metrics: one reaction per character."""

    platform = "echo"
    # How core sees the platform: every attribute below is optional (see the Connector Protocol).
    length_limit = 500
    length_unit = "bytes"
    text_length = staticmethod(echo_length)
    credential_fields = ("token",)  # from the keyring, or COMMUNIQUE_ECHO_TOKEN
    external_id_rule = ExternalIdRule("user id")  # required: an account must give its id on echo

    def __init__(self, account: AccountContext) -> None:
        self.account = account

    def check(self, post: OutgoingPost) -> CheckResult:
        length = echo_length(post.text)
        problems = () if length <= self.length_limit else (f"The text is {length} bytes; echo allows 500.",)
        return CheckResult(ok=not problems, length=length, limit=self.length_limit, problems=problems)

    def publish(self, post: OutgoingPost) -> Published:
        global LOSE_ANSWERS
        PUBLISHED.append((self.account.name, post.text))
        remote_id = str(len(PUBLISHED))
        if LOSE_ANSWERS > 0:
            LOSE_ANSWERS -= 1
            raise RetryableError("The echo answer was lost on the way back.")
        return Published(remote_id=remote_id, url=f"echo://{remote_id}")

    def delete(self, remote_id: str) -> None:
        PUBLISHED[int(remote_id) - 1] = (self.account.name, "")

    def find_published(self, post: OutgoingPost, since: datetime) -> Published | None:
        for index, (name, text) in enumerate(PUBLISHED, start=1):
            if name == self.account.name and text and text == post.text:
                return Published(remote_id=str(index), url=f"echo://{index}")
        return None

    def fetch_metrics(self, remote_ids: Sequence[str]) -> list[Metrics]:
        found: list[Metrics] = []
        for remote_id in remote_ids:
            index = int(remote_id) - 1
            text = PUBLISHED[index][1] if 0 <= index < len(PUBLISHED) else ""
            if text:
                found.append(
                    Metrics(remote_id=remote_id, reactions=len(text), replies=0, raw={"characters": len(text)})
                )
            else:
                found.append(Metrics(remote_id=remote_id, missing=(MISSING_POST,)))
        return found

    def verify(self) -> Identity:
        return Identity(remote_id="echo-1", name=self.account.name)

    def rate_limit(self) -> RateLimit | None:
        return None
