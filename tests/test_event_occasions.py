"""Events told through another one: a plan in a reduced relative clause, a body's meeting by
its possessive or its earlier full name, talks on the sidelines of a dated meeting, a call in a
coordinated verb phrase after a relative clause, ongoing talks that are no contact."""

from __future__ import annotations

from typing import Any

from tests.conftest import extract_text


def _events(text: str, published: str) -> list[Any]:
    return list(extract_text(text, published).events)


def test_a_visit_expected_in_a_month_is_planned_in_the_coming_one() -> None:
    events = _events(
        "NEW DELHI: India and Russia on Monday reviewed the agenda of Prime Minister Narendra "
        "Modi's visit to Russia, expected in the second half of July, officials said.",
        "2025-05-12",
    )
    (visit,) = [e for e in events if e.mode == "visit"]
    assert visit.status == "planned"
    assert visit.date == "2025-07"


def test_the_forces_of_the_two_countries_hold_a_named_exercise() -> None:
    events = _events(
        "Egypt and Russia agreed to expand defence ties on Tuesday. The navies of the two "
        "countries will hold the Bridge of Friendship-2026 drills in the Mediterranean in "
        "October, the Egyptian military spokesman said.",
        "2026-03-10",
    )
    (drill,) = [e for e in events if e.mode == "military"]
    assert drill.status == "planned"
    assert drill.date == "2026-10"
    assert {"Egypt", "Russia"} <= set(drill.participants)


def test_a_body_known_by_its_fuller_intergovernmental_name_holds_its_next_meeting() -> None:
    events = _events(
        "Trade between Russia and Vietnam grew last year. The Intergovernmental Commission "
        "on Energy Cooperation now oversees 40 projects. The Commission on Energy Cooperation "
        "will hold its next meeting in Da Nang in September.",
        "2026-02-02",
    )
    (meeting,) = [e for e in events if e.mode == "meeting"]
    assert meeting.status == "planned"
    assert meeting.date == "2026-09"
    assert {"Russia", "Vietnam"} <= set(meeting.participants)


def test_the_meeting_a_possessive_names_is_the_bodys() -> None:
    events = _events(
        "Indian Commerce Minister Piyush Goyal and Russian Deputy Prime Minister Denis "
        "Manturov, co-chairs of the India-Russia Intergovernmental Commission, discussed by "
        "phone on Friday the preparations for the commission's 26th session, which is due "
        "to be held in New Delhi next month.",
        "2025-10-06",
    )
    (session,) = [e for e in events if e.mode == "meeting"]
    assert session.status == "planned"
    assert session.date == "2025-11"
    assert {"India", "Russia"} <= set(session.participants)
    (call,) = [e for e in events if e.mode == "call"]
    assert call.date == "2025-10-03"


def test_talks_on_the_sidelines_of_a_meeting_are_dated_by_it() -> None:
    events = _events(
        "Russia and Kazakhstan on Wednesday held the 21st meeting of the Russia-Kazakhstan "
        "Intergovernmental Commission in Astana, co-chaired by Russian Deputy Prime Minister "
        "Alexei Overchuk and Kazakh Deputy Prime Minister Serik Zhumangarin.\n\n"
        "Talks on a new gas transit deal are continuing, Zhumangarin said.\n\n"
        "On the sidelines of the commission meeting, Overchuk also held a separate meeting "
        "with Kazakh Energy Minister Almasadam Satkaliyev.",
        "2025-11-14",
    )
    side = [e for e in events if "Almasadam Satkaliyev" in e.participants]
    assert [e.date for e in side] == ["2025-11-12"]
    assert all(e.date == "2025-11-12" for e in events if e.mode == "meeting")


def test_ongoing_talks_are_no_meeting() -> None:
    events = _events(
        "Talks on the extension of the Russia-Turkey grain corridor are still continuing, "
        "the Turkish trade ministry said on Friday.",
        "2025-06-13",
    )
    assert [e for e in events if e.mode == "meeting"] == []


