"""An example plugin connector: publishes into a list in memory. It imports only the contract."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from connectors.base import AccountContext, CheckResult, Identity, Metrics, OutgoingPost, Published, RateLimit

PUBLISHED: list[tuple[str, str]] = []  # (account name, text)


class EchoConnector:
    """Publishes by remembering; 500 characters at most."""

    platform = "echo"
    credential_fields = ("token",)

    def __init__(self, account: AccountContext) -> None:
        self.account = account

    def check(self, post: OutgoingPost) -> CheckResult:
        return CheckResult(ok=len(post.text) <= 500, length=len(post.text), limit=500)

    def publish(self, post: OutgoingPost) -> Published:
        PUBLISHED.append((self.account.name, post.text))
        remote_id = str(len(PUBLISHED))
        return Published(remote_id=remote_id, url=f"echo://{remote_id}")

    def delete(self, remote_id: str) -> None:
        PUBLISHED[int(remote_id) - 1] = (self.account.name, "")

    def find_published(self, post: OutgoingPost, since: datetime) -> Published | None:
        for index, (name, text) in enumerate(PUBLISHED, start=1):
            if name == self.account.name and text == post.text:
                return Published(remote_id=str(index), url=f"echo://{index}")
        return None

    def fetch_metrics(self, remote_ids: Sequence[str]) -> list[Metrics]:
        return [Metrics(remote_id=r, reactions=0) for r in remote_ids]

    def verify(self) -> Identity:
        return Identity(remote_id="echo-1", name=self.account.name)

    def rate_limit(self) -> RateLimit | None:
        return None
