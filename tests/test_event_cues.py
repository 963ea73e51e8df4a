"""Event cues: whether an event is still to come when no 'will' stands before the event word,
and words that name a contact only with a person after them. The texts are written for these
tests."""

from __future__ import annotations

import pytest
from tests.conftest import extract_text

from bilat.extract.events import extract_events
from bilat.extract.gazetteer import default_gazetteer
from test_stages import _ctx  # the actors stage run on a text, as the extractor does


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (  # the marker follows a long body name
            "The 31st meeting of the Russian-Chinese Intergovernmental Commission on Humanitarian "
            "and Cultural Cooperation will be held in Harbin in March, co-chaired by Tatyana "
            "Golikova and Chen Yiqin.",
            "2031-01-20",
            ("planned", "2031-03"),
        ),
        (  # "the next meeting" is to come even when the verb is far from it
            "The next meeting of Sergei Lavrov and Wang Yi, which both sides regard as "
            "important for the partnership, is in Beijing in April.",
            "2031-01-20",
            ("planned", "2031-04"),
        ),
        (  # a present-tense verb in a clause of time: still to come
            "The ministers agreed on the text before Vladimir Putin and Xi Jinping meet in June, "
            "Lavrov said.",
            "2031-05-02",
            ("planned", "2031-06"),
        ),
        (  # ... but a past one happened
            "The ministers agreed on the text before Vladimir Putin and Xi Jinping met in June, "
            "Lavrov said.",
            "2031-08-02",
            ("occurred", "2031-06"),
        ),
    ],
)
def test_plans_told_without_will_before_the_event_word(
    text: str, published: str, expected: tuple[str, str]
) -> None:
    meetings = [
        e for e in extract_events(_ctx(text, published), default_gazetteer()) if e.mode == "meeting"
    ]
    assert [(e.status, e.date) for e in meetings] == [expected]


def test_receiving_or_hosting_a_count_is_no_reception() -> None:
    text = (
        "In nine months Kazakhstan received more than 310,000 tourists from China, and Almaty "
        "hosted 40 Chinese trade fairs. On Monday Kassym-Jomart Tokayev received Chinese "
        "Foreign Minister Wang Yi in Astana."
    )
    ctx = _ctx(text, "2031-10-08")
    ctx.pair = ("KZ", "CN")
    meetings = [e for e in extract_events(ctx, default_gazetteer()) if e.mode == "meeting"]
    assert [(e.participants, e.date) for e in meetings] == [
        (("Kassym-Jomart Tokayev", "Wang Yi"), "2031-10-06")
    ]


def test_talks_with_someone_no_one_places_are_with_the_other_side_that_day() -> None:
    """One side's person talks with a person neither the gazetteer nor the text places: in a
    report on the pair, the other side's; 'earlier in the day' is the day reported."""
    text = (
        "Russian Deputy Foreign Minister Andrei Rudenko, who held talks with Assistant Minister "
        "Zhao Haoming earlier in the day, said the visit was being prepared."
    )
    (event,) = extract_events(_ctx(text, "2031-04-08"), default_gazetteer())
    assert (event.mode, event.status, event.date) == ("meeting", "occurred", "2031-04-08")
    assert set(event.participants) == {"Andrei Rudenko", "Zhao Haoming"}


def test_his_deputy_is_of_his_side() -> None:
    text = "The ministry said Sergei Lavrov would hold talks with his deputy Ivan Kuzmin on Monday."
    assert extract_events(_ctx(text, "2031-04-08"), default_gazetteer()) == []


def test_a_trip_to_one_side_by_someone_no_one_places_is_the_other_sides_visit() -> None:
    text = "Commerce Minister Wang Dongfang will travel to Moscow on March 20 for talks."
    events = extract_events(_ctx(text, "2031-03-12"), default_gazetteer())
    visits = [(e.status, e.date, set(e.participants)) for e in events if e.mode == "visit"]
    assert visits == [("planned", "2031-03-20", {"Wang Dongfang", "Russia"})]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a courtesy call in person
            "Mongolian Foreign Minister Batmunkh Battsetseg also called on Premier Li Qiang on "
            "Wednesday.",
            [("meeting", "occurred", "2031-05-14")],
        ),
        ("Li Qiang called on Mongolia and Russia to keep the border open.", []),  # urging
        (  # the host looks forward to the guest's trip
            "Beijing looks forward to welcoming Ukhnaagiin Khurelsukh to Beijing in August.",
            [("visit", "planned", "2031-08")],
        ),
        ("Ulaanbaatar is welcoming Chinese investors to the mining sector.", []),
    ],
)
def test_called_on_and_welcoming(text: str, expected: list[tuple[str, str, str]]) -> None:
    ctx = _ctx(text, "2031-05-15")
    ctx.pair = ("MN", "CN")
    events = extract_events(ctx, default_gazetteer())
    assert [(e.mode, e.status, e.date) for e in events] == expected


def test_talks_on_a_trip_told_to_the_day_are_the_reports_not_an_earlier_trips() -> None:
    """The talks reported now, by a minister who arrived on Sunday, keep the report's day; the
    counterpart's own trip in April ('they last met in April, when X came to Moscow') is
    another meeting."""
    text = (
        "Russian Foreign Minister Sergei Lavrov, who arrived in Ulaanbaatar on Sunday, held "
        "talks with Mongolian Foreign Minister Batmunkh Battsetseg. The ministers last met in "
        "April in Moscow, where Battsetseg came on a working visit."
    )
    ctx = _ctx(text, "2031-07-14")
    ctx.pair = ("RU", "MN")
    meetings = [e for e in extract_events(ctx, default_gazetteer()) if e.mode == "meeting"]
    assert sorted(e.date or "" for e in meetings) == ["2031-04", "2031-07-14"]


def test_the_talks_told_again_are_the_talks_told_before() -> None:
    text = (
        "Deputy Agriculture Minister Maxim Titov held talks with Chinese Vice Minister of "
        "Customs Zhao Zenglian in Beijing on Monday. The Beijing talks were held by a working "
        "group of the Russian-Chinese sub-commission on agriculture. The sub-commission, which "
        "last met in Kazan in June, will meet again in Harbin in 2033."
    )
    events = extract_events(_ctx(text, "2031-11-12"), default_gazetteer())
    got = sorted(
        (e.date, "Maxim Titov" in e.participants) for e in events if e.status == "occurred"
    )
    assert got == [("2031-06", False), ("2031-11-10", True)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # "дважды" a few words before the event word: two calls
            "С начала года главы МИД дважды разговаривали по телефону.",
            [("call", "occurred"), ("call", "occurred")],
        ),
        (  # a participle of plan words: still to come
            "Министры обсудили подготовку поездки Владимира Путина в КНР, запланированной на "
            "конец августа.",
            [("visit", "planned")],
        ),
    ],
)
def test_russian_counts_and_planned_participles(text: str, expected: list[tuple[str, str]]) -> None:
    from tests.conftest import extract_russian

    events = extract_russian(text, "2031-07-13").events
    assert sorted((e.mode, e.status) for e in events if e.mode != "multilateral") == expected


def test_a_title_with_its_acronym_in_brackets_does_not_end_the_sentence() -> None:
    """spaCy ends a sentence after 'national security adviser (NSA)'; the talks are with the
    person named after it."""
    from tests.conftest import extract_text

    text = "Wang Yi held talks with national security adviser (NSA) Ajit Doval on Tuesday."
    events = extract_text(text, "2031-08-20").events
    assert [(e.mode, set(e.participants), e.date) for e in events] == [
        ("meeting", {"Wang Yi", "Ajit Doval"}, "2031-08-19")
    ]


