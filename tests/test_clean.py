"""The cleaning stage (bilat.ingest.clean): what goes, what stays, offsets back to the original."""

from __future__ import annotations

import pickle
import re
from pathlib import Path

import pytest

from bilat.ingest.clean import CleanOptions, clean_article, load_rules
from bilat.ingest.language import detect_language
from bilat.records import Article, CleanDocument

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="shared seed articles not available")

P1 = "Russia and China signed a new trade agreement in Beijing on Tuesday."
P2 = "The deal covers energy, agriculture and transport, officials said."
P3 = "Trade between the two countries reached $245 billion last year."

# (rule, input text, expected clean text)
CASES = [
    (
        "chrome",
        f"Skip to main content\nAdvertisement\nLive broadcast\nMain slide\n\n{P1}\n",
        f"{P1}\n",
    ),
    ("article markers", f"Beginning of the article\n{P1}\n\n{P2}\n", f"{P1}\n\n{P2}\n"),
    ("text to speech", f"Озвучить текст\nListen\n\n{P1}\n", f"{P1}\n"),
    ("select important", f"Select important\nOn\nOff\n\n{P1}\n", f"{P1}\n"),
    ("comment counter", f"{P1}\n\n0\n{P2}\n", f"{P1}\n\n{P2}\n"),
    (
        "wire credits",
        f"{P1}\n\n{P2}\n\n(Reporting by Maria Silva in Brasilia; Additional reporting by Tom "
        "Brown; Editing by Jane Doe)\n--With assistance from Li Wen.\n(Updates with analyst "
        "comment in fourth paragraph)\n",
        f"{P1}\n\n{P2}\n",
    ),
    ("share", f"{P1}\n\nShare\n\n{P2}\n", f"{P1}\n\n{P2}\n"),
    (
        "endnotes",
        f"Eurasia Monitor Volume: 12 Issue: 7\n\n{P1}[1]\n\n{P3}\u00b2\n\n[1] See Anna Berg, "
        '"The Tenth Joint Patrol," Eurasia Monitor, May 2031.\n\u00b2 Ministry of Commerce, '
        "Export Import Data Bank.\n",
        f"{P1}[1]\n\n{P3}\u00b2\n",
    ),
    (
        "vote tallies",
        f"{P1}\n\nРезультаты голосования (14 час. 07 мин. 12 сек.)\nза – 156 чел. 92,9%\n"
        "против – 0 чел.\nвоздержалось – 0 чел.\nРешение: принято\n\n"
        "The House divided: Ayes 312, Noes 41.\n\n"
        "HEARING\nONE HUNDRED NINETEENTH CONGRESS\nFIRST SESSION\nSerial No. 119-TR04\n\n"
        f"{P2}\n",
        f"{P1}\n\nHEARING\n\n{P2}\n",
    ),
    ("subscribe", f"{P1}\n\nSubscribe to our Telegram channel\n", f"{P1}\n"),
    ("comments closed", f"{P1}\n\nComments are closed.", f"{P1}\n"),
    (
        "read more line",
        f"{P1}\n\nREAD MORE: Lukyanov: As the US and China collide\n\n{P2}\n",
        f"{P1}\n\n{P2}\n",
    ),
    (
        "read next line",
        f"{P1}\n\nRead next: Vietnam approves revised power plan\n\n{P2}\n",
        f"{P1}\n\n{P2}\n",
    ),
    (
        "read also list",
        f"{P1}\n\nRead also:\nPutin meets Xi in Beijing\nTrade hits a record\n\n{P2}\n",
        f"{P1}\n\n{P2}\n",
    ),
    (
        "most popular list",
        f"{P1}\n\nMost Popular\n- Exports rise 12% in Q2\n- Aramco signs a contract\n\n{P2}\n",
        f"{P1}\n\n{P2}\n",
    ),
    ("source line", f"{P1}\n\n{P2}\n\nSource: TASS\n", f"{P1}\n\n{P2}\n"),
    (
        "wire update note",
        f"{P1}\n\n(Rewrites lead with minister's comments; adds call in paragraphs 6-8)\n\n{P2}\n",
        f"{P1}\n\n{P2}\n",
    ),
    (
        "correction notes",
        "Corrected December 12, 2025 at 2:30 PM GMT\n\n"
        f"{P3}\n\n(This story has been corrected to show trade reached $245 billion, not $254 "
        "billion, in paragraph 3)\n\nCorrection: An earlier version of this article said the "
        "deal was signed on Monday. It was signed on Tuesday.\n\nThis story was updated to add "
        f"the minister's comments.\n\n{P1}\n",
        f"{P3}\n\n{P1}\n",
    ),
    (
        "a live page's correction notes on its entries",
        f"{P3}\n\nCorrection, 17 June: An earlier version of the 12:05 GMT entry misstated the "
        "sum as 1.5 billion dollars. It is 1.5 billion yuan.\n\nCorrection (Dec 05, 2025 10:40 "
        "PM IST): An earlier version of the 05:30 PM entry said trade was $65.7 billion.\n\n"
        "Correction: in the 15:10 entry, the line's length was earlier given as 126 km. The "
        f"correct length is 162 km.\n\n{P1}\n",
        f"{P3}\n\n{P1}\n",
    ),
    (
        "reading time",
        f"Reading time: 6 minutes\n5 min read\nВремя чтения: 4 минуты\n\n{P1}\n",
        f"{P1}\n",
    ),
    ("cookies", f"We use cookies to improve your experience on our site.\n\n{P1}\n", f"{P1}\n"),
    ("menu", f"Home\nNews\nWorld\nBusiness\nSport\nOpinion\n\n{P1}\n", f"{P1}\n"),
    ("photo label", f"Photo: Ivan Petrov\n\n{P1}\n", f"{P1}\n"),
    ("foto", f"{P1}\n\nfoto\n\n{P2}\n", f"{P1}\n\n{P2}\n"),
    ("agency credit", f"Sergey Guneev/RIA Novosti\n\n{P1}\n", f"{P1}\n"),
    ("site credit", f"{P1}\n\nАртем Дергунов / realnoevremya.ru\n\n{P2}\n", f"{P1}\n\n{P2}\n"),
    (
        "trailing credit",
        f"{P1} Ivan Petrov / example.ru. Иван Петров / example.ru\n\n{P2}\n",
        f"{P1}\n\n{P2}\n",
    ),
    ("verbatim repeat", f"{P1}\n\n{P2}\n\n{P1}\n\n{P3}\n", f"{P1}\n\n{P2}\n\n{P3}\n"),
    (
        "repeat with credit",
        f"{P1}\n\n{P2}\n\n{P1} Ivan Petrov / example.ru\n\n{P3}\n",
        f"{P1}\n\n{P2}\n\n{P3}\n",
    ),
    (
        "repeat, other quotes and spaces",
        f'“{P1}”\n\n{P2}\n\n"{P1}"  \n\n{P3}\n',
        f"“{P1}”\n\n{P2}\n\n{P3}\n",
    ),
    (
        "caption from earlier text",
        f"{P1} {P2}\n\n{P3}\n\n{P2} Ivan Petrov / example.ru\n",
        f"{P1} {P2}\n\n{P3}\n",
    ),
    (
        "title twice",
        f"Russia and China issue roadmap\n\n0\nRussia and China issue roadmap\n\n{P1}\n",
        f"Russia and China issue roadmap\n\n{P1}\n",
    ),
    (
        "yandex footer",
        f"{P1}\n\nПереведено сервисом «Яндекс Переводчик»\n\nLive broadcast",
        f"{P1}\n",
    ),
    (
        "machine translation note",
        f"Title\n\nNote: this is a machine translation from the original Russian text\n\n{P1}\n",
        f"Title\n\n{P1}\n",
    ),
    ("google footer", f"{P1}\nTranslated by Google\n", f"{P1}\n"),
    (
        "dateline marker",
        f" date 2025-08-22 “Good neighbours”\n\n{P1}\n",
        f"“Good neighbours”\n\n{P1}\n",
    ),
    ("pipe menu", f"Home | World | Economy | Opinion\n\n{P1}\n", f"{P1}\n"),
    ("share bar", f"{P1}\n\nShare this article: Telegram | VK | WhatsApp\n", f"{P1}\n"),
    (
        "read more on site",
        f"{P1}\n\nRead more on TASS:\nKremlin says no dates yet\nWheat exports hit record\n",
        f"{P1}\n",
    ),
    ("timestamps", f"24 FEB 2025, 17:52\nUpdated 18:10\n\n{P1}\n", f"{P1}\n"),
    ("published stamp", f"Title\nPublished: Feb 25, 2025 10:42 PM\n\n{P1}\n", f"Title\n\n{P1}\n"),
    ("crlf", f"Advertisement\r\n{P1}\r\n\r\nShare\r\n", f"{P1}\r\n"),
    (
        "byline after date and section",
        f"Title\n12 мая 2031 | Экономика | Текст: Ирина Соколова\n{P1}\n",
        f"Title\n{P1}\n",
    ),
    ("byline alone", f"Title\nText: Maria Lopez and Jan Novak\n\n{P1}\n", f"Title\n\n{P1}\n"),
    (
        "currency ticker",
        f"{P1}\nКурсы валют: USD 91,45 | EUR 99,12\nКурс ЦБ на 14.02: 1 USD = 12 950,17 сума\n",
        f"{P1}\n",
    ),
]

