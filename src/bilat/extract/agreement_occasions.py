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
    r"\s+of\s+(?:the\s+)?(?:heads|leaders|prime ministers|premiers|foreign ministers)"
    r"(?:\s+of\s+(?:state|government))?"
    # "at the 20th meeting of their Joint Intergovernmental Commission"
    r"|(?:\d+(?:st|nd|rd|th)|[a-z]+(?:th|st|nd|rd))\s+(?:meeting|session)\s+of\s+(?:the|their)\s+"
    r"(?-i:(?:[A-Z][\w-]*\s+){0,5}(?:Commission|Committee|Council)))",
    re.I,
)


MEETING_RECORD = re.compile(r"(?:the\s+)?(?:protocol|minutes)$", re.I)
AFTER_MEETING = re.compile(
    r"\b(?:following|after|at\s+the\s+end\s+of|as\s+a\s+result\s+of|(?:up)?on\s+the\s+results\s+of)"
    r"\s+(?:the|this|its|their)\s+(?:[\w-]+\s+){0,2}(?:meeting|session|talks)\b",
    re.I,
)
_OF_THE_MEETING = re.compile(r"(?:protocol|minutes) of the (?:meeting|session)", re.I)
_JOINS = re.compile(r"\s+between\s.*$")
_BODY = re.compile(r"\b(?:Commission|Committee|Council|Subcommission|Sub-commission)\b")


def with_body(ctx: DocContext, s: Sentence, title: str) -> str:
    """'The parties also signed the protocol of the meeting': the meeting is the session of
    the joint body the report last named ('... of the China-Kazakhstan Cooperation
    Committee')."""
    if not _OF_THE_MEETING.fullmatch(title):
        return title
    bodies = [
        m.actor
        for m in ctx.mentions_in(0, s.end)
        if m.type == "organization" and _BODY.search(m.actor)
    ]
    if not bodies:
        return title
    # known by its remit, not by the regions it joins ("... between the Northeast of China ...")
    return f"{title} of the {_JOINS.sub('', bodies[-1])}"


def with_occasion(title: str, kind: str, sentence: str) -> str:
    """A bare communique or joint statement is known by its occasion ('... held the 29th
    regular meeting of heads of government and signed a joint communique')."""
    if kind not in ("communique", "joint_statement", "declaration") or len(title.split()) > 2:
        return title
    m = _OCCASION.search(sentence)
    if m is None:
        return title
    return f"{title} following the {m.group(1).strip()}"
