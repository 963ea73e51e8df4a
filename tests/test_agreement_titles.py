"""Titles of documents with what they name inside: the years a plan covers ("the Plan of
measures for 2026-2028 on realization of ..."), a document the title refers to ("... of the
agreement on cooperation": no second document), and documents signed at a joint committee's
meeting in a sentence that names no state."""

from __future__ import annotations

from typing import Any

import pytest
from tests.conftest import extract_text


def _agreements(text: str, published: str) -> list[Any]:
    return list(extract_text(text, published).agreements)


def test_a_plan_keeps_its_years_and_the_agreement_it_implements_is_no_second_one() -> None:
    found = _agreements(
        "Governor Alexei Dyumin held talks with a delegation from Belarus on Tuesday. "
        "Following the talks the Plan of measures for 2027-2029 on implementation of the "
        "agreement on cooperation between the Tula region and Gomel region was signed.",
        "2026-11-12",
    )
    (plan,) = found
    assert plan.kind == "plan"
    assert plan.title.startswith("Plan of measures for 2027-2029 on implementation of")


def test_documents_signed_at_a_joint_committees_meeting_are_the_pairs() -> None:
    found = _agreements(
        "Kassym-Jomart Tokayev received Chinese Vice Premier Ding Xuexiang in Astana on "
        "Thursday. During the meeting of the Cooperation Committee, held earlier in the day, "
        "documents were signed, including an agreement on electronic customs data exchange.",
        "2026-11-12",
    )
    (agreement,) = found
    assert agreement.title == "agreement on electronic customs data exchange"
    assert (agreement.status, agreement.date) == ("signed", "2026-11-12")


def test_a_title_ends_before_the_verb_of_its_own_clause() -> None:
    """A modal, an irregular past tense or a quoted clause after the noun is the sentence
    going on, not the document's name."""
    found = _agreements(
        "India and Russia have held talks on a fertiliser supply contract with Uralkali, but "
        'officials said the supply contract "is still being negotiated". Shipments under '
        "their trade agreement on fertilisers grew faster than planned.",
        "2026-11-12",
    )
    assert [a.title for a in found] == [
        "fertiliser supply contract with Uralkali",
        "trade agreement on fertilisers",
    ]


def test_a_relative_clause_is_part_of_a_title_only_when_it_tells_what_it_says() -> None:
    said = _agreements(
        "Russia and India adopted a joint statement that sets a target of bringing bilateral "
        "trade to $100 billion by 2030.",
        "2026-11-12",
    )
    fate = _agreements(
        "Russia and India signed a joint statement that drew criticism at home on Monday.",
        "2026-11-12",
    )
    assert [a.title for a in said] == [
        "joint statement that sets a target of bringing bilateral trade to $100 billion"
    ]
    assert [a.title for a in fate] == ["joint statement of Russia and India"]


def test_a_capitalised_name_that_lists_its_subjects_runs_through_its_commas() -> None:
    (treaty,) = _agreements(
        "The 2001 Treaty of Good-Neighbourliness, Friendship and Cooperation between Russia and "
        "China obliges the two states to consult each other.",
        "2026-11-12",
    )
    assert treaty.title == (
        "Treaty of Good-Neighbourliness, Friendship and Cooperation between Russia and China"
    )


def test_a_deal_or_contract_is_named_for_the_goods_bought_under_it() -> None:
    """'... ordered under a 2016 deal estimated at $3 billion': a contract for the goods,
    not 'deal estimated at $3 billion'; a deal for two more ships is a contract too; 'the
    contract's schedule' is the contract told before."""
    found = _agreements(
        "Egypt Navy > Fleet News > Frigates\n\n"
        "Egypt Commissions Third Russian-Built Corvette, Eyes New Deal\n\n"
        "The Egyptian Navy is awaiting the last of six Karakurt-class corvettes ordered from "
        "Russia under a 2016 deal estimated at $3 billion. Cairo and Moscow are discussing a "
        "deal for two more corvettes. Under the contract's schedule, the remaining ships are "
        "to be delivered by 2027.",
        "2026-04-02",
    )
    titles = {a.title: a.kind for a in found}
    assert titles == {
        "deal for six Karakurt-class corvettes": "contract",
        "deal for two more corvettes": "contract",
    }


