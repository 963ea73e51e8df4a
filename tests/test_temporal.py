"""Time expressions: absolute, relative to the publication date, ranges and periods."""

from __future__ import annotations

import pytest

from bilat.extract.temporal import find_time_expressions, infer_tense, parse_published

PUB = "2024-03-14"  # a Thursday


def first(text: str, published: str | None = PUB, tense: str | None = None) -> tuple[object, ...]:
    (t,) = find_time_expressions(text, published, tense=tense)
    assert text[t.start : t.end] == t.text
    return t.date, t.date_end, t.period


@pytest.mark.parametrize(
    ("text", "tense", "expected"),
    [
        ("The delegation arrived yesterday.", None, ("2024-03-13", None, None)),
        ("They met the day before yesterday.", None, ("2024-03-12", None, None)),
        (  # machine translation of "по итогам девяти месяцев 2023 года"
            "According to the results of nine months of 2023, trade grew.",
            None,
            ("2023-01", "2023-09", "2023-01..2023-09"),
        ),
        ("Делегация прибыла вчера.", None, ("2024-03-13", None, None)),
        # grain seasons named first, and the marketing year of grain reports
        ("Экспорт в сезоне 2023/24 вырос.", None, ("2023", "2024", "2023..2024")),
        ("Экспорт в 2022/23 МГ составил 40 млн тонн.", None, ("2022", "2023", "2022..2023")),
        # the last N years, as "over the past five years" reads
        (
            "За последние пять лет мы поставили топлива на $1 млрд.",
            None,
            (None, None, "2019..2024"),
        ),
        ("В течение последних 10 лет торговля росла.", None, (None, None, "2014..2024")),
        ("Переговоры пройдут послезавтра.", None, ("2024-03-16", None, None)),
        ("Talks continue today.", None, ("2024-03-14", None, None)),
        # the spans of company reports, the day before or after the month
        ("Revenue rose in the year ended 31 December 2023.", None, ("2023", None, "2023")),
        (
            "Sales fell in the nine months ended September 30, 2023.",
            None,
            ("2023-01", "2023-09", "2023-01..2023-09"),
        ),
        ("The ministers meet tomorrow.", None, ("2024-03-15", None, None)),
        ("The statement was issued on Monday.", None, ("2024-03-11", None, None)),
        ("He will fly out on Monday.", None, ("2024-03-18", None, None)),
        ("They spoke on January 9.", None, ("2024-01-09", None, None)),
        # a span of days with the month on both ends
        ("The drills run from Mar. 1 to Mar. 5.", None, ("2024-03-01", "2024-03-05", None)),
        # a day of the month alone (translated state media), published 2024-03-14
        ("On the 12th, the vice premier met the envoy.", None, ("2024-03-12", None, None)),
        ("On the 20th, the vice premier met the envoy.", None, ("2024-02-20", None, None)),
        # ... and as machine translation prints it ("10日", "18日至20日")
        ("On 10th, the minister held video talks.", None, ("2024-03-10", None, None)),
        ("On afternoon of 12th, the premier met him.", None, ("2024-03-12", None, None)),
        ("He pays the state visit from 11th to 13th.", None, ("2024-03-11", "2024-03-13", None)),
        ("They spoke on November 9.", None, ("2023-11-09", None, None)),
        # "last Thursday" said on a Thursday is a week before; "on Thursday" the day itself
        ("They met last Thursday.", None, ("2024-03-07", None, None)),
        ("The summit was held on October 17, 2021.", None, ("2021-10-17", None, None)),
        ("The summit was held on 17 October 2021.", None, ("2021-10-17", None, None)),
        ("Trade fell in February.", None, ("2024-02", None, "2024-02..2024-02")),
        ("They met in June.", "past", ("2023-06", None, "2023-06..2023-06")),
        ("They will meet in June.", None, ("2024-06", None, "2024-06..2024-06")),
        ("The forum ran on June 3–6, 2023.", None, ("2023-06-03", "2023-06-06", None)),
        ("Output rose in the second half of 2022.", None, ("2022", None, "2022-H2")),
        ("Output rose in H2 2022.", None, ("2022", None, "2022-H2")),
        ("Output rose in the fourth quarter of 2022.", None, ("2022", None, "2022-Q4")),
        ("Output rose in the first quarter.", None, ("2024", None, "2024-Q1")),
        (
            "In the first five months of this year exports grew.",
            None,
            ("2024-01", "2024-05", "2024-01..2024-05"),
        ),
        ("In January-April 2023 exports grew.", None, ("2023-01", "2023-04", "2023-01..2023-04")),
        # results for a span of months without a year: the span has ended by publication
        ("Trade grew in January-October.", None, ("2023-01", "2023-10", "2023-01..2023-10")),
        ("Output fell in the first half.", None, ("2023", None, "2023-H1")),
        ("Exports rose in the first two months.", None, ("2024-01", "2024-02", "2024-01..2024-02")),
        (
            "Imports rose in the first three quarters.",
            None,
            ("2023-01", "2023-09", "2023-01..2023-09"),
        ),
        ("Exports will rise in the second quarter.", None, ("2024", None, "2024-Q2")),
        # results "in ten months" are the first ten months; a plan "in ten months" no period
        ("Trade fell 7% in ten months.", None, ("2023-01", "2023-10", "2023-01..2023-10")),
        ("Over the ten months trade fell.", None, ("2023-01", "2023-10", "2023-01..2023-10")),
        # a split year closed in a named month: the twelve months to it
        (
            "the 2021/22 marketing year, which ended in March,",
            None,
            ("2021-04", "2022-03", "2021-04..2022-03"),
        ),
        # ... but a whole fiscal year is a year range however it is closed (GOLD v1.1)
        ("in FY24 exports rose", None, ("2023", "2024", "2023..2024")),
        ("the first half of FY26", None, ("2025-04", "2025-09", "2025-04..2025-09")),
        ("in the fiscal year ending March 2025", None, ("2024", "2025", "2024..2025")),
        ("in fiscal year 2022-23, which ended in March,", None, ("2022", "2023", "2022..2023")),
        ("in FY2021-22, which ended in March,", None, ("2021", "2022", "2021..2022")),
        # the fiscal year the report (of March 2024) is written in: from April 2023, as India's
        (
            "in the first half of the fiscal, officials said",
            None,
            ("2023-04", "2023-09", "2023-04..2023-09"),
        ),
        ("the first quarter of this fiscal year", None, ("2023-04", "2023-06", "2023-04..2023-06")),
        # a span of years shortened so: SIPRI's five-year periods
        ("arms imports in 2019–23 fell", None, ("2019", "2023", "2019..2023")),
        ("compared with 2014-18", None, ("2014", "2018", "2014..2018")),
        # part of a split fiscal year: its months from April (GOLD v1.1, India's FY)
        (
            "In the first 11 months of FY 2022-23 imports rose.",
            None,
            ("2022-04", "2023-02", "2022-04..2023-02"),
        ),
        (
            "Exports fell in the second half of fiscal 2023-24.",
            None,
            ("2023-10", "2024-03", "2023-10..2024-03"),
        ),
        ("Sales rose in Q4 FY2023/24.", None, ("2024-01", "2024-03", "2024-01..2024-03")),
        (
            "the 2022/23 season, which ended in December",
            None,
            ("2023-01", "2023-12", "2023-01..2023-12"),
        ),
        # "comes two weeks after …": what follows happened that long ago
        ("The move comes two weeks after the call.", None, ("2024-02", None, None)),
        ("The visit came three days after the talks.", None, ("2024-03-11", None, None)),
        # a week is dated by its month (the year when it spans two months)
        ("They met last week.", None, ("2024-03", None, None)),
        ("They will meet next week.", None, ("2024-03", None, None)),
        # a level held for N whole years before publication
        ("Trade topped $200bn for two years in a row.", None, (None, None, "2022..2023")),
        ("Sales rose for three consecutive years.", None, (None, None, "2021..2023")),
        ("Exports grew last year.", None, ("2023", None, "2023")),
        # a day's year told relative to the report
        ("Xi was in Budapest on May 8-10 last year.", None, ("2023-05-08", "2023-05-10", None)),
        ("They met on 4 March last year.", None, ("2023-03-04", None, None)),
        ("They will meet on Jan. 20 next year.", None, ("2025-01-20", None, None)),
        ("Exports grew this year.", None, ("2024", None, "2024")),
        ("Exports will grow next year.", None, ("2025", None, "2025")),
        # the whole year of the report; with its year stated, that year
        ("Imports will reach 9 Mt for the full year.", None, ("2024", None, "2024")),
        ("Imports reached 9 Mt for the full year 2022.", None, ("2022", None, "2022")),
        ("Exports grew in 2019.", None, ("2019", None, "2019")),
        ("Exports grew from 2016 to 2021.", None, ("2016", "2021", "2016..2021")),
        ("Exports grew between 2011 and 2021.", None, ("2011", "2021", "2011..2021")),
        (
            "The visit is set for the end of July this year.",
            None,
            ("2024-07", None, "2024-07..2024-07"),
        ),
        ("A visit is expected in the autumn.", "future", ("2024", None, None)),
        ("Prices fell over the past two years.", None, (None, None, "2022..2024")),
        ("Published 2023-05-06 by the desk.", None, ("2023-05-06", None, None)),
        # day-to-day spans across months: the period is the months, the dates keep the days
        (
            "From February 3 to June 20, 2022, shipments rose.",
            None,
            ("2022-02-03", "2022-06-20", "2022-02..2022-06"),
        ),
        (
            "Sales from March through August 15 2021 were up.",
            None,
            ("2021-03", "2021-08-15", "2021-03..2021-08"),
        ),
        ("Coal sales in 7M 2022 grew.", None, ("2022-01", "2022-07", "2022-01..2022-07")),
        ("In 10 months of 2021 coal sales grew.", None, ("2021-01", "2021-10", "2021-01..2021-10")),
        # year to date: January to the publication month
        (
            "Since the beginning of the year, sales grew.",
            None,
            ("2024-01", "2024-03", "2024-01..2024-03"),
        ),
        ("Since the start of 2024 sales grew.", None, ("2024-01", "2024-03", "2024-01..2024-03")),
        ("Sales grew so far this year.", None, ("2024-01", "2024-03", "2024-01..2024-03")),
        # a fiscal, academic or marketing year across two years
        ("In fiscal 2021-22 sales grew.", None, ("2021", "2022", "2021..2022")),
        ("In the 2019/20 academic year enrolment grew.", None, ("2019", "2020", "2019..2020")),
        ("In the 2019/2020 season enrolment grew.", None, ("2019", "2020", "2019..2020")),
        # a company's quarter by its last month: a calendar quarter when named by it
        (
            "Revenue fell in the quarter ended Feb. 25.",
            None,
            ("2023-12", "2024-02", "2023-12..2024-02"),
        ),
        ("Revenue rose in its December quarter.", None, ("2023-10", "2023-12", "2023-Q4")),
        (
            "Sales for the three months ending June 30, 2022 grew.",
            None,
            ("2022-04", "2022-06", "2022-04..2022-06"),
        ),
    ],
)
def test_resolution(text: str, tense: str | None, expected: tuple[object, ...]) -> None:
    assert first(text, tense=tense) == expected


