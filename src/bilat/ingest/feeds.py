"""RSS and Atom feeds (feedparser) as ingest inputs: each new entry's page, fetched safely.

needs : a feed URL (fetched with the rules of `bilat.ingest.fetch`) or a feed file
adds  : a `RawInput` per entry not seen before, carrying the feed's title, date and outlet

An entry whose link is already stored is skipped without fetching (`seen`); the ingest
pipeline skips a fetched page whose clean text is already stored under another link (same
content hash), so a story re-published under a new URL is not stored twice. A feed that
cannot be fetched or parsed raises `FeedError`; an entry that fails is rejected on its own.
"""

from __future__ import annotations

import calendar
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import feedparser

from bilat.errors import FeedError, FetchError, InputRejected
from bilat.ingest.fetch import FetchOptions, fetch_feed
from bilat.records import RawInput

__all__ = ["FeedEntry", "feed_inputs", "parse_feed", "read_feed"]

log = logging.getLogger("bilat.ingest")


@dataclass(frozen=True, slots=True)
class FeedEntry:
    link: str
    title: str | None
    published: str | None  # ISO YYYY-MM-DD (UTC), from the entry's published or updated time
    source: str | None  # the entry's own source title, else the feed's title


def _date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed"):
        parsed = entry.get(key)
        if parsed:
            return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC).date().isoformat()
    return None


def parse_feed(
    name: str, data: bytes, content_type: str | None = None, base: str | None = None
) -> tuple[list[FeedEntry], list[str]]:
    """Entries of one feed document, and the reasons entries were left out (no link).
    Relative links are resolved against `base` (the feed's URL, when it was fetched).

    Raises `FeedError` when `data` is not a feed feedparser can read any entry from."""
    headers = {"content-type": content_type or "", "content-location": base or ""}
    headers = {k: v for k, v in headers.items() if v}
    parsed = feedparser.parse(data, response_headers=headers, sanitize_html=False)
    version = parsed.get("version") or ""
    if not version and not parsed.entries:
        problem = parsed.get("bozo_exception")
        detail = f" ({type(problem).__name__}: {problem})" if problem else ""
        raise FeedError(name, f"not an RSS or Atom feed{detail}")
    if parsed.get("bozo"):
        log.warning("feed %s is not well-formed; read leniently: %s", name, parsed.bozo_exception)
    feed_title = parsed.feed.get("title") or None
    entries, skipped = [], []
    for i, entry in enumerate(parsed.entries, start=1):
        link = (entry.get("link") or "").strip()
        if not link:
            skipped.append(f"entry {i} ({entry.get('title') or 'untitled'}) has no link")
            continue
        source = (entry.get("source") or {}).get("title") or feed_title
        entries.append(FeedEntry(link, entry.get("title") or None, _date(entry), source))
    return entries, skipped


def read_feed(source: str, fetch: FetchOptions) -> tuple[list[FeedEntry], list[str]]:
    """Fetch (a URL) or read (a file) one feed and parse it; raises `FeedError`."""
    if source.startswith(("http://", "https://")):
        try:
            data, content_type = fetch_feed(source, fetch)
        except FetchError as exc:
            raise FeedError(source, exc.reason) from None
        return parse_feed(source, data, content_type, base=source)
    path = Path(source)
    try:
        data = path.read_bytes()
    except OSError as exc:
        reason = "no such file" if isinstance(exc, FileNotFoundError) else str(exc)
        raise FeedError(source, f"cannot read feed: {reason}") from None
    return parse_feed(source, data, "application/xml")  # a file has no Content-Type to check


def feed_inputs(
    feeds: list[str],
    fetch: FetchOptions,
    is_seen: Callable[[str], bool],
    on_seen: Callable[[str], None],
    should_stop: Callable[[], bool] = lambda: False,
) -> Iterator[RawInput | InputRejected]:
    """A `RawInput` for every entry not seen before (its page fetched, the feed's title, date
    and outlet attached), or an `InputRejected` for a feed or entry that failed."""
    for source in feeds:
        try:
            entries, skipped = read_feed(source, fetch)
        except FeedError as exc:
            yield exc
            continue
        for reason in skipped:
            yield InputRejected(source, reason)
        for entry in entries:
            if should_stop():
                return
            if is_seen(entry.link):
                on_seen(entry.link)
                continue
            try:
                raw = fetch.page(entry.link)
            except InputRejected as exc:
                yield exc
                continue
            overrides = {"title": entry.title, "published": entry.published}
            overrides["source"] = entry.source
            yield RawInput(
                raw.name,
                raw.origin,
                raw.data,
                raw.kind,
                stated={k: v for k, v in overrides.items() if v},
            )