def test_a_title_past_a_date_and_a_thousands_comma_without_the_volume() -> None:
    """'signed a memorandum last June envisaging supplies of up to 55 bcm a year': named for
    what it envisages, not its volume (a figure); a thousands comma does not end a title;
    'for stays of up to 90 days' is what a visa agreement grants."""
    (memorandum,) = _agreements(
        "Gazprom and the National Iranian Gas Company signed a memorandum last June "
        "envisaging supplies of up to 55 billion cubic meters a year.",
        "2025-03-17",
    )
    assert memorandum.title == "memorandum envisaging supplies"
    (deal,) = _agreements(
        "Indian Oil Corp has signed a one-year term deal with Russia's Rosneft to buy up to "
        "150,000 barrels per day.",
        "2025-03-17",
    )
    assert "150,000 barrels" in deal.title
    (visas,) = _agreements(
        "Russia and Oman signed an agreement waiving visas for stays of up to 90 days.",
        "2025-03-17",
    )
    assert visas.title.endswith("stays of up to 90 days")


def test_a_title_runs_through_the_parties_between_an_acronym_and_an_unnamed_maker() -> None:
    found = _agreements(
        "Saudi Arabia and China signed 12 agreements in Riyadh. A separate MoU between the "
        "Public Investment Fund (PIF) and a Chinese battery maker on a local plant is to be "
        "finalised next month.",
        "2026-03-10",
    )
    (mou,) = [a for a in found if a.kind == "memorandum"]
    assert mou.title.startswith(
        "MoU between the Public Investment Fund (PIF) and a Chinese battery maker on a local"
    )


def test_a_supply_agreement_is_an_agreement_a_purchase_and_sale_one_a_contract() -> None:
    (supply,) = _agreements(
        "Russia's Uralchem and India's IPL signed a long-term fertiliser supply agreement.",
        "2026-03-10",
    )
    (sale,) = _agreements(
        "Gazprom and CNPC signed a long-term gas purchase and sale agreement.", "2026-03-10"
    )
    assert (supply.kind, sale.kind) == ("agreement", "contract")


def test_a_deal_two_named_parties_make_is_known_by_them_and_its_aim_past_a_date() -> None:
    """'X signed a contract with Y in October to supply ...': the contract between X and Y
    to supply it (its aim read past the date); 'X is in talks with Y on a term deal': the
    term deal between X and Y, the pair's though X's state is unknown (China is named)."""
    found = _agreements(
        "Russian producer Elga Coal signed a contract with China Energy Investment in October "
        "to supply 3mn t/yr of coking coal. Trader Kolmar is in talks with China Baowu on a "
        "similar term deal.",
        "2026-11-20",
    )
    titles = sorted(a.title for a in found)
    assert titles == [
        "contract between Elga Coal and China Energy Investment to supply 3mn t/yr of coking coal",
        "term deal between Kolmar and China Baowu",
    ], titles


def test_one_of_a_batch_signed_and_a_title_that_stops_at_a_clause_of_its_own() -> None:
    """'... signed a joint statement and 31 other documents on Tuesday. Among them is an
    agreement on ...': signed that day (not 'is an agreement': said of one named before);
    '20 cooperation agreements and Chinese companies announced investments of R$27 billion':
    the title stops where another subject's clause begins."""
    found = _agreements(
        "Uzbek President Shavkat Mirziyoyev and Chinese President Xi Jinping signed a joint "
        "statement and 31 other documents on Tuesday. Among them is an agreement on mutual "
        "recognition of Authorized Economic Operators. During the visit the two governments "
        "signed 20 cooperation agreements and Chinese companies announced investments of "
        "R$27 billion in Uzbekistan.",
        "2025-11-27",
    )
    got = {a.title: (a.status, a.date) for a in found}
    assert got["agreement on mutual recognition of Authorized Economic Operators"] == (
        "signed",
        "2025-11-25",
    ), got
    assert not any("companies" in t for t in got), got


def test_a_title_stops_where_when_begins() -> None:
    """'to sign the Power of Siberia 2 contract before Putin's trip to Beijing': the trip is
    when, not what the contract is; the contract is the project's."""
    (found,) = _agreements(
        "Moscow hopes to sign the Power of Siberia 2 contract before Putin's trip to Beijing.",
        "2025-01-24",
    )
    assert found.title == "contract on Power of Siberia 2", found.title


def test_ties_raised_to_a_named_partnership_are_declared_then() -> None:
    """'upgraded ties to a "comprehensive strategic partnership of coordination ..."': the
    partnership the two declared, dated by the year beside it, named without the quotation
    marks and the full stop inside them; 'when' begins the occasion, not the name."""
    (upgraded,) = _agreements(
        "Brazil and Vietnam deepen their ties. At their 2027 summit in Hanoi the two sides "
        "upgraded ties to a \u201ccomprehensive strategic partnership for a new era.\u201d",
        "2031-07-22",
    )
    assert (upgraded.title, upgraded.kind, upgraded.status, upgraded.date) == (
        "comprehensive strategic partnership for a new era",
        "declaration",
        "announced",
        "2027",
    )
    found = _agreements(
        "Brazil and Vietnam deepen their ties. Relations had been upgraded in 2019 to a "
        '"strategic partnership." Ties were elevated to a comprehensive partnership when Lula '
        "met To Lam in Brasilia.",
        "2031-07-22",
    )
    assert [(a.title, a.status, a.date) for a in found] == [
        ("strategic partnership", "announced", "2019"),
        ("comprehensive partnership", "announced", None),
    ]


