"""Actors, events and agreements on sentences written for these tests, one case per rule.

Each case runs the real stages (spaCy NER + gazetteer) on a tiny document."""

from __future__ import annotations

from typing import Any

import pytest

from bilat.extract.actors import extract_actors
from bilat.extract.agreements import extract_agreements
from bilat.extract.context import DocContext
from bilat.extract.events import extract_events
from bilat.extract.gazetteer import default_gazetteer
from bilat.extract.nlp import load_nlp
from bilat.extract.pipeline import doc_sentences, extract_document
from bilat.offsets import OffsetMap
from bilat.records import Document


def _ctx(text: str, published: str | None) -> DocContext:
    doc = load_nlp()(text)
    ctx = DocContext("t", text, published, doc_sentences(doc), doc, ents=tuple(doc.ents))
    extract_actors(ctx, default_gazetteer())
    ctx.pair_names = ("Russia", "China")
    return ctx


def _events(text: str, published: str | None) -> list[tuple[Any, ...]]:
    ctx = _ctx(text, published)
    return sorted(
        (e.mode, e.status, tuple(sorted(e.participants)), e.date)
        for e in extract_events(ctx, default_gazetteer())
    )


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (  # weekday resolved against the publication date
            "Russian President Vladimir Putin held a telephone conversation with Chinese "
            "President Xi Jinping on Monday.",
            "2025-02-25",
            [("call", "occurred", ("Vladimir Putin", "Xi Jinping"), "2025-02-24")],
        ),
        (  # a headline: the call happened, the visit is planned, May is the coming one
            "Vladimir Putin, Xi Jinping hold phone call, agree on Xi's visit to Moscow in May",
            "2025-02-24",
            [
                ("call", "occurred", ("Vladimir Putin", "Xi Jinping"), "2025-02-24"),
                ("visit", "planned", ("Russia", "Xi Jinping"), "2025-05"),
            ],
        ),
        (  # two clauses, two meetings; 'he' is the subject of the first clause
            "In February, the Chinese president received Security Council Secretary Sergei "
            "Shoigu, and in July he spoke with Foreign Minister Sergei Lavrov.",
            "2025-11-04",
            [
                ("meeting", "occurred", ("Sergei Lavrov", "Xi Jinping"), "2025-07"),
                ("meeting", "occurred", ("Sergei Shoigu", "Xi Jinping"), "2025-02"),
            ],
        ),
        (  # a contact of another pair, its two people named, is an event of that pair (the
            # record files it under China-United States), not dropped for the tracked one
            "Xi Jinping met Donald Trump in Busan on Thursday.",
            "2025-10-31",
            [("meeting", "occurred", ("Donald Trump", "Xi Jinping"), "2025-10-30")],
        ),
        (  # one told by office alone is not
            "Xi Jinping met the US envoy in Busan on Thursday.",
            "2025-10-31",
            [],
        ),
        (  # sides named by adjective in a joint exercise
            "The Chinese and Russian navies began the Joint Sea-2025 exercise near Vladivostok "
            "on Friday.",
            "2025-08-02",
            [("military", "occurred", ("China", "Russia"), "2025-08-01")],
        ),
        (  # the heads of state met at the dates given, each date with its place
            "Vladimir Putin and Xi Jinping have built a close relationship. Lavrov said the "
            "talks build on the agreements reached at the highest level in March in Beijing "
            "and in October in Kazan.",
            "2024-11-20",
            [
                ("meeting", "occurred", ("Vladimir Putin", "Xi Jinping"), "2024-03"),
                ("meeting", "occurred", ("Vladimir Putin", "Xi Jinping"), "2024-10"),
            ],
        ),
        (  # heads of state not named in the text: the states take part
            "Contacts at the highest level in May 2015 strengthened the partnership between "
            "Russia and China.",
            "2016-01-10",
            [("meeting", "occurred", ("China", "Russia"), "2015-05")],
        ),
        (  # no date, no event
            "Dialogue at the highest level remains the key driver of relations between Moscow "
            "and Beijing.",
            "2025-01-10",
            [],
        ),
        (  # a trigger-less clause adding a date repeats the event before it
            "Vladimir Putin and Xi Jinping met in May in Moscow and in September in Tianjin.",
            "2025-11-01",
            [
                ("meeting", "occurred", ("Vladimir Putin", "Xi Jinping"), "2025-05"),
                ("meeting", "occurred", ("Vladimir Putin", "Xi Jinping"), "2025-09"),
            ],
        ),
        (  # no publication date: a relative date stays unknown, never guessed
            "Russian President Vladimir Putin held talks with Chinese President Xi Jinping "
            "yesterday.",
            None,
            [("meeting", "occurred", ("Vladimir Putin", "Xi Jinping"), None)],
        ),
        (  # the forces' states take part; the dateline and the name's year do not date it
            "VLADIVOSTOK, Aug. 3 -- The Joint Sea 2023 drills of the Russian Navy and the "
            "People's Liberation Army started in the Sea of Japan on July 20.",
            "2023-08-03",
            [
                (
                    "military",
                    "occurred",
                    ("China", "People's Liberation Army", "Russia", "Russian Navy"),
                    "2023-07-20",
                )
            ],
        ),
        (  # 'is expected in' is a planned trip; on the weekday of publication it is that day
            "Chinese Foreign Minister Wang Yi is expected in Moscow on Tuesday.",
            "2024-04-09",
            [("visit", "planned", ("Russia", "Wang Yi"), "2024-04-09")],
        ),
        (  # one event word: the signatories joined by ', and' are one clause; the forum the
            # videoconference was part of is its occasion, not another event
            "In June, Sergei Lavrov, Russia's foreign minister, and Wang Yi, China's foreign "
            "minister, held talks via videoconference on the margins of the Eastern Economic "
            "Forum.",
            "2024-09-01",
            [("video", "occurred", ("Sergei Lavrov", "Wang Yi"), "2024-06")],
        ),
        (  # 'yesterday's talks' dates the talks, not the roundtable the speaker is at
            "Speaking at the Russian-Chinese Business Roundtable in Harbin, Vladimir Putin said "
            "that yesterday's talks with Xi Jinping were productive.",
            "2024-05-17",
            [
                ("meeting", "occurred", ("Vladimir Putin", "Xi Jinping"), "2024-05-16"),
                (
                    "multilateral",
                    "occurred",
                    ("China", "Russia", "Vladimir Putin", "Xi Jinping"),
                    "2024-05-17",
                ),
            ],
        ),
        (  # a joint body's meeting involves it and both its states, named or referred back to
            "The Russian-Chinese Commission on Humanitarian Cooperation was set up in 2000. "
            "Tatyana Golikova chaired the 25th meeting of the Commission in Harbin on Monday.",
            "2024-06-05",
            [
                (
                    "meeting",
                    "occurred",
                    (
                        "China",
                        "Russia",
                        "Russian-Chinese Commission on Humanitarian Cooperation",
                        "Tatyana Golikova",
                    ),
                    "2024-06-03",
                )
            ],
        ),
        (  # the sender of a telegram is not at the forum; 'at the X-Y Forum' is no place
            "Vladimir Putin sent a message to the participants of the Russia-China Expo, under "
            "way in Harbin.",
            "2024-05-17",
            [("multilateral", "occurred", ("China", "Russia"), "2024-05-17")],
        ),
        (  # "the two leaders agreed to hold the next meeting": planned; "comes two weeks
            # after … in a phone call" dates the call
            "The decree comes two weeks after Vladimir Putin and Xi Jinping discussed energy "
            "in a phone call. The two leaders also agreed to hold the next meeting of the "
            "Intergovernmental Commission in Beijing this year.",
            "2026-04-03",
            [
                ("call", "occurred", ("Vladimir Putin", "Xi Jinping"), "2026-03"),
                # the Intergovernmental Commission is the pair's: both states
                ("meeting", "planned", ("China", "Russia", "Vladimir Putin", "Xi Jinping"), "2026"),
            ],
        ),
        (  # the occasion a contact prepares is an event of its own, planned, with its own
            # people ("ahead of Xi Jinping's state visit")
            "Denis Manturov and Ding Xuexiang met in Moscow on Monday ahead of Xi Jinping's "
            "state visit to Russia.",
            "2024-05-13",
            [
                ("meeting", "occurred", ("Denis Manturov", "Ding Xuexiang"), "2024-05-13"),
                ("visit", "planned", ("Russia", "Xi Jinping"), None),
            ],
        ),
        (  # heads of government the text never names meet as their states
            "The talks came ahead of the regular meeting of the heads of government of Russia "
            "and China.",
            "2024-05-13",
            [("meeting", "planned", ("China", "Russia"), None)],
        ),
        (  # ... and as the people once it names them; 'agreed on at the meeting' is past
            "Vladimir Putin and Xi Jinping are old friends. The two heads of state held a video "
            "meeting on January 21. It was agreed on at the meeting of the Russian-Chinese "
            "commission in Harbin on Monday.",
            "2025-01-22",
            [
                ("meeting", "occurred", ("China", "Russia"), "2025-01-20"),
                ("video", "occurred", ("Vladimir Putin", "Xi Jinping"), "2025-01-21"),
            ],
        ),
        (  # a state occasion with the other side's leader as guest is an event of its own;
            # one a trip is for is part of the trip
            "The Kremlin said Xi Jinping would be the guest of honour at the military parade "
            "marking Navy Day in St Petersburg on July 26. Li Qiang will come to Moscow in "
            "June for the celebrations of the Russia Day.",
            "2026-05-20",
            [
                ("multilateral", "planned", ("Xi Jinping",), "2026-07-26"),
                ("visit", "planned", ("Li Qiang", "Russia"), "2026-06"),
            ],
        ),
        (  # what was agreed on at a meeting was agreed there: the meeting has occurred
            "Russia and China agreed on new grain rules at the third meeting of the "
            "Russian-Chinese commission on agricultural cooperation in Harbin on Tuesday.",
            "2026-10-15",
            [
                (
                    "meeting",
                    "occurred",
                    (
                        "China",
                        "Russia",
                        "Russian-Chinese commission on agricultural cooperation",
                    ),
                    "2026-10-13",
                )
            ],
        ),
        (  # people counted by their two states take part as the states; after the event
            # word they are no party ('an opportunity for ... diplomats')
            "Russian and Chinese defence officials held consultations in Beijing on Tuesday. "
            "The talks are an opportunity for Russian and Chinese diplomats.",
            "2026-04-09",
            [("meeting", "occurred", ("China", "Russia"), "2026-04-07")],
        ),
        (  # a delegation visits for the place or the state that sent it, also beside a
            # leader the gazetteer does not know
            "In March a delegation from Khabarovsk visited Dalian and Qingdao. A Chinese "
            "government delegation will visit Vladivostok in October. A delegation of the "
            "Amur Region led by Governor Ivan Petrovsky made a trip to Harbin in May.",
            "2026-06-15",
            [
                ("visit", "occurred", ("Amur Region", "China", "Ivan Petrovsky"), "2026-05"),
                ("visit", "occurred", ("China", "Khabarovsk"), "2026-03"),
                ("visit", "planned", ("China", "Russia"), "2026-10"),
            ],
        ),
        (  # 'invited X to <a city of the host>': X's planned visit
            "Xi Jinping invited the Russian president to Harbin to open the Years of Culture "
            "in June.",
            "2026-03-02",
            [("visit", "planned", ("China", "Vladimir Putin"), "2026-06")],
        ),
        (  # 'a visit by X': X travels; preparations for it make it a plan
            "Preparations are under way for a visit by Chinese Premier Li Qiang to Russia in "
            "October.",
            "2026-09-12",
            [("visit", "planned", ("Li Qiang", "Russia"), "2026-10")],
        ),
        (  # a delegation named by the region that sent it ('the Amur Region delegation')
            "The Amur Region delegation arrived in Heihe on Wednesday.",
            "2025-09-12",
            [("visit", "occurred", ("Amur Region", "China"), "2025-09-10")],
        ),
        (  # the occasion a planned trip is for is planned too; a date opening a coordinated
            # noun phrase ("and the June 12 ceremony") is that noun's, not the summit's
            "Russian President Vladimir Putin accepted an invitation to travel to China in "
            "early December for the SCO summit in Shanghai and the June 12 ceremony.",
            "2026-03-02",
            [
                (
                    "multilateral",
                    "planned",
                    ("Shanghai Cooperation Organisation", "Vladimir Putin"),
                    "2026-12",
                ),
                ("visit", "planned", ("China", "Vladimir Putin"), "2026-12"),
            ],
        ),
        (  # ... but a date that names the occasion of a meeting is the meeting's
            "Russian President Vladimir Putin met Chinese President Xi Jinping at the "
            "September 3 parade in Beijing.",
            "2025-09-10",
            [
                ("meeting", "occurred", ("Vladimir Putin", "Xi Jinping"), "2025-09-03"),
                ("multilateral", "occurred", ("Vladimir Putin", "Xi Jinping"), "2025-09-03"),
            ],
        ),
        (  # each title belongs to the body nearest the name
            "Rosneft CEO Igor Sechin and Sinopec Chairman Ma Yongsheng discussed refinery "
            "projects during a videoconference on Thursday.",
            "2026-02-06",
            [("video", "occurred", ("Igor Sechin", "Ma Yongsheng"), "2026-02-05")],
        ),
        (  # a counterpart named by its state's adjective is that state
            "A Rosatom delegation will hold talks with Chinese partners on June 3.",
            "2026-05-20",
            [("meeting", "planned", ("China", "Rosatom"), "2026-06-03")],
        ),
        (  # ... but the talks a trip is for are the trip
            "Rosatom head Alexei Likhachev is expected to visit Beijing in June for talks with "
            "Chinese partners.",
            "2026-05-20",
            [("visit", "planned", ("Alexei Likhachev", "China"), "2026-06")],
        ),
        (  # a headline's talks are the ones the body tells, dated there
            "Trade climbs as Overchuk holds talks in Beijing\n\nBEIJING, March 5 (Reuters) - "
            "Russia's exports to China rose 9% in January, customs data showed on Thursday, as "
            "Deputy Prime Minister Alexei Overchuk met Chinese officials in Beijing.\n\n"
            "Overchuk held talks with Vice Premier He Lifeng on Tuesday.",
            "2026-03-05",
            [("meeting", "occurred", ("Alexei Overchuk", "He Lifeng"), "2026-03-03")],
        ),
    ],
)
def test_events(text: str, published: str | None, expected: list[tuple[Any, ...]]) -> None:
    assert _events(text, published) == expected


