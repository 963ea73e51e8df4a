"""The language of a clean text, as an ISO 639-1 code.

needs : clean text
adds  : a language code, or None when the text is too short to tell

py3langid's model is loaded once, on first use; only the first `_MAX_CHARS` characters are
classified, which is plenty for a news article and keeps detection fast.
"""

from __future__ import annotations

import re

import py3langid

__all__ = ["MIN_LETTERS", "detect_language"]

MIN_LETTERS = 20  # fewer letters than this: too short to tell
_MAX_CHARS = 5000
_LETTER = re.compile(r"[^\W\d_]")


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of `text`'s language, or None for too-short text."""
    sample = text[:_MAX_CHARS]
    if len(_LETTER.findall(sample)) < MIN_LETTERS:
        return None
    code, _score = py3langid.classify(sample)
    return str(code) if code else None
