"""Agreements in Russian text: the documents an article says were signed, adopted, announced,
negotiated or planned, with English titles (the Russian side of `bilat.extract.agreements`).

requires: DocContext.mentions, sentences, publication date, ctx.language == "ru"
assigns : Agreement records (evidence in clean-text offsets), titles in English

A document noun ("соглашение", "меморандум о взаимопонимании", "дорожная карта" ...; data in
`data/agreements_ru.yaml`) with its adjectives and complements names a document; its English
title is rendered by `bilat.extract.phrases_ru`. Generic uses ("ряд соглашений", a bare
plural) are skipped. Status comes from the cue nearest the noun ("подписали", "утвердили",
"переговоры о", "планируют подписать", "договорились" ...), read as planned in the future;
parties, sector and the merging of repeats are the English stage's, as the titles are English.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from bilat.datafiles import read_data
from bilat.extract.agreement_occasions import with_body
from bilat.extract.agreement_titles import with_parties
from bilat.extract.agreements import (
    _about_pair,
    _parties,
    _same,
    _sector,
)
from bilat.extract.context import DocContext, Sentence
from bilat.extract.denials import denied_at, unconfirmed
from bilat.extract.nlp_ru import lemma
from bilat.extract.phrases_ru import Token, adjectives_before, gloss, plural, render, tokens
from bilat.extract.temporal_ru import find_time_expressions_ru
from bilat.extract.wordre import mostly_cyrillic
from bilat.records import Agreement, Evidence

__all__ = ["extract_agreements_ru"]


_BY_PARTIES = ("joint_statement", "communique", "declaration")  # known by their parties
_PARTY_TYPES = ("state", "company", "organization")
_SMALL = frozenset({"the", "of", "on", "in", "and", "for", "to", "a", "an", "with", "between"})


@dataclass(frozen=True, slots=True)
class _Kind:
    lemmas: tuple[str, ...]
    kind: str
    english: str
    requires: frozenset[str]
    singular: bool  # the plural names none ("планы по расширению")


@dataclass(frozen=True, slots=True)
class _Lexicon:
    kinds: tuple[_Kind, ...]  # longest first
    contract_subjects: frozenset[str]
    status: tuple[tuple[str, frozenset[str]], ...]
    future_statuses: frozenset[str]
    future_words: frozenset[str]
    default_status: dict[str, str]
    generic: frozenset[str]
    copulas: frozenset[str]
    agreed_cues: dict[str, str]  # "договориться" -> its status
    agreed_subjects: frozenset[str]
    stems: re.Pattern[str]  # a word opening like a kind or a cue: most sentences have none


def _lemma_set(words: Sequence[object]) -> frozenset[str]:
    return frozenset(lemma(str(w)) for w in words)


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    data: dict[str, Any] = read_data("agreements_ru.yaml")
    kinds = [
        _Kind(
            tuple(lemma(w) for w in str(k["ru"]).split()),
            str(k["kind"]),
            str(k["en"]),
            _lemma_set(k.get("requires", [])),
            bool(k.get("singular", False)),
        )
        for k in data["kinds"]
    ]
    return _Lexicon(
        kinds=tuple(sorted(kinds, key=lambda k: -len(k.lemmas))),
        contract_subjects=_lemma_set(data["contract_subjects"]),
        status=tuple((str(k), _lemma_set(v)) for k, v in data["status"].items()),
        future_statuses=frozenset(data["future_statuses"]),
        future_words=_lemma_set(data["future_words"]),
        default_status={str(k): str(v) for k, v in data["default_status"].items()},
        generic=_lemma_set(data["generic_before"]),
        copulas=_lemma_set(data["copulas"]),
        agreed_cues={lemma(k): str(v) for k, v in data["agreed_on"]["cues"].items()},
        agreed_subjects=_lemma_set(data["agreed_on"]["subjects"]),
        stems=_stems([k.lemmas[0] for k in kinds] + [lemma(c) for c in data["agreed_on"]["cues"]]),
    )


def _stems(lemmas: list[str]) -> re.Pattern[str]:
    """Words beginning as one of `lemmas` does (its first four letters, which no case ending
    changes in these nouns and verbs: "соглашениями", "договорились")."""
    stems = sorted({w[:4] for w in lemmas})
    return re.compile(r"(?<![\w-])(?:" + "|".join(stems) + ")", re.I)


def _kind_at(toks: Sequence[Token], i: int) -> _Kind | None:
    for k in _lexicon().kinds:
        if tuple(t.lemma for t in toks[i : i + len(k.lemmas)]) == k.lemmas:
            return k
    return None


@dataclass(frozen=True, slots=True)
class _Name:
    """A document's name in the sentence: tokens [first, end), its kind words at [head,
    head_end), the kind's noun at `noun`."""

    first: int
    head: int
    head_end: int
    noun: int
    end: int
    title: str


