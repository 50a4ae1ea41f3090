"""The real console script, in a subprocess, with a temporary COMMUNIQUE_HOME."""

from __future__ import annotations

import os
import sqlite3
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

import main
from tests.support.cli import SCRIPT, Result, run_cli


@pytest.fixture
def home(tmp_path: Path) -> Path:
    folder = tmp_path / "cli-home"
    folder.mkdir()
    return folder


@pytest.fixture
def with_accounts(home: Path) -> Path:
    for args in (
        ("--platform", "x", "--name", "Berlin", "--language", "de", "--timezone", "Europe/Berlin"),
        ("--platform", "x", "--name", "Tokyo", "--language", "ja", "--timezone", "Asia/Tokyo"),
        (
            "--platform",
            "facebook",
            "--name",
            "Hanoi",
            "--language",
            "vi",
            "--timezone",
            "Asia/Ho_Chi_Minh",
            "--page-id",
            "100200300",
        ),
    ):
        assert run_cli("account", "add", *args, home=home).code == 0
    return home


def _posts(home: Path) -> list[dict[str, object]]:
    result = run_cli("post", "list", "--json", home=home)
    assert result.code == 0, result.err
    return result.json()  # type: ignore[no-any-return]


def _row_counts(home: Path) -> dict[str, int]:
    """Rows in every table of the home's database (the audit trail included), read without the app."""
    with sqlite3.connect(home / "communique.sqlite3") as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {t: db.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables if t != "alembic_version"}


def _assert_user_error(result: Result, fragment: str) -> None:
    assert result.code == 2, (result.out, result.err)
    assert fragment in result.err
    assert result.err.startswith("communique: ")
    assert result.err.count("\n") == 1, "one sentence on one line"
    assert "Traceback" not in result.err


def test_init_creates_the_database_in_communique_home(home: Path) -> None:
    result = run_cli("init", home=home)
    assert result.code == 0, result.err
    assert (home / "communique.sqlite3").exists()
    assert str(home) in result.out


def test_account_add_list_remove(home: Path) -> None:
    added = run_cli(
        "account",
        "add",
        "--platform",
        "facebook",
        "--name",
        "MOFA VN",
        "--language",
        "vi",
        "--timezone",
        "Asia/Ho_Chi_Minh",
        "--page-id",
        "42",
        "--api-base",
        "http://127.0.0.1:9/",
        "--json",
        home=home,
    )
    assert added.code == 0, added.err
    assert added.json()["external_id"] == "42"
    listed = run_cli("account", "list", "--json", home=home).json()
    assert [(a["name"], a["platform"], a["timezone"], a["api_base"]) for a in listed] == [
        ("MOFA VN", "facebook", "Asia/Ho_Chi_Minh", "http://127.0.0.1:9")
    ]
    table = run_cli("account", "list", home=home)
    assert "MOFA VN" in table.out and "Asia/Ho_Chi_Minh" in table.out
    assert run_cli("account", "remove", "MOFA VN", home=home).code == 0
    assert run_cli("account", "list", "--json", home=home).json() == []


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("--platform", "x", "--name", "A", "--language", "de", "--timezone", "Europe/Atlantis"), "Unknown time zone"),
        (
            ("--platform", "x", "--name", "A", "--language", "deutsch", "--timezone", "Europe/Berlin"),
            "Unknown language",
        ),
        (
            ("--platform", "myspace", "--name", "A", "--language", "de", "--timezone", "Europe/Berlin"),
            "Unknown platform",
        ),
        (("--platform", "facebook", "--name", "A", "--language", "vi", "--timezone", "Asia/Bangkok"), "(Page id)"),
    ],
)
def test_account_add_bad_input_exits_2_and_writes_nothing(home: Path, args: tuple[str, ...], fragment: str) -> None:
    assert run_cli("init", home=home).code == 0
    before = _row_counts(home)
    _assert_user_error(run_cli("account", "add", *args, home=home), fragment)
    assert _row_counts(home) == before
    assert before["audit_events"] == 0 and before["accounts"] == 0


def test_post_create_reads_at_in_each_accounts_zone(with_accounts: Path) -> None:
    result = run_cli(
        "post",
        "create",
        "--account",
        "Berlin",
        "--account",
        "Tokyo",
        "--account",
        "Hanoi",
        "--text",
        "Khai mạc Hội nghị 🇻🇳 #ASEAN https://mofa.gov.vn",
        "--language",
        "vi",
        "--at",
        "2099-07-01 09:00",
        "--json",
        home=with_accounts,
    )
    assert result.code == 0, result.err
    post = result.json()
    assert isinstance(post["id"], int)
    assert post["text"] == "Khai mạc Hội nghị 🇻🇳 #ASEAN https://mofa.gov.vn"
    utc = {v["account_name"]: datetime.fromisoformat(v["scheduled_at"]) for v in post["variants"]}
    assert utc == {
        "Berlin": datetime(2099, 7, 1, 7, 0, tzinfo=UTC),
        "Tokyo": datetime(2099, 7, 1, 0, 0, tzinfo=UTC),
        "Hanoi": datetime(2099, 7, 1, 2, 0, tzinfo=UTC),
    }
    assert {v["status"] for v in post["variants"]} == {"scheduled"}


