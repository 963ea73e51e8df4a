"""The contact a thing was said or agreed at, told beside it: "agreed to prepare the next
session, during talks in New York on Thursday"; "At the meeting, X said ..." (the meeting told
before, no new one); a plan dated by the next sentence ("The session is scheduled for late
October"); a call that discussed preparations among other things; a visit recalled in a
counterfactual ("would have been his first trip since a visit in May 2024, when he was
received by ..."); a deal "could be signed during X's visit" (the visit still to come);
"the India-Russia Annual Summit" (a summit of the two states alone is their meeting)."""

from __future__ import annotations

from typing import Any

from tests.conftest import extract_text


def _events(text: str, published: str) -> list[Any]:
    return list(extract_text(text, published).events)


def _shape(events: list[Any]) -> list[tuple[str, str, str | None]]:
    return sorted((e.mode, e.status, e.date) for e in events)


def test_the_talks_a_plan_was_agreed_at_are_an_event_of_their_own() -> None:
    events = _events(
        "ASTANA — Kazakh Foreign Minister Murat Nurtleu and Chinese Foreign Minister Wang Yi "
        "have agreed to speed up preparations for the next meeting of the Cooperation "
        "Committee, during talks on the sidelines of the SCO ministerial in Tianjin on "
        "Tuesday.",
        "2026-06-11",
    )
    occurred = [e for e in events if e.status == "occurred" and e.mode == "meeting"]
    assert [(e.date, set(e.participants)) for e in occurred] == [
        ("2026-06-09", {"Murat Nurtleu", "Wang Yi"})
    ]
    assert all(e.date != "2026-06-16" for e in events)


def test_a_meeting_named_again_as_a_setting_is_no_new_meeting() -> None:
    events = _events(
        "Indian Foreign Minister Subrahmanyam Jaishankar held talks with Russian Foreign "
        "Minister Sergey Lavrov in Moscow on Monday. At the meeting, Jaishankar said bilateral "
        "trade had reached $68 billion last year, and both sides should work towards the "
        "target of $100 billion by 2030 set by the two countries' leaders.",
        "2026-02-11",
    )
    assert _shape(events) == [("meeting", "occurred", "2026-02-09")]


def test_a_planned_session_is_dated_by_the_sentence_after_it() -> None:
    events = _events(
        "The two ministers agreed that the 12th session of the intergovernmental commission "
        "would be held in Cairo, co-chaired by Deputy Prime Minister Alexander Novak and "
        "Egyptian Planning Minister Rania Al-Mashat. The session is scheduled for early "
        "December.",
        "2026-10-20",
    )
    assert _shape(events) == [("meeting", "planned", "2026-12")]


def test_a_call_that_discussed_preparations_among_other_things_occurred() -> None:
    events = _events(
        "Russian Foreign Minister Sergey Lavrov and his Indonesian counterpart Sugiono "
        "discussed energy projects, regional security and preparations for a high-level "
        "visit in a phone call on Wednesday, the ministry said.",
        "2026-05-18",
    )
    (call,) = [e for e in events if e.mode == "call"]
    assert (call.status, call.date) == ("occurred", "2026-05-13")


def test_a_visit_recalled_in_a_counterfactual_occurred_and_dates_its_reception() -> None:
    events = _events(
        "Chinese President Xi Jinping's trip to Kazakhstan has been postponed. It would have "
        "been Xi's first trip to the country since a state visit in July 2024, when he was "
        "received in Astana by President Kassym-Jomart Tokayev.",
        "2026-04-02",
    )
    past = sorted((e.mode, e.date) for e in events if e.status == "occurred")
    assert past == [("meeting", "2024-07"), ("visit", "2024-07")]


def test_a_deal_that_could_be_signed_during_a_visit_makes_the_visit_a_plan() -> None:
    events = _events(
        "Pakistani Prime Minister Shehbaz Sharif is expected to travel to Beijing next month. "
        "Chinese investment in Pakistan keeps rising. Planning Minister Ahsan Iqbal told "
        "reporters in Islamabad on Saturday that the railway deal with China could be signed "
        "during Sharif's visit to Beijing.",
        "2026-03-16",
    )
    assert [(e.status, e.date) for e in events if e.mode == "visit"] == [("planned", "2026-04")]


