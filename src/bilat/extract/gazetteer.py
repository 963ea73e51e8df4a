"""The gazetteer: known states, people, bodies, companies, projects and places.

Data lives in YAML files under ``bilat/data/gazetteer/`` (each names its sources):

    states.yaml         sovereign states and observers (id = ISO 3166 alpha-2)
    people.yaml         office holders, with dated roles
    roles.yaml          the role-key vocabulary and the English phrases naming each role
    organizations.yaml  international organisations and national institutions
    companies.yaml      companies, banks, state corporations and media
    projects.yaml       joint projects (pipelines, plants, bridges, corridors)
    places.yaml         sub-national places, seas and regions

`Gazetteer.load()` validates every file (unknown fields, bad dates, unknown role keys or
organisations, duplicate ids) and raises `ConfigError` naming the file and the entry. All
look-ups go through one normalisation, `normalize()`.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    field_validator,
)

from bilat.datafiles import parse_yaml
from bilat.errors import ConfigError

__all__ = [
    "LEGAL_FORM",
    "Entry",
    "Gazetteer",
    "Role",
    "RoleSpec",
    "default_gazetteer",
    "normalize",
    "period_end",
    "period_start",
]

ENTRY_TYPES = ("state", "person", "organization", "company", "project", "place")
# file name -> the type its entries get when they do not say otherwise
_FILES = {
    "states.yaml": "state",
    "people.yaml": "person",
    "organizations.yaml": "organization",
    "companies.yaml": "company",
    "projects.yaml": "project",
    "places.yaml": "place",
}
_DASHES = dict.fromkeys(map(ord, "‐‑‒–—―−"), "-")
_QUOTES = dict.fromkeys(map(ord, "’‘ʼ`´"), "'")
# letters NFKD does not take apart: Vietnamese "Đặng", Turkish "Kırklareli", Polish "Łódź"
_LETTERS = str.maketrans("đĐıłŁøØ", "dDilLoO")
_SPACES = re.compile(r"\s+")
_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


@functools.lru_cache(maxsize=1 << 16)
def normalize(surface: str) -> str:
    """The one normal form every look-up uses.

    Compatibility forms folded (NFKD) and accents dropped (đ, ı, ł, ø too), casefolded, dashes
    unified to "-", quotes to "'", spaces collapsed, a leading "the " and a trailing "'s"
    removed.
    """
    surface = surface.translate(_DASHES).translate(_QUOTES).translate(_LETTERS)
    text = unicodedata.normalize("NFKD", surface)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _SPACES.sub(" ", text.casefold()).strip()
    if text.startswith("the "):
        text = text[4:]
    if text.endswith("'s"):
        text = text[:-2]
    if LEGAL_FORM.search(text):  # "China National Petroleum Corp." is the Corporation
        text = LEGAL_FORM.sub(lambda m: _LEGAL_FULL.get((m["fold"] or "").rstrip("."), ""), text)
    return text


# a company's legal form at the end of its name: one that abbreviates the name's own noun
# ("Corp." for "Corporation": `fold`), or one that is no part of the name ("Co., Ltd.",
# "Inc.", "PJSC"); normalize folds the first and drops the second
LEGAL_FORM = re.compile(
    r"(?:,?\s+(?:co\.?,?\s*)?(?:ltd\.?|limited|inc\.?|llc|plc|pjsc|ojsc|jsc)"
    r"|\s+(?P<fold>corp\.?|co\.))$",
    re.I,
)
_LEGAL_FULL = {"corp": " corporation", "co": " company"}


@dataclass(frozen=True, slots=True)
class Role:
    """One office an entry held; dates are ISO (YYYY, YYYY-MM or YYYY-MM-DD), end None = open."""

    title: str
    key: str
    org: str | None
    start: str | None
    end: str | None
    host: str | None = None  # the state an envoy is posted to (ISO2)


@dataclass(frozen=True, slots=True)
class Entry:
    gid: str
    name: str
    type: str
    country: str | None
    aliases: tuple[str, ...]
    roles: tuple[Role, ...] = ()
    adjectives: tuple[str, ...] = ()
    capital: str | None = None
    metonyms: tuple[str, ...] = ()
    description: str | None = None
    surnames: tuple[str, ...] = ()
    members: tuple[str, ...] = ()  # an international body's member states (ISO2)


# ---- validation of the YAML (the edge) -------------------------------------------------


def _iso_date(value: Any) -> str | None:
    if value is None or isinstance(value, date):
        return None if value is None else value.isoformat()
    text = str(value)
    if not _DATE.match(text):
        raise ValueError(f"date {text!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    return text


class _RoleIn(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    role: str
    key: str
    org: str | None = None
    host: str | None = None
    start: str | None = Field(default=None, alias="from")
    end: str | None = Field(default=None, alias="to")

    _dates = field_validator("start", "end", mode="before")(_iso_date)


class _EntryIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(min_length=1)
    name: str = Field(min_length=1)
    type: str | None = None
    country: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    aliases: list[str] = []
    roles: list[_RoleIn] = []
    adjectives: list[str] = []
    capital: str | None = None
    metonyms: list[str] | None = None  # states: defaults to [capital]
    description: str | None = None
    role: str | None = None  # projects: short description ("gas pipeline")
    surnames: list[str] | None = None  # people: overrides the derived surnames
    members: list[Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]] = []


class _RoleSpecIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    rank: int
    label: str
    phrases: list[str]


@dataclass(frozen=True, slots=True)
class RoleSpec:
    """One role key from roles.yaml: its rank (lower = more senior), label and phrases."""

    key: str
    rank: int
    label: str
    phrases: tuple[str, ...]


def _read_yaml(directory: Traversable, name: str) -> Any:
    source = directory.joinpath(name)
    try:
        return parse_yaml(source.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"gazetteer file missing: {name}") from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"{name}: invalid YAML: {exc}") from exc


def _label(raw: Any, index: int) -> str:
    ident = raw.get("id") if isinstance(raw, dict) else None
    return f"entry {index}" + (f" ({ident})" if ident else "")


def _parse_entries(name: str, data: Any) -> list[_EntryIn]:
    if not isinstance(data, list):
        raise ConfigError(f"{name}: expected a list of entries")
    parsed = []
    for index, raw in enumerate(data):
        try:
            parsed.append(_EntryIn.model_validate(raw))
        except ValidationError as exc:
            raise ConfigError(f"{name}: {_label(raw, index)}: {exc}") from exc
    return parsed


# Countries whose people's names are written family name first in English news.
_FAMILY_NAME_FIRST = frozenset({"CN", "TW", "KP", "KR"})
_NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


def _surnames(item: _EntryIn, kind: str) -> tuple[str, ...]:
    """Surnames for surname-only look-up: explicit `surnames`, else derived from each name."""
    if kind != "person":
        return ()
    if item.surnames is not None:
        return tuple(item.surnames)
    index = 0 if item.country in _FAMILY_NAME_FIRST else -1
    found = []
    for form in (item.name, *item.aliases):
        words = [w for w in form.split() if w.casefold() not in _NAME_SUFFIXES]
        if len(words) > 1:
            found.append(words[index])
    return tuple(dict.fromkeys(found))


def _to_entry(item: _EntryIn, default_type: str, name: str) -> Entry:
    kind = item.type or default_type
    if kind not in ENTRY_TYPES:
        raise ConfigError(f"{name}: {item.id}: unknown type {kind!r}")
    metonyms = item.metonyms if item.metonyms is not None else [item.capital or ""]
    roles = tuple(Role(r.role, r.key, r.org, r.start, r.end, r.host) for r in item.roles)
    return Entry(
        gid=item.id,
        name=item.name,
        type=kind,
        country=item.id if name == "states.yaml" else item.country,
        aliases=tuple(item.aliases),
        roles=roles,
        adjectives=tuple(item.adjectives),
        capital=item.capital,
        metonyms=tuple(m for m in metonyms if m),
        description=item.description or item.role,
        surnames=_surnames(item, kind),
        members=tuple(item.members),
    )


def _parse_roles(data: Any) -> dict[str, RoleSpec]:
    if not isinstance(data, dict):
        raise ConfigError("roles.yaml: expected a mapping of role key -> spec")
    specs = {}
    for key, raw in data.items():
        try:
            spec = _RoleSpecIn.model_validate(raw)
        except ValidationError as exc:
            raise ConfigError(f"roles.yaml: role {key}: {exc}") from exc
        specs[str(key)] = RoleSpec(str(key), spec.rank, spec.label, tuple(spec.phrases))
    return specs


# ---- periods ------------------------------------------------------------------------------

_MONTH_END = {2: 29, 4: 30, 6: 30, 9: 30, 11: 30}


def period_start(value: str) -> str:
    """The first day of an ISO date or period ("2022-12" -> "2022-12-01")."""
    parts = value.split("-")
    return "-".join(parts + ["01"] * (3 - len(parts)))


def period_end(value: str) -> str:
    """The last day of an ISO date or period ("2022-12" -> "2022-12-31"; Feb taken as 29)."""
    parts = value.split("-")
    if len(parts) == 1:
        return f"{value}-12-31"
    if len(parts) == 2:
        return f"{value}-{_MONTH_END.get(int(parts[1]), 31):02d}"
    return value


def _overlaps(role: Role, on: str) -> bool:
    starts_before_end = role.start is None or period_start(role.start) <= period_end(on)
    ends_after_start = role.end is None or period_end(role.end) >= period_start(on)
    return starts_before_end and ends_after_start


def _active(role: Role, on: str | None) -> bool:
    return role.end is None if on is None else _overlaps(role, on)


# ---- the gazetteer ------------------------------------------------------------------------


class Gazetteer:
    """Look-ups over the loaded gazetteer. Build with `Gazetteer.load()`."""

    def __init__(self, entries: Iterable[Entry], roles: dict[str, RoleSpec]) -> None:
        self._entries: dict[str, Entry] = {entry.gid: entry for entry in entries}
        self._roles = roles
        self._by_surface: dict[str, list[Entry]] = defaultdict(list)
        self._by_surname: dict[str, list[Entry]] = defaultdict(list)
        self._by_adjective: dict[str, Entry] = {}
        self._by_phrase: dict[str, str] = {}
        self._by_role: dict[str, list[Entry]] = defaultdict(list)
        # a union that is a side of a pair as a state is (the EU): a body with members whose
        # country is its own code
        self._unions = {
            e.country: e
            for e in self._entries.values()
            if e.type == "organization" and e.country and e.members
        }
        self._index_phrases()
        for entry in self._entries.values():
            self._index(entry)
            for key in dict.fromkeys(r.key for r in entry.roles):
                self._by_role[key].append(entry)

    # -- building ---------------------------------------------------------------------

    @classmethod
    def load(cls, directory: Path | None = None) -> Gazetteer:
        """Load and validate every gazetteer file from `directory` (default: packaged data)."""
        source: Traversable = directory if directory is not None else _packaged_dir()
        roles = _parse_roles(_read_yaml(source, "roles.yaml"))
        entries: list[tuple[str, Entry]] = []
        for name, default_type in _FILES.items():
            items = _parse_entries(name, _read_yaml(source, name))
            entries.extend((name, _to_entry(item, default_type, name)) for item in items)
        _check(entries, roles)
        return cls((entry for _, entry in entries), roles)

    def _index_phrases(self) -> None:
        for key, spec in self._roles.items():
            for phrase in spec.phrases:
                norm = normalize(phrase)
                if self._by_phrase.setdefault(norm, key) != key:
                    other = self._by_phrase[norm]
                    raise ConfigError(f"roles.yaml: phrase {phrase!r} in both {other} and {key}")

    def _index(self, entry: Entry) -> None:
        for surface in _own_surfaces(entry):
            bucket = self._by_surface[normalize(surface)]
            if entry not in bucket:
                bucket.append(entry)
        if entry.type == "person":
            for surname in entry.surnames:
                bucket = self._by_surname[normalize(surname)]
                if entry not in bucket:
                    bucket.append(entry)
        for adjective in entry.adjectives:
            self._add_adjective(adjective, entry)

    def _add_adjective(self, adjective: str, entry: Entry) -> None:
        norm = normalize(adjective)
        known = self._by_adjective.setdefault(norm, entry)
        if known is not entry:
            where = f"{known.gid} and {entry.gid}"
            raise ConfigError(f"states.yaml: adjective {adjective!r} in {where}")

    # -- look-ups ---------------------------------------------------------------------

    def lookup(self, surface: str) -> list[Entry]:
        """Entries whose name, alias or metonym equals `surface` after normalisation."""
        return list(self._by_surface.get(normalize(surface), ()))

    def lookup_surname(self, surname: str) -> list[Entry]:
        """People whose surname (last name token; family name for CN, KR, KP, TW) matches."""
        return list(self._by_surname.get(normalize(surname), ()))

    def get(self, gid: str) -> Entry:
        """The entry with id `gid` (KeyError if unknown)."""
        try:
            return self._entries[gid]
        except KeyError:
            raise KeyError(f"no gazetteer entry {gid!r}") from None

    def state(self, iso2: str) -> Entry:
        """The states.yaml entry for an ISO alpha-2 code (Taiwan, "TW", has type place), or the
        union that is a side as a state is ("EU": the European Union, an organization)."""
        union = self._unions.get(iso2.upper())
        if union is not None:
            return union
        entry = self.get(iso2.upper())
        if entry.gid != entry.country:
            raise KeyError(f"{iso2!r} is not a state id")
        return entry

    def union(self, code: str) -> Entry | None:
        """The union that is a side of a pair as a state is, by its code ("EU"), else None."""
        return self._unions.get(code)

    def entries(self) -> Iterator[Entry]:
        """Every entry, in file order (states, people, organisations, ...)."""
        return iter(self._entries.values())

    def state_named(self, name: str) -> Entry | None:
        """The state whose name, alias or metonym is `name` ("China", "PRC", "Moscow")."""
        return next((e for e in self.lookup(name) if e.type == "state"), None)

    def state_for_adjective(self, word: str) -> Entry | None:
        """The state an adjective names: "Russian" -> Russia, "Sino"/"Sino-" -> China."""
        norm = normalize(word).rstrip("-")
        return self._by_adjective.get(norm)

    def adjective_forms(self) -> Iterator[tuple[str, Entry]]:
        """Every (adjective as written in data, state)."""
        for entry in self._entries.values():
            for adjective in entry.adjectives:
                yield adjective, entry

    def role_specs(self) -> tuple[RoleSpec, ...]:
        """The role vocabulary of roles.yaml, most senior first."""
        return tuple(sorted(self._roles.values(), key=lambda spec: spec.rank))

    def role_key(self, phrase: str) -> str | None:
        """The role key a title phrase names ("Premier of the State Council" -> head_of_government).

        Tries the phrase, then without leading state adjectives/names ("Russian", "U.S."), then
        each prefix before an " of " ("President of the Russian Federation" -> "president").
        """
        norm = normalize(phrase)
        for candidate in (norm, self._strip_state_prefix(norm)):
            key = self._by_phrase.get(candidate) or self._key_before_of(candidate)
            if key:
                return key
        return None

    def _key_before_of(self, norm: str) -> str | None:
        cuts = [m.start() for m in re.finditer(r" of ", norm)]
        for cut in reversed(cuts):
            key = self._by_phrase.get(norm[:cut])
            if key:
                return key
        return None

    def _strip_state_prefix(self, norm: str) -> str:
        words = norm.split()
        for size in (3, 2, 1):
            head = " ".join(words[:size])
            if len(words) > size and self._names_state(head):
                return " ".join(words[size:])
        return norm

    def names_a_state(self, phrase: str) -> bool:
        """Whether a word of `phrase` names a state or is its adjective ('the heads of
        government of Russia and China' does, 'the two leaders' does not)."""
        return any(self._names_state(normalize(w)) for w in re.findall(r"[\w'’-]+", phrase))

    def _names_state(self, text: str) -> bool:
        text = text.removesuffix("'s")
        if text in self._by_adjective:
            return True
        return any(e.type == "state" for e in self._by_surface.get(text, ()))

    def holders(
        self, key: str, country: str, on: str | None, host: str | None = None
    ) -> list[Entry]:
        """Who held role `key` for `country` (ISO2, or an organisation id) during `on`; with
        `host`, only envoys posted to that state (ISO2).

        `on` is YYYY, YYYY-MM or YYYY-MM-DD (a role matches if it overlaps that period);
        None means current holders (roles without an end date).
        """
        if on is not None and not _DATE.match(on):
            raise ValueError(f"date {on!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        return list(self._holders(key, country, on, host))

    @functools.lru_cache(maxsize=1 << 12)  # noqa: B019 - the gazetteer lives as long as the process
    def _holders(
        self, key: str, country: str, on: str | None, host: str | None
    ) -> tuple[Entry, ...]:
        if key in _PER_ORGANIZATION and not self._is_org(country):
            return ()  # "Chairman of the Board of Directors of China [National Petroleum ...]":
            # a state has many companies, so its "company head" is no one
        found = []
        for entry in self._by_role.get(key, ()):
            if any(
                r.key == key
                and _active(r, on)
                and country in self._jurisdiction(r, entry)
                and (host is None or r.host == host)
                for r in entry.roles
            ):
                found.append(entry)
        return tuple(found)

    def _is_org(self, key: str) -> bool:
        entry = self._entries.get(key)
        return entry is not None and entry.type != "state"

    def _jurisdiction(self, role: Role, entry: Entry) -> tuple[str | None, ...]:
        if role.org is None:
            return (entry.country,)
        return (self._entries[role.org].country, role.org)

    def role_on(self, entry: Entry, on: str | None) -> Role | None:
        """The entry's main role during `on` (None: current), by the rank in roles.yaml."""
        active = [r for r in entry.roles if _active(r, on)]
        if not active:
            return None
        return min(active, key=lambda r: self._roles[r.key].rank)

    def surface_forms(self) -> Iterator[tuple[str, Entry]]:
        """Every (surface as written in data, entry): names, aliases, metonyms."""
        for entry in self._entries.values():
            for surface in _own_surfaces(entry):
                yield surface, entry

    def role_phrases(self) -> Iterator[tuple[str, str]]:
        """Every (role phrase, role key) from roles.yaml, for building a PhraseMatcher."""
        for spec in self._roles.values():
            for phrase in spec.phrases:
                yield phrase, spec.key


# roles every company has one of: held for an organisation, never for a state as a whole
_PER_ORGANIZATION = frozenset({"company_head"})


def _own_surfaces(entry: Entry) -> tuple[str, ...]:
    return tuple(dict.fromkeys((entry.name, *entry.aliases, *entry.metonyms)))


# ---- cross-file checks ----------------------------------------------------------------------


def _check(entries: list[tuple[str, Entry]], roles: dict[str, RoleSpec]) -> None:
    seen: dict[str, str] = {}
    for name, entry in entries:
        folded = entry.gid.casefold()
        if folded in seen:
            raise ConfigError(f"{name}: duplicate id {entry.gid!r} (also in {seen[folded]})")
        seen[folded] = name
    ids = {entry.gid for _, entry in entries}
    for name, entry in entries:
        _check_entry(name, entry, roles, ids)


def _check_entry(name: str, entry: Entry, roles: dict[str, RoleSpec], ids: set[str]) -> None:
    if name == "states.yaml" and not re.fullmatch(r"[A-Z]{2}", entry.gid):
        raise ConfigError(f"{name}: {entry.gid!r}: a state id must be an ISO 3166 alpha-2 code")
    for role in entry.roles:
        where = f"{name}: {entry.gid}: role {role.title!r}"
        if role.key not in roles:
            raise ConfigError(f"{where}: unknown role key {role.key!r}")
        if role.org is not None and role.org not in ids:
            raise ConfigError(f"{where}: unknown org {role.org!r}")
        if role.start and role.end and period_start(role.start) > period_end(role.end):
            raise ConfigError(f"{where}: from {role.start} is after to {role.end}")


def _packaged_dir() -> Traversable:
    return files("bilat").joinpath("data", "gazetteer")


@functools.lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The gazetteer built from the packaged data, loaded once per process."""
    return Gazetteer.load()