def test_different_ordinals_are_different_meetings() -> None:
    text = (
        "Mishustin and Li Qiang held the 29th regular meeting of heads of government in "
        "Moscow in August 2024. Mishustin will attend the thirtieth regular meeting of heads "
        "of government in Hangzhou in November 2025."
    )
    found = _events(text, "2024-08-22")
    meetings = [e for e in found if e[0] == "meeting"]
    assert [(m[1], m[3]) for m in meetings] == [("occurred", "2024-08"), ("planned", "2025-11")]


def _agreements(text: str) -> list[tuple[str, str, str]]:
    return [(a.kind, a.status, a.title) for a in extract_agreements(_ctx(text, "2025-09-02"))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Gazprom and CNPC signed a legally binding memorandum on the construction of the "
            "Power of Siberia 2 gas pipeline.",
            [
                (
                    "memorandum",
                    "signed",
                    "legally binding memorandum on the construction of the "
                    "Power of Siberia 2 gas pipeline",
                )
            ],
        ),
        (  # a contract's volume is a figure, not its name: the parties name it
            "Rosneft signed a supply contract for up to 5 million tonnes a year with Sinopec.",
            [
                (
                    "contract",
                    "signed",
                    "supply contract of Rosneft and China Petrochemical Corporation",
                )
            ],
        ),
        (  # a headline's bare agreement is the one the report then names
            "Primorye and Jilin sign cooperation agreement\n\nThe governors signed an "
            "agreement on cooperation in agriculture and tourism between the two regions.",
            [
                (
                    "agreement",
                    "signed",
                    "agreement on cooperation in agriculture and tourism between the two regions",
                )
            ],
        ),
        (  # the status word nearest the noun wins over a later 'signing'
            "Gazprom and CNPC are negotiating the terms of a memorandum on the pipeline, but "
            "no signing was planned.",
            [("memorandum", "negotiating", "memorandum on the pipeline")],
        ),
        (  # a bare communique is known by its occasion
            "The premiers held the 29th regular meeting of heads of government in Moscow and "
            "signed a joint communique.",
            [
                (
                    "communique",
                    "signed",
                    "joint communique following the 29th regular meeting of heads of government",
                )
            ],
        ),
        (  # generic plurals name no document
            "Large investors are offered the conclusion of agreements on special terms.",
            [],
        ),
        (  # a bare kind is known by its parties; a date ends the title
            "Russia and China signed a joint statement in Moscow in 2023.",
            [("joint_statement", "signed", "joint statement of Russia and China")],
        ),
        (  # the longer kind wins (a sale agreement is a contract); the name's left words
            # count; what flows under it is in force (signed)
            "Gas flows under the long-term gas purchase and sale agreement between Gazprom and "
            "CNPC, the company said.",
            [
                (
                    "contract",
                    "signed",
                    "long-term gas purchase and sale agreement between Gazprom and CNPC",
                )
            ],
        ),
        (  # a title runs past bracketed acronyms and the list of what was agreed
            "Russia and China reached an agreement to cut duties, expand U.S. dollar-free "
            "settlements, and open new routes.",
            [
                (
                    "agreement",
                    "announced",
                    "agreement to cut duties, expand U.S. dollar-free settlements, and open new "
                    "routes",
                )
            ],
        ),
        (  # 'declared a ... partnership' is a declaration; 'deal with' is a verb
            "Russia and China declared a new-era strategic partnership and vowed to jointly deal "
            "with threats.",
            [("declaration", "announced", "new-era strategic partnership")],
        ),
        (  # cooperation programmes and schedules are plans; the year ends the title
            "Russia and China said a programme of Russian-Chinese scientific cooperation until "
            "2035 has been coordinated.",
            [("plan", "announced", "programme of Russian-Chinese scientific cooperation")],
        ),
        (  # what is negotiated is the agreement's subject; a batch of documents on areas
            "Russia and China hope to complete negotiations on the creation of a grain hub "
            "soon, after signing intergovernmental documents related to customs and transport.",
            [
                ("agreement", "negotiating", "agreement on the creation of a grain hub"),
                (
                    "agreement",
                    "signed",
                    "intergovernmental documents related to customs and transport",
                ),
            ],
        ),
        (  # a copula's predicate describes a document already named; a negation names none
            "Russia and China signed the memorandum on a grain hub, which is the most important "
            "agreement between the two countries, and did not come just to sign contracts.",
            [("memorandum", "signed", "memorandum on a grain hub")],
        ),
        (  # a deal between third parties is context, not the pair's record
            "Iran has honoured its nuclear agreement with the European Union.",
            [],
        ),
        (  # "expect the contract to be finalised": the deal under talks, no new title
            "Gazprom and CNPC signed a memorandum on the route in May, but analysts expect the "
            "contract to be finalised only in 2028.",
            [("memorandum", "signed", "memorandum on the route")],
        ),
        (  # a title on several topics runs through their list, not past it
            "Russia and China signed agreements on trade, investment and transport, "
            "tightening links, and a memorandum on energy, the ministry said.",
            [
                ("agreement", "signed", "agreements on trade, investment and transport"),
                ("memorandum", "signed", "memorandum on energy"),
            ],
        ),
        (  # ... and so is one that joins one side of the pair to third states
            "Turkey and Ukraine want a grain deal with Russia before the spring sowing.",
            [],
        ),
        (  # the signed record of a meeting is no agreement of its own; a protocol on a
            # subject is one
            "After the talks, Russian and Chinese ministers signed the minutes of the fifth "
            "meeting and a protocol on grain exports.",
            [
                ("other", "signed", "minutes of the fifth meeting"),
                ("agreement", "signed", "protocol on grain exports"),
            ],
        ),
        (  # the people who act for the states count as their sides; a venue is no party
            "Vladimir Putin and Xi Jinping ended their talks in Astana, Kazakhstan, with a deal "
            "on grain corridors.",
            [("agreement", "announced", "deal on grain corridors")],
        ),
        (  # a date between the noun and its aim is no part of the title
            "Gazprom and CNPC signed a memorandum on Friday to assess a second pipeline route.",
            [("memorandum", "signed", "memorandum to assess a second pipeline route")],
        ),
        (  # the years a plan covers name it; its noun's modifier is its name too
            "The ministers told their staff to prepare a new investment promotion plan for "
            "2027-2029.",
            [("plan", "planned", "investment promotion plan for 2027-2029")],
        ),
        (  # the clause's verb after the noun ends the title; "working on" is negotiating
            "Russia and China are working on a visa agreement, while talks on the price of the "
            "supply contract continue.",
            [
                ("agreement", "negotiating", "visa agreement"),
                ("contract", "negotiating", "supply contract of Russia and China"),
            ],
        ),
        (  # a counted batch the report does not list is one record; its value is no title
            "Some 32 cooperation agreements worth 9 billion rubles were signed at the fair.",
            [("agreement", "signed", "some 32 cooperation agreements signed at the fair")],
        ),
        (  # ... but a batch told by its items is recorded by them
            "Russia and China signed 12 agreements, including an agreement on grain terminals.",
            [("agreement", "signed", "agreement on grain terminals")],
        ),
        (  # a counted batch: who signed it and where, as annotators title it
            "On the first day, Russian and Chinese companies signed 27 agreements worth over "
            "15 billion yuan at the Harbin expo.",
            [
                (
                    "agreement",
                    "signed",
                    "27 agreements signed by Russian and Chinese companies at the Harbin expo",
                )
            ],
        ),
        (  # a signing still to come is planned ("witness the signing of")
            "In Beijing, the prime minister will hold talks with Premier Li Qiang and witness "
            "the signing of more than 20 memorandums of understanding.",
            [("memorandum", "planned", "more than 20 memorandums of understanding to be signed")],
        ),
        (  # a bare document known by its two signatories
            "The sides reviewed the memorandum of understanding signed by the General "
            "Administration of Customs of China and Rosselkhoznadzor in May.",
            [
                (
                    "memorandum",
                    "signed",
                    "memorandum of understanding between the General Administration of "
                    "Customs of China and Rosselkhoznadzor",
                )
            ],
        ),
        (  # a quoted company name does not end the title
            'Russia and Uzbekistan signed the agreement of PJSC "KAMAZ" on the organisation '
            "of truck assembly.",
            [
                (
                    "agreement",
                    "signed",
                    'agreement of PJSC "KAMAZ" on the organisation of truck assembly',
                )
            ],
        ),
    ],
)
def test_agreements(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _agreements(text) == expected


def test_the_protocol_of_the_meeting_names_the_body_that_met() -> None:
    text = (
        "The Russian-Chinese Commission on Energy Cooperation met in Beijing on Monday. "
        "The parties signed the protocol of the meeting. Rosneft and CNPC signed a contract. "
        "In total, 9 agreements were signed."
    )
    got = [(a.title, a.date) for a in extract_agreements(_ctx(text, "2025-09-02"))]
    assert got[0] == (
        "protocol of the meeting of the Russian-Chinese Commission on Energy Cooperation",
        None,
    )
    assert all("9 agreements" not in title for title, _ in got)


@pytest.mark.parametrize(
    ("sentence", "date"),
    [
        # the date nearest the noun, in its own clause; not when it was said, nor a deadline
        (
            "Gazprom and CNPC signed a gas supply contract in February 2022, while talks on a new "
            "contract continue, Novak told reporters last week.",
            "2022-02",
        ),
        ("Novak said on Monday that Russia and China signed a gas deal in May.", "2025-05"),
        ("A roadmap on energy signed in 2024 aims to raise trade to $30 billion by 2030.", "2024"),
    ],
)
def test_an_agreement_is_dated_by_the_date_nearest_its_noun(sentence: str, date: str) -> None:
    assert extract_agreements(_ctx(sentence, "2025-09-02"))[0].date == date


def test_a_summit_of_a_body_is_not_dated_by_a_trip_told_elsewhere() -> None:
    """'the BRICS summit in Kazan' and, a paragraph on, 'after Putin's state visit to China in
    May': the summit is no part of that trip (before: dated May)."""
    text = (
        "Xi Jinping and Vladimir Putin met on the sidelines of the BRICS summit in Kazan.\n\n"
        "It was their third meeting this year, after Putin's state visit to China in May."
    )
    summits = [e for e in _events(text, "2024-10-23") if e[0] == "multilateral"]
    assert summits == [("multilateral", "occurred", ("BRICS", "Vladimir Putin", "Xi Jinping"),
                        "2024-10-23")]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the headline's words for the document the body then tells: the body's
            "Kazakhstan, China sign road map for relations\n\n"
            "ASTANA - Kazakhstan and China signed a joint communique on Monday at the 12th "
            "meeting of their Intergovernmental Cooperation Committee.",
            [
                (
                    "communique",
                    "signed",
                    "joint communique following the 12th meeting of their Intergovernmental "
                    "Cooperation Committee",
                )
            ],
        ),
        (  # a headline whose body names no document keeps its own
            "Russia, China sign memorandum on wheat exports\n\nMOSCOW - Wheat prices rose on "
            "Monday.",
            [("memorandum", "signed", "memorandum on wheat exports")],
        ),
        (  # a lead sentence is no headline
            "Russia and China signed a deal on grain corridors.\nThey also signed a memorandum "
            "on transit.",
            [
                ("agreement", "signed", "deal on grain corridors"),
                ("memorandum", "signed", "memorandum on transit"),
            ],
        ),
    ],
)
def test_a_headline_document_the_body_tells_is_the_bodys(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    got = [(a.kind, a.status, a.title) for a in extract_agreements(_ctx(text, "2026-03-02"))]
    assert got == expected


@pytest.mark.parametrize(
    ("published", "holder"),
    [("2025-11-04", "Xi Jinping"), ("2012-06-01", "Hu Jintao")],
)
def test_role_phrases_resolve_by_the_publication_date(published: str, holder: str) -> None:
    ctx = _ctx("The Chinese leader welcomed the proposal.", published)
    assert [m.actor for m in ctx.mentions] == [holder]


def test_actor_names_follow_the_article_and_sources_are_not_actors() -> None:
    text = (
        "Foreign Minister Sergei Lavrov met Wang Yi. Trade grew 5%, according to Chinese "
        "customs data."
    )
    ctx = _ctx(text, "2025-07-10")
    names = {a.name for a in extract_actors(ctx, default_gazetteer())}
    assert "Sergei Lavrov" in names and "Wang Yi" in names
    assert not any("Customs" in n for n in names)


@pytest.mark.parametrize(
    ("text", "name", "country", "role"),
    [
        (  # body, own title, name
            "Gazprom Management Committee member Elena Burmistrova met CNPC executives.",
            "Elena Burmistrova",
            "RU",
            "Management Committee member",
        ),
        (  # name, title of body
            "The memorandum was signed by Zhou Xinhua, director-general of CNPC, in May.",
            "Zhou Xinhua",
            "CN",
            "director-general",
        ),
        (  # the state adjective opening the title
            "Kazakh deputy foreign minister Almas Nurlanov arrived in Beijing.",
            "Almas Nurlanov",
            "KZ",
            "deputy foreign minister",
        ),
        (  # a title 'of' the region right before the name
            "Vice Governor of Jilin Province Zhao Peiming met Russian business leaders.",
            "Zhao Peiming",
            "CN",
            "Vice Governor of Jilin Province",
        ),
        (  # the state adjective before a capitalised title
            "Kazakh Deputy Energy Minister Almas Nurlanov arrived in Beijing.",
            "Almas Nurlanov",
            "KZ",
            "Deputy Energy Minister",
        ),
        (  # ... and with its remit
            "Talks were held with Mongolian Vice Minister of Road and Transport Batbayar "
            "Tserendorj in Ulaanbaatar.",
            "Batbayar Tserendorj",
            "MN",
            "Vice Minister of Road and Transport",
        ),
        (  # name, then the state's possessive and the title
            "Trade will grow, Pavel Sorokin, Russia's first deputy energy minister, told "
            "reporters on Monday.",
            "Pavel Sorokin",
            "RU",
            "first deputy energy minister",
        ),
    ],
)
def test_unknown_people_take_country_and_role_from_their_apposition(
    text: str, name: str, country: str, role: str
) -> None:
    actors = {a.name: a for a in extract_actors(_ctx(text, "2024-05-01"), default_gazetteer())}
    assert (actors[name].country, actors[name].role) == (country, role)


def test_bylines_are_not_actors_but_people_after_by_in_a_sentence_are() -> None:
    text = (
        "12 March 2024 - 09:10 By Anna Smith and Peter Jones\n"
        "The protocol was signed by Viktor Petrenko and Chinese officials in Harbin."
    )
    names = {a.name for a in extract_actors(_ctx(text, "2024-03-12"), default_gazetteer())}
    assert "Viktor Petrenko" in names
    assert not names & {"Anna Smith", "Peter Jones"}


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # a subject of the relationship, though named after "in"
        ("Beijing and Moscow discussed the war in Ukraine at length.", {"Ukraine"}, set()),
        # a lesser office is not its head's; a common noun after "the" is not a surname
        (
            "Vice Premier of the State Council Zhang Guoqing visited the site; a base on the "
            "Moon was discussed.",
            {"Zhang Guoqing"},
            {"Li Qiang", "Moon Jae-in"},
        ),
        # people counted by office but never named are not listed as actors
        (
            "The talks came before the meeting of the heads of government of Russia and China.",
            set(),
            {"Mikhail Mishustin", "Li Qiang"},
        ),
    ],
)
def test_actor_edges(text: str, present: set[str], absent: set[str]) -> None:
    names = {a.name for a in extract_actors(_ctx(text, "2025-10-01"), default_gazetteer())}
    assert present <= names and not absent & names


