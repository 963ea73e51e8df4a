"""Counted batches of signed documents the report does not list, in English and Russian: the
count in words, the noun's own passive verb, what the batch covers told sentences later, a
Russian "пакет из N документов" with its occasion, and a batch told by its items."""

from __future__ import annotations

from typing import Any

from tests.conftest import extract_text


def _agreements(text: str, published: str) -> list[Any]:
    return list(extract_text(text, published).agreements)


def test_a_batch_counted_in_words_and_its_topics_told_later() -> None:
    (batch,) = _agreements(
        "ULAANBAATAR (AP) — Mongolia and Russia signed seven cooperation documents on Friday "
        "at a session of their intergovernmental commission.\n\nThe session was co-chaired by "
        "ministers of both countries. The documents cover veterinary control, power "
        "transmission and higher education.",
        "2025-09-13",
    )
    assert (batch.kind, batch.status) == ("agreement", "signed")
    assert batch.title.startswith("seven cooperation documents on veterinary control")
    assert set(batch.parties) == {"Mongolia", "Russia"}


def test_documents_that_were_signed_after_a_meeting() -> None:
    found = _agreements(
        "Russia and Belarus held the session of the Supreme State Council in Minsk on "
        "Thursday. Following the talks, 11 intergovernmental and interdepartmental "
        "documents were signed.",
        "2025-12-05",
    )
    (batch,) = [a for a in found if "11" in a.title]
    assert (batch.kind, batch.status) == ("agreement", "signed")


def test_a_russian_package_with_its_occasion() -> None:
    (batch,) = _agreements(
        "МИНСК, 5 декабря. /ТАСС/. Россия и Белоруссия по итогам заседания Высшего "
        "государственного совета подписали пакет из 11 документов, сообщил вице-премьер.",
        "2025-12-05",
    )
    assert batch.title == "package of 11 documents signed following the meeting"
    assert (batch.kind, batch.status) == ("agreement", "signed")
    (after_which,) = _agreements(
        "Положительно оценены итоги заседания российско-монгольской межправкомиссии, по "
        "итогам которого было подписано 9 документов.",
        "2025-12-05",
    )
    assert after_which.title == "9 documents signed following the meeting"


def test_a_planned_russian_batch_and_one_told_by_its_items() -> None:
    (planned,) = _agreements(
        "В ходе визита премьер-министра Михаила Мишустина в Индию, как ожидается, будет "
        "подписано около 15 документов.",
        "2025-11-02",
    )
    assert (planned.title, planned.status) == ("about 15 documents signed following the visit",
                                               "planned")  # fmt: skip
    listed = _agreements(
        "По итогам форума Россия и Иран подписали 8 документов, в том числе соглашение о "
        "сотрудничестве в области энергетики.",
        "2025-11-02",
    )
    assert all("8 documents" not in a.title for a in listed)


def test_a_russian_title_stops_before_the_next_object_after_a_year() -> None:
    result = extract_text(
        "Министры обороны обсудили ход выполнения плана военного сотрудничества на 2025 год и "
        "подготовку к очередному совместному морскому патрулированию.",
        "2025-08-04",
    )
    assert [a.title for a in result.agreements] == ["plan of military cooperation for 2025"]


def test_a_treaty_named_by_its_modifiers_not_by_the_man_it_is_signed_with() -> None:
    result = extract_text(
        "When President Masoud Pezeshkian traveled to Moscow in January to sign a "
        "comprehensive strategic partnership treaty with Vladimir Putin, gas was on the agenda.",
        "2025-03-05",
    )
    assert [a.title for a in result.agreements] == ["comprehensive strategic partnership treaty"]


def test_a_batch_not_counted_is_known_by_what_it_covers() -> None:
    result = extract_text(
        "President Tokayev held talks with Chinese Premier Li Qiang in Astana on Monday. A "
        "number of documents were signed during the visit in energy, logistics and "
        "education.",
        "2026-04-14",
    )
    assert [a.title for a in result.agreements] == ["documents on energy, logistics and education"]


def test_one_more_of_the_same_kind_between_other_parties() -> None:
    result = extract_text(
        "Agreements on sister-city relations between Russia's Kazan and China's Wuhan, as "
        "well as between Tatarstan and Hubei province were signed too.",
        "2026-04-14",
    )
    titles = [a.title for a in result.agreements]
    assert len(titles) == 2
    assert titles[1].endswith("between Tatarstan and Hubei province")
    assert titles[1].startswith("Agreements on sister-city relations")