def test_a_recent_day_told_in_the_future_is_a_plan_reported_after_it_was_made() -> None:
    said = "The ministry announced on Friday that the fleets would hold drills from May 3 to 7."
    (expr,) = [t for t in find_time_expressions(said, "2031-05-05") if t.date_end]
    assert (expr.date, expr.date_end) == ("2031-05-03", "2031-05-07")
    (ahead,) = find_time_expressions("The fleets will hold drills on March 3.", "2031-05-05")
    assert ahead.date == "2032-03-03"  # months before: next year's


@pytest.mark.parametrize(
    "text",
    [
        "We agreed with them.",  # "We" is not Wednesday
        "Their share is 86%.",  # not 1986
        "Exports were 5% higher than a year earlier.",
        "They may sign the deal.",  # the verb, not the month
        "The truce holds for one year.",
        "A 2024 kg parcel.",
        "Call 2021-1234 for details.",
        "They marked it on the 20th anniversary of the treaty.",
    ],
)
def test_non_expressions(text: str) -> None:
    found = [t for t in find_time_expressions(text, PUB) if t.text != "2024"]
    assert found == []


def test_relative_without_publication_date() -> None:
    assert first("Trade grew last year.", published=None) == (None, None, None)
    assert first("They met yesterday.", published=None) == (None, None, None)
    assert first("Trade grew in 2020.", published=None) == ("2020", None, "2020")


