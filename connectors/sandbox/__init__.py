"""A local emulator of the X API v2 and the Graph API, for tests and the practice mode.

In-process use (tests)::

    with Sandbox() as sandbox:          # port 0: a free port, served from a thread
        url = sandbox.base_url          # e.g. http://127.0.0.1:53123
        ...                             # point an account's api_base at it
        sandbox.posts(platform="x")     # what was published
        sandbox.set_faults("500:1", times=1, path="/2/tweets")

As a process: ``communique sandbox serve --port 8765 --faults "500:0.1,latency:0.2:0.5"``
(``--allow-duplicates`` accepts a second post with the same text, like ``Sandbox(refuse_duplicates=False)``).

Practice mode: staff train against the sandbox instead of the real platforms. Give an account
``--api-base http://127.0.0.1:8765`` and a dummy token (``communique sandbox serve`` prints the
exact commands); everything then works as usual (publish, delete, metrics that grow over time:
fast in the first hours, more for posts at a good local hour of the audience, see
:mod:`connectors.sandbox.curve`) and nothing leaves the machine. The links of practice posts
point at the sandbox.
See :mod:`connectors.sandbox.server` for the HTTP endpoints and :mod:`connectors.sandbox.faults`
for the fault SPEC.
"""

from __future__ import annotations

import threading
from typing import Any

from connectors.sandbox.faults import FaultRule, Faults, parse_spec
from connectors.sandbox.server import SandboxServer
from connectors.sandbox.state import SandboxState

__all__ = ["Sandbox"]


