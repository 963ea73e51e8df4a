"""Figures whose kind, rate or period the words next to them settle: a verb of direction right
before a percentage ("falling 9.5%", not "made up about 45% of"), "an annual capacity of
150,000 vehicles", "nearly double the figure", a forecast for the coming quarter ("expects
... to fall about 2% in the July-September quarter"), and "A year earlier" / "Годом ранее"
after a year's figure (the year before that one); a translated "for 9 months" (the period,
not a count, unless the months are how long something lasted); "14 NOV 2025" in capitals."""

from __future__ import annotations

from typing import Any

from tests.conftest import extract_text


def _figures(text: str, published: str) -> list[Any]:
    return list(extract_text(text, published).figures)


def _of(figures: list[Any], value: float) -> Any:
    (found,) = [f for f in figures if abs(abs(f.value) - value) <= value * 0.01]
    return found


def test_a_verb_of_direction_right_before_a_percentage_makes_it_a_change() -> None:
    figures = _figures(
        "Brazil's exports to China fell 3.2% in January-May. Soybeans accounted for most of "
        "the decline, dropping 11.4% over the period. Iron ore made up about 45% of the "
        "total.",
        "2026-06-08",
    )
    assert (_of(figures, 11.4).kind, _of(figures, 11.4).value) == ("change", -11.4)
    assert (_of(figures, 45).kind, _of(figures, 45).value) == ("share", 45)


def test_an_annual_capacity_counts_per_year() -> None:
    figures = _figures(
        "Chery's $600 million plant near Kaluga will have an annual capacity of 120,000 cars.",
        "2026-02-02",
    )
    assert _of(figures, 120000).per == "year"


def test_nearly_double_the_figure_is_a_rise_of_at_most_100_percent() -> None:
    figures = _figures(
        "More than 310,000 Chinese tourists visited Kazakhstan in January-June, nearly "
        "double the figure for the same period of 2025, the tourism committee said.",
        "2026-07-20",
    )
    rise = _of(figures, 100)
    assert (rise.kind, rise.qualifier, rise.period) == ("change", "at_most", "2026-H1")


def test_a_forecast_for_the_coming_quarter_is_of_that_quarter() -> None:
    figures = _figures(
        "Oleg Kuzmin, chief economist at Renaissance Capital, expects Russian exports to India "
        "to fall about 4% in the October-December quarter.",
        "2026-08-14",
    )
    fall = _of(figures, 4)
    assert (fall.value, fall.period, fall.said_by) == (-4, "2026-Q4", "Oleg Kuzmin")


def test_a_year_earlier_is_the_year_before_the_period_told_last() -> None:
    english = _figures(
        "Trade between Egypt and Russia grew 12% to $9.1 billion in 2024. A year earlier, it "
        "stood at $8.1 billion.",
        "2025-05-20",
    )
    assert _of(english, 8.1e9).period == "2023"
    russian = _figures(
        "Товарооборот России и Ирана по итогам 2024 года вырос на 16%, до $4,8 млрд. Годом "
        "ранее, по словам посла, взаимная торговля превышала $4,5 млрд.",
        "2025-04-10",
    )
    earlier = _of(russian, 4.5e9)
    assert (earlier.period, earlier.qualifier) == ("2023", "at_least")


def test_the_same_eight_months_are_the_span_told_before_a_chart_line() -> None:
    figures = _figures(
        "China's exports to Russia fell 15.7% year on year in March, and in January-August "
        "they were down 2.1% at $73.4 billion, customs data showed.\n\n(CHART: China's exports "
        "to Russia slumped to $7.9 billion in March)\n\nImports from Russia rose 3.3% to $86.2 "
        "billion over the same eight months.",
        "2024-09-10",
    )
    assert _of(figures, 86.2e9).period == "2024-01..2024-08"