def test_a_meeting_a_day_before_the_talks_told_first() -> None:
    from tests.conftest import extract_text

    text = (
        "Wang Yi held talks with Ajit Doval on Tuesday, a day after his meeting with external "
        "affairs minister S Jaishankar."
    )
    events = extract_text(text, "2031-08-20").events
    assert sorted((e.date, set(e.participants) - {"Wang Yi"}) for e in events) == [
        ("2031-08-18", {"S Jaishankar"}),
        ("2031-08-19", {"Ajit Doval"}),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # "Он" and "министр" without a name: the person the sentence before named
            "Министр иностранных дел России Сергей Лавров провел переговоры с послом КНР Чжан "
            "Ханьхуэем. В декабре министр посетит Пекин. Он также проведет там переговоры с "
            "премьером Госсовета КНР Ли Цяном.",
            [
                ("meeting", "occurred", "Sergey Lavrov"),
                ("meeting", "planned", "Sergey Lavrov"),
                ("visit", "planned", "Sergey Lavrov"),
            ],
        ),
        (  # "также" tells another event: the session is not the talks told before
            "Губернатор Приморья Олег Кожемяко провел переговоры с губернатором провинции Цзилинь "
            "Ху Юйтином. Он также примет участие в заседании межправкомиссии в Чанчуне на "
            "следующей неделе.",
            [
                ("meeting", "occurred", "Oleg Kozhemyako"),
                ("meeting", "planned", "Oleg Kozhemyako"),
            ],
        ),
    ],
)
def test_a_russian_pronoun_or_office_names_the_person_told_before(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    from tests.conftest import extract_text

    events = extract_text(text, "2031-11-13").events
    assert sorted((e.mode, e.status, e.participants[0]) for e in events) == expected


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (
            "Trade rose in 2030, Governor Oleg Kozhemyako said after talks with Jilin Governor "
            "Hu Yuting. The talks took place last Friday in Changchun.",
            "2031-11-07",  # published on a Friday: last Friday is a week before
        ),
        (
            "Товарооборот по итогам 2030 года вырос на 8%, сообщил губернатор Приморья Олег "
            "Кожемяко после переговоров с губернатором провинции Цзилинь Ху Юйтином. "
            "Переговоры прошли в минувшую пятницу в Чанчуне.",
            "2031-11-07",
        ),
        (  # a result's period ("по итогам 2030 года") does not date the talks
            "Товарооборот по итогам 2030 года вырос на 8%, сообщил губернатор Приморья Олег "
            "Кожемяко после переговоров с губернатором провинции Цзилинь Ху Юйтином.",
            "2031-11-14",
        ),
    ],
)
def test_the_talks_dated_after_they_were_told(text: str, date: str) -> None:
    from tests.conftest import extract_text

    events = extract_text(text, "2031-11-14").events
    assert [(e.mode, e.date) for e in events] == [("meeting", date)]


def test_talks_in_the_other_sides_city_in_russian_are_with_it_but_not_a_trip_there() -> None:
    from tests.conftest import extract_text

    text = (
        "Вице-премьер Алексей Оверчук провел консультации в Пекине. Заседание прошло через "
        "неделю после визита Михаила Мишустина в Пекин."
    )
    events = extract_text(text, "2031-11-14").events
    assert sorted((e.mode, e.participants) for e in events) == [
        ("meeting", ("Alexey Overchuk", "China")),
        ("visit", ("Mikhail Mishustin", "China")),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # "the two ministers" are both people told before, not one
            "Vietnamese Foreign Minister Tran Van Hoa met Russian Foreign Minister Sergey Lavrov "
            "in Hanoi on Tuesday. The two ministers last spoke by phone on October 28.",
            [
                ("call", "occurred", "2031-10-28", ("Tran Van Hoa", "Sergey Lavrov")),
                ("meeting", "occurred", "2031-11-11", ("Tran Van Hoa", "Sergey Lavrov")),
            ],
        ),
        (  # reported speech: "would travel to" is a planned trip
            "Egyptian President Abdel Fattah al-Sisi praised the ties with Russia. He said he "
            "would travel to Moscow in May.",
            [("visit", "planned", "2032-05", ("Abdel Fattah al-Sisi", "Russia"))],
        ),
        (  # "during his talks with his counterpart": the visitor told before is at the talks
            "Chinese Foreign Minister Wang Yi arrived in Islamabad on Monday. During his talks "
            "with his counterpart Ishaq Dar on Tuesday, the sides discussed the corridor.",
            [
                ("meeting", "occurred", "2031-11-11", ("Wang Yi", "Ishaq Dar")),
                ("visit", "occurred", "2031-11-10", ("Wang Yi", "Pakistan")),
            ],
        ),
    ],
)
def test_people_told_before_by_pronoun_or_office(
    text: str, expected: list[tuple[str, str, str, tuple[str, ...]]]
) -> None:
    from tests.conftest import extract_text

    events = extract_text(text, "2031-11-14").events
    assert sorted((e.mode, e.status, e.date, e.participants) for e in events) == expected