def test_a_call_in_a_coordinated_verb_phrase_after_a_relative_clause() -> None:
    events = _events(
        "Guided by President Lula and President Xi Jinping, who met twice last year, in "
        "Beijing in May and in Rio de Janeiro in November, and held a video call in March, "
        "Brazil-China relations keep growing.",
        "2026-04-20",
    )
    meetings = [e for e in events if e.mode == "meeting"]
    assert len(meetings) == 2
    assert all(e.date is not None and e.date.startswith("2025") for e in meetings)
    (video,) = [e for e in events if e.mode in ("video", "call")]
    assert video.date == "2026-03"
    assert "Xi Jinping" in video.participants


def test_the_same_day_is_the_day_of_the_event_told_before() -> None:
    events = _events(
        "Вчера в Москве прошло заседание российско-вьетнамской межправкомиссии под "
        "председательством вице-премьера Дмитрия Чернышенко и вице-премьера Вьетнама Чан "
        "Хонг Ха. В тот же день глава «Росатома» Алексей Лихачев провел переговоры с "
        "министром науки Вьетнама Нгуен Мань Хунгом.",
        "2025-10-08",
    )
    assert {e.date for e in events if e.mode == "meeting"} == {"2025-10-07"}


def test_on_the_eve_of_the_leaders_call_is_the_day_before_it() -> None:
    events = _events(
        "Президент России Владимир Путин и президент Бразилии Лула да Силва в четверг провели "
        "телефонный разговор. Накануне разговора лидеров министр иностранных дел Сергей "
        "Лавров провел в Москве переговоры с министром иностранных дел Бразилии Мауро Виейрой.",
        "2025-06-09",
    )
    (call,) = [e for e in events if e.mode == "call"]
    assert call.date == "2025-06-05"
    (talks,) = [e for e in events if e.mode == "meeting"]
    assert talks.date == "2025-06-04"


def test_a_visit_agreed_on_a_call_is_planned_and_dated_by_the_next_sentence() -> None:
    russian = _events(
        "Президент России Владимир Путин и президент Индонезии Прабово Субианто во вторник "
        "провели телефонный разговор и подтвердили договоренность о визите индонезийского "
        "лидера в Москву. Как сообщили в Кремле, визит ожидается в ноябре.",
        "2025-09-04",
    )
    english = _events(
        "Russian President Vladimir Putin and Indonesian President Prabowo Subianto held a "
        "phone call on Tuesday and confirmed the agreement on the Indonesian leader's visit "
        "to Moscow. The visit is expected in November, the Kremlin said.",
        "2025-09-04",
    )
    for events in (russian, english):
        (visit,) = [e for e in events if e.mode == "visit"]
        assert (visit.status, visit.date) == ("planned", "2025-11")
        (call,) = [e for e in events if e.mode == "call"]
        assert (call.status, call.date) == ("occurred", "2025-09-02")


def test_leaders_who_may_meet_on_the_sidelines_of_a_summit_have_a_plan() -> None:
    for text in (
        "Владимир Путин и президент Египта Абдель Фаттах ас-Сиси могут встретиться на полях "
        "саммита БРИКС в Рио-де-Жанейро в начале июля, сообщил Юрий Ушаков.",
        "Vladimir Putin and Egyptian President Abdel Fattah el-Sisi could meet on the "
        "sidelines of the BRICS summit in Rio de Janeiro in early July, Yury Ushakov said.",
    ):
        (meeting,) = [e for e in _events(text, "2025-06-02") if e.mode == "meeting"]
        assert (meeting.status, meeting.date) == ("planned", "2025-07")


def test_the_intergovernmental_commission_is_the_pairs() -> None:
    for text in (
        "АСТАНА. 3 июня. ИНТЕРФАКС - Россия и Казахстан подписали 9 документов. Следующее "
        "заседание межправкомиссии запланировано на осень в Омске.",
        "ASTANA, June 3. Russia and Kazakhstan signed nine documents. The next meeting of the "
        "intergovernmental commission is scheduled for the autumn in Omsk.",
    ):
        (meeting,) = [e for e in _events(text, "2025-06-03") if e.mode == "meeting"]
        assert meeting.status == "planned"
        assert meeting.date is not None and meeting.date.startswith("2025")
        assert {"Russia", "Kazakhstan"} <= set(meeting.participants)