def test_a_date_after_after_is_the_cause_not_the_period() -> None:
    figures = _figures(
        "Trade dropped to $52.6 billion last year. Turkish exports to Russia were hit hardest, "
        "falling 24% to $8.6 billion after Washington threatened in December 2023 to cut off "
        "foreign banks, the exporters' assembly said.",
        "2025-02-10",
    )
    assert (_of(figures, 24).period, _of(figures, 8.6e9).period) == ("2024", "2024")


def test_a_fee_in_percent_is_a_level() -> None:
    figures = _figures(
        "Some Russian importers of Chinese goods now pay fees of up to 3% per transaction.",
        "2024-09-10",
    )
    assert (_of(figures, 3).kind, _of(figures, 3).qualifier) == ("amount", "at_most")


def test_a_norm_of_how_often_is_a_commitment_and_the_two_parliaments_no_count() -> None:
    result = extract_text(
        "Мы тогда договорились, что профильные комитеты двух парламентов будут встречаться не "
        "реже двух раз в год.",
        "2025-07-14",
    )
    (norm,) = result.commitments
    assert (norm.relation, norm.value, norm.unit, norm.per) == (">=", 2, "count", "year")
    assert [f.value for f in result.figures] == []


def test_an_increase_to_a_level_by_a_year_is_a_target() -> None:
    result = extract_text(
        "«Газпром» и QazaqGaz обсуждают увеличение поставок российского газа в северные "
        "регионы республики до 10 млрд куб. м в год к 2030 году, рассказал источник.",
        "2025-10-13",
    )
    (target,) = result.commitments
    assert (target.value, target.unit, target.per, target.deadline) == (1e10, "m3", "year", "2030")


def test_a_number_whose_noun_a_coordinated_clause_leaves_out_counts_it() -> None:
    figures = _figures(
        "In the first half of 2025, 139,400 tourists entered Russia from China and 175,000 - "
        "from Russia to China, the deputy prime minister said.",
        "2025-08-01",
    )
    assert _of(figures, 175000).period == "2025-H1"


def test_a_title_number_the_body_sets_as_a_target_is_no_figure() -> None:
    result = extract_text(
        "Россия и Китай договорились увеличить пропуск грузовиков через границу до 6 тыс. в "
        "сутки\n\nМОСКВА, 12 марта. Россия и Китай договорились довести пропускную способность "
        "автомобильных пунктов пропуска до 6 тыс. грузовиков в сутки к 2028 году.",
        "2026-03-12",
    )
    assert [f.value for f in result.figures if f.value == 6000] == []
    assert [(c.value, c.per, c.deadline) for c in result.commitments] == [(6000, "day", "2028")]


def test_a_translated_for_nine_months_is_the_period_and_no_count() -> None:
    figures = _figures(
        "Translation. The trade turnover of the Pskov region with Belarus amounted to 96 "
        "million dollars for 9 months, the governor said.",
        "2026-11-03",
    )
    assert [f.value for f in figures] == [96_000_000]
    assert figures[0].period == "2026-01..2026-09"


def test_months_something_lasted_are_no_period() -> None:
    figures = _figures(
        "Trade between Russia and Belarus fell to $5 billion as the border was closed for six "
        "months, customs said.",
        "2026-11-03",
    )
    assert _of(figures, 5e9).period != "2026-01..2026-06"


def test_a_release_header_in_capitals_is_a_date_not_a_count() -> None:
    figures = _figures(
        "Posted On: 21 OCT 2026 6:15PM by PIB Delhi\n\nIndia-Russia trade reached USD 70.1 "
        "billion in 2025, the Ministry of Commerce said.",
        "2026-10-21",
    )
    assert [f.value for f in figures] == [70.1e9]


def test_pc_after_a_number_is_percent() -> None:
    figures = _figures(
        "ISLAMABAD: Pakistan's exports to Russia rose 6.4pc to $171 million in July-October, "
        "while imports fell 2.2 pc.",
        "2026-11-20",
    )
    rise = _of(figures, 6.4)
    assert (rise.kind, rise.unit, rise.value) == ("change", "percent", 6.4)
    assert _of(figures, 2.2).value == -2.2


