"""Joint projects of pairs beyond Russia-China (projects.yaml, ru/names.yaml): nuclear power
plants, pipelines, railways, bridges, corridors and industrial zones, found as project actors
in English and Russian text in the forms reports use (with or without "NPP" / "nuclear power
plant" / "pipeline", hyphen or en dash, guillemets, any Russian case).

Each case is a sentence written for these tests.
"""

from __future__ import annotations

import pytest

from bilat.extract.actors import extract_actors
from bilat.extract.context import DocContext
from bilat.extract.gazetteer import Gazetteer, default_gazetteer, normalize
from bilat.extract.gazmatch import find_gazetteer_mentions
from bilat.extract.nlp import load_nlp
from bilat.extract.nlp_ru import parse_ru
from bilat.extract.pipeline import doc_sentences
from bilat.records import Actor
from conftest import extract_russian


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return default_gazetteer()


def _projects(actors: list[Actor]) -> dict[str, Actor]:
    return {a.gid: a for a in actors if a.type == "project" and a.gid}


def _english(text: str, published: str = "2025-06-01") -> dict[str, Actor]:
    doc = load_nlp()(text)
    ctx = DocContext("t", text, published, doc_sentences(doc), doc, ents=tuple(doc.ents))
    return _projects(extract_actors(ctx, default_gazetteer()))


def _russian(text: str, published: str = "2025-06-01") -> dict[str, Actor]:
    return _projects(list(extract_russian(text, published).actors))


# ---- the data ------------------------------------------------------------------------------


def test_every_project_has_a_role_and_a_known_state(gaz: Gazetteer) -> None:
    states = {e.gid for e in gaz.entries() if e.type == "state"}
    for entry in gaz.entries():
        if entry.type == "project":
            assert entry.description, entry.gid
            assert entry.country is None or entry.country in states, entry.gid


@pytest.mark.parametrize(
    ("surface", "gid"),
    [
        ("Turkish Stream", "turkstream"),
        ("Akkuyu NPP", "akkuyu-npp"),
        ("El-Dabaa nuclear power plant", "el-dabaa-npp"),
        ("Koodankulam", "kudankulam-npp"),
        ("Ruppur NPP", "rooppur-npp"),
        ("Paks-2", "paks-ii-npp"),
        ("Rasht-Astara railway", "rasht-astara-railway"),
        ("Ninh Thuận 1", "ninh-thuan-1-npp"),
        ("Nord Stream—2", "nord-stream-2"),
        ("Sakhalin–1", "sakhalin-1"),
        ("China-Pakistan Economic Corridor", "cpec"),
        ("Main Line 1", "ml-1"),
        ("Laos–China Railway", "china-laos-railway"),
        ("Atasu-Alashankou oil pipeline", "kazakhstan-china-oil-pipeline"),
        ("Vladivostok–Chennai maritime corridor", "chennai-vladivostok-corridor"),
        ("China-Belarus Industrial Park", "great-stone-park"),
    ],
)
def test_variant_spellings_look_up_the_project(gaz: Gazetteer, surface: str, gid: str) -> None:
    assert [e.gid for e in gaz.lookup(surface)] == [gid]


def test_khorgos_is_a_place_and_its_dry_port_a_project(gaz: Gazetteer) -> None:
    assert [e.type for e in gaz.lookup("Khorgos")] == ["place"]
    assert [e.gid for e in gaz.lookup("Khorgos Gateway")] == ["khorgos-gateway"]


def test_no_two_projects_share_a_surface(gaz: Gazetteer) -> None:
    seen: dict[str, str] = {}
    for surface, entry in gaz.surface_forms():
        if entry.type == "project":
            other = seen.setdefault(normalize(surface), entry.gid)
            assert other == entry.gid, (surface, other, entry.gid)


