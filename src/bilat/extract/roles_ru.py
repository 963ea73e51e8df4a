"""Russian title phrases that name an office holder ("вице-премьер РФ", "министр иностранных дел
КНР", "зампремьера Госсовета КНР", "российский президент"), as `RolePhrase` records.

needs : a Russian spaCy doc from `bilat.extract.nlp_ru` (token lemmas) and the gazetteer
adds  : the same `RolePhrase` the English `roles.find_role_phrases` returns, so the actor stage
        resolves the holder by the gazetteer's dated roles in one place for both languages.
Phrases are data (`data/gazetteer/ru/roles.yaml`); states are the Russian names and adjectives
of `ru/names.yaml`.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from bilat.errors import ConfigError
from bilat.extract.actors_ru import after_title_head
from bilat.extract.gazetteer import Gazetteer, _read_yaml
from bilat.extract.gazetteer_ru import russian_dir, russian_names
from bilat.extract.nlp_ru import is_plural
from bilat.extract.roles import RolePhrase

__all__ = ["find_role_phrases_ru"]

_BRIDGE = frozenset({"госсовет", "правительство"})  # "зампремьера Госсовета КНР"


@lru_cache(maxsize=4)
def _tables(gaz: Gazetteer) -> tuple[dict[tuple[str, ...], str], dict[str, str]]:
    """(role phrase as lemma tuple -> key, state name lemma -> ISO2) for `gaz`."""
    from bilat.extract.nlp_ru import lemmas

    data = _read_yaml(russian_dir(), "roles.yaml")
    known = {spec.key for spec in gaz.role_specs()}
    if not isinstance(data, dict) or set(data) - known:
        unknown = sorted(set(data) - known) if isinstance(data, dict) else "not a mapping"
        raise ConfigError(f"ru/roles.yaml: role keys not in roles.yaml: {unknown}")
    roles = {tuple(lemmas(p).split()): str(key) for key, ps in data.items() for p in ps}
    states = {
        lemmas(form): entry.country
        for form, entry in russian_names(gaz).forms()
        if entry.type == "state" and entry.country and " " not in form
    }
    return roles, states


def _state_after(doc: Any, i: int, states: dict[str, str]) -> tuple[str, int] | None:
    if i < len(doc) and doc[i].lemma_ in _BRIDGE:
        i += 1
    if i < len(doc) and doc[i].lemma_ in states:
        return states[doc[i].lemma_], i + 1
    return None


def _state_before(doc: Any, i: int, gaz: Gazetteer) -> str | None:
    if i <= 0 or not doc[i - 1].is_alpha:
        return None
    entry = russian_names(gaz).state_for_adjective(doc[i - 1].text)
    return entry.country if entry is not None else None


def find_role_phrases_ru(doc: Any, gaz: Gazetteer) -> list[RolePhrase]:
    """Every Russian title phrase tied to a state, longest phrase first at each token."""
    roles, states = _tables(gaz)
    sizes = sorted({len(k) for k in roles}, reverse=True)
    firsts = {k[0] for k in roles}
    lemmas_ = [t.lemma_ for t in doc]
    out: list[RolePhrase] = []
    i = 0
    while i < len(doc):
        found = None
        if lemmas_[i] in firsts:
            found = _phrase_at(doc, lemmas_, i, roles, sizes, states, gaz)
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
    roles: dict[tuple[str, ...], str],
    sizes: list[int],
    states: dict[str, str],
    gaz: Gazetteer,
) -> tuple[RolePhrase, int] | None:
    for size in sizes:
        key = roles.get(tuple(lemmas_[i : i + size]))
        if key is None or is_plural(doc[i].text):
            continue  # "глав правительств России и Китая": both offices, not one holder
        if after_title_head(doc[max(0, i - 6) : i].text_with_ws):
            continue  # "пресс-секретарь президента РФ": the office of whom another serves
        after = _state_after(doc, i + size, states)
        country: str | None
        if after is not None:
            country, end = after
            start = i
        else:
            country, end = _state_before(doc, i, gaz), i + size
            start = i - 1
        if country is None:
            continue
        span = doc[start:end]
        return RolePhrase(span.start_char, span.end_char, span.text, key, country), end
    return None
