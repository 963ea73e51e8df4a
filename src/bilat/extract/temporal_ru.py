"""Russian time expressions, resolved like the English ones (`bilat.extract.temporal`).

needs : a sentence of Russian text and the publication date (ISO, or None)
adds  : `TimeExpr` spans with the same date / period conventions as GOLD.md:
        "2 декабря" (a date in the genitive), "в феврале этого года", "за октябрь 2022 года"
        (2022-10..2022-10), "в январе–октябре 2022 года" (2022-01..2022-10), "за девять
        месяцев 2022 года" / "по итогам десяти прошедших месяцев" (a year-to-date range),
        "первого полугодия" (H1), "третьем квартале" (Q3), "в 2024 году", "в этом / прошлом
        году", "в прошлом месяце", "в минувший вторник" (the last Tuesday up to publication).
Word tables (month stems, counted months) are in `data/temporal_ru.yaml`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache

from bilat.extract.figures_data import load_data
from bilat.extract.temporal import TimeExpr
from bilat.extract.temporal_calendar import Published, month_shifted, parse_published, week_shifted

__all__ = [
    "find_time_expressions_ru",
    "month_abbreviation_pattern",
    "month_number",
    "month_pattern",
]

_Resolved = tuple[str | None, str | None, str | None]  # date, date_end, period
_Rule = Callable[[re.Match[str], "_When"], _Resolved | None]


@dataclass(frozen=True, slots=True)
class _When:
    """What a relative expression resolves against: the publication date and the tense."""

    pub: Published | None
    future: bool

    @property
    def year(self) -> int | None:
        return self.pub.year if self.pub else None


_FUTURE = re.compile(
    r"\b(?:будет|будут|проведут|проведет|проведёт|состоится|состоятся|начнутся|начнется|"
    r"начнётся|предстоит|планируется|планирует|намерен\w*|посетит|посетят|встретится|"
    r"встретятся|пройдут|пройдет|пройдёт|следующ\w+|должн(?:[аоы]|ен)(?!\s+был))\b",
    re.I,
)


@cache
def _months() -> dict[str, int]:
    return {str(k): int(v) for k, v in load_data("temporal_ru.yaml")["months"].items()}


@cache
def _counts() -> dict[str, int]:
    return {str(k): int(v) for k, v in load_data("temporal_ru.yaml")["month_counts"].items()}


_VOWELS = frozenset("аеёиоуыэюяй")


def month_pattern() -> str:
    """A regex matching any case form of a Russian month name."""
    return _month_re()


def month_abbreviation_pattern() -> str:
    """A regex matching the short month forms wires print after a day ("14 апр", "12 ноя")."""
    return r"(?:" + "|".join(_abbreviations()) + r")\.?(?![а-яё])"


def month_number(word: str) -> int:
    """1-12 for any case form of a Russian month name ("декабря" -> 12)."""
    return _month(word)


def _month_re() -> str:
    stems = sorted(_months(), key=len, reverse=True)
    # a stem ending in a consonant takes any ending ("январ" -> "января"); May is whole words
    return r"(?:" + "|".join(s if s[-1] in _VOWELS else s + "[а-я]*" for s in stems) + r")\b"


@cache
def _abbreviations() -> dict[str, int]:
    return {str(k): int(v) for k, v in load_data("temporal_ru.yaml")["month_abbreviations"].items()}


def _month(word: str) -> int:
    low = word.lower().rstrip(".")
    if low in _abbreviations():
        return _abbreviations()[low]
    return next(
        v for k, v in sorted(_months().items(), key=lambda kv: -len(kv[0])) if low.startswith(k)
    )


_YEAR = (
    # "в 2024 году", "в 2024-м (году)", "2023-го года", "прошлого, 2024 года" (the year named
    # in apposition)
    r"(?:(?:(?:эт|текущ|нынешн|прошл|прошедш|минувш)[а-я]*,\s+)?(?P<year>(?:19|20)\d\d)(?:\s*(?:года|году|год|г\.)|-(?:м|го|му|ом|й)(?![а-яё])"
    r"(?:\s*(?:года|году|год|г\.))?)"
    r"|(?P<rel>(?:эт|текущ|прошл|прошедш|минувш|следующ)[а-я]*)\s+год(?:а|у|ом)?\b)"
)


def _year(m: re.Match[str], w: _When) -> int | None:
    if m.groupdict().get("year"):
        return int(m.group("year"))
    rel = (m.groupdict().get("rel") or "").lower()
    pub = w.pub
    if pub is None:
        return None
    if rel.startswith(("прошл", "минувш", "прошедш")):
        return pub.year - 1
    if rel.startswith("следующ"):
        return pub.year + 1
    return pub.year


def _range(year: int, first: int, last: int) -> str:
    return f"{year}-{first:02d}..{year}-{last:02d}"


def _year_of(m: re.Match[str], w: _When) -> int | None:
    """The stated year, else (no year stated) the publication year."""
    if m.group("year") or m.group("rel"):
        return _year(m, w)
    return w.year


def _unstated_year(m: re.Match[str], w: _When, month: int, day: int | None = None) -> int | None:
    """The year of a month or day given without one: the publication year, or the year
    before when a past report names a later month ('в ноябре' in March), the year after when
    a plan names an earlier one."""
    year = _year_of(m, w)
    pub = w.pub
    if year is None or m.group("year") or m.group("rel") or pub is None or pub.month is None:
        return year
    if day is None or pub.day is None:
        after, before = month > pub.month, month < pub.month
    else:
        after, before = (month, day) > (pub.month, pub.day), (month, day) < (pub.month, pub.day)
    if after and not w.future:
        return year - 1
    if before and w.future:
        return year + 1
    return year


def _count_range(m: re.Match[str], w: _When) -> _Resolved | None:
    year = _year_of(m, w)
    count = _counts().get(m.group("n").lower()) or (
        int(m.group("n")) if m.group("n").isdigit() else 0
    )
    if not 0 < count <= 12:
        return None
    if year is None:  # "за шесть месяцев" in an undated report: a span all the same
        return None, None, None
    return None, None, _range(year, 1, count)


def _month_span(m: re.Match[str], w: _When) -> _Resolved | None:
    """'в январе — ноябре' in a January report is last year's (its end has not come yet)."""
    first = _month(m.group("m1"))
    last = _month(m.group("m2")) if m.group("m2") else first
    if last < first:  # "апрель–март" (a fiscal year): into the next year, ending in the
        # stated year, else the year the last month last came (or comes, for a plan)
        end = _unstated_year(m, w, last)
        if end is None:
            return None
        start, stop = f"{end - 1}-{first:02d}", f"{end}-{last:02d}"
        return start, stop, f"{start}..{stop}"
    year = _unstated_year(m, w, first if w.future else last)
    if year is None:
        return None
    date = f"{year}-{first:02d}"
    return date, (f"{year}-{last:02d}" if last != first else None), _range(year, first, last)