def test_a_meeting_agreed_after_the_one_held_is_planned_for_the_same_people() -> None:
    events = _events(
        "Kazakh Prime Minister Olzhas Bektenov and Chinese Vice Premier Ding Xuexiang held the "
        "12th meeting of the cooperation committee in Astana on Monday, and agreed that the "
        "13th meeting will be held in China next year.",
        "2026-07-08",
    )
    assert _shape(events) == [("meeting", "occurred", "2026-07-06"), ("meeting", "planned", "2027")]
    (planned,) = [e for e in events if e.status == "planned"]
    assert {"Olzhas Bektenov", "Ding Xuexiang"} <= set(planned.participants)


def test_a_goal_set_at_their_summit_tells_the_summit_apart_from_the_call() -> None:
    events = _events(
        "Trade Minister Ömer Bolat spoke with Russia's Deputy Prime Minister Alexei Overchuk "
        "over the phone on Friday and reaffirmed the goal of $100 billion in trade, set by "
        "President Recep Tayyip Erdoğan and President Vladimir Putin at their summit in Sochi "
        "last year.",
        "2026-05-11",
    )
    by_mode = {e.mode: e for e in events}
    assert (by_mode["call"].date, set(by_mode["call"].participants)) == (
        "2026-05-08",
        {"Ömer Bolat", "Alexei Overchuk"},
    )
    assert by_mode["meeting"].date == "2025"
    assert "Vladimir Putin" in by_mode["meeting"].participants


def test_talks_on_arrival_fall_on_the_first_day_of_the_visit() -> None:
    events = _events(
        "KHABAROVSK, June 12 (Interfax) - A delegation led by Khabarovsk Territory Governor "
        "Dmitry Demeshin arrived in Harbin on Wednesday for a four-day working visit. On "
        "arrival, Demeshin held talks with Heilongjiang Governor Liang Huiling.",
        "2026-06-12",
    )
    (talks,) = [e for e in events if e.mode == "meeting"]
    assert talks.date == "2026-06-10"


def test_patrols_held_since_a_year_are_a_series_apart_from_the_dated_patrol() -> None:
    events = _events(
        "Russian and Chinese strategic bombers carried out a joint air patrol over the East "
        "China Sea on Tuesday, the Russian Defence Ministry said. Russia and China have held "
        "joint air patrols over the Asia-Pacific region since 2019.",
        "2026-11-26",
    )
    dates = sorted(str(e.date) for e in events if e.mode == "military")
    assert dates == ["2026-11-24", "None"]


def test_a_contact_told_again_before_that_at_a_summit_is_a_second_meeting() -> None:
    events = _events(
        "Erdogan and Putin, the two leaders, last met in Kazan in October on the sidelines of "
        "the BRICS summit, and before that in Astana in July at the Shanghai Cooperation "
        "Organization summit.",
        "2025-02-10",
    )
    assert _shape(events) == [
        ("meeting", "occurred", "2024-07"),
        ("meeting", "occurred", "2024-10"),
        ("multilateral", "occurred", "2024-07"),
        ("multilateral", "occurred", "2024-10"),
    ]


def test_a_named_summit_of_several_states_is_multilateral() -> None:
    events = _events(
        "Uzbek President Shavkat Mirziyoyev and Chinese President Xi Jinping last met in Astana "
        "in June on the sidelines of the second China-Central Asia Summit.",
        "2025-07-15",
    )
    assert _shape(events) == [
        ("meeting", "occurred", "2025-06"),
        ("multilateral", "occurred", "2025-06"),
    ]


def test_a_launch_watched_by_video_link_is_no_videoconference() -> None:
    events = _events(
        "When President Kassym-Jomart Tokayev hosted Xi Jinping in Astana in July 2024, the two "
        "leaders watched the launch of container traffic by video link.",
        "2025-06-12",
    )
    assert _shape(events) == [("meeting", "occurred", "2024-07"), ("visit", "occurred", "2024-07")]


def test_talks_told_as_fact_after_a_hope_are_dated_by_the_when_clause() -> None:
    events = _events(
        "When Xi Jinping came to Moscow on a state visit in March 2023, the Kremlin hoped the "
        "Power of Siberia 2 pipeline would be the centerpiece of his talks with Vladimir Putin.",
        "2025-11-20",
    )
    assert _shape(events) == [("meeting", "occurred", "2023-03"), ("visit", "occurred", "2023-03")]