def test_an_exercise_of_a_named_series_without_its_year() -> None:
    from tests.conftest import extract_text

    text = "The Russian Navy will join Iran's annual Maritime Security Belt exercise in March."
    events = extract_text(text, "2031-11-14").events
    assert [(e.mode, e.status, e.date) for e in events] == [("military", "planned", "2032-03")]
    assert {"Iran", "Russia"} <= set(events[0].participants)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (  # co-chaired in the past, the two chairs its subject: a session held ...
            "On Wednesday, Indian External Affairs Minister S. Jaishankar and First Deputy Prime "
            "Minister Denis Manturov co-chaired the intergovernmental commission in Moscow.",
            "2031-11-14",
            [("meeting", "occurred", "2031-11-12", ("S. Jaishankar", "Denis Manturov"))],
        ),
        (  # ... but not one whose chair it was
            "Denis Manturov, who co-chaired the intergovernmental commission until 2024, "
            "spoke in Moscow on Wednesday.",
            "2031-11-14",
            [],
        ),
        (  # a South Asian wire's dateline dates the report, not the session it announces
            "Islamabad, Nov 18 (APP) Pakistani Foreign Minister Ishaq Dar and Chinese Foreign "
            "Minister Wang Yi will co-chair the strategic dialogue in Beijing next month, "
            "officials said on Tuesday.",
            "2031-11-18",
            [("meeting", "planned", "2031-12", ("Ishaq Dar", "Wang Yi"))],
        ),
        (  # Russian contrast: the call is past, the visit planned; "the Indian premier" is
            # the Indian of the two told before
            "Президент России Владимир Путин и премьер-министр Индии Нарендра Моди провели "
            "телефонный разговор в пятницу, а визит индийского премьера в Россию запланирован "
            "на следующий месяц.",
            "2031-11-17",
            [
                ("call", "occurred", "2031-11-14", ("Vladimir Putin", "Narendra Modi")),
                ("visit", "planned", "2031-12", ("Narendra Modi", "Russia")),
            ],
        ),
        (
            "Vladimir Putin and Narendra Modi spoke by phone on Friday, while a visit of the "
            "Indian premier to Russia is planned for next month.",
            "2031-11-17",
            [
                ("call", "occurred", "2031-11-14", ("Vladimir Putin", "Narendra Modi")),
                ("visit", "planned", "2031-12", ("Narendra Modi", "Russia")),
            ],
        ),
        (  # a person's relative clause tells a meeting of its own, in its own tense
            "Russian Deputy Prime Minister Alexei Overchuk, who met Chinese Vice Premier He "
            "Lifeng in Beijing in May, is expected to co-chair the next session of the "
            "commission in Kazan next month.",
            "2031-11-14",
            [
                ("meeting", "occurred", "2031-05", ("Alexei Overchuk", "He Lifeng")),
                ("meeting", "planned", "2031-12", ("Alexei Overchuk", "He Lifeng")),
            ],
        ),
        (  # ... but around a report, talks "on a roadmap" are no event of their own
            "Russian Deputy Prime Minister Alexei Overchuk, who met Chinese Vice Premier He "
            "Lifeng in Harbin in May, said the two sides should speed up talks on a roadmap.",
            "2031-11-14",
            [("meeting", "occurred", "2031-05", ("Alexei Overchuk", "He Lifeng"))],
        ),
        (  # the period a result is compared with dates no meeting
            "Товарооборот снизился на 5% по сравнению с аналогичным периодом прошлого года, "
            "сообщил Алексей Оверчук по итогам заседания Российско-китайской межправительственной "
            "комиссии.",
            "2031-11-14",
            [("meeting", "occurred", "2031-11-14", ("Alexey Overchuk", "Russia", "China"))],
        ),
        (  # the day a 'when' clause tells of is its contact's, not the subject noun's
            "Plans for the state visit were reviewed on Tuesday, when Egyptian Foreign "
            "Minister Badr Abdelatty held a phone call with Russian Foreign Minister Sergei "
            "Lavrov.",
            "2031-11-14",
            [("call", "occurred", "2031-11-11", ("Badr Abdelatty", "Sergei Lavrov"))],
        ),
        (  # a relative clause with a contact of another mode is its own event, its people
            # its own
            "Oil Minister Mohsen Paknejad, who met Rosneft chief Igor Sechin in Tehran on "
            "Oct. 2, discussed supplies with Russian Deputy Prime Minister Alexander Novak by "
            "videoconference on Wednesday.",
            "2031-11-14",
            [
                ("meeting", "occurred", "2031-10-02", ("Mohsen Paknejad", "Igor Sechin")),
                ("video", "occurred", "2031-11-12", ("Mohsen Paknejad", "Alexander Novak")),
            ],
        ),
        (  # 'Ahead of the meeting' told before: the setting of a call of its own, no plan
            "Mongolian Prime Minister Gombojav Zandanshatar held talks with Chinese Premier Li "
            "Qiang on Tuesday. Ahead of the meeting, Mongolian Deputy Prime Minister Tserenbat "
            "Namsrai and Chinese Vice Premier He Lifeng held a video conference on Friday.",
            "2031-11-17",
            [
                ("meeting", "occurred", "2031-11-11", ("Gombojav Zandanshatar", "Li Qiang")),
                ("video", "occurred", "2031-11-14", ("Tserenbat Namsrai", "He Lifeng")),
            ],
        ),
        (  # 'The two Presidents agreed to meet': the two named before, not their states
            "Mongolian President Ukhnaagiin Khurelsukh held phone talks with Russian President "
            "Vladimir Putin on Friday. The two Presidents agreed to meet in Vladivostok next "
            "month.",
            "2031-11-17",
            [
                ("call", "occurred", "2031-11-14", ("Ukhnaagiin Khurelsukh", "Vladimir Putin")),
                ("meeting", "planned", "2031-12", ("Ukhnaagiin Khurelsukh", "Vladimir Putin")),
            ],
        ),
        (  # a visit 'held during' which a dated summit took place has the summit's date
            "Russian President Vladimir Putin and North Korean leader Kim Jong Un have not met "
            "since their summit in Vladivostok in April 2029, held during Kim's first visit to "
            "Russia.",
            "2031-11-14",
            [
                ("meeting", "occurred", "2029-04", ("Vladimir Putin", "Kim Jong Un")),
                ("visit", "occurred", "2029-04", ("Kim Jong Un", "Russia")),
            ],
        ),
        (  # 'his visit to X in August and Y's visit to Z in September': two visits
            "Chinese President Xi Jinping met Brazilian President Luiz Inacio Lula da Silva on "
            "Tuesday. Recalling his state visit to Brazil in July last year and Lula's state "
            "visit to China in early May, Xi said ties were strong.",
            "2031-11-14",
            [
                ("meeting", "occurred", "2031-11-11", ("Xi Jinping", "Luiz Inacio Lula da Silva")),
                ("visit", "occurred", "2030-07", ("Xi Jinping", "Brazil")),
                ("visit", "occurred", "2031-05", ("Luiz Inacio Lula da Silva", "China")),
            ],
        ),
        (  # 'their second face-to-face meeting after talks in X in <date>': that one too
            "Indian Prime Minister Narendra Modi and Chinese President Xi Jinping are set to "
            "hold a summit in Delhi on Saturday, their second meeting after talks in Kazan in "
            "October last year.",
            "2031-11-14",
            [
                ("meeting", "occurred", "2030-10", ("Narendra Modi", "Xi Jinping")),
                ("meeting", "planned", "2031-11-15", ("Narendra Modi", "Xi Jinping")),
            ],
        ),
        (  # 'will be in X for the <long name> summit on <day>': planned, that year; ', and is
            # expected to hold a meeting with Y': the same guest
            "Kazakh President Kassym-Jomart Tokayev will be in Tianjin for the Shanghai "
            "Cooperation Organisation (SCO) summit on November 30, and is expected to hold a "
            "bilateral meeting with Chinese President Xi Jinping.",
            "2031-11-14",
            [
                ("meeting", "planned", None, ("Kassym-Jomart Tokayev", "Xi Jinping")),
                (
                    "multilateral",
                    "planned",
                    "2031-11-30",
                    ("Kassym-Jomart Tokayev", "Shanghai Cooperation Organisation"),
                ),
            ],
        ),
        (  # the year a document was signed in dates the document, not the talks on it
            "Iranian Oil Minister Mohsen Paknejad is due in Beijing next month for talks on the "
            "25-year cooperation agreement the two countries signed in 2021.",
            "2031-11-14",
            [
                ("meeting", "planned", "2031-12", ("Mohsen Paknejad", "China")),
                ("visit", "planned", "2031-12", ("Mohsen Paknejad", "China")),
            ],
        ),
        (  # 'X said he had raised it with Y in a phone call': X, not the one told before
            "Kazakh Trade Minister Arman Shakkaliyev spoke at a forum in Astana. Kazakh Deputy "
            "Prime Minister Serik Zhumangarin met Russian Deputy Prime Minister Alexander Novak "
            "on Monday. Shakkaliyev said he had raised the quota with Russian Economic "
            "Development Minister Maxim Reshetnikov in a phone call on Friday.",
            "2031-11-18",
            [
                ("call", "occurred", "2031-11-14", ("Arman Shakkaliyev", "Maxim Reshetnikov")),
                ("meeting", "occurred", "2031-11-17", ("Serik Zhumangarin", "Alexander Novak")),
            ],
        ),
        (  # 'held the 9th round of the dialogue ... Park and Sun agreed to hold the next round':
            # a round of talks, and a Korean official by his family name alone
            "First Vice Foreign Minister Park Yoon-joo and Chinese Executive Vice Foreign "
            "Minister Ma Zhaoxu held the 9th round of the strategic dialogue in Seoul on "
            "Tuesday. Park and Ma agreed to hold the next round in Beijing next year. The "
            "United States "
            "announced the next round of sanctions on Wednesday.",
            "2031-11-14",
            [
                ("meeting", "occurred", "2031-11-11", ("Park Yoon-joo", "Ma Zhaoxu")),
                ("meeting", "planned", "2032", ("Park Yoon-joo", "Ma Zhaoxu")),
            ],
        ),
        (  # 'a state visit in early May, during which he attended the Summit of the Forum on
            # X': the summit of that visit, then, a multilateral event ('Forum' capitalised)
            "Chinese President Xi Jinping met Egyptian President Abdel Fattah el-Sisi on "
            "Tuesday. Xi recalled el-Sisi's state visit to China in early May, during which "
            "el-Sisi attended the Summit of the Forum on China-Arab States Cooperation.",
            "2031-11-14",
            [
                ("meeting", "occurred", "2031-11-11", ("Xi Jinping", "Abdel Fattah el-Sisi")),
                ("multilateral", "occurred", "2031-05", ("Abdel Fattah el-Sisi",)),
                ("visit", "occurred", "2031-05", ("Abdel Fattah el-Sisi", "China")),
            ],
        ),
        (  # 'the Primorye - Jilin working group': the two regions it is named for meet
            "Primorye and Jilin Province signed a roadmap on Tuesday. The next meeting of the "
            "Primorye - Jilin working group on trade will be held in Changchun in June.",
            "2031-11-14",
            [("meeting", "planned", "2032-06", ("Primorsky Krai", "Jilin"))],
        ),
        (  # a lower-case title of four words after the state's adjective still tells the side
            "Kazakh trade minister Arman Shakkaliyev held a video conference with Russian "
            "deputy economic development minister Vladimir Ilyichev on Thursday.",
            "2031-11-14",
            [("video", "occurred", "2031-11-13", ("Arman Shakkaliyev", "Vladimir Ilyichev"))],
        ),
        (  # 'meet him': the guest told before; 'and the sides agreed to hold': a second event
            "Kazakh Prime Minister Olzhas Bektenov arrived in Moscow on Monday. Russian "
            "President Vladimir Putin will meet him on Thursday, and the two sides agreed to "
            "hold the next session of the commission in Astana in 2032.",
            "2031-11-17",
            [
                ("meeting", "planned", "2031-11-20", ("Vladimir Putin", "Olzhas Bektenov")),
                ("meeting", "planned", "2032", ("Kazakhstan", "Russia")),
                ("visit", "occurred", "2031-11-17", ("Olzhas Bektenov", "Russia")),
            ],
        ),
    ],
)
def test_each_event_of_a_sentence_keeps_its_own_date_and_people(
    text: str, published: str, expected: list[tuple[str, str, str, tuple[str, ...]]]
) -> None:
    from tests.conftest import extract_text

    events = extract_text(text, published).events
    assert sorted((e.mode, e.status, e.date, e.participants) for e in events) == expected


