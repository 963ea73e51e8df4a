"""Which pair(s) of states each item of the record is about.

One store holds reporting on many pairs (Russia-China, Russia-India, China-Kazakhstan, ...).
Every event cluster, conflict, series, commitment and agreement is filed under the pairs of
the states it names itself: an event's participants, a figure's flow ("RU->IN"), an
agreement's or commitment's parties; every two of them when it names three or more (a summit).
An item that names only one state, or none, takes the pair of the documents reporting it (the
pair extraction detected, `Extraction.pair`) — if that pair includes the state it names. So a
Modi-Putin meeting is Russia-India even in a Russia-China article, and an undirected "trade
grew 5%" belongs to its article's pair. An item that fits no pair has `pairs == ()`.

Pairs are keys like "CN-RU": the two ISO codes in alphabetical order (`pair_key`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from itertools import combinations

from bilat.reconcile.actors import ActorIndex
from bilat.reconcile.model import (
    AgreementHistory,
    CommitmentStatus,
    Conflict,
    EventCluster,
    FigureClaim,
    FigureSeries,
    SourcedExtraction,
)

__all__ = ["PairFiler", "flow_states", "item_pairs", "pair_key", "parse_pair"]

_CODE = re.compile(r"\b[A-Z]{2}\b")
_PAIR = re.compile(r"^\s*([A-Za-z]{2})\s*(?:-|–|—|/|_|\+|,|\s)\s*([A-Za-z]{2})\s*$")


def pair_key(a: str, b: str) -> str:
    """The key of the unordered pair of ISO codes `a` and `b` ("RU", "CN" -> "CN-RU")."""
    x, y = sorted((a.upper(), b.upper()))
    return f"{x}-{y}"


def parse_pair(text: str) -> str:
    """'RU-CN', 'ru/in', 'CN–KZ' -> a pair key; ValueError naming the input otherwise."""
    m = _PAIR.match(text)
    if m is None or m.group(1).upper() == m.group(2).upper():
        raise ValueError(f"{text!r} is not a pair of two ISO country codes, like RU-CN")
    return pair_key(m.group(1), m.group(2))


def item_pairs(states: Iterable[str | None], doc_pairs: Iterable[str | None]) -> tuple[str, ...]:
    """The pairs of an item naming `states`, reported by documents of `doc_pairs` (pair keys):
    every two of its own states, else its documents' pairs that include its one state."""
    own = _states(states)
    if len(own) >= 2:
        return tuple(pair_key(a, b) for a, b in combinations(own, 2))
    docs = sorted({p for p in doc_pairs if p})
    if own:
        return tuple(p for p in docs if own[0] in p.split("-"))
    return tuple(docs)


def flow_states(flow: str | None) -> list[str]:
    """'RU->IN' -> ['RU', 'IN']."""
    return _CODE.findall(flow or "")


def _states(codes: Iterable[str | None]) -> list[str]:
    return sorted({c for c in codes if c and len(c) == 2 and c.isupper()})


class PairFiler:
    """Files record items under pairs; built once per reconcile from its inputs and actors."""

    def __init__(
        self,
        inputs: Sequence[SourcedExtraction],
        index: ActorIndex,
        doc_pair: dict[int, str] | None = None,
    ) -> None:
        self.index = index
        self.doc_pair: dict[int, str] = doc_pair if doc_pair is not None else {}
        self.doc_pair.update(
            (s.doc_id, pair_key(*s.extraction.pair)) for s in inputs if s.extraction.pair
        )
        self.country_by_name: dict[str, str | None] = {
            a.name: a.country for a in index.actors.values()
        }

    def grown(self, added: Sequence[SourcedExtraction], index: ActorIndex) -> PairFiler:
        """The filer of this one's inputs and the `added` documents under `index`: the
        documents' pairs copied and the added ones' put in, not every input's read again."""
        return PairFiler(added, index, dict(self.doc_pair))

    def pairs(self, states: Iterable[str | None], doc_ids: Iterable[int]) -> tuple[str, ...]:
        return item_pairs(states, (self.doc_pair.get(d) for d in doc_ids))

    def _actor_country(self, actor_id: str) -> str | None:
        actor = self.index.actors.get(actor_id)
        return actor.country if actor else None

    def event(self, cluster: EventCluster) -> EventCluster:
        states = [self._actor_country(i) for i in cluster.participant_ids]
        return replace(cluster, pairs=self.pairs(states, (m.doc_id for m in cluster.mentions)))

    def _claims(self, flow: str | None, claims: Iterable[FigureClaim]) -> tuple[str, ...]:
        return self.pairs(flow_states(flow), (c.doc_id for c in claims))

    def conflict(self, conflict: Conflict) -> Conflict:
        return replace(conflict, pairs=self._claims(conflict.flow, conflict.claims))

    def series(self, series: FigureSeries) -> FigureSeries:
        claims = (c for p in series.points for c in p.claims)
        return replace(series, pairs=self._claims(series.flow, claims))

    def commitment(self, status: CommitmentStatus) -> CommitmentStatus:
        c = status.commitment
        docs = [s.doc_id for s in status.sources]
        flowing = flow_states(c.flow)
        first = docs[0] if docs else 0
        party_states = [self._actor_country(self.index.resolve(first, p)) for p in c.parties]
        states = flowing if len(flowing) >= 2 else [*flowing, *party_states]
        return replace(status, pairs=self.pairs(states, docs))

    def agreement(self, history: AgreementHistory) -> AgreementHistory:
        states = [self.country_by_name.get(p) for p in history.parties]
        return replace(history, pairs=self.pairs(states, (e.doc_id for e in history.entries)))
