"""Agreements known by their occasion: the protocol or minutes of a joint body's meeting,
a communique of a heads' meeting (bilat.extract.agreements and agreements_ru title them
here).

requires: DocContext.mentions (the joint bodies the actor stage found)
assigns : nothing; returns titles
"""

from __future__ import annotations

import re

from bilat.extract.context import DocContext, Sentence

__all__ = ["AFTER_MEETING", "MEETING_RECORD", "with_body", "with_occasion"]


_OCCASION = re.compile(
    r"\b((?:\d+(?:st|nd|rd|th)|[a-z]+(?:th|st|nd|rd))?\s*(?:regular\s+)?(?:meeting|summit|talks)"
    # "the 30th regular meeting between the heads of government of the two countries"
    r"\s+(?:of|between)\s+(?:the\s+)?(?:heads|leaders|prime ministers|premiers|foreign ministers)"
    r"(?:\s+of\s+(?:state|government))?"
    # "at the 20th meeting of their Joint Intergovernmental Commission"
    r"|(?:\d+(?:st|nd|rd|th)|[a-z]+(?:th|st|nd|rd))\s+(?:meeting|session)\s+of\s+(?:the|their)\s+"
    r"(?-i:(?:[A-Z][\w-]*\s+){0,5}(?:Commission|Committee|Council)))",
    re.I,
)


MEETING_RECORD = re.compile(r"(?:the\s+)?(?:protocol|minutes)$", re.I)
AFTER_MEETING = re.compile(
    r"\b(?:following|after|at\s+the\s+end\s+of|as\s+a\s+result\s+of|(?:up)?on\s+the\s+results\s+of)"
    r"\s+(?:the|this|its|their)\s+(?:[\w-]+\s+){0,2}(?:meeting|session|talks)\b"
    # "co-chaired the session on Tuesday and signed its protocol"
    r"|\b(?:meeting|session)\b[^.;]{0,120}?\b(?:signed|adopted|approved)\s+its\s+"
    r"(?:final\s+)?(?:protocol|minutes)\b",
    re.I,
)
_OF_THE_MEETING = re.compile(r"(?:protocol|minutes) of the (?:meeting|session)", re.I)
_JOINS = re.compile(r"\s+between\s.*$")
_BODY = re.compile(r"\b(?:Commission|Committee|Council|Subcommission|Sub-commission)\b")
# the session the report names: "held the 29th meeting of the Commission for the Preparation
# of Regular Meetings of the Heads of Government of Russia and China", "at the 14th meeting of
# the Joint Cooperation Committee (JCC) of the China-Pakistan Economic Corridor"
_SESSION = re.compile(
    r"\b(?:\d+(?:st|nd|rd|th)|[a-z]+(?:th|st|nd|rd))\s+(?:regular\s+)?(?:meeting|session)\s+of\s+"
    r"(?:the|their)\s+(?:[A-Z][\w'’-]*\s+){0,6}?(?:Commission|Committee|Council)"
    r"(?:\s+(?:\([A-Z]{2,8}\)\s+)?(?:of|for|on)\s+(?:the\s+)?[A-Z][\w'’-]*"
    r"(?:\s+(?:of|for|on|and|the|[A-Z][\w'’-]*))*?(?=\s+(?:in|on|at|held|was|were|co-chaired)\b|[,.;]))?"
    # a body written in lower case, its session not numbered: "for a session of the
    # intergovernmental commission on trade and economic cooperation"
    r"|(?:(?<=\ba\s)|(?<=\bthe\s))(?:\d+(?:st|nd|rd|th)\s+)?(?:session|meeting)\s+of\s+the\s+"
    r"(?:[\w'’-]+\s+){0,4}?"
    r"(?:commission|committee|council)(?:\s+(?:on|for)\s+[a-z][\w'’-]*"
    r"(?:\s+(?:and|[a-z][\w'’-]*)){0,5}?(?=[,.;]|\s+(?:in|on|at|held|was|were)\b))?"
)

_TO_HOLD = re.compile(r"\b(?:to|will|would|shall)\s+(?:hold|convene|host)\s+(?:the|their)\s+$")


def _paragraph(ctx: DocContext, s: Sentence, back: int = 2) -> str:
    """The sentence with up to `back` sentences of its paragraph before it."""
    start = s.start
    for prev in reversed(ctx.sentences[max(0, s.index - back) : s.index]):
        if "\n" in ctx.clean_text[prev.end : start]:
            break
        start = prev.start
    return ctx.clean_text[start : s.end]


def _sessions(text: str) -> list[str]:
    """The sessions a text names as held, not one still to come ('agreed to hold the 30th
    meeting of the Commission next year')."""
    return [m.group(0) for m in _SESSION.finditer(text) if not _TO_HOLD.search(text, 0, m.start())]


def with_body(ctx: DocContext, s: Sentence, title: str) -> str:
    """'The parties also signed the protocol of the meeting': the meeting is the session the
    paragraph names ('held the 29th meeting of the Commission for ...'), else one of the
    joint body the report last named ('... of the China-Kazakhstan Cooperation
    Committee')."""
    if not _OF_THE_MEETING.fullmatch(title):
        return title
    # the session of the paragraph, else the one the report opens with
    session = _sessions(_paragraph(ctx, s))[-1:] or _sessions(ctx.clean_text[: s.start])[:1]
    if session:
        named = re.sub(r"\bof\s+their\b", "of the", session[0], count=1)
        return f"{title.split(' of ', 1)[0]} of the {named}"
    bodies = [
        m.actor
        for m in ctx.mentions_in(0, s.end)
        # a joint body, not one side's own ("the State Council of the People's Republic")
        if m.type == "organization" and _BODY.search(m.actor) and m.country is None
    ]
    if not bodies:
        return title
    # known by its remit, not by the regions it joins ("... between the Northeast of China ...")
    return f"{title} of the {_JOINS.sub('', bodies[-1])}"


def with_occasion(ctx: DocContext, s: Sentence, title: str, kind: str) -> str:
    """A bare communique or joint statement is known by its occasion ('... held the 29th
    regular meeting of heads of government and signed a joint communique'), told in its
    sentence or in the paragraph before it."""
    if kind not in ("communique", "joint_statement", "declaration") or len(title.split()) > 2:
        return title
    m = _OCCASION.search(s.text) or _OCCASION.search(_paragraph(ctx, s))
    if m is None:
        return title
    return f"{title} following the {m.group(1).strip()}"
