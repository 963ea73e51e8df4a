"""What the actor stage reads differently in Russian text (the rest is shared).

needs : clean-text offsets, the Russian spaCy doc (token lemmas), the gazetteer
adds  : whether a body is only part of a title ("замглавы правительства РФ") and the states
        inside it; which of several holders an office names (the one the article named);
        whether a body is cited as a source ("по данным ...", "сообщило ...").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from bilat.extract.gazetteer import Entry, Gazetteer
from bilat.extract.gazetteer_ru import russian_names
from bilat.extract.nlp_ru import part_of_speech
from bilat.extract.organizations import OrgMention
from bilat.extract.roles import RolePhrase

__all__ = [
    "after_title_head",
    "find_bodies",
    "in_title",
    "inner_states",
    "names_state_ru",
    "russian_date_after",
    "russian_name_key",
    "russian_source",
    "russian_venue",
    "shared_titles",
    "speaks_from",
]

# Russian title heads followed by the body in the genitive ("председатель правительства РФ",
# "глав правительств России", "секретарь Совета безопасности"): the body names an office
_TITLE_HEAD = re.compile(
    r"(?:^|[^\w-])(?:(?:вице-|зам)?(?:глав|председател|премьер|министр|секретар|руководител|"
    r"директор|начальник|спикер|пресс-секретар|советник|помощник)[а-яё]*|замглавы|"
    r"зампред[а-яё]*)\s+$",
    re.I,
)
# a Russian source: "по данным ...", "со ссылкой на ...", "сообщило ..." before the name
_SOURCE = re.compile(
    r"(?:\bпо данным|\bсо ссылкой на(?: данные)?|\bсогласно данным|\bпо информации|"
    r"\bиз данных|\bпо оценке|\bпо оценкам|\bпресс-служб[аыуе]|"
    # "сообщили в Россельхознадзоре", "согласовывает с ГТУ КНР" (the other side of a deal)
    r"\b(?:сообщил|заявил|уточнил|отметил|подтвердил|объявил|пояснил|рассказал)[аои]?(?:\s+в)?|"
    r"\b(?:согласовыва|подписал|заключил|договорил)\w*\s+с)\s+$",
    re.I,
)
# "В Минпромторге рассчитывают, что ...": a body as the place its people speak from
_SPEAK_FROM = re.compile(
    r"^\s*(?:,\s*)?(?:впрочем,?\s+|также\s+|же\s+)?(?:рассчитывают|считают|сообщили|заявили|"
    r"отмечают|отметили|полагают|уверены|ожидают|подтвердили|пояснили|уточнили|прогнозируют)\b",
    re.I,
)


def speaks_from(before: str, after: str) -> bool:
    """'В Минпромторге рассчитывают': the body's people speak; 'в Москве считают' too, but
    only bodies ask this."""
    return bool(re.search(r"(?:^|[^\w-])в\s+$", before, re.I)) and bool(_SPEAK_FROM.match(after))


# a Russian place named as where something is ("в Хабаровске", "на Дальнем Востоке", "в западной
# части Тихого океана"): a preposition, then at most two lower-case words
_VENUE = re.compile(
    r"(?:^|[^\w-])(?i:в|во|на|из|у|около|возле|вблизи|близ|через)\s+(?:[а-яё-]+\s+){0,2}$"
)
_MONTHS = "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
_DATE_AFTER = re.compile(rf",?\s+\d{{1,2}}\s+(?i:{_MONTHS})\b")  # "ХАБАРОВСК, 14 октября."


def russian_venue(before: str) -> bool:
    """The text before a place's name says where something is, not who acts."""
    return bool(_VENUE.search(before))


def russian_date_after(text: str, end: int) -> bool:
    """A Russian date follows the name (a dateline: "ХАБАРОВСК, 14 октября")."""
    return bool(_DATE_AFTER.match(text, end))


def in_title(text: str, start: int) -> bool:
    """A body right after a Russian title head is part of someone's title."""
    return after_title_head(text[max(0, start - 40) : start])


def after_title_head(before: str) -> bool:
    """`before` (the text up to a name) ends with a Russian title head ("председателя ")."""
    return bool(_TITLE_HEAD.search(before))


def russian_source(before: str) -> bool:
    """The text before a body's name cites it as a source."""
    return bool(_SOURCE.search(before))


