"""A recurring post to an account that requires approval: only an approved template repeats,
and its occurrences go out approved (they are the text that was approved)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from core import queries
from core.domain import ReviewState, VariantStatus
from core.errors import ConflictError
from core.services import accounts, approval, posts
from core.store import Store
from scheduler import recurrence


def test_only_an_approved_template_repeats_and_its_occurrences_are_approved(any_store: Store) -> None:
    accounts.add_account(any_store, name="Tokyo", platform="x", language="ja", timezone="Asia/Tokyo")
    approval.set_requires_approval(any_store, "Tokyo", True)
    template = posts.create_post(any_store, text="Weekly briefing", accounts=["Tokyo"]).variants[0]
    start = (datetime.now(UTC) + timedelta(days=1)).replace(tzinfo=None, second=0, microsecond=0)
    with pytest.raises(ConflictError, match="needs an approver's approval"):
        recurrence.make_recurring(any_store, template.id, "FREQ=DAILY", start)
    approval.approve(any_store, [template.id])
    recurrence.make_recurring(any_store, template.id, "FREQ=DAILY", start)
    created = recurrence.materialize(any_store, now=datetime.now(UTC), horizon=timedelta(days=3), actor="worker")
    assert created
    for variant_id in created:
        occurrence = queries.get_variant(any_store, variant_id)
        assert (occurrence.status, occurrence.approval_state) == (VariantStatus.SCHEDULED, ReviewState.APPROVED)
