"""Publication date of an article, as stated — never guessed.

needs : the article's original text, its metadata (and the URL in it), the raw HTML if any
adds  : an ISO date `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, or None

Sources, first hit wins:

1. metadata keys `published`, `date`, `datePublished`, `published_at` (and a few synonyms);
2. the page's markup: `article:published_time` and similar meta tags, JSON-LD `datePublished`,
   `<time datetime>`, then htmldate with `original_date=True, extensive_search=False`;
3. a dateline in the first 400 characters of the text: " date 2025-08-22",
   "MOSCOW, August 19, 2025 /TASS/", "BEIJING, March 3 (Xinhua) --", "Published: 22.08.2025",
   "Published on 15/05/2025 - 17:52" (a slashed date only when day and month cannot swap),
   "Release time: 2024-11-21 08:45",
   or a line holding only a date ("22 August 2025");
4. a dateline without a year ("MOSCOW, August 19. /TASS/") only when the year is stated in the
   metadata (`year`) or the URL (/2025/08/19/);
5. a date in the URL path.

Running text is never searched for dates (dateparser's `search_dates` reads "We" as Wednesday);
dateparser is only a last resort on an isolated metadata value.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any

from bilat.datafiles import read_data

__all__ = [
    "DATELINE_WINDOW",
    "METADATA_KEYS",
    "find_published",
    "month_names",
    "parse_date_value",
    "yearless_dateline",
]

DATELINE_WINDOW = 400
METADATA_KEYS = (
    "published",
    "date",
    "datePublished",
    "published_at",
    "date_published",
    "publication_date",
    "pubdate",
)
URL_KEYS = ("url", "source_url", "canonical_url", "link")
_HTML_META = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "dc.date.issued",
    "dcterms.created",
    "parsely-pub-date",
    "sailthru.date",
)
_URL_DATE = re.compile(
    r"/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])(?:[/-](0?[1-9]|[12]\d|3[01]))?(?=[/_.-])"
)


@cache
def month_names() -> dict[str, int]:
    """Month name -> number, from the `months` table of data/boilerplate.yaml."""
    data = read_data("boilerplate.yaml")
    return {name: k + 1 for k, names in enumerate(data["months"]) for name in names}


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    names = "|".join(sorted(map(re.escape, month_names()), key=len, reverse=True))
    month = rf"(?i:(?P<month>{names}))\.?"
    year = r"(?:,?\s+(?P<year>\d{4}))"
    dm = rf"(?P<day>\d{{1,2}})\s+{month}"
    md = rf"{month}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
    unnamed = rf"(?:\d{{1,2}}\s+(?:{names})\.?|(?:{names})\.?\s+\d{{1,2}})"
    one_date = (
        rf"(?:{unnamed},?\s+\d{{4}}|\d{{1,2}}\.\d{{1,2}}\.\d{{4}}|\d{{1,2}}[/-]\d{{1,2}}[/-]\d{{4}}"
        # ... and year first with dots: "2025.10.20" (Lithuanian and Korean sites)
        rf"|\d{{4}}-\d{{2}}-\d{{2}}|\d{{4}}\.\d{{1,2}}\.\d{{1,2}})"
    )
    time = (
        r"(?:\s*(?:[,|•·—–-]|at)?\s*\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp][Mm])?"
        r"(?:\s*[A-Za-z]{2,5})?)?"
    )
    # "MOSCOW", "RIO DE JANEIRO", "BEIJING/MOSCOW" (a report filed from two cities)
    city = r"[A-ZА-ЯЁ][A-ZА-ЯЁ.'’/-]+(?:\s+[A-ZА-ЯЁ][A-ZА-ЯЁ.'’/-]+){0,3}(?:,\s*[A-Z][\w .]{1,25})?"
    weekday = r"(?:[A-Za-zА-Яа-я]+,\s*)?"
    place = r"[A-ZА-ЯЁ][\wА-Яа-яЁё'’-]{2,}(?:\s+[A-ZА-ЯЁ][\wА-Яа-яЁё'’-]+){0,2}"
    year_end = r"(?:\s*(?:года\b|г\.)|\s*[.,—–-]|[ \t]*$)"
    agency_end = r"\s*[.,]?\s*(?=[/(—–-]|$)"
    titled_end = r"\s*(?=\([A-Z][A-Za-z .-]{1,24}\))"
    comma_end = r"(?=,\s+[A-Z][A-Za-z-]{1,15}\s*[.—–-]\s)"
    flags = re.IGNORECASE | re.MULTILINE
    return {
        "marker": re.compile(r"\A\s*date\s+(?P<value>\d{4}-\d{2}-\d{2})\b"),
        "published": re.compile(
            # "Release time: 2024-11-21 08:45" (Chinese government sites in translation)
            rf"(?:published|posted|release\s+(?:time|date)|опубликовано|дата публикации)"
            rf"(?:\s+on)?\s*:?\s*"
            rf"(?P<value>{one_date})",
            flags,
        ),
        # a line of its own: "June 10, 2026 15:47", "20 января 2026 года, 17:30", and a time
        # before it: "Updated 3:47 PM UTC, June 10, 2026"
        # ... also before '|' and the desk or outlet: "November 24, 2025 | Trade Desk",
        # "14 Oct 2025 | Dry bulk | Market note"
        "alone": re.compile(
            rf"^[ \t]*{weekday}(?P<value>{one_date})(?:\s+(?:года|г\.))?{time}"
            rf"(?:[ \t]*\|[^\n|]{{1,60}}){{0,3}}[ \t]*$",
            flags,
        ),
        "timed": re.compile(
            rf"^[ \t]*(?:(?:last\s+)?(?:updated|published|posted)\s*:?\s*)?"
            rf"\d{{1,2}}:\d{{2}}\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:[A-Z]{{2,5}})?\s*[,|]?\s*"
            rf"(?P<value>{one_date})[ \t]*$",
            flags,
        ),
        # a byline or outlet line ending in its date: "Ahram Online , Tuesday 3 Dec 2024",
        # "By Jane Doe, 3 December 2024", "By Tsvetana Paraskova - Mar 21, 2025, 9:30 AM CDT"
        "bylined": re.compile(
            rf"^[ \t]*[A-Z][^\n,|]{{1,60}}?\s*(?:,|\s[-–—])\s*(?:[A-Za-z]+,?\s+)?"
            rf"(?P<value>{one_date}){time}[ \t]*$",
            flags,
        ),
        # a title line ending in its place and date: "Брифинг официального представителя МИД
        # России М.В.Захаровой, Москва, 12 марта 2025 года", "Statement by the Minister,
        # Astana, 3 June 2025"
        "placed_title": re.compile(
            rf"^[ \t]*[^\n]{{10,160}}?,\s+[A-ZА-ЯЁ][\wА-Яа-яЁё-]+,\s+(?P<value>{one_date})"
            rf"(?:\s+(?:года|г\.))?[ \t]*$",
            re.MULTILINE,
        ),
        # a print edition's line: "Газета «Коммерсантъ» №198 от 28.10.2025, стр. 9",
        # "Newspaper issue No. 45 of 12.03.2026"
        "issue": re.compile(
            r"^[^\n]{0,80}?(?:№|No\.)\s*\d+(?:\s*\(\d+\))?\s+(?:от|of|dated)\s+"
            r"(?P<value>\d{1,2}\.\d{1,2}\.\d{4})\b",
            re.MULTILINE,
        ),
        # a header line of '|'-separated fields: "Source: Xinhua | 2025-02-24 21:37 | Editor: x"
        # ... and "Gokhan Ergocun  |13.05.2025 - Update : 13.05.2025" (Anadolu Agency)
        "piped": re.compile(
            rf"^[^\n|.]{{1,60}}\|[ \t]*{weekday}(?P<value>{one_date}){time}"
            rf"(?:\s*[-–—]\s*(?:updated?|обновлено)\s*:?\s*(?:{one_date})?{time})?"
            rf"[ \t]*(?:\|[^\n]{{0,60}})?$",
            flags,
        ),
        # a header line's last field after "·", "•" or "/": "«Эксперт» №6 (1290) · 9 февраля
        # 2026", "LRT.lt / 2025.10.20 14:05"
        "separated": re.compile(
            rf"^[ \t]*[^\n|·•/]{{1,60}}?\s[·•/]\s*{weekday}(?P<value>{one_date})"
            rf"(?:\s+(?:года|г\.))?{time}[ \t]*$",
            flags,
        ),
        # ... "MOSCOW. Nov 17 (Interfax) -" too
        "agency_md": re.compile(rf"^[ \t]*{city}[,.]\s+{md}{year}?{agency_end}", re.MULTILINE),
        # a dated line that goes on after the date: "VLADIVOSTOK, July 24, 2026. Press service"
        "agency_full": re.compile(rf"^[ \t]*{city},\s+{md}{year}\.\s+(?=[A-Z])", re.M),
        "agency_dm": re.compile(rf"^[ \t]*{city}[,.]\s+{dm}{year}?{agency_end}", re.MULTILINE),
        # the agency first, the place in title case: "Xinhua News Agency, Harbin, August 27
        # (Reporter Liu Mingxuan) --" (Chinese state media in translation)
        "named_agency_md": re.compile(
            rf"^[ \t]*(?:[A-Z][\w-]*\s+){{1,3}}(?:News\s+)?Agency,\s+{place},\s+{md}{year}?"
            rf"{agency_end}",
            re.MULTILINE,
        ),
        # a place in title case, the agency in brackets: "New Delhi, Jan 20 (PTI)",
        # "Islamabad, 3 May (APP):" (South Asian wires)
        "titled_agency_md": re.compile(rf"^[ \t]*{place},\s+{md}{year}?{titled_end}", re.M),
        "titled_agency_dm": re.compile(rf"^[ \t]*{place},\s+{dm}{year}?{titled_end}", re.M),
        # ... the agency after a comma: "Dushanbe, October 9, APA.", "Astana, 14 May,
        # Kazinform -" (Caucasus and Central Asian wires)
        "comma_agency_md": re.compile(rf"^[ \t]*{place},\s+{md}{year}?{comma_end}", re.M),
        "comma_agency_dm": re.compile(rf"^[ \t]*{place},\s+{dm}{year}?{comma_end}", re.M),
        # a place in any case and a full date opening the text: "MOSCOW, 20 November 2025.
        # Vietnam's ...", "Благовещенск, 22 августа 2025 г. Губернатор ..."
        "placed_dm": re.compile(rf"^[ \t]*{place}[,.]\s+{dm}{year}{year_end}", re.M),
        "placed_md": re.compile(rf"^[ \t]*{place}[,.]\s+{md}{year}{year_end}", re.M),
        # KCNA's header: "Juche 114 (2025) July 13, Sunday" (North Korea's calendar, the
        # Gregorian year in brackets)
        "juche": re.compile(rf"^[ \t]*Juche\s+\d{{2,3}}\s+\((?P<year>\d{{4}})\)\s+{md}\b", re.M),
        "month_md": re.compile(rf"{weekday}{md}{year}\b", flags),
        "month_dm": re.compile(rf"{weekday}{dm}{year}\b", flags),
        "month_year": re.compile(rf"{month}\s+(?P<year>\d{{4}})", flags),
    }


def find_published(text: str, metadata: Mapping[str, Any], html: str | None = None) -> str | None:
    """The stated publication date (see module docstring for the order), or None."""
    return (
        _from_metadata(metadata)
        or (_from_html(html) if html else None)
        or _from_dateline(text[:DATELINE_WINDOW], _known_year(metadata))
        or _from_url(_url(metadata))
    )


def parse_date_value(value: str) -> str | None:
    """An isolated date string ("2025-08-22T10:00:00+03:00", "22.08.2025", "2025") as ISO."""
    value = value.strip()
    if not value or len(value) > 64:
        return None
    for parse in (_parse_iso, _parse_dotted, _parse_month_name):
        found = parse(value)
        if found:
            return found
    # "15/05/2025", and "13-06-2024" as a header line writes it
    slashed = re.fullmatch(r"(\d{1,2})([/-])(\d{1,2})\2(\d{4})(?:[,\s].*)?", value)
    if slashed:
        return _parse_slashed(slashed[1], slashed[3], slashed[4])
    return _parse_with_dateparser(value)


def _parse_iso(value: str) -> str | None:
    m = re.fullmatch(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[T\s].*)?", value)
    if m:
        return _iso(m[1], m[3], m[4])
    m = re.fullmatch(r"(\d{4})(\d{2})(\d{2})(?:T.*)?", value)
    if m:
        return _iso(m[1], m[2], m[3])
    m = re.fullmatch(r"(\d{4})-(\d{2})", value)
    if m:
        return _iso(m[1], m[2])
    return _iso(value) if re.fullmatch(r"\d{4}", value) else None


def _parse_dotted(value: str) -> str | None:
    m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[,\s].*)?", value)
    return _iso(m[3], m[2], m[1]) if m else None


def _parse_slashed(first: str, second: str, year: str) -> str | None:
    """'15/05/2025' (day first, most of the world) or '05/15/2025' (month first, the US): read
    only when one of the two cannot be a month or both readings agree, never guessed."""
    day_first, month_first = _iso(year, second, first), _iso(year, first, second)
    if day_first and month_first and day_first != month_first:
        return None
    return day_first or month_first


def _parse_month_name(value: str) -> str | None:
    pats = _patterns()
    m = pats["month_dm"].match(value) or pats["month_md"].match(value)
    if m:
        return _iso(m["year"], _month_number(m["month"]), m["day"])
    m = pats["month_year"].fullmatch(value)
    return _iso(m["year"], _month_number(m["month"])) if m else None


def _month_number(name: str) -> str:
    return str(month_names()[name.lower()])


def _parse_with_dateparser(value: str) -> str | None:
    if not re.search(r"\b\d{4}\b", value):
        return None
    import dateparser  # slow to import; only needed for unusual metadata strings

    parsed = dateparser.parse(value, settings={"REQUIRE_PARTS": ["day", "month", "year"]})
    return _iso(str(parsed.year), str(parsed.month), str(parsed.day)) if parsed else None


def _iso(year: str | None, month: str | None = None, day: str | None = None) -> str | None:
    """Validated ISO string at the precision given, or None for impossible dates."""
    if year is None or not 1900 <= int(year) <= 2100:
        return None
    if month is None:
        return f"{int(year):04d}"
    if not 1 <= int(month) <= 12:
        return None
    if day is None:
        return f"{int(year):04d}-{int(month):02d}"
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def _value_to_iso(value: Any) -> str | None:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()[:10]
    if isinstance(value, int) and not isinstance(value, bool):
        return parse_date_value(str(value))
    return parse_date_value(value) if isinstance(value, str) else None


def _from_metadata(metadata: Mapping[str, Any]) -> str | None:
    for key in METADATA_KEYS:
        found = _value_to_iso(metadata.get(key))
        if found:
            return found
    return None


def _from_html(html: str) -> str | None:
    from lxml import etree
    from lxml import html as lxml_html

    try:
        tree = lxml_html.fromstring(html)
    except (etree.ParserError, ValueError):
        return None
    for value in _html_candidates(tree):
        found = parse_date_value(value)
        if found:
            return found
    return _from_htmldate(tree)


def _html_candidates(tree: Any) -> Iterator[str]:
    for meta in tree.iter("meta"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop") or ""
        if key.lower() in _HTML_META and meta.get("content"):
            yield meta.get("content")
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        yield from _json_ld_dates(script.text_content())
    times = tree.xpath("//time[@datetime]")
    preferred = [t for t in times if t.get("pubdate") is not None or t.get("itemprop")]
    for node in preferred or times[:1]:
        yield node.get("datetime")


def _json_ld_dates(raw: str) -> Iterator[str]:
    try:
        data = json.loads(raw)
    except ValueError:
        return
    stack = [data]
    while stack:
        node = stack.pop(0)
        if isinstance(node, dict):
            if isinstance(node.get("datePublished"), str):
                yield node["datePublished"]
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)


def _from_htmldate(tree: Any) -> str | None:
    from htmldate import find_date

    try:
        found = find_date(tree, extensive_search=False, original_date=True)
    except (ValueError, TypeError):
        return None
    return parse_date_value(found) if found else None


def _from_dateline(head: str, year: str | None) -> str | None:
    pats = _patterns()
    for name in (
        "marker",
        "published",
        "alone",
        "timed",
        "piped",
        "separated",
        "issue",
        "bylined",
        "placed_title",
    ):
        m = pats[name].search(head)
        if m:
            found = parse_date_value(m["value"])
            if found:
                return found
    m = (
        pats["placed_dm"].search(head)
        or pats["placed_md"].search(head)
        or pats["juche"].search(head)
    )
    if m and (found := _iso(m["year"], _month_number(m["month"]), m["day"])):
        return found
    m = pats["agency_md"].search(head) or pats["agency_dm"].search(head)
    m = m or pats["agency_full"].search(head) or pats["named_agency_md"].search(head)
    m = m or _titled(head)
    if not m or not (m["year"] or year):
        return None
    return _iso(m["year"] or year, _month_number(m["month"]), m["day"])


def _titled(head: str) -> re.Match[str] | None:
    pats = _patterns()
    return (
        pats["titled_agency_md"].search(head)
        or pats["titled_agency_dm"].search(head)
        or pats["comma_agency_md"].search(head)
        or pats["comma_agency_dm"].search(head)
    )


def yearless_dateline(head: str) -> tuple[int, int, int, int] | None:
    """(month, day, start, end) of a year-less wire dateline ("MOSCOW, May 8 (Interfax) -")."""
    pats = _patterns()
    m = pats["agency_md"].search(head) or pats["agency_dm"].search(head)
    m = m or pats["named_agency_md"].search(head) or _titled(head)
    if m is None or m["year"]:
        return None
    found = m.group(0)
    start = m.start() + len(found) - len(found.lstrip())
    end = m.start() + len(found.rstrip(" \t.,"))
    return month_names()[m["month"].lower()], int(m["day"]), start, end


def _url(metadata: Mapping[str, Any]) -> str | None:
    for key in URL_KEYS:
        if isinstance(metadata.get(key), str):
            return str(metadata[key])
    return None


def _known_year(metadata: Mapping[str, Any]) -> str | None:
    year = metadata.get("year")
    if isinstance(year, int | str) and re.fullmatch(r"(?:19|20)\d{2}", str(year)):
        return str(year)
    m = _URL_DATE.search(_url(metadata) or "")
    return m[1] if m else None


def _from_url(url: str | None) -> str | None:
    m = _URL_DATE.search(url or "")
    return _iso(m[1], m[2], m[3]) if m else None