def test_an_agreement_in_principle_is_under_negotiation_and_named_for_its_aim() -> None:
    """'reached an "agreement in principle" for Russia to supply ...': terms agreed, nothing
    signed; the bare name goes on with what it is for."""
    (deal,) = _agreements(
        'Russia and Mongolia reached an "agreement in principle" for Russia to supply 900,000 '
        "tonnes of diesel next year, the ministry said.",
        "2031-07-22",
    )
    assert (deal.status, deal.title) == (
        "negotiating",
        "agreement in principle for Russia to supply 900,000 tonnes of diesel next year",
    )


def test_a_title_past_the_place_of_signing() -> None:
    """'signed a memorandum of understanding in Beijing to study ...': named for what it is
    to do, the place (and a date beside it) no part of the name."""
    (memorandum,) = _agreements(
        "Saudi Arabia and China deepen energy ties. Saudi Aramco and China's Sinopec signed a "
        "memorandum of understanding in Beijing on Tuesday to study the expansion of their "
        "joint refinery in Fujian.",
        "2031-07-22",
    )
    assert memorandum.title.startswith("memorandum of understanding to study the expansion")


def test_a_title_past_the_place_of_signing_on_its_subject() -> None:
    """'signed a memorandum of understanding in Moscow on the construction of ...': named
    for its subject after the place; 'on the sidelines of' is no subject."""
    (memorandum,) = _agreements(
        "Russia and Niger deepen ties. In March, Rosatom and Niger signed a memorandum of "
        "understanding in Moscow on the construction of a research reactor.",
        "2031-05-02",
    )
    assert memorandum.title == (
        "memorandum of understanding on the construction of a research reactor"
    )
    titles = [
        a.title
        for a in _agreements(
            "Russia and Niger deepen ties. Rosatom and Niger signed a cooperation agreement on "
            "uranium mining in Moscow on the sidelines of the forum.",
            "2031-05-02",
        )
    ]
    assert titles and not [t for t in titles if "sidelines" in t]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a deal denied as discussed: none
            "Russia and Niger held talks on Monday. The spokesman denied reports that a new "
            "uranium supply deal with Rosatom had been discussed.",
            [],
        ),
        ("Russia and Niger held talks on Monday. There is no uranium deal with Russia.", []),
        (  # ... a document missing from a clause of others'
            "Russia and Niger held talks on Monday. Niger raised duties on goods from "
            "countries without a free trade agreement.",
            [],
        ),
        (  # a contract denied as finalised: still under negotiation
            "Russia and Niger held talks on Monday. The Kremlin denied media reports that a "
            "contract on uranium supplies between Rosatom and Sopamin had been finalized.",
            [("contract", "negotiating")],
        ),
        (  # reports of a signing called unfounded afterwards: none
            "Russia and Niger held talks on Monday. Earlier reports that Rosatom had signed a "
            "uranium supply contract with Sopamin were not confirmed by either company.",
            [],
        ),
        (  # ... unless talks on it are said to go on
            "Russia and Niger held talks on Monday. Reports that the two sides have signed an "
            "agreement on a uranium mine are not true. Talks on the mine are continuing.",
            [("agreement", "negotiating")],
        ),
        (  # the deal inside the denial's own words, as a headline tells it
            "Niamey to seek more wheat; ministry denies uranium deal report\nRussia and Niger "
            "held talks on Monday.",
            [],
        ),
    ],
)
def test_a_document_denied_or_missing(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(a.kind, a.status) for a in _agreements(text, "2031-05-06")] == expected


def test_contract_talks_are_a_contract_under_negotiation() -> None:
    """'the contract talks between Gazprom and CNPC are moving forward': the contract,
    negotiating (not one 'announced' named 'contract talks')."""
    (contract,) = _agreements(
        "Russia and China discussed gas. The contract talks between Gazprom and CNPC are "
        "moving forward, Peskov said.",
        "2031-05-08",
    )
    assert (contract.title, contract.status) == ("contract between Gazprom and CNPC", "negotiating")