def test_a_return_visit_goes_to_the_side_that_expects_it() -> None:
    events = _events(
        "Russian Energy Minister Sergei Tsivilev visited Tehran on Monday. Pezeshkian's office "
        "says it expects Putin to pay a return visit later this year.",
        "2025-03-05",
    )
    planned = [(e.date, e.participants) for e in events if e.status == "planned"]
    assert planned == [("2025", ("Vladimir Putin", "Iran"))]


def test_talks_on_a_deal_still_under_way_are_no_meeting() -> None:
    events = _events(
        "Putin and Erdogan met in Kazan in October. Talks on a gas hub in Turkey, first "
        "proposed by Putin in October 2022, are still under way, Peskov added.",
        "2025-02-10",
    )
    assert _shape(events) == [("meeting", "occurred", "2024-10")]


def test_a_guest_hosted_in_the_hosts_country_made_a_visit() -> None:
    past = _events(
        "When President Shavkat Mirziyoyev hosted Xi Jinping in Samarkand in September 2022, "
        "the two leaders discussed a railway.",
        "2025-06-12",
    )
    assert _shape(past) == [("meeting", "occurred", "2022-09"), ("visit", "occurred", "2022-09")]
    (visit,) = [e for e in past if e.mode == "visit"]
    assert visit.participants == ("Xi Jinping", "Uzbekistan")
    planned = _events(
        "President Erdogan is expected to host Putin in Turkey next year, the Kremlin said.",
        "2025-10-07",
    )
    assert _shape(planned) == [("visit", "planned", "2026")]
    abroad = _events(
        "Chinese President Xi Jinping hosted Putin at a dinner in Kazan on Tuesday.", "2024-10-24"
    )
    assert [e.mode for e in abroad] == ["meeting"]  # in Russia: no visit to China


def test_the_second_call_after_they_spoke_in_a_month_tells_the_first() -> None:
    events = _events(
        "Prime Minister Narendra Modi held a phone call with President Vladimir Putin on "
        "Thursday. It was the second call the two leaders have held this year, after they "
        "spoke in March about the war in Ukraine.",
        "2026-05-22",
    )
    assert _shape(events) == [("call", "occurred", "2026-03"), ("call", "occurred", "2026-05-21")]


def test_a_named_ministers_meeting_of_a_bloc_is_the_occasion_of_the_talks() -> None:
    events = _events(
        "Indian Defence Minister Rajnath Singh held talks with his Russian counterpart Andrei "
        "Belousov on the sidelines of the SCO Defence Ministers' Meeting in Qingdao on Thursday.",
        "2025-06-27",
    )
    assert _shape(events) == [
        ("meeting", "occurred", "2025-06-26"),
        ("multilateral", "occurred", "2025-06-26"),
    ]


def test_a_summit_named_by_the_two_states_alone_is_their_meeting() -> None:
    events = _events(
        "NEW DELHI: The 24th India-Russia Annual Summit will be held in Moscow in July, the "
        "Ministry of External Affairs said on Monday.",
        "2026-03-02",
    )
    assert _shape(events) == [("meeting", "planned", "2026-07")]
    assert set(events[0].participants) == {"India", "Russia"}


def test_a_summit_of_one_state_and_a_region_stays_multilateral() -> None:
    events = _events(
        "BEIJING: The third China-Central Asia Summit will be held in Astana in June, with "
        "President Kassym-Jomart Tokayev as host.",
        "2026-03-02",
    )
    assert [e.mode for e in events] == ["multilateral"]


def test_a_headline_contact_is_dated_by_the_lead_that_tells_it() -> None:
    events = _events(
        "Lula, Xi hold talks by phone on trade and climate\n\nBRASILIA (Reuters) - Brazilian "
        "President Luiz Inacio Lula da Silva and Chinese President Xi Jinping yesterday "
        "discussed trade, climate finance and the war in Ukraine, Lula's office said.",
        "2026-05-08",
    )
    assert _shape(events) == [("call", "occurred", "2026-05-07")]


