"""What the emulator remembers: posts, media, revoked tokens, rate-limit windows, the clock.

Everything sits behind one lock, so the threaded server and the test thread can read and change
it at the same time. Engagement is not stored: it is computed from a post's age, its popularity
and the local hour its audience saw it published (:mod:`connectors.sandbox.curve`), so it grows
over time (and :meth:`SandboxState.advance` moves the clock forward without sleeping).

Audience zones: each X user or Facebook Page has an audience in one IANA zone
(:meth:`SandboxState.set_audience_zone`; UTC unless told). A post keeps the zone its owner's
audience had when it was published. :data:`SHARED_AUDIENCES` holds zones every emulator of this
process falls back to: the practice workspace fills it before the emulator it will talk to
starts (that one starts on first use).
"""

from __future__ import annotations

import hashlib
import threading
import time
from dataclasses import asdict, dataclass, field
from typing import Any

from connectors.sandbox import curve
from connectors.sandbox.comments import CommentBook

#: Graph post insights that still exist; the sandbox answers "invalid metric" for any other.
GRAPH_METRICS = frozenset(
    {"post_media_view", "post_total_media_view_unique", "post_clicks", "post_reactions_by_type_total"}
)

X_FIELD_PARAMS = ("post.fields", "tweet.fields")
#: X's snowflake epoch (2010-11-04T01:42:54.657Z), in milliseconds.
SNOWFLAKE_EPOCH_MS = 1288834974657

#: (limit, window in seconds) per rate-limit bucket, in the spirit of each platform's tiers.
DEFAULT_LIMITS: dict[tuple[str, str], tuple[int, int]] = {
    ("x", "create"): (100, 900),
    # X's 24-hour caps on post creation, per user and per app (the tiers differ; tests lower them).
    ("x", "create-day-user"): (1000, 86400),
    ("x", "create-day-app"): (10000, 86400),
    ("x", "delete"): (50, 900),
    ("x", "lookup"): (900, 900),
    ("x", "me"): (75, 900),
    ("x", "timeline"): (900, 900),
    ("x", "media"): (500, 900),
    ("x", "search"): (180, 900),  # GET /2/tweets/search/recent, per user (replies to a post)
    ("facebook", "calls"): (4800, 3600),
}


