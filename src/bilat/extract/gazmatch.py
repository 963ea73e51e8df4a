"""Find gazetteer names in a spaCy doc with hash-based phrase matching.

Short or all-caps forms ("US", "UN", "PRC") match case-sensitively; longer forms match on
lower-cased tokens. The matchers are built once per (gazetteer, vocab) and cached. In a
Russian doc (`bilat.extract.nlp_ru`) the Russian names of `ru/names.yaml` also match on token
lemmas, so every case form of a name ("Си Цзиньпином", "КНР", "Поднебесной") finds its entry.
In a Latin-script doc with accented letters, the lower-cased forms also match on tokens with
their accents dropped ("Việt Nam" finds "Viet Nam", "Hà Nội" "Ha Noi").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from bilat.extract.gazetteer import Entry, Gazetteer, normalize
from bilat.extract.wordre import in_capitals

__all__ = ["GazMatch", "find_gazetteer_mentions"]

_MATCHERS: dict[tuple[int, int], tuple[Any, Any, dict[str, list[Entry]]]] = {}
_FOLDED: dict[tuple[int, int], Any] = {}


@dataclass(frozen=True, slots=True)
class GazMatch:
    start: int  # character offsets in the doc text
    end: int
    text: str
    entries: tuple[Entry, ...]


def _case_sensitive(form: str) -> bool:
    letters = [c for c in form if c.isalpha()]
    return len(form) <= 4 or (bool(letters) and all(c.isupper() for c in letters))


def _build(
    gaz: Gazetteer, nlp_vocab: Any, make_doc: Any
) -> tuple[Any, Any, dict[str, list[Entry]]]:
    from spacy.matcher import PhraseMatcher

    exact = PhraseMatcher(nlp_vocab, attr="ORTH")
    lower = PhraseMatcher(nlp_vocab, attr="LOWER")
    by_key: dict[str, list[Entry]] = {}
    for form, entry in gaz.surface_forms():
        form = form.strip()
        if len(form) < 2:
            continue
        cased = _case_sensitive(form)
        key = form if cased else form.lower()
        bucket = by_key.setdefault(("=" if cased else "~") + key, [])
        if entry not in bucket:
            if not bucket:
                (exact if cased else lower).add(("=" if cased else "~") + key, [make_doc(form)])
            bucket.append(entry)
    return exact, lower, by_key


def _matchers(gaz: Gazetteer, doc: Any) -> tuple[Any, Any, dict[str, list[Entry]]]:
    key = (id(gaz), id(doc.vocab))
    if key not in _MATCHERS:
        import spacy

        blank = spacy.blank(doc.lang_, vocab=doc.vocab)  # same tokenizer rules, same vocab
        _MATCHERS[key] = _build(gaz, doc.vocab, blank.make_doc)
    return _MATCHERS[key]


_LEMMA_MATCHERS: dict[tuple[int, int], tuple[Any, dict[str, list[Entry]]]] = {}


def _lemma_matcher(gaz: Gazetteer, doc: Any) -> tuple[Any, dict[str, list[Entry]]]:
    """Russian names matched on lemmas, each also with its capitalised words taken as their
    own lemma: pymorphy3 guesses a foreign nominative wrong ("Фидан" -> "фидать") while the
    other cases lemmatise to the name ("Фиданом" -> "фидан")."""
    key = (id(gaz), id(doc.vocab))
    if key not in _LEMMA_MATCHERS:
        from spacy.matcher import PhraseMatcher

        from bilat.extract.gazetteer_ru import russian_names
        from bilat.extract.nlp_ru import case_lemmas, lemma, load_ru

        make_doc = load_ru()[0].make_doc
        matcher = PhraseMatcher(doc.vocab, attr="LEMMA")
        by_key: dict[str, list[Entry]] = {}
        for form, entry in russian_names(gaz).forms():
            for guessed in (False, True, None):
                pattern = make_doc(form)
                for token in pattern:
                    token.lemma_ = lemma(token.text)
                    if guessed and token.text[:1].isupper():
                        token.lemma_ = token.text.lower()
                    if guessed is None and len(pattern) > 1:
                        token.lemma_ = _adjective_lemma(token.text) or token.lemma_
                _add(matcher, by_key, pattern, entry)
            if " " not in form and form[:1].isupper():  # "Астану": read as a man "Астан"
                for other in case_lemmas(form):
                    pattern = make_doc(form)
                    pattern[0].lemma_ = other
                    _add(matcher, by_key, pattern, entry)
        _LEMMA_MATCHERS[key] = (matcher, by_key)
    return _LEMMA_MATCHERS[key]


def _add(matcher: Any, by_key: dict[str, list[Entry]], pattern: Any, entry: Entry) -> None:
    """Match `pattern` (its tokens' lemmas) as `entry`, one pattern per distinct key."""
    label = "^" + " ".join(t.lemma_ for t in pattern)
    bucket = by_key.setdefault(label, [])
    if not bucket:
        matcher.add(label, [pattern])
    if entry not in bucket:
        bucket.append(entry)


def _adjective_lemma(word: str) -> str | None:
    """A name's word read as the adjective it may be: "Главное" (управление) is "главный",
    though pymorphy3 likes the noun "главное" best; the text's "Главным" lemmatises so."""
    from bilat.extract.nlp_ru import analyses

    return next((lem for lem, pos, _g in analyses(word) if pos == "ADJF"), None)


def _longest(spans: list[tuple[int, int, str]]) -> Iterator[tuple[int, int, str]]:
    """Keep the longest non-overlapping matches (token offsets)."""
    taken: set[int] = set()
    for start, end, key in sorted(spans, key=lambda s: (-(s[1] - s[0]), s[0])):
        if any(i in taken for i in range(start, end)):
            continue
        taken.update(range(start, end))
        yield start, end, key


def _fold(word: str) -> str:
    """A word lower-cased with its accents dropped: "Việt" -> "viet", "Nội" -> "noi"."""
    return normalize(word).replace(" ", "")


def _folded_matcher(gaz: Gazetteer, doc: Any) -> Any:
    """The lower-cased forms matched on accent-folded tokens (`_fold` in `norm_`): "Việt Nam",
    "Hà Nội", "Lương Cường" as the gazetteer writes them, "Viet Nam", "Ha Noi"."""
    key = (id(gaz), id(doc.vocab))
    if key not in _FOLDED:
        import spacy
        from spacy.matcher import PhraseMatcher

        blank = spacy.blank(doc.lang_, vocab=doc.vocab)
        folded = PhraseMatcher(doc.vocab, attr="NORM")
        _, _, by_key = _matchers(gaz, doc)
        for key_ in by_key:
            if key_.startswith("~"):
                pattern = blank.make_doc(key_[1:])
                for token in pattern:
                    token.norm_ = _fold(token.text)
                folded.add(key_, [pattern])
        _FOLDED[key] = folded
    return _FOLDED[key]


def _accented(doc: Any) -> bool:
    """Whether the doc has a Latin letter with an accent (a name written with its diacritics)."""
    return any(not t.is_ascii and t.is_alpha and not _cyrillic(t.text) for t in doc)


def _cyrillic(word: str) -> bool:
    return any("Ѐ" <= c <= "ӿ" for c in word)


def find_gazetteer_mentions(gaz: Gazetteer, doc: Any) -> list[GazMatch]:
    exact, lower, by_key = _matchers(gaz, doc)
    strings = doc.vocab.strings
    spans = [(s, e, strings[m]) for m, s, e in (*exact(doc), *lower(doc))]
    if doc.lang_ != "ru" and _accented(doc):
        for token in doc:  # (only the folded matcher reads NORM)
            token.norm_ = _fold(token.text) if not token.is_ascii else token.lower_
        spans += [(s, e, strings[m]) for m, s, e in _folded_matcher(gaz, doc)(doc)]
    by_lemma: dict[str, list[Entry]] = {}
    if doc.lang_ == "ru":
        lemma_matcher, by_lemma = _lemma_matcher(gaz, doc)
        spans += [(s, e, strings[m]) for m, s, e in lemma_matcher(doc)]
    out = []
    for start, end, key in _longest(spans):
        span = doc[start:end]
        if key.startswith("=") and span.text.isupper() and _in_capitals(doc.text, span):
            continue  # "GAS: POWER OF SIBERIA ABOVE PLAN": a word in a line of capitals, no PLAN
        entries = by_lemma[key] if key.startswith("^") else by_key[key]
        out.append(GazMatch(span.start_char, span.end_char, span.text, tuple(entries)))
    return sorted(out, key=lambda g: g.start)


def _in_capitals(text: str, span: Any) -> bool:
    """The line of a case-sensitive form is written in capitals ('GAS: POWER OF SIBERIA ABOVE
    PLAN', 'RUSSIA AND CHINA SIGN ...'): its capitals say nothing of an acronym. An acronym
    counts only where the line has lower-case words beside it."""
    start = text.rfind("\n", 0, span.start_char) + 1
    end = text.find("\n", span.end_char)
    line = text[start : end if end >= 0 else len(text)]
    return in_capitals(line[: span.start_char - start] + " " + line[span.end_char - start :])
