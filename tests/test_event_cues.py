"""Event cues: whether an event is still to come when no 'will' stands before the event word,
and words that name a contact only with a person after them. The texts are written for these
tests."""

from __future__ import annotations

import pytest

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
