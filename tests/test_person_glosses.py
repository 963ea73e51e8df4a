"""A person glossed in another script in brackets after the name is the same person (an
alias), not a second actor: bilingual explainers write 'Alexei Miller (Алексей Миллер)' and
'Xi Jinping (习近平; in Kazakh, Си Цзиньпин)'. The texts are written for these tests."""

from __future__ import annotations

from tests.conftest import extract_text


def test_a_cyrillic_gloss_is_an_alias_of_the_name_before_it() -> None:
    ext = extract_text(
        "Rosneft chief executive Igor Sechin (Игорь Сечин) met Indian Oil chairman Arvinder "
        "Singh Sahney in New Delhi on Monday. Kremlin aide Yuri Ushakov (Юрий Ушаков) said a "
        "visit was being prepared.",
        "2031-02-04",
    )
    people = {a.name: a.aliases for a in ext.actors if a.type == "person"}
    assert "Игорь Сечин" not in people and "Юрий Ушаков" not in people
    assert "Игорь Сечин" in people["Igor Sechin"]
    assert "Юрий Ушаков" in people["Yuri Ushakov"]


def test_two_glosses_one_after_a_language_note_are_both_aliases() -> None:
    ext = extract_text(
        "Deputy Prime Minister Nurlan Baibazarov (Нұрлан Байбазаров; in Russian, Нурлан "
        "Байбазаров) held talks with Chinese Commerce Minister Wang Wentao in Astana on Monday.",
        "2031-06-17",
    )
    people = {a.name: a.aliases for a in ext.actors if a.type == "person"}
    assert set(people) == {"Nurlan Baibazarov", "Wang Wentao"}
