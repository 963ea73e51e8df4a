"""Fetch pages for `--urls FILE` and feeds for `--feed URL`, safely.

needs : a URL (http or https)
adds  : a `RawInput` whose kind comes from the Content-Type (html | json | txt | md)

Safety rules, all checked here rather than left to httpx:
- only http and https;
- the host is resolved with `socket.getaddrinfo` and refused if ANY address is loopback, private,
  link-local, multicast, reserved, unspecified or otherwise not global (unless `allow_private`);
  the connection then goes to the checked address (Host header and TLS SNI keep the name), so a
  second DNS answer cannot swap in another address;
- redirects are followed by hand, at most `max_redirects`, and every hop is checked as above;
- the body is streamed and reading stops past `max_bytes`; a download must also finish within
  `4 * timeout` seconds in total, so a server dripping bytes cannot hold a batch forever.

`transport` is the one seam for tests: an `httpx.MockTransport` stands in for the outside network.
A declared non-UTF-8 charset (HTTP header) is transcoded to UTF-8; nothing is guessed.
"""

from __future__ import annotations

import codecs
import hashlib
import ipaddress
import re
import socket
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import httpx

from bilat.errors import FetchError
from bilat.ingest.readers import KIND_BY_SUFFIX, size_label
from bilat.records import RawInput

__all__ = [
    "USER_AGENT",
    "FetchOptions",
    "fetch_feed",
    "fetch_url",
    "read_url_list",
    "refusal_reason",
    "url_to_name",
]

USER_AGENT = "bilat/0.1"
_REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})
_KIND_BY_TYPE = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/json": "json",
    "text/json": "json",
    "text/plain": "txt",
    "text/markdown": "md",
}
_KIND_BY_SUFFIX = {k: v for k, v in KIND_BY_SUFFIX.items() if v != "jsonl"}  # one page, one article
_TOTAL_TIME_FACTOR = 4
_UNSAFE_CHARS = re.compile(r"[^A-Za-z0-9._-]+")
_IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
T = TypeVar("T")


