"""Batches of documents found by their own shape, counted or packaged, whatever the kind
nouns' lexicon reads ("More than 30 documents were also signed in their presence", "witnessed
the signing of a package of 10 intergovernmental and interdepartmental documents", "expect
investment agreements worth more than US$10 billion to be signed during next month's visit"):
one record of each (bilat.extract.agreements), titled by `bilat.extract.agreement_batches`'
conventions, signed or still to be signed.

requires: DocContext.sentences, clean_text
assigns : nothing; returns Batch spans and titles, and merges a batch told twice
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from bilat.extract.agreement_batches import (
    _COUNT_WORDS,
    _COVERING,
    _INCLUDING_ON,
    _ITEMISED,
    _OCCASION,
    _ONE_SIGNED,
    _QUALIFIER,
    _SAID_TAIL,
    _SIGNERS,
    _covered_next,
    _lower_article,
    _named_occasion,
    _names_a_document,
    one_per_topic,
)
from bilat.extract.context import DocContext, Sentence
from bilat.records import Agreement

__all__ = ["Batch", "find_batches", "one_batch"]


@dataclass(frozen=True, slots=True)
class Batch:
    """A batch told in a sentence: its words at [start, end) of the sentence text, the kind
    of its documents, its title (None when the report records it otherwise: by its items, or
    in a headline) and whether it is still to be signed."""

    start: int
    end: int
    kind: str
    title: str | None
    planned: bool


_NOUN = (
    r"(?:documents|agreements|memorand(?:a|ums)(?:\s+of\s+understanding)?(?:\s*\(MoUs\))?|"
    r"contracts|deals|accords|MoUs)"
)
# a word of what the documents are ("intergovernmental", "cooperation", "commercial")
_MOD = (
    r"(?!(?:the|a|an|of|were|was|have|has|had|be|been|being|are|is|will|would|to|worth|with|"
    r"signed|sign|signing|in|on|at|by|for|total|and|also|other\s+than|these|those|their|its|"
    r"which|that|some|all|two|several|many|more|such|previous|existing|earlier|prior|will|"
    r"expects?|hopes?|plans?|said|says|witness|witnesses|oversaw|oversee|see|saw|includes?|"
    r"including|reach|seal|ink|conclude|exchange|prepare|draft|where|when|while|as|after|"
    r"before|who|whose|than|[\w-]+ed)\b)"
    r"(?-i:[a-z])[\w-]*"
)
_BATCH = re.compile(
    r"(?<![\w.,$€£¥-])(?P<package>(?:a|the)\s+(?:package|set|series|batch)\s+of\s+)?"
    rf"(?P<count>(?:{_QUALIFIER}\s+)?(?:\d{{1,3}}|{_COUNT_WORDS}|(?:a|two)\s+dozen)\s+)?"
    rf"(?P<mods>(?:{_MOD}(?:,\s+|\s+and\s+|\s+)){{0,4}}?)"
    rf"(?P<noun>{_NOUN})(?:\s+and\s+(?:{_MOD}\s+){{0,3}}?(?P<noun2>{_NOUN}))?(?![\w-])",
    re.I,
)
# what the batch is worth, passed over to what it covers: "worth a combined $10.7 billion"
_WORTH = re.compile(
    r",?\s+(?:worth|valued\s+at|totall?ing|for\s+the\s+sum\s+of|with\s+a\s+total\s+"
    r"(?:value|amount)\s+of)\s+(?:[^,;.]|\.\d)*?(?=\s+(?:in|on|covering|to|were|was|are|is|"
    r"have|has|had|signed|at|during|for|with)\b|[,;]|\.(?!\d)|$)",
    re.I,
)
_PASSIVE = re.compile(
    r"\s+(?:were|was|have\s+been|has\s+been|had\s+been|are|will\s+be)\s+(?:also\s+)?"
    r"(?:signed|exchanged|inked|concluded)\b",
    re.I,
)
_TOPIC_LEAD = re.compile(
    r",?\s+(?:(?:that\s+)?cover(?:ing|s)?(?:\s+(?:areas|fields|sectors)\s+such\s+as)?|"
    r"in\s+(?:the\s+)?(?:fields?|spheres?|areas?|sectors?)\s+(?:of|including|such\s+as)|"
    r"on\s+(?:projects\s+in\s+)?|in\s+(?!the\b|their\b|total\b|all\b|(?-i:[A-Z]))|"
    r"related\s+to|concerning)\s*"
    r"(?=(?-i:[a-z]))(?!(?:the\s+)?(?:sidelines|margins|presence|occasion)\b)",
    re.I,
)
_TOPIC_END = re.compile(
    r"\s+(?:were|was|have|had|at|during|worth|signed|with|following|after|in\s+the\s+presence|"
    r"on\s+(?:the\s+)?(?-i:[A-Z]))\b|[.;:()]|,\s+(?:as|which|while|said|according|who|where|"
    r"when|including\s+(?:an?|the)|among\s+them)\b|$",
    re.I,
)
_SIGN_BEFORE = re.compile(
    r"\b(?:signed|sign|signing|inked|ink|concluded|conclude|exchanged|exchange|sealed|seal|"
    r"put\s+their\s+names\s+to)\b(?:\s+(?:of|also|a|an|the))*\s+(?:[\w-]+\s+){0,8}?$",
    re.I,
)
_SIGN_AFTER = re.compile(
    r"(?:[^;.]|\.\d){0,110}?\b(?:signed|inked|concluded|exchanged|sealed|for\s+signing|"
    r"being\s+(?:prepared|drafted))\b",
    re.I,
)
_PLANNED_BEFORE = re.compile(
    r"\b(?:will|would|shall|to|expected|expects?|plans?|planned|hopes?|set|due|going\s+to)\s+"
    r"(?:\w+\s+){0,2}$",
    re.I,
)
_WITNESS_AHEAD = re.compile(r"\b(?:witness|attend|oversee)\s+the\s+$", re.I)
_PLANNED_AFTER = re.compile(
    r"(?:[^;.]|\.\d){0,110}?\b(?:to\s+be|will\s+be|would\s+be|for\s+signing|being\s+"
    r"(?:prepared|drafted))\b",
    re.I,
)
_PRESENCE = re.compile(
    r"\bin\s+(?:the|their)\s+presence(?:\s+of\s+(?:the\s+)?(?:two|both)\s+[a-z-]+|"
    r"\s+of\s+(?:[\w-]+\s+){0,4}?(?:[\w-]+))?(?=[,.;]|\s+(?:on|at|during|in|were|was)\b|$)",
    re.I,
)
_PAIR_SIGNERS = re.compile(r"\b(?:sides|parties|countries|states|nations)$", re.I)


def find_batches(ctx: DocContext, s: Sentence, any_kind: re.Pattern[str]) -> list[Batch]:
    """The batches of documents sentence `s` tells as signed or to be signed without naming
    them, counted ('signed 12 documents') or packaged ('a package of documents')."""
    out = []
    for m in _BATCH.finditer(s.text):
        if not (m["count"] or m["package"] or _WORTH.match(s.text, m.end())):
            continue
        if not (m["count"] or m["package"] or m["mods"].strip()):
            continue  # "agreements worth $5 billion": which ones, the report told before
        if one_per_topic(s.text, m.start("noun"), m.end("noun")):
            continue  # "four MoUs on trade, health, water and the digital economy": one each
        sign = _signing(s.text, m)
        if sign is None:
            continue
        title: str | None
        title, topics = _batch_words(ctx, s, m, planned=sign)
        if _heading(ctx, s) or (not topics and _told_by_items(ctx, s, m.end(), any_kind)):
            title = None  # no record of the batch, nor of its words as one document (one
            # known by what it covers is recorded beside the items the report names)
        out.append(Batch(m.start(), m.end(), _batch_kind(m), title, sign))
    return out


def _signing(text: str, m: re.Match[str]) -> bool | None:
    """Whether the batch at `m` is still to be signed (True), was signed (False), or is no
    batch told as signed at all (None)."""
    before = _SIGN_BEFORE.search(text, max(0, m.start() - 90), m.start())
    if before is not None:  # "will hold talks ... and witness the signing of": a plan too
        return bool(
            _PLANNED_BEFORE.search(text, max(0, before.start() - 40), before.start())
            or _WITNESS_AHEAD.search(text, max(0, before.start() - 30), before.start())
        )
    after = _SIGN_AFTER.match(text, m.end())
    if after is None:
        return None
    return bool(_PLANNED_AFTER.match(text, m.end()))


def _heading(ctx: DocContext, s: Sentence) -> bool:
    """A headline or a heading ('Nine documents signed, $100bn goal agreed'): a line with no
    closing stop, whose batch the report tells again, or never tells."""
    line_end = ctx.clean_text.find("\n", s.start)
    line = ctx.clean_text[s.start : line_end if line_end >= 0 else len(ctx.clean_text)]
    return not line.rstrip().endswith((".", "!", "?", ":", '"', "”", "»", ";"))


def _told_by_items(ctx: DocContext, s: Sentence, end: int, any_kind: re.Pattern[str]) -> bool:
    """'14 documents were signed, including an agreement on ...', 'including:' and a list,
    'Among them, ...' next, or one document signed in the sentence before: the batch is
    recorded by its items."""
    after = s.text[end:]
    if _names_a_document(any_kind, _ITEMISED, after) or re.search(r":\s*$", after):
        return True
    following = ctx.sentences[s.index + 1] if s.index + 1 < len(ctx.sentences) else None
    if (
        following
        and _ITEMISED.match(following.text.lstrip())
        and _names_a_document(any_kind, _ITEMISED, following.text)
    ):
        return True
    before = ctx.sentences[s.index - 1] if s.index > 0 else None
    return bool(
        before
        and "\n" not in ctx.clean_text[before.end : s.start]
        and _names_a_document(any_kind, _ONE_SIGNED, before.text)
    )


def _batch_kind(m: re.Match[str]) -> str:
    """Agreement, unless every document is a contract, or the first told a memorandum."""
    if m["noun2"] is None and m["noun"].lower().startswith("contract"):
        return "contract"
    if re.match(r"memorand|mous", m["noun"], re.I):  # "memoranda and joint venture agreements"
        return "memorandum"
    return "agreement"


def _batch_words(ctx: DocContext, s: Sentence, m: re.Match[str], planned: bool) -> tuple[str, bool]:
    """The batch's title (the package, the count, the documents, what they cover, that they
    were or are to be signed, by whom, and the occasion; what they are worth when nothing
    else tells them apart) and whether it tells what they cover."""
    text = _own_lines(s.text, m.start(), m.end())
    package = m["package"] and not re.match(r"the\s+", m["package"], re.I)
    words = ["package of" if package else "", (m["count"] or "").strip().lower()]
    words.append(" ".join(text[m.start("mods") : m.end()].split()))
    at = m.end()
    partners = _WITH_PARTNERS.match(text, at)
    if partners:  # "12 documents with Chinese partners"
        words.append(" ".join(partners.group(0).split()))
        at = partners.end()
    worth = _WORTH.match(text, at)
    topics = _batch_topics(ctx, s, text, worth.end() if worth else at, m.end())
    occasion = (
        _OCCASION.search(text)
        or _WHOSE_OCCASION.search(text)
        or _AT_AN_OCCASION.search(text)
        or _FOR_OCCASION.search(text)
        or _PRESENCE.search(text)
    )
    if worth and not (topics or occasion):  # "more than 40 documents worth about $24 billion"
        words.append(" ".join(worth.group(0).strip(" ,").split()))
    words += [topics, _verb_words(text, m.end(), planned), _signed_by(text, m.start())]
    if occasion:
        words.append(_lower_article(_named_occasion(ctx, s, occasion.group(0))))
    return " ".join(w for w in words if w), bool(topics)


def _verb_words(text: str, end: int, planned: bool) -> str:
    """'signed', 'to be signed', or what the report says of a plan's documents: 'being
    drafted' ('about 10 agreements being drafted for the trip')."""
    if not planned:
        return "signed"
    being = re.match(r"\s+being\s+(prepared|drafted)\b", text[end:], re.I)
    return f"being {being[1].lower()}" if being else "to be signed"


