"""What an opinion poll found is no figure of the relationship: the shares of respondents
who named, said or see something, and the size of the sample ("64% named China among
Russia's friendly nations", "a poll of 1,613 adults", "46% of Russians regard India as a
friendly state", "the margin of error does not exceed 2.5%"). GOLD.md counts the numbers
that measure the relationship itself (trade, supplies, investment, visitors); a survey of
businesses about that relationship ("Of the 412 companies polled, a quarter said they had
paid commissions") measures it, and is kept.

requires: a sentence's text and the document's
assigns : nothing; a predicate for `figures`
"""

from __future__ import annotations

import re
from functools import lru_cache

from bilat.extract.numbers import Quantity

__all__ = ["poll_result"]

# the sentence or its paragraph tells of a poll of people
_POLL = re.compile(
    r"\b(?:poll(?:s|ed|ster|sters)?|surveys?|surveyed|respondents|Levada|VTsIOM|Pew|Gallup"
    r"|Barometer)\b|(?<![\w-])(?:опрос\w*|опрошенн\w*|респондент\w*|ВЦИОМ|Левада|ФОМ)(?![\w-])",
    re.I,
)
# a survey of businesses, not of opinion ("Of the 412 companies polled", "a survey of 300
# exporters", "опрос компаний")
_BUSINESSES = re.compile(
    r"\b(?:compan(?:y|ies)|firms|businesses|exporters|importers|enterprises|members|banks"
    r"|manufacturers)\s+(?:polled|surveyed|questioned|asked|interviewed)\b"
    r"|\bsurvey(?:ed)?\s+(?:of\s+)?(?:[\d,]+\s+)?(?:\w+\s+)?(?:compan|firms|businesses|exporters"
    r"|importers|enterprises|members|manufacturers|banks)"
    r"|(?<![\w-])(?:опрос\w*|опрошенн\w*)\s+(?:[\d\s]+\s+)?(?:компани|предприяти|экспортер|фирм)",
    re.I,
)
_PEOPLE = (
    # (not "Chinese" or "Japanese": "31,000 Japanese companies", "140 Chinese entities")
    r"(?:respondents|adults|people|citizens|residents|voters|Russians|Americans"
    r"|Indians|Kazakhs|Koreans|Europeans|those\s+(?:polled|surveyed|asked)|россиян|респондентов"
    r"|опрошенных|граждан|жителей)"
)
# right after a share: whom it is of, or what they said of it
_SHARE_OF_PEOPLE = re.compile(
    rf"\s+(?:of\s+(?:the\s+)?(?:[\d,.]+\s+)?(?:[a-z-]+\s+)?{_PEOPLE}\b"
    r"|(?:are|were)\s+(?:against|in\s+favou?r|for\s+it|opposed)\b"
    r"|(?:said|say|says|named|name|names|see|sees|saw|view|views|viewed|regard|regards"
    r"|regarded|consider|considers|considered|hold|holds|held|have|has|had|agreed|agree"
    r"|disagreed|opposed|oppose|support|supported|believe|believed|think|thought|trust|trusted"
    r"|distrust|would|want|wanted|favou?r|favou?red|expressed|described|called|answered"
    r"|approve|approved|disapprove|disapproved|chose|picked|rated"
    r"|назвали|считают|считали|видят|относятся|доверяют|заявили|ответили|поддерживают)\b)",
    re.I,
)
# a sample's size: "a poll of 1,613 adults", "among 1,600 respondents", "1,020 adults"
_SAMPLE = re.compile(rf"\s+{_PEOPLE}\b", re.I)
_ERROR = re.compile(r"\bmargin\s+of\s+error\b|погрешност", re.I)
_NAMED_PEOPLE = re.compile(rf"\b{_PEOPLE}\b", re.I)


# a share compared with, told after a poll's share: "64% named China ..., up from 51% in
# February 2022", "41% of 1,200 respondents agreed, against 33% in spring 2023"
_COMPARED = re.compile(
    r"\b(?:from|against|versus|vs\.?|than|compared\s+(?:to|with))\s+(?:about\s+|some\s+|just\s+)?$"
    r"|(?<![\w-])(?:против|с|чем)\s+$",
    re.I,
)
_SHARE = re.compile(r"\d[\d.,]*\s*(?:%|percent\b|per\s+cent\b|процент\w*)", re.I)


@lru_cache(maxsize=8)
def _opinion_poll(document: str) -> bool:
    """The document tells of a poll of people, and of no survey of businesses (read once per
    document: a string keeps its hash, so a look-up after the first is cheap)."""
    return bool(_POLL.search(document)) and not _BUSINESSES.search(document)


def poll_result(text: str, q: Quantity, document: str) -> bool:
    """The share or count at `q` in sentence `text` of `document` is what an opinion poll
    found (see the module docstring)."""
    if q.unit not in ("percent", "count") or not _opinion_poll(document):
        return False
    if _ERROR.search(text, max(0, q.start - 60), q.start):
        return True
    if q.unit == "count":
        return bool(_SAMPLE.match(text, q.end))
    if _SHARE_OF_PEOPLE.match(text, q.end):  # ("named by 71% of respondents")
        return True
    if re.search(r"\(\s*$", text[max(0, q.start - 3) : q.start]) and _NAMED_PEOPLE.search(
        text, max(0, q.start - 80), q.start
    ):
        return True  # "Respondents aged 18-24 were most positive (78%)"
    return bool(_COMPARED.search(text, max(0, q.start - 30), q.start)) and any(
        _SHARE_OF_PEOPLE.match(text, m.end()) for m in _SHARE.finditer(text, 0, q.start)
    )
