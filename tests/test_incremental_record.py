"""Adding documents re-derives only what they touch, and the record equals a full rebuild.

The documents (examples/corpus, ../shared/seeds when present, and copies of them: one with
the same dates under another name, one a year later) are extracted once per module. Each
example stores them in a random order, split into random batches: the first batch is
reconciled whole, every later one incrementally (`refresh_record`); the record read back
(whole, and one pair's view), the pair counts and the part counts must equal those of a
full rebuild of the same store.
"""

from __future__ import annotations

import dataclasses
import gc
import itertools
import json
import random
import re
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st

from bilat import _stored_members, record_delta
from bilat._stored_actors import stored_actors
from bilat._stored_members import MemberReader, stored_index
from bilat.pairview import PAIRED
from bilat.reconcile import SourcedExtraction, actor_growth, delta
from bilat.reconcile._actor_changes import Changes
from bilat.reconcile._event_mentions import Mentions
from bilat.reconcile._event_replay import _months_of
from bilat.reconcile._member_kinds import first_of_kinds
from bilat.reconcile.actors import actor_index
from bilat.reconcile.delta import _with_added
from bilat.reconcile.model import ReconcileOptions, ordered_inputs
from bilat.reconcile.pairs import PairFiler
from bilat.record import load_sourced, rebuild_record
from bilat.record_update import added_documents, refresh_record
from bilat.records import (
    Actor,
    Agreement,
    Article,
    CleanDocument,
    Commitment,
    Document,
    Event,
    Evidence,
    Extraction,
    Figure,
)
from bilat.store import DocumentRow, Store, open_store, record_writer
from bilat.store.items import event_outlines
from bilat.store.judgements import add_judgement
from bilat.store.mention_places import event_places, mention_places
from bilat.store.series_points import series_key
from conftest import SEEDS, _drop_pg, _pg_url, extracted_store

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"
PARTS = (*PAIRED, "actors", "documents", "judgements")
_YEAR = re.compile(r"\b(19|20)(\d\d)\b")

Source = tuple[Document, Extraction, int]  # a document, its extraction, years to shift


class _Sources(list[Source]):
    def __repr__(self) -> str:  # what hypothesis prints of a failing example: not 1 MB
        return f"<{len(self)} extracted documents>"


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> list[Source]:
    """Every document with its extraction (spaCy runs once per module), and two copies."""
    out: list[Source] = []
    folders = [CORPUS, *([SEEDS] if SEEDS.is_dir() else [])]
    for n, folder in enumerate(folders):
        with extracted_store(folder, tmp_path_factory.mktemp(f"x{n}") / "x.db") as store:
            for doc in store.documents(status="ok"):
                ext = store.load_extraction(doc.id)
                assert ext is not None
                out += [(doc, ext, 0), (doc, ext, -1), (doc, ext, 1)]
    return _Sources(out)


def _shift(text: str | None, years: int) -> str | None:
    return text and _YEAR.sub(lambda m: str(int(m.group(0)) + years), text)


def _dated(item: Any, years: int, *names: str) -> Any:
    return dataclasses.replace(item, **{n: _shift(getattr(item, n), years) for n in names})


def _add(store: Store, source: Source) -> None:
    """Store one document and its extraction (a copy: renamed, its years moved)."""
    doc, ext, years = source
    name = doc.name if years == 0 else f"copy{years:+d}_{doc.name}"
    art = Article(name, name, doc.text, "txt", doc.title, None, doc.source)
    clean = CleanDocument(art, doc.clean_text, doc.offsets, doc.language, doc.published)
    if years > 0:
        clean = dataclasses.replace(clean, published=_shift(doc.published, years))
    shifted = dataclasses.replace(
        ext,
        doc_name=name,
        published=clean.published,
        events=tuple(_dated(e, max(years, 0), "date", "date_end") for e in ext.events),
        figures=tuple(_dated(f, max(years, 0), "period") for f in ext.figures),
        agreements=tuple(_dated(a, max(years, 0), "date") for a in ext.agreements),
        commitments=tuple(_dated(c, max(years, 0), "deadline") for c in ext.commitments),
    )
    with store.transaction():
        row = store.add_document(DocumentRow(clean, f"{doc.content_hash}{years}", "ok", None, None))
        store.save_extraction(row.id, shifted)


_KEYS = {  # the pages' keys (store/record_keys.py), by the entry's key, not its position
    "refs": "SELECT r.kind, r.item_id, i.item_key FROM record_item_refs r "
    "JOIN record_items i ON i.kind = r.kind AND i.pos = r.pos",
    "names": "SELECT n.kind, n.name, n.label, i.item_key FROM record_names n "
    "JOIN record_items i ON i.kind = 'actors' AND i.pos = n.pos",
    "summaries": "SELECT s.payload, i.item_key FROM record_summaries s "
    "JOIN record_items i ON i.kind = s.kind AND i.pos = s.pos",
    "counts": "SELECT kind, flow, doc_pair, n FROM record_item_counts",
    "figure groups": "SELECT * FROM record_figure_groups",
    # the groups each conflict's rows are in, none left over (a patch keeps them by position)
    "conflict groups": "SELECT c.measure, c.flow, c.unit, c.kind, c.per, c.period, c.outlet, "
    "c.doc_pair, c.qualifier, i.item_key FROM record_conflict_groups c "
    "JOIN record_items i ON i.kind = 'conflicts' AND i.pos = c.pos",
    "pair mentions": "SELECT m.pair, m.day, m.item_id, i.item_key FROM record_pair_mentions m "
    "JOIN record_items i ON i.kind = 'events' AND i.pos = m.pos",
    # the commitments' claims rows, none left over (a patch writes only those that changed)
    "claims": "SELECT item_key, payload FROM record_items WHERE kind = 'claims'",
    # the actors' member rows in order, none left over (a patch writes the gained ones)
    "actor members": "SELECT actor, ROW_NUMBER() OVER (PARTITION BY actor ORDER BY seq) AS n, "
    "ref, doc_id, doc_name, name, type, country, role, aliases, gid FROM record_actor_members",
    # the actors' tie keys, none left over (a patch adds a grown actor's new ones)
    "actor ties": "SELECT tie, actor FROM record_actor_ties",
    # the series' points and kept counts, none left over (a patch writes the reached ones)
    "series points": "SELECT series, period, payload FROM record_series_points",
    "series counts": "SELECT series, what, value, n FROM record_series_counts",
    # the histories' statements in order, none left over (a patch writes the gained ones)
    "agreement entries": "SELECT history, ROW_NUMBER() OVER (PARTITION BY history ORDER BY seq) "
    "AS n, doc_id, payload FROM record_agreement_entries",
}


def _snapshot(store: Store) -> dict[str, Any]:
    views = {pair: store.for_pair(pair).load_record() for pair in (None, "CN-RU", "IN-RU")}
    counts = {(k, p): store.for_pair(p).record_count(k) for k in PARTS for p in (None, "CN-RU")}
    keys = {
        name: sorted(tuple(str(v) for v in row.values()) for row in store.db.all(sql))
        for name, sql in _KEYS.items()
    }
    return {"views": views, "pairs": store.record_pair_counts(), "counts": counts, "keys": keys}


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def new_store(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Any]:
    """Opens a new, empty store per call (SQLite file, or a fresh PostgreSQL database)."""
    made: list[str] = []

    def make() -> Store:
        if request.param == "sqlite":
            url = str(tmp_path_factory.mktemp("inc") / "bilat.db")
        else:
            url = _pg_url()
            made.append(url)
        return open_store(url)

    yield make
    for url in made:
        _drop_pg(url)


def _review(store: Store) -> None:
    """Reviews of stored rows (an event and an agreement rejected, an actor renamed) and
    human judgements on actor members (a split of a machine merge, a merge of two actors)."""
    for kind, action, payload in (
        ("events", "reject", None),
        ("agreements", "reject", None),
        ("actors", "edit", {"name": "Reviewed Name"}),
    ):
        row = store.db.one(f"SELECT MIN(id) AS id FROM {kind}")
        if row and row["id"] is not None:
            add_judgement(store.db, kind, int(row["id"]), action, "tester", payload)
    record = store.load_record() or {}
    actors = [a for a in record.get("actors", []) if a["members"]]
    joined = next((a["members"] for a in actors if len(a["members"]) > 1), None)
    pairs = [("split", joined[0], joined[1])] if joined else []
    if len(actors) > 1:
        pairs.append(("merge", actors[0]["members"][0], actors[1]["members"][0]))
    for action, a, b in pairs:
        store.db.insert(
            "judgements",
            {
                "item_type": "actor",
                "item_id": 0,
                "action": action,
                "payload": json.dumps({"a": a["ref"], "b": b["ref"], "reason": "test"}),
                "author": "tester",
                "created_at": "2026-01-01T00:00:00Z",
            },
        )


def _batches_equal_rebuild(
    rng: random.Random, batches: int, sources: list[Source], store: Store, review: bool
) -> None:
    """Store `sources` in a random order and batches, the record refreshed after each; the
    record must equal a full rebuild. With `review`, reviews and human judgements made after
    the first batch are in force (the record is rebuilt once for them)."""
    order = rng.sample(range(len(sources)), len(sources))
    bounds = [0, *sorted(rng.sample(range(1, len(sources)), batches - 1)), len(sources)]
    ways = []
    for start, end in itertools.pairwise(bounds):
        for i in order[start:end]:
            _add(store, sources[i])
        if start == 0:
            rebuild_record(store)
            if review:
                _review(store)
                assert refresh_record(store) == "rebuilt"  # a judgement changes anything
        else:
            ways.append(refresh_record(store))
    assert ways == ["updated"] * (batches - 1)
    assert store.record_is_current()
    after_updates = _snapshot(store)
    rebuild_record(store)
    assert after_updates == _snapshot(store)


