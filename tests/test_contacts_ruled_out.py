"""Contacts a text rules out, calls off or only asks about are no events.

"there are no plans for a meeting between X and Y", "no phone call between X and Y is
planned", "played down talk of a visit", "called off a trip", "had been hoping to host a
summit in January", "визита X в Y в графике пока нет" and a yes-no question ("Состоится ли
визит ...?", "Q: Will X meet Y ...?") tell no contact, while the contact told next to them
still counts. The texts are written for these tests."""

from __future__ import annotations

from typing import Any

from tests.conftest import extract_text


def _events(text: str, published: str) -> list[tuple[Any, ...]]:
    return [
        (e.mode, e.status, e.date, tuple(sorted(e.participants)))
        for e in extract_text(text, published).events
    ]


def test_no_plans_for_a_meeting_is_no_meeting() -> None:
    found = _events(
        "Kremlin spokesman Dmitry Peskov said on Monday there were no plans for a meeting "
        "between President Vladimir Putin and Prime Minister Narendra Modi this month.",
        "2031-03-11",
    )
    assert found == []


def test_no_call_is_planned_is_no_call_but_the_talks_told_next_are() -> None:
    found = _events(
        "No telephone conversation between Vladimir Putin and Xi Jinping is planned for this "
        "week, Peskov said. Russian Foreign Minister Sergei Lavrov met Chinese Foreign Minister "
        "Wang Yi in Beijing on Tuesday.",
        "2031-03-13",
    )
    assert [f[:2] for f in found] == [("meeting", "occurred")]
    assert found[0][3] == ("Sergei Lavrov", "Wang Yi")


def test_a_visit_played_down_is_none() -> None:
    found = _events(
        "India's foreign ministry played down talk of a visit by Xi Jinping to India, saying "
        "no dates had been discussed.",
        "2031-05-02",
    )
    assert found == []


def test_a_trip_called_off_is_none_and_the_one_rescheduled_is_planned() -> None:
    found = _events(
        "German Foreign Minister Johann Wadephul, who called off a trip to China in March, "
        "is now expected in Beijing in June.",
        "2031-05-02",
    )
    assert found == [("visit", "planned", "2031-06", ("China", "Johann Wadephul"))]


def test_a_summit_a_host_had_been_hoping_for_is_none() -> None:
    found = _events(
        "Seoul had been hoping to host a China-Japan-South Korea leaders' meeting in February.",
        "2031-01-20",
    )
    assert found == []


def test_a_visit_not_in_the_schedule_is_none_in_russian() -> None:
    found = _events(
        "Визита Владимира Путина в Индию в графике пока нет, сообщил Дмитрий Песков.",
        "2031-03-11",
    )
    assert found == []


def test_a_yes_no_question_tells_no_contact_or_deal() -> None:
    found = extract_text(
        "Вопрос: Состоится ли визит Владимира Путина в Китай в мае? Ведутся ли переговоры о "
        "новом соглашении по газу между Россией и Китаем?",
        "2031-03-11",
    )
    assert found.events == () and found.agreements == ()
    english = extract_text(
        "Q: Will Vladimir Putin and Xi Jinping meet in Kazan next week? Is a new gas agreement "
        "between Russia and China being negotiated?",
        "2031-03-11",
    )
    assert english.events == () and english.agreements == ()


def test_a_question_with_a_question_word_keeps_what_it_asks_about() -> None:
    found = _events("Вопрос: Когда состоится визит Владимира Путина в Китай в мае?", "2031-03-11")
    assert ("visit", "planned", "2031-05", ("China", "Vladimir Putin")) in found


def test_no_date_set_for_a_visit_keeps_the_visit_planned() -> None:
    found = _events(
        "Peskov said no date had been set for the visit of Vladimir Putin to India, which is "
        "expected in December.",
        "2031-10-02",
    )
    assert ("visit", "planned", "2031-12", ("India", "Vladimir Putin")) in found


def test_talks_discussed_with_a_titled_head_where_they_were_held_are_a_meeting() -> None:
    found = _events(
        "Russian Transport Minister Andrei Nikitin discussed new routes with Civil Aviation "
        "Administration of China (CAAC) head Song Zhiyong in Beijing in February.",
        "2031-03-02",
    )
    assert found == [("meeting", "occurred", "2031-02", ("Andrei Nikitin", "Song Zhiyong"))]


def test_yesterdays_call_in_russian_is_dated_the_day_before() -> None:
    found = _events(
        "Песков в среду прокомментировал итоги вчерашнего телефонного разговора Владимира "
        "Путина и Си Цзиньпина.",
        "2031-03-12",
    )
    assert [(f[0], f[2]) for f in found] == [("call", "2031-03-11")]


def test_a_navy_plan_is_a_planned_patrol_not_a_plan_document() -> None:
    found = extract_text(
        "The Russian and Chinese navies plan a joint patrol in the Pacific after the drills.",
        "2031-07-02",
    )
    assert [(e.mode, e.status) for e in found.events] == [("military", "planned")]
    assert found.agreements == ()


def test_a_treaty_organization_is_a_body_not_an_agreement() -> None:
    found = extract_text(
        "Armenia froze its participation in the Collective Security Treaty Organization in "
        "February, and Russia and Armenia signed a treaty on allied interaction in March.",
        "2031-04-02",
    )
    assert [a.title for a in found.agreements] == ["treaty on allied interaction"]


def test_a_state_named_by_its_full_russian_name_is_the_state() -> None:
    found = _events(
        "12-14 мая Министр иностранных дел России Сергей Лавров совершит визит в Корейскую "
        "Народно-Демократическую Республику.",
        "2031-05-05",
    )
    assert found == [("visit", "planned", "2031-05-12", ("North Korea", "Sergey Lavrov"))]


def test_a_reception_still_to_come_is_a_planned_meeting() -> None:
    found = _events(
        "Russian Foreign Minister Sergei Lavrov arrived in Wonsan on Friday for talks with "
        "North Korean Foreign Minister Choe Son Hui. Kim Jong Un is expected to receive "
        "Lavrov later today.",
        "2031-07-12",
    )
    assert ("meeting", "planned", "2031-07-12", ("Kim Jong Un", "Sergei Lavrov")) in found


def test_talks_named_by_the_adjective_alone_are_a_meeting() -> None:
    found = _events(
        "A bilateral with President Xi Jinping took place on the sidelines, Indian Prime "
        "Minister Narendra Modi's office said on Sunday.",
        "2031-08-31",
    )
    assert [(f[0], f[3]) for f in found] == [("meeting", ("Narendra Modi", "Xi Jinping"))]


def test_presidents_who_talked_in_person_on_a_summits_sidelines_met_in_russian() -> None:
    found = _events(
        "Последний раз Путин и Эрдоган общались лично на полях саммита ШОС в Тяньцзине в "
        "начале сентября.",
        "2031-10-15",
    )
    assert ("meeting", "occurred", "2031-09", ("Recep Tayyip Erdoğan", "Vladimir Putin")) in found


def test_a_denial_with_that_left_out_rules_the_meeting_out_not_the_visit() -> None:
    found = _events(
        "Former Taiwan leader Ma Ying-jeou will visit China next week, his foundation said. "
        "Ma's office denied he would meet Xi Jinping during the trip.",
        "2031-03-21",
    )
    assert [f[:2] for f in found] == [("visit", "planned")]