def _name(toks: Sequence[Token], k: _Kind, at: int) -> _Name:
    span = (at, at + len(k.lemmas))
    noun = next((j for j in range(*span) if toks[j].pos == "NOUN"), span[1] - 1)
    english = plural(k.english) if "plur" in toks[noun].grams else k.english
    first = adjectives_before(toks, at)
    heads = frozenset(kind.lemmas[0] for kind in _lexicon().kinds)
    end, title = render(toks, first, span, english, heads)
    return _Name(first, at, span[1], noun, end, title)


def _generic(toks: Sequence[Token], name: _Name) -> bool:
    """'ряд соглашений', '20 соглашений', 'достигнутые договоренности', a bare plural, or a
    predicate ('является важнейшим соглашением')."""
    lex, head = _lexicon(), toks[name.noun]
    before = toks[max(0, name.first - 3) : name.first]
    if any(t.lemma in lex.generic for t in before) or (before and before[-1].pos == "NUMB"):
        return True
    if "ablt" in head.cases[:1] and any(t.lemma in lex.copulas for t in toks[: name.first][-4:]):
        return True
    bare = name.first == name.head and name.end == name.head_end
    return bare and "plur" in head.grams


def _status(toks: Sequence[Token], name: _Name, kind: str) -> str:
    """The status cue nearest the noun outside the name itself, read in its tense."""
    best: tuple[int, int, str, int] | None = None
    for idx, t in enumerate(toks):
        if name.first <= idx < name.end:
            continue
        for rank, (status, lemmas) in enumerate(_lexicon().status):
            gap = name.head - idx if idx < name.head else 2 * (idx - name.head)
            if t.lemma in lemmas and (best is None or (gap, rank) < best[:2]):
                best = (gap, rank, status, idx)
    if best is None:
        return _lexicon().default_status.get(kind, "announced")
    return _in_tense(toks, best[3], best[2])


def _in_tense(toks: Sequence[Token], idx: int, status: str) -> str:
    """'подпишут', 'будет подписан' are planned; an infinitive or a verbal noun takes the status
    of the word governing it ('планируют подписать', 'переговоры о подписании', 'предложила
    заключить'); an infinitive alone is not done yet ('чтобы подписать')."""
    lex = _lexicon()
    if status not in lex.future_statuses:
        return status
    before = toks[max(0, idx - 2) : idx]
    if any(t.lemma == "не" for t in before):
        return "negotiating"  # "соглашение пока не подписано", "ещё не ратифицирован"
    if "futr" in toks[idx].grams or any(
        t.lemma in lex.future_words and "futr" in t.grams for t in before
    ):
        return "planned"
    if toks[idx].pos not in ("INFN", "NOUN"):
        return status
    for cue, lemmas in lex.status:
        if cue not in lex.future_statuses and any(t.lemma in lemmas for t in before):
            return cue
    return "planned" if toks[idx].pos == "INFN" else status