def test_text_file_and_stdin(with_accounts: Path, tmp_path: Path) -> None:
    source = tmp_path / "post.txt"
    source.write_text("Привіт з Києва\nдругий рядок", encoding="utf-8")
    from_file = run_cli(
        "post", "create", "--account", "Berlin", "--text-file", str(source), "--json", home=with_accounts
    )
    assert from_file.code == 0, from_file.err
    assert from_file.json()["text"] == "Привіт з Києва\nдругий рядок"
    from_stdin = run_cli(
        "post", "create", "--account", "Berlin", "--text", "-", "--json", home=with_accounts, stdin="नमस्ते"
    )
    assert from_stdin.json()["text"] == "नमस्ते"


@pytest.mark.parametrize(
    ("extra", "fragment"),
    [
        (("--account", "Nowhere", "--text", "hi"), "No account named 'Nowhere'"),
        (("--account", "Berlin", "--text", "   "), "text is empty"),
        (("--account", "Berlin", "--text", "hi", "--language", "zz"), "Unknown language code"),
        (("--account", "Berlin", "--text", "hi", "--at", "2027-03-28 02:30"), "does not exist in Europe/Berlin"),
        (("--account", "Berlin", "--text", "hi", "--at", "2099-10-25 02:30"), "happens twice"),
        (("--account", "Berlin", "--text", "hi", "--at", "2001-01-01 09:00"), "already past"),
        (("--account", "Berlin", "--text", "hi", "--at", "tomorrow"), "YYYY-MM-DD HH:MM"),
        (("--account", "Berlin", "--text-file", "/no/such/file.txt"), "does not exist"),
        (("--account", "Tokyo", "--account", "Berlin", "--text", "hi", "--at", "2027-03-28 02:30"), "Europe/Berlin"),
    ],
)
def test_post_create_bad_input_exits_2_and_writes_nothing(
    with_accounts: Path, extra: tuple[str, ...], fragment: str
) -> None:
    before = _row_counts(with_accounts)
    _assert_user_error(run_cli("post", "create", *extra, home=with_accounts), fragment)
    assert _row_counts(with_accounts) == before
    assert before["audit_events"] == 3 and before["posts"] == 0  # the three accounts' creation only


def test_ambiguous_time_is_accepted_with_a_fold_choice(with_accounts: Path) -> None:
    result = run_cli(
        "post",
        "create",
        "--account",
        "Berlin",
        "--text",
        "hi",
        "--at",
        "2099-10-25 02:30",
        "--fold",
        "later",
        "--json",
        home=with_accounts,
    )
    assert result.code == 0, result.err
    assert result.json()["variants"][0]["scheduled_at"] == "2099-10-25T01:30:00+00:00"


def test_post_list_show_cancel(with_accounts: Path) -> None:
    created = run_cli(
        "post",
        "create",
        "--account",
        "Tokyo",
        "--text",
        "お知らせ",
        "--at",
        "2099-01-01 10:00",
        "--json",
        home=with_accounts,
    ).json()
    draft = run_cli("post", "create", "--account", "Berlin", "--text", "Entwurf", "--json", home=with_accounts).json()
    scheduled = run_cli("post", "list", "--status", "scheduled", "--json", home=with_accounts).json()
    assert [p["id"] for p in scheduled] == [created["id"]]
    shown = run_cli("post", "show", str(created["id"]), home=with_accounts)
    assert shown.code == 0 and "お知らせ" in shown.out and "Asia/Tokyo" in shown.out
    cancelled = run_cli("post", "cancel", str(created["id"]), home=with_accounts)
    assert cancelled.code == 0, cancelled.err
    again = run_cli("post", "show", str(created["id"]), "--json", home=with_accounts).json()
    assert again["variants"][0]["status"] == "cancelled"
    assert [p["id"] for p in run_cli("post", "list", "--status", "draft", "--json", home=with_accounts).json()] == [
        draft["id"]
    ]
    _assert_user_error(run_cli("post", "show", "999", home=with_accounts), "No post with id 999")
    _assert_user_error(run_cli("post", "cancel", str(created["id"]), home=with_accounts), "nothing left to cancel")


def test_db_option_points_at_another_database(home: Path, tmp_path: Path) -> None:
    other = tmp_path / "team.sqlite3"
    result = run_cli(
        "--db",
        f"sqlite:///{other}",
        "account",
        "add",
        "--platform",
        "x",
        "--name",
        "A",
        "--language",
        "en",
        "--timezone",
        "UTC",
        home=home,
    )
    assert result.code == 0, result.err
    assert other.exists()
    assert run_cli("account", "list", "--json", home=home).json() == []
    assert len(run_cli("--db", f"sqlite:///{other}", "account", "list", "--json", home=home).json()) == 1


