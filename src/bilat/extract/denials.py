"""What a text denies or says does not exist is not told as fact.

'denied media reports that Erdogan would visit Moscow', 'опроверг сообщения ... о том, что
Эрдоган посетит Москву': no visit; 'denied reports that a new deal with Rosatom had been
discussed', 'There is no nuclear deal with Russia', 'imports from countries without a trade
agreement': no deal. Events and agreements read the same words.
"""

from __future__ import annotations

import re

__all__ = ["DENIED", "DENIED_RE", "NONE_BEFORE"]

# a report denied: what follows it in the sentence
DENIED = (
    r"\b(?:denied|denies|deny|dismissed|rejected|refuted)\s+(?:[\w-]+\s+){0,3}"
    r"(?:reports?|claims?|rumou?rs?|speculation|publications?|articles?)\b"
    r"|(?<!\w)опроверг\w*\s+(?:[\w-]+\s+){0,3}(?:сообщени|информаци|слух|данны|публикаци)\w*"
)
DENIED_RE = re.compile(DENIED, re.I)
# a document said to be missing, right before its noun: "no nuclear deal", "without a trade
# agreement", "нет соглашения", "без соглашения"
NONE_BEFORE = re.compile(
    r"\b(?:no|without)\s+(?:(?:a|an|any)\s+)?(?:[\w-]+\s+){0,2}$"
    r"|(?<!\w)(?:нет|без)\s+(?:[а-яё-]+\s+){0,2}$",
    re.I,
)
