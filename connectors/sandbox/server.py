"""The emulator's HTTP server: routing, faults, and the ``/__sandbox`` control endpoints.

Platform endpoints (answered in each platform's own JSON shapes, with its rate-limit headers):

- X API v2 (any ``Authorization: Bearer T`` or OAuth 1.0a header; the user is derived from the token):
  ``POST /2/tweets``, ``DELETE /2/tweets/{id}``, ``GET /2/tweets?ids=``, ``GET /2/tweets/{id}``,
  ``GET /2/users/me``, ``GET /2/users/{id}/tweets``, ``POST /2/media/upload``, ``POST /2/media/metadata``,
  ``GET /2/tweets/search/recent?query=conversation_id:ID`` (replies; see :mod:`connectors.sandbox.x_search`).
- Graph API (``/vNN.N/...``, ``access_token`` in the query or form): ``POST /{page}/feed``,
  ``POST /{page}/photos``, ``DELETE /{id}``, ``GET /{id}?fields=``, ``GET /?ids=&fields=`` (with
  ``insights.metric(...)`` expansion), ``GET /{post}/insights?metric=``, ``GET /{page}/feed`` and
  ``/published_posts``, ``GET /{post}/comments`` (:mod:`connectors.sandbox.graph_comments`), ``GET /{user}/accounts``,
  ``GET /oauth/access_token`` (token exchange). Comments come from :mod:`connectors.sandbox.comments`.

Tokens starting with ``expired`` (and revoked ones) are refused as expired; any other is accepted.
Graph tokens belong to someone: ``GET /me`` answers a Page token with its Page and a user token
(``user-...``, or one the token exchange issued) with a user; any other token is a Page token of
the Page it was last used for (see :meth:`SandboxState.graph_identity`).

Control endpoints (never faulted):

- ``GET /__sandbox/health``; ``GET /__sandbox/posts[?platform=x|facebook&kind=post&include_deleted=1]``;
  ``GET /__sandbox/posts/{id}`` (also ``/__sandbox/x/status/{id}``, ``/__sandbox/facebook/posts/{id}``);
  ``GET /__sandbox/calls`` (every platform request as [method, path], in order).
- ``GET|POST|DELETE /__sandbox/faults``: POST ``{"spec": "500:1", "times": 1, "path": "/2/tweets",
  "method": "POST", "skip": 0, "replace": false}``; see :mod:`connectors.sandbox.faults` for the SPEC.
- ``POST /__sandbox/clock {"advance": seconds}``, ``POST /__sandbox/revoke {"token": "..."}``,
  ``POST /__sandbox/metrics {"remove": "post_clicks"}`` (``"page": "ID"``: refused for that Page only),
  ``POST /__sandbox/rate-limits {"platform": "x", "bucket": "create", "limit": 2, "window": 900}``,
  ``GET|POST /__sandbox/duplicates``: POST ``{"refuse": false}`` (accept a second post with the same text; ``true``
  restores the platforms' duplicate check), ``POST /__sandbox/reset``.
"""

from __future__ import annotations

import contextlib
import json
import logging
import socket
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from connectors.sandbox import graph_routes, x_routes
from connectors.sandbox.faults import AFTER_THE_WORK, Faults, FaultSpecError, parse_spec
from connectors.sandbox.http import Request, Response, json_response, parse_body
from connectors.sandbox.state import SandboxState

log = logging.getLogger(__name__)
MAX_BODY = 64 * 1024 * 1024


