"""The record as rows (bilat.store.record_rows): what readers get equals the saved record, pages
cover every entry exactly once, filters keep what they say, and the paths use the indexes.

One store, built once per module as `bilat ingest examples/corpus` builds it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from bilat.config import load_options
from bilat.pairview import PAIRED, for_pair, pair_counts
from bilat.pipeline import ingest_and_extract
from bilat.queries import in_range, period_in_range
from bilat.reconcile import reconcile
from bilat.reconcile.model import to_plain
from bilat.record import SOURCED_DOCUMENTS, load_sourced, rebuild_record, record_parts
from bilat.record_update import _plain_whole
from bilat.records import Extraction
from bilat.serve import create_app, queries
from bilat.serve.record import CONFLICT_ID, conflict_id
from bilat.store import PageFilter, Store, open_store
from bilat.store import figure_groups as fg
from bilat.store import item_pages as ip
from bilat.store.part_pages import page_part
from bilat.store.part_patchers import _Claims
from bilat.store.record_rows import entries, entry_fields
from bilat.store.record_writer import RowWriter
from conftest import _drop_pg, _pg_url, asgi_get

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"
PARTS = (*PAIRED, "actors", "documents")
VIEWS = (None, "CN-RU", "IN-RU")


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    sqlite = request.param == "sqlite"
    url = str(tmp_path_factory.mktemp("rows") / "bilat.db") if sqlite else _pg_url()
    store = open_store(url)
    try:
        ingest_and_extract(store, [str(CORPUS)], load_options(None, db=url))
    finally:
        store.close()
    yield url
    if not sqlite:
        _drop_pg(url)


@pytest.fixture(scope="module")
def store(db: str) -> Iterator[Store]:
    s = open_store(db)
    yield s
    s.close()


@pytest.fixture(scope="module")
def whole(store: Store) -> dict[str, Any]:
    """The record as `Record.to_json` makes it, from the same extractions (nothing stored)."""
    record = reconcile(load_sourced(store))
    return {kind: list(items) for kind, items in record_parts(record).items()}


@pytest.mark.parametrize("pair", VIEWS)
def test_rows_read_back_as_the_record_and_its_pair_views(
    store: Store, whole: dict[str, Any], pair: str | None
) -> None:
    assert store.record_is_current()
    assert store.for_pair(pair).load_record() == for_pair(whole, pair)


def test_commitments_keep_their_evidence_claims(store: Store, whole: dict[str, Any]) -> None:
    judged = [c for c in whole["commitments"] if c["evidence_figures"]]
    assert judged, "the corpus has a commitment judged against figures"
    assert store.record_part("commitments") == whole["commitments"]
    stored = store.db.all("SELECT payload FROM record_items WHERE kind = 'commitments'")
    assert all('"evidence_figures": [{' not in r["payload"] for r in stored)


def test_commitments_written_whole_share_their_claims_keyed_once(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An update makes the commitments plain with one dict per claim object
    (`record_update._plain_whole`: commitments judged on the same figures share them) and keys
    each claim dict once (`part_patchers._Claims`): the entries are those `to_plain`
    makes, and the keys those of a full write."""
    judged = [s for s in reconcile(load_sourced(store)).commitments if s.evidence_figures]
    tracked = [*judged, *(replace(s, reason="again") for s in judged)]  # the same claims
    claims = [c for s in tracked for c in (*s.evidence_figures, *s.dissent)]
    assert len({id(c) for c in claims}) < len(claims), "some claim is cited twice"
    plain = _plain_whole("commitments", tracked)
    assert plain == [to_plain(s) for s in tracked]
    cited = [c for p in plain for c in (*p["evidence_figures"], *p["dissent"])]
    assert len({id(c) for c in cited}) == len({id(c) for c in claims})
    full = RowWriter(store.db, keys=False)  # as a full write keys them
    lists = [p["evidence_figures"] for p in plain] + [cited[::-1], cited[1:2], cited[:3]]
    want = [full.claim_keys(claims) for claims in lists]
    mutated = [dict(c, value=-1.0) for c in cited[:1]]  # another object: keyed on its own
    want_mutated = full.claim_keys(mutated)
    assert want_mutated != full.claim_keys(cited[:1])
    keyed: list[dict[str, Any]] = []
    hashed = RowWriter.claim_key

    def counted(self: RowWriter, claim: dict[str, Any]) -> str:
        keyed.append(claim)
        return hashed(self, claim)

    monkeypatch.setattr(RowWriter, "claim_key", counted)
    scratch = _Claims(store.db)
    assert [scratch.claim_keys(claims) for claims in lists] == want
    assert scratch.claim_keys(mutated) == want_mutated
    assert [r[1:3] for r in scratch.items] == [r[1:3] for r in full.items]  # numbered alike
    assert len({id(c) for c in keyed}) == len(keyed)  # none keyed twice