def test_a_russian_relative_clause_names_the_bodys_next_meeting() -> None:
    events = _events(
        "Министр сельского хозяйства Оксана Лут во вторник провела в Каире переговоры с "
        "министром сельского хозяйства Египта Аля Фаруком. Оба министра возглавляют "
        "межправительственную комиссию по торгово-экономическому сотрудничеству, очередное "
        "заседание которой запланировано на март следующего года в Москве.",
        "2025-10-09",
    )
    (plan,) = [e for e in events if e.status == "planned"]
    assert (plan.mode, plan.date) == ("meeting", "2026-03")
    assert {"Russia", "Egypt"} <= set(plan.participants)


def test_a_date_in_the_occasions_relative_clause_is_the_occasions() -> None:
    events = _events(
        "БЛАГОВЕЩЕНСК, 20 мая — РИА Новости. Губернатор Амурской области Василий Орлов в "
        "понедельник провел в Хэйхэ переговоры с губернатором провинции Хэйлунцзян Лян "
        "Хуэйлин.\n\nВстреча прошла на полях Российско-китайской ярмарки, которая открылась "
        "в субботу и продлится до 25 мая.\n\nРоссийско-китайская ярмарка проводится ежегодно "
        "с 2010 года.",
        "2025-05-20",
    )
    (talks,) = [e for e in events if e.mode == "meeting"]
    assert talks.date == "2025-05-19"
    fairs = [e for e in events if e.mode == "multilateral"]
    assert "2025-05-17" in {e.date for e in fairs}
    assert all({"Russia", "China"} <= set(e.participants) for e in fairs)
    assert all(e.date != "2010" for e in fairs)  # a series since 2010 is undated


def test_the_polite_you_of_a_russian_transcript_is_the_other_speaker() -> None:
    events = _events(
        "Российско-узбекистанские переговоры\n\nВладимир Путин провёл в Кремле переговоры с "
        "Президентом Узбекистана Шавкатом Мирзиёевым.\n\nВ.Путин: Уважаемый Шавкат "
        "Миромонович! Товарооборот растёт.\n\nШ.Мирзиёев: Уважаемый Владимир Владимирович! "
        "Рад, что Вы приняли приглашение посетить Узбекистан с государственным визитом в "
        "следующем году.",
        "2026-05-12",
    )
    plans = [e for e in events if e.mode == "visit" and e.status == "planned"]
    assert [(e.date, e.participants[0]) for e in plans] == [("2027", "Vladimir Putin")]


def test_a_postponed_visit_is_planned_at_its_new_date() -> None:
    events = _events(
        "A visit to Hanoi by Russian Foreign Minister Sergey Lavrov, which Moscow had said "
        "would take place this month, has been postponed until early next year, the Kremlin "
        "said.",
        "2025-11-18",
    )
    (visit,) = events
    assert (visit.mode, visit.status, visit.date) == ("visit", "planned", "2026")


def test_a_plan_around_a_relative_clause_of_another_kind() -> None:
    events = _events(
        "Iran and Russia signed documents. Iranian President Masoud Pezeshkian, who held talks "
        "with Russian President Vladimir Putin in Ashgabat in October, has accepted an "
        "invitation to visit Moscow, though no date has been set.",
        "2025-11-18",
    )
    (visit,) = [e for e in events if e.mode == "visit"]
    assert (visit.status, visit.participants) == ("planned", ("Masoud Pezeshkian", "Russia"))
    (talks,) = [e for e in events if e.mode == "meeting"]
    assert talks.date == "2025-10"


