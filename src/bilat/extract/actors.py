"""Actors: who the article names, resolved to one actor each within the document.

requires: DocContext.doc (spaCy: sentences + NER), the gazetteer
assigns : Actor records (evidence in clean-text offsets) and DocContext.mentions

Sources of mentions, in order of trust:
1. gazetteer names, aliases and metonyms ("Xi Jinping", "PRC", "the Kremlin");
2. role phrases resolved by the publication date ("the Chinese leader" -> Xi Jinping), or
   attached to the named person that follows them ("Russian Prime Minister Mikhail Mishustin");
3. NER persons not in the gazetteer, with surnames linked to the full name in the document.
Publishers, journalists and venues are not actors (GOLD.md).
Persons the gazetteer lacks are drafted in `actor_persons`; a draft's record name and
aliases come from `actor_names`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from bilat.extract.actor_drafts import Builder, Draft, context_before, media_names
from bilat.extract.actor_names import settle_name, to_actor
from bilat.extract.actor_persons import THE, TITLE_WORDS, add_persons, glossed_persons
from bilat.extract.actors_ru import (
    find_bodies,
    in_title,
    inner_states,
    names_state_ru,
    russian_date_after,
    russian_source,
    russian_venue,
    shared_titles,
    speaks_from,
)
from bilat.extract.affiliation import affiliation
from bilat.extract.context import DocContext, Mention
from bilat.extract.figures_measure import countries_in_text
from bilat.extract.gazetteer import Entry, Gazetteer, default_gazetteer, normalize
from bilat.extract.gazmatch import find_gazetteer_mentions
from bilat.extract.organizations import OrgMention, described_companies, find_organizations
from bilat.extract.roles import POSTED_KEYS, RolePhrase, find_plural_roles, find_role_phrases
from bilat.extract.roles_ru import find_role_phrases_ru
from bilat.extract.wordre import mostly_cyrillic
from bilat.records import Actor

__all__ = ["extract_actors"]


_TYPE_RANK = {"person": 0, "company": 1, "organization": 2, "project": 3, "state": 4, "place": 5}
_VENUE = re.compile(r"(?:\b(?:in|at|to|from|near|via|through|into|across)\s+(?:the\s+)?)$", re.I)
_AT = re.compile(
    r"(?:\b(?:in|at)\s+(?:the\s+)?(?:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?,\s*)?)$"
)  # "in Moscow", "at the", "in Busan, South Korea"
_LONGER_PLACE = re.compile(r"[ \t]+(?:Ocean|Sea|Strait|Gulf|Bay|Basin|Shelf|Coast|Mountains)\b")
_CURRENCY_AFTER = re.compile(r"\s*(?:\$|dollars?\b|cents?\b)", re.I)


def _currency_or_negation(text: str, start: int, end: int) -> bool:
    return bool(_CURRENCY_AFTER.match(text, end)) or text[max(0, start - 4) : start] == "non-"


_LESSER = re.compile(r"\b(?:deputy|vice|acting|former|ex-|assistant)[\s-]*$", re.I)


def _pick(entries: Iterable[Entry], pair: tuple[str, str]) -> Entry:
    return min(entries, key=lambda e: (_TYPE_RANK.get(e.type, 9), e.country not in pair, e.gid))


def _add_gazetteer(b: Builder) -> None:
    text = b.ctx.clean_text
    for g in find_gazetteer_mentions(b.gaz, b.ctx.doc):
        if b.covered(g.start, g.end):
            continue
        entry = _pick(g.entries, b.ctx.pair)
        if normalize(g.text) in media_names() or normalize(entry.name) in media_names():
            continue
        if entry.type == "place" and _inside_org(b.ctx.ents, g.start, g.end):
            continue  # "Center for Asia-Pacific Studies": part of a name
        if (
            entry.type == "person"
            and " " not in g.text
            and THE.search(context_before(b.ctx.clean_text, g.start))
        ):
            continue  # "the Moon" is no Moon Jae-in, "the Lee" no person
        if entry.type == "place" and _LONGER_PLACE.match(b.ctx.clean_text, g.end):
            continue  # "the Arctic Ocean", "the Japan Sea": part of a longer place name
        if entry.type == "state" and _currency_or_negation(b.ctx.clean_text, g.start, g.end):
            continue  # "US dollars", "US $136.2 billion", "non-U.S. markets": not the state
        if entry.type == "organization" and in_title(text, g.start):
            for state, start, end, surface in inner_states(b.ctx.doc, b.gaz, g.start, g.end):
                b.entry(state, start, end, surface)  # "замглавы правительства РФ": a title
            if entry.country:
                b.title_bodies.append((g.start, g.end, entry.country))
            continue
        committee = _COMMITTEE.match(text, g.end) if entry.type == "organization" else None
        if committee is not None:  # "State Duma Committee on CIS Affairs": its own body
            end = committee.end()
            _file_body(
                b, OrgMention(g.start, end, text[g.start : end], "organization", entry.country)
            )
            continue
        b.entry(entry, g.start, g.end, g.text)


# a committee of a body the gazetteer knows, named after it: "State Duma Committee on CIS
# Affairs, Eurasian Integration and Relations with Compatriots", "Mazhilis Committee on
# International Affairs, Defense and Security", "NPC Foreign Affairs Committee" (its remit
# ends in a remit noun, so a name after it is no part of it: "... on International Affairs
# Leonid Slutsky")
_REMIT_END = (
    r"(?:Affairs|Security|Defen[cs]e|Integration|Compatriots|Policy|Relations|Development|"
    r"Cooperation|Economy|Energy|Industry|Trade|Budget|Markets|Legislation|Education|Science|"
    r"Culture|Health|Agriculture|Transport|Construction|Issues|Entrepreneurship|Property|"
    r"Investment|Technology|Technologies|Ecology|Resources|Law|Regulation|Youth|Labou?r|"
    r"Taxes|Taxation|Finances?|Tourism|Sports?|Information|Communications|Ethics|Rules)"
)
_COMMITTEE = re.compile(
    r"\s+(?:(?:Standing\s+)?(?:Committee|Commission|Subcommittee)\s+(?:on|for)\s+(?:the\s+)?"
    rf"(?:[A-Z][\w'’-]*(?:,\s+|\s+(?:and|with|of|the|for|on)\s+|\s+))*{_REMIT_END}"
    rf"|(?:[A-Z][\w'’-]*\s+(?:and\s+)?){{0,3}}{_REMIT_END}\s+Committee)\b"
)


def _inside_org(ents: tuple[Any, ...], start: int, end: int) -> bool:
    for ent in ents:
        if ent.label_ in ("ORG", "FAC") and ent.start_char <= start and end <= ent.end_char:
            return bool(ent.start_char < start or end < ent.end_char)
    return False


def _person_after(b: Builder, end: int) -> tuple[int, int] | None:
    """The span of a person name starting right after `end` (title + name)."""
    text = b.ctx.clean_text
    gap = re.match(r"[ \t]*(?:,\s*)?", text[end:])
    pos = end + (gap.end() if gap else 0)
    for ent in b.ctx.ents:
        if ent.start_char == pos and ent.label_ == "PERSON":
            return ent.start_char, ent.end_char
    return None


def _add_plural_roles(b: Builder) -> None:
    """'the heads of government of Russia and China' names both office holders."""
    for start, end, text, key, states in find_plural_roles(b.ctx.clean_text, b.gaz, b.ctx.pair):
        holders = [b.gaz.holders(key, c, b.ctx.published) for c in states]
        if not all(len(h) == 1 for h in holders):
            continue
        if not b.gaz.names_a_state(text) and not all(
            _named_in(b.ctx.clean_text, h[0]) for h in holders
        ):
            continue  # "the two leaders" of a pair not yet known: only those the text names
        for h in holders:
            b.entry(h[0], start, end, text, alias=False)


def _named_in(text: str, entry: Entry) -> bool:
    """Whether the text names the person: any part of the name ('Xi', 'Putin')."""
    parts = [re.escape(p) for p in entry.name.split() if len(p) > 1]
    return bool(parts) and bool(re.search(rf"\b(?:{'|'.join(parts)})\b", text))


def _add_roles(b: Builder) -> None:
    text = b.ctx.clean_text
    if b.ctx.language == "ru":
        phrases = find_role_phrases_ru(b.ctx.doc, b.gaz)
    else:
        phrases = find_role_phrases(text, b.gaz)
    for rp in phrases:
        if b.covered(rp.start, rp.end):
            continue
        named = _person_after(b, rp.end)
        if named is not None:
            b.take(rp.start, rp.end)
            b.pending_titles.append((rp, named))
            continue
        if _LESSER.search(context_before(text, rp.start, 24)):
            continue  # "First Deputy Prime Minister", "Vice Premier": another office
        host = _posted_host(b, rp)
        if rp.key in POSTED_KEYS and host is None:
            continue  # "the Russian ambassador" in an article of no pair of Russia's
        holders = b.gaz.holders(rp.key, rp.jurisdiction, b.ctx.published, host)
        if len(holders) == 1:
            b.entry(holders[0], rp.start, rp.end, rp.text)
        elif holders and b.ctx.language == "ru":
            b.shared_titles.append((rp, holders))


def _posted_host(b: Builder, rp: RolePhrase) -> str | None:
    """Where an envoy serves: the state the title names, else the other side of the
    configured pair when the text names it (the document's own pair is not known yet)."""
    if rp.key not in POSTED_KEYS:
        return None
    if rp.host is not None:
        return rp.host
    pair = b.ctx.pair
    if rp.country not in pair:
        return None
    host = pair[1 - pair.index(rp.country)]
    if b.ctx.language == "ru":
        return host if names_state_ru(b.ctx.doc, host, b.gaz) else None
    named = {hit.iso for hit in countries_in_text(b.ctx.clean_text)}
    return host if host in named else None


def _attach_titles(b: Builder) -> None:
    """'Russian Prime Minister Mikhail Mishustin': the title is an alias of the named person."""
    text = b.ctx.clean_text
    for rp, (s, _e) in b.pending_titles:
        owner = next(
            (
                d
                for d in b.drafts.values()
                for span in d.spans
                if span[0] == s or (s < span[0] and TITLE_WORDS.fullmatch(text[s : span[0]]))
            ),
            None,
        )  # "Saudi Energy Minister Prince Abdulaziz bin Salman": the title before the honorific
        if owner is None:
            continue
        owner.add(rp.start, rp.end, rp.text)
        if owner.country is None:
            owner.country = rp.country
        if owner.role is None:  # "Russian Prime Minister" -> "Prime Minister"; a Russian
            # title names its state after the office ("Посол России в Иране"): kept whole
            english = rp.text.split()[0][:1].isupper() and not mostly_cyrillic(rp.text)
            owner.role = rp.text.split(None, 1)[-1] if english else rp.text


# where a company the gazetteer lacks sits, told by apposition: "Uralkran LLC, a company
# incorporated in Russia", "Sokol Motors JSC, a vehicle manufacturer based in Nizhny
# Novgorod", "Chelyabinsk-based Uralkran"
_SEATED_AFTER = re.compile(
    r",\s+(?:an?|the|one\s+of\s+the)\s+(?:[\w'’-]+\s+){0,6}?(?:based|headquartered|"
    r"incorporated|registered|located)\s+in\s+(?:the\s+)?"
)
_SEATED_BEFORE = re.compile(r"\b([A-Z][\w'’]+(?:\s[A-Z][\w'’]+)?)-based\s+$")


def _seat(b: Builder) -> None:
    """A company of no known state takes the state of the place it is told to be based or
    incorporated in (not a body: one with a state needs two mentions to be kept, see
    `_keep`, and "Zhejiang-based Chouzhou Commercial Bank" is named once)."""
    text = b.ctx.clean_text
    where = {
        s: d.country
        for d in b.drafts.values()
        if d.type in ("state", "place") and d.country is not None
        for s, _e, _t in d.spans
    }
    for d in b.drafts.values():
        if d.type != "company" or d.country is not None:
            continue
        for s, e, _t in sorted(d.spans):
            after = _SEATED_AFTER.match(text, e)
            before = _SEATED_BEFORE.search(text, max(0, s - 40), s)
            if after is not None and after.end() in where:
                d.country = where[after.end()]
            elif before is not None:
                d.country = next(
                    (x.country for x in b.gaz.lookup(before[1]) if x.type in ("state", "place")),
                    where.get(before.start(1)),
                )
            if d.country is not None:
                break


def _affiliate(b: Builder) -> None:
    """A person the gazetteer does not know takes country and role from the body or state
    the text ties them to by apposition (GOLD: people belong to the state of their body)."""
    bodies = sorted(
        [
            *(
                (s, e, d.country)
                for d in b.drafts.values()
                if d.type in ("state", "organization", "company") and d.country is not None
                for s, e, _t in d.spans
            ),
            *b.title_bodies,
        ]
    )
    places = sorted(
        (s, e, d.country)
        for d in b.drafts.values()
        if d.type == "place" and d.country is not None
        for s, e, _t in d.spans
    )
    for d in b.drafts.values():
        if d.type != "person" or d.country is not None:
            continue
        for s, e, _t in sorted(d.spans):
            found = affiliation(b.ctx.clean_text, bodies, s, e, b.gaz, places)
            if found is not None:
                d.country, role = found
                d.role = d.role or role
                break


def _add_organizations(b: Builder) -> None:
    """Bodies the gazetteer lacks: NER organisations that look like one (organizations.py)."""
    text = b.ctx.clean_text
    found = find_organizations(text, b.ctx.ents, b.gaz, media_names())
    if b.ctx.language == "ru":
        found = [*find_bodies(b.ctx.doc), *found]
    for m in found:
        if b.covered(m.start, m.end) and not b.only_places(m.start, m.end):
            continue
        known = _bracketed_entity(b, m.end) or _draft_named(b, m.name)
        if known is not None:  # "State Space Corporation (Roscosmos)": Roscosmos, spelled out
            known.add(m.start, m.end, text[m.start : m.end])
            b.take(m.start, m.end)
            continue
        entry = next((e for e in b.gaz.lookup(m.name) if e.type == "company"), None)
        if entry is not None and m.type == "company":  # "China National Petroleum Corp."
            b.entry(entry, m.start, m.end, text[m.start : m.end])
            continue
        _file_body(b, m)


def _file_body(b: Builder, m: OrgMention) -> None:
    """A body the gazetteer lacks, one draft per name (its short names inside as aliases)."""
    key = "org:" + normalize(m.name)
    draft = b.drafts.setdefault(key, Draft(m.name, m.type, m.country, None))
    draft.add(m.start, m.end, b.ctx.clean_text[m.start : m.end])
    draft.extra_aliases += tuple(a for a in m.aliases if a not in draft.extra_aliases)
    b.take(m.start, m.end)


def _add_described_companies(b: Builder) -> None:
    """Companies named after a trade noun, before the people: 'producer Elga Coal' is no
    person the NER found."""
    for m in described_companies(b.ctx.clean_text, b.gaz):
        if b.covered(m.start, m.end) and not b.only_places(m.start, m.end):
            continue
        if not any(e.type == "person" for e in b.gaz.lookup(m.name)):
            _file_body(b, m)


def _draft_named(b: Builder, name: str) -> Draft | None:
    """The body already found under this full name ('GAC' after 'General Administration of
    Customs (GAC)' is the gazetteer's customs service)."""
    key = normalize(name)
    return next(
        (
            d
            for d in b.drafts.values()
            if d.type != "person" and any(normalize(t) == key for _s, _e, t in d.spans)
        ),
        None,
    )


def _bracketed_entity(b: Builder, end: int) -> Draft | None:
    """The known body whose name stands in brackets right after `end`."""
    m = re.match(r"\s*\(", b.ctx.clean_text[end : end + 3])
    if m is None:
        return None
    pos = end + m.end()
    return next(
        (d for d in b.drafts.values() if d.type != "person" for s, _e, _t in d.spans if s == pos),
        None,
    )


# a state named as the place of a war or crisis is its subject, not a venue ("the war in
# Ukraine", "the conflict in Syria")
_SUBJECT_PLACE = re.compile(
    r"\b(?:war|conflict|crisis|invasion|fighting|hostilities|offensive|operation)\s+(?:in|on|against)"
    r"\s+(?:the\s+)?$",
    re.I,
)


def _in_dateline(text: str, start: int, end: int) -> bool:
    """A place opening a line and followed by a date: a dateline."""
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip(" (") and (
        bool(re.match(r",?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}\b", text[end : end + 16]))
        or russian_date_after(text, end)
    )


def _venue_only(d: Draft, text: str, venue: re.Pattern[str]) -> bool:
    return all(venue.search(context_before(text, s)) for s, _e, _t in d.spans)


def _keep(d: Draft, text: str, people: frozenset[int] = frozenset()) -> bool:
    """Publishers are dropped earlier; here: venues, passing places, institutions in titles.

    - a state named only as a location ("the summit in South Korea") is not an actor;
    - a place (region, river) needs two mentions outside "in/at/to ... X";
    - a national institution (ministry, council, party) needs two mentions: once is usually
      an affiliation inside someone's title ("a researcher at the Academy of Sciences").
    """
    if not d.spans:
        return False
    if all((s, e) in d.no_alias for s, e, _t in d.spans):
        return False  # only "the two heads of state": the article never names them
    if d.type == "state" and all(_in_dateline(text, s, e) for s, e, _t in d.spans):
        return False  # "(Singapore Aug 7, 2023)": where the report was filed
    if d.type == "state":
        return not _venue_only(d, text, _AT) or any(
            _SUBJECT_PLACE.search(context_before(text, s)) for s, _e, _t in d.spans
        )
    if d.type == "place" and re.search(r"\bRiver$|^Lake\b", d.name):
        return False  # rivers and lakes locate things; they are not parties
    if d.type == "place" and not (d.gid and len(d.gid) == 2):
        outside = [
            sp
            for sp in d.spans
            if not _VENUE.search(before := context_before(text, sp[0]))
            and not russian_venue(before)
            and not _in_dateline(text, *sp[:2])
        ]  # a dateline says where the report was filed
        return len(outside) >= 2
    if d.type == "organization" and d.country and default_gazetteer().union(d.country) is None:
        if people and all(_in_a_title(text, s, e, people) for s, e, _t in d.spans):
            return False  # "Premier of the State Council Li Qiang": his title, twice
        return len(d.spans) >= 2 or any(_speaks(text, s, e) for s, e, _t in d.spans)
    return True


def _in_a_title(text: str, start: int, end: int, people: frozenset[int]) -> bool:
    """'Vice Premier of the State Council of the People's Republic of China Zhang Guoqing':
    a body named 'of' inside the title right before a person's name."""
    if not re.search(r"\bof\s+(?:the\s+)?$", text[max(0, start - 12) : start]):
        return False
    after = re.match(r"(?:\s+of\s+(?:the\s+)?[A-Z][\w'’]*(?:\s+[A-Z][\w'’]*){0,5})?\s+", text[end:])
    return after is not None and end + after.end() in people


_SAYS = re.compile(
    # (an adverbial between: "Rosselkhoznadzor at the same time denied", "X, in a statement, said")
    r"^[\s,]*(?:(?:at the same time|in a statement|on its website|separately|meanwhile|later|"
    r"earlier|on (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)[\s,]+)?"
    r"(?:has |have |had |will |would |is |was )?(?:also )?(?:said|says|reported|reports|"
    r"announced|announces|stated|noted|confirmed|expects|expected|estimates|estimated|"
    r"approved|adopted|signed|issued|published|released|decided|plans|planned|warned|"
    r"imposed|introduced|lifted|banned|allowed|believes|stressed|emphasi[sz]ed|urged|"
    r"agreed|welcomed|denied|rejected|proposed|added|ratified|ratifies|passed|voted|"
    # what a body does in an exercise or a purchase: "The Indian Army and the US Army held
    # ...", "the Philippine Navy took delivery of", "the air force ordered 12 jets"
    r"held|holds|conducted|conducts|completed|participated|took\s+part|takes\s+part|sent|"
    r"deployed|dispatched|ordered|took\s+delivery|received|bought|purchased|expects)\b"
)
# after a source named with "according to": the end of its phrase, not a noun it qualifies
# ("according to the Chinese commerce ministry." vs "according to Chinese customs data")
_PHRASE_END = re.compile(r"\s*(?:[,.;:)]|$|\s*(?:on|in|at|which|that|as|and)\b)")
# (a subordinate clause opens one too: "when the State Duma and the Federation Council
# ratified the document")
_CLAUSE_START = re.compile(
    r"(?:^|[.!?]\s+|,\s+(?:and\s+|but\s+)?|\n|\b(?:when|after|before|once|as|while|since)\s+)"
    r"(?:the\s+|The\s+|[A-Z][a-z]+['’]s\s+)?$"
)


_DATA_FROM = re.compile(
    r"\b(?:data|figures|statistics|numbers|estimates|a report|a survey)\s+"
    r"(?:(?:released|published|compiled|issued)\s+)?(?:from|by)\s+(?:the\s+|[A-Z][a-z]+['’]s\s+)?$",
    re.I,
)
_SOURCE_NOUN = re.compile(r"\s+(?:data|figures|statistics|estimates)\b")
_DATA_END = re.compile(r"\s*(?:[,.;:)]|$|(?:show|showed|shows|indicate[sd]?|suggest(?:s|ed)?)\b)")


def _speaks(text: str, start: int, end: int) -> bool:
    """A named institution as a source: "..., China's Ministry of National Defense said",
    "according to the Federal Customs Service" - not an affiliation ("a researcher at the
    Academy of Sciences, said") and not an adjective ("according to Chinese customs data")."""
    before = text[max(0, start - 40) : start]
    if russian_source(before) or speaks_from(before, text[end : end + 60]):
        return True
    if re.search(r"according to (?:the )?$", before, re.I) and (
        _PHRASE_END.match(text, end)
        or (_SOURCE_NOUN.match(text, end) and text[start:end].istitle())
    ):  # "according to Rosselkhoznadzor data": the body by name, not "Chinese customs data"
        return True
    if _DATA_FROM.search(before) and _DATA_END.match(text, end):
        return True  # "Data from China's General Administration of Customs showed ..."
    if _BETWEEN.search(text[max(0, start - 120) : start]):
        return True  # "a memorandum between China's Ministry of Commerce and Russia's ..."
    after = text[end : end + 120]
    if _ACTS_RU.match(after) and (
        _CLAUSE_START_RU.search(before) or _AND_BEFORE_RU.search(text[max(0, start - 80) : start])
    ):  # "Минфин России и Народный банк Китая обсуждают ...", "Минфин США пригрозил ..."
        return True
    if spokes := _SPOKESPERSON.match(after):  # "Chinese Defense Ministry spokesman Zhang said"
        return bool(_SAYS.match(after[spokes.end() :]) or _TOLD.match(after[spokes.end() :]))
    if _AND_BEFORE.search(text[max(0, start - 120) : start]):
        before = ""  # the second of two bodies that open the clause
    if not _CLAUSE_START.search(before):
        return False
    if and_next := re.match(r"\s+and\s", after):  # "X and Russia's Ministry of ... signed"
        ends = [m.start() for m in re.finditer(r"\s", after[: and_next.end() + 70])]
        return any(_SAYS.match(after[i:]) for i in ends if i >= and_next.end() - 1)
    return bool(_SAYS.match(after[:50]))


# parties named as "between A and B" (an agreement's sides are no mere affiliation)
_BETWEEN = re.compile(
    r"\bbetween\s+(?:the\s+|[A-Z][a-z]+['’]s\s+)?"
    r"(?:(?:[A-Z][\w'’-]*|of|the|for|on)\s+){0,8}?(?:and\s+(?:the\s+|[A-Z][a-z]+['’]s\s+)?)?$"
)
_SPOKESPERSON = re.compile(
    r"\s+(?:spokes(?:man|woman|person)|press (?:service|office|secretary))"
    r"(?:\s+[A-Z][\w'’-]+){0,3}\s*,?"
)
_TOLD = re.compile(r"\s*(?:told|tells)\b")
_NAME_WORDS = r"(?:(?:[A-Z][\w'’-]*|of|the|for|on|and)\s+){0,8}?"
# a Russian body that opens its clause and acts: its verb after it (and a second body joined
# by "и"); "В Минфине рассчитывают" is read by speaks_from
_ACTS_RU = re.compile(
    r"^\s+(?:и\s+[А-ЯЁ«\"][^,.;]{0,60}?\s+)?(?:также\s+|уже\s+)?(?:обсужда|подписал|договорил|"
    r"заявил|заявля|сообщил|сообщает|пригрозил|ввел|ввёл|вводит|одобрил|утвердил|объявил|"
    r"опроверг|предложил|намерен|планиру|ожида|рассчитыва|приостановил|разрешил|запретил|"
    r"продлил|отклонил|согласовал|принял|выступ|провел|провёл|проводит|призвал|"
    r"подтвердил|отметил|выдал|снизил|повысил|выделил|заключил)\w*\b"
)
_CLAUSE_START_RU = re.compile(r"(?:^|[.!?]\s+|,\s+|\n)$")
_AND_BEFORE_RU = re.compile(r"(?:^|[.!?]\s+|,\s+|\n)[А-ЯЁ][^,.;]{0,60}?\s+и\s+$")
_AND_BEFORE = re.compile(
    rf"(?:^|[.!?]\s+|,\s+|\n|\b(?:when|after|before|once|as|while|since)\s+)"
    rf"(?:the\s+|The\s+|[A-Z][a-z]+['’]s\s+)?[A-Z][\w'’-]*\s+"
    rf"{_NAME_WORDS}and\s+(?:the\s+|[A-Z][a-z]+['’]s\s+)?$"
)


# a title told right before a person's name: "Saudi Crown Prince Mohammed bin Salman"
_TITLE_BEFORE = re.compile(
    r"\b((?:(?:Crown|Deputy|Vice|First|Prime|Foreign|Defen[cs]e|Energy|Trade|Finance|Economy"
    r"|Commerce|Chief)\s+)?(?:Prince|Princess|King|Emir|Sultan|Chancellor|Ambassador|Governor"
    r"|Mayor|Admiral|Premier|Minister))\s+$"
)


def _titles_told_again(b: Builder) -> None:
    """'Putin had invited the crown prince to visit Russia': 'the crown prince' is the one
    person the text named with that title ('Saudi Crown Prince Mohammed bin Salman')."""
    text = b.ctx.clean_text
    titled: dict[str, list[Draft]] = {}
    for d in b.drafts.values():
        if d.type != "person" or not d.spans:
            continue
        titles = {  # before a mention, or a mention's own words ("Saudi Crown Prince")
            m.group(1).lower()
            for start, _end, surface in d.spans
            for m in (
                _TITLE_BEFORE.search(text, max(0, start - 40), start),
                _TITLE_BEFORE.search(surface + " "),
            )
            if m is not None and " " in m.group(1)  # two words: "Crown Prince", not "Minister"
        }
        for title in titles:
            titled.setdefault(title, []).append(d)
    for title, drafts in titled.items():
        if len(drafts) != 1:
            continue
        words = r"\s+".join(re.escape(w) for w in title.split())
        pattern = re.compile(rf"\bthe\s+{words}\b(?!\s+(?-i:[A-Z]))", re.I)
        for m in pattern.finditer(text, min(drafts[0].spans)[1]):
            start = m.start() + 4
            if not b.covered(start, m.end()):
                drafts[0].add(start, m.end(), text[start : m.end()], alias=False)


# an honorific before a name: "His Highness Sheikh Mohamed bin Zayed", "His Majesty King
# Abdullah II", "Его Высочество шейх ..."
_HONORIFIC = (
    r"(?:(?:His|Her)\s+(?:Royal\s+)?(?:Highness|Majesty)"
    r"|(?:Его|Её|Ее)\s+(?:Высочество|Величество))"
)
_HONORIFIC_BEFORE = re.compile(
    _HONORIFIC + r"(?:\s+(?:the\s+)?(?:Sheikh|Sheikha|Prince|Princess|King|Queen|Emir|Sultan|"
    r"Crown\s+Prince|шейх|принц|король|эмир|султан|наследный\s+принц))?\s+$"
)
_HONORIFIC_ALONE = re.compile(
    rf"\b{_HONORIFIC}(?!\s+(?:the\s+)?(?-i:[A-ZА-ЯЁ])|\s+(?:шейх|принц|король|эмир|султан)\b)"
)


def _honorifics_told_again(b: Builder) -> None:
    """'His Highness's state visit to Moscow': the one person the text named after that
    honorific ('His Highness Sheikh Mohamed bin Zayed Al Nahyan, President of the UAE'), as
    Gulf and other royal news agencies go on calling him."""
    text = b.ctx.clean_text
    named = [
        (min(d.spans)[0], d)
        for d in b.drafts.values()
        if d.type == "person"
        and any(_HONORIFIC_BEFORE.search(text, max(0, s - 50), s) for s, _e, _t in d.spans)
    ]
    if len({id(d) for _s, d in named}) != 1:
        return
    first, draft = named[0]
    for m in _HONORIFIC_ALONE.finditer(text, first):
        if not b.covered(m.start(), m.end()):
            draft.add(m.start(), m.end(), m.group(0), alias=False)


def extract_actors(ctx: DocContext, gaz: Gazetteer) -> list[Actor]:
    """Actors of the document; also fills `ctx.mentions` (sorted by position)."""
    b = Builder(ctx, gaz)
    _add_plural_roles(b)
    _add_roles(b)
    _add_gazetteer(b)
    _add_described_companies(b)
    add_persons(b)
    for entry, start, end, surface in shared_titles(b.shared_titles, b.drafts, b.only_places):
        b.entry(entry, start, end, surface)
    _add_organizations(b)
    _attach_titles(b)
    _seat(b)
    _affiliate(b)
    _titles_told_again(b)
    _honorifics_told_again(b)
    glossed_persons(b)
    b.drafts = {k: settle_name(d) for k, d in b.drafts.items() if d.spans}
    people = frozenset(s for d in b.drafts.values() if d.type == "person" for s, _e, _t in d.spans)
    actors = [
        to_actor(d, ctx.clean_text, gaz)
        for d in b.drafts.values()
        if _keep(d, ctx.clean_text, people)
    ]
    ctx.weak_actors = {
        a.name: a
        for d in b.drafts.values()
        if d.spans and not _keep(d, ctx.clean_text, people)
        for a in [to_actor(d, ctx.clean_text, gaz)]
    }
    ctx.mentions = sorted(
        (
            Mention(s, e, ctx.clean_text[s:e], d.name, d.type, d.country)
            for d in b.drafts.values()
            for s, e, _t in d.spans
        ),
        key=lambda m: (m.start, m.end),
    )
    return sorted(actors, key=lambda a: a.mentions[0].start)