def test_a_line_in_capitals_names_no_acronym_and_no_document() -> None:
    """'GAS: POWER OF SIBERIA ABOVE PLAN' (a newsletter's section line): no 'plan' agreement
    and no PLA Navy ('PLAN'); the navy is found where the text names it in a sentence."""
    found = extract_text(
        "Russia and China signed documents.\nGAS: POWER OF SIBERIA ABOVE PLAN\nGazprom "
        "delivered 38 bcm via Power of Siberia.",
        "2031-05-08",
    )
    assert found.agreements == ()
    assert "PLAN" not in {a for actor in found.actors for a in actor.aliases}


def test_a_central_banks_currency_swap_and_its_renewal_are_one_agreement_each() -> None:
    """A currency swap line is an agreement; 'an agreement with X to renew the currency swap'
    is that swap renewed (one, not the agreement and the swap); gas 'swap supplies' are no
    document."""
    found = _agreements(
        "The Central Bank of Egypt said on Tuesday it had reached an agreement with the "
        "People's Bank of China to renew the two countries' currency swap, worth 18 billion "
        "yuan.\n\nThe swap line between Egypt and China, first signed in 2016, was last "
        "renewed in 2023.\n\nSeparately, Russia and Iran are discussing swap supplies of gas "
        "to Iran's north.",
        "2031-06-12",
    )
    got = {(a.title, a.status, a.date) for a in found}
    assert got == {
        ("currency swap of China and Egypt", "announced", None),
        ("swap line between Egypt and China", "signed", "2016"),
    }


def test_a_title_at_the_end_of_a_quote_leaves_the_full_stop_out() -> None:
    """'... in accordance with the annual cooperation plan."': the stop before the closing
    quotation mark ends the title (it was 'cooperation plan. of China and Russia')."""
    text = (
        '"India and Russia maintain regular exchanges between their navies in accordance '
        'with the annual cooperation plan," the ministry said.'
    )
    titles = [a.title for a in extract_text(text, "2031-08-01").agreements]
    assert titles and not any("." in t for t in titles)
    text = text.replace(',"', '."').replace(" the ministry said.", "")
    titles = [a.title for a in extract_text(text, "2031-08-01").agreements]
    assert titles and not any("." in t for t in titles)


def test_a_deal_dated_before_what_it_is_for_and_ranked_after() -> None:
    """'a USD 1.8 billion deal signed in March 2029 for six ships' and 'a contract in 2029
    for three squadrons': the date between the noun and what it is for is no end of the
    title, and goods bought under it make it a contract; '-- the biggest energy deal ever
    struck between the two countries' is the deal told before, ranked."""
    ships = _agreements(
        "Brazil took delivery of the first frigate built under a USD 1.8 billion deal signed "
        "in March 2029 for six ships with Turkey.",
        "2031-01-15",
    )
    assert [(a.kind, a.title, a.date) for a in ships] == [
        ("contract", "deal for six ships with Turkey", "2029-03")
    ]
    crude = _agreements(
        "Last month, Petrobras signed a 10-year deal with Saudi Aramco for the supply of crude, "
        "worth about $9 billion a year -- the biggest energy deal ever struck between the two "
        "countries.",
        "2031-01-15",
    )
    assert [a.kind for a in crude] == ["contract"]


def test_a_deal_goods_are_supplied_under_is_a_contract_named_by_them() -> None:
    """'Gazprom Neft has agreed to supply up to 80,000 barrels per day of crude to Indian Oil
    under a five-year deal': a sale (a contract), named by what it supplies; 'under a deal'
    with nothing supplied before it stays an agreement."""
    ext = extract_text(
        "Gazprom Neft has agreed to supply up to 80,000 barrels per day of crude to Indian Oil "
        "Corporation under a five-year deal, two sources said. India and Russia also signed a "
        "five-year deal on cultural exchanges.",
        "2031-12-12",
    )
    found = {(a.kind, a.title) for a in ext.agreements}
    assert ("contract", "five-year deal to supply crude") in found, found
    assert not any(k == "contract" and "cultural" in t for k, t in found), found


def test_an_arrangement_of_a_named_kind_is_a_deal() -> None:
    """'air services arrangement', 'patrolling arrangements': deals the golds record (15
    titles in the hard and dev golds); one named inside an agreement's title is its subject;
    'security arrangements for the visit' is none."""
    found = _agreements(
        "Bhutan and China held talks in Thimphu on Tuesday. A new air services arrangement to "
        "open direct flights is still under negotiation. The two sides reached an agreement on "
        "patrolling arrangements along the border. Officials discussed security arrangements "
        "for the visit.",
        "2031-05-06",
    )
    assert [(a.kind, a.status, a.title) for a in found] == [
        ("agreement", "negotiating", "new air services arrangement to open direct flights"),
        ("agreement", "announced", "agreement on patrolling arrangements along the border"),
    ]