@pytest.mark.parametrize(
    ("text", "name", "country", "aliases"),
    [
        (  # a body NER stops short of: its remit completes the name; the acronym is an alias
            "The Intergovernmental Commission on Humanitarian Cooperation (IHC) met in Kazan. "
            "The IHC approved a plan.",
            "Intergovernmental Commission on Humanitarian Cooperation",
            None,
            ("IHC",),
        ),
        (  # a state's possessive gives the country and is not part of the name
            "Officials of Mongolia's National Emergency Management Agency said the drills were "
            "useful. The National Emergency Management Agency later confirmed it.",
            "National Emergency Management Agency",
            "MN",
            (),
        ),
        (  # a body of two states, its remit in lower case, around a project's name
            "The Kazakh-Chinese sub-commission on cooperation on the Trans-Caspian Route met "
            "in Aktau.",
            "Kazakh-Chinese sub-commission on cooperation on the Trans-Caspian Route",
            None,
            (),
        ),
        (  # its shorter later name is the same body
            "Talks of the Indian-Russian Intergovernmental Commission on Trade and Economic "
            "Cooperation ended. The Indian-Russian intergovernmental commission will meet "
            "again in 2032.",
            "Indian-Russian Intergovernmental Commission on Trade and Economic Cooperation",
            None,
            ("Indian-Russian intergovernmental commission",),
        ),
        (  # a part of a joint body named by its remit: one body, its own words an alias
            "Officials met at the second meeting of the energy sub-commission of the "
            "Kazakh-Chinese commission for preparation of regular meetings of heads of "
            "government held in Astana.",
            "energy sub-commission of the Kazakh-Chinese commission for preparation of "
            "regular meetings of heads of government",
            None,
            ("energy sub-commission",),
        ),
        (
            "The Indian-Russian sub-commission on space cooperation of the Indian-Russian "
            "Intergovernmental Commission on Trade and Economic Cooperation will meet.",
            "sub-commission on space cooperation of the Indian-Russian Intergovernmental "
            "Commission on Trade and Economic Cooperation",
            None,
            ("sub-commission on space cooperation",),
        ),
        (  # a remit listed with commas up to its noun is the whole name ...
            "Ministers will co-chair the Pakistan-Kazakhstan Inter-Governmental Commission on "
            "Trade, Economic, Scientific, Technical and Cultural Cooperation (PKIGC) in Astana.",
            "Pakistan-Kazakhstan Inter-Governmental Commission on Trade, Economic, Scientific, "
            "Technical and Cultural Cooperation",
            None,
            (),
        ),
        (  # ... a name a comma ends is not continued by the clause after it
            "The Russian-Turkish Commission on Trade, Russia said, will meet in Ankara.",
            "Russian-Turkish Commission on Trade",
            None,
            (),
        ),
        (
            "Ivan Petrov, head of the Russian-Turkish Business Council, said trade fell.",
            "Russian-Turkish Business Council",
            None,
            (),
        ),
    ],
)
def test_bodies_the_gazetteer_lacks(
    text: str, name: str, country: str | None, aliases: tuple[str, ...]
) -> None:
    actors = {a.name: a for a in extract_actors(_ctx(text, "2025-10-01"), default_gazetteer())}
    assert name in actors, sorted(actors)
    assert actors[name].country == country and set(aliases) <= set(actors[name].aliases)


