"""Batches of signed documents a Russian report does not list (the Russian side of
`bilat.extract.agreement_batches`): "подписали пакет из 12 документов", "будет подписано около
20 документов", "подписали 23 соглашения о сотрудничестве", "был подписан ряд документов о
сотрудничестве в сферах торговли ...", titled in English as annotators title them: the package,
the count, the documents' own words and what they cover, that they were (or are to be) signed,
and the occasion.

requires: DocContext.mentions, sentences, ctx.language == "ru"
assigns : nothing; returns Agreement records (evidence in clean-text offsets)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from bilat.extract.agreements import _about_pair, _parties
from bilat.extract.agreements_ru import _kind_at, _Name, _name, _status
from bilat.extract.context import DocContext, Sentence
from bilat.extract.phrases_ru import Token, plural, tokens
from bilat.records import Agreement, Evidence

__all__ = ["batch_ru"]


_NOUN_RU = r"(?P<noun>документ|соглашени|меморандум|договор|контракт)(?:ов|й|я|а|ы)\b"
_BATCH_RU = re.compile(
    r"(?<![\w-])(?P<package>пакет\w*\s+из\s+)?(?P<q>около|более\s+чем|более|свыше|порядка|"
    r"почти)?\s*(?P<n>\d{1,3}|двух|трех|четырех|пяти|шести|семи|восьми|девяти|десяти|"
    r"два|две|три|четыре|пять|шесть|семь|восемь|девять|десять)\s+(?!десят|сот|тысяч)"
    rf"(?:[а-яё-]+(?:,\s*|\s+и\s+|\s+)){{0,4}}?{_NOUN_RU}",
    re.I,
)
# not counted, known by what it covers: "был подписан ряд документов о сотрудничестве в ..."
_SOME_RU = re.compile(rf"(?<![\w-])(?P<package>ряд|пакет)\s+{_NOUN_RU}", re.I)
_ITEMISED_RU = re.compile(
    r"[^.;]{0,40}?(?:в\s+том\s+числе|включая|среди\s+них|среди\s+которых)", re.I
)
_SIGN_RU = re.compile(r"(?<![\w-])(?:подписа|подпиш)\w*", re.I)
_AND_NOUN_RU = re.compile(r"\s+и\s+(контракт|меморандум|соглашени|документ)\w*", re.I)
_ENGLISH = {"контракт": "contracts", "меморандум": "memoranda", "соглашени": "agreements",
            "документ": "documents"}  # fmt: skip
_WORDS = {"два": "two", "две": "two", "двух": "two", "три": "three", "трех": "three",
          "четыре": "four", "четырех": "four", "пять": "five", "пяти": "five", "шесть": "six",
          "шести": "six", "семь": "seven", "семи": "seven", "восемь": "eight",
          "восьми": "eight", "девять": "nine", "девяти": "nine", "десять": "ten",
          "десяти": "ten"}  # fmt: skip
# "по итогам заседания", "в ходе визита": the occasion, as the English title names it
_OCCASION_RU = re.compile(
    r"(?:по\s+итогам|в\s+ходе|на\s+полях|по\s+результатам|в\s+рамках)\s+(?:[а-яё-]+\s+){0,2}?"
    r"(?P<what>заседани|переговор|встреч|визит|форум|саммит|выставк|межправкомисси|сесси)\w*",
    re.I,
)
_AFTER_WHICH = re.compile(r"(?:по\s+итогам|в\s+ходе|на\s+полях)\s+котор\w+", re.I)
_OCCASION_NOUN = re.compile(
    r"(?<![\w-])(?P<what>заседани|переговор|встреч|визит|форум|саммит|выставк)\w*", re.I
)
_OCCASIONS = {"заседани": "meeting", "переговор": "talks", "встреч": "meeting",
              "визит": "visit", "форум": "forum", "саммит": "summit", "выставк": "exhibition",
              "межправкомисси": "intergovernmental commission meeting",
              "сесси": "session"}  # fmt: skip
_PRESENCE_RU = re.compile(r"в\s+(?:их\s+)?присутствии", re.I)
_BATCH_Q = {"около": "about", "более": "more than", "более чем": "more than",
            "свыше": "more than", "порядка": "about", "почти": "nearly"}  # fmt: skip


def batch_ru(ctx: DocContext, s: Sentence) -> Agreement | None:
    """The batch a sentence tells as signed or to be signed, counted or known by what it
    covers, unless the sentence goes on to name its documents ("в том числе соглашение")."""
    m = _BATCH_RU.search(s.text) or _SOME_RU.search(s.text)
    if m is None or not _SIGN_RU.search(s.text) or _ITEMISED_RU.match(s.text, m.end()):
        return None
    toks = tokens(s.text, [])
    name = _documents(toks, _token_at(toks, m.end("noun")), counted="n" in m.groupdict())
    if "n" not in m.groupdict() and " on " not in name.title:
        return None  # "ряд документов": which ones, the report does not tell
    status = _status(toks, name, "agreement")
    made = Agreement(
        title=_title(s.text, m, _and_more(s.text, toks, m, name), planned=status == "planned"),
        kind="contract" if m["noun"].lower() == "контракт" else "agreement",
        status=status,
        date=None,
        parties=_parties(ctx, s, "agreement"),
        sector="other",
        evidence=Evidence(s.start, s.end, s.text),
    )
    return made if _about_pair(ctx, s, made) else None


def _token_at(toks: Sequence[Token], at: int) -> int:
    """The token that ends at or after character `at`."""
    return next((i for i, tok in enumerate(toks) if tok.end >= at), len(toks) - 1)


def _and_more(text: str, toks: Sequence[Token], m: re.Match[str], name: _Name) -> str:
    """The documents' words with a second noun's ("7 соглашений и меморандумов в сфере
    образования": 'agreements and memoranda in the sphere of education')."""
    noun = m["noun"].lower()
    documents = name.title or _ENGLISH[noun]
    more = _AND_NOUN_RU.match(text, m.end())
    if more is None or more[1].lower() == noun:
        return documents
    second = _documents(toks, _token_at(toks, more.end(1)), counted=True).title
    return f"{documents} and {second or _ENGLISH[more[1].lower()]}"


def _documents(toks: Sequence[Token], noun: int, counted: bool) -> _Name:
    """The documents' own name, their adjectives and what they cover ('intergovernmental
    documents on cooperation in spheres of trade'), in the plural; the bare noun's English
    where the lexicon names no such document."""
    kind = _kind_at(toks, noun)
    bare = _Name(noun, noun, noun + 1, noun, noun + 1, "")
    if kind is None:
        return bare
    if counted and "plur" not in toks[noun].grams:  # "23 соглашения": agreements
        kind = replace(kind, english=plural(kind.english))
    name = _name(toks, kind, noun)
    # "по итогам межправкомиссии", "на общую сумму": the occasion and the value, not the name
    return replace(name, title=_NOT_THE_NAME.sub("", name.title))


_NOT_THE_NAME = re.compile(r"\s+(?:following|for\s+the\s+(?:general\s+|total\s+)?sum)\b.*$")


def _title(text: str, m: re.Match[str], documents: str, planned: bool) -> str:
    """'package of 12 intergovernmental documents signed following the talks'."""
    count = m.groupdict().get("n")
    q = m.groupdict().get("q")
    words = [
        "package of" if m["package"] and m["package"].lower().startswith("пакет") else "",
        _BATCH_Q.get(" ".join((q or "").lower().split()), ""),
        _WORDS.get((count or "").lower(), count or ""),
        documents,
        "to be signed" if planned else "signed",
        _occasion(text),
    ]
    return " ".join(w for w in words if w)


def _occasion(text: str) -> str:
    """'following the meeting', 'in their presence'."""
    occasion = _OCCASION_RU.search(text)
    if occasion is None and _AFTER_WHICH.search(text):  # "заседания ..., по итогам которого"
        occasion = _OCCASION_NOUN.search(text)
    if occasion is not None:
        return f"following the {_OCCASIONS[occasion['what'].lower()]}"
    return "in their presence" if _PRESENCE_RU.search(text) else ""