def test_a_title_does_not_reach_back_into_the_sentence_before() -> None:
    """'... to Beijing in May. Vice President X': X is no official of Beijing's state."""
    from tests.conftest import extract_text

    text = (
        "A memorandum was signed during Lula's state visit to Beijing in May.\n\nVice President "
        "Geraldo Alckmin, who met Chinese Vice President Han Zheng in Beijing in May, is expected "
        "to co-chair the next session of the commission with him in Brasilia next month."
    )
    result = extract_text(text, "2031-08-11")
    (alckmin,) = [a for a in result.actors if a.name == "Geraldo Alckmin"]
    assert alckmin.country != "CN" and "May" not in (alckmin.role or "")
    assert ("meeting", "occurred", "2031-05") in {(e.mode, e.status, e.date) for e in result.events}


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (  # hosting a counterpart on a forum's sidelines: talks (GOLD.md), and the forum
            "Turkish Foreign Minister Hakan Fidan is expected to host his Russian counterpart "
            "Sergey Lavrov on the sidelines of the Antalya Diplomacy Forum next month.",
            "2031-03-17",
            [
                ("meeting", "planned", "2031-04", ("Hakan Fidan", "Sergey Lavrov")),
                ("multilateral", "planned", "2031-04", ("Hakan Fidan", "Sergey Lavrov")),
            ],
        ),
        (  # a joint exercise whose clause names only its venue is the pair's
            "India and Russia agreed to expand trade. The next edition of the joint military "
            "exercise INDRA is scheduled to be held in Russia later this year.",
            "2031-01-20",
            [("military", "planned", "2031", ("Russia", "India"))],
        ),
        (  # "followed by" a second joint action: of that year, not of the report's day
            "China and Russia stepped up security ties. In August, the two navies held naval "
            "drills off Vladivostok, followed by a joint naval patrol in the Pacific.",
            "2032-01-19",
            [
                ("military", "occurred", "2031", ("Russia", "China")),
                ("military", "occurred", "2031-08", ("Russia", "China")),
            ],
        ),
        (  # a Russian compound adjective names both sides of an exercise; the ministers "of
            # the two countries" are the pair's
            "Совместное российско-монгольское учение стартовало в понедельник на полигоне в "
            "Монголии. Ранее, в августе, министры обороны двух стран провели переговоры в Москве.",
            "2031-09-15",
            [
                ("meeting", "occurred", "2031-08", ("Russia", "Mongolia")),
                ("military", "occurred", "2031-09-15", ("Mongolia", "Russia")),
            ],
        ),
        (
            "Mongolia and Russia discussed trade. In August, the two countries' defence "
            "ministers held talks in Moscow.",
            "2031-09-15",
            [("meeting", "occurred", "2031-08", ("Russia", "Mongolia"))],
        ),
        (  # "The day before", "Накануне": the day before the event told to the day
            "Dmitry Chernyshenko and Tran Hong Ha held the 30th meeting of the Russian-Vietnamese "
            "Intergovernmental Commission in Hanoi on Friday. The day before Dmitry "
            "Chernyshenko was received by Vietnamese Prime Minister Pham Minh Chinh.",
            "2031-11-22",
            [
                ("meeting", "occurred", "2031-11-20", ("Dmitry Chernyshenko", "Pham Minh Chinh")),
                (
                    "meeting",
                    "occurred",
                    "2031-11-21",
                    (
                        "Dmitry Chernyshenko",
                        "Tran Hong Ha",
                        "Russia",
                        "Vietnam",
                        "Russian-Vietnamese Intergovernmental Commission",
                    ),
                ),
            ],
        ),
    ],
)
def test_who_and_when_of_joint_actions_and_days_around_an_event(
    text: str, published: str, expected: list[tuple[str, str, str, tuple[str, ...]]]
) -> None:
    from tests.conftest import extract_text

    events = extract_text(text, published).events
    assert sorted((e.mode, e.status, e.date, e.participants) for e in events) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (  # what a call discussed is told apart from it; the plan is dated by the next
            # sentence ("Визит запланирован на декабрь")
            "Министр иностранных дел России Сергей Лавров и глава МИД Индии Субраманьям "
            "Джайшанкар в пятницу провели телефонный разговор, в ходе которого обсудили "
            "подготовку визита премьер-министра Индии Нарендры Моди в Москву. Визит "
            "запланирован на декабрь.",
            "2031-11-24",
            [
                ("call", "occurred", "2031-11-21", ("Sergey Lavrov", "S. Jaishankar")),
                ("visit", "planned", "2031-12", ("Narendra Modi", "Russia")),
            ],
        ),
        (  # "the leaders of the two countries": each side's leader the report names (India's
            # is its prime minister); "совместные учения" of the sides: the pair's
            "Президент России Владимир Путин и премьер-министр Индии Нарендра Моди обсудили "
            "торговлю. В конце августа лидеры двух стран встретились в Тяньцзине. В военной "
            "сфере стороны готовятся к очередным совместным учениям, которые намечены на "
            "весну 2032 года.",
            "2031-11-24",
            [
                ("meeting", "occurred", "2031-08", ("Vladimir Putin", "Narendra Modi")),
                ("military", "planned", "2032", ("Russia", "India")),
            ],
        ),
        (  # "встреча губернаторов": both governors told before; a business forum is a forum
            # ("приняли участие" is no reception); "Напомним," is the report's aside
            "В пятницу губернатор Астраханской области Игорь Бабушкин провел переговоры с "
            "генерал-губернатором иранской провинции Мазендеран Махмудом Хосейнипуром. "
            "Следующая встреча губернаторов запланирована на ноябрь. Кроме того, на прошлой "
            "неделе в Астрахани прошел российско-иранский бизнес-форум, в котором приняли "
            "участие 120 предпринимателей. Напомним, в июне губернатор Игорь Бабушкин принял "
            "участие в выставке в Тегеране.",
            "2031-10-13",
            [
                ("meeting", "occurred", "2031-10-10"),
                ("meeting", "planned", "2031-11"),
                ("multilateral", "occurred", "2031-06"),
                ("multilateral", "occurred", "2031-10"),
            ],
        ),
    ],
)
def test_russian_reports_of_calls_plans_leaders_and_forums(
    text: str, published: str, expected: list[tuple[str, ...]]
) -> None:
    from tests.conftest import extract_text

    events = extract_text(text, published).events
    width = len(expected[0])
    got = sorted((e.mode, e.status, e.date, e.participants)[:width] for e in events)
    assert got == expected
    if width == 3:  # the governors' next meeting is of both governors
        (planned,) = [e for e in events if e.status == "planned"]
        assert planned.participants[0] == "Igor Babushkin" and len(planned.participants) == 2


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (  # plural "the ministers" told before
            "Russian Energy Minister Sergei Tsivilev met Iranian Oil Minister Mohsen Paknejad in "
            "Tehran yesterday. Earlier, on March 3, the ministers had a telephone conversation.",
            "2031-04-22",
            [
                ("call", "occurred", "2031-03-03", ("Sergei Tsivilev", "Mohsen Paknejad")),
                ("meeting", "occurred", "2031-04-21", ("Sergei Tsivilev", "Mohsen Paknejad")),
            ],
        ),
        (  # a courtesy call is made in person
            "Russian Deputy Prime Minister Dmitry Chernyshenko is on a working visit to Vietnam. "
            "On Thursday he paid a courtesy call on Prime Minister Pham Minh Chinh.",
            "2031-04-11",
            [
                ("meeting", "occurred", "2031-04-10", ("Dmitry Chernyshenko", "Pham Minh Chinh")),
                ("visit", "occurred", "2031-04-10", ("Dmitry Chernyshenko", "Vietnam")),
            ],
        ),
        (  # "from 24 November to 4 December": one span; any joint exercise of the pair
            "Egypt and Russia expanded cooperation. The two countries completed the joint "
            "airborne exercise near El Alamein, held from 24 November to 4 December.",
            "2031-12-08",
            [("military", "occurred", "2031-11-24", ("Russia", "Egypt"))],
        ),
        (  # a video conference held to prepare a planned meeting: two events
            "Chinese Vice Premier Ding Xuexiang and Russian First Deputy Prime Minister Denis "
            "Manturov held a video conference on Thursday to review preparations for the regular "
            "meeting between Chinese Premier Li Qiang and Russian Prime Minister Mikhail "
            "Mishustin, which is scheduled to take place in Moscow in the second half of the year.",
            "2031-01-16",
            [
                ("meeting", "planned", "2031", ("Li Qiang", "Mikhail Mishustin")),
                ("video", "occurred", "2031-01-16", ("Ding Xuexiang", "Denis Manturov")),
            ],
        ),
        (  # an Interfax dateline after the city's full stop dates the report, not the
            # session; "The commission last met": the body told before
            "MOSCOW. Nov 17 (Interfax) - The next meeting of the Russian-Mongolian "
            "Intergovernmental Commission on Trade will be held in Ulaanbaatar on December 9-10, "
            "Russian Natural Resources Minister Alexander Kozlov told reporters.\n\nThe "
            "commission last met in Moscow in June 2030.",
            "2031-11-17",
            [
                ("meeting", "occurred", "2030-06"),
                ("meeting", "planned", "2031-12-09"),
            ],
        ),
    ],
)
def test_plural_offices_courtesy_calls_spans_and_datelines(
    text: str, published: str, expected: list[tuple[str, ...]]
) -> None:
    from tests.conftest import extract_text

    events = extract_text(text, published).events
    width = len(expected[0])
    assert sorted((e.mode, e.status, e.date, e.participants)[:width] for e in events) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (  # discussing preparations for a session by phone is a past call
            "Russia and Iran agreed to hold the commission in December. On Monday, Russian "
            "Foreign Minister Sergey Lavrov and his Iranian counterpart Abbas Araghchi discussed "
            "preparations for the commission's session by telephone.",
            "2031-10-22",
            [("call", "occurred", "2031-10-20", ("Sergey Lavrov", "Abbas Araghchi"))],
        ),
        (  # the session a call prepares, told after it, is a planned event of its own
            "Egypt's Foreign Minister Badr Abdelatty discussed with his Russian counterpart "
            "Sergey Lavrov in a phone call on Saturday the progress of the plant and "
            "preparations for the next session of the Egyptian-Russian joint committee, "
            "scheduled to be held in Cairo in February.",
            "2031-12-08",
            [
                ("call", "occurred", "2031-12-06", ("Badr Abdelatty", "Sergey Lavrov")),
                ("meeting", "planned", "2032-02", ("Egypt", "Russia")),
            ],
        ),
        (  # "Ding, who last met Manturov": who is Ding, not the people of the clause before
            "Chinese Vice Premier Ding Xuexiang praised the preparations for the meeting between "
            "Li Qiang and Mikhail Mishustin. Ding, who last met Russian First Deputy Prime "
            "Minister Denis Manturov in Harbin in May, said trade would grow.",
            "2032-01-19",
            [
                ("meeting", "occurred", "2031-05", ("Ding Xuexiang", "Denis Manturov")),
                ("meeting", "planned", None, ("Li Qiang", "Mikhail Mishustin")),
            ],
        ),
        (  # ongoing negotiations on a contract are no meeting; a delegation's visit told in
            # the genitive is the visit of the region that sends it
            "«Газпром» и турецкая Botas ведут переговоры о продлении контрактов. Губернатор "
            "Приморского края Олег Кожемяко провел встречу с губернатором провинции Хэйлунцзян "
            "Лян Хуэйлин. Ответный визит делегации Приморья в Харбин намечен на ноябрь.",
            "2031-09-04",
            [
                ("meeting", "occurred", "2031-09-04", ("Oleg Kozhemyako", "Liang Huiling")),
                ("visit", "planned", "2031-11", ("Primorsky Krai", "China")),
            ],
        ),
    ],
)
def test_what_a_contact_prepares_and_who_takes_part(
    text: str, published: str, expected: list[tuple[str, str, str | None, tuple[str, ...]]]
) -> None:
    from tests.conftest import extract_text

    events = extract_text(text, published).events
    assert sorted((e.mode, e.status, e.date, e.participants) for e in events) == expected


