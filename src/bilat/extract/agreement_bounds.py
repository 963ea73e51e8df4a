"""Where a document's title begins and ends in its sentence: left to the capitalised name or
the words that qualify it, right to the first stop (a clause's own verb, a date, a volume,
a relative clause), read past bracketed acronyms, party lists, topic lists and a name's own
commas; a contract named for the goods bought under it; whether what is left names one.

requires: the sentence text and the kind word's span (from `agreements`)
assigns : nothing; title spans for `agreements`
"""

from __future__ import annotations

import re

from bilat.extract.temporal import find_time_expressions

__all__ = [
    "BARE_TAIL",
    "BETWEEN_PARTIES",
    "GOODS_COUNT",
    "goods_after",
    "goods_before",
    "goods_sold",
    "is_specific",
    "title_right",
    "title_span",
]

# goods counted one by one, which name the contract they are bought under ("a contract for 48
# KAAN fighters", "for 113 F404-GE-IN20 engines"), unlike a volume ("for 2 million tonnes a
# year": a figure, GOLD.md); a number, up to three words of its model, then the goods
_GOODS = (
    r"(?:fighters?|jets?|aircraft|airplanes|planes|helicopters?|drones|engines?|rifles?|guns|"
    r"howitzers?|tanks|missiles?|launchers?|batteries|radars?|ships?|submarines?|frigates?|"
    r"corvettes?|destroyers?|vessels?|tankers|carriers|patrol\s+boats|boats|locomotives?|"
    r"wagons|railcars|trainsets|buses|trucks|turbines?|reactors?|satellites?|trainers?|"
    r"squadrons?|units|systems?)"
)
GOODS_COUNT = (
    r"\d[\d,]*\s+(?:(?:more|additional|new|[A-Z0-9][\w/.-]*)\s+){0,3}" + _GOODS + r"(?![\w-])"
)


