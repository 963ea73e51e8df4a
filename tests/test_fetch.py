"""Fetching URLs against a real local server; only the "public internet" hop is mocked."""

from __future__ import annotations

import ipaddress
import socket
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from bilat.errors import FetchError
from bilat.ingest.fetch import USER_AGENT, fetch_url, read_url_list, refusal_reason, url_to_name
from bilat.ingest.readers import decode
from bilat.records import RawInput

PAGE = b"""<!DOCTYPE html><html lang="en"><head>
<title>Leaders meet in Beijing | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2024-03-05T10:00:00+08:00">
</head><body><nav><a href="/">Home</a></nav>
<article><h1>Leaders meet in Beijing</h1>
<p>President Xi Jinping met Prime Minister Anthony Albanese in Beijing on Monday, the first
visit by an Australian leader in seven years.</p>
<p>The two sides agreed to expand trade, which reached 300 billion dollars last year, and signed
a memorandum of understanding on climate cooperation.</p>
</article></body></html>"""
ARTICLE_JSON = b'{"text": "Trade talks resumed.", "title": "Talks", "desk": "asia"}'
PUBLIC_IP = "93.184.216.34"  # an IP literal, so no DNS is needed; its hop is mocked
CAP = 5_000_000


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:
        self.server.hits.append(self.path)
        self.server.hosts.append(self.headers.get("Host", ""))
        route = ROUTES.get(self.path)
        if route is None:
            self._send(404, "text/plain", b"not found")
        else:
            route(self)

    def _send(self, status: int, ctype: str, body: bytes, **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        for key, value in headers.items():
            self.send_header(key.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, to: str) -> None:
        self.send_response(302)
        self.send_header("Location", to)
        self.end_headers()

    def _huge(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()  # no Content-Length: the client must count
        chunk = b"x" * 65536
        try:
            for _ in range(CAP // len(chunk) + 20):
                self.wfile.write(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _slow(self) -> None:
        self.server.release.wait(5)
        self._send(200, "text/plain", b"finally")

    def log_message(self, format: str, *args: object) -> None:
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.hits: list[str] = []
        self.hosts: list[str] = []
        self.release = threading.Event()

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # clients hanging up on /huge and /slow are expected

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


ROUTES: dict[str, Callable[[_Handler], None]] = {
    "/article": lambda h: h._send(200, "text/html; charset=utf-8", PAGE),
    "/article.json": lambda h: h._send(200, "application/json", ARTICLE_JSON),
    "/latin1": lambda h: h._send(200, "text/plain; charset=iso-8859-1", "café".encode("latin-1")),
    "/pdf": lambda h: h._send(200, "application/pdf", b"%PDF-1.4"),
    "/notype.txt": lambda h: h._send(200, "", b"plain words"),
    "/r1": lambda h: h._redirect("/r2"),
    "/r2": lambda h: h._redirect("/article"),
    "/loop": lambda h: h._redirect("/loop"),
    "/huge": lambda h: h._huge(),
    "/declared-huge": lambda h: h._send(200, "text/plain", b"", Content_Length="50000000"),
    "/slow": lambda h: h._slow(),
}


@pytest.fixture
def server() -> Iterator[_Server]:
    srv = _Server()
    thread = threading.Thread(target=srv.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield srv
    finally:
        srv.release.set()
        srv.shutdown()
        srv.server_close()
        thread.join(5)


def _public_then_real(redirect_to: str, seen: list[httpx.Request]) -> httpx.BaseTransport:
    """The "internet": the public host is mocked; anything else goes to a real connection."""
    real = httpx.HTTPTransport()

    def public(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(302, headers={"Location": redirect_to})

    mock = httpx.MockTransport(public)

    class Routing(httpx.BaseTransport):
        def handle_request(self, request: httpx.Request) -> httpx.Response:
            target = mock if request.url.host == PUBLIC_IP else real
            return target.handle_request(request)

        def close(self) -> None:
            real.close()

    return Routing()


# --- address checks ----------------------------------------------------------------------


def test_loopback_is_refused_without_connecting(server: _Server) -> None:
    with pytest.raises(FetchError) as info:
        fetch_url(f"{server.base}/article")
    assert "refused" in info.value.reason and "127.0.0.1, a loopback address" in info.value.reason
    assert info.value.name == f"{server.base}/article"
    assert server.hits == []


def test_localhost_name_is_resolved_and_refused(server: _Server) -> None:
    port = server.server_address[1]
    with pytest.raises(FetchError, match="loopback"):
        fetch_url(f"http://localhost:{port}/article")
    assert server.hits == []


def test_allow_private_fetches_the_page(server: _Server) -> None:
    url = f"{server.base}/article"
    raw = fetch_url(url, allow_private=True)
    port = server.server_address[1]
    assert raw == RawInput(
        name=f"127.0.0.1_{port}_article.html", origin=url, data=PAGE, kind="html"
    )
    (article,) = decode(raw)
    assert article.kind == "url" and article.url == url
    assert article.title == "Leaders meet in Beijing" and article.published == "2024-03-05"


def test_connection_goes_to_checked_address_with_the_host_name_kept(server: _Server) -> None:
    port = server.server_address[1]
    fetch_url(f"http://localhost:{port}/article", allow_private=True)
    assert server.hosts == [f"localhost:{port}"]


def test_redirect_from_public_host_to_loopback_is_refused_before_connecting(
    server: _Server,
) -> None:
    seen: list[httpx.Request] = []
    transport = _public_then_real(f"{server.base}/article", seen)
    with pytest.raises(FetchError) as info:
        fetch_url(f"http://{PUBLIC_IP}/story", transport=transport)
    assert "refused" in info.value.reason and "redirected to" in info.value.reason
    assert [str(r.url) for r in seen] == [f"http://{PUBLIC_IP}/story"]
    assert seen[0].headers["User-Agent"] == USER_AGENT
    assert server.hits == []  # no connection ever reached loopback


def test_same_redirect_is_followed_when_private_addresses_are_allowed(server: _Server) -> None:
    seen: list[httpx.Request] = []
    transport = _public_then_real(f"{server.base}/article", seen)
    raw = fetch_url(f"http://{PUBLIC_IP}/story", transport=transport, allow_private=True)
    assert raw.data == PAGE and server.hits == ["/article"]


@pytest.mark.parametrize(
    ("address", "label"),
    [
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("::ffff:127.0.0.1", "loopback"),
        ("10.1.2.3", "private"),
        ("192.168.0.1", "private"),
        ("fd00::1", "private"),
        ("169.254.169.254", "link-local"),
        ("224.0.0.1", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("240.0.0.1", "reserved"),
        ("100.64.0.1", "non-public"),
        ("93.184.216.34", None),
        ("2606:4700:4700::1111", None),
    ],
)
def test_refusal_reason(address: str, label: str | None) -> None:
    assert refusal_reason(ipaddress.ip_address(address)) == label


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("ftp://example.org/a", "only http and https"),
        ("file:///etc/passwd", "only http and https"),
        ("example.org/news", "only http and https"),
        ("http://[::1/", "not a valid URL"),
    ],
)
def test_invalid_urls_are_refused(url: str, reason: str) -> None:
    with pytest.raises(FetchError, match=reason):
        fetch_url(url)


# --- redirects, limits, errors -----------------------------------------------------------


def test_redirect_chain_is_followed_hop_by_hop(server: _Server) -> None:
    raw = fetch_url(f"{server.base}/r1", allow_private=True)
    assert raw.data == PAGE and server.hits == ["/r1", "/r2", "/article"]
    assert raw.origin == f"{server.base}/r1"


def test_redirect_loop_stops(server: _Server) -> None:
    with pytest.raises(FetchError, match="too many redirects"):
        fetch_url(f"{server.base}/loop", allow_private=True, max_redirects=3)
    assert server.hits == ["/loop"] * 4


def test_huge_body_stops_at_the_cap(server: _Server) -> None:
    with pytest.raises(FetchError, match="larger than 5 MB cap"):
        fetch_url(f"{server.base}/huge", allow_private=True)


def test_declared_huge_body_is_refused_before_reading(server: _Server) -> None:
    with pytest.raises(FetchError, match="50,000,000 bytes is larger than 5 MB cap"):
        fetch_url(f"{server.base}/declared-huge", allow_private=True)


def test_slow_server_times_out(server: _Server) -> None:
    with pytest.raises(FetchError, match=r"timed out waiting for 127\.0\.0\.1.*0\.3 s"):
        fetch_url(f"{server.base}/slow", allow_private=True, timeout=0.3)


def test_connect_timeout_is_reported() -> None:
    def unreachable(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectTimeout("timed out", request=request)

    with pytest.raises(FetchError, match=f"timed out connecting to {PUBLIC_IP}"):
        fetch_url(f"http://{PUBLIC_IP}/", transport=httpx.MockTransport(unreachable))


def test_http_error_status_is_reported(server: _Server) -> None:
    with pytest.raises(FetchError, match="HTTP 404 Not Found"):
        fetch_url(f"{server.base}/missing", allow_private=True)


def test_connection_refused_is_reported() -> None:
    with socket.socket() as sock:  # a port that nothing listens on once closed
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(FetchError, match=r"cannot connect to 127\.0\.0\.1"):
        fetch_url(f"http://127.0.0.1:{port}/article", allow_private=True, timeout=2)


# --- content types -----------------------------------------------------------------------


def test_json_article(server: _Server) -> None:
    raw = fetch_url(f"{server.base}/article.json", allow_private=True)
    assert raw.kind == "json" and raw.name.endswith("_article.json")
    (article,) = decode(raw)
    assert article.title == "Talks" and article.metadata == {"desk": "asia"}
    assert article.kind == "url"


def test_declared_charset_is_transcoded_to_utf8(server: _Server) -> None:
    raw = fetch_url(f"{server.base}/latin1", allow_private=True)
    assert raw.kind == "txt" and raw.data == "café".encode()


def test_unsupported_content_type(server: _Server) -> None:
    with pytest.raises(FetchError, match="unsupported content type 'application/pdf'"):
        fetch_url(f"{server.base}/pdf", allow_private=True)


def test_missing_content_type_falls_back_to_the_path_suffix(server: _Server) -> None:
    raw = fetch_url(f"{server.base}/notype.txt", allow_private=True)
    assert raw.kind == "txt" and raw.data == b"plain words"


# --- names and URL lists -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "kind", "name"),
    [
        ("https://example.org/news/123", "html", "example.org_news_123.html"),
        ("https://example.org/news/123.html", "html", "example.org_news_123.html"),
        ("https://example.org/a/story.htm", "html", "example.org_a_story.htm"),
        ("https://example.org/", "html", "example.org.html"),
        (
            "http://example.org:8080/api/item?id=7&x=y",
            "json",
            "example.org_8080_api_item_id_7_x_y.json",
        ),
        ("https://例子.中国/新闻", "txt", "xn--fsqu00a.xn--fiqs8s_E6_96_B0_E9_97_BB.txt"),
        ("https://例子.中国/旧闻", "txt", "xn--fsqu00a.xn--fiqs8s_E6_97_A7_E9_97_BB.txt"),
    ],
)
def test_url_to_name(url: str, kind: str, name: str) -> None:
    assert url_to_name(url, kind) == name


def test_long_urls_get_short_distinct_names() -> None:
    a = url_to_name("https://example.org/" + "a" * 300 + "?p=1", "html")
    b = url_to_name("https://example.org/" + "a" * 300 + "?p=2", "html")
    assert a != b and len(a) <= 120


def test_read_url_list_skips_comments_and_blanks(tmp_path: Path) -> None:
    path = tmp_path / "urls.txt"
    path.write_text("# sources\n\nhttps://a.example/1\n  https://b.example/2  \n#x\nnot a url\n")
    assert read_url_list(path) == ["https://a.example/1", "https://b.example/2", "not a url"]
