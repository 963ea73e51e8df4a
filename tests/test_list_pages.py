"""Lists a page at a time (bilat.serve.lists, record_pages, actor_page): walking the pages
gives exactly the whole lists `bilat.serve.queries` builds (same items, same order, same
reviews), with filters and pair views; the counts kept with the record equal the counted
lists; the pages' statements reach the big tables through indexes.

One store per dialect, built as `bilat ingest examples/corpus` builds it, with reviews: a
rejected event, an event whose type was edited, a rejected figure and a figure whose flow
was edited (so the reviewed values differ from the stored ones the indexes hold).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest

from bilat.config import load_options
from bilat.pipeline import ingest_and_extract
from bilat.record import rebuild_record
from bilat.serve import create_app, queries, record_pages
from bilat.serve.actor_page import actor_detail
from bilat.serve.lists import EventFilters, FigureFilters, events_page, figures_page
from bilat.serve.record import conflict_header
from bilat.serve.review import load_reviews
from bilat.store import Store, judgements, open_store
from bilat.store import queries as q
from conftest import _drop_pg, _pg_url, asgi_get

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"
VIEWS = (None, "CN-RU", "IN-RU")
EVENT_FILTERS = (
    EventFilters(),
    EventFilters(actor="Xi Jinping"),
    EventFilters(actor="putin"),
    EventFilters(type="CONSULT"),
    EventFilters(mode="meeting", status="occurred"),
    EventFilters(since="2024-01", until="2024-12-31"),
    EventFilters(since="2025"),
)


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from corpus_db(request.param, tmp_path_factory)


def corpus_db(
    dialect: str,
    tmp_path_factory: pytest.TempPathFactory,
    more: Callable[[Store], None] | None = None,
) -> Iterator[str]:
    """The URL of a store of the corpus with `_review`'s reviews (and `more`), dropped after."""
    sqlite = dialect == "sqlite"
    url = str(tmp_path_factory.mktemp("lists") / "bilat.db") if sqlite else _pg_url()
    store = open_store(url)
    try:
        ingest_and_extract(store, [str(CORPUS)], load_options(None, db=url))
        _review(store)
        if more is not None:
            more(store)
    finally:
        store.close()
    yield url
    if not sqlite:
        _drop_pg(url)


def _review(store: Store) -> None:
    """Reject and edit a few items so reviewed values differ from the stored ones."""
    events = q.item_rows(store.db, "events")
    figures = [f for f in q.item_rows(store.db, "figures") if f["flow"]]
    with store.transaction():
        judgements.add_judgement(store.db, "events", events[0]["id"], "reject", "t")
        edit = {"type": "THREATEN"}
        judgements.add_judgement(store.db, "events", events[5]["id"], "edit", "t", edit)
        judgements.add_judgement(store.db, "figures", figures[0]["id"], "reject", "t")
        flow = {"flow": "IN->RU"}
        judgements.add_judgement(store.db, "figures", figures[1]["id"], "edit", "t", flow)
        rebuild_record(store)


@pytest.fixture(scope="module")
def store(db: str) -> Iterator[Store]:
    s = open_store(db)
    yield s
    s.close()


def _walk(fetch: Callable[[Any], Any], first: Any) -> list[dict[str, Any]]:
    seen: list[dict[str, Any]] = []
    after = first
    while True:
        page = fetch(after)
        seen += page.items
        if page.next is None:
            return seen
        after = page.next


@pytest.mark.parametrize("pair", VIEWS)
@pytest.mark.parametrize("limit", [1, 7])
def test_event_pages_walk_to_the_whole_list(store: Store, pair: str | None, limit: int) -> None:
    s = store.for_pair(pair)
    for f in EVENT_FILTERS:
        for rejected in (False, True):
            want = queries.events(
                s,
                **{k: getattr(f, k) for k in ("actor", "type", "mode", "since", "until")},
                status=f.status,
                include_rejected=rejected,
            )
            got = _walk(
                lambda after, f=f, r=rejected: events_page(
                    s, f, include_rejected=r, after=after, limit=limit
                ),
                None,
            )
            assert got == want, (f, rejected)
    if pair is None:  # the edited type is found though the index holds the stored one
        edited = EventFilters(type="THREATEN")
        assert _walk(lambda after: events_page(s, edited, after=after), None)


