"""One side's decree is a unilateral instrument (GOLD.md v1.1: other/adopted, the issuing
state its party): "signed a decree abolishing the visa requirement for Georgian citizens",
"signed a decree on December 1, allowing Chinese citizens to enter Russia visa-free", "указ о
безвизовом въезде". A decree named only by its issuer ("under a government decree") or one
ratifying a treaty is none of its own, and a decree that tells a visa regime is recorded once,
as the regime. The texts are written for these tests."""

from __future__ import annotations

from tests.conftest import extract_text


def _agreements(text: str, published: str) -> list[tuple[str, str, str, str | None]]:
    return [(a.kind, a.status, a.title, a.date) for a in extract_text(text, published).agreements]


def test_a_decree_told_by_what_it_does_is_adopted() -> None:
    found = _agreements(
        "Russian President Vladimir Putin on March 3 signed a decree lifting the ban on "
        "direct flights between Russia and Georgia.",
        "2031-03-05",
    )
    assert found == [
        (
            "other",
            "adopted",
            "decree lifting the ban on direct flights between Russia and Georgia",
            "2031-03-03",
        )
    ]


def test_a_decree_dated_before_what_it_does() -> None:
    found = _agreements(
        "Russian President Vladimir Putin signed a decree on March 3, allowing Chinese "
        "citizens holding ordinary passports to work in Russia's Far East without permits.",
        "2031-03-05",
    )
    assert [f[:2] for f in found] == [("other", "adopted")]
    assert found[0][2].startswith("decree allowing Chinese citizens")


def test_a_decree_named_only_by_its_issuer_is_none() -> None:
    found = _agreements(
        "Russia raised the recycling fee on cars imported from China by 40% on March 1 under "
        "a government decree.",
        "2031-03-05",
    )
    assert found == []


def test_a_decree_ratifying_a_treaty_is_the_treatys_step() -> None:
    found = _agreements(
        "Kim Jong Un has signed a decree ratifying the treaty on comprehensive strategic "
        "partnership with Russia.",
        "2031-03-05",
    )
    assert all("decree" not in f[2] for f in found)


def test_a_russian_decree_on_a_visa_regime_is_the_regime_once() -> None:
    found = _agreements(
        "1 марта Владимир Путин подписал указ о безвизовом въезде граждан Китая в Россию.",
        "2031-03-05",
    )
    assert len(found) == 1
    assert found[0][:2] == ("other", "adopted")
