"""Agreements in Russian text (bilat.extract.agreements_ru) with English titles
(bilat.extract.phrases_ru).

Every sentence was written for these tests. Cases run the whole extraction of a Russian
document (`language = ru`), so the mentions, dates and parties are the real stages' output.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bilat.config import load_options
from bilat.datafiles import read_data
from bilat.evaluate.run import evaluate
from bilat.extract.nlp_ru import parse_ru
from bilat.extract.phrases_ru import adjectives_before, gloss, render, tokens
from bilat.extract.pipeline import extract_document
from bilat.offsets import OffsetMap
from bilat.records import Agreement, Document

DEV_RU = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev-ru"


def _agreements(text: str, published: str = "2025-04-10") -> tuple[Agreement, ...]:
    doc = Document(
        id=0,
        name="ru.txt",
        version=1,
        content_hash="",
        text=text,
        clean_text=text,
        offsets=OffsetMap.identity(len(text)),
        title=None,
        published=published,
        source=None,
        url=None,
        language="ru",
        status="ok",
        duplicate_of=None,
        metadata={},
        ingested_at="",
    )
    return extract_document(doc, parse_ru(text), auto_pair=True).agreements


@pytest.mark.parametrize(
    ("text", "kind", "status", "title"),
    [
        (
            "Россия и Китай подписали меморандум о взаимопонимании в области цифровой экономики.",
            "memorandum",
            "signed",
            "memorandum of understanding in the field of digital economy",
        ),
        (
            "Стороны утвердили дорожную карту по развитию торгово-экономического сотрудничества "
            "России и Китая до 2030 года.",
            "plan",
            "adopted",
            "road map on development of trade and economic cooperation of Russia and China "
            "until 2030",
        ),
        (
            "Москва и Пекин ведут переговоры о соглашении по взаимной защите инвестиций.",
            "agreement",
            "negotiating",
            "agreement on the mutual protection of investments",
        ),
        (
            "Россия и Китай планируют подписать межправительственное соглашение о безвизовых "
            "групповых поездках.",
            "agreement",
            "planned",
            "intergovernmental agreement on visa-free group trips",
        ),
        (
            "«Газпром» и CNPC подпишут юридически обязывающий меморандум о строительстве "
            "газопровода «Сила Сибири-2».",
            "memorandum",
            "planned",
            "legally binding memorandum on construction of the gas pipeline Power of Siberia 2",
        ),
        (
            "«Роснефть» и CNPC заключили контракт на поставку 10 млн тонн нефти в Китай.",
            "contract",
            "signed",
            "contract for the supply of 10 million tonnes of oil to China",
        ),
        (
            "Россия и Китай заключили договор купли-продажи сжиженного газа.",
            "contract",
            "signed",
            "contract of the purchase and sale of liquefied gas",
        ),
        (
            # an agreement on supplies is an agreement (only one on purchase and sale is a
            # contract): h19_c06, op11-style golds
            "Россия и Китай заключили соглашение о поставках российского угля в КНР.",
            "agreement",
            "signed",
            "agreement on supplies of Russian coal to China",
        ),
        (
            "Военные ведомства России и Китая утвердили план сотрудничества на 2026 год.",
            "plan",
            "adopted",
            "plan of cooperation for 2026",
        ),
        (
            "Учения прошли в рамках программы военного сотрудничества России и Китая.",
            "plan",
            "adopted",
            "programme of military cooperation of Russia and China",
        ),
        (
            "По итогам переговоров лидеры России и Китая приняли совместное заявление.",
            "joint_statement",
            "adopted",
            "joint statement of Russia and China",
        ),
        (
            "Министры России и Китая подписали протокол о фитосанитарных требованиях к пшенице.",
            "agreement",
            "signed",
            "protocol on phytosanitary requirements to the wheat",
        ),
        (
            "Подписание российско-китайского соглашения о сотрудничестве в сфере спутниковой "
            "навигации ожидается в сентябре.",
            "agreement",
            "signed",
            "Russian-Chinese agreement on cooperation in the sphere of satellite navigation",
        ),
        (
            "Россия и Китай подписали межправительственные документы о сотрудничестве в области "
            "образования.",
            "agreement",
            "signed",
            "intergovernmental documents on cooperation in the field of education",
        ),
        (  # the signed record of a meeting is no agreement of its own (GOLD.md: other)
            "Россия и Китай подписали протокол заседания межправительственной комиссии.",
            "other",
            "signed",
            "protocol of the meeting of the intergovernmental commission",
        ),
        (
            "Россия и Китай договорились о создании совместного инвестиционного фонда.",
            "agreement",
            "announced",
            "agreement on creation of the joint investment fund",
        ),
        (  # goods and procedures of trade protocols are translated, not transliterated
            "Монголия и Китай подписали протокол о ветеринарных требованиях к экспорту ячменя "
            "и рапса.",
            "agreement",
            "signed",
            "protocol on veterinary requirements to the export of barley and rapeseed",
        ),
        (
            "Монголия и Китай подписали соглашение о модернизации складов и терминалов.",
            "agreement",
            "signed",
            "agreement on the modernisation of warehouses and terminals",
        ),
        (  # the words of company deals: metals, consortia, stakes, production
            "Никелевая компания подписала контракт с консорциумом китайских импортеров на "
            "поставку никеля и меди на 2026 год.",
            "contract",
            "signed",
            "contract with the consortium of Chinese importers for the supply of nickel and "
            "copper for 2026",
        ),
        (
            "Российский производитель и индийская компания подписали соглашение о покупке доли "
            "в заводе по выпуску минеральных удобрений.",
            "agreement",
            "signed",
            "agreement on the purchase of the stake in the plant on production of mineral "
            "fertilisers",
        ),
    ],
)
def test_a_russian_document_name_becomes_an_english_title(
    text: str, kind: str, status: str, title: str
) -> None:
    (found,) = _agreements(text)
    assert (found.kind, found.status, found.title) == (kind, status, title)
    assert text[found.evidence.start : found.evidence.end] == found.evidence.quote


@pytest.mark.parametrize(
    ("text", "status", "title"),
    [
        (
            "Россия предложила Китаю заключить соглашение о свободной торговле.",
            "announced",
            "agreement on free trade",
        ),
        (
            "Россия и Китай приняли совместное коммюнике по итогам 30-й регулярной встречи глав "
            "правительств.",
            "adopted",
            "joint communique following the 30th regular meeting of heads of governments",
        ),
        (
            "Россия и Китай готовы подписать соглашение о транзите грузов в рамках проекта.",
            "planned",
            "agreement on transit of cargoes within the framework of the project",
        ),
        (  # the record of a dialogue is the meeting's; "межправсоглашение"
            "По итогам диалога стороны подписали итоговый протокол.",
            "signed",
            "final protocol of the meeting",
        ),
        (
            "Стороны ведут переговоры о межправсоглашении о взаимном признании гарантий.",
            "negotiating",
            "intergovernmental agreement on the mutual recognition of guarantees",
        ),
        (  # initialled: the text agreed, not yet signed
            "Кроме того, стороны парафировали соглашение о строительстве нового моста.",
            "negotiating",
            "agreement on construction of the new bridge",
        ),
    ],
)
def test_statuses_and_compound_prepositions(text: str, status: str, title: str) -> None:
    (found,) = _agreements(text)
    assert (found.status, found.title) == (status, title)


def test_a_month_is_the_date_of_a_document() -> None:
    text = "Соглашение России и Китая о взаимном признании виз вступило в силу в январе 2024 года."
    (found,) = _agreements(text)
    assert (found.status, found.date) == ("adopted", "2024-01")


def test_signing_expected_later_is_planned() -> None:
    text = "Ожидается, что Россия и Китай подпишут соглашение о строительстве моста в сентябре."
    (found,) = _agreements(text)
    assert found.status == "planned"


def test_negotiations_on_a_signing_are_negotiating() -> None:
    text = "Россия и Китай ведут переговоры о подписании соглашения о транзите газа."
    (found,) = _agreements(text)
    assert (found.status, found.title) == ("negotiating", "agreement on transit of gas")


def test_parties_are_the_companies_named_and_the_date_is_the_sentences() -> None:
    text = "2 сентября «Газпром» и CNPC подписали контракт на поставку газа."
    (found,) = _agreements(text, "2025-09-03")
    assert found.parties == ("Gazprom", "China National Petroleum Corporation")
    assert (found.date, found.sector) == ("2025-09-02", "energy")


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            "Казахстан приветствовал соглашение между Россией и Китаем о транзите.",
            ("Russia", "China"),
        ),
        (
            "«Роснефть» и CNPC заключили контракт на поставку нефти из России в Китай.",
            ("Rosneft", "China National Petroleum Corporation"),
        ),
    ],
)
def test_parties_named_in_the_name_except_a_contracts(text: str, parties: tuple[str, ...]) -> None:
    (found,) = _agreements(text)
    assert found.parties == parties


def test_sector_comes_from_the_sentence_when_the_title_has_none() -> None:
    text = (
        "Подписанные Россией и Китаем межправительственные протоколы открывают новые "
        "возможности в нефтяной сфере."
    )
    (found,) = _agreements(text)
    assert (found.title, found.sector) == (
        "intergovernmental protocols of Russia and China",
        "energy",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Россия и Китай подписали ряд соглашений в энергетике.",
        "В ходе визита России и Китая был подписан пакет документов.",
        "В плане энергетики Россия и Китай остаются партнерами.",  # "in terms of"
        "На первом плане для России и Китая сейчас торговля.",  # "foremost"
        "У Китая есть планы по расширению импорта из России.",  # intentions, no document
        "Стороны отметили ход реализации достигнутых договоренностей между Россией и Китаем.",
        "Соглашение будет подписано Россией и Китаем в сентябре.",  # named before, if at all
        "Для гостей из России в Китае подготовлена большая культурная программа.",
        "Россия и Китай обсудили ядерную сделку между Ираном и США.",  # a third party's deal
        "Это соглашение является важнейшим документом в истории отношений России и Китая.",
    ],
)
def test_generic_or_unnamed_documents_are_no_agreements(text: str) -> None:
    assert _agreements(text) == ()


def test_one_document_named_twice_is_one_agreement() -> None:
    text = (
        "Россия и Китай подписали соглашение о поставках сжиженного газа. "
        "Соглашение о поставках сжиженного газа вступит в силу в 2026 году."
    )
    assert len(_agreements(text)) == 1


def _title(text: str) -> str:
    """The English of the name around the first "соглашение" of `text` (no mentions)."""
    toks = tokens(text, [])
    at = next(i for i, t in enumerate(toks) if t.lemma == "соглашение")
    return render(toks, adjectives_before(toks, at), (at, at + 1), "agreement")[1]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # a word the glossary lacks: a noun is transliterated, an adjective dropped
        ("Соглашение о тапиоке подписано.", "agreement on the tapioka"),
        ("Бредовое соглашение подписано.", "agreement"),
        # a compound of state adjectives; coordination with a comma and "и"
        ("Российско-китайское соглашение подписано.", "Russian-Chinese agreement"),
        (
            "Соглашение о торговле, инвестициях и финансах подписано.",
            "agreement on trade, investments and finance",
        ),
        # the case after "в" decides the English preposition
        (
            "Соглашение о сотрудничестве в энергетике подписано.",
            "agreement on cooperation in energy",
        ),
        (
            "Соглашение о поставках газа в регион подписано.",
            "agreement on supplies of gas to the region",
        ),
        # a verb ends the name
        ("Соглашение о поставках стороны подписали.", "agreement on supplies"),
    ],
)
def test_rendering_a_russian_noun_phrase(text: str, title: str) -> None:
    assert _title(text) == title


@pytest.mark.skipif(not DEV_RU.is_dir(), reason="../shared/eval/dev-ru is not present")
def test_dev_ru_agreements(tmp_path: Path) -> None:
    """Measured 2026-12-04: 3/0/0 (F1 1.000); before the Russian stage 0/0/3."""
    conf = tmp_path / "auto.toml"
    conf.write_text('[extract]\npair = "auto"\n', encoding="utf-8")
    report = evaluate(DEV_RU / "gold", DEV_RU / "docs", load_options(conf)).report
    assert report.total["agreements"].f1 >= 0.9, report.total["agreements"]


def test_a_headline_and_the_body_name_one_document_by_the_bodys_fuller_name() -> None:
    text = (
        "Россия и Китай утвердили дорожную карту в нефтегазовой сфере\n\n"
        "Стороны подписали дорожную карту по развитию сотрудничества России и Китая в "
        "нефтяной и газовой сферах на 2025-2027 годы."
    )
    (found,) = _agreements(text)
    assert found.status == "signed"
    assert found.title == (
        "road map on development of cooperation of Russia and China in oil and gas spheres "
        "for 2025-2027"
    )


def test_every_glossary_word_is_found_from_its_own_form() -> None:
    """A key pymorphy3 reads as another lemma would never match (data/glossary_ru.yaml);
    infinitives are the lemmas of participles ("сжидить" for "сжиженного")."""
    data = read_data("glossary_ru.yaml")
    words = [tokens(k, [])[0] for k in [*data["nouns"], *data["adjectives"]] if " " not in k]
    lost = [t.text for t in words if t.pos != "INFN" and gloss(t) is None]
    assert lost == []


def test_two_coordinated_documents_are_two_agreements() -> None:
    text = (
        "Стороны подписали соглашение о создании логистического центра и протокол о "
        "развитии приграничной торговли."
    )
    assert [a.title for a in _agreements(text)] == [
        "agreement on creation of the logistics centre",
        "protocol on development of cross-border trade",
    ]


def test_a_body_known_only_by_its_russian_name_is_translated_in_the_title() -> None:
    (memo,) = _agreements(
        "По итогам встречи министерство Забайкальского края и департамент коммерции "
        "Внутренней Монголии подписали меморандум о создании совместной рабочей группы по "
        "развитию приграничной торговли."
    )
    assert memo.title == (
        "memorandum on creation of the joint working group on development of cross-border trade"
    )


def test_a_title_in_the_vocabulary_of_geology_and_e_commerce() -> None:
    titles = {
        a.title
        for a in _agreements(
            "Россия и Китай подписали соглашение о сотрудничестве в области геологии и "
            "недропользования. Минэкономразвития России и Минкоммерции КНР подписали "
            "меморандум о сотрудничестве в сфере электронной торговли."
        )
    }
    assert "agreement on cooperation in the field of geology and subsoil use" in titles
    assert any(t.endswith("e-commerce") for t in titles)


def test_a_date_after_the_document_is_its_date_not_part_of_its_name() -> None:
    """'подписали соглашение в марте 2031 года о строительстве ТЭЦ': an agreement on the
    construction, signed in March 2031 (not 'agreement in the mart of 2031 on ...')."""
    (agreement,) = _agreements(
        "Россия и Иран обсудили энергетику. Стороны подписали соглашение в марте 2031 года о "
        "строительстве ТЭЦ.",
        "2031-10-03",
    )
    assert (agreement.title, agreement.date) == (
        "agreement on construction of CHP plant",
        "2031-03",
    )


def test_documents_on_labour_activity_and_migration_are_named_in_english() -> None:
    """'соглашение о трудовой деятельности граждан' is an agreement on the labour activity of
    citizens (not 'the deyatelnost of citizens'): the glossary's words of labour, migration
    and legal cooperation."""
    (agreement,) = _agreements(
        "Россия и Узбекистан подписали соглашение о трудовой деятельности граждан.",
        "2031-10-03",
    )
    assert agreement.title == "agreement on the labour activity of citizens"


def test_documents_on_procedure_and_navigation_are_named_in_english() -> None:
    """'меморандум о привлечении инвестиций', 'соглашение о проходе судов по течению реки':
    the glossary's verbal nouns of procedure and navigation (not 'privlechenie', 'prokhod')."""
    titles = {
        a.title
        for a in _agreements(
            "Россия и Монголия провели переговоры. Стороны подписали меморандум о привлечении "
            "инвестиций и соглашение о проходе судов по течению реки.",
            "2031-10-03",
        )
    }
    assert "memorandum on the attraction of investments" in titles
    assert not [t for t in titles if "privlechenie" in t or "prokhod" in t or "techenie" in t]


def test_a_regions_government_is_no_field_and_a_field_of_cooperation_still_is() -> None:
    """'правительство области' is a region's government; 'в области образования' a field."""
    titles = {
        a.title
        for a in _agreements(
            "По итогам визита губернатора Андрея Травникова в Китай подписано соглашение между "
            "правительством области и китайской компанией Shaanxi Automobile Group о "
            "строительстве сборочного центра, а также меморандум о сотрудничестве России и "
            "Китая в области образования.",
            "2031-07-03",
        )
    }
    assert any(t.startswith("agreement between the government of the region") for t in titles)
    assert "memorandum on cooperation of Russia and China in the field of education" in titles
