"""Chinese news run through a machine translator: 亿 and 万 word for word after a number written
with thousands groups ("exceeded 2,400 100 million US dollars" is $240 billion), and "At the
invitation of X, Y arrived ... to begin an official visit" is a visit under way, dated by
its day ("the 20th" of the report's month), not one to come. Sentences written for these
tests."""

from __future__ import annotations

from tests.conftest import extract_text


def test_a_grouped_number_before_100_million() -> None:
    ext = extract_text(
        "Li Qiang pointed out that last year China-Russia trade volume exceeded 2,600 100 million "
        "US dollars, and the province's trade with Russia reached 1,234.5 100 million yuan.",
        "2025-03-02",
    )
    values = {(f.value, f.unit) for f in ext.figures}
    assert (260_000_000_000.0, "USD") in values
    assert (123_450_000_000.0, "CNY") in values


def test_at_the_invitation_of_the_host_the_arrival_happened() -> None:
    ext = extract_text(
        "At the invitation of Prime Minister Mikhail Mishustin, Premier Li Qiang arrived in Moscow "
        "on the evening of the 19th to begin an official visit to Russia.",
        "2025-05-21",
    )
    visits = [(e.status, e.date) for e in ext.events if e.mode == "visit"]
    assert visits == [("occurred", "2025-05-19")]