def test_a_russian_year_written_as_an_ordinal_is_the_period() -> None:
    figures = _figures(
        "Товарооборот России и Турции в 2023 году составил $57 млрд, а в 2024-м — $52 млрд.",
        "2025-03-02",
    )
    assert _of(figures, 52e9).period == "2024"
    assert _of(figures, 57e9).period == "2023"


def test_twice_more_than_a_year_earlier_is_a_doubling() -> None:
    figures = _figures(
        "Translation. Exports of Amur soybeans to China reached 300 thousand tons in 2025, "
        "which is twice more than year earlier.",
        "2026-01-20",
    )
    assert (_of(figures, 100).kind, _of(figures, 100).unit) == ("change", "percent")


def test_a_level_told_with_reaching_after_a_met_target_is_a_figure() -> None:
    result = extract_text(
        "Brazil and China agreed in 2023 to raise bilateral trade to $200 billion by 2030. "
        "Officials said on Monday the target had been met early, with two-way trade reaching "
        "$204.5 billion in 2025.",
        "2026-03-10",
    )
    assert [c.value for c in result.commitments] == [200e9]
    assert _of(list(result.figures), 204.5e9).period == "2025"


def test_the_number_of_something_at_a_bare_level_is_a_count() -> None:
    figures = _figures(
        "ALMATY - Last year the number of container trains between Kazakhstan and China "
        "reached 9,400, the railway said.",
        "2026-01-12",
    )
    count = _of(figures, 9400)
    assert (count.unit, count.period) == ("count", "2025")


def test_one_and_a_half_hours_is_ninety_minutes_in_russian_and_english() -> None:
    ru = _figures(
        "Сейчас на оформление грузовика на границе России и Казахстана уходит в среднем "
        "полтора часа, а раньше уходило три часа.",
        "2026-03-10",
    )
    assert sorted((f.value, f.unit) for f in ru) == [(3.0, "hour"), (90.0, "minute")]
    en = _figures(
        "Clearing a truck at the Russia-Kazakhstan border now takes 2.5 hours on average.",
        "2026-03-10",
    )
    assert [(f.value, f.unit) for f in en] == [(150.0, "minute")]


def test_a_change_told_as_a_noun_after_a_share_of_the_total_is_a_change() -> None:
    figures = _figures(
        "Kazakhstan's trade with Russia came to $19.2 billion in 2025, or 23.5 percent of the "
        "total, a decrease of 4.2 percent; exports rose to $3.1 billion, an increase of 6 "
        "percent.",
        "2026-02-10",
    )
    assert (_of(figures, 23.5).kind, _of(figures, 23.5).value) == ("share", 23.5)
    assert (_of(figures, 4.2).kind, _of(figures, 4.2).value) == ("change", -4.2)
    assert (_of(figures, 6).kind, _of(figures, 6).value) == ("change", 6)


def test_a_release_dates_each_level_by_the_period_its_change_measures() -> None:
    """A statistics release states its period once, then lists levels with their changes:
    each level is of the period its change is given; a month told 'alone' is that
    sentence's only."""
    figures = _figures(
        "HANOI, October 9. The customs department published trade data for January-September "
        "2025.\n\nExports to Russia. Shipments to Russia totalled USD 1.9 billion, up 8.3 "
        "percent. Seafood: 61,000 tonnes, up 4 percent, worth USD 0.3 billion. In September "
        "alone, seafood shipments were 7,500 tonnes. Coffee: 38,000 tonnes, up 2 percent.",
        "2025-10-09",
    )
    nine_months = "2025-01..2025-09"
    for value in (1.9e9, 8.3, 61_000, 3e8, 38_000):
        assert _of(figures, value).period == nine_months, value
    assert _of(figures, 7_500).period == "2025-09..2025-09"


