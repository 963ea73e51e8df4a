"""Russian reports name bodies as sources in their own ways ("В Минпромторге рассчитывают",
"сообщила пресс-служба Минэнерго", "из данных ГТУ КНР", "согласовывает с ..."); a name in
an adjectival case form ("Главным таможенным управлением") is the gazetteer's; a reporter's
signature under the text and a transcript's form of address are no actors."""

from __future__ import annotations

import pytest
from tests.conftest import extract_text


def _names(text: str) -> set[str]:
    return {a.name for a in extract_text(text, "2025-06-10").actors}


@pytest.mark.parametrize(
    ("sentence", "body"),
    [
        ("В Минсельхозе, впрочем, рассчитывают, что экспорт вырастет.",
         "Ministry of Agriculture of the Russian Federation"),
        ("Поставки выросли, сообщила пресс-служба Минэнерго.",
         "Ministry of Energy of the Russian Federation"),
        ("Экспорт вырос на 5%, следует из данных Главного таможенного управления КНР.",
         "General Administration of Customs of the People's Republic of China"),
        ("Россельхознадзор согласовывает с Главным таможенным управлением КНР протокол.",
         "General Administration of Customs of the People's Republic of China"),
        ("Как сообщили в Россельхознадзоре, экспорт зерна растет.",
         "Federal Service for Veterinary and Phytosanitary Surveillance"),
    ],
)  # fmt: skip
def test_a_body_cited_once_is_an_actor(sentence: str, body: str) -> None:
    assert body in _names(f"Торговля России и Китая растет. {sentence}")


def test_a_signature_and_a_form_of_address_are_no_actors() -> None:
    names = _names(
        "Переговоры в Кремле\n\nВладимир Путин провёл переговоры с Президентом Таджикистана "
        "Эмомали Рахмоном.\n\nВ.Путин: Уважаемый Эмомали Шарифович! Рад Вас видеть.\n\n"
        "Э.Рахмон: Спасибо.\n\nАнна Смирнова"
    )
    assert "Vladimir Putin" in names
    assert not {n for n in names if "Смирнова" in n or "Уважаем" in n or "Шарифович" in n}


def test_a_transcripts_address_the_model_leaves_out_of_the_name_is_no_actor() -> None:
    # a Federation Council stenogram: the chair addressed by name and patronymic, the model
    # tagging "Валентина Ивановна" without "Уважаемая"
    names = _names(
        "Председательствующий. Слово предоставляется Григорию Борисовичу Карасину.\n\n"
        "Г. Б. Карасин. Уважаемая Валентина Ивановна! Уважаемые коллеги! Россия и Иран "
        "подписали договор о всеобъемлющем стратегическом партнёрстве."
    )
    assert not {n for n in names if "Valentina" in n or "Валентина" in n}


def test_a_name_with_a_patronymic_is_also_known_without_it() -> None:
    x = extract_text(
        "Слово предоставляется Григорию Борисовичу Карасину. Россия и Иран подписали договор.",
        "2025-04-16",
    )
    (karasin,) = [a for a in x.actors if "Karasin" in a.name]
    assert {"Grigory Karasin", "Григорий Карасин"} <= set(karasin.aliases)


@pytest.mark.parametrize("signature", ["Павел Зуев, Ханой", "Материал подготовила Анна Лебедева"])
def test_a_signature_with_a_place_or_a_credit_is_no_actor(signature: str) -> None:
    names = _names(f"Россия и Вьетнам подписали соглашение о торговле.\n\n{signature}")
    assert not {n for n in names if "Зуев" in n or "Лебедева" in n}


@pytest.mark.parametrize(
    ("sentence", "body"),
    [
        ("Народный банк Китая и Банк России обсуждают расчеты.", "People's Bank of China"),
        ("В пресс-службе ВТБ опровергли эту информацию.", "VTB Bank"),
        ("Минфин США пригрозил вторичными санкциями иностранным банкам.",
         "United States Department of the Treasury"),
        ("Делегация ВСНП прибыла в Москву.", "National People's Congress"),
        ("Коммунистическая партия Китая и \"Единая Россия\" провели форум.",
         "Communist Party of China"),
        ("Коммунистическая партия Китая и \"Единая Россия\" провели форум.", "United Russia"),
        ("Грузы идут по мосту Нижнеленинское - Тунцзян.",
         "Nizhneleninskoye–Tongjiang railway bridge"),
    ],
)  # fmt: skip
def test_bodies_banks_and_bridges_named_only_in_russian(sentence: str, body: str) -> None:
    """The gazetteer's major bodies, banks and border projects by their Russian names."""
    assert body in _names("Россия и Китай развивают сотрудничество. " + sentence)