def _own_lines(text: str, start: int, end: int) -> str:
    """The sentence with what lies past a line break on either side of [start, end) blanked
    (offsets kept): a heading the sentence splitter joined to it is no part of it."""
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", end)
    last = len(text) if last < 0 else last
    return " " * first + text[first:last] + " " * (len(text) - last)


def _batch_topics(ctx: DocContext, s: Sentence, text: str, at: int, end: int) -> str:
    """'on X, Y and Z': what the batch covers, told after its words (and what they are
    worth) at `at`, later in the sentence, or in one of the next sentences."""
    passive = _PASSIVE.match(text, at)
    at = passive.end() if passive else at
    lead = _TOPIC_LEAD.match(text, at)
    topics = _TOPIC_END.search(text, lead.end()) if lead else None
    if lead and topics and topics.start() - lead.end() >= 3:
        return "on " + _SAID_TAIL.sub("", text[lead.end() : topics.start()]).strip()
    covered = _INCLUDING_ON.match(text, end) or _COVERING.search(text, end)
    covered = covered or _covered_next(ctx, s)
    return "on " + _SAID_TAIL.sub("", covered.group(1)).strip() if covered else ""


def _signed_by(text: str, start: int) -> str:
    """'by Kazakh and Chinese companies': who signed, told before the batch, unless the two
    sides themselves."""
    signers = _SIGNERS.search(text, 0, start)
    if signers is None or _PAIR_SIGNERS.search(signers[1]) or _NOT_SIGNERS.match(signers[1]):
        return ""
    return f"by {_lower_article(signers[1])}"


