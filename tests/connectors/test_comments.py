"""Reading a post's comments through the real clients: Facebook's comments edge with paging, X's
conversation search with edits, ``since_id`` and the access-level refusal, and the emulator's audience."""

from __future__ import annotations

from collections import Counter

import pytest

from connectors.base import AccessLevelError, OutgoingPost, reads_comments
from connectors.facebook import FacebookConnector
from connectors.sandbox import Sandbox, curve
from connectors.sandbox.state import PostRecord, user_id_for
from connectors.x import XConnector
from tests.support.connector_accounts import PAGE_ID, X_KEYS

LANGUAGES = {"vi", "en", "ja", "de", "hi", "uk"}


def _comment_calls(sandbox: Sandbox, remote_id: str) -> int:
    return sum(1 for method, path in sandbox.calls() if method == "GET" and path.endswith(f"/{remote_id}/comments"))


def _searches(sandbox: Sandbox) -> int:
    return sum(1 for call in sandbox.calls() if call == ("GET", "/2/tweets/search/recent"))


def test_the_built_in_connectors_read_comments(x: XConnector, fb: FacebookConnector) -> None:
    assert reads_comments(x) and reads_comments(fb)
    assert not reads_comments(object())


def test_facebook_pages_through_every_comment_and_reply(fb: FacebookConnector, sandbox: Sandbox) -> None:
    sandbox.set_comment_crowd(False)
    post = fb.publish(OutgoingPost(variant_id=1, text="Consular hours change")).remote_id
    firsts = [sandbox.add_comment(post, f"Question {i}", likes=i) for i in range(180)]
    replies = [sandbox.add_comment(post, f"Answer {i}", parent=firsts[i], language="vi") for i in range(50)]
    sandbox.advance(6 * 3600)
    batch = fb.fetch_comments(post)
    assert batch.complete and batch.remote_id == post
    assert _comment_calls(sandbox, post) == 3  # 230 comments, 100 a page
    found = {c.remote_id: c for c in batch.comments}
    assert set(found) == set(firsts) | set(replies)
    assert found[replies[7]].parent_remote_id == firsts[7] and found[firsts[7]].parent_remote_id is None
    assert found[firsts[7]].reply_count == 1 and found[firsts[100]].reply_count == 0
    # 90 likes in the end, most within the first hours (the engagement curve's growth)
    assert found[firsts[90]].like_count == int(90 * curve.growth(6 * 3600)) > 60
    assert found[firsts[3]].text == "Question 3" and found[firsts[3]].author_name
    assert found[firsts[3]].created_at.tzinfo is not None


def test_facebook_shows_an_edit_under_the_same_id_and_a_deletion_as_absence(
    fb: FacebookConnector, sandbox: Sandbox
) -> None:
    sandbox.set_comment_crowd(False)
    post = fb.publish(OutgoingPost(variant_id=1, text="Visa appointments")).remote_id
    kept = sandbox.add_comment(post, "When do they open?")
    gone = sandbox.add_comment(post, "Spam spam")
    sandbox.advance(60)
    assert sandbox.edit_comment(kept, "When do they open? Found it, thanks.") == kept
    sandbox.delete_comment(gone)
    batch = fb.fetch_comments(post)
    assert [(c.remote_id, c.text) for c in batch.comments] == [(kept, "When do they open? Found it, thanks.")]


def test_facebook_comments_on_a_deleted_post_are_an_error_not_an_empty_list(
    fb: FacebookConnector, sandbox: Sandbox
) -> None:
    post = fb.publish(OutgoingPost(variant_id=1, text="Short-lived")).remote_id
    sandbox.state.delete(post)
    with pytest.raises(Exception, match="does not know"):
        fb.fetch_comments(post)


def test_x_reads_the_replies_of_the_conversation_without_the_post_or_its_thread(
    x: XConnector, sandbox: Sandbox
) -> None:
    sandbox.set_comment_crowd(False)
    long_text = " ".join(["Statement on the visit of the delegation."] * 10)
    published = x.publish(OutgoingPost(variant_id=1, text=long_text, as_thread=True))
    assert published.extra_ids  # a thread: its own parts are in the conversation too
    post = published.remote_id
    first = sandbox.add_comment(post, "Great news & more <3", language="en", author="Sarah Mitchell")
    answer = sandbox.add_comment(post, "Đồng ý!", language="vi", parent=first)
    sandbox.advance(120)
    batch = x.fetch_comments(post)
    found = {c.remote_id: c for c in batch.comments}
    assert set(found) == {first, answer}
    assert found[first].text == "Great news & more <3"  # X escapes &, < and >; the connector does not keep that
    assert found[first].author_name == "Sarah Mitchell" and found[first].parent_remote_id is None
    assert found[answer].parent_remote_id == first and found[answer].platform_language == "vi"
    assert found[first].reply_count == 1 and not found[first].edited
    assert batch.complete and batch.newest_id == answer


