"""Live pages, bylines, armed services and industry shows.

A live blog dates each entry by its header ("Aug 31, 2025 21:30 (IST)"), so "on Sunday" in
an entry is that entry's Sunday; the reporters' line under a headline ("Anna Petrova in
Moscow and Li Wei in Beijing") names no actors; a navy or an army that holds an exercise or
orders jets acts, even named once, while a third state's air force named in an author's note
takes part in no exercise; an air show or an industry's "Week" is a multilateral occasion; a
page whose two states are told by their adjectives ("Thai navy", "Chinese submarine") is
about those two; a sitting leader told by surname alone ("PM Modi", "Trump said") is that
leader, but not after another given name ("Eric Trump", "Chen Xi")."""

from __future__ import annotations

from tests.conftest import extract_text


def test_a_live_blogs_entry_is_read_on_its_own_day() -> None:
    text = (
        "Summit LIVE Updates: Modi to meet Putin today\n"
        "Updated: September 02, 2026 9:47 am IST\n\n"
        "Sep 02, 2026 09:40 (IST)\n"
        "Leaders gathered for the plenary session of the summit in Tianjin.\n\n"
        "Aug 24, 2026 21:30 (IST)\n"
        "Prime Minister Narendra Modi held talks with Chinese President Xi Jinping on "
        "Sunday evening, the Indian foreign ministry said.\n"
    )
    events = extract_text(text, "2026-09-02").events
    (talks,) = [e for e in events if set(e.participants) == {"Narendra Modi", "Xi Jinping"}]
    assert (talks.mode, talks.date) == ("meeting", "2026-08-23")


def test_the_reporters_line_under_a_headline_names_no_actors() -> None:
    text = (
        "Russia and China widen yuan settlements\n"
        "Anna Petrova in Moscow and Li Wei in Beijing\n"
        "Published November 20 2026\n\n"
        "Russian Finance Minister Anton Siluanov said trade with China is now settled almost "
        "entirely in roubles and yuan."
    )
    names = {a.name for a in extract_text(text, "2026-11-20").actors}
    assert "Anton Siluanov" in names
    assert not names & {"Anna Petrova", "Li Wei"}


def test_armed_services_that_act_are_actors_though_named_once() -> None:
    actors = extract_text(
        "The Indian Army and the US Army held their joint exercise in Alaska in September, "
        "India's defence ministry said.",
        "2026-10-01",
    ).actors
    assert {"Indian Army", "United States Army"} <= {a.name for a in actors}


def test_a_third_states_force_named_elsewhere_takes_no_part_in_an_exercise() -> None:
    text = (
        "Chinese and Russian bombers flew their tenth joint air patrol over the Sea of Japan "
        "on Tuesday, China's defence ministry said. China and Russia hold such patrols every "
        "year.\n\n"
        "John Smith is a retired U.S. Air Force colonel and a fellow at a think tank."
    )
    (patrol,) = extract_text(text, "2026-11-20").events
    assert patrol.mode == "military"
    assert "United States Air Force" not in patrol.participants


def test_an_air_show_is_a_multilateral_occasion() -> None:
    events = extract_text(
        "Defence officials of Russia and India met at the Aero India air show in Bengaluru on "
        "February 11, the Russian delegation said.",
        "2026-02-12",
    ).events
    assert "multilateral" in {e.mode for e in events}


def test_a_pair_told_by_its_adjectives_is_the_pages_pair() -> None:
    """No two states are named together twice; the Thai and Chinese sides are told by their
    adjectives, and the one country named most (Cambodia) never meets China in a sentence."""
    text = (
        "Thai navy takes delivery of Chinese submarine\n\n"
        "The Royal Thai Navy took delivery of its first submarine from China Shipbuilding and "
        "Offshore International Co on Monday. Chinese and Thai officials attended the "
        "ceremony in Qingdao, where Thai and Chinese naval commanders held talks.\n\n"
        "Separately, Cambodia said on Tuesday that Cambodia had ordered no ships. Cambodia's "
        "navy is due to receive two patrol boats later this year, Cambodia said."
    )
    found = extract_text(text, "2026-11-20")
    assert {a.country for a in found.actors if a.type == "state"} >= {"TH", "CN"}
    assert any(e.mode == "meeting" for e in found.events)


def test_a_sitting_leader_told_by_surname_alone_is_that_leader() -> None:
    """The model tags "PM Modi" a body and "Trump" nothing; a head of government in office at
    publication, of a state the text names, is known by surname alone."""
    names = {
        a.name
        for a in extract_text(
            "PM Modi said India and Russia would double their trade. Trump, who spoke to "
            "reporters in the United States, said he would call Putin.",
            "2025-12-05",
        ).actors
    }
    assert {"Narendra Modi", "Donald Trump", "Vladimir Putin"} <= names


def test_a_surname_after_another_given_name_is_someone_else() -> None:
    names = {
        a.name
        for a in extract_text(
            "Eric Trump visited Moscow on Tuesday, Russia and the United States said. Editor: "
            "Chen Xi. China and Russia agreed to meet.",
            "2025-12-05",
        ).actors
    }
    assert not names & {"Donald Trump", "Xi Jinping"}


def test_other_pairs_exercise_series_and_a_joint_sail_are_exercises() -> None:
    """Recurring series of other pairs with names of their own (Yudh Abhyas, Falcon Strike),
    and navies sailing together, are military cooperation like Joint Sea."""
    series = extract_text(
        "Troops of India and the United States completed Yudh Abhyas 2026 in Alaska in "
        "September, the Indian army said.",
        "2026-10-20",
    ).events
    sail = extract_text(
        "The Indian and Philippine navies held a joint sail in the South China Sea on October "
        "3, India and the Philippines said.",
        "2026-10-20",
    ).events
    assert [(e.mode, e.date) for e in series] == [("military", "2026-09")]
    assert [(e.mode, e.date) for e in sail] == [("military", "2026-10-03")]
