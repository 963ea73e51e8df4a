"""The Russian mention layer: lemmas, names in every case, numbers, periods, titles, datelines.

Each case is a sentence written for these tests; the stages under test are the shared ones,
reached through a Russian document (`language = ru`).
"""

from __future__ import annotations

import pytest

from bilat.extract.actors_ru import find_bodies
from bilat.extract.gazetteer import Gazetteer, default_gazetteer
from bilat.extract.gazmatch import find_gazetteer_mentions
from bilat.extract.nlp_ru import lemma, parse_ru
from bilat.extract.numbers import find_quantities
from bilat.extract.roles_ru import find_role_phrases_ru
from bilat.extract.temporal import find_time_expressions
from bilat.extract.wordre import mostly_cyrillic
from bilat.ingest.implied_date import implied_published
from conftest import extract_russian


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return default_gazetteer()


def test_lemmas_fold_case_forms() -> None:
    assert lemma("Путиным") == lemma("Путина") == "путин"
    assert lemma("Китаем") == lemma("Китая") == "китай"


@pytest.mark.parametrize(
    ("text", "gid"),
    [
        ("Переговоры с Си Цзиньпином прошли в Кремле.", "xi-jinping"),
        ("Визит Владимира Путина завершился.", "vladimir-putin"),
        ("Делегация Поднебесной прибыла в Москву.", "CN"),
        ("Торговля с КНР выросла.", "CN"),
        ("Контракт подписан с «Газпромом».", "gazprom"),
        ("Поставки по «Силе Сибири» выросли.", "power-of-siberia"),
        ("По данным главного таможенного управления КНР, экспорт вырос.", "china-customs"),
        # a surname pymorphy3 reads in the genitive as a place ("Мантурово")
        ("Состоялась видеоконференция Мантурова с министром.", "denis-manturov"),
        ("Визит Дениса Мантурова завершился.", "denis-manturov"),
        ("Делегация Россельхознадзора прибыла в Пекин.", "rosselkhoznadzor"),
        ("Средства вложил Российский фонд прямых инвестиций.", "rdif"),
    ],
)
def test_every_case_form_finds_the_canonical_entry(gaz: Gazetteer, text: str, gid: str) -> None:
    found = {e.gid for g in find_gazetteer_mentions(gaz, parse_ru(text)) for e in g.entries}
    assert gid in found


def test_english_text_is_not_read_as_russian() -> None:
    assert not mostly_cyrillic("Trade reached $245 billion, Путин said.")
    assert mostly_cyrillic("Товарооборот достиг $245 млрд, сообщил Путин.")


@pytest.mark.parametrize(
    ("text", "value", "unit", "per", "qualifier"),
    [
        (
            "Товарооборот составил 153,938 миллиарда долларов.",
            153_938_000_000,
            "USD",
            None,
            "exact",
        ),
        ("Экспорт превысил 1 234,5 млрд рублей.", 1_234_500_000_000, "RUB", None, "at_least"),
        ("Поставки достигли 22,7 млрд куб. м в год.", 22_700_000_000, "m3", "year", "exact"),
        ("Импорт составил около 1,98 млн баррелей в сутки.", 314_794.26, "m3", "day", "approx"),
        ("Объем вырос почти до 8,4 млн тонн.", 8_400_000, "t", None, "exact"),
        ("Торговля выросла на 9,1%.", 9.1, "percent", None, "exact"),
        ("Товарооборот вырос в 1,5 раза.", 50, "percent", None, "exact"),
        ("В порт зашли два корвета.", 2, "count", None, "exact"),
        ("Компания ежегодно поставляет 38 млрд кубометров газа.", 38e9, "m3", "year", "exact"),
        # fractions in every case, the multi-word ones read whole (not a count of two)
        ("На Китай приходится около трети оборота.", 33.3, "percent", None, "approx"),
        ("Экспорт вырос на две трети.", 66.7, "percent", None, "approx"),
        ("Более половины экспорта идет в Китай.", 50, "percent", None, "at_least"),
    ],
)
def test_russian_numbers(
    text: str, value: float, unit: str, per: str | None, qualifier: str
) -> None:
    (q,) = find_quantities(text)
    assert (q.unit, q.per, q.qualifier) == (unit, per, qualifier)
    assert q.value == pytest.approx(value, rel=1e-6)
    assert text[q.start : q.end] == q.text


