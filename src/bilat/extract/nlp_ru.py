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
