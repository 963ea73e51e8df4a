"""The agreement histories adding documents changes (`reconcile.delta`'s agreements stage).

    agreement_delta(old, new, changes, options, stored, statements) -> PartDelta | histories

The histories of the statements linked by title to a seed (a new statement, or an old one
that reads differently under the new actor index: `agreements.touched_statements`), before
and after, those that stay as they are left out (`agreements.changed_histories`: the two
groupings replayed apart from the first seed); every history (a tuple) when the project
names titles are read against changed.
`StoredStatements`: the old documents' statements read by title word (the store's index),
so only those the seeds can reach are read (`_reached`).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from bilat.reconcile._delta_parts import PartDelta, Stored, diff, row_id
from bilat.reconcile.actors import ActorIndex
from bilat.reconcile.agreements import (
    TitleChain,
    changed_histories,
    histories_of,
    project_forms,
    reaching_words,
    statement_items,
    title_items,
    touched_statements,
)
from bilat.reconcile.model import ReconcileOptions, SourcedExtraction, to_plain
from bilat.records import Agreement

if TYPE_CHECKING:
    from bilat.reconcile._actor_changes import Changes
    from bilat.reconcile.delta import _Side

__all__ = ["StoredStatements", "agreement_delta"]


@dataclass(frozen=True, slots=True)
class StoredStatements:
    """The old documents' agreement statements, read by what can reach them (the store's
    index of the words of its distinct titles) instead of all of them: `counts` (title
    words -> distinct titles per word), `holding` (title words -> the distinct titles with
    one), `titled` (titles -> (document, place among its document's statements, id,
    statement) of each statement of one, in document and place order) and `read`
    (documents, None: every one -> their statements)."""

    counts: Callable[[Collection[str]], Mapping[str, int]]
    holding: Callable[[Collection[str]], Collection[str]]
    titled: Callable[[Collection[str]], Sequence[tuple[int, int, int, Agreement]]]
    read: Callable[[Collection[int] | None], Mapping[int, Sequence[Agreement]]]


def _stated(s: SourcedExtraction, found: Mapping[int, Sequence[Agreement]]) -> SourcedExtraction:
    if s.doc_id not in found:
        return s
    return replace(s, extraction=replace(s.extraction, agreements=tuple(found[s.doc_id])))


def agreement_delta(
    old: _Side,
    new: _Side,
    changes: Changes,
    options: ReconcileOptions,
    stored: Stored | None,
    statements: StoredStatements | None = None,
) -> PartDelta | tuple[Any, ...]:
    """The histories the new statements reach; every history (a tuple) when the project
    names titles are read against changed. `stored`: the old record's entries (plain) of
    these ids, when the caller has them: a history is all touched statements or none
    (`touched_statements`), so the old ones are those whose first statement is touched.
    `statements`: the old documents' statements, when the inputs carry only the added
    documents' (`_reached`)."""
    forms = project_forms(new.actors)
    names = {  # actor names whose country, as agreements file their parties, differs
        n
        for n in old.filer.country_by_name.keys() | new.filer.country_by_name.keys()
        if old.country_of_name(n) != new.country_of_name(n)
    }
    same_forms = forms == project_forms(old.actors)
    alike = not (changes.keys or changes.ids or names)  # old statements read as before
    if statements is not None and stored is not None and same_forms and alike:
        reached = _reached(old, new, changes, options, stored, names, forms, statements)
        if reached is not None:
            return reached
    every = statements.read(None) if statements is not None else {}
    old_inputs = [_stated(s, every) for s in old.inputs]
    new_inputs = [_stated(s, every) for s in new.inputs]
    if not same_forms:
        after = statement_items(new_inputs, new.index, forms)
        return tuple(map(new.filer.agreement, histories_of(after, new.index, options)))
    after = statement_items(new_inputs, new.index, forms)
    before, seeds, refs = _touched(old, new, changes, options, names, forms, old_inputs, after)
    return _histories(old, new, options, stored, after, before, refs, seeds)


