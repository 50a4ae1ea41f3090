"""Why a variant did not go out, in plain words, and which actions a screen may offer for it."""

from __future__ import annotations

import pytest

from core.domain import ErrorClass, VariantStatus
from core.services.account_options import BILLING
from scheduler.display import METRICS, Action, Remedy, actions_for, advise


def test_nothing_to_say_about_a_variant_that_is_fine() -> None:
    for status in (VariantStatus.SCHEDULED, VariantStatus.PUBLISHED, VariantStatus.DRAFT, VariantStatus.CANCELLED):
        assert advise(status, None) is None


@pytest.mark.parametrize(
    ("error_class", "remedy", "words"),
    [
        (ErrorClass.AUTHENTICATION, Remedy.RECONNECT, "Reconnect the account"),
        (ErrorClass.INVALID, Remedy.EDIT, "Shorten the text"),
        (ErrorClass.DUPLICATE, Remedy.EDIT, "then retry"),
        (ErrorClass.POLICY, Remedy.EDIT, "then retry"),
        (ErrorClass.PERMANENT, Remedy.EDIT, "then retry"),
        (ErrorClass.RETRYABLE, Remedy.RETRY, "Retry"),
        (ErrorClass.RATE_LIMITED, Remedy.RETRY, "Retry"),
        (ErrorClass.MISSED, Remedy.RETRY, "Retry"),
        (ErrorClass.INTERRUPTED, Remedy.RETRY, "cannot go out twice"),
        (ErrorClass.NEEDS_CONFIRMATION, Remedy.CONFIRM_ABSENT, "If the post is not there"),
    ],
)
def test_every_error_class_has_a_reason_and_an_action(error_class: ErrorClass, remedy: Remedy, words: str) -> None:
    advice = advise(VariantStatus.FAILED, error_class.value)
    assert advice is not None and advice.remedy is remedy
    assert words in advice.action and advice.reason.endswith(".")


def test_every_error_class_is_covered() -> None:
    generic = advise(VariantStatus.FAILED, "something_new")
    assert generic is not None
    for error_class in ErrorClass:
        assert advise(VariantStatus.FAILED, error_class.value) != generic


def test_a_scheduled_retry_says_it_is_tried_again_and_metrics_are_only_a_note() -> None:
    waiting = advise(VariantStatus.SCHEDULED, ErrorClass.RATE_LIMITED.value)
    assert waiting is not None and "tried again on its own" in waiting.action
    metrics = advise(VariantStatus.PUBLISHED, METRICS)
    assert metrics is not None and metrics.remedy is Remedy.NONE and "published" in metrics.reason
    missed = advise(VariantStatus.MISSED, None)
    assert missed is not None and missed.remedy is Remedy.RETRY


def test_a_post_held_for_credits_says_to_add_them_and_can_be_retried() -> None:
    held = advise(VariantStatus.SCHEDULED, BILLING)
    assert held is not None and "no credits" in held.reason and "Add credits" in held.action
    assert "tried again on its own" not in held.action  # waiting alone never fixes it
    assert Action.RETRY in actions_for(VariantStatus.SCHEDULED, BILLING, None)


def test_the_actions_follow_the_status() -> None:
    scheduled = actions_for(VariantStatus.SCHEDULED, None, None)
    assert scheduled == {Action.CANCEL, Action.RESCHEDULE}
    assert actions_for(VariantStatus.SCHEDULED, "retryable", None) == scheduled | {Action.RETRY}
    assert actions_for(VariantStatus.FAILED, "authentication", None) == scheduled | {Action.RETRY}
    assert actions_for(VariantStatus.FAILED, "needs_confirmation", None) == scheduled | {Action.CONFIRM_AND_PUBLISH}
    assert actions_for(VariantStatus.PUBLISHED, None, "https://x.example/1") == {Action.OPEN}
    assert actions_for(VariantStatus.PUBLISHED, METRICS, None) == frozenset()
    assert actions_for(VariantStatus.PUBLISHING, None, None) == frozenset()
    assert actions_for(VariantStatus.CANCELLED, None, None) == frozenset()
