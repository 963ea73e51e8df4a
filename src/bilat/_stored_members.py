"""The stored actors' members as an update reads them: by actor or by document, when asked.

    MemberReader(db)                  reads stored members by actor or by document
    LazyMembers(reader, actor)        an actor's members, read when first asked
    DocumentMembers(reader, docs)     the old documents' members, read by document
    stored_index(db, actors, reader)  the stored actors' `ActorIndex`, from their rows' names
    DocumentNames(db)                 its documents' names, read by document when asked

At 100,000 documents the stored actors hold 963,293 members; an update changes a few actors
(those a new member joins, those its ties reach) and weighs a few documents' members. Reading
every member row and making an object of each cost ~3 s of the update, regrouping them by
document and indexing them ~1 s more: each is now read by actor (the primary key) or by
document (migration 027) where the update asks for it. So is the old index: its name keys
grouped by SQL from each actor's distinct names, each document's names read when a stage
resolves a name of it (indexing every member row was 1.2-1.4 s of an update at 100,000
documents; it resolves names in 24,019 of them, 12,005 read in one go).
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from typing import Any

from bilat.reconcile import ActorMember, CanonicalActor
from bilat.reconcile._grown_index import Held
from bilat.reconcile._member_kinds import MadeWhole, first_of_kinds
from bilat.reconcile._text import is_name_like, name_key
from bilat.reconcile.actors import ActorIndex, member_ref
from bilat.store.actor_members import FIELDS, decode
from bilat.store.db import Database

__all__ = ["DocumentMembers", "DocumentNames", "LazyMembers", "MemberReader", "stored_index"]

_COLUMNS = ", ".join(FIELDS)
_CHUNK = 500
_KIND = "type, name, aliases, gid, country, role"  # what members of one kind share
_FIRST = operator.itemgetter(0)
_DOC_ACTOR_SEQ = operator.itemgetter(0, 1, 2)
_ACTOR = operator.itemgetter(1)
_BY_DOCUMENT = 0.15  # past this share of the documents read, every one is (`DocumentNames`)
_ONE_BY_ONE = 1000  # documents read one by one before every one is read (`DocumentNames`)


class MemberReader:
    """Stored member rows made `ActorMember`s, by actor or by document; the fields members
    repeat (a document's id and name, and name, type, country, role, aliases and gazetteer
    id: every member of Russia alike) are one copy (`shared`), not a string each.
    `positions`: each stored actor's place in the record (its members' order by document),
    set as the actors are read (`_stored_actors.stored_actors`); None while it reads none
    (an entry written before migration 020 holds its members: then every one is read)."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.positions: dict[str, int] | None = None
        self.shared: dict[Any, Any] = {}

    def _member(self, row: Sequence[Any]) -> ActorMember:
        ref, doc, doc_name, name, kind, country, role, aliases, gid = row
        said = (name, kind, country, role, aliases, gid)
        found = self.shared.get(said)
        if found is None:
            found = self.shared[said] = (name, kind, country, role, decode(aliases), gid)
        doc_id, doc_name = self.shared.setdefault(doc, (doc, doc_name))
        return ActorMember(ref, doc_id, doc_name, *found)

    def of_actor(self, actor: str) -> tuple[ActorMember, ...]:
        """The members of a stored actor, in its order (a range of the primary key)."""
        sql = f"SELECT {_COLUMNS} FROM record_actor_members WHERE actor = ? ORDER BY seq"
        cur = self.db.execute(sql, (actor,))
        out: list[ActorMember] = []
        while rows := cur.fetchmany(2000):
            out += map(self._member, rows)
        return tuple(out)

    def kinds_of(self, actor: str) -> list[ActorMember]:
        """`_member_kinds.first_of_kinds` of a stored actor's members: its first two rows
        of each kind (type, name, aliases, gazetteer id, country, role), in its order. The
        first of each kind, then the first of each among the others, are grouped over the
        index of migration 028 (no sort, no row read from the table): a state's actor holds
        100,000 rows of a dozen kinds. Many kinds: by a window over its rows."""
        where = "FROM record_actor_members WHERE actor = ?"
        firsts = self._firsts(f"{where} GROUP BY {_KIND}", (actor,))
        wanted = list(firsts)
        if firsts and len(firsts) <= _CHUNK:
            marks = ", ".join("?" for _ in firsts)
            more = f"{where} AND seq NOT IN ({marks}) GROUP BY {_KIND}"
            wanted += self._firsts(more, (actor, *firsts))
        if len(wanted) > _CHUNK:
            sql = (
                f"SELECT {_COLUMNS} FROM (SELECT {_COLUMNS}, seq, ROW_NUMBER() OVER "
                f"(PARTITION BY {_KIND} ORDER BY seq) AS n {where}) AS k WHERE n <= 2 ORDER BY seq"
            )
            return list(map(self._member, self.db.execute(sql, (actor,)).fetchall()))
        marks = ", ".join("?" for _ in wanted)
        sql = f"SELECT {_COLUMNS} {where} AND seq IN ({marks}) ORDER BY seq"
        return list(map(self._member, self.db.execute(sql, (actor, *wanted)).fetchall()))

    def _firsts(self, tail: str, params: Sequence[Any]) -> list[int]:
        return [int(s) for (s,) in self.db.execute(f"SELECT MIN(seq) {tail}", params).fetchall()]

    def count_of(self, actor: str) -> int:
        """The number of a stored actor's members."""
        sql = "SELECT COUNT(*) FROM record_actor_members WHERE actor = ?"
        return int(self.db.scalar(sql, (actor,)) or 0)

    def documents_of(self, actor: str) -> list[int]:
        """The documents of a stored actor's members, in its order (one narrow column)."""
        sql = "SELECT doc_id FROM record_actor_members WHERE actor = ? ORDER BY seq"
        return list(map(_FIRST, self.db.execute(sql, (actor,)).fetchall()))  # (ints: no loop)

    def of_documents(
        self, docs: Collection[int], names: Mapping[int, Collection[str]] | None = None
    ) -> dict[int, list[tuple[str, ActorMember]]]:
        """The stored members of `docs`, each with its actor's id, by document, in the
        actors' order (as a pass over the actors meets them); `names`: only those of these
        names of each document, each looked up by document and ref (`_named_rows`)."""
        found: dict[int, list[tuple[int, int, str, ActorMember]]] = {}
        for actor, seq, *row in self._rows(sorted(set(docs)), names):
            m = self._member(row)
            at = (self.positions or {}).get(str(actor), -1)
            found.setdefault(m.doc_id, []).append((at, int(seq), str(actor), m))
        return {
            doc: [(actor, m) for _, _, actor, m in sorted(rows, key=_place)]
            for doc, rows in found.items()
        }

    def _rows(
        self, ids: Sequence[int], names: Mapping[int, Collection[str]] | None
    ) -> Iterator[Sequence[Any]]:
        if names is not None:
            refs = [(d, member_ref(d, n)) for d in ids for n in names.get(d, ())]
            yield from self._named_rows(refs)
            return
        for i in range(0, len(ids), _CHUNK):
            marks = ", ".join("?" for _ in ids[i : i + _CHUNK])
            sql = (
                f"SELECT actor, seq, {_COLUMNS} FROM record_actor_members WHERE doc_id IN ({marks})"
            )
            yield from self.db.execute(sql, ids[i : i + _CHUNK]).fetchall()

    def _named_rows(self, refs: Sequence[tuple[int, str]]) -> Iterator[Sequence[Any]]:
        """The member rows of these (document, ref)s: one look-up each in the index of
        migration 027, joined from a list of them (asking `doc_id IN (...) AND ref IN
        (...)` looks up every pair of the two lists in SQLite; a document's other rows
        are not read: 13,558 documents' figures quote a speaker at 100,000 documents,
        162,627 member rows, of which a few are quoted)."""
        columns = ", ".join(f"m.{c}" for c in ("actor", "seq", *FIELDS))
        for i in range(0, len(refs), _CHUNK):
            part = refs[i : i + _CHUNK]
            values = ", ".join("(CAST(? AS BIGINT), ?)" for _ in part)
            sql = (
                f"WITH wanted (doc_id, ref) AS (VALUES {values}) SELECT {columns} FROM wanted "
                "JOIN record_actor_members m ON m.doc_id = wanted.doc_id AND m.ref = wanted.ref"
            )
            yield from self.db.execute(sql, [v for pair in part for v in pair]).fetchall()


