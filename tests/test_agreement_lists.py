"""Documents told as a list of their full names, as government releases print them: 'Agreement
between the Government of A and the Government of B on <what>' keeps what it is on however
long the parties' names (the parties are the two states), and an item under a line saying
the documents were signed or exchanged is signed. The texts are written for these tests."""

from __future__ import annotations

from typing import Any

from tests.conftest import extract_text

_RELEASE = (
    "Russian-Chinese talks\n\n"
    "MOSCOW, May 8, 2031. Vladimir Putin held talks with Xi Jinping in the Kremlin.\n\n"
    "Documents signed in the presence of the President of Russia and the President of China:\n\n"
    "Agreement between the Government of the Russian Federation and the Government of the "
    "People's Republic of China on cooperation in the field of civil aviation safety "
    "oversight and airworthiness certification.\n\n"
    "Memorandum of understanding between Russian Railways and China State Railway Group on "
    "increasing cross-border freight traffic.\n\n"
    "Russia and China are negotiating an agreement on fishing in the Amur basin.\n"
)


def _agreements() -> list[Any]:
    return list(extract_text(_RELEASE, "2031-05-08").agreements)


def test_a_long_name_of_the_parties_keeps_what_the_document_is_on() -> None:
    titles = [a.title for a in _agreements()]
    assert any(t.endswith("safety oversight and airworthiness certification") for t in titles)


def test_an_intergovernmental_documents_parties_are_the_states() -> None:
    (aviation,) = [a for a in _agreements() if "aviation" in a.title]
    assert set(aviation.parties) == {"Russia", "China"}


def test_an_item_under_a_signing_line_is_signed_and_a_later_sentence_is_not() -> None:
    status = {a.title.split()[0]: a.status for a in _agreements()}
    assert status["Agreement"] == "signed"
    assert status["Memorandum"] == "signed"
    assert status["agreement"] == "negotiating"  # told by its own verb after the list