# Texts that must come through untouched: real sentences and content that look a bit like chrome.
UNTOUCHED = [
    f"{P1}\n\nSources:\n\n  • Official statements of the Foreign Ministries\n  • TASS, Interfax\n",
    f"{P1}\n\nИсточники:\n\n  • Материалы РИА Новости\n",
    "Source material on the talks is scarce, a diplomat said. The source declined to be named.\n",
    f"{P1}\n\nNote: The signing of most of the above agreements was officially confirmed.\n",
    "He agreed.\n\nThey talked.\n\nHe agreed.\n",
    "Scope of cooperation\n\nKey agreements (May 2025)\n\nPower engineering\n\n"
    "Trade and finance\n\nTechnology & Industry\n\nInfrastructure and logistics\n",
    "Listen to the people, he said. Share the burden, she replied.\n",
    "The triangle of Russia — China — USA\n\nWhat did they agree on?\n",
    f"{P1}\n\n\n\n{P2}\n",
    "| Year | Trade, $bn |\n| 2023 | 240 |\n| 2024 | 245 |\n",
    # a transcript's timecode is no endnote marker
    "[00:01:12] ANCHOR: Russia and China signed a new trade agreement in Beijing on Tuesday.\n",
    "[2] Russia and China signed a new trade agreement in Beijing on Tuesday.\n",
    # an endnote naming who said it keeps the speaker
    f"{P3}\u00b2\n\n\u00b2 Kremlin spokesman Dmitry Peskov, 15 January 2031.\n",
    "Chronology\n\n" + "x " * 200 + "\n\n24.02.2025\n\nThe leaders spoke by phone.\n",
    "",
    "   \n\n",
    # a live blog's timed correction is an entry of its own; a report's method note is text
    "10:31 CORRECTION: In the 09:40 entry, trade should read $24.8 billion, not $28.4 billion.\n",
    "This report was updated annually until 2022, when the customs service stopped publishing.\n",
    # a byline's word starting a sentence, or before no name
    "Text: the two sides agreed on a roadmap.\n",
    "Автор: неизвестен\n",
    # a vote told in a sentence is text
    "За проголосовали 156 сенаторов, против – 0 чел., решение принято единогласно.\n",
    "The first session of the commission was held in Moscow.\n",
    # a sentence on a rate is text, not a ticker
    "Exchange rate: the rouble fell 3% against the USD on Monday.\n",
]