def test_a_date_still_to_come_in_the_lead_is_not_the_headline_contacts() -> None:
    events = _events(
        "Putin, Xi discuss trade in phone call\n\nMOSCOW (Reuters) - Russian President "
        "Vladimir Putin and Chinese President Xi Jinping discussed trade and energy before "
        "the summit in Tianjin next month, the Kremlin said.",
        "2026-08-08",
    )
    (call,) = [e for e in events if e.mode == "call"]
    assert call.date == "2026-08-08"


def test_the_guest_of_a_headline_visit_is_not_at_home_where_the_report_was_filed() -> None:
    events = _events(
        "Lula and Xi lift Brazil-China ties in state visit\n\nBEIJING (Reuters) - Chinese "
        "President Xi Jinping and Brazilian President Luiz Inacio Lula da Silva on Tuesday "
        "signed 20 agreements on trade and technology.",
        "2026-05-14",
    )
    (visit,) = [e for e in events if e.mode == "visit"]
    assert set(visit.participants) == {"Luiz Inacio Lula da Silva", "China"}


def test_the_summit_a_planned_meeting_is_held_within_is_planned_too() -> None:
    events = _events(
        "Wang Yi said President Xi Jinping and President Vladimir Putin will meet again within "
        "the framework of the Shanghai Cooperation Organization (SCO) summit in Bishkek in "
        "June.",
        "2026-04-09",
    )
    assert _shape(events) == [
        ("meeting", "planned", "2026-06"),
        ("multilateral", "planned", "2026-06"),
    ]


def test_a_date_written_with_dots_dates_the_talks() -> None:
    events = _events(
        "On 14.10.2026 in Minsk the talks were held of Prime Minister Mikhail Mishustin with "
        "Prime Minister of Belarus Alexander Turchin.",
        "2026-10-15",
    )
    assert _shape(events) == [("meeting", "occurred", "2026-10-14")]


def test_the_next_round_told_without_its_sides_is_the_pairs() -> None:
    events = _events(
        "MOSCOW, Oct 1 (Reuters) - Russian and Chinese diplomats held consultations on "
        "missile defence in Beijing on Tuesday, the foreign ministry said. The next round of "
        "consultations will be held in Moscow in December.",
        "2026-10-01",
    )
    (planned,) = [e for e in events if e.status == "planned"]
    assert (planned.mode, planned.date) == ("meeting", "2026-12")
    assert set(planned.participants) == {"Russia", "China"}


def test_his_counterpart_named_by_the_state_alone_is_that_state() -> None:
    events = _events(
        "Mongolia buys nearly all of its fuel from Russia. On Friday, Russian Energy Minister "
        "Sergei Tsivilev and his Mongolian counterpart held a videoconference on supplies.",
        "2026-02-09",
    )
    (video,) = events
    assert (video.mode, video.date) == ("video", "2026-02-06")
    assert set(video.participants) == {"Sergei Tsivilev", "Mongolia"}


def test_a_numbered_round_of_talks_without_its_sides_is_the_pairs() -> None:
    events = _events(
        "NEW DELHI (Reuters) - India and Russia are negotiating a trade pact, officials said on "
        "Monday. The third round of talks was held in Moscow last month.",
        "2026-03-09",
    )
    (round_,) = [e for e in events if e.mode == "meeting"]
    assert (round_.status, round_.date, set(round_.participants)) == (
        "occurred",
        "2026-02",
        {"India", "Russia"},
    )


def test_the_visit_of_a_leader_named_after_a_long_title_is_his() -> None:
    events = _events(
        "HANOI - Russian Deputy Prime Minister Dmitry Chernyshenko held talks in Hanoi on "
        "Tuesday. The sides discussed the preparation of the visit of the General Secretary "
        "of the Central Committee of the Communist Party of Vietnam To Lam to Russia, which "
        "is scheduled for next spring.",
        "2026-11-18",
    )
    (visit,) = [e for e in events if e.mode == "visit"]
    assert (visit.status, set(visit.participants)) == ("planned", {"To Lam", "Russia"})


