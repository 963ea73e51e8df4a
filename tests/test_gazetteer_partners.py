"""Office holders beyond the heads: partner states' heads of state and government and foreign
ministers 2022-2026, Russia's and China's ministers of the other portfolios, by date, and
resolved in English and Russian text (also where only a dateline gives the state).

Each case is a sentence written for these tests.
"""

from __future__ import annotations

import pytest

from bilat.extract.actors import extract_actors
from bilat.extract.context import DocContext
from bilat.extract.gazetteer import Gazetteer, default_gazetteer
from bilat.extract.nlp import load_nlp
from bilat.extract.pipeline import doc_sentences
from bilat.records import Actor
from conftest import extract_russian


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return default_gazetteer()


@pytest.mark.parametrize(
    ("key", "state", "on", "holder"),
    [
        ("head_of_government", "KG", "2023-05", "Akylbek Japarov"),
        ("head_of_government", "KG", "2025-05", "Adylbek Kasymaliev"),
        ("head_of_government", "TJ", "2024", "Kokhir Rasulzoda"),
        ("foreign_minister", "TJ", "2023", "Sirojiddin Muhriddin"),
        ("foreign_minister", "TM", "2024", "Rashid Meredov"),
        ("head_of_state", "IR", "2024-06", "Mohammad Mokhber"),
        ("foreign_minister", "IR", "2024-06", "Ali Bagheri Kani"),
        ("head_of_state", "PK", "2023", "Arif Alvi"),
        ("head_of_government", "PK", "2023-10", "Anwaar-ul-Haq Kakar"),
        ("foreign_minister", "PK", "2022-10", "Bilawal Bhutto Zardari"),
        ("foreign_minister", "PK", "2025", "Ishaq Dar"),
        ("head_of_government", "EG", "2023", "Mostafa Madbouly"),
        ("foreign_minister", "EG", "2023", "Sameh Shoukry"),
        ("foreign_minister", "EG", "2025", "Badr Abdelatty"),
        ("foreign_minister", "SA", "2024", "Faisal bin Farhan Al Saud"),
        ("head_of_government", "AE", "2023", "Mohammed bin Rashid Al Maktoum"),
        ("foreign_minister", "AE", "2023", "Abdullah bin Zayed Al Nahyan"),
        ("foreign_minister", "ID", "2023", "Retno Marsudi"),
        ("foreign_minister", "ID", "2025", "Sugiono"),
        ("head_of_government", "RS", "2023", "Ana Brnabić"),
        ("head_of_government", "RS", "2024-09", "Miloš Vučević"),
        ("foreign_minister", "RS", "2023", "Ivica Dačić"),
        ("foreign_minister", "RS", "2025", "Marko Đurić"),
        ("head_of_state", "HU", "2023", "Katalin Novák"),
        ("head_of_state", "HU", "2025", "Tamás Sulyok"),
        ("foreign_minister", "HU", "2025", "Péter Szijjártó"),
        # Russia's and China's ministers of the other portfolios
        ("natural_resources_minister", "RU", "2023", "Alexander Kozlov"),
        ("far_east_minister", "RU", "2019", "Alexander Kozlov"),
        ("far_east_minister", "RU", "2024", "Alexey Chekunkov"),
        ("emergencies_minister", "RU", "2024", "Alexander Kurenkov"),
        ("sport_minister", "RU", "2023", "Oleg Matytsin"),
        ("sport_minister", "RU", "2025", "Mikhail Degtyarev"),
        ("health_minister", "RU", "2024", "Mikhail Murashko"),
        ("interior_minister", "CN", "2023", "Wang Xiaohong"),
        ("intelligence_head", "CN", "2024", "Chen Yixin"),
        ("science_minister", "CN", "2022", "Wang Zhigang"),
        ("science_minister", "CN", "2024", "Yin Hejun"),
        ("environment_minister", "CN", "2025", "Huang Runqiu"),
        # partner states' defence, finance, trade, energy and interior ministers
        ("defence_minister", "IN", "2024", "Rajnath Singh"),
        ("interior_minister", "IN", "2023", "Amit Shah"),
        ("energy_minister", "IN", "2025", "Hardeep Singh Puri"),
        ("defence_minister", "TR", "2022", "Hulusi Akar"),
        ("defence_minister", "TR", "2024", "Yaşar Güler"),
        ("energy_minister", "TR", "2025", "Alparslan Bayraktar"),
        ("defence_minister", "IR", "2023", "Mohammad-Reza Ashtiani"),
        ("defence_minister", "IR", "2025", "Aziz Nasirzadeh"),
        ("vice_head_of_state", "IR", "2025", "Mohammad Reza Aref"),
        ("defence_minister", "BY", "2024", "Viktor Khrenin"),
        ("military_chief", "PK", "2024", "Asim Munir"),
        # partner states' central bank heads, vice presidents and speakers
        ("central_bank_head", "IN", "2023", "Shaktikanta Das"),
        ("central_bank_head", "reserve-bank-of-india", "2025", "Sanjay Malhotra"),
        ("central_bank_head", "TR", "2023-09", "Hafize Gaye Erkan"),
        ("central_bank_head", "TR", "2025", "Fatih Karahan"),
        ("vice_head_of_state", "IN", "2024", "Jagdeep Dhankhar"),
        ("vice_head_of_state", "IN", "2025-10", "C. P. Radhakrishnan"),
        ("legislature_head", "TR", "2024", "Numan Kurtulmuş"),
    ],
)
def test_partner_state_office_holders(
    gaz: Gazetteer, key: str, state: str, on: str, holder: str
) -> None:
    assert [e.name for e in gaz.holders(key, state, on)] == [holder]