# ---- English text ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ankara said the first reactor of the Akkuyu nuclear power plant would be switched "
            "on next year, while exports via the TurkStream pipeline hit a record.",
            {"akkuyu-npp": "TR", "turkstream": None},
        ),
        (
            "Officials inspected the Akkuyu NPP and discussed Blue Stream gas prices.",
            {"akkuyu-npp": "TR", "blue-stream": None},
        ),
        (
            "Cairo and Moscow reviewed progress at the El Dabaa nuclear plant and in the Russian "
            "Industrial Zone in the Suez Canal Economic Zone.",
            {"el-dabaa-npp": "EG", "suez-russian-industrial-zone": "EG"},
        ),
        (
            "New Delhi wants more units at Kudankulam and ships on the Chennai-Vladivostok "
            "maritime corridor.",
            {"kudankulam-npp": "IN", "chennai-vladivostok-corridor": None},
        ),
        (
            "Dhaka said the Rooppur NPP would feed the grid soon; Budapest said Paks II was "
            "on schedule.",
            {"rooppur-npp": "BD", "paks-ii-npp": "HU"},
        ),
        (
            "Tehran and Moscow signed a loan for the Rasht–Astara railway and new units of the "
            "Bushehr nuclear power plant.",
            {"rasht-astara-railway": "IR", "bushehr-npp": "IR"},
        ),
        (
            "Hanoi restarted Ninh Thuan 1 talks, and Tashkent poured the first concrete at the "
            "Jizzakh nuclear power plant.",
            {"ninh-thuan-1-npp": "VN", "uzbekistan-small-npp": "UZ"},
        ),
        (
            "Rosatom was picked to build Kazakhstan's first nuclear power plant.",
            {"balkhash-npp": "KZ"},
        ),
        (
            "Indian refiners eyed Vostok Oil, ONGC kept its Sakhalin-1 stake and Japanese "
            "buyers still take LNG from Sakhalin 2.",
            {"vostok-oil": "RU", "sakhalin-1": "RU", "sakhalin-2": "RU"},
        ),
        (
            "Budapest wants oil to keep flowing through the Druzhba pipeline; Nord Stream 2 "
            "lies idle.",
            {"druzhba-pipeline": None, "nord-stream-2": None},
        ),
        (
            "Islamabad promised to speed up CPEC, the Gwadar Port and the ML-1 upgrade.",
            {"cpec": "PK", "gwadar-port": "PK", "ml-1": "PK"},
        ),
        (
            "Astana and Beijing opened the Bakhty-Tacheng railway crossing and expanded the "
            "Khorgos Gateway dry port.",
            {"bakhty-tacheng-railway": None, "khorgos-gateway": "KZ"},
        ),
        (
            "Jakarta's Whoosh high-speed train, the China-Laos Railway and Malaysia's East "
            "Coast Rail Link were all financed by Chinese banks.",
            {"jakarta-bandung-hsr": "ID", "china-laos-railway": None, "ecrl": "MY"},
        ),
        (
            "Bishkek hosted talks on the China–Kyrgyzstan–Uzbekistan railway and on Line D of "
            "the Central Asia-China gas pipeline.",
            {"cku-railway": None, "central-asia-china-gas-pipeline": None},
        ),
        (
            "Moscow and Pyongyang began the Tumen River road bridge; Moscow and Beijing agreed "
            "to study the Dzhalinda-Mohe railway bridge.",
            {"tumen-river-road-bridge": None, "dzhalinda-mohe-bridge": None},
        ),
        (
            "Belgrade said the Smederevo steel mill and the Bor copper mine, both Chinese-owned, "
            "would ship by the new Budapest–Belgrade railway.",
            {
                "smederevo-steel-mill": "RS",
                "bor-copper": "RS",
                "budapest-belgrade-railway": None,
            },
        ),
    ],
)
def test_projects_in_english_text(text: str, expected: dict[str, str | None]) -> None:
    found = _english(text)
    for gid, country in expected.items():
        assert gid in found, (gid, sorted(found))
        assert found[gid].country == country


def test_a_city_that_names_a_plant_is_no_project_alone() -> None:
    text = "The ship left the port of Bushehr for Karachi with a cargo of cement."
    assert _english(text) == {}