@pytest.mark.parametrize(
    "text",
    [
        "An analyst at the Caspian Energy Research Fund said exports would grow.",  # workplace
        "The Foreign Ministry and the Central Bank declined to comment.",  # whose, unsaid
        "Deputy Chairman of the Executive Board Ivan Petrov signed it.",  # inside a title
        "The Russian-Chinese commission met on Friday.",  # which one, the words do not say
        # two lines: a headline's words are not the start of the next line's body
        "Talks on Energy Cooperation\n\nChinese-Russian Commission members met.",
    ],
)
def test_not_bodies(text: str) -> None:
    types = {a.name: a.type for a in extract_actors(_ctx(text, "2025-10-01"), default_gazetteer())}
    assert not [n for n, t in types.items() if t in ("organization", "company")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Turkey and Iran will build the Kars - Nakhchivan railway together.",
            "Kars-Nakhchivan railway",
        ),
        ("The Yamal-Europe pipeline was idle in May.", "Yamal-Europe pipeline"),
        ("Rosatom builds the Akkuyu nuclear power plant in Turkey.", "Akkuyu nuclear power plant"),
    ],
)
def test_named_works_are_projects(text: str, name: str) -> None:
    actors = {a.name: a.type for a in extract_actors(_ctx(text, "2025-10-01"), default_gazetteer())}
    assert actors.get(name) == "project", sorted(actors)