def _place(row: tuple[int, int, str, ActorMember]) -> tuple[int, int]:
    return row[0], row[1]


class LazyMembers(MadeWhole):
    """A stored actor's members (`CanonicalActor.members`), read by its id when first
    asked; equal to the tuple of them (an actor reads the same read or not)."""

    __slots__ = ("_actor", "_count", "_found", "_kinds", "_reader")

    def __init__(self, reader: MemberReader, actor: str) -> None:
        self._reader = reader
        self._actor = actor
        self._found: tuple[ActorMember, ...] | None = None
        self._count: int | None = None
        self._kinds: Sequence[ActorMember] | None = None

    def _all(self) -> tuple[ActorMember, ...]:
        if self._found is None:
            self._found = self._reader.of_actor(self._actor)
        return self._found

    def __len__(self) -> int:
        if self._found is None:  # (counted over the primary key: no member made)
            if self._count is None:
                self._count = self._reader.count_of(self._actor)
            return self._count
        return len(self._found)

    def kinds(self) -> Sequence[ActorMember]:
        """The first two members of each kind (`_member_kinds.kinds_of`): from those read,
        else from the store (a few rows of a state's 100,000)."""
        if self._kinds is None:
            found = self._found
            kinds = self._reader.kinds_of(self._actor) if found is None else first_of_kinds(found)
            self._kinds = tuple(kinds)
        return self._kinds

    def documents(self) -> Sequence[int]:
        """Each member's document, in order: from those read, else from the store."""
        if self._found is not None:
            return [m.doc_id for m in self._found]
        return self._reader.documents_of(self._actor)

    def __eq__(self, other: object) -> bool:
        if other is self:
            return True
        if isinstance(other, LazyMembers):
            return self._all() == other._all()
        if isinstance(other, tuple):
            return self._all() == other
        return NotImplemented  # (a grown actor's members know whether they are these)

    __hash__ = MadeWhole.__hash__  # (defining __eq__ would drop the inherited one)

    def __repr__(self) -> str:
        return repr(self._all()) if self._found is not None else f"<members of {self._actor}>"


