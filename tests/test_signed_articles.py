"""Pages written with diacritics and signed articles: "Việt Nam", "Hà Nội" are Vietnam as
"Viet Nam", "Ha Noi" are (names matched with their accents dropped); in an article "by
President X" (or "By X in Opinion"), "I" is the author, also past page labels that name no
one ("Rubric:", "Photo caption:"). The texts are written for these tests."""

from __future__ import annotations

from tests.test_event_sessions import _events


def test_names_written_with_their_diacritics() -> None:
    found = _events(
        "Chinese Premier Li Qiang visited Hà Nội in October 2031 and held talks with Prime "
        "Minister Phạm Minh Chính on railways linking China and Việt Nam.",
        "2031-11-02",
    )
    assert ("visit", "occurred", "2031-10", ("Li Qiang", "Vietnam")) in found


_HEAD = (
    "A shared future for our two nations\n"
    "Article by President of the Russian Federation Vladimir Putin for the newspaper Unuudur\n"
    "Rubric: Politics\n"
    "Photo caption: Ulaanbaatar in winter.\n"
)


def test_i_in_a_signed_article_is_its_author() -> None:
    planned = _events(
        _HEAD + "At the invitation of President Ukhnaagiin Khurelsukh, I will soon pay an "
        "official visit to Mongolia.",
        "2031-09-01",
    )
    assert planned == {("visit", "planned", None, ("Vladimir Putin", "Mongolia"))}
    past = _events(_HEAD + "In 2019 I visited Ulaanbaatar and we signed a treaty.", "2031-09-01")
    assert past == {("visit", "occurred", "2019", ("Vladimir Putin", "Mongolia"))}


def test_a_journalists_byline_is_no_author() -> None:
    found = _events(
        "By Ivan Petrov\nIn 2019 I visited Ulaanbaatar, the Mongolian capital.", "2031-09-01"
    )
    assert not found
