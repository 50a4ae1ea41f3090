"""Facebook metrics in batches: a deleted post or a retired insights metric costs little and sinks nothing."""

from __future__ import annotations

from connectors.base import MISSING_POST, AccountContext, OutgoingPost
from connectors.facebook import GRAPH_VERSION, INSIGHT_METRICS, FacebookConnector
from connectors.sandbox import Sandbox
from connectors.sandbox.state import PostRecord
from core.secrets import Secret
from tests.support.connector_accounts import PAGE_ID, fb_account

OTHER_PAGE = "100000000000077"


def _batch_calls(sandbox: Sandbox) -> int:
    """``GET /?ids=`` requests the emulator received."""
    return sum(1 for call in sandbox.calls() if call == ("GET", f"/{GRAPH_VERSION}"))


def _posts(sandbox: Sandbox, count: int, page: str = PAGE_ID) -> list[str]:
    now = sandbox.state.now()
    return [
        sandbox.state.add_post(PostRecord("facebook", f"{page}_{9000 + i}", page, f"p{i}", now)).id
        for i in range(count)
    ]


def test_a_deleted_post_goes_missing_and_the_rest_of_its_batch_still_arrives(
    fb: FacebookConnector, sandbox: Sandbox
) -> None:
    ids = _posts(sandbox, 50)
    deleted = {ids[3], ids[41]}
    for remote_id in deleted:
        sandbox.state.delete(remote_id)
    sandbox.advance(7200)
    metrics = fb.fetch_metrics(ids)
    assert [m.remote_id for m in metrics] == ids
    for found in metrics:
        if found.remote_id in deleted:
            assert found.missing == (MISSING_POST,) and found.reactions is None and found.impressions is None
        else:
            assert found.missing == () and found.reactions is not None and found.impressions
    # Graph names the id it does not know: one refused request per deleted post, then the rest.
    assert _batch_calls(sandbox) == 1 + len(deleted)


def test_a_batch_of_only_deleted_posts_is_all_missing_not_an_error(fb: FacebookConnector, sandbox: Sandbox) -> None:
    published = fb.publish(OutgoingPost(variant_id=1, text="Withdrawn"))
    fb.delete(published.remote_id)
    [gone] = fb.fetch_metrics([published.remote_id])
    assert gone.missing == (MISSING_POST,)


def test_an_alias_graph_does_not_know_goes_missing_too(fb: FacebookConnector, sandbox: Sandbox) -> None:
    [live] = _posts(sandbox, 1)
    sandbox.advance(3600)
    unknown, found = fb.fetch_metrics(["embassy-old-alias", live])
    assert unknown.missing == (MISSING_POST,)
    assert found.missing == () and found.impressions


def test_a_removed_metric_is_not_asked_for_again_by_the_same_process(fb: FacebookConnector, sandbox: Sandbox) -> None:
    ids = _posts(sandbox, 3)
    sandbox.advance(3600)
    sandbox.remove_metric("post_clicks")
    first = fb.fetch_metrics(ids)
    # The refused request, the engagement counts, then each metric on its own.
    assert _batch_calls(sandbox) == 2 + len(INSIGHT_METRICS)
    assert all(m.missing == ("post_clicks",) and m.clicks is None and m.impressions for m in first)

    before = _batch_calls(sandbox)
    again = FacebookConnector(fb_account(sandbox), timeout=5)  # another connector of the same process
    second = again.fetch_metrics(ids)
    assert _batch_calls(sandbox) - before == 1
    assert [m.missing for m in second] == [("post_clicks",)] * 3  # still reported as missing
    assert all(m.impressions and "post_total_media_view_unique" in m.raw for m in second)


def test_a_deleted_post_and_a_removed_metric_in_one_batch(fb: FacebookConnector, sandbox: Sandbox) -> None:
    ids = _posts(sandbox, 4)
    sandbox.state.delete(ids[0])
    sandbox.remove_metric("post_media_view")
    sandbox.advance(3600)
    gone, *live = fb.fetch_metrics(ids)
    assert gone.missing == (MISSING_POST,)
    assert all(m.missing == ("post_media_view",) and m.impressions is None and m.clicks is not None for m in live)


