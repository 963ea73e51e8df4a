"""Publication dates the text implies (bilat.ingest.implied_date), and how ingest stores them."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from bilat.config import Options, load_options
from bilat.ingest import ingest
from bilat.ingest.clean import CleanOptions, clean_article
from bilat.ingest.implied_date import implied_published
from bilat.records import Article
from bilat.store import Store

TODAY = dt.date(2026, 11, 22)


def _implied(text: str, today: dt.date = TODAY) -> tuple[str | None, list[str]]:
    found = implied_published(text, today)
    if found is None:
        return None, []
    return found.date, [text[a:b] for a, b in found.evidence]


@pytest.mark.parametrize(
    ("text", "expected", "quotes"),
    [
        pytest.param(
            "During the leader's trip on March 3, 2024, the sides signed a memorandum. "
            "The premier congratulated his guest on the holiday on April 12.\n"
            "Yesterday the commission met in Harbin.",
            "2024-04-12",
            ["April 12", "March 3, 2024"],
            id="year-less day read in the year of a past stated date",
        ),
        pytest.param(
            "The ministers met in Astana on 14 June 2023. Earlier, in February, they spoke "
            "by phone. The forum closed at the end of June.",
            "2023-06-14",
            ["14 June 2023"],
            id="a stated day beats its month",
        ),
        pytest.param(
            "The document was opened for signature in October 2022. The sides exchanged "
            "notes in September.",
            "2022-10",
            ["October 2022"],
            id="month precision only",
        ),
        pytest.param(
            "The drills ran from July 10 to 15, 2025, in the Sea of Japan.",
            "2025-07-15",
            ["July 10 to 15, 2025"],
            id="a range counts by its end",
        ),
        pytest.param(
            "Imports fell in October 2025. The refiner is negotiating a contract, with "
            "deliveries to start in April 2026, sources said. Kazakhstan is in talks on a "
            "pipeline due for completion in March 2026.",
            "2025-10",
            ["October 2025"],
            id="a start to come and talks under way are plans, not the date of writing",
        ),
    ],
)
def test_latest_past_date_is_implied(text: str, expected: str, quotes: list[str]) -> None:
    assert _implied(text) == (expected, quotes)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("On Tuesday, the leaders met. Yesterday they spoke by phone.", id="weekdays"),
        pytest.param("In 2024, trade reached $245 billion, up from 2023.", id="bare years"),
        pytest.param(
            "The leaders met in May. In July the ministers held talks.", id="months, no year"
        ),
        pytest.param(
            "The president will visit China on October 5, 2025, and is expected to attend "
            "the parade on October 7, 2025.",
            id="only planned dates",
        ),
        pytest.param("", id="empty"),
        # a date after "since" bounds the report from below, it does not date it
        pytest.param(
            "New Delhi, Dec 1 (PTI) Putin will arrive on Thursday. It will be his first visit "
            "to India since December 2021.",
            id="since a date",
        ),
    ],
)
def test_no_clear_evidence_implies_nothing(text: str) -> None:
    assert _implied(text) == (None, [])


@pytest.mark.parametrize(
    ("text", "expected", "quotes"),
    [
        pytest.param(
            "The Zapad 2021 strategic exercises opened in Belarus with 200,000 troops.",
            "2021",
            ["Zapad 2021"],
            id="an occasion named for its year",
        ),
        pytest.param(
            "Kazakh wheat sales to Iran rose 12% in the first half of 2023. Sales will reach "
            "9 million tonnes this year, traders said.",
            "2023",
            ["this year", "the first half of 2023"],
            id="this year beside a done part of a year",
        ),
        pytest.param(
            "Imports grew by 4% last year. In December 2022 alone they jumped 9%.",
            "2023",
            ["last year", "December 2022"],
            id="last year beside a done year end: the year after",
        ),
        pytest.param(
            "Between 2018 and 2022, Kazakh grain sales to Iran tripled, topping 2 million "
            "tonnes last year, the ministry said.",
            "2023",
            ["last year", "2018 and 2022"],
            id="a span of years told as done, then last year in one breath: the year after",
        ),
        pytest.param(
            "Last year sales fell. From 2015 to 2019 they had tripled.",
            None,
            [],
            id="a span of years and last year in different sentences: nothing",
        ),
        pytest.param(
            "The country adopted its Vision 2030 programme. Trade grew last year, after 2019.",
            None,
            [],
            id="a target named for its year is no occasion; a bare year no year end",
        ),
        pytest.param(
            "Grain exports rose 11% in the first five months, up from the same period of 2023.",
            "2024",
            ["same period of 2023"],
            id="a change against the same period of a year: the year after",
        ),
        pytest.param(
            "ASTANA/BEIJING, Mar 3 (Reuters) - Kazakh exports to China rose 6% from the same "
            "months of 2025, customs data showed on Tuesday.",
            "2026-03-03",
            ["ASTANA/BEIJING, Mar 3", "same months of 2025"],
            id="a year-less dateline of two cities in the year the text implies",
        ),
        pytest.param(
            "MURMANSK, Oct 2 — Icebreakers escorted 40 ships during the 2025 summer season, "
            "the operator said.",
            "2025-10-02",
            ["MURMANSK, Oct 2", "2025"],
            id="a span of a year told as past: the dateline's day in that year",
        ),
        pytest.param(
            "The two navies said the Joint Sea-2026 drills will be held off Qingdao in July.",
            "2026",
            ["Sea-2026"],
            id="an occasion named for its year, planned for a month of this year",
        ),
        pytest.param(
            "Пограничники сообщили, что в сентябре пройдет совместное учение «Степной "
            "рубеж-2026». К нему привлекут около 300 военнослужащих.",
            "2026",
            ["«Степной рубеж-2026»"],
            id="a Russian occasion named for its year, planned for a month of this year",
        ),
        pytest.param(
            "Стороны подвели итоги «Стратегии-2025» и «Программы развития 2025». Товарооборот "
            "вырос.",
            None,
            [],
            id="a Russian target named for its year is no occasion",
        ),
        pytest.param(
            "The next test is Northern/Interaction-2026, scheduled for September in the Sea "
            "of Japan.",
            "2026",
            ["Interaction-2026"],
            id="an occasion named for its year, scheduled for a month of this year",
        ),
        pytest.param(
            "The navies will hold Joint Sea-2027 in July next year.",
            None,
            [],
            id="an occasion named for its year, planned for next year: nothing",
        ),
        pytest.param(
            "ISLAMABAD, Jun 4 (APP) - The two ministers met on Tuesday. The year 2026 marks "
            "the 75th anniversary of diplomatic relations.",
            "2026-06-04",
            ["ISLAMABAD, Jun 4", "2026 marks the"],
            id="a year told in the present: the dateline's day in it",
        ),
    ],
)
def test_a_year_the_text_implies(text: str, expected: str | None, quotes: list[str]) -> None:
    assert _implied(text) == (expected, quotes)


def test_a_yearless_month_long_after_the_stated_ones_belongs_to_the_year_before() -> None:
    text = (
        "The roadmap was signed on January 10, 2025. On December 30, the leaders held a video call."
    )
    assert _implied(text)[0] == "2025-01-10"


def test_plan_cue_dates_do_not_count() -> None:
    text = (
        "The talks took place on May 9, 2025, in Moscow. The president accepted an invitation "
        "to visit China at the end of August for the summit."
    )
    assert _implied(text)[0] == "2025-05-09"


def test_a_date_after_today_is_not_a_publication_date() -> None:
    text = "The agreement was signed on March 3, 2027."
    assert _implied(text, today=dt.date(2026, 1, 1)) == (None, [])
    assert _implied(text, today=dt.date(2027, 3, 3))[0] == "2027-03-03"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "BEIJING, June 3 (Xinhua) -- The premier, on a visit to China on June 1-4, 2024, "
            "met the president on Monday.",
            "2024-06-03",
            id="year from a stated range around the dateline day",
        ),
        pytest.param(
            "MOSCOW, March 20. /TASS/. The talks followed the phone call held on "
            "February 24, 2023.",
            "2023-03-20",
            id="year of the latest past stated date",
        ),
        pytest.param(
            "MOSCOW, September 15. /TASS/. The visa-free regime will last until "
            "September 14, 2027.",
            None,
            id="a planned date in the same month gives no year",
        ),
        pytest.param("MOSCOW, May 8 (Interfax) - The leaders held talks.", None, id="no year"),
        pytest.param(
            "MOSCOW, Nov 12 (Reuters) - Grain shipments rose to a record in the first ten "
            "months of 2025, the ministry said.",
            "2025-11-12",
            id="a part of a year told as done before the dateline's month",
        ),
        pytest.param(
            "Xinhua News Agency, Harbin, August 27 (Reporter Li Ming) -- On the 26th, the "
            "commission reviewed projects launched in July 2025.",
            "2025-08-27",
            id="agency, place in title case, year from the text",
        ),
        pytest.param(
            "New Delhi, Nov 18 (PTI) Exports to Russia rose in the first seven months of "
            "2025, the commerce ministry said.",
            "2025-11-18",
            id="place in title case, the agency in brackets (South Asian wires)",
        ),
        pytest.param(
            "Islamabad, 3 May (APP): Trade with China grew in the first four months of 2026.",
            "2026-05-03",
            id="place in title case, day before month, the agency in brackets",
        ),
        pytest.param(
            "Moscow, May 3 (the day of the talks) was chosen in 2026 for the visit.",
            None,
            id="a bracket of words is no agency",
        ),
        pytest.param(
            "Москва. 8 мая. ИНТЕРФАКС - Экспорт за январь-апрель 2025 года вырос на 3%.",
            "2025-05-08",
            id="a Russian wire dateline with the place in title case",
        ),
        pytest.param(
            "КАЗАНЬ. 3 июня. ИНТЕРФАКС - Экспорт за январь-апрель 2025 года вырос на 3%.",
            "2025-06-03",
            id="a Russian wire dateline with the place in capitals and a full stop",
        ),
        pytest.param(
            "Ashgabat, October 3, APA. Trade in January-August 2025 grew by a tenth, the "
            "leaders said, recalling their call of December 28.",
            "2025-10-03",
            id="place in title case, the agency after a comma (Caucasus wires)",
        ),
        pytest.param(
            "Bishkek, 14 May, Kabar - Exports in January-April 2026 rose, as after March 30.",
            "2026-05-14",
            id="day before month, the agency after a comma and a dash",
        ),
        pytest.param(
            "Ashgabat, October 3, Berdimuhamedov said trade in January-August 2025 grew, "
            "recalling their call of December 28.",
            "2025-12-28",
            id="a name after the comma that goes on is no agency",
        ),
    ],
)
def test_yearless_dateline_takes_the_year_the_text_gives(text: str, expected: str | None) -> None:
    assert _implied(text)[0] == expected


def test_clean_article_records_basis_and_original_quotes() -> None:
    text = (
        "Skip to main content\nAdvertisement\n\n"
        "The sides signed the memorandum on September 2, 2025. "
        "The premier greeted his guest on November 4.\n"
    )
    clean = clean_article(Article(name="a.txt", origin="a.txt", text=text, kind="txt"))
    assert (clean.published, clean.published_basis) == ("2025-11-04", "implied")
    assert [e.quote for e in clean.published_evidence] == ["November 4", "September 2, 2025"]
    assert all(text[e.start : e.end] == e.quote for e in clean.published_evidence)
    off = clean_article(
        Article(name="a.txt", origin="a.txt", text=text, kind="txt"),
        CleanOptions(imply_published=False),
    )
    assert (off.published, off.published_basis, off.published_evidence) == (None, None, ())


def test_a_stated_date_wins_and_has_basis_stated() -> None:
    text = "MOSCOW, August 19, 2025 /TASS/. The sides signed a memorandum on November 4, 2025."
    clean = clean_article(Article(name="a.txt", origin="a.txt", text=text, kind="txt"))
    assert (clean.published, clean.published_basis, clean.published_evidence) == (
        "2025-08-19",
        "stated",
        (),
    )


def test_ingest_stores_the_implied_date_with_its_evidence(
    store: Store, options: Options, tmp_path: Path
) -> None:
    (tmp_path / "feed.json").write_text(
        json.dumps(
            {
                "title": "Talks",
                "published": None,
                "text": "BEIJING, June 3 (Xinhua) -- The premier is in China on June 1-4, 2024.",
            }
        ),
        encoding="utf-8",
    )
    (tmp_path / "plain.txt").write_text("The leaders met on Tuesday.", encoding="utf-8")
    ingest(store, [str(tmp_path)], options)
    by_name = {d.name: d for d in store.documents()}
    feed = by_name["feed.json"]
    assert (feed.published, feed.published_basis) == ("2024-06-03", "implied")
    assert [e.quote for e in feed.published_evidence] == [
        "BEIJING, June 3",
        "June 1-4, 2024",
    ]
    assert all(feed.text[e.start : e.end] == e.quote for e in feed.published_evidence)
    plain = by_name["plain.txt"]
    assert (plain.published, plain.published_basis, plain.published_evidence) == (None, None, ())


def test_the_option_turns_implied_dates_off(store: Store, db_url: str, tmp_path: Path) -> None:
    config = tmp_path / "bilat.toml"
    config.write_text("[ingest]\nimply_published = false\n", encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text(
        "The memorandum was signed on September 2, 2025.", encoding="utf-8"
    )
    ingest(store, [str(tmp_path / "docs")], load_options(config, db=db_url))
    [doc] = store.documents()
    assert doc.published is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Поставки угля из России в Китай выросли в марте 2023 года. "
            "В прошлом месяце Китай закупил 9 млн тонн угля.",
            "2023-04",
            id="the month after a stated month that 'last month' names",
        ),
        pytest.param(
            "Поставки угля из России в Китай выросли в марте 2023 года до 9 млн тонн.",
            "2023-03",
            id="the latest stated month, at month precision",
        ),
        pytest.param(
            "Россия и Китай планируют к 2030 году увеличить товарооборот. "
            "Соглашение будет подписано в декабре 2026 года.",
            None,
            id="planned dates imply nothing",
        ),
        pytest.param(
            "УЛАН-БАТОР, 12 ноя – РИА Новости. В январе-сентябре 2025 года товарооборот "
            "вырос на 5%. Следующее заседание комиссии пройдет в 2026 году в Москве.",
            "2025-11-12",
            id="a wire's short month; the year told as done, not the plan's",
        ),
        pytest.param(
            "Экспорт пшеницы из Казахстана в Китай по итогам 2025 года вырос на 14%. "
            "Доля Китая в экспорте в прошлом году составила 31%.",
            "2026",
            id="a year's results beside 'last year': the year after",
        ),
        pytest.param(
            "Экспорт пшеницы из Казахстана в Китай по итогам 2025 года вырос на 14%.",
            None,
            id="a year's results alone: the year is not told",
        ),
    ],
)
def test_a_russian_report_with_no_dateline_is_dated_by_its_latest_month(
    text: str, expected: str | None
) -> None:
    found = implied_published(text, TODAY)
    assert (found.date if found else None) == expected


def test_a_month_in_a_sentence_about_last_year_is_not_this_years() -> None:
    """'Last year's exercise … was held in August' does not date a report of July 2026 in
    August 2026."""
    text = (
        "The drills began on July 19, 2026 and ended on July 24. "
        "Last year's exercise in the same series was held in August."
    )
    assert _implied(text)[0] == "2026-07-24"


def test_an_english_report_of_a_years_results_beside_last_year_is_of_the_year_after() -> None:
    text = (
        "Full-year 2025 exports of wheat to China rose 14%, customs data showed. "
        "China's share of the exports last year was 31%."
    )
    assert _implied(text)[0] == "2026"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the last year named in apposition
            "МИНСК, 12 фев – Sputnik. Технопарк в прошлом, 2025 году зарегистрировал 18 новых "
            "резидентов. Экспорт вырос на 27% к 2024 году.",
            "2026-02-12",
        ),
        (
            "ALMATY, Feb 9 - The park registered 18 new residents last year (2025), its "
            "administration said.",
            "2026-02-09",
        ),
        (  # a year's results summed up, beside "last year"
            "Министерство подвело итоги 2025 года. В прошлом году граждане совершили в "
            "Монголию 1,12 млн поездок.",
            "2026",
        ),
        (  # this year named in apposition dates a year-less dateline
            "Минск, 14 марта /БелТА/ -- Министр встретился с послом в понедельник. "
            "Стороны отметили, что нынешний 2024 год объявлен Годом культуры.",
            "2024-03-14",
        ),
        ("The ministers met. This year (2025) marks a jubilee of the treaty.", "2025"),
        (  # the last year named in apposition, in the genitive
            "АСТАНА, 3 марта – Kazinform. Экспорт зерна за девять месяцев прошлого, 2024 года "
            "вырос на 12%, сообщили в министерстве.",
            "2025-03-03",
        ),
        (  # a year summed up as a whole, as a review does, beside an older record
            "For Brazil and India, 2024 was a year of missed chances. The two leaders met "
            "only once this year, in November. Trade fell from the record reached in 2021.",
            "2024",
        ),
        (
            "Итоги года. 2025 год стал для Минска и Ханоя годом рекордной торговли, хотя "
            "пик инвестиций пришелся на 2022 год.",
            "2025",
        ),
        (  # an act numbered within its year, cited (its rules may still be to come)
            "HANOI, Dec 3 -- The ministry said on Tuesday that under Decree No 46 of 2025, "
            "stricter reviews will be applied to rice exports.",
            "2025-12-03",
        ),
        # a span after "last year" names no last year
        ("Trade grew last year, 2019-2024 being a decade of growth.", None),
    ],
)
def test_the_last_year_named_or_summed_up_dates_the_report(text: str, expected: str | None) -> None:
    assert _implied(text)[0] == expected


def test_an_anniversary_marked_in_a_year_dates_a_yearless_dateline() -> None:
    """'the treaty, signed in July 2001, marks its 25th anniversary in 2026' is told in the
    present: the report is of 2026, and 'BEIJING, Mar 3' is 2026-03-03."""
    text = (
        "BEIJING, Mar 3 (Xinhua) -- The foreign ministers will meet on Thursday. "
        "The Treaty of Good-Neighbourliness, signed in July 2001, marks its 25th anniversary "
        "in 2026."
    )
    assert _implied(text)[0] == "2026-03-03"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the count added to the year the occasion names, with a year-less dateline
            "ULAANBAATAR, March 14 (MONTSAME). The minister received the ambassador on Tuesday. "
            "The two countries signed a joint statement in November 2022. This year marks the "
            "30th anniversary of the 1994 Treaty on Friendly Relations.",
            "2024-03-14",
        ),
        (  # the anniversary of the Victory (1945), told as past
            "MOSCOW, May 8. /TASS/. The memorandum was signed on the sidelines of the state "
            "visit on May 7-10, timed to the celebrations of the 80th anniversary of Victory.",
            "2025-05-08",
        ),
        (
            "Он осмотрел парад. Визит был приурочен к 30-летию Договора 1996 года.",
            "2026",
        ),
        ("He watched a parade marking 80 years since the end of World War II.", "2025"),
        (  # relations established in 1949: the participle tells the occasion's year
            "The envoys met. They marked the 70th anniversary of relations established in 1949.",
            "2019",
        ),
        # "in 2011" after the occasion is when the anniversary fell, not what it counts from
        # (2021); a bare year is no evidence
        ("They celebrated the 10th anniversary of the treaty in 2011.", None),
        # an anniversary still to come dates nothing
        ("The 100th anniversary of the 1950 treaty will be marked next year.", None),
    ],
)
def test_an_anniversary_counted_from_its_year_dates_the_report(
    text: str, expected: str | None
) -> None:
    assert _implied(text)[0] == expected


def test_a_summit_named_for_its_year_before_the_name_gives_the_year() -> None:
    """'met on Saturday on the sidelines of the 2024 Asia-Pacific Economic Cooperation summit
    ..., their last scheduled talks before ...': a past meeting at an occasion of 2024 (the
    plan after it does not make the sentence a plan), so 'LIMA, Nov 16' is 2024-11-16."""
    text = (
        "LIMA, Nov 16 (Reuters) - Joe Biden and Xi Jinping met on Saturday on the sidelines of "
        "the 2024 Asia-Pacific Economic Cooperation summit in Lima, their last scheduled talks "
        "before the inauguration."
    )
    assert _implied(text)[0] == "2024-11-16"


def test_a_russian_sentence_that_schedules_a_meeting_dates_nothing() -> None:
    """'..., а следующее заседание запланировано на первое полугодие 2026 года': a plan; the
    report of August 2025 is not of 2026."""
    text = (
        "МОСКВА, 13 августа. /ТАСС/. Товарооборот по итогам первого полугодия 2025 года "
        "составил 12,1 млрд долларов. В этом году торговля снизилась. По итогам встречи "
        "сопредседатели подписали протокол, а следующее заседание запланировано на первое "
        "полугодие 2026 года."
    )
    assert implied_published(text, TODAY).date == "2025-08-13"


def test_a_russian_hedged_plan_dates_nothing() -> None:
    """'Следующая выставка может пройти в 2027 году': a plan told with 'может', no year the
    report of May 2026 was written in."""
    text = (
        "ОМСК, 12 мая. /ТАСС/. Товарооборот за январь-апрель 2026 года составил 9 млрд "
        "долларов. Следующая выставка может пройти в 2027 году в Омске."
    )
    assert implied_published(text, TODAY).date == "2026-05-12"
    earlier = text.replace("2026 года", "2025 года").replace("2027 году", "2026 году")
    assert implied_published(earlier, TODAY).date == "2025-05-12"


def test_a_kcna_header_dates_the_page() -> None:
    """'Juche 114 (2025) July 13, Sunday': North Korea's calendar with the Gregorian year in
    brackets; the page is of that day, not of a year named further down."""
    from bilat.ingest.dates import find_published

    head = (
        "Korean Central News Agency of DPRK\nJuche 118 (2029) July 13, Sunday\n\nWonsan, July 13 "
        "(KCNA) -- Kim Jong Un received the minister, as he did in July 2022."
    )
    assert find_published(head, {}) == "2029-07-13"
