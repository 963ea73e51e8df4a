"""Interviews told as questions and answers: the introduction names the interviewee ("X, in
an interview with TASS, spoke about ...", "Y рассказал «Известиям»"); in each answer "I" is
he, in each question "you" ("вы") is he; what the introduction says the interview is about
("spoke about ... upcoming contacts at the top level") is no contact. Pages written for these
tests."""

from __future__ import annotations

from tests.conftest import extract_text


def _events(text: str, published: str) -> set[tuple[str, str | None, frozenset[str]]]:
    return {
        (e.mode, e.date, frozenset(e.participants)) for e in extract_text(text, published).events
    }


ENGLISH = (
    "Kyrgyzstan eyes more Chinese investment: minister\n\n"
    "Kyrgyz Economy Minister Daniyar Amangeldiev spoke with Xinhua reporters about "
    "investment, transit and upcoming contacts at the top level.\n\n"
    "Xinhua: How is the railway project going?\n\n"
    "Construction will start next year. In March I was in Beijing and held talks with "
    "Commerce Minister Wang Wentao on the financing.\n\n"
    "Xinhua: What about trade?\n\n"
    "Trade grew by 12% last year.\n"
)


def test_i_in_an_answer_is_the_interviewee() -> None:
    events = _events(ENGLISH, "2027-05-20")
    assert ("meeting", "2027-03", frozenset({"Daniyar Amangeldiev", "Wang Wentao"})) in events


def test_what_the_interview_is_about_is_no_contact() -> None:
    events = _events(
        "MOSCOW, March 3. /TASS/. Russia's Ambassador to China Igor Morgulov, in an interview "
        "with TASS, spoke about last year's results, upcoming contacts at the top level and "
        "the problems with payments.\n\n"
        "- Mr. Ambassador, how did trade do last year?\n"
        "- It grew by 2%.\n\n"
        "- And payments?\n"
        "- They are improving.\n",
        "2027-03-03",
    )
    assert events == set()


def test_you_in_a_russian_question_is_the_interviewee() -> None:
    events = _events(
        "МОСКВА, 20 мая — РИА Новости. Глава «Росатома» Алексей Лихачев в интервью РИА Новости "
        "рассказал о проектах в Турции и переговорах о новых блоках.\n\n"
        "— В апреле вы встречались в Анкаре с министром энергетики Турции Алпарсланом "
        "Байрактаром. О чем договорились?\n"
        "— Мы обсудили сроки пуска первого блока.\n\n"
        "— Когда пуск?\n"
        "— В следующем году.\n",
        "2027-05-20",
    )
    assert ("meeting", "2027-04", frozenset({"Alexey Likhachev", "Alparslan Bayraktar"})) in events
    assert len(events) == 1