def test_a_batch_coordinated_after_another_document_is_its_own() -> None:
    found = _agreements(
        "TASHKENT, Nov 20. Uzbek President Shavkat Mirziyoyev told Russian Prime Minister "
        "Mikhail Mishustin: following the talks we will sign a joint declaration and about 15 "
        "intergovernmental and interdepartmental documents.",
        "2031-11-20",
    )
    assert sorted((a.kind, a.status) for a in found) == [
        ("agreement", "planned"),
        ("declaration", "planned"),
    ]
    (batch,) = [a for a in found if a.kind == "agreement"]
    assert batch.title.startswith("about 15 intergovernmental and interdepartmental documents")


def test_a_planned_batch_told_by_its_items_in_the_next_sentence() -> None:
    found = _agreements(
        'ULAANBAATAR, Nov 20. "We expect to sign about ten documents with Russia in '
        'Ulaanbaatar," the Mongolian minister said. Among them, an intergovernmental agreement '
        "on the supply of Russian fuel to Mongolia is expected to be signed.",
        "2031-11-20",
    )
    assert [(a.title, a.status) for a in found] == [
        ("intergovernmental agreement on the supply of Russian fuel to Mongolia", "planned")
    ]


def test_a_definite_document_noun_before_its_verb_is_the_one_told_before() -> None:
    """'The treaty changed the language': the treaty named before, not a new document."""
    found = _agreements(
        "MOSCOW, Nov 20. Russia and Iran signed a comprehensive strategic partnership treaty "
        'in January.\n\n"The treaty changed the language, but not the numbers," an analyst '
        'said. "Moscow needs the deal more than Tehran does."',
        "2031-11-20",
    )
    assert [a.title for a in found] == [found[0].title]
    assert "comprehensive strategic partnership treaty" in found[0].title


def test_as_many_documents_as_topics_are_one_each() -> None:
    found = _agreements(
        "ISLAMABAD, Nov 12. Pakistan and China yesterday exchanged three memoranda of "
        "understanding (MoUs) on mining, health care and the digital economy. The two sides "
        "also signed 14 documents on trade and investment.",
        "2031-11-12",
    )
    titles = sorted(a.title for a in found if a.kind == "memorandum")
    assert titles == [
        "memorandum of understanding on health care",
        "memorandum of understanding on mining",
        "memorandum of understanding on the digital economy",
    ]


def test_documents_signed_on_their_own_by_count() -> None:
    (batch,) = _agreements(
        "Vietnamese Prime Minister Pham Minh Chinh visited Moscow in June. At their previous "
        "session, in Hanoi in October, the two commissions signed 11 documents.",
        "2031-11-14",
    )
    assert batch.title.startswith("11 documents signed")
    assert (batch.status, batch.date) == ("signed", "2031-10")


def test_what_a_batch_covers_after_what_it_is_worth_and_the_forum_by_its_name() -> None:
    """'46 agreements worth ..., covering X, Y and Z' and 'The agreements, worth ..., cover
    X': the topics; 'at the forum' after the forum was named: that name; 'on the sidelines
    of' the occasion, no topic."""
    (forum,) = _agreements(
        "Deputy Prime Minister Alexei Overchuk opened the Russia-Mongolia Interregional "
        "Cooperation Forum in Irkutsk on Tuesday. Companies signed 31 agreements worth about "
        "12 billion rubles at the forum, covering tourism, meat processing and logistics.",
        "2031-11-14",
    )
    assert forum.title == (
        "31 agreements on tourism, meat processing and logistics signed by companies at the "
        "Russia-Mongolia Interregional Cooperation Forum"
    )
    (expo,) = _agreements(
        "A delegation from Russia's Omsk Region has signed 12 documents with Chinese partners "
        "on the sidelines of the 8th China-Russia Expo. The agreements, worth a combined 9 "
        "billion rubles, cover grain storage and river shipping, the governor said.",
        "2031-11-14",
    )
    assert expo.title == (
        "12 documents with Chinese partners on grain storage and river shipping signed on the "
        "sidelines of the 8th China-Russia Expo"
    )
