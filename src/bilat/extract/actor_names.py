"""The name an actor goes by in the record: the article's fullest form of a draft, its
aliases (short forms, possessive and 'of the' state forms the text uses), and the Actor
record built from a settled draft.

requires: drafts from `actors`
assigns : Actor records
"""

from __future__ import annotations

import re

from bilat.extract.actor_drafts import Draft
from bilat.extract.gazetteer import LEGAL_FORM, Gazetteer, normalize
from bilat.records import Actor, Evidence

__all__ = ["settle_name", "to_actor"]


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
        and not (d.type == "person" and u.isupper())  # a transcript's "VLADIMIR PUTIN:"
        and not LEGAL_FORM.search(u)  # "China National Petroleum Corp": the Corporation
    ]
    same_type = [u for u in full if len(u.split()) == len(d.name.split())]
    return min(same_type or [d.name], key=lambda u: (-len(u), u))


def _alias_key(surface: str) -> str:
    """The form two aliases are the same by: `normalize`, but a company's legal form kept
    ("Everbright Link Electronics Ltd." is a form the article uses beside the name)."""
    return surface.casefold() if LEGAL_FORM.search(surface) else normalize(surface)


def _aliases(d: Draft) -> tuple[str, ...]:
    seen = {normalize(d.name)}
    out = []
    for _s, _e, text in sorted(d.spans):
        if (_s, _e) in d.no_alias:
            continue
        surface = re.sub(r"^(?:the|The)\s+", "", text.strip())
        if _alias_key(surface) not in seen:
            seen.add(_alias_key(surface))
            out.append(surface)
    return tuple(out)


def settle_name(d: Draft) -> Draft:
    """The draft under the name the article uses; the gazetteer's form becomes an alias."""
    name = _article_name(d)
    if name == d.name:
        return d
    settled = Draft(name, d.type, d.country, d.gid, d.role, d.spans, d.no_alias, d.entry)
    settled.extra_aliases = (d.name,)
    return settled


_SPACED_DASH = re.compile(r"\s+[-–—]\s+")


def to_actor(d: Draft, text: str, gaz: Gazetteer) -> Actor:
    mentions = tuple(Evidence(s, e, text[s:e]) for s, e, _t in sorted(d.spans))
    aliases = _aliases(d)
    # the gazetteer's form the article's spelling replaced stays an alias, also when it
    # differs only by its accents ("Nguyen Phu Trong" beside the article's "Nguyễn Phú Trọng":
    # a record and a reader search by either)
    known = {a.casefold() for a in (*aliases, d.name)}
    aliases += tuple(a for a in d.extra_aliases if a.casefold() not in known)
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
