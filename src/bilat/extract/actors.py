"""Actors: who the article names, resolved to one actor each within the document.

requires: DocContext.doc (spaCy: sentences + NER), the gazetteer
assigns : Actor records (evidence in clean-text offsets) and DocContext.mentions

Sources of mentions, in order of trust:
1. gazetteer names, aliases and metonyms ("Xi Jinping", "PRC", "the Kremlin");
2. role phrases resolved by the publication date ("the Chinese leader" -> Xi Jinping), or
   attached to the named person that follows them ("Russian Prime Minister Mikhail Mishustin");
3. NER persons not in the gazetteer, with surnames linked to the full name in the document.
Publishers, journalists and venues are not actors (GOLD.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from bilat.extract.actor_drafts import Builder, Draft, context_before, media_names
from bilat.extract.actors_ru import (
    find_bodies,
    in_title,
    inner_states,
    names_state_ru,
    russian_date_after,
    russian_name_key,
    russian_source,
    russian_venue,
    shared_titles,
    speaks_from,
)
from bilat.extract.affiliation import affiliation, titled_names
from bilat.extract.context import DocContext, Mention
from bilat.extract.figures_measure import countries_in_text
from bilat.extract.gazetteer import LEGAL_FORM, Entry, Gazetteer, normalize
from bilat.extract.gazetteer_ru import surname_cases
from bilat.extract.gazmatch import find_gazetteer_mentions
from bilat.extract.kontsevich import vietnamese_person
from bilat.extract.nlp_ru import latin_name, person_nominative
from bilat.extract.organizations import find_organizations
from bilat.extract.palladius import chinese_name
from bilat.extract.roles import (
    POSTED_KEYS,
    RolePhrase,
    find_plural_roles,
    find_role_phrases,
)
from bilat.extract.roles_ru import find_role_phrases_ru
from bilat.extract.wordre import mostly_cyrillic, words_re
from bilat.records import Actor, Evidence

__all__ = ["extract_actors"]

_TYPE_RANK = {"person": 0, "company": 1, "organization": 2, "project": 3, "state": 4, "place": 5}
_VENUE = re.compile(r"(?:\b(?:in|at|to|from|near|via|through|into|across)\s+(?:the\s+)?)$", re.I)
_AT = re.compile(
    r"(?:\b(?:in|at)\s+(?:the\s+)?(?:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?,\s*)?)$"
)  # "in Moscow", "at the", "in Busan, South Korea"
_BYLINE = re.compile(
    r"(?:\b(?:photo|photos|foto|correspondent|reporter|journalist|columnist|editor|author|"
    r"writes|credit|фото|корреспондент|автор)\s*[:/]?\s*|(?:^|\n|[|•])\s*by\s*:?\s*)$",
    re.I,
)  # "signed by X", "chaired by X" name actors; "By X" opening a line is a byline
_BY_NAMES = re.compile(
    r"\bBy\s*:?\s*(?:[A-Z][\w.'’-]+\s+){0,3}(?:(?:and|,)\s*(?:[A-Z][\w.'’-]+\s+){0,3})*$"
)
_THE = re.compile(r"\bthe\s+$", re.I)
_LONGER_PLACE = re.compile(r"[ \t]+(?:Ocean|Sea|Strait|Gulf|Bay|Basin|Shelf|Coast|Mountains)\b")
_CURRENCY_AFTER = re.compile(r"\s*(?:\$|dollars?\b|cents?\b)", re.I)


def _currency_or_negation(text: str, start: int, end: int) -> bool:
    return bool(_CURRENCY_AFTER.match(text, end)) or text[max(0, start - 4) : start] == "non-"


_LESSER = re.compile(r"\b(?:deputy|vice|acting|former|ex-|assistant)[\s-]*$", re.I)
# titles and honorifics before a name: "Prince Abdulaziz bin Salman", "Datuk Seri Anwar
# Ibrahim" (Malaysian federal honorifics), "Sheikh Mohamed bin Zayed"
_TITLE_WORDS = re.compile(
    r"^(?:(?:Mr|Mrs|Ms|Dr|President|Premier|Minister|General|Crown\s+Prince|Prince|Princess"
    r"|Sheikh|Sheikha|Emir|Datuk\s+Seri|Datuk|Dato['’]?\s+Sri|Dato['’]?|Tan\s+Sri|Tun|Haji)"
    r"\.?\s+)+"
)
# an Arabic or Malay name's patronymic after the given name: "Abdulaziz bin Salman"
_PATRONYM = re.compile(r"\s+(?:bin|ibn|bint|binti)\s+[A-Z][\w'’-]+(?:\s+Al[\s-][A-Z][\w'’-]+)?")
_CJK_STYLE = {"CN", "TW", "KP", "KR", "VN", "SG"}  # surname first in English renderings


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
            and _THE.search(context_before(b.ctx.clean_text, g.start))
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
        b.entry(entry, g.start, g.end, g.text)


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


def _clean_person(text: str) -> str:
    text = re.sub(r"['’]s$", "", text.strip())
    return _TITLE_WORDS.sub("", text).strip(" ,.;:\"“”'")


def _valid_person(name: str, before: str) -> bool:
    if len(name) < 3 or not name[:1].isupper() or _BYLINE.search(before):
        return False
    if _BY_NAMES.search(before):  # "13:13 By Laurie Chen and Ryan Woo"
        return False
    if _VESSEL.search(before):  # "frigate Marshal Shaposhnikov": a ship named for a person
        return False
    return not any(ch.isdigit() for ch in name) and normalize(name) not in media_names()


_INITIALS = re.compile(r"(?:[A-ZА-ЯЁ]\.){1,2}[A-ZА-ЯЁ][a-zа-яё]")
_VESSEL = re.compile(
    r"\b(?:destroyer|frigate|corvette|cruiser|submarine|carrier|ship|vessel|tanker|icebreaker|"
    r"aircraft carrier|landing ship|patrol boat)s?\s+$",
    re.I,
)


def _headline(b: Builder, name: str) -> bool:
    """'Trump and Xi Agree Tariff Cuts': a title-case headline read as a name that starts
    with a known person's short name."""
    first, *rest = name.split()
    if len(rest) < 2:
        return False
    return any(
        d.type == "person" and first in _short_forms(d.name, d.country) and d.name != name
        for d in b.drafts.values()
    )


