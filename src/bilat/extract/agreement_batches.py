"""Counted batches of documents the report does not list ('Russian and Chinese companies
signed 27 agreements', 'will witness the signing of more than 20 memorandums'): one record
of the batch (bilat.extract.agreements), titled as annotators title it — the count with its
qualifier, the documents, that they were signed, by whom and on what occasion.

requires: DocContext.sentences
assigns : nothing; returns titles
"""

from __future__ import annotations

import re

from bilat.extract.context import DocContext, Sentence

__all__ = ["batch_title", "listed_ones", "one_per_topic"]


_QUALIFIER = r"(?:more\s+than|over|about|nearly|some|around|almost|up\s+to)"
# "signed nine documents": counts to twenty in words, as wires write them
_COUNT_WORDS = (
    r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty"
)
_COUNT_BEFORE = re.compile(
    rf"(?<![\w.,$])((?:{_QUALIFIER}\s+)?(?:\d{{1,4}}|(?:{_COUNT_WORDS})(?![\w-])))\s+$", re.I
)
_INCLUDING_ON = re.compile(r"[\w\s-]{0,30},?\s+including\s+(?:on|in)\s+([^.;()]{3,80})", re.I)
# "signed 23 cooperation agreements worth about $4.6 billion, covering new energy vehicles,
# electronics and tourism": what they cover, after what they are worth
_COVERING = re.compile(r",\s+covering\s+((?:[^.;()]|\.\d){3,100})", re.I)
_SIGNED_COUNT = re.compile(
    # "will sign a joint statement and about 20 documents": the count after another object
    r"\b(?:signed|sign|inked|concluded|signing\s+of)\s+(?:(?:an?|the)\s+[\w\s-]{0,60}?\s+and\s+)?$",
    re.I,
)
_SIGNED_AFTER = re.compile(r"\b(?:signed|inked|concluded)\b", re.I)
# who signed: a plural subject right before the verb ("Russian and Chinese companies signed")
_SIGNER_HEADS = (
    "companies", "firms", "businesses", "enterprises", "sides", "parties", "banks", "regions",
    "ministries", "departments", "agencies", "partners", "countries", "governments",
    "delegations", "investors",
)  # fmt: skip
_SIGNERS = re.compile(
    r"(?:^|[,;:]\s*|\b(?:and|as|when|where|while)\s+)"
    r"((?:the\s+)?(?:(?!(?:as|when|where|while|which|who)\b)[\w-]+\s+){0,5}?"
    rf"(?:{'|'.join(_SIGNER_HEADS)}))\s+(?:have\s+|had\s+|also\s+|jointly\s+)?"
    r"(?:signed|inked|concluded)\s+$",
    re.I,
)
# the occasion named in the sentence: "at the China-Russia Local Cooperation Forum"
_OCCASION = re.compile(
    r"\b((?:at|during|on\s+the\s+sidelines\s+of|following|after|within)\s+the\s+"
    r"(?:[\w'’-]+\s+){0,8}?(?:forum|expo|exhibition|fair|summit|talks|meeting|session|visit|"
    r"conference|dialogue))\b",
    re.I,
)
# a document named after these is one of a batch, or one signed just before it
_ITEMISED = re.compile(
    r"\b(?:including|among them|among which)[,:]?\s+(?:[-–—•*]\s*)?(?:(?:an?|the)\s+)?", re.I
)
_ONE_SIGNED = re.compile(r"\bsigned\s+(?:an?|the)\s+", re.I)


# the next sentence tells what the batch covers: "The documents cover railway freight,
# fisheries, health care and education."
_COVER = re.compile(
    r"\W*(?:the|these|they|those)(?:\s+(?:documents|agreements|accords|memorandums|memoranda))?"
    # "The agreements, worth a combined 42 billion rubles (about $520 million), cover ..."
    r"(?:,[^,]{3,80},)?\s+"
    r"(?:cover|concern|deal\s+with|relate\s+to|span|are\s+on)\s+([^.;()]{3,100})",
    re.I,
)


def _covered_next(ctx: DocContext, s: Sentence) -> re.Match[str] | None:
    """What the batch covers, told in one of the next few sentences by "the documents"."""
    for after in ctx.sentences[s.index + 1 : s.index + 5]:
        m = _COVER.match(after.text)
        if m is not None and (after.index == s.index + 1 or _NAMED.match(after.text)):
            return m
    return None