# ---- Russian text ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Росатом установил корпус реактора на АЭС «Аккую», а прокачка по «Турецкому "
            "потоку» выросла.",
            {"akkuyu-npp": "АЭС «Аккую»", "turkstream": "Турецкому потоку"},
        ),
        (
            "Министр рассказал о пуске Аккую и о ремонте «Голубого потока».",
            {"akkuyu-npp": "Аккую", "blue-stream": "Голубого потока"},
        ),
        (
            "Стороны обсудили сроки по АЭС «Эль-Дабаа» и Российскую промышленную зону в Египте.",
            {
                "el-dabaa-npp": "АЭС «Эль-Дабаа»",
                "suez-russian-industrial-zone": "Российскую промышленную зону в Египте",
            },
        ),
        (
            "Топливо для АЭС «Куданкулам» и для Руппура доставлено.",
            {"kudankulam-npp": "АЭС «Куданкулам»", "rooppur-npp": "Руппура"},
        ),
        (
            "Венгрия ждет лицензию на АЭС «Пакш-2», Иран — достройку Бушерской АЭС.",
            {"paks-ii-npp": "АЭС «Пакш-2»", "bushehr-npp": "Бушерской АЭС"},
        ),
        (
            "Кредит на строительство железной дороги Решт – Астара одобрен.",
            {"rasht-astara-railway": "железной дороги Решт – Астара"},
        ),
        (
            "Прокачка по «Северному потоку» остановлена, «Северный поток — 2» законсервирован, "
            "нефть идет по нефтепроводу «Дружба».",
            {
                "nord-stream": "Северному потоку",
                "nord-stream-2": "Северный поток — 2",
                "druzhba-pipeline": "нефтепроводу «Дружба»",
            },
        ),
        (
            "Японские компании сохранили доли в «Сахалине-2», а партнеры «Сахалина-1» вернулись.",
            {"sakhalin-2": "Сахалине-2", "sakhalin-1": "Сахалина-1"},
        ),
        (
            "Росатом построит АЭС малой мощности в Узбекистане и первую АЭС в Казахстане.",
            {
                "uzbekistan-small-npp": "АЭС малой мощности в Узбекистане",
                "balkhash-npp": "первую АЭС в Казахстане",
            },
        ),
        (
            "Пекин и Исламабад обсудили Китайско-пакистанский экономический коридор и порт Гвадар.",
            {
                "cpec": "Китайско-пакистанский экономический коридор",
                "gwadar-port": "порт Гвадар",
            },
        ),
        (
            "Россия и КНДР строят автомобильный мост через реку Туманная.",
            {"tumen-river-road-bridge": "автомобильный мост через реку Туманная"},
        ),
    ],
)
def test_projects_in_russian_text_resolve_to_the_english_record(
    text: str, expected: dict[str, str]
) -> None:
    found = _russian(text)
    for gid, alias in expected.items():
        assert gid in found, (gid, sorted(found))
        assert alias in found[gid].aliases, (gid, found[gid].aliases)


@pytest.mark.parametrize(
    "text",
    [
        "Дружба между народами крепнет, заявил министр.",
        "Турпоток из Китая вырос на треть.",
        "Туристический поток на Сахалин вырос.",
    ],
)
def test_common_russian_words_name_no_project(gaz: Gazetteer, text: str) -> None:
    mentions = find_gazetteer_mentions(gaz, parse_ru(text))
    assert not [e.gid for g in mentions for e in g.entries if e.type == "project"]


def test_a_gazetteer_project_written_with_a_spaced_dash_is_one_actor() -> None:
    """'the Rasht - Astara railroad segment': the gazetteer's railway, once, with the form
    written without spaces among its aliases (not a second project found by its head noun)."""
    from tests.conftest import extract_text

    text = (
        "Russia and Iran signed an agreement to build the Rasht - Astara railroad segment. "
        "Troops of Russia and Pakistan held the Druzhba-VIII exercise in November."
    )
    projects = [a for a in extract_text(text, "2031-05-17").actors if a.type == "project"]
    assert [(p.name, "Rasht-Astara railroad" in p.aliases) for p in projects] == [
        ("Rasht–Astara railway", True)
    ]


def test_the_china_russia_expo_by_either_order_and_in_russian() -> None:
    from tests.conftest import extract_russian, extract_text

    english = extract_text(
        "The Omsk delegation took part in the 10th Russian-Chinese Expo in Yekaterinburg.",
        "2031-07-10",
    )
    russian = extract_russian(
        "Омская делегация приняла участие в Х Российско-Китайском ЭКСПО в Екатеринбурге.",
        "2031-07-10",
    )
    for result in (english, russian):
        assert "china-russia-expo" in {a.gid for a in result.actors if a.type == "project"}
