"""The reads that searched whole lists now read one key or one page: permalinks
(`bilat.serve.one_item`), the statement lists and conflicts with the ones reviews settled
(`statement_pages`), and the figures of a measure (`figure_page`).

Each is compared with what the whole lists (`bilat.serve.queries`) give: a permalink finds
what a search of the whole list finds, and the pages of N, followed, give the whole list
exactly once and in order (with filters, pair views, rejected items). Their statements reach
the big tables through indexes (SQLite EXPLAIN QUERY PLAN; PostgreSQL EXPLAIN with
sequential scans priced out). One store per dialect: the corpus of test_list_pages with its
reviews, plus a rejected claim of a two-claim conflict, so reviews settle a conflict.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import pytest

import test_list_pages as tlp
from bilat.errors import NotFound
from bilat.record import rebuild_record
from bilat.serve import (
    commitment_view,
    create_app,
    figure_page,
    one_item,
    pages,
    queries,
    record_pages,
    statement_pages,
)
from bilat.serve.charts import chart_key, figure_charts
from bilat.serve.lists import timeline
from bilat.serve.record import conflict_header, conflict_id
from bilat.serve.review import Reviews
from bilat.store import Store, judgements
from bilat.store import item_lists as il
from bilat.store import item_pages as ip
from bilat.store import record_keys as keys
from bilat.store.judgements import Review
from conftest import asgi_get

VIEWS = tlp.VIEWS
DATES = ({}, {"since": "2024-01-01", "until": "2024-06-30"}, {"since": "2025"})


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from tlp.corpus_db(request.param, tmp_path_factory, _settle_a_conflict)


def _settle_a_conflict(store: Store) -> None:
    """Reject all claims but one of the conflict with fewest claims: reviews settle it."""
    conflicts = queries.conflicts(store.for_pair(None))
    assert conflicts, "the corpus has conflicts"
    fewest = min(conflicts, key=lambda c: len(c["claims"]))
    ids = sorted({cl["item_id"] for cl in fewest["claims"] if cl["item_id"]})
    with store.transaction():
        for i in ids[1:]:
            judgements.add_judgement(store.db, "figures", i, "reject", "t")
        rebuild_record(store)


store = tlp.store  # the module's store over `db` (as test_list_pages opens it)


# -- permalinks: one key read, the same item the whole list holds ----------------------------


@pytest.mark.parametrize("pair", VIEWS)
def test_event_permalinks_find_what_the_whole_timeline_holds(
    store: Store, pair: str | None
) -> None:
    s = store.for_pair(pair)
    groups = timeline(queries.events(s, include_rejected=True))
    assert groups
    for g in groups:
        assert one_item.event_group(s, g["id"]) == g
        for m in g["mentions"][:2]:
            assert one_item.event_group(s, str(m["id"])) == g
            assert one_item.event_group(s, f"events-{m['id']}") == g
    with pytest.raises(NotFound):
        one_item.event_group(s, "event:999999:e0")


@pytest.mark.parametrize("pair", VIEWS)
def test_figure_and_conflict_permalinks(store: Store, pair: str | None) -> None:
    s = store.for_pair(pair)
    figs = queries.figures(s, include_rejected=True)
    assert any(f["review"]["state"] == "rejected" for f in figs) or pair is not None
    for f in figs:
        same = [
            o
            for o in figs
            if o["id"] != f["id"]
            and (o["measure"], o.get("flow"), o.get("period"), o["unit"])
            == (f["measure"], f.get("flow"), f.get("period"), f["unit"])
        ]
        got, got_same = one_item.figure_claim(s, str(f["id"]))
        assert (got, got_same) == (f, same)
    listed = {f["id"] for f in figs}
    for f in queries.figures(store.for_pair(None), include_rejected=True):
        if f["id"] not in listed:  # another pair's figure is not in this view
            with pytest.raises(NotFound):
                one_item.figure_claim(s, str(f["id"]))
    conflicts = queries.conflicts(s, include_rejected=True)
    assert any(c["resolved"] for c in conflicts) or pair == "IN-RU"
    for c in conflicts:
        assert one_item.conflict(s, conflict_id(c)) == c
    with pytest.raises(NotFound):
        one_item.conflict(s, "trade_turnover|RU->XX|2024|USD|")


@pytest.mark.parametrize("pair", VIEWS)
def test_statement_permalinks(store: Store, pair: str | None) -> None:
    s = store.for_pair(pair)
    data = queries.agreements(s, include_rejected=True)
    for h in data["histories"]:
        assert one_item.agreement_history(s, h["id"]) == h
        for e in h["entries"]:
            if e.get("item_id"):  # the first history citing it (two may cite one quote)
                first = next(
                    x
                    for x in data["histories"]
                    if any(y.get("item_id") == e["item_id"] for y in x["entries"])
                )
                assert one_item.agreement_history(s, str(e["item_id"])) == first
    data = queries.commitments(s, include_rejected=True)
    assert data["items"]
    for item in data["items"]:
        status = next(
            (
                x
                for x in data["statuses"]
                if any(y.get("item_id") == item["id"] for y in x["sources"])
            ),
            None,
        )
        assert one_item.commitment(s, str(item["id"])) == (item, status)
    with pytest.raises(NotFound):
        one_item.commitment(s, "999999")
    with pytest.raises(NotFound):
        one_item.agreement_history(s, "agreement:999999:a0")


# -- pages of N give the whole lists ---------------------------------------------------------


def _walk_statements(s: Store, kind: str, limit: int, **kw: Any) -> tuple[list[Any], list[Any]]:
    items: list[Any] = []
    entries: list[Any] = []
    after = None
    while True:
        page = statement_pages.statements_page(s, kind, after=after, limit=limit, **kw)
        assert len(page.items) <= limit and len(page.entries) <= limit
        items += page.items
        entries += page.entries
        if page.next is None:
            return items, entries
        after = page.next


@pytest.mark.parametrize("pair", VIEWS)
@pytest.mark.parametrize("kind", ["agreements", "commitments"])
def test_statement_pages_walk_to_the_whole_lists(store: Store, pair: str | None, kind: str) -> None:
    s = store.for_pair(pair)
    view = statement_pages.VIEW[kind]
    for dates in DATES:
        for rejected in (False, True):
            want = getattr(queries, kind)(s, include_rejected=rejected, **dates)
            for limit in (1, 4):
                items, entries = _walk_statements(
                    s, kind, limit, include_rejected=rejected, **dates
                )
                assert (items, entries) == (want["items"], want[view]), (dates, rejected, limit)


@pytest.mark.parametrize("pair", VIEWS)
def test_conflict_pages_with_settled_ones_walk_to_the_whole_list(
    store: Store, pair: str | None
) -> None:
    s = store.for_pair(pair)
    for dates in DATES:
        want = queries.conflicts(s, include_rejected=True, **dates)
        for limit in (1, 3):
            got = tlp._walk(
                lambda after, d=dates, n=limit: statement_pages.conflicts_page(
                    s, after=after, limit=n, **d
                ),
                "-1",
            )
            assert got == want, (dates, limit)


def _follow(app: Any, url: str) -> list[Any]:
    """Every page of an API list, following its `Link: <...>; rel="next"` headers."""
    pages: list[Any] = []
    next_url: str | None = url
    while next_url:
        response = asgi_get(app, next_url)
        assert response.status_code == 200, response.text
        pages.append(response.json())
        link = re.match(r"<([^>]+)>; rel=\"next\"", response.headers.get("link", ""))
        next_url = link.group(1).removeprefix("http://t") if link else None
    return pages


def test_statement_and_conflict_apis_follow_next(db: str, store: Store) -> None:
    app = create_app(db, None)
    s = store.for_pair(None)
    try:
        for kind, view in statement_pages.VIEW.items():
            pages = _follow(app, f"/api/{kind}?pair=all&include_rejected=1&limit=2")
            assert len(pages) > 1
            whole = getattr(queries, kind)(s, include_rejected=True)
            assert [i for p in pages for i in p["items"]] == whole["items"]
            slim = [statement_pages.slim_entry(kind, e) for e in whole[view]]
            assert [e for p in pages for e in p[view]] == slim
            csv = asgi_get(app, f"/api/{kind}?pair=all&include_rejected=1&limit=2&format=csv")
            assert len(csv.text.strip().splitlines()) >= len(whole["items"]) + 1
            assert asgi_get(app, f"/api/{kind}?after=1.2").status_code == 422
        pages = _follow(app, "/api/conflicts?pair=all&include_rejected=1&limit=1")
        whole = queries.conflicts(s, include_rejected=True)
        assert [c for p in pages for c in p] == [conflict_header(c) for c in whole]
        assert asgi_get(app, "/api/conflicts?after=m").status_code == 422
        text = asgi_get(app, "/commitments?pair=all&include_rejected=1").text
        assert "rejected" in text and asgi_get(app, "/agreements?after=-1.x").status_code == 200
    finally:
        app.state.bilat.close()


def _text(db: str, path: str) -> str:
    """The page at `path` of an app on the store `db`."""
    app = create_app(db, None)
    try:
        return asgi_get(app, path).text
    finally:
        app.state.bilat.close()


def test_agreements_page_shows_the_latest_statements_of_each_history(
    db: str, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    histories = queries.agreements(store.for_pair(None))["histories"][
        : pages.RECORD_PAGE["agreements"]
    ]
    longest = max(len(h["entries"]) for h in histories)
    assert longest > 1, "the corpus has an agreement stated twice"
    monkeypatch.setattr(pages, "HISTORY_SHOWN", 1)
    text = _text(db, "/agreements?pair=all")
    shown = [ol.count("<li") for ol in re.findall(r'<ol class="history">(.*?)</ol>', text, re.S)]
    assert shown == [1 for _ in histories]
    assert f"{longest - 1} earlier statements" in text


@pytest.mark.parametrize("include_rejected", [False, True])
def test_latest_statements_of_a_history_pass_over_rejected_ones(
    store: Store, include_rejected: bool
) -> None:
    s = store.for_pair(None)
    raw = s.record_page("agreements", limit=50).items
    longest = max(raw, key=lambda h: len(h["entries"]))
    n = len(longest["entries"])
    assert n > 1, "the corpus has an agreement stated twice"
    (whole,) = [h for h in record_pages.agreements_page(s).items if h["id"] == longest["id"]]
    last = whole["entries"][-1]["item_id"]
    revs = Reviews({"agreements": {last: Review(0, "rejected", "t", "", {})}})
    (cut,) = record_pages.latest_statements(s, 1, include_rejected, [longest], revs)
    if include_rejected:
        assert cut["entries"] == longest["entries"][-1:] and cut["earlier"] == n - 1
    else:  # the rejected one is kept for the review to drop, and one more
        assert cut["entries"] == longest["entries"][-2:] and cut["earlier"] == n - 2


def _lists(status: dict[str, Any]) -> list[Any]:
    """The lists a status shows: its sources, dissenting and reported figures (if any)."""
    parts = (status["sources"], status.get("dissent"), status.get("evidence_figures"))
    return [p for p in parts if p]


def test_commitments_page_lists_the_first_statements_and_figures_of_each_status(
    db: str, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    statuses = queries.commitments(store.for_pair(None))["statuses"][
        : pages.RECORD_PAGE["commitments"]
    ]
    said = [len(c["sources"]) for c in statuses]
    assert max(said) > 1, "the corpus states a commitment twice"
    monkeypatch.setattr(commitment_view, "SHOWN", 1)
    text = _text(db, "/commitments?pair=all")
    lists = re.findall(r'<ul class="mentions">(.*?)</ul>', text, re.S)
    assert [x.count("<li") for x in lists] == [1 for c in statuses for x in _lists(c)]
    assert f"the first 1 of {max(said)} statements" in text
    bars = sum(len({f["value"] for f in c.get("evidence_figures") or []}) for c in statuses)
    assert text.count('class="bar-actual"') == bars  # one bar per value, of every figure


def test_a_status_draws_the_values_reported_most_often(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past BARS values, a status's bars are the values of most claims (ties: the higher),
    still drawn highest first and scaled to the target and the values drawn."""
    monkeypatch.setattr(commitment_view, "BARS", 2)
    values = [1.0, 1.0, 1.0, 2.0, 3.0, 3.0, 50.0]
    figures = [{"value": v, "unit": "USD", "doc": f"d{i}"} for i, v in enumerate(values)]
    status = {"commitment": {"value": 4.0}, "sources": [], "evidence_figures": figures}
    shown = commitment_view.shown(status)
    assert [(b["value"], b["n"]) for b in shown["reported"]] == [(3.0, 2), (1.0, 3)]
    assert (shown["values_total"], shown["top"], shown["actual_total"]) == (4, 4.0, 7)
    monkeypatch.setattr(commitment_view, "BARS", 4)
    shown = commitment_view.shown(status)
    assert [b["value"] for b in shown["reported"]] == [50.0, 3.0, 2.0, 1.0]
    assert shown["top"] == 50.0


