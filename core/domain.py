"""The domain: accounts, posts, variants, media, attempts, as immutable values.

Services in :mod:`core.services` return these; the GUI, the CLI and the worker read them and
never touch rows directly. ``to_dict`` gives the JSON shape the CLI prints.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from datetime import datetime
from typing import Any


class VariantStatus(enum.StrEnum):
    """Where one language version stands on its way to one account."""

    DRAFT = "draft"
    APPROVED = "approved"
    SCHEDULED = "scheduled"
    PUBLISHING = "publishing"
    PUBLISHED = "published"
    FAILED = "failed"
    MISSED = "missed"
    CANCELLED = "cancelled"


#: Statuses in which a variant may still be edited, rescheduled or cancelled.
OPEN_STATUSES = frozenset(
    {
        VariantStatus.DRAFT,
        VariantStatus.APPROVED,
        VariantStatus.SCHEDULED,
        VariantStatus.FAILED,
        VariantStatus.MISSED,
    }
)


class ReviewState(enum.StrEnum):
    """A post's (and each variant's ``approval_state``) place in the approval flow."""

    DRAFT = "draft"
    IN_REVIEW = "in_review"
    APPROVED = "approved"
    REJECTED = "rejected"


class Role(enum.StrEnum):
    """What a team member may do; each role may do everything the one before it may."""

    OFFICER = "officer"  # draft, edit, translate, submit for approval
    APPROVER = "approver"  # also approve, reject, schedule, publish now, cancel
    ADMIN = "admin"  # also accounts, users, groups, settings


class TextOrigin(enum.StrEnum):
    """Where a variant's text came from."""

    SOURCE = "source"  # the post's own text, untranslated
    MACHINE = "machine"  # machine-translated, not yet edited
    HUMAN = "human"  # written or corrected by a person


class AuditAction(enum.StrEnum):
    """What an audit event records; stored as its value (a column of at most 40 characters)."""

    CREATE = "create"
    EDIT = "edit"
    ADD_TARGETS = "add_targets"
    SCHEDULE = "schedule"
    CANCEL = "cancel"
    DELETE = "delete"
    RETIRE = "retire"
    SET_SECRET = "set_secret"
    PUBLISH_NOW = "publish_now"
    CONFIRM_ABSENT = "confirm_absent"  # a person checked the platform: the post is not there
    PUBLISH = "publish"
    PUBLISH_OVERRIDE = "publish_override"  # the platform took it before a cancel or edit landed
    RETRY_SCHEDULED = "retry_scheduled"
    FAIL = "fail"
    MISS = "miss"
    RECUR = "recur"
    OCCUR = "occur"
    STOP = "stop"
    CORRECT = "correct"
    GLOSSARY_ADD = "glossary_add"
    GLOSSARY_UPDATE = "glossary_update"
    GLOSSARY_REMOVE = "glossary_remove"
    SUBMIT = "submit"  # sent for approval
    APPROVE = "approve"
    REJECT = "reject"
    REQUIRE_APPROVAL = "require_approval"  # an account's "requires approval" switched on or off
    USER_ADD = "user_add"
    USER_ROLE = "user_role"
    USER_DEACTIVATE = "user_deactivate"
    GROUP_ADD = "group_add"
    GROUP_ACCOUNT = "group_account"  # an account added to or taken out of a group
    GROUP_MEMBER = "group_member"  # a user added to or taken out of a group


class LanguageSource(enum.StrEnum):
    """Who said which language a comment is in (``comments.language_source``)."""

    DETECTED = "detected"  # the offline detector, confident enough
    PLATFORM = "platform"  # the platform's own guess (X's ``lang``), the detector unsure
    PERSON = "person"  # a reader set it by hand; never overwritten by a later detection


class AttemptOutcome(enum.StrEnum):
    """How one publish attempt ended."""

    PENDING = "pending"  # claimed; the call is under way (or its process died)
    PUBLISHED = "published"
    RECONCILED = "reconciled"  # found on the platform by the look-up after an interrupted attempt
    RETRY = "retry"  # failed, tried again later
    FAILED = "failed"  # failed for good
    INTERRUPTED = "interrupted"  # its process died mid-call; reset by recovery
    WITHDRAWN = "withdrawn"  # given back before anything was sent; did not count