def test_the_first_meeting_since_a_date_tells_the_one_before() -> None:
    """'their first face-to-face meeting since October': a meeting then too; the headline's
    talks are the talks reported, not that earlier one."""
    from tests.conftest import extract_text

    text = (
        "Modi, Putin hold talks in Moscow\n\nMOSCOW, July 8. /TASS/ - Indian Prime Minister "
        "Narendra Modi and Russian President Vladimir Putin held talks in Moscow on Monday, "
        "their first face-to-face meeting since October."
    )
    events = extract_text(text, "2031-07-08").events
    assert sorted((e.mode, e.date, e.participants[0]) for e in events) == [
        ("meeting", "2030-10", "Narendra Modi"),
        ("meeting", "2031-07-07", "Narendra Modi"),
    ]
    text = (
        "Russian Foreign Minister Sergei Lavrov arrived in North Korea on Friday for talks, his "
        "first trip there since May 2029."
    )
    events = extract_text(text, "2031-07-08").events
    assert ("visit", "2029-05") in {(e.mode, e.date) for e in events}


def test_a_russian_surname_alone_is_the_person_named_in_full_before() -> None:
    """'Моди' after 'Нарендры Моди' (no gazetteer form of it alone): the same person, so his
    past trip and the talks 'тогда же' are his."""
    from tests.conftest import extract_text

    text = (
        "Визит премьер-министра Индии Нарендры Моди в Москву запланирован на декабрь. "
        "Последний раз Моди приезжал в Россию в июле 2030 года, тогда же он провел переговоры "
        "с Владимиром Путиным в Ново-Огареве."
    )
    result = extract_text(text, "2031-11-24")
    assert sorted((e.mode, e.status, e.date, e.participants) for e in result.events) == [
        ("meeting", "occurred", "2030-07", ("Narendra Modi", "Vladimir Putin")),
        ("visit", "occurred", "2030-07", ("Narendra Modi", "Russia")),
        ("visit", "planned", "2031-12", ("Narendra Modi", "Russia")),
    ]
    (modi,) = [a for a in result.actors if a.name == "Narendra Modi"]
    assert "Моди" in modi.aliases


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # "the parties" who agree to hold a meeting are the people told before, and their
            # states
            "Russian Deputy Agriculture Minister Maxim Titov met Chinese Vice Minister Han Jun "
            "in Beijing on Tuesday. The parties agreed to hold the next meeting of the working "
            "group on agriculture in October in Moscow.",
            [
                ("meeting", "occurred", ("Maxim Titov", "Han Jun")),
                ("meeting", "planned", ("Maxim Titov", "Han Jun", "Russia", "China")),
            ],
        ),
        (
            "Russia and China discussed grain. Стороны договорились провести следующее заседание "
            "рабочей группы в октябре в Москве.",
            [("meeting", "planned", ("Russia", "China"))],
        ),
        (  # the parties signing a protocol, or speeding up talks on a deal, hold no meeting
            "Russia and China discussed grain. The parties also signed the protocol of the "
            "meeting. The two sides agreed to speed up talks on an agreement on a new bridge.",
            [],
        ),
    ],
)
def test_the_sides_hold_a_meeting_only_when_they_meet(
    text: str, expected: list[tuple[str, str, tuple[str, ...]]]
) -> None:
    from tests.conftest import extract_text

    events = extract_text(text, "2031-09-10").events
    assert sorted((e.mode, e.status, e.participants) for e in events) == expected


def test_a_call_and_the_meeting_it_agreed_on_and_a_body_that_convenes() -> None:
    """'held a telephone conversation on Friday and agreed to hold the next meeting of the
    commission in June': the call and a planned meeting of the same people and their states
    (not the press service that reports it); 'the commission will convene in December'."""
    from tests.conftest import extract_text

    text = (
        "Russian First Deputy Prime Minister Denis Manturov and Chinese Vice Premier Ding "
        "Xuexiang held a telephone conversation on Friday and agreed to hold the next meeting "
        "of the Intergovernmental Commission on Investment Cooperation in Beijing in June, the "
        "Russian government's press service said. The Russian-Chinese Commission on Energy "
        "Cooperation will convene in Moscow in December."
    )
    events = extract_text(text, "2031-04-14").events
    got = sorted((e.mode, e.status, e.date, e.participants[:2]) for e in events)
    assert got == [
        ("call", "occurred", "2031-04-11", ("Denis Manturov", "Ding Xuexiang")),
        ("meeting", "planned", "2031-06", ("Denis Manturov", "Ding Xuexiang")),
        (
            "meeting",
            "planned",
            "2031-12",
            ("Russian-Chinese Commission on Energy Cooperation", "Russia"),
        ),
    ]
    (planned,) = [e for e in events if e.date == "2031-06"]
    assert {"Russia", "China"} <= set(planned.participants)
    assert not any("Government" in p for e in events for p in e.participants)


