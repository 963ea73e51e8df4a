"""English renderings of Russian noun phrases: how a document's Russian name becomes its title.

needs : a Russian sentence, the actor mentions in it (their English names), pymorphy3 readings
        (`bilat.extract.nlp_ru.analyses`), the glossary `data/glossary_ru.yaml`
adds  : `Token`s of the sentence, `adjectives_before` (where a name's modifiers begin),
        `render` (the modifiers, a head already rendered and the complements after it in English),
        `noun` / `gloss` / `plural` (one word's English)

The phrase is read as Russian builds it: adjectives before their noun, a genitive chain after
it ("плана военного сотрудничества РФ и Китая" -> "plan of military cooperation of Russia and
China"), prepositional complements (о/по/в/на/между/с ..., the English preposition chosen by
the case of the noun that follows) and a participle heading a genitive ("касающегося ..." ->
"concerning ..."). Names come from the actor mentions (their English canonical names), state
adjectives from the gazetteer ("российского" -> "Russian", "российско-китайский" ->
"Russian-Chinese"), the rest from the glossary by lemma. A noun the glossary lacks is
transliterated; an adjective it lacks is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from bilat.datafiles import read_data
from bilat.extract.gazetteer import default_gazetteer
from bilat.extract.gazetteer_ru import russian_names
from bilat.extract.nlp_ru import analyses, lemma
from bilat.extract.temporal_ru import month_pattern

__all__ = ["Token", "adjectives_before", "gloss", "noun", "plural", "render", "tokens"]

_CASES = frozenset({"nomn", "gent", "datv", "accs", "ablt", "loct", "voct", "gen2", "loc2"})
_WORD = re.compile(r"\d+-(?:[а-я]{1,3})\b|\d+(?:[-–]\d+)?|[^\W\d_]+(?:-[^\W_]+)*|\S")
_ORDINAL = re.compile(r"(\d+)-[а-я]+")  # "29-й", "29-го": an ordinal adjective
_QUOTES = frozenset("«»\"“”„'")
_MAX_WORDS = 18  # English words in one title
_YEAR_NOUN = frozenset({"год"})


@dataclass(frozen=True, slots=True)
class Token:
    start: int  # offsets in the sentence
    end: int
    text: str
    lemma: str
    pos: str | None  # OpenCorpora part of speech of the likeliest reading
    grams: frozenset[str]  # grammemes of the likeliest reading
    cases: tuple[str, ...]  # cases of the readings with that part of speech, likeliest first
    name: str | None = None  # the English actor name when a mention starts at this word
    inside: bool = False  # a later word of a multi-word mention

    @property
    def is_adjective(self) -> bool:
        return self.pos == "ADJF" and "Apro" not in self.grams and "Anum" not in self.grams

    @property
    def is_noun(self) -> bool:
        return self.name is not None or self.pos in ("NOUN", "LATN")


def tokens(text: str, names: Sequence[tuple[int, int, str]]) -> list[Token]:
    """The words of a sentence (hyphenated words whole); `names` are (start, end, English
    name) of the actor mentions, in sentence offsets."""
    out: list[Token] = []
    named: set[int] = set()
    for m in _WORD.finditer(text):
        reads = analyses(m.group(0))
        lemma_, pos, grams = reads[0]
        pos = pos or next((g for g in ("NUMB", "LATN", "PNCT") if g in grams), None)
        if m.group(0)[0].isdigit():  # "2025-2028" is a number, "29-й" an ordinal
            pos = "ORDN" if _ORDINAL.fullmatch(m.group(0)) else "NUMB"
        cases = tuple(dict.fromkeys(c for r in reads if r[1] == pos for c in r[2] & _CASES))
        if pos is None and m.group(0).isupper() and lemma_ in _glossary().nouns:
            pos, cases = "NOUN", tuple(sorted(_CASES))  # "МПК": an abbreviation, indeclinable
        covering = next(((s, n) for s, e, n in names if s <= m.start() < e), None)
        first = covering is not None and covering[0] not in named
        if covering is not None:
            named.add(covering[0])
        name = covering[1] if covering is not None and first else None
        inside = covering is not None and not first
        out.append(Token(m.start(), m.end(), m.group(0), lemma_, pos, grams, cases, name, inside))
    return out


# ---- the glossary ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Glossary:
    nouns: dict[str, tuple[str, str]]  # lemma -> (singular, plural)
    mass: frozenset[str]  # nouns with no article, nor a plural unless the glossary gives one
    # ("связь": "communications", but "связи" are "ties")
    told_plural: frozenset[str]
    adjectives: dict[str, str]
    participles: dict[str, str]  # verb lemma (+ " " + preposition) -> English
    multipliers: dict[str, str]  # "млн" -> "million"
    rates: frozenset[str]  # "год": "в год" is "per year"
    prepositions: dict[str, dict[str, str]]  # lemma -> case (or "*") -> English
    letters: dict[str, str]  # Cyrillic letter -> Latin


@lru_cache(maxsize=1)
def _glossary() -> _Glossary:
    data: dict[str, Any] = read_data("glossary_ru.yaml")
    nouns = {}
    told_plural = frozenset(_lemmas(k) for k, v in data["nouns"].items() if isinstance(v, list))
    for key, english in data["nouns"].items():
        sing, plur = english if isinstance(english, list) else (english, _plural(english))
        nouns[_lemmas(key)] = (str(sing), str(plur))
    return _Glossary(
        nouns=nouns,
        mass=frozenset(_lemmas(w) for w in data["mass"]),
        told_plural=told_plural,
        adjectives={_lemmas(k): str(v) for k, v in data["adjectives"].items()},
        participles={str(k): str(v) for k, v in data["participles"].items()},
        multipliers={str(k): str(v) for k, v in data["multipliers"].items()},
        rates=frozenset(_lemmas(w) for w in data["rates"]),
        prepositions={
            _lemmas(k): {str(c): str(e) for c, e in v.items()}
            for k, v in data["prepositions"].items()
        },
        letters={str(k): str(v) for k, v in data["letters"].items()},
    )


def _lemmas(words: object) -> str:
    return " ".join(lemma(w) for w in str(words).split())


def _plural(word: str) -> str:
    """The regular English plural of a noun phrase's last word ("supply" -> "supplies")."""
    if re.search(r"[^aeiou]y$", word):
        return word[:-1] + "ies"
    return word + ("es" if re.search(r"(?:s|x|z|ch|sh)$", word) else "s")


