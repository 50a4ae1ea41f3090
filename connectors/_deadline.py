"""A total deadline for one HTTP exchange, whatever the server does.

requests' timeout bounds each wait for the next bytes, not the whole answer: a server that sends
one byte every few seconds holds a call (and a publisher thread) for ever. A :class:`Watch` arms a
timer; connections made or used while it is active register their socket with it, and when the
timer fires the sockets are shut down, so the blocked read fails at once. The caller then sees
``Watch.expired`` and reports a deadline rather than a lost connection.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from typing import Any

from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import ConnectionPool, HTTPConnectionPool, HTTPSConnectionPool

_current = threading.local()


class Watch:
    """The deadline of the exchange the current thread is making (a context manager)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True
        self._outer: Watch | None = None

    def __enter__(self) -> Watch:
        self._outer = getattr(_current, "watch", None)
        _current.watch = self
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()
        _current.watch = self._outer
        with self._lock:
            self._sockets.clear()

    def add(self, sock: socket.socket) -> None:
        """Cut ``sock`` when the deadline passes (at once if it has passed)."""
        with self._lock:
            if self.expired:
                _cut(sock)
            else:
                self._sockets.append(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                _cut(sock)


def _cut(sock: socket.socket) -> None:
    # socket.socket.shutdown, not the TLS socket's own: that one resets state the reading thread uses.
    with contextlib.suppress(OSError):
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


def _register(sock: socket.socket | None) -> None:
    watch: Watch | None = getattr(_current, "watch", None)
    if watch is not None and sock is not None:
        watch.add(sock)


class _WatchedHTTPConnection(HTTPConnection):
    def connect(self) -> None:
        super().connect()
        _register(self.sock)

    def request(self, *args: Any, **kwargs: Any) -> None:
        _register(self.sock)  # a kept-alive connection: connect() is not called again
        super().request(*args, **kwargs)


class _WatchedHTTPSConnection(HTTPSConnection):
    def connect(self) -> None:
        super().connect()
        _register(self.sock)

    def request(self, *args: Any, **kwargs: Any) -> None:
        _register(self.sock)
        super().request(*args, **kwargs)


class _WatchedHTTPPool(HTTPConnectionPool):
    ConnectionCls = _WatchedHTTPConnection


class _WatchedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPSConnection


def watched_pools() -> dict[str, type[ConnectionPool]]:
    """Pool classes (for a urllib3 ``PoolManager``) whose connections register with the current :class:`Watch`."""
    return {"http": _WatchedHTTPPool, "https": _WatchedHTTPSPool}
