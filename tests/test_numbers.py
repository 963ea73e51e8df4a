"""Number parsing: values in base units, ranges, units, rates, qualifiers and what to skip."""

from __future__ import annotations

import pytest

from bilat.extract.numbers import find_quantities
from bilat.extract.temporal import find_time_expressions


def parse(text: str) -> list[tuple[object, ...]]:
    spans = [(t.start, t.end) for t in find_time_expressions(text, "2024-01-10")]
    return [
        (q.value, q.value_max, q.unit, q.per, q.qualifier)
        for q in find_quantities(text, exclude=spans)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Trade hit $312 billion.", (312e9, None, "USD", None, "exact")),
        ("Trade hit $ 75 billion.", (75e9, None, "USD", None, "exact")),
        ("The loan is US$2.4bn.", (2.4e9, None, "USD", None, "exact")),
        ("It cost 420 billion dollars.", (420e9, None, "USD", None, "exact")),
        ("Turnover was 2.7 trn RMB.", (2.7e12, None, "CNY", None, "exact")),
        ("Turnover was 4.2 trillion yuan.", (4.2e12, None, "CNY", None, "exact")),
        ("The budget is 15 trn roubles.", (15e12, None, "RUB", None, "exact")),
        ("The plant cost 8.5 billion rubles.", (8.5e9, None, "RUB", None, "exact")),
        ("The fund holds €7 billion.", (7e9, None, "EUR", None, "exact")),
        # a currency code glued to the number (company filings, Xinhua): "RMB1,384.6 million"
        ("Revenue was RMB1,384.6 million.", (1384.6e6, None, "CNY", None, "exact")),
        ("The loan is USD1.2bn.", (1.2e9, None, "USD", None, "exact")),
        ("They shipped 31 billion cubic metres.", (31e9, None, "m3", None, "exact")),
        ("Capacity is 61 billion m³ per year.", (61e9, None, "m3", "year", "exact")),
        # the rate of the clause's subject: "daily deliveries ... reached"
        (
            "Daily deliveries of Kazakh oil via the pipeline hit a record, reaching 62,000 tonnes.",
            (62000, None, "t", "day", "exact"),
        ),
        (
            "Monthly shipments of coal reached a high of 3.1 million tonnes.",
            (3.1e6, None, "t", "month", "exact"),
        ),
        ("Deliveries reached 22 bcm.", (22e9, None, "m3", None, "exact")),
        ("The pipe carries 10 bcm/year.", (10e9, None, "m3", "year", "exact")),
        ("They sold 95 million tonnes.", (95e6, None, "t", None, "exact")),
        ("A hub of 420 thousand square meters.", (420e3, None, "m2", None, "exact")),
        ("The road is 2,300 km long.", (2300, None, "km", None, "exact")),
        ("Nine thousand students arrived.", (9000, None, "count", None, "exact")),
        ("Two dozen firms joined.", (24, None, "count", None, "exact")),
        ("A dozen banks joined.", (12, None, "count", None, "exact")),
        ("Seven ministers attended.", (7, None, "count", None, "exact")),
        ("They run 214 joint ventures.", (214, None, "count", None, "exact")),
        ("The share may reach 60-65%.", (60, 65, "percent", None, "exact")),
        ("The share may reach 60 to 65 percent.", (60, 65, "percent", None, "exact")),
        ("The share is between 60 and 65 per cent.", (60, 65, "percent", None, "exact")),
        ("Coverage is 97.4%.", (97.4, None, "percent", None, "exact")),
        ("It rose by a third.", (33.3, None, "percent", None, "approx")),
        ("Trade doubled.", (100, None, "percent", None, "exact")),
        ("Trade tripled.", (200, None, "percent", None, "exact")),
        ("Trade halved.", (-50, None, "percent", None, "exact")),
        ("Trade grew threefold.", (200, None, "percent", None, "exact")),
        ("Trade increased 1.5 times.", (50, None, "percent", None, "exact")),
        ("Clearance takes 25 minutes.", (25, None, "minute", None, "exact")),
        ("It took about 60 hours.", (60, None, "hour", None, "approx")),
        ("Some 30 deals were signed.", (30, None, "count", None, "approx")),
        ("Roughly 30 deals were signed.", (30, None, "count", None, "approx")),
        ("More than 30 deals were signed.", (30, None, "count", None, "at_least")),
        ("Surpassing $90 billion in sales.", (90e9, None, "USD", None, "at_least")),
        ("Nearly 30 deals were signed.", (30, None, "count", None, "at_most")),
        ("Up to 30 deals may be signed.", (30, None, "count", None, "at_most")),
        ("Less than 30 deals were signed.", (30, None, "count", None, "at_most")),
        ("Trade approached $90 billion.", (90e9, None, "USD", None, "at_most")),
        ("~40 ships took part.", (40, None, "count", None, "approx")),
        # units the GOLD conventions convert (v1.1)
        ("The pipeline will carry 61 billion cm.", (61e9, None, "m3", None, "exact")),
        ("The drills cover 3,500 square kilometres.", (3.5e9, None, "m2", None, "exact")),
        ("The zone spans 12 sq km.", (12e6, None, "m2", None, "exact")),
        ("Shipping takes about five weeks.", (35, None, "day", None, "approx")),
        ("The meeting lasted two hours and ten minutes.", (130, None, "minute", None, "exact")),
        ("The call lasted an hour and 5 minutes.", (65, None, "minute", None, "exact")),
        ("Output reached 2 million barrels.", (2e6 * 0.158987, None, "m3", None, "exact")),
        # oil-market shorthand carries its own rate
        ("Refiners took 40,000 bpd of it.", (40000 * 0.158987, None, "m3", "day", "exact")),
        ("Loadings hit 1.5 million b/d.", (1.5e6 * 0.158987, None, "m3", "day", "exact")),
        # a rate word of another noun after a comma is no rate of the number
        (
            "Trade rose to $19.6 billion, the first monthly increase.",
            (19.6e9, None, "USD", None, "exact"),
        ),
        ("It traded at a discount of 50 cents.", (0.5, None, "USD", None, "exact")),
        # 'between X and Y' is one range, each end with its own scale and unit
        ("It may bring between $40 billion and $45 billion.", (40e9, 45e9, "USD", None, "exact")),
        ("Between 15% and 18% of it was paid in yuan.", (15, 18, "percent", None, "exact")),
        ("They paid fees of 2% to 4% to agents.", (2, 4, "percent", None, "exact")),
        ("The duty was raised by 15% to 20% in May.", (15, 20, "percent", None, "exact")),
        ("Sales of between 2 million and 3 million tonnes", (2e6, 3e6, "t", None, "exact")),
        # both ends in thousands
        ("Arrivals may settle at 230,000-250,000 b/d.", (36567.01, 39746.75, "m3", "day", "exact")),
        ("It took between 1,200 and 1,500 tonnes.", (1200, 1500, "t", None, "exact")),
        # a physical flow stated as yearly before the number
        ("It has an annual capacity of 8 million tonnes.", (8e6, None, "t", "year", "exact")),
        ("a deal for yearly deliveries of 12 bcm", (12e9, None, "m3", "year", "exact")),
        # 'year-on-year' after a number is not a rate
        (
            "Sales hit 4.1 million tonnes last year, a year-on-year rise.",
            (4.1e6, None, "t", None, "exact"),
        ),
        # Chinese 万 word for word (machine translation)
        ("Cargo exceeded 118 ten thousand tons.", (1.18e6, None, "t", None, "at_least")),
        # fold changes after 'by', signed by the verb
        ("Exports increased by 2.5 times.", (150, None, "percent", None, "exact")),
        ("Imports were reduced by 4 times.", (-75, None, "percent", None, "exact")),
    ],
)
def test_single_quantity(text: str, expected: tuple[object, ...]) -> None:
    (got,) = parse(text)
    assert got[0] == pytest.approx(expected[0])
    assert got[1:] == expected[1:]


