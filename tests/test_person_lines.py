"""Names and the lines they stand on: a name ends at its line (a signature above a share bar
is not a three-word name), a date line's author after "·" is a byline, and a given name with a
patronymic alone ("Мы с Владимиром Владимировичем договорились") is how one speaks of a person
the report names in full, no person of its own."""

from __future__ import annotations

from tests.conftest import extract_text


def _people(text: str) -> list[str]:
    return sorted(a.name for a in extract_text(text, "2025-11-13").actors if a.type == "person")


def test_a_signature_above_a_share_bar_is_no_name() -> None:
    people = _people(
        "Тему экспорта министр обсуждал в среду и с послом КНР в России Чжан Ханьхуэем.\n\n"
        "Иван Крылов\n\nОбсудить  |  Поделиться\n\nЧитайте также\nПочему растут цены"
    )
    assert not any("Krylov" in p for p in people)


def test_the_author_after_a_date_line_separator_is_no_actor() -> None:
    people = _people(
        "Как Москва и Минск собираются вернуть рост\n\n13 ноября 2025, 10:15 · Ольга Ветрова"
        "\n\nПрезидент Белоруссии Александр Лукашенко в среду провел переговоры с Владимиром "
        "Путиным в Кремле."
    )
    assert people == ["Alexander Lukashenko", "Vladimir Putin"]


def test_a_given_name_and_patronymic_alone_is_no_person_of_its_own() -> None:
    people = _people(
        "Президент Белоруссии Александр Лукашенко в среду провел переговоры с Владимиром "
        "Путиным в Кремле. «Мы с Владимиром Владимировичем договорились: никаких барьеров», — "
        "сказал Лукашенко."
    )
    assert people == ["Alexander Lukashenko", "Vladimir Putin"]


def test_a_state_councilor_and_a_bodys_possessive_are_no_part_of_the_name() -> None:
    actors = {
        a.name
        for a in extract_text(
            "Tomsk Polytechnic University's rector met Chinese State Councilor Shen Yiqin and "
            "Deputy Prime Minister Tatyana Golikova in Beijing.",
            "2024-11-19",
        ).actors
    }
    assert "Tomsk Polytechnic University" in actors
    assert not any(name.endswith("'s") or name.startswith("Councilor") for name in actors)