def _day(m: re.Match[str], w: _When) -> _Resolved | None:
    month, day = _month(m.group("m1")), int(m.group("d"))
    if not 1 <= day <= 31:
        return None
    year = _unstated_year(m, w, month, day)
    if year is None:
        return None, None, None  # a date all the same (not a figure), left unresolved
    try:
        return dt.date(year, month, day).isoformat(), None, None
    except ValueError:  # "30 февраля 2025 года" names no day: a date all the same, unresolved
        return None, None, None


def _day_span(m: re.Match[str], w: _When) -> _Resolved | None:
    """'с 12 по 15 октября', '12-15 октября', 'с 30 сентября по 5 октября': first and last day
    (a period only when the span crosses a month, as the English reading gives)."""
    last_month = _month(m.group("m1"))
    first_month = _month(m.group("m0")) if m.group("m0") else last_month
    first, last = int(m.group("d")), int(m.group("d2"))
    year = _unstated_year(m, w, first_month, first)
    if year is None or (first_month, first) >= (last_month, last):
        return None, None, None  # dates all the same (not figures), left unresolved
    try:
        start = dt.date(year, first_month, first)
        end = dt.date(year, last_month, last)
    except ValueError:
        return None, None, None
    period = _range(year, first_month, last_month) if first_month != last_month else None
    return start.isoformat(), end.isoformat(), period