_STOP = re.compile(
    r"\s*(?:(?<!\d),|,(?!\d{3}\b)|[;:()\[\]“”\"]|(?<!\b[A-Z])\.(?=[\s\"”’»]|$)|\s[-—–]\s|\b(?:was|were|is|are|has|have|had|will|would|which|"
    # a modal or a past tense of its own clause: "the deal on it could be signed", "shipments
    # under their free trade agreement grew more slowly"
    r"could|can|may|might|must|should|shall|being|grew|fell|rose|drew|sent|gave|saw|began|"
    r"does|did|doesn['’]t|didn['’]t|"
    r"became|brought|kept|won|lost|meant|went|"
    # an emphatic pronoun ends the name: "the supply contract itself was still being negotiated"
    r"itself|themselves|"
    r"that|who|signed|adopted|issued|reached|published|during|said|says|covers|covered|"
    # when, not what: "the Power of Siberia 2 contract before Putin's trip to Beijing"
    r"before|ahead\s+of|when|"
    r"includes|included|provides|envisages|stipulates|demonstrated|shows|laid|aims|calls|sets|"
    r"obliges|obligates|commits|binds|guarantees|gives|grants|prohibits|bans|"
    # the clause's own verb after the noun: "talks on the terms of the contract continue"
    r"continue|continues|continued|remain|remains|remained|expires|expired|stalled|took|takes|"
    r"under\s+which|"
    r"entered|enters|came|comes|requires|required|worth|dates|follows|followed|replaces|"
    r"with\s+(?:a\s+)?(?:total|combined)\s+(?:amount|value|worth)|"
    r"replaced|supersedes|"
    r"underpinning|underscored|expands|allows|paves|opens|at\s+the|in\s+(?=[A-Z][a-z])|"
    r"to\s+(?:make|ensure|help|allow|enable|promote|strengthen)|"
    r"and\s+[a-z]+ed|"
    r"and\s+(?:the\s+)?(?:parties|sides|leaders)|and\s+an?|"
    # a second clause with its own subject: "20 cooperation agreements and Chinese companies
    # announced investments", "a joint statement and officials signed nine agreements"; a sum
    # of its own: "20 agreements and R$27 billion in investment pledges"
    r"and\s+(?:[A-Z][\w-]*\s+)?(?:companies|firms|officials|ministers|delegations|banks|"
    r"governments|investors|businesses)\s+(?:[a-z]+\s+)?(?:signed|announced|agreed|pledged|inked|"
    r"said|adopted)|and\s+(?=(?:[A-Z]{0,2}\$|€|£|¥)\s?\d)|"
    # "a joint statement and about 20 intergovernmental documents": a batch of its own
    r"and\s+(?:(?:about|some|nearly|around|over|more\s+than|another)\s+)?\d+\s+(?=(?:[\w-]+\s+){0,4}?"
    r"(?:documents|agreements|memorand\w+|contracts|deals|protocols)\b)|"
    # a relative clause without "that": "a framework agreement the two companies signed"
    r"(?:the|both)\s+(?:two\s+)?(?:companies|sides|parties|countries)\s+(?=signed|agreed|reached))\b"
    # a contract's volume is a figure, not its name: "a supply contract for up to 2 million
    # tonnes a year" (GOLD.md: contract volumes are figures)
    r"|\s+for\s+(?:up\s+to\s+|about\s+|some\s+|nearly\s+|around\s+)?[$€¥₽]?"
    r"(?!(?:19|20)\d\d\s*[-–]\s*(?:19|20)?\d\d\b)(?!" + GOODS_COUNT + r")\d"
    # ... and "envisaging supplies of up to 55 billion cubic meters a year" (not "visas for
    # stays of up to 90 days": what the document grants)
    r"|\s+of\s+up\s+to\s+[$€¥₽]?\d[\d.,]*\s*(?:million|billion|bn|mln|thousand|bcm|tonnes"
    r"|tons|barrels|cubic|mt\b)"
    # ... and the volume it sets: "an agreement to raise supplies ... to 44 bcm a year"
    r"|(?<!\bup)\s+to\s+(?:about\s+|around\s+)?\d[\d.,]*\s*(?:million|mn|mln|bn|billion|thousand)?"
    r"\s*(?:bcm|tonnes|tons|barrels|b/d|bpd|cubic|mt\b))"
)
# what a title may run through: a bracketed acronym ("(CNSA)") and a list of parties
# ("between Russia, Iran, and India")
_ACRONYM = re.compile(r"\s*\([A-Z][A-Za-z]{1,10}\)")
# a quoted name ('of PJSC "KAMAZ" on'), not a quoted clause ('a supply contract "is still
# being worked out"')
_QUOTED = re.compile(r"\s*[\"“](?=[A-Z0-9])[^\"“”.,;]{1,40}[\"”]")
_NEXT_AIM = re.compile(
    r",\s*(?:and\s+)?(?!which|who|that|while|as|but|the|a|an|it|he|she|they)[a-z]+\b"
)
_PARTY_LIST = re.compile(
    r"\s*,\s*(?:and\s+)?(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}(?=\s*(?:,|and\b|on\b|\s*$))"
    # "between the Public Investment Fund (PIF) and a Chinese electric vehicle maker on ..."
    r"|\s+and\s+an?\s+(?:[A-Z][\w'’-]*\s+)?(?:[a-z][\w-]*\s+){0,3}?"
    r"(?:maker|company|firm|producer|manufacturer|partner|investor|bank|group|operator)\b"
)
# what a title on several topics runs through: "agreements on infrastructure, energy and
# agribusiness" (a lower-case item followed by another item)
_TOPIC = re.compile(r"\b(?:on|in|for|covering|concerning)\s")
_TOPIC_LIST = re.compile(
    r",\s*(?!(?:and|or|which|who|that|while|as|but|the|a|an|it|he|she|they|we|its)\b)"
    r"[a-z][\w-]*(?:\s+[a-z][\w-]*)?(?=\s*,|\s+and\s+[a-z])"
)


