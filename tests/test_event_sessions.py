"""Sessions and contacts told around them: 'co-chairing a session of the intergovernmental
committee', 'at a session of their commission', 'co-chaired the session' (the one told
before), 'later the same day' (its day, not the period of what was said then), 'since their
meeting in X', 'he said after meeting X', and a dateline's state as no party."""

from __future__ import annotations

from tests.conftest import extract_text


def _events(text: str, published: str) -> set[tuple[str, str, str | None, tuple[str, ...]]]:
    found = extract_text(text, published).events
    return {(e.mode, e.status, e.date, e.participants) for e in found}


def test_a_session_co_chaired_and_the_day_a_deputy_was_received() -> None:
    found = _events(
        "Laos and Russia agreed to raise trade to $1 billion by 2030, Lao Deputy Prime Minister "
        "Saleumxay Kommasith said after co-chairing a session of the intergovernmental "
        "commission in Vientiane on Tuesday with Russian Deputy Prime Minister Alexei "
        "Overchuk.\n\nLater the same day, Lao President Thongloun Sisoulith received Overchuk, "
        "telling him that trade had risen 21% in January-September.",
        "2031-11-13",  # a Thursday
    )
    dates = {(mode, date) for mode, _, date, _ in found}
    assert ("meeting", "2031-11-11") in dates
    received = [p for mode, _, _, p in found if "Thongloun Sisoulith" in p]
    assert received == [("Thongloun Sisoulith", "Alexei Overchuk")]
    assert ("meeting", "2031-01") not in dates  # the period of what was said


def test_the_session_co_chaired_is_the_one_told_before() -> None:
    found = _events(
        "SEOUL, South Korea (AP) — North Korea and Russia signed nine cooperation documents on "
        "Monday at a session of their intergovernmental commission in Pyongyang.\n\nRussian "
        "Natural Resources Minister Alexander Kozlov co-chaired the session with North "
        "Korea's Minister of External Economic Relations Yun Jong Ho.",
        "2031-11-18",
    )
    assert {date for mode, _, date, _ in found if mode == "meeting"} == {"2031-11-17"}
    assert not any("South Korea" in p for _, _, _, p in found)  # the dateline's


def test_their_meeting_and_the_dialogue_agreed_to_continue() -> None:
    found = _events(
        "President Shavkat Mirziyoyev held talks with President Xi Jinping in Beijing on "
        "Tuesday. The presidents noted the growth of trade since their meeting in Samarkand in "
        "September 2022 and agreed to continue the dialogue in Astana in June.",
        "2031-04-23",
    )
    assert ("meeting", "occurred", "2022-09", ("Shavkat Mirziyoyev", "Xi Jinping")) in found


def test_he_said_after_meeting_a_counterpart() -> None:
    found = _events(
        "HANOI, Nov 16. Vietnam's exports to Russia rose 12% in January-October, Deputy Trade "
        "Minister Nguyen Sinh Nhat Tan said.\n\nRussia remained a key market for seafood, he "
        "said in a statement after meeting Russian Ambassador Gennady Bezdetko on Friday.",
        "2031-11-16",  # a Sunday
    )
    assert ("meeting", "occurred", "2031-11-14", ("Nguyen Sinh Nhat Tan", "Gennady Bezdetko")) in (
        found
    )


def test_a_visitor_meets_each_of_two_hosts() -> None:
    found = _events(
        "BEIJING, Nov 20. Kazakh Prime Minister Olzhas Bektenov met Chinese President Xi "
        "Jinping and Premier Li Qiang during a three-day visit last week.",
        "2031-11-20",
    )
    meetings = {p for mode, _, _, p in found if mode == "meeting"}
    assert meetings == {("Olzhas Bektenov", "Xi Jinping"), ("Olzhas Bektenov", "Li Qiang")}


def test_a_visitor_meets_each_of_three_hosts_listed() -> None:
    found = _events(
        "Russian Prime Minister Mikhail Mishustin arrived in Hanoi on Monday. On Tuesday he is "
        "scheduled to meet Party General Secretary To Lam, State President Luong Cuong and "
        "National Assembly Chairman Tran Thanh Man.",
        "2031-11-17",  # a Monday
    )
    meetings = {(status, day, p) for mode, status, day, p in found if mode == "meeting"}
    assert meetings == {
        ("planned", "2031-11-18", ("Mikhail Mishustin", host))
        for host in ("To Lam", "Luong Cuong", "Tran Thanh Man")
    }


def test_talks_on_the_sidelines_of_an_opening_told_before() -> None:
    found = _events(
        "HARBIN, Nov 20. The China-Russia Expo opened in Harbin on Saturday.\n\nOn the sidelines "
        "of the opening, Russian Deputy Prime Minister Alexei Overchuk and Chinese Vice Premier "
        "Zhang Guoqing held talks.",
        "2031-11-20",  # a Thursday
    )
    assert ("meeting", "occurred", "2031-11-15", ("Alexei Overchuk", "Zhang Guoqing")) in found