def test_tourists_who_visited_are_no_visit() -> None:
    events = _events(
        "North Korea and Russia held talks in Pyongyang on Monday. Russian Natural Resources "
        "Minister Alexander Kozlov, who arrived in Pyongyang on Saturday, co-chaired the "
        "session. He said Russian Railways had shipped 25,000 tons of cargo to North Korea in "
        "January-October, and that about 1,500 Russian tourists had visited the Wonsan-Kalma "
        "resort since it opened in July.",
        "2025-11-18",
    )
    assert [e.date for e in events if e.mode == "visit"] == ["2025-11-15"]  # the arrival


def test_the_two_ends_of_a_flow_are_not_the_parties_of_a_call() -> None:
    (call,) = _events(
        "Trade between Russia and Qatar rose 12% last year to $1.1 billion, Deputy Prime "
        "Minister Alexander Novak said Friday after a phone call with Qatari Energy Minister "
        "Saad al-Kaabi.",
        "2026-04-20",
    )
    assert "Alexander Novak" in call.participants
    assert call.date == "2026-04-17"


def test_the_eve_is_not_counted_from_an_occasion_of_several_days() -> None:
    events = _events(
        "МИНСК, 25 июня. /ТАСС/. Об этом заявил министр на пленарном заседании XIII Форума "
        "регионов России и Белоруссии, который проходит в Минске 24-26 июня. Накануне "
        "Валентина Матвиенко и Наталья Кочанова провели двустороннюю встречу.",
        "2026-06-25",
    )
    (talks,) = [e for e in events if e.mode == "meeting"]
    assert talks.date == "2026-06-24"


def test_an_initial_and_a_surname_are_the_gazetteers_person() -> None:
    actors = extract_text(
        "ULAANBAATAR, June 12 (MONTSAME). Mongolia and Russia held talks. On Wednesday, the "
        "President of Mongolia received A. Kozlov, the Russian co-chair of the commission.",
        "2025-06-12",
    ).actors
    (kozlov,) = [a for a in actors if "Kozlov" in a.name]
    assert (kozlov.name, kozlov.gid) == ("Alexander Kozlov", "alexander-kozlov")


def test_a_call_to_prepare_a_meeting_and_a_session_that_would_take_place() -> None:
    events = _events(
        "Coordinating Minister Airlangga Hartarto and Chinese Vice Premier He Lifeng held a "
        "videoconference on Friday to prepare for the next meeting of the Indonesia-China "
        "dialogue, which is scheduled to take place in Jakarta in March. Hartarto, who "
        "co-chairs the dialogue, said its next session after that would take place in Beijing "
        "in the autumn.",
        "2026-01-12",
    )
    (video,) = [e for e in events if e.mode == "video"]
    assert (video.status, video.date) == ("occurred", "2026-01-09")
    plans = sorted(e.date for e in events if e.mode == "meeting" and e.status == "planned")
    assert plans[0] == "2026-03"


def test_a_russian_occasion_named_again_in_another_case() -> None:
    events = _events(
        "СТАМБУЛ, 15 сентября. /ТАСС/. Россия и Турция парафировали меморандум, документ может "
        "быть подписан на заседании межправительственной комиссии в ноябре. Встреча министров "
        "состоялась на полях Российско-турецкого энергетического форума. Форум прошел 10–12 "
        "сентября в Стамбуле. Предыдущее заседание комиссии прошло в июне прошлого года в "
        "Москве.",
        "2025-09-15",
    )
    found = sorted((e.mode, e.status, e.date) for e in events if "Turkey" in e.participants)
    assert ("meeting", "planned", "2025-11") in found
    assert ("meeting", "occurred", "2024-06") in found
    assert ("multilateral", "occurred", "2025-09-10") in found


def test_a_next_session_is_not_the_talks_of_the_report() -> None:
    events = _events(
        "DUBAI: Russian Economic Development Minister Maxim Reshetnikov held talks with UAE "
        "Minister of State for Foreign Trade Thani Al Zeyoudi in Dubai this week. "
        "Reshetnikov, who co-chairs the UAE-Russia Intergovernmental Commission, said its next "
        "session would take place in Abu Dhabi in the autumn.",
        "2026-03-09",
    )
    meetings = sorted((e.status, e.date) for e in events if e.mode == "meeting")
    assert [s for s, _d in meetings] == ["occurred", "planned"]