@dataclass
class PostRecord:
    """One post (or a photo) as the emulator keeps it."""

    platform: str
    id: str
    account: str  # the X user id or the Facebook Page id
    text: str
    created_at: float
    link: str | None = None
    media_ids: list[str] = field(default_factory=list)
    reply_to: str | None = None
    kind: str = "post"  # "post", or "photo" for an unpublished Facebook photo
    published: bool = True
    deleted_at: float | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of ``GET /__sandbox/posts``."""
        return asdict(self)


@dataclass
class MediaRecord:
    """An uploaded image, GIF or video.

    A chunked upload (X's GIFs and videos) starts ``state`` "uploading" with ``total`` bytes
    announced and ``chunks`` by segment index; after finalize it is "pending", then "in_progress",
    then "succeeded" (or "failed") on successive status checks. A one-shot image is "succeeded".
    """

    id: str
    platform: str
    account: str
    mime_type: str
    size: int
    alt_text: str = ""
    state: str = "succeeded"
    category: str = ""
    total: int = 0
    chunks: dict[int, bytes] = field(default_factory=dict)


class RateLimitedBucketError(Exception):
    """A bucket is exhausted until ``reset`` (epoch seconds); ``headers``: extra ones for the 429."""

    def __init__(self, limit: int, reset: int) -> None:
        super().__init__("rate limited")
        self.limit = limit
        self.reset = reset
        self.headers: dict[str, str] = {}


@dataclass(frozen=True)
class Window:
    """A bucket's state after a call: limit, calls left, reset time (epoch seconds)."""

    limit: int
    remaining: int
    reset: int


#: The Graph user every user token belongs to, and the Page a token used nowhere yet answers ``/me`` for.
GRAPH_USER = ("user", "100000000000001")
DEFAULT_PAGE = "100000000000002"
PAGE_TOKEN_PREFIX = "sandbox-page-token-"


class AudienceZones:
    """Owner (an X user id or a Facebook Page id) -> the IANA zone its audience lives in; thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._zones: dict[str, str] = {}

    def set(self, owner: str, zone: str) -> None:
        """Say where ``owner``'s audience lives; a :class:`ValueError` for an unknown zone."""
        curve.zone_info(zone)
        with self._lock:
            self._zones[owner] = zone

    def get(self, owner: str) -> str | None:
        """``owner``'s zone, ``None`` when never set."""
        with self._lock:
            return self._zones.get(owner)

    def clear(self) -> None:
        """Forget every zone."""
        with self._lock:
            self._zones.clear()


#: Zones every emulator of this process uses for owners it was not told about itself.
SHARED_AUDIENCES = AudienceZones()
DEFAULT_AUDIENCE_ZONE = "UTC"


def user_id_for(token: str) -> str:
    """A stable numeric X user id for a token: different credentials are different users."""
    return str(10**17 + int(hashlib.sha256(token.encode()).hexdigest()[:12], 16))


#: How long X's OAuth 2.0 user tokens live without ``offline.access``: two hours.
BEARER_LIFETIME = 7200.0


class SandboxState:
    """The emulator's memory. Every public method is thread-safe."""

    def __init__(self, *, refuse_duplicates: bool = True) -> None:
        self._lock = threading.RLock()
        self._refuse_duplicates_at_start = refuse_duplicates
        #: Whether a second live post with the same text is refused (X always refuses; Facebook
        #: refuses text posts but not photo posts, so a crash test switches this off to see a
        #: double publish as two posts).
        self.refuse_duplicates = refuse_duplicates
        self._offset = 0.0
        self._last_id = 0
        self.posts: dict[str, PostRecord] = {}
        self.media: dict[str, MediaRecord] = {}
        #: Whether X's processing of the next finalized GIFs and videos fails (a file X cannot decode).
        self.fail_media_processing = False
        self.revoked: set[str] = set()
        #: X users whose developer account has no credits left: every request answers 402.
        self.unpaid: set[str] = set()
        #: Seconds an OAuth 2.0 bearer token lives from its first use (X: two hours without
        #: offline.access); ``None``: bearer tokens never expire.
        self.bearer_lifetime: float | None = BEARER_LIFETIME
        self._bearer_seen: dict[str, float] = {}
        #: X user -> the ``required_enrollment`` its App lacks: every request answers 403 client-not-enrolled.
        self.unenrolled: dict[str, str] = {}
        self.graph_tokens: dict[str, tuple[str, str]] = {}  # token -> ("page", page id) or ("user", user id)
        self._last_page: dict[str, str] = {}  # any other token -> the Page it was last used for
        self.removed_metrics: set[str] = set()
        self.page_refused_metrics: dict[str, set[str]] = {}  # Page id -> metrics refused for that Page only
        #: Page id -> why Graph refuses all of its insights: "permission" (no read_insights / ANALYZE task)
        #: or "few-likes" (a Page under 100 likes).
        self.insights_refusals: dict[str, str] = {}
        self.limits: dict[tuple[str, str], tuple[int, int]] = dict(DEFAULT_LIMITS)
        self._windows: dict[tuple[str, str, str], tuple[float, int]] = {}
        self.calls: list[tuple[str, str]] = []  # (method, path) of every platform request, in order
        self.audiences = AudienceZones()
        #: The query parameters X reads post fields from (``post.fields``, and the legacy ``tweet.fields``);
        #: a test narrows it to see a parameter X no longer reads dropped without a word.
        self.x_field_params: tuple[str, ...] = X_FIELD_PARAMS
        self._post_zones: dict[str, str] = {}  # post id -> its owner's audience zone when it was published
        #: Comments and replies on the posts (the generated audience and those a test added).
        self.comments = CommentBook()

    # --- clock and ids ----------------------------------------------------------------------

    def now(self) -> float:
        """The emulator's clock: real time plus whatever :meth:`advance` added."""
        with self._lock:
            return time.time() + self._offset

    def advance(self, seconds: float) -> None:
        """Move the clock forward (engagement grows, rate-limit windows reset)."""
        with self._lock:
            self._offset += seconds

    def set_time(self, epoch: float) -> None:
        """Set the clock to ``epoch`` (seconds), forward or back: a script replaying weeks of history
        sets it to the first post's time, then moves it on with :meth:`advance`."""
        with self._lock:
            self._offset = epoch - time.time()

    def new_id(self) -> str:
        """A fresh, increasing numeric id shaped like X's snowflakes: the emulator's time in milliseconds
        since X's epoch, shifted left by 22 bits (so a client can read a post's age from its id)."""
        with self._lock:
            candidate = (int(self.now() * 1000) - SNOWFLAKE_EPOCH_MS) << 22
            self._last_id = max(candidate, self._last_id + 1)
            return str(self._last_id)

    def log_call(self, method: str, path: str) -> None:
        """Remember one platform request (tests count calls, e.g. metrics batches)."""
        with self._lock:
            self.calls.append((method, path))

    # --- posts --------------------------------------------------------------------------------

    def add_post(self, record: PostRecord) -> PostRecord:
        """Store a new post; it keeps its owner's audience zone of this moment."""
        with self._lock:
            self.posts[record.id] = record
            self._post_zones[record.id] = self.audience_zone(record.account)
            return record

    def get(self, post_id: str) -> PostRecord | None:
        """A live (not deleted) post or photo."""
        with self._lock:
            record = self.posts.get(post_id)
            return record if record is not None and record.deleted_at is None else None

    def delete(self, post_id: str) -> bool:
        """Mark a post deleted; ``False`` if there was no live post with that id."""
        with self._lock:
            record = self.get(post_id)
            if record is None:
                return False
            record.deleted_at = self.now()
            return True

    def set_refuse_duplicates(self, refuse: bool) -> None:
        """Switch the duplicate-text check on or off (see :attr:`refuse_duplicates`)."""
        with self._lock:
            self.refuse_duplicates = refuse

    def duplicate_of(self, platform: str, account: str, text: str, *, text_posts: bool = False) -> PostRecord | None:
        """A live published post of the same account with the same text (``None`` when duplicates are
        allowed); ``text_posts``: only among posts without media (Facebook's check)."""
        if not text.strip():
            return None
        with self._lock:
            if not self.refuse_duplicates:
                return None
            for record in self.posts.values():
                if (
                    record.platform == platform
                    and record.account == account
                    and record.deleted_at is None
                    and record.published
                    and not (text_posts and record.media_ids)
                    and record.text.strip() == text.strip()
                ):
                    return record
        return None

    def timeline(self, platform: str, account: str, since: float | None = None) -> list[PostRecord]:
        """Live published posts of one account, newest first."""
        with self._lock:
            found = [
                r
                for r in self.posts.values()
                if r.platform == platform
                and r.account == account
                and r.deleted_at is None
                and r.published
                and (since is None or r.created_at >= since)
            ]
        return sorted(found, key=lambda r: (r.created_at, int(r.id.split("_")[-1])), reverse=True)

    def records(
        self, platform: str | None = None, include_deleted: bool = False, kind: str | None = None
    ) -> list[dict[str, Any]]:
        """Every post kept, oldest first, as JSON-ready dictionaries (``kind``: "post" or "photo")."""
        with self._lock:
            return [
                r.to_dict()
                for r in self.posts.values()
                if (platform is None or r.platform == platform)
                and (include_deleted or r.deleted_at is None)
                and (kind is None or r.kind == kind)
            ]

    def add_media(self, record: MediaRecord) -> MediaRecord:
        """Store an uploaded image."""
        with self._lock:
            self.media[record.id] = record
            return record

    def set_alt_text(self, media_id: str, text: str) -> bool:
        """Attach alt text to an uploaded image; ``False`` if there is no such media."""
        with self._lock:
            record = self.media.get(media_id)
            if record is None:
                return False
            record.alt_text = text
            return True

    # --- engagement ---------------------------------------------------------------------------

    def set_audience_zone(self, owner: str, zone: str) -> None:
        """Say where the audience of ``owner`` (an X user id or a Page id) lives, for its posts from now
        on; a :class:`ValueError` for an unknown zone."""
        with self._lock:
            self.audiences.set(owner, zone)

    def audience_zone(self, owner: str) -> str:
        """``owner``'s audience zone: set here, else in :data:`SHARED_AUDIENCES`, else UTC."""
        with self._lock:
            return self.audiences.get(owner) or SHARED_AUDIENCES.get(owner) or DEFAULT_AUDIENCE_ZONE

    def post_zone(self, record: PostRecord) -> str:
        """The audience zone ``record``'s owner had when it was published."""
        with self._lock:
            return self._post_zones.get(record.id) or self.audience_zone(record.account)

    def engagement(self, record: PostRecord) -> dict[str, int]:
        """Counts that grow with the post's age along :mod:`connectors.sandbox.curve`: stable per post
        id, better for a post published at a good local hour of its audience, never decreasing."""
        with self._lock:
            zone = self._post_zones.get(record.id) or self.audience_zone(record.account)
            now = self.now()
        return curve.counts(curve.impressions(record.id, record.created_at, now, zone), record.id)

    # --- tokens and rate limits ---------------------------------------------------------------

    def revoke(self, token: str) -> None:
        """Make a token fail as expired from now on."""
        with self._lock:
            self.revoked.add(token)

    def token_expired(self, token: str) -> bool:
        """Tokens starting with ``expired`` and revoked ones are refused."""
        with self._lock:
            return token.startswith("expired") or token in self.revoked

    def set_credits(self, user: str, *, depleted: bool) -> None:
        """Make every request of X user ``user`` answer 402 (no credits), or stop doing so."""
        with self._lock:
            (self.unpaid.add if depleted else self.unpaid.discard)(user)

    def out_of_credits(self, user: str) -> bool:
        """Whether X user ``user`` has no credits left."""
        with self._lock:
            return user in self.unpaid

    def set_enrollment(self, user: str, required: str | None) -> None:
        """Make every request of X user ``user`` answer 403 client-not-enrolled, naming the access level
        ``required``; ``None``: enrolled again."""
        with self._lock:
            if required is None:
                self.unenrolled.pop(user, None)
            else:
                self.unenrolled[user] = required

    def enrollment_missing(self, user: str) -> str | None:
        """The access level X user ``user``'s App lacks, or ``None``."""
        with self._lock:
            return self.unenrolled.get(user)

    def bearer_expired(self, token: str) -> bool:
        """Whether an OAuth 2.0 bearer token has outlived :attr:`bearer_lifetime` since its first use."""
        with self._lock:
            first = self._bearer_seen.setdefault(token, self.now())
            return self.bearer_lifetime is not None and self.now() - first > self.bearer_lifetime

    def issue_graph_token(self, token: str, kind: str, owner: str) -> None:
        """Record whose Graph token this is: ``kind`` "page" (``owner`` a Page id) or "user"."""
        with self._lock:
            self.graph_tokens[token] = (kind, owner)

    def graph_identity(self, token: str, page: str | None = None) -> tuple[str, str]:
        """Whose Graph token this is: ("page", page id) or ("user", user id).

        Tokens the emulator issued keep their owner (``sandbox-page-token-{page}`` is that Page's);
        ``user-...`` tokens are user tokens. Any other
        token (a practice token, the same for every practice account) is a Page token of whichever
        Page it was last used for (``page``: the Page the request names), so that one practice token
        serves every practice Page, and ``GET /me`` right after ``GET /{page}`` answers that Page;
        before any such use it answers as :data:`DEFAULT_PAGE`.
        """
        with self._lock:
            known = self.graph_tokens.get(token)
            if known is not None:
                return known
            if token.startswith("user-"):
                return GRAPH_USER
            if token.startswith(PAGE_TOKEN_PREFIX):  # one the emulator handed out, maybe before a restart
                return ("page", token[len(PAGE_TOKEN_PREFIX) :])
            if page is not None:
                self._last_page[token] = page
            return ("page", self._last_page.get(token, DEFAULT_PAGE))

    def remove_metric(self, name: str, page: str | None = None) -> None:
        """Simulate the platform retiring a Graph insights metric, or (``page``) refusing it for one
        Page only, as for a Page not eligible for insights."""
        with self._lock:
            if page is None:
                self.removed_metrics.add(name)
            else:
                self.page_refused_metrics.setdefault(page, set()).add(name)

    def refuse_insights(self, page: str, why: str | None) -> None:
        """Refuse every insights request about ``page``'s posts: ``why`` "permission" (the token lacks
        read_insights, or its person cannot perform the ANALYZE task) or "few-likes" (under 100 likes);
        ``None`` gives insights back."""
        if why not in (None, "permission", "few-likes"):
            raise ValueError(f"Unknown insights refusal {why!r}: use 'permission' or 'few-likes'.")
        with self._lock:
            if why is None:
                self.insights_refusals.pop(page, None)
            else:
                self.insights_refusals[page] = why

    def insights_refusal(self, page: str) -> str | None:
        """Why ``page``'s insights are refused, ``None`` when they are not."""
        with self._lock:
            return self.insights_refusals.get(page)

    def valid_metric(self, name: str, page: str | None = None) -> bool:
        """Whether a Graph insights metric exists (for ``page``, when given)."""
        with self._lock:
            refused = self.removed_metrics | self.page_refused_metrics.get(page or "", set())
            return name in GRAPH_METRICS and name not in refused

    def set_limit(self, platform: str, bucket: str, limit: int, window: int) -> None:
        """Change a bucket's limit and window (open windows restart)."""
        with self._lock:
            self.limits[(platform, bucket)] = (limit, window)
            for key in [k for k in self._windows if k[0] == platform and k[1] == bucket]:
                del self._windows[key]

    def hit(self, platform: str, bucket: str, who: str) -> Window:
        """Count one call against a bucket; raise :class:`RateLimitedBucketError` when it is exhausted."""
        with self._lock:
            limit, window = self.limits.get((platform, bucket), (10_000, 900))
            now = self.now()
            key = (platform, bucket, who)
            started, used = self._windows.get(key, (now, 0))
            if now >= started + window:
                started, used = now, 0
            reset = int(started + window)
            if used >= limit:
                raise RateLimitedBucketError(limit, reset)
            used += 1
            self._windows[key] = (started, used)
            return Window(limit=limit, remaining=limit - used, reset=reset)

    def reset(self) -> None:
        """Forget everything (posts, media, tokens, windows, limits, clock, duplicate switch, audience zones)."""
        with self._lock:
            self._offset = 0.0
            self.refuse_duplicates = self._refuse_duplicates_at_start
            self.posts.clear()
            self.media.clear()
            self.fail_media_processing = False
            self.revoked.clear()
            self.unpaid.clear()
            self.bearer_lifetime = BEARER_LIFETIME
            self._bearer_seen.clear()
            self.unenrolled.clear()
            self.graph_tokens.clear()
            self._last_page.clear()
            self.removed_metrics.clear()
            self.page_refused_metrics.clear()
            self.insights_refusals.clear()
            self.limits = dict(DEFAULT_LIMITS)
            self._windows.clear()
            self.calls.clear()
            self.audiences.clear()
            self.x_field_params = X_FIELD_PARAMS
            self._post_zones.clear()
            self.comments.reset()