@pytest.mark.parametrize(
    "text", ["главы двух государств встретились", "учения продлятся три года", "26-е заседание"]
)
def test_the_pair_spans_of_years_and_ordinals_are_no_figures(text: str) -> None:
    assert find_quantities(text) == []


@pytest.mark.parametrize(
    ("text", "published", "date", "period"),
    [
        ("за девять месяцев 2022 года товарооборот вырос", "2022-12-02", None, "2022-01..2022-09"),
        (
            "По итогам десяти прошедших месяцев торговля выросла",
            "2022-11-07",
            None,
            "2022-01..2022-10",
        ),
        ("в январе–октябре 2024 года экспорт вырос", None, "2024-01", "2024-01..2024-10"),
        ("Только за октябрь 2022 года торговля выросла", None, "2022-10", "2022-10..2022-10"),
        ("по итогам первого полугодия 2023 года", None, "2023", "2023-H1"),
        ("в третьем квартале прошлого года", "2025-05-01", "2024", "2024-Q3"),
        # a quarter by its number: Roman or with its ending
        ("доля юаня в I квартале 2031 года составила", None, "2031", "2031-Q1"),
        ("во 2-м квартале 2029 года экспорт вырос", None, "2029", "2029-Q2"),
        ("Переговоры прошли в феврале этого года", "2022-11-07", "2022-02", "2022-02..2022-02"),
        ("Учения начнутся 15 июля", "2024-07-13", "2024-07-15", None),
        ("в минувший вторник лидеры провели переговоры", "2024-11-07", "2024-11-05", None),
        ("в прошлом месяце импорт вырос", "2022-06-20", "2022-05", "2022-05..2022-05"),
        # "минувший" said on that weekday: a week before; relative weeks and months
        ("в минувшую пятницу прошли переговоры", "2031-11-14", "2031-11-07", None),
        ("заседание пройдет на следующей неделе", "2031-11-14", "2031-11", None),
        ("на прошлой неделе делегация посетила Харбин", "2031-12-02", "2031-11", None),
        ("визит намечен на следующем месяце", "2031-12-02", "2032-01", "2032-01..2032-01"),
        ("Лидеры проведут переговоры в среду", "2024-09-05", "2024-09-11", None),
        # a plan on the publication's own weekday is that day, as "on Wednesday" is
        ("Позднее в среду Ли Цян встретится с Путиным", "2024-08-21", "2024-08-21", None),
        ("В следующую среду Ли Цян встретится с Путиным", "2024-08-21", "2024-08-28", None),
        ("Турпоток за прошлый год вырос", "2024-03-14", "2023", "2023"),
        ("Соглашение подписали в ноябре", "2025-03-10", "2024-11", "2024-11..2024-11"),
        # since the start of the year: January to the publication month (an earlier year:
        # that year to the publication year)
        ("С начала года экспорт вырос на 5%", "2031-05-20", "2031-01", "2031-01..2031-05"),
        ("с начала текущего года поставки выросли", "2031-09-02", "2031-01", "2031-01..2031-09"),
        ("с начала 2029 года поставки выросли", "2031-09-02", "2029", "2029..2031"),
        ("В первой половине 2029 года экспорт вырос", None, "2029", "2029-H1"),
        ("До конца года запланировано патрулирование", "2031-05-20", "2031", "2031"),
        ("по итогам года поездок будет 3 млн", "2031-05-20", "2031", "2031"),
        ("во второй половине прошлого года", "2031-09-02", "2030", "2030-H2"),
        # a season: the year it last came (for a plan, the next: bilat.extract.event_dates)
        ("прошлой осенью делегация посетила Пекин", "2031-05-20", "2030", None),
        ("зимой делегация посетила Харбин", "2031-05-20", "2030", None),
        ("весной делегация посетила Харбин", "2031-05-20", "2031", None),
        ("визит запланирован на следующий месяц", "2031-11-17", "2031-12", "2031-12..2031-12"),
        # "с ... по ...": one span of months (not a January, then a September)
        ("с января по сентябрь через мост прошло", "2031-10-13", "2031-01", "2031-01..2031-09"),
        ("С февраля по май 2029 года экспорт вырос", None, "2029-02", "2029-02..2029-05"),
        # a split fiscal or marketing year: a year range (GOLD v1.1), not a year of its own
        ("Экспорт в 2029/30 финансовом году вырос", "2031-05-20", "2029", "2029..2030"),
        ("в 2028/2029 сельскохозяйственном сезоне", None, "2028", "2028..2029"),
    ],
)
def test_russian_dates_and_periods(
    text: str, published: str | None, date: str | None, period: str | None
) -> None:
    (t,) = find_time_expressions(text, published)
    assert (t.date, t.period) == (date, period)