def _since_start(m: re.Match[str], w: _When) -> _Resolved | None:
    """'с начала года' / 'с начала 2025 года': January to the publication month of that year,
    or to the month it runs to ('с начала года по 30 сентября'); an earlier year: that year to
    the publication year, like 'since 2021'."""
    pub = w.pub
    if pub is None or pub.month is None:
        return None
    year = int(m.group("year")) if m.group("year") else pub.year
    if year < pub.year:
        return str(year), None, f"{year}..{pub.year}"
    if year > pub.year:
        return None
    last = _month(m.group("until")) if m.group("until") else pub.month
    return f"{year}-01", f"{year}-{last:02d}", _range(year, 1, last)


_WORD_PART = {"перв": 1, "втор": 2, "трет": 3, "четв": 4}
# "в I квартале 2025 года", "во 2-м квартале", "в 3 квартале": a quarter by its number
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
_DIGIT_PART = {"1": 1, "2": 2, "3": 3, "4": 4}


def _part(m: re.Match[str], w: _When) -> _Resolved | None:
    year = _year_of(m, w)
    if year is None:
        return None
    which = m.group("which").lower()
    index = _ROMAN.get(which.upper()) or _DIGIT_PART.get(which[:1]) or _WORD_PART[which[:4]]
    # dated by its year, as the English reading does ("во второй половине года": 2025)
    if m.group("unit").lower().startswith(("полугод", "половин")):  # half (of the year)
        return str(year), None, f"{year}-H{min(index, 2)}"
    return str(year), None, f"{year}-Q{index}"


def _whole_year(m: re.Match[str], w: _When) -> _Resolved | None:
    year = _year(m, w)
    return (str(year), None, str(year)) if year else None


_WEEKDAYS = {"понедельник": 0, "вторник": 1, "сред": 2, "четверг": 3, "пятниц": 4, "суббот": 5}
_WEEKDAYS_RE = (
    r"\b(?:в|во)\s+(?:(?P<rel>минувш\w+|прошл\w+|следующ\w+|ближайш\w+)\s+)?"
    r"(?P<wd>понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)\b"
)


def _past_years(m: re.Match[str], w: _When) -> _Resolved | None:
    """'за последние пять лет' (2025): 2020..2025, as 'over the past five years' reads."""
    if w.year is None:
        return None
    n = m["n"].lower() if m["n"] else "1"
    count = int(n) if n.isdigit() else _counts().get(n)
    years = (count or 0) * (10 if m["unit"].lower().startswith("десят") else 1)
    return (None, None, f"{w.year - years}..{w.year}") if 0 < years <= 30 else None


def _split_year(m: re.Match[str], w: _When) -> _Resolved | None:
    """'в 2024/25 финансовом году', '2023/2024 сельскохозяйственного сезона', 'в сезоне
    2023/24', 'в 2024/25 МГ': a year range (GOLD v1.1: fiscal and academic years are
    ranges)."""
    first, second = next(
        (m[a], m[b]) for a, b in (("y1", "y2"), ("y3", "y4"), ("y5", "y6")) if m[a] is not None
    )
    y1 = int(first)
    y2 = int(second) if len(second) == 4 else y1 // 100 * 100 + int(second)
    return (str(y1), str(y2), f"{y1}..{y2}") if y2 == y1 + 1 else None


