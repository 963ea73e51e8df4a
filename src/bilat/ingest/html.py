"""Main text and stated metadata from one HTML page, via trafilatura.

needs : the page as a string (already decoded)
adds  : `ExtractedPage` — main text, title, publication date, canonical URL, site name, language

Dates are never guessed: htmldate runs with `original_date=True, extensive_search=False`, so only
dates the page states in its markup (meta tags such as `article:published_time`, JSON-LD
`datePublished`, `<time>` elements, a date in the URL) are used, never dates found in running text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import trafilatura
from lxml import html as lxml_html
from trafilatura.settings import Document

__all__ = ["ExtractedPage", "extract_page"]

_DATE_PARAMS = {"original_date": True, "extensive_search": False}
_LANG_RE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")


@dataclass(frozen=True, slots=True)
class ExtractedPage:
    """What bilat keeps from a page: the main text and what the page says about itself."""

    text: str
    title: str | None
    published: str | None  # ISO YYYY-MM-DD as stated by the page, else None
    url: str | None
    source: str | None  # site name
    language: str | None  # from <html lang>, when declared


# Wrapper elements that carry no text of their own. A page nesting them thousands deep (past
# libxml2's depth limit of 256, where the parser stops and drops the text below) is read again
# with them removed, so its text is not lost.
_WRAPPERS = re.compile(
    r"</?(?:div|span|section|article|main|aside|header|footer|nav|font|center|blockquote|"
    r"b|i|u|em|strong|small|big|table|tbody|thead|tr|td|th|ul|ol|li|dl|dt|dd|form)\b[^>]*>",
    re.I,
)
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)[^>]*?(/?)>")
_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
_DEEP = 250  # libxml2 stops at 256 levels


def _too_deep(page: str) -> bool:
    """Whether elements nest past what the HTML parser reads (counted over the tags)."""
    depth = 0
    for match in _TAG.finditer(page):
        closing, name, self_closing = match.groups()
        if closing:
            depth = max(0, depth - 1)
        elif not self_closing and name.lower() not in _VOID:
            depth += 1
            if depth > _DEEP:
                return True
    return False


def extract_page(page: str, *, url: str | None = None) -> ExtractedPage | None:
    """Extract the main text of `page`; None when the page has no article text."""
    doc = _bare_extraction(page, url)
    text = (doc.text or "").strip() if doc is not None else ""
    if not text and _too_deep(page):
        flat = _WRAPPERS.sub(" ", page)
        if flat != page:
            page = flat
            doc = _bare_extraction(page, url)
            text = (doc.text or "").strip() if doc is not None else ""
    if doc is None or not text:
        return None
    return ExtractedPage(
        text=text,
        title=_clean(doc.title),
        published=_iso_date(doc.date),
        url=_clean(doc.url) or url,
        source=_clean(doc.sitename),
        language=declared_language(page),
    )


def _bare_extraction(page: str, url: str | None) -> Document | None:
    result = trafilatura.bare_extraction(
        page,
        url=url,
        include_comments=False,
        include_tables=True,
        favor_precision=True,
        with_metadata=True,
        date_extraction_params=dict(_DATE_PARAMS),
    )
    return result if isinstance(result, Document) else None


def declared_language(page: str) -> str | None:
    """The `lang` attribute of the root `<html>` element, if it looks like a language tag."""
    try:
        root = lxml_html.document_fromstring(page)
    except (ValueError, lxml_html.etree.ParserError):
        return None
    lang = str(root.get("lang") or root.get("xml:lang") or "").strip()
    return lang if _LANG_RE.match(lang) else None


def _iso_date(value: str | None) -> str | None:
    """Keep a date only if it is a valid ISO calendar date."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None