_NAMED = re.compile(r"\W*(?:the|these|those)\s+(?:documents|agreements|accords|memorand)", re.I)


def _names_a_document(any_kind: re.Pattern[str], lead: re.Pattern[str], text: str) -> bool:
    """A kind noun of the lexicon within four words after `lead` ('including an agreement on',
    'signed a cooperation memorandum')."""
    for m in lead.finditer(text):
        window = " ".join(text[m.end() :].split()[:5])
        if any_kind.search(window):
            return True
    return False


def batch_title(
    ctx: DocContext,
    s: Sentence,
    span: tuple[int, int],
    title: str,
    any_kind: re.Pattern[str],
) -> str | None:
    """The title of a signed batch whose documents' words `title` are at `span` of sentence
    `s`, or None when the words name no counted batch. A batch told by its items ('14
    documents were signed, including an agreement on ...', or one named just before: 'X
    signed an agreement on ... In total, 14 agreements were signed') is recorded by them."""
    begin, end = span
    count = _COUNT_BEFORE.search(s.text, 0, begin)
    if count is None:
        return _uncounted(s, span, title)
    signed_before = _SIGNED_COUNT.search(s.text, 0, count.start())
    if not (signed_before or _SIGNED_AFTER.search(s.text, end)):
        return None
    after = s.text[end:]
    if _names_a_document(any_kind, _ITEMISED, after):
        return None
    following = ctx.sentences[s.index + 1] if s.index + 1 < len(ctx.sentences) else None
    if (
        following
        and _ITEMISED.match(following.text.lstrip())
        and _names_a_document(any_kind, _ITEMISED, following.text)
    ):
        return None  # "We expect to sign about ten documents. Among them, an agreement on ..."
    before = ctx.sentences[s.index - 1] if s.index > 0 else None
    if (
        before
        and "\n" not in ctx.clean_text[before.end : s.start]
        and _names_a_document(any_kind, _ONE_SIGNED, before.text)
    ):
        return None
    *qualifier, number = count.group(1).split()
    # where they were signed is the occasion, told last: "14 documents with Chinese partners
    # on the sidelines of the Expo"
    title = re.sub(r"\s+on\s+the\s+(?:sidelines|margins)\s+of\b.*", "", title, flags=re.I)
    out = " ".join([*(w.lower() for w in qualifier), number, title])
    topics = (
        _INCLUDING_ON.match(s.text, end) or _COVERING.search(s.text, end) or _covered_next(ctx, s)
    )
    if topics:  # "16 agreements and memoranda, including on labour mobility and health"
        out += f" on {_SAID_TAIL.sub('', topics.group(1)).strip()}"
    out += " signed"
    signers = _SIGNERS.search(s.text, 0, count.start()) if signed_before else None
    if signers:
        out += f" by {_lower_article(signers.group(1))}"
    occasion = _OCCASION.search(s.text)
    if occasion and occasion.group(1).lower() not in out.lower():
        out += f" {_lower_article(_named_occasion(ctx, s, occasion.group(1)))}"
    return out


_BARE_OCCASION = re.compile(
    r"^(?P<lead>.*?\bthe\s+)(?P<noun>forum|expo|exhibition|fair|summit)$", re.I
)


# "cover soybean processing, timber and tourism, the press service said": who told it
_SAID_TAIL = re.compile(r",\s+(?:the\s+)?[\w\s'’-]{0,40}\s(?:said|says|reported|told)\b.*$", re.I)


def _named_occasion(ctx: DocContext, s: Sentence, occasion: str) -> str:
    """'at the forum' after 'the opening of the China-Russia Local Cooperation Forum': the
    occasion by the name the report gave it."""
    bare = _BARE_OCCASION.match(occasion)
    if bare is None:
        return occasion
    noun = bare["noun"].lower()
    named = re.compile(rf"((?:[A-Z][\w'’-]*\s+){{1,6}})(?:{noun[0].upper()}{noun[1:]}|{noun})\b")
    for before in reversed(ctx.sentences[: s.index + 1]):
        found = list(named.finditer(before.text))
        if found:
            name = found[-1].group(0)
            return f"{bare['lead']}{name[0].upper()}{name[1:]}"
    return occasion