def _weekday(m: re.Match[str], w: _When) -> _Resolved | None:
    """'в понедельник' (the last one up to publication), 'в следующий вторник' or a plan
    (ahead)."""
    base = w.pub.as_date() if w.pub else None
    if base is None:
        return None, None, None
    word = m["wd"].lower()
    target = next((v for k, v in _WEEKDAYS.items() if word.startswith(k)), 6)
    rel = (m["rel"] or "").lower()
    ahead = rel.startswith(("следующ", "ближайш")) or (w.future and not rel)
    back = (base.weekday() - target) % 7 or (7 if rel.startswith(("минувш", "прошл")) else 0)
    # "в среду" in a plan told on a Wednesday is that day ("Позднее в среду Ли Цян
    # встретится с Путиным"), as "on Wednesday" is in English; "в следующую среду" is not
    delta = ((target - base.weekday()) % 7 or (7 if rel else 0)) if ahead else -back
    return (base + dt.timedelta(days=delta)).isoformat(), None, None


_SHIFT = (("прошл", -1), ("минувш", -1), ("прошедш", -1), ("следующ", 1), ("будущ", 1))


def _shift(word: str) -> int:
    return next((n for stem, n in _SHIFT if word.lower().startswith(stem)), 0)


def _rel_month(m: re.Match[str], w: _When) -> _Resolved | None:
    """'в прошлом месяце' (its month as the period too), 'в следующем месяце', 'в этом месяце'."""
    date, _, _ = month_shifted(w.pub, _shift(m["w"]))
    if date is None:
        return None
    year, month = int(date[:4]), int(date[5:])
    return date, None, _range(year, month, month)


_REL_DAYS = {
    "позавчера": -2,
    "вчера": -1,
    "накануне": -1,
    "сегодня": 0,
    "завтра": 1,
    "послезавтра": 2,
    # the adjectives: "после вчерашнего телефонного разговора", "завтрашние переговоры"
    "позавчерашн": -2,
    "вчерашн": -1,
    "завтрашн": 1,
}


def _rel_day(m: re.Match[str], w: _When) -> _Resolved | None:
    """'вчера', 'сегодня', 'завтра' (and the days either side of them): from publication."""
    base = w.pub.as_date() if w.pub else None
    if base is None:
        return None, None, None
    word = (
        m["w"]
        or m.groupdict().get("w2")
        or m.groupdict().get("w3")
        or m.groupdict().get("w4")
        or ""
    ).lower()
    return (base + dt.timedelta(days=_REL_DAYS[word])).isoformat(), None, None


_SEASONS = (("весн", 3), ("лет", 6), ("осен", 9), ("зим", 12))


def _season(m: re.Match[str], w: _When) -> _Resolved | None:
    """'весной', 'на весну', 'прошлой осенью': the year of that season (as "in the spring"):
    the coming one for a plan, the last one for a report."""
    if w.pub is None:
        return None
    first = next(n for stem, n in _SEASONS if m["s"].lower().startswith(stem))
    if m["w"]:
        year = w.pub.year + _shift(m["w"])
    elif w.pub.month is None:
        year = w.pub.year
    elif w.future:
        year = w.pub.year if first > w.pub.month else w.pub.year + 1
    else:
        year = w.pub.year if first <= w.pub.month else w.pub.year - 1
    return str(year), None, None


def _rel_week(m: re.Match[str], w: _When) -> _Resolved | None:
    """'на прошлой неделе', 'на следующей неделе': the month that week lies in."""
    return week_shifted(w.pub, _shift(m["w"]))


