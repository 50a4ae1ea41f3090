"""Words for people about what the scheduler did, shared by the CLI and the GUI (no Qt here).

Besides the one-line event descriptions: why a variant did not go out and what to do about it
(:func:`advise`), and which actions a screen may offer for a variant (:func:`actions_for`), so
that no widget needs a rule of its own about statuses.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from core.domain import OPEN_STATUSES, ErrorClass, VariantStatus
from core.services.account_options import BILLING
from core.words import QT_TRANSLATE_NOOP
from scheduler.events import EventKind, FeedEvent
from scheduler.poller import METRICS_ERROR


def describe_event(item: FeedEvent) -> str:
    """One event on one line: when (UTC), what, which variant, and what there is to know."""
    event, details = item.event, item.event.details
    if event.kind is EventKind.PUBLISHED:
        what = str(details.get("url") or details.get("remote_id") or "")
        if details.get("reconciled"):
            what += " (found on the platform after an interrupted attempt)"
    elif event.kind is EventKind.FAILED:
        what = f"{details.get('error_class')}: {details.get('error')}"
    elif event.kind is EventKind.RETRY_SCHEDULED:
        what = f"{details.get('error_class')}: {details.get('error')} (tried again at {details.get('at')})"
    elif event.kind is EventKind.MISSED:
        what = str(details.get("error") or f"due {details.get('due')}")
    else:
        what = "partial: some metrics could not be read" if details.get("partial") else ""
    line = f"{item.at:%Y-%m-%d %H:%M:%S} UTC  {event.kind.value:<15}  variant {event.variant_id}"
    return f"{line}  {what}" if what else line


class Remedy(enum.StrEnum):
    """What a person can do about a variant that did not go out."""

    RETRY = "retry"  # publish it now (it is looked up first if an attempt was interrupted)
    CONFIRM_ABSENT = "confirm_absent"  # check the account by hand, then publish without the look-up
    RECONNECT = "reconnect"  # renew the account's access, then retry
    EDIT = "edit"  # change the text or media, then retry
    NONE = "none"  # nothing to do here (it retries on its own, or it is only a note)


class Action(enum.StrEnum):
    """What a screen may offer for one variant."""

    RETRY = "retry"  # publish now
    CONFIRM_AND_PUBLISH = "confirm_and_publish"  # publish now, the person having checked the account
    CANCEL = "cancel"
    RESCHEDULE = "reschedule"
    OPEN = "open"  # the published post on the platform


@dataclass(frozen=True)
class Advice:
    """Why a variant did not go out, in plain words, and what to do about it."""

    reason: str
    action: str
    remedy: Remedy


#: The translation context of the advice sentences (written out in each call: lupdate reads literals).
ADVICE = "Advice"

#: ``variants.last_error_class`` of a published variant whose figures cannot be read.
METRICS = METRICS_ERROR

_ADVICE: dict[str, Advice] = {
    ErrorClass.AUTHENTICATION: Advice(
        QT_TRANSLATE_NOOP(
            "Advice", "The platform no longer accepts this account's sign-in (the access expired or was withdrawn)."
        ),
        QT_TRANSLATE_NOOP("Advice", "Reconnect the account on the Accounts screen, then retry."),
        Remedy.RECONNECT,
    ),
    ErrorClass.INVALID: Advice(
        QT_TRANSLATE_NOOP(
            "Advice",
            "The platform refused the post as it is: most often the text is too long for it, or a file is not accepted.",  # noqa: E501 - one literal, as lupdate reads it
        ),
        QT_TRANSLATE_NOOP("Advice", "Shorten the text (or change the media) in Compose, then retry."),
        Remedy.EDIT,
    ),
    ErrorClass.DUPLICATE: Advice(
        QT_TRANSLATE_NOOP("Advice", "The platform refused it because the account already carries the same text."),
        QT_TRANSLATE_NOOP("Advice", "Change the text a little in Compose, then retry."),
        Remedy.EDIT,
    ),
    ErrorClass.POLICY: Advice(
        QT_TRANSLATE_NOOP("Advice", "The platform refused it under its rules on content."),
        QT_TRANSLATE_NOOP("Advice", "Read the platform's message above, change the post in Compose, then retry."),
        Remedy.EDIT,
    ),
    ErrorClass.PERMANENT: Advice(
        QT_TRANSLATE_NOOP("Advice", "The platform refused it and trying the same post again will not help."),
        QT_TRANSLATE_NOOP("Advice", "Read the platform's message above, change the post or the account, then retry."),
        Remedy.EDIT,
    ),
    ErrorClass.RETRYABLE: Advice(
        QT_TRANSLATE_NOOP("Advice", "The platform or the network failed for a moment."),
        QT_TRANSLATE_NOOP("Advice", "Retry now; the post is sent once, never twice."),
        Remedy.RETRY,
    ),
    ErrorClass.RATE_LIMITED: Advice(
        QT_TRANSLATE_NOOP("Advice", "The platform asked for a pause: the account sent too much in a short time."),
        QT_TRANSLATE_NOOP(
            "Advice", "Retry once the pause is over (it is tried again on its own when it is still scheduled)."
        ),
        Remedy.RETRY,
    ),
    ErrorClass.MISSED: Advice(
        QT_TRANSLATE_NOOP(
            "Advice", "It was not sent at its time: nothing was publishing then, and the time is past its grace window."
        ),
        QT_TRANSLATE_NOOP("Advice", "Retry to publish it now if it is still timely, or reschedule it."),
        Remedy.RETRY,
    ),
    ErrorClass.INTERRUPTED: Advice(
        QT_TRANSLATE_NOOP("Advice", "Sending was interrupted (the app or the computer stopped mid-way)."),
        QT_TRANSLATE_NOOP("Advice", "Retry: the platform is checked first, so the post cannot go out twice."),
        Remedy.RETRY,
    ),
    ErrorClass.NEEDS_CONFIRMATION: Advice(
        QT_TRANSLATE_NOOP("Advice", "Sending was interrupted and the platform cannot tell whether the post went out."),
        QT_TRANSLATE_NOOP(
            "Advice", "Look at the account on the platform. If the post is not there, confirm it and publish."
        ),
        Remedy.CONFIRM_ABSENT,
    ),
    METRICS: Advice(
        QT_TRANSLATE_NOOP("Advice", "It is published, but its engagement figures cannot be read at the moment."),
        QT_TRANSLATE_NOOP(
            "Advice",
            "Nothing to do for the post; if the account's access was withdrawn, reconnect it on the Accounts screen.",
        ),
        Remedy.NONE,
    ),
}

#: A post held because the platform wants its developer account paid for (X's 402): the same
#: words while it waits as after, since waiting alone never fixes it.
_BILLING = Advice(
    QT_TRANSLATE_NOOP("Advice", "The platform holds the account: its developer account has no credits left."),
    QT_TRANSLATE_NOOP(
        "Advice",
        "Add credits in the platform's developer console, then retry; until then it is tried again every six hours.",
    ),
    Remedy.RETRY,
)

_UNKNOWN = Advice(
    QT_TRANSLATE_NOOP("Advice", "It did not go out; the platform's message below says why."),
    QT_TRANSLATE_NOOP("Advice", "Correct what the message names, then retry."),
    Remedy.RETRY,
)


def advise(status: VariantStatus, error_class: str | None) -> Advice | None:
    """Why ``status``/``error_class`` needs a person, and what they can do; ``None`` when all is well.

    A scheduled variant with an error class is waiting for an automatic retry: its advice says so.
    """
    if error_class is None and status not in (VariantStatus.FAILED, VariantStatus.MISSED):
        return None
    if error_class is None:
        return _ADVICE[ErrorClass.MISSED] if status is VariantStatus.MISSED else _UNKNOWN
    if error_class == BILLING:
        return _BILLING
    advice = _ADVICE.get(error_class, _UNKNOWN)
    if status is VariantStatus.SCHEDULED and advice.remedy is Remedy.RETRY:
        return Advice(
            advice.reason,
            QT_TRANSLATE_NOOP("Advice", "It is tried again on its own; retry to send it at once."),
            Remedy.RETRY,
        )
    return advice


def actions_for(status: VariantStatus, error_class: str | None, remote_url: str | None) -> frozenset[Action]:
    """The actions that make sense for a variant in ``status`` (the services still have the last word)."""
    found: set[Action] = set()
    if status in OPEN_STATUSES:
        found.update((Action.CANCEL, Action.RESCHEDULE))
    waiting = status is VariantStatus.SCHEDULED and error_class not in (None, METRICS)
    if status in (VariantStatus.FAILED, VariantStatus.MISSED) or waiting:
        found.add(Action.CONFIRM_AND_PUBLISH if error_class == ErrorClass.NEEDS_CONFIRMATION else Action.RETRY)
    if status is VariantStatus.PUBLISHED and remote_url:
        found.add(Action.OPEN)
    return frozenset(found)
