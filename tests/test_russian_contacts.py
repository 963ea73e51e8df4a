"""Contacts Russian reports tell through another word: a meeting and a video consultation in
contrasting clauses ("встречались лично в апреле, а в июле ... провели консультации по
видеосвязи"); officials "of the two countries" (the states, not their leaders); a meeting
"на полях форума, который прошел 10–12 сентября" (the month, and the people at the forum);
a participle ("Вице-премьеры, встречавшиеся в Москве в июне"); "V.V. Putin" by initials;
a person the gazetteer lacks under the Latin form of the name; a call that prepared a dated
visit ("обсудили по телефону подготовку визита ... в 2027 году"); a guest received by a
chairman ("Мишустина принял председатель КНР")."""

from __future__ import annotations

from typing import Any

import pytest
from tests.conftest import extract_text


def _events(text: str, published: str) -> list[Any]:
    return list(extract_text(text, published).events)


def test_a_meeting_and_a_video_consultation_in_contrasting_clauses_are_two() -> None:
    events = _events(
        "Министры обороны России и Китая Андрей Белоусов и Дун Цзюнь провели переговоры. "
        "Министры в последний раз встречались лично в марте в Москве, а в мае эксперты двух "
        "стран провели консультации по видеосвязи.",
        "2026-07-06",
    )
    shapes = sorted((e.mode, e.date) for e in events if e.status == "occurred")
    assert ("meeting", "2026-03") in shapes
    assert ("video", "2026-05") in shapes


def test_officials_of_the_two_countries_are_the_states_not_their_leaders() -> None:
    events = _events(
        "Presidents Vladimir Putin and Xi Jinping spoke by phone on Monday. In July, deputy "
        "chiefs of the general staffs of the two countries held consultations by video link.",
        "2026-08-05",
    )
    (video,) = [e for e in events if e.mode == "video"]
    assert (video.date, set(video.participants)) == ("2026-07", {"Russia", "China"})


def test_talks_on_the_sidelines_of_a_forum_of_several_days() -> None:
    events = _events(
        "Губернатор Амурской области Василий Орлов провел в Хэйхэ переговоры с губернатором "
        "провинции Хэйлунцзян Лян Хуэйлин. Встреча состоялась на полях Российско-китайского "
        "форума, который прошел в Хэйхэ 16–18 июня.",
        "2026-06-22",
    )
    (talks,) = [e for e in events if e.mode == "meeting"]
    assert talks.date == "2026-06"
    (forum,) = [e for e in events if e.mode == "multilateral"]
    assert (forum.date, forum.date_end) == ("2026-06-16", "2026-06-18")
    assert "Vasily Orlov" in forum.participants


def test_a_participle_tells_the_meeting_of_the_people_named_before() -> None:
    events = _events(
        "Программу подписали в пятницу вице-премьер России Алексей Оверчук и вице-премьер "
        "Армении Мгер Григорян. Вице-премьеры, встречавшиеся в Ереване в мае, тогда поручили "
        "ведомствам подготовить документ.",
        "2026-10-12",
    )
    (meeting,) = [e for e in events if e.mode == "meeting"]
    assert meeting.date == "2026-05"
    assert len(meeting.participants) == 2


def test_a_leader_named_by_initials_is_the_gazetteer_person() -> None:
    result = extract_text(
        "Under the strategic leadership of Chairman Xi Jinping and President V.V. Putin, "
        "relations are at a high level, Wang Yi said.",
        "2025-11-12",
    )
    assert "Vladimir Putin" in [a.name for a in result.actors]


def test_a_person_the_gazetteer_lacks_is_named_in_latin_letters() -> None:
    result = extract_text(
        "Вице-премьер Казахстана Серик Жумангарин провел переговоры с Алексеем Оверчуком.",
        "2026-03-02",
    )
    (person,) = [a for a in result.actors if "Жумангарин" in " ".join(a.aliases)]
    assert person.name == "Serik Zhumangarin"


def test_a_call_preparing_contacts_next_year_is_dated_by_its_own_day() -> None:
    events = _events(
        "В минувший четверг министры иностранных дел Сергей Лавров и Ван И обсудили по "
        "телефону подготовку визита Путина в Китай в 2027 году.",
        "2026-11-16",
    )
    (call,) = [e for e in events if e.mode == "call"]
    assert (call.status, call.date) == ("occurred", "2026-11-12")
    (visit,) = [e for e in events if e.mode == "visit"]
    assert (visit.status, visit.date) == ("planned", "2027")


