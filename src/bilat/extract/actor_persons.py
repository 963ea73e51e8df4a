"""Persons the gazetteer does not know: NER person names cleaned of titles, bylines and
vessel names, resolved to a gazetteer person where a short form fits ('Lavrov', 'Wang'),
keyed so the same person named twice is one draft (initials, Russian declension, surname
first in Chinese, Korean and Vietnamese renderings, given names in Malay and Indonesian),
and surnames told alone linked to the full name told in the document.

requires: the `Builder` of `actors` (DocContext.doc NER, the gazetteer)
assigns : person drafts on the builder
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from bilat.extract.actor_drafts import Builder, Draft, context_before, media_names
from bilat.extract.actors_ru import russian_name_key
from bilat.extract.affiliation import titled_names
from bilat.extract.gazetteer import Entry, normalize
from bilat.extract.gazetteer_ru import surname_cases
from bilat.extract.kontsevich import vietnamese_person
from bilat.extract.nlp_ru import latin_name, person_nominative
from bilat.extract.palladius import chinese_name
from bilat.extract.wordre import mostly_cyrillic, words_re

__all__ = ["THE", "TITLE_WORDS", "add_persons", "glossed_persons"]

_BYLINE = re.compile(
    r"(?:\b(?:photo|photos|foto|correspondent|reporter|journalist|columnist|editor|author|"
    r"writes|credit|фото|корреспондент|автор|translation|translated\s+by|edition|edited\s+by"
    r"|перевод|редактор)\s*[:/]?\s*"
    # "Av. Alfonso Ugarte 873": a street named for a person
    r"|\b(?:Av\.|Avenida|Calle|Rua|Praça|Plaza|Paseo|Avenue|Street|улица|ул\.|проспект)\s+"
    r"|(?:^|\n|[|•])\s*by\s*:?\s*)$",
    re.I,
)  # "signed by X", "chaired by X" name actors; "By X" opening a line is a byline
_BY_NAMES = re.compile(
    r"\bBy\s*:?\s*(?:[A-Z][\w.'’-]+\s+){0,3}(?:(?:and|,)\s*(?:[A-Z][\w.'’-]+\s+){0,3})*$"
)
THE = re.compile(r"\bthe\s+$", re.I)
# titles and honorifics before a name: "Prince Abdulaziz bin Salman", "Datuk Seri Anwar
# Ibrahim", "Dato' Seri" (Malaysian honorifics), "His Majesty", "Sheikh Mohamed bin Zayed"
TITLE_WORDS = re.compile(
    r"^(?:(?:Mr|Mrs|Ms|Dr|President|Premier|Minister|General|Crown\s+Prince|Prince|Princess"
    r"|Treasurer|Chancellor|Governor|Mayor|Ambassador|Senator|Secretary|Chairman|Chairwoman"
    r"|Commissioner|Vice\s+President|Vice\s+Premier|(?:State\s+)?Counci(?:l)?lor"
    r"|Sheikh|Sheikha|Emir|Datuk\s+Seri|Datuk|Dato['’]?\s+Sri|Dato['’]?\s+Seri|Dato['’]?|Tan\s+Sri"
    r"|Puan\s+Sri|Datin|Tun|Haji"  # (not "Tengku": "Tengku Zafrul" is how he is called)
    # "His Majesty Sultan Ibrahim" (the model may leave "His" out of the name)
    r"|(?:(?:His|Her)\s+)?(?:Royal\s+)?(?:Majesty|Highness|Excellency)"
    # Indian honorifics and abbreviated ranks ("Smt. Droupadi Murmu", "Army chief Gen Upendra
    # Dwivedi", "Adm Dinesh Tripathi", "H.E. Mr. Vladimir Putin")
    r"|Shri|Sri|Smt|Shrimati|Kumari|Gen|Lt\s+Gen|Maj\s+Gen|Adm|Vice\s+Adm|Rear\s+Adm|Air\s+Chief"
    r"\s+Marshal|Air\s+Marshal|Col|Brig|H\.\s?E)"
    r"\.?\s+)+"
)
# an Arabic or Malay name's patronymic after the given name: "Abdulaziz bin Salman"
_PATRONYM = re.compile(r"\s+(?:bin|ibn|bint|binti)\s+[A-Z][\w'’-]+(?:\s+Al[\s-][A-Z][\w'’-]+)?")
_CJK_STYLE = {"CN", "TW", "KP", "KR", "VN", "SG"}  # surname first in English renderings


def _clean_person(text: str) -> str:
    text = re.sub(r"['’]s$", "", text.strip())
    # "Governor of Amur Oblast Orlov": the region's noun is not part of the name
    text = re.sub(r"^(?:Oblast|Province|Krai|Region|Prefecture|County|District)\s+", "", text)
    # "• Putin": the model takes a list's bullet into the name
    return TITLE_WORDS.sub("", text).strip(" ,.;:\"“”'•·▪►*")


def _valid_person(name: str, before: str) -> bool:
    if len(name) < 3 or not name[:1].isupper() or _BYLINE.search(before):
        return False
    if _BY_NAMES.search(before):  # "13:13 By Laurie Chen and Ryan Woo"
        return False
    if _REPORTERS.search(before):  # "People's Daily, Beijing, August 19th (Reporter Du
        return False  # Shangze, Zhang Tao)": the agency's byline
    if _VESSEL.search(before):  # "frigate Marshal Shaposhnikov": a ship named for a person
        return False
    if _NOT_A_NAME.search(name):  # "PNS Tippu Sultan", "Lok Kalyan Marg", "I. Agreements"
        return False
    return not any(ch.isdigit() for ch in name) and normalize(name) not in media_names()


# what a person's name never is: a ship with its navy's prefix, a street, a building or a sea,
# a document, a numbered heading; official house names: Rashtrapati Bhavan, Lok Kalyan Marg
_NOT_A_NAME = re.compile(
    r"^(?:PNS|INS|USS|HMS|HMAS|HMCS|RFS|ROKS|JS|TCG|IRIS|CNS|KRI|BNS|RSS)\s"
    r"|^[IVX]{1,4}\.\s"
    # a square, avenue or palace in Spanish or Portuguese: "Plaza de la Revolución", "Avenida
    # Alfonso Ugarte", "Palácio do Planalto"; an outlet's masthead line "Andina - Agencia ..."
    r"|^(?:Plaza|Avenida|Av\.|Calle|Paseo|Praça|Rua|Palacio|Palácio|La|Los|Las)\s|\s[-–]\s"
    r"|\s(?:Embankment|Street|St|Ave|Avenue|Prospekt|Prospect|Boulevard|Blvd|Lane|Road|Rd|Highway|"
    r"Marg|Bhavan|"
    r"Bhawan|Square|Seas?|Ocean|Strait|Statement|Agreements?|Memorandum|Declaration|Protocol|"
    r"Treaty|Smt|Shri|Plant|Factory|Works|Bonds?)$"
    # a picture's credit: "(AA Photo)", "| Photo Credit: The Hindu"
    r"|\b(?:Photo|Photos|Credit|Image|Images)\b"
)
# an address by given name and patronymic, not a name: '"Vladimir Vladimirovich, you said'
_ADDRESS = re.compile(
    r"(?:[A-Z][a-z]+\s[A-Z][a-z]+(?:ovich|evich|ovna|evna|ichna)"
    r"|[А-ЯЁ][а-яё]+\s[А-ЯЁ][а-яё]+(?:ович|евич|овна|евна|ична))(?=\s*[,!])"
)


# a given name and patronymic with no surname is how one speaks to or of someone the report
# names in full ("Мы с Владимиром Владимировичем договорились"), no name of its own
_NAME_AND_PATRONYMIC = re.compile(
    r"[А-ЯЁ][а-яё]+\s+[А-ЯЁ][а-яё]+(?:ович|евич|овн|евн|ичн)[а-яё]{0,3}"
    r"|[A-Z][a-z]+\s+[A-Z][a-z]+(?:ovich|evich|ovna|evna|ichna)"
)
_DATED_BYLINE = re.compile(r"\d[^\n]*\s[·•|]\s*$")
_REPORTERS = re.compile(r"\((?:reporters?|correspondents?|记者)\b[^()]{0,60}$", re.I)
_INITIALS = re.compile(r"(?:[A-ZА-ЯЁ]\.){1,2}[A-ZА-ЯЁ][a-zа-яё]")
_VESSEL = re.compile(
    r"\b(?:destroyer|frigate|corvette|cruiser|submarine|carrier|ship|vessel|tanker|icebreaker|"
    r"aircraft carrier|landing ship|patrol boat)s?\s+"
    # ... also the last of a list of them: "the corvettes Gremyashchy, Sovershenny and Aldar
    # Tsydenzhapov"
    r"(?:[\"“]?(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*){0,3}[\"”]?(?:,\s+|\s+and\s+))*$",
    re.I,
)


def _headline(b: Builder, name: str, start: int = -1, named: frozenset[str] = frozenset()) -> bool:
    """'Trump and Xi Agree Tariff Cuts': a title-case headline read as a name that starts
    with a known person's short name ('Xi and Putin Talk by Video as Trump Returns': two
    words on a title-case line), or with the surname of one the text names in full later
    ('PM Kobakhidze Meets Chinese Premier' over '... Irakli Kobakhidze ...')."""
    first, *rest = name.split()
    if len(rest) < 2 and not (rest and start >= 0 and _title_case_line(b.ctx.clean_text, start)):
        return False
    return any(
        d.type == "person" and first in _short_forms(d.name, d.country) and d.name != name
        for d in b.drafts.values()
    ) or any(n != name and first in _short_forms(n, None) for n in named)


_ASKING = re.compile(r"(?:Will|Would|Can|Could|Should|Did|Does|Do|Has|Have|Is|Are|Was|Were)\s")


def _opens_a_question(text: str, start: int) -> bool:
    """Whether `start` opens a sentence that ends with a question mark."""
    before = text[max(0, start - 3) : start]
    if start and not re.search(r"(?:^|[.!?\n]\s*|\n)$", before):
        return False
    end = re.search(r"[.!?\n]", text[start:])
    return end is not None and end.group(0) == "?"


def _title_case_line(text: str, pos: int) -> bool:
    """A line of its own in title case, with no full stop: a headline."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    line = text[start : end if end >= 0 else len(text)].strip()
    words: list[str] = [w for w in re.findall(r"[A-Za-z][\w'’-]*", line) if len(w) > 3]
    if len(words) < 3 or line.endswith((".", ":")):
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised >= 0.8 * len(words)


