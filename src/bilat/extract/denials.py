"""What a text denies or says does not exist is not told as fact.

'denied media reports that Erdogan would visit Moscow', 'опроверг сообщения ... о том, что
Эрдоган посетит Москву': no visit; 'denied reports that a new deal with Rosatom had been
discussed', 'There is no nuclear deal with Russia', 'imports from countries without a trade
agreement': no deal. Events and agreements read the same words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["DENIED", "DENIED_RE", "NONE_BEFORE", "denied_at", "unconfirmed"]

# a report denied: what follows it in the sentence
DENIED = (
    r"\b(?:denied|denies|deny|dismissed|rejected|refuted)\s+(?:[\w-]+\s+){0,3}"
    r"(?:reports?|claims?|rumou?rs?|speculation|publications?|articles?)\b"
    r"|(?<!\w)опроверг\w*\s+(?:[\w-]+\s+){0,3}(?:сообщени|информаци|слух|данны|публикаци)\w*"
    # "назвал «домыслами» сообщения о том, что ...", "dismissed as 'speculation' reports that"
    r"|(?<!\w)назвал\w*\s+[«\"“]?(?:домысл|спекуляци|фейк|вымысл|слух|неправд|ложь|ложн)\w*[»\"”]?"
    r"\s+(?:[\w-]+\s+){0,3}(?:сообщени|информаци|публикаци|слух)\w*"
    r"|\b(?:dismissed|rejected|described|called|termed|branded)\s+as\s+[\"“']?\w+[\"”']?\s+(?:[\w-]+\s+){0,3}"
    r"(?:reports?|claims?|rumou?rs?|speculation|publications?|articles?)\b"
    # "denied that a meeting between Li Qiang and Takaichi was being arranged"
    r"|\b(?:denied|denies|deny)\s+that\b"
    # ... with "that" left out: "Ma's office denied he would meet Xi"
    r"|\b(?:denied|denies|deny)\s+(?:he|she|they|it|we)\s+(?:would|will|was|were|is|are|had|has"
    r"|plans?|planned|intends?|intended)\b"
    # "played down talk of a Xi visit to India", "downplayed reports of a deal"
    r"|\b(?:play(?:ed|s|ing)?\s+down|downplay\w*)\s+(?:[\w-]+\s+){0,2}"
    r"(?:talk|reports?|claims?|rumou?rs?|speculation)\b"
    # "did not confirm reports of a final deal", "declined to confirm reports that ..."
    r"|\b(?:did\s+not|didn['’]t|would\s+not|wouldn['’]t|declined\s+to|refused\s+to)\s+"
    r"confirm\s+(?:[\w-]+\s+){0,2}(?:reports?|claims?|rumou?rs?|speculation)\b"
)
DENIED_RE = re.compile(DENIED, re.I)


def denied_at(text: str, at: int) -> bool:
    """A denial opens before `at`: the thing there is what it denies ("denied reports that a
    new deal ...", and within the phrase itself: "denies LNG deal report")."""
    return any(d.start() < at for d in DENIED_RE.finditer(text, 0, at + 80))


# a document said to be missing, right before its noun: "no nuclear deal", "without a trade
# agreement", "нет соглашения", "без соглашения"
NONE_BEFORE = re.compile(
    r"\b(?:no|without)\s+(?:(?:a|an|any)\s+)?(?:[\w-]+\s+){0,2}$"
    r"|(?<!\w)(?:нет|без)\s+(?:[а-яё-]+\s+){0,2}$",
    re.I,
)


# a report told, then said to be unfounded: "Earlier reports that Rosneft had signed a
# crude supply contract with Petronas were not confirmed by either company", "reports of a
# signed deal on a freight service were \"premature\"", "сообщения о том, что ... не
# подтвердились"
_UNCONFIRMED = re.compile(
    r"\b(?:reports?|claims?|rumou?rs?)\s+(?:that|of|about)\s+(?P<told>[^;]{1,250}?)\s+"
    r"(?:was|were|is|are|had\s+been|has\s+been|have\s+been)\s+(?:not\s+(?:been\s+)?"
    r"(?:confirmed|true|accurate)|[\"“«]?(?:unconfirmed|premature|false|untrue|groundless|"
    r"inaccurate|unfounded|denied|wrong|speculative)\b|(?:dismissed|rejected)\s+as\b)"
    r"|(?<![\w-])(?:сообщени|информаци|слух)\w*\s+(?:о\s+том,?\s+что|об?)\s+"
    r"(?P<told_ru>[^;]{1,250}?)\s+(?:не\s+подтвердил\w*|не\s+соответству\w+\s+"
    r"действительности|(?:был[аио]?\s+)?(?:преждевременн|ложн|необоснованн)\w*)",
    re.I,
)


# a yes-no question asks, it does not tell: "Вопрос: Ведутся ли переговоры о новом
# соглашении?", "Q: Will the two leaders meet in Kazan?" (a question with a question word
# takes what it asks about as given: "Когда состоится следующая встреча?")
_QUESTION = re.compile(r"[^.!?:;]*\?")
_YES_NO = re.compile(
    r"^\W*(?:(?:is|are|was|were|will|would|did|does|do|has|have|had|can|could|should|shall)\b"
    r"|.*(?<![\w-])ли\b)",
    re.I | re.S,
)


def unconfirmed(text: str) -> Iterator[tuple[int, int]]:
    """The spans of what reports in `text` told before being called unfounded, and of the
    yes-no questions it asks: no fact."""
    for m in _UNCONFIRMED.finditer(text):
        group = "told" if m.group("told") is not None else "told_ru"
        yield m.start(group), m.end(group)
    for q in _QUESTION.finditer(text):
        if _YES_NO.match(q.group()):
            yield q.start(), q.end()
