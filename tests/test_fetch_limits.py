"""A hostile web server on 127.0.0.1: drips bytes, sends too many headers, redirects in loops,
to ftp://, to other ports or to a local address, cuts its body short. Each is refused with its
reason, within the deadline."""

from __future__ import annotations

import importlib
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from viewer.errors import InputError
from viewer.ingest import read_source
from viewer.ingest.fetch import FetchError, fetch
from viewer.ingest.limits import MAX_HEADERS, MAX_REDIRECTS

fetch_module = importlib.import_module("viewer.ingest.fetch")  # the package exports a function of that name

PAGE = b"<html><head><title>Talks</title></head><body><article><p>The ministers met.</p></article></body></html>"


class _Hostile(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):  # noqa: N802 (http.server's name)
        route = getattr(self, "route_" + self.path.strip("/").split("?")[0].replace("-", "_"), None)
        try:
            route() if route else self.send_error(404)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _page(self, body: bytes = PAGE, length: int | None = None):
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body) if length is None else length))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, location: str):
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def route_page(self):
        self._page()

    def route_drip(self):  # headers at once, then one byte at a time, for ever
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        while True:
            self.wfile.write(b"x")
            self.wfile.flush()
            time.sleep(0.05)

    def route_drip_headers(self):  # never finishes its headers
        self.wfile.write(b"HTTP/1.1 200 OK\r\n")
        for k in range(10_000):
            self.wfile.write(f"X-Slow-{k}: y\r\n".encode())
            self.wfile.flush()
            time.sleep(0.05)

    def route_headers(self):
        self.send_response(200)
        for k in range(MAX_HEADERS + 50):
            self.send_header(f"X-Extra-{k}", "y")
        self.end_headers()

    def route_cut(self):
        self._page(PAGE[:40], length=len(PAGE))
        self.close_connection = True

    def route_loop(self):
        self._redirect("/loop")

    def route_to_ftp(self):
        self._redirect("ftp://127.0.0.1/readout.txt")

    def route_to_port(self):
        self._redirect(f"http://127.0.0.1:{self.server.server_address[1] + 1}/page")

    def route_to_local(self):
        self._redirect(f"http://localhost:{self.server.server_address[1]}/page")

    def route_hop(self):
        self._redirect("/page")

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def hostile():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Hostile)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.parametrize("path", ["/drip", "/drip-headers"])
def test_a_server_dripping_bytes_meets_the_total_deadline(hostile, path):
    with pytest.raises(FetchError, match=r"no complete answer within 0.6 s"):
        fetch(f"{hostile}{path}", max_bytes=10_000_000, timeout=5, deadline=0.6)


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/headers", f"sent more than {MAX_HEADERS} headers"),
        ("/cut", f"was cut off: 40 of {len(PAGE)} bytes received"),
        ("/loop", f"redirects more than {MAX_REDIRECTS} times"),
        ("/to-ftp", "only http and https are followed"),
        ("/to-port", "redirects to another port"),
    ],
)
def test_hostile_answers_are_refused_with_their_reason(hostile, path, reason):
    with pytest.raises(InputError, match=reason) as caught:
        read_source(f"{hostile}{path}")
    assert "\n" not in str(caught.value)


def test_a_redirect_on_the_same_server_is_followed(hostile):
    readout = read_source(f"{hostile}/hop")
    assert readout.text == "The ministers met."
    assert readout.metadata["url"] == f"{hostile}/page"


def test_a_public_page_may_not_redirect_to_a_local_address(hostile, monkeypatch):
    # 127.0.0.1 plays a public server here; "localhost" stays what it is
    monkeypatch.setattr(fetch_module, "_is_public", lambda host: host == "127.0.0.1")
    with pytest.raises(InputError, match="from a public address to a private or local one"):
        read_source(f"{hostile}/to-local")


def test_local_addresses_are_not_public():
    assert not fetch_module._is_public("127.0.0.1")
    assert not fetch_module._is_public("10.1.2.3")
    assert not fetch_module._is_public("169.254.169.254")
    assert fetch_module._is_public("8.8.8.8")


def test_the_proxy_of_the_environment_is_used(hostile, monkeypatch):
    # the hostile server stands in for a proxy: asked for http://readouts.example/page, it serves /page
    monkeypatch.setenv("http_proxy", hostile)
    requested = []
    real = _Hostile.do_GET

    def as_proxy(self):
        requested.append(self.path)
        self.path = "/page"
        real(self)

    monkeypatch.setattr(_Hostile, "do_GET", as_proxy)
    assert read_source("http://readouts.example/page").text == "The ministers met."
    assert requested == ["http://readouts.example/page"]
