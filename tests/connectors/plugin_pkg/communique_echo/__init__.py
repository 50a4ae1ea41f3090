"""An example plugin connector: publishes into a list in memory. It imports only the contract."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from connectors.base import (
    MISSING_POST,
    AccountContext,
    CheckResult,
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


class EchoConnector:
    """Publishes by remembering; 500 characters at most. Its metrics: one reaction per character."""

    platform = "echo"
    credential_fields = ("token",)

    def __init__(self, account: AccountContext) -> None:
        self.account = account

    def check(self, post: OutgoingPost) -> CheckResult:
        return CheckResult(ok=len(post.text) <= 500, length=len(post.text), limit=500)

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
