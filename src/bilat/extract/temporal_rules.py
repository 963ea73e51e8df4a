"""The rules behind `bilat.extract.temporal`: one regular expression per kind of time
expression and the builder (`temporal_builders`) that resolves its match against the
publication date.

`patterns()` returns (compiled pattern, builder) pairs; a builder returns (date, date_end,
period) or None to reject the match. Word tables come from data/temporal.yaml.
"""

from __future__ import annotations

import re
from functools import cache

from bilat.extract.temporal_builders import (
    b_ago,
    b_comes_after,
    b_day,
    b_day_of_month,
    b_day_range,
    b_days_of_month,
    b_first_months,
    b_first_quarters,
    b_fiscal_ended,
    b_fiscal_part,
    b_fiscal_relative,
    b_fiscal_short,
    b_h_short,
    b_half,
    b_iranian_year,
    b_iso,
    b_iso_month,
    b_month,
    b_month_kw,
    b_month_range,
    b_months_of_split_year,
    b_months_so_far,
    b_months_to,
    b_months_told_for,
    b_past_span,
    b_quarter,
    b_quarter_ended,
    b_rel_day,
    b_rel_month,
    b_rel_week,
    b_season,
    b_soon,
    b_split_year,
    b_two_days,
    b_weekday,
    b_weekday_span,
    b_year,
    b_year_range,
    b_year_to_date,
    b_years_in_a_row,
)
from bilat.extract.temporal_calendar import Builder, table
from bilat.extract.wordre import alternation

__all__ = ["patterns"]


def _alt(words: list[str], *, capitalize: bool) -> str:
    return alternation(w.capitalize() if capitalize else w for w in words)