@pytest.mark.parametrize("pair", VIEWS)
def test_record_pages_walk_to_the_whole_lists(store: Store, pair: str | None) -> None:
    s = store.for_pair(pair)
    lists = {
        "conflicts": (record_pages.conflicts_page, lambda **k: queries.conflicts(s, **k)),
        "commitments": (
            record_pages.commitments_page,
            lambda **k: queries.commitments(s, **k)["statuses"],
        ),
        "agreements": (
            record_pages.agreements_page,
            lambda **k: queries.agreements(s, **k)["histories"],
        ),
    }
    for kind, (page_of, whole) in lists.items():
        for dates in ({}, {"since": "2024-01-01", "until": "2024-06-30"}, {"since": "2025"}):
            want = whole(**dates)
            for limit in (1, 4):
                got = _walk(
                    lambda after, p=page_of, d=dates, n=limit: p(s, after=int(after), limit=n, **d),
                    -1,
                )
                assert got == want, (kind, dates, limit)
    assert queries.conflicts(s) or pair == "IN-RU", "the corpus has conflicts"


def _unnamed(c: dict[str, Any]) -> dict[str, Any]:
    """A conflict with no claim's `item_id`."""
    claims = [{**cl, "item_id": None} for cl in c["claims"]]
    positions = [
        {**p, "claims": [{**cl, "item_id": None} for cl in p["claims"]]} for p in c["positions"]
    ]
    return {**c, "claims": claims, "positions": positions}


class _Undo(Exception):
    """Raised to roll a test's reviews back."""


def _named_pages_are_the_whole_list(s: Store) -> int:
    """Compare the pages with `named` to the whole list; how many claims are reviewed."""
    want = queries.conflicts(s)
    for named in ((0, 0), (1, 1), (2, 3)):
        got = _walk(
            lambda after, n=named: record_pages.conflicts_page(
                s, after=int(after), limit=2, named=n
            ),
            -1,
        )
        assert [_unnamed(c) for c in got] == [_unnamed(c) for c in want]
        for g, w in zip(got, want, strict=True):
            shown = {id(cl) for p in g["positions"][: named[0]] for cl in p["claims"][: named[1]]}
            for cl, whole in zip(g["claims"], w["claims"], strict=True):
                keep = id(cl) in shown or whole["review"]["state"] != "unreviewed"
                assert cl["item_id"] == (whole["item_id"] if keep else None)
    return sum(cl["review"]["state"] != "unreviewed" for c in want for cl in c["claims"])


@pytest.mark.parametrize("pair", VIEWS)
def test_conflict_pages_name_only_the_rows_of_the_claims_shown(
    store: Store, pair: str | None
) -> None:
    """With `named` (positions, claims), a page of conflicts reviews every claim as the whole
    list does, from the reviewed rows alone, and names (`item_id`) the rows of the claims it
    shows and of the reviewed ones only: the rows of the other claims are not read. Checked
    as stored, then with a claim accepted and one edited (rolled back)."""
    s = store.for_pair(pair)
    _named_pages_are_the_whole_list(s)
    claims = [cl for c in queries.conflicts(s) for cl in c["claims"] if cl["item_id"]]
    if not claims:
        assert pair == "IN-RU", "the corpus has conflicts"
        return
    with pytest.raises(_Undo), s.transaction():
        judgements.add_judgement(s.db, "figures", claims[0]["item_id"], "accept", "t")
        edit = {"value": float(claims[-1]["value"]) + 1}
        judgements.add_judgement(s.db, "figures", claims[-1]["item_id"], "edit", "t", edit)
        assert _named_pages_are_the_whole_list(s) >= 2
        raise _Undo


@pytest.mark.parametrize("pair", [*VIEWS, "KZ-RU"])
def test_kept_counts_equal_the_counted_lists(store: Store, pair: str | None) -> None:
    s = store.for_pair(pair)
    counted = queries.tally(
        queries.events(s),
        queries.figures(s),
        queries.conflicts(s),
        queries.commitments(s)["statuses"],
        queries.agreements(s)["histories"],
    )
    assert record_pages.overview_counts(s) == counted
    revs = load_reviews(s)
    expected: dict[str, Any] = {}
    for kind in (*q.ITEM_KINDS, "actors"):
        states: dict[str, int] = {}
        ids = q.item_ids(s.db, kind)
        for row in ids:
            state = revs.state(kind, row["id"])
            states[state] = states.get(state, 0) + 1
        expected[kind] = {"total": len(ids) - states.get("rejected", 0), "review": states}
    assert record_pages.item_states(s, revs) == expected


def test_counts_fall_back_to_the_lists_when_the_record_is_stale(db: str, store: Store) -> None:
    other = open_store(db)
    try:
        doc = q.item_rows(other.db, "figures")[3]
        with other.transaction():
            made = judgements.add_judgement(other.db, "figures", doc["id"], "reject", "t")
        assert record_pages.overview_counts(store) is None  # another state's counts
        assert queries.counts(store)["figures"] == len(queries.figures(store))
        with other.transaction():
            judgements.revoke_judgement(other.db, made["id"])
            rebuild_record(other)
    finally:
        other.close()
    assert record_pages.overview_counts(store) == queries.tally(
        queries.events(store),
        queries.figures(store),
        queries.conflicts(store),
        queries.commitments(store)["statuses"],
        queries.agreements(store)["histories"],
    )