def test_never_more_precise_than_publication() -> None:
    assert first("They met yesterday.", published="2024-03") == (None, None, None)
    assert first("Trade grew last year.", published="2024") == ("2023", None, "2023")


def test_infer_tense_and_parse_published() -> None:
    assert infer_tense("The sides will sign it") == "future"
    assert infer_tense("The sides signed it") == "past"
    assert parse_published("2024-03-14T10:00:00Z") is not None
    assert parse_published(None) is None


@pytest.mark.parametrize(
    ("text", "published", "period"),
    [
        ("The navies have held five patrols since 2021.", "2025-08-02", "2021..2025"),
        ("Trade has doubled since 2019.", "2024-03-01", "2019..2024"),
        ("Trade has doubled since 2019.", None, "2019"),  # no publication date: no span
        ("Trade has doubled since the start of 2019.", "2024-03-01", "2019..2024"),
        # a month of this year: from it to the publication month
        ("Exports have fallen since March.", "2031-07-15", "2031-03..2031-07"),
        ("Exports have fallen since March.", "2031-02-15", "2030-03..2031-02"),  # last year's
    ],
)
def test_since_a_year_spans_to_the_publication_year(
    text: str, published: str | None, period: str
) -> None:
    found = [t.period for t in find_time_expressions(text, published)]
    assert found == [period]


