"""An agreement told as one in force is signed, whatever verb the sentence lacks: "their
bilateral air services agreement, which allows 52 weekly frequencies", "trucks cross under
the intergovernmental agreement on road transport", "the free trade agreement, which has
been in force since 2018". Its title keeps the words that say what it is on ("air services",
"codeshare"); "a fair deal" and "by mutual agreement" name no document. The texts are written
for these tests."""

from __future__ import annotations

from tests.conftest import extract_text


def _agreements(text: str, published: str) -> list[tuple[str, str, str]]:
    return [(a.kind, a.status, a.title) for a in extract_text(text, published).agreements]


def test_an_agreement_told_by_what_it_allows_is_signed() -> None:
    found = _agreements(
        "Russia and India are bound by their bilateral air services agreement, which allows "
        "64 weekly frequencies.",
        "2031-03-18",
    )
    assert found == [("agreement", "signed", "bilateral air services agreement")]


def test_an_agreement_something_is_fixed_under_is_signed() -> None:
    found = _agreements(
        "Chinese trucks cross at Zabaikalsk under the intergovernmental agreement on "
        "international road transport between Russia and China.",
        "2031-03-18",
    )
    assert [f[:2] for f in found] == [("agreement", "signed")]
    assert found[0][2].startswith("intergovernmental agreement on international road")


def test_a_codeshare_agreement_under_discussion_keeps_its_kind_word() -> None:
    found = _agreements(
        "Aeroflot and Air India are discussing a codeshare agreement for flights between "
        "Russia and India.",
        "2031-03-18",
    )
    assert [(f[1], f[2].split()[0]) for f in found] == [("negotiating", "codeshare")]


def test_a_fair_deal_and_mutual_agreement_name_no_document() -> None:
    found = _agreements(
        '"Washington says it wants a fair deal with China," the Chinese spokesman said. The '
        "visit was called off by mutual agreement between Russia and South Africa.",
        "2031-03-18",
    )
    assert all(f[2] != "air deal" and f[2] != "mutual agreement" for f in found)