def test_a_metric_refused_for_one_page_still_comes_for_another(fb: FacebookConnector, sandbox: Sandbox) -> None:
    other = FacebookConnector(
        AccountContext("Mission Page", "facebook", sandbox.base_url, OTHER_PAGE, {"page_token": Secret("fbpage-77")}),
        timeout=5,
    )
    mine, theirs = _posts(sandbox, 2), _posts(sandbox, 2, page=OTHER_PAGE)
    sandbox.advance(3600)
    sandbox.remove_metric("post_clicks", page=OTHER_PAGE)  # that Page is not eligible for this insight
    refused = other.fetch_metrics(theirs)
    assert all(m.missing == ("post_clicks",) and m.clicks is None and m.impressions for m in refused)

    before = _batch_calls(sandbox)
    kept = fb.fetch_metrics(mine)  # the same process and API base, another Page
    assert _batch_calls(sandbox) - before == 1  # asked for every metric at once, and got them
    assert all(m.missing == () and m.clicks is not None and "post_clicks" in m.raw for m in kept)

    before = _batch_calls(sandbox)
    assert [m.missing for m in other.fetch_metrics(theirs)] == [("post_clicks",)] * 2
    assert _batch_calls(sandbox) - before == 1  # the refusing Page is not asked for it again


def test_without_read_insights_engagement_still_arrives_with_the_right_advice(
    fb: FacebookConnector, sandbox: Sandbox
) -> None:
    ids = _posts(sandbox, 3)
    sandbox.advance(3600)
    sandbox.refuse_insights(PAGE_ID, "permission")  # Graph's (#10) read_insights refusal
    metrics = fb.fetch_metrics(ids)
    assert _batch_calls(sandbox) == 2  # the refused request, then reactions, comments and shares alone
    for found in metrics:
        assert found.reactions is not None and found.replies is not None and found.shares is not None
        assert found.impressions is None and found.missing == INSIGHT_METRICS
        [note] = found.notes
        assert "read_insights" in note and "ANALYZE task" in note and "pages_manage_posts" not in note
    before = _batch_calls(sandbox)
    fb.fetch_metrics(ids)
    assert _batch_calls(sandbox) - before == 1  # insights are not asked for again for a while


def test_a_page_under_100_likes_keeps_its_engagement(fb: FacebookConnector, sandbox: Sandbox) -> None:
    ids = _posts(sandbox, 2)
    sandbox.advance(3600)
    sandbox.refuse_insights(PAGE_ID, "few-likes")  # Graph's subcode 2874008
    metrics = fb.fetch_metrics(ids)
    assert all(m.reactions is not None and m.missing == INSIGHT_METRICS for m in metrics)
    assert all("100 or more likes" in m.notes[0] for m in metrics)


def test_an_insights_refusal_of_one_page_spares_another(sandbox: Sandbox) -> None:
    other = _posts(sandbox, 1, page=OTHER_PAGE)
    ours = _posts(sandbox, 1)
    sandbox.advance(3600)
    sandbox.refuse_insights(OTHER_PAGE, "permission")
    theirs = FacebookConnector(
        AccountContext("Other", "facebook", sandbox.base_url, OTHER_PAGE, {"page_token": Secret("fb-other-fake")})
    )
    [refused] = theirs.fetch_metrics(other)
    assert refused.missing == INSIGHT_METRICS and refused.reactions is not None
    [fine] = FacebookConnector(fb_account(sandbox), timeout=5).fetch_metrics(ours)
    assert fine.missing == () and fine.impressions and fine.notes == ()


def test_a_removed_metric_says_so(fb: FacebookConnector, sandbox: Sandbox) -> None:
    ids = _posts(sandbox, 1)
    sandbox.advance(3600)
    sandbox.remove_metric("post_clicks")
    [found] = fb.fetch_metrics(ids)
    assert found.notes == ("Facebook no longer gives post_clicks for this Page: the other counts still arrive.",)
