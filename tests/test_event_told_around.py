"""Contacts told around other words: a date after an interrupting ", who ...," clause (of the
clause it interrupts), a month before the contact's noun ("her April visit"), "hosted him for
dinner the same evening, where ...", "discussed X with Y in Kazan", "the two central banks"
(the two banks told before), "his first visit since the start of the war in 2022" (the war's
year is no date of the visit); Russian "соглашение пока не подписано" (still negotiated)."""

from __future__ import annotations

from tests.conftest import extract_text


def _events(text: str, published: str) -> list[tuple[str, str, str | None, frozenset[str]]]:
    return [
        (e.mode, e.status, e.date, frozenset(e.participants))
        for e in extract_text(text, published).events
    ]


def test_a_date_after_a_who_clause_dates_the_clause_it_interrupts() -> None:
    events = _events(
        "Kazakh Energy Minister Almasadam Satkaliyev met Alexei Likhachev, the head of Rosatom, "
        "who was on a two-day working visit to Astana, on March 11, the ministry said.",
        "2026-03-20",
    )
    assert (
        "meeting",
        "occurred",
        "2026-03-11",
        frozenset({"Almasadam Satkaliyev", "Alexei Likhachev"}),
    ) in events


def test_a_month_before_the_visit_noun_dates_the_visit() -> None:
    events = _events(
        "German Chancellor Olaf Scholz raised the issue with Premier Li Qiang in Chongqing during "
        "his April visit to China, officials said.",
        "2024-08-02",
    )
    assert ("visit", "occurred", "2024-04", frozenset({"Olaf Scholz", "China"})) in events


def test_hosted_him_the_same_evening_is_a_meeting_that_day() -> None:
    events = _events(
        "Indonesian President Prabowo Subianto arrived in Moscow on Wednesday on a three-day "
        "visit. Russian President Vladimir Putin hosted him for a private dinner in the Kremlin "
        "the same evening, where the two leaders talked for several hours.",
        "2025-06-20",
    )
    assert (
        "meeting",
        "occurred",
        "2025-06-18",
        frozenset({"Vladimir Putin", "Prabowo Subianto"}),
    ) in events


def test_discussed_with_someone_in_a_city_is_a_meeting() -> None:
    events = _events(
        "Finance Minister Anton Siluanov discussed the new payment channels with Chinese Finance "
        "Minister Lan Foan in Rio de Janeiro last month, the ministry said.",
        "2024-08-14",
    )
    assert ("meeting", "occurred", "2024-07", frozenset({"Anton Siluanov", "Lan Foan"})) in events


def test_discussed_with_someone_the_situation_in_a_country_is_no_meeting() -> None:
    events = _events(
        "Russian President Vladimir Putin discussed with Chinese President Xi Jinping the "
        "situation in Ukraine and bilateral trade.",
        "2024-08-14",
    )
    assert not [e for e in events if e[0] == "meeting"]


def test_the_two_central_banks_are_the_banks_told_before() -> None:
    events = _events(
        "The Bank of Russia and the People's Bank of China have expanded their currency swap "
        "line, the Russian regulator said on Monday. The two central banks will hold their next "
        "round of consultations in Moscow in June.",
        "2025-03-10",
    )
    assert (
        "meeting",
        "planned",
        "2025-06",
        frozenset({"Bank of Russia", "People's Bank of China"}),
    ) in {
        (
            m,
            s,
            d,
            frozenset(
                n.replace("Central Bank of the Russian Federation", "Bank of Russia") for n in p
            ),
        )
        for m, s, d, p in events
    }


def test_a_wars_year_after_since_is_no_date_of_the_visit() -> None:
    events = _events(
        "Turkish President Recep Tayyip Erdogan and Vladimir Putin agreed to expand grain "
        "shipments after talks in Sochi during Erdogan's first visit to Russia since the start "
        "of the war in Ukraine in 2022.",
        "2024-05-14",
    )
    dates = {e[2] for e in events if e[0] == "visit"}
    assert dates and not any(d.startswith("2022") for d in dates)


def test_a_russian_agreement_not_yet_signed_is_negotiated() -> None:
    ext = extract_text(
        "Соглашение об установлении побратимских связей между Омском и Павлодаром пока не "
        "подписано, сообщил мэр.",
        "2025-04-20",
    )
    [agreement] = ext.agreements
    assert agreement.status == "negotiating"
    assert "twin-city ties" in agreement.title


def test_a_speaker_telling_his_own_trip_is_the_visitor() -> None:
    events = _events(
        "Kazakh President Kassym-Jomart Tokayev said he would pay a state visit to China in June, "
        "his office said.",
        "2026-01-10",
    )
    assert ("visit", "planned", "2026-06", frozenset({"Kassym-Jomart Tokayev", "China"})) in events


def test_a_visit_someone_said_he_expected_is_still_to_come() -> None:
    events = _events(
        "Kremlin spokesman Dmitry Peskov said he expected the visit of Xi Jinping to Moscow "
        "in May.",
        "2026-01-10",
    )
    assert ("visit", "planned", "2026-05", frozenset({"Xi Jinping", "Russia"})) in events


def test_a_briefings_items_on_other_pairs_are_read_as_theirs() -> None:
    ext = extract_text(
        "Брифинг официального представителя МИД России, Москва, 22 октября 2025 года\n\n"
        "О переговорах Министра иностранных дел России С.В.Лаврова с Министром иностранных "
        "дел Ирана А.Аракчи\n\n"
        "24 октября в Москве состоятся переговоры С.В.Лаврова с Министром иностранных дел "
        "Ирана А.Аракчи, который посетит Россию с рабочим визитом 23–25 октября.\n\n"
        "О предстоящем визите Президента России В.В.Путина в Индию\n\n"
        "В декабре Президент России В.В.Путин посетит Индию. В Нью-Дели состоятся его "
        "переговоры с Премьер-министром Индии Н.Моди. Товарооборот России и Индии в 2024 "
        "году составил 68,7 млрд долларов, Индия остаётся крупным покупателем российской "
        "нефти, а российско-индийские связи растут.\n",
        "2025-10-22",
    )
    got = {(e.mode, e.participants, e.date) for e in ext.events}
    # (the topic line "О переговорах ... Лаврова с ... Аракчи" is no contact of its own)
    assert len(got) == 3
    assert ("visit", ("Abbas Araghchi", "Russia"), "2025-10-23") in got
    assert ("meeting", ("Sergey Lavrov", "Abbas Araghchi"), "2025-10-24") in got
    assert ("visit", ("Vladimir Putin", "India"), "2025-12") in got


def test_states_named_alone_do_not_make_a_section_another_pairs() -> None:
    ext = extract_text(
        "Chinese President Xi Jinping and Russian President Vladimir Putin have kept in "
        "close touch this year.\n\n"
        "- Feb. 24: The two leaders spoke by phone on the third anniversary of Russia's "
        "full-scale invasion of Ukraine.\n",
        "2025-12-20",
    )
    (call,) = [e for e in ext.events if e.mode == "call"]
    assert {"Xi Jinping", "Vladimir Putin"} <= set(call.participants)