@pytest.mark.parametrize(
    ("text", "published", "date"),
    [
        ("Wang Yi is expected to visit Moscow in the coming weeks.", "2025-02-25", "2025"),
        ("Talks are due within the next few days.", "2024-12-30", "2024"),
        ("Wang Yi is expected to visit Moscow in the coming weeks.", None, None),
    ],
)
def test_soon_is_the_publication_year(text: str, published: str | None, date: str | None) -> None:
    assert [t.date for t in find_time_expressions(text, published, tense="future")] == [date]


def test_a_week_across_two_months_is_dated_by_its_year() -> None:
    (this,) = find_time_expressions("Talks continue this week.", "2024-05-02")
    (last,) = find_time_expressions("Talks were held last week.", "2024-05-02")
    assert (this.date, last.date) == ("2024", "2024-04")


def test_in_ten_months_of_a_plan_is_no_period() -> None:
    assert find_time_expressions("The plant will be built in ten months.", "2024-03-14") == []


@pytest.mark.parametrize(
    ("text", "published", "period"),
    [
        # the Iranian year begins at Nowruz (March 20/21): its first n months end in the
        # Gregorian month March + n, the whole year in the March after
        (
            "Exports grew in the first seven months of the current Iranian calendar year.",
            "2025-11-02",
            "2025-03..2025-10",
        ),
        # before Nowruz the current Iranian year is the one begun the March before
        (
            "Imports fell in the first 11 months of this Iranian year.",
            "2024-03-05",
            "2023-03..2024-02",
        ),
        ("Trade rose in the last Iranian year.", "2024-06-30", "2023-03..2024-03"),
        (
            "Trade rose in the Iranian year that ended in March 2023.",
            "2024-06-30",
            "2022-03..2023-03",
        ),
        ("Trade rose in the Iranian year 1402.", None, "2023-03..2024-03"),
    ],
)
def test_an_iranian_year_runs_from_nowruz(text: str, published: str | None, period: str) -> None:
    (t,) = find_time_expressions(text, published)
    assert "Iranian" in t.text and t.period == period


def test_a_figure_for_months_of_the_iranian_year() -> None:
    from tests.conftest import extract_text

    text = (
        "TEHRAN, Nov. 2 (IRNA) - Iran's non-oil exports to Russia rose 9% to $1.4 billion in "
        "the first seven months of the current Iranian calendar year, the customs office said."
    )
    figures = extract_text(text, "2025-11-02").figures
    assert {(f.value, f.period) for f in figures} == {
        (9, "2025-03..2025-10"),
        (1_400_000_000, "2025-03..2025-10"),
    }


def test_a_span_of_weekdays_runs_from_the_first() -> None:
    (past,) = find_time_expressions("a visit that runs from Sunday to Tuesday", "2031-03-17")
    assert (past.date, past.date_end) == ("2031-03-16", "2031-03-18")  # told on the Monday
    (plan,) = find_time_expressions("He will visit from Monday to Wednesday.", "2031-03-14")
    assert (plan.date, plan.date_end) == ("2031-03-17", "2031-03-19")


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("in fiscal 2030/31 (April 2030 - March 2031)", "2030-04..2031-03"),
        ("from April 2030 to March 2031", "2030-04..2031-03"),
        ("between January 2030 and June 2031", "2030-01..2031-06"),
        ("в 2030/31 финансовом году (апрель 2030 года - март 2031 года)", "2030-04..2031-03"),
        ("с апреля 2030 года по март 2031 года", "2030-04..2031-03"),
    ],
)
def test_two_months_with_their_years_are_one_span(text: str, period: str) -> None:
    """A span told by its first and last month with their years (a fiscal year glossed in
    brackets, a series' range) is one period, not its last month."""
    found = find_time_expressions(text, "2031-10-15", tense="past")
    assert [t.period for t in found] == [period]


def test_two_months_in_two_clauses_stay_apart() -> None:
    found = find_time_expressions("in April 2030 and in March 2031", "2031-10-15", tense="past")
    assert [t.period for t in found] == ["2030-04..2030-04", "2031-03..2031-03"]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("who last met in Woodside a year ago", "2030"),
        ("they met two years ago", "2029"),
        ("the talks held a month ago", "2031-10"),
        ("ten days ago", "2031-11-06"),
    ],
)
def test_a_span_ago_is_that_long_before_the_report(text: str, date: str) -> None:
    (found,) = find_time_expressions(text, "2031-11-16", tense="past")
    assert found.date == date


def test_the_week_to_a_day_is_the_month_it_ends_in() -> None:
    (week,) = find_time_expressions("loaded 1.02 mbd in the week to Nov 14", "2025-11-17")
    assert week.period == "2025-11..2025-11"
    (other,) = find_time_expressions("a discount in the week ending 31 October", "2025-11-04")
    assert other.period == "2025-10..2025-10"