def test_the_leaders_past_a_relative_clause_are_the_two_told_before() -> None:
    events = _events(
        "President Lula held a phone call with Chinese President Xi Jinping on Friday, the "
        "Planalto said. Lula stated that Brazil wants to double its exports of beef.\n\n"
        "According to the Chinese readout, the leaders, who last met in Rio de Janeiro on "
        "July 6 on the sidelines of the BRICS summit, agreed to keep in touch and to hold a "
        "meeting in Beijing next year.",
        "2026-03-16",
    )
    (planned,) = [e for e in events if e.status == "planned"]
    assert planned.mode == "meeting"
    assert set(planned.participants) == {"Luiz Inácio Lula da Silva", "Xi Jinping"}


def test_the_two_who_last_met_and_talks_one_hopes_to_arrange() -> None:
    events = _events(
        "Indian External Affairs Minister S. Jaishankar held talks with Chinese Foreign "
        "Minister Wang Yi in Vientiane on Thursday. The two last met in person in Delhi in "
        "March. Jaishankar said he hopes to arrange talks between Prime Minister Narendra Modi "
        "and Chinese Premier Li Qiang at the summit.",
        "2026-07-11",
    )
    met = {(e.date, e.status): set(e.participants) for e in events}
    assert met[("2026-03", "occurred")] == {"S. Jaishankar", "Wang Yi"}
    assert met[(None, "planned")] == {"Narendra Modi", "Li Qiang"}


def test_a_guest_by_title_a_delegation_by_adjective_and_a_visit_by_someone() -> None:
    """'invited the crown prince to visit Russia' (the one named Crown Prince before);
    'would meet a Chinese delegation' (China); 'a visit to Beijing last week by X' (X's)."""
    events = _events(
        "Saudi Crown Prince Mohammed bin Salman received a phone call from Chinese President "
        "Xi Jinping on Thursday. Xi had invited the crown prince to visit China. Saudi "
        "ministers would meet a Chinese delegation in Riyadh on Monday. The call follows a "
        "visit to Beijing last week by Energy Minister Prince Abdulaziz bin Salman.",
        "2026-05-08",
    )
    found = {(e.mode, e.status): set(e.participants) for e in events}
    assert found[("visit", "planned")] == {"Mohammed bin Salman", "China"}
    assert found[("visit", "occurred")] == {"Abdulaziz bin Salman", "China"}
    assert "China" in found[("meeting", "planned")]


def test_the_parties_of_a_company_release_are_the_two_companies() -> None:
    events = _events(
        "Astana, 12 May 2026\n\nThe chairman of KazMunayGas held a meeting with the president "
        "of LUKOIL in Astana today. KazMunayGas and LUKOIL reviewed their Caspian projects.\n\n"
        "Transit of oil through Kazakhstan fell by 2% in January-April.\n\n"
        "The parties agreed to hold the next meeting of the joint working group in Moscow in "
        "September.",
        "2026-05-12",
    )
    (planned,) = [e for e in events if e.status == "planned"]
    assert {"KazMunayGas", "LUKOIL"} <= set(planned.participants)


def test_the_next_round_of_talks_two_people_held_is_theirs() -> None:
    events = _events(
        "Gazprom head Alexey Miller met CNPC chairman Dai Houliang in Beijing today. The "
        "meeting follows the talks Alexey Miller and Dai Houliang held in Vladivostok in "
        "September, and the next round is scheduled for February in Moscow.",
        "2025-12-09",
    )
    (planned,) = [e for e in events if e.status == "planned"]
    assert {"Alexey Miller", "Dai Houliang"} <= set(planned.participants)