class Sandbox:
    """The emulator: a server on 127.0.0.1 plus a Python handle on its state."""

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        faults: str | None = None,
        seed: int | None = None,
        refuse_duplicates: bool = True,
    ):
        """Bind to ``host:port`` (0: a free port); ``refuse_duplicates=False`` accepts a second post
        with the same text, as Facebook does for photo posts (a double publish then shows as two posts)."""
        self.state = SandboxState(refuse_duplicates=refuse_duplicates)
        self.faults = Faults(parse_spec(faults or ""), seed=seed)
        self._server = SandboxServer((host, port), self.state, self.faults)
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        """The port it listens on (the real one when started with port 0)."""
        return int(self._server.server_address[1])

    @property
    def base_url(self) -> str:
        """The URL to give an account as its API base."""
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> Sandbox:
        """Serve from a background thread."""
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, name="sandbox", daemon=True
            )
            self._thread.start()
        return self

    def serve_forever(self) -> None:
        """Serve from this thread until :meth:`stop` (or Ctrl-C)."""
        self._server.serve_forever()

    def stop(self) -> None:
        """Stop serving and close the socket."""
        if self._thread is not None:
            self._server.shutdown()
            self._thread.join(timeout=10)
            self._thread = None
        self._server.server_close()

    def __enter__(self) -> Sandbox:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # --- inspection and control -------------------------------------------------------------

    def posts(
        self, platform: str | None = None, *, include_deleted: bool = False, kind: str | None = None
    ) -> list[dict[str, Any]]:
        """Every post kept (oldest first), like ``GET /__sandbox/posts``; ``kind="post"`` leaves out
        the unpublished photos a several-photo Facebook post is built from."""
        return self.state.records(platform, include_deleted=include_deleted, kind=kind)

    def calls(self) -> list[tuple[str, str]]:
        """(method, path) of every platform request received, in order."""
        with self.state._lock:
            return list(self.state.calls)

    def set_faults(
        self,
        spec: str,
        *,
        times: int | None = None,
        path: str | None = None,
        method: str | None = None,
        skip: int = 0,
        replace: bool = False,
    ) -> list[FaultRule]:
        """Add fault rules from a SPEC (see :mod:`connectors.sandbox.faults`); returns the active rules.

        ``skip``: let that many matching requests through first (``skip=1``: the second thread part)."""
        self.faults.add(parse_spec(spec, times=times, path=path, method=method, skip=skip), replace=replace)
        return self.faults.rules()

    def clear_faults(self) -> None:
        """Remove every fault rule."""
        self.faults.clear()

    def advance(self, seconds: float) -> None:
        """Move the emulator's clock forward: engagement grows, rate-limit windows reset."""
        self.state.advance(seconds)

    def set_time(self, epoch: float) -> None:
        """Set the emulator's clock to ``epoch`` (seconds since 1970), e.g. to replay a past week."""
        self.state.set_time(epoch)

    def now(self) -> float:
        """The emulator's clock (seconds since 1970)."""
        return self.state.now()

    def set_audience_zone(self, owner: str, zone: str) -> None:
        """Say where the audience of ``owner`` (an X user id or a Facebook Page id) lives, as an IANA zone
        (UTC unless told): its posts from now on do best at that zone's morning and evening hours."""
        self.state.set_audience_zone(owner, zone)

    def revoke(self, token: str) -> None:
        """Make a token fail as expired."""
        self.state.revoke(token)

    def remove_metric(self, name: str, *, page: str | None = None) -> None:
        """Retire a Graph insights metric (it then answers "invalid metric"); ``page``: refuse it for
        that Page only (a Page not eligible for insights), the others still get it."""
        self.state.remove_metric(name, page)

    def refuse_insights(self, page: str, why: str | None = "permission") -> None:
        """Refuse every insights request about ``page``'s posts, as Graph does without the read_insights
        permission ("permission", error #10) or for a Page under 100 likes ("few-likes", subcode 2874008);
        ``None`` gives them back. Reactions, comments and shares still answer."""
        self.state.refuse_insights(page, why)

    def set_credits(self, user: str, *, depleted: bool = True) -> None:
        """Make every request of X user ``user`` answer 402 CreditsDepleted (pay-per-use, no credits left)."""
        self.state.set_credits(user, depleted=depleted)

    def set_bearer_lifetime(self, seconds: float | None) -> None:
        """Make OAuth 2.0 bearer tokens expire ``seconds`` after their first use (X: 7200); ``None``: never."""
        self.state.bearer_lifetime = seconds

    def set_refuse_duplicates(self, refuse: bool) -> None:
        """Switch the duplicate-text check on (the default) or off, like ``POST /__sandbox/duplicates``."""
        self.state.set_refuse_duplicates(refuse)

    # --- comments and replies (see connectors.sandbox.comments) -------------------------------

    def add_comment(
        self,
        post_id: str,
        text: str,
        *,
        language: str = "en",
        author: str | None = None,
        parent: str | None = None,
        likes: int = 0,
    ) -> str:
        """Write a comment on ``post_id`` now (a reply to the comment ``parent`` when given); returns its id.

        ``likes``: the likes it ends with (they grow over its first hours)."""
        record = self.state.get(post_id)
        if record is None:
            raise KeyError(f"no live post {post_id}")
        comment = self.state.comments.add(
            record, text, now=self.state.now(), language=language, author=author, parent_id=parent, likes=likes
        )
        return comment.id

    def edit_comment(self, comment_id: str, text: str) -> str:
        """Change a comment's text now; returns the id of the new version (X: a new id, Facebook: the same)."""
        return self.state.comments.edit(comment_id, text, now=self.state.now())

    def delete_comment(self, comment_id: str) -> None:
        """Delete a comment now: later answers no longer show it."""
        self.state.comments.delete(comment_id, now=self.state.now())

    def comments(self, post_id: str) -> list[dict[str, Any]]:
        """The comments shown on ``post_id`` now, oldest first: id, version id, text, language, author, parent."""
        record = self.state.get(post_id)
        if record is None:
            return []
        now = self.state.now()
        return [
            {
                "id": c.id,
                "version_id": c.shown(now).id,
                "text": c.shown(now).text,
                "language": c.language,
                "author": c.author_name,
                "parent": c.parent_id,
                "likes": c.like_count(now),
            }
            for c in self.state.comments.visible(record, self.state.post_zone(record), now)
        ]

    def set_comment_crowd(self, on: bool) -> None:
        """Let the generated audience comment on every post (the default), or only the comments added here."""
        self.state.comments.set_crowd(on)

    def set_search_access(self, user: str, *, allowed: bool) -> None:
        """Give X user ``user`` an access level with search (replies readable; the default) or without it
        (``GET /2/tweets/search/recent`` answers 403 ``client-not-enrolled``)."""
        self.state.comments.set_search_access(user, allowed)

    def set_rate_limit(self, platform: str, bucket: str, limit: int, window: int = 900) -> None:
        """Change a rate-limit bucket (X: create, delete, lookup, me, timeline, media; facebook: calls)."""
        self.state.set_limit(platform, bucket, limit, window)
