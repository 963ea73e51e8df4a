"""Title phrases that name an office holder: "the Chinese leader", "Russia's Prime Minister",
"the head of the Russian government", "President of the Russian Federation".

One regex per gazetteer, built from its role phrases, state adjectives and state names;
`find_role_phrases` returns each phrase with its role key and the state it belongs to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bilat.extract.gazetteer import Gazetteer
from bilat.extract.wordre import alternation as _alt

__all__ = [
    "POSTED_KEYS",
    "REGIONAL_KEYS",
    "RolePhrase",
    "find_plural_roles",
    "find_role_phrases",
    "leader_key",
]

# Offices of a region or city, not of a state: "the Chinese governor" names no one holder
REGIONAL_KEYS = frozenset({"regional_head", "regional_party_secretary"})
# Offices held in another state: "the Russian ambassador" is the ambassador to one state
POSTED_KEYS = frozenset({"ambassador"})
# "Ambassador to (the) Iran / in Beijing", "Ambassador Extraordinary and Plenipotentiary to"
_POSTED_TO = re.compile(r"\s+(?:Extraordinary\s+and\s+Plenipotentiary\s+)?(?:to|in)\s+(?:the\s+)?")

_HEAD = re.compile(r"^(.+? of(?: the)?)\s+(.+)$")  # "secretary of the | security council"


_PLURAL = re.compile(
    r"(?<![\w-])(?:the\s+)?(?:(?P<hos>heads of state|leaders|presidents)|"
    r"(?P<hog>heads of (?:the )?government|prime ministers|premiers)|"
    r"(?P<fm>foreign ministers|top diplomats))\s+of\s+(?:the\s+)?"
    r"|(?<![\w-])the\s+(?:two\s+)?(?P<two_leaders>leaders|presidents|heads of state)"
    r"(?![\w-])(?!\s+of\b)"
    r"|(?<=meeting of )(?:the\s+)?(?P<pair_hog>heads of government|prime ministers|premiers)"
    r"(?![\w-])(?!\s+of\b)"
)
_TWO = re.compile(r"(?:two|both)\s+(?:countries|states|nations|sides)\b")
_PLURAL_KEY = {
    "hos": "head_of_state",
    "hog": "head_of_government",
    "fm": "foreign_minister",
    "two_leaders": "head_of_state",
    "pair_hog": "head_of_government",  # 'the regular meeting of heads of government'
}


@dataclass(frozen=True, slots=True)
class RolePhrase:
    start: int
    end: int
    text: str
    key: str
    country: str  # ISO2 of the state the office belongs to
    region: str | None = None  # the place id of a regional office ("губернатор Амурской области")
    host: str | None = None  # the state an envoy is posted to, when the title says it

    @property
    def jurisdiction(self) -> str:
        """What `Gazetteer.holders` looks the office up by: the region if any, else the state."""
        return self.region or self.country


def _country_forms(gaz: Gazetteer) -> tuple[dict[str, str], dict[str, str]]:
    """Capitalised adjectives ('Russian') and names ('Russian Federation') -> ISO2."""
    adjectives: dict[str, str] = {}
    names: dict[str, str] = {}
    for form, entry in gaz.adjective_forms():
        if entry.type == "state" and entry.country and form[:1].isupper() and len(form) > 3:
            adjectives[form] = entry.country
    for entry in gaz.entries():
        if entry.type == "state" and entry.country:
            for form in (entry.name, *entry.aliases):
                if len(form) > 2 and form[:1].isupper():
                    names[form] = entry.country
    return adjectives, names


@lru_cache(maxsize=4)
def _compiled(gaz: Gazetteer) -> tuple[re.Pattern[str], dict[str, str], dict[str, str]]:
    roles = {p.lower(): k for p, k in gaz.role_phrases() if k not in REGIONAL_KEYS}
    adjectives, names = _country_forms(gaz)
    pairs = [m.groups() for p in roles if (m := _HEAD.match(p))]
    role, adj, state = _alt(set(roles)), _alt(set(adjectives)), _alt(set(names))
    heads, tails = _alt({h for h, _ in pairs}), _alt({t for _, t in pairs})
    alternatives = [
        rf"(?P<adj>{adj})\s+(?i:(?P<role_a>{role}))",
        rf"(?i:(?P<role_b>{role}))\s+of\s+(?:the\s+)?(?P<state_b>{state})",
        rf"(?P<state_c>{state})['’]s\s+(?i:(?P<role_c>{role}))",
        rf"(?i:(?P<head>{heads}))\s+(?P<adj_h>{adj})\s+(?i:(?P<tail>{tails}))",
    ]
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])")
    return pattern, roles, adjectives | names


def _key(match: re.Match[str], roles: dict[str, str]) -> str | None:
    for group in ("role_a", "role_b", "role_c"):
        if match.group(group):
            return roles.get(" ".join(match.group(group).lower().split()))
    if match.group("head"):
        phrase = f"{match.group('head')} {match.group('tail')}"
        return roles.get(" ".join(phrase.lower().split()))
    return None


def _where(match: re.Match[str]) -> str | None:
    for name in ("adj", "state_b", "state_c", "adj_h"):
        if match.group(name):
            return str(match.group(name))
    return None


def _state_at(text: str, names: dict[str, str]) -> tuple[str, int] | None:
    """The longest known state name at the start of `text`: (ISO2, length)."""
    for form in sorted(names, key=len, reverse=True):
        if text.startswith(form) and not text[len(form) : len(form) + 1].isalnum():
            return names[form], len(form)
    return None


def _plural_countries(
    text: str, end: int, names: dict[str, str], pair: tuple[str, str]
) -> tuple[list[str], int]:
    """States after 'heads of state of': 'the two countries' or 'X and (the) Y'."""
    rest = text[end : end + 120]
    two = _TWO.match(rest)
    if two:
        return list(pair), end + two.end()
    first = _state_at(rest, names)
    if first is None:
        return [], end
    link = re.match(r"\s+and\s+(?:the\s+)?", rest[first[1] :])
    if link is None:
        return [], end
    pos = first[1] + link.end()
    second = _state_at(rest[pos:], names)
    if second is None:
        return [], end
    return [first[0], second[0]], end + pos + second[1]


def find_plural_roles(
    text: str, gaz: Gazetteer, pair: tuple[str, str]
) -> list[tuple[int, int, str, str, list[str]]]:
    """'the heads of government of Russia and China' -> (start, end, text, key, [RU, CN])."""
    _pattern, _roles, countries = _compiled(gaz)
    out = []
    for m in _PLURAL.finditer(text):
        key = next(_PLURAL_KEY[g] for g in _PLURAL_KEY if m.group(g))
        if m.group("two_leaders") or m.group("pair_hog"):
            states, end = list(pair), m.end()
        else:
            states, end = _plural_countries(text, m.end(), countries, pair)
        if len(states) == 2:
            out.append((m.start(), end, text[m.start() : end], key, states))
    return out


@lru_cache(maxsize=1)
def _government_leads() -> frozenset[str]:
    """States whose "leader" is the head of government (data/executives.yaml)."""
    from bilat.datafiles import read_data

    return frozenset(str(c) for c in read_data("executives.yaml")["head_of_government_leads"])


_LEADER = re.compile(r"\b(?:leader|лидер\w*)$", re.I)


def leader_key(key: str, phrase: str, country: str) -> str:
    """'the Indian leader' is India's prime minister: a head-of-state key named "leader"
    becomes the head of government's where that office leads."""
    if key == "head_of_state" and _LEADER.search(phrase) and country in _government_leads():
        return "head_of_government"
    return key