@pytest.mark.parametrize(
    ("phrase", "key"),
    [
        ("Minister of Natural Resources and Environment", "natural_resources_minister"),
        ("minister of construction, housing and utilities", "construction_minister"),
        ("Minister of Emergency Management", "emergencies_minister"),
        ("home minister", "interior_minister"),
    ],
)
def test_portfolio_titles_name_their_role(gaz: Gazetteer, phrase: str, key: str) -> None:
    assert gaz.role_key(phrase) == key


def _actors(text: str, published: str) -> dict[str, Actor]:
    doc = load_nlp()(text)
    ctx = DocContext("t", text, published, doc_sentences(doc), doc, ents=tuple(doc.ents))
    return {a.name: a for a in extract_actors(ctx, default_gazetteer())}


def test_a_minister_only_the_dateline_places_takes_the_gazetteers_state() -> None:
    text = (
        "ISLAMABAD, April 4 - Foreign Minister Ishaq Dar said the new rail link to the Chinese "
        "border would open next year. Dar told reporters that China had agreed to fund it."
    )
    dar = _actors(text, "2024-04-04")["Ishaq Dar"]
    assert (dar.country, dar.role) == ("PK", "Minister of Foreign Affairs")
    assert "Dar" in dar.aliases


@pytest.mark.parametrize(
    ("text", "published", "alias", "holder"),
    [
        (
            "Egypt's foreign minister met Chinese officials in Beijing to discuss a loan.",
            "2025-06-10",
            "Egypt's foreign minister",
            "Badr Abdelatty",
        ),
        (
            "Russia's emergencies minister flew to Harbin to discuss flood relief with China.",
            "2024-08-02",
            "Russia's emergencies minister",
            "Alexander Kurenkov",
        ),
        (
            "Turkey's energy minister said gas flows through TurkStream would rise.",
            "2024-12-10",
            "Turkey's energy minister",
            "Alparslan Bayraktar",
        ),
    ],
)
def test_an_unnamed_minister_is_the_holder_on_the_date(
    text: str, published: str, alias: str, holder: str
) -> None:
    assert alias in _actors(text, published)[holder].aliases


@pytest.mark.parametrize(
    ("text", "published", "holders"),
    [
        (
            "Министр иностранных дел Венгрии Петер Сийярто провел переговоры с Хаканом Фиданом. "
            "Сийярто заявил, что Будапешт и Анкара обсудили поставки газа.",
            "2025-05-20",
            {
                "Péter Szijjártó": ("HU", "Министр иностранных дел Венгрии"),
                "Hakan Fidan": ("TR", ""),
                "Hungary": ("HU", "Будапешт"),
                "Turkey": ("TR", "Анкара"),
            },
        ),
        (
            "Министр природных ресурсов и экологии РФ Александр Козлов обсудил с министром "
            "экологии и окружающей среды КНР Хуан Жуньцю охрану Амура.",
            "2025-06-10",
            {
                "Alexander Kozlov": ("RU", "Министр природных ресурсов и экологии РФ"),
                "Huang Runqiu": ("CN", ""),
            },
        ),
    ],
)
def test_officials_in_russian_text_resolve_to_the_english_record(
    text: str, published: str, holders: dict[str, tuple[str, str]]
) -> None:
    actors = {a.name: a for a in extract_russian(text, published).actors}
    for name, (country, alias) in holders.items():
        assert actors[name].country == country
        assert not alias or alias in actors[name].aliases


def test_a_partner_minister_named_by_title_and_name_takes_the_role_on_the_date() -> None:
    text = "Indian Defence Minister Rajnath Singh held talks with Andrey Belousov in Moscow."
    singh = _actors(text, "2024-12-10")["Rajnath Singh"]
    assert (singh.country, singh.role) == ("IN", "Minister of Defence")


