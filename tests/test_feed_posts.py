"""Pages of posts: a channel's emoji glued to a name ("❗️Путин и Си ...") hides no one, a
post's date on a line of its own dates what the post tells (the report's day is the post's),
a date inside "после того, как ..." is what the trip came after, and "опровергли
публикации ... о том, что ... готовит учения" is no exercise. Posts written for these tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.conftest import extract_text, extracted_store


def _ingested(tmp_path: Path, text: str, published: str) -> Any:
    """The extraction of a page ingested as a reader's file is (cleaned first)."""
    folder = tmp_path / "in"
    folder.mkdir()
    page = {"url": "http://x/p", "title": "", "source": "x", "published": published, "text": text}
    (folder / "p.json").write_text(json.dumps(page, ensure_ascii=False), encoding="utf-8")
    with extracted_store(folder, tmp_path / "s.db") as store:
        [doc] = list(store.documents())
        return store.load_extraction(doc.id)


def _events(text: str, published: str) -> list[tuple[str, str, str | None, frozenset[str]]]:
    return [
        (e.mode, e.status, e.date, frozenset(e.participants))
        for e in extract_text(text, published).events
    ]


def test_an_emoji_glued_to_a_name_hides_no_one(tmp_path: Path) -> None:
    ext = _ingested(
        tmp_path,
        "❗️Путин и Си Цзиньпин провели переговоры по видеосвязи\n\nЛидеры обсудили торговлю.",
        "2025-01-22",
    )
    [event] = ext.events
    assert (event.mode, set(event.participants)) == ("video", {"Vladimir Putin", "Xi Jinping"})
    assert event.evidence.quote.startswith("Путин и Си Цзиньпин")


def test_a_posts_own_date_dates_what_it_tells(tmp_path: Path) -> None:
    filler = "Канал о российско-азиатских связях. " * 14  # the posts start past the page's head
    events = _ingested_events(
        tmp_path,
        f"Восток — Москва\n\n{filler}\n\n3 марта 2025\n\n"
        "Министр иностранных дел России Сергей Лавров прилетел в Ханой. Завтра — переговоры "
        "с министром иностранных дел Вьетнама Буй Тхань Шоном.\n\n"
        "5 марта 2025\n\nЛавров вернулся в Москву.",
        "2025-03-05",
    )
    assert ("visit", "occurred", "2025-03-03", frozenset({"Sergey Lavrov", "Vietnam"})) in events
    assert [d for m, _, d, _ in events if m == "visit"] == ["2025-03-03"]


def _ingested_events(
    tmp_path: Path, text: str, published: str
) -> list[tuple[str, str, str | None, frozenset[str]]]:
    ext = _ingested(tmp_path, text, published)
    return [(e.mode, e.status, e.date, frozenset(e.participants)) for e in ext.events]


def test_a_date_after_posle_togo_kak_is_no_date_of_the_trip() -> None:
    events = _events(
        "Сергей Лавров прилетел в Пхеньян. Это первая поездка главы МИД России в КНДР после "
        "того, как в июне прошлого года был подписан Договор о партнёрстве.",
        "2025-07-12",
    )
    assert {d for m, _, d, _ in events if m == "visit"} == {"2025-07-12"}


def test_denied_publications_tell_no_exercise() -> None:
    events = _events(
        "В МИД КНР опровергли публикации японских СМИ о том, что Пекин якобы готовит "
        "трёхсторонние учения с Россией и КНДР.",
        "2025-07-12",
    )
    assert events == []


def test_a_date_after_s_tekh_por_kak_is_no_date_of_the_trip() -> None:
    events = _events(
        "Сергей Лавров прилетел в Пхеньян — впервые с тех пор, как в июне прошлого года был "
        "подписан Договор о партнёрстве.",
        "2025-07-12",
    )
    assert {d for m, _, d, _ in events if m == "visit"} == {"2025-07-12"}


def test_a_social_posts_header_line_dates_the_post() -> None:
    """Posts copied from an account's page: 'Embassy of Chile 🇨🇱 @EmbChile · Mar 3, 2031 ·
    6:48 PM' and '@EmbChile 2031-03-04 20:05' head each post; 'Today ... held talks' is
    that day, not the page's (the day of its last post), and a handle's digits are no
    year."""
    text = (
        "Embassy of Chile (@EmbChile) — posts, 2–5 March 2031\n\n"
        "Embassy of Chile 🇨🇱 @EmbChile · Mar 3, 2031 · 6:48 PM\n"
        "1/2 Today in Beijing Chilean President Gabriel Boric held talks with Chinese "
        "President Xi Jinping.\n"
        "2/2 The two presidents witnessed the signing of 12 documents. #ChileChina\n\n"
        "@EmbChile2029 2031-03-04 20:05\n"
        "Chinese Premier Li Qiang met President Boric in Beijing today.\n\n"
        "Embassy of Chile 🇨🇱 @EmbChile · Mar 5, 2031 · 9:20 AM\n"
        "Thank you, Beijing! 🙏"
    )
    got = {(e.mode, e.participants, e.date) for e in extract_text(text, "2031-03-05").events}
    assert ("meeting", ("Gabriel Boric", "Xi Jinping"), "2031-03-03") in got
    assert ("meeting", ("Li Qiang", "Gabriel Boric"), "2031-03-04") in got