def _short_forms(name: str, country: str | None) -> set[str]:
    parts = name.split()
    if len(parts) < 2:
        return set()
    forms = {parts[-1]}
    if len(parts) >= 3 and _PARTICLE_SURNAME.fullmatch(" ".join(parts[-2:])):
        forms.add(" ".join(parts[-2:]))  # "El Khatib", "Al Zeyoudi", "da Silva"
    if country in _CJK_STYLE or (len(parts) == 2 and _KOREAN_GIVEN.fullmatch(parts[1])):
        forms.add(parts[0])  # "Kim" after "Kim Hong-kyun" (a Korean given name, hyphenated)
    if _PATRONYM.search(" " + " ".join(parts[1:])) or country in _GIVEN_NAME_STYLE:
        forms = {parts[0]}  # "Crown Prince Mohammed" (bin Salman), "Anwar" (Ibrahim)
    if country in _GIVEN_OR_FAMILY_STYLE:
        forms.add(parts[0])  # "PM Shehbaz" as well as "Sharif"
    return forms


_KOREAN_GIVEN = re.compile(r"[A-Z][a-z]{1,5}-[a-z]{2,5}")
# a surname with its particle, which reports use alone after the full name
_PARTICLE_SURNAME = re.compile(r"(?:Al|El|al|el|Abu|da|de|dos|van|von|di|del|bin)\s+[A-Z][\w'’-]+")
# states whose press calls people by the given name: Malay and Indonesian names ("Anwar",
# "Prabowo") have no family name
_GIVEN_NAME_STYLE = frozenset({"MY", "ID", "BN"})
# ... and states whose press uses either (Pakistan's "PM Shehbaz", Bangladesh's "Hasina")
_GIVEN_OR_FAMILY_STYLE = frozenset({"PK", "BD"})


def _resolve_person(b: Builder, name: str) -> Entry | None:
    found = [e for e in b.gaz.lookup(name) if e.type == "person"]
    initial = _INITIAL_SURNAME.match(name)
    if not found and initial:  # "A. Kozlov", "А.Козлов": the one of that surname and initial
        surname, first = initial["surname"], initial["initial"]
        if mostly_cyrillic(surname):
            surname, first = latin_name(surname) or surname, latin_name(first) or first
        found = [
            e
            for e in b.gaz.lookup_surname(surname)
            if any(n[:1] == first[:1] for n in (e.name, *e.aliases))
        ]
    if not found and " " not in name:
        found = b.gaz.lookup_surname(name)
        if len(found) > 1:
            in_doc = [e for e in found if e.gid in b.drafts]
            found = in_doc or []
    return found[0] if len(found) == 1 else None


