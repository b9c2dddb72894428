"""One HTTP(S) GET for a readout page, bounded in time, size, headers and redirects.

The page is fetched once with http.client (no scripts, no linked resources), through the proxy
the environment names (http_proxy, https_proxy, no_proxy) if any. Only HTML and plain text are
accepted: a readout behind any other Content-Type is not something we can read. The bounds
(limits.py) hold against a hostile server:
- FETCH_DEADLINE for everything (connecting, redirects, headers, body): a timeout per read
  alone let a server sending one byte a second run for ever; at the deadline a watchdog shuts
  the socket, which wakes any read;
- FETCH_TIMEOUT for connecting and for any one read;
- MAX_HEADERS headers (http.client's own limit, reported as a reason instead of a traceback);
- MAX_REDIRECTS redirects, to http(s) only, to the same port or the scheme's default one, and
  never from a public address to a loopback, private or link-local one;
- a body shorter than its Content-Length is refused as cut off, not read as the whole page.
"""

from __future__ import annotations

import contextlib
import http.client
import ipaddress
import socket
import ssl
import threading
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urljoin, urlsplit

from viewer.ingest.limits import FETCH_DEADLINE, FETCH_TIMEOUT, MAX_HEADERS, MAX_REDIRECTS, too_large

_CHUNK = 64 * 1024
_ACCEPTED_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "text/markdown")
_USER_AGENT = "Counterpart/0.1 (readout comparison; single page fetch)"
_REDIRECTS = (301, 302, 303, 307, 308)
_DEFAULT_PORTS = {"http": 80, "https": 443}


class FetchError(Exception):
    """Plain reason the URL could not be read."""


@dataclass
class Fetched:
    data: bytes
    url: str  # after redirects
    content_type: str
    charset: str | None


@dataclass(frozen=True)
class _Target:
    url: str
    scheme: str
    host: str
    port: int
    path: str  # with the query

    @classmethod
    def of(cls, url: str) -> _Target:
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme not in _DEFAULT_PORTS:
            raise FetchError(f"redirects to {scheme or 'a relative'}:// address; only http and https are followed")
        try:
            port = parts.port or _DEFAULT_PORTS[scheme]
        except ValueError:
            raise FetchError(f"has a bad port in {url}") from None
        if not parts.hostname:
            raise FetchError(f"has no host name: {url}")
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        return cls(url, scheme, parts.hostname, port, path)


