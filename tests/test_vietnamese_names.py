"""Vietnamese names in Russian text read back by the Kontsevich system ("Фам Минь Тинем" is
Pham Minh Chinh), a meeting "with X" in a transcript turn (the speaker's), and the domain
words of Russian agreement titles the glossary used to leave in Latin letters."""

from __future__ import annotations

import pytest
from tests.conftest import extract_text

from bilat.extract.gazetteer import default_gazetteer
from bilat.extract.kontsevich import kontsevich, vietnamese_person


@pytest.mark.parametrize(
    ("latin", "russian"),
    [("Trần Thanh Mẫn", "чан тхань ман"), ("Nguyễn Phú Trọng", "нгуен фу чонг"),
     ("Bùi Thanh Sơn", "буи тхань шон"), ("Tô Lâm", "то лам")],
)  # fmt: skip
def test_syllables_are_written_the_kontsevich_way(latin: str, russian: str) -> None:
    assert " ".join(kontsevich(s) for s in latin.split()) == russian


@pytest.mark.parametrize(
    ("russian", "person"),
    [("Чан Тхань Маном", "Tran Thanh Man"), ("Фам Минь Тиня", "Pham Minh Chinh"),
     ("Лыонг Кыонгом", "Luong Cuong"), ("Выонг Динь Хюэ", "Vuong Dinh Hue"),
     ("Иван Петров", None), ("Чан Ман", None)],
)  # fmt: skip
def test_a_russian_text_name_finds_the_vietnamese_person(russian: str, person: str | None) -> None:
    found = vietnamese_person(default_gazetteer(), russian)
    assert (found.name if found else None) == person


def test_vietnamese_people_in_a_russian_report_are_the_gazetteer_people() -> None:
    result = extract_text(
        "Председатель Госдумы Вячеслав Володин провел переговоры с председателем "
        "Национального собрания Вьетнама Чан Тхань Маном. Премьер-министр Вьетнама Фам Минь "
        "Тинь посетит Россию осенью.",
        "2025-07-14",
    )
    people = {a.name: a for a in result.actors if a.type == "person"}
    assert people["Tran Thanh Man"].country == "VN"
    assert "Чан Тхань Маном" in people["Tran Thanh Man"].aliases
    assert "Pham Minh Chinh" in people


def test_a_meeting_with_someone_in_a_transcript_turn_is_the_speakers() -> None:
    events = extract_text(
        "Владимир Путин провел переговоры с председателем Национального собрания Вьетнама Чан "
        "Тхань Маном.\n\nВ.Путин: Уважаемый господин Председатель! Этот вопрос обсуждался на "
        "встрече с Генеральным секретарем ЦК Компартии Вьетнама То Ламом в мае.",
        "2025-07-14",
    ).events
    may = [e for e in events if e.date == "2025-05"]
    assert [(e.mode, set(e.participants)) for e in may] == [
        ("meeting", {"Vladimir Putin", "To Lam"})
    ]


def test_domain_words_of_russian_titles_are_translated() -> None:
    result = extract_text(
        "Стороны подписали протокол заседания подкомиссии по торгово-экономическому "
        "сотрудничеству и соглашение о мобильности рабочей силы.",
        "2025-10-20",
    )
    titles = " ".join(a.title for a in result.agreements)
    assert "subcommission" in titles
    assert "mobility of the labour force" in titles


def test_a_name_written_with_its_accents_keeps_the_plain_form_as_an_alias() -> None:
    """The article's 'Trần Thanh Mẫn' is the actor's name, and the gazetteer's 'Tran Thanh
    Man' stays an alias (the two differ only by their accents: a reader searches by either)."""
    ext = extract_text(
        "Russian Prime Minister Mikhail Mishustin met National Assembly Chairman Trần Thanh Mẫn "
        "in Hà Nội on Monday.",
        "2031-06-20",
    )
    (man,) = [a for a in ext.actors if a.gid == "tran-thanh-man"]
    assert man.name == "Trần Thanh Mẫn" and "Tran Thanh Man" in man.aliases
