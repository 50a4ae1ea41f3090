"""The contract every platform connector implements, and the errors it may raise.

A connector turns a variant into a post on one platform. The scheduler and the GUI only ever
see this Protocol and the error classes below, so a Mastodon or Telegram plugin fits without
touching them. Built-ins and plugins register in the entry-point group
``communique.connectors`` (see :mod:`connectors.registry`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol, runtime_checkable

# Re-exported so that a plugin describes its platform with imports from this module alone.
# Comments as fetched are defined in core, which records them (see CommentSource below).
from core.comments import CommentBatch as CommentBatch
from core.comments import FetchedComment as FetchedComment
from core.domain import ErrorClass
from core.platforms import ExternalIdRule as ExternalIdRule
from core.platforms import LengthFunction as LengthFunction
from core.publishable import MediaShape, PostShape
from core.secrets import Secret

# --- what goes in -------------------------------------------------------------------------------


# Defined in core (core cannot import connectors, and checks posts before scheduling with the
# connectors' own rules): one image or video to attach with its alt text, and what a connector
# publishes (one variant's text and media for one account; ``as_thread`` splits over-long text
# into a numbered thread where the platform has them).
MediaItem = MediaShape
OutgoingPost = PostShape


@dataclass(frozen=True)
class AccountContext:
    """The account a connector acts for: where to send requests and with which credentials."""

    name: str
    platform: str
    api_base: str | None
    external_id: str | None
    credentials: Mapping[str, Secret]


# --- what comes out -----------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckResult:
    """Whether a text (and media) fits the platform."""

    ok: bool
    length: int  # in the platform's own unit (X: weighted characters)
    limit: int
    problems: tuple[str, ...] = ()
    parts: int = 1  # posts it takes: more than 1 only for a thread (OutgoingPost.as_thread)


@dataclass(frozen=True)
class Published:
    """A post that exists on the platform."""

    remote_id: str
    url: str
    extra_ids: tuple[str, ...] = ()  # the rest of a thread, uploaded media...


#: In :attr:`Metrics.missing`: the post itself is gone (deleted, hidden); every count is ``None``.
MISSING_POST = "post"


@dataclass(frozen=True)
class Metrics:
    """Engagement of one published post at one moment. ``None`` means "not available".

    A connector answers for every id it was asked about: a post the platform no longer has comes
    back with ``missing == (MISSING_POST,)`` rather than failing the others of its batch.
    """

    remote_id: str
    reactions: int | None = None
    shares: int | None = None
    replies: int | None = None
    impressions: int | None = None
    clicks: int | None = None
    raw: Mapping[str, int | float | None] = field(default_factory=dict)
    missing: tuple[str, ...] = ()  # metrics asked for but refused (e.g. removed by the platform)
    notes: tuple[str, ...] = ()  # one sentence each: why metrics are missing and what to do about it


@dataclass(frozen=True)
class RateLimit:
    """The rate-limit state last read from the platform's headers."""

    limit: int | None
    remaining: int | None
    resets_at: datetime | None


@dataclass(frozen=True)
class Identity:
    """Who the credentials belong to on the platform."""

    remote_id: str
    name: str
    handle: str | None = None


# --- errors -------------------------------------------------------------------------------------