def test_on_the_eve_of_the_meeting_and_russian_leaders_told_before() -> None:
    from tests.conftest import extract_text

    text = (
        "Energy Minister Sergey Tsivilev and Iranian Oil Minister Mohsen Paknejad held the "
        "meeting of the commission in Tehran on December 9. On the eve of meeting, Sergey "
        "Tsivilev held in videoconference format the talks with Iranian Minister of Roads "
        "Farzaneh Sadegh."
    )
    events = extract_text(text, "2031-12-10").events
    assert ("video", "occurred", "2031-12-08") in {(e.mode, e.status, e.date) for e in events}
    text = (
        "Путин и Эрдоган обсуждали энергетику. Энергетическую повестку лидеры в последний раз "
        "обсуждали по телефону 15 марта."
    )
    events = extract_text(text, "2031-04-22").events
    assert [(e.mode, e.date, e.participants) for e in events] == [
        ("call", "2031-03-15", ("Vladimir Putin", "Recep Tayyip Erdoğan"))
    ]


def test_a_visit_until_a_day_and_the_talks_after_the_comma() -> None:
    """'находящийся с рабочим визитом в провинции Хэйлунцзян до 23 октября, в понедельник провел
    переговоры': the visit ends then (not last year's 23 October), Monday is the talks'."""
    from tests.conftest import extract_text

    text = (
        "Губернатор Приморья Олег Кожемяко, находящийся с рабочим визитом в провинции "
        "Хэйлунцзян до 23 октября, в понедельник провел в Харбине переговоры с губернатором "
        "провинции Лян Хуэйлин."
    )
    events = extract_text(text, "2031-10-21").events
    assert sorted((e.mode, e.date) for e in events) == [
        ("meeting", "2031-10-20"),
        ("visit", "2031-10-20"),
    ]


def test_talks_held_aside_before_a_meeting_are_their_own_event() -> None:
    """'Prior to the meeting, X and Y held talks in a narrow format': talks of their own, on
    the meeting's day; nor are they what the headline's meeting repeats."""
    from tests.conftest import extract_text

    text = (
        "Kazakhstan, China hold Cooperation Committee meeting in Astana\n\nASTANA. KAZINFORM - "
        "Kazakh Prime Minister Olzhas Bektenov and Chinese Vice Premier Ding Xuexiang "
        "co-chaired the meeting of the Kazakhstan-China Cooperation Committee in Astana on "
        "Thursday. Prior to the meeting, Bektenov and Ding held talks in a narrow format."
    )
    events = extract_text(text, "2031-05-23").events
    got = sorted((e.mode, e.date, e.participants[:2]) for e in events)
    assert [g[:2] for g in got] == [("meeting", "2031-05-22")] * 2
    assert ("meeting", "2031-05-22", ("Olzhas Bektenov", "Ding Xuexiang")) in got
    assert any("Kazakhstan-China Cooperation Committee" in e.participants for e in events)


def test_during_a_visit_the_subject_after_it_and_a_meeting_is_no_later_plan() -> None:
    """'During working visit to Tehran on December 9, Minister X ... carried out the 19th
    meeting': X's visit; the meeting held (dated by the report) and 'the next meeting ... in
    2032' are two."""
    from tests.conftest import extract_text

    text = (
        "During working visit to Tehran on December 9, Minister of Energy of the Russian "
        "Federation Sergey Tsivilev and Minister of Oil of Iran Mohsen Paknejad carried out the "
        "19th meeting of the Russian-Iranian Intergovernmental Commission on Trade and Economic "
        "Cooperation. The next meeting of Commission is agreed to hold in 2032 in Russian "
        "Federation."
    )
    events = extract_text(text, "2031-12-10").events
    got = {(e.mode, e.status, e.date, e.participants[0]) for e in events}
    assert ("visit", "occurred", "2031-12-09", "Sergey Tsivilev") in got
    assert {(e.mode, e.status) for e in events if e.mode == "meeting"} == {
        ("meeting", "occurred"),
        ("meeting", "planned"),
    }


def test_also_expected_in_a_city_a_possible_trip_and_a_title_case_body() -> None:
    """'is also expected in Kazan for the Brics summit in October' (FT house style): a planned
    visit and summit of this year, not last October's meeting; 'may travel to China' a
    possible trip (GOLD: hedged plans are planned)."""
    from tests.conftest import extract_text

    text = (
        "Chinese President Xi Jinping is also expected in Kazan for the Brics summit in "
        "October. Russian Deputy Prime Minister Alexander Novak may travel to China in the "
        "autumn to discuss the pipeline, officials said."
    )
    events = extract_text(text, "2031-06-14").events
    got = sorted((e.mode, e.status, e.date) for e in events)
    assert ("visit", "planned", "2031-10") in got
    assert ("multilateral", "planned", "2031-10") in got
    assert any(e.mode == "visit" and "Alexander Novak" in e.participants for e in events)
    assert all(e.status == "planned" for e in events)


def test_a_stop_named_before_where_and_a_time_since_named_before_when() -> None:
    """'a three-day trip that will take him to Shanghai on Monday and to Beijing on Tuesday,
    where he is due to meet Li Qiang': Tuesday's meeting; 'the first meeting of the two since
    October, when X attended the forum': the forum and the meeting before were in October
    (then, not a span to now)."""
    from tests.conftest import extract_text

    trip = extract_text(
        "Olaf Scholz landed in Chongqing on Sunday at the start of a three-day trip to China "
        "that will take him to Shanghai on Monday and to Beijing on Tuesday, where he is due "
        "to meet Premier Li Qiang.",
        "2031-04-13",
    ).events
    assert ("meeting", "2031-04-15") in {(e.mode, e.date) for e in trip}
    since = extract_text(
        "Vladimir Putin will hold talks with Xi Jinping in Beijing on Thursday. The talks will "
        "be the first in-person meeting between the two leaders since October, when Putin "
        "attended the Belt and Road Forum in the Chinese capital.",
        "2031-05-13",
    ).events
    got = {(e.mode, e.status, e.date, e.date_end) for e in since}
    assert ("multilateral", "occurred", "2030-10", None) in got
    assert ("meeting", "planned", "2031-05-15", None) in got


def test_a_timelines_items_are_read_in_their_headings_year() -> None:
    """A factbox: '2019' on a line of its own, then 'June 5 - Xi arrives in Moscow ...' is
    June 2019, not the last June 5 before the report; an item of the report's year, or a
    line led by no day, is read as before."""
    from tests.conftest import extract_text

    text = (
        "Factbox: key dates in Russia-China relations\n\n"
        "Here are key moments:\n\n"
        "2029\n\n"
        "June 5 - Xi Jinping arrives in Moscow for a three-day state visit. He and Vladimir "
        "Putin hold talks in the Kremlin.\n\n"
        "Dec 30 - Xi and Putin hold a video call.\n\n"
        "2030\n\n"
        "Feb 4 - Putin meets Xi in Beijing.\n\n"
        "Putin will travel to China on June 20, the Kremlin said."
    )
    events = extract_text(text, "2031-05-15").events
    got = {(e.mode, e.date) for e in events}
    assert {("visit", "2029-06-05"), ("meeting", "2029-06-05"), ("video", "2029-12-30")} <= got
    assert ("meeting", "2030-02-04") in got
    assert ("visit", "2031-06-20") in got


def test_timeline_items_in_other_layouts_take_their_day_and_year() -> None:
    """The shapes key-dates lists come in: a bullet ('▲', '-') and '--' or '.' after the day,
    a day written 14.09.2029, items with no day between the heading and a dated one, a
    contact told later in a dated line ('..., meets ...'), and a day under the heading of
    the report's own year that is still to come."""
    from tests.conftest import extract_text

    text = (
        "Timeline: Kazakhstan and Uzbekistan since 2028\n\n"
        "2028\n"
        "▲ Sept. 12 -- Shavkat Mirziyoyev meets Kassym-Jomart Tokayev in Turkestan.\n"
        "- The year brings record trade, officials say.\n"
        "- Oct. 2. Tokayev visits Tashkent for the Consultative Meeting.\n\n"
        "14.09.2029 - Tokayev visits Samarkand, holds talks with Mirziyoyev and opens a fair.\n\n"
        "2031\n"
        "- March 3. Mirziyoyev and Tokayev hold a video call.\n"
        "- December 4-5. State visit by Mirziyoyev to Astana."
    )
    got = {(e.mode, e.date, e.status) for e in extract_text(text, "2031-06-01").events}
    assert ("meeting", "2028-09-12", "occurred") in got
    assert ("visit", "2028-10-02", "occurred") in got
    assert {("visit", "2029-09-14", "occurred"), ("meeting", "2029-09-14", "occurred")} <= got
    assert ("video", "2031-03-03", "occurred") in got
    assert ("visit", "2031-12-04", "planned") in got