@pytest.mark.parametrize(
    ("text", "published", "span", "period"),
    [
        (
            "Манёвры шли с 3 по 9 августа в Японском море",
            "2031-09-01",
            ("2031-08-03", "2031-08-09"),
            None,
        ),
        ("Ярмарка пройдет 4–6 июня", "2031-05-20", ("2031-06-04", "2031-06-06"), None),
        (
            "делегация работала в Харбине с 29 мая по 2 июня 2030 года",
            None,
            ("2030-05-29", "2030-06-02"),
            "2030-05..2030-06",
        ),
    ],
)
def test_russian_day_spans_are_one_span_not_figures(
    text: str, published: str | None, span: tuple[str, str], period: str | None
) -> None:
    (t,) = find_time_expressions(text, published)
    assert ((t.date, t.date_end), t.period) == (span, period)
    assert extract_russian(text, published).figures == ()  # neither day is a count


@pytest.mark.parametrize(
    ("text", "key", "country"),
    [
        ("сообщил вице-премьер РФ Дмитрий Чернышенко", "deputy_prime_minister", "RU"),
        ("встретился с министром иностранных дел КНР", "foreign_minister", "CN"),
        ("зампремьера Госсовета КНР Ху Чуньхуа", "deputy_prime_minister", "CN"),
        ("российский президент заявил", "head_of_state", "RU"),
        ("заявила официальный представитель МИД России", "foreign_ministry_spokesperson", "RU"),
        ("сообщил помощник президента РФ Юрий Ушаков", "presidential_aide", "RU"),
    ],
)
def test_russian_titles(gaz: Gazetteer, text: str, key: str, country: str) -> None:
    (rp,) = find_role_phrases_ru(parse_ru(text), gaz)
    assert (rp.key, rp.country) == (key, country)


def test_an_office_served_by_another_is_no_holder(gaz: Gazetteer) -> None:
    text = "сообщил пресс-секретарь президента РФ Дмитрий Песков"
    assert find_role_phrases_ru(parse_ru(text), gaz) == []


def test_plural_offices_name_no_single_holder(gaz: Gazetteer) -> None:
    assert find_role_phrases_ru(parse_ru("встреча глав правительств России и Китая"), gaz) == []


def test_tass_dateline_takes_the_year_the_text_states() -> None:
    text = "МОСКВА, 2 декабря. /ТАСС/. За девять месяцев 2022 года товарооборот вырос на 30%."
    found = implied_published(text)
    assert found is not None and found.date == "2022-12-02"


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "провели заседание Российско-Китайской комиссии по подготовке регулярных встреч.",
            "Российско-Китайской комиссии по подготовке регулярных встреч",
        ),
        (
            "на заседании межправительственной комиссии по энергетическому сотрудничеству, которое",
            "межправительственной комиссии по энергетическому сотрудничеству",
        ),
        (
            "российско-китайская рабочая группа по транспорту провела встречу",
            "российско-китайская рабочая группа по транспорту",
        ),
        ("Документы направили в комиссию по рассмотрению жалоб.", None),
        (  # a remit of hyphenated and listed modifiers, up to the relative clause
            "Заседание Российско-Монгольской межправительственной комиссии по "
            "торгово-экономическому, научно-техническому и культурному сотрудничеству, которую "
            "возглавляет вице-премьер, пройдет в июне.",
            "Российско-Монгольской межправительственной комиссии по торгово-экономическому, "
            "научно-техническому и культурному сотрудничеству",
        ),
        (  # a standing sub-commission by its remit alone
            "после заседания подкомиссии по военно-техническому сотрудничеству, которое прошло",
            "подкомиссии по военно-техническому сотрудничеству",
        ),
    ],
)
def test_bodies_named_by_their_remit(text: str, body: str | None) -> None:
    found = [m.name for m in find_bodies(parse_ru(text))]
    assert found == ([body] if body else [])


