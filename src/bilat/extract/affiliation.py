"""Who a person the gazetteer does not know works for: the apposition that ties them to a
body or state ("Gazprom Deputy Chairman of the Executive Board Vitaly Markelov", "Zhang
Kejian, head of China's National Space Administration", "Kazakh deputy foreign minister X").

`affiliation(text, bodies, start, end, gaz)` returns (country, role) for the person mention at
text[start:end], given the spans of bodies and states with their countries, or None.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from bilat.datafiles import read_data
from bilat.extract.gazetteer import Gazetteer

__all__ = ["affiliation", "titled_names"]


def affiliation(
    text: str,
    bodies: list[tuple[int, int, str]],
    start: int,
    end: int,
    gaz: Gazetteer,
    places: Sequence[tuple[int, int, str]] = (),
) -> tuple[str, str | None] | None:
    """Country and role from the body before the title, after the name, a title 'of' a body
    or region right before the name, or a state adjective."""
    spans = sorted([*bodies, *places])
    return (
        _body_before(text, spans, start)  # "Novosibirsk Region Governor Andrei Travnikov"
        or _body_after(text, bodies, end)
        or _title_of(text, spans, start)
        or _led_by(text, spans, start)
        or _adjective_before(gaz, text, start)
    )


# A person's own title between the body it belongs to and the name: "Gazprom Deputy Chairman
# of the Executive Board Vitaly Markelov", "CNPC Vice President Huang Yongzhang".
_ROLE_WORDS = (
    r"member|head|chief|chairman|chairwoman|chair|director|president|deputy|vice|minister|"
    r"envoy|ambassador|spokesperson|spokesman|spokeswoman|executive|officer|secretary|"
    r"representative|adviser|advisor|aide|governor|mayor|general|manager|board|committee|"
    r"first|senior|special|general-director|director-general|ceo|cfo|founder"
)
_TITLE_BETWEEN = re.compile(
    rf"^['’]?s?\s+((?:(?:[A-Z][\w.-]*|[a-z]+-[a-z]+|{_ROLE_WORDS}|of|the|for|and|on|at|in)\s+)"
    r"{1,9})$"
)
# ... or after it: "Zhang Kejian, head of China's space agency", "Rogozin, director-general of".
_TITLE_AFTER = re.compile(  # ... "Chairman of the Management Board of JSC Uzbekneftegaz"
    # (not a clause: "X, held talks with Putin at the Kremlin" is none of the Kremlin's)
    r"^,\s+(?:the\s+)?(?!(?:[\w-]+\s+){0,7}?(?:held|met|meets|said|says|told|visited|"
    r"received|hosted|signed|spoke|arrived|attended)\b)"
    r"((?:[\w-]+\s+){0,7}?[\w-]+)\s+(?:of|at)\s+(?:the\s+)?"
    r"(?:(?:P?JSC|OJSC|LLC|PJSC|JSCo|AO|PAO|OAO|OOO)\s+)?$"
)


# "Vice Governor of Heilongjiang Province Han Shengjian", "Head of the Federal Customs Service
# Ivan Petrov": the title ends in the body or region the name follows
_TITLE_OF = re.compile(
    rf"((?:(?:first|deputy|vice|executive|senior|acting)\s+)*(?:{_ROLE_WORDS})\s+of\s+(?:the\s+)?)$",
    re.I,
)


# ... and in Russian, the body in the genitive between the title and the name: "глава
# Главного таможенного управления КНР Сунь Мэйцзюнь", "Глава Россельхознадзора Сергей Данкверт"
_TITLE_OF_RU = re.compile(
    r"(?<![а-яё])((?:перв\w+\s+)?(?:глав[аеуы]|руководител\w+|председател\w+"
    # a company's: "Председатель совета директоров «Автотора»", "Гендиректор «Русала»"
    r"(?:\s+(?:совета\s+директоров|правления|наблюдательного\s+совета))?|предправления|"
    r"(?:ген)?директор\w*|генеральн\w+\s+директор\w*|замминистра|заместител\w+|"
    r"(?:вице-)?президент\w*|основател\w+|совладел\w+)\s+[«\"„]?)$",
    re.I,
)


def _title_of(
    text: str, spans: list[tuple[int, int, str]], start: int
) -> tuple[str, str | None] | None:
    for bs, be, country in spans:
        if 0 < start - be <= 3 and not text[be:start].strip(' \t»"”'):
            m = _TITLE_OF.search(text, max(0, bs - 60), bs) or _TITLE_OF_RU.search(
                text, max(0, bs - 40), bs
            )
            if m is not None:
                return country, text[m.start(1) : be]
    return None


# "a delegation of the Novosibirsk Region led by Governor Andrei Travnikov", "a Liaoning
# provincial delegation led by Governor Wang Xinwei": its leader
_LED_BY = re.compile(
    r"(?:(?:\s+(?-i:[a-z]+)){0,2}\s+delegation)?"
    rf"\s+led\s+by\s+(?:the\s+)?((?:(?:{_ROLE_WORDS}|(?-i:[A-Z][a-z]+))\s+){{0,4}})",
    re.I,
)


def _led_by(
    text: str, spans: list[tuple[int, int, str]], start: int
) -> tuple[str, str | None] | None:
    for _bs, be, country in spans:
        if 0 < start - be <= 60 and (m := _LED_BY.fullmatch(text, be, start)):
            return country, (m.group(1).strip() or None)
    return None


_SENTENCE_END = re.compile(r"\n|[a-z]{2}[.!?]\s")


# "Mali's transitional president, General Assimi Goïta": the possessive's title, then the
# name in apposition (a rank or honorific before it)
_TITLE_APPOSED = re.compile(
    rf"^['’]s\s+((?:[a-z-]+\s+){{0,3}}(?:{_ROLE_WORDS})),\s+(?:(?:General|Colonel|Marshal|"
    r"Admiral|Dr\.?|Mr\.?|Ms\.?|Mrs\.?|Sheikh|Prince|President)\s+)?$"
)


def _body_before(
    text: str, bodies: list[tuple[int, int, str]], start: int
) -> tuple[str, str | None] | None:
    # the nearest body first: "Gazprom CEO Alexey Miller and CNPC Chairman Dai Houliang"
    for _bs, be, country in sorted(bodies, key=lambda b: -b[1]):
        if _SENTENCE_END.search(text, be, start):  # "... to Beijing in May. Vice President X"
            continue
        if 0 < start - be <= 80 and (m := _TITLE_APPOSED.match(text[be:start])):
            return country, m.group(1).strip()
        if 0 < start - be <= 80 and (m := _TITLE_BETWEEN.match(text[be:start])):
            if re.search(r"\band\s*$", m.group(1)):
                return None  # "Rosatom Director General Alexey Likhachev and Shen Yanfeng":
                # the second name is not the first's body's
            return country, m.group(1).strip()
    return None


# "Vladimir Ilyichev, Russia's deputy economic development minister": the title after a
# state's or body's possessive
_OWN_TITLE = re.compile(
    rf"['’]s?\s+((?:(?!(?:and|who|said)\b)[A-Za-z-]+\s+){{0,4}}(?i:{_ROLE_WORDS}))\b"
)


def _body_after(
    text: str, bodies: list[tuple[int, int, str]], end: int
) -> tuple[str, str | None] | None:
    for bs, be, country in bodies:
        if 0 < bs - end <= 60 and (m := _TITLE_AFTER.match(text[end:bs])):
            return country, m.group(1).strip()
        if re.fullmatch(r",\s+(?:the\s+)?", text[end:bs]) and (t := _OWN_TITLE.match(text, be)):
            return country, t.group(1)
    return None


# the state adjective opening a title: "Chinese special envoy for Ukraine Li Hui", or a
# capitalised one, also with its remit: "Russian Deputy Defence Minister Ivan Petrov",
# "Chinese Vice Minister of Customs Zhao Zenglian"
_ADJ_TITLE = re.compile(r"\b([A-Z][a-z]+)\s+((?:[a-z]+\s+){1,4}(?:(?:for|of)\s+[A-Z]\w+\s+)?)$")
_ADJ_CAPITAL_TITLE = re.compile(
    rf"\b([A-Z][a-z]+)\s+((?:[A-Z][a-z-]+\s+){{0,3}}(?i:{_ROLE_WORDS})\s+"
    r"(?:(?:of|for)\s+(?:the\s+)?[A-Z][\w-]+\s+(?:(?:[A-Z][\w-]+|and)\s+){0,3})?)$"
)


def _adjective_before(gaz: Gazetteer, text: str, start: int) -> tuple[str, str | None] | None:
    """The state adjective opening the person's title (`_ADJ_TITLE`, `_ADJ_CAPITAL_TITLE`)."""
    m = _ADJ_TITLE.search(text[max(0, start - 70) : start]) or _ADJ_CAPITAL_TITLE.search(
        text[max(0, start - 80) : start]
    )
    if m is None:
        return None
    entry = gaz.state_for_adjective(m.group(1))
    if entry is None or not entry.country:
        return None
    return entry.country, m.group(2).strip()