def test_sourced_extractions_are_each_documents_own(store: Store) -> None:
    """`load_sourced` reads the documents' rows once and hands them down
    (`load_extractions(..., documents=...)`): each extraction, with or without its actors,
    is the one its document's rows give alone, with its own name, dates and pair."""
    if store.db.dialect == "sqlite":  # read from the index alone, not the texts' pages
        plan = " ".join(
            str(r["detail"]) for r in store.db.all(f"EXPLAIN QUERY PLAN {SOURCED_DOCUMENTS}")
        )
        assert "COVERING INDEX documents_sourced" in plan, plan
    sourced = load_sourced(store)
    assert len(sourced) > 3 and any(s.extraction.pair for s in sourced)
    assert len({s.extraction.published for s in sourced}) > 1
    for s in sourced:
        assert s.extraction == store.load_extraction(s.doc_id, mentions=False)
    bare = {s.doc_id for s in sourced[::2]}
    for s in load_sourced(store, ("actors", "commitments"), without_actors=bare):
        alone = store.load_extraction(s.doc_id, mentions=False)
        assert alone is not None and alone.actors
        actors = () if s.doc_id in bare else alone.actors
        assert s.extraction == Extraction(
            alone.doc_name,
            alone.published,
            alone.extractor_version,
            actors,
            commitments=alone.commitments,
            pair=alone.pair,
        )


def test_maintained_counts_match_the_parts(store: Store, whole: dict[str, Any]) -> None:
    assert store.record_pair_counts() == pair_counts(whole)
    for pair in VIEWS:
        view = for_pair(whole, pair)
        s = store.for_pair(pair)
        for kind in (*PAIRED, "actors"):
            assert s.record_count(kind) == len(view[kind]), (pair, kind)
        statuses: dict[str, int] = {}
        for c in view["commitments"]:
            statuses[c["status"]] = statuses.get(c["status"], 0) + 1
        assert s.record_status_counts("commitments") == statuses


@pytest.mark.parametrize("pair", VIEWS)
@pytest.mark.parametrize("kind", PARTS)
def test_pages_cover_each_entry_once_in_order(store: Store, kind: str, pair: str | None) -> None:
    s = store.for_pair(pair)
    seen: list[dict[str, Any]] = []
    after: int | None = -1
    while after is not None:
        page = s.record_page(kind, after=after, limit=3)
        assert len(page.items) <= 3
        seen += page.items
        after = page.next
    assert seen == s.record_part(kind)


@pytest.mark.parametrize("pair", VIEWS)
@pytest.mark.parametrize("tail", [1, 2])
def test_histories_read_cut_are_the_last_entries(store: Store, pair: str | None, tail: int) -> None:
    """A page of histories with `tail`: each the whole one with its last `tail` entries
    (out of the payload in SQL on SQLite) and how many it had before (`entries_cut`)."""
    s = store.for_pair(pair)
    whole = s.record_page("agreements", limit=500).items
    cut = s.record_page("agreements", limit=500, tail=tail).items
    if pair is None and tail == 1:
        assert any(len(h["entries"]) > tail for h in whole), "a history longer than the tail"
    for h, c in zip(whole, cut, strict=True):
        n = max(len(h["entries"]) - tail, 0)
        assert c == {**h, "entries": h["entries"][n:], "entries_cut": n}


@pytest.mark.parametrize("pair", VIEWS)
def test_groups_kept_with_the_record_are_the_groups_counted_now(
    store: Store, pair: str | None
) -> None:
    """`record_figure_groups` (written with the record) holds what `figure_groups` counts
    per request, conflicts of the pair's view included."""
    s = store.for_pair(pair)
    assert s.record_is_current()
    measures = sorted({f["measure"] for f in queries.figures(s, include_rejected=True)})
    assert measures
    for m in measures:
        now = ip.figure_groups(s.db, m, pair)
        assert sorted(map(_row, fg.kept(s.db, m, pair))) == sorted(map(_row, now))
        periods = {g["period"] for g in now[:2]}
        part = ip.figure_groups(s.db, m, pair, periods=periods)
        assert sorted(map(_row, part)) == sorted(_row(g) for g in now if g["period"] in periods)
    if pair is None:
        assert any(g["conflicted"] for m in measures for g in fg.kept(s.db, m, pair))


