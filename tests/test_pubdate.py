"""Publication dates (bilat.ingest.dates): as stated in metadata, markup or a dateline."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bilat.ingest.dates import find_published, parse_date_value

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
BODY = "\n\nRussia and China signed an agreement on Tuesday. We expect 86% of trade in roubles."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (" date 2025-08-22 “Russia and China, like good neighbors”" + BODY, "2025-08-22"),
        ("MOSCOW, August 19, 2025 /TASS/. Russia and China held talks.", "2025-08-19"),
        ("BEIJING, Aug. 19, 2025 (Xinhua) -- Chinese and Russian officials met.", "2025-08-19"),
        ("Headline\nPublished: 22.08.2025\n" + BODY, "2025-08-22"),
        (
            "Headline\nRelease time: 2024-11-21 08:45 Source: Heilongjiang Daily\n" + BODY,
            "2024-11-21",
        ),
        ("Headline\nPublished on: August 22, 2025" + BODY, "2025-08-22"),
        # a slashed date where day and month cannot swap: day first, or month first
        ("Published on 22/08/2025 - 17:52 By A Reporter\n\nHeadline" + BODY, "2025-08-22"),
        ("Headline\nPosted 08/22/2025 10:00 AM\n" + BODY, "2025-08-22"),
        ("Опубликовано: 22.08.2025 10:15" + BODY, "2025-08-22"),
        ("Headline\n\n22 August 2025\n" + BODY, "2025-08-22"),
        ("Headline\nFriday, August 22, 2025 10:00 AM\n" + BODY, "2025-08-22"),
        ("Headline\n22 августа 2025, 14:35\n" + BODY, "2025-08-22"),
        ("Заголовок\n\n22 августа 2025 года, 14:35\n" + BODY, "2025-08-22"),
        ("Headline\n\nUpdated 9:12 AM EST, August 22, 2025\n" + BODY, "2025-08-22"),
        ("Headline\n2025-08-22\n" + BODY, "2025-08-22"),
        # a title line ending in its place and date
        (
            "Брифинг официального представителя МИД России, Москва, 22 августа 2025 года\n" + BODY,
            "2025-08-22",
        ),
        (
            "Statement by the Foreign Minister at the session, Astana, 22 August 2025\n" + BODY,
            "2025-08-22",
        ),
        # a day-first date with dashes over the text ("13-06-2024 14:22")
        ("Headline\n22-08-2025 14:22\n" + BODY, "2025-08-22"),
        # a dated line that goes on after the date
        (
            "Headline\n\nMURMANSK, August 22, 2025. Press service of the Northern Fleet" + BODY,
            "2025-08-22",
        ),
        ("Headline\n\nKAZAN, 22 August 2025. The minister said" + BODY, "2025-08-22"),
        ("Заголовок\n\nХабаровск, 22 августа 2025 г. Губернатор края" + BODY, "2025-08-22"),
        ("Headline\n\nAugust 22, 2025 | Energy Desk\n" + BODY, "2025-08-22"),
        ("Headline\n\n22 Aug 2025 | Dry bulk | Market note\nBy A. Writer\n" + BODY, "2025-08-22"),
        # a byline or outlet line ending in its date
        ("Headline\n\nGulf Daily , Monday 2 Dec 2030\n\nThe bank said." + BODY, "2030-12-02"),
        ("Headline\nBy Jane Doe, 22 August 2025\n" + BODY, "2025-08-22"),
        ("Headline\nBy Jane Doe - Aug 22, 2025, 9:30 AM CDT\n\nShare" + BODY, "2025-08-22"),
        # a print edition's line: the issue and its date
        ("Газета «Ведомости» №152 от 22.08.2025, стр. 3\n\nЗаголовок" + BODY, "2025-08-22"),
        # the agency first, the place in title case (Chinese state media in translation)
        (
            "Headline\n\nXinhua News Agency, Harbin, August 22, 2025 (Reporter Li Ming) -- "
            "The sides met." + BODY,
            "2025-08-22",
        ),
    ],
)
def test_dateline_formats(text: str, expected: str) -> None:
    assert find_published(text, {}) == expected


@pytest.mark.parametrize(
    "text",
    [
        "MOSCOW, August 19. /TASS/. Russia and China held talks.",
        "BEIJING, March 3 (Xinhua) -- Chinese Premier Li Qiang met Mikhail Mishustin.",
        "МОСКВА, 19 августа. /ТАСС/. Россия и Китай провели переговоры.",
    ],
)
def test_dateline_without_year_gives_no_date(text: str) -> None:
    assert find_published(text, {}) is None


@pytest.mark.parametrize(
    ("metadata", "expected"),
    [
        ({"url": "https://tass.com/politics/2025/08/19/talks.html"}, "2025-08-19"),
        ({"url": "https://example.com/news/2025/08/"}, "2025-08-19"),
        ({"year": 2025}, "2025-08-19"),
        ({"year": "2024"}, "2024-08-19"),
    ],
)
def test_dateline_without_year_takes_a_stated_year(metadata: dict[str, Any], expected: str) -> None:
    assert find_published("MOSCOW, August 19. /TASS/. Talks were held.", metadata) == expected


@pytest.mark.parametrize(
    "text",
    [
        "We met on Wednesday. We expect 86% of trade to be settled in national currencies.",
        "Putin will visit China on 31 August 2025, the Kremlin said.",  # a date in a sentence
        "Resolution No. 12 of 3 members was adopted.",  # a number "of" something, no date
        "Headline\nPublished on 05/08/2025 - 17:52\n",  # May 8 or August 5: not guessed
        "",
    ],
)
def test_no_stated_date_gives_none(text: str) -> None:
    assert find_published(text, {}) is None


def test_dateline_beyond_the_window_is_ignored() -> None:
    assert find_published("x " * 300 + "\nPublished: 22.08.2025\n", {}) is None


@pytest.mark.parametrize("key", ["published", "date", "datePublished", "published_at"])
def test_metadata_keys(key: str) -> None:
    assert find_published("No date here.", {key: "2024-05-16T09:00:00+03:00"}) == "2024-05-16"


def test_metadata_precedence() -> None:
    text = "MOSCOW, August 19, 2025 /TASS/. Talks."
    html = '<html><head><meta property="article:published_time" content="2025-01-02"></head></html>'
    metadata = {"published": "2025-03-04", "date": "2025-05-06", "url": "/2025/07/08/x.html"}
    assert find_published(text, metadata, html) == "2025-03-04"
    assert find_published(text, {"date": "2025-05-06"}, html) == "2025-05-06"
    assert find_published(text, {"published": "not a date"}, html) == "2025-01-02"
    assert find_published(text, {}, html) == "2025-01-02"
    assert find_published(text, {"url": "/2025/07/08/x.html"}) == "2025-08-19"
    assert find_published("No dateline.", {"url": "/2025/07/08/x.html"}) == "2025-07-08"


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (
            '<html><head><meta property="article:published_time" '
            'content="2025-08-22T10:00:00+03:00"></head><body><p>x</p></body></html>',
            "2025-08-22",
        ),
        (
            '<html><head><script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", '
            '"datePublished": "2025-03-03"}]}</script></head><body></body></html>',
            "2025-03-03",
        ),
        (
            '<html><body><article><time datetime="2024-11-05T08:00">Nov 5</time>'
            "<p>Text</p></article></body></html>",
            "2024-11-05",
        ),
        ("<html><body><p>We expect 86% growth.</p></body></html>", None),
    ],
)
def test_html_markup(html: str, expected: str | None) -> None:
    assert find_published("No dateline here.", {}, html) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-08-22T10:00:00+03:00", "2025-08-22"),
        ("2025-08-22", "2025-08-22"),
        ("2025/8/2", "2025-08-02"),
        ("2031.10.20 14:05", "2031-10-20"),  # year first with dots (Lithuanian, Korean sites)
        ("20250822", "2025-08-22"),
        ("2025-08", "2025-08"),
        ("2025", "2025"),
        ("22.08.2025", "2025-08-22"),
        ("22-08-2025", "2025-08-22"),
        ("05-06-2025", None),  # day first or month first: not guessed
        ("Fri, 22 Aug 2025 10:00:00 +0300", "2025-08-22"),
        ("22 августа 2025 г.", "2025-08-22"),
        ("August 2025", "2025-08"),
        ("2025-02-30", None),
        ("yesterday", None),
        ("We", None),
        ("", None),
        ("0042", None),
    ],
)
def test_parse_date_value(value: str, expected: str | None) -> None:
    assert parse_date_value(value) == expected


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared seed articles not available")
def test_seed_001_dateline_marker() -> None:
    text = next(SEEDS.glob("001_*.txt")).read_text(encoding="utf-8")
    assert find_published(text, {}) == "2025-08-22"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared seed articles not available")
@pytest.mark.parametrize("prefix", ["000", "002", "003", "004"])
def test_seeds_without_a_stated_date(prefix: str) -> None:
    text = next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")
    assert find_published(text, {}) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Headline\nSource: Xinhua | 2025-02-24 21:37:05 | Editor: huaxia\n\nBEIJING --",
            "2025-02-24",
        ),
        ("Headline\nAnalysis | 12 May 2025\n\nThe visit...", "2025-05-12"),
        ("Trade grew. Officials said | 2025 was a good year.", None),
        # the byline, the date and its update (Anadolu Agency's header)
        ("Headline\n\nJane Writer  |13.05.2031 - Update : 14.05.2031\n\nANKARA\n", "2031-05-13"),
    ],
)
def test_date_in_a_piped_header_line(text: str, expected: str | None) -> None:
    assert find_published(text, {}) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a magazine's issue line, its date after a middle dot
        (
            "Журнал\nЭкономика\n\nЗаголовок\n\nИван Петров\n«Журнал» №6 (1290) · 9 февраля 2031\n",
            "2031-02-09",
        ),
        ("Headline\n\nNewsdesk.lt / 2031.10.20 14:05\n\nA visit was postponed.", "2031-10-20"),
        ("Headline\n\nBy Ann Lee • March 3, 2031\n\nThe talks.", "2031-03-03"),
        # a slash inside a sentence is no header field
        (
            "Exports rose 4% and/or 5 / 12.03.2031 was a record day for the port, officials said.",
            None,
        ),
    ],
)
def test_date_after_a_dot_or_slash_in_a_header_line(text: str, expected: str | None) -> None:
    assert find_published(text, {}) == expected