# a title right before a capitalised two- or three-word name: "Vice Minister of Commerce Li
# Fenghua", "Mayor Alexey Orlov" (names the small NER model misses or calls an organisation)
_TITLED = re.compile(
    r"\b(?:(?:First[ \t]+)?(?:Deputy|Vice)[ \t]+)?(?:[A-Z][a-z]+[ \t]+){0,2}"
    r"(?i:minister|premier|president|ambassador|envoy|governor|mayor|chairman|chairwoman|"
    r"director general|director|ceo|secretary|spokesperson|spokesman|spokeswoman)"
    # "of the State Duma of the Federal Assembly of the Russian Federation": a chain of bodies
    r"(?:[ \t]+(?:of|for|to)(?:[ \t]+the)?(?:[ \t]+(?:and[ \t]+)?[A-Z][\w'’-]*){1,4}){0,4}"
    r"(?:[ \t]+(?:Colonel|Lieutenant|Major|Army|Admiral|General)(?:-General)?)*[ \t]+"
    # (not a title: "Deputy Prime Minister of Armenia X and Deputy Prime Minister of Russia Y"
    # is no "Prime Minister" after a chain of bodies running into the second title)
    r"((?!(?:At|In|On|The|For|And|But|As|By|To|From|With|Of|Deputy|Vice|First|Prime|"
    r"Minister|President|Premier|Foreign|Secretary|Ambassador|Governor)\b)"
    r"(?:[A-Z][a-z'’]+(?:-[A-Z]?[a-z'’]+)*[ \t]+){1,2}[A-Z][a-z'’]+(?:-[A-Z]?[a-z'’]+)*)\b"
)


