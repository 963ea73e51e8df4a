"""People named in Russian text: a Chinese name in any case read back into pinyin by the
Palladius system (and so found in the gazetteer), other names put in the nominative with
their Latin letters as an alias."""

from __future__ import annotations

import pytest
from tests.conftest import extract_text

from bilat.extract.nlp_ru import latin_name, person_nominative
from bilat.extract.palladius import chinese_name, to_pinyin


@pytest.mark.parametrize(
    ("written", "pinyin", "nominative"),
    [
        ("Сюй Цинем", "Xu Qin", "Сюй Цинь"),
        ("Дин Сюэсяна", "Ding Xuexiang", "Дин Сюэсян"),
        ("Ли Цяном", "Li Qiang", "Ли Цян"),
        ("Ван И", "Wang Yi", "Ван И"),
        ("Ли Хуэя", "Li Hui", "Ли Хуэй"),
        ("Чжао Лэцзи", "Zhao Leji", "Чжао Лэцзи"),
        ("Гао Цзяньчуню", "Gao Jianchun", "Гао Цзяньчунь"),
    ],
)
def test_chinese_names_in_any_case(written: str, pinyin: str, nominative: str) -> None:
    assert chinese_name(written.split()) == (pinyin, nominative)


@pytest.mark.parametrize("written", ["Сергей Лавров", "Ким Чен Ын", "Ли Мён Бак", "Анна Ли"])
def test_other_names_are_not_chinese(written: str) -> None:
    assert chinese_name(written.split()) is None


def test_palladius_syllables_read_back() -> None:
    assert [to_pinyin(w) for w in ("Цзиньпин", "Чжаосюй", "Хуэйлин", "Юэ")] == [
        "Jinping", "Zhaoxu", "Huiling", "Yue",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("written", "nominative", "latin"),
    [
        ("Алексеем Дедовым", "Алексей Дедов", "Alexei Dedov"),
        ("Оксаной Лут", "Оксана Лут", "Oksana Lut"),
        ("Сергея Цивилева", "Сергей Цивилев", "Sergei Tsivilev"),
        ("Василия Орлова", "Василий Орлов", "Vasily Orlov"),
        ("Евгений Иванов", "Евгений Иванов", "Yevgeny Ivanov"),
        ("Дарья Соколова", "Дарья Соколова", "Darya Sokolova"),
    ],
)
def test_russian_names_in_the_nominative(written: str, nominative: str, latin: str) -> None:
    assert person_nominative(written) == nominative
    assert latin_name(nominative) == latin


def test_people_of_a_russian_report() -> None:
    actors = {
        a.name: a
        for a in extract_text(
            "Министр обороны России Андрей Белоусов обсудил с министром обороны КНР Дун Цзюнем "
            "вопросы сотрудничества. Губернатор Амурской области провел переговоры с "
            "заместителем губернатора провинции Хэйлунцзян Ван Юнканом и послом России "
            "Алексеем Дедовым.",
            "2025-04-10",
        ).actors
    }
    assert actors["Dong Jun"].gid == "dong-jun"  # the gazetteer's, found through pinyin
    assert "Ван Юнкан" in actors["Wang Yongkang"].aliases
    assert "Алексей Дедов" in actors["Alexei Dedov"].aliases  # named in Latin letters


def test_a_delegations_talks_with_chinese_officials_of_a_province() -> None:
    events = extract_text(
        "ВЛАДИВОСТОК, 20 мая, PrimaMedia. Делегация Приморского края во главе с губернатором "
        "Олегом Кожемяко в ходе рабочего визита в провинцию Цзилинь провела в понедельник в "
        "Чанчуне переговоры с секретарем парткома провинции Хуан Цяном и губернатором Ху "
        "Юйтином.",
        "2025-05-20",
    ).events
    (talks,) = [e for e in events if e.mode == "meeting"]
    assert talks.date == "2025-05-19"
    assert {"Huang Qiang", "Hu Yuting"} <= set(talks.participants)


def test_an_initial_and_a_russian_surname() -> None:
    actors = extract_text(
        "Глава российской части межправкомиссии А.Козлов провел в пятницу переговоры с "
        "министром иностранных дел Монголии.",
        "2025-09-15",
    ).actors
    assert "Alexander Kozlov" in {a.name for a in actors}


def test_o_after_other_initials_spells_uo() -> None:
    assert chinese_name(["Го", "Шэнкуня"]) == ("Guo Shengkun", "Го Шэнкунь")
    assert [to_pinyin(w) for w in ("Ло", "Бо", "Чжоу")] == ["Luo", "Bo", "Zhou"]