@cache
def _rules() -> tuple[tuple[re.Pattern[str], _Rule], ...]:
    mon = _month_re()
    counts = "|".join(sorted(_counts(), key=len, reverse=True))
    year_after = rf"(?:\s+{_YEAR})?"
    return (
        (
            re.compile(
                r"\bс\s+начала\s+(?:(?P<year>(?:19|20)\d\d)\s*(?:года|г\.)|"
                r"(?:(?:текущего|этого|нынешнего)\s+)?года)"
                # "с начала года по 30 сентября": to that month
                rf"(?:\s+(?:по|до)\s+(?:\d{{1,2}}\s+)?(?P<until>{mon}))?",
                re.I,
            ),
            _since_start,
        ),
        (
            re.compile(
                rf"(?:\b(?:за|в течение|по итогам)\s+)?(?:\b(?:первые|первых)\s+)?"
                rf"\b(?P<n>{counts}|\d{{1,2}})\s+(?:(?:прошедших|последних|первых)\s+)?месяц[а-я]*{year_after}",
                re.I,
            ),
            _count_range,
        ),
        (  # "за последние пять лет", "в течение последних 10 лет"
            re.compile(
                r"\b(?:за|в\s+течение|на\s+протяжении)\s+(?:последн|прошедш|минувш)\w*\s+"
                rf"(?:(?P<n>{counts}|\d{{1,2}})\s+)?(?P<unit>лет|года|десятилети\w*)\b",
                re.I,
            ),
            _past_years,
        ),
        (
            re.compile(
                rf"(?:\bс\s+)?\b(?P<d>\d{{1,2}})(?:\s+(?P<m0>{mon}))?"
                rf"(?:\s*[-–—]\s*|\s+по\s+)(?P<d2>\d{{1,2}})\s+(?P<m1>{mon}){year_after}",
                re.I,
            ),
            _day_span,
        ),
        (
            re.compile(rf"\b(?P<d>\d{{1,2}})\s+(?P<m1>{mon}){year_after}", re.I),
            _day,
        ),
        (  # a wire's dateline: "МОСКВА, 14 апр — ПРАЙМ."
            re.compile(
                rf"\b(?P<d>\d{{1,2}})\s+(?P<m1>{'|'.join(_abbreviations())})\.?(?![а-яё]){year_after}",
                re.I,
            ),
            _day,
        ),
        (
            # "в январе–сентябре", "с января по сентябрь"
            re.compile(
                rf"(?:\bс\s+(?=(?:{mon})\s+по\s))?\b(?P<m1>{mon})"
                rf"(?:(?:\s*[-–—]\s*|\s+по\s+)(?P<m2>{mon}))?{year_after}",
                re.I,
            ),
            _month_span,
        ),
        (
            re.compile(
                r"\b(?P<y1>(?:19|20)\d\d)\s*[/–-]\s*(?P<y2>(?:19|20)\d\d|\d\d)\s+"
                r"(?:(?:финансов|бюджетн|маркетингов|сельскохозяйственн|учебн|отопительн)\w*\s+)?"
                r"(?:год|сезон|сельхозгод)\w*"
                # the season named first ("по итогам сезона 2024/25", "в сезоне-2023/24"),
                # and the marketing year of grain reports ("в 2024/25 МГ")
                r"|(?<![\w-])(?:сезон|сельхозгод)\w*(?:\s+|\s*[-–]\s*)"
                r"(?P<y3>(?:19|20)\d\d)\s*/\s*(?P<y4>(?:19|20)\d\d|\d\d)(?![\d/])"
                r"|\b(?P<y5>(?:19|20)\d\d)\s*/\s*(?P<y6>\d\d)\s+(?-i:МГ|СХГ)\b",
                re.I,
            ),
            _split_year,
        ),
        (re.compile(rf"\b{_YEAR}", re.I), _whole_year),
        # "до конца года": the year of the report, like "by the end of the year"
        (re.compile(r"\b(?:до|к|в)\s+кон(?:ца|цу|це)\s+года\b", re.I), _whole_year),
        # "по итогам года", "за весь год": the whole year of the report
        (re.compile(r"\b(?:по\s+итогам|за\s+весь|в\s+целом\s+за)\s+год[а]?\b", re.I), _whole_year),
        (
            re.compile(
                r"\b(?:в\s+)?(?P<w>прошлом|минувшем|прошедшем|следующем|будущем|этом|текущем)"
                r"\s+месяце\b",
                re.I,
            ),
            _rel_month,
        ),
        (  # "запланирован на следующий месяц"
            re.compile(r"\bна\s+(?P<w>следующий|будущий|этот|текущий)\s+месяц\b", re.I),
            _rel_month,
        ),
        (  # a season, unless a year follows ("весной следующего года", "летом 2026 года")
            re.compile(
                r"(?:\bна\s+)?\b(?:(?P<w>прошл|минувш|следующ|будущ|эт|текущ)\w*\s+)?"
                r"(?P<s>весной|летом|осенью|зимой|весну|лето|осень|зиму)\b"
                r"(?!\s+(?:\d{4}|(?:прошл|минувш|следующ|будущ|эт|текущ)\w*\s+год))",
                re.I,
            ),
            _season,
        ),
        (
            re.compile(
                r"\bна\s+(?P<w>прошлой|минувшей|прошедшей|следующей|будущей|этой|текущей)"
                r"\s+неделе\b",
                re.I,
            ),
            _rel_week,
        ),
        (re.compile(_WEEKDAYS_RE, re.I), _weekday),
        (
            re.compile(
                r"(?<![\w-])(?P<w>позавчера|вчера|сегодня|послезавтра|завтра)(?![\w-])", re.I
            ),
            _rel_day,
        ),
        (
            re.compile(
                r"(?<![\w-])(?P<w>позавчерашн|вчерашн|завтрашн)(?:[а-яё]{1,3})(?![\w-])", re.I
            ),
            _rel_day,
        ),
        # "по итогам прошедшего накануне заседания", "заседание, которое накануне прошло",
        # "прибыл в Пекин накануне.": held the day before the report (not a sentence's opening
        # "Накануне", the day before the event told last, nor "накануне визита", the eve of an
        # occasion)
        (
            re.compile(
                r"(?<![\w-])(?:прошедш|состоявш|проходивш|завершивш)\w*\s+(?P<w>накануне)(?![\w-])"
                r"|(?<![\w-])(?P<w2>накануне)(?=\s+(?:прошл|состоял|завершил)\w*(?![\w-]))"
                # "прибыл в Китай с официальным визитом накануне.": the clause's last word
                r"|(?<=\s)(?P<w3>накануне)(?=\s*(?:[.;!?)]|,\s+(?:а|и|но|где|когда)\b|$))"
                # "Си Цзиньпин накануне провел переговоры": after its subject, before a past
                # verb (not a sentence's opening "Накануне", nor "накануне визита")
                r"|(?<=[а-яёА-ЯЁ]\s)(?P<w4>накануне)(?=\s+[а-яё]+(?:л|ла|ло|ли|лся|лась|лось|лись)"
                r"(?![\w-]))",
                re.I,
            ),
            _rel_day,
        ),
    )


