"""Name an article's source as readers do: its outlet and its headline, from its own text.

Plain-text and some HTML articles come without a `source` or `title` field. An analyst reads
them off the article: a masthead line ("TASS Russian News Agency", "INTERFAX"), a wire marker
in the dateline ("MOSCOW, Jan 13 (Interfax) -", "/TASS/"), the site of its URL; the headline is
the first line that is neither masthead, date, breadcrumb nor body text. Outlets are the ones
listed in data/outlets.yaml; an unknown site is named by its domain; nothing else is guessed
(no outlet is better than a wrong one).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cache
from urllib.parse import urlsplit

from bilat.datafiles import read_data
from bilat.extract.wordre import alternation
from bilat.ingest.dates import month_names

__all__ = ["article_outlet", "article_title"]

_OPENING = 800  # characters of the text where mastheads and datelines are
_DIGITS = r"\b\d{1,4}\b"


@cache
def _date_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A date line's pattern, and one for its month names and numbers (months from the
    dateline table of `bilat.ingest.dates`)."""
    month = alternation(month_names(), ignore_case=True) + r"\.?"
    date = re.compile(
        rf"(?i)\b\d{{1,2}}:\d{{2}}\b|^\s*(?:updated|published|posted)\b|^\s*\d{{4}}-\d{{2}}-\d{{2}}|"
        rf"\b{month}(?!\w).*{_DIGITS}|{_DIGITS}.*\b{month}(?!\w)"
    )
    return date, re.compile(rf"(?i)\b{month}(?!\w)|\d+")


_NAV = re.compile(r"\S\s+[/|>]\s+\S")  # "HOME / CHINA / DIPLOMACY", "News | Politics"
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class _Outlets:
    by_form: dict[str, str]  # casefolded form -> name
    markers: re.Pattern[str]  # "(Interfax)", "/TASS/"
    domains: tuple[tuple[str, str], ...]  # (domain, name), longest first


@cache
def _outlets() -> _Outlets:
    rows = read_data("outlets.yaml")["outlets"]
    by_form = {str(f).casefold(): str(r["name"]) for r in rows for f in [r["name"], *r["forms"]]}
    forms = alternation(str(f) for r in rows for f in r["forms"])
    markers = re.compile(
        rf"\(\s*(?P<a>{forms})\s*\)|/\s*(?P<b>{forms})\s*/|(?im:^source:\s*(?P<c>{forms})\s*$)"
    )
    domains = sorted(
        ((str(d).lower(), str(r["name"])) for r in rows for d in r["domains"]),
        key=lambda dn: -len(dn[0]),
    )
    return _Outlets(by_form, markers, tuple(domains))


def _lines(text: str, limit: int = 12) -> list[str]:
    return [s for line in text[:_OPENING].splitlines() if (s := line.strip())][:limit]


def _site(url: str | None) -> str | None:
    try:
        host = (urlsplit(url or "").hostname or "").lower()
    except ValueError:
        return None
    if not host or host.replace(".", "").isdigit():
        return None
    for domain, name in _outlets().domains:
        if host == domain or host.endswith("." + domain):
            return name
    return host.removeprefix("www.")


def article_outlet(text: str, url: str | None = None) -> str | None:
    """The outlet that published the article (see the module docstring), or None."""
    outlets = _outlets()
    for line in _lines(text, 5):
        name = outlets.by_form.get(line.casefold())
        if name:
            return name  # a masthead line
    marker = outlets.markers.search(text[:_OPENING])
    if marker:
        found = marker.group("a") or marker.group("b") or marker.group("c")
        return outlets.by_form[found.casefold()]
    return _site(url)


def _is_date_line(line: str) -> bool:
    """A dateline of its own ('24 FEB 2025, 17:52', 'Analysis | 12 May 2025'), not a headline
    that names a date ('Xi's visit to Russia (May 2025): report')."""
    date, month_or_number = _date_res()
    m = date.search(line)
    if m is None:
        return False
    if re.search(r"\d:\d", m.group(0)) or re.match(r"(?i)\s*(?:updated|published|posted)", line):
        return True
    rest = month_or_number.sub(" ", line)  # what the line says besides the date
    return len(_WORD.findall(rest)) <= 2


def _mastheads(text: str) -> set[str]:
    """Short opening lines followed by a date or navigation line: a publication's name
    ('Eurasia Policy Monitor' over 'Analysis | 12 May 2025')."""
    lines = _lines(text)
    return {
        a
        for a, b in itertools.pairwise(lines)
        if len(_WORD.findall(a)) <= 4 and (_is_date_line(b) or _NAV.search(b))
    }


def article_title(text: str, original: str | None = None) -> str | None:
    """The headline of `text` (an article's clean text): the first opening line that is
    neither masthead, date line, navigation, photo credit nor body text (a long sentence);
    None when the article opens with its body. `original` (the text before cleaning, where
    datelines still stand) helps to tell a publication's name from a headline."""
    by_form = _outlets().by_form
    mastheads = _mastheads(original or text)
    for line in _lines(text):
        words = len(_WORD.findall(line))
        if line.casefold() in by_form or line in mastheads:
            continue
        if _is_date_line(line) or _NAV.search(line) or words < 3:
            continue
        if line.lower().startswith(("photo", "image", "by ", "source:")):
            continue
        if words > 30 or (line.endswith(".") and words > 20):
            return None  # the body begins: this article has no headline line
        return line
    return None