class DocumentMembers(Mapping[int, tuple[ActorMember, ...]]):
    """The members of the stored actors per old document (`record_delta`'s `members`), each
    document's in the actors' order, read by document when first asked (`prefetch` reads
    several in one go); its keys are known up front (`docs`)."""

    def __init__(self, reader: MemberReader, docs: Collection[int]) -> None:
        self.reader = reader
        self.docs = frozenset(docs)
        self.found: dict[int, tuple[ActorMember, ...]] = {}

    def prefetch(self, docs: Collection[int]) -> None:
        """Read the members of those of `docs` not read yet, in one go."""
        wanted = [d for d in docs if d in self.docs and d not in self.found]
        for doc, rows in self.reader.of_documents(wanted).items():
            self.found[doc] = tuple(m for _, m in rows)
        self.found.update((d, ()) for d in wanted if d not in self.found)

    def named(self, names: Mapping[int, Collection[str]]) -> dict[int, tuple[ActorMember, ...]]:
        """The members of these `names` of each document (of those it holds), in the
        actors' order: of a document read already, from it; else only they are read (the
        document is not kept as read)."""
        wanted = {d: n for d, n in names.items() if d in self.docs}
        out = {
            d: tuple(m for m in self.found[d] if m.name in n)
            for d, n in wanted.items()
            if d in self.found
        }
        rest = {d: n for d, n in wanted.items() if d not in out}
        for doc, rows in self.reader.of_documents(rest, rest).items():
            out[doc] = tuple(m for _, m in rows)
        out.update((d, ()) for d in rest if d not in out)
        return out

    def __getitem__(self, doc: int) -> tuple[ActorMember, ...]:
        if doc not in self.docs:
            raise KeyError(doc)
        if doc not in self.found:
            self.prefetch([doc])
        return self.found[doc]

    def __contains__(self, doc: object) -> bool:
        return doc in self.docs

    def __iter__(self) -> Iterator[int]:
        return iter(self.docs)

    def __len__(self) -> int:
        return len(self.docs)


def stored_index(
    db: Database, actors: Sequence[CanonicalActor], reader: MemberReader
) -> tuple[ActorIndex, Held] | None:
    """`actors.actor_index(actors)` of the stored actors (in id order, as a record holds
    them; else None): its name keys from each distinct (actor, name, aliases) of the member
    rows (grouped by SQL over the index of migration 028: no member row read), its
    documents' names read by document when asked (`DocumentNames`); and the stored members
    of given documents, each with its actor's id (what `grown_index` reads them by)."""
    if any(a.id >= b.id for a, b in itertools.pairwise(actors)):
        return None
    types = {a.id: a.type for a in actors}
    by_key: dict[str, set[str]] = {}
    states: set[str] = set()
    sql = "SELECT DISTINCT actor, type, name, aliases FROM record_actor_members"
    cur = db.execute(sql)
    while rows := cur.fetchmany(5000):  # (a name of members of two types: filed twice, alike)
        for actor, _, name, aliases in rows:
            _file(by_key, states, str(actor), types.get(str(actor)) == "state", name, aliases)
    found_keys = {k: tuple(sorted(v)) for k, v in by_key.items()}

    def held(docs: Collection[int]) -> Mapping[int, Sequence[tuple[str, ActorMember]]]:
        return reader.of_documents(docs)

    by_doc = DocumentNames(db)
    index = ActorIndex(by_doc, found_keys, {a.id: a for a in actors}, frozenset(states))
    return index, held