def test_a_summit_met_at_keeps_the_meetings_date_not_what_was_agreed_there() -> None:
    """'met on Saturday on the sidelines of the G20 summit in Johannesburg and agreed that
    their ministers would meet in Beijing next month': the summit was on Saturday, as the
    meeting; next month is what was agreed."""
    events = _events(
        "President Cyril Ramaphosa and Chinese Premier Li Qiang met on Saturday on the "
        "sidelines of the G20 Leaders' Summit in Johannesburg and agreed that their trade "
        "ministers would meet in Beijing next month.",
        "2025-11-24",
    )
    assert ("multilateral", "occurred", "2025-11-22") in _shape(events), _shape(events)


def test_who_would_represent_a_state_at_a_summit_and_who_is_due_to_come_plan_it() -> None:
    """'would represent China at the BRICS summit that Brazil will host in July': the summit
    is still to come (not last July); so is a trip someone 'is due to' make."""
    events = _events(
        "Xi Jinping told Lula that Premier Li Qiang would represent China at the BRICS summit "
        "that Brazil will host in Rio de Janeiro in July. Chinese Vice Premier Ding Xuexiang "
        "is due to visit Brasilia next month.",
        "2025-05-15",
    )
    shape = _shape(events)
    assert ("multilateral", "planned", "2025-07") in shape, shape
    assert ("visit", "planned", "2025-06") in shape, shape


def test_a_summit_not_held_is_no_event_and_a_visit_said_to_be_planned_is_planned() -> None:
    """'No annual summit was held in 2022 or 2023': nothing took place; 'is said to be planning
    a visit to Beijing before the end of the year, his first since taking office in May': a
    plan of this year, not dated by the month he took office."""
    events = _events(
        "No annual summit of Russia and China was held in 2022 or 2023. Russian Defense "
        "Minister Andrei Belousov is also said to be planning a visit to Beijing before the "
        "end of the year, his first since taking office in May.",
        "2024-07-16",
    )
    assert _shape(events) == [("visit", "planned", "2024")], _shape(events)


def test_a_joint_working_groups_session_by_video_and_the_two_who_are_to_meet() -> None:
    """'a meeting of the Russian-Chinese working group on coal, held by videoconference on
    Thursday': the two states' session by video (a working group on a sector is a joint
    body); 'The two are expected to meet in person ... later this month': the two told
    before."""
    events = _events(
        "Rail capacity was discussed at a meeting of the Russian-Chinese working group on coal, "
        "held by videoconference on Thursday. Energy Minister Alexander Tsivilev spoke with "
        "Chinese NDRC chairman Zheng Shanjie by phone on Friday. The two are expected to meet "
        "in person in Beijing later this month.",
        "2024-11-20",
    )
    shape = _shape(events)
    assert ("video", "occurred", "2024-11-14") in shape, shape
    assert ("meeting", "planned", "2024-11") in shape, shape


def test_a_contact_asked_about_and_earlier_ones_in_the_plural_are_no_events() -> None:
    """'A reporter asked whether the two navies would hold joint exercises this summer': no
    plan told; 'agreements reached at their previous meetings': no meeting of the call's day."""
    events = _events(
        "A TASS reporter asked whether the Russian and Chinese navies would hold joint "
        "exercises this summer. On October 8, Chinese President Xi Jinping and Russian "
        "President Vladimir Putin held a phone conversation, during which they discussed the "
        "implementation of agreements reached at their previous meetings.",
        "2025-10-10",
    )
    assert _shape(events) == [("call", "occurred", "2025-10-08")], _shape(events)


def test_an_opening_participles_talks_are_told_before_and_a_visit_looked_forward_to() -> None:
    """'Opening the talks, Jaishankar said ties had moved since Modi and Xi met in Kazan in
    October last year ..., and that he looked forward to Modi's visit to Tianjin later this
    month': the Kazan meeting of last October (not the talks of the report's day), and the
    visit still to come."""
    events = _events(
        "Opening the talks, Indian External Affairs Minister S. Jaishankar said ties had moved "
        "in a positive direction since Prime Minister Narendra Modi and President Xi Jinping "
        "met in Kazan in October last year, and that he looked forward to Mr. Modi's visit to "
        "Tianjin later this month.",
        "2025-08-18",
    )
    shape = _shape(events)
    assert ("meeting", "occurred", "2024-10") in shape, shape
    assert ("visit", "planned", "2025-08") in shape, shape
    assert ("meeting", "occurred", "2025-08-18") not in shape, shape