def test_a_record_since_a_year_leaves_the_period_of_the_report() -> None:
    """'its first annual decline since 2020' names a reference year, not the period the next
    paragraphs carry; 'over the period' in a new paragraph is the period told before."""
    figures = _figures(
        "ASTANA, Dec 9 (Reuters) - Trade between Kazakhstan and China fell in the first 11 "
        "months of the year, customs data showed, its first annual decline since 2019.\n\n"
        "Kazakh exports to China dropped 6.1% to $14.2 billion.\n\n"
        "China accounted for almost 30 per cent of Kazakhstan's foreign trade over the period.",
        "2025-12-09",
    )
    for value in (6.1, 14.2e9, 30):
        assert _of(figures, value).period == "2025-01..2025-11", value


def test_a_level_after_a_change_counts_what_the_clause_named() -> None:
    figures = _figures(
        "HANOI, Jan 9. Indian tourist arrivals in Vietnam rose 31% last year to about 412,000. "
        "The call came six months after the minister's visit to New Delhi.",
        "2025-01-09",
    )
    assert {(f.kind, f.value, f.period) for f in figures} == {
        ("change", 31, "2024"),
        ("amount", 412_000, "2024"),
    }


def test_since_a_launch_year_is_the_span_to_the_report() -> None:
    figures = _figures(
        "ISLAMABAD, Nov 19. Chinese investment in the Gwadar port had reached $3.1 billion "
        "since the project was launched in 2016, the minister said.",
        "2025-11-19",
    )
    assert _of(figures, 3.1e9).period == "2016..2025"


def test_a_level_a_year_earlier_of_the_period_carried_and_forints_no_count() -> None:
    figures = _figures(
        "BUDAPEST, March 9. China's trade with Hungary in January-February fell 11%. Bilateral "
        "trade came to $3.6bn, down from $4.1bn a year earlier. The government will grant a "
        "subsidy of 82 billion forints (about €210 million).",
        "2031-03-09",
    )
    assert _of(figures, 3.6e9).period == "2031-01..2031-02"
    assert _of(figures, 4.1e9).period == "2030-01..2030-02"
    assert not [f for f in figures if f.unit == "count"]  # forints are money, not a count


def test_total_trade_between_the_two_countries_is_their_turnover() -> None:
    figures = _figures(
        "BEIJING, Dec 8 (Reuters) - Trade between China and Kazakhstan rose in the first 11 "
        "months.\n\nTotal trade between the two countries came to $40.2 billion, according to "
        "customs data.",
        "2031-12-08",
    )
    assert _of(figures, 40.2e9).measure == "trade_turnover"


def test_trade_press_scales_on_physical_units_and_a_currency_after_a_scale() -> None:
    """'8.47 million mt' is metric tons (alone 'mt' is million tonnes), '1.31m bpd' is 1.31
    million barrels a day, and '3.1 trillion won' a sum in won, no count and no dollars."""
    figures = _figures(
        "China's coal imports from Russia reached 9.6 million mt in September, and its crude "
        "imports averaged 2.1m b/d. Korean investment in Russia fell to 3.1 trillion won "
        "($2.2 billion).",
        "2031-10-20",
    )
    assert _of(figures, 9.6e6).unit == "t"
    crude = _of(figures, 2.1e6 * 0.158987)
    assert (crude.unit, crude.per) == ("m3", "day")
    assert [f.value for f in figures if f.value >= 1e12] == []
    assert [f.unit for f in figures if f.unit in ("USD", "count")] == ["USD"]


def test_a_russian_wires_abbreviated_dateline_is_a_date_not_a_count() -> None:
    figures = _figures(
        "МОСКВА, 17 ноя — ПРАЙМ. Товарооборот России и Монголии за девять месяцев вырос на 6%.",
        "2031-11-17",
    )
    assert [(f.kind, f.value) for f in figures] == [("change", 6.0)]


