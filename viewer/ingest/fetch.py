"""One HTTP(S) GET for a readout page, bounded in time and size.

The page is fetched once with urllib (no scripts, no linked resources). Only HTML and plain
text are accepted: a readout behind any other Content-Type is not something we can read.
"""

from __future__ import annotations

import socket
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message

from viewer.ingest.limits import FETCH_TIMEOUT, too_large

_CHUNK = 64 * 1024
_ACCEPTED_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "text/markdown")
_USER_AGENT = "Counterpart/0.1 (readout comparison; single page fetch)"


class FetchError(Exception):
    """Plain reason the URL could not be read."""


@dataclass
class Fetched:
    data: bytes
    url: str  # after redirects
    content_type: str
    charset: str | None


def fetch(url: str, *, max_bytes: int, timeout: float = FETCH_TIMEOUT) -> Fetched:
    request = urllib.request.Request(
        url, headers={"User-Agent": _USER_AGENT, "Accept": ", ".join(_ACCEPTED_TYPES)}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            headers: Message = response.headers
            content_type = headers.get_content_type()
            if content_type not in _ACCEPTED_TYPES:
                raise FetchError(f"is {content_type}, not an HTML page or text")
            length = headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise FetchError(too_large(max_bytes, int(length)))
            data = _read_limited(response, max_bytes)
            return Fetched(data, response.geturl(), content_type, headers.get_content_charset())
    except urllib.error.HTTPError as exc:
        raise FetchError(f"HTTP error {exc.code} {exc.reason}") from exc
    except urllib.error.URLError as exc:
        raise FetchError(_network_reason(exc.reason, timeout)) from exc
    except TimeoutError as exc:
        raise FetchError(f"timed out after {timeout:g} s") from exc
    except (OSError, ValueError) as exc:  # connection reset mid-read, malformed URL
        raise FetchError(f"cannot be fetched ({exc})") from exc


def _read_limited(response, max_bytes: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read(_CHUNK):
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(too_large(max_bytes))
        chunks.append(chunk)
    return b"".join(chunks)


def _network_reason(reason: object, timeout: float) -> str:
    if isinstance(reason, TimeoutError):
        return f"timed out after {timeout:g} s"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused (server down or offline?)"
    if isinstance(reason, socket.gaierror):
        return "host not found (offline, or a typo in the address?)"
    return f"cannot be reached ({reason})"