def find_role_phrases(text: str, gaz: Gazetteer) -> list[RolePhrase]:
    pattern, roles, countries = _compiled(gaz)
    out = []
    for m in pattern.finditer(text):
        where, key = _where(m), _key(m, roles)
        if where is None or key is None:
            continue
        country = countries.get(where) or next(
            (c for f, c in countries.items() if f.lower() == where.lower()), None
        )
        if not country:
            continue
        key = leader_key(
            key, m.group("role_a") or m.group("role_b") or m.group("role_c") or "", country
        )
        end, host = m.end(), None
        if key in POSTED_KEYS and (posted := _posted_to(text, end, gaz)) is not None:
            host, end = posted
        out.append(RolePhrase(m.start(), end, text[m.start() : end], key, country, host=host))
    return out


def _posted_to(text: str, end: int, gaz: Gazetteer) -> tuple[str, int] | None:
    """The state an envoy's title names after it: "to Iran", "in Beijing" -> (ISO2, end)."""
    link = _POSTED_TO.match(text, end)
    if link is None:
        return None
    found = _state_at(text[link.end() : link.end() + 60], _hosts(gaz))
    return None if found is None else (found[0], link.end() + found[1])


@lru_cache(maxsize=4)
def _hosts(gaz: Gazetteer) -> dict[str, str]:
    """State names and capitals -> ISO2."""
    names = dict(_country_forms(gaz)[1])
    for entry in gaz.entries():
        if entry.type == "state" and entry.country and entry.capital:
            names.setdefault(entry.capital, entry.country)
    return names