def test_talks_of_the_heads_of_the_countries_are_the_pairs_meeting() -> None:
    text = "Торговля выросла после переговоров глав стран, прошедших в феврале этого года."
    (event,) = extract_russian(text, "2022-11-07").events
    assert (event.mode, event.participants, event.date) == (
        "meeting",
        ("Russia", "China"),
        "2022-02",
    )


def test_a_shared_office_names_the_holder_the_article_named() -> None:
    text = (
        "Об этом сообщил вице-премьер РФ Дмитрий Чернышенко.\n\n"
        "Замглавы правительства РФ и зампремьера Госсовета КНР Ху Чуньхуа в режиме "
        "видеоконференции провели заседание."
    )
    ext = extract_russian(text, "2022-12-02")
    (event,) = ext.events
    assert event.mode == "video"
    assert event.participants == ("Dmitry Chernyshenko", "Hu Chunhua")
    chernyshenko = next(a for a in ext.actors if a.name == "Dmitry Chernyshenko")
    assert "Замглавы правительства РФ" in chernyshenko.aliases


def test_a_bare_scaled_number_in_a_trade_sentence_takes_the_articles_currency() -> None:
    text = (
        "Товарооборот России и Китая в 2021 году составил 146 млрд долларов.\n\n"
        "Лидеры поставили задачу увеличить товарооборот, удвоить его от 100 миллиардов "
        "до 200 миллиардов в год."
    )
    ext = extract_russian(text, "2022-03-01")
    levels = {(f.value, f.unit, f.per) for f in ext.figures}
    assert (100_000_000_000, "USD", "year") in levels
    targets = {(c.value, c.unit, c.per) for c in ext.commitments}
    assert targets == {(200_000_000_000, "USD", "year")}


def test_a_meeting_of_a_russian_named_joint_body_involves_both_states() -> None:
    """'на заседании российско-китайской комиссии': the compound adjective names the two
    states of the body that meets; the body names the parties as a person would."""
    text = (
        "Об этом сообщил вице-премьер Алексей Оверчук.\n\n"
        "«Работа идет», — сказал он на заседании российско-китайской подкомиссии по "
        "транспорту, которое прошло во вторник."
    )
    (event,) = extract_russian(text, "2025-04-10").events
    assert (event.mode, event.status, event.date) == ("meeting", "occurred", "2025-04-08")
    assert {"Russia", "China"} <= set(event.participants)


def test_a_sub_commission_of_a_joint_commission_is_one_body_that_meets() -> None:
    """'заседание подкомиссии по X Российско-китайской комиссии по Y': the sub-commission
    (its own words an alias), of the states its parent names; a later 'подкомиссии' is it."""
    text = (
        "Замминистра Иван Сидоров, который в среду провел в Казани заседание подкомиссии по "
        "энергетике Российско-китайской комиссии по экономическому сотрудничеству, "
        "сообщил о росте поставок. Следующее заседание подкомиссии пройдет в Китае в "
        "2028 году."
    )
    found = extract_russian(text, "2027-03-12")
    name = "подкомиссии по энергетике Российско-китайской комиссии по экономическому сотрудничеству"
    (body,) = [a for a in found.actors if a.type == "organization"]
    assert (body.name, body.aliases) == (name, ("подкомиссии по энергетике",))
    events = sorted((e.status, e.date, set(e.participants)) for e in found.events)
    assert [(s, d) for s, d, _p in events] == [("occurred", "2027-03-10"), ("planned", "2028")]
    assert all({name, "Russia", "China"} <= p for _s, _d, p in events)