def test_a_plan_told_days_after_a_call_and_a_call_told_again() -> None:
    found = _events(
        "NEW DELHI: India and Russia will hold the next round of talks on a fertiliser supply "
        "agreement in Moscow next month, officials said on Sunday, days after Foreign "
        "Secretary Vikram Misri spoke to Russian Deputy Foreign Minister Andrei Rudenko over "
        'the phone.\n\nMisri and Rudenko, who spoke on Thursday, "reviewed preparations for '
        'the summit", the ministry said. PhosAgro is in talks with Indian Potash to build a '
        "plant.",
        "2031-11-10",  # a Monday
    )
    assert ("meeting", "planned", "2031-12", ("India", "Russia")) in found
    assert ("call", "occurred") in {(mode, status) for mode, status, _, _ in found}
    assert not any(date == "2031-11-13" for _, _, date, _ in found)  # the Thursday before
    assert not any("PhosAgro" in p for _, _, _, p in found)  # negotiations under way


def test_the_contact_named_again_by_its_noun_and_the_one_before_since() -> None:
    found = _events(
        "ABU DHABI, April 22. The UAE and China held talks by video link on Tuesday. Trade "
        "Minister Thani Al Zeyoudi and Commerce Minister Wang Wentao discussed logistics during "
        "the video conference.\n\nPresident Mohamed bin Zayed is expected to travel to Beijing "
        "early next year for a summit with President Xi Jinping, their first since talks in "
        "Beijing in May 2029.\n\nThe UAE Air Force and the Chinese air force will hold the "
        "Falcon Shield-2031 joint exercise in China in July. The previous edition was held in "
        "Xinjiang in 2029.",
        "2031-04-22",
    )
    videos = [(date, p) for mode, _, date, p in found if mode == "video"]
    assert len(videos) == 1 and videos[0][0] == "2031-04-22"  # that Tuesday
    assert "Wang Wentao" in videos[0][1]
    meetings = {(status, date) for mode, status, date, _ in found if mode == "meeting"}
    assert meetings == {("planned", "2032"), ("occurred", "2029-05")}
    drills = {(status, date) for mode, status, date, _ in found if mode == "military"}
    assert drills == {("planned", "2031-07"), ("occurred", "2029")}


def test_plans_told_by_due_when_and_a_meeting_called_off() -> None:
    found = _events(
        "BUDAPEST, Oct 15. Foreign Minister Peter Szijjarto met Chinese Foreign Minister Wang Yi "
        "on Monday and is due to address a business forum in Shanghai on Thursday. The two "
        "governments are expected to sign an agreement when Chinese Premier Li Qiang visits "
        "Budapest in the spring. Prime Minister Viktor Orban is due in Beijing at the end of "
        "November. A meeting of the Hungarian-Chinese economic commission that had been "
        "scheduled for December in Budapest was cancelled.",
        "2031-10-15",  # a Wednesday
    )
    assert ("meeting", "occurred", "2031-10-13", ("Peter Szijjarto", "Wang Yi")) in found
    visits = {(p[0], status, date) for mode, status, date, p in found if mode == "visit"}
    assert ("Li Qiang", "planned", "2032") in visits
    assert ("Viktor Orban", "planned", "2031-11") in visits  # the article's spelling
    assert not any(date == "2031-12" for _, _, date, _ in found)  # the session called off


def test_a_plan_the_states_agreed_on_told_after_the_session_that_set_it() -> None:
    found = _events(
        "ISLAMABAD: Pakistan and Russia have agreed to resume negotiations on the gas pipeline "
        "next month, Petroleum Minister Ali Pervaiz Malik said on Tuesday, after the ninth "
        "session of the Pakistan-Russia Intergovernmental Commission concluded in Islamabad "
        "last week.\n\nMalik, who co-chaired the session with Russian Energy Minister Sergei "
        "Tsivilev, said Pakistan imported 1.1 million tonnes of Russian oil in fiscal year "
        "2030-31.",
        "2031-10-22",
    )
    assert ("meeting", "planned", "2031-11", ("Pakistan", "Russia")) in found
    sessions = {date for mode, status, date, _ in found if status == "occurred"}
    assert sessions == {"2031-10"}  # last week's session, not the fiscal year told after "said"


def test_the_guest_of_a_visit_to_the_hosts_state_and_its_days() -> None:
    found = _events(
        "Cairo: Egyptian Prime Minister Mostafa Madbouly held talks with Chinese Premier Li "
        "Qiang in Beijing on Monday, on the second day of an official visit to China that runs "
        "from Sunday to Tuesday.\n\nInvestment Minister Hassan El Khatib met Commerce Minister "
        "Wang Wentao and, separately, Zheng Shanjie, chairman of the National Development and "
        "Reform Commission, on Sunday.",
        "2031-03-17",  # a Monday
    )
    visits = [(p, date) for mode, _, date, p in found if mode == "visit"]
    assert visits == [(("Mostafa Madbouly", "China"), "2031-03-16")]
    khatib = {p[1] for mode, _, _, p in found if mode == "meeting" and p[0] == "Hassan El Khatib"}
    assert khatib == {"Wang Wentao", "Zheng Shanjie"}