def _date(ctx: DocContext, s: Sentence, name: _Name, toks: Sequence[Token]) -> str | None:
    """The first date of the sentence outside the name ('на 2025 год' is part of it); a
    month or a year is a date ('в январе 2024 года'), a span a figure's period is not."""
    inside = (toks[name.first].start, toks[name.end - 1].end)
    for expr in find_time_expressions_ru(s.text, ctx.published, tense="past"):
        within = inside[0] <= expr.start < inside[1]
        if (within and not s.text[: expr.start].endswith(("в ", "В "))) or not expr.date:
            continue  # (a date the name passes over is the signing's: "меморандума в июне")
        one = expr.period in (None, expr.date, f"{expr.date}..{expr.date}")
        if one and not s.text[: expr.start].endswith(("за ", "За ", "до ", "До ")):
            return expr.date  # ("за 2024 год" is a period, "до 2030 года" a horizon)
    return None


def _sector_of(title: str, toks: Sequence[Token]) -> str:
    found = _sector(title)
    if found != "other":
        return found
    return _sector(" ".join(g for t in toks if (g := gloss(t))))


def _kind_of(toks: Sequence[Token], k: _Kind, name: _Name) -> str:
    """An agreement on buying, selling or supplying is a contract."""
    subjects = {t.lemma for t in toks[name.head_end : min(name.end, name.head_end + 3)]}
    return (
        "contract" if k.kind == "agreement" and subjects & _lexicon().contract_subjects else k.kind
    )


def _agreement(
    ctx: DocContext, s: Sentence, toks: Sequence[Token], k: _Kind, name: _Name
) -> Agreement | None:
    if _generic(toks, name) or not _fits(toks, k, name):
        return None
    bare = name.first == name.head and name.end == name.head_end and len(k.lemmas) == 1
    kind = _kind_of(toks, k, name)
    record = (bare and k.english == "protocol") or k.english in (
        "final protocol",
        "protocol of the meeting",
    )
    if record and (_AFTER_SESSION.search(s.text) or k.english == "protocol of the meeting"):
        # "По итогам заседания стороны подписали протокол": the meeting's own record
        session = _session_before(ctx, s)
        title = f"{k.english.split(' of the ')[0]} of the {session or 'meeting'}"
        made = _make(ctx, s, toks, replace(name, title=title), "other", "signed")
        if made is None or session:
            return made
        return replace(made, title=with_body(ctx, s, made.title))
    if bare and kind not in _BY_PARTIES:
        return None  # "соглашение": one named before, or none in particular
    if k.english == "protocol" and _names_session(toks, name):
        return _make(ctx, s, toks, name, "other", _status(toks, name, "other"))
        # "подписали протокол 25-й сессии МПК": a session's own record, as "протокол заседания"
    if kind == "contract" and k.english == "treaty":  # "договор купли-продажи"
        name = _name(toks, replace(k, english="contract"), name.head)
    status = _status(toks, name, kind)
    if k.english == "decree" and status in ("signed", "announced"):
        status = "adopted"  # one side's instrument (GOLD.md v1.1): "подписал указ о ..."
    return _make(ctx, s, toks, name, kind, status)


def _names_session(toks: Sequence[Token], name: _Name) -> bool:
    """The protocol's name goes on to a session ("протокол 25-й сессии", "протокол 19-го
    заседания комиссии")."""
    after = toks[name.head_end : min(name.end, name.head_end + 2)]
    return any(t.lemma in ("заседание", "сессия") for t in after)