def test_the_iranian_year_that_ended_is_the_one_before_the_current() -> None:
    figures = _figures(
        "TEHRAN, May 5. Iran's non-oil exports to China totalled $14.2 billion in the Iranian "
        "year that ended on March 20, customs said.",
        "2031-05-05",
    )
    assert _of(figures, 14.2e9).period == "2030-03..2031-03"


def test_a_rolling_span_hyphenated_scales_and_over_the_quarter() -> None:
    """'in the 12 months to June' is July to June (not a count of 12); 'R88.2-billion
    ($4.9-billion)' is the dollar figure; 'Over the first quarter' is the span, not a
    baseline ('up 5% over 2030' is)."""
    figures = _figures(
        "Kenya's exports to China rose by 4.1% to KSh88.2-billion ($0.68-billion) in the 12 "
        "months to June. Over the first quarter, the two countries' trade rose 6% to "
        "$1.9-billion.",
        "2031-08-18",
    )
    assert _of(figures, 4.1).period == "2030-07..2031-06"
    assert _of(figures, 0.68e9).period == "2030-07..2031-06"
    assert _of(figures, 1.9e9).period == "2031-Q1"
    assert [f for f in figures if f.unit == "count"] == []


def test_a_counted_level_with_its_time_after_it() -> None:
    """'The number of Russian tourists visiting Egypt rose to 1.9 million last year' and
    'reached 172,400 in the first quarter': the time after the number stands where a full
    stop would (the count was dropped)."""
    figures = _figures(
        "The number of Chinese students in Russia rose to 66,000 last year. The number of "
        "Russian tourists visiting Vietnam reached 172,400 in the first quarter.",
        "2031-05-10",
    )
    assert (_of(figures, 66000).unit, _of(figures, 66000).period) == ("count", "2030")
    assert (_of(figures, 172400).unit, _of(figures, 172400).period) == ("count", "2031-Q1")


def test_a_headlines_present_tense_verb_makes_a_percentage_a_change() -> None:
    (fall,) = _figures("China's trade with Kazakhstan slides 4.1% in Jan-Aug", "2026-09-08")
    assert (fall.kind, fall.value, fall.period) == ("change", -4.1, "2026-01..2026-08")


def test_the_months_of_the_report_and_a_level_expected_by_year_end() -> None:
    """'in the nine months' is the part of the year reported, whatever else the sentence
    expects; a level expected 'by year-end' is a figure of this year; a level by a later
    year stays a target."""
    figures = _figures(
        "The Altynkol dry port handled 96,000 TEU in the nine months, said its director, who "
        "expects throughput to reach 130,000 TEU by year-end. Shipments are expected to reach "
        "300,000 TEU by 2030.",
        "2026-10-12",
    )
    assert {(f.value, f.period) for f in figures} == {
        (96_000, "2026-01..2026-09"),
        (130_000, "2026"),
    }


def test_a_value_told_aside_for_another_period_is_that_periods_and_dates_nothing_else() -> None:
    figures = _figures(
        "In January-June 2025, Uzbekistan's foreign trade reached $33.2 billion.\n\n"
        "Russia's share of the total was 17.4% (in January-June 2024 - 15.9%).\n\n"
        "Exports to Russia fell by 3.1% to $1.8 billion.",
        "2025-07-25",
    )
    assert _of(figures, 15.9).period == "2024-H1"  # January-June is a half (as golds write it)
    assert _of(figures, 3.1).period == "2025-H1"
    assert _of(figures, 1.8e9).period == "2025-H1"


