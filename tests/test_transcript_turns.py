"""Transcripts: who "I", "you" and "we" are in a speaker's turn. Two leaders talking:
"As we agreed in Beijing", "our meeting", "the last time we talked by telephone" are
contacts of the two; a briefing by one speaker resolves only "I" ("I arrived in Moscow
yesterday"), and a later label that abbreviates an earlier one ("EAM:" after "EAM Dr. S.
Jaishankar:") is the same speaker's turn."""

from __future__ import annotations

from tests.conftest import extract_text


def _events(text: str, published: str) -> set[tuple[str, str, str | None, tuple[str, ...]]]:
    return {
        (e.mode, e.status, e.date, e.participants) for e in extract_text(text, published).events
    }


_TALKS = (
    "Russian-Turkish talks\n\n"
    "President of Russia Vladimir Putin: Mr President, dear friend,\n\n"
    "I am glad to see you in Sochi. Since our meeting in Astana in July, our ministers have "
    "done a great deal of work. The last time we talked by telephone was in September.\n\n"
    "President of Turkey Recep Tayyip Erdogan (via interpreter): Dear Vladimir, thank you. "
    "We are also preparing the Forum of Regions; we agreed to hold it in Kazan next year.\n"
)


def test_we_of_two_leaders_talking_are_both() -> None:
    found = _events(_TALKS, "2031-11-20")
    people = ("Vladimir Putin", "Recep Tayyip Erdogan")  # the article's spelling
    assert ("meeting", "occurred", "2031-07", people) in found
    assert ("call", "occurred", "2031-09", people) in found


def test_a_forum_two_leaders_agreed_to_hold_is_their_states() -> None:
    forums = [e for e in extract_text(_TALKS, "2031-11-20").events if e.mode == "multilateral"]
    assert [(f.status, f.date, set(f.participants)) for f in forums] == [
        ("planned", "2032", {"Russia", "Turkey"})
    ]


def test_a_briefing_by_one_speaker_resolves_i() -> None:
    text = (
        "Transcript of Media Briefing by Foreign Minister in Ankara (November 20, 2031)\n\n"
        "FM Dr. Hakan Fidan: Good evening. I arrived in Moscow yesterday, and this afternoon "
        "I had detailed talks with Foreign Minister Sergei Lavrov. Third, FM Lavrov and I "
        "signed the Plan of Consultations between our Foreign Ministries for 2032-2033.\n\n"
        "Question (Anadolu): Minister, will you meet President Putin?\n\n"
        "FM: I will meet President Vladimir Putin tomorrow.\n"
    )
    found = _events(text, "2031-11-20")
    assert ("visit", "occurred", "2031-11-19", ("Hakan Fidan", "Russia")) in found
    meetings = {(status, date) for mode, status, date, _ in found if mode == "meeting"}
    # today's talks, and tomorrow's meeting told in the abbreviated speaker's turn; the
    # plan of consultations is a document, not a contact
    assert meetings == {("occurred", "2031-11-20"), ("planned", "2031-11-21")}


def test_last_month_of_a_name_is_of_the_year_before() -> None:
    """'Last April, we organized a visit' told in July: April of the year before."""
    text = (
        "KAZAN, July 7. Last April, Tatarstan President Rustam Minnikhanov visited China "
        "and held talks in Beijing."
    )
    found = _events(text, "2031-07-07")
    assert {date for _, _, date, _ in found} == {"2030-04"}


def test_a_spokesperson_answering_is_no_party_and_the_visit_asked_about_dates_its_talks() -> None:
    text = (
        "MOFCOM Regular Press Conference (November 20, 2031)\n\n"
        "Phoenix TV: What progress has been made since President Xi Jinping's state visit to "
        "Kazakhstan in June?\n\n"
        "He Yadong: During the visit, President Xi Jinping and President Kassym-Jomart Tokayev "
        "held talks in Astana and agreed to raise trade to $60 billion by 2030.\n"
    )
    found = _events(text, "2031-11-20")
    assert found == {
        ("visit", "occurred", "2031-06", ("Xi Jinping", "Kazakhstan")),
        ("meeting", "occurred", "2031-06", ("Xi Jinping", "Kassym-Jomart Tokayev")),
    }


def test_labels_in_capitals_a_speaker_who_knows_of_talks_and_a_visit_they_agreed_on() -> None:
    """A Kremlin transcript's 'VLADIMIR PUTIN:' is Vladimir Putin (not the report's dateline:
    the guest's trip 'to visit China' is the Russian minister's); 'I know that this morning
    you held talks with Mr Lavrov' is no meeting of the speaker's."""
    found = extract_text(
        "Meeting with the Chinese Foreign Minister\n\n"
        "VLADIMIR PUTIN: Mr Minister, I am very glad to see you. I know that this morning you "
        "held detailed talks with Mr Lavrov.\n\n"
        "WANG YI (retranslated): Mr President, thank you for receiving me. We also agreed "
        "that Minister Lavrov will visit China next month.\n",
        "2031-03-17",
    )
    assert {a.name for a in found.actors if a.type == "person"} >= {"Vladimir Putin", "Wang Yi"}
    shape = {(e.mode, e.status, e.date, frozenset(e.participants)) for e in found.events}
    lavrov = next(a.name for a in found.actors if "Lavrov" in a.name)
    assert ("visit", "planned", "2031-04", frozenset({lavrov, "China"})) in shape, shape
    talks = [e for e in found.events if e.mode == "meeting" and lavrov in e.participants]
    assert talks and all("Vladimir Putin" not in e.participants for e in talks), shape