@pytest.mark.parametrize("pair", VIEWS)
def test_actor_page_and_figures_of_a_measure_equal_the_whole_lists(
    store: Store, pair: str | None
) -> None:
    s = store.for_pair(pair)
    for actor in queries.actors(s)[:25]:
        old, new = queries.actor_detail(s, actor["name"]), actor_detail(s, actor["name"])
        assert new.pop("more") == {
            k: False for k in ("events", "figures", "agreements", "commitments")
        }
        assert new == old, actor["name"]
    measures = {f["measure"] for f in queries.figures(s, include_rejected=True)}
    assert measures
    for m in measures:
        for rejected in (False, True):
            whole = queries.figures(s, include_rejected=rejected)
            assert queries.figures(s, measure=m, include_rejected=rejected) == [
                f for f in whole if f["measure"] == m
            ]
        mine = [c for c in queries.conflicts(s) if c["measure"] == m]
        assert queries.conflicts(s, measure=m) == mine
    for f in (
        FigureFilters(),
        FigureFilters(measure=sorted(measures)[0]),
        FigureFilters(since="2024"),
    ):
        for rejected in (False, True):
            want = queries.figures(s, **asdict(f), include_rejected=rejected)
            got = _walk(
                lambda after, f=f, r=rejected: figures_page(
                    s, f, include_rejected=r, after=after, limit=3
                ),
                None,
            )
            assert got == want, f


def test_api_and_pages_follow_next_and_keep_the_filters(db: str, store: Store) -> None:
    app = create_app(db, None)
    try:
        seen = _follow(app, "/api/events?pair=all&type=CONSULT&limit=5", 5)
        assert seen == queries.events(store.for_pair(None), type="CONSULT")
        assert _follow(app, "/api/conflicts?pair=all&limit=1", 1) == [
            conflict_header(c) for c in queries.conflicts(store.for_pair(None))
        ]
        csv = asgi_get(app, "/api/events?pair=all&type=CONSULT&limit=5&format=csv")
        assert len(csv.text.strip().splitlines()) == len(seen) + 1
        page = asgi_get(app, "/timeline?pair=all&type=CONSULT").text
        assert "Next page" not in page  # the corpus fits one page of 100 mentions
        conflicts = asgi_get(app, "/conflicts?pair=all&since=2020").text
        assert 'rel="next"' not in conflicts or "since=2020" in conflicts
        assert asgi_get(app, "/api/events?after=nonsense").status_code == 422
        assert asgi_get(app, "/conflicts?after=x").status_code == 422
    finally:
        app.state.bilat.close()


def _follow(app: Any, url: str, limit: int) -> list[dict[str, Any]]:
    """Every item of a list API, following its `Link: <...>; rel="next"` headers."""
    seen: list[dict[str, Any]] = []
    next_url: str | None = url
    while next_url:
        response = asgi_get(app, next_url)
        assert response.status_code == 200 and len(response.json()) <= limit
        seen += response.json()
        link = re.match(r"<([^>]+)>; rel=\"next\"", response.headers.get("link", ""))
        next_url = link.group(1).removeprefix("http://t") if link else None
    return seen


_BIG = ("documents", "events", "figures", "agreements", "commitments", "actors", "record_items")
PATHS = (
    "/timeline?actor=Xi+Jinping",
    "/api/events?type=CONSULT",
    "/api/events?since=2024-01-01&until=2024-12-31",
    "/timeline?pair=IN-RU",
    "/figures?measure=trade_turnover",
    "/api/figures?measure=trade_turnover",
    "/conflicts",
    "/commitments",
    "/actors/Xi%20Jinping",
    "/",
)


def test_paths_reach_the_big_tables_through_indexes(db: str, store: Store) -> None:
    """Every statement of these paths reads the big tables through an index (SQLite EXPLAIN
    QUERY PLAN: no plain SCAN of them; PostgreSQL EXPLAIN with sequential scans priced out,
    as on the corpus's few rows the planner would scan anyway: an index path must exist)."""
    seen = reads_of(db, store, PATHS)
    scans = [(sql, line) for sql, params in seen for line in _plan(store, sql, params)]
    assert seen and not [s for s in scans if _scans_big(s[1])], scans


