"""Text normalisation shared by the reconcilers: name keys and title content words.

Two strings are "the same name" when their `name_key`s are equal: case, dashes, quotes,
apostrophes, dots and a leading "the" are ignored ("Power of Siberia–2" == "power of siberia 2",
"People's Republic of China" == "Peoples Republic of China").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["content_words", "dice", "is_name_like", "name_key", "tokens", "topic_key"]

_DASHES = re.compile(r"[\u2010-\u2015\u2212\-_/]+")
_DROP = re.compile(r"[\"'`\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u00ab\u00bb.]+")
_OTHER = re.compile(r"[^\w\s]+")
_SPACES = re.compile(r"\s+")

# Title words that say what kind of document it is, not what it is about. Kept short and here
# (not in a data file) because they are part of the matching rule documented in reconcile.md.
_STOPWORDS = frozenset(
    {
        "a",
        "an",
        "the",
        "of",
        "on",
        "in",
        "for",
        "and",
        "to",
        "with",
        "by",
        "at",
        "from",
        "between",
        "about",
        "as",
        "its",
        "their",
        "this",
        "that",
        "following",
        "under",
        "into",
        "over",
        "via",
        "through",
    }
)
_GENERIC = frozenset(
    {
        "agreement",
        "agreements",
        "memorandum",
        "memorandums",
        "memoranda",
        "deal",
        "deals",
        "contract",
        "contracts",
        "document",
        "documents",
        "statement",
        "statements",
        "joint",
        "communique",
        "declaration",
        "declarations",
        "plan",
        "plans",
        "treaty",
        "protocol",
        "understanding",
        "mou",
        "package",
        "intergovernmental",
        "bilateral",
        "new",
        "signed",
        "sign",
        "signing",
    }
)


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """The comparison form of a name: casefolded, no dashes/quotes/dots, no leading 'the'."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _DASHES.sub(" ", text)
    text = _DROP.sub("", text)
    text = _OTHER.sub(" ", text)
    text = _SPACES.sub(" ", text).strip()
    return text[4:] if text.startswith("the ") else text


def tokens(text: str) -> tuple[str, ...]:
    """The words of `name_key(text)`."""
    key = name_key(text)
    return tuple(key.split()) if key else ()


def is_name_like(alias: str) -> bool:
    """True when an alias can identify an actor across documents (has a capital or a digit).

    "the republic" or "the minister" only make sense inside their own article.
    """
    return any(ch.isupper() or ch.isdigit() for ch in alias)


def _stem(word: str) -> str:
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def content_words(title: str) -> frozenset[str]:
    """Title words minus stopwords and generic document words, lightly de-pluralised."""
    return frozenset(
        _stem(word) for word in tokens(title) if word not in _STOPWORDS and word not in _GENERIC
    )


def dice(a: frozenset[str], b: frozenset[str]) -> float:
    """Sørensen–Dice coefficient of two word sets (0 when both are empty)."""
    if not a and not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def topic_key(text: str | None) -> str | None:
    """What an `other` figure measures, as sorted de-pluralised words (None when empty)."""
    words = sorted({_stem(w) for w in tokens(text or "") if w not in _STOPWORDS})
    return " ".join(words) or None