def test_a_chairman_received_the_guest_and_the_next_meeting_is_planned() -> None:
    events = _events(
        "В понедельник Мишустина в Пекине принял председатель КНР Си Цзиньпин, а следующая "
        "регулярная встреча глав правительств пройдет в 2027 году в России.",
        "2026-11-18",
    )
    shapes = sorted((e.mode, e.status, e.date) for e in events)
    assert shapes == [("meeting", "occurred", "2026-11-16"), ("meeting", "planned", "2027")]
    (received,) = [e for e in events if e.status == "occurred"]
    assert set(received.participants) == {"Mikhail Mishustin", "Xi Jinping"}


def test_heads_of_regions_who_met_before_are_the_two_governors_named() -> None:
    events = _events(
        "Губернатор Амурской области Василий Орлов и губернатор провинции Хэйлунцзян Лян "
        "Хуэйлин во вторник провели переговоры по видеосвязи. Главы регионов, встречавшиеся в "
        "июне в Харбине на полях Российско-Китайского ЭКСПО, обсудили работу моста.",
        "2026-09-10",
    )
    (met,) = [e for e in events if e.mode == "meeting"]
    assert (met.date, set(met.participants)) == ("2026-06", {"Vasily Orlov", "Liang Huiling"})
    (expo,) = [e for e in events if e.mode == "multilateral"]
    assert {"Russia", "China"} <= set(expo.participants)


def test_a_guest_on_a_visit_is_not_the_one_his_talks_were_with() -> None:
    events = _events(
        "Председатель правительства Михаил Мишустин, находившийся в Китае с официальным "
        "визитом, назвал переговоры с Ли Цяном содержательными.",
        "2026-11-05",
    )
    (visit,) = [e for e in events if e.mode == "visit"]
    assert set(visit.participants) == {"Mikhail Mishustin", "China"}


def test_the_same_day_the_russian_minister_met_the_premier_is_one_more_meeting() -> None:
    events = _events(
        "Министр Александр Козлов провел в пятницу в Улан-Баторе 28-е заседание комиссии. С "
        "монгольской стороны заседание провела министр иностранных дел Батмунхийн Батцэцэг. "
        "В тот же день российский министр встретился с премьер-министром Монголии "
        "Гомбожавыном Занданшатаром.",
        "2026-09-14",
    )
    met = sorted((e.date, tuple(sorted(e.participants))) for e in events if e.mode == "meeting")
    assert ("2026-09-11", ("Alexander Kozlov", "Gombojavyn Zandanshatar")) in met
    assert len(met) == 2


def test_a_reception_of_a_minister_and_the_surname_in_its_other_cases() -> None:
    """'Ким Чен Ын принял министра ...', then 'Беседа Козлова с Ким Чен Ыном' and 'Козлов и
    министр ... провели заседание': one receiver named in the instrumental, one visitor named
    by the bare surname in the nominative after its genitive full form."""
    events = _events(
        "ПХЕНЬЯН, 20 окт. Председатель государственных дел КНДР Ким Чен Ын в воскресенье принял "
        "в Пхеньяне министра природных ресурсов России Александра Козлова. Беседа Козлова с Ким "
        "Чен Ыном прошла в теплой атмосфере.\n\nВ субботу Козлов и министр внешнеэкономических "
        "связей КНДР провели заседание межправительственной комиссии. По словам Козлова, число "
        "российских туристов, посетивших КНДР в январе-сентябре, выросло в 2,3 раза.",
        "2031-10-20",  # a Monday
    )
    meetings = {(e.date, e.participants) for e in events if e.mode == "meeting"}
    assert ("2031-10-19", ("Kim Jong Un", "Alexander Kozlov")) in meetings
    assert any(date == "2031-10-18" and "Alexander Kozlov" in p for date, p in meetings)
    assert not any(e.mode == "visit" and e.date == "2031-01" for e in events)  # tourists


def test_the_heads_of_two_regions_told_before_and_the_day_before() -> None:
    events = _events(
        "БЛАГОВЕЩЕНСК, 24 сентября. Товарооборот Амурской области с Китаем вырос на 5%.\n\n"
        "Накануне губернатор Амурской области Василий Орлов провел переговоры с губернатором "
        "провинции Хэйлунцзян Лян Хуэйлин. Следующая встреча глав двух регионов запланирована "
        "на июнь следующего года в Харбине.",
        "2031-09-24",
    )
    meetings = {(e.status, e.date, e.participants[0]) for e in events if e.mode == "meeting"}
    assert ("occurred", "2031-09-23", "Vasily Orlov") in meetings
    assert ("planned", "2032-06", "Vasily Orlov") in meetings