@pytest.mark.parametrize(
    "args",
    [[], ["gui"], ["--db", "sqlite:///x"], ["--db=sqlite:///x", "gui"], ["--practice"], ["--db", ""],
     ["--practice", "--db", "a", "--db", "b", "gui"]],
)  # fmt: skip
def test_arguments_that_only_open_the_app_are_read_as_the_parser_reads_them(args: list[str]) -> None:
    """``communique`` reads these itself, to open the window without loading every command first."""
    parsed = main.build_parser().parse_args(args)
    assert parsed.command in (None, "gui")
    assert main._app_arguments(args) == (parsed.db, parsed.practice)


@pytest.mark.parametrize(
    "args", [["--help"], ["gui", "--help"], ["gui", "gui"], ["--db"], ["--db", "-x"], ["--pr"], ["post", "list"]]
)
def test_every_other_command_line_goes_to_the_parser(args: list[str]) -> None:
    assert main._app_arguments(args) is None


def test_post_edit_changes_the_text_and_says_what_went_back_to_draft(with_accounts: Path) -> None:
    created = run_cli(
        "post", "create", "--account", "Berlin", "--text", "Treffen am Montag", "--at", "2099-01-01 10:00", "--json",
        home=with_accounts,
    ).json()  # fmt: skip
    edited = run_cli("post", "edit", str(created["id"]), "--text", "Treffen ABGESAGT", "--json", home=with_accounts)
    assert edited.code == 0, edited.err
    assert edited.json()["variants"][0]["text"] == "Treffen ABGESAGT"
    assert edited.json()["variants"][0]["status"] == "scheduled"
    _assert_user_error(run_cli("post", "edit", str(created["id"]), home=with_accounts), "Nothing to change")
    _assert_user_error(run_cli("post", "edit", str(created["id"]), "--text", " ", home=with_accounts), "text is empty")
    assert (
        run_cli("post", "show", str(created["id"]), "--json", home=with_accounts).json()["text"] == "Treffen ABGESAGT"
    )


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("post", "show", "999999999999999999999"), "is not an id"),
        (("post", "cancel", "abc"), "is not an id"),
        (("post", "frobnicate"), "invalid choice"),
        (("post", "list", "--status", "bogus"), "Unknown status 'bogus'"),
        (("account", "remove", "Nowhere"), "No account named 'Nowhere'"),
        (("post", "create", "--text", "hi"), "required: --account"),
        (("account", "add", "--platform", "x", "--name", "A", "--language", "en", "--timezone", "UTC",
          "--api-base", "http://[::1"), "Cannot read the API base URL"),
        (("account", "add", "--platform", "x", "--name", "A", "--language", "en", "--timezone", "UTC",
          "--grace-minutes", "99999999999999999999999"), "at most 7 days"),
    ],
)  # fmt: skip
def test_usage_errors_are_one_sentence_too(home: Path, args: tuple[str, ...], fragment: str) -> None:
    _assert_user_error(run_cli(*args, home=home), fragment)


def test_text_that_is_not_utf8_is_refused_without_a_traceback(with_accounts: Path) -> None:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("COMMUNIQUE_")}
    environment.update({"COMMUNIQUE_HOME": str(with_accounts), "LC_ALL": "C.UTF-8"})
    from_stdin = subprocess.run(
        [str(SCRIPT), "post", "create", "--account", "Berlin", "--text", "-"],
        input=b"caf\xe9 latin-1",
        capture_output=True,
        env=environment,
        timeout=120,
        check=False,
    )
    from_argv = subprocess.run(
        [str(SCRIPT).encode(), b"post", b"create", b"--account", b"Berlin", b"--text", b"caf\xe9"],
        capture_output=True,
        env=environment,
        timeout=120,
        check=False,
    )
    for result, fragment in ((from_stdin, b"not UTF-8"), (from_argv, b"not valid UTF-8")):
        assert result.returncode == 2
        assert fragment in result.stderr and b"Traceback" not in result.stderr
    assert _posts(with_accounts) == []


def test_a_database_from_a_newer_version_is_refused_with_a_sentence(home: Path) -> None:
    import sqlite3

    assert run_cli("init", home=home).code == 0
    with sqlite3.connect(home / "communique.sqlite3") as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    _assert_user_error(run_cli("post", "list", home=home), "made by a newer version of Communiqué")


def test_post_review_with_a_stale_version_is_refused_and_keeps_the_newer_text(with_accounts: Path) -> None:
    created = run_cli("post", "create", "--account", "Tokyo", "--text", "Notice", "--json", home=with_accounts).json()
    variant = created["variants"][0]
    seen = str(variant["version"])  # what both reviewers looked at

    first = run_cli("post", "review", str(variant["id"]), "--text", "お知らせ", "--version", seen, home=with_accounts)
    assert first.code == 0, first.err
    before = _row_counts(with_accounts)
    second = run_cli("post", "review", str(variant["id"]), "--text", "告知", "--version", seen, home=with_accounts)

    _assert_user_error(second, "changed by someone else")
    assert _row_counts(with_accounts) == before
    shown = run_cli("post", "show", str(created["id"]), "--json", home=with_accounts).json()
    assert shown["variants"][0]["text"] == "お知らせ"