def test_the_trip_a_meeting_was_part_of() -> None:
    found = _events(
        "BEIJING, July 24. Russian Security Council Secretary Sergei Shoigu met Chinese Foreign "
        "Minister Wang Yi on Wednesday, his first trip to China since he took up the post.",
        "2031-07-24",  # a Thursday
    )
    visits = {(p, status, date) for mode, status, date, p in found if mode == "visit"}
    assert visits == {(("Sergei Shoigu", "China"), "occurred", "2031-07")}


def test_a_first_visit_since_a_bare_year_places_no_earlier_visit() -> None:
    """'his first visit to Kenya since 2027' tells there was one that year, not when: no
    event of its own (GOLD.md dates as precisely as the text allows; the dev gold leaves
    'their first since 2019' out); 'since March 2027' places it."""
    text = (
        "NAIROBI, May 4. Sergei Lavrov held talks in Nairobi on Monday, his first visit to "
        "Kenya since {since}."
    )
    bare = _events(text.format(since="2027"), "2031-05-04")
    assert [date[:4] for mode, _, date, _ in bare if mode == "visit"] == ["2031"]
    month = _events(text.format(since="March 2027"), "2031-05-04")
    assert sorted(date[:7] for mode, _, date, _ in month if mode == "visit") == [
        "2027-03",
        "2031-04",
    ]


def test_a_day_told_after_a_bodys_name_is_no_part_of_it() -> None:
    """'hosted by the Federation of ... and Industry on December 5': the remit a name may
    go on with after 'on' is no month or weekday."""
    found = _events(
        "The India-Russia Business Forum, hosted by the Federation of Indian Chambers of "
        "Commerce and Industry on December 5, drew some 300 companies.",
        "2031-12-09",
    )
    names = {name for *_, p in found for name in p}
    assert "Federation of Indian Chambers of Commerce and Industry" in names
    assert not [name for name in names if "December" in name]


def test_one_who_is_in_the_hosts_capital_to_take_part_is_on_a_visit() -> None:
    found = _events(
        "ASTANA, Nov 20. Russian Deputy Prime Minister Alexei Overchuk, who is in Astana to take "
        "part in the Eurasian council, met Kazakh Prime Minister Olzhas Bektenov on Thursday.",
        "2031-11-20",
    )
    assert ("visit", "occurred") in {(mode, status) for mode, status, _, p in found}


def test_the_talks_after_a_videoconference_are_it_and_a_roadmaps_years_are_not_their_date() -> None:
    """'held talks by videoconference on Wednesday. Following the talks, the two governors
    signed a roadmap of cooperation for 2031-2033': one contact (not a meeting dated by the
    roadmap's years); 'the working group on cooperation between Primorye and Jilin' is the
    two regions'."""
    found = _events(
        "Primorye Governor Oleg Kozhemyako and Jilin Governor Hu Yuting held talks by "
        "videoconference on Wednesday. Following the talks, the two governors signed a roadmap "
        "of cooperation for 2031-2033. The next session of the working group on cooperation "
        "between Primorye and Jilin is planned for the autumn in Vladivostok.",
        "2031-03-14",
    )
    assert sorted((mode, status, date, frozenset(p)) for mode, status, date, p in found) == [
        ("meeting", "planned", "2031", frozenset({"Jilin", "Primorsky Krai"})),
        ("video", "occurred", "2031-03-12", frozenset({"Hu Yuting", "Oleg Kozhemyako"})),
    ]


def test_a_body_co_chaired_with_a_named_counterpart_is_a_session() -> None:
    """'to co-chair the Joint Commission with Minister Y' and 'the commission, which X and Y
    are scheduled to co-chair in Ankara' are sessions of it; 'who co-chairs the commission
    with Y' is a role, no contact."""
    found = _events(
        "Uzbek Deputy Prime Minister Jamshid Khodjaev will fly to Jakarta next week to co-chair "
        "the Uzbekistan-Indonesia Joint Commission on Trade with Coordinating Minister Airlangga "
        "Hartarto.\n\nEnergy will top the agenda of the Kyrgyz-Turkish intergovernmental "
        "council, which Kyrgyz Deputy Prime Minister Daniyar Amangeldiev and Turkish Trade "
        "Minister Omer Bolat are scheduled to co-chair in Ankara in March.\n\nAmangeldiev, who "
        "co-chairs the commission with Chinese Vice Minister Li Fei, said grain exports rose.",
        "2031-01-15",
    )
    meetings = {(status, date, p) for mode, status, date, p in found if mode == "meeting"}
    assert ("planned", "2031-01", ("Jamshid Khodjaev", "Airlangga Hartarto")) in meetings
    assert ("planned", "2031-03", ("Daniyar Amangeldiev", "Omer Bolat")) in meetings
    assert not any("Li Fei" in p for _, _, p in meetings)