def test_russian_level_comparisons_barrels_and_issue_numbers() -> None:
    """'на 3,1% ниже уровня июля-сентября прошлого года': a fall against that span (not its
    period); 'рекордных $68,2 млрд годом ранее': the year before; 'млн барр. в сутки':
    barrels; 'Газета №129': an issue number, no count."""
    figures = _figures(
        "Газета «Вестник» №129 от 20.10.2031\n\n"
        "По итогам третьего квартала товарооборот России и Китая составил $55 млрд, что на "
        "3,1% ниже уровня июля-сентября прошлого года. По итогам 2030 г. товарооборот России "
        "и Турции составил $57 млрд против рекордных $68,2 млрд годом ранее. В пересчете "
        "поставки нефти в Китай составили около 2,17 млн барр. в сутки.",
        "2031-10-20",
    )
    fall = _of(figures, 3.1)
    assert (fall.value, fall.period) == (-3.1, "2031-Q3")
    assert _of(figures, 68.2e9).period == "2029"
    assert (_of(figures, 2.17e6 * 0.158987).unit, _of(figures, 2.17e6 * 0.158987).per) == (
        "m3",
        "day",
    )
    assert not [f for f in figures if f.value == 129]


def test_million_barrels_a_day_a_revision_up_and_the_base_of_a_fall() -> None:
    """'1.07 mb/d in February from 1.26 mb/d in January' (millions of barrels a day, each in
    its month); 'revised its November figure up to $19.4 billion' (the verb's 'up', no
    qualifier); 'down 6.9% from the record $244.8 billion of 2024' (2024 is the base's)."""
    figures = _figures(
        "Russia-China trade fell in 2031 for the first time in years. Seaborne arrivals of "
        "Russian crude in China dropped to 1.07 mb/d in December from 1.26 mb/d in November. "
        "Customs also revised its trade figure up to $19.4 billion from a preliminary $19.0 "
        "billion. Bilateral trade amounted to $228.1 billion in 2031, down 6.9% from the "
        "record $244.8 billion of 2030.",
        "2032-02-10",
    )
    arrivals = {(round(f.value), f.per, f.period) for f in figures if f.unit == "m3"}
    assert arrivals == {
        (170116, "day", "2031-12..2031-12"),
        (200324, "day", "2031-11..2031-11"),
    }
    assert _of(figures, 19.4e9).qualifier == "exact"
    assert (_of(figures, 6.9).kind, _of(figures, 6.9).period) == ("change", "2031")
    assert _of(figures, 244.8e9).period == "2030"


def test_a_clause_set_last_year_and_a_count_of_cars_in_a_report_on_roubles() -> None:
    """'a slowdown from last year, when turnover jumped 26.3% to $240.1bn': last year's;
    'exported about 1.17 million cars' after a sum in roubles counts cars."""
    figures = _figures(
        "Russia-China trade grew 5.1% in the first quarter. That is a sharp slowdown from "
        "last year, when turnover jumped 26.3% to a record $240.1bn. Russia raised its "
        "recycling fee to 667,400 roubles. China exported about 1.17 million cars to Russia "
        "last year.",
        "2031-04-22",
    )
    assert {_of(figures, 26.3).period, _of(figures, 240.1e9).period} == {"2030"}
    assert _of(figures, 1.17e6).unit == "count"


def test_a_count_whose_noun_has_modifiers_after_a_sum_in_yuan() -> None:
    """'2.1 million entry and exit passengers' after '16.4 billion yuan' counts passengers;
    '129.3 billion' after a verb of amount and a sum in yuan is yuan."""
    figures = _figures(
        "In the first 11 months of this year, the province's trade with Laos was 16.4 billion "
        "yuan, up 23.6%, and the border port recorded 2.1 million entry and exit passengers. "
        "Exports rose to 115.5 billion yuan, while imports reached about 129.3 billion.",
        "2031-12-12",
    )
    assert _of(figures, 2.1e6).unit == "count"
    assert _of(figures, 129.3e9).unit == "CNY"