def test_called_a_named_leader_on_a_day_or_to_say_something_is_a_call() -> None:
    """'X called Russian President Y on March 20 to congratulate him': a phone call; not
    'called on' (a visit to the person), 'a pipeline called Power of Siberia 2', nor 'called
    Y a killer'."""
    from tests.conftest import extract_text

    calls = [
        e
        for text in (
            "Indian Prime Minister Narendra Modi called Russian President Vladimir Putin on "
            "March 20 to congratulate him on his re-election.",
            "Chinese President Xi Jinping called his Russian counterpart Vladimir Putin to "
            "discuss Ukraine.",
        )
        for e in extract_text(text, "2031-05-17").events
    ]
    assert [(e.mode, e.date) for e in calls] == [("call", "2031-03-20"), ("call", "2031-05-17")]
    for text in (
        "US President Joe Biden called Russian President Vladimir Putin a killer.",
        "Russia and China are building a pipeline called Power of Siberia 2 to Shanghai.",
    ):
        assert [e.mode for e in extract_text(text, "2031-05-17").events if e.mode == "call"] == []


def test_a_visit_told_by_the_day_it_ended_began_days_before() -> None:
    """'wrapped up a two-day state visit to China on Friday': Thursday to Friday; 'wrapped up
    a two-day visit that began on Monday': Monday to Tuesday is told by its first day."""
    from tests.conftest import extract_text

    ended = extract_text(
        "Russian President Vladimir Putin wrapped up a two-day state visit to China on Friday "
        "with a stop in Harbin.",
        "2031-05-17",
    ).events
    assert [(e.date, e.date_end) for e in ended if e.mode == "visit"] == [
        ("2031-05-15", "2031-05-16")
    ]
    began = extract_text(
        "Chinese Foreign Minister Wang Yi wrapped up a two-day visit to Moscow that began on "
        "Monday.",
        "2031-05-14",
    ).events
    assert [e.date for e in began if e.mode == "visit"] == ["2031-05-12"]
    arrived = extract_text(
        "Russian President Vladimir Putin, who arrived in Beijing on Wednesday, has ended his "
        "two-day state visit to China.",
        "2031-05-15",  # a Thursday
    ).events
    assert [e.date for e in arrived if e.mode == "visit"] == ["2031-05-14"]


def test_said_on_a_day_a_day_after_holding_the_contact() -> None:
    """'X said on Tuesday, a day after holding a videoconference with Y': the video was on
    Monday, not the day it was told."""
    from tests.conftest import extract_text

    events = extract_text(
        "Turkish Trade Minister Omer Bolat said on Tuesday, a day after holding a "
        "videoconference with Chinese Commerce Minister Wang Wentao, that trade must grow.",
        "2031-05-14",
    ).events
    assert [(e.mode, e.date) for e in events] == [("video", "2031-05-12")]


def test_a_gerund_clause_after_a_comma_is_the_subjects_contact() -> None:
    """'X arrived in Harbin on Friday, a day after holding talks with Y in Beijing': X and Y
    met on Thursday (the clause after the comma has no subject of its own)."""
    from tests.conftest import extract_text

    events = extract_text(
        "Russian President Vladimir Putin arrived in Harbin on Friday, a day after holding "
        "talks with Chinese President Xi Jinping in Beijing.",
        "2031-05-17",
    ).events
    meetings = [(e.date, set(e.participants)) for e in events if e.mode == "meeting"]
    assert meetings == [("2031-05-15", {"Vladimir Putin", "Xi Jinping"})]


def test_a_summit_a_planned_trip_is_for_is_planned_past_a_bracketed_abbreviation() -> None:
    """'will travel to Tianjin for the Shanghai Cooperation Organisation (SCO) summit on
    August 31': the summit is to come too (not read as last year's August 31)."""
    from tests.conftest import extract_text

    events = extract_text(
        "India and China agreed to resume direct flights. Prime Minister Narendra Modi will "
        "travel to Tianjin for the Shanghai Cooperation Organisation (SCO) summit on August 31, "
        "his first visit to China in seven years.",
        "2031-08-20",
    ).events
    assert {(e.mode, e.status, e.date) for e in events} == {
        ("visit", "planned", "2031-08-31"),
        ("multilateral", "planned", "2031-08-31"),
    }


def test_after_the_meeting_refers_back_and_the_next_meeting_is_told() -> None:
    """'said in a post after the meeting that he looked forward to their next meeting in
    Tianjin': the meeting told is the next one, still to come."""
    from tests.conftest import extract_text

    events = extract_text(
        "India and China agreed to resume direct flights. Prime Minister Narendra Modi said in "
        "a post after the meeting that he looked forward to their next meeting in Tianjin.",
        "2031-08-20",
    ).events
    assert [(e.mode, e.status) for e in events] == [("meeting", "planned")]


def test_a_second_meeting_verb_with_its_own_day_is_a_second_meeting() -> None:
    """'held talks with A on Monday evening and called on B at his residence on Tuesday': two
    meetings, each on its day, both with the subject."""
    from tests.conftest import extract_text

    events = extract_text(
        "India and China agreed to resume direct flights. Chinese Foreign Minister Wang Yi "
        "held talks with External Affairs Minister S Jaishankar on Monday evening and called "
        "on Prime Minister Narendra Modi at his residence on Tuesday.",
        "2031-08-20",
    ).events
    meetings = {(e.date, frozenset(e.participants)) for e in events if e.mode == "meeting"}
    assert meetings == {
        ("2031-08-18", frozenset({"Wang Yi", "S Jaishankar"})),
        ("2031-08-19", frozenset({"Wang Yi", "Narendra Modi"})),
    }


def test_a_calendars_lines_are_read_as_the_days_nearer_the_report() -> None:
    """'Key dates' under a report of 8 May: 'Jul 3-4 - SCO summit in Astana; Putin and Xi
    expected to attend' is this year's July (to come), not last year's; a line that tells its
    item as done ('Apr 2 - ... held talks') keeps its past reading."""
    from tests.conftest import extract_text

    events = extract_text(
        "Russia-China in brief\n\nKey dates:\n"
        "Jul 3-4 - SCO summit in Astana; Vladimir Putin and Xi Jinping expected to attend\n"
        "Apr 2 - Vladimir Putin and Xi Jinping held talks in Moscow.\n",
        "2031-05-08",
    ).events
    assert {(e.mode, e.status, e.date) for e in events} == {
        ("multilateral", "planned", "2031-07-03"),
        ("meeting", "occurred", "2031-04-02"),
    }


def test_the_two_countries_hold_a_2_plus_2_dialogue_and_a_bodys_ministers_meet() -> None:
    """'In April, the two countries held their first "2+2" dialogue': a meeting of the pair's
    states (no one named stands for them); 'the SCO Defence Ministers' meeting in Qingdao' is
    a multilateral occasion beside the two ministers' meeting there."""
    from tests.conftest import extract_text

    events = extract_text(
        "India and China agreed to resume flights. In April, the two countries held their "
        'first "2+2" dialogue of foreign and defence ministers in Beijing.',
        "2031-07-10",
    ).events
    assert [(e.mode, e.date, set(e.participants)) for e in events] == [
        ("meeting", "2031-04", {"India", "China"})
    ]
    events = extract_text(
        "Russia and India discussed defence. Indian Defence Minister Rajnath Singh held talks "
        "with Russian Defence Minister Andrei Belousov on Tuesday. The two ministers last met "
        "on the sidelines of the SCO Defence Ministers' meeting in Qingdao in June.",
        "2031-07-10",
    ).events
    assert ("multilateral", "2031-06") in {(e.mode, e.date) for e in events}


def test_a_contact_told_only_as_a_condition_is_no_event() -> None:
    """'an order that could be unveiled if Putin and Xi meet later this year': no meeting is
    told; 'If confirmed, Putin will visit China in May' is a planned visit."""
    from tests.conftest import extract_text

    text = (
        "Russia and China discussed aviation. Beijing is in talks to buy jets, an order that "
        "could be unveiled if Vladimir Putin and Xi Jinping meet later this year. If confirmed, "
        "Vladimir Putin will visit China in May."
    )
    events = extract_text(text, "2031-07-10").events
    assert [(e.mode, e.status, e.date) for e in events] == [("visit", "planned", "2032-05")]


