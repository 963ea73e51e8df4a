"""Load the packaged YAML tables used by the number, time, figure and commitment extractors."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from bilat.datafiles import read_data
from bilat.extract.wordre import words_re

__all__ = ["has_phrase", "load_data", "phrases"]


@cache
def load_data(name: str) -> dict[str, Any]:
    """The mapping stored in `bilat/data/<name>` (parsed once per process)."""
    data = read_data(name)
    if not isinstance(data, dict):
        raise ValueError(f"{name}: expected a mapping at the top level")
    return data


@cache
def phrases(name: str, key: str) -> tuple[str, ...]:
    """A list of phrases from a data file, longest first (so longest matches win)."""
    values = load_data(name)[key]
    return tuple(sorted((str(v) for v in values), key=len, reverse=True))


@cache
def _phrase_re(name: str, key: str) -> re.Pattern[str]:
    return words_re(phrases(name, key))


def has_phrase(text: str, name: str, key: str) -> bool:
    """Whether `text` contains, as whole words and in any case, a phrase of the list `key` in
    data file `name` (one compiled pattern per list)."""
    return _phrase_re(name, key).search(text) is not None