def test_the_sides_meet_as_the_regions_their_working_group_is_named_for() -> None:
    events = _events(
        "Heilongjiang Governor Liang Huiling held talks with Primorye Governor Oleg Kozhemyako "
        "in Harbin on Monday. The two sides agreed to hold the next meeting of the "
        "Heilongjiang-Primorye cooperation working group in Vladivostok next year.",
        "2025-06-10",
    )
    (planned,) = [e for e in events if e.status == "planned"]
    assert set(planned.participants) == {"Heilongjiang", "Primorsky Krai"}


def test_the_meeting_whose_preparation_work_was_discussed_is_planned() -> None:
    events = _events(
        "On 10th, Minister of Commerce Wang Wentao held video talks with Russian Minister of "
        "Economic Development Maxim Reshetnikov. The two sides exchanged views on the "
        "preparation work of the 31st regular meeting between heads of government of China "
        "and Russia.",
        "2026-10-13",
    )
    assert [e.status for e in events if e.mode == "meeting"] == ["planned"]


def test_a_contact_of_another_pair_at_a_summit_is_its_own() -> None:
    """A report of Brazil-South Africa talks at a G20 summit also tells Lula's talks with
    Modi and Ramaphosa's with Erdogan: contacts of their own pairs, each with its day; an
    envoy told by office alone ('after a meeting with the Indian envoy') is no such contact."""
    events = _events(
        "JOHANNESBURG, Nov 22 (Reuters) - Brazilian President Luiz Inacio Lula da Silva held "
        "talks with South African President Cyril Ramaphosa on Saturday on the sidelines of "
        "the G20 summit. Brazil and South Africa agreed to expand trade. Lula also met Indian "
        "Prime Minister Narendra Modi on Saturday. Ramaphosa is due to hold talks with Turkish "
        "President Recep Tayyip Erdogan on Sunday. Argentine Foreign Minister Gerardo "
        "Werthein said after a meeting with the Indian envoy that Buenos Aires wanted more "
        "trade.",
        "2031-11-22",
    )
    meetings = {
        (frozenset(e.participants), e.status, e.date) for e in events if e.mode == "meeting"
    }
    assert (
        frozenset({"Luiz Inacio Lula da Silva", "Narendra Modi"}),
        "occurred",
        "2031-11-22",
    ) in meetings, meetings
    assert (
        frozenset({"Cyril Ramaphosa", "Recep Tayyip Erdogan"}),
        "planned",
        "2031-11-23",
    ) in meetings, meetings
    assert not any("Gerardo Werthein" in p for p, _, _ in meetings), meetings


def test_a_dinner_given_the_same_evening_is_a_meeting_that_day() -> None:
    """A meal one side gives the other is a reception (GOLD.md: a meeting), dated by 'that
    evening' / 'вечером того же дня' to the day told before."""
    english = _events(
        "Brazilian President Luiz Inacio Lula da Silva arrived in Pretoria on March 4. That "
        "evening South African President Cyril Ramaphosa hosted a private dinner for the "
        "Brazilian leader at his residence.",
        "2031-03-05",
    )
    assert ("meeting", "2031-03-04") in {(e.mode, e.date) for e in english}, english
    russian = _events(
        "Президент России Владимир Путин прибыл в Ханой 4 марта. Вечером того же дня "
        "генеральный секретарь ЦК КПВ То Лам устроил для российского лидера неформальный ужин.",
        "2031-03-05",
    )
    assert ("meeting", "2031-03-04") in {(e.mode, e.date) for e in russian}, russian


def test_a_speakers_aside_in_the_future_tense_plans_nothing() -> None:
    """'Напомню также, что 1 ноября состоялись переговоры': the speaker's aside is in the
    future tense; the talks it recalls took place."""
    (talks,) = _events(
        "Напомню также, что 1 ноября в Москве состоялись переговоры министра иностранных дел "
        "России Сергея Лаврова с министром иностранных дел Вьетнама Буй Тхань Шоном.",
        "2031-11-20",
    )
    assert (talks.status, talks.date) == ("occurred", "2031-11-01")