def test_a_sum_since_an_event_told_by_its_year_runs_to_the_report() -> None:
    """'more than RUB 26 billion since the refrigerator plant opened in 2016' (published in
    2031): 2016..2031, as 'since 2016' is."""
    figures = _figures(
        "Investment in the expansion amounted to RUB 3.2 billion, bringing total investment "
        "in the park to more than RUB 26 billion since the refrigerator plant opened in 2016.",
        "2031-09-14",
    )
    assert _of(figures, 26e9).period == "2016..2031"


def test_a_multiple_of_the_same_period_translated_word_for_word() -> None:
    """'1.3 times of the same period last year' (是去年同期的1.3倍) is a level 30% higher."""
    figures = _figures(
        "From January to April this year, the border port handled 6.35 million tons of "
        "freight, 1.3 times of the same period last year.",
        "2031-05-16",
    )
    assert (_of(figures, 30).kind, _of(figures, 30).period) == ("change", "2031-01..2031-04")


def test_an_annual_capacity_raised_by_an_amount_is_a_rate() -> None:
    """'raise the port's annual transport capacity by about 30 million tons': 30 Mt a year;
    'Annual trade grew to 5 million tons in 2024' is that year's amount."""
    figures = _figures(
        "When completed, the railway will raise the port's annual transport capacity by about "
        "30 million tons. Annual trade grew to 5 million tons in 2031.",
        "2031-05-16",
    )
    assert (_of(figures, 30e6).unit, _of(figures, 30e6).per) == ("t", "year")
    assert (_of(figures, 5e6).per, _of(figures, 5e6).period) == (None, "2031")


def test_chinese_scale_words_translated_word_for_word() -> None:
    """Machine translation of 亿 and 万: '1783.6 100 million yuan' is 178.36 billion yuan,
    '36.5 10,000 tons' 365,000 t; 'In 2031 10,000 tourists' is no scaled year."""
    figures = _figures(
        "Russia and China trade grew. From January to October this year, the province's "
        "import and export to Russia reached 1783.6 100 million yuan. Amur State exported "
        "36.5 10,000 tons of soybeans to China. In 2031 10,000 Chinese tourists visited Russia.",
        "2031-11-16",
    )
    assert _of(figures, 178.36e9).unit == "CNY"
    assert _of(figures, 365_000).unit == "t"
    assert not [f for f in figures if f.value >= 2e7 and f.unit == "count"]


def test_an_ordinal_before_a_noun_is_no_fraction_and_half_a_million_is_500000() -> None:
    """'a third country', 'a third term' are no 33.3%; 'cut by around a third while repairs
    are carried out' and 'a fifth of its exports' are; 'half a million cars' is 500,000."""
    from bilat.extract.numbers import find_quantities

    def read(text: str) -> list[tuple[float, str]]:
        return [(q.value, q.unit) for q in find_quantities(text)]

    assert read("An FTA with a third country has to be terminated.") == []
    assert read("Weeks after Xi secured a third term.") == []
    assert read("Flows could be cut by around a third while repairs are carried out.") == [
        (33.3, "percent")
    ]
    assert read("roughly a fifth of its total car exports") == [(20.0, "percent")]
    assert read("Dealers are sitting on about half a million unsold cars.") == [
        (500_000.0, "count")
    ]


def test_the_level_a_fall_is_measured_from_is_named_by_its_noun() -> None:
    """'down 6.9 percent from the record of 2030': the fall is the year's, 2030 the base's."""
    figures = _figures(
        "Russia-China trade in 2031 came to $228.1 billion, down 6.9 percent from the record "
        "of 2030.",
        "2032-02-10",
    )
    assert (_of(figures, 6.9).kind, _of(figures, 6.9).period) == ("change", "2031")