def test_a_state_and_a_head_noun_name_no_project() -> None:
    text = "The Russian gas field and the Chinese port were mentioned. Its field is large."
    types = {a.name: a.type for a in extract_actors(_ctx(text, "2025-10-01"), default_gazetteer())}
    assert "project" not in types.values()


def test_a_title_through_a_chain_of_bodies_names_the_person() -> None:
    text = (
        "On the 3rd, Chairman of the Standing Committee of the Legislative Assembly of the "
        "Primorsky Territory Olga Semenova met with Vice Chairman of the Foreign Affairs "
        "Committee of the National People's Congress Liu Weiming in Beijing. She also met the "
        "Commander of the United States Indo-Pacific Command."
    )
    names = {a.name for a in extract_actors(_ctx(text, "2025-10-01"), default_gazetteer())}
    assert {"Olga Semenova", "Liu Weiming"} <= names
    assert "Indo-Pacific Command" not in names  # a body's head noun ends no name


def test_a_title_gives_the_whole_name_the_model_cut_short() -> None:
    text = (
        "Yakov Rudin, who held talks with Defence Secretary Rajesh Kumar Singh earlier in "
        "the day, said three of the five squadrons had been delivered."
    )
    names = {a.name for a in extract_actors(_ctx(text, "2025-10-01"), default_gazetteer())}
    assert "Rajesh Kumar Singh" in names and "Rajesh Kumar" not in names