def test_a_change_over_a_month_has_the_later_month_the_level_before_it_its_own() -> None:
    """'в марте ... на треть больше февральских 2,1 млн тонн': the change is March's; the
    February level right before its number is February's."""
    text = (
        "В марте Казахстан поставил в Китай 2,8 млн тонн пшеницы, что на треть больше "
        "февральских 2,1 млн тонн."
    )
    found = extract_russian(text, "2031-04-10").figures
    got = sorted((f.kind, f.value, f.period) for f in found)
    assert got == [
        ("amount", 2.1e6, "2031-02..2031-02"),
        ("amount", 2.8e6, "2031-03..2031-03"),
        ("change", 33.3, "2031-03..2031-03"),
    ], got


def test_the_same_period_of_last_year_is_what_a_change_is_told_against() -> None:
    """'на 11,6% меньше, чем за тот же период прошлого года': the period carried from the
    sentence before, not last year; 'за шесть месяцев' in an undated report is a span of
    time, no count of six."""
    text = (
        "В январе–сентябре через мост перевезли 1,2 млн тонн грузов. Это на 11,6% меньше, "
        "чем за тот же период прошлого года."
    )
    got = sorted((f.value, f.period) for f in extract_russian(text, "2031-10-13").figures)
    assert got == [(-11.6, "2031-01..2031-09"), (1.2e6, "2031-01..2031-09")], got
    undated = "За шесть месяцев через пункт пропуска проследовали 94 тыс. человек."
    assert [f.value for f in extract_russian(undated, None).figures] == [94_000]


def test_a_delegation_of_a_ministry_takes_part_as_the_ministry() -> None:
    """'делегация Минсельхоза примет участие в форуме': the ministry (gazetteer, Russian
    short name in any case) is the participant."""
    text = "В июне делегация Минсельхоза примет участие в Российско-китайском аграрном форуме."
    (event,) = extract_russian(text, "2031-04-10").events
    assert (event.mode, event.status) == ("multilateral", "planned")
    assert "Ministry of Agriculture of the Russian Federation" in event.participants


def test_a_targets_year_is_no_date_of_the_talks_that_set_it() -> None:
    """'договорились ... довести товарооборот до $300 млрд к 2030 году': 2030 is the target's
    deadline; the talks were held, not planned for 2030."""
    text = (
        "Россия и Китай договорились на переговорах в Пекине довести товарооборот до $300 млрд "
        "к 2030 году."
    )
    events = extract_russian(text, "2026-04-10").events
    assert not [e for e in events if e.date == "2030" or e.status == "planned"], events


def test_a_person_the_gazetteer_lacks_is_one_actor_in_every_case() -> None:
    """'с Ван Юном ... Ван Юн ... Ван Юна': one man, not three, under his name in pinyin with
    the Russian nominative as an alias."""
    text = (
        "Министр провел переговоры с замминистра торговли КНР Ван Юном. Ван Юн посетил "
        "Москву. Визит Ван Юна продлится три дня."
    )
    people = [a for a in extract_russian(text, "2031-04-10").actors if a.type == "person"]
    assert [(a.name, len(a.mentions)) for a in people] == [("Wang Yong", 3)]
    assert "Ван Юн" in people[0].aliases


def test_met_twice_is_two_meetings_and_a_meeting_during_a_visit_takes_its_month() -> None:
    """GOLD.md: 'met twice this year' is two events; 'в ходе визита … встретится' is a
    planned meeting of the visit, dated by it."""
    text = (
        "Председатель правительства России Михаил Мишустин прибыл в Пекин с визитом.\n\n"
        "В ходе визита в Пекин Мишустин также встретится с премьером Госсовета КНР Ли Цяном. "
        "Владимир Путин и Си Цзиньпин дважды встречались в этом году."
    )
    found = extract_russian(text, "2025-08-20").events
    events = sorted((e.mode, e.status, e.date, e.participants) for e in found)
    meetings = [e for e in events if e[0] == "meeting"]
    assert ("meeting", "planned", "2025-08", ("Mikhail Mishustin", "Li Qiang")) in meetings
    assert meetings.count(("meeting", "occurred", "2025", ("Vladimir Putin", "Xi Jinping"))) == 2


