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
    assert (planned.title, planned.status) == (
        "about 15 documents to be signed following the visit",
        "planned",
    )
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


# batches found by their own shape: the count, the verb and its voice, "a package of", "in
# their presence", "oversaw the signing of", "worth ...", plans, and the Russian passive


def test_a_passive_batch_signed_in_their_presence() -> None:
    (batch,) = _agreements(
        "Serbian President Aleksandar Vucic received Chinese President Xi Jinping in Belgrade "
        "on Wednesday. More than 40 documents were also signed in their presence.",
        "2031-05-08",
    )
    assert batch.title == "more than 40 documents signed in their presence"
    assert (batch.kind, batch.status) == ("agreement", "signed")


def test_a_package_signed_in_the_presence_of_the_premiers() -> None:
    (batch,) = _agreements(
        "Belarusian Prime Minister Roman Golovchenko met Chinese Premier Li Qiang in Minsk. In "
        "the presence of the two prime ministers, the sides signed a package of seven documents.",
        "2031-05-08",
    )
    assert batch.title == (
        "package of seven documents signed in the presence of the two prime ministers"
    )


def test_oversaw_the_signing_of_a_total_and_a_day_before_the_subject() -> None:
    (total,) = _agreements(
        "Lukashenko and Xi Jinping oversaw the signing of 18 documents in total.", "2031-05-08"
    )
    assert (total.title, total.status) == ("18 documents signed", "signed")
    (worth,) = _agreements(
        "Mongolia and China held talks in Beijing. On Friday the two sides signed 9 documents "
        "worth a combined US$3.2 billion.",
        "2031-05-08",
    )
    assert worth.title == "9 documents worth a combined US$3.2 billion signed"


def test_companies_sign_a_batch_at_a_named_forum() -> None:
    (batch,) = _agreements(
        "Uzbek and Chinese companies signed 41 commercial agreements worth a total of $5.1 "
        "billion at the Uzbekistan-China Investment Forum.",
        "2031-05-08",
    )
    assert batch.title == (
        "41 commercial agreements signed by Uzbek and Chinese companies at the "
        "Uzbekistan-China Investment Forum"
    )


def test_a_package_worth_a_sum_signed_on_projects_in_sectors() -> None:
    (batch,) = _agreements(
        "Uzbekistan and China held a business forum in Tashkent. A package of 60 agreements "
        "worth $9 billion was signed on projects in mining, textiles and logistics.",
        "2031-05-08",
    )
    assert batch.title == "package of 60 agreements on mining, textiles and logistics signed"


def test_batches_still_to_be_signed() -> None:
    (worth,) = _agreements(
        "Belarusian officials expect trade agreements worth more than $2 billion to be signed "
        "during next week's visit to China.",
        "2031-05-08",
    )
    assert (worth.title, worth.status) == (
        "trade agreements to be signed during next week's visit",
        "planned",
    )
    (package,) = _agreements(
        "Belarus and China: a package of intergovernmental documents is being prepared for "
        "signing during Lukashenko's trip.",
        "2031-05-08",
    )
    assert (package.title, package.status) == (
        "package of intergovernmental documents to be signed during Lukashenko's trip",
        "planned",
    )


def test_a_headline_batch_told_again_in_the_body_is_one() -> None:
    found = _agreements(
        "Nine documents signed, $50bn goal set\n\nHANOI, May 8 — Vietnam and Russia held the "
        "session of their intergovernmental commission on Thursday. The sides signed nine "
        "documents at the session in Hanoi.",
        "2031-05-08",
    )
    assert [a.title for a in found] == ["nine documents signed at the session"]


def test_a_batch_counted_once_and_told_again_by_what_it_covers() -> None:
    (batch,) = _agreements(
        "Turkmenistan and China signed 33 documents during the state visit of President "
        "Serdar Berdimuhamedov.\n\nA number of documents was signed during the visit in "
        "energy, health and education.",
        "2031-05-08",
    )
    assert (
        batch.title == "33 documents on energy, health and education signed during the state visit"
    )


def test_russian_batches_counted_uncounted_and_planned() -> None:
    (some,) = _agreements(
        "В присутствии глав правительств России и Вьетнама был подписан ряд документов о "
        "сотрудничестве в сферах образования и здравоохранения.",
        "2031-05-08",
    )
    assert some.title.startswith("documents on cooperation in spheres of education")
    assert some.title.endswith("signed in their presence")
    (counted,) = _agreements(
        "На полях выставки компании России и Китая подписали 17 соглашений о сотрудничестве.",
        "2031-05-08",
    )
    assert counted.title == "17 agreements on cooperation signed following the exhibition"
    (planned,) = _agreements(
        "По итогам форума регионов России и Белоруссии планируется подписать пакет из 25 "
        "соглашений и контрактов на общую сумму 900 млн долларов.",
        "2031-05-08",
    )
    assert (planned.title, planned.status) == (
        "package of 25 agreements and contracts to be signed following the forum",
        "planned",
    )


def test_a_russian_batch_of_two_nouns_known_by_what_the_second_covers() -> None:
    found = _agreements(
        "По итогам переговоров России и Монголии подписаны 6 соглашений и меморандумов в сфере "
        "туризма и образования.",
        "2031-05-08",
    )
    assert [a.title for a in found] == [
        "6 agreements and memoranda in the sphere of tourism and education signed following "
        "the talks"
    ]


def test_documents_being_drafted_for_a_trip_are_planned_and_dated_ahead() -> None:
    found = _agreements(
        "Kyrgyzstan and China: the minister said the loan deal was one of about 12 agreements "
        "being drafted for the trip, which is scheduled for November.",
        "2031-10-01",
    )
    (batch,) = [a for a in found if "12" in a.title]
    assert (batch.title, batch.status, batch.date) == (
        "about 12 agreements being drafted for the trip",
        "planned",
        "2031-11",
    )


def test_a_batch_told_as_one_on_this_one_on_that_and_another() -> None:
    """'signed nine memorandums, including one on X, one on Y, and another on Z': the three
    named, each a memorandum of its own; no record of the batch, nor of a 'swap' the first
    one's subject names."""
    found = _agreements(
        "After the talks, the two governments signed nine memorandums, including one on "
        "extending a three-year currency swap worth 35 billion yuan, one on joint monitoring "
        "of the Amur river, and another on exports of Mongolian beef to China.",
        "2027-04-02",
    )
    assert sorted((a.kind, a.title) for a in found) == [
        ("memorandum", "memorandum on exports of Mongolian beef to China"),
        ("memorandum", "memorandum on extending a three-year currency swap worth 35 billion yuan"),
        ("memorandum", "memorandum on joint monitoring of the Amur river"),
    ]