def test_a_title_names_the_person_the_model_misses() -> None:
    text = "Deputy Minister of Energy Pavel Sorokin met Chinese officials in Harbin."
    names = {a.name for a in extract_actors(_ctx(text, "2025-10-01"), default_gazetteer())}
    assert "Pavel Sorokin" in names


def test_an_exercise_named_for_its_year_is_military_and_third_party_ships_no_figure() -> None:
    text = (
        "The Russian Navy and the PLA Navy will hold the Ocean Shield 2027 drills in the Sea "
        "of Japan from July 1 to 5. Last time they were shadowed by three U.S. destroyers."
    )
    assert [e[0:2] for e in _events(text, "2027-06-01")] == [("military", "planned")]


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        (  # a lowercase title, a portfolio word, a rank between title and name
            "The Iranian ambassador to Russia Hamid Rezaei met Russian Deputy Defense Minister "
            "Colonel-General Ivan Petrov.",
            {"Hamid Rezaei", "Ivan Petrov"},
            set(),
        ),
        (  # a dateline names where the report was filed; 'in Busan, South Korea' a venue
            "(Singapore Jun 3, 2024) Chinese and Russian ships sailed past. Xi met Putin in Busan, "
            "South Korea.",
            set(),
            {"Singapore", "South Korea"},
        ),
        (  # a city in a dateline is no second mention of it
            "MURMANSK, June 3, 2026. Press service\n\nChina sent two frigates to Russia, "
            "which met them off Murmansk.",
            {"China", "Russia"},
            {"Murmansk"},
        ),
    ],
)
def test_titles_datelines_and_venues(text: str, present: set[str], absent: set[str]) -> None:
    names = {a.name for a in extract_actors(_ctx(text, "2024-06-03"), default_gazetteer())}
    assert present <= names and not absent & names, sorted(names)