def test_met_twice_told_date_by_date_is_two_meetings_and_a_patrol_no_exercise() -> None:
    text = (
        "Главы правительств дважды встречались в прошлом году – в апреле в Пекине и в "
        "октябре в Москве. Отряд кораблей Тихоокеанского флота и ВМС НОАК завершил совместное "
        "морское патрулирование. В июле флоты двух стран провели совместные учения."
    )
    events = extract_russian(text, "2031-11-20").events
    assert sorted(e.date or "" for e in events if e.mode == "meeting") == ["2030-04", "2030-10"]
    assert len([e for e in events if e.mode == "military"]) == 2


def test_a_forum_the_delegation_will_take_part_in_is_planned_for_that_day() -> None:
    text = (
        "В четверг делегация примет участие в Российско-китайском форуме межрегионального "
        "сотрудничества."
    )
    (forum,) = extract_russian(text, "2031-03-12").events
    assert (forum.mode, forum.status, forum.date) == ("multilateral", "planned", "2031-03-13")


def test_initials_glued_to_the_surname_and_a_meeting_slated_for_a_month() -> None:
    text = (
        "12 марта состоялся телефонный разговор Министра иностранных дел Российской Федерации "
        "С.В.Лаврова с Министром иностранных дел Монголии Д.Ганзоригом. Стороны подтвердили "
        "заинтересованность в проведении 30-го заседания Российско-Монгольской "
        "межправительственной комиссии по торгово-экономическому сотрудничеству, которое "
        "намечено на апрель в Улан-Баторе."
    )
    events = {e.mode: e for e in extract_russian(text, "2031-03-12").events}
    call, meeting = events["call"], events["meeting"]
    assert (call.participants[0], len(call.participants), call.date) == (
        "Sergey Lavrov",
        2,  # and the Mongolian minister, whom the gazetteer does not know
        "2031-03-12",
    )
    assert (meeting.status, meeting.date) == ("planned", "2031-04")


def test_since_the_start_of_the_year_is_the_year_to_date_but_not_after_for_the_first_time() -> None:
    """'с начала года' measures January to the publication month; 'впервые с начала года'
    (the first time since) says when something last happened, not what a figure measures."""
    text = (
        "С начала года товарооборот России и Китая вырос на 4,2%.\n\n"
        "Цена впервые с начала года опустилась ниже 60 долларов за баррель."
    )
    got = {(f.value, f.period) for f in extract_russian(text, "2031-06-10").figures}
    assert (4.2, "2031-01..2031-06") in got
    assert (60, None) in got


def test_a_fall_told_by_a_gerund_or_in_the_present_is_negative() -> None:
    text = (
        "По итогам 2030 года товарооборот составил 228,1 млрд долларов, сократившись на 6,9%.\n\n"
        "Экспорт угля снижается на 3% в год."
    )
    changes = [f.value for f in extract_russian(text, "2031-01-20").figures if f.kind == "change"]
    assert changes == [-6.9, -3]


def test_a_russian_perfective_future_makes_the_event_planned() -> None:
    """'возглавит делегацию на выставке': a perfective non-past verb is the future, so the
    expo of 'в начале ноября' (after an October report) is next month's, still to come."""
    text = "В начале ноября Мантуров возглавит российскую делегацию на выставке в Шанхае."
    (event,) = extract_russian(text, "2031-10-30").events
    assert (event.mode, event.status, event.date) == ("multilateral", "planned", "2031-11")


@pytest.mark.parametrize(
    ("text", "visitor"),
    [
        # a delegation named by the body that sent it, or by its state's adjective, visits for
        # that body or state
        (
            "В прошлом месяце делегация Минэнерго посетила Пекин.",
            "Ministry of Energy of the Russian Federation",
        ),
        ("В прошлом месяце российская делегация посетила Пекин.", "Russia"),
    ],
)
def test_a_russian_delegation_visits_for_who_sent_it(text: str, visitor: str) -> None:
    (event,) = extract_russian(text, "2031-03-03").events
    assert (event.mode, event.date) == ("visit", "2031-02")
    assert visitor in event.participants