# a military rank right before a two- or three-word name: "Admiral Pavel Lobov", "Rear Admiral
# Shahram Irani", "Senior Colonel Jiang Bin" (the small NER model often calls these an ORG); not
# a ship ("the Admiral Kuznetsov")
_RANKED = re.compile(
    r"(?<![Tt]he )\b(?:(?:Senior|Rear|Vice|Lieutenant|Major|Fleet|Air(?:[ \t]+Chief)?)"
    r"[ \t]+)?"
    r"(?:Admiral|Colonel|Marshal|Commodore|Captain|Brigadier)(?:[ \t]+General)?[ \t]+"
    r"((?!(?:At|In|On|The|For|And|But|As|By|To|From|With|Of)\b)"
    r"(?:[A-Z][a-z'’]+(?:-[A-Z]?[a-z'’]+)*[ \t]+){1,2}[A-Z][a-z'’]+(?:-[A-Z]?[a-z'’]+)*)\b"
)


def titled_names(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of every person named right after a title or a military rank (see
    `_TITLED`, `_RANKED`); a 'name' ending in a body's head noun ('Commander of the US
    Northern Command') is none."""
    heads = _body_heads()
    found = []
    for pattern in (_TITLED, _RANKED):
        for m in pattern.finditer(text):
            name = re.sub(r"['’]s$", "", m.group(1))  # "President Abdel-Fattah El-Sisi's visit"
            if name.split()[-1] not in heads and not _REGION_NOUN.match(name):
                found.append((m.start(1), m.start(1) + len(name), name))  # (not "Governor of
                # Amur Oblast Orlov")
    return found


_REGION_NOUN = re.compile(r"(?:Oblast|Province|Krai|Region|Prefecture|County|District)\s")


@cache
def _body_heads() -> frozenset[str]:
    return frozenset(read_data("organizations_ner.yaml")["head_nouns"])
