"""Requests and answers inside the emulator: body parsing (JSON, forms, multipart) and JSON replies."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from email.parser import BytesParser
from email.policy import HTTP
from typing import Any
from urllib.parse import parse_qs


@dataclass
class Upload:
    """A file part of a multipart body."""

    filename: str
    content_type: str
    data: bytes


@dataclass
class Request:
    """One parsed request."""

    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]  # lower-case names
    body: bytes = b""
    form: dict[str, str] = field(default_factory=dict)
    files: dict[str, Upload] = field(default_factory=dict)

    def json(self) -> Any:
        """The body as JSON (``None`` when empty or not JSON)."""
        try:
            return json.loads(self.body.decode("utf-8")) if self.body else None
        except (UnicodeDecodeError, json.JSONDecodeError):
            return None

    def param(self, name: str) -> str | None:
        """A query or form parameter."""
        return self.query.get(name, self.form.get(name))


@dataclass
class Response:
    """One answer."""

    status: int
    body: bytes
    content_type: str = "application/json; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)


def json_response(status: int, value: Any, headers: dict[str, str] | None = None) -> Response:
    """A JSON answer."""
    return Response(status, json.dumps(value, ensure_ascii=False).encode("utf-8"), headers=dict(headers or {}))


def html_response(status: int, title: str) -> Response:
    """A bare HTML error page, as a load balancer in front of an API answers."""
    page = f"<html><head><title>{status} {title}</title></head><body><h1>{title}</h1></body></html>"
    return Response(status, page.encode(), content_type="text/html")


def parse_body(request: Request) -> None:
    """Fill ``form`` and ``files`` from a urlencoded or multipart body."""
    content_type = request.headers.get("content-type", "")
    if content_type.startswith("application/x-www-form-urlencoded"):
        parsed = parse_qs(request.body.decode("utf-8", "replace"), keep_blank_values=True)
        request.form = {k: v[-1] for k, v in parsed.items()}
    elif content_type.startswith("multipart/form-data"):
        message = BytesParser(policy=HTTP).parsebytes(
            b"Content-Type: " + content_type.encode("latin-1") + b"\r\n\r\n" + request.body
        )
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            if not isinstance(name, str):
                continue
            payload = part.get_payload(decode=True)
            data = payload if isinstance(payload, bytes) else b""
            filename = part.get_filename()
            if filename is not None:
                request.files[name] = Upload(filename, part.get_content_type(), data)
            else:
                request.form[name] = data.decode("utf-8", "replace")


def sniff_image(data: bytes) -> str:
    """The image (or MP4 video) type from the first bytes (platforms look at the bytes, not the declared type)."""
    signatures = {
        b"\x89PNG": "image/png",
        b"\xff\xd8": "image/jpeg",
        b"GIF8": "image/gif",
        b"BM": "image/bmp",
        b"II*\x00": "image/tiff",
        b"MM\x00*": "image/tiff",
    }
    for signature, mime in signatures.items():
        if data.startswith(signature):
            return mime
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if data[4:8] == b"ftyp":
        return "video/mp4"
    return "application/octet-stream"