def test_a_visit_with_talks_and_a_session_told_after_a_takzhe() -> None:
    """'посетит Москву, где проведет переговоры с X, а также вместе с Y проведет заседание
    комиссии': the visit, the talks ('проведет' is not 'ведет'), and the session of the
    same guest on the same dates."""
    events = _events(
        "Министр иностранных дел Египта Бадр Абдель Аты посетит Москву на следующей неделе, "
        "где проведет переговоры с российским коллегой Сергеем Лавровым, а также вместе с "
        "вице-премьером Алексеем Оверчуком проведет заседание межправительственной комиссии "
        "по торговле.",
        "2031-11-10",
    )
    shapes = sorted((e.mode, e.status, e.date) for e in events)
    assert shapes == [
        ("meeting", "planned", "2031-11"),
        ("meeting", "planned", "2031-11"),
        ("visit", "planned", "2031-11"),
    ]
    meetings = sorted(e.participants[:2] for e in events if e.mode == "meeting")
    assert meetings == [("Badr Abdel Aty", "Alexey Overchuk"), ("Badr Abdel Aty", "Sergey Lavrov")]


def test_two_meetings_told_by_month_and_city_and_a_visit_by_the_family_name() -> None:
    events = _events(
        "Владимир Путин и Си Цзиньпин в прошлом году встречались дважды — в мае в Москве и в "
        "сентябре в Пекине, а в этом году, как ожидается, Си посетит Россию.",
        "2031-02-12",
    )
    assert sorted((e.mode, e.status, e.date, e.participants) for e in events) == [
        ("meeting", "occurred", "2030-05", ("Vladimir Putin", "Xi Jinping")),
        ("meeting", "occurred", "2030-09", ("Vladimir Putin", "Xi Jinping")),
        ("visit", "planned", "2031", ("Xi Jinping", "Russia")),
    ]


def test_a_meeting_during_the_visit_is_of_that_visit_not_of_one_told_after() -> None:
    events = _events(
        "Премьер-министр Индии Нарендра Моди прибыл в Россию в понедельник с официальным "
        "визитом. В ходе визита Моди также встретился с Михаилом Мишустиным. Мишустин в "
        "марте посетил Дели.",
        "2031-11-18",
    )
    (meeting,) = [e for e in events if e.mode == "meeting"]
    assert (meeting.date, meeting.participants) == (
        "2031-11-17",
        ("Narendra Modi", "Mikhail Mishustin"),
    )


def test_a_session_dated_after_it_was_told_a_guest_received_the_day_before() -> None:
    """'Заседание прошло в среду' dates the session told before; 'был принят президентом'
    is a reception, the day before."""
    events = _events(
        "Россия и Казахстан по итогам 21-го заседания межправительственной комиссии подписали "
        "пять документов, сообщил сопредседатель комиссии, вице-премьер РФ Алексей Оверчук. "
        "Заседание прошло в среду в Астане. Накануне Оверчук был принят президентом "
        "Казахстана Касым-Жомартом Токаевым.",
        "2026-03-06",
    )
    dated = sorted((e.date, tuple(sorted(e.participants))) for e in events)
    assert dated[0] == ("2026-03-03", ("Alexey Overchuk", "Kassym-Jomart Tokayev"))
    assert dated[1][0] == "2026-03-04" and "Alexey Overchuk" in dated[1][1]


def test_talks_told_by_what_was_discussed_where() -> None:
    for text in (
        "Повестку в пятницу обсудили в Москве министр экономического развития России Максим "
        "Решетников и министр коммерции Китая Ван Вэньтао.",
        "Russian Economy Minister Maxim Reshetnikov and Chinese Commerce Minister Wang Wentao "
        "discussed the agenda in Moscow on Friday.",
    ):
        (meeting,) = _events(text, "2026-03-09")
        assert (meeting.mode, meeting.date) == ("meeting", "2026-03-06")
        assert set(meeting.participants) == {"Maxim Reshetnikov", "Wang Wentao"}
    assert _events("Putin and Xi discussed trade in May, the Kremlin said.", "2026-06-01") == []


