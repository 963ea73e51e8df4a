"""The Russian mention layer's parser: a spaCy `Doc` per Russian text, shaped like the English.

needs : a clean Russian text
adds  : a spaCy Doc (blank "ru" tokenizer) with sentence starts from razdel, entities from
        slovnet's news NER (PER/LOC/ORG mapped to spaCy's PERSON/GPE/ORG) and a lemma on every
        token from pymorphy3, so later stages read the same annotations as for English and the
        gazetteer can match "Путиным", "Путина", "Путин" as one name.

The models ship inside the natasha/slovnet and pymorphy3-dicts-ru wheels (nothing is downloaded);
they load on the first Russian document only, so English extraction does not pay for them.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

__all__ = [
    "analyses",
    "case_lemmas",
    "is_plural",
    "is_russian",
    "lemma",
    "lemmas",
    "load_ru",
    "parse_ru",
    "part_of_speech",
]

_LABELS = {"PER": "PERSON", "LOC": "GPE", "ORG": "ORG"}


def is_russian(doc: Any) -> bool:
    """Whether a stored document goes through the Russian mention layer."""
    return getattr(doc, "language", None) == "ru"


@lru_cache(maxsize=1)
def load_ru() -> tuple[Any, Any, Any]:
    """(spaCy blank Russian pipeline, natasha segmenter, slovnet NER tagger), loaded once."""
    import spacy
    from natasha import NewsEmbedding, NewsNERTagger, Segmenter

    nlp = spacy.blank("ru")
    nlp.max_length = 2_000_000
    # initials glued to the surname, as the Russian Foreign Ministry writes them
    # ("С.В.Лавров", "В.В.Путина"): each initial a token, so the surname is a word of its own
    prefixes = [*(nlp.Defaults.prefixes or ()), r"[А-ЯЁA-Z]\.(?=[А-ЯЁA-Z])"]
    tokenizer: Any = nlp.tokenizer  # a Tokenizer (spaCy types it as any callable)
    tokenizer.prefix_search = spacy.util.compile_prefix_regex(prefixes).search
    return nlp, Segmenter(), NewsNERTagger(NewsEmbedding())


@lru_cache(maxsize=1)
def _morph() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=1 << 16)
def lemma(word: str) -> str:
    """The dictionary form of one word ("Путиным" -> "путин"); non-words are lower-cased."""
    if not any(c.isalpha() for c in word):
        return word.lower()
    return str(_morph().parse(word)[0].normal_form).replace("ё", "е")


_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")


@lru_cache(maxsize=1 << 12)
def case_lemmas(word: str) -> frozenset[str]:
    """The lemmas the cases of a place's name get as text ("Астана": "Астану" reads first as
    a man named Астан, so {"астан"}), other than the name's own: the lemma matcher meets
    them. Only for a word pymorphy3 knows as a place (Geox)."""
    out = set()
    for reading in _morph().parse(word):
        if "Geox" not in reading.tag:
            continue
        for case in _CASES:
            form = reading.inflect({case})
            if form is not None:
                out.add(lemma(form.word.capitalize()))
    return frozenset(out - {lemma(word)})


@lru_cache(maxsize=1 << 14)
def part_of_speech(word: str) -> str | None:
    """The OpenCorpora part of speech of a word's likeliest reading ("NOUN", "ADJF", "VERB")."""
    return _morph().parse(word)[0].tag.POS  # type: ignore[no-any-return]


@lru_cache(maxsize=1 << 14)
def is_plural(word: str) -> bool:
    """Whether the likeliest reading of a word is plural ("глав правительств")."""
    return "plur" in _morph().parse(word)[0].tag


@lru_cache(maxsize=1 << 14)
def analyses(word: str) -> tuple[tuple[str, str | None, frozenset[str]], ...]:
    """Every reading of a word, likeliest first: (lemma, part of speech, grammemes), e.g.
    "области" -> ("область", "NOUN", {"femn", "sing", "loct", ...}), ("область", ... "gent")."""
    return tuple(
        (
            str(p.normal_form).replace("ё", "е"),
            p.tag.POS and str(p.tag.POS),
            frozenset(p.tag.grammemes),
        )
        for p in _morph().parse(word)
    )


def lemmas(text: str) -> str:
    """Lemmas of every token of `text` joined by spaces ("Си Цзиньпином" -> "си цзиньпин")."""
    nlp, _seg, _ner = load_ru()
    return " ".join(lemma(t.text) for t in nlp.make_doc(text))


def parse_ru(text: str) -> Any:
    """A spaCy Doc over `text` with sentences, entities and lemmas set (see module doc)."""
    from natasha import Doc as NatashaDoc

    nlp, segmenter, ner = load_ru()
    doc = nlp.make_doc(text)
    parsed = NatashaDoc(text)
    parsed.segment(segmenter)
    parsed.tag_ner(ner)
    starts = {s.start for s in parsed.sents}
    for i, token in enumerate(doc):
        token.lemma_ = lemma(token.text)
        token.is_sent_start = (
            i == 0 or token.idx in starts or _after_break(doc, i) or _after_unit(doc, i)
        )
    doc.set_ents(_entities(doc, parsed.spans))
    return doc