def test_a_contact_ruled_out_is_no_plan() -> None:
    """'there were no plans for Putin to meet Sharif in Tianjin', 'не планирует
    встречаться': a meeting ruled out is no event; the one held that day is."""
    events = _events(
        "Kremlin aide Yuri Ushakov said there were no plans for Russian President Vladimir "
        "Putin to meet Vietnamese President Luong Cuong in Tianjin. Putin met Chinese "
        "President Xi Jinping on Monday.",
        "2031-09-01",
    )
    assert {e.participants for e in events} == {("Vladimir Putin", "Xi Jinping")}, events
    assert not _events(
        "Президент России Владимир Путин не планирует встречаться с президентом Вьетнама "
        "Лыонг Кыонгом в Тяньцзине.",
        "2031-09-01",
    )


def test_one_leader_meeting_two_of_other_states_holds_two_meetings() -> None:
    """'Lula meets Ramaphosa, Modi as G20 summit opens': two bilateral meetings, each of its
    pair; a trilateral one stays one."""
    meetings = {
        e.participants
        for e in _events(
            "Brazilian President Luiz Inacio Lula da Silva met South African President Cyril "
            "Ramaphosa and Indian Prime Minister Narendra Modi on Saturday.",
            "2031-11-22",
        )
        if e.mode == "meeting"
    }
    assert meetings == {
        ("Luiz Inacio Lula da Silva", "Cyril Ramaphosa"),
        ("Luiz Inacio Lula da Silva", "Narendra Modi"),
    }, meetings
    together = _events(
        "Brazilian President Luiz Inacio Lula da Silva met South African President Cyril "
        "Ramaphosa and Indian Prime Minister Narendra Modi for a trilateral meeting on Saturday.",
        "2031-11-22",
    )
    assert not any(len(e.participants) == 2 for e in together if e.mode == "meeting"), together


def test_the_day_of_an_inauguration_since_which_a_trip_is_the_first_dates_no_trip() -> None:
    """'is on a two-day state visit to India, his first trip abroad since his inauguration
    for a third term on May 7': the visit is under way on the report's day."""
    (visit,) = _events(
        "Brazilian President Luiz Inacio Lula da Silva is on a two-day state visit to India, "
        "his first trip abroad since his inauguration for a third term on May 7.",
        "2031-05-16",
    )
    assert (visit.mode, visit.date) == ("visit", "2031-05-16")


def test_an_honorific_told_again_is_the_one_named_with_it() -> None:
    """A Gulf agency's call readout: 'His Highness Sheikh Tamim bin Hamad Al Thani ...
    received a phone call', then 'His Highness's state visit to Moscow in April, during
    which they held talks' (his visit, and talks of its month) and 'the two sides agreed to
    convene the next session of the commission' (a later one, not those talks)."""
    events = _events(
        "DOHA, 3rd June, 2031 (QNA) -- His Highness Sheikh Tamim bin Hamad Al Thani, Amir of "
        "the State of Qatar, received a phone call today from President Vladimir Putin of "
        "the Russian Federation. The two leaders recalled the outcomes of His Highness's "
        "state visit to Moscow in April, during which they held talks at the Kremlin. "
        "His Highness accepted an invitation to attend the Russia-Arab summit in October, "
        "and the two sides agreed to convene the next session of the Qatari-Russian "
        "Intergovernmental Commission in Doha before the end of the year.",
        "2031-06-03",
    )
    got = {(e.mode, e.date, e.status) for e in events}
    assert ("visit", "2031-04", "occurred") in got
    assert ("meeting", "2031-04", "occurred") in got
    assert ("multilateral", "2031-10", "planned") in got
    assert ("meeting", "2031", "planned") in got