def test_a_count_since_a_month_runs_to_the_report_or_to_the_end_told() -> None:
    """'since 10 June 2022 ... more than 160,000 trucks have used it': from that month to the
    report's; '... had crossed it by the end of 2024': to the end told; 'the highest since
    March 2023' is no span."""
    figures = _figures(
        "More than 160,000 trucks have used the crossing since it opened on 10 June 2029. "
        "Since the ferry opened in November 2028, a cumulative 7.6 million tonnes had crossed "
        "by the end of 2030. In May exports were 2 million tonnes, the highest since March "
        "2029.",
        "2031-07-24",
    )
    assert _of(figures, 160_000).period == "2029-06..2031-07"
    assert _of(figures, 7_600_000).period == "2028-11..2030-12"
    assert _of(figures, 2_000_000).period != "2029-03..2031-07"


def test_a_cargos_month_is_the_next_such_month() -> None:
    """'cargoes for April arrival were offered at a premium', reported in March: next April,
    though the sentence is told in the past; 'In February' stays this year's February."""
    figures = _figures(
        "Cargoes for April arrival were offered at a premium of about $1.50 per barrel to "
        "Brent. In February, 16.8 million tons were shipped.",
        "2031-03-21",
    )
    assert _of(figures, 1.5).period == "2031-04..2031-04"
    assert _of(figures, 16_800_000).period == "2031-02..2031-02"


def test_a_clause_opening_over_a_year_is_the_figures_period() -> None:
    figures = extract_text(
        "Mongolian citizens are travelling more. Over 2024, they made 1.1 million trips to "
        "China, the ministry said, a rise of 9% over 2023.",
        "2025-04-01",
    ).figures
    assert {(f.value, f.period) for f in figures} == {(1.1e6, "2024"), (9.0, "2024")}


def test_a_russian_year_named_in_apposition_bounds_the_months() -> None:
    (figure,) = extract_text(
        "Товарооборот Монголии и Китая за девять месяцев прошлого, 2024 года вырос на 12%.",
        "2025-02-10",
    ).figures
    assert (figure.value, figure.period) == (12.0, "2024-01..2024-09")


def test_a_price_a_month_earlier_is_of_the_month_before_unless_told_then() -> None:
    """'$4.10/bl in the week to 28 November, against $2.40/bl a month earlier': October; a
    span is no month to shift, and 'reported a month ago' dates the report, not the span."""
    figures = _figures(
        "ESPO Blend was assessed at a $4.10/bl discount to Dubai in the week to 28 November, "
        "against $2.40/bl a month earlier. Customs revised the January-October total to "
        "$21.5bn from the $21.1bn reported a month ago.",
        "2027-12-02",
    )
    assert _of(figures, 4.1).period == "2027-11..2027-11"
    assert _of(figures, 2.4).period == "2027-10..2027-10"
    assert _of(figures, 21.1e9).period == "2027-01..2027-10"


def test_a_timelines_bullet_is_read_in_its_headings_year() -> None:
    """'2029' on a line of its own, then '- The fiscal year that ended on March 31 brings
    trade of $41.2 bln': that fiscal year is 2028-29, not the last one before the report; a
    line with its own year is read in it."""
    figures = _figures(
        "Key dates in Indonesia-Japan trade\n\n"
        "2029\n"
        "- The fiscal year that ended on March 31 brings bilateral trade of $41.2 bln.\n"
        "- June 2. Japan opens a trade office in Surabaya.\n\n"
        "2031\n"
        "- Bilateral trade reaches $47.5 bln in the first half of the year.",
        "2031-11-20",
    )
    assert _of(figures, 41.2e9).period == "2028..2029"
    assert _of(figures, 47.5e9).period == "2031-H1"


def test_ships_as_a_verb_names_no_vessels() -> None:
    """'Norway ships 3.2 million tons of crude oil to Japan': oil, not a military count of
    ships; 'ships' as a noun still is one."""
    shipped = _figures("In 2030 Norway ships 3.2 million tons of crude oil to Japan.", "2031-02-01")
    assert _of(shipped, 3.2e6).measure == "oil_supply"
    navy = _figures(
        "The navies of Japan and Norway held drills with 12 ships in May.", "2031-06-10"
    )
    assert _of(navy, 12).measure == "military"
