"""Regions in the gazetteer: every place has a Russian name, Russian regional titles name the
office of their region ("губернатор Амурской области"), and the dated regional heads resolve.

Each case is a sentence written for these tests.
"""

from __future__ import annotations

import pytest

from bilat.extract.gazetteer import Gazetteer, default_gazetteer
from bilat.extract.gazetteer_ru import russian_names
from bilat.extract.gazmatch import find_gazetteer_mentions
from bilat.extract.nlp_ru import parse_ru
from bilat.extract.roles import find_role_phrases
from bilat.extract.roles_ru import find_role_phrases_ru
from conftest import extract_russian

# Russian federal subjects on the borders with China, Mongolia and Kazakhstan
_BORDER_SUBJECTS = {
    "primorsky-krai", "khabarovsk-krai", "jewish-autonomous-oblast", "amur-oblast",
    "zabaykalsky-krai", "altai-republic", "tuva", "buryatia", "altai-krai", "novosibirsk-oblast",
    "omsk-oblast", "tyumen-oblast", "kurgan-oblast", "chelyabinsk-oblast", "orenburg-oblast",
    "samara-oblast", "saratov-oblast", "volgograd-oblast", "astrakhan-oblast",
}  # fmt: skip
# China's provinces, autonomous regions, municipalities (Beijing is the state's capital) and SARs
_CHINESE_REGIONS = {
    "heilongjiang", "jilin-province", "liaoning", "hebei", "shanxi", "shandong", "henan",
    "jiangsu", "anhui", "zhejiang", "fujian", "jiangxi", "hubei", "hunan", "guangdong", "hainan",
    "sichuan", "guizhou", "yunnan", "shaanxi", "gansu", "qinghai", "inner-mongolia", "guangxi",
    "tibet", "ningxia", "xinjiang", "shanghai", "tianjin", "chongqing", "hong-kong", "macau",
}  # fmt: skip


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return default_gazetteer()


def test_border_regions_are_places_of_their_state(gaz: Gazetteer) -> None:
    for gid, state in [
        *((g, "RU") for g in _BORDER_SUBJECTS),
        *((g, "CN") for g in _CHINESE_REGIONS),
    ]:
        entry = gaz.get(gid)
        assert (entry.type, entry.country) == ("place", state), gid


@pytest.mark.parametrize(
    ("surface", "gid"),
    [("Chimkent", "shymkent"), ("Alataw Pass", "alashankou"), ("Rostov Region", "rostov-oblast")],
)
def test_trade_route_places_in_english(gaz: Gazetteer, surface: str, gid: str) -> None:
    assert [e.gid for e in gaz.lookup(surface)] == [gid]


def test_every_place_has_a_russian_name(gaz: Gazetteer) -> None:
    named = {entry.gid for _form, entry in russian_names(gaz).forms()}
    assert [e.gid for e in gaz.entries() if e.type == "place" and e.gid not in named] == []


@pytest.mark.parametrize(
    ("text", "gid"),
    [
        ("Урожай сои в Еврейской автономной области вырос.", "jewish-autonomous-oblast"),
        ("Лавров прилетел в Вонсан.", "wonsan"),
        ("Грузы из Забайкалья пошли через новый мост.", "zabaykalsky-krai"),
        ("Экспорт Синьцзян-Уйгурского автономного района в Казахстан растет.", "xinjiang"),
        ("Делегация провинции Шаньси прибыла в Омск.", "shanxi"),
        ("Туристы из Хэйлунцзяна едут в Приморье.", "heilongjiang"),
        ("Переговоры с руководством Республики Тыва завершились.", "tuva"),
        ("Контейнеры идут через Достык в Алашанькоу.", "dostyk"),
        ("Зерно Кубани отправят в Китай.", "krasnodar-krai"),
    ],
)
def test_russian_place_names_in_any_case(gaz: Gazetteer, text: str, gid: str) -> None:
    found = {e.gid for g in find_gazetteer_mentions(gaz, parse_ru(text)) for e in g.entries}
    assert gid in found