def test_a_person_after_a_title_of_a_known_body_belongs_to_its_state() -> None:
    """'глава Главного таможенного управления КНР Сунь Мэйцзюнь': the body inside the title is
    no actor of its own here, but it places the person the gazetteer does not know."""
    text = (
        "Глава Главного таможенного управления КНР Сунь Мэйцзюнь и глава Россельхознадзора "
        "Сергей Данкверт провели переговоры."
    )
    people = {a.name: a.country for a in extract_russian(text, "2031-03-03").actors}
    assert (people["Sun Meijun"], people["Sergei Dankvert"]) == ("CN", "RU")


def test_a_documents_year_and_the_meeting_a_visit_follows_date_no_event() -> None:
    """'соглашения ..., подписанного в 2019 году, ... Форума, который пройдет 2–3 октября':
    the forum is this October's, 2019 the agreement's; 'По итогам встречи Осипов ... в
    следующем месяце посетит Маньчжурию': the visit is next month's (the meeting is only
    what it follows)."""
    text = (
        "Губернатор Алтайского края Виктор Томенко в среду провел рабочую встречу с акимом "
        "Павлодарской области Казахстана Ерланом Жумабаевым. Стороны утвердили план по "
        "реализации соглашения о сотрудничестве, подписанного в 2019 году, и договорились "
        "продолжить разговор на полях Форума межрегионального сотрудничества России и "
        "Казахстана, который пройдет 2–3 октября в Омске. По итогам встречи Томенко принял "
        "приглашение и в следующем месяце посетит Казахстан с рабочим визитом."
    )
    found = extract_russian(text, "2031-07-10").events
    dates = {(e.mode, e.status, e.date) for e in found}
    assert ("multilateral", "planned", "2031-10-02") in dates, dates
    assert ("visit", "planned", "2031-08") in dates, dates


def test_the_eve_of_talks_dated_by_the_text_and_a_title_with_the_states_adjective() -> None:
    """'Накануне переговоров ... провели 29-е заседание': the day before the talks the text
    dates (Tuesday), not before a mention of them dated by the report ('заявил в ходе
    переговоров'); 'Глава китайского правительства прибыл в Москву': the Chinese premier."""
    text = (
        "Председатель правительства РФ Михаил Мишустин и премьер Госсовета КНР Ли Цян во "
        "вторник провели переговоры в Москве. «Мы довольны», - заявил Мишустин в ходе "
        "переговоров. Накануне переговоров вице-премьер РФ Дмитрий Чернышенко и вице-премьер "
        "Госсовета КНР Чжан Гоцин провели 29-е заседание комиссии по подготовке регулярных "
        "встреч глав правительств.\n\nГлава китайского правительства прибыл в Москву в "
        "понедельник с официальным визитом."
    )
    found = extract_russian(text, "2031-11-19").events
    shape = {(e.mode, e.date, frozenset(e.participants)) for e in found}
    assert ("meeting", "2031-11-17", frozenset({"Dmitry Chernyshenko", "Zhang Guoqing"})) in shape
    assert ("visit", "2031-11-17", frozenset({"Li Qiang", "Russia"})) in shape, shape


def test_a_deputy_of_the_head_of_the_chinese_government_is_not_the_premier() -> None:
    """'Заместитель главы китайского правительства' holds a lesser office: no Li Qiang."""
    found = extract_russian(
        "Заместитель главы китайского правительства прибыл в Москву в понедельник.", "2026-11-18"
    )
    assert "Li Qiang" not in {a.name for a in found.actors}


def test_active_verbs_sign_a_change_and_a_compared_share_keeps_its_own_period() -> None:
    """'Турция сократила закупки ... на 7,2%' is a fall (and 'нарастила ... на 4%' a rise);
    in 'составила 41,5% против 44,1% в январе-августе прошлого года' the period after the
    second share is that share's: the first is of the period told before."""
    ext = extract_russian(
        "Турция в январе-августе 2031 года сократила закупки российской пшеницы на 7,2%, до "
        "5,1 млн тонн, а Египет нарастила импорт на 4%. Доля России в импорте пшеницы Турцией "
        "за этот период составила 41,5% против 44,1% в январе-августе прошлого года.",
        "2031-09-20",
    )
    found = {f.value: f.period for f in ext.figures if f.unit == "percent"}
    assert -7.2 in found and 4.0 in found, found
    assert found[41.5] == "2031-01..2031-08" and found[44.1] == "2030-01..2030-08", found