# "вырос до $11 млрд. «Мы рассчитываем ...»": the full stop of an abbreviated unit also
# ends the sentence when a capital or an opening quote follows (razdel keeps them together)
_UNIT_STOP = re.compile(r"(?<![\w-])(?:млрд|млн|трлн|тыс|долл|руб)\.\s+$")
_OPENS = re.compile(r"[«\"“„A-ZА-ЯЁ]")


def _after_unit(doc: Any, i: int) -> bool:
    return bool(_OPENS.match(doc[i].text)) and bool(
        _UNIT_STOP.search(doc.text, max(0, doc[i].idx - 12), doc[i].idx)
    )


def _after_break(doc: Any, i: int) -> bool:
    return "\n" in doc[i - 1].whitespace_ or (doc[i - 1].is_space and "\n" in doc[i - 1].text)


def _entities(doc: Any, spans: Any) -> list[Any]:
    out: list[Any] = []
    taken: set[int] = set()
    for span in spans:
        ent = doc.char_span(span.start, span.stop, _LABELS[span.type], alignment_mode="expand")
        if ent is None or taken & set(range(ent.start, ent.end)):
            continue
        taken.update(range(ent.start, ent.end))
        out.append(ent)
    return out


_NAME_TAGS = frozenset({"Name", "Surn", "Patr"})
_CASES = ("gent", "datv", "accs", "ablt", "loct", "nomn")


@lru_cache(maxsize=1 << 14)
def person_nominative(name: str) -> str:
    """A person's name in the nominative ("Алексеем Дедовым" -> "Алексей Дедов", "Оксаной
    Лут" -> "Оксана Лут", "Хади Хагшенасом" -> "Хади Хагшенас"): each word that pymorphy3
    reads as a first name, surname or patronymic in the case most of the words share,
    inflected; an instrumental "-ом" it cannot read is cut ("Тайипом"). A name most of whose
    words read as nominative stays as written."""
    words = name.split()
    readings = [
        [
            p
            for p in _morph().parse(w)
            if (_NAME_TAGS & p.tag.grammemes or "Poss" in p.tag) and "Fixd" not in p.tag
        ]
        for w in words
    ]
    votes = {
        c: sum(max((p.score for p in r if c in p.tag), default=0.0) for r in readings)
        for c in _CASES
    }  # each word's likeliest reading in that case
    case = max(_CASES, key=lambda c: (votes[c], c == "nomn"))
    if case == "nomn" or votes[case] == 0:
        return name
    gender = next(
        (g for r in readings for p in r if "Name" in p.tag and case in p.tag
         for g in ("masc", "femn") if g in p.tag),
        None,
    )  # fmt: skip
    out = []
    for word, r in zip(words, readings, strict=True):
        fits = [p for p in r if case in p.tag and (gender is None or gender in p.tag)]
        made = fits[0].inflect({"nomn", "sing"}) if fits else None
        if made is not None:
            out.append(_as_written(word, made.word))
        elif case == "ablt" and word.endswith("ом") and len(word) > 4:
            out.append(word[:-2])  # "Тайипом", "Касым-Жомартом"
        else:
            out.append(word)
    return " ".join(out)


def _as_written(original: str, word: str) -> str:
    """`word` with the original's capitals ("Касым-Жомарт") and its "е" for "ё"."""
    if "ё" not in original.lower():
        word = word.replace("ё", "е")
    if not original[:1].isupper():
        return word
    return "-".join(p[:1].upper() + p[1:] for p in word.split("-"))


# Russian names in Latin letters as English-language news writes them (BGN/PCGN without
# diacritics, "-ий" as "-y", "-ей" as "-ei", "Алекс-" as "Alex-": Dmitry, Sergei, Alexei)
_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
    "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch",
    "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
}  # fmt: skip


def latin_name(name: str) -> str | None:
    """'Денис Алипов' -> 'Denis Alipov', 'Сергей Цивилев' -> 'Sergei Tsivilev'; None for a
    name with letters outside the Russian alphabet."""
    out = []
    for word in name.split():
        low = word.lower()
        if not all(c in _LATIN or c == "-" for c in low):
            return None
        low = re.sub(r"ий$", "y", low)
        low = re.sub(r"ей$", "ei", low)
        low = re.sub(r"^алекс", "alex", low)
        low = re.sub(r"^е", "ye", low)
        latin = "".join(_LATIN.get(c, c) for c in low)
        out.append("-".join(p[:1].upper() + p[1:] for p in latin.split("-")))
    return " ".join(out)