def _article(text: str) -> Article:
    return Article(name="t.txt", origin="t.txt", text=text, kind="txt")


def _seed(prefix: str) -> Article:
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    return Article(
        name=path.name, origin=str(path), text=path.read_text(encoding="utf-8"), kind="txt"
    )


def assert_maps_back(doc: CleanDocument) -> None:
    """Every clean character is the identical original character; removed + kept = original."""
    original = doc.article.text
    for i, char in enumerate(doc.clean_text):
        assert original[doc.offsets.to_original(i)] == char, i
    pos, kept = 0, []
    for start, end, reason in doc.removed:
        assert pos <= start < end <= len(original), (start, end, reason)
        kept.append(original[pos:start])
        pos = end
    kept.append(original[pos:])
    assert "".join(kept) == doc.clean_text


@pytest.mark.parametrize(("rule", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_rule(rule: str, text: str, expected: str) -> None:
    doc = clean_article(_article(text))
    assert doc.clean_text == expected
    assert_maps_back(doc)


@pytest.mark.parametrize("text", UNTOUCHED)
def test_content_is_kept(text: str) -> None:
    doc = clean_article(_article(text))
    assert doc.clean_text == (text if text.strip() else "")
    assert not [r for r in doc.removed if r[2] != "whitespace"]
    assert_maps_back(doc)


@pytest.mark.parametrize(
    ("text", "reasons"),
    [
        (f"Photo: Ivan Petrov\n\n{P1}\n", {"credit", "whitespace"}),
        (f"{P1}\n\n{P1}\n", {"repeated paragraph", "whitespace"}),
        (f"{P1}\n\nREAD MORE: x\n", {"related links", "whitespace"}),
        (
            f"{P1}\n\nПереведено сервисом «Яндекс Переводчик»",
            {"machine-translation footer", "whitespace"},
        ),
        (f"Advertisement\n{P1}", {"boilerplate"}),
        (f"Home\nNews\nWorld\nBusiness\nSport\n\n{P1}", {"menu", "whitespace"}),
        (f" date 2025-08-22 {P1}", {"dateline"}),
        (
            f"{P3}\n\nCorrection: An earlier version of this story misstated it.",
            {"correction note", "whitespace"},
        ),
    ],
)
def test_removed_ranges_carry_a_reason(text: str, reasons: set[str]) -> None:
    assert {r[2] for r in clean_article(_article(text)).removed} == reasons


@pytest.mark.parametrize(
    ("disabled", "text"),
    [
        ("site-chrome", f"Advertisement\n{P1}\n"),
        ("repeats", f"{P1}\n\n{P1}\n"),
        ("dateline", f" date 2025-08-22 {P1}\n"),
        ("menus", f"Home\nNews\nWorld\nBusiness\nSport\n\n{P1}\n"),
        ("credits", f"{P1} Ivan Petrov / example.ru\n"),
    ],
)
def test_rules_can_be_switched_off(disabled: str, text: str) -> None:
    doc = clean_article(_article(text), CleanOptions(disabled=frozenset({disabled})))
    assert doc.clean_text == text


def test_clean_document_fields() -> None:
    article = Article(
        name="a", origin="a", text=f" date 2025-08-22 Title\n\n{P1} {P2}\n", kind="txt"
    )
    doc = clean_article(article)
    assert doc.article is article
    assert doc.published == "2025-08-22"
    assert doc.language == "en"
    stated = clean_article(
        Article(name="a", origin="a", text=P1, kind="txt", published="2024", language="ru")
    )
    assert (stated.published, stated.language) == ("2024", "ru")


def test_options_and_stage_pickle() -> None:
    options = CleanOptions(disabled=frozenset({"menus"}))
    assert pickle.loads(pickle.dumps(options)) == options
    assert pickle.loads(pickle.dumps(clean_article)) is clean_article


def test_every_rule_names_a_reason() -> None:
    rules = load_rules()
    assert rules.line_rules
    assert all(r.name and r.reason for r in rules.line_rules)


# --- the seed articles ---------------------------------------------------------------------

SENTENCE = re.compile(r"\S[^.!?]*(?:[.!?]+[\"”»)]*|$)")
WHOLE_DROPS = {"repeated paragraph", "caption"}


def _digit_sentences(text: str) -> list[tuple[int, int]]:
    spans = []
    for line in re.finditer(r"[^\n]+", text):
        for m in SENTENCE.finditer(line.group()):
            if re.search(r"\d", m.group()) and len(m.group().split()) >= 3:
                spans.append((line.start() + m.start(), line.start() + m.end()))
    return spans


@needs_seeds
@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seed_maps_back_and_keeps_facts(prefix: str) -> None:
    doc = clean_article(_seed(prefix))
    assert_maps_back(doc)
    original = doc.article.text
    checked = 0
    for start, end in _digit_sentences(original):
        hits = {r for s, e, r in doc.removed if s < end and start < e}
        sentence = original[start:end]
        if not hits:
            assert sentence in doc.clean_text
            checked += 1
        elif hits <= WHOLE_DROPS:  # inside a dropped repeat: dropped whole, kept elsewhere
            assert all(s <= start and end <= e for s, e, _r in doc.removed if s < end and start < e)
        else:
            assert hits == {"dateline"}, (sentence, hits)
            assert sentence.split("2025-08-22", 1)[1].strip() in doc.clean_text
    assert checked >= 3


@needs_seeds
@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seed_removals_are_short_lines_or_repeats(prefix: str) -> None:
    doc = clean_article(_seed(prefix))
    for start, end, reason in doc.removed:
        if reason not in WHOLE_DROPS:
            assert end - start <= 200, (reason, doc.article.text[start:end])


@needs_seeds
def test_seed_000_chrome_and_translation_footer() -> None:
    doc = clean_article(_seed("000"))
    for chrome in (
        "Skip to main content",
        "Advertisement",
        "Live broadcast",
        "Main slide",
        "Озвучить текст",
        "Select important",
        "Переведено сервисом",
    ):
        assert chrome not in doc.clean_text
    assert doc.clean_text.startswith(
        "Russia and China will modernize border checkpoints and expand the list of transported "
        "goods, according to a communique following the 30th regular meeting"
    )
    assert re.search(r"^Off$", doc.clean_text, re.MULTILINE) is None


@needs_seeds
def test_seed_001_repeats_and_credits() -> None:
    doc = clean_article(_seed("001"))
    for start in (
        "The speech of the federal Minister of Industry and Trade Anton Alikhanov",
        "After such a reprimand, the moderator of the session",
        "The forum itself became a kind of rehearsal",
    ):
        assert doc.clean_text.count(start) == 1, start
    assert "realnoevremya.ru" not in doc.clean_text
    assert "Дергунов" not in doc.clean_text
    assert "Artem Dergunov" not in doc.clean_text
    assert not doc.clean_text.startswith(" date")
    assert doc.clean_text.startswith("“Russia and China, like good neighbors, cannot be separated”")
    assert doc.published == "2025-08-22"
    assert "\n\nThe speech of the federal Minister" in doc.clean_text  # paragraphs stay apart


@needs_seeds
def test_seed_002_footer_read_more_and_title() -> None:
    doc = clean_article(_seed("002"))
    assert "Comments are closed." not in doc.clean_text
    assert "READ MORE:" not in doc.clean_text
    assert doc.clean_text.count("Russia and China issue roadmap for relations") == 1
    assert doc.clean_text.startswith("Russia and China issue roadmap for relations\n\nChinese")
    assert doc.clean_text.rstrip().endswith("approach to ending the hostilities.")


@needs_seeds
def test_seed_003_analytical_report_is_untouched() -> None:
    doc = clean_article(_seed("003"))
    assert doc.clean_text == doc.article.text
    assert "Источники:" in doc.clean_text


@needs_seeds
def test_seed_004_credit_and_translation_note() -> None:
    doc = clean_article(_seed("004"))
    assert "Sergey Guneev/RIA Novosti" not in doc.clean_text
    assert "machine translation" not in doc.clean_text
    assert "\nfoto\n" not in doc.clean_text
    assert doc.clean_text.startswith("Moscow and Beijing are global partners\n\nThe Chinese leader")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"{P1} {P2} {P3}", "en"),
        ("Россия и Китай подписали новое торговое соглашение в Пекине во вторник.", "ru"),
        ("中国和俄罗斯周二在北京签署了一项新的贸易协定，涵盖能源、农业和交通运输。", "zh"),
        ("Putin met Xi.", None),
        ("", None),
        ("2025-08-22 86% $245", None),
    ],
)
def test_detect_language(text: str, expected: str | None) -> None:
    assert detect_language(text) == expected