def test_a_rare_pairs_timeline_reads_its_mentions_newest_first(db: str, store: Store) -> None:
    """A pair in under a fifth of the mentions starts at its mentions in date order
    (`record_pair_mentions`): on SQLite one index range, no sort, stopping after a page (it
    walked every event before); its rows are every mention of the pair's clusters. The
    store's own pair (most mentions) is checked per row by its keys."""
    mentions = store.db.scalar("SELECT COUNT(*) FROM record_item_refs WHERE kind = 'events'")
    n = store.db.scalar("SELECT COUNT(*) FROM record_pair_mentions WHERE pair = 'IN-RU'")
    assert 0 < n * 5 < mentions
    seen = [s for s in reads_of(db, store, ("/api/events?pair=IN-RU",)) if "pm.pair" in s[0]]
    assert seen
    if store.db.dialect == "sqlite":
        plan = _plan(store, *seen[0])
        assert plan[0].startswith("SEARCH pm USING"), plan
        assert not [line for line in plan if "TEMP B-TREE" in line], plan
    for pair in ("IN-RU", "CN-RU"):
        keyed = store.db.scalar(
            "SELECT COUNT(*) FROM record_item_refs r JOIN record_item_pairs p "
            "ON p.kind = r.kind AND p.pos = r.pos WHERE r.kind = 'events' AND p.pair = ?",
            (pair,),
        )
        pm = "SELECT COUNT(*) FROM record_pair_mentions WHERE pair = ?"
        assert store.db.scalar(pm, (pair,)) == keyed > 0
    common = reads_of(db, store, ("/api/events?pair=CN-RU",))
    assert not [s for s in common if "pm.pair" in s[0]]


def test_an_actors_lists_read_each_name_newest_first(db: str, store: Store) -> None:
    """The actor page's figures and statements: per name one index range in (document, id)
    order, stopping after a page (no sort of every row naming the actor)."""
    seen = reads_of(db, store, ("/actors/Xi%20Jinping",))
    named = [s for s in seen if "said_by = ?" in s[0] or "item_parties p" in s[0]]
    assert {"figures", "agreements", "commitments"} <= {
        t for sql, _ in named for t in ("figures", "agreements", "commitments") if f"{t} i" in sql
    }
    if store.db.dialect == "sqlite":
        for sql, params in named:
            plan = _plan(store, sql, params)
            assert plan[0].startswith("SEARCH") and "INDEX" in plan[0], plan
            assert not [line for line in plan if "TEMP B-TREE" in line], plan


def reads_of(db: str, store: Store, paths: tuple[str, ...]) -> list[tuple[str, list[Any]]]:
    """The SELECT statements (with their parameters) the app runs to answer `paths`."""
    app = create_app(db, None)
    seen: list[tuple[str, list[Any]]] = []
    real = type(store.db).execute

    def spy(self: Any, sql: str, params: Any = ()) -> Any:
        if sql.lstrip().upper().startswith(("SELECT", "WITH")):
            seen.append((sql, list(params)))
        return real(self, sql, params)

    type(store.db).execute = spy  # type: ignore[method-assign]
    try:
        for path in paths:
            assert asgi_get(app, path).status_code == 200, path
    finally:
        type(store.db).execute = real  # type: ignore[method-assign]
        app.state.bilat.close()
    return seen


def _plan(store: Store, sql: str, params: list[Any]) -> list[str]:
    if store.db.dialect == "sqlite":
        rows = store.db.execute(f"EXPLAIN QUERY PLAN {sql}", params).fetchall()
        return [str(r[3]) for r in rows]
    store.db.execute("SET enable_seqscan = off")
    rows = store.db.execute(f"EXPLAIN {sql}", params).fetchall()
    store.db.execute("RESET enable_seqscan")
    return [str(r[0]) for r in rows]


def _scans_big(line: str) -> bool:
    for table in _BIG:
        if re.search(rf"^SCAN {table}\b(?! USING)", line.strip()):
            return True
        if re.search(rf"Seq Scan on {table}\b", line):
            return True
    return False


@pytest.mark.parametrize(
    ("table", "column"), [("events", "type"), ("events", "mode"), ("figures", "measure")]
)
def test_menus_are_the_distinct_values_of_current_rows(
    store: Store, table: str, column: str
) -> None:
    """The skip scan over the index lists what a DISTINCT over every current row lists."""
    from bilat.store import item_lists

    every = store.db.all(
        f"SELECT DISTINCT i.{column} AS v FROM {table} i JOIN documents d ON d.id = i.doc_id "
        "WHERE d.is_current = 1 AND d.status = 'ok'"
    )
    listed = item_lists.distinct_values(store.db, table, column)
    assert len(listed) >= 2 and listed == sorted(str(r["v"]) for r in every)
    with pytest.raises(ValueError, match="no index"):
        item_lists.distinct_values(store.db, "events", "place")