def _session_before(ctx: DocContext, s: Sentence) -> str | None:
    """The session a protocol records, in English: the one the sentence or the nearest
    sentence before it names as held ("провели в Пхеньяне 12-е заседание Межправительственной
    комиссии по торгово-экономическому сотрудничеству" -> "12th meeting of the
    intergovernmental commission on trade and economic cooperation"); not one still to come
    ("Следующее заседание комиссии состоится в 2026 году")."""
    for prev in reversed(ctx.sentences[: s.index + 1]):
        if _SESSION_RU.search(prev.text) is None or _NEXT_SESSION.search(prev.text):
            continue
        names = [
            (m.start - prev.start, m.end - prev.start, m.actor)
            for m in ctx.mentions_in(prev.start, prev.end)
            if not mostly_cyrillic(m.actor)
        ]
        toks = tokens(prev.text, names)
        for i, t in enumerate(toks):
            if t.lemma not in ("заседание", "сессия"):
                continue
            first = adjectives_before(toks, i)  # "девятое", "очередное"; "12-е" below
            first = i - 1 if i and _ORDINAL_RU.fullmatch(toks[i - 1].text) else first
            _, told = render(
                toks, first, (i, i + 1), "meeting" if t.lemma == "заседание" else "session"
            )
            if _BODY_EN.search(told):
                return told
    return None


_SESSION_RU = re.compile(
    r"(?<![\w-])(?:заседани|сесси)\w*\s+(?:[\w-]+\s+){0,2}?(?:комисси|комитет|совет|подкомисси)",
    re.I,
)
_NEXT_SESSION = re.compile(
    r"(?<![\w-])(?:следующ\w*\s+(?:\w+\s+)?(?:заседани|сесси)|состоится|пройд[её]т|запланирован)",
    re.I,
)
_ORDINAL_RU = re.compile(r"\d{1,3}-(?:е|го|м|ое|ого|ом|й)")
_BODY_EN = re.compile(r"\b(?:commission|committee|council|subcommission)\b", re.I)


_AFTER_SESSION = re.compile(
    r"(?:по\s+итогам|по\s+результатам|в\s+ходе|после|на)\s+(?:\w+\s+){0,2}"
    r"(?:заседани|встреч|переговор|сесси|диалог|консультаци)\w*",
    re.I,
)


def _fits(toks: Sequence[Token], k: _Kind, name: _Name) -> bool:
    """What the kind asks of its name: a word it must contain ("программа сотрудничества"),
    the singular ("планы по расширению" are none), no locative ("в плане", "на первом плане":
    "in terms of", "foremost")."""
    noun = toks[name.noun]
    if k.requires and not k.requires & {t.lemma for t in toks[name.first : name.end]}:
        return False
    return not k.singular or ("plur" not in noun.grams and noun.cases[:1] != ("loct",))


def _named_parties(
    ctx: DocContext, s: Sentence, toks: Sequence[Token], name: _Name, kind: str
) -> tuple[str, ...]:
    """The parties a name names ("соглашение между Ираном и США"), two or more of them; not
    for a contract, whose parties are the companies ("на поставку нефти из России в Китай")."""
    if kind == "contract":
        return ()
    start, end = s.start + toks[name.first].start, s.start + toks[name.end - 1].end
    found = [m.actor for m in ctx.mentions_in(start, end) if m.type in _PARTY_TYPES]
    named = tuple(dict.fromkeys(found))
    return named if len(named) >= 2 else ()


def _make(
    ctx: DocContext, s: Sentence, toks: Sequence[Token], name: _Name, kind: str, status: str
) -> Agreement | None:
    """The record, unless it is a deal between third parties."""
    made = Agreement(
        title=name.title,
        kind=kind,
        status=status,
        date=_date(ctx, s, name, toks),
        parties=_named_parties(ctx, s, toks, name, kind) or _parties(ctx, s, kind),
        sector=_sector_of(name.title, toks),
        evidence=Evidence(s.start, s.end, s.text),
    )
    return made if _about_pair(ctx, s, made) else None