# an author's note: "Tatiana Orlova is a nonresident scholar at the Carnegie ...", "Rohan
# Kulkarni is an assistant professor at ..." (a paragraph of its own, told of the writer)
_BIO = re.compile(
    r"\s+is\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,4}?(?:fellow|scholar|professor|lecturer|"
    r"researcher|analyst|editor|journalist|writer|columnist|correspondent|student|candidate|"
    r"director|expert|associate)\b"
)


def _author_note(text: str, start: int, end: int) -> bool:
    """The name opens a paragraph that tells who the writer is, in the text's last lines."""
    line_start = text.rfind("\n", 0, start) + 1
    return (
        not text[line_start:start].strip()
        and _BIO.match(text, end) is not None
        and len(text) - start < 600
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


def _resolve_person(b: Builder, name: str, named: frozenset[str] = frozenset()) -> Entry | None:
    """The gazetteer person a name is; a bare surname is not the gazetteer's when the text
    names someone else by it in full (`named`: 'Senior Colonel Jiang Haoran ... Jiang said',
    not the former spokeswoman Jiang Yu)."""
    found = [e for e in b.gaz.lookup(name) if e.type == "person"]
    if not found and name.count(" ") == 1:  # "Iwaya Takeshi": Takeshi Iwaya, surname first
        found = [e for e in b.gaz.lookup(" ".join(reversed(name.split()))) if e.type == "person"]
    if " " not in name and _another_named(b, name, named, found):
        return None
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


def _another_named(b: Builder, surname: str, named: frozenset[str], found: list[Entry]) -> bool:
    """Whether the text names in full someone of that surname who is not `found`."""
    for full in named:
        if surname in full.split():
            own = [e for e in b.gaz.lookup(full) if e.type == "person"]
            same_words = any(set(e.name.split()) == set(full.split()) for e in found)
            if not same_words and not any(e in found for e in own):  # ("Iwaya Takeshi":
                return True  # Takeshi Iwaya, surname first)
    return False


# "A. Kozlov", "V.V. Putin", "В.В. Путин" (the patronymic's initial after the first name's)
_INITIAL_SURNAME = re.compile(
    r"^(?P<initial>[A-ZА-ЯЁ])\.\s*(?:[A-ZА-ЯЁ]\.\s*)?(?P<surname>[A-ZА-ЯЁ][\w'’-]+)$"
)


def _person_key(b: Builder, name: str) -> str:
    """One key for a person the gazetteer lacks; in Russian, for every case of the name (its
    nominative's: cutting endings alone keys "Максимом" as "максим" and "Максим" as "макс")."""
    if b.ctx.language != "ru":
        return "ner:" + normalize(name)
    return "ner:" + russian_name_key(normalize(person_nominative(name) or name))


def _titled_before(
    titled: dict[int, tuple[int, str]], start: int, name: str
) -> tuple[int, str] | None:
    """The name a title introduces that ends with `name` and begins before it (the model
    left the given name out: "Defense Secretary Gilberto | Teodoro Jr."), as (start, name)."""
    for begin, (end, found) in titled.items():
        bare = TITLE_WORDS.sub("", found)  # ("Secretary Shri Rajesh Agrawal": no "Shri")
        if begin < start and end == start + len(name) and bare.endswith(" " + name):
            return begin + len(found) - len(bare), bare
    return None


def add_persons(b: Builder) -> None:
    text = b.ctx.clean_text
    singles: list[tuple[int, int, str]] = []
    titled = {start: (end, name) for start, end, name in titled_names(text)}
    named = frozenset(  # the people the text names in full
        [n for e in b.ctx.ents if e.label_ == "PERSON" and " " in (n := _clean_person(e.text))]
        + [name for _end, name in titled.values()]
    )
    for ent in map(_first_line, b.ctx.ents):
        if b.covered(ent.start_char, ent.end_char):
            continue
        if ent.label_ != "PERSON" and not _named_by_post(text, ent):
            continue
        name = _clean_person(ent.text)
        if re.search(r"\bof\s+$", context_before(text, ent.start_char)) and name.count(" ") >= 2:
            name = name.split(" ", 1)[1]  # "Minister of [Transport Liu Wei]"
        if not _valid_person(name, context_before(text, ent.start_char)) or _headline(
            b, name, ent.start_char, named
        ):
            continue
        if " " not in name and THE.search(context_before(text, ent.start_char)):
            continue  # "on the Moon": a thing, not a surname
        if _ASKING.match(name) and _opens_a_question(text, ent.start_char):
            continue  # "Will Tokayev invite Mirziyoyev ...?": a question's verb and a surname
        if (
            "/" in ent.text
            or _PHOTO_CREDIT.search(text, max(0, ent.start_char - 2), ent.start_char)
            or _PHOTO_CREDIT.match(text, ent.end_char)
        ):
            continue  # "REUTERS/Tingshu Wang/File Photo", "Sergei BOBYLEV / POOL/AFP": a credit
        if (
            (
                _byline_alone(text, ent.start_char, ent.end_char)
                or _author_note(text, ent.start_char, ent.end_char)
            )
            or _VOCATIVE.search(
                context_before(text, ent.start_char, 16) + ent.text.split(" ", 1)[0] + " "
            )
            or (  # "Уважаемая Валентина Ивановна!": the model left the address out of the name
                _NAME_AND_PATRONYMIC.fullmatch(ent.text)
                and _VOCATIVE.search(context_before(text, ent.start_char, 16))
            )
            or (
                _ADDRESS.match(text, ent.start_char)
                and context_before(text, ent.start_char, 2).rstrip().endswith(('"', "“", "«"))
            )
            or _spoken_of_by_patronymic(ent.text, named)
        ):
            continue  # "Дмитрий Козлов" under the report, "Уважаемый Касым-Жомарт Кемелевич!"
        start = ent.start_char + ent.text.find(name)
        patronym = _PATRONYM.match(text, start + len(name)) if " bin " not in name else None
        if patronym:  # "Prince Abdulaziz | bin Salman": the model cut the patronymic
            name += patronym.group(0)
        longer = titled.get(start)
        if longer and longer[1].startswith(name) and longer[0] > start + len(name):
            name = longer[1]  # "Defence Secretary Rajesh Kumar Singh": the model cut "Singh"
        wider = _titled_before(titled, start, name)
        if wider is not None:  # "Agriculture Minister Do Duc Duy": the model cut "Do"
            start, name = wider
        if text.startswith(".", start + len(name)) and re.search(r"\s(?:Jr|Sr)$", name):
            name += "."  # "Gilberto Teodoro Jr.": the suffix is written with its dot
        entry = _resolve_person(b, name, named)
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
        elif _told_as_a_place(text, start, start + len(name)):
            continue  # "through the Lipulekh and Nathu La passes", "via Mundra": a place the
            # model took for a person (one the gazetteer knows is resolved above)
        elif " " in name or _INITIALS.match(name):  # "Б.Батцэцэг": initials make it a name
            draft = b.person(_person_key(b, name), name, start, start + len(name), name)
            if b.ctx.language == "ru":
                _russian_forms(draft, name)
        else:
            singles.append((start, start + len(name), name))
    for start, (end, name) in titled.items():
        if not b.covered(start, end) and _resolve_person(b, name) is None:
            b.person(_person_key(b, name), name, start, end, name)
    _sitting_leaders(b)
    _link_short_names(b, singles)


# the words around a place: a preposition of which way ("via", "through the Lipulekh and")
# or a place's noun after it ("Nathu La passes", "Mundra port"); not a verb a person may be
# the subject of ("Smith calls for talks")
_PLACE_BEFORE = re.compile(
    r"\b(?:via|through|near|off|across)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+and\s+)?$"
)
_PLACE_AFTER = re.compile(
    r"\s+(?:passes|pass|ports?|harbou?r|terminal|airport|checkpoint|province|district|county|"
    r"strait)\b"
)


def _told_as_a_place(text: str, start: int, end: int) -> bool:
    return bool(
        _PLACE_BEFORE.search(context_before(text, start, 40)) or _PLACE_AFTER.match(text, end)
    )


_LEADER_KEYS = ("head_of_state", "head_of_government")
# a surname as a word of its own: no hyphen ("Modi-era") and no capitalised word after it (a
# longer name: "Trump Tower")
_OWN_WORD = r"(?<![\w-]){}(?![\w-])(?!\s+[A-Z][a-z])"
# ... and before it a title, or no capitalised word (a given name: "Eric Trump")
_WORD_BEFORE = re.compile(r"([A-Z][\w'’.-]*)\s+$")
_LEADER_TITLES = frozenset({"PM", "President", "Premier", "Minister", "Chancellor", "Mr", "Mr."})
# words capitalised for opening a sentence ("Meanwhile Trump said"), no given names
_OPENERS = frozenset(
    {"Meanwhile", "But", "And", "Also", "Then", "Now", "Later", "Earlier", "Today", "Yesterday"}
    | {"When", "After", "Before", "While", "As", "So", "Yet", "There", "Here", "Separately"}
)


def _sitting_leaders(b: Builder) -> None:
    """A head of state or government in office at publication, of a state the text names,
    told by surname alone where the model saw no person ("PM Modi said", "Trump told
    reporters": tagged a body, or nothing): that leader, when the gazetteer knows no one else
    of that surname."""
    on = b.ctx.published
    if on is None or b.ctx.language != "en":
        return
    text = b.ctx.clean_text
    states = {d.country for d in b.drafts.values() if d.type == "state" and d.country}
    for iso in sorted(states):
        for key in _LEADER_KEYS:
            for entry in b.gaz.holders(key, iso, on[:10]):
                for surname in entry.surnames:
                    if " " in surname or [e.gid for e in b.gaz.lookup_surname(surname)] != [
                        entry.gid
                    ]:
                        continue
                    told = f"(?i:{re.escape(surname[0])}){re.escape(surname[1:])}"  # "El-Sisi"
                    for m in re.finditer(_OWN_WORD.format(told), text):
                        word = _WORD_BEFORE.search(text, max(0, m.start() - 30), m.start())
                        if word and word[1] not in _LEADER_TITLES | _OPENERS:
                            continue
                        if not b.covered(m.start(), m.end()):
                            b.entry(entry, m.start(), m.end(), surname)


_PHOTO_CREDIT = re.compile(r"\s?/")


# a transcript's form of address: the one addressed is named elsewhere in full
_VOCATIVE = re.compile(r"(?:^|[^\w-])(?:уважаем\w+|дорог\w+|dear|esteemed|respected)\s+$", re.I)


_SIGNED = re.compile(r"^(?:материал\s+подготовил\w*|подготовил\w*|автор\w*:?|текст:?|by)\s+$", re.I)


def _spoken_of_by_patronymic(name: str, named: frozenset[str]) -> bool:
    """'Владимиром Владимировичем' beside 'Владимиром Путиным': a given name and patronymic
    with the given name of someone the text names in full (not 'Roman Abramovich', a
    surname, when no other Roman is named)."""
    if not _NAME_AND_PATRONYMIC.fullmatch(name):
        return False
    given = name.split()[0]
    return any(
        other != name and not _NAME_AND_PATRONYMIC.fullmatch(other) and _same_given(given, first)
        for other in named
        for first in other.split()[:1]
    )


def _same_given(a: str, b: str) -> bool:
    """The same given name in any case form ('Владимир', 'Владимиром')."""
    k = min(len(a), len(b))
    return a == b if k <= 3 else a[: k - 1] == b[: k - 1]


@dataclass(frozen=True, slots=True)
class _Span:
    label_: str
    text: str
    start_char: int
    end_char: int


# a post told right after a name: "Valery Pikalev, head of Russia's Federal Customs Service"
_POST_AFTER = re.compile(
    r",\s+(?:the\s+)?(?:(?:first|deputy|vice|acting)\s+)?(?:head|chief|chairman|chairwoman|"
    r"director(?:[-\s]general)?|president|governor|minister|ambassador|spokesman|"
    r"spokeswoman|spokesperson|CEO|founder)\s+(?:of|at|to)\b"
)
# the words of a body's name, not a person's
_BODY_WORD = re.compile(
    r"\b(?:Service|Ministry|Bank|Company|Corporation|Group|Agency|Council|Committee|Commission|"
    r"Fund|University|Institute|Association|Union|Office|Administration|Authority|Holding|Port|"
    r"Railways?|Airlines?|News|Times|Post|Daily)\b"
)


def _named_by_post(text: str, ent: Any) -> bool:
    """An entity the model took for a body that is a person, told by the post after it:
    two or three capitalised words, none a body's ("Valery Pikalev, head of ...")."""
    words = ent.text.split()
    return (
        ent.label_ == "ORG"
        and 2 <= len(words) <= 3
        and all(w[:1].isupper() and w[1:].islower() and w.isalpha() for w in words)
        and not _BODY_WORD.search(ent.text)
        and _POST_AFTER.match(text, ent.end_char) is not None
    )


def _first_line(ent: Any) -> Any:
    """A name ends at its line: "Иван Крылов\n\nОбсудить" is the signature above a page's
    share bar, not a name of three words."""
    cut = ent.text.find("\n")
    if cut <= 0:
        return ent
    return _Span(ent.label_, ent.text[:cut], ent.start_char, ent.start_char + cut)


_ONE_NAME = (
    r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,2}(?:\s+in\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)?"
)
_NAMES_LINE = re.compile(rf"{_ONE_NAME}(?:\s*(?:,|,?\s+and|&)\s+{_ONE_NAME})+")


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
    if line.strip(" .") == name or (line_start < 400 and _NAMES_LINE.fullmatch(line.strip())):
        return True  # ... or the reporters' line under a headline: "Max Seddon in Riga and
        # Joe Leahy in Beijing", "Tom Ambrose and Jakub Krupa"
    last = not text[line_start + len(line) :].strip()
    before, after = text[line_start:start], text[end : line_start + len(line)]
    if _DATED_BYLINE.search(before) and not after.strip():
        return True  # "13 ноября 2025, 10:15 · Мария Светлова": the date line's author
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
    # "Григорий Борисович Карасин" is written "Grigory Karasin" in English: without the
    # patronymic too
    full = nominative or ""
    short = _PATRONYMIC_MIDDLE.sub(" ", full) if full.count(" ") == 2 else ""
    for form in (nominative, latin, short, latin_name(short) if short else None):
        if form and form != draft.name and form not in draft.extra_aliases:
            draft.extra_aliases += (form,)