@pytest.mark.parametrize(
    ("text", "key", "country", "region"),
    [
        ("Врио губернатора Омской области посетил выставку.", "regional_head", "RU", "omsk-oblast"),
        ("с главой Республики Бурятия обсудили туризм", "regional_head", "RU", "buryatia"),
        ("мэр Благовещенска открыл ярмарку", "regional_head", "RU", "blagoveshchensk"),
        ("иркутский губернатор подписал указ", "regional_head", "RU", "irkutsk-oblast"),
        ("губернатор китайской провинции Цзилинь заявил", "regional_head", "CN", "jilin-province"),
        (
            "секретарь парткома провинции Ляонин прибыл",
            "regional_party_secretary",
            "CN",
            "liaoning",
        ),
    ],
)
def test_regional_titles_name_the_office_of_their_region(
    gaz: Gazetteer, text: str, key: str, country: str, region: str
) -> None:
    (rp,) = find_role_phrases_ru(parse_ru(text), gaz)
    assert (rp.key, rp.country, rp.region, rp.jurisdiction) == (key, country, region, region)


def test_a_title_of_a_state_is_no_regional_title(gaz: Gazetteer) -> None:
    assert find_role_phrases_ru(parse_ru("глава России выступил"), gaz) == []
    assert find_role_phrases_ru(parse_ru("московский мэр выступил"), gaz) == []  # not the oblast
    (rp,) = find_role_phrases_ru(parse_ru("глава МИД Китая выступил"), gaz)
    assert (rp.key, rp.region) == ("foreign_minister", None)


@pytest.mark.parametrize(
    ("region", "on", "holder"),
    [
        ("krasnoyarsk-krai", "2022-06", "Alexander Uss"),
        ("krasnoyarsk-krai", "2024-06", "Mikhail Kotyukov"),
        ("kursk-oblast", "2020-03", "Roman Starovoit"),
        ("kursk-oblast", "2025-03", "Alexander Khinshtein"),
        ("xinjiang", "2023-04", "Ma Xingrui"),
    ],
)
def test_regional_heads_by_date(gaz: Gazetteer, region: str, on: str, holder: str) -> None:
    key = "regional_party_secretary" if gaz.get(region).country == "CN" else "regional_head"
    assert [e.name for e in gaz.holders(key, region, on)] == [holder]


def test_a_regional_head_is_named_by_the_title_and_by_the_name() -> None:
    text = (
        "Губернатор Амурской области Василий Орлов встретился в Благовещенске с делегацией "
        "китайской провинции Хэйлунцзян.\n\nВ четверг губернатор Хабаровского края подписал "
        "с китайскими партнерами соглашение о поставках сои."
    )
    actors = {a.name: a for a in extract_russian(text, "2025-03-12").actors}
    orlov, demeshin = actors["Vasily Orlov"], actors["Dmitry Demeshin"]
    assert (orlov.country, orlov.role) == ("RU", "Governor of Amur Oblast")
    assert "Губернатор Амурской области" in orlov.aliases
    assert [m.quote for m in demeshin.mentions] == ["губернатор Хабаровского края"]


def test_places_named_only_as_venues_or_datelines_are_no_actors() -> None:
    text = (
        "ВЛАДИВОСТОК, 3 марта. Корабли двух стран провели учения в Японском море. "
        "В западной части Японского моря отработали поиск подводных лодок, сообщили во "
        "Владивостоке. Россия и Китай проводят такие учения ежегодно."
    )
    names = {a.name for a in extract_russian(text, "2025-03-03").actors}
    assert {"Russia", "China"} <= names
    assert not names & {"Sea of Japan", "Vladivostok"}


@pytest.mark.parametrize(
    "text", ["The Chinese governor spoke first.", "China's provincial party secretary arrived."]
)
def test_a_regional_office_tied_to_a_state_names_no_holder(gaz: Gazetteer, text: str) -> None:
    assert find_role_phrases(text, gaz) == []


@pytest.mark.parametrize(
    "text",
    [
        "вице-губернатор Амурской области открыл ярмарку",
        "первый заместитель губернатора Приморского края заявил",
        "бывший губернатор Хабаровского края выступил",
        "заместитель министра иностранных дел КНР прибыл",
    ],
)
def test_a_deputy_or_former_holder_is_another_office(gaz: Gazetteer, text: str) -> None:
    assert find_role_phrases_ru(parse_ru(text), gaz) == []