def _reached(
    old: _Side,
    new: _Side,
    changes: Changes,
    options: ReconcileOptions,
    stored: Stored,
    names: set[str],
    forms: list[tuple[str, str]],
    statements: StoredStatements,
) -> PartDelta | None:
    """`_histories` of the statements the new ones can reach, found by their titles'
    words until no reached title's words (`reaching_words`) lead to a title not read yet;
    None when a project's form has no word to look it up by. Sound while every old
    statement's parties resolve and show alike in both indexes but those of the documents
    `changes.docs` names (their statements are read whole first: they may read
    differently, the seeds with the added ones); the statements of other old documents
    then read as before and seed nothing, so the chain of title matches is followed over
    the store's distinct titles (statements of one title match alike: a title repeated
    every year is read once), and only the statements of the titles reached are read
    whole and made; they read as before (the old reading is the new one, none seeds: the
    caller's condition), so they are not read the old way again nor weighed as seeds. A
    title's statements of documents not among the old inputs are left out (a title
    reached through them only adds histories that stay as they are: each reached title's
    statements are all read, so every history reached is whole). A word is counted and
    looked up once, and the chain of title matches followed on from what each read adds
    (`TitleChain`). Of the histories reached, only those that change are built and read
    back (`changed_histories`)."""
    at = {s.doc_id: n for n, s in enumerate(new.inputs)}  # document -> its place
    was_at = {s.doc_id: n for n, s in enumerate(old.inputs)}  # likewise among the old ones
    found = dict(statements.read(changes.docs & was_at.keys()))  # documents read whole
    known: dict[str, int] = {}  # word -> titles with it, each word asked once
    asked: set[str] = set()  # the words whose titles were read

    def counts(words: Collection[str]) -> Mapping[str, int]:
        if missing := [w for w in words if w not in known]:
            got = statements.counts(missing)
            known.update((w, got.get(w, 0)) for w in missing)
        return {w: known[w] for w in words}

    # the added documents' statements and those of `changes.docs`, read the old way too
    first = sorted(at[d] for d in (at.keys() - was_at.keys()) | (found.keys() & at.keys()))
    got = statement_items([new.inputs[n] for n in first], new.index, forms, found)
    olds = [old.inputs[n] for n in sorted(was_at[d] for d in found.keys() & at.keys())]
    before = _old_statements(olds, new, changes, got, forms, old.index, found)
    seeds = _seeds(old, new, changes, names, got, before)
    chain = TitleChain(options)  # followed on as the titles are read
    chain.add(got, seeds)
    titles: dict[str, str] = {}  # ref of each title read ("title <n>": no statement's) -> it
    seen: set[str] = set()  # the titles read
    while True:
        words = reaching_words(chain.reached(), forms, counts, options)
        if words is None:
            return None
        fresh = words - asked  # a word asked before led to titles read already
        asked.update(fresh)
        more = sorted(set(statements.holding(fresh)) - seen) if fresh else []
        if not more:
            break
        seen.update(more)
        read = {f"title {len(titles) + n}": t for n, t in enumerate(more)}
        titles.update(read)
        chain.add(title_items(read.items(), forms))
    refs = chain.refs()
    some: dict[int, list[tuple[int, Agreement]]] = {}  # the reached titles' statements
    for d, place, _, a in statements.titled([titles[r] for r in refs if r in titles]):
        if d in was_at and d not in found:
            some.setdefault(d, []).append((place, a))
    # read as before (no party of theirs resolves or shows otherwise): no seed among them
    places = sorted(at[d] for d in some if d in at)
    full = statement_items([new.inputs[n] for n in places], new.index, forms, None, some)
    before.update((i.ref, i) for i in full)
    items: dict[int, list[Any]] = {}  # document -> its reached statements, in their order
    for i in [*(i for i in got if i.ref in refs), *full]:
        items.setdefault(i.entry.doc_id, []).append(i)
    taken = sorted(at[d] for d in items if d in at)
    reached = [i for n in taken for i in items[new.inputs[n].doc_id]]
    return _histories(old, new, options, stored, reached, before, {i.ref for i in reached}, seeds)


