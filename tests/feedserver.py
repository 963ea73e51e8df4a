"""A real HTTP server on 127.0.0.1 serving RSS/Atom feeds and article pages for feed tests.

The articles are written for these tests. Routes are mutable (`server.routes[path] = ...`) so a
test can publish a new entry between two watch cycles; `server.hits[path]` counts requests.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

ARTICLES = {
    "/news/ferry-line": (
        "Ferry line across the Amur opens for freight",
        "Russian and Chinese officials opened a new freight ferry line across the Amur River "
        "on Tuesday, the regional transport ministry said. The line links Blagoveshchensk and "
        "Heihe and will carry up to 1,200 trucks a month in its first year.",
        "Deputy Prime Minister Alexei Overchuk and Chinese Vice Premier Ding Xuexiang attended "
        "the ceremony on the Russian bank. Overchuk said cross-border cargo volumes had grown "
        "steadily and that a second ferry would follow once the river ice season ends.",
    ),
    "/news/grain-corridor": (
        "Grain corridor talks continue in Beijing",
        "Delegations from Russia and China met in Beijing on Wednesday to discuss the new land "
        "grain corridor, the agriculture ministry said in a statement. The talks covered "
        "phytosanitary rules, rail capacity at the Zabaikalsk crossing and storage terminals.",
        "Agriculture Minister Oksana Lut said the two sides had agreed on a timetable for the "
        "first shipments. Chinese officials said inspections would be carried out at the "
        "border rather than at the destination, which would cut delivery times by several days.",
    ),
    "/news/science-forum": (
        "Russian and Chinese universities sign research accord",
        "Twelve Russian and Chinese universities signed a research cooperation accord at a "
        "science forum in Harbin on Thursday, the organisers said. The accord covers joint "
        "laboratories in materials science, polar research and agricultural genetics.",
        "Rectors from both countries said the first joint laboratory would open in Novosibirsk "
        "next spring. The forum, held every two years, drew about 600 researchers this time.",
    ),
}


def page(path: str) -> bytes:
    title, *paragraphs = ARTICLES[path]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!doctype html><html><head><title>{title} | Test Wire</title></head><body>"
        f"<nav>Home | World | Business</nav><article><h1>{title}</h1>{body}</article>"
        "<footer>Test Wire 2026</footer></body></html>"
    ).encode()


_SHAPES = {
    "rss": (
        '<rss version="2.0"><channel><title>{title}</title><link>{base}/</link>'
        "<description>test</description>{items}</channel></rss>",
        "<item><title>{t}</title><link>{base}{p}</link><guid>{base}{p}</guid>"
        "<pubDate>{d}</pubDate></item>",
    ),
    "atom": (
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>{title}</title><id>{base}/atom</id>'
        "<updated>2026-03-05T00:00:00Z</updated>{items}</feed>",
        '<entry><title>{t}</title><link href="{base}{p}"/><id>{base}{p}</id>'
        "<updated>{d}</updated></entry>",
    ),
}


def _feed(shape: str, base: str, items: list[tuple[str, str, str]], title: str) -> bytes:
    outer, inner = _SHAPES[shape]
    xml = "".join(inner.format(base=base, p=p, t=t, d=d) for p, t, d in items)
    head = '<?xml version="1.0" encoding="utf-8"?>'
    return (head + outer.format(title=title, base=base, items=xml)).encode()


def rss(base: str, items: list[tuple[str, str, str]], title: str = "Test Wire") -> bytes:
    """RSS 2.0 with (path, title, RFC 822 date) items."""
    return _feed("rss", base, items, title)


def atom(base: str, entries: list[tuple[str, str, str]], title: str = "Atom Desk") -> bytes:
    """Atom 1.0 with (path, title, ISO timestamp) entries."""
    return _feed("atom", base, entries, title)


class FeedServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.routes: dict[str, tuple[int, str, bytes]] = {}
        self.delays: dict[str, float] = {}
        self.hits: Counter[str] = Counter()
        self.lock = threading.Lock()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def serve_pages(self, content: dict[str, bytes] | None = None) -> None:
        for path in ARTICLES:
            self.routes[path] = (200, "text/html; charset=utf-8", page(path))
        for path, body in (content or {}).items():
            self.routes[path] = (200, "text/html; charset=utf-8", body)

    def __enter__(self) -> Any:
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()
        self.server_close()


class _Handler(BaseHTTPRequestHandler):
    server: FeedServer

    def do_GET(self) -> None:
        with self.server.lock:
            self.server.hits[self.path] += 1
            status, ctype, body = self.server.routes.get(self.path, (404, "text/plain", b"no"))
            delay = self.server.delays.get(self.path, 0.0)
        time.sleep(delay)
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        pass