def inner_states(
    doc: Any, gaz: Gazetteer, start: int, end: int
) -> Iterator[tuple[Entry, int, int, str]]:
    """The states named inside [start, end) by a one-word name ("РФ", "России")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    names = russian_names(gaz)
    for token in span if span is not None else ():
        entry = names.state_for_lemma(token.lemma_)
        if entry is not None:
            yield entry, token.idx, token.idx + len(token.text), token.text


def names_state_ru(doc: Any, iso: str, gaz: Gazetteer) -> bool:
    """Whether the Russian doc names the state `iso` by a name or adjective in any case."""
    names = russian_names(gaz)
    for token in doc:
        entry = names.state_for_lemma(token.lemma_) or names.state_for_adjective(token.text)
        if entry is not None and entry.country == iso:
            return True
    return False


def shared_titles(
    titles: list[tuple[RolePhrase, list[Entry]]],
    drafts: Mapping[str, Any],
    free: Callable[[int, int], bool],
) -> Iterator[tuple[Entry, int, int, str]]:
    """'Замглавы правительства РФ' after 'вице-премьер РФ Дмитрий Чернышенко': an office
    several people hold names the one of them the article has named (`free`: nothing but
    state mentions is inside the phrase)."""
    for rp, holders in titles:
        named = [h for h in holders if h.gid in drafts and drafts[h.gid].spans]
        if len(named) == 1 and free(rp.start, rp.end):
            yield named[0], rp.start, rp.end, rp.text


# Bodies named by what they do: "Российско-Китайская комиссия по подготовке регулярных встреч
# глав правительств", "межправительственная комиссия по энергетическому сотрудничеству"
_BODY_HEADS = frozenset(
    {"комиссия", "подкомиссия", "комитет", "подкомитет", "совет", "группа", "форум", "центр"}
)
_NAME_POS = frozenset({"NOUN", "ADJF", "NUMR"})  # words a "по ..." complement is made of
_MAX_WORDS = 8


def _adjectives_before(doc: Any, i: int) -> int:
    """The first token of the adjectives before token i, hyphenated ones whole
    ("Российско-Китайской")."""
    first = i
    while first > 0:
        prev = doc[first - 1]
        if prev.text in "-–" and not prev.whitespace_ and first > 1 and doc[first - 2].is_alpha:
            first -= 2
        elif part_of_speech(prev.text) == "ADJF":
            first -= 1
        else:
            break
    return first


def find_bodies(doc: Any) -> Iterator[OrgMention]:
    """A body head ("комиссии") with its adjectives before it and its "по ..." complement
    after it, the complement made of nouns and adjectives only (it stops at a verb). A
    sub-commission named right before the body it belongs to ("подкомиссии по туризму
    Российско-китайской комиссии по ...") is one body, the sub-commission, under the whole
    name; its own words are an alias."""
    spans = list(_body_spans(doc))
    subs = {doc[last].idx + len(doc[last]): first for first, i, last in spans
            if first == i and doc[i].lemma_ in _SUB_HEADS}  # fmt: skip
    merged = set(subs.values())
    for first, i, last in spans:
        if first == i and not (doc[i].lemma_ in _SUB_HEADS and last - i >= 2):
            continue  # "комиссия по" in passing (not "подкомиссии по торгово-экономическому
            # сотрудничеству": a standing sub-commission by its remit)
        if first == i and (first in merged and _before_a_body(spans, doc, last)):
            continue  # named as part of the body after it (below)
        span = doc[first : last + 1]
        sub = subs.get(span.start_char - 1, subs.get(span.start_char))  # one space between
        if sub is None:
            yield OrgMention(span.start_char, span.end_char, span.text, "organization", None)
            continue
        whole, short = doc[sub : last + 1], doc[sub:first]
        yield OrgMention(whole.start_char, whole.end_char, whole.text, "organization", None,
                         (short.text.strip(),))  # fmt: skip


_SUB_HEADS = frozenset({"подкомиссия", "подкомитет"})


def _before_a_body(spans: list[tuple[int, int, int]], doc: Any, last: int) -> bool:
    """A body's span starts right after token `last` (one space between)."""
    end = doc[last].idx + len(doc[last])
    return any(doc[f].idx in (end, end + 1) for f, i, _ in spans if f != i)


def _body_spans(doc: Any) -> Iterator[tuple[int, int, int]]:
    """(first adjective, head, last complement word) of each head with a "по ..." complement."""
    for i, token in enumerate(doc):
        if token.lemma_ not in _BODY_HEADS or i + 2 >= len(doc) or doc[i + 1].lower_ != "по":
            continue
        first = _adjectives_before(doc, i)
        last = i + 1
        while last + 1 < len(doc) and last - i <= _MAX_WORDS + 4:
            nxt = doc[last + 1]
            joined = _joined_modifier(doc, last + 1)
            if joined:  # "по торгово-экономическому, научно-техническому и культурному ..."
                last += joined
                continue
            if (
                not nxt.is_alpha
                or part_of_speech(nxt.text) not in _NAME_POS
                or _opens_compound(doc, last + 1)
            ):
                break
            last += 1
        if last > i + 1:
            yield first, i, last


_MODIFIER_POS = frozenset({"ADJF", "ADJS"})


def _joined_modifier(doc: Any, i: int) -> int:
    """Tokens of a lower-case modifier the complement goes on with: a hyphenated compound
    ('торгово-экономическому': 3), or ', ' / 'и' before another modifier (1); else 0."""
    tok = doc[i]
    if (
        tok.text[:1].islower()
        and part_of_speech(tok.text) in (*_MODIFIER_POS, "ADVB")  # "научно-техническому"
        and _opens_compound(doc, i)
        and i + 2 < len(doc)
        and not doc[i + 1].whitespace_
        and doc[i + 2].is_alpha
    ):
        return 3
    if tok.text in (",", "и") and i + 1 < len(doc):
        after = doc[i + 1]
        if (
            after.text[:1].islower()
            and not after.lower_.startswith("котор")  # ", которую": a relative clause
            and (part_of_speech(after.text) in _MODIFIER_POS or _opens_compound(doc, i + 1))
        ):
            return 1
    return 0


def _opens_compound(doc: Any, i: int) -> bool:
    """'Российско' in 'Российско-китайской': the next name begins."""
    return not doc[i].whitespace_ and i + 1 < len(doc) and doc[i + 1].text in "-–"


_CASE_ENDING = re.compile(
    r"(?:ием|ией|ого|его|ому|ему|ой|ей|ом|ем|ым|им|ий|ия|ию|ии|а|я|у|ю|е|ы|и|й)$"
)


def russian_name_key(name: str) -> str:
    """A normalised name without the case ending of each word: 'ли ян', 'ли яна' and 'ли
    яном' are one man's name (a word is kept whole when less than two letters would be left)."""
    words = name.split()
    stems = [_CASE_ENDING.sub("", w) for w in words]
    return " ".join(s if len(s) >= 2 else w for s, w in zip(stems, words, strict=True))