# "A. Kozlov", "V.V. Putin", "В.В. Путин" (the patronymic's initial after the first name's)
_INITIAL_SURNAME = re.compile(
    r"^(?P<initial>[A-ZА-ЯЁ])\.\s*(?:[A-ZА-ЯЁ]\.\s*)?(?P<surname>[A-ZА-ЯЁ][\w'’-]+)$"
)


def _person_key(b: Builder, name: str) -> str:
    """One key for a person the gazetteer lacks; in Russian, for every case of the name."""
    key = normalize(name)
    return "ner:" + (russian_name_key(key) if b.ctx.language == "ru" else key)


def _add_persons(b: Builder) -> None:
    text = b.ctx.clean_text
    singles: list[tuple[int, int, str]] = []
    titled = {start: (end, name) for start, end, name in titled_names(text)}
    for ent in b.ctx.ents:
        if ent.label_ != "PERSON" or b.covered(ent.start_char, ent.end_char):
            continue
        name = _clean_person(ent.text)
        if re.search(r"\bof\s+$", context_before(text, ent.start_char)) and name.count(" ") >= 2:
            name = name.split(" ", 1)[1]  # "Minister of [Transport Liu Wei]"
        if not _valid_person(name, context_before(text, ent.start_char)) or _headline(b, name):
            continue
        if " " not in name and _THE.search(context_before(text, ent.start_char)):
            continue  # "on the Moon": a thing, not a surname
        if _byline_alone(text, ent.start_char, ent.end_char) or _VOCATIVE.search(
            context_before(text, ent.start_char, 16) + ent.text.split(" ", 1)[0] + " "
        ):
            continue  # "Дмитрий Козлов" under the report, "Уважаемый Касым-Жомарт Кемелевич!"
        start = ent.start_char + ent.text.find(name)
        patronym = _PATRONYM.match(text, start + len(name)) if " bin " not in name else None
        if patronym:  # "Prince Abdulaziz | bin Salman": the model cut the patronymic
            name += patronym.group(0)
        longer = titled.get(start)
        if longer and longer[1].startswith(name) and longer[0] > start + len(name):
            name = longer[1]  # "Defence Secretary Rajesh Kumar Singh": the model cut "Singh"
        entry = _resolve_person(b, name)
        chinese = chinese_name(name.split()) if b.ctx.language == "ru" else None
        if entry is None and chinese is not None:  # "Сюй Цинем": Xu Qin, in any case
            entry = _resolve_person(b, chinese[0])
        if entry is None and b.ctx.language == "ru":  # "Фам Минь Тинем": Pham Minh Chinh
            entry = vietnamese_person(b.gaz, name)
        if entry is not None:
            b.entry(entry, start, start + len(name), name)
        elif chinese is not None:
            draft = b.person(
                "ner:" + normalize(chinese[0]), chinese[0], start, start + len(name), name
            )
            draft.country = draft.country or "CN"  # a name in Palladius spelling: Chinese
            if chinese[1] not in draft.extra_aliases and chinese[1] != name:
                draft.extra_aliases += (chinese[1],)
        elif _PARTICLE_SURNAME.fullmatch(name):  # "Al Zeyoudi" after "Thani Al Zeyoudi"
            singles.append((start, start + len(name), name))
        elif " " in name or _INITIALS.match(name):  # "Б.Батцэцэг": initials make it a name
            draft = b.person(_person_key(b, name), name, start, start + len(name), name)
            if b.ctx.language == "ru":
                _russian_forms(draft, name)
        else:
            singles.append((start, start + len(name), name))
    for start, (end, name) in titled.items():
        if not b.covered(start, end) and _resolve_person(b, name) is None:
            b.person(_person_key(b, name), name, start, end, name)
    _link_short_names(b, singles)


# a transcript's form of address: the one addressed is named elsewhere in full
_VOCATIVE = re.compile(r"(?:^|[^\w-])(?:уважаем\w+|дорог\w+|dear|esteemed|respected)\s+$", re.I)


_SIGNED = re.compile(r"^(?:материал\s+подготовил\w*|подготовил\w*|автор\w*:?|текст:?|by)\s+$", re.I)