def plural(english: str) -> str:
    """The plural of an English name's head ("memorandum of understanding" -> "memoranda of
    understanding", "road map" -> "road maps")."""
    head, sep, rest = english.partition(" of ")
    *words, last = head.split()
    irregular = {sing: plur for sing, plur in _glossary().nouns.values()}
    return " ".join([*words, irregular.get(last, _plural(last))]) + sep + rest


def _translit(word: str) -> str:
    letters = _glossary().letters
    out = "".join(letters.get(c, c) for c in word.lower())
    return out.capitalize() if word[:1].isupper() else out


@lru_cache(maxsize=1)
def _state_adjectives() -> dict[str, str]:
    """Russian state adjective lemma and its combining forms ("российский", "российско",
    "американо") -> the English adjective ("Russian")."""
    out: dict[str, str] = {}
    for adj, entry in russian_names(default_gazetteer()).adjectives.items():
        english = entry.adjectives[0] if entry.adjectives else entry.name
        out[adj] = english
        out[adj[:-2] + "о"] = english  # российский -> российско
        if adj.endswith("ский"):
            out.setdefault(adj[:-4] + "о", english)  # американский -> американо
    return out


def _adjective(lemma: str) -> str | None:
    """English of an adjective lemma; a compound ("военно-технический") part by part."""
    known = _state_adjectives().get(lemma) or _glossary().adjectives.get(lemma)
    if known is not None or "-" not in lemma:
        return known
    *heads, last = lemma.split("-")
    parts = [_combining(h) for h in heads] + [_adjective(last)]
    return "-".join(p for p in parts if p) if all(parts) else None


