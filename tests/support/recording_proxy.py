"""A recording HTTP relay in front of the emulator: what a connector really sent, byte for byte.

The emulator keeps an upload's size and type, not its bytes. An account pointed at this relay
reaches the emulator through it over real HTTP, and the relay keeps each request's body (and
hands back the emulator's answer untouched), so a test can compare an uploaded file with the
original byte for byte.
"""

from __future__ import annotations

import email.parser
import email.policy
import http.client
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from urllib.parse import urlsplit

#: Hop-by-hop headers a relay must not pass on (``Host`` is kept: a signed request names it).
_HOP = {"connection", "keep-alive", "transfer-encoding", "content-length"}


@dataclass(frozen=True)
class Recorded:
    """One request as the relay received it."""

    method: str
    path: str
    content_type: str
    body: bytes

    def parts(self) -> dict[str, bytes]:
        """A multipart/form-data body's parts by field name (their raw bytes)."""
        head = f"Content-Type: {self.content_type}\r\n\r\n".encode()
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + self.body)
        found: dict[str, bytes] = {}
        for part in message.iter_parts():  # type: ignore[attr-defined]
            name = part.get_param("name", header="content-disposition")
            payload = part.get_payload(decode=True)
            if isinstance(name, str) and isinstance(payload, bytes):
                found[name] = payload
        return found


@dataclass
class RecordingProxy:
    """A relay on a free port of 127.0.0.1 to ``target`` (the emulator's base URL)."""

    target: str
    requests: list[Recorded] = field(default_factory=list)

    def __post_init__(self) -> None:
        split = urlsplit(self.target)
        self._host, self._port = split.hostname or "127.0.0.1", split.port or 80
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        """Where to point an account's ``api_base``."""
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def uploads(self, path: str) -> list[Recorded]:
        """The POSTs received on ``path`` (e.g. ``/2/media/upload``), oldest first."""
        with self._lock:
            return [r for r in self.requests if r.method == "POST" and urlsplit(r.path).path == path]

    def __enter__(self) -> RecordingProxy:
        self._thread.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        proxy = self

        class Relay(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                del format, args  # quiet: the test reads the records

            def _relay(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                with proxy._lock:
                    proxy.requests.append(Recorded(self.command, self.path, self.headers.get("Content-Type", ""), body))
                headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP}
                upstream = http.client.HTTPConnection(proxy._host, proxy._port, timeout=30)
                try:
                    upstream.request(self.command, self.path, body=body or None, headers=headers)
                    answer = upstream.getresponse()
                    data = answer.read()
                    self.send_response(answer.status, answer.reason)
                    for key, value in answer.getheaders():
                        if key.lower() not in _HOP:
                            self.send_header(key, value)
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                finally:
                    upstream.close()

            do_GET = do_POST = do_DELETE = do_PUT = _relay  # noqa: N815 - the names http.server calls

        return Relay