def test_counting_some_groups_again_gives_the_whole_count(store: Store) -> None:
    """`figure_groups.count(db, groups)` (a patch's recount) replaces exactly those groups
    (rows without a period among them) with what counting everything gives."""
    every = "SELECT * FROM record_figure_groups"
    whole = sorted(map(tuple, store.db.execute(every).fetchall()))
    groups = sorted({(str(r[0]), str(r[5])) for r in whole})
    picked = [g for g in groups if not g[1]][:2] + [g for g in groups if g[1]][:3]
    assert len(picked) == 5
    with store.transaction():
        store.db.execute("UPDATE record_figure_groups SET n = n + 7, pairs = '|x|'")
        fg.count(store.db, picked)
        now = sorted(map(tuple, store.db.execute(every).fetchall()))
        again = {tuple(r) for r in now if (r[0], r[5]) in picked}
        assert again == {r for r in whole if (r[0], r[5]) in picked}
        assert all(r[9] == f[9] + 7 for r, f in zip(now, whole, strict=True) if r not in again)
        store.db.execute("DELETE FROM record_figure_groups")
        fg.count(store.db)
    assert sorted(map(tuple, store.db.execute(every).fetchall())) == whole


def _row(g: dict[str, Any]) -> tuple[Any, ...]:
    return tuple((k, float(v) if k in ("low", "high") else v) for k, v in sorted(g.items()))


def test_entry_fields_are_the_entries_fields(store: Store) -> None:
    """The fields read out of the item key (a conflict's id) or the payload (others) are the
    parsed entry's, on both dialects."""
    positions = range(0, 2**40, 2**32)  # the first positions the writer gives
    whole = entries(store.db, "conflicts", positions)
    found = entry_fields(store.db, "conflicts", positions, CONFLICT_ID)
    other = entry_fields(store.db, "conflicts", positions, ["measure", "reason"])
    assert whole and found.keys() == whole.keys() == other.keys()
    for pos, entry in whole.items():
        assert conflict_id(found[pos]) == conflict_id(entry)
        assert found[pos]["measure"] == entry["measure"]
        assert other[pos] == {"measure": entry["measure"], "reason": entry.get("reason")}
    with pytest.raises(ValueError, match="not entry fields"):
        entry_fields(store.db, "conflicts", positions, ["measure') --"])


@pytest.mark.parametrize(
    ("since", "until"), [("2024", None), (None, "2023-06"), ("2024-01", "2024-12-31")]
)
def test_a_date_range_keeps_the_entries_it_overlaps(
    store: Store, since: str | None, until: str | None
) -> None:
    where = PageFilter(since=since, until=until)
    kept = page_part(store.db, "events", None, limit=10_000, where=where).items
    every = store.record_part("events")
    ids = {e["id"] for e in kept}
    for e in every:
        start, end = e.get("date"), e.get("date_end") or e.get("date")
        overlaps = start is not None and in_range(start, None, until) and in_range(end, since, None)
        assert (e["id"] in ids) == overlaps, e
    assert 0 < len(kept) < len(every)


def test_measure_and_status_filters(store: Store) -> None:
    every = store.record_part("conflicts")
    measure = every[0]["measure"]
    got = store.record_page("conflicts", limit=500, where=PageFilter(measure=measure)).items
    assert got == [c for c in every if c["measure"] == measure]
    commitments = store.record_part("commitments")
    status = commitments[0]["status"]
    got = store.record_page("commitments", limit=500, where=PageFilter(status=status)).items
    assert got == [c for c in commitments if c["status"] == status]


@pytest.mark.parametrize("pair", VIEWS)
@pytest.mark.parametrize("kind", PARTS)
def test_paged_reads_search_indexes_never_scan_the_record(
    store: Store, kind: str, pair: str | None
) -> None:
    """The plan for a filtered page reaches every record table through an index (SQLite's
    EXPLAIN QUERY PLAN; PostgreSQL's EXPLAIN with sequential scans priced out, as the
    planner would scan the corpus's few rows anyway: an index path must exist)."""
    captured: list[tuple[str, list[Any]]] = []
    real = store.db.execute

    def spy(sql: str, params: Any = ()) -> Any:
        if "record_items" in sql:
            captured.append((sql, list(params)))
        return real(sql, params)

    store.db.execute = spy
    try:
        store.for_pair(pair).record_page(kind, after=2, limit=5, where=PageFilter("2022"))
    finally:
        store.db.execute = real
    sql, params = captured[0]
    if store.db.dialect == "sqlite":
        plan = [r[3] for r in store.db.execute(f"EXPLAIN QUERY PLAN {sql}", params).fetchall()]
        scans = [p for p in plan if p.startswith("SCAN") and "record_" in p]
    else:
        store.db.execute("SET enable_seqscan = off")
        plan = [r[0] for r in store.db.execute(f"EXPLAIN {sql}", params).fetchall()]
        store.db.execute("RESET enable_seqscan")
        scans = [p for p in plan if "Seq Scan on record_" in p]
    assert not scans, plan