def _combining(form: str) -> str | None:
    """English of a compound's first part ("военно" -> "military", "российско" -> "Russian")."""
    found = _state_adjectives().get(form)
    for ending in ("ый", "ий", "ский", "ой"):
        found = found or _glossary().adjectives.get(form[:-1] + ending)
    return found


def noun(t: Token) -> str:
    """English of a noun (the actor's name for a mention, plural for a plural form)."""
    if t.name is not None:
        return t.name
    if t.pos in ("LATN", "NUMB"):
        return t.text
    sing, plur = _glossary().nouns.get(t.lemma) or (_translit(t.lemma), _translit(t.lemma))
    if t.text[:1].isupper() and t.lemma not in _glossary().nouns:
        sing = plur = _translit(t.lemma).capitalize()
    glossary = _glossary()
    countable = t.lemma not in glossary.mass or t.lemma in glossary.told_plural
    return plur if "plur" in t.grams and countable else sing


def gloss(t: Token) -> str | None:
    """Any word's English where the glossary or the gazetteer knows it, else None."""
    if t.name is not None:
        return t.name
    if t.pos in ("ADJF", "ADJS", "PRTF", "ADVB"):
        return _adjective(t.lemma)
    found = _glossary().nouns.get(t.lemma)
    return found[0] if found else None


# ---- reading a phrase ----------------------------------------------------------------------


def _modifier(t: Token) -> bool:
    """An adjective, or a participle or adverb the glossary reads as one ("юридически
    обязывающий" -> "legally binding")."""
    if t.pos == "ORDN":
        return True
    return t.is_adjective or (t.pos in ("PRTF", "ADVB") and t.lemma in _glossary().adjectives)


def _name_at(toks: Sequence[Token], j: int) -> bool:
    """A mention starts at j and is read as a name ("Российской Федерации"), not as a state
    adjective ("российского")."""
    t = toks[j]
    return t.name is not None and (not t.is_adjective or (j + 1 < len(toks) and toks[j + 1].inside))


def adjectives_before(toks: Sequence[Token], i: int) -> int:
    """The first token of the modifiers (and quotes, and 'и' between them) before i."""
    first = i
    while first > 0:
        if not _left_word(toks, first - 1):
            break
        first -= 1
    while first < i and (toks[first].text in _QUOTES or toks[first].lemma in ("и", "или")):
        first += 1
    return first


def _left_word(toks: Sequence[Token], j: int) -> bool:
    """toks[j] belongs to the modifiers of the name after it."""
    t = toks[j]
    if t.lemma in ("и", "или"):
        return j > 0 and _modifier(toks[j - 1])  # "межправительственное и межведомственное"
    return (_modifier(t) and not _name_at(toks, j)) or t.text in _QUOTES


def _right_word(toks: Sequence[Token], i: int, j: int) -> bool:
    """toks[j] is one of the modifiers that began at i ("нефтяной и газовой сферах")."""
    t = toks[j]
    if t.lemma in ("и", "или"):
        return i < j and _modifier(toks[j - 1]) and j + 1 < len(toks) and _modifier(toks[j + 1])
    return _modifier(t) or t.text in _QUOTES


def _ordinal(text: str) -> str:
    """'29-й' -> '29th'."""
    n = int(text.split("-")[0])
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _adjectives(toks: Sequence[Token], first: int, last: int) -> list[str]:
    words: list[str] = []
    for t in toks[first:last]:
        if t.lemma in ("и", "или") and words:
            words.append("and" if t.lemma == "и" else "or")
        elif t.pos == "ORDN":
            words.append(_ordinal(t.text))
        elif _modifier(t) and (english := _adjective(t.lemma)):
            words.append(english)
    return words if not words or words[-1] not in ("and", "or") else words[:-1]


@dataclass(frozen=True, slots=True)
class _Phrase:
    end: int  # index after its last token
    words: list[str]  # its English
    head: Token
    year: bool = False  # a number read with its "год" ("2025 года")
    subject: bool = False  # may be the nominative subject of the verb after it