class ConnectorError(Exception):
    """Base class. ``message`` is one sentence a press officer can act on; never a secret."""

    kind: str = ErrorClass.PERMANENT
    retryable = False

    def __init__(self, message: str, *, status: int | None = None, code: str | int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.code = code


class RetryableError(ConnectorError):
    """A timeout, a dropped connection, a 5xx: try again later.

    ``retry_after`` is the wait in seconds the platform asked for (``Retry-After``, a rate-limit
    reset). ``None`` means the platform said nothing: the caller uses its own backoff.
    """

    kind = ErrorClass.RETRYABLE
    retryable = True

    def __init__(self, message: str, *, retry_after: float | None = None, **kwargs: object) -> None:
        super().__init__(message, **kwargs)  # type: ignore[arg-type]
        self.retry_after = retry_after


class RateLimitedError(RetryableError):
    """429 or a platform rate-limit code: wait until ``reset_at`` (``None``: the platform did not say
    when; use the backoff)."""

    kind = ErrorClass.RATE_LIMITED

    def __init__(self, message: str, *, reset_at: datetime | None = None, **kwargs: object) -> None:
        super().__init__(message, **kwargs)  # type: ignore[arg-type]
        self.reset_at = reset_at


class AuthenticationError(ConnectorError):
    """Expired or revoked credentials: the account must be reconnected."""

    kind = ErrorClass.AUTHENTICATION


class DuplicateContentError(ConnectorError):
    """The platform refuses the same text twice."""

    kind = ErrorClass.DUPLICATE


class PolicyBlockedError(ConnectorError):
    """Blocked by the platform's rules (spam filter, temporary block, missing permission)."""

    kind = ErrorClass.POLICY


class BillingError(PolicyBlockedError):
    """The platform refuses every request of the account until its developer account is paid for (X's
    402 when the pay-per-use credits run out). Retrying cannot help: a person adds credits; meanwhile
    nothing is sent for the account (no post is failed for it, no poll is spent on it)."""


class AccessLevelError(PolicyBlockedError):
    """The platform refuses an endpoint at the account's access level (X's 403 ``client-not-enrolled``
    on search for a plan without it). Retrying cannot help until the plan changes: the message says
    what to do, and the caller asks again only after a long wait."""


class InvalidContentError(ConnectorError):
    """Too long, bad media, bad link: ``reason`` says what to change."""

    kind = ErrorClass.INVALID


class PermanentError(ConnectorError):
    """Anything else that will not succeed by retrying."""

    kind = ErrorClass.PERMANENT


class NeedsConfirmationError(PermanentError):
    """The platform cannot tell whether an interrupted attempt published the post: a person checks
    the account, and confirms that the post is absent before it is sent again."""

    kind = ErrorClass.NEEDS_CONFIRMATION


def unrecognisable_post(platform: str) -> NeedsConfirmationError:
    """The error of a look-up that cannot tell whether a post without text went out: the account has
    posts without text since the attempt, and nothing else tells them apart. Claiming one could
    record someone else's post; sending again could post twice; so a person decides."""
    return NeedsConfirmationError(
        f"{platform} cannot tell whether the interrupted attempt published this post, which has no text: "
        "look at the account, and publish it again only if it is not there."
    )


# --- the contract -------------------------------------------------------------------------------


@runtime_checkable
class Connector(Protocol):
    """One platform. Instances are bound to one account (see :class:`AccountContext`).

    Besides ``platform``, a connector class may describe its platform with these class attributes,
    which core reads through the entry point (:func:`core.platforms.spec`) to count lengths, check
    texts and validate accounts without importing the connector. Each is optional; without it:

    - ``length_limit: int | None`` -- the longest text, in the platform's unit (default ``None``:
      no limit is stated, so the GUI shows no counter and translations are not flagged);
    - ``text_length: LengthFunction`` -- a text's length in that unit, as a ``staticmethod``
      (default :func:`len`);
    - ``length_unit: str`` -- the unit's name in messages, e.g. ``"weighted characters"``
      (default ``"characters"``);
    - ``credential_fields`` -- the credential field names, or a mapping of field -> environment
      variable (default: none declared, so any lower-case name is accepted; a field's variable
      defaults to ``COMMUNIQUE_<PLATFORM>_<FIELD>``);
    - ``external_id_rule: ExternalIdRule | None`` -- what the platform calls an account's id and
      whether an account needs one (default ``None``: no id asked for).

    ``check`` may be a ``staticmethod`` (the built-ins' is): then a text is checked without an
    account. Otherwise it is called on an instance bound to an account without credentials, so it
    must not need them.
    """

    platform: str

    def check(self, post: OutgoingPost) -> CheckResult:
        """Whether the post fits the platform's rules; no network, no credentials."""

    def publish(self, post: OutgoingPost) -> Published:
        """Create the post; raise a :class:`ConnectorError` subclass on failure."""

    def delete(self, remote_id: str) -> None:
        """Delete a published post."""

    def find_published(self, post: OutgoingPost, since: datetime) -> Published | None:
        """The post if it already exists on the platform (after a crash mid-publish), else ``None``."""

    def fetch_metrics(self, remote_ids: Sequence[str]) -> list[Metrics]:
        """Metrics for many posts in as few calls as the platform allows."""

    def verify(self) -> Identity:
        """Check the credentials and return whose they are."""

    def rate_limit(self) -> RateLimit | None:
        """The rate-limit state read from the last answer's headers."""


# --- optional capabilities ----------------------------------------------------------------------


@runtime_checkable
class CommentSource(Protocol):
    """A connector that can read the comments on its published posts (the built-ins can).

    Optional: the comment collector skips the accounts whose connector lacks ``fetch_comments``
    (see :func:`reads_comments`). Nothing is ever sent back to the platform through it.
    """

    def fetch_comments(self, remote_id: str, *, since_id: str | None = None) -> CommentBatch:
        """The comments on the post ``remote_id`` (newer than ``since_id`` when given, where the platform
        can say so); raises a :class:`ConnectorError` subclass (:class:`AccessLevelError` when the
        account's plan does not include reading them)."""


def reads_comments(connector: object) -> bool:
    """Whether ``connector`` offers :meth:`CommentSource.fetch_comments`."""
    return callable(getattr(connector, "fetch_comments", None))
