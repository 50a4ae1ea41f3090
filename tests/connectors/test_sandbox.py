"""The emulator itself: its record, control endpoints, fault SPEC and use as a subprocess."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from connectors.base import OutgoingPost, RetryableError
from connectors.sandbox import Sandbox
from connectors.sandbox.faults import Faults, FaultSpecError, parse_spec
from connectors.x import XConnector
from tests.support.connector_accounts import x_account

ROOT = Path(__file__).resolve().parents[2]
BEARER = {"Authorization": "Bearer some-user-token"}


def test_parse_spec_reads_kinds_rates_and_seconds() -> None:
    rules = parse_spec("500:0.2, latency:0.05:1.5 ,drop:0.05,429:0.05,timeout:0.01")
    assert [(r.kind, r.rate, r.seconds) for r in rules] == [
        ("500", 0.2, 0.0),
        ("latency", 0.05, 1.5),
        ("drop", 0.05, 0.0),
        ("429", 0.05, 0.0),
        ("timeout", 0.01, 60.0),
    ]
    assert parse_spec("") == []


@pytest.mark.parametrize("spec", ["teapot:0.1", "500", "500:2", "latency:0.1:-1", "500:lots"])
def test_parse_spec_refuses_nonsense_with_a_clear_message(spec: str) -> None:
    with pytest.raises(FaultSpecError):
        parse_spec(spec)


def test_fault_rates_are_honoured_and_times_run_out() -> None:
    faults = Faults(parse_spec("500:0.3"), seed=1)
    fired = sum(faults.decide("GET", "/2/tweets").kind == "500" for _ in range(2000))
    assert 450 < fired < 750
    once = Faults(parse_spec("drop:1", times=2, path="/2/tweets", method="POST"))
    assert once.decide("GET", "/2/tweets").kind is None  # other method
    assert once.decide("POST", "/v25.0/1/feed").kind is None  # other path
    assert [once.decide("POST", "/2/tweets").kind for _ in range(3)] == ["drop", "drop", None]
    assert Faults(parse_spec("500:1")).decide("GET", "/__sandbox/posts").kind is None  # control never faults


def test_record_and_control_endpoints_over_http(sandbox: Sandbox) -> None:
    base = sandbox.base_url
    created = requests.post(f"{base}/2/tweets", json={"text": "via HTTP"}, headers=BEARER, timeout=10)
    assert created.status_code == 201
    tweet_id = created.json()["data"]["id"]
    listed = requests.get(f"{base}/__sandbox/posts", params={"platform": "x"}, timeout=10).json()["posts"]
    assert [(p["id"], p["text"]) for p in listed] == [(tweet_id, "via HTTP")]
    assert requests.get(f"{base}/__sandbox/x/status/{tweet_id}", timeout=10).json()["text"] == "via HTTP"

    answer = requests.post(f"{base}/__sandbox/faults", json={"spec": "503:1:7", "times": 1}, timeout=10)
    assert answer.json()["faults"][0]["kind"] == "503"
    unavailable = requests.get(f"{base}/2/users/me", headers=BEARER, timeout=10)
    assert (unavailable.status_code, unavailable.headers["Retry-After"]) == (503, "7")
    assert requests.get(f"{base}/2/users/me", headers=BEARER, timeout=10).status_code == 200
    assert requests.post(f"{base}/__sandbox/faults", json={"spec": "nope:1"}, timeout=10).status_code == 400

    requests.post(f"{base}/__sandbox/revoke", json={"token": "some-user-token"}, timeout=10)
    refused = requests.get(f"{base}/2/users/me", headers=BEARER, timeout=10)
    assert refused.status_code == 401 and refused.json()["title"] == "Unauthorized"

    requests.post(f"{base}/__sandbox/reset", json={}, timeout=10)
    assert requests.get(f"{base}/__sandbox/posts", timeout=10).json()["posts"] == []


def test_platform_error_shapes(sandbox: Sandbox) -> None:
    base = sandbox.base_url
    assert requests.post(f"{base}/2/tweets", json={"text": "x"}, timeout=10).status_code == 401
    requests.post(f"{base}/2/tweets", json={"text": "twice"}, headers=BEARER, timeout=10)
    duplicate = requests.post(f"{base}/2/tweets", json={"text": "twice"}, headers=BEARER, timeout=10)
    assert duplicate.status_code == 403
    assert duplicate.json()["detail"] == "You are not allowed to create a Tweet with duplicate content."
    expired = requests.get(f"{base}/v25.0/me", params={"access_token": "expired-token"}, timeout=10).json()["error"]
    assert (expired["code"], expired["error_subcode"], expired["type"]) == (190, 463, "OAuthException")
    sandbox.remove_metric("post_clicks")
    post = requests.post(f"{base}/v25.0/42/feed", data={"message": "m", "access_token": "t0ken1"}, timeout=10).json()
    invalid = requests.get(
        f"{base}/v25.0/{post['id']}/insights", params={"metric": "post_clicks", "access_token": "t0ken1"}, timeout=10
    )
    assert invalid.json()["error"]["code"] == 100 and "metric" in invalid.json()["error"]["message"]


def test_a_metric_can_be_refused_for_one_page_only_over_http(sandbox: Sandbox) -> None:
    base = sandbox.base_url
    answer = requests.post(f"{base}/__sandbox/metrics", json={"remove": "post_clicks", "page": "42"}, timeout=10)
    assert answer.json() == {"removed": "post_clicks", "page": "42"}
    asked = {"metric": "post_clicks", "access_token": "t0ken1"}
    for page, refused in (("42", True), ("43", False)):
        post = requests.post(f"{base}/v25.0/{page}/feed", data={"message": page, "access_token": "t0ken1"}, timeout=10)
        got = requests.get(f"{base}/v25.0/{post.json()['id']}/insights", params=asked, timeout=10).json()
        assert ("error" in got) is refused
        if not refused:
            assert [item["name"] for item in got["data"]] == ["post_clicks"]
    requests.post(f"{base}/__sandbox/reset", timeout=10)
    assert sandbox.state.valid_metric("post_clicks", "42")  # a reset gives it back


def test_engagement_grows_with_the_clock(sandbox: Sandbox) -> None:
    base = sandbox.base_url
    sandbox.set_bearer_lifetime(None)  # six hours pass below: the token must outlive X's two hours
    tweet_id = requests.post(f"{base}/2/tweets", json={"text": "grow"}, headers=BEARER, timeout=10).json()["data"]["id"]

    def likes() -> int:
        answer = requests.get(
            f"{base}/2/tweets", params={"ids": tweet_id, "tweet.fields": "public_metrics"}, headers=BEARER, timeout=10
        )
        return int(answer.json()["data"][0]["public_metrics"]["like_count"])

    before = likes()
    sandbox.advance(6 * 3600)
    assert likes() > before


def test_latency_fault_still_answers(sandbox: Sandbox) -> None:
    connector = XConnector(x_account(sandbox), timeout=10)
    sandbox.set_faults("latency:1:0.2", times=1)
    started = time.monotonic()
    assert connector.verify().remote_id
    assert time.monotonic() - started >= 0.2  # the answer really waited


def test_faults_given_at_start_apply() -> None:
    with Sandbox(faults="drop:1") as flaky:
        with pytest.raises(RetryableError):
            XConnector(x_account(flaky), timeout=5).publish(OutgoingPost(variant_id=1, text="never"))
        assert flaky.posts() == []


def test_serve_as_a_subprocess_keeps_its_record_after_the_client_dies(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    server = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "sandbox", "serve", "--port", "0", "--faults", "latency:0.5:0.01"],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert server.stdout is not None
        first = server.stdout.readline()
        assert "listening on http://127.0.0.1:" in first
        base = first.split("listening on ", 1)[1].split()[0]
        for _ in range(12):  # the practice help names the address to give accounts
            if "--api-base " + base in server.stdout.readline():
                break
        else:
            raise AssertionError("the help never named --api-base with the address")
        client = subprocess.Popen(
            [
                sys.executable,
                "-c",
                "import requests,sys; requests.post(sys.argv[1] + '/2/tweets', json={'text': 'from a client'},"
                " headers={'Authorization': 'Bearer tok-123456'}, timeout=30); import time; time.sleep(60)",
                base,
            ],
            env=env,
        )
        try:
            deadline = time.monotonic() + 60
            while not requests.get(f"{base}/__sandbox/posts", timeout=10).json()["posts"]:
                assert time.monotonic() < deadline, "the client never posted"
                time.sleep(0.1)
        finally:
            client.send_signal(signal.SIGKILL)
            client.wait(timeout=30)
        posts = requests.get(f"{base}/__sandbox/posts", timeout=10).json()["posts"]
        assert [p["text"] for p in posts] == ["from a client"]
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_bad_fault_spec_on_the_command_line_is_a_user_error() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "sandbox", "serve", "--port", "0", "--faults", "boom:1"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == 2
    assert "Unknown fault 'boom'" in done.stderr


def test_duplicates_are_refused_by_default_and_accepted_when_switched_off_in_python() -> None:
    for refuse in (True, False):
        with Sandbox(refuse_duplicates=refuse) as box:
            answers = [
                requests.post(f"{box.base_url}/2/tweets", json={"text": "same"}, headers=BEARER, timeout=10)
                for _ in range(2)
            ]
            assert [a.status_code for a in answers] == ([201, 403] if refuse else [201, 201])
            assert [p["text"] for p in box.posts(platform="x")] == (["same"] if refuse else ["same", "same"])


def test_duplicates_control_endpoint_switches_the_check_and_reset_restores_it(sandbox: Sandbox) -> None:
    base = sandbox.base_url
    form = {"message": "same words", "access_token": "t0ken1"}
    assert requests.get(f"{base}/__sandbox/duplicates", timeout=10).json() == {"refuse": True}
    assert requests.post(f"{base}/__sandbox/duplicates", json={"refuse": "no"}, timeout=10).status_code == 400
    assert requests.post(f"{base}/__sandbox/duplicates", json={"refuse": False}, timeout=10).json() == {"refuse": False}
    for _ in range(2):
        assert "id" in requests.post(f"{base}/v25.0/42/feed", data=form, timeout=10).json()
    assert [p["text"] for p in sandbox.posts(platform="facebook")] == ["same words"] * 2

    requests.post(f"{base}/__sandbox/reset", json={}, timeout=10)
    assert requests.get(f"{base}/__sandbox/duplicates", timeout=10).json() == {"refuse": True}
    requests.post(f"{base}/v25.0/42/feed", data=form, timeout=10)
    again = requests.post(f"{base}/v25.0/42/feed", data=form, timeout=10)
    assert again.json()["error"]["code"] == 506


PNG = b"\x89PNG\r\n\x1a\n" + bytes(50)


def test_facebook_photo_posts_with_the_same_caption_are_accepted_text_posts_are_not(sandbox: Sandbox) -> None:
    base = sandbox.base_url
    form = {"message": "photo caption", "access_token": "t0ken1"}
    for _ in range(2):  # the duplicate check is on, as by default
        photo = requests.post(f"{base}/v25.0/42/photos", data=form, files={"source": ("a.png", PNG)}, timeout=10)
        assert photo.status_code == 200 and "post_id" in photo.json()
    assert [p["text"] for p in sandbox.posts(platform="facebook", kind="post")] == ["photo caption"] * 2
    assert requests.post(f"{base}/v25.0/42/feed", data=form, timeout=10).status_code == 200
    assert requests.post(f"{base}/v25.0/42/feed", data=form, timeout=10).json()["error"]["code"] == 506


def test_a_refused_facebook_photo_leaves_nothing_behind(sandbox: Sandbox) -> None:
    base = sandbox.base_url
    too_long = {"message": "a" * 63_207, "access_token": "t0ken1"}
    refused = requests.post(f"{base}/v25.0/42/photos", data=too_long, files={"source": ("a.png", PNG)}, timeout=10)
    assert refused.status_code == 400 and refused.json()["error"]["code"] == 100
    not_an_image = {"access_token": "t0ken1"}
    files = {"source": ("a.png", b"%PDF-1.7")}
    assert requests.post(f"{base}/v25.0/42/photos", data=not_an_image, files=files, timeout=10).status_code == 400
    assert sandbox.posts(platform="facebook", include_deleted=True) == [] and sandbox.state.media == {}


def _serve(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "sandbox", "serve", "--quiet", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def test_serve_allow_duplicates_accepts_the_same_text_twice() -> None:
    server = _serve("--port", "0", "--allow-duplicates")
    try:
        assert server.stdout is not None
        base = server.stdout.readline().split("listening on ", 1)[1].split()[0]
        answers = [
            requests.post(f"{base}/2/tweets", json={"text": "twice"}, headers=BEARER, timeout=30).status_code
            for _ in range(2)
        ]
        assert answers == [201, 201]
        assert len(requests.get(f"{base}/__sandbox/posts", timeout=30).json()["posts"]) == 2
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.mark.parametrize("port", ["99999", "-1", "http"])
def test_serve_refuses_a_port_out_of_range_in_one_sentence(port: str) -> None:
    server = _serve("--port", port)
    _, err = server.communicate(timeout=60)
    assert server.returncode == 2
    assert "Traceback" not in err and "OverflowError" not in err
    assert "is not a port number: give 0 to 65535" in err


def test_serve_on_a_busy_port_says_so_in_one_sentence() -> None:
    with Sandbox() as busy:
        server = _serve("--port", str(busy.port))
        _, err = server.communicate(timeout=60)
    assert server.returncode == 2
    assert "Traceback" not in err
    assert err.strip().splitlines() == [
        f"communique: Cannot listen on 127.0.0.1:{busy.port} (address already in use): "
        "choose another --port, or 0 for any free port."
    ]