# -- figures of a measure: charts from counts, claims a page at a time ---------------------


def _measures(s: Store) -> list[str]:
    return sorted({f["measure"] for f in queries.figures(s, include_rejected=True)})


@pytest.mark.parametrize("pair", VIEWS)
def test_small_charts_are_the_charts_of_every_claim(store: Store, pair: str | None) -> None:
    s = store.for_pair(pair)
    for m in _measures(s):
        for rejected in (False, True):
            figs = queries.figures(s, measure=m, include_rejected=rejected)
            made = figure_page.measure_charts(s, m, {}, rejected)
            want = figure_charts(figs, queries.conflicts(s, measure=m), min_claims=2)
            assert made.charts == want, m
            shown = {c.key for c in want}
            assert made.singles == [f for f in figs if chart_key(f) not in shown]


@pytest.mark.parametrize("pair", VIEWS)
def test_large_charts_count_every_claim_in_marks(
    store: Store, pair: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(figure_page, "DRAWN", 1)  # every chart of 2 or more claims: marks
    s = store.for_pair(pair)
    for m in _measures(s):
        for dates in DATES:
            figs = queries.figures(s, measure=m, **dates)
            made = figure_page.measure_charts(s, m, dates, False)
            by_key: dict[str, list[dict[str, Any]]] = {}
            for f in figs:
                by_key.setdefault(chart_key(f), []).append(f)
            assert {c.key: c.claims for c in made.charts} == {
                k: len(v) for k, v in by_key.items() if len(v) > 1
            }
            for c in made.charts:
                marks = [p for panel in c.wide.panels for p in panel.points]
                marks += list(c.wide.strip.points) if c.wide.strip else []
                claims = by_key[c.key]
                # one mark per period, outlet and qualifier; it spans their values
                groups = {(f.get("period"), f.get("outlet"), f["qualifier"]) for f in claims}
                assert len(marks) == len(groups)
                assert sum(bool(p.conflict) for p in marks) <= len(marks)
                assert any(p.conflict for p in marks) == any(f.get("conflict") for f in claims)


def _said(c: Any) -> tuple[str, str, str | None] | None:
    """What a chart's headline says: text, period, the id of its conflict (whose claims a
    large chart names no row of: it is not drawn)."""
    h = c.headline
    return None if h is None else (h.text, h.period, h.conflict and h.conflict["id"])


def _headlines_are_those_of_every_claim(s: Store) -> int:
    """Compare each large chart's headline with the chart of every claim's; how many."""
    heads = 0
    for m in _measures(s):
        figs = queries.figures(s, measure=m)
        want = figure_charts(figs, queries.conflicts(s, measure=m), min_claims=2)
        made = figure_page.measure_charts(s, m, {}, False)
        assert {c.key: _said(c) for c in made.charts} == {c.key: _said(c) for c in want}
        heads += sum(c.headline is not None for c in want)
    return heads


class _Undo(Exception):
    """Raised to roll a test's writes back."""


@pytest.mark.parametrize("pair", VIEWS)
def test_large_charts_headlines_are_those_of_every_claim(
    store: Store, pair: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A large chart's headline reads only its latest period's rows (`headline_rows`: the
    columns it needs; reviewed rows in full), or with no figure reviewed, the first claim
    in an open conflict (`_first_in_conflict`: by the rows' conflict keys), and says what
    the chart of every claim says. Checked with the corpus's reviews, then without any
    (deleted and the record rebuilt, rolled back)."""
    monkeypatch.setattr(figure_page, "DRAWN", 1)
    s = store.for_pair(pair)
    assert _headlines_are_those_of_every_claim(s) or pair == "IN-RU"  # no chart of 2 there
    found: list[Any] = []
    first_in_conflict = figure_page._first_in_conflict

    def spy(*args: Any) -> Any:
        found.append(first_in_conflict(*args))
        return found[-1]

    monkeypatch.setattr(figure_page, "_first_in_conflict", spy)
    with pytest.raises(_Undo), s.transaction():
        s.db.execute("DELETE FROM judgements")
        rebuild_record(s)  # the conflict the reviews settled is open again
        _headlines_are_those_of_every_claim(s)
        raise _Undo
    assert any(found) or pair == "IN-RU", "a headline is of a conflict"


@pytest.mark.parametrize("pair", VIEWS)
def test_headlines_from_conflict_tails_are_those_from_the_claims(
    store: Store, pair: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With no figure reviewed, a large chart's headline in conflict is told by the
    conflict's tail row (`record_tails.conflict_tail`, one per conflict, written with the
    record), not its claims; without those rows (a record written before them) the claims
    are read: the headlines are the same."""
    monkeypatch.setattr(figure_page, "DRAWN", 1)
    s = store.for_pair(pair)

    def headlines() -> dict[str, list[Any]]:
        made = (figure_page.measure_charts(s, m, {}, False) for m in _measures(s))
        return {c.key: _said(c) for m in made for c in m.charts}

    with pytest.raises(_Undo), s.transaction():
        s.db.execute("DELETE FROM judgements")
        rebuild_record(s)
        n = "SELECT COUNT(*) FROM {} WHERE kind = 'conflicts'"
        assert s.db.scalar(n.format("record_summaries")) == s.db.scalar(n.format("record_items"))
        told = headlines()
        assert any(h and h[2] for h in told.values()) or pair == "IN-RU"
        s.db.execute("DELETE FROM record_summaries WHERE kind = 'conflicts'")
        assert headlines() == told
        raise _Undo


@pytest.mark.parametrize("pair", VIEWS)
def test_conflicted_rows_are_the_rows_keyed_to_a_conflict_in_order(
    store: Store, pair: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`conflicted_rows`, read in growing batches (1, 8, then at most _BATCH), gives the rows
    of a quantity and period that the record keys to a conflict of the pair's view, by
    document and id, as the rows and their keys read whole give them."""
    monkeypatch.setattr(ip, "_BATCH", 16)
    s = store.for_pair(pair)
    seen = 0
    with pytest.raises(_Undo), s.transaction():
        s.db.execute("DELETE FROM judgements")
        rebuild_record(s)  # the conflict the reviews settled is open again
        for f in queries.figures(s.for_pair(None)):
            if not f.get("period"):
                continue
            quantity = [f.get(k) or "" for k in ("flow", "unit", "kind", "per")]
            rows = ip.headline_rows(s.db, f["measure"], f["period"], quantity)
            keyed = keys.clusters_of(s.db, "conflicts", (r["id"] for r in rows), pair)
            want = [(r["id"], keyed[r["id"]]) for r in rows if r["id"] in keyed]
            got = ip.conflicted_rows(s.db, f["measure"], f["period"], quantity, pair)
            assert [(r["id"], r["pos"]) for r in got] == want
            seen += len(want)
        raise _Undo
    assert seen or pair == "IN-RU"


def test_figures_of_a_measure_page_lists_claims_a_page_at_a_time(
    db: str, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(figure_page, "CLAIMS_PAGE", 2)
    monkeypatch.setattr(figure_page, "DRAWN", 1)
    app = create_app(db, None)
    try:
        measure = "trade_turnover"
        want = queries.figures(store.for_pair(None), measure=measure)
        seen: list[str] = []
        url: str | None = f"/figures?pair=all&measure={measure}"
        while url:
            text = asgi_get(app, url).text
            table = text.split('<section class="claims-page">')[1]
            seen += re.findall(r'href="/figures/(\d+)\?pair=all"', table)
            nxt = re.search(r'<a rel="next" href="([^"]+)"', table)
            url = nxt.group(1).replace("&amp;", "&") if nxt else None
        assert [int(i) for i in seen] == [f["id"] for f in want]
        assert 'class="note small"' in text  # the charts are drawn from counts
    finally:
        app.state.bilat.close()


# -- EXPLAIN: every statement reaches the big tables through an index -----------------------


def test_paths_reach_the_big_tables_through_indexes(
    db: str, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(figure_page, "DRAWN", 1)
    s = store.for_pair(None)
    event = timeline(queries.events(s))[0]
    figure = queries.figures(s)[0]
    agreement = queries.agreements(s)["histories"][0]
    commitment = queries.commitments(s)["items"][0]
    conflict = queries.conflicts(s, include_rejected=True)[0]
    paths = (
        f"/events/{quote(event['id'], safe='')}?pair=all",
        f"/events/{event['mentions'][0]['id']}?pair=all",
        f"/figures/{figure['id']}?pair=all",
        f"/agreements/{quote(agreement['id'], safe='')}?pair=all",
        f"/agreements/{agreement['entries'][0]['item_id']}?pair=all",
        f"/commitments/{commitment['id']}?pair=all",
        f"/conflicts/{quote(conflict_id(conflict), safe='')}?pair=all",
        "/api/commitments?include_rejected=1",
        "/api/agreements?since=2024",
        "/commitments?include_rejected=1",
        "/agreements?include_rejected=1",
        "/conflicts?include_rejected=1",
        "/api/conflicts?include_rejected=1&after=m0",
        "/figures?measure=trade_turnover",
    )
    seen = tlp.reads_of(db, store, paths)
    scans = [(sql, line) for sql, params in seen for line in tlp._plan(store, sql, params)]
    assert seen and not [x for x in scans if tlp._scans_big(x[1])], scans


@pytest.mark.parametrize("kind", ["agreements", "commitments"])
def test_statements_naming_an_actor_are_its_parties_rows_newest_first(
    store: Store, kind: str
) -> None:
    """`named_rows` (the actor page's statements) gives the current rows whose parties name
    one of the names, newest document first, however it reads them (PostgreSQL by their ids
    when few name them), and none for a name no row has."""
    rows = store.db.all(f"SELECT DISTINCT name FROM item_parties WHERE kind = '{kind}'")
    names = sorted(str(r["name"]) for r in rows)[:3]
    assert names, "a statement naming a party"
    marks = ", ".join("?" for _ in names)
    ids = store.db.all(
        f"SELECT i.id, i.doc_id FROM {kind} i JOIN documents d ON d.id = i.doc_id WHERE "
        f"d.is_current = 1 AND d.status = 'ok' AND i.id IN (SELECT item_id FROM item_parties "
        f"WHERE kind = ? AND name IN ({marks}))",
        [kind, *names],
    )
    want = [r["id"] for r in sorted(ids, key=lambda r: (r["doc_id"], r["id"]), reverse=True)]
    assert [r["id"] for r in il.named_rows(store.db, kind, names, limit=3)] == want[:3]
    assert [r["id"] for r in il.named_rows(store.db, kind, names, limit=500)] == want
    assert il.named_rows(store.db, kind, ["nobody at all"]) == []
    also = il.named_rows(store.db, kind, ["nobody at all"], also=want[:1])
    assert [r["id"] for r in also] == want[:1]