class DocumentNames(Mapping[int, dict[str, str]]):
    """`ActorIndex.by_doc` of the stored actors (document -> name key -> the first actor, in
    id order, holding a member of the document with a form of that key), each document's
    read when first asked, by the index of migration 027 (`prefetch` reads several in one
    go). An update resolves the names of a few documents' statements and mentions (24,019
    of 100,000 documents at 100,000); past `_ONE_BY_ONE` documents asked one at a time, or
    a share `_BY_DOCUMENT` of the documents asked in all (a row read by document costs
    about four a pass reads), every document is read in one pass over the rows (what the
    index was made of before: a stage resolving most documents costs what it did)."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.found: dict[int, dict[str, str] | None] = {}  # None: no member of it
        self.whole = False
        self.asked = 0  # documents read one at a time
        self.total: int | None = None  # documents in the store
        self.said: dict[tuple[Any, Any, Any], tuple[str, tuple[str, ...]]] = {}  # name keys

    def prefetch(self, docs: Iterable[int]) -> None:
        """Read the names of those of `docs` not read yet, in one go."""
        if self.whole:
            return
        wanted = sorted({int(d) for d in docs if d not in self.found})
        if self.total is None:
            self.total = int(self.db.scalar("SELECT COUNT(*) FROM documents") or 0)
        if len(self.found) + len(wanted) > max(self.total * _BY_DOCUMENT, _ONE_BY_ONE):
            self._read_whole()  # (by document, a row costs ~4x what it does in one pass)
            return
        for i in range(0, len(wanted), _CHUNK):
            marks = ", ".join("?" for _ in wanted[i : i + _CHUNK])
            sql = (
                "SELECT doc_id, actor, seq, name, aliases FROM record_actor_members "
                f"WHERE doc_id IN ({marks})"  # (names only: no member made)
            )
            rows = self.db.execute(sql, wanted[i : i + _CHUNK]).fetchall()
            rows.sort(key=_DOC_ACTOR_SEQ)  # (an actor's id in code points, as `ORDER BY`)
            self._put((doc, str(actor), name, aliases) for doc, actor, _, name, aliases in rows)
        for doc in wanted:
            self.found.setdefault(doc, None)

    def _put(
        self, rows: Iterable[tuple[Any, str, Any, Any]], keys: dict[Any, Any] | None = None
    ) -> None:
        """File rows (document, actor, name, aliases), each document's in actor order;
        `keys`: the name keys of each (actor, name, aliases) met (else `said`)."""
        found = self.found
        keys = self.said if keys is None else keys
        for doc, actor, name, aliases in rows:
            said = keys.get((actor, name, aliases))
            if said is None:
                said = keys[(actor, name, aliases)] = _said(actor, name, decode(aliases))
            mine = found.get(doc)
            if mine is None:
                mine = found[doc] = {}
            for key in said[1]:
                mine.setdefault(key, said[0])  # (one string per actor and name)

    def _read_whole(self) -> None:
        if self.whole:
            return
        self.found, self.said = {}, {}
        order = ' COLLATE "C"' if self.db.dialect == "postgresql" else ""  # (code points)
        sql = (
            "SELECT doc_id, actor, name, aliases FROM record_actor_members "
            f"ORDER BY actor{order}, seq"
        )
        cur = self.db.execute(sql)
        keys: dict[Any, Any] = {}  # of one actor's names: the rows come actor by actor
        while rows := cur.fetchmany(5000):
            for actor, group in itertools.groupby(rows, key=_ACTOR):
                if keys and str(actor) != next(iter(keys))[0]:
                    keys = {}
                self._put(((d, str(a), n, al) for d, a, n, al in group), keys)
        self.whole = True

    def __getitem__(self, doc: int) -> dict[str, str]:
        if doc not in self.found and not self.whole:
            self.asked += 1
            if self.asked > _ONE_BY_ONE:
                self._read_whole()
            else:
                self.prefetch([doc])
        found = self.found.get(doc)
        if found is None:
            raise KeyError(doc)
        return found

    def __iter__(self) -> Iterator[int]:
        self._read_whole()
        return (d for d, v in self.found.items() if v is not None)

    def __len__(self) -> int:
        self._read_whole()
        return sum(1 for v in self.found.values() if v is not None)


def _said(actor: str, name: str, aliases: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """(the actor, the name keys of a member's name and aliases: `actors._form_keys`)."""
    return actor, tuple(name_key(form) for form in (name, *aliases))


def _file(
    by_key: dict[str, set[str]],
    states: set[str],
    actor: str,
    state: bool,
    name: str,
    aliases: str | None,
) -> None:
    """File a member's name and aliases as `actors.actor_index` does: under the key of its
    name and of each name-like alias, and its name's key among the states' when a state's."""
    for form in (name, *decode(aliases)):
        if form == name or is_name_like(form):
            by_key.setdefault(name_key(form), set()).add(actor)
    if state:
        states.add(name_key(name))