def _open_topics(text: str, start: int, here: int) -> bool:
    """A list of topics is open after 'on A' or 'on A, B' and closed by 'and C'."""
    topic = _TOPIC.search(text, start, here)
    return topic is not None and not re.search(r"\sand\s", text[topic.end() : here])


_LEFT = re.compile(
    r"((?:(?:[A-Z][\w'’.-]*|\([A-Z][\w-]{1,10}\)|of|legally|binding|joint|new|intergovernmental|"
    r"interdepartmental|bilateral|trilateral|long-term|comprehensive|strategic|framework|"
    r"cooperation|investment|gas|oil|coal|energy|nuclear|supply|trade|purchase|sale|sales|loan|"
    r"credit|export|import|transit|currency|swap|visa|tax|technical|economic|financial|"
    r"partnership|friendship|security|defen[cs]e|military|peace|border|railway|pipeline|"
    r"customs|maritime|space|free|good-neighbourly|"
    # what is supplied or done: "a long-term fertiliser supply agreement"
    r"fertili[sz]ers?|grain|wheat|LNG|electricity|power|uranium|fuel|food|agricultural|"
    r"fisheries|fishing|aviation|shipping|tourism|labour|labor|mining|steel|logistics|digital|"
    # "the bilateral air services agreement", "a codeshare agreement", "a visa-free agreement"
    r"(?<![a-z])air|services|transport|road|codeshare|visa-free|extradition|readmission|"
    r"[a-z]+(?:tion|ment)|"
    # the deal's own qualifiers in company filings: "a non-binding memorandum", "a
    # definitive agreement", "a ten-year offtake contract"
    r"non-binding|definitive|preliminary|exclusive|master|offtake|"
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|thirty)-year|"
    r"(?:purchase|sale)\s+and|\d+-\w+)\s+){0,7})$"
)
_GENERIC_LEAD = re.compile(r"^(?:the|a|an|this|that|these|its|their|new)\s+", re.I)
_GENERIC_TAIL = re.compile(
    r"(?:\s+(?:in|into|with|of|on|for|to|by|from|until|till|through|soon|now|later|again|"
    r"also|already|yet|today|yesterday))+$"
)


_AUXILIARY = re.compile(r"(?:was|were|is|are|has|have|had|will|would|can|could|may)\b", re.I)
# what runs on into the title: "a joint statement that sets a target", "setting a target" (a
# relative clause telling what the document says; not one telling its fate: "a joint
# statement that drew criticism", "an agreement that expires in 2028")
_EXTEND = re.compile(
    r"\s+(?:setting|following|after|to(?=\s+[\"“]?[a-z])|(?:that|which)(?=\s+(?:sets|calls|provides|envisages|"
    r"outlines|commits|pledges|aims|covers|lays|establishes|defines|foresees|stipulates|seeks|"
    r"targets|opens|allows|grants)\b))\s"
)


def title_right(text: str, pos: int) -> int:
    """End of the title that starts before `pos`: the clause boundary, at most ~16 words.
    A bare kind noun ('a joint statement that sets a target...') runs on through the clause."""
    aims = bool(re.match(r"\s+to\s+[a-z]", text[pos:]))
    extend = _EXTEND.match(text, pos)
    if extend and _AUXILIARY.match(text, extend.end()):
        extend = None  # "the Programme that was signed": no part of the name
    if extend:  # "a joint statement that sets a target": the clause's own verb belongs to it
        verb = re.match(r"\S+", text[extend.end() :])
        pos = extend.end() + (verb.end() if verb else 0)
    end = _stop(text, pos, aims)
    dated = [
        t.start
        for t in find_time_expressions(text[pos:end], None)
        if t.start > 0
        and not _NAMED_SPAN.search(text[pos : pos + t.start])
        and not _ATTRIBUTIVE_YEAR.match(text, pos + t.start - 4)
    ]
    if dated:  # "protocols on phytosanitary requirements ... in 2015": the date is not the name
        end = pos + dated[0]
        end -= len(text[pos:end]) - len(
            re.sub(r"\s+(?:in|on|of|from|since)\s*$", "", text[pos:end])
        )
    parties = BETWEEN_PARTIES.match(text, pos, end)
    named = parties.end() if parties else pos  # the parties' names are not what it is about
    words = list(re.finditer(r"\S+", text[named:end]))
    if len(words) > 16:
        end = named + words[15].end()
    return end


