"""The actor stage's working state for one document: a draft per actor (its mentions as
spans) and the builder that files mentions into drafts, with the small helpers the actor
modules share. `bilat.extract.actors` runs the stage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from bilat.datafiles import read_data
from bilat.extract.context import DocContext
from bilat.extract.gazetteer import Entry, Gazetteer, Role, normalize
from bilat.extract.roles import RolePhrase

__all__ = ["Builder", "Draft", "context_before", "media_names"]

_INITIALS_BEFORE = re.compile(r"(?<![\w.])(?:[А-ЯЁA-Z]\.\s?){1,2}$")


def context_before(text: str, start: int, width: int = 40) -> str:
    return text[max(0, start - width) : start]


@lru_cache(maxsize=1)
def media_names() -> frozenset[str]:
    """News outlets (data/media.yaml), normalised: they report, they are not actors."""
    return frozenset(normalize(o) for o in read_data("media.yaml")["outlets"])


@dataclass(slots=True)
class Draft:
    name: str
    type: str
    country: str | None
    gid: str | None
    role: str | None = None
    spans: list[tuple[int, int, str]] = field(default_factory=list)
    no_alias: set[tuple[int, int]] = field(default_factory=set)
    entry: Entry | None = None
    extra_aliases: tuple[str, ...] = ()

    def add(self, start: int, end: int, text: str, alias: bool = True) -> None:
        if (start, end, text) not in self.spans:
            self.spans.append((start, end, text))
        if not alias:
            self.no_alias.add((start, end))


class Builder:
    """Collects mentions into per-actor drafts for one document."""

    def __init__(self, ctx: DocContext, gaz: Gazetteer) -> None:
        self.ctx, self.gaz = ctx, gaz
        self.drafts: dict[str, Draft] = {}
        self._covered = bytearray(len(ctx.clean_text) + 1)  # 1 where a mention already is
        self.pending_titles: list[tuple[RolePhrase, tuple[int, int]]] = []
        self.shared_titles: list[tuple[RolePhrase, list[Entry]]] = []  # several holders
        # bodies named only inside a Russian title ("глава Россельхознадзора"): no actors, but
        # they place the person the title names (start, end, country)
        self.title_bodies: list[tuple[int, int, str]] = []

    def covered(self, start: int, end: int) -> bool:
        return any(self._covered[start:end])

    def take(self, start: int, end: int) -> None:
        self._covered[start:end] = b"\x01" * (end - start)

    def entry(self, entry: Entry, start: int, end: int, text: str, alias: bool = True) -> None:
        if entry.type == "person" and text == self.ctx.clean_text[start:end]:
            # "С.В.Лаврова", "S. Jaishankar": the initials the text writes are the name's
            initials = _INITIALS_BEFORE.search(self.ctx.clean_text, max(0, start - 8), start)
            if initials:
                start, text = initials.start(), self.ctx.clean_text[initials.start() : end]
        draft = self.drafts.get(entry.gid)
        if draft is None:
            role = self.gaz.role_on(entry, self.ctx.published) if entry.type == "person" else None
            title = role.title if role else entry.description
            draft = Draft(
                entry.name,
                entry.type,
                _serves(self.gaz, entry, role),
                entry.gid,
                title,
                entry=entry,
            )
            self.drafts[entry.gid] = draft
        draft.add(start, end, text, alias)
        self.take(start, end)

    def only_places(self, start: int, end: int) -> bool:
        """Whether [start, end) may hold a longer name over the state, place and project
        mentions inside it ('Association of Tour Operators of Russia', 'sub-commission on
        cooperation on the Northern Sea Route'): nothing else is there."""
        inside = [
            (d, sp) for d in self.drafts.values() for sp in d.spans if start < sp[1] and sp[0] < end
        ]
        # the state keeps its mention; the body overlaps it (not a project found over the
        # very same words: "the Rasht - Astara railroad" is that project, not a second one)
        return all(
            d.type in ("state", "place", "project")
            and start <= sp[0]
            and sp[1] <= end
            and not (d.type == "project" and (sp[0], sp[1]) == (start, end))
            for d, sp in inside
        )

    def person(self, key: str, name: str, start: int, end: int, text: str) -> Draft:
        draft = self.drafts.setdefault(key, Draft(name, "person", None, None))
        draft.add(start, end, text)
        self.take(start, end)
        return draft


def _serves(gaz: Gazetteer, entry: Entry, role: Role | None) -> str | None:
    """The side a person acts for: the body's when the office the person holds at the date is
    a union's that speaks as one side (the European Commission's president for the EU, not
    for Germany), else the person's own state."""
    if role is not None and role.org is not None:
        side = gaz.get(role.org).country
        if side is not None and gaz.union(side) is not None:
            return side
    return entry.country