@pytest.mark.parametrize(
    "text",
    [
        "The 25th round of talks opened.",  # ordinal
        "Relations go back 300 years.",  # span of years
        "This happened eight years ago.",
        "The VVER-1000 unit and the Su-35 fighter.",  # names with digits
        "The G20 met on 5G networks.",
        "Turbines for Power of Siberia 2 arrived.",
        "Beijing tabled a 10-point peace plan.",
        "The two countries signed a pact.",
        "The two also pledged support.",
        "The mayor, aged 58, spoke at 14:30.",
        "The sides met in 2019.",
        "They met on March 3, 2022.",
        "The Group of Twenty met.",
        "Traffic stalled for days.",
        "He was ranked #1 by the magazine.",
        "1. Introduction",
        "one of the partners, one China policy",
        # structure, ranks, spans placing something in time, timestamps, ISO months
        "The drill runs in three phases across two seas.",
        "Brazil is among the top five buyers.",
        "In the past six days the units moved east.",
        "Two weeks ago the talks resumed.",
        "Deliveries held up over the same 10 months, and in the next 4 quarters.",
        "Posted: March 2, 2024 11:42 Newsroom",
        "November 7, 2025 11:38 AM GMT+8 Updated",
        # who told the news
        "The ministers will meet on Sunday, two sources told Reuters.",
        "Об этом сообщили два источника, знакомые с ходом переговоров.",
        "The deal is close, three people familiar with the talks said.",
        "Deliveries start in April, two company sources said.",
        # the length of an exercise (GOLD.md: military lengths are not figures)
        "Lasting five days, the drill involves the two navies.",
        "The joint exercise began on Monday and will last three weeks, the ministry said.",
        "Учения продлятся пять дней.",
        "filed 2024-07 LONDON",
        # the size of a set something belongs to, and the parties as a definite set
        "It is one of the navy's four main fleets.",
        "Kazan is one of the three host cities.",
        "Sailors from the three participating countries took part.",
        "The five member states signed.",
        # power and energy have no unit in GOLD.md; units and phases known by their number
        "The plant has a combined capacity of 4,800 MW.",
        "India has 8,180 MWe installed and aims for 100 GW; the station makes 1,000 megawatts.",
        "Мощность станции составит 4,8 ГВт.",
        "Fuel was loaded into Kudankulam unit 3; units 5 and 6 follow in Phase 2.",
    ],
)
def test_skipped(text: str) -> None:
    assert parse(text) == []