def _noun_phrase(toks: Sequence[Token], i: int) -> _Phrase | None:
    """Modifiers (quotes allowed) and the noun, name or number they belong to, from i."""
    j = i
    while j < len(toks) and not _name_at(toks, j) and _right_word(toks, i, j):
        j += 1
    if j < len(toks) and toks[j].pos == "NUMB":  # "дополнительных 2 млрд кубометров"
        found = _number_phrase(toks, j)
        return replace(found, words=[*_adjectives(toks, i, j), *found.words])
    if j >= len(toks) or not toks[j].is_noun:
        return None
    head, end = toks[j], j + 1
    while end < len(toks) and (toks[end].inside or (head.name and toks[end].text in _QUOTES)):
        end += 1  # a name's other words and its closing quote
    # "соглашение о поставках стороны подписали": "стороны" is the verb's subject
    subject = end < len(toks) and _subject_of(head, toks[end])
    if j > i and (two := _two_words(toks[j - 1], head)) is not None:
        return _Phrase(end, [*_adjectives(toks, i, j - 1), two], head, subject=subject)
    return _Phrase(end, [*_adjectives(toks, i, j), noun(head)], head, subject=subject)


def _subject_of(head: Token, verb: Token) -> bool:
    """`head` can be the subject of `verb`: a nominative reading in the verb's number."""
    if verb.pos != "VERB":
        return False
    number = "plur" if "plur" in verb.grams else "sing"
    return any("nomn" in g and number in g for _l, pos, g in analyses(head.text) if pos == head.pos)


def _number_phrase(toks: Sequence[Token], j: int) -> _Phrase:
    """A year ("2025 год") or a quantity ("10 млн тонн нефти": the unit is the head)."""
    head, multipliers = toks[j], _glossary().multipliers
    if j + 1 < len(toks) and toks[j + 1].lemma in _YEAR_NOUN:
        return _Phrase(j + 2, [head.text], head, year=True)
    words, k = [head.text], j + 1
    while k < len(toks) and toks[k].lemma in multipliers:
        words.append(multipliers[toks[k].lemma])
        k += 1
    unit = _noun_phrase(toks, k) if k < len(toks) and toks[k].pos != "NUMB" else None
    if unit is None:
        return _Phrase(k, words, head)
    return _Phrase(unit.end, [*words, *unit.words], unit.head)


def _two_words(adjective: Token, head: Token) -> str | None:
    found = _glossary().nouns.get(f"{adjective.lemma} {head.lemma}")
    if found is None:
        return None
    return found[1] if "plur" in head.grams else found[0]


@lru_cache(maxsize=1)
def _month_word() -> re.Pattern[str]:
    return re.compile(month_pattern(), re.I)  # the month names of temporal_ru.yaml


def _past_a_date(toks: Sequence[Token], i: int) -> int:
    """The index after a date told right after a name ('в июне 2024 года', 'в марте', 'в 2024
    году'), else `i`: when a document was signed is no part of what it is."""
    if i + 1 >= len(toks) or toks[i].lemma != "в":
        return i
    j = i + 1
    if _month_word().fullmatch(toks[j].text):
        j += 1
        if j < len(toks) and re.fullmatch(r"(?:19|20)\d\d", toks[j].text):
            j += 1
            if j < len(toks) and toks[j].lemma == "год":
                j += 1
        return j
    if (
        re.fullmatch(r"(?:19|20)\d\d", toks[j].text)
        and j + 1 < len(toks)
        and toks[j + 1].text.lower() == "году"
    ):
        return j + 2
    return i