def test_a_first_person_perfective_future_is_a_plan() -> None:
    """'В конце августа я посещу Китай' (a leader's statement): a planned visit of the
    speaker ('посещу' is a form of 'посетить' the trigger list lacked, and its own future
    tense makes the plan)."""
    from tests.conftest import extract_text

    events = extract_text(
        "В.Путин: Россия поставляет нефть в Китай.\n\nВ конце августа я посещу Китай.",
        "2031-05-08",
    ).events
    assert [(e.mode, e.status, e.date, e.participants) for e in events] == [
        ("visit", "planned", "2031-08", ("Vladimir Putin", "China"))
    ]


@pytest.mark.parametrize(
    ("sentence", "regions"),
    [
        ("Следующее заседание совместной рабочей группы Приморского края и провинции Цзилинь "
         "запланировано на осень во Владивостоке.", {"Primorsky Krai", "Jilin"}),
        ("В начале следующего года в Чите пройдет заседание рабочей группы по приграничному "
         "сотрудничеству Забайкальского края и Внутренней Монголии.",
         {"Zabaykalsky Krai", "Inner Mongolia"}),
    ],
)  # fmt: skip
def test_a_joint_body_of_two_regions_meets_as_theirs(sentence: str, regions: set[str]) -> None:
    """'заседание рабочей группы Хабаровского края и провинции Хэйлунцзян': the two regions
    (one of each side, not the venue after them), not the two states."""
    (meeting,) = _events("Россия и Китай развивают сотрудничество. " + sentence, "2031-09-08")
    assert regions <= set(meeting.participants)
    assert not {"Russia", "China"} & set(meeting.participants)


def test_a_governors_post_tells_his_own_trip_and_meetings() -> None:
    """A channel post under its author's name ("Имя Фамилия | Край") is his turn: "провёл
    встречу с X" with no subject is his meeting, "рабочей поездки в Китай" his trip; the date
    line over the post ("21 мая") dates it in the year "в прошлом, 2024 году" implies; "ждём
    во Владивостоке делегацию во главе с губернатором Y" is Y's planned visit."""
    import datetime as dt

    from bilat.ingest.implied_date import implied_published

    text = (
        "Олег Кожемяко | Приморский край\n\n21 мая\n\nТретий день рабочей поездки в Китай. "
        "Сегодня в Чанчуне провёл встречу с секретарём парткома провинции Гирин Хуан Цяном. "
        "Договорились увеличить грузопоток через пункт пропуска Краскино.\n\nВ прошлом, 2024 "
        "году товарооборот края с провинцией вырос на 12%.\n\nВ сентябре ждём во Владивостоке "
        "делегацию провинции во главе с губернатором Ху Юйтином."
    )
    implied = implied_published(text, dt.date(2026, 12, 6))
    assert implied is not None and implied.date == "2025-05-21"
    found = {(e.mode, e.status, e.date, e.participants) for e in _events(text, implied.date)}
    assert ("meeting", "occurred", "2025-05-21", ("Huang Qiang", "Oleg Kozhemyako")) in found
    assert ("visit", "occurred", "2025-05-21", ("Oleg Kozhemyako", "China")) in found
    assert ("visit", "planned", "2025-09", ("Hu Yuting", "Russia")) in found


@pytest.mark.parametrize(
    ("sentence", "mode", "date"),
    [
        (  # a session that "must take place": still to come, the December ahead
            "А в начале декабря в Москве должно пройти заседание межправительственной комиссии "
            "под председательством Дениса Мантурова и Дин Сюэсяна.",
            "meeting",
            "2031-12",
        ),
        (
            "В августе, по данным Минобороны, в Японском море должны пройти совместные "
            "военно-морские учения России и Китая.",
            "military",
            "2031-08",
        ),
    ],
)
def test_a_contact_that_must_take_place_is_planned(sentence: str, mode: str, date: str) -> None:
    events = [e for e in _events(sentence, "2031-06-04") if e.mode == mode]
    assert [(e.status, e.date) for e in events] == [("planned", date)]


def test_a_plan_that_fell_through_is_no_plan() -> None:
    """'должны были пройти ... но их отменили': what was to happen and did not."""
    events = _events(
        "В мае должны были пройти учения России и Китая, но их отменили.", "2031-06-04"
    )
    assert not [e for e in events if e.status == "planned"]