def _byline_alone(text: str, start: int, end: int) -> bool:
    """A name that is a paragraph of its own, of two or three words, and named nowhere else:
    the reporter's signature ("Ирина Соколова" under a Известия report; "Алексей Голубев,
    Нью-Дели" or "Материал подготовила Ольга Ширяева" as the last line)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    name = text[start:end]
    if not 2 <= len(name.split()) <= 3 or text.count(name.split()[-1]) != 1:
        return False
    if line.strip(" .") == name:
        return True
    last = not text[line_start + len(line) :].strip()
    before, after = text[line_start:start], text[end : line_start + len(line)]
    signed = _SIGNED.match(before) or (
        not before.strip() and re.fullmatch(r",\s*[^,.]{2,30}", after)
    )
    return last and len(line) <= 80 and bool(signed)


def _russian_forms(draft: Draft, name: str) -> None:
    """A person the gazetteer lacks, named in Russian: under the name's nominative ("Алексеем
    Дедовым" -> "Алексей Дедов"), with it and its Latin letters ("Alexei Dedov") as aliases."""
    nominative = person_nominative(name)
    latin = latin_name(nominative)
    if draft.name == name and (latin or nominative) != name:
        draft.name = latin or nominative  # GOLD.md: the fullest common English form
    for form in (nominative, latin):
        if form and form != draft.name and form not in draft.extra_aliases:
            draft.extra_aliases += (form,)


def _short_name_index(b: Builder) -> dict[str, str]:
    index: dict[str, str] = {}
    clash: set[str] = set()
    for key, d in b.drafts.items():
        if d.type != "person":
            continue
        forms = _short_forms(d.name, d.country)
        if d.entry is not None:  # the gazetteer's own short forms: "Lula" (da Silva)
            forms |= {s for s in d.entry.surnames if " " not in s and s[:1].isupper()}
        if b.ctx.language == "ru":
            forms |= _russian_surnames(d)
        for form in forms:
            if form in index and index[form] != key:
                clash.add(form)
            index[form] = key
    return {f: k for f, k in index.items() if f not in clash and len(f) > 1}