class SandboxServer(ThreadingHTTPServer):
    """A threaded HTTP server holding the emulator's state and faults."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], state: SandboxState, faults: Faults) -> None:
        super().__init__(address, _Handler)
        self.state = state
        self.faults = faults

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that gave up (timeout fault, killed worker) is normal here, not worth a traceback.
        log.debug("sandbox: connection from %s ended early", client_address, exc_info=True)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: SandboxServer

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("sandbox: " + format, *args)

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        # Graph sends the token in the query string: log the path only.
        log.debug("sandbox: %s %s -> %s", self.command, urlsplit(self.path).path, code)

    def do_GET(self) -> None:
        self._serve()

    def do_POST(self) -> None:
        self._serve()

    def do_DELETE(self) -> None:
        self._serve()

    def _read(self) -> Request:
        split = urlsplit(self.path)
        query = {k: v[-1] for k, v in parse_qs(split.query, keep_blank_values=True).items()}
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(min(length, MAX_BODY)) if length else b""
        headers = {k.lower(): v for k, v in self.headers.items()}
        request = Request(self.command, split.path, query, headers, body)
        parse_body(request)
        return request

    def _serve(self) -> None:
        request = self._read()
        if not request.path.startswith("/__sandbox"):
            self.server.state.log_call(request.method, request.path)
        decision = self.server.faults.decide(request.method, request.path)
        if decision.delay:
            time.sleep(decision.delay)
        if decision.kind == "drop":
            self._drop()
            return
        if decision.kind == "redirect":
            self._write(_redirect(request, self.server.server_address[1]))
            return
        fault = None if decision.kind in AFTER_THE_WORK else decision.kind
        try:
            answer = _dispatch(self.server, request, fault)
        except Exception:  # the emulator must answer like a platform, never crash its thread
            log.exception("sandbox: %s %s failed", request.method, request.path)
            answer = json_response(500, {"title": "Internal Server Error", "status": 500, "detail": "sandbox bug"})
        if decision.kind == "error-200":
            answer = _error_in_200(request, answer)
        if decision.kind == "trickle":
            self._trickle(answer, decision.seconds)
            return
        if decision.kind == "503":  # sent by the load balancer in front of either API
            answer.headers["Retry-After"] = str(round(decision.seconds))
        if decision.kind == "drop-after":
            self._drop()
            return
        if decision.kind == "truncate":
            self._write(answer, cut=True)
            self._drop()
            return
        self._write(answer)

    def _trickle(self, answer: Response, every: float) -> None:
        """Send the answer one byte every ``every`` seconds, until done or the client goes away."""
        raw = _serialize(answer)
        self.close_connection = True
        for index in range(len(raw)):
            try:
                self.wfile.write(raw[index : index + 1])
                self.wfile.flush()
            except OSError:
                return
            time.sleep(every)

    def _drop(self) -> None:
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)

    def _write(self, answer: Response, *, cut: bool = False) -> None:
        """Send the answer; ``cut``: only half the body, though the headers announce all of it."""
        self.send_response(answer.status)
        self.send_header("Content-Type", answer.content_type)
        self.send_header("Content-Length", str(len(answer.body)))
        for name, value in answer.headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(answer.body[: len(answer.body) // 2] if cut else answer.body)
        if cut:
            self.wfile.flush()


def _serialize(answer: Response) -> bytes:
    """The whole HTTP/1.1 answer as bytes (for the trickle fault, which writes it byte by byte)."""
    lines = [f"HTTP/1.1 {answer.status} {_REASONS.get(answer.status, 'OK')}"]
    lines += [f"Content-Type: {answer.content_type}", f"Content-Length: {len(answer.body)}", "Connection: close"]
    lines += [f"{name}: {value}" for name, value in answer.headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + answer.body


_REASONS = {200: "OK", 201: "Created", 307: "Temporary Redirect"}


def _redirect(request: Request, port: int) -> Response:
    """``307`` to the same request on ``localhost``: another host name for this very emulator."""
    query = urlencode(request.query)
    location = f"http://localhost:{port}{request.path}" + (f"?{query}" if query else "")
    return Response(307, b"", content_type="text/html", headers={"Location": location})


def _error_in_200(request: Request, done: Response) -> Response:
    """The platform's error body, with ``200 OK`` and the headers of the work actually done."""
    body = x_routes.error_body() if request.path.startswith("/2/") else graph_routes.error_body()
    return json_response(200, body, done.headers)


