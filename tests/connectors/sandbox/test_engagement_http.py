"""The emulator's engagement as the connectors read it: X public metrics, Graph reactions and insights."""

from __future__ import annotations

import itertools
from datetime import timedelta

from connectors.base import Metrics
from connectors.facebook import FacebookConnector
from connectors.sandbox import Sandbox
from connectors.sandbox.state import PostRecord, user_id_for
from connectors.x import XConnector
from tests.support.connector_accounts import PAGE_ID, X_KEYS, fb_account, x_account
from tests.support.engagement_curve import WEDNESDAY, twin_ids


def _publish_in(sandbox: Sandbox, platform: str, owner: str, post_id: str, zone: str) -> str:
    """A post of ``owner`` published now (on the emulator's clock) for an audience in ``zone``."""
    sandbox.set_audience_zone(owner, zone)
    record = PostRecord(platform, post_id, owner, f"post {post_id}", sandbox.now())
    return sandbox.state.add_post(record).id


def _grows_and_saturates(read: list[list[Metrics]]) -> None:
    """``read``: the same posts read at +1 h, +3 h and +7 days."""
    for earlier, later in itertools.pairwise(read):
        for before, after in zip(earlier, later, strict=True):
            for name in ("reactions", "shares", "replies", "impressions", "clicks"):
                assert (getattr(after, name) or 0) >= (getattr(before, name) or 0), name
    first, second, last = (batch[0].impressions or 0 for batch in read)
    assert 0 < first < second < last
    assert second - first > (last - second) / 10  # two early hours weigh more than a late tenth of a week


def test_x_public_metrics_follow_the_curve_and_the_audiences_hour(sandbox: Sandbox) -> None:
    x = XConnector(x_account(sandbox), timeout=10)
    user = user_id_for(X_KEYS["access_token"])
    sandbox.set_time(WEDNESDAY.timestamp())  # 09:00 in Tokyo, 01:00 in Berlin
    tokyo_id, berlin_id = twin_ids()
    tokyo = _publish_in(sandbox, "x", user, tokyo_id, "Asia/Tokyo")
    berlin = _publish_in(sandbox, "x", user, berlin_id, "Europe/Berlin")
    read = []
    for step in (timedelta(hours=1), timedelta(hours=2), timedelta(days=7)):
        sandbox.advance(step.total_seconds())
        read.append(x.fetch_metrics([tokyo, berlin]))
    _grows_and_saturates(read)
    morning, night = read[-1]
    assert (morning.impressions or 0) > 3 * (night.impressions or 0) > 0
    assert (morning.reactions or 0) > (night.reactions or 0) > 0
    assert 0.5 / 25 < (morning.reactions or 0) / (morning.impressions or 1) < 1.7 / 25  # about a like in 25 views
    assert morning.shares and morning.replies and morning.clicks


def test_graph_reactions_and_insights_follow_the_curve_and_the_audiences_hour(sandbox: Sandbox) -> None:
    fb = FacebookConnector(fb_account(sandbox), timeout=10)
    sandbox.set_time((WEDNESDAY + timedelta(hours=18)).timestamp())  # 03:00 in Tokyo, 19:00 in Berlin
    tokyo_id, berlin_id = twin_ids(f"{PAGE_ID}_")
    tokyo = _publish_in(sandbox, "facebook", PAGE_ID, tokyo_id, "Asia/Tokyo")
    berlin = _publish_in(sandbox, "facebook", PAGE_ID, berlin_id, "Europe/Berlin")
    read = []
    for step in (timedelta(hours=1), timedelta(hours=2), timedelta(days=7)):
        sandbox.advance(step.total_seconds())
        read.append(fb.fetch_metrics([berlin, tokyo]))
    _grows_and_saturates(read)
    evening, night = read[-1]
    assert evening.missing == () and night.missing == ()
    assert (evening.impressions or 0) > 3 * (night.impressions or 0) > 0
    assert (evening.reactions or 0) > (night.reactions or 0) > 0
    assert evening.shares and evening.replies and evening.clicks