# "A number of documents was signed during the visit in transport, agriculture, ...": a
# batch not counted, known by what it covers
_UNCOUNTED = re.compile(r"\b(?:a\s+number|several|a\s+series|a\s+range|a\s+package)\s+of\s+$", re.I)
_SIGNED_IN = re.compile(
    r"\s+(?:was|were|have\s+been|has\s+been)\s+signed\s+(?:(?:during|at)\s+the\s+\w+\s+)?"
    r"(?:in|on)\s+(?:the\s+(?:fields?|spheres?|areas?)\s+of\s+)?([^.;()]{3,100})",
    re.I,
)


def _uncounted(s: Sentence, span: tuple[int, int], title: str) -> str | None:
    if not _UNCOUNTED.search(s.text, 0, span[0]):
        return None
    topics = _SIGNED_IN.match(s.text, span[1])
    return f"{title} on {topics.group(1).strip()}" if topics else None


def _lower_article(words: str) -> str:
    """'The sides', 'Following the talks' opening a sentence read inside a title."""
    first, _, rest = words.partition(" ")
    if (
        first in ("The", "At", "During", "Following", "After", "Within", "On", "In")
        or first.lower() in _SIGNER_HEADS
    ):
        return f"{first.lower()} {rest}".strip()  # "Companies signed 31 agreements"
    return words


# "exchanged four memoranda of understanding (MoUs) on trade facilitation, health, water
# resources management and the digital economy": as many documents as topics, one each
_TOPICS_AFTER = re.compile(
    r"(?:\s+of\s+understanding)?(?:\s*\([A-Za-z]{2,8}\))?\s+on\s+([^.;:()]{3,200}?)(?=[.;:]|$)",
    re.I,
)
_SINGULAR = {"memoranda": "memorandum", "memorandums": "memorandum", "mous": "memorandum"}


# "signed seven memorandums of understanding, including one on renewing the currency swap,
# one on jointly combating online scams, and another on exports of persimmons"
_ONE_ON = re.compile(r"(\s+of\s+understanding)?,?\s+including\s+one\s+on\s+([^.;]+)", re.I)
_NEXT_ONE = re.compile(r",\s+(?:and\s+)?(?:one|another)\s+on\s+|\s+and\s+(?:one|another)\s+on\s+")


def listed_ones(text: str, start: int, end: int) -> tuple[list[str], int]:
    """The titles of the documents a batch's noun at [start, end) lists as "including one
    on A, one on B and another on C" (one each, of the batch's kind), and where the list
    ends; ([], end) otherwise."""
    listed = _ONE_ON.match(text, end)
    if listed is None:
        return [], end
    items = [i.strip(" ,") for i in _NEXT_ONE.split(listed.group(2))]
    if len(items) < 2 or not all(items):
        return [], end
    noun = text[start:end].lower()
    head = _SINGULAR.get(noun.split()[0], noun.split()[0].rstrip("s"))
    if head == "memorandum" and listed.group(1):
        head = "memorandum of understanding"
    return [f"{head} on {i}" for i in items], listed.end()


def one_per_topic(text: str, start: int, end: int) -> list[str]:
    """The titles of counted documents whose count equals the topics listed after them, one
    per topic ('memorandum of understanding on health'), or of those a batch lists one by
    one (`listed_ones`); [] otherwise."""
    listed, _ = listed_ones(text, start, end)
    if listed:
        return listed
    count = _COUNT_BEFORE.search(text, 0, start)
    topics_m = _TOPICS_AFTER.match(text, end)
    if count is None or topics_m is None or count.group(1).split()[0].lower() in _QUALIFIERS:
        return []
    number = count.group(1).split()[-1].lower()
    n = int(number) if number.isdigit() else _WORD_NUMBERS.get(number, 0)
    topics = [t.strip() for t in re.split(r",\s*(?:and\s+)?|\s+and\s+", topics_m.group(1))]
    topics = [t for t in topics if t]
    if n < 2 or n != len(topics):
        return []
    noun = text[start:end].lower()
    head = _SINGULAR.get(noun.split()[0], noun.split()[0].rstrip("s"))
    if head == "memorandum" and "understanding" in topics_m.group(0).lower() + noun:
        head = "memorandum of understanding"
    return [f"{head} on {t}" for t in topics]


_QUALIFIERS = frozenset({"more", "over", "about", "nearly", "some", "around", "almost", "up"})
_WORD_NUMBERS = dict(
    zip(
        (
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
        ),
        range(2, 13),
        strict=True,
    )
)