def test_a_visit_at_a_hosts_invitation_and_the_leaders_talks_after_a_date() -> None:
    """'находился ... с государственным визитом 7–10 мая по приглашению Владимира Путина':
    the guest's visit (the host named after it invites); '8 мая в Кремле лидеры провели
    переговоры': the two named before, on the 8th; 'На следующий день' is the 9th."""
    events = _events(
        "Председатель КНР Си Цзиньпин находился в России с государственным визитом 7–10 мая по "
        "приглашению Владимира Путина. 8 мая в Кремле лидеры провели переговоры в узком и "
        "расширенном составе. На следующий день председатель КНР посетил парад Победы.",
        "2031-06-04",
    )
    shapes = {(e.mode, e.date, frozenset(e.participants)) for e in events}
    assert ("visit", "2031-05-07", frozenset({"Xi Jinping", "Russia"})) in shapes
    assert ("meeting", "2031-05-08", frozenset({"Xi Jinping", "Vladimir Putin"})) in shapes
    assert not [e for e in events if e.date == "2031-06-05"]


@pytest.mark.parametrize(
    ("text", "person", "mode", "date"),
    [
        (
            "Генеральный директор «Уралкалия» Виталий Лаук в апреле побывал в Индии, где "
            "провел переговоры с руководством Indian Potash.",
            "Vitaly Lauk",
            "visit",
            "2025-04",
        ),
        (
            "Гендиректор «Русала» Евгений Никитин в октябре провел в Пекине переговоры с "
            "руководством китайской компании.",
            "Yevgeny Nikitin",
            "meeting",
            "2025-10",
        ),
    ],
)
def test_a_company_head_has_the_companys_state(
    text: str, person: str, mode: str, date: str
) -> None:
    ext = extract_text(text, "2025-11-20")
    assert {a.name: a.country for a in ext.actors if a.type == "person"} == {person: "RU"}
    assert (mode, person, date) in {(e.mode, e.participants[0], e.date) for e in ext.events}


def test_a_release_of_lines_tells_another_pair_and_a_roadmaps_years_date_nothing() -> None:
    """A ministry's release whose paragraphs are lines (no blank line): the line on a call
    with India is Russia-India though the release is Russia-Vietnam; the roadmap "на
    2026–2028 годы" signed after the talks dates no meeting in 2028."""
    found = _events(
        "Максим Решетников провёл в Москве переговоры с Министром промышленности и торговли "
        "Вьетнама Нгуен Хонг Зиеном.\n"
        "Стороны подтвердили цель довести товарооборот России и Вьетнама до 12 млрд долларов.\n"
        "По итогам встречи подписана Дорожная карта по развитию сотрудничества между Россией "
        "и Вьетнамом на 2026–2028 годы.\n"
        "В тот же день Максим Решетников провёл телефонный разговор с Министром торговли и "
        "промышленности Индии Пиюшем Гоялом.",
        "2026-10-14",
    )
    assert {(e.mode, e.status, e.date, e.participants) for e in found} == {
        ("meeting", "occurred", "2026-10-14", ("Maxim Reshetnikov", "Nguyen Hong Dien")),
        ("call", "occurred", "2026-10-14", ("Maxim Reshetnikov", "Piyush Goyal")),
    }


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # after its subject, before a past verb: the day before the item's report
        (
            "Председатель КНР Си Цзиньпин накануне провел в Астане переговоры с президентом "
            "Казахстана Касым-Жомартом Токаевым.",
            "2031-09-14",
        ),
        # the eve of an occasion is no day of its own
        (
            "Председатель КНР Си Цзиньпин провел в Астане переговоры с президентом Казахстана "
            "Касым-Жомартом Токаевым накануне саммита.",
            "2031-09-15",
        ),
    ],
)
def test_nakanune_after_the_subject_is_the_day_before(text: str, date: str) -> None:
    meetings = [
        (e.date, e.participants) for e in _events(text, "2031-09-15") if e.mode == "meeting"
    ]
    assert meetings == [(date, ("Xi Jinping", "Kassym-Jomart Tokayev"))]


def test_a_regional_delegation_coming_and_a_pronoun_after_day_and_place() -> None:
    """A regional release: "в декабре в Хабаровск приедет делегация соседней провинции Цзилинь"
    (the place first, the delegation after the verb and an adjective, a future verb after "с
    визитом"), and "Во вторник, 3 марта, в Чанчуне он провёл переговоры с ...": the governor
    named before, after a day and a place."""
    planned = _events(
        "Зато в декабре в Хабаровск приедет делегация соседней провинции Цзилинь.", "2031-11-20"
    )
    assert [(e.mode, e.participants[0], e.date, e.status) for e in planned] == [
        ("visit", "Jilin", "2031-12", "planned")
    ]
    guest = _events(
        "В декабре в Москву с визитом приедет министр иностранных дел КНР Ван И.", "2031-11-20"
    )
    assert [(e.mode, e.date, e.status) for e in guest] == [("visit", "2031-12", "planned")]
    talks = _events(
        "Губернатор Приморского края Олег Кожемяко находится с визитом в Китае. Во вторник, "
        "3 марта, в Чанчуне он провёл переговоры с губернатором провинции Ху Юйтином.",
        "2031-03-05",
    )
    assert ("meeting", "2031-03-03") in {(e.mode, e.date) for e in talks}