# "Agreement between the Government of the Republic of India and the Government of the Russian
# Federation on Temporary Labour Activity ...": the parties, then what the document is on
BETWEEN_PARTIES = re.compile(
    r"\s+between\s+(?:the\s+)?(?-i:[A-Z])[^,;:]*?\s+and\s+(?:the\s+)?(?-i:[A-Z])[^,;:]*?"
    r"(?=\s+(?:on|for|concerning|regarding|in\s+the\s+(?:field|area|sphere)s?\s+of)\s)",
    re.I,
)


# "amending the 2015 intergovernmental agreement": a year before a noun names a document
_ATTRIBUTIVE_YEAR = re.compile(r"(?:the|its|their) (?:19|20)\d\d [a-z]", re.I)
# "a plan for 2027-2030", "the programme for 2024-2028": the years it covers are its name
_NAMED_SPAN = re.compile(r"(?:^|\s)for\s+(?:the\s+(?:period|years)\s+)?$", re.I)


def _stop(text: str, pos: int, aims: bool) -> int:
    """Where the title ends: the first stop, read past bracketed acronyms, party lists and,
    in 'an agreement to reduce tariffs, resume purchases, and cooperate on ...', the list of
    what was agreed."""
    start = pos
    while True:
        stop = _STOP.search(text, pos)
        if stop is None:
            return len(text)
        here = stop.start()
        skip = (
            _ACRONYM.match(text, here)
            or _QUOTED.match(text, here)
            or (_TOPIC_LIST.match(text, here) if _open_topics(text, start, here) else None)
            or (
                _PARTY_LIST.match(text, here)
                if re.search(r"\bbetween\b", text[start:here])
                else None
            )
            or (_NAME_LIST.match(text, here) if _in_a_name(text, start, here) else None)
            or (_NEXT_AIM.match(text, here) if aims else None)
        )
        if skip is None:
            return here
        pos = skip.end()


# a capitalised name that lists its subjects: "the Treaty of Friendship, Cooperation and Mutual
# Assistance", "the Agreement on Trade, Economic and Technical Cooperation"
_NAME_LIST = re.compile(
    r",\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}(?:,\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})*,?"
    r"\s+and\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}"
)
_NAME_WORDS = re.compile(r"(?:\s+(?:[A-Z][\w-]*|of|on|for|in|the|and))+")


def _in_a_name(text: str, start: int, here: int) -> bool:
    """The kind noun and every word after it up to `here` are a capitalised name."""
    capital = re.search(r"(?<![\w-])[A-Z][a-z]+$", text[:start])
    return capital is not None and bool(_NAME_WORDS.fullmatch(text[start:here]))


def title_span(text: str, start: int, end: int) -> tuple[int, str]:
    left = _LEFT.search(text[:start])
    begin = left.start(1) if left and left.group(1) else start
    while text[begin:start].startswith(("of ", "(")):  # a left edge inside a name is no edge
        begin = text.index(" ", begin) + 1
    aim = _aim_after_date(text, end)
    if aim is not None:  # "signed a memorandum on Tuesday to study ...": the date is no name
        raw = text[begin:end] + text[aim : title_right(text, aim)]
    else:
        right = title_right(text, end)
        aim = _aim_after_date(text, right)  # "a contract with X in October to supply coal"
        raw = text[begin:right] + (text[aim : title_right(text, aim)] if aim else "")
    return begin, _unquoted(_GENERIC_LEAD.sub("", _GENERIC_TAIL.sub("", raw.strip())))


_OPENING = {"“": "”", '"': '"', "‘": "’", "«": "»"}


