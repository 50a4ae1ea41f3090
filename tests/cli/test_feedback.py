"""``communique feedback list`` and ``feedback read``: comments as a table in each account's zone with
their translation, as JSON, filtered, marked read, and bad input refused in one sentence."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from cli.main import main
from core.comments import CommentBatch, FetchedComment
from core.queries.feedback import text_hash
from core.services import accounts
from core.services import comments as recording
from core.store import Store
from core.store.tables import comment_translations, comments
from scheduler.comments import ACCESS_LEVEL
from tests.support.engagement_history import publish

T0 = datetime(2027, 1, 4, 1, 30, tzinfo=UTC)


@pytest.fixture
def collected(store: Store, monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """Two accounts in different zones, a comment each (one translated into English), one access-level problem."""
    monkeypatch.setenv("COMMUNIQUE_LANGUAGE", "en")
    tokyo = accounts.add_account(store, name="tokyo", platform="x", language="ja", timezone="Asia/Tokyo").id
    hanoi = accounts.add_account(
        store, name="hanoi", platform="facebook", language="vi", timezone="Asia/Ho_Chi_Minh", external_id="1"
    ).id
    on_x, _ = publish(store, tokyo, "ja", T0, "大使館からのお知らせ")
    on_fb, _ = publish(store, hanoi, "vi", T0, "Thông báo của Bộ")
    ja = FetchedComment("11", "ビザの申請はいつ再開されますか？", T0 + timedelta(minutes=5), author_name="佐藤 花子")
    vi = FetchedComment("p_1", "Cảm ơn thông tin hữu ích!", T0 + timedelta(minutes=9), author_name="Nguyễn Thu Hà")
    recording.record_comments(store, on_x, CommentBatch("x", (ja,)), now=T0 + timedelta(minutes=10))
    recording.record_comments(store, on_fb, CommentBatch("f", (vi,)), now=T0 + timedelta(minutes=10))
    with store.write() as conn:
        conn.execute(comments.update().where(comments.c.remote_id == "11").values(language="ja"))
        conn.execute(comments.update().where(comments.c.remote_id == "p_1").values(language="vi"))
        ids = {r.remote_id: r.id for r in conn.execute(comments.select())}
        conn.execute(
            comment_translations.insert().values(
                comment_id=ids["11"],
                language="en",
                source_language="ja",
                text="When will visa applications resume?",
                source_sha256=text_hash(ja.text),
                created_at=T0,
            )
        )
    other, _ = publish(store, tokyo, "ja", T0, "二つ目", post_id=None)
    recording.record_failure(
        store,
        other,
        now=T0,
        error_class=ACCESS_LEVEL,
        error="Replies on X are not available on this X access level: change it.",
        next_poll_at=None,
    )
    return {"ja": ids["11"], "vi": ids["p_1"]}


def _json(capsys: pytest.CaptureFixture[str], *args: str) -> Any:
    assert main(["feedback", "list", "--json", *args]) == 0
    return json.loads(capsys.readouterr().out)


def test_the_list_shows_each_comment_in_its_account_zone_with_its_translation(
    collected: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["feedback", "list"]) == 0
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert lines[0].split()[:5] == ["ID", "TIME", "ACCOUNT", "LANG", "AUTHOR"] and "TRANSLATION (en)" in lines[0]
    hanoi = next(line for line in lines if "hanoi" in line)
    tokyo = next(line for line in lines if "tokyo" in line)
    assert lines.index(hanoi) < lines.index(tokyo)  # newest first
    assert "2027-01-04 08:39" in hanoi and "Cảm ơn thông tin hữu ích!" in hanoi  # Hà Nội is UTC+7
    assert "2027-01-04 10:35" in tokyo and "When will visa applications resume?" in tokyo  # Tokyo is UTC+9
    assert f"{collected['ja']}*" in tokyo  # unread
    assert "2 comments, 2 unread" in out
    assert "tokyo: Replies on X are not available on this X access level" in err


def test_json_is_machine_readable_and_filters_apply(
    collected: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    everything = _json(capsys)
    assert everything["reader_language"] == "en"
    rows = everything["comments"]
    assert isinstance(rows, list) and [r["id"] for r in rows] == [collected["vi"], collected["ja"]]
    ja = rows[1]
    assert ja["account"] == "tokyo" and ja["language"] == "ja" and ja["author"] == "佐藤 花子"
    assert ja["created_local"] == "2027-01-04T10:35:00+09:00" and ja["zone"] == "Asia/Tokyo"
    assert ja["translation"] == {
        "language": "en",
        "text": "When will visa applications resume?",
        "source_language": "ja",
        "stale": False,
    }
    assert everything["problems"] == [
        {
            "account": "tokyo",
            "error_class": "access_level",
            "error": "Replies on X are not available on this X access level: change it.",
            "posts": 1,
        }
    ]
    only = _json(capsys, "--account", "hanoi")["comments"]
    assert [r["id"] for r in only] == [collected["vi"]]
    assert [r["id"] for r in _json(capsys, "--language", "ja")["comments"]] == [collected["ja"]]
    assert _json(capsys, "--since", "2027-01-05")["comments"] == []
    later = _json(capsys, "--since", "2027-01-04T08:38+07:00")["comments"]
    assert [r["id"] for r in later] == [collected["vi"]]


def test_read_marks_comments_for_everyone_and_unread_leaves_them_out(
    collected: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["feedback", "read", str(collected["ja"])]) == 0
    assert "Marked 1 of 1 comments read" in capsys.readouterr().out
    unread = _json(capsys, "--unread")["comments"]
    assert [r["id"] for r in unread] == [collected["vi"]]
    assert main(["feedback", "read", "--undo", str(collected["ja"])]) == 0
    capsys.readouterr()
    assert len(_json(capsys, "--unread")["comments"]) == 2


@pytest.mark.parametrize(
    ("args", "sentence"),
    [
        (["list", "--account", "nobody"], "No account named 'nobody'"),
        (["list", "--language", "xx"], "Unknown language code 'xx'"),
        (["list", "--since", "last week"], "Cannot read 'last week' given to --since"),
        (["list", "--since", "2027-01-04T08:00"], "a time with its offset"),
        (["list", "--limit", "0"], "--limit takes a whole number"),
        (["read", "999"], "There is no comment 999."),
        (["read", "abc"], "'abc' is not an id"),
    ],
)
def test_bad_input_is_refused_in_one_sentence(
    collected: dict[str, int], capsys: pytest.CaptureFixture[str], args: list[str], sentence: str
) -> None:
    try:
        code = main(["feedback", *args])
    except SystemExit as stop:  # argparse's own refusal (a malformed id)
        code = int(stop.code or 0)
    assert code == 2
    err = capsys.readouterr().err
    assert sentence in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_nothing_is_marked_when_one_id_is_unknown(
    collected: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["feedback", "read", str(collected["ja"]), "999"]) == 2
    capsys.readouterr()
    assert len(_json(capsys, "--unread")["comments"]) == 2