def test_one_unknown_person_in_two_cases_is_one_actor() -> None:
    """'Максимом Игнатьевым' and 'Максим Игнатьев': one man (cutting endings alone keyed the
    first as 'максим' and the second as 'макс')."""
    actors = extract_text(
        "Делегацию возглавил вице-премьер Максимом Игнатьевым. «Мы довольны», — сказал Максим "
        "Игнатьев. Ольги Светловой не было; Ольга Светлова в Пекине.",
        "2031-05-01",
    ).actors
    names = [a.name for a in actors if a.type == "person"]
    assert len(names) == len(set(names)) == 2, names


def test_a_capital_read_first_as_a_first_name_is_the_place() -> None:
    """'прибыл в Астану': pymorphy3 reads 'Астану' first as a man named Астан; the place is
    matched in that case too, so the trip is to Kazakhstan."""
    events = _events("Президент Кыргызстана Садыр Жапаров прибыл в Астану с визитом.", "2031-05-14")
    assert [(e.mode, e.participants) for e in events] == [
        ("visit", ("Sadyr Japarov", "Kazakhstan"))
    ]


def test_reports_called_speculation_tell_no_document() -> None:
    """'назвал «домыслами» сообщения о том, что будет подписан договор': no treaty."""
    found = extract_text(
        "Пресс-секретарь Кремля ранее назвал «домыслами» сообщения о том, что в ходе визита "
        "будет подписан новый договор о союзническом взаимодействии.",
        "2031-05-14",
    ).agreements
    assert found == ()


def test_talks_at_home_are_not_dated_by_a_trip_told_as_earlier() -> None:
    """A release of the 21st: 'Губернатор ... провёл в Перми встречу с делегацией' is the
    news (the release's day); 'Ранее, в октябре, губернатор посетил Харбин, где провёл
    переговоры с ...' is an earlier trip, whose talks are of October."""
    events = _events(
        "Губернатор Пермского края Дмитрий Махонин провёл в Перми встречу с делегацией "
        "провинции Хэйлунцзян во главе с вице-губернатором Чжан Цишанем. Ранее, в октябре, "
        "Дмитрий Махонин посетил Харбин, где провёл переговоры с губернатором провинции Лян "
        "Хуэйлин.",
        "2031-11-21",
    )
    got = {(e.mode, e.participants[-1], e.date) for e in events}
    assert ("meeting", "Liang Huiling", "2031-10") in got
    assert ("meeting", "Zhang Qishan", "2031-11-21") in got


def test_a_past_visit_to_the_emirates_by_the_russian_leader() -> None:
    """ "в Эмираты" is the UAE (the short name of Russian reports), "российского лидера" the
    president, and "шейхом Мухаммедом бен Зайедом" the UAE's president in either spelling."""
    events = _events(
        "Президент России Владимир Путин принял в Кремле министра иностранных дел ОАЭ шейха "
        "Абдаллу бен Зайеда Аль Нахайяна. Предыдущий визит российского лидера в Эмираты "
        "состоялся в декабре 2030 года.",
        "2031-08-07",
    )
    shapes = {(e.mode, e.date, tuple(sorted(e.participants))) for e in events}
    assert ("visit", "2030-12", ("United Arab Emirates", "Vladimir Putin")) in shapes
    assert ("meeting", "2031-08-07", ("Abdullah bin Zayed Al Nahyan", "Vladimir Putin")) in shapes


def test_two_who_discussed_a_matter_on_the_sidelines_of_a_summit_met() -> None:
    events = _events(
        "Владимир Путин и Си Цзиньпин обсуждали финансовое взаимодействие 22 октября на полях "
        "саммита БРИКС в Казани.",
        "2026-11-08",
    )
    (met,) = [e for e in events if e.mode == "meeting"]
    assert (met.date, set(met.participants)) == ("2026-10-22", {"Vladimir Putin", "Xi Jinping"})
    assert [e.mode for e in events if e.mode == "multilateral"] == ["multilateral"]