def test_mt_after_thousands_is_metric_tons() -> None:
    """'282,000 MT' (USDA): metric tons, not thousands of millions; '50 mt' alone stays
    million tonnes."""
    assert [p[:3] for p in parse("Shipments fell to 282,000 MT.")] == [(282_000, None, "t")]
    assert [p[:3] for p in parse("Exports reached 50 mt.")] == [(50_000_000, None, "t")]


def test_exact_decimal_values() -> None:
    assert parse("Trade reached 136.2 billion dollars.")[0][0] == 136_200_000_000


def test_a_bracketed_conversion_is_not_a_second_figure() -> None:
    got = parse("They patrolled 9,000 square kilometres (3,475 square miles) of sea.")
    assert [(g[0], g[2]) for g in got] == [(9e9, "m2")]
    # a bracketed amount in another currency is a figure of its own
    assert len(parse("Trade hit 1.2 trillion yuan ($170 billion).")) == 2


def test_two_percentages_in_a_row() -> None:
    assert [q[0] for q in parse("Oil and gas rose 2.4% and 7.9% respectively.")] == [2.4, 7.9]


def test_rate_after_a_sentence_break() -> None:
    assert parse("It will carry 30 billion cubic meters in time. m per year.")[0][3] == "year"


def test_no_rate_from_comparison() -> None:
    assert parse("Sales were 5 million tonnes more than a year earlier.")[0][3] is None


def test_a_part_of_a_counted_set_is_a_count() -> None:
    found = find_quantities("The fund backs 40 projects, 12 of which are in Siberia.")
    assert [(q.value, q.unit) for q in found] == [(40, "count"), (12, "count")]
    assert [q.value for q in find_quantities("It has ten ports, one of which is icebound.")] == [10]