@cache
def patterns() -> tuple[tuple[re.Pattern[str], Builder], ...]:
    # "14 NOV 2025" in a release's header as well ("MAY" is left out: a verb in capitals)
    mon = alternation(
        [m.capitalize() for m in table("months")]
        + [m.upper() for m in table("months") if m != "may"]
    )
    wd = _alt(list(table("weekdays")), capitalize=True)
    num = _alt([*table("cardinals"), *table("ordinals")], capitalize=False)
    season = _alt(list(table("seasons")), capitalize=False)
    y = r"(?:19|20)\d{2}"
    ry = (
        r"(?:(?:the\s+)?(?:last|past|previous|this|current|next|coming)\s+year"
        # (not a predicate: "Last year was supposed to be the year trade settled")
        r"|(?<!\bbe\s)(?<!\bis\s)(?<!\bwas\s)(?<!\bwere\s)(?<!\bbeen\s)"
        # (nor what a part is compared within: "the best month of the year")
        r"(?<!month\sof\s)(?<!week\sof\s)(?<!\bday\sof\s)"
        r"the\s+(?:(?:full|whole|entire)\s+)?year(?!\s+(?:of\s+)?(?:19|20)\d\d)"
        r"|full-year(?!\s+(?:19|20)\d\d)"
        r"|(?<=by\s)year[-\s]end\b)"  # "expects it to reach 210,000 TEU by year-end"
    )
    # a day's year told relative to the report: "on May 8 last year", "8-10 May next year"
    dry = r"(?:last|past|previous|this|next|coming)\s+year"
    dash = r"\s*(?:[-–—]|to|through|until)\s*"
    sfx = r"(?:st|nd|rd|th)?"
    specs: list[tuple[str, Builder, int]] = [
        (rf"\b(?P<y>{y})-(?P<m>\d{{2}})-(?P<d>\d{{2}})\b", b_iso, 0),
        # "On 11.11.2025" (Russian and European releases, their machine translations)
        (rf"(?<![\d.])(?P<d>\d{{1,2}})\.(?P<m>\d{{2}})\.(?P<y>{y})(?![\d.]\d)", b_iso, 0),
        (rf"\b(?P<y>{y})-(?P<m>0[1-9]|1[0-2])\b(?![-–]\d)", b_iso_month, 0),
        (  # "from 24 November to 4 December 2025"
            rf"\b(?:from\s+|between\s+)?(?P<d1>\d{{1,2}}){sfx}\s+(?P<m1>{mon})"
            rf"(?:{dash}|\s+and\s+)(?P<d2>\d{{1,2}}){sfx}\s+(?P<m2>{mon})\b(?:,?\s+(?P<y>{y})\b)?",
            b_month_range,
            0,
        ),
        (  # "from Aug. 1 to Aug. 5", "Nov. 28 – Dec. 2, 2025"
            rf"\b(?:from\s+|between\s+)?(?P<m1>{mon})\.?\s+(?P<d1>\d{{1,2}}){sfx}"
            rf"(?:{dash}|\s+and\s+)(?P<m2>{mon})\.?\s+(?P<d2>\d{{1,2}}){sfx}\b"
            rf"(?:,?\s+(?P<y>{y})\b)?",
            b_month_range,
            0,
        ),
        (
            rf"\b(?P<mon>{mon})\.?\s+(?P<d1>\d{{1,2}}){sfx}{dash}(?P<d2>\d{{1,2}}){sfx}"
            rf"(?:,?\s+(?P<y>{y}|{dry}))?\b",
            b_day_range,
            0,
        ),
        (
            rf"\b(?P<d1>\d{{1,2}}){sfx}{dash}(?P<d2>\d{{1,2}}){sfx}\s+(?P<mon>{mon})\b"
            rf"(?:,?\s+(?P<y>{y}|{dry})\b)?",
            b_day_range,
            0,
        ),
        (
            rf"\b(?P<mon>{mon})\.?\s+(?P<d1>\d{{1,2}}){sfx}\s+and\s+(?P<d2>\d{{1,2}}){sfx}\b"
            rf"(?!\s+(?:{mon}|people|persons|percent|per|of|million|billion|thousand)\b)"
            rf"(?:,?\s+(?P<y>{y}|{dry}))?\b",
            b_two_days,
            0,
        ),
        (
            rf"\b(?P<d1>\d{{1,2}}){sfx}\s+and\s+(?P<d2>\d{{1,2}}){sfx}\s+(?P<mon>{mon})\b"
            rf"(?:,?\s+(?P<y>{y}|{dry})\b)?",
            b_two_days,
            0,
        ),
        (
            rf"\b(?P<mon>{mon})\.?\s+(?P<d>\d{{1,2}}){sfx}\b(?!\s*(?:[-–—.:]\s*\d|%))"
            rf"(?:,?\s+(?P<y>{y}|{dry})\b)?",
            b_day,
            0,
        ),
        (
            rf"\b(?P<d>\d{{1,2}}){sfx}\s+(?:of\s+)?(?P<mon>{mon})\b(?:\.?,?\s+(?P<y>{y}|{dry})\b)?",
            b_day,
            0,
        ),
        (
            # "April-February of 2025-26": the months of a year written across two
            rf"\b(?P<m1>{mon})\.?(?:{dash})(?P<m2>{mon})\b\.?,?\s+(?:of\s+)?"
            rf"(?:(?:FY|fiscal(?:\s+year)?)\s*)?(?P<y1>{y})\s*[-–/]\s*(?P<y2>\d{{2}}|{y})\b",
            b_months_of_split_year,
            0,
        ),
        (
            # "the January-September period of this year" too
            rf"\b(?:from\s+|between\s+)?(?P<m1>{mon})\.?(?:\s+(?P<d1>\d{{1,2}}){sfx})?"
            rf"(?:{dash}|\s+and\s+)(?P<m2>{mon})\b\.?(?:\s+(?P<d2>\d{{1,2}}){sfx}\b)?"
            rf"(?:\.?,?\s+(?:period\s+)?(?:of\s+)?(?P<y>{y}|{ry}))?",
            b_month_range,
            0,
        ),
        (
            rf"\b(?:(?:the\s+)?(?:first\s+(?P<n>{num}|\d{{1,2}})\s+months"
            rf"|(?P<h>first|second)\s+half|(?P<q>first|second|third|fourth)\s+quarter)"
            rf"(?:\s+of)?(?:\s+the)?\s+|H(?P<hs>[12])\s*|Q(?P<qs>[1-4])\s*)"
            rf"(?:(?:fiscal(?:\s+year)?|FY)\s*(?P<y1>{y})\s*[-–/]\s*(?P<y2>\d{{2}}|{y})"
            # "the first half of FY26": India's fiscal year written by the year it ends
            rf"|(?-i:FY)\s?['’]?(?P<fy>\d{{2}})"
            # "in the first half of the fiscal", "the first quarter of this fiscal year": the
            # fiscal year the report is written in
            rf"|(?P<cur>(?<=the\s)|(?:this|the\s+current)\s+)fiscal(?:\s+year)?(?!\s*(?:\d|FY)))"
            rf"\b(?![-–/.]\d)",
            b_fiscal_part,
            re.I,
        ),
        (  # "the fiscal year that ended in March 2025", "fiscal 2023, which ended in March"
            rf"\b(?:(?:the|its|their)\s+)?(?:fiscal|financial)(?:\s+year)?(?:\s+(?P<fy>{y}))?,?\s+"
            rf"(?:which|that)\s+(?:ended|closed)\s+(?:in\s+|on\s+)?(?P<mon>{mon})\b"
            rf"(?:\s+\d{{1,2}}(?!\d))?(?:,?\s+(?P<ey>{y})\b)?",
            b_fiscal_ended,
            re.I,
        ),
        (  # "in the last fiscal year", "this financial year": the one before the report's,
            # or the report's own (GOLD: a range of the two years it spans)
            # (not a part's: "April-December of the current financial year")
            r"(?<!\bof\s)\b(?:in\s+|for\s+|during\s+|over\s+)?the\s+"
            r"(?P<w>last|previous|past|current|next)\s+(?:fiscal|financial)\s+year\b(?!\s*(?:\d|FY))"
            r"|(?<!\bof\s)\b(?P<w2>this|last|next)\s+(?:fiscal|financial)\s+year\b(?!\s*(?:\d|FY))",
            b_fiscal_relative,
            re.I,
        ),
        (  # "in FY24", "FY'25": the fiscal year ending in March of that year (GOLD: a range)
            r"(?<![\w-])(?-i:FY)\s?['’]?(?P<fy>\d{2})\b(?![-–/.]\d)",
            b_fiscal_short,
            re.I,
        ),
        (
            rf"\b(?:(?:the\s+)?first\s+(?P<n>{num}|\d{{1,2}})\s+months\s+of\s+)?(?:the\s+)?"
            r"(?:(?P<w>current|this|last|previous|past|next|coming)\s+)?Iranian\s+"
            r"(?:calendar\s+|fiscal\s+|solar\s+)?year(?:\s+(?P<iy>1[34]\d\d)\b)?"
            rf"(?:,?\s+(?:which|that)\s+(?P<ended>ended|ends|closed)\s+(?:in\s+|on\s+)?"
            rf"(?:(?:March\s+(?:\d{{1,2}},?\s+)?)?(?P<ey>{y})\b|March(?:\s+\d{{1,2}})?\b))?",
            b_iranian_year,
            re.I,
        ),
        (
            rf"\b(?:the\s+)?first\s+(?P<n>{num}|\d{{1,2}})\s+months(?:\s+of\s+(?P<y>{y}|{ry}))?",
            b_first_months,
            re.I,
        ),
        (
            rf"\b(?:the\s+)?first\s+(?P<n>two|three)\s+quarters(?:\s+of\s+(?P<y>{y}|{ry}))?",
            b_first_quarters,
            re.I,
        ),
        (
            # "in the 12 months to June", "the year to March 2025": a rolling span, Commonwealth
            # and financial press
            # ... "in the week to Nov 14" (commodity desks): the month it ends in
            rf"\b(?:the\s+)?(?:(?P<n>{num}|\d{{1,2}})\s+months|(?P<year>year)|(?P<week>week))"
            rf"\s+(?:to|through|"
            # ... "the year ended 31 December 2024", "the nine months ended September 30, 2025"
            # (the day of company reports, before or after the month)
            rf"ending(?:\s+in)?|ended)\s+(?:end[-\s])?(?:\d{{1,2}}\s+)?(?P<mon>{mon})\b"
            rf"(?:\s+\d{{1,2}}\b(?!\s*%))?(?:,?\s+(?P<y>{y}))?",
            b_months_to,
            re.I,
        ),
        (
            rf"\b(?:in|during|over)\s+(?:the\s+)?(?P<n>{num}|\d{{1,2}})\s+months\b(?!\s+(?:of|ago|later|"
            rf"before|after|from|to|time)\b)",
            b_months_so_far,
            re.I,
        ),
        (
            # "amounted to 214 million dollars for 9 months" (machine translation of "за 9
            # месяцев"); not a duration ("suspended for six months")
            rf"\bfor\s+(?:the\s+)?(?P<n>{num}|\d{{1,2}})\s+months\b(?!\s+(?:of|ago|later|"
            rf"before|after|from|to|time|in\s+a\s+row)\b)",
            b_months_told_for,
            re.I,
        ),
        (
            # "results of nine months of 2024" (machine translation of "по итогам девяти
            # месяцев 2024 года")
            rf"\b(?:(?:in|for|over|during|of|after)\s+(?:the\s+)?(?P<n>{num}|\d{{1,2}})\s+months\s+of"
            rf"|(?P<n2>\d{{1,2}})M)\s*(?P<y>{y}|{ry})\b",
            b_first_months,
            re.I,
        ),
        (
            # a company's results told by their span: "a 15% fall in nine-month net profit",
            # "six-month exports of 2025"
            rf"\b(?P<n>{num}|\d{{1,2}})-month(?=\s+(?:net\s+|gross\s+|operating\s+)?"
            r"(?:sales|exports?|imports?|revenues?|profits?|earnings|output|production|shipments"
            r"|deliveries|trade|turnover|results|loss(?:es)?|income|volumes?|supplies)\b)"
            rf"(?:\s+[\w\s]{{0,30}}?\bof\s+(?P<y>{y}))?",
            b_first_months,
            re.I,
        ),
        (
            rf"\b(?:(?:since|from)\s+the\s+(?:beginning|start)\s+of\s+(?:the\s+year|this\s+year"
            rf"|(?P<y>{y}))|so\s+far\s+this\s+year|year[-\s]to[-\s]date)\b",
            b_year_to_date,
            re.I,
        ),
        (
            # ("FY2023-24": the fiscal year's mark glued on)
            rf"(?:\b|(?<=FY))(?P<y1>{y})\s*(?:[-–/]\s*(?P<yy>\d{{2}})|/(?P<y2>{y}))\b(?![-–/.,]?\d)"
            rf"(?:(?:\s+[a-z]+){{0,2}},?\s+(?:which|that)\s+(?:ended|ends|closed)\s+(?:in\s+)?"
            rf"(?P<mon>{mon})\b)?",
            b_split_year,
            0,
        ),
        (
            # not "the second half of July": that month
            rf"\b(?:the\s+)?(?P<h>first|second)[\s-]+half(?!\s+of\s+(?:{mon})\b)(?:\s+of)?"
            rf"(?:\s+(?P<y>{y}|{ry}))?",
            b_half,
            re.I,
        ),
        (rf"\b(?:H(?P<h>[12])\s*(?P<y>{y})|(?P<y2>{y})\s*H(?P<h2>[12]))\b", b_h_short, 0),
        (
            rf"\b(?:the\s+)?(?P<q>first|second|third|fourth)[\s-]+quarter(?:\s+of)?"
            rf"(?:\s+(?P<y>{y}|{ry}))?",
            b_quarter,
            re.I,
        ),
        (rf"\bQ(?P<q>[1-4])(?:\s*(?P<y>{y}))?\b", b_quarter, 0),
        # a company's quarter by its last month: "for the quarter ended Oct. 27", "its
        # September quarter", "the quarter ending December 30, 2022"
        (
            rf"\b(?:the\s+)?(?:three\s+months|quarter)\s+(?:ended|ending|to)\s+(?P<mon>{mon})\.?"
            rf"(?:\s+\d{{1,2}})?(?:,?\s+(?P<y>{y}))?\b"
            rf"|\b(?P<mon2>{mon})(?:\s+(?P<y2>{y}))?\s+quarter\b",
            b_quarter_ended,
            0,
        ),
        (rf"\b(?P<mon>{mon})\b\.?,?\s+(?:of\s+)?(?P<y>{y}|{ry})\b", b_month, 0),
        (  # "during her April visit to the PRC", "Putin's May trip": the month names a contact
            rf"(?:\b(?i:his|her|their|its|the|a|an)|['’]s)\s+(?P<mon>{mon})"
            r"(?=\s+(?:(?:state|official|working|two-day|three-day|[a-z]+al)\s+)?"
            r"(?:visit|trip|talks|summit|meeting|phone\s+call|call|videoconference|tour)s?\b)",
            b_month_kw,
            0,
        ),
        (
            rf"\b(?i:in|since|by|until|of|for|during|from|last|this|next|early|late|mid-)\s+"
            rf"(?:(?:early|late|mid-?)\s*)?(?P<mon>{mon})\b(?!\s*\d)",
            b_month_kw,
            0,
        ),
        (
            rf"\b(?:from\s+|between\s+)?(?P<y1>{y})(?:{dash}|\s+and\s+)(?P<y2>{y})\b",
            b_year_range,
            0,
        ),
        (rf"\b(?P<y>{ry})\b(?!\s+(?:earlier|ago|before|later))", b_year, re.I),
        (r"\b(?P<w>last|past|previous|this|next)\s+month\b", b_rel_month, re.I),
        # "visited Russia at the start of the month", "at the end of the month": this month
        (
            r"\b(?:start|beginning|end|middle)\s+of\s+(?P<w>the)\s+month\b(?!\s+of\b)",
            b_rel_month,
            re.I,
        ),
        (r"\b(?P<w>last|past|previous|this|next)\s+week\b", b_rel_week, re.I),
        (
            rf"\b(?:comes?|came)\s+(?:(?:just|only|about|around|roughly|nearly|almost|some|barely)"
            rf"\s+)?(?P<n>an?|{num}|\d{{1,2}})\s+"
            rf"(?P<u>days?|weeks?|months?)\s+after\b",
            b_comes_after,
            re.I,
        ),
        (
            rf"\b(?P<n>an?|{num}|\d{{1,2}})\s+(?P<u>years?|months?|weeks?|days?)\s+ago\b",
            b_ago,
            re.I,
        ),
        (
            r"\b(?P<w>the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)|yesterday|today|tomorrow)\b",
            b_rel_day,
            re.I,
        ),
        # "after the meeting of the commission held the day before": the day before the report
        # (a sentence's opening "The day before" is the day before the event told last:
        # bilat.extract.events)
        (
            r"\b(?:held|which\s+(?:took\s+place|was\s+held)|that\s+(?:took\s+place|was\s+held))"
            r"\s+(?P<w>the\s+day\s+before)\b(?!\s+(?:yesterday|the|a|an|his|her|their)\b)",
            b_rel_day,
            re.I,
        ),
        # "held talks earlier in the day", "will meet later in the day": the day reported
        (r"\b(?:earlier|later)\s+(?:in\s+)?(?P<w>)(?:the|that)\s+day\b", b_rel_day, re.I),
        # "this afternoon I had detailed talks with ...": the day reported
        (r"\bthis\s+(?P<w>)(?:morning|afternoon|evening)\b", b_rel_day, re.I),
        (
            # "from 18th to 20th" (Chinese "18日至20日" translated): that span of the month
            r"\bfrom\s+(?:the\s+)?(?P<d>3[01]|[12]\d|[1-9])(?:st|nd|rd|th)\s+(?:to|until|through)\s+"
            r"(?:the\s+)?(?P<d2>3[01]|[12]\d|[1-9])(?:st|nd|rd|th)\b(?!\s+(?:of|anniversary|century)\b)",
            b_days_of_month,
            re.I,
        ),
        (
            # "On the 15th", and in machine translation "On 10th", "On afternoon of 19th"
            r"\b(?:on|from)\s+(?:the\s+)?(?:(?:morning|afternoon|evening|night)\s+of\s+(?:the\s+)?)?"
            r"(?P<d>3[01]|[12]\d|[1-9])(?:st|nd|rd|th)\b"
            r"(?!\s+(?:of|anniversary|century|meeting|session|round|edition|time|plenary|day|place)\b)"
            # an ordinal before a word is of that word ("on the 23rd annual summit", "on the
            # 5th joint patrol"), not a day (not "On the 15th the ministers met")
            r"(?!\s+(?!(?:the|he|she|they|we|it|in|at|with|and|when|both|there|was|were|is|are|will"
            r"|would|had|has|have|did|to|for|but|as)\b)[a-z])",
            b_day_of_month,
            re.I,
        ),
        (
            r"\b(?:in|within|over) the (?:coming|next|following) (?:few )?(?:days|weeks)\b",
            b_soon,
            re.I,
        ),
        # "Last Thursday, the minister held ...": a sentence's first word too
        # "an official visit that runs from Sunday to Tuesday"
        (
            rf"\b(?i:from)\s+(?P<wd1>{wd})\s+(?i:to|until|through|till)\s+(?P<wd2>{wd})\b",
            b_weekday_span,
            0,
        ),
        (rf"\b(?:(?P<w>(?i:last|next|this))\s+|(?i:on)\s+)?(?P<wd>{wd})\b", b_weekday, 0),
        (
            rf"\b(?:(?:the|in)\s+|(?P<w>last|next|this)\s+)(?P<s>{season})\b"
            # (not "the winter 2025/26 schedule": a season across two years, a year range)
            rf"(?:\s+(?:of\s+)?(?P<y>{y})\b(?![/–-]\d))?(?!\s+{y}[/–-]\d)",
            b_season,
            re.I,
        ),
        (
            rf"\bfor\s+(?:the\s+)?(?:(?:past|last)\s+)?(?P<n>{num}|\d{{1,2}})\s+"
            rf"(?:(?:consecutive|straight|successive)\s+years|years\s+(?:in\s+a\s+row|running))\b",
            b_years_in_a_row,
            re.I,
        ),
        (
            rf"\b(?:over|in|during|for)\s+the\s+(?:past|last)\s+(?:(?P<n>{num}|\d{{1,2}})\s+)?"
            rf"(?P<unit>years|decades?)\b",
            b_past_span,
            re.I,
        ),
        (
            rf"(?<![\d$€£¥.,#/-])\b(?P<y>{y})\b(?![-–]\d|\s*%|[.,]\d|\s*(?:bn|billion|million))",
            b_year,
            0,
        ),
    ]
    return tuple((re.compile(p, flags), b) for p, b, flags in specs)