class _Clock:
    """The deadline of one fetch, and a watchdog that shuts the connection's socket when it passes."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.end = time.monotonic() + seconds
        self.expired = False

    def left(self) -> float:
        return self.end - time.monotonic()

    @contextlib.contextmanager
    def watching(self, sock: socket.socket) -> Iterator[None]:
        """The connected socket (http.client hands it to the response and forgets it)."""
        timer = threading.Timer(max(0.0, self.left()), self._expire, (sock,))
        timer.daemon = True
        timer.start()
        try:
            yield
        finally:
            timer.cancel()

    def _expire(self, sock: socket.socket) -> None:
        self.expired = True
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)


def fetch(url: str, *, max_bytes: int, timeout: float = FETCH_TIMEOUT, deadline: float = FETCH_DEADLINE) -> Fetched:
    clock = _Clock(deadline)
    target = _Target.of(url)
    try:
        for _hop in range(MAX_REDIRECTS + 1):
            if clock.left() <= 0:
                clock.expired = True
                raise TimeoutError
            conn, request_target = _connection(target, min(timeout, clock.left()))
            try:
                conn.connect()
                with clock.watching(conn.sock):
                    location = _get(conn, request_target, target, max_bytes, clock)
            finally:
                conn.close()
            if isinstance(location, Fetched):
                return location
            target = _redirect(target, location)
        raise FetchError(f"redirects more than {MAX_REDIRECTS} times")
    except FetchError:
        raise
    except (TimeoutError, OSError, http.client.HTTPException, ValueError) as exc:
        if clock.expired:
            raise FetchError(f"timed out: no complete answer within {deadline:g} s") from exc
        raise FetchError(_reason(exc, timeout)) from exc


def _connection(target: _Target, timeout: float) -> tuple[http.client.HTTPConnection, str]:
    """A connection for the target and what to ask it for: through the environment's proxy for
    the scheme if any (https tunnelled through it, http asked of it by full URL)."""
    proxy = urllib.request.getproxies().get(target.scheme)
    host, port, request_target = target.host, target.port, target.path
    if proxy and not urllib.request.proxy_bypass(target.host):
        p = urlsplit(proxy if "://" in proxy else f"http://{proxy}")
        host, port = p.hostname or "", p.port or 8080
        if target.scheme == "http":
            request_target = target.url
    if target.scheme == "http":
        return http.client.HTTPConnection(host, port, timeout=timeout), request_target
    conn = http.client.HTTPSConnection(host, port, timeout=timeout, context=ssl.create_default_context())
    if host != target.host:
        conn.set_tunnel(target.host, target.port)
    return conn, request_target


def _get(conn: http.client.HTTPConnection, request_target: str, target: _Target, max_bytes: int,
         clock: _Clock) -> Fetched | str:
    """The page, or the Location it redirects to."""
    conn.request("GET", request_target, headers={
        "User-Agent": _USER_AGENT, "Accept": ", ".join(_ACCEPTED_TYPES), "Accept-Encoding": "identity"})
    response = conn.getresponse()
    if response.status in _REDIRECTS:
        location = response.getheader("Location")
        if not location:
            raise FetchError(f"HTTP {response.status} redirect without a Location")
        return location
    if response.status >= 400:
        raise FetchError(f"HTTP error {response.status} {response.reason}")
    headers: Message = response.msg
    content_type = headers.get_content_type()
    if content_type not in _ACCEPTED_TYPES:
        raise FetchError(f"is {content_type}, not an HTML page or text")
    length = headers.get("Content-Length", "").strip()
    declared = int(length) if length.isdigit() else None
    if declared is not None and declared > max_bytes:
        raise FetchError(too_large(max_bytes, declared))
    data = _read_body(response, max_bytes, clock)
    if declared is not None and len(data) < declared:
        raise FetchError(f"was cut off: {len(data):,} of {declared:,} bytes received")
    return Fetched(data, target.url, content_type, headers.get_content_charset())


def _read_body(response: http.client.HTTPResponse, max_bytes: int, clock: _Clock) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read1(_CHUNK):  # whatever arrived, so the deadline is checked often
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(too_large(max_bytes))
        chunks.append(chunk)
    if clock.expired:  # the watchdog's shutdown ends the body like a close: not the whole page
        raise TimeoutError
    return b"".join(chunks)


def _redirect(current: _Target, location: str) -> _Target:
    """The redirect's target, refused unless it is http(s), on the same port or the scheme's
    default one, and not a private address reached from a public one."""
    target = _Target.of(urljoin(current.url, location))
    if target.port not in (current.port, _DEFAULT_PORTS[target.scheme]):
        raise FetchError(f"redirects to another port ({target.host}:{target.port}); not followed")
    if _is_public(current.host) and not _is_public(target.host):
        raise FetchError(f"redirects from a public address to a private or local one ({target.host}); not followed")
    return target


def _is_public(host: str) -> bool:
    """Whether every address of `host` is a global one (a name that does not resolve is not judged
    here: connecting to it fails with its own reason)."""
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, None)}
    except (socket.gaierror, UnicodeError):
        return True
    return all(ipaddress.ip_address(a.split("%")[0]).is_global for a in addresses)


def _reason(exc: BaseException, timeout: float) -> str:
    if isinstance(exc, TimeoutError):
        return f"timed out after {timeout:g} s"
    if isinstance(exc, ConnectionRefusedError):
        return "connection refused (server down or offline?)"
    if isinstance(exc, socket.gaierror):
        return "host not found (offline, or a typo in the address?)"
    if isinstance(exc, ssl.SSLError):
        return f"secure connection failed ({exc.reason or exc})"
    if isinstance(exc, http.client.HTTPException):
        if f"more than {MAX_HEADERS} headers" in str(exc):
            return f"sent more than {MAX_HEADERS} headers"
        if isinstance(exc, http.client.IncompleteRead):
            return f"was cut off: {len(exc.partial):,} bytes received, more expected"
        return f"sent a malformed answer ({type(exc).__name__}: {exc})"
    return f"cannot be fetched ({getattr(exc, 'strerror', None) or exc})"