@cache
def _part_re() -> re.Pattern[str]:
    return re.compile(
        rf"\b(?P<which>(?:перв|втор|трет|четв[её]рт)[а-я]*|IV|I{{1,3}}|[1-4]-?(?:м|й|ом))\s+"
        r"(?P<unit>полугоди[а-я]*|квартал[а-я]*|половин[а-я]*(?=\s+(?:(?:19|20)\d\d|эт|текущ|"
        r"прошл|прошедш|минувш|следующ|года\b)))"
        rf"(?:\s+(?:{_YEAR}|года\b))?",
        re.I,
    )


def _candidates(text: str) -> Iterator[tuple[re.Match[str], _Rule]]:
    for m in _part_re().finditer(text):
        yield m, _part
    for pattern, rule in _rules():
        for m in pattern.finditer(text):
            yield m, rule


def find_time_expressions_ru(
    text: str, published: str | None, tense: str | None = None
) -> list[TimeExpr]:
    """All non-overlapping Russian time expressions in `text`, in text order; `tense`
    'future', or a future verb in the text, reads undated days ahead of publication."""
    future = tense == "future" or bool(_FUTURE.search(text))  # the text's own verbs win
    when = _When(parse_published(published), future)
    found: list[TimeExpr] = []
    for m, rule in _candidates(text):
        if any(f.start < m.end() and m.start() < f.end for f in found):
            continue
        resolved = rule(m, when)
        if resolved is not None:
            found.append(TimeExpr(m.start(), m.end(), m.group(0), *resolved))
    return sorted(found, key=lambda t: t.start)