def test_an_x_edit_is_one_comment_under_its_first_id(x: XConnector, sandbox: Sandbox) -> None:
    sandbox.set_comment_crowd(False)
    post = x.publish(OutgoingPost(variant_id=1, text="Festival dates")).remote_id
    reply = sandbox.add_comment(post, "Which city?")
    sandbox.advance(300)
    newer = sandbox.edit_comment(reply, "Which city? Berlin?")
    assert newer != reply  # X: an edit is a new post
    [comment] = x.fetch_comments(post).comments
    assert comment.remote_id == reply and comment.version_id == newer and comment.edited
    assert comment.text == "Which city? Berlin?"


def test_since_id_reads_only_what_is_new(x: XConnector, sandbox: Sandbox) -> None:
    sandbox.set_comment_crowd(False)
    post = x.publish(OutgoingPost(variant_id=1, text="Trade fair")).remote_id
    old = sandbox.add_comment(post, "First!")
    sandbox.advance(60)
    first = x.fetch_comments(post)
    sandbox.advance(60)
    new = sandbox.add_comment(post, "Second")
    sandbox.advance(60)
    later = x.fetch_comments(post, since_id=first.newest_id)
    assert [c.remote_id for c in first.comments] == [old]
    assert [c.remote_id for c in later.comments] == [new]
    assert not later.complete  # an incremental read cannot tell a deletion


def test_x_pages_through_a_long_conversation(x: XConnector, sandbox: Sandbox) -> None:
    sandbox.set_comment_crowd(False)
    post = x.publish(OutgoingPost(variant_id=1, text="Exhibition opens")).remote_id
    added = {sandbox.add_comment(post, f"Reply {i}") for i in range(150)}
    sandbox.advance(60)
    before = _searches(sandbox)
    batch = x.fetch_comments(post)
    assert {c.remote_id for c in batch.comments} == added and batch.complete
    assert _searches(sandbox) - before == 2  # 151 posts with the post itself, 100 a page


def test_a_post_older_than_the_search_window_is_never_read_completely(x: XConnector, sandbox: Sandbox) -> None:
    now = sandbox.state.now()
    sandbox.set_time(now - 8 * 86400)
    record = PostRecord("x", sandbox.state.new_id(), user_id_for(X_KEYS["access_token"]), "Old", sandbox.state.now())
    sandbox.state.add_post(record)
    sandbox.set_time(now)
    assert not x.fetch_comments(record.id).complete  # its first replies are out of search's reach


def test_an_access_level_without_search_is_refused_in_one_sentence(x: XConnector, sandbox: Sandbox) -> None:
    post = x.publish(OutgoingPost(variant_id=1, text="Embassy closed on Monday")).remote_id
    sandbox.set_search_access(user_id_for(X_KEYS["access_token"]), allowed=False)
    raw = x.client.session.get(
        "https://api.twitter.com/2/tweets/search/recent",
        params={"query": f"conversation_id:{post}"},
        auth=x._oauth1,
    )
    assert raw.status_code == 403
    assert raw.json()["reason"] == "client-not-enrolled"
    assert raw.json()["required_enrollment"] == "Appropriate Level of API Access"
    with pytest.raises(AccessLevelError) as refused:
        x.fetch_comments(post)
    message = refused.value.message
    assert message.startswith("Replies on X are not available on this X access level:")
    assert "Appropriate Level of API Access" in message and "developer console" in message
    assert X_KEYS["access_token"] not in message


def test_the_emulated_audience_writes_over_time_in_six_languages(fb: FacebookConnector, sandbox: Sandbox) -> None:
    zones = ["Asia/Ho_Chi_Minh", "Europe/London", "Asia/Tokyo", "Europe/Berlin", "Asia/Kolkata", "Europe/Kyiv"]
    posts: list[str] = []
    for i in range(12):  # fixed ids: the audience of a post is decided by its id
        sandbox.set_audience_zone(PAGE_ID, zones[i % 6])
        record = PostRecord("facebook", f"{PAGE_ID}_{700 + i}", PAGE_ID, f"Announcement {i}", sandbox.state.now())
        posts.append(sandbox.state.add_post(record).id)
    sandbox.advance(30)
    assert all(not fb.fetch_comments(p).comments for p in posts)  # nobody has written within seconds
    sandbox.advance(2 * 3600)
    early = sum(len(fb.fetch_comments(p).comments) for p in posts)
    sandbox.advance(3 * 86400)
    late = [fb.fetch_comments(p).comments for p in posts]
    assert 0 < early < sum(len(c) for c in late)  # more arrive later (a few are deleted)
    assert any(c.parent_remote_id for batch in late for c in batch)  # some answer another comment
    written = [[c["language"] for c in sandbox.comments(p)] for p in posts]
    assert {language for found in written for language in found} == LANGUAGES
    tokyo = Counter(language for index, found in enumerate(written) if index % 6 == 2 for language in found)
    assert tokyo.most_common(1)[0][0] == "ja"  # an audience writes mostly in its own language


def test_the_audience_is_the_same_for_the_same_post_at_the_same_time(sandbox: Sandbox) -> None:
    with Sandbox() as other:
        moment = sandbox.state.now()
        for emulator in (sandbox, other):
            emulator.set_time(moment)
            emulator.state.add_post(PostRecord("facebook", "100000000000002_77", "100000000000002", "Hi", moment))
            emulator.advance(86400)
        assert sandbox.comments("100000000000002_77") == other.comments("100000000000002_77")
