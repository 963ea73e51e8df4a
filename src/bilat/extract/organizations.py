"""Bodies and named works the gazetteer does not know, from NER and the text's own words.

requires: DocContext.ents (spaCy NER), the gazetteer (state adjectives and names)
assigns : nothing; `find_organizations` returns `OrgMention`s that the actor stage files

spaCy's small English model tags many things ORG (photo credits, datelines, single words
like "Navy" or "Next"). A body is kept when it looks like one: two or more words ending in an
institutional head noun ("Intergovernmental Commission on Investment Cooperation", "National
Iranian Gas Company", "Heritage Foundation"), or a name followed by its acronym in brackets
("Federal Service for Veterinary and Phytosanitary Surveillance (Rosselkhoznadzor)"), whose
later uses ("Rosselkhoznadzor") are the same body. Its country comes from a state adjective or
name inside it ("Chinese Defense Ministry", "... of the People's Republic of China") or a
possessive before it ("China's National Space Administration"); a body named for both sides
("Russian-Chinese Intergovernmental Commission") belongs to neither. A proper name before an
infrastructure noun ("the Rasht-Astara railway", "the South-Kirinskoye field") is a project.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from bilat.datafiles import read_data
from bilat.extract.gazetteer import LEGAL_FORM, Entry, Gazetteer, normalize
from bilat.extract.temporal_calendar import table
from bilat.extract.wordre import alternation, words_re

__all__ = ["OrgMention", "find_organizations", "states_named_in"]


@dataclass(frozen=True, slots=True)
class OrgMention:
    start: int
    end: int
    name: str  # the body's name as the text writes it in full
    type: str  # organization | company
    country: str | None
    aliases: tuple[str, ...] = ()  # shorter names the text gives it inside this mention


@cache
def _heads() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = read_data("organizations_ner.yaml")
    return (
        words_re(data["head_nouns"]),
        words_re(data["company_words"]),
    )


_ACRONYM = re.compile(r"\s*\(([A-Z][A-Za-z]{1,24})\)?")


# the remit that completes a body's name: "on Investment Cooperation", "for Economic and
# Trade Cooperation", "on NSR cooperation"
@cache
def _remit() -> re.Pattern[str]:
    """A remit a body's name goes on with after 'on/for': a listed one ending in its noun ("on
    Trade, Economic, Scientific, Technological and Cultural Cooperation", "for Economic,
    Trade, Scientific and Technological Cooperation"), or capitalised words that are no day
    (not "the Federation ... and Industry on December 5", "... on Monday": the month and
    weekday names of data/temporal.yaml)."""
    days = alternation([*table("months"), *table("weekdays")], ignore_case=True)
    return re.compile(
        r"\s+(?:on|for)\s+(?:the\s+)?(?:[A-Z][\w-]*(?:,|\s+and)?\s+){1,8}"
        r"(?:Cooperation|Co-operation|Affairs|Relations|Development|Issues|Partnership)\b"
        rf"|\s+(?:on|for)\s+(?:the\s+)?(?!(?i:{days})\.?\b)"
        r"(?:[A-Z][\w-]*\s+(?:(?:and|of|the|in)\s+){0,2})*[A-Z][\w-]*\b"
    )


_NATIONAL = re.compile(r"\b(?:Ministry|Embassy|Consulate|Government|Parliament|Customs)$")
_OF_STATE = re.compile(r"\s+of\s+(?:the\s+)?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})")


_LEAD = re.compile(r"^(?:the|The|THE)\s+")
_POSSESSOR = re.compile(r"^[A-Z][a-z]+['’]s\s+(?=[A-Z])")
_BAD = re.compile(r"[/\n@|]|^\W|\d{3,}")


def find_organizations(
    text: str, ents: tuple[Any, ...], gaz: Gazetteer, media: frozenset[str]
) -> list[OrgMention]:
    """Every mention of a body the NER tags and the rules above accept, in text order."""
    found: list[OrgMention] = []
    for ent in ents:
        if ent.label_ != "ORG":
            continue
        found += list(_from_entity(text, ent.start_char, ent.end_char, gaz, media))
    joint = _with_sub_bodies(text, _joint_bodies(text, gaz))
    found += _projects(text, gaz)
    found += [m for m in _state_ministries(text, gaz) if not _inside_any(m, found)]
    # a joint body's reading wins over NER's and a project's inside it
    found = joint + [m for m in found if not _inside_any(m, joint)]
    found += _later_uses(text, found)
    unique: dict[tuple[int, int], OrgMention] = {}
    for m in found:
        unique.setdefault((m.start, m.end), m)  # NER's own reading first
    countries: dict[str, str] = {}
    for m in unique.values():
        if m.country is not None:
            countries.setdefault(m.name, m.country)  # one body, one country
    return sorted(
        (replace(m, country=countries.get(m.name, m.country)) for m in unique.values()),
        key=lambda m: m.start,
    )


# a name after a trade noun: capitalised words (not a sentence's next word)
_DESCRIBED_NAME = r"(?P<name>[A-Z][\w&'’.-]*[\w&](?:\s+(?:[A-Z][\w&'’.-]*[\w&]|&)){0,3})"
_FORMS = frozenset({"Co", "Corp", "Ltd", "Inc", "Limited", "Group"})
_NOT_MAKER = re.compile(r"\b(?:policy|decision|peace|deal|king|match|film|law)\s*$", re.I)


@cache
def _described_re() -> re.Pattern[str]:
    nouns = [str(w) for w in read_data("organizations_ner.yaml")["company_descriptors"]]
    lower = alternation(nouns)
    opening = alternation(n[:1].upper() + n[1:] for n in nouns)
    # lower case inside a sentence ("producer Elga Coal"), capitalised only as its first word
    # ("Trader Kolmar said"): "China Media Group Wang Bin" is a name and its director
    return re.compile(
        rf"(?:(?<![\w-])(?:{lower})|(?:^|(?<=[.!?]\s)|(?<=\n))(?:{opening}))\s+{_DESCRIBED_NAME}",
        re.M,
    )


def described_companies(text: str, gaz: Gazetteer) -> list[OrgMention]:
    """Companies known by the trade noun before them ('Russian producer Elga Coal', 'Trader
    Kolmar said', 'steelmaker China Baowu'), which the small NER model takes for people; of
    the state its name or the adjective before the noun names."""
    found: list[OrgMention] = []
    for m in _described_re().finditer(text):
        if _NOT_MAKER.search(text, max(0, m.start() - 10), m.start()):
            continue
        name = m.group("name")
        if " " not in name and (LEGAL_FORM.search(" " + name) or name.rstrip(".") in _FORMS):
            continue  # "Group Co., Ltd": the legal form of a name before
        adjective = re.search(
            r"([A-Z][\w'’]+)\s+(?:[a-z-]+\s+)?$", text[max(0, m.start() - 30) : m.start()]
        )
        state = gaz.state_for_adjective(adjective.group(1)) if adjective else None
        country = _country(text, m.start(), name, gaz) or (state.country if state else None)
        found.append(OrgMention(m.start("name"), m.end("name"), name, "company", country))
    return found


def _from_entity(
    text: str, start: int, end: int, gaz: Gazetteer, media: frozenset[str]
) -> Iterator[OrgMention]:
    raw = text[start:end]
    lead = _LEAD.match(raw) or _POSSESSOR.match(raw)  # "the ...", "China's General ..."
    if lead:
        start, raw = start + lead.end(), raw[lead.end() :]
    if "(" in raw:  # "... Surveillance (Rosselkhoznadzor": the acronym is read below
        raw = raw[: raw.index("(")].rstrip()
    name = re.sub(r"['’]s$", "", raw.strip(" ,.;:\"“”'’"))  # "Kazan Federal University's"
    if not re.match(r"(?:Embassy|Consulate|Mission)\b", name):
        name = re.sub(r"\s+in\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*$", "", name)
    heads, companies = _heads()
    if (of := _OF_STATE.match(text, start + len(name))) and gaz.state_named(of.group(1)):
        name += of.group(0)  # NER stops before it: "Association of Tour Operators [of Russia]"
    core = re.split(r"\s+(?:of|for|on|in)\s+", name, maxsplit=1)[0]  # "Ministry [of Commerce]"
    if not core or not heads.search(core.split()[-1]):
        return
    tail = _remit().match(text, start + len(name))
    if tail:
        name += tail.group(0)  # NER stops at "on": "Commission [on Energy Cooperation]"
    between = _BETWEEN_STATES.match(text, start + len(name))
    if between and len(states_named_in(between.group(0), gaz)) == 2:
        name += between.group(0)  # "... [between the Northeast of China and ... of Russia]"
    if not _looks_like_body(name, media) or _IN_TITLE.search(text[max(0, start - 40) : start]):
        return
    kind = "company" if companies.search(name) else "organization"
    legal = LEGAL_FORM.search(name)
    shown = len(name)
    if legal and not legal["fold"] and len(name[: legal.start()].split()) >= 2:
        # "Zijin Mining Group Co. Ltd": the company's name, its mention the whole (an alias
        # with the form, "Ltd." with its full stop as written)
        shown += text[start + shown : start + shown + 1] == "." and name[-1] != "."
        name = name[: legal.start()]
    country = _country(text, start, name, gaz)
    if country is None and _NATIONAL.search(core):
        return  # "the Ministry of Foreign Affairs": whose, the text does not say here
    yield OrgMention(start, start + shown, name, kind, country)
    acronym = _ACRONYM.match(text, start + len(name))
    if acronym and normalize(acronym.group(1)) not in media:
        a_start = acronym.start(1)
        yield OrgMention(a_start, a_start + len(acronym.group(1)), name, kind, country)


# the regions or states a joint body joins, part of its name
_BETWEEN_STATES = re.compile(
    r"\s+between\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:(?:and|of|the)\s+)*[A-Z][\w'’-]*)+"
)


def states_named_in(words: str, gaz: Gazetteer) -> list[Entry]:
    """The states a phrase names by name, once each ('between the Northeast Region of China
    and the Far East of Russia': China, Russia)."""
    found: dict[str, Entry] = {}
    for word in re.findall(r"[A-Z][\w'’]+", words):
        entry = gaz.state_named(word)
        if entry is not None and entry.country:
            found.setdefault(entry.country, entry)
    return list(found.values())


# "Deputy Chairman of the Executive Board": a body inside someone's title
_IN_TITLE = re.compile(
    r"\b(?:(?:Chairman|Chairwoman|Chair|Head|Director|Member|Secretary|President|Deputy|Minister)"
    r"\s+of|(?:analyst|expert|researcher|professor|fellow|scholar|economist|lecturer|student|"
    r"specialist|employee|staff)s?\s+(?:at|of|from|with))\s+(?:the\s+)?$",
    re.I,
)  # and "an analyst at the X Fund": a commentator's workplace is no party (GOLD)


def _looks_like_body(name: str, media: frozenset[str]) -> bool:
    words = name.split()
    if len(words) < 2 or _BAD.search(name) or normalize(name) in media:
        return False
    if name.isupper():  # a dateline or a shouted headline word
        return False
    if len(words) == 2 and all(w.lower() in _generic() for w in words):
        return False  # "Foreign Ministry", "Central Bank": whose, the name does not say
    return sum(w[:1].isupper() for w in words) >= 2


@cache
def _generic() -> frozenset[str]:
    data = read_data("organizations_ner.yaml")
    words = [*data["head_nouns"], *data["generic_modifiers"]]
    return frozenset(str(w).lower() for w in words)


def _country(text: str, start: int, name: str, gaz: Gazetteer) -> str | None:
    sides: set[str] = set()
    for word in re.findall(r"[A-Z][\w'’]+", name):
        entry = gaz.state_for_adjective(word) or gaz.state_named(word)
        if entry is not None and entry.country:
            sides.add(entry.country)
    for state in re.findall(r"\bof (?:the )?((?:[A-Z][\w'’]+\s?){1,4})$", name):
        entry = gaz.state_named(state.strip())
        if entry is not None and entry.country:
            sides.add(entry.country)
    possessive = re.search(r"([A-Z][\w]+)['’]s\s+$", text[max(0, start - 30) : start])
    if not sides and possessive:
        entry = gaz.state_named(possessive.group(1))
        if entry is not None and entry.country:
            sides.add(entry.country)
    return sides.pop() if len(sides) == 1 else None


# a body of two states, named for both ("the Russian-Chinese Intergovernmental Commission on
# Investment Cooperation", "the China-Russia Economic and Trade Cooperation Sub-Committee", "the
# Russian-Uzbek intergovernmental commission", "the Russian-Chinese sub-commission on cooperation
# on the Northern Sea Route"): its words may be lower case, unlike a name NER finds
_JOINT_BODY = re.compile(
    r"\b([A-Z][a-z]+) ?[-–—] ?([A-Z][a-z]+)"
    r"((?: +(?:[A-Z][\w-]*|and|intergovernmental|interparliamentary|interregional|"
    r"parliamentary|business|economic|trade|investment|energy|humanitarian)){0,5}?)"
    r" +((?:[Ss]ub-?)?[Cc]ommission|(?:[Ss]ub-?)?[Cc]ommittee|Sub-Committee|[Cc]ouncil"
    r"|[Ww]orking [Gg]roup)\b"
)
# its remit in lower case: "on investment cooperation", "on trade and economic cooperation",
# "on cooperation on the Northern Sea Route", "in the Arctic" (not the venue "in Harbin")
_REMIT_NOUN = (
    r"(?:cooperation|investments?|trade|energy|security|affairs|issues|relations|coal|oil|gas|"
    r"agriculture|transport|logistics|customs|tourism|education|culture|health|science|finance|"
    r"banking|industry|aviation|space|nuclear\s+energy|connectivity|infrastructure)"
)
_REMIT_LOWER = re.compile(
    rf"\s+(?:on|for)\s+(?:(?:{_REMIT_NOUN}|and|[a-z]+(?:al|ic|ary|ian|ive)|[a-z]+-[a-z]+)\s+)"
    rf"{{0,4}}{_REMIT_NOUN}\b(?:\s+(?:on(?:\s+the)?|in\s+the)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)?"
    # the commission that prepares the heads' regular meetings (RU-CN since 1996, also others)
    r"|\s+for\s+(?:the\s+)?prepar(?:ing|ation\s+of)\s+(?:the\s+)?(?:regular\s+)?meetings\s+"
    r"of\s+(?:the\s+)?heads\s+of\s+(?:state|government)s?\b"
)


# a state's ministry named by its remit: "India's commerce ministry", "the Russian foreign
# ministry", "China's Defense Ministry", "Turkey's Culture and Tourism Ministry"
_STATE_MINISTRY = re.compile(
    r"\b(?:(?P<owner>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)['’]s|(?P<adj>[A-Z][a-z]+))\s+"
    r"(?P<body>(?:(?:[a-z]+|[A-Z][a-z]+)\s+(?:and\s+)?){1,3}[Mm]inistry)\b"
    # (not "of ...": NER's whole name; not "Chinese Foreign Ministry spokesperson X": a title)
    r"(?!\s+(?:of|spokes\w+|official|officials|press|source|sources)\b)"
)
_REMITS = frozenset({
    "foreign", "commerce", "trade", "finance", "defence", "defense", "energy", "economy",
    "economic", "agriculture", "agricultural", "industry", "industrial", "culture", "tourism",
    "transport", "health", "education", "interior", "justice", "labour", "labor", "mining",
    "mines", "oil", "petroleum", "investment", "development", "digital", "science",
    "environment", "fisheries", "emergencies", "construction", "communications", "information",
})  # fmt: skip


def _state_ministries(text: str, gaz: Gazetteer) -> list[OrgMention]:
    """A ministry of a named state by its remit (its words lower or upper case); the words
    without the state are its short name ('commerce ministry')."""
    found, pos = [], 0
    while (m := _STATE_MINISTRY.search(text, pos)) is not None:
        pos = m.start() + 1  # "The Indian commerce ministry": the next word may be the state
        words = m["body"].lower().split()[:-1]
        if not words or any(w not in _REMITS and w != "and" for w in words):
            continue
        state = m["owner"] or m["adj"]
        entry = gaz.state_named(state) if m["owner"] else gaz.state_for_adjective(state)
        if entry is None or not entry.country:
            continue
        found.append(
            OrgMention(m.start(), m.end(), m[0], "organization", entry.country, (m["body"],))
        )
        pos = m.end()
    return found


def _inside_any(m: OrgMention, bodies: list[OrgMention]) -> bool:
    return any(b.start < m.end and m.start < b.end for b in bodies)


_OF_A_BODY = re.compile(r"\s+of\s+the\s+[A-Z]")


def _joint_bodies(text: str, gaz: Gazetteer) -> list[OrgMention]:
    """Commissions, committees and councils of two states, named for both of them."""
    spans = []
    for m in _JOINT_BODY.finditer(text):
        a, b = (gaz.state_for_adjective(w) or gaz.state_named(w) for w in m.group(1, 2))
        if a is None or b is None or a.country == b.country:
            continue
        remit = _remit().match(text, m.end()) or _REMIT_LOWER.match(text, m.end())
        if remit is None and not m.group(3):
            continue  # 'the Russian-Chinese commission': which one, the words do not say
        end = remit.end() if remit else m.end()
        if m.group(4).lower().startswith("sub") and _OF_A_BODY.match(text, end):
            continue  # "the Indian-Russian sub-commission on space cooperation of the ...
            # Commission": a part of the body named next (`_with_sub_bodies`)
        spans.append((m.start(), end))
    names = sorted({text[s:e] for s, e in spans}, key=len, reverse=True)
    return [OrgMention(s, e, _fullest(text[s:e], names), "organization", None) for s, e in spans]


# "the sub-commission on NSR cooperation of ", "the agriculture sub-commission of ": a part of
# the joint body named right after it
_SUB_BODY = re.compile(
    r"(?:\b(?P<mod>[a-z]{4,})\s+)?\b(?P<head>[Ss]ub-?(?:commission|committee))"
    r"(?P<remit>\s+(?:on|for)\s+[^.,;:()\n]{2,60}?)?\s+of\s+(?:the\s+)?$"
)
_NOT_MODIFIER = frozenset({
    "that", "this", "with", "from", "into", "which", "their",
    "first", "second", "third", "fourth", "fifth", "sixth", "next", "last",
})  # fmt: skip


def _with_sub_bodies(text: str, joint: list[OrgMention]) -> list[OrgMention]:
    """A sub-commission named as part of a joint body ('the sub-commission on NSR cooperation
    of the Russian-Chinese commission for ...') is one body, the sub-commission, under its
    whole name; its short form ('sub-commission on NSR cooperation') is an alias."""
    out = []
    for m in joint:
        sub = _SUB_BODY.search(text, max(0, m.start - 100), m.start)
        if sub is None:
            out.append(m)
            continue
        mod = sub.group("mod")
        start = sub.start("head") if mod is None or mod in _NOT_MODIFIER else sub.start()
        short = text[start : sub.end("remit") if sub.group("remit") else sub.end("head")]
        out.append(OrgMention(start, m.end, text[start : m.end], m.type, None, (short,)))
    return out


def _fullest(name: str, names: list[str]) -> str:
    """The longest name the text gives the body that begins with this one ('the Russian-Chinese
    intergovernmental commission' after '... Commission on Investment Cooperation')."""
    low = name.lower()
    return next((n for n in names if n.lower().startswith(low)), name)


@cache
def _project_re() -> re.Pattern[str]:
    heads = alternation(read_data("organizations_ner.yaml")["project_heads"])
    name = r"[A-Z][\w'’]*(?:\s?[-–]\s?[A-Z][\w'’]*)*"
    # "Nuclear Power Plant" too, not the company "Lianyungang Port Holdings"
    # (words of one line: "Chancay\n\nThe port of Chancay" is a heading and a sentence)
    return re.compile(rf"\b((?:{name}[ \t]+){{1,4}}?(?i:{heads}))\b(?!\s+[A-Z][a-z])")


def _projects(text: str, gaz: Gazetteer) -> list[OrgMention]:
    """Named works: 'the Rasht-Astara railway', 'the South-Kirinskoye field', 'Xudabao nuclear
    power plant', 'the North-South Transport Corridor' (a proper name before a head noun of
    infrastructure). A name that is only a state or person ('Russian gas field') is not one."""
    out = []
    for m in _project_re().finditer(text):
        lead = _DETERMINER.match(m.group(1))
        start = m.start(1) + (lead.end() if lead else 0)
        name = text[start : m.end(1)]
        words = name.split()
        proper = [w for w in words if w[:1].isupper() and w.lower() not in _generic()]
        if not proper or all(gaz.state_for_adjective(w) or gaz.state_named(w) for w in proper):
            continue
        if _sentence_start_only(text, start, proper):
            continue
        canonical = re.sub(r"\s*[-–]\s*", "-", name)  # "Rasht - Astara" is Rasht-Astara
        out.append(OrgMention(start, m.end(1), canonical, "project", None))
    return out


_DETERMINER = re.compile(r"(?:The|This|That|These|Its|Their|A|An)\s+")


def _sentence_start_only(text: str, start: int, proper: list[str]) -> bool:
    """'The railway' / 'Its field': a capital that only opens the sentence names nothing."""
    return len(proper) == 1 and bool(
        re.search(r"(?:^|[.!?]\s+|\n)$", text[max(0, start - 3) : start])
    )


def _later_uses(text: str, found: list[OrgMention]) -> list[OrgMention]:
    """Later uses of a body's acronym or full name that NER did not tag again."""
    forms: dict[str, OrgMention] = {}
    for m in found:
        forms.setdefault(text[m.start : m.end], m)
    out = []
    for form, m in forms.items():
        for hit in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w-])", text):
            if (hit.start(), hit.end()) != (m.start, m.end):
                out.append(OrgMention(hit.start(), hit.end(), m.name, m.type, m.country))
    return out