def test_api_pages_follow_next_to_the_end_and_csv_has_every_page(db: str, store: Store) -> None:
    app = create_app(db, None)
    try:
        url: str | None = "/api/record/events?pair=all&limit=4"
        seen: list[dict[str, Any]] = []
        while url:
            body = asgi_get(app, url).json()
            assert len(body["items"]) <= 4
            seen += body["items"]
            url = body["next_url"]
        assert seen == store.record_part("events")
        csv = asgi_get(app, "/api/record/events?pair=all&limit=4&format=csv")
        assert csv.status_code == 200
        assert len(csv.text.strip().splitlines()) >= len(seen) + 1
        assert asgi_get(app, "/api/record/nothing").status_code == 422
    finally:
        app.state.bilat.close()


LISTS = ("figures", "conflicts", "commitments", "agreements")


def _rows_of(kind: str, body: Any) -> list[dict[str, Any]]:
    part = {"commitments": "statuses", "agreements": "histories"}.get(kind)
    rows: list[dict[str, Any]] = body[part] if part else body
    return rows


def _dates_of(app: Any, kind: str, row: dict[str, Any]) -> list[str | None]:
    if kind == "agreements":  # listed slim: its statements are at its own url
        entries = asgi_get(app, f"{row['url']}?pair=all").json()["entries"]
        return [e.get("date") or e.get("published") for e in entries]
    return [row.get("period")]


def _overlaps(app: Any, kind: str, row: dict[str, Any], since: str, until: str) -> bool:
    if kind == "agreements":
        return any(in_range(d, since, until) for d in _dates_of(app, kind, row))
    return period_in_range(row.get("period"), since, until)


@pytest.mark.parametrize("kind", LISTS)
def test_list_apis_keep_what_overlaps_the_date_range(db: str, kind: str) -> None:
    app = create_app(db, None)
    try:
        every = _rows_of(kind, asgi_get(app, f"/api/{kind}?pair=all").json())
        assert every, kind
        first = next(d for r in every for d in _dates_of(app, kind, r) if d)[:4]
        since, until = f"{first}-01-01", f"{first}-12-31"
        url = f"/api/{kind}?pair=all&since={since}&until={until}"
        kept = _rows_of(kind, asgi_get(app, url).json())
        assert kept and kept == [r for r in every if _overlaps(app, kind, r, since, until)]
        far = asgi_get(app, f"/api/{kind}?pair=all&since=1990-01-01&until=1990-12-31").json()
        assert _rows_of(kind, far) == []
    finally:
        app.state.bilat.close()


@pytest.mark.parametrize("kind", LISTS)
def test_list_pages_keep_the_range_and_pair_in_the_form_and_the_csv_link(
    db: str, kind: str
) -> None:
    app = create_app(db, None)
    try:
        html = asgi_get(app, f"/{kind}?pair=all&since=2024-01-01&until=2024-12-31").text
    finally:
        app.state.bilat.close()
    assert 'name="since" type="date" value="2024-01-01"' in html
    assert 'name="until" type="date" value="2024-12-31"' in html
    assert '<input type="hidden" name="pair" value="all">' in html
    csv = re.search(r'href="(/api/[^"]*format=csv)"', html)
    assert csv is not None
    assert "since=2024-01-01" in csv.group(1) and "until=2024-12-31" in csv.group(1)
    assert "pair=all" in csv.group(1)


def test_a_request_reads_one_record_while_a_rebuild_commits(db: str) -> None:
    """Parts read in one request come from one commit: a rebuild committed between two reads
    (here: another connection emptying the events part) shows only in the next request."""
    app = create_app(db, None)
    writer = open_store(db)
    try:
        with app.state.bilat.use() as reader:
            before = reader.record_part("events")
            assert before
            with writer.transaction():
                writer.db.execute("DELETE FROM record_items WHERE kind = 'events'")
            assert reader.record_part("events") == before
        with app.state.bilat.use() as reader:
            assert reader.record_part("events") == []
    finally:
        rebuild_record(writer)  # the module's other tests read the record
        writer.close()
        app.state.bilat.close()


def test_commitment_claims_read_back_in_the_records_field_order(
    store: Store, whole: dict[str, Any]
) -> None:
    def order(items: list[dict[str, Any]]) -> list[list[str]]:
        return [list(f) for c in items for f in c["evidence_figures"] + c["dissent"]]

    assert order(store.record_part("commitments")) == order(whole["commitments"])