def test_a_body_keeps_the_possessive_form_the_article_uses() -> None:
    text = (
        "According to China's General Administration of Customs, trade grew. The General "
        "Administration of Customs said so again."
    )
    actors = {a.name: a for a in extract_actors(_ctx(text, "2025-10-01"), default_gazetteer())}
    customs = next(a for a in actors.values() if "Customs" in a.name)
    assert "China's General Administration of Customs" in customs.aliases


def test_a_place_inside_a_longer_place_name_is_not_filed() -> None:
    text = "Ships sailed through the Arctic Ocean. The Arctic Ocean route is short."
    names = {a.name for a in extract_actors(_ctx(text, "2025-10-01"), default_gazetteer())}
    assert "Arctic" not in names


def test_a_ship_named_for_a_person_is_no_person() -> None:
    text = "The group includes the frigate Admiral Golovko and the destroyer Marshal Ustinov."
    names = {a.name for a in extract_actors(_ctx(text, "2025-10-01"), default_gazetteer())}
    assert not names & {"Admiral Golovko", "Marshal Ustinov"}


def test_a_currency_or_a_negation_is_not_the_state() -> None:
    text = "Trade with Chile reached US $13 billion, paid in US dollars, mostly to non-U.S. buyers."
    names = {a.name for a in extract_actors(_ctx(text, "2025-10-01"), default_gazetteer())}
    assert "United States" not in names and "Chile" in names


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # the head noun comes before 'of': the name runs on to the state NER left out
        (
            "The Association of Cotton Growers of Uzbekistan welcomed the deal. The "
            "Association of Cotton Growers of Uzbekistan will buy seeds.",
            "Association of Cotton Growers of Uzbekistan",
            "UZ",
        ),
        (
            "Kazakhstan's Ministry of Energy said exports grew. The Ministry of Energy "
            "confirmed the figures on Monday.",
            "Ministry of Energy",
            "KZ",
        ),
    ],
)
def test_bodies_named_with_of(text: str, name: str, country: str) -> None:
    actors = {a.name: a for a in extract_actors(_ctx(text, "2025-10-01"), default_gazetteer())}
    assert name in actors and actors[name].country == country, sorted(actors)


def test_a_ministry_of_no_stated_state_is_not_filed() -> None:
    text = (
        "The Ministry of Foreign Affairs said the talks went well. The Ministry of Foreign "
        "Affairs agreed."
    )
    types = {a.name: a.type for a in extract_actors(_ctx(text, "2025-10-01"), default_gazetteer())}
    assert "Ministry of Foreign Affairs" not in types