def test_partner_states_bodies_and_trade_data_firms_are_actors_of_their_state() -> None:
    text = (
        "The Indian Defence Ministry said the drills would start on Monday. The Indian Navy said "
        "it would send two frigates. "
        "Kazakhstan's State Revenue Committee said exports rose. Kpler data showed Indian Oil "
        "Corporation buying more Russian crude."
    )
    got = {(a.name, a.country) for a in _actors(text, "2025-03-01").values()}
    assert {
        ("Ministry of Defence of India", "IN"),
        ("Indian Navy", "IN"),
        ("State Revenue Committee of Kazakhstan", "KZ"),
        ("Kpler", None),
        ("Indian Oil Corporation", "IN"),
    } <= got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "NEW DELHI, May 6 - Bharat Petroleum and Hindustan Petroleum bought more Russian "
            "crude in April, while GAIL signed a deal with Novatek for liquefied gas. State Bank "
            "of India said the payments were settled in rupees.",
            {
                ("Bharat Petroleum Corporation Limited", "IN"),
                ("Hindustan Petroleum Corporation Limited", "IN"),
                ("GAIL (India) Limited", "IN"),
                ("State Bank of India", "IN"),
            },
        ),
        (
            "SEOUL, May 6 - Exports to China fell for a third month. The Bank of Korea said the "
            "decline would ease. Korea Gas Corporation signed a supply deal with Novatek. South "
            "Korea's Ministry of Economy and Finance said it would review the sanctions on Russia.",
            {
                ("Bank of Korea", "KR"),
                ("Korea Gas Corporation", "KR"),
                ("Ministry of Economy and Finance of South Korea", "KR"),
            },
        ),
        (
            "Japan's Ministry of Finance said imports of Russian liquefied gas rose. METI said "
            "Mitsui & Co. and JERA would keep buying from Sakhalin-2.",
            {
                ("Ministry of Finance of Japan", "JP"),
                ("Ministry of Economy, Trade and Industry", "JP"),
                ("Mitsui & Co.", "JP"),
                ("JERA", "JP"),
            },
        ),
        (
            "Statistics Indonesia said trade with China grew. Bank Indonesia said it would keep "
            "its rate. "
            "Pertamina and Petrobras signed a memorandum with Rosneft, and Kazakhstan Temir Zholy "
            "opened a new container route to China.",
            {
                ("Statistics Indonesia", "ID"),
                ("Bank Indonesia", "ID"),
                ("Pertamina", "ID"),
                ("Petrobras", "BR"),
                ("Kazakhstan Temir Zholy", "KZ"),
            },
        ),
        (
            "ANKARA, May 6 - Imports from Russia fell, TurkStat said. Turkey's Energy Market "
            "Regulatory Authority said it had licensed Tüpraş to import more diesel. Aselsan and "
            "Baykar showed drones in Beijing.",
            {
                ("Turkish Statistical Institute", "TR"),
                ("Energy Market Regulatory Authority", "TR"),
                ("Tüpraş", "TR"),  # a known company keeps the article's spelling
                ("Aselsan", "TR"),
                ("Baykar", "TR"),
            },
        ),
    ],
)
def test_partner_states_companies_and_bodies_are_actors_of_their_state(
    text: str, expected: set[tuple[str, str]]
) -> None:
    """A national body counts once it speaks ("... said"); a company once it is named."""
    got = {(a.name, a.country) for a in _actors(text, "2025-05-06").values()}
    assert expected <= got


@pytest.mark.parametrize(
    ("surface", "gid"),
    [
        ("Indian Oil", "indian-oil"),
        ("IOCL", "indian-oil"),
        ("BPCL", "bpcl"),
        ("Saudi Arabian Oil Company", "saudi-aramco"),
        ("TÜİK", "turkstat"),
        ("South Korea's presidential office", "south-korean-presidential-office"),
        ("Office of the President of Mongolia", "mongolian-presidential-office"),
        ("MEA", "indian-mea"),
        ("Ministry of Economy, Trade and Industry", "meti"),
    ],
)
def test_partner_names_and_short_forms(gaz: Gazetteer, surface: str, gid: str) -> None:
    assert [e.gid for e in gaz.lookup(surface)] == [gid]


@pytest.mark.parametrize(
    "surface",
    ["IOC", "PTT", "Ministry of Finance", "Ministry of Economy and Finance", "Foreign Office"],
)
def test_forms_that_name_more_than_one_body_are_left_out(gaz: Gazetteer, surface: str) -> None:
    """'IOC' is also the International Olympic Committee, 'PTT' also Turkey's post office;
    a ministry without its state could be any state's."""
    assert gaz.lookup(surface) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Бхарат Петролеум и Хиндустан Петролеум увеличили закупки российской нефти, "
            "сообщил МИД Индии.",
            {
                ("Bharat Petroleum Corporation Limited", "IN"),
                ("Hindustan Petroleum Corporation Limited", "IN"),
                ("Ministry of External Affairs of India", "IN"),
            },
        ),
        (
            "РЖД договорились с Казахстан темир жолы и Белорусской железной дорогой о транзите, "
            "а с Беларуськалием — о перевозке удобрений в Китай.",
            {
                ("Kazakhstan Temir Zholy", "KZ"),
                ("Belarusian Railway", "BY"),
                ("Belaruskali", "BY"),
            },
        ),
        (
            "По данным Банка Кореи, торговля с Россией сократилась. Об этом сообщил Минфин "
            "Японии. Как сообщил Центробанк Бразилии, импорт удобрений из России вырос.",
            {
                ("Bank of Korea", "KR"),
                ("Ministry of Finance of Japan", "JP"),
                ("Central Bank of Brazil", "BR"),
            },
        ),
    ],
)
def test_partner_companies_and_bodies_in_russian_text(
    text: str, expected: set[tuple[str, str]]
) -> None:
    got = {(a.name, a.country) for a in extract_russian(text, "2025-05-06").actors}
    assert expected <= got