_CYRILLIC_NAME = re.compile(r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?")


def _russian_surnames(d: Draft) -> set[str]:
    """'Моди' after 'Нарендры Моди', 'Козлов' after 'Александра Козлова': the surname of each
    written full name (every word capitalised, so no title: 'премьер-министра Индии'), in its
    nominative and other case forms."""
    out: set[str] = set()
    for _s, _e, text in d.spans:
        words = text.split()
        if len(words) >= 2 and all(_CYRILLIC_NAME.fullmatch(w) for w in words):
            # from the nominative: "Александра Козлова" -> "Козлов", then "Козлову" ...
            nominative = (person_nominative(text) or text).split()[-1]
            out |= {words[-1], nominative, *surname_cases(nominative)}
            if d.country in _CJK_STYLE and d.country != "VN":  # ("То" begins sentences;
                out.add(words[0])  # "Си" after "Си Цзиньпин": the family name comes first
                # Russian reports call To Lam "Лам")
    return out


def _link_short_names(b: Builder, singles: list[tuple[int, int, str]]) -> None:
    index = _short_name_index(b)
    for start, end, name in singles:
        if name in index:
            b.drafts[index[name]].add(start, end, name)
            b.take(start, end)
    if not index:
        return
    forms = words_re(index, ignore_case=False, before=r"(?<![\w-])", after=r"(?![\w-])")
    for m in forms.finditer(b.ctx.clean_text):
        if not b.covered(m.start(), m.end()):
            b.drafts[index[m.group(0)]].add(m.start(), m.end(), m.group(0))
            b.take(m.start(), m.end())


def _attach_titles(b: Builder) -> None:
    """'Russian Prime Minister Mikhail Mishustin': the title is an alias of the named person."""
    text = b.ctx.clean_text
    for rp, (s, _e) in b.pending_titles:
        owner = next(
            (
                d
                for d in b.drafts.values()
                for span in d.spans
                if span[0] == s or (s < span[0] and _TITLE_WORDS.fullmatch(text[s : span[0]]))
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
        key = "org:" + normalize(m.name)
        draft = b.drafts.setdefault(key, Draft(m.name, m.type, m.country, None))
        draft.add(m.start, m.end, text[m.start : m.end])
        draft.extra_aliases += tuple(a for a in m.aliases if a not in draft.extra_aliases)
        b.take(m.start, m.end)


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


def _article_name(d: Draft) -> str:
    """The entry's name if the article uses it, else the article's own spelling of a full name
    (gold uses the article's form: "Sergei Lavrov" where the gazetteer says "Sergey")."""
    used = {text for s, e, text in d.spans if (s, e) not in d.no_alias}
    if d.entry is None or d.name in used:
        return d.name
    known = {normalize(a) for a in (d.entry.name, *d.entry.aliases)}  # "Bùi Thanh Sơn"
    full = [
        u
        for u in used
        if (" " in u.strip() or d.type in ("company", "organization"))  # "BOTAŞ" (not "Putin")
        and normalize(u) in known
        and u[:1].isupper()
        and not LEGAL_FORM.search(u)  # "China National Petroleum Corp": the Corporation
    ]
    same_type = [u for u in full if len(u.split()) == len(d.name.split())]
    return min(same_type or [d.name], key=lambda u: (-len(u), u))


def _aliases(d: Draft) -> tuple[str, ...]:
    seen = {normalize(d.name)}
    out = []
    for _s, _e, text in sorted(d.spans):
        if (_s, _e) in d.no_alias:
            continue
        surface = re.sub(r"^(?:the|The)\s+", "", text.strip())
        if normalize(surface) not in seen:
            seen.add(normalize(surface))
            out.append(surface)
    return tuple(out)


def _settle_name(d: Draft) -> Draft:
    """The draft under the name the article uses; the gazetteer's form becomes an alias."""
    name = _article_name(d)
    if name == d.name:
        return d
    settled = Draft(name, d.type, d.country, d.gid, d.role, d.spans, d.no_alias, d.entry)
    settled.extra_aliases = (d.name,)
    return settled


_SPACED_DASH = re.compile(r"\s+[-–—]\s+")


def _to_actor(d: Draft, text: str, gaz: Gazetteer) -> Actor:
    mentions = tuple(Evidence(s, e, text[s:e]) for s, e, _t in sorted(d.spans))
    aliases = _aliases(d)
    known = {normalize(a) for a in (*aliases, d.name)}
    aliases += tuple(a for a in d.extra_aliases if normalize(a) not in known)
    if d.type != "person":  # "the Rasht - Astara railroad" is written "Rasht-Astara" too
        aliases += tuple(
            dict.fromkeys(
                joined
                for a in (d.name, *aliases)
                if (joined := _SPACED_DASH.sub("-", a)) != a
                and normalize(joined) not in {normalize(x) for x in (*aliases, d.name)}
            )
        )
    if d.type in ("organization", "company"):  # "China's General Administration of Customs"
        aliases += _possessed_forms(d, text, gaz, {normalize(a) for a in (*aliases, d.name)})
        common = _common_state_form(d.name, gaz)
        if common and normalize(common) not in {normalize(a) for a in (*aliases, d.name)}:
            aliases += (common,)
    return Actor(d.name, d.type, d.country, d.role, aliases, d.gid, mentions)


_OF = re.compile(r"\bof (?:the )?")


def _common_state_form(name: str, gaz: Gazetteer) -> str | None:
    """A body named with its state's official name under the state's common name, as
    readers (and GOLD.md) write it: 'Government of the Russian Federation' -> 'Government of
    Russia', 'Ministry of Commerce of the People's Republic of China' -> '... of China'."""
    for m in _OF.finditer(name):
        rest = name[m.end() :]
        official = rest.split(" in ", 1)[0]
        state = gaz.state_named(official)
        if state is not None and normalize(state.name) != normalize(official):
            return f"{name[: m.start()]}of {state.name}{rest[len(official) :]}"
    return None


def _possessed_forms(d: Draft, text: str, gaz: Gazetteer, known: set[str]) -> tuple[str, ...]:
    """A body as the article writes it after its state's possessive: 'China's customs'."""
    out = []
    for s, e, _t in sorted(d.spans):
        m = re.search(r"\b([A-Z][a-z]+)['’]s\s+$", text[max(0, s - 20) : s])
        form = f"{m.group(1)}'s {text[s:e]}" if m and gaz.state_named(m.group(1)) else None
        if form and normalize(form) not in known:
            known.add(normalize(form))
            out.append(form)
    return tuple(out)


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


def _keep(d: Draft, text: str) -> bool:
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
    if d.type == "organization" and d.country:
        return len(d.spans) >= 2 or any(_speaks(text, s, e) for s, e, _t in d.spans)
    return True


_SAYS = re.compile(
    r"^[\s,]*(?:has |have |had |will |would |is |was )?(?:also )?(?:said|says|reported|reports|"
    r"announced|announces|stated|noted|confirmed|expects|expected|estimates|estimated|"
    r"approved|adopted|signed|issued|published|released|decided|plans|planned|warned|"
    r"imposed|introduced|lifted|banned|allowed|believes|stressed|emphasi[sz]ed|urged|"
    r"agreed|welcomed|denied|rejected|proposed|added)\b"
)
# after a source named with "according to": the end of its phrase, not a noun it qualifies
# ("according to the Chinese commerce ministry." vs "according to Chinese customs data")
_PHRASE_END = re.compile(r"\s*(?:[,.;:)]|$|\s*(?:on|in|at|which|that|as|and)\b)")
_CLAUSE_START = re.compile(r"(?:^|[.!?]\s+|,\s+|\n)(?:the\s+|The\s+|[A-Z][a-z]+['’]s\s+)?$")


_DATA_FROM = re.compile(
    r"\b(?:data|figures|statistics|numbers|estimates|a report|a survey)\s+"
    r"(?:(?:released|published|compiled|issued)\s+)?(?:from|by)\s+(?:the\s+|[A-Z][a-z]+['’]s\s+)?$",
    re.I,
)
_DATA_END = re.compile(r"\s*(?:[,.;:)]|$|(?:show|showed|shows|indicate[sd]?|suggest(?:s|ed)?)\b)")


def _speaks(text: str, start: int, end: int) -> bool:
    """A named institution as a source: "..., China's Ministry of National Defense said",
    "according to the Federal Customs Service" - not an affiliation ("a researcher at the
    Academy of Sciences, said") and not an adjective ("according to Chinese customs data")."""
    before = text[max(0, start - 40) : start]
    if russian_source(before) or speaks_from(before, text[end : end + 60]):
        return True
    if re.search(r"according to (?:the )?$", before, re.I) and _PHRASE_END.match(text, end):
        return True
    if _DATA_FROM.search(before) and _DATA_END.match(text, end):
        return True  # "Data from China's General Administration of Customs showed ..."
    if _BETWEEN.search(text[max(0, start - 120) : start]):
        return True  # "a memorandum between China's Ministry of Commerce and Russia's ..."
    after = text[end : end + 120]
    if spokes := _SPOKESPERSON.match(after):  # "Chinese Defense Ministry spokesman Zhang said"
        return bool(_SAYS.match(after[spokes.end() :]) or _TOLD.match(after[spokes.end() :]))
    if _AND_BEFORE.search(text[max(0, start - 120) : start]):
        before = ""  # the second of two bodies that open the clause
    if not _CLAUSE_START.search(before):
        return False
    if and_next := re.match(r"\s+and\s", after):  # "X and Russia's Ministry of ... signed"
        ends = [m.start() for m in re.finditer(r"\s", after[: and_next.end() + 70])]
        return any(_SAYS.match(after[i:]) for i in ends if i >= and_next.end() - 1)
    return bool(_SAYS.match(after[:30]))


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
_AND_BEFORE = re.compile(
    rf"(?:^|[.!?]\s+|,\s+|\n)(?:the\s+|The\s+|[A-Z][a-z]+['’]s\s+)?[A-Z][\w'’-]*\s+"
    rf"{_NAME_WORDS}and\s+(?:the\s+|[A-Z][a-z]+['’]s\s+)?$"
)


def extract_actors(ctx: DocContext, gaz: Gazetteer) -> list[Actor]:
    """Actors of the document; also fills `ctx.mentions` (sorted by position)."""
    b = Builder(ctx, gaz)
    _add_plural_roles(b)
    _add_roles(b)
    _add_gazetteer(b)
    _add_persons(b)
    for entry, start, end, surface in shared_titles(b.shared_titles, b.drafts, b.only_places):
        b.entry(entry, start, end, surface)
    _add_organizations(b)
    _attach_titles(b)
    _affiliate(b)
    b.drafts = {k: _settle_name(d) for k, d in b.drafts.items() if d.spans}
    actors = [
        _to_actor(d, ctx.clean_text, gaz) for d in b.drafts.values() if _keep(d, ctx.clean_text)
    ]
    ctx.weak_actors = {
        a.name: a
        for d in b.drafts.values()
        if d.spans and not _keep(d, ctx.clean_text)
        for a in [_to_actor(d, ctx.clean_text, gaz)]
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
