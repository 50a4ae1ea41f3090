"""``communique publish``, ``communique worker --once`` and ``communique slot``."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from cli.main import main
from connectors.sandbox import Sandbox
from core import queries, timeutil
from core.domain import VariantStatus
from core.services import posts
from core.store import Store
from tests.support.scheduling import add_account, image_only, local_in, post_image_only, schedule, texts


def test_publish_now_goes_through_the_same_path(
    store: Store, sandbox: Sandbox, capsys: pytest.CaptureFixture[str]
) -> None:
    add_account(store, sandbox)
    draft = posts.create_post(store, text="Right now", accounts=["tokyo"]).variants[0].id
    assert main(["publish", str(draft)]) == 0
    assert "Published variant" in capsys.readouterr().out
    assert queries.get_variant(store, draft).status is VariantStatus.PUBLISHED
    assert texts(sandbox) == ["Right now"]
    assert main(["publish", str(draft)]) == 2  # published already: a sentence, exit 2, nothing sent
    assert "cannot be published again" in capsys.readouterr().err
    assert main(["publish", "999"]) == 2
    assert "No variant with id 999" in capsys.readouterr().err
    assert texts(sandbox) == ["Right now"]


def test_publish_now_reports_a_refusal(store: Store, sandbox: Sandbox, capsys: pytest.CaptureFixture[str]) -> None:
    add_account(store, sandbox)
    draft = posts.create_post(store, text="Blocked", accounts=["tokyo"]).variants[0].id
    sandbox.set_faults("policy:1", path="/2/tweets", method="POST")
    assert main(["publish", str(draft), "--json"]) == 1
    assert '"error_class": "policy"' in capsys.readouterr().out
    assert queries.get_variant(store, draft).status is VariantStatus.FAILED


def test_worker_once_publishes_what_is_due(store: Store, sandbox: Sandbox) -> None:
    add_account(store, sandbox)
    now = timeutil.now_utc()
    schedule(store, "tokyo", local_in("Asia/Tokyo", now - timedelta(minutes=2)), now - timedelta(hours=1))
    assert main(["worker", "--once"]) == 0
    assert texts(sandbox) == ["Hello"]
    from core import paths

    assert (paths.subdir("logs") / "worker.log").read_text(encoding="utf-8").count("event published") == 1


def test_slots_from_the_command_line(store: Store, sandbox: Sandbox, capsys: pytest.CaptureFixture[str]) -> None:
    add_account(store, sandbox, "berlin", "Europe/Berlin")
    assert main(["slot", "add", "berlin", "09:30", "--day", "mon"]) == 0
    assert main(["slot", "add", "berlin", "25:00"]) == 2
    assert main(["slot", "list", "berlin"]) == 0
    assert "mon  09:30" in capsys.readouterr().out
    draft = posts.create_post(store, text="Slot", accounts=["berlin"]).variants[0].id
    assert main(["slot", "next", str(draft)]) == 0
    variant = queries.get_variant(store, draft)
    assert variant.status is VariantStatus.SCHEDULED and variant.schedule_local is not None
    assert variant.schedule_local.endswith("T09:30")


def test_recur_start_list_and_stop_from_the_command_line(
    store: Store, sandbox: Sandbox, capsys: pytest.CaptureFixture[str]
) -> None:
    from scheduler import recurrence

    add_account(store, sandbox)
    draft = posts.create_post(store, text="Weekly {date}", accounts=["tokyo"]).variants[0].id
    assert main(["recur", "start", str(draft), "--rule", "FREQ=WEEKLY;BYDAY=MO", "--start", "2027-01-04 09:00"]) == 0
    assert "recurrence 1" in capsys.readouterr().out
    upcoming = recurrence.next_occurrence_at(store)
    assert upcoming is not None and (upcoming.weekday(), upcoming.hour) == (0, 0)
    assert main(["recur", "start", str(draft), "--rule", "weekly", "--start", "2027-01-04 09:00"]) == 2
    assert "Cannot read the repetition rule" in capsys.readouterr().err
    assert main(["recur", "start", str(draft), "--rule", "FREQ=MINUTELY", "--start", "2027-01-04 09:00"]) == 2
    assert "at most hourly" in capsys.readouterr().err

    assert main(["recur", "list"]) == 0
    listed = capsys.readouterr().out
    assert "FREQ=WEEKLY;BYDAY=MO" in listed and "active" in listed and f"{upcoming:%Y-%m-%d %H:%M} UTC" in listed
    assert main(["recur", "stop", "1"]) == 0
    assert "Stopped recurrence 1" in capsys.readouterr().out
    assert recurrence.next_occurrence_at(store) is None
    assert main(["recur", "list"]) == 0
    assert "stopped" in capsys.readouterr().out
    assert main(["recur", "stop", "1"]) == 2
    assert "already stopped" in capsys.readouterr().err
    assert main(["recur", "stop", "99"]) == 2
    assert "No recurrence with id 99" in capsys.readouterr().err


def _sent(sandbox: Sandbox) -> list[tuple[str, str, int]]:
    """The posts the emulator holds, as (id, text, number of images)."""
    return [(p["id"], p["text"], len(p["media_ids"])) for p in sandbox.posts("x")]


def test_an_interrupted_image_only_post_is_sent_again_once_a_person_confirms_it_is_not_there(
    store: Store, sandbox: Sandbox, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    account = add_account(store, sandbox)
    variant_id = image_only(store, "tokyo", tmp_path)
    sandbox.set_faults("drop:1", times=1, path="/2/tweets", method="POST")
    assert main(["publish", str(variant_id)]) == 1  # the answer never came: maybe sent, maybe not
    assert _sent(sandbox) == []  # (it was not: the connection dropped before X did anything)
    other = post_image_only(account, tmp_path)  # meanwhile someone posts another image without text
    capsys.readouterr()

    # The look-up cannot tell the two apart: it stops, says why, and says how a person decides.
    for _ in range(2):  # and without the flag, asking again changes nothing
        assert main(["publish", str(variant_id)]) == 1
        error = capsys.readouterr().err
        assert "cannot tell whether the interrupted attempt published this post" in error
        assert f"communique publish {variant_id} --confirmed-absent" in error
        variant = queries.get_variant(store, variant_id)
        assert (variant.status, variant.last_error_class) == (VariantStatus.FAILED, "needs_confirmation")
    assert _sent(sandbox) == [(other, "", 1)]

    assert main(["publish", str(variant_id), "--confirmed-absent"]) == 0
    variant = queries.get_variant(store, variant_id)
    assert variant.status is VariantStatus.PUBLISHED
    assert _sent(sandbox) == [(other, "", 1), (variant.remote_id, "", 1)]  # published once
    [confirmed] = [
        e for e in queries.list_events(store, entity="variant", entity_id=variant_id) if e.action == "confirm_absent"
    ]
    assert confirmed.actor == "tester"  # the person running the command (COMMUNIQUE_USER)
    assert confirmed.details["after_attempt"] == 3  # the three attempts it vouches for
    assert abs(confirmed.at - timeutil.now_utc()) < timedelta(minutes=5)
    assert main(["publish", str(variant_id), "--confirmed-absent"]) == 2  # published: nothing more to confirm
    assert len(_sent(sandbox)) == 2