def _unquoted(title: str) -> str:
    """A title cut inside its quotation: 'upgraded ties to a “comprehensive strategic
    partnership of coordination for a new era.”' is that partnership, without the opening mark
    left alone or the sentence's full stop inside the quote."""
    close = _OPENING.get(title[:1])
    if close is None or close in title[1:]:
        return title
    return title[1:].rstrip(".,;:")


# what a deal or contract was for, told before it: "the five S-400 squadrons India ordered
# under a $5.43 billion contract signed in 2018", "Tamal and her sister ship were built under
# a contract worth around $1 billion"
_UNDER = re.compile(
    r"\s(?:built|ordered|bought|purchased|supplied|delivered|acquired|procured|made)"
    r"(?:\s+from\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)?\s+under\s+(?:a|an|the)\s+"
    r"(?:[$€£]?[\d.,]+(?:\s+(?:billion|million|bn|mln))?\s+|(?:19|20)\d\d\s+)?$"
)
_GOODS_STOP = frozenset(
    {"is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "awaiting"}
    | {"received", "said", "says", "that", "which", "who", "while", "when", "as"}
)
BARE_TAIL = re.compile(r"^(?:worth|estimated|valued|signed|totall?ing|of\s+(?:about\s+)?[$€£\d])\b")


def goods_before(text: str, start: int) -> str | None:
    """The goods a deal or contract told by its value was for ('... ordered under a 2015 deal
    estimated at $5 billion'): the noun phrase before the participle, without the person or
    state that ordered them ('squadrons India ordered')."""
    m = _UNDER.search(text, max(0, start - 200), start)
    if m is None:
        return None
    words = text[max(0, m.start() - 160) : m.start()].split()
    while words and words[-1].lower() in ("were", "was", "are", "is", "been", "have", "has"):
        words.pop()  # "were built under"
    if words and words[-1][:1].isupper() and len(words) > 1 and not words[-2][:1].isupper():
        words = words[:-1]  # "squadrons India ordered": India ordered them
    kept: list[str] = []
    for w in reversed(words):
        if (
            w.lower() in _GOODS_STOP
            or w.endswith((",", ".", ";", ":"))
            or re.fullmatch(r"[a-z]+ed", w)
        ):
            break
        kept.insert(0, w)
    what = re.sub(  # "the first of eight submarines", "three of the five squadrons"
        r"^(?:the\s+)?(?:first|last|rest|remainder|one|two|three|four|five|six|seven|eight|nine"
        r"|ten|\d+)\s+of\s+(?:the\s+)?",
        "",
        " ".join(kept),
    )
    return what if len(what.split()) >= 2 else None


# between a document's noun and its date: "in", "signed in", "concluded on"
_BEFORE_A_DATE = re.compile(
    r"\s*(?:(?:signed|concluded|struck|inked|sealed|agreed)\s+)?(?:(?:in|on|at)\s+)?", re.I
)


def _aim_after_date(text: str, end: int) -> int | None:
    """Where the aim starts when a date or a place stands between the noun and it ('a
    memorandum on Tuesday to study the expansion of supplies', '... last June envisaging
    supplies', 'a memorandum of understanding in Beijing to study', 'an agreement in January
    2023 to connect'); None otherwise."""
    after = end
    for _ in range(3):  # "in Beijing on Tuesday to ..."
        times = find_time_expressions(text[after : after + 40], None)
        if times and _BEFORE_A_DATE.fullmatch(text, after, after + times[0].start):
            after += times[0].end  # ("a deal signed in October 2018 for four ships")
            continue
        place = _PLACE_ADJUNCT.match(text, after)
        if place is None:
            break
        after = place.end()
    # "... last June envisaging supplies of up to 55 bcm a year", "... covering"
    # (a decree's: "signed a decree on December 1, allowing Chinese citizens to enter ...")
    aim = (
        r"\s+(?:to\s+[a-z]|(?:covering|providing\s+for|envisaging|allowing|granting|abolishing|"
        r"lifting|imposing|raising|introducing|extending|requiring|establishing|banning)\s)"
    )
    # ... and its subject: "a memorandum of understanding in Moscow on the construction of a
    # nuclear power plant" (not "on the sidelines of", "for the first time")
    subject = (
        r"\s+(?:on|for)\s+(?!(?:the\s+)?(?:sidelines|margins|occasion|eve|first|second|"
        r"behalf|part|way|visit|basis)\b)(?:the\s+)?[a-z]"
    )
    if after > end and text.startswith(",", after) and re.match(aim, text[after + 1 :]):
        after += 1  # "... on December 1 last year, allowing ..."
    return after if after > end and re.match(f"{aim}|{subject}", text[after:]) else None


# where a document was signed: "in Beijing", "at the Kremlin", "in New Delhi"
_PLACE_ADJUNCT = re.compile(r"\s+(?:in|at)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}")


def is_specific(title: str, kind_word: str) -> bool:
    plural = kind_word.lower().endswith("s") or kind_word.lower().startswith("memorandums")
    what = re.sub(r"\s+of\s+understanding\b", "", title, flags=re.I)  # part of the noun
    # where they were signed is not what they are on: "14 documents with Chinese partners on
    # the sidelines of the Expo"
    what = re.sub(r"\s+on\s+the\s+(?:sidelines|margins)\s+of\b.*", "", what, flags=re.I)
    if plural and not re.search(r"\b(?:on|of|for|in|related to|concerning|covering)\b", what):
        return False
    return len(title.split()) >= 2 or kind_word[:1].isupper()


# a contract told by its value, then (past who it is with) the goods it buys: "a contract worth
# about $1 billion (nearly Rs 8,870 crore) with US-based GE Aerospace for 113 engines"
_VALUE_THEN_GOODS = re.compile(
    r"\s+(?:worth|valued\s+at|estimated\s+at)\s+(?:about\s+|around\s+|nearly\s+|some\s+|"
    r"over\s+|more\s+than\s+)?(?:[A-Z]{0,3}[$€£¥₽]\s?|Rs\.?\s?)?[\d.,]+\s*(?:billion|million|bn|"
    r"mln|crore|lakh)?(?:\s+(?:dollars|euros|rupees|yuan|roubles|rubles))?(?:\s*\([^()]{0,60}\))?"
    r"(?:\s+with\s+(?:[\w'’.-]+\s+){1,5}?)?\s*for\s+(?P<goods>" + GOODS_COUNT + ")"
)


def goods_after(text: str, end: int) -> str | None:
    """The goods a contract told by its value buys (`_VALUE_THEN_GOODS`), after its noun."""
    m = _VALUE_THEN_GOODS.match(text, end)
    return m["goods"] if m else None


# a deal told by a volume of the goods it sells: "a 10-year deal in December for up to 500,000
# b/d of crude", "a long-term deal for 1mn t/yr from Arctic LNG 2" (the volume is a figure,
# the goods name the sale)
_VOLUME_OF_GOODS = re.compile(
    r"(?:\s+(?:in|on|last|this)\s+[A-Z][a-z]+(?:\s+\d{4})?)?\s+for\s+(?:up\s+to\s+|about\s+|"
    r"around\s+|some\s+|nearly\s+)?[\d.,]+\s*(?:million|mn|mln|bn|billion|thousand)?\s*"
    r"(?:b/d|bpd|barrels(?:\s+(?:a|per)\s+day)?|tonnes|tons|t/yr|t|mt|bcm|cubic\s+met(?:re|er)s)"
    r"(?:\s*(?:a|per|/)\s*(?:year|yr|day|month))?\s+(?:of|from)\s+(?P<goods>[A-Za-z][\w-]*"
    r"(?:\s+(?:[A-Z0-9][\w-]*|oil|gas|coal|crude|LNG))*)"
)


def goods_sold(text: str, end: int) -> str | None:
    """The goods a deal sells, told by a volume of them after its noun (`_VOLUME_OF_GOODS`)."""
    m = _VOLUME_OF_GOODS.match(text, end)
    return m["goods"] if m else None