def test_the_leads_talks_join_the_standfirst_that_names_the_same_people() -> None:
    """A headline naming the states, a standfirst naming the two co-chairs, a lead dating
    their session: the lead's session is the standfirst's (the one sharing its people), so
    the co-chairs' meeting is dated by the lead's 'on Tuesday', not the day of the report."""
    from tests.conftest import extract_text

    events = extract_text(
        "Kazakhstan, Russia review transit at intergovernmental commission meet\n\n"
        "Zhumangarin, Overchuk co-chair 28th session in Astana; 9 documents signed\n\n"
        "ASTANA - Kazakh Deputy Prime Minister Serik Zhumangarin and Russian Deputy Prime "
        "Minister Alexei Overchuk on Tuesday co-chaired the 28th session of the "
        "Kazakhstan-Russia Intergovernmental Commission here.",
        "2031-02-19",
    ).events
    dated = {
        e.date for e in events if {"Serik Zhumangarin", "Alexei Overchuk"} <= set(e.participants)
    }
    assert dated == {"2031-02-18"}


def test_a_contact_told_in_an_as_clause_after_a_plan_is_dated_by_its_own_day() -> None:
    """'... agreed to launch a new 2+2 dialogue ..., as President X held talks with Premier Y
    in Seoul on Sunday': the talks of the 'as' clause were on Sunday (not a dialogue 'to come'
    on the next Sunday)."""
    from tests.conftest import extract_text

    events = extract_text(
        'SEOUL, May 27 (Yonhap) -- South Korea and China agreed to launch a new "2+2" '
        "dialogue and to resume talks on their free trade agreement, as President Yoon Suk "
        "Yeol held talks with Chinese Premier Li Qiang in Seoul on Sunday, his office said.",
        "2031-05-27",
    ).events
    held = [(e.status, e.date) for e in events if "Li Qiang" in e.participants]
    assert held == [("occurred", "2031-05-25")]


def test_a_summit_the_city_hosted_on_a_day_is_of_that_day_and_no_meeting() -> None:
    """'arrived in Astana on Monday for a state visit timed to the second China-Central Asia
    Summit, which the Kazakh capital hosted on Tuesday': the summit was on Tuesday; 'hosted'
    in the relative clause is the summit's verb, no meeting of its own."""
    from tests.conftest import extract_text

    events = extract_text(
        "China and Kazakhstan signed deals. Chinese President Xi Jinping arrived in Astana on "
        "Monday for a state visit timed to the second China–Central Asia Summit, which the "
        "Kazakh capital hosted on Tuesday.",
        "2031-06-20",
    ).events
    assert sorted((e.mode, e.date) for e in events) == [
        ("multilateral", "2031-06-17"),
        ("visit", "2031-06-16"),
    ]


def test_a_visit_to_the_capital_named_by_its_states_adjective() -> None:
    """'arrived in the Saudi capital on Tuesday for a three-day official visit': a visit to
    Saudi Arabia (before: no destination, no visit)."""
    from tests.conftest import extract_text

    events = extract_text(
        "Saudi Arabia and China signed deals. Chinese Premier Li Qiang, 65, arrived in the "
        "Saudi capital on Tuesday for a three-day official visit.",
        "2031-09-12",
    ).events
    assert [(e.mode, e.date, e.participants) for e in events] == [
        ("visit", "2031-09-09", ("Li Qiang", "Saudi Arabia"))
    ]


def test_leading_a_delegation_to_a_city_is_a_visit() -> None:
    """'will lead a 25-member business delegation to Beijing next month': a planned visit to
    China by the one who leads it."""
    from tests.conftest import extract_text

    events = extract_text(
        "Bangladesh and China trade grew. Bangladesh Commerce Adviser Sk Bashir Uddin will "
        "lead a 25-member business delegation to Beijing next month.",
        "2031-10-20",
    ).events
    assert [(e.mode, e.status, e.date, e.participants) for e in events] == [
        ("visit", "planned", "2031-11", ("Sk Bashir Uddin", "China"))
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Russia and Turkey discussed gas. He denied media reports that Recep Tayyip Erdogan "
        "would visit Moscow in March.",
        "Россия и Турция обсудили газ. Он опроверг сообщения турецких СМИ о том, что Реджеп "
        "Тайип Эрдоган посетит Москву в марте.",
    ],
)
def test_a_contact_told_only_as_denied_reports_is_no_event(text: str) -> None:
    from tests.conftest import extract_text

    assert extract_text(text, "2031-02-13").events == ()


@pytest.mark.parametrize(
    "text",
    [
        "According to Deputy Prime Minister Alexei Overchuk, the tenth Russian-Chinese Expo "
        "will be held in Yekaterinburg in July.",
        "По словам вице-премьера Алексея Оверчука, десятое Российско-китайское ЭКСПО пройдет "
        "в Екатеринбурге в июле.",
    ],
)
def test_one_named_in_a_sources_frame_is_no_participant(text: str) -> None:
    """The source of a report ('according to X,', 'по словам X,') tells of an occasion he
    need not attend, even when no one else is named."""
    forums = [
        e
        for e in extract_events(_ctx(text, "2031-03-12"), default_gazetteer())
        if e.mode == "multilateral"
    ]
    assert [(e.status, e.date) for e in forums] == [("planned", "2031-07")]
    assert not [p for p in forums[0].participants if "Overchuk" in p or "Оверчук" in p]


def test_a_reference_pages_notes_end_sentences_and_a_trips_days_keep_its_year() -> None:
    """A backgrounder: 'on 9 July.[8] He was ...' ends a sentence at the note's number;
    '... visited Ankara on 8–9 March 2029, ..., and held the annual summit with Erdogan on 9
    March' is that trip's day (not the last 9 March before the report), a coordinated
    'held the ... summit' keeps the sentence's subject; reports 'dismissed as speculative'
    tell no call."""
    from tests.conftest import extract_text

    text = (
        "4. Recent contacts\n"
        "Azerbaijani President Ilham Aliyev visited Ankara on 8–9 March 2029, his first trip "
        "to Turkey since 2027, and held the annual summit with Recep Tayyip Erdogan on 9 "
        "March.[8] Media reports that the two leaders would hold a telephone call in May were "
        'dismissed as "speculative" by the ministry.[9] The two armies train together.'
    )
    got = {(e.mode, e.date) for e in extract_text(text, "2031-06-01").events}
    assert got == {("visit", "2029-03-08"), ("meeting", "2029-03-09")}


def test_a_trip_told_by_its_last_day_and_a_delegations_leader() -> None:
    """'A provincial delegation led by Governor X wrapped up a four-day visit to Chile on
    Thursday, during which enterprises from both sides signed deals': from Monday to
    Thursday ('from both sides' tells no start), and X is of the delegation's state."""
    from tests.conftest import extract_text

    found = extract_text(
        "SANTIAGO -- A Sichuan provincial delegation led by Governor Shi Xiaolin wrapped up a "
        "four-day visit to Chile on Thursday, during which enterprises from both sides signed "
        "24 cooperation agreements.",
        "2031-06-13",
    )
    assert [(e.mode, e.date, e.date_end) for e in found.events] == [
        ("visit", "2031-06-09", "2031-06-12")
    ]
    assert {a.name: a.country for a in found.actors}["Shi Xiaolin"] == "CN"


def test_a_readouts_spoke_today_with_and_a_call_between_two_leaders_are_calls() -> None:
    """'President Lula spoke today with President Ramaphosa' (a readout's call) and 'a call
    between President Lula and President Ramaphosa on 6 July'; not 'in May he spoke with
    Foreign Minister Lamola' (told of a meeting), nor 'the call for a ceasefire'."""
    events = extract_text(
        "President Luiz Inacio Lula da Silva spoke today with President Cyril Ramaphosa of South "
        "Africa. It follows a call between President Lula and President Ramaphosa on 6 July. In "
        "May, Lula spoke with Foreign Minister Ronald Lamola in Brasilia. Ramaphosa repeated the "
        "call for a ceasefire.",
        "2031-07-24",
    ).events
    calls = sorted(e.date for e in events if e.mode == "call")
    assert calls == ["2031-07-06", "2031-07-24"], events
    assert [e.date for e in events if e.mode == "meeting"] == ["2031-05"], events