def test_talks_on_the_sidelines_of_a_regional_summit_are_of_its_day() -> None:
    """'met ... on the sidelines of the second Central Asia – China summit in Astana on June
    17': the summit (of a state and a region) and the talks, both that day; 'on 27 and 28
    July' is a two-day span."""
    events = _events(
        "President Sadyr Japarov met with Chinese President Xi Jinping on the sidelines of the "
        "third Central Asia – China summit in Bishkek on June 17. The leaders recalled "
        "Japarov's state visit to China in January 2030. Japarov will attend the "
        "China-Arab States Summit in Riyadh on 27 and 28 July.",
        "2031-06-18",
    )
    got = {(e.mode, e.date, e.date_end) for e in events}
    assert {("multilateral", "2031-06-17", None), ("meeting", "2031-06-17", None)} <= got
    assert ("multilateral", "2031-07-27", "2031-07-28") in got


def test_a_contact_said_not_to_have_happened_is_none() -> None:
    """'did not hold a bilateral meeting', 'has never visited', 'held no talks', 'не
    встречались': no contact; 'did not say when ... would visit' still tells the visit."""
    for text in (
        "Lula and Macron did not hold a separate bilateral meeting in Rome.",
        "Lula has never visited France as president.",
        "Lula and Macron held no talks in Rome.",
        "Лула и Макрон не встречались в Риме.",
        "Лула и Макрон не проводили отдельной встречи в Риме.",
    ):
        assert _events(text, "2031-07-29") == [], text
    told = _events("The Elysee did not say when Lula would visit France.", "2031-07-29")
    assert [(e.mode, e.status) for e in told] == [("visit", "planned")]


def test_a_contact_only_reports_told_before_calling_them_unfounded_is_none() -> None:
    """'Reports that Lula would visit Paris in October were premature', 'сообщения о том,
    что Лула посетит Париж, не подтвердились': no visit."""
    for text in (
        "Reports that Lula would visit France in October were premature, the Elysee said.",
        "Сообщения о том, что Лула посетит Францию в октябре, не подтвердились.",
    ):
        assert _events(text, "2031-07-29") == [], text
    assert _events("Lula will visit France in October, reports said.", "2031-07-29")


def test_a_denied_postponement_tells_the_meeting() -> None:
    """'dismissed as "groundless" media reports that Lima had postponed the next meeting of
    the commission, saying it will take place in Quito in September': the meeting stands."""
    events = _events(
        'The minister dismissed as "groundless" media reports that Lima had postponed the next '
        "meeting of the Peruvian-Ecuadorian intergovernmental commission, saying it will take "
        "place in Quito in September as planned.",
        "2031-05-14",
    )
    assert [(e.mode, e.date, e.status) for e in events] == [("meeting", "2031-09", "planned")]


def test_a_contact_denied_with_that_is_none() -> None:
    """'The spokeswoman denied that a meeting between Premier Li Qiang and Prime Minister
    Lula was being arranged': no meeting."""
    text = (
        "The spokeswoman denied that a meeting between Chinese Premier Li Qiang and Brazilian "
        "President Lula was being arranged for the summit."
    )
    assert _events(text, "2031-05-14") == []


def test_a_body_of_both_states_meeting_is_their_event_whoever_the_clause_names() -> None:
    """'The 18th SCO summit took place in Bishkek ...', 'Uzbekistan will host the next SCO
    summit' on an India-Russia page: the body holds both, so its meeting is theirs; told as a
    time ('a day after the SCO summit ended') or a setting it makes no event, nor does a body
    that lacks one of them (NATO: not Russia's)."""
    events = _events(
        "Indian Prime Minister Narendra Modi met Russian President Vladimir Putin in Bishkek on "
        "Tuesday, a day after the SCO summit there ended. The 18th SCO summit took place in "
        "Bishkek on July 3-4. Uzbekistan will host the next SCO summit in Tashkent in 2032. The "
        "NATO summit will be held in Ankara next week.",
        "2031-07-06",
    )
    summits = sorted((e.status, e.date, e.participants) for e in events if e.mode == "multilateral")
    assert [(status, date) for status, date, _ in summits] == [
        ("occurred", "2031-07-03"),
        ("planned", "2032"),
    ], summits
    assert all("Shanghai Cooperation Organisation" in parts for _, _, parts in summits)
    assert "Uzbekistan" in summits[1][2]