def _seeds(
    old: _Side,
    new: _Side,
    changes: Changes,
    names: set[str],
    after: Sequence[Any],
    before: Mapping[str, Any],
) -> set[str]:
    """The statements of `after` that read differently than before (`before`: the old
    reading by ref) or name a party that changed: new ones, or old ones of a changed
    document or party."""
    seeds = set()
    for item in after:
        was = before.get(item.ref)
        ids = item.parties | item.projects | (was.parties if was else frozenset())
        if (
            was is None
            or was != item
            or any(
                (i in changes.ids or new.index.display(i) in names) and _party_changed(old, new, i)
                for i in ids
            )
        ):
            seeds.add(item.ref)
    return seeds


def _touched(
    old: _Side,
    new: _Side,
    changes: Changes,
    options: ReconcileOptions,
    names: set[str],
    forms: list[tuple[str, str]],
    old_inputs: Sequence[SourcedExtraction],
    after: Sequence[Any],
) -> tuple[dict[str, Any], set[str], set[str]]:
    """The old reading of the statements of `old_inputs` (`_old_statements`), the seeds
    (new statements, or ones that read differently) and the statements of `after` linked
    by title to one."""
    before = _old_statements(old_inputs, new, changes, after, forms, old.index)
    seeds = _seeds(old, new, changes, names, after, before)
    return before, seeds, touched_statements(after, seeds, options)


def _histories(
    old: _Side,
    new: _Side,
    options: ReconcileOptions,
    stored: Stored | None,
    after: Sequence[Any],
    before: Mapping[str, Any],
    refs: Collection[str],
    seeds: Collection[str],
) -> PartDelta:
    """The histories of the statements `refs` before and after that differ
    (`changed_histories`: those of the same statements, none a seed, are left out;
    `stored`: the old ones as the record holds them, by id)."""
    touched = [i for i in after if i.ref in refs]
    come, gone = changed_histories(touched, before, seeds, new.index, old.index, options)
    now = [to_plain(new.filer.agreement(h)) for h in come]
    if stored is not None:
        return diff(stored(h.id for h in gone), now, row_id)
    return diff([to_plain(old.filer.agreement(h)) for h in gone], now, row_id)


def _old_statements(
    inputs: Sequence[SourcedExtraction],
    new: _Side,
    changes: Changes,
    after: Sequence[Any],
    forms: list[tuple[str, str]],
    index: ActorIndex,
    stated: Mapping[int, Sequence[Agreement]] | None = None,
) -> dict[str, Any]:
    """The old `inputs`' statements under the old `index`, by ref: the new reading of those
    whose parties resolve alike in both indexes, the others read again; `stated`: the
    statements of the documents it holds, in place of their inputs'."""

    def parties(s: SourcedExtraction) -> Iterable[str]:
        agreements: Sequence[Agreement] = s.extraction.agreements
        if stated is not None:
            agreements = stated.get(s.doc_id, agreements)
        return (p for a in agreements for p in a.parties)

    again = [s for s in inputs if not changes.resolves_alike(s.doc_id, parties(s), new.index)]
    redone = {i.ref: i for i in statement_items(again, index, forms, stated)}
    docs = {s.doc_id for s in inputs}
    return {i.ref: redone.get(i.ref, i) for i in after if i.entry.doc_id in docs}


def _party_changed(old: _Side, new: _Side, actor_id: str) -> bool:
    if old.view(actor_id) != new.view(actor_id):
        return True
    name = new.index.display(actor_id)
    return old.country_of_name(name) != new.country_of_name(name)