def test_in_a_transcript_i_and_you_are_the_two_speakers() -> None:
    """Speaker turns: "I" is the speaker, "you" the other one; "expecting you in Kazan" is a
    planned visit of the guest; "your invitation to visit" names the host, not the visitor; a
    label naming no person ("Question:") ends a turn, so its "you" is nobody's."""
    text = (
        "Talks with Premier of the State Council of China Li Qiang\n\n"
        "Prime Minister of Russia Mikhail Mishustin: Dear Mr Li, I am glad to see you. We are "
        "expecting you in Kazan in October for the BRICS summit.\n\n"
        "Premier of the State Council of China Li Qiang (retranslated): Thank you. I accept "
        "with pleasure your invitation to visit Russia again next year.\n\n"
        "Question: Will you meet the governor tomorrow?\n"
    )
    assert _events(text, "2024-06-03") == [
        ("multilateral", "planned", ("BRICS", "Li Qiang"), "2024-10"),
        ("visit", "planned", ("Li Qiang", "Russia"), "2024-10"),
        ("visit", "planned", ("Li Qiang", "Russia"), "2025"),
    ]


@pytest.mark.parametrize(
    ("text", "name", "alias"),
    [
        # an institution named once acts when it is the subject of a statement or the
        # source a figure is "according to"; it is also known under its state's common name
        (
            "Trade with Russia rose by a tenth, according to the Chinese commerce ministry.",
            "Ministry of Commerce of the People's Republic of China",
            "Ministry of Commerce of China",
        ),
        (
            "The Russian government expects Chinese tourist numbers to double.",
            "Government of the Russian Federation",
            "Government of Russia",
        ),
        (  # the source of the data a figure comes from
            "Data from the Chinese commerce ministry showed investment up by a fifth.",
            "Ministry of Commerce of the People's Republic of China",
            "Ministry of Commerce of China",
        ),
        (  # the second of two bodies that sign
            "On Monday the Chinese Finance Ministry and the Russian Defense Ministry signed it.",
            "Ministry of Defence of the Russian Federation",
            "Ministry of Defence of Russia",
        ),
        (  # the first of them
            "The Russian Finance Ministry and the Chinese central bank signed a plan on Monday.",
            "Ministry of Finance of the Russian Federation",
            "Ministry of Finance of Russia",
        ),
        (  # a side of a deal "between" two bodies
            "They signed a memorandum between the Russian Finance Ministry and a Chinese bank.",
            "Ministry of Finance of the Russian Federation",
            "Ministry of Finance of Russia",
        ),
        (  # a body that speaks through its spokesperson
            '"Nothing changed," Russian Defense Ministry spokesman Igor Petrov told reporters.',
            "Ministry of Defence of the Russian Federation",
            "Ministry of Defence of Russia",
        ),
        (  # the body whose data a number comes from, by its name
            "Russia shipped 2 million tonnes of barley to China, according to Rosselkhoznadzor "
            "data.",
            "Federal Service for Veterinary and Phytosanitary Surveillance",
            "Rosselkhoznadzor",
        ),
    ],
)
def test_an_institution_that_acts_once_is_an_actor(text: str, name: str, alias: str) -> None:
    actors = {a.name: a for a in extract_actors(_ctx(text, "2024-03-12"), default_gazetteer())}
    assert alias in actors[name].aliases


def test_a_body_named_only_in_titles_before_names_is_no_actor() -> None:
    """'Vice Premier of the State Council of the People's Republic of China Zhang Guoqing':
    named twice, both times inside someone's title (GOLD: people belong to their body)."""
    text = (
        "Deputy Prime Minister Dmitry Chernyshenko and Vice Premier of the State Council of "
        "the People's Republic of China Zhang Guoqing co-chaired the session. Prime Minister "
        "Mikhail Mishustin and Premier of the State Council Li Qiang will meet in May."
    )
    names = {a.name for a in extract_actors(_ctx(text, "2025-12-01"), default_gazetteer())}
    assert {"Zhang Guoqing", "Li Qiang"} <= names
    assert not any("State Council" in n for n in names)


def test_an_institution_qualifying_a_noun_is_no_source() -> None:
    """'according to Chinese customs data': an adjective, not a body that speaks."""
    text = "According to Chinese customs data, trade with Russia fell."
    names = {a.name for a in extract_actors(_ctx(text, "2024-03-12"), default_gazetteer())}
    assert not any("Customs" in n for n in names)


def test_the_pairs_states_are_actors_also_when_named_only_by_adjective() -> None:
    """GOLD.md: the pair's states are the subject of the relationship; 'the Sino-Russian
    forum' names both, and the adjectives are their mentions."""
    text = "Delegates of the Sino-Russian forum on timber processing met in Harbin on Monday."
    doc = Document(
        0, "t.txt", 1, "", text, text, OffsetMap.identity(len(text)), None, "2025-07-07",
        None, None, "en", "ok", None, {}, "",
    )  # fmt: skip
    actors = {a.name: a for a in extract_document(doc, load_nlp()(text)).actors}
    assert [m.quote for m in actors["Russia"].mentions] == ["Russian"]
    assert [m.quote for m in actors["China"].mentions] == ["Sino"]


def test_the_two_leaders_of_another_pair_are_not_the_configured_pairs_leaders() -> None:
    """'Tokayev and Xi met …, the two leaders agreed': with the pair not yet known, an office
    counted without its states names only holders the text itself names (not Putin)."""
    text = (
        "When Kazakh President Kassym-Jomart Tokayev and Xi Jinping met in Astana, the two "
        "leaders agreed to double trade."
    )
    doc = Document(
        0, "t.txt", 1, "", text, text, OffsetMap.identity(len(text)), None, "2025-07-01",
        None, None, "en", "ok", None, {}, "",
    )  # fmt: skip
    ext = extract_document(doc, load_nlp()(text), auto_pair=True)
    names = {a.name for a in ext.actors}
    assert "Vladimir Putin" not in names
    assert "Vladimir Putin" not in {p for c in ext.commitments for p in c.parties}
    assert {"Kassym-Jomart Tokayev", "Xi Jinping"} <= names


def test_a_navy_is_known_under_its_long_name() -> None:
    found = default_gazetteer().lookup("Navy of the People's Liberation Army of China")
    assert [e.name for e in found] == ["People's Liberation Army Navy"]