def _dispatch(server: SandboxServer, request: Request, fault: str | None) -> Response:
    path = request.path
    if path.startswith("/__sandbox"):
        return _control(server, request)
    if path.startswith("/2/"):
        return x_routes.handle(server.state, request, fault)
    if graph_routes._VERSIONED.match(path) or path.startswith("/oauth/"):
        return graph_routes.handle(server.state, request, fault)
    return json_response(404, {"error": f"No such endpoint: {request.method} {path}"})


def _control(server: SandboxServer, request: Request) -> Response:
    state, faults = server.state, server.faults
    parts = [p for p in request.path.split("/") if p][1:]
    body = request.json() if request.method == "POST" else None
    body = body if isinstance(body, dict) else {}
    route = (request.method, parts[0] if parts else "")
    if route == ("GET", "health"):
        return json_response(200, {"ok": True})
    if route == ("GET", "posts") and len(parts) == 1:
        include = request.query.get("include_deleted", "") in ("1", "true", "yes")
        found = state.records(request.query.get("platform"), include_deleted=include, kind=request.query.get("kind"))
        return json_response(200, {"posts": found})
    if request.method == "GET" and len(parts) >= 2 and parts[0] in ("posts", "x", "facebook"):
        record = state.posts.get(parts[-1])
        return json_response(200, record.to_dict()) if record else json_response(404, {"error": "no such post"})
    if route == ("GET", "calls"):
        return json_response(200, {"calls": [list(c) for c in state.calls]})
    if route == ("GET", "faults"):
        return json_response(200, {"faults": [r.to_dict() for r in faults.rules()]})
    if route == ("DELETE", "faults"):
        faults.clear()
        return json_response(200, {"faults": []})
    if route == ("POST", "faults"):
        try:
            times = int(body["times"]) if body.get("times") is not None else None
            rules = parse_spec(
                str(body.get("spec") or ""),
                times=times,
                path=body.get("path"),
                method=body.get("method"),
                skip=int(body.get("skip") or 0),
            )
        except (FaultSpecError, ValueError) as exc:
            return json_response(400, {"error": str(exc)})
        faults.add(rules, replace=bool(body.get("replace")))
        return json_response(200, {"faults": [r.to_dict() for r in faults.rules()]})
    if route == ("POST", "clock"):
        state.advance(float(body.get("advance") or 0))
        return json_response(200, {"now": state.now()})
    if route == ("POST", "revoke") and body.get("token"):
        state.revoke(str(body["token"]))
        return json_response(200, {"revoked": True})
    if route == ("POST", "metrics") and body.get("remove"):
        page = str(body["page"]) if body.get("page") is not None else None
        state.remove_metric(str(body["remove"]), page)
        return json_response(200, {"removed": body["remove"], "page": page})
    if route == ("POST", "rate-limits"):
        try:
            state.set_limit(
                str(body["platform"]), str(body["bucket"]), int(body["limit"]), int(body.get("window", 900))
            )
        except (KeyError, ValueError):
            return json_response(400, {"error": "give platform, bucket, limit and optionally window"})
        return json_response(200, {"ok": True})
    if route == ("GET", "duplicates"):
        return json_response(200, {"refuse": state.refuse_duplicates})
    if route == ("POST", "duplicates"):
        refuse = body.get("refuse")
        if not isinstance(refuse, bool):
            return json_response(400, {"error": 'give {"refuse": true} or {"refuse": false}'})
        state.set_refuse_duplicates(refuse)
        return json_response(200, {"refuse": refuse})
    if route == ("POST", "reset"):
        state.reset()
        faults.clear()
        return json_response(200, {"ok": True})
    return json_response(404, {"error": f"No such sandbox endpoint: {request.method} {request.path}"})


def encode(value: Any) -> bytes:
    """JSON bytes (for callers that write answers themselves)."""
    return json.dumps(value).encode()