def _link(toks: Sequence[Token], i: int) -> tuple[str, str, int] | None:
    """What joins the next phrase to the name: (kind, key, index of the phrase)."""
    if i >= len(toks):
        return None
    t, participles = toks[i], _glossary().participles
    if t.text == "," and i + 1 < len(toks):
        return _link(toks, i + 1) if toks[i + 1].pos == "PRTF" else ("comma", ",", i + 1)
    if t.pos == "PRTF":
        nxt = toks[i + 1].lemma if i + 1 < len(toks) else ""
        if f"{t.lemma} {nxt}" in participles:
            return "participle", f"{t.lemma} {nxt}", i + 2
        if t.lemma in participles:
            return "participle", t.lemma, i + 1
        if not _modifier(t):
            return None  # a participle clause ("подписанное в ...") ends the name
    two = f"{t.lemma} {toks[i + 1].lemma}" if i + 1 < len(toks) else ""
    if t.pos == "PREP" and two in _glossary().prepositions:  # "по итогам", "в рамках"
        return "preposition", two, i + 2
    if t.pos == "PREP" and t.lemma in _glossary().prepositions:
        return "preposition", t.lemma, i + 1
    if t.lemma in ("и", "или") and t.pos == "CONJ":
        return "and", t.lemma, i + 1
    if t.text in _QUOTES and i + 1 < len(toks) and toks[i + 1].name is not None:
        return "apposition", "", i  # 'газопровода «Сила Сибири-2»'
    return "genitive", "", i


def _joined(kind: str, key: str, phrase: _Phrase, heads: list[tuple[str, ...]]) -> list[str] | None:
    """The English before a phrase joined by `kind` to a name whose heads so far are in the
    cases `heads`; None where the phrase is no part of the name."""
    head = phrase.head
    if kind == "participle":
        return [_glossary().participles[key]]
    if kind == "preposition":  # "в год" is "per year"
        rate = key in ("в", "на") and phrase.words == [noun(head)]
        return ["per"] if rate and head.lemma in _glossary().rates else [_preposition(key, head)]
    if kind == "apposition":
        return [] if head.name is not None else None
    if kind in ("and", "comma"):  # coordinated with an earlier head in the same case
        shared = not head.cases or any(not h or set(head.cases) & set(h) for h in heads)
        return [{"и": "and", "или": "or", ",": ","}[key]] if shared else None
    if head.pos == "NUMB":
        return ["of"] if phrase.year else None  # "соглашение 2001 года"
    genitive = "gent" in head.cases or "Fixd" in head.grams or not head.cases
    return ["of"] if genitive and not phrase.subject else None


def _preposition(lemma: str, head: Token) -> str:
    by_case = _glossary().prepositions[lemma]
    if "Fixd" not in head.grams:  # an indeclinable word ("в КНР") says nothing of its case
        for case in head.cases:
            if case in by_case:
                return by_case[case]
    return by_case["*"]


def _article(kind: str, head: Token) -> list[str]:
    if kind in ("and", "comma", "apposition") or head.lemma in _glossary().rates:
        return []
    countable = head.lemma not in _glossary().mass and "plur" not in head.grams
    common = head.name is None and head.pos == "NOUN" and not head.text[:1].isupper()
    return ["the"] if countable and common else []


def render(
    toks: Sequence[Token],
    first: int,
    span: tuple[int, int],
    head: str,
    others: frozenset[str] = frozenset(),
) -> tuple[int, str]:
    """(index after the last token read, English) of the name whose modifiers start at
    `first`, whose head words are toks[span[0]:span[1]] (in English `head`), and whatever
    complements follow it; a coordinated noun whose lemma is in `others` starts a name of
    its own ("соглашение о ... и протокол о ...")."""
    words = [*_adjectives(toks, first, span[0]), head]
    i, heads = span[1], [t.cases for t in toks[span[0] : span[1]]]
    while len(words) < _MAX_WORDS:
        i = _past_a_date(toks, i)  # "меморандума в июне 2024 года о поставках": when, not what
        link = _link(toks, i)
        phrase = _noun_phrase(toks, link[2]) if link else None
        joined = _joined(link[0], link[1], phrase, heads) if link and phrase else None
        if link is None or phrase is None or joined is None:
            break
        if link[0] in ("and", "comma") and phrase.head.lemma in others:
            break
        if joined == [","]:
            words[-1] += ","
            joined = []
        words += [*joined, *_article(link[0], phrase.head), *phrase.words]
        i = phrase.end
        # "плана военного сотрудничества на 2025 год и подготовку к ...": a noun joined in the
        # genitive is in the genitive (whatever else its form could be); a year, no case of
        # its own, is no noun the next one is coordinated with
        if not phrase.year:
            heads.append(("gent",) if link[0] == "genitive" else phrase.head.cases)
    return i, " ".join(words)