class ErrorClass(enum.StrEnum):
    """Why a variant did not publish (``last_error_class``); connectors' error kinds are among them."""

    RETRYABLE = "retryable"
    RATE_LIMITED = "rate_limited"
    AUTHENTICATION = "authentication"
    DUPLICATE = "duplicate"
    POLICY = "policy"
    INVALID = "invalid"
    PERMANENT = "permanent"
    INTERRUPTED = "interrupted"  # its process died mid-call
    #: The platform cannot tell whether an interrupted attempt published it: a person must check
    #: the account and confirm that the post is absent before it is sent again.
    NEEDS_CONFIRMATION = "needs_confirmation"
    MISSED = "missed"


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, tuple | list):
        return [_jsonable(item) for item in value]
    if hasattr(value, "to_dict"):
        return value.to_dict()
    return value


class _Record:
    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dictionary of every field."""
        return {f.name: _jsonable(getattr(self, f.name)) for f in fields(self)}  # type: ignore[arg-type]


@dataclass(frozen=True)
class Account(_Record):
    """A destination: one Facebook Page, one X account, or a plugin platform's account."""

    id: int
    name: str
    platform: str
    language: str
    timezone: str
    handle: str | None
    api_base: str | None
    external_id: str | None
    credential_ref: str | None
    grace_minutes: int
    active: bool
    created_at: datetime
    requires_approval: bool = False  # nothing is scheduled to it before an approver approves it


@dataclass(frozen=True)
class Media(_Record):
    """A file attached to a post, copied into the app's media folder."""

    id: int
    post_id: int
    position: int
    path: str
    mime_type: str
    size_bytes: int
    sha256: str
    alt_text: str


@dataclass(frozen=True)
class Variant(_Record):
    """The post as it goes to one account, in that account's language."""

    id: int
    post_id: int
    account_id: int
    account_name: str
    platform: str
    language: str
    text: str
    text_origin: TextOrigin
    translation_path: str | None
    reviewed: bool
    status: VariantStatus
    scheduled_at: datetime | None
    schedule_zone: str | None
    schedule_local: str | None
    remote_id: str | None
    remote_url: str | None
    published_at: datetime | None
    attempt_count: int
    last_error_class: str | None
    last_error: str | None
    version: int
    approval_state: ReviewState = ReviewState.DRAFT
    approval_comment: str | None = None  # why it was last rejected, kept until it is approved

    @property
    def is_open(self) -> bool:
        """True while the variant can still be edited, rescheduled or cancelled."""
        return self.status in OPEN_STATUSES


def overall_review(approvals: Iterable[ReviewState]) -> ReviewState:
    """A post's place in the approval flow, from its variants' (each goes to one account, and
    only some accounts require approval): rejected when one was, in review while one waits,
    approved when all are, else draft."""
    states = set(approvals)
    for state in (ReviewState.REJECTED, ReviewState.IN_REVIEW):
        if state in states:
            return state
    return ReviewState.APPROVED if states == {ReviewState.APPROVED} else ReviewState.DRAFT


@dataclass(frozen=True)
class Post(_Record):
    """One message, written once, with its media and one variant per target account.

    ``review_state`` is :func:`overall_review` of its variants' approval states (the ``posts``
    column of that name is no longer written: approval is per variant since team mode).
    """

    id: int
    author: str
    source_language: str
    text: str
    review_state: ReviewState
    created_at: datetime
    updated_at: datetime
    variants: tuple[Variant, ...] = field(default=())
    media: tuple[Media, ...] = field(default=())


@dataclass(frozen=True)
class AuditEvent(_Record):
    """Who did what, when."""

    id: int
    at: datetime
    actor: str
    action: AuditAction | str  # a plugin's own action stays a string
    entity: str
    entity_id: int | None
    details: dict[str, Any]