# "during next month's visit", "during Putin's trip": an occasion known by whose it is
_WHOSE_OCCASION = re.compile(
    r"\b(?:at|during|for)\s+(?:(?:next|last|this)\s+)?(?:(?-i:[A-Z])[\w-]*\s+){0,3}?"
    r"[\w-]+['’]s\s+(?:[\w-]+\s+){0,3}?"
    r"(?:visit|trip|talks|summit|meeting|forum|session)\b",
    re.I,
)
_AT_AN_OCCASION = re.compile(
    r"\bat\s+an?\s+(?:[\w'’-]+\s+){0,6}?(?:forum|expo|exhibition|fair|summit|conference|"
    r"meeting|session|ceremony)\b",
    re.I,
)
_FOR_OCCASION = re.compile(
    r"\bfor\s+(?:the|his|her|their|this|next)\s+(?:[\w-]+\s+){0,3}?(?:visit|trip|talks|summit)\b",
    re.I,
)
_WITH_PARTNERS = re.compile(
    r"\s+with\s+(?:[\w-]+\s+){0,3}?(?:partners|counterparts|companies|firms)\b", re.I
)
_NOT_SIGNERS = re.compile(r"(?:on|in|at|during|after|following)\s", re.I)


# one batch told twice: "47 documents worth $22 billion were signed during the state visit"
# and later "A number of documents was signed during the visit in transport, agriculture ..."
_COUNTED_TITLE = re.compile(
    rf"^(?:package\s+of\s+)?(?:{_QUALIFIER}\s+)?(?:\d{{1,3}}|{_COUNT_WORDS})\s+(?:[\w-]+\s+){{0,3}}?"
    r"(?P<noun>documents|agreements)\b(?P<rest>.*)$",
    re.I,
)
_SOME_TITLE = re.compile(r"^(?P<noun>documents|agreements)\s+(?P<topics>on\s+.+)$", re.I)
_SOME_QUOTE = re.compile(
    r"\b(?:a\s+number|several|a\s+series|a\s+range)\s+of\s+(?:documents|agreements)\b", re.I
)


def one_batch(found: list[Agreement]) -> list[Agreement]:
    """A batch told by its count and again, uncounted, by what it covers ('a number of
    documents was signed ... in transport and agriculture'): one record, the counted one
    with what the other says it covers."""
    out = list(found)
    for some in found:
        told = _SOME_TITLE.match(some.title)
        if told is None or not _SOME_QUOTE.search(some.evidence.quote):
            continue
        counted = next((a for a in out if _same_batch(a, some, told["noun"])), None)
        if counted is None:
            continue
        out.remove(some)
        rest = _COUNTED_TITLE.match(counted.title)
        if rest is not None and not rest["rest"].startswith(" on "):
            title = f"{counted.title[: rest.start('rest')]} {told['topics']}{rest['rest']}"
            out[out.index(counted)] = replace(counted, title=title)
    return out


def _same_batch(a: Agreement, some: Agreement, noun: str) -> bool:
    counted = _COUNTED_TITLE.match(a.title)
    return bool(counted and counted["noun"].lower() == noun.lower() and a.status == some.status)
