"""Russian title phrases that name an office holder ("вице-премьер РФ", "министр иностранных дел
КНР", "зампремьера Госсовета КНР", "российский президент", "губернатор Амурской области"), as
`RolePhrase` records.

needs : a Russian spaCy doc from `bilat.extract.nlp_ru` (token lemmas) and the gazetteer
adds  : the same `RolePhrase` the English `roles.find_role_phrases` returns, so the actor stage
        resolves the holder by the gazetteer's dated roles in one place for both languages.
Phrases are data (`data/gazetteer/ru/roles.yaml`); states and places are the Russian names and
adjectives of `ru/names.yaml`. A regional title names an office of the place after it, not of
a state: its `RolePhrase.region` is the place, its `country` the place's state.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from bilat.errors import ConfigError
from bilat.extract.actors_ru import after_title_head
from bilat.extract.gazetteer import Gazetteer, _read_yaml
from bilat.extract.gazetteer_ru import russian_dir, russian_names
from bilat.extract.nlp_ru import is_plural
from bilat.extract.roles import POSTED_KEYS, REGIONAL_KEYS, RolePhrase, leader_key

__all__ = ["find_role_phrases_ru"]

_BRIDGE = frozenset({"госсовет", "правительство"})  # "зампремьера Госсовета КНР"
_PLACE_BRIDGE = frozenset({"город", "провинция"})  # "мэр города Владивостока"
_GOVERNOR = ("губернатор",)  # the title a region's adjective may stand before
# another office than the title after it: "вице-губернатор", "заместитель министра", "бывший
# губернатор", "экс-мэр"
_LESSER = re.compile(
    r"(?:(?:^|[^\w-])(?:заместител\w*|зам|бывш\w*|прежн\w*)\s+|(?:вице|экс)-\s*)$", re.I
)

_Phrases = dict[tuple[str, ...], str]  # role phrase as a lemma tuple -> role key
_Places = dict[tuple[str, ...], tuple[str, str]]  # place name as a lemma tuple -> (ISO2, id)


@dataclass(frozen=True, slots=True)
class _Tables:
    roles: _Phrases  # offices of a state
    regional: _Phrases  # offices of a place
    states: dict[str, str]  # one-word state name lemma -> ISO2
    places: _Places

    def place_of_adjective(self, word_lemma: str) -> tuple[str, str] | None:
        """The krai or oblast an adjective names ("приморский" -> Primorsky Krai)."""
        return self.places.get((word_lemma, "край")) or self.places.get((word_lemma, "область"))

    def phrases(self) -> Iterator[tuple[_Phrases, bool]]:
        yield self.roles, False
        yield self.regional, True


@lru_cache(maxsize=4)
def _tables(gaz: Gazetteer) -> _Tables:
    from bilat.extract.nlp_ru import lemmas

    data = _read_yaml(russian_dir(), "roles.yaml")
    known = {spec.key for spec in gaz.role_specs()}
    if not isinstance(data, dict) or set(data) - known:
        unknown = sorted(set(data) - known) if isinstance(data, dict) else "not a mapping"
        raise ConfigError(f"ru/roles.yaml: role keys not in roles.yaml: {unknown}")
    phrases = [(tuple(lemmas(p).split()), str(key)) for key, ps in data.items() for p in ps]
    forms = list(russian_names(gaz).forms())
    return _Tables(
        roles={p: key for p, key in phrases if key not in REGIONAL_KEYS},
        regional={p: key for p, key in phrases if key in REGIONAL_KEYS},
        states={
            lemmas(form): entry.country
            for form, entry in forms
            if entry.type == "state" and entry.country and " " not in form
        },
        places={
            tuple(lemmas(form).split()): (entry.country, entry.gid)
            for form, entry in forms
            if entry.type == "place" and entry.country
        },
    )


def _state_after(doc: Any, i: int, states: dict[str, str]) -> tuple[str, int] | None:
    if i < len(doc) and doc[i].lemma_ in _BRIDGE:
        i += 1
    if i < len(doc) and doc[i].lemma_ in states:
        return states[doc[i].lemma_], i + 1
    return None


def _place_after(
    doc: Any, i: int, places: _Places, gaz: Gazetteer, bridged: bool = False
) -> tuple[str, str, int] | None:
    """The place named from token i on (the longest name), through "(китайской) провинции":
    (ISO2, place id, end token)."""
    if (
        not bridged
        and i + 1 < len(doc)
        and doc[i + 1].lemma_ in _PLACE_BRIDGE
        and russian_names(gaz).state_for_adjective(doc[i].text) is not None
    ):  # "губернатор китайской провинции Хэйлунцзян"
        return _place_after(doc, i + 1, places, gaz, bridged=True)
    if i < len(doc) and doc[i].lemma_ in _PLACE_BRIDGE:
        found = _place_after(doc, i + 1, places, gaz, bridged=True)
        if found is not None:
            return found
    for size in range(min(6, len(doc) - i), 0, -1):
        place = places.get(tuple(t.lemma_ for t in doc[i : i + size]))
        if place is not None:
            return place[0], place[1], i + size
    return None


def _state_before(doc: Any, i: int, gaz: Gazetteer) -> str | None:
    if i <= 0 or not doc[i - 1].is_alpha:
        return None
    entry = russian_names(gaz).state_for_adjective(doc[i - 1].text)
    return entry.country if entry is not None else None


def find_role_phrases_ru(doc: Any, gaz: Gazetteer) -> list[RolePhrase]:
    """Every Russian title phrase tied to a state or a place, longest phrase first at each
    token."""
    tables = _tables(gaz)
    lemmas_ = [t.lemma_ for t in doc]
    out: list[RolePhrase] = []
    i = 0
    while i < len(doc):
        found = None
        for phrases, regional in tables.phrases():
            found = found or _phrase_at(doc, lemmas_, i, phrases, regional, tables, gaz)
        if found is None:
            i += 1
            continue
        out.append(found[0])
        i = found[1]
    return out


def _phrase_at(
    doc: Any,
    lemmas_: list[str],
    i: int,
    phrases: _Phrases,
    regional: bool,
    tables: _Tables,
    gaz: Gazetteer,
) -> tuple[RolePhrase, int] | None:
    for size in sorted({len(k) for k in phrases}, reverse=True):
        key = phrases.get(tuple(lemmas_[i : i + size]))
        if key is None or is_plural(doc[i].text):
            continue  # "глав правительств России и Китая": both offices, not one holder
        if after_title_head(doc[max(0, i - 6) : i].text_with_ws):
            continue  # "пресс-секретарь президента РФ": the office of whom another serves
        if _LESSER.search(doc[max(0, i - 3) : i].text_with_ws):
            continue  # "заместитель министра иностранных дел": not the minister
        found = _holder_of(doc, i, size, regional, tables, gaz)
        if found is None:
            continue
        start, end, country, region = found
        key = leader_key(key, doc[i].text, country)  # "индийский лидер": the prime minister
        host = None
        if key in POSTED_KEYS and end + 1 < len(doc) and doc[end].lower_ == "в":
            posted = _state_after(doc, end + 1, tables.states)  # "посол России в Иране"
            if posted is not None:
                host, end = posted
        span = doc[start:end]
        phrase = RolePhrase(
            span.start_char, span.end_char, span.text, key, country, region, host=host
        )
        return phrase, end
    return _state_inside(doc, lemmas_, i, phrases, gaz)


def _state_inside(
    doc: Any, lemmas_: list[str], i: int, phrases: _Phrases, gaz: Gazetteer
) -> tuple[RolePhrase, int] | None:
    """'глава китайского правительства', 'председатель российского правительства': a
    two-word title with the state's adjective inside it."""
    if i + 2 >= len(doc) or not doc[i + 1].is_alpha or is_plural(doc[i].text):
        return None
    key = phrases.get((lemmas_[i], lemmas_[i + 2]))
    entry = russian_names(gaz).state_for_adjective(doc[i + 1].text) if key else None
    if key is None or entry is None or not entry.country:
        return None
    if after_title_head(doc[max(0, i - 6) : i].text_with_ws) or _LESSER.search(
        doc[max(0, i - 3) : i].text_with_ws
    ):
        return None  # (as `_phrase_at`: not "заместитель главы китайского правительства")
    span = doc[i : i + 3]
    key = leader_key(key, doc[i].text, entry.country)
    return RolePhrase(span.start_char, span.end_char, span.text, key, entry.country, None), i + 3


def _holder_of(
    doc: Any, i: int, size: int, regional: bool, tables: _Tables, gaz: Gazetteer
) -> tuple[int, int, str, str | None] | None:
    """Whose office the title at [i, i + size) is: (start, end, ISO2, place id or None)."""
    if regional:
        place = _place_after(doc, i + size, tables.places, gaz)
        if place is not None:
            return i, place[2], place[0], place[1]
        before = tables.place_of_adjective(doc[i - 1].lemma_) if i > 0 else None
        if before is None or tuple(t.lemma_ for t in doc[i : i + size]) != _GOVERNOR:
            return None
        return i - 1, i + size, before[0], before[1]  # "приморский губернатор"
    after = _state_after(doc, i + size, tables.states)
    if after is not None:
        return i, after[1], after[0], None
    country = _state_before(doc, i, gaz)
    return None if country is None else (i - 1, i + size, country, None)