# a patronymic between a given name and a surname ("Григорий Борисович Карасин")
_PATRONYMIC_MIDDLE = re.compile(
    r"(?<=[а-яё])\s+[А-ЯЁ][а-яё]+(?:ович|евич|ьич|овна|евна|ична)\s+(?=[А-ЯЁ][а-яё-]+$)"
)


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


# a gloss in brackets right after a name: "(Михаил Мишустин)", "(习近平; in Kazakh, Си Цзиньпин)"
_GLOSS = re.compile(r"\s*\([^()\n]{1,120}\)")


def glossed_persons(b: Builder) -> None:
    """A person told only in a gloss in brackets after another person's name, 'Alexei Miller
    (Алексей Миллер)', 'Xi Jinping (习近平; in Kazakh, Си Цзиньпин)', is that person: the gloss
    becomes an alias, not a second actor."""
    text = b.ctx.clean_text
    glosses = [
        (m.start(), m.end(), d)
        for d in b.drafts.values()
        if d.type == "person"
        for _s, e, _t in d.spans
        if (m := _GLOSS.match(text, e))
    ]
    for key, d in list(b.drafts.items()):
        if d.type != "person" or not d.spans:
            continue
        owners = [
            [o for a, z, o in glosses if o is not d and a < s and e <= z] for s, e, _t in d.spans
        ]
        named = {id(o): o for found in owners for o in found}
        if len(named) != 1 or not all(owners):
            continue
        (owner,) = named.values()
        for s, e, t in d.spans:
            owner.add(s, e, t)
        del b.drafts[key]