def test_the_length_of_talks_is_a_figure_and_that_of_an_exercise_is_not() -> None:
    assert parse("The talks lasted three hours and covered energy.") == [
        (3, None, "hour", None, "exact")
    ]
    assert parse("The patrol, which lasted eight hours, passed over the sea.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # no word of change before 'from': one range, the bare first end in the second's unit
        ("Lenders turn away from 15 to 25% of such payments.", [(15, 25, "percent")]),
        ("Банки отклоняют от 15 до 25% таких платежей.", [(15, 25, "percent")]),
        ("Rebates ran from $6 to $9 a tonne.", [(6, 9, "USD")]),
        # a level that moves: two levels, the first read in the second's scale and unit
        (
            "Exports grew from 1.5 to 2.5 billion dollars.",
            [(1.5e9, None, "USD"), (2.5e9, None, "USD")],
        ),
        ("Оборот вырос с 150 до 210 млрд долларов.", [(150e9, None, "USD"), (210e9, None, "USD")]),
        ("The stay was extended from 30 to 45 days.", [(30, None, "day"), (45, None, "day")]),
        # years are no quantities to join
        ("Trade grew from 2019 to 2024 by 30%.", [(30, None, "percent")]),
    ],
)
def test_from_one_number_to_another(text: str, expected: list[tuple[object, ...]]) -> None:
    got = [(q.value, q.value_max, q.unit) for q in find_quantities(text)]
    assert [(pytest.approx(v, rel=1e-3), m, u) for v, m, u in got] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Embassy: 1779 Massachusetts Avenue NW, Washington, DC 20036-2103",
        "Address: No. 2, Chaoyangmen Nandajie, Chaoyang District, Beijing, 100701 Tel: 86-10-6",
        "The office is at 12 Lenin Street.",
        "The embassy compound at 4 Dongzhimen Beizhongjie, Beijing, opened in 1959.",
        # an age, a document's structure, a name of a group of states
        "Nazarbayev, who was 51 when he signed the treaty, is still its champion.",
        "The charter turns 30 on June 15.",
        "The treaty, whose 25 articles commit each side to neutrality, was ratified.",
        "Whether Modi will attend the Group of 20 summit is unclear.",
    ],
)
def test_a_house_number_and_a_postal_code_are_no_figures(text: str) -> None:
    assert find_quantities(text) == []


def test_a_street_word_that_a_noun_goes_on_from_is_no_address() -> None:
    assert [q.value for q in find_quantities("The fund backs 40 Silk Road projects.")] == [40]


def test_commodity_desk_shorthand_for_barrels_a_day_and_million_tonnes() -> None:
    """Kpler's and Reuters' "mbd"/"kbd" are barrels a day (GOLD: m3); S&P Global Platts'
    "mil mt" is million metric tonnes."""
    (mbd,) = find_quantities("loaded 1.02 mbd of ESPO Blend")
    assert (round(mbd.value, 2), mbd.unit, mbd.per) == (162166.74, "m3", "day")
    (kbd,) = find_quantities("arrivals reached 330 kbd")
    assert (round(kbd.value, 2), kbd.unit, kbd.per) == (52465.71, "m3", "day")
    (mil,) = find_quantities("China took 6.4 mil mt of Australian coal")
    assert (mil.value, mil.unit) == (6400000.0, "t")


def test_the_indian_grouping_of_lakhs_is_one_number() -> None:
    """'5,00,000 bpd', '17,50,000 tonnes' (PTI, ANI): 500,000 and 1,750,000; the Western
    grouping and a decimal comma read as before."""
    from bilat.extract.numbers import find_quantities

    got = [
        [(q.value, q.unit) for q in find_quantities(text)]
        for text in ("imports of 17,50,000 tonnes", "1,234,567 tonnes", "up 12,5% in May")
    ]
    assert got == [[(1750000.0, "t")], [(1234567.0, "t")], [(12.5, "percent")]]
    (barrels,) = find_quantities("nearly 5,00,000 bpd of crude")
    assert round(barrels.value) == round(500000 * 0.158987)


def test_a_posts_place_in_its_thread_is_no_number() -> None:
    """'5/5 Our target: ...' opening a post's line counts nothing; '5/5' inside a sentence
    and a number after it still read."""
    from bilat.extract.numbers import find_quantities

    assert [q.value for q in find_quantities("5/5 Our target: 10 new flights a week.")] == [10]
    assert [q.value for q in find_quantities("Trade rose to 5 million tonnes.")] == [5e6]