def _agreed_on(ctx: DocContext, s: Sentence, toks: Sequence[Token], i: int) -> Agreement | None:
    """'договорились о создании совместного фонда': an agreement on what was agreed."""
    lex = _lexicon()
    status = lex.agreed_cues.get(toks[i].lemma)
    if status is None or i + 2 >= len(toks) or toks[i + 1].lemma not in ("о", "об"):
        return None
    if toks[i + 2].lemma not in lex.agreed_subjects:
        return None
    end, title = render(toks, i + 1, (i, i + 1), "agreement")
    return _make(ctx, s, toks, _Name(i + 1, i, i + 1, i, end, title), "agreement", status)


def _denied(text: str, at: int) -> bool:
    """The document at `at` is told only in reports denied or called unfounded."""
    return denied_at(text, at) or any(a <= at < b for a, b in unconfirmed(text))


def _from_sentence(ctx: DocContext, s: Sentence) -> list[Agreement]:
    if not _lexicon().stems.search(s.text.replace("ё", "е")):
        return []
    names = [  # a body known only by its Russian name is translated word by word in a title
        (m.start - s.start, m.end - s.start, m.actor)
        for m in ctx.mentions_in(s.start, s.end)
        if not mostly_cyrillic(m.actor)
    ]
    toks = tokens(s.text, names)
    out: list[Agreement] = []
    i = 0
    while i < len(toks):
        k = _kind_at(toks, i)
        if k is None:
            agreed = _agreed_on(ctx, s, toks, i)
            out += [agreed] if agreed is not None else []
            i += 1
            continue
        name = _name(toks, k, i)
        made = _agreement(ctx, s, toks, k, name)
        if made is not None and _denied(s.text, toks[i].start):
            made = None  # "назвал «домыслами» сообщения о том, что будет подписан договор"
        if made is not None:
            out.append(made)  # a document named inside its name is part of the title
        i = name.end if made is not None else i + len(k.lemmas)
    return out


def extract_agreements_ru(ctx: DocContext) -> list[Agreement]:
    """Every document the Russian article names, once (repeats merge as in English)."""
    from bilat.extract.agreement_batches_ru import batch_ru

    out: list[Agreement] = []
    for s in ctx.sentences:
        batch = batch_ru(ctx, s)
        found = _from_sentence(ctx, s)
        if batch is not None:  # "подписали пакет из 38 соглашений и контрактов на сумму ...":
            found = [a for a in found if not _OF_A_BATCH.match(a.title)] + [batch]  # the batch
        for ag in found:
            at = next((i for i, kept in enumerate(out) if _repeats(ag, kept)), None)
            if at is None:
                out.append(ag)
            elif len(ag.title) > len(out[at].title):
                out[at] = ag  # the fuller name: the body after its headline
    return [replace(a, title=_titled(ctx, a)) for a in out]


_OF_A_BATCH = re.compile(r"(?:documents|agreements|contracts|memoranda)\b")


def _repeats(a: Agreement, b: Agreement) -> bool:
    """The same document: as the English stage merges, or of one kind with most words of the
    shorter title in the longer ('road map in the oil and gas sphere' in a headline, 'road map
    on development of cooperation in the oil and gas spheres' in the text)."""
    if _same(a, b):
        return True
    if a.kind != b.kind:
        return False
    wa, wb = _words(a.title), _words(b.title)
    shorter, longer = sorted((wa, wb), key=len)
    return len(shorter) >= 2 and 4 * len(shorter & longer) >= 3 * len(shorter)


def _words(title: str) -> set[str]:
    """Content words of an English title, plural -s folded."""
    words = re.findall(r"[a-z0-9]+", title.lower())
    return {w[:-1] if w.endswith("s") and len(w) > 3 else w for w in words if w not in _SMALL}


def _titled(ctx: DocContext, ag: Agreement) -> str:
    """A bare title ('межправительственные протоколы') takes its parties where the sentence
    names them, or where the kind is known by them (a joint statement)."""
    named = {m.actor for m in ctx.mentions_in(ag.evidence.start, ag.evidence.end)}
    if ag.kind in _BY_PARTIES or set(ag.parties) <= named:
        return with_parties(ag.title, ag.kind, ag.parties)
    return ag.title