def read_url_list(path: Path) -> list[str]:
    """URLs from a file, one per line; blank lines and lines starting with '#' are ignored.

    Lines are not validated here: `fetch_url` rejects an invalid URL with its reason. Undecodable
    bytes become U+FFFD, so such a line is rejected on its own. Raises `OSError` if the file
    cannot be read.
    """
    text = path.read_bytes().decode("utf-8-sig", errors="replace")
    lines = (line.strip() for line in text.splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def fetch_url(
    url: str,
    *,
    allow_private: bool = False,
    timeout: float = 15.0,
    max_bytes: int = 5_000_000,
    max_redirects: int = 5,
    transport: httpx.BaseTransport | None = None,
) -> RawInput:
    """Fetch one URL into a `RawInput`, or raise `FetchError(url, reason)`."""
    return _fetch(url, _read_response, allow_private, timeout, max_bytes, max_redirects, transport)


@dataclass(frozen=True, slots=True)
class FetchOptions:
    """The limits of `fetch_url`, kept together for callers that fetch many URLs."""

    allow_private: bool = False
    timeout: float = 15.0
    max_bytes: int = 5_000_000
    max_redirects: int = 5

    def page(self, url: str) -> RawInput:
        return fetch_url(
            url,
            allow_private=self.allow_private,
            timeout=self.timeout,
            max_bytes=self.max_bytes,
            max_redirects=self.max_redirects,
        )


def fetch_feed(
    url: str, options: FetchOptions, transport: httpx.BaseTransport | None = None
) -> tuple[bytes, str]:
    """Fetch an RSS/Atom feed under the same rules: its body, untouched (feedparser reads the
    XML encoding itself), and the Content-Type header; or raise `FetchError(url, reason)`."""
    o = options
    return _fetch(
        url, _read_feed, o.allow_private, o.timeout, o.max_bytes, o.max_redirects, transport
    )


def _fetch(
    url: str,
    read: Callable[[str, httpx.Response, int, float], T],
    allow_private: bool,
    timeout: float,
    max_bytes: int,
    max_redirects: int,
    transport: httpx.BaseTransport | None,
) -> T:
    current = _parse_url(url, url)
    deadline = time.monotonic() + _TOTAL_TIME_FACTOR * timeout
    with _client(transport, timeout) as client:
        for _ in range(max_redirects + 1):
            request = _pinned_request(client, url, current, allow_private)
            with _errors_as_fetch_error(url, current, timeout), _send(client, request) as response:
                if response.status_code in _REDIRECT_CODES:
                    current = _redirect_target(url, current, response)
                    continue
                return read(url, response, max_bytes, deadline)
    raise FetchError(url, f"too many redirects (more than {max_redirects})")


# --- addresses -------------------------------------------------------------------------------


def _parse_url(original: str, candidate: str | httpx.URL) -> httpx.URL:
    try:
        parsed = httpx.URL(candidate)
    except (httpx.InvalidURL, TypeError) as exc:
        raise FetchError(original, f"not a valid URL ({exc})") from None
    if parsed.scheme not in ("http", "https"):
        scheme = f"{parsed.scheme}:" if parsed.scheme else "a URL without a scheme"
        raise FetchError(original, f"only http and https URLs are fetched, not {scheme}")
    if not parsed.host:
        raise FetchError(original, "not a valid URL (no host)")
    return parsed


def _resolve(original: str, target: httpx.URL) -> list[_IPAddress]:
    port = target.port or (443 if target.scheme == "https" else 80)
    try:
        infos = socket.getaddrinfo(target.host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(original, f"cannot resolve host {target.host!r} ({exc})") from None
    addresses = [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]
    return sorted(set(addresses), key=lambda ip: (ip.version, addresses.index(ip)))


def refusal_reason(ip: _IPAddress) -> str | None:
    """Why bilat will not connect to `ip` by default, or None for a public address."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return refusal_reason(ip.ipv4_mapped)
    checks = (
        ("loopback", ip.is_loopback),
        ("unspecified", ip.is_unspecified),
        ("link-local", ip.is_link_local),
        ("multicast", ip.is_multicast),
        ("reserved", ip.is_reserved),
        ("private", ip.is_private),
        ("non-public", not ip.is_global),
    )
    return next((label for label, hit in checks if hit), None)


def _checked_address(original: str, target: httpx.URL, allow_private: bool) -> _IPAddress:
    """Resolve the host; refuse it if any of its addresses is not public (unless allowed)."""
    addresses = _resolve(original, target)
    if not addresses:
        raise FetchError(original, f"host {target.host!r} has no address")
    refused = [] if allow_private else [(ip, refusal_reason(ip)) for ip in addresses]
    for ip, label in refused:
        if label:
            hop = "" if str(target) == original else f" (redirected to {target})"
            raise FetchError(
                original,
                f"refused: {target.host} resolves to {ip}, a {label} "
                f"address{hop}; bilat only fetches public addresses by default",
            )
    return addresses[0]


def _pinned_request(
    client: httpx.Client, original: str, target: httpx.URL, allow_private: bool
) -> httpx.Request:
    """A request to the checked address, keeping the host name for Host and TLS SNI."""
    ip = _checked_address(original, target, allow_private)
    extensions = {"sni_hostname": target.host} if target.scheme == "https" else {}
    return client.build_request(
        "GET",
        target.copy_with(host=str(ip)),
        headers={"Host": target.netloc.decode("ascii")},
        extensions=extensions,
    )


# --- HTTP ------------------------------------------------------------------------------------


def _client(transport: httpx.BaseTransport | None, timeout: float) -> httpx.Client:
    return httpx.Client(
        transport=transport,
        timeout=httpx.Timeout(timeout),
        follow_redirects=False,
        trust_env=False,
        headers={"User-Agent": USER_AGENT},
        # no connection reuse: two names on one address must not share a TLS connection
        limits=httpx.Limits(max_keepalive_connections=0),
    )


@contextmanager
def _send(client: httpx.Client, request: httpx.Request) -> Iterator[httpx.Response]:
    response = client.send(request, stream=True)
    try:
        yield response
    finally:
        response.close()


@contextmanager
def _errors_as_fetch_error(original: str, target: httpx.URL, timeout: float) -> Iterator[None]:
    host = target.host
    try:
        yield
    except httpx.ConnectTimeout:
        raise FetchError(
            original, f"timed out connecting to {host} (after {timeout:g} s)"
        ) from None
    except httpx.ReadTimeout:
        raise FetchError(
            original, f"timed out waiting for {host} to send data (read timeout {timeout:g} s)"
        ) from None
    except httpx.TimeoutException:
        raise FetchError(original, f"timed out talking to {host} (after {timeout:g} s)") from None
    except httpx.ConnectError as exc:
        raise FetchError(original, f"cannot connect to {host} ({exc})") from None
    except httpx.TransportError as exc:
        raise FetchError(original, f"connection to {host} failed ({exc})") from None
    except httpx.HTTPError as exc:
        raise FetchError(original, f"HTTP error from {host}: {exc}") from None


def _redirect_target(original: str, current: httpx.URL, response: httpx.Response) -> httpx.URL:
    location = response.headers.get("location")
    if not location:
        raise FetchError(original, f"HTTP {response.status_code} redirect without a Location")
    try:
        joined = current.join(location)
    except httpx.InvalidURL as exc:
        raise FetchError(original, f"redirect to an invalid URL {location!r} ({exc})") from None
    return _parse_url(original, joined)


def _read_response(
    original: str, response: httpx.Response, max_bytes: int, deadline: float
) -> RawInput:
    if not response.is_success:
        phrase = f" {response.reason_phrase}" if response.reason_phrase else ""
        raise FetchError(original, f"HTTP {response.status_code}{phrase}")
    kind = _content_kind(original, response)
    body = _read_body(original, response, max_bytes, deadline)
    return RawInput(
        name=url_to_name(original, kind),
        origin=original,
        data=_as_utf8(original, body, response.charset_encoding),
        kind=kind,
    )


def _read_feed(
    original: str, response: httpx.Response, max_bytes: int, deadline: float
) -> tuple[bytes, str]:
    if not response.is_success:
        phrase = f" {response.reason_phrase}" if response.reason_phrase else ""
        raise FetchError(original, f"HTTP {response.status_code}{phrase}")
    body = _read_body(original, response, max_bytes, deadline)
    return body, response.headers.get("content-type", "")


def _read_body(original: str, response: httpx.Response, max_bytes: int, deadline: float) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(
            original,
            f"response of {int(declared):,} bytes is larger than {size_label(max_bytes)} cap",
        )
    chunks: list[bytes] = []
    received = 0
    for chunk in response.iter_bytes():
        received += len(chunk)
        if received > max_bytes:
            raise FetchError(
                original,
                f"response larger than {size_label(max_bytes)} cap "
                f"(stopped reading after {received:,} bytes)",
            )
        if time.monotonic() > deadline:
            raise FetchError(original, "timed out: the download did not finish in time")
        chunks.append(chunk)
    return b"".join(chunks)


def _content_kind(original: str, response: httpx.Response) -> str:
    media = response.headers.get("content-type", "").split(";")[0].strip().lower()
    kind = _KIND_BY_TYPE.get(media)
    if kind is None and media.endswith("+json"):
        kind = "json"
    if kind is None and not media:
        kind = _KIND_BY_SUFFIX.get(Path(response.request.url.path).suffix.lower())
    if kind is None:
        raise FetchError(
            original,
            f"unsupported content type {media or '(none)'!r}; bilat "
            "reads HTML, JSON and plain text",
        )
    return kind


def _as_utf8(original: str, body: bytes, charset: str | None) -> bytes:
    """Transcode a body whose server DECLARES a non-UTF-8 charset; never guess one."""
    if charset is None:
        return body
    try:
        codec = codecs.lookup(charset).name
    except LookupError:
        raise FetchError(original, f"unknown charset {charset!r} declared by the server") from None
    if codec in ("utf-8", "ascii"):
        return body
    try:
        return body.decode(codec).encode("utf-8")
    except UnicodeDecodeError as exc:
        raise FetchError(
            original,
            f"body is not valid {charset} as the server declares (byte offset {exc.start})",
        ) from None


# --- names -----------------------------------------------------------------------------------


def url_to_name(url: str, kind: str) -> str:
    """A filesystem-safe name from host + path (+ query), e.g. `example.org_news_123.html`."""
    parsed = httpx.URL(url)
    parts = [parsed.raw_host.decode("ascii"), str(parsed.port or ""), parsed.raw_path.decode()]
    base = _UNSAFE_CHARS.sub("_", "_".join(p for p in parts if p)).strip("._") or "page"
    base = re.sub(r"_+", "_", base)
    if len(base) > 120:
        base = f"{base[:100]}_{hashlib.sha256(url.encode()).hexdigest()[:10]}"
    suffix = ".htm" if kind == "html" and base.lower().endswith(".htm") else f".{kind}"
    return base if base.lower().endswith(suffix) else base + suffix