_SETTINGS = settings(
    max_examples=5,
    deadline=None,
    phases=(Phase.explicit, Phase.generate),  # a seed does not shrink: print it, no more
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.mark.parametrize("review", [False, True], ids=["machine", "reviewed"])
@_SETTINGS
@given(seed=st.integers(0, 2**32 - 1), batches=st.integers(2, 5))
@example(seed=43113, batches=5)  # a quote stated twice in one document, in two histories
def test_adding_batches_equals_a_full_rebuild(
    seed: int, batches: int, review: bool, sources: list[Source], new_store: Any
) -> None:
    store = new_store()
    try:
        _batches_equal_rebuild(random.Random(seed), batches, sources, store, review=review)
    finally:
        store.close()


def _store_with(new_store: Any, sources: list[Source], picks: list[int]) -> Store:
    store: Store = new_store()
    for i in picks:
        _add(store, sources[i])
    rebuild_record(store)
    return store


def _refreshed_equals_rebuild(store: Store, expected: str) -> None:
    assert refresh_record(store) == expected
    after = _snapshot(store)
    rebuild_record(store)
    assert after == _snapshot(store)


def test_nothing_new_leaves_the_record_and_other_changes_rebuild(
    sources: list[Source], new_store: Any
) -> None:
    """Re-extracting or removing a document is no addition: the record is rebuilt."""
    later = [i for i, s in enumerate(sources) if s[2] == 1]  # the copies a year later
    store = _store_with(new_store, sources, later)
    try:
        assert refresh_record(store) == "current"
        first = store.documents(status="ok")[0]
        ext = store.load_extraction(first.id)
        assert ext is not None
        with store.transaction():
            store.save_extraction(first.id, ext)  # the same items, stored again
        _add(store, sources[0])
        _refreshed_equals_rebuild(store, "rebuilt")
        store.remove_document(first.id)
        _add(store, sources[1])
        _refreshed_equals_rebuild(store, "rebuilt")
        _add(store, sources[3])
        _refreshed_equals_rebuild(store, "updated")
    finally:
        store.close()


def test_no_room_between_two_entries_rebuilds(
    sources: list[Source], new_store: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With no gap between positions, entries dated before the stored ones find no room:
    the record is rebuilt instead (and is the same)."""
    from bilat.store import entry_patch, part_patchers, record_writer

    for module in (record_writer, entry_patch, part_patchers):
        monkeypatch.setattr(module, "GAP", 1)
    later = [i for i, s in enumerate(sources) if s[2] == 1]
    store = _store_with(new_store, sources, later)
    try:
        for source in sources:
            if source[2] == 0:  # the originals: a year before the stored copies
                _add(store, source)
        _refreshed_equals_rebuild(store, "rebuilt")
    finally:
        store.close()


_BODIES = ("state", "organization", "company")


def _quoting(source: Source, twin: bool) -> Source:
    """`source` with its figures said by its first state, organization or company, no data
    source named (so the claims cite that body); with `twin`, naming that body once more as
    a person (one member ref for two members); the copy under another name (same dates)
    claims three times the values, so each figure is in a conflict showing who claims what."""
    doc, ext, years = source
    body = next(a for a in ext.actors if a.type in _BODIES)
    person = dataclasses.replace(body, type="person", gid=None, mentions=())
    times = 3 if years < 0 else 1
    figures = tuple(
        dataclasses.replace(
            f,
            said_by=body.name,
            source_data=None,
            value=f.value * times,
            value_max=None if f.value_max is None else f.value_max * times,
        )
        for f in ext.figures
    )
    actors = (*ext.actors, person) if twin else ext.actors
    return doc, dataclasses.replace(ext, actors=actors, figures=figures), years


def test_old_actors_taken_from_the_record_read_as_stored(
    sources: list[Source], new_store: Any
) -> None:
    """An update takes the old documents' actors from the stored record (`_stored_members`):
    a body quoted by figures keeps its type, so the claims keep their data source, and a
    document naming two actors alike (one member ref) is read from its rows."""
    quoted = [
        _quoting(s, twin=n % 2 == 0)
        for n, s in enumerate(
            s for s in sources if s[1].figures and any(a.type in _BODIES for a in s[1].actors)
        )
    ]  # every other stored document twice named (each comes with its two copies)
    assert len(quoted) >= 6
    store = _store_with(new_store, quoted, [i for i, s in enumerate(quoted) if s[2] == 0])
    try:
        for source in quoted:
            if source[2] != 0:  # the copies: the same quantities, so the groups re-derived
                _add(store, source)
        _refreshed_equals_rebuild(store, "updated")
    finally:
        store.close()


def test_an_update_runs_with_the_collector_paused(
    sources: list[Source], new_store: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The update derives and writes with no automatic cyclic collection (`collector_paused`:
    what it reads is kept to its end), and gives the collector back enabled."""
    import bilat.record_update

    seen: list[bool] = []
    derive = bilat.record_update.derive

    def watched(*args: Any) -> Any:
        seen.append(gc.isenabled())
        return derive(*args)

    monkeypatch.setattr(bilat.record_update, "derive", watched)
    store = _store_with(new_store, sources, [0, 1])
    try:
        _add(store, sources[2])
        assert gc.isenabled()
        _refreshed_equals_rebuild(store, "updated")
        assert seen == [False]
        assert gc.isenabled()
    finally:
        store.close()


def test_stored_merges_are_read_by_their_first_member(
    sources: list[Source], new_store: Any
) -> None:
    """An update reads the stored machine merges only of the members it clusters again
    (`_stored_actors.merges_of`): exactly those whose first member is asked for, as stored."""
    from bilat._stored_actors import merges_of
    from bilat.store.record_rows import read_part

    store = _store_with(new_store, sources, [i for i, s in enumerate(sources) if s[2] == 0])
    try:
        merges = [j for j in read_part(store.db, "judgements") if j["by"] == "machine"]
        assert len({j["a"] for j in merges}) >= 4
        asked = {j["a"] for j in merges[::3]} | {merges[1]["b"], "0:nobody"}
        found = [dataclasses.asdict(m) for m in merges_of(store.db, asked)]
        key = json.dumps
        assert sorted(map(key, found)) == sorted(key(j) for j in merges if j["a"] in asked)
    finally:
        store.close()


def _year(text: str | None) -> int:
    found = _YEAR.search(text or "")
    return int(found.group(0)) if found else 0


def test_a_commitment_is_judged_on_figures_no_added_document_has(
    sources: list[Source], new_store: Any
) -> None:
    """An update reads the old figures only of the added figures' quantities and of each
    commitment's measure, unit and deadline period: a commitment met by old figures alone
    stays met when documents with no figures are added."""
    doc, ext, figure = next(
        (s[0], s[1], f)
        for s in sources
        for f in s[1].figures
        if s[2] == 0 and f.kind == "amount" and 0 < _year(f.period) < _year(s[0].published)
    )
    target = Commitment(
        figure.measure,
        figure.measure_text,
        ">=",
        figure.value / 2,
        None,
        figure.unit,
        figure.per,
        str(_year(figure.period)),
        (),
        "agreed",
        figure.evidence,
        figure.flow,
    )
    stored = (doc, dataclasses.replace(ext, commitments=(*ext.commitments, target)), 0)
    store = _store_with(new_store, [stored], [0])
    try:
        assert (store.load_record() or {})["commitments"][-1]["status"] == "met"
        for d, e, years in sources:
            if years == 1 and d.id != doc.id:
                _add(store, (d, dataclasses.replace(e, figures=(), commitments=()), years))
        _refreshed_equals_rebuild(store, "updated")
    finally:
        store.close()


def test_a_timeless_mention_joins_its_stored_cluster(sources: list[Source], new_store: Any) -> None:
    """Mentions with no date and no publication date are placed after all others, into a
    cluster of exactly their parties: the stored cluster a new such mention joins is read
    (by its mentions' keys) and replaced."""
    timeless = []
    for d, e, years in [s for s in sources if s[2] == 0 and s[1].events][:3]:
        events = tuple(
            dataclasses.replace(
                ev, type="CONSULT", mode="call", participants=("Russia", "China"), date=None
            )
            for ev in e.events
        )
        events = tuple(dataclasses.replace(ev, date_end=None) for ev in events)
        timeless.append(
            (dataclasses.replace(d, published=None), dataclasses.replace(e, events=events), years)
        )
    store = _store_with(new_store, timeless, [0, 1])
    try:
        _add(store, timeless[2])
        _refreshed_equals_rebuild(store, "updated")
    finally:
        store.close()


def _handmade(sources: list[Source], extractions: list[Extraction]) -> list[Source]:
    """Real documents (their names, dates, texts) carrying these extractions instead."""
    docs = [s for s in sources if s[2] == 0][: len(extractions)]
    return [(d, e, 0) for (d, _, _), e in zip(docs, extractions, strict=True)]


def _made(actors: tuple[Actor, ...], *events: Event) -> Extraction:
    return Extraction("x", None, "test", actors, events, (), (), ())


_RU, _CN = (
    Actor("Russia", "state", "RU", None, (), None),
    Actor("China", "state", "CN", None, (), None),
)
_XI = Actor("Xi Jinping", "person", "CN", None, ("Xi",), None)
_PUTIN = Actor("Vladimir Putin", "person", "RU", None, ("Putin",), None)


def _met(*who: str, place: str | None, mode: str = "meeting", date: str = "2025-05-10") -> Event:
    return Event("CONSULT", mode, "occurred", who, date, None, place, Evidence(0, 1, "q"))


@pytest.mark.parametrize("where", ["participant", "place"])
def test_old_mentions_of_a_name_that_now_resolves_otherwise_are_read_again(
    sources: list[Source], new_store: Any, where: str
) -> None:
    """An added document makes a name an old document wrote (that document has no actor of
    it) name two actors: the old mention reads differently, so its document is read again
    though none of its own names changed; the update finds it by the name (a participant
    by `event_participants`, a place in `events`), as the store holds it."""
    if where == "participant":  # "Putin" was the one actor keyed so; a Belarusian joins
        old = _made((_RU, _CN, _XI), _met("Putin", "Xi Jinping", place=None))
        other = _made((_RU, _CN, _PUTIN, _XI), _met("Vladimir Putin", "Xi Jinping", place=None))
        new = _made(
            (_RU, Actor("Putin", "person", "BY", None, (), None)),
            _met("Russia", place=None, date="2021-01-05"),
        )
    else:  # Kazan was a city of Russia (so one visit with Moscow's); now also of China
        kazan = Actor("Kazan", "place", "RU", None, (), None)
        old = _made(
            (_RU, _CN, _PUTIN, _XI), _met("Putin", "Xi Jinping", place="Kazan", mode="visit")
        )
        other = _made(
            (_RU, _CN, _PUTIN, _XI, kazan, dataclasses.replace(kazan, name="Moscow")),
            _met("Putin", "Xi Jinping", place="Moscow", mode="visit"),
        )
        new = _made(
            (_CN, dataclasses.replace(kazan, country="CN")),
            _met("China", place=None, date="2021-01-05"),
        )
    made = _handmade(sources, [old, other, new])
    store = _store_with(new_store, made, [0, 1])
    try:
        _add(store, made[2])
        _refreshed_equals_rebuild(store, "updated")
    finally:
        store.close()


def _naming(source: Source, *names: str) -> Source:
    """`source` naming these people (of Russia) too, after its own actors, in this order."""
    doc, ext, years = source
    people = tuple(Actor(name, "person", "RU", None, (), None) for name in names)
    return doc, dataclasses.replace(ext, actors=(*ext.actors, *people)), years


@pytest.mark.parametrize("given", ["as stored", "reversed"])
def test_old_members_clustered_again_keep_their_documents_order(
    given: str, sources: list[Source], new_store: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The old documents' members come as the stored actors hold them, each document's in
    no set order (`_stored_members`); those clustered again are put in the order of their
    document's actor rows (`_member_order`, an index read). An old document names a person
    in full and then by surname alone (one actor, its members in that order); an added one
    names the surname again, so both are clustered again: given every old document's
    members reversed, the update must still equal a full rebuild."""
    import bilat.record_delta

    if given == "reversed":
        stored = bilat.record_delta._stored_members

        def reversed_members(*args: Any) -> dict[int, tuple[Any, ...]]:
            return {doc: members[::-1] for doc, members in stored(*args).items()}

        monkeypatch.setattr(bilat.record_delta, "_stored_members", reversed_members)
    old = [_naming(sources[0], "Anna Kovaleva", "Kovaleva"), sources[1]]
    store = _store_with(new_store, old, [0, 1])
    try:
        _add(store, _naming(sources[2], "Kovaleva"))
        _refreshed_equals_rebuild(store, "updated")
        actor = next(a for a in store.load_record()["actors"] if a["name"] == "Anna Kovaleva")
        assert [m["name"] for m in actor["members"]][:2] == ["Anna Kovaleva", "Kovaleva"]
    finally:
        store.close()


def _member_rows(store: Store) -> dict[str, list[tuple[int, str]]]:
    """Actor id -> its stored member rows (seq, ref), in order."""
    rows = store.db.all("SELECT actor, seq, ref FROM record_actor_members ORDER BY actor, seq")
    out: dict[str, list[tuple[int, str]]] = {}
    for r in rows:
        out.setdefault(str(r["actor"]), []).append((int(r["seq"]), str(r["ref"])))
    return out


def _kept_in_order(before: list[str], after: list[str]) -> bool:
    found = iter(after)
    return all(ref in found for ref in before)


def test_a_grown_actor_keeps_its_stored_member_rows(sources: list[Source], new_store: Any) -> None:
    """An actor that keeps every stored member, in order, and gains some is written member
    by member (`bilat.store.actor_members`): its stored rows stay as they are and only the
    gained members are written, each between its stored neighbours. The copies added have
    the same dates and sort first by name, so their members come before stored ones (an
    actor written whole again would number every member after them anew)."""
    originals = [i for i, s in enumerate(sources) if s[2] == 0]
    store = _store_with(new_store, sources, originals)
    try:
        before = _member_rows(store)
        for i, source in enumerate(sources):
            if source[2] < 0 and i - 1 in originals[:4]:
                _add(store, source)
        _refreshed_equals_rebuild_keeping(store, before)
    finally:
        store.close()


def _refreshed_equals_rebuild_keeping(
    store: Store, before: dict[str, list[tuple[int, str]]]
) -> None:
    assert refresh_record(store) == "updated"
    after = _member_rows(store)
    grown = [
        actor
        for actor, rows in before.items()
        if actor in after
        and len(after[actor]) > len(rows)
        and _kept_in_order([r for _, r in rows], [r for _, r in after[actor]])
    ]
    inside = 0
    for actor in grown:
        assert set(before[actor]) <= set(after[actor]), actor  # the stored rows kept
        last = before[actor][-1][0]
        inside += sum(1 for row in after[actor] if row not in before[actor] and row[0] < last)
    assert grown and inside  # members placed between stored ones
    snapshot = _snapshot(store)
    rebuild_record(store)
    assert snapshot == _snapshot(store)


def _as_written_before(
    store: Store, kind: str, key: Callable[[Any], str], split: list[str], fill: str
) -> None:
    """The record as a store wrote it before a kind's entries were split into rows: each
    entry whole in its payload, the split rows gone, the one-time fill still to run."""
    from bilat.store.record_rows import read_part

    with store.db.transaction():
        for entry in read_part(store.db, kind):
            store.db.execute(
                "UPDATE record_items SET payload = ? WHERE kind = ? AND item_key = ?",
                (json.dumps(entry, ensure_ascii=False), kind, key(entry)),
            )
        for table in split:
            store.db.execute(f"DELETE FROM {table}")
        store.db.execute(f"INSERT INTO {fill} (n) VALUES (1)")


def test_a_record_written_before_its_actors_had_member_rows(
    sources: list[Source], new_store: Any
) -> None:
    """An actor entry holding its members in its payload (a record written before migration
    020) reads the same, and the first update splits them into rows once
    (`fill_actor_members`); the record then equals a full rebuild."""
    from bilat.store.actor_members import fill_actor_members

    store = _store_with(new_store, sources, [0, 1, 2, 3])
    try:
        written = _snapshot(store)
        _as_written_before(
            store, "actors", lambda a: a["id"], ["record_actor_members"], "actor_members_fill"
        )
        old = _snapshot(store)
        assert old["views"] == written["views"] and old["keys"]["actor members"] == []
        _add(store, sources[4])
        _refreshed_equals_rebuild(store, "updated")
        assert fill_actor_members(store.db) == 0  # split once
    finally:
        store.close()


def test_a_record_written_before_its_actors_had_tie_keys(
    sources: list[Source], new_store: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A record written before migration 021 (no tie keys, marked) gets its actors' keys
    from their member rows at its first update (`fill_actor_ties`, once), which finds the
    tied members by them; the record then equals a full rebuild."""
    from bilat.reconcile import actor_growth
    from bilat.store.actor_members import fill_actor_ties

    store = _store_with(new_store, sources, [0, 1, 2, 3])
    searched: list[int] = []
    by_key = actor_growth.tied_by_rank  # (an update lays out only the loose members)

    def spy(*args: Any) -> Any:
        out = by_key(*args)
        searched.append(len(out[0]))
        return out

    monkeypatch.setattr(actor_growth, "tied_by_rank", spy)
    try:
        written = _snapshot(store)["keys"]["actor ties"]
        assert written  # a full write writes them
        with store.db.transaction():
            store.db.execute("DELETE FROM record_actor_ties")
            store.db.execute("INSERT INTO actor_ties_fill (n) VALUES (1)")
        _add(store, sources[4])
        assert refresh_record(store) == "updated"
        assert searched  # the update found the tied members by key
        assert fill_actor_ties(store.db) == 0  # filled once
        after = _snapshot(store)
        assert after["keys"]["actor ties"] != []
        rebuild_record(store)
        assert after == _snapshot(store)
    finally:
        store.close()


def test_a_record_written_before_a_person_s_alias_tied_apart(
    sources: list[Source], new_store: Any
) -> None:
    """A record written before migration 026 holds a person's alias as a name key (`k`);
    the migration marks its keys, which its next update writes again from the member rows
    (a person's alias as `a`); the search reads them so, and the record equals a rebuild."""
    from bilat.store.actor_members import fill_actor_ties

    store = _store_with(new_store, sources, [0, 1, 2, 3])
    try:
        written = store.db.all(
            "SELECT tie, actor FROM record_actor_ties WHERE tie LIKE ?", ("a %",)
        )
        assert written  # a person's alias, as a full write keeps it
        migration = resources.files("bilat.store").joinpath("migrations/026_alias_ties.sql")
        with store.db.transaction():
            for row in written:  # as written before 026
                store.db.execute(
                    "DELETE FROM record_actor_ties WHERE tie = ? AND actor = ?",
                    (row["tie"], row["actor"]),
                )
                store.db.execute(
                    "INSERT INTO record_actor_ties (tie, actor) VALUES (?, ?) "
                    "ON CONFLICT DO NOTHING",
                    ("k " + str(row["tie"])[2:], row["actor"]),
                )
            lines = migration.read_text().splitlines()
            script = "\n".join(line for line in lines if not line.startswith("--"))
            for statement in filter(str.strip, script.split(";")):
                store.db.execute(statement)
        _add(store, sources[4])
        assert refresh_record(store) == "updated"
        assert fill_actor_ties(store.db) == 0  # written again once
        after = _snapshot(store)
        assert any(tie.startswith("a ") for tie, _ in after["keys"]["actor ties"])
        rebuild_record(store)
        assert after == _snapshot(store)
    finally:
        store.close()


def test_the_paged_search_for_entries_citing_a_quote_equals_the_rebuild(
    sources: list[Source], new_store: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The example above (a quote stated twice in one document, in two histories) with the
    entries citing a quote searched by the paged pass over every payload (pages of three)
    instead of a LIKE per few documents: it finds the same entries as the LIKE scan, and the
    record still equals a full rebuild. The histories are written whole (none grown in
    place, which keeps its statements' keys: no search then), so the keyed entry of a
    repeated quote goes and the histories citing it are searched (an agreement history's
    statements by their documents' index, `agreement_entries.citing`)."""
    from bilat.store import key_patch, part_patchers

    monkeypatch.setattr(part_patchers, "grown_rows", lambda *_: None)
    monkeypatch.setattr(key_patch, "_LIKE_CHUNK", 0)
    monkeypatch.setattr(key_patch, "_PAGE", 3)
    found: list[dict[Any, int]] = []
    citing = key_patch.KeyPatch._citing

    def spy(self: Any, kind: str, wanted: Any) -> dict[Any, int]:
        out = citing(self, kind, wanted)  # the paged pass (no LIKE for any number)
        monkeypatch.setattr(key_patch, "_LIKE_CHUNK", 10**6)
        assert citing(self, kind, wanted) == out  # ... finds what the LIKE scan finds
        monkeypatch.setattr(key_patch, "_LIKE_CHUNK", 0)
        found.append(out)
        return out

    monkeypatch.setattr(key_patch.KeyPatch, "_citing", spy)
    store = new_store()
    try:
        _batches_equal_rebuild(random.Random(43113), 5, sources, store, review=False)
    finally:
        store.close()
    assert any(found), "the example searched no entry citing a repeated quote"


def _every_place(store: Store) -> dict[str, int]:
    """Every stored mention ref -> the position of the event entry holding it, read whole
    (as the update read it before `mention_places`)."""
    sql = (
        "SELECT e.doc_id, r.pos FROM events e LEFT JOIN record_item_refs r "
        "ON r.kind = 'events' AND r.item_id = e.id ORDER BY e.doc_id, e.id"
    )
    out, doc, i = {}, None, 0
    for row_doc, pos in store.db.execute(sql).fetchall():
        i, doc = (i + 1 if row_doc == doc else 0), row_doc
        if pos is not None:
            out[f"{int(row_doc)}:e{i}"] = int(pos)
    return out


def test_the_places_of_stored_mentions_are_read_by_their_keys(
    sources: list[Source], new_store: Any
) -> None:
    """`mention_places` and `event_places` give, for some mentions (or events), every
    mention (event) of the entries holding one of them with its entry's position: what
    the whole-store read gives of those entries, none missing, none more."""
    rng = random.Random(7)
    with_events = [i for i, s in enumerate(sources) if s[1].events]
    store = _store_with(new_store, sources, rng.sample(with_events, min(12, len(with_events))))
    try:
        whole = _every_place(store)
        ids = {
            f"{int(r['doc_id'])}:e{n}": int(r["id"])
            for doc in {int(r["doc_id"]) for r in store.db.all("SELECT doc_id FROM events")}
            for n, r in enumerate(
                store.db.all("SELECT doc_id, id FROM events WHERE doc_id = ? ORDER BY id", (doc,))
            )
        }
        held: dict[int, set[str]] = {}
        for ref, pos in whole.items():
            held.setdefault(pos, set()).add(ref)
        assert any(len(refs) > 1 for refs in held.values())  # clusters of several mentions
        for k in (1, 2, 5, len(whole)):
            asked = rng.sample(sorted(whole), min(k, len(whole)))
            expected = {r: whole[r] for a in asked for r in held[whole[a]]}
            assert mention_places(store.db, asked) == expected
            by_id = {ids[r]: pos for r, pos in expected.items()}
            assert event_places(store.db, [ids[a] for a in asked]) == by_id
        assert mention_places(store.db, []) == {}
    finally:
        store.close()


def test_the_event_outlines_come_typed_as_the_driver_gives_them(
    sources: list[Source], new_store: Any
) -> None:
    """`event_outlines` yields the rows as read, not converted: on either store each is
    (int id, int document, str type, str mode, date, date_end), dates str or None, in
    document and id order, one per stored event."""
    with_events = [i for i, s in enumerate(sources) if s[1].events]
    store = _store_with(new_store, sources, with_events[:8])
    try:
        outlines = list(event_outlines(store.db))
        rows = store.db.all("SELECT id, doc_id, type, mode, date, date_end FROM events")
        assert len(outlines) == len(rows) > 8
        expected = sorted((int(r["doc_id"]), int(r["id"])) for r in rows)
        assert [(o[1], o[0]) for o in outlines] == expected
        for outline in outlines:
            assert tuple(type(v) for v in outline[:4]) == (int, int, str, str), outline
            assert all(v is None or type(v) is str for v in outline[4:]), outline
        assert any(o[4] is not None for o in outlines)
    finally:
        store.close()


def _signed(title: str) -> Agreement:
    return Agreement(title, "agreement", "signed", None, ("Russia", "China"), "energy", _EV)


_EV = Evidence(0, 1, "q")


def test_statements_reached_in_several_reads_are_each_made_once(
    sources: list[Source], new_store: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A chain of titles (each shares four of its six words with the next) is read by title
    word a few documents at a time: no old document's statements are read the old way
    (they read as before: an earlier update asked each once, and before that every
    document read so far again per read), and the record equals a rebuild."""
    from bilat.reconcile import _actor_changes, _agreement_delta

    words = [f"w{chr(97 + n)}x" for n in range(30)]
    titles = [" ".join(words[2 * k : 2 * k + 6]) for k in range(12)]
    made = [Extraction("x", None, "test", (_RU, _CN), agreements=(_signed(t),)) for t in titles[1:]]
    docs = _handmade(sources, [*made, Extraction("x", None, "test", (_RU, _CN))])
    new = (docs[-1][0], dataclasses.replace(docs[-1][1], agreements=(_signed(titles[0]),)), 0)
    store = _store_with(new_store, docs[:-1], list(range(len(made))))
    asked: list[int] = []
    reads: list[int] = []
    alike = _actor_changes.Changes.resolves_alike
    reaching = _agreement_delta.reaching_words

    def counted(self: Any, doc_id: int, *rest: Any) -> bool:
        asked.append(doc_id)
        return alike(self, doc_id, *rest)

    def read(*args: Any) -> Any:
        reads.append(1)
        return reaching(*args)

    monkeypatch.setattr(_actor_changes.Changes, "resolves_alike", counted)
    monkeypatch.setattr(_agreement_delta, "reaching_words", read)
    try:
        _add(store, new)
        _refreshed_equals_rebuild(store, "updated")
        assert len(reads) >= 3  # the chain took several reads
        assert not asked, sorted(asked)  # the old documents' statements read as before
    finally:
        store.close()


def test_the_chain_follows_distinct_titles_and_reads_only_the_reached_statements(
    sources: list[Source], new_store: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The chain of titles again, each old document holding beside its link a statement
    no title matches, one a statement holding two words of a link but matching none, one
    document two links far apart in the chain (its later statement reached first), and one
    link's title repeated in another document: the chain is followed over the distinct
    titles holding a reached word (the added document's among them; the update read the
    title of every statement holding one, the repeated one twice, found by the statements'
    words in `statement_words`, which it no longer reads), and only the statements of the
    titles reached are read whole, each once, and not read the old way again (they read
    alike: the update asked each of their documents' parties to resolve alike);
    each word is counted and looked up once (every read asked every word reached so far
    again); and the record equals a rebuild (the two statements of one document in their
    order)."""
    import bilat.record_delta as record_module

    words = [f"w{chr(97 + n)}x" for n in range(30)]
    titles = [" ".join(words[2 * k : 2 * k + 6]) for k in range(12)]
    near = "wix wjx zz1x zz2x zz3x zz4x zz5x zz6x"  # two words of titles[3]: no match
    made = [
        Extraction(
            "x",
            None,
            "test",
            (_RU, _CN),
            agreements=(
                _signed(t),
                _signed(f"zq{k}x treaty on zr{k}x zs{k}x"),
                *([_signed(near)] if k == 5 else []),
            ),
        )
        for k, t in enumerate(titles[1:10], 1)
        if k != 3
    ]
    # "wkx wlx" matches titles[3] but holds no word of the titles before it: read later
    both = (_signed("wkx wlx"), _signed(titles[3]), _signed("zqqx accord zrrx"))
    made.append(Extraction("x", None, "test", (_RU, _CN), agreements=both))
    again = (_signed("zzqx pact zzrx"), _signed(titles[6]))  # a title read once, two statements
    made.append(Extraction("x", None, "test", (_RU, _CN), agreements=again))
    docs = _handmade(sources, [*made, Extraction("x", None, "test", (_RU, _CN))])
    new = (docs[-1][0], dataclasses.replace(docs[-1][1], agreements=(_signed(titles[0]),)), 0)
    store = _store_with(new_store, docs[:-1], list(range(len(made))))
    read: dict[str, list[str]] = {"titles": [], "whole": []}
    titled, whole = record_module.statements_titled, record_module.load_statements

    def counted(db: Any, asked: Any) -> Any:
        out = titled(db, asked)
        read["whole"].extend(a.title for _, _, _, a in out)
        return out

    def counted_whole(db: Any, doc_ids: Any) -> Any:
        out = whole(db, doc_ids)
        read["whole"].extend(a.title for found in out.values() for a in found)
        return out

    asked: dict[str, list[str]] = {"counted": [], "looked up": []}
    counts, holding = record_module.title_counts, record_module.titles_with

    def counted_words(db: Any, words: Any) -> Any:
        asked["counted"].extend(words)
        return counts(db, words)

    def looked_up(db: Any, words: Any) -> Any:
        asked["looked up"].extend(words)
        out = holding(db, words)
        read["titles"].extend(out)
        return out

    resolved: list[int] = []  # the documents whose parties are asked to resolve alike
    alike = Changes.resolves_alike

    def asked_alike(self: Any, doc_id: int, *args: Any) -> bool:
        resolved.append(doc_id)
        return alike(self, doc_id, *args)

    monkeypatch.setattr(Changes, "resolves_alike", asked_alike)
    monkeypatch.setattr(record_module, "statements_titled", counted)
    monkeypatch.setattr(record_module, "load_statements", counted_whole)
    monkeypatch.setattr(record_module, "title_counts", counted_words)
    monkeypatch.setattr(record_module, "titles_with", looked_up)
    run: list[str] = []
    if store.db.dialect == "sqlite":
        store.db.conn.set_trace_callback(run.append)
    try:
        _add(store, new)
        store.db.conn.set_trace_callback(None) if store.db.dialect == "sqlite" else None
        _refreshed_equals_rebuild(store, "updated")
        chain = [*titles[1:10], "wkx wlx"]
        assert set(read["titles"]) == {*chain, near, titles[0]}, read
        # and the added statement, stored before the update, read by its title and left out
        assert sorted(read["whole"]) == sorted([*chain, titles[6], titles[0]]), read
        # each word counted and looked up once, however many reads the chain took
        assert all(len(w) == len(set(w)) > len(titles) for w in asked.values()), asked
        assert not [sql for sql in run if "FROM statement_words WHERE" in sql], run
        # the statements read by title read as before: not read the old way again
        assert not resolved, resolved
    finally:
        store.close()


def _aiming(parties: tuple[str, ...], deadline: str) -> Commitment:
    """A commitment of these parties to trade $200 bn a year by the `deadline`."""
    return Commitment(
        "trade_turnover", None, ">=", 200e9, None, "USD", "year", deadline, parties, "agreed", _EV
    )


def _commitments_of(store: Store) -> list[dict[str, Any]]:
    return list((store.load_record() or {})["commitments"])


def test_a_later_publication_judges_a_stored_commitment_again(
    sources: list[Source], new_store: Any
) -> None:
    """A commitment pending because its deadline is after the latest report is judged
    again when an added document (that neither states it nor reports a figure of it) is
    published after the deadline: the update equals a rebuild."""
    old, later = [s for s in sources if s[2] == 0 and s[0].published][:2]
    year = _year(old[0].published)
    stated = (
        old[0],
        dataclasses.replace(old[1], commitments=(_aiming(("Russia",), f"{year}"),)),
        0,
    )
    quiet = dataclasses.replace(later[1], figures=(), commitments=())
    store = _store_with(new_store, [stated], [0])
    try:
        before = _commitments_of(store)
        assert "after the latest report" in before[-1]["reason"], before[-1]
        _add(store, (later[0], quiet, year + 2 - _year(later[0].published)))
        _refreshed_equals_rebuild(store, "updated")
        assert _commitments_of(store)[-1]["reason"] != before[-1]["reason"]
    finally:
        store.close()


@pytest.mark.parametrize("where", ["person", "place"])
def test_a_stored_commitment_whose_parties_resolve_otherwise_is_judged_again(
    sources: list[Source], new_store: Any, where: str
) -> None:
    """An added document (stating no commitment, reporting no figure) makes a party of a
    stored commitment's first statement resolve to another actor: its entry is made again
    (its pairs follow its parties' countries), and the update equals a rebuild."""
    if where == "person":  # "Putin" was the one actor keyed so; a Belarusian joins
        party, was, now = "Putin", _PUTIN, Actor("Putin", "person", "BY", None, (), None)
    else:  # Kazan was a city of Russia; now also of China
        was = Actor("Kazan", "place", "RU", None, (), None)
        party, now = "Kazan", dataclasses.replace(was, country="CN")
    old = Extraction(
        "x", None, "test", (_RU, _CN), commitments=(_aiming((party, "China"), "2019"),)
    )
    other = _made((_RU, _CN, was, _XI), _met(party, "Xi Jinping", place=None))
    new = _made((_CN, now), _met("China", place=None, date="2021-01-05"))
    made = _handmade(sources, [old, other, new])
    store = _store_with(new_store, made, [0, 1])
    try:
        before = _commitments_of(store)
        _add(store, made[2])
        _refreshed_equals_rebuild(store, "updated")
        assert _commitments_of(store) != before
    finally:
        store.close()


def test_a_kept_commitment_that_moves_is_written_with_its_long_lists(
    sources: list[Source], new_store: Any
) -> None:
    """A stored commitment judged on more figures than its row shows (its tail counts
    them) is kept as stored, its claims by key, when an added document states another
    commitment earlier in reading order: it moves down one place, and its row and tail
    are written again from the stored claims; the update equals a rebuild."""
    dated = sorted(
        (s for s in sources if s[2] == 0 and s[0].published), key=lambda s: s[0].published
    )
    early, late = dated[0][0], dated[-1][0]
    assert early.published and late.published and early.published < late.published
    figures = _reports("2019", 25)
    target = _aiming(("Russia", "China"), "2019")
    kept = Extraction("x", None, "test", (_RU, _CN), figures=figures, commitments=(target,))
    other = dataclasses.replace(target, value=300e9)
    new = Extraction("x", None, "test", (_RU, _CN), commitments=(other,))
    store = _store_with(new_store, [(late, kept, 0)], [0])
    try:
        before = _commitments_of(store)
        assert len(before[0]["evidence_figures"]) == 25
        _add(store, (early, new, 0))
        _refreshed_equals_rebuild(store, "updated")
        assert _commitments_of(store)[1] == before[0]
    finally:
        store.close()


def _reports(year: str, n: int, start: int = 0) -> tuple[Figure, ...]:
    """`n` reports of the pair's trade turnover in `year`, each its own value and span."""
    return tuple(
        Figure(
            "amount",
            (100 + i) * 1e9,
            None,
            "USD",
            "year",
            "exact",
            "trade_turnover",
            None,
            "RU<->CN",
            year,
            None,
            Evidence(i, i + 1, f"q{i}"),
        )
        for i in range(start, start + n)
    )


def _claim_places(store: Store) -> dict[str, int]:
    rows = store.db.all("SELECT item_key, pos FROM record_items WHERE kind = 'claims'")
    return {str(r["item_key"]): int(r["pos"]) for r in rows}


def _commitment_pair(sources: list[Source]) -> tuple[Any, Any, Extraction, Extraction]:
    """The earliest and latest dated sources, and two extractions each stating a commitment
    judged on claims of its own: 25 reports for 2019, and 5 for 2018 (deadline 2018)."""
    dated = sorted(
        (s for s in sources if s[2] == 0 and s[0].published), key=lambda s: s[0].published
    )
    early, late = dated[0][0], dated[-1][0]
    assert early.published and late.published and early.published < late.published
    target = _aiming(("Russia", "China"), "2019")
    kept = Extraction(
        "x", None, "test", (_RU, _CN), figures=_reports("2019", 25), commitments=(target,)
    )
    other = dataclasses.replace(target, deadline="2018")
    new = Extraction(
        "x", None, "test", (_RU, _CN), figures=_reports("2018", 5, 50), commitments=(other,)
    )
    return early, late, kept, new


def test_claims_named_before_stay_where_they_are_when_earlier_ones_come(
    sources: list[Source], new_store: Any
) -> None:
    """An added document earlier in reading order states a commitment judged on claims of
    its own, named before every stored one: the stored claims keep their rows (a claim is
    keyed by its content; its place orders nothing), only the new ones are written, and the
    update serves what a rebuild serves. Fails when the claims are numbered again by first
    use (each stored claim moves down, its row written again)."""
    early, late, kept, new = _commitment_pair(sources)
    store = _store_with(new_store, [(late, kept, 0)], [0])
    try:
        before = _claim_places(store)
        assert len(before) == 25
        _add(store, (early, new, 0))
        assert refresh_record(store) == "updated"
        after = _claim_places(store)
        judged = _commitments_of(store)
        assert [len(c["evidence_figures"]) for c in judged] == [5, 25]  # the new one first
        assert len(after) == 30
        assert {k: after[k] for k in before} == before
        served = _snapshot(store)
        rebuild_record(store)
        assert served == _snapshot(store)
    finally:
        store.close()


def test_the_claims_of_a_commitment_row_kept_are_not_read(
    sources: list[Source], new_store: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An added document later in reading order states a commitment judged on claims of
    its own; the stored commitment's row stays as it is. The patch finds the claims gone
    and the claims new from the rows that differ: no claim the kept row names is read
    (SQLite: the claim keys the patch's statements return, run again), the kept entry,
    read back as stored, is not encoded again, and the update serves what a rebuild
    serves. Fails when every stored claim's key is read, or the kept entry encoded."""
    early, late, kept, new = _commitment_pair(sources)
    store = _store_with(new_store, [(early, kept, 0)], [0])
    try:
        before = _claim_places(store)
        assert len(before) == 25
        sqlite = store.db.dialect == "sqlite"  # PostgreSQL: the update and rebuild alone
        run = _statements_patching(monkeypatch) if sqlite else []
        encoded: list[Any] = []
        dumps = record_writer._dumps
        monkeypatch.setattr(record_writer, "_dumps", lambda v: encoded.append(v) or dumps(v))
        _add(store, (late, new, 0))
        assert refresh_record(store) == "updated"
        monkeypatch.undo()
        judged = _commitments_of(store)
        assert [len(c["evidence_figures"]) for c in judged] == [25, 5]  # the new one last
        kept_entries = [v for v in encoded if isinstance(v, dict) and "evidence_figures" in v]
        assert kept_entries and all(len(v["evidence_figures"]) == 5 for v in kept_entries)
        after = _claim_places(store)
        assert len(after) == 30 and {k: after[k] for k in before} == before
        if sqlite:
            reading = [sql for sql in run if sql.lstrip().startswith("SELECT")]
            read: set[str] = set()
            for sql in (s for s in reading if "'claims'" in s):
                cursor = store.db.conn.execute(sql)
                names = [d[0] for d in cursor.description]
                if "item_key" in names:
                    at = names.index("item_key")
                    read |= {str(r[at]) for r in cursor.fetchall()}
            assert read and not read & before.keys(), sorted(read & before.keys())
        served = _snapshot(store)
        rebuild_record(store)
        assert served == _snapshot(store)
    finally:
        store.close()


def test_a_commitment_judged_again_reads_no_figure_the_inputs_hold(
    sources: list[Source], new_store: Any
) -> None:
    """An added document reports a figure of a stored commitment's slot (measure, unit,
    deadline period): the commitment is judged again on every figure of the slot, which
    the inputs hold already (read once for the added figure's groups), so no figure of
    the slot is read again; the stored document's figures quote no speaker, so no member
    of its actors is made (the stored index may read their names by document, as it read
    every document's names before); and the update serves what a rebuild serves. Fails
    when the commitment's judgement reads its slot's figures again, or the members of the
    documents holding them."""
    early, late, kept, _ = _commitment_pair(sources)
    store = _store_with(new_store, [(early, kept, 0)], [0])
    try:
        more = Extraction("x", None, "test", (), figures=_reports("2019", 2, 40))
        _add(store, (late, more, 0))
        asked: list[Any] = []
        members: list[Any] = []  # the documents whose stored actor members are read
        execute = store.db.execute

        def reading(sql: str, params: Any = ()) -> Any:
            if sql.startswith("SELECT * FROM figures WHERE measure"):
                asked.append(tuple(params))
            if sql.startswith("SELECT actor, seq,") and "WHERE doc_id IN" in sql:
                members.extend(params)  # (the members' query, not the index's names)
            return execute(sql, params)

        store.db.execute = reading  # type: ignore[method-assign]
        try:
            assert refresh_record(store) == "updated"
        finally:
            del store.db.execute
        assert asked == [("trade_turnover", "USD", "2019")], asked  # once, for the inputs
        assert not members, members
        assert [len(c["evidence_figures"]) for c in _commitments_of(store)] == [27]
        _refreshed_equals_rebuild(store, "current")
    finally:
        store.close()


def test_the_old_conflicts_of_a_key_are_read_not_made_again(
    sources: list[Source], new_store: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An added document reports two figures of a key in conflict (25 reports of the
    pair's 2019 turnover, each its own value): the conflict before is the stored one, read
    by its key; only the key's group after the addition is made and weighed, and the
    update serves what a rebuild serves. Fails when the old side's group is made and
    weighed again."""
    early, late, kept, _ = _commitment_pair(sources)
    store = _store_with(new_store, [(early, kept, 0)], [0])
    try:
        more = Extraction("x", None, "test", (_RU, _CN), figures=_reports("2019", 2, 40))
        _add(store, (late, more, 0))
        weighed: list[int] = []
        find = delta.find_conflicts

        def finding(groups: Any) -> Any:
            got = list(groups)
            weighed.extend(len(g.claims) for g in got)
            return find(got)

        monkeypatch.setattr(delta, "find_conflicts", finding)
        assert refresh_record(store) == "updated"
        monkeypatch.undo()
        assert weighed == [27], weighed  # the group after; the one before is stored
        conflicts = (store.load_record() or {})["conflicts"]
        assert [len(c["claims"]) for c in conflicts] == [27]
        _refreshed_equals_rebuild(store, "current")
    finally:
        store.close()


def test_a_figure_quoting_a_body_makes_that_member_alone(
    sources: list[Source], new_store: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stored reports of the pair's 2019 turnover say Russia reported them (a state: the
    claims' data source, `figures._data_source`); an added report of that key groups
    them again. Of the stored document's members only the one its figures quote is made
    (by its ref), not China, and the update serves what a rebuild serves. Fails when
    every member of a document with such figures is made."""
    early, late, _, _ = _commitment_pair(sources)
    said = tuple(dataclasses.replace(f, said_by="Russia") for f in _reports("2019", 3))
    stored = Extraction("x", None, "test", (_RU, _CN), figures=said)
    store = _store_with(new_store, [(early, stored, 0)], [0])
    try:
        more = Extraction("x", None, "test", (), figures=_reports("2019", 2, 40))
        _add(store, (late, more, 0))
        made: list[str] = []
        member = MemberReader._member

        def making(self: MemberReader, row: Any) -> Any:
            made.append(str(row[0]))
            return member(self, row)

        monkeypatch.setattr(MemberReader, "_member", making)
        assert refresh_record(store) == "updated"
        monkeypatch.undo()
        assert made == ["1:Russia"], made
        conflict = (store.load_record() or {})["conflicts"][0]
        assert {c["source_data"] for c in conflict["claims"]} == {"Russia", None}
        _refreshed_equals_rebuild(store, "current")
    finally:
        store.close()


def test_the_added_documents_are_found_without_reading_every_id(
    sources: list[Source], new_store: Any
) -> None:
    """The documents added since the record was built are the current ones it holds no
    entry of, read by index: the rows read are theirs alone, not every document's id
    and every entry's key; a record holding a document no longer current is rebuilt."""
    store = _store_with(new_store, sources, [0, 1, 2, 3, 4])
    try:
        _add(store, sources[5])
        read: list[int] = []
        every = store.db.all

        def reading(sql: str, params: Any = ()) -> Any:
            found = every(sql, params)
            read.append(len(found))
            return found

        store.db.all = reading  # type: ignore[method-assign]
        try:
            added = added_documents(store)
        finally:
            del store.db.all
        assert added is not None and len(added) == 1
        assert sum(read) == 1, read
        gone = min(int(r["id"]) for r in store.db.all("SELECT id FROM documents"))
        with store.db.transaction():
            store.db.execute("UPDATE documents SET is_current = 0 WHERE id = ?", (gone,))
        assert added_documents(store) is None
    finally:
        store.close()


_NAMES = st.sampled_from(["a", "b", "c"])
_DATES = st.sampled_from([None, "2024-01-02", "2024-01-02T09:00", "2025-03-04"])
_PAIRS = st.sampled_from([None, ("RU", "IN"), ("CN", "RU")])


@settings(max_examples=60, deadline=None)
@given(
    docs=st.lists(st.tuples(_NAMES, _DATES, _PAIRS), min_size=1, max_size=12),
    data=st.data(),
)
def test_the_grown_side_puts_the_added_documents_in_reading_order(
    docs: list[tuple[str, str | None, tuple[str, str] | None]], data: st.DataObject
) -> None:
    """The inputs of old and added documents, in reading order, and the pairs the grown
    side's filer knows, equal those made from every input (names and dates shared, so the
    added ones fall before, between and after the old ones); fails when the added ones are
    put at the end or the filer keeps the old documents' pairs only."""
    made = [
        SourcedExtraction(i, name, day, None, Extraction(name, day, "v", pair=pair))
        for i, (name, day, pair) in enumerate(docs)
    ]
    added = data.draw(st.lists(st.sampled_from(range(len(made))), unique=True))
    old = ordered_inputs(s for s in made if s.doc_id not in added)
    new = [made[i] for i in added]
    assert _with_added(old, new) == ordered_inputs(made)
    index = actor_index(())
    grown = PairFiler(old, index).grown(new, index)
    assert grown.doc_pair == PairFiler(made, index).doc_pair


def test_documents_read_with_no_items_are_made_from_their_rows(
    sources: list[Source], new_store: Any
) -> None:
    """What an update reads of the old documents (no item kind but their actors, which the
    stored record gives for some) is each current, extracted document made from its row
    alone, as reading it with no item kinds gives it, the others with their actors, in id
    order; fails when a document is left out, made otherwise or out of order."""
    store = _store_with(new_store, sources, [0, 1, 2, 3, 5])
    try:
        doc = sources[4][0]
        art = Article("bare", "bare", doc.text, "txt", doc.title, None, doc.source)
        clean = CleanDocument(art, doc.clean_text, doc.offsets, doc.language, doc.published)
        with store.transaction():  # current and ok, not extracted: no input
            store.add_document(DocumentRow(clean, "unextracted", "ok", None, None))
        rows = store.documents(status="ok")
        ids = sorted(d.id for d in rows)
        named = {d.id: d for d in rows}
        for given in (ids, ids[::2]):  # every document's actors given, or every other's
            got = load_sourced(store, ("actors",), without_actors=given)
            bare = dict(store.load_extractions(ids, mentions=False, kinds=()))
            whole = dict(store.load_extractions(ids, mentions=False, kinds=("actors",)))
            expected = [
                SourcedExtraction(i, d.name, d.published, d.source, ext)
                for i in ids
                if (d := named[i]) and (ext := (bare if i in given else whole).get(i))
            ]
            assert got == expected
            assert len(got) == 5
    finally:
        store.close()


def _turnover(value: float, period: str, flow: str | None, said_by: str | None) -> Figure:
    return Figure(
        "amount",
        value,
        None,
        "USD",
        "year",
        "exact",
        "trade_turnover",
        None,
        flow,
        period,
        said_by,
        Evidence(0, 1, f"{value} in {period}"),
    )


def _points(store: Store) -> dict[tuple[str, str], str]:
    """(series key, period) -> the point row stored."""
    rows = store.db.all("SELECT series, period, payload FROM record_series_points")
    return {(str(r["series"]), str(r["period"])): str(r["payload"]) for r in rows}


def _series_of(store: Store) -> list[dict[str, Any]]:
    return list((store.load_record() or {})["series"])


def test_a_touched_series_writes_only_the_points_its_figures_reach(
    sources: list[Source], new_store: Any
) -> None:
    """A series is stored point by point (`bilat.store.series_points`): an added figure of
    one period reads and writes that period's point; the others' rows stay as they are.
    What the entry needs of every point is kept beside it: its claims per document (a
    series naming one state or none is filed under its documents' pairs: an India-Russia
    document adds a pair) and per speaker (the names it counts). The update equals a
    rebuild, its points in period order."""
    years = ("2017", "2019", "2021")
    old = [
        Extraction(
            "x",
            None,
            "test",
            (_RU, _CN),
            figures=tuple(
                _turnover(100e9 + n, y, flow, "Putin") for y in years for flow in ("RU<->CN", None)
            ),
            pair=("CN", "RU"),
        )
        for n in range(2)
    ]
    new = Extraction(
        "x",
        None,
        "test",
        (_RU,),
        figures=(_turnover(150e9, "2019", None, "Mishustin"), _turnover(1e9, "2020", None, None)),
        pair=("IN", "RU"),
    )
    made = _handmade(sources, [*old, new])
    store = _store_with(new_store, made[:2], [0, 1])
    try:
        before = _points(store)
        rows = store.db.all("SELECT payload FROM record_items WHERE kind = 'series'")
        assert len(before) == 6 and [json.loads(r["payload"])["points"] for r in rows] == [None] * 2
        written = _watch_points(store)
        _add(store, made[2])
        assert refresh_record(store) == "updated"
        after = _points(store)
        (key,) = {k for k, _ in before if "RU<->CN" not in k}  # the series of no flow
        assert {k: v for k, v in after.items() if k[0] != key or k[1] in ("2017", "2021")} == {
            k: v for k, v in before.items() if k[0] != key or k[1] in ("2017", "2021")
        }
        assert after[(key, "2019")] != before[(key, "2019")] and (key, "2020") in after
        if written is not None:  # only the reached points were written
            assert sorted(written()) == [(key, "2019"), (key, "2020")]
        (grown,) = (s for s in _series_of(store) if s["flow"] is None)
        assert grown["pairs"] == ["CN-RU", "IN-RU"]
        assert [p["period"] for p in grown["points"]] == ["2017", "2019", "2020", "2021"]
        snapshot = _snapshot(store)
        rebuild_record(store)
        assert snapshot == _snapshot(store)
    finally:
        store.close()


def _watch_points(store: Store) -> Any:
    """On SQLite, the point rows written from now on (series, period), as a callable; a
    temporary trigger on this connection records them. None elsewhere."""
    if store.db.dialect != "sqlite":
        return None
    store.db.execute("CREATE TEMP TABLE points_written (series TEXT, period TEXT)")
    store.db.execute(
        "CREATE TEMP TRIGGER point_written AFTER INSERT ON record_series_points BEGIN "
        "INSERT INTO points_written VALUES (NEW.series, NEW.period); END"
    )
    sql = "SELECT series, period FROM points_written"
    return lambda: [(str(r["series"]), str(r["period"])) for r in store.db.all(sql)]


def test_a_record_written_before_its_series_had_point_rows(
    sources: list[Source], new_store: Any
) -> None:
    """A series entry holding its points in its payload (a record written before migration
    022) reads the same, and the first update splits it into point rows and counts once
    (`fill_series_points`); the record then equals a full rebuild."""
    from bilat.store.series_points import fill_series_points

    store = _store_with(new_store, sources, [0, 1, 2, 3])
    try:
        written = _snapshot(store)
        assert written["keys"]["series points"]
        _as_written_before(
            store,
            "series",
            series_key,
            ["record_series_points", "record_series_counts"],
            "series_points_fill",
        )
        old = _snapshot(store)
        assert old["views"] == written["views"] and old["keys"]["series points"] == []
        _add(store, sources[4])
        _refreshed_equals_rebuild(store, "updated")
        assert fill_series_points(store.db) == 0  # split once
    finally:
        store.close()


def _entry_rows(store: Store) -> dict[tuple[str, int], str]:
    """(history, seq) -> the statement row stored."""
    rows = store.db.all("SELECT history, seq, payload FROM record_agreement_entries")
    return {(str(r["history"]), int(r["seq"])): str(r["payload"]) for r in rows}


def _watch_entries(store: Store) -> Any:
    """On SQLite, the statement rows written from now on (history, document), as a
    callable; a temporary trigger on this connection records them. None elsewhere."""
    if store.db.dialect != "sqlite":
        return None
    store.db.execute("CREATE TEMP TABLE entries_written (history TEXT, doc_id INTEGER)")
    store.db.execute(
        "CREATE TEMP TRIGGER entry_written AFTER INSERT ON record_agreement_entries BEGIN "
        "INSERT INTO entries_written VALUES (NEW.history, NEW.doc_id); END"
    )
    sql = "SELECT history, doc_id FROM entries_written"
    return lambda: [(str(r["history"]), int(r["doc_id"])) for r in store.db.all(sql)]


def test_a_joined_history_writes_only_the_statement_it_gains(
    sources: list[Source], new_store: Any
) -> None:
    """A history is stored statement by statement (`bilat.store.agreement_entries`): an
    added document whose statement joins a stored history (third in reading order of four,
    so the history keeps its id and the statement goes between two stored ones' rows)
    writes that statement's row only; the stored rows stay as they are, and so does the
    history's position. The update equals a rebuild, the statements in order."""
    made = [Extraction("x", None, "test", (_RU, _CN), agreements=(_signed("gas supply deal"),))]
    docs = sorted(_handmade(sources, made * 4), key=lambda s: (s[0].published or "", s[0].name))
    docs = [docs[0], docs[1], docs[3], docs[2]]  # the last one added
    store = _store_with(new_store, docs[:3], [0, 1, 2])
    try:
        before = _entry_rows(store)
        (history,) = {h for h, _ in before}
        sql = "SELECT pos, payload FROM record_items WHERE kind = 'agreements'"
        (row,) = store.db.all(sql)
        assert len(before) == 3 and json.loads(row["payload"])["entries"] is None
        written = _watch_entries(store)
        _add(store, docs[3])
        assert refresh_record(store) == "updated"
        after = _entry_rows(store)
        assert {k: v for k, v in after.items() if k in before} == before
        assert len(after) == 4 and {h for h, _ in after} == {history}
        (new_doc,) = [int(r["id"]) for r in store.db.all("SELECT MAX(id) AS id FROM documents")]
        if written is not None:  # only the gained statement was written
            assert written() == [(history, new_doc)]
        assert [int(r["pos"]) for r in store.db.all(sql)] == [int(row["pos"])]
        (grown,) = (store.load_record() or {})["agreements"]
        order = [d.published for d, _, _ in (docs[0], docs[1], docs[3], docs[2])]
        assert [e["published"] for e in grown["entries"]] == order
        snapshot = _snapshot(store)
        rebuild_record(store)
        assert snapshot == _snapshot(store)
    finally:
        store.close()


@pytest.mark.parametrize("added", ["last, joining the third", "first, on the second's day"])
def test_only_the_histories_an_added_statement_changes_are_read_back(
    sources: list[Source], new_store: Any, monkeypatch: pytest.MonkeyPatch, added: str
) -> None:
    """Three yearly signings of one title, each its own history (two signings on clearly
    different days clash), and an added document signing it on the day of one of them:
    last in reading order (it joins the third history, which keeps its id) or first (it
    starts a history the second signing then joins: that history's id changes). The
    update reads back from the record only the history that changes (it read all three
    the title links, and built each again), and equals a rebuild."""
    import bilat.record_delta as record_module

    docs = sorted(
        _handmade(sources, [Extraction("x", None, "test", (_RU, _CN))] * 4),
        key=lambda s: (s[0].published or "", s[0].name),
    )
    days = ["2019-05-01", "2020-06-02", "2021-07-03"]
    first = added.startswith("first")
    olds = docs[1:] if first else docs[:3]
    signing = days[1] if first else days[2]

    def signed(source: Source, day: str) -> Source:
        deal = Agreement(
            "gas supply deal", "agreement", "signed", day, ("Russia", "China"), "energy", _EV
        )
        return (source[0], dataclasses.replace(source[1], agreements=(deal,)), 0)

    stored = [signed(d, day) for d, day in zip(olds, days, strict=True)]
    store = _store_with(new_store, stored, [0, 1, 2])
    read: list[list[str]] = []
    keyed = record_module.entries_keyed

    def counted(db: Any, kind: str, keys: Any) -> Any:
        out = keyed(db, kind, keys)
        if kind == "agreements":
            read.append(sorted(str(e["id"]) for e in out))
        return out

    monkeypatch.setattr(record_module, "entries_keyed", counted)
    try:
        histories = {str(h["id"]): h for h in (store.load_record() or {})["agreements"]}
        assert len(histories) == 3
        changed = [h for h, e in histories.items() if e["entries"][0]["date"] == signing]
        _add(store, signed(docs[0] if first else docs[3], signing))
        _refreshed_equals_rebuild(store, "updated")
        assert read == [changed], read
        after = {str(h["id"]) for h in (store.load_record() or {})["agreements"]}
        assert len(after) == 3 and (after == set(histories)) is not first
    finally:
        store.close()


def test_a_record_written_before_its_histories_had_statement_rows(
    sources: list[Source], new_store: Any
) -> None:
    """A history holding its statements in its payload (a record written before migration
    023) reads the same, and the first update splits it into statement rows once
    (`fill_agreement_entries`); the record then equals a full rebuild."""
    from bilat.store.agreement_entries import fill_agreement_entries

    stating = [i for i, s in enumerate(sources) if s[1].agreements]
    store = _store_with(new_store, sources, stating[:4])
    try:
        written = _snapshot(store)
        assert written["keys"]["agreement entries"]
        _as_written_before(
            store,
            "agreements",
            lambda a: a["id"],
            ["record_agreement_entries"],
            "agreement_entries_fill",
        )
        old = _snapshot(store)
        assert old["views"] == written["views"] and old["keys"]["agreement entries"] == []
        _add(store, sources[stating[4]])
        _refreshed_equals_rebuild(store, "updated")
        assert fill_agreement_entries(store.db) == 0  # split once
    finally:
        store.close()


def _claimed(value: float, qualifier: str, source: str, n: int) -> Figure:
    """A 2024 Russia-China turnover claim citing `source`."""
    figure = _turnover(value * 1e9, "2024", "RU<->CN", None)
    evidence = Evidence(n, n + 1, f"q{n}")
    return dataclasses.replace(figure, qualifier=qualifier, source_data=source, evidence=evidence)


def test_a_conflict_gaining_claims_equals_a_rebuild(sources: list[Source], new_store: Any) -> None:
    """A stored conflict whose sources repeat a few values (and bounds touching within float
    noise) gains an added document's claims: its subsets and reason, made from its claims
    weighed interval by interval and value by value, are those of a rebuild."""
    cc, fcs = "Chinese customs", "FCS"
    stored = [
        (
            _claimed(100, "exact", cc, 0),
            _claimed(100, "exact", cc, 1),
            _claimed(140, "approx", fcs, 2),
        ),
        (_claimed(100, "exact", cc, 0), _claimed(100 * (1 + 1e-12), "exact", fcs, 1)),
        (_claimed(180, "at_least", fcs, 0), _claimed(140, "approx", fcs, 1)),
    ]
    added = (_claimed(140, "exact", cc, 0), _claimed(100, "at_most", fcs, 1))
    made = [Extraction("x", None, "test", (_RU, _CN), figures=f) for f in (*stored, added)]
    docs = _handmade(sources, made)
    store = _store_with(new_store, docs, [0, 1, 2])
    try:
        _add(store, docs[3])
        _refreshed_equals_rebuild(store, "updated")
        (raw,) = [
            r["payload"]
            for r in store.db.all("SELECT payload FROM record_items WHERE kind = 'conflicts'")
        ]
        conflict = json.loads(raw)
        assert len(conflict["claims"]) == 9
        assert len(conflict["consistent_subsets"]) > 1
        assert cc in conflict["reason"] and fcs in conflict["reason"]
    finally:
        store.close()


def _statements_patching(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The statements run while the record is patched, as run (SQLite: values in place)."""
    run: list[str] = []
    patch = Store.patch_record

    def traced(self: Store, *args: Any, **kwargs: Any) -> None:
        self.db.conn.set_trace_callback(run.append)
        try:
            patch(self, *args, **kwargs)
        finally:
            self.db.conn.set_trace_callback(None)

    monkeypatch.setattr(Store, "patch_record", traced)
    return run


def _figure_plans(store: Store, run: list[str]) -> list[str]:
    """The query plans of the statements of `run` that read figure rows (`figures f`)."""
    reading = [sql for sql in run if sql.lstrip().startswith("SELECT") and " figures f" in sql]
    return [
        " | ".join(str(r[3]) for r in store.db.execute(f"EXPLAIN QUERY PLAN {sql}").fetchall())
        for sql in reading
    ]


def _ids_read(sql: str) -> str:
    """The figure ids a statement reads rows of by id (`f.id IN (...)`), or by their keys'
    conflict (every id it holds: `f.id = r.item_id`) as "every"."""
    if " figures f" not in sql:
        return ""
    if "f.id = r.item_id" in sql:
        return "every"
    found = re.search(r"f\.id IN \(([\d, ]+)\)", sql)
    return found.group(1) if found else ""


def _figures_by_id(store: Store, ids: list[int]) -> list[dict[str, Any]]:
    marks = ", ".join("?" for _ in ids)
    return store.db.all(f"SELECT doc_id FROM figures WHERE id IN ({marks})", ids)


def test_a_touched_group_reads_its_conflicts_not_its_figure_rows(
    sources: list[Source], new_store: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An added document's claim joins a stored conflict whose group holds many stored rows:
    the patch reads the figures page's groups of its conflicts from the conflicts kept per
    group (`record_conflict_groups`), and figure rows only of the added document, never a
    group's rows by measure and period nor a conflict's (they grow with the store); the
    update serves what a rebuild serves; the conflict gaining the claim, added again, reads
    the new figure row alone. Fails when the groups' conflicts are found from every figure
    row of their measure and period (SQLite: the plan searches the index `figures_measure`
    by measure and period), and when an added conflict reads every row it holds."""
    cc, fcs = "Chinese customs", "FCS"
    many = tuple(_claimed(100 + n, "exact", cc, n) for n in range(12))
    stored = [many, (_claimed(140, "approx", fcs, 0), _claimed(100, "exact", fcs, 1))]
    added = (_claimed(180, "at_least", fcs, 0),)
    made = [Extraction("x", None, "test", (_RU, _CN), figures=f) for f in (*stored, added)]
    docs = _handmade(sources, made)
    store = _store_with(new_store, docs, [0, 1])
    try:
        old = {int(r["doc_id"]) for r in store.db.all("SELECT doc_id FROM figures")}
        sqlite = store.db.dialect == "sqlite"  # PostgreSQL: the update and rebuild alone
        run = _statements_patching(monkeypatch) if sqlite else []
        _add(store, docs[2])
        assert refresh_record(store) == "updated"
        monkeypatch.undo()
        if sqlite:
            plans = _figure_plans(store, run)
            by_group = [p for p in plans if "INDEX figures_measure (" in p]  # not _doc
            assert plans and not by_group, by_group
            # the conflict gaining the claim reads its new row alone, not every one it holds
            (doc,) = {int(r["doc_id"]) for r in store.db.all("SELECT doc_id FROM figures")} - old
            reads = [_ids_read(sql) for sql in run]
            assert "every" not in reads
            ids = [int(i) for read in reads for i in re.findall(r"\d+", read)]
            assert ids and {int(r["doc_id"]) for r in _figures_by_id(store, ids)} == {doc}
        groups = store.db.all("SELECT * FROM record_conflict_groups")
        assert groups and {g["period"] for g in groups} == {"2024"}
        after = _snapshot(store)
        rebuild_record(store)
        assert after == _snapshot(store)
    finally:
        store.close()


def test_a_touched_conflict_keys_its_claims_from_their_figure_rows_alone(
    sources: list[Source], new_store: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A stored document holds one claim of a conflict and a dozen figures of other years
    (in no conflict); an added document's claim joins the conflict. The patch keys the
    conflict's claims to their figure rows from the rows at the claims' spans alone, not
    every figure row of the documents they are in (a touched conflict names every claim of
    its measure and period; its documents hold several times as many rows); the update
    equals a rebuild. Fails (SQLite: the figure rows the patch's key statements return)
    when every row of the claims' documents is read."""
    cc, fcs = "Chinese customs", "FCS"
    other = tuple(
        dataclasses.replace(
            _turnover((100 + n) * 1e9, str(2010 + n), "RU<->CN", None),
            source_data=cc,
            evidence=Evidence(n, n + 1, f"q{n}"),
        )
        for n in range(1, 13)
    )
    stored = [(_claimed(100, "exact", cc, 0), *other), (_claimed(140, "approx", fcs, 0),)]
    added = (_claimed(180, "at_least", fcs, 0),)
    made = [Extraction("x", None, "test", (_RU, _CN), figures=f) for f in (*stored, added)]
    docs = _handmade(sources, made)
    store = _store_with(new_store, docs, [0, 1])
    try:
        sqlite = store.db.dialect == "sqlite"  # PostgreSQL: the update and rebuild alone
        run = _statements_patching(monkeypatch) if sqlite else []
        _add(store, docs[2])
        assert refresh_record(store) == "updated"
        monkeypatch.undo()
        cited = {
            int(r["item_id"])
            for r in store.db.all("SELECT item_id FROM record_item_refs WHERE kind = 'conflicts'")
        }
        assert len(cited) == 3  # the conflict holds a claim of each document
        if sqlite:
            keyed = [sql for sql in run if "start_pos, end_pos, value FROM figures" in sql]
            read = {int(r[1]) for sql in keyed for r in store.db.execute(sql).fetchall()}
            assert keyed and read == cited, sorted(read - cited)
        after = _snapshot(store)
        rebuild_record(store)
        assert after == _snapshot(store)
    finally:
        store.close()


@pytest.mark.parametrize("named", ["Russia", "RF"])
def test_a_state_grown_by_its_gazetteer_id_is_named_as_a_rebuild_names_it(
    named: str, sources: list[Source], new_store: Any
) -> None:
    """Two added documents name Russia by its gazetteer id, as the stored actor is named
    (it is taken as it was, its members put in: `actor_growth._grown_alike`) or as "RF",
    outnumbering the stored "Russia" (it is built again from every member and renamed).
    Either way the actor grows in place, its stored member rows kept, and the update
    equals a full rebuild."""

    def russia(name: str) -> Extraction:
        return _made((Actor(name, "state", "RU", None, (), "RU"),))

    dated = [d for d, _, years in sources if years == 0 and d.published][:2]
    old = [(d, russia(name), 0) for d, name in zip(dated, ("Russia", "RF"), strict=True)]
    store = _store_with(new_store, old, [0, 1])
    try:
        before = _member_rows(store)
        for d in dated:  # copies a year later: after the stored ones in reading order
            _add(store, (d, russia(named), 1))
        assert refresh_record(store) == "updated"
        after = _member_rows(store)
        assert set(before["RU"]) < set(after["RU"])  # grown in place
        actor = next(a for a in store.load_record()["actors"] if a["id"] == "RU")
        assert actor["name"] == ("Russia" if named == "Russia" else "RF")
        snapshot = _snapshot(store)
        rebuild_record(store)
        assert snapshot == _snapshot(store)
    finally:
        store.close()


def test_a_person_of_no_id_grows_the_stored_actor_of_her_name(
    sources: list[Source], new_store: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two stored documents name "Anna Petrova" (no gazetteer id) with a title no one is
    named; an added later copy names her too. The update places her in the stored actor
    by her name (`actor_growth.placed_members`): nothing is clustered again (fails on main
    before delta51: her actor's members were), the actor grows in place, and the record
    equals a full rebuild."""
    from bilat.reconcile import actor_growth

    def petrova() -> Extraction:
        anna = Actor("Anna Petrova", "person", "RU", None, ("Energy Minister",), None)
        return _made((anna, _RU))

    dated = [d for d, _, years in sources if years == 0 and d.published][:2]
    store = _store_with(new_store, [(d, petrova(), 0) for d in dated], [0, 1])
    clustered: list[int] = []
    cluster = actor_growth.cluster_members

    def spy(members: Any, *args: Any) -> Any:
        clustered.append(len(members))
        return cluster(members, *args)

    monkeypatch.setattr(actor_growth, "cluster_members", spy)
    try:
        before = _member_rows(store)
        _add(store, (dated[0], petrova(), 1))  # a copy a year later: after them
        assert refresh_record(store) == "updated"
        assert clustered == [0]
        after = _member_rows(store)
        assert set(before["person:anna petrova"]) < set(after["person:anna petrova"])
        snapshot = _snapshot(store)
        rebuild_record(store)
        assert snapshot == _snapshot(store)
    finally:
        store.close()


class _Read:
    """A cursor that keeps every row fetched through it (in `rows`)."""

    def __init__(self, cur: Any, rows: list[tuple[Any, ...]]) -> None:
        self.cur, self.rows = cur, rows

    def fetchall(self) -> list[Any]:
        out = self.cur.fetchall()
        self.rows += out
        return list(out)

    def fetchmany(self, n: int = 1) -> list[Any]:
        out = self.cur.fetchmany(n)
        self.rows += out
        return list(out)

    def fetchone(self) -> Any:
        out = self.cur.fetchone()
        if out is not None:
            self.rows.append(out)
        return out

    def __iter__(self) -> Iterator[Any]:
        return iter(self.fetchall())

    def __getattr__(self, name: str) -> Any:
        return getattr(self.cur, name)


def test_an_update_reads_no_member_of_an_actor_it_does_not_touch(
    sources: list[Source], new_store: Any
) -> None:
    """Adding a document naming China reads the stored members of the actors it may join
    or tie to and of the documents those hold, not those of an actor of other documents
    (Gazprom here): the stored members are read by actor or document when asked, not
    every member row of the record (963,293 at 100,000 documents); the record equals a
    full rebuild."""
    gazprom = Actor("Gazprom", "company", "RU", None, (), None)
    made = _handmade(
        sources,
        [
            _made((_RU, _CN, _PUTIN, _XI)),
            _made((_CN, _XI)),
            _made((gazprom, Actor("Alexey Miller", "person", "RU", None, (), None))),
            _made((_CN,)),
        ],
    )
    store = _store_with(new_store, made, [0, 1, 2])
    try:
        held = {r["ref"] for r in store.db.all("SELECT ref FROM record_actor_members")}
        theirs = {ref for ref in held if ref.endswith((":Gazprom", ":Alexey Miller"))}
        assert len(theirs) == 2
        _add(store, made[3])
        rows: list[tuple[Any, ...]] = []
        execute = store.db.execute

        def reading(sql: str, params: Any = ()) -> Any:
            cur = execute(sql, params)
            return _Read(cur, rows) if "record_actor_members" in sql else cur

        store.db.execute = reading  # type: ignore[method-assign]
        try:
            assert refresh_record(store) == "updated"
        finally:
            del store.db.execute
        read = {v for row in rows for v in row if isinstance(v, str)}
        assert read & held  # China's members were read (it gains one)
        assert not read & theirs
        after = _snapshot(store)
        rebuild_record(store)
        assert after == _snapshot(store)
    finally:
        store.close()


def test_an_update_reads_the_names_of_no_document_it_resolves_none_of(
    sources: list[Source], new_store: Any
) -> None:
    """Adding a document naming China reads the stored actors' names by document, of the
    documents whose names the update resolves, and each actor's distinct names once: no
    row it reads holds a document (Gazprom's, here) beside the names it wrote. Fails when
    the stored actor index is made of every member row (963,293 at 100,000 documents, of
    which an update resolves names in a quarter of the documents); the record equals a
    full rebuild."""
    gazprom = Actor("Gazprom", "company", "RU", None, (), None)
    made = _handmade(
        sources,
        [
            _made((_RU, _CN, _PUTIN, _XI)),
            _made((gazprom, Actor("Alexey Miller", "person", "RU", None, (), None))),
            _made((_CN, _XI)),
            _made((_CN,)),
        ],
    )
    store = _store_with(new_store, made, [0, 1, 2])
    try:
        doc = store.db.scalar(
            "SELECT doc_id FROM record_actor_members WHERE name = ?", ("Gazprom",)
        )
        _add(store, made[3])
        rows: list[tuple[Any, ...]] = []
        execute = store.db.execute

        def reading(sql: str, params: Any = ()) -> Any:
            cur = execute(sql, params)
            return _Read(cur, rows) if "record_actor_members" in sql else cur

        store.db.execute = reading  # type: ignore[method-assign]
        try:
            assert refresh_record(store) == "updated"
        finally:
            del store.db.execute
        assert any("China" in row for row in rows)  # China's names were read
        assert not [row for row in rows if doc in row and "Gazprom" in row]
        after = _snapshot(store)
        rebuild_record(store)
        assert after == _snapshot(store)
    finally:
        store.close()


def test_the_stored_index_read_by_document_is_the_index_of_every_member(
    sources: list[Source], new_store: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The stored actors' index (`stored_index`: its name keys grouped by SQL, each
    document's names read when asked) resolves as `actor_index` of the actors read whole:
    each document read alone, several in one go (`prefetch`), every one in one pass once
    many are asked one by one, and iterated."""
    store = _store_with(new_store, sources[:6], list(range(6)))
    try:
        whole = actor_index(stored_actors(store.db))
        docs = sorted(whole.by_doc)
        assert len(docs) >= 4
        for one_by_one in (1000, 2):
            monkeypatch.setattr(_stored_members, "_ONE_BY_ONE", one_by_one)
            reader = MemberReader(store.db)
            made = stored_index(store.db, stored_actors(store.db, reader), reader)
            assert made is not None
            index = made[0]
            assert index.by_key == whole.by_key
            assert index.state_names == whole.state_names
            index.prefetch(docs[:2])
            for doc in [*docs, -1]:
                assert index.by_doc.get(doc) == whole.by_doc.get(doc)
                for name in ("China", "Russia", "Xi Jinping", "nobody"):
                    assert index.resolve(doc, name) == whole.resolve(doc, name)
            assert dict(index.by_doc) == dict(whole.by_doc)
            assert len(index.by_doc) == len(whole.by_doc)
    finally:
        store.close()


def _reads(store: Store, rows: list[tuple[Any, ...]], live: list[bool]) -> Callable[..., Any]:
    """`store.db.execute` keeping the rows read of `record_actor_members` while `live[0]`."""
    execute = store.db.execute

    def reading(sql: str, params: Any = ()) -> Any:
        cur = execute(sql, params)
        return _Read(cur, rows) if live[0] and "record_actor_members" in sql else cur

    return reading


def _china_store(new_store: Any, sources: list[Source]) -> tuple[Store, list[Source], set[str]]:
    """A store of eight documents naming China (two of them as "PRC" too, so its members
    are of two kinds), Russia and their leaders, a ninth naming China to add; and the refs
    of China's stored members."""
    prc = dataclasses.replace(_CN, aliases=("PRC",))
    made = _handmade(
        sources,
        [
            *(_made((_RU, prc if n in (2, 5) else _CN, _PUTIN, _XI)) for n in range(8)),
            _made((_CN, _XI)),
        ],
    )
    store = _store_with(new_store, made, list(range(8)))
    held = store.db.all("SELECT actor, ref FROM record_actor_members")
    china = {r["ref"] for r in held if r["ref"].endswith(":China")}
    assert len(china) == 8 and {r["actor"] for r in held if r["ref"] in china} == {"state:china"}
    return store, made, china


def test_placing_a_member_reads_the_first_two_of_each_kind_of_an_actor(
    sources: list[Source], new_store: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Placing the new members (`actor_growth.placed_members`) weighs, of each stored actor
    they may join, the first two members of each kind (read from the store:
    `MemberReader.kinds_of`), not every member: of China's eight (two kinds), four; the
    record equals a full rebuild."""
    store, made, china = _china_store(new_store, sources)
    try:
        _add(store, made[8])
        rows: list[tuple[Any, ...]] = []
        live = [False]
        placing = actor_growth.placed_members

        def spy(*args: Any) -> Any:
            live[0] = True
            try:
                return placing(*args)
            finally:
                live[0] = False

        monkeypatch.setattr(actor_growth, "placed_members", spy)
        store.db.execute = _reads(store, rows, live)  # type: ignore[method-assign]
        try:
            assert refresh_record(store) == "updated"
        finally:
            del store.db.execute
        read = {v for row in rows for v in row if isinstance(v, str)}
        assert 0 < len(read & china) <= 4
        after = _snapshot(store)
        rebuild_record(store)
        assert after == _snapshot(store)
    finally:
        store.close()


def test_a_grown_actor_is_not_read_whole(sources: list[Source], new_store: Any) -> None:
    """A stored actor a new member joins (China: a state's actor holds a member per
    document naming it) keeps its stored members unread: the new member's place is counted
    from their documents alone (one column), whether it changes the actor's names from the
    first members of each kind, and only the new row is written. The update reads four of
    China's eight member rows (the first two of each kind); the record equals a full
    rebuild."""
    store, made, china = _china_store(new_store, sources)
    try:
        _add(store, made[8])
        rows: list[tuple[Any, ...]] = []
        store.db.execute = _reads(store, rows, [True])  # type: ignore[method-assign]
        try:
            assert refresh_record(store) == "updated"
        finally:
            del store.db.execute
        read = {v for row in rows for v in row if isinstance(v, str)}
        assert 0 < len(read & china) <= 4
        members = store.db.all("SELECT ref FROM record_actor_members WHERE actor = 'state:china'")
        assert len(members) == 9  # (it gained the new one)
        after = _snapshot(store)
        rebuild_record(store)
        assert after == _snapshot(store)
    finally:
        store.close()


def test_the_old_side_of_placing_reads_alike_from_the_first_of_each_kind(
    sources: list[Source], new_store: Any
) -> None:
    """What placing new members weighs of the stored actors (`actor_growth._Old`) is the
    same made from every member of each actor as from its first two of each kind read
    from the store (`MemberReader.kinds_of`, equal to `first_of_kinds` of its members),
    for members of any documents as the new ones."""
    store = _store_with(new_store, sources, list(range(30)))
    try:
        full = stored_actors(store.db)
        reader = MemberReader(store.db)
        lazy = stored_actors(store.db, reader)
        assert [a.id for a in full] == [a.id for a in lazy]
        for a in full:
            assert reader.kinds_of(a.id) == first_of_kinds(a.members)
        every = [m for a in full for m in a.members]
        docs = sorted({m.doc_id for m in every})
        assert len(docs) >= 20
        assert any(len(first_of_kinds(a.members)) < len(a.members) for a in full)
        rng = random.Random(13)
        for _ in range(8):
            picked = set(rng.sample(docs, 3))
            new = [m for m in every if m.doc_id in picked]
            fresh = stored_actors(store.db, MemberReader(store.db))  # (none read yet)
            assert actor_growth._Old.of(full, new, set()) == actor_growth._Old.of(fresh, new, set())
            held = {a.id for a in full if rng.random() < 0.5}
            assert actor_growth._Old.of(full, new, set(), held) == actor_growth._Old.of(
                fresh, new, set(), held
            )
            assert not any(a.members._found for a in fresh)  # type: ignore[attr-defined]
    finally:
        store.close()


def _decades(store: Store, sources: list[Source], decades: range) -> list[Source]:
    """Copies of the corpus's documents, one per decade of `decades` (ten years apart)."""
    originals = [s for s in sources if s[2] == 0]
    for decade in decades:
        for doc, ext, _ in originals:
            _add(store, (doc, ext, 10 * decade))
    return originals


def test_an_update_reads_the_outlines_of_the_months_it_reaches(
    sources: list[Source], new_store: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The events replay reads the stored events' outlines a type, mode and month at a time
    as it reaches them (`Mentions.shelf`: by index, `bilat.store.event_shelves`), not every
    event's: with the corpus copied a decade apart, two copies added a year after one
    decade's read the outlines of few stored events; the record still equals a rebuild."""
    store = new_store()
    try:
        originals = _decades(store, sources, range(1, 7))
        rebuild_record(store)
        for doc, ext, _ in originals[:2]:
            _add(store, (doc, ext, 31))
        read: list[int] = []
        for name in ("event_outlines", "event_outlines_of"):
            every = getattr(record_delta, name, None)
            if every is None:
                continue

            def reading(*args: Any, every: Any = every) -> Iterator[Any]:
                for row in every(*args):
                    read.append(int(row[0]))
                    yield row

            monkeypatch.setattr(record_delta, name, reading)
        assert refresh_record(store) == "updated"
        monkeypatch.undo()
        stored = int(store.db.all("SELECT COUNT(*) AS n FROM events")[0]["n"])
        assert read and len(read) < stored / 4, (len(read), stored)
        after = _snapshot(store)
        rebuild_record(store)
        assert after == _snapshot(store)
    finally:
        store.close()


def test_a_shelf_read_from_the_store_holds_every_mention_of_its_month(
    sources: list[Source], new_store: Any
) -> None:
    """`Mentions.shelf` over the store's events (`Shelves`) holds, of each type, mode and
    month, every mention whose span or publication touches it (`_months_of`), as the
    outlines of every event tell: events dated to a day, a month or a year, spans over
    years (`date_end`), a publication alone, an unparseable date."""
    store = new_store()
    try:
        originals = _decades(store, sources, range(1, 3))
        doc, ext, _ = originals[0]
        kind, mode = ext.events[0].type, ext.events[0].mode
        dates = [
            ("2021", "2024-05"), ("2023-12-31", "2024-01-02"), ("2023-12", None),
            ("2024-02", "2023"), (None, None), ("24 May", None), ("2015-06-30", "2031"),
        ]  # fmt: skip
        spans = tuple(dataclasses.replace(ext.events[0], date=a, date_end=b) for a, b in dates)
        _add(store, (doc, dataclasses.replace(ext, events=(*ext.events, *spans)), 0))
        inputs = load_sourced(store)
        index = actor_index(())  # sketches only: no mention is made
        every = record_delta._stored_events(store)
        whole = Mentions(inputs, index, dataclasses.replace(every, shelves=None))
        options = ReconcileOptions()
        months: dict[tuple[str, str, str], set[str]] = {}
        for ref, (_, span, published, t, m) in whole.sketch.items():
            for month in _months_of(span, published, options):
                months.setdefault((t, m, month), set()).add(ref)
        assert (kind, mode, "2022-07") in months  # within the span of four years
        # one `Mentions` asked every shelf (past a tenth of the documents read, it reads
        # every outline at once: `_read_whole`), and a new one per shelf (read by month)
        lazy = Mentions(inputs, index, every)
        days, pad = options.event_window_days, options.undated_publication_days
        for (t, m, month), refs in sorted(months.items()):
            for mentions in (lazy, Mentions(inputs, index, every)):
                found = {
                    r
                    for r in mentions.shelf(t, m, month, days, pad)
                    if month in _months_of(*mentions.sketch[r][1:3], options)
                }
                assert found == refs, (t, m, month)
                assert {r: mentions.sketch[r] for r in found} == {r: whole.sketch[r] for r in refs}
    finally:
        store.close()
