"""Reviews reach conclusions: the record is reconciled from the reviewed items, so a review
changes every conclusion drawn from the item — the conflict and its reason line, the
commitment status, the event's participants — on the API, the pages and the CLI, and undoing
the review restores them.

The store is examples/corpus plus one article written for this test that puts 2024 trade at
"almost $190 billion": it dissents from the $200bn-by-2024 target the corpus reports met.
"""

from __future__ import annotations

import asyncio
import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from click.testing import CliRunner

from bilat.cli import main
from bilat.config import load_options
from bilat.pipeline import ingest_and_extract
from bilat.serve import create_app
from bilat.store import open_store

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"
TOKEN = "review-token-0123456789"
DISSENT = (
    "Steppe Trade Review\n\nTrade slowed, a customs note says\n\n"
    "MOSCOW, March 2, 2025 - Trade between Russia and China reached almost $190 billion in "
    "2024, according to a customs note seen by the newsletter.\n"
)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("reviews")
    shutil.copytree(CORPUS, root / "in")
    (root / "in" / "zz_dissent.txt").write_text(DISSENT, encoding="utf-8")
    path = str(root / "bilat.db")
    store = open_store(path)
    try:
        ingest_and_extract(store, [str(root / "in")], load_options(None, db=path))
    finally:
        store.close()
    yield path


def _call(app: Any, method: str, url: str, body: Any = None) -> httpx.Response:
    async def go() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            headers = {"authorization": f"Bearer {TOKEN}"}
            return await client.request(method, url, json=body, headers=headers)

    return asyncio.run(go())


def _target_2024(app: Any) -> dict[str, Any]:
    statuses = _call(app, "GET", "/api/commitments").json()["statuses"]
    (found,) = [
        s
        for s in statuses
        if s["commitment"]["value"] == 200e9 and s["commitment"]["deadline"] == "2024"
    ]
    whole: dict[str, Any] = _call(app, "GET", found["url"]).json()["status"]  # every source
    return whole


def _review(app: Any, item_type: str, item_id: int, action: str, **payload: Any) -> int:
    body = {"item_type": item_type, "item_id": item_id, "action": action, "author": "ana"}
    if payload:
        body["payload"] = payload
    r = _call(app, "POST", "/api/review", body)
    assert r.status_code == 201, r.text
    return int(r.json()["id"])


def test_rejecting_the_dissenting_figure_settles_conflict_and_commitment(db: str) -> None:
    app = create_app(db, TOKEN)
    before = _target_2024(app)
    assert before["status"] == "met"  # most sources report it met, one dissents
    assert [f["value"] for f in before["dissent"]] == [190e9]
    assert "1 dissents" in before["reason"]
    (conflict,) = [c for c in _call(app, "GET", "/api/conflicts").json() if c["period"] == "2024"]
    assert "zz_dissent.txt" in conflict["reason"] or "newsletter" in conflict["reason"].lower()
    (dissent,) = [f for f in _call(app, "GET", "/api/figures").json() if f["value"] == 190e9]

    judgement = _review(app, "figures", dissent["id"], "reject")
    after = _target_2024(app)
    assert after["status"] == "met" and after["dissent"] == []
    assert after["reason"].startswith("met: all ")
    assert all(f["value"] != 190e9 for f in after["evidence_figures"])
    reasons = [c["reason"] for c in _call(app, "GET", "/api/conflicts").json()]
    assert not any("zz_dissent" in r or "190" in r for r in reasons)
    shown = _call(app, "GET", "/api/conflicts?include_rejected=1").json()
    (marked,) = [c for c in shown if c["period"] == "2024"]  # still open: 228 vs 244.8 bn
    whole = _call(app, "GET", f"/api/conflicts/{marked['id']}").json()  # with its claims
    struck = [cl for cl in whole["claims"] if cl["review"]["state"] == "rejected"]
    assert [cl["value"] for cl in struck] == [190e9] and not marked["resolved"]
    cli = CliRunner().invoke(main, ["--db", db, "commitments", "--json"])
    assert not any(c["dissent"] for c in json.loads(cli.output))

    assert _call(app, "DELETE", f"/api/review/{judgement}").status_code == 200
    assert [f["value"] for f in _target_2024(app)["dissent"]] == [190e9]


def test_removing_a_wrong_participant_changes_the_event_everywhere(db: str) -> None:
    app = create_app(db, TOKEN)

    def summit() -> list[dict[str, Any]]:
        events = _call(app, "GET", "/api/events?mode=multilateral").json()
        return [e for e in events if (e.get("date") or "").startswith("2025-08")]

    mentions = [e for e in summit() if "Yuri Ushakov" in e["participants"]]
    assert mentions and all("Yuri Ushakov" in e["cluster"]["participants"] for e in summit())
    first, *rest = mentions
    kept = [p for p in first["participants"] if p != "Yuri Ushakov"]
    made = [_review(app, "events", first["id"], "edit", participants=kept)]
    for e in rest:  # the same wrong participant, removed as an actor of that article
        actors = _call(app, "GET", f"/api/documents/{e['doc_id']}").json()["mentions"]
        (ushakov,) = {a["id"] for a in actors if a["name"] == "Yuri Ushakov"}
        made.append(_review(app, "actors", ushakov, "reject"))

    assert all("Yuri Ushakov" not in e["cluster"]["participants"] for e in summit())
    page = _call(app, "GET", "/timeline?mode=multilateral").text
    headings = re.findall(r"<h3>.*?</h3>", page, re.S)
    assert any("Shanghai Cooperation" in h for h in headings)
    assert not any("Ushakov" in h for h in headings)
    cli = CliRunner().invoke(main, ["--db", db, "timeline", "--type", "multilateral", "--json"])
    assert all("Yuri Ushakov" not in e["participants"] for e in json.loads(cli.output))

    for judgement in made:
        _call(app, "DELETE", f"/api/review/{judgement}")
    assert any("Yuri Ushakov" in e["cluster"]["participants"] for e in summit())


def _bilat(db: str, *args: str) -> Any:
    return CliRunner().invoke(main, ["--db", db, *args])


def test_bilat_review_lists_the_queue_and_its_actions_change_the_record(db: str) -> None:
    queue = json.loads(_bilat(db, "review", "--next", "5", "--json").output)
    top = queue["items"][0]
    assert queue["total"] > 5 and len(queue["items"]) == 5
    assert top["item_type"] == "figures" and top["quote"]
    assert "dissents from a commitment's verdict" in top["why"]  # the $190bn dissent
    text = _bilat(db, "review", "--next", "2").output
    assert "dissents from a commitment's verdict" in text and "unreviewed" in text

    made = _bilat(db, "review", "reject", "figures", str(top["id"]), "--author", "ana")
    assert made.exit_code == 0 and "reject figures" in made.output
    judgement = made.output.split()[1].rstrip(":")
    statuses = json.loads(_bilat(db, "commitments", "--json").output)
    assert not any(s["dissent"] for s in statuses)
    after = json.loads(_bilat(db, "review", "--next", "5", "--json").output)
    assert after["total"] == queue["total"] - 1 and after["items"][0]["id"] != top["id"]

    assert _bilat(db, "review", "undo", judgement).exit_code == 0
    statuses = json.loads(_bilat(db, "commitments", "--json").output)
    assert any(s["dissent"] for s in statuses)
    bad = _bilat(db, "review", "edit", "figures", str(top["id"]), "value=lots")
    assert bad.exit_code == 2 and "not a number" in bad.output
    assert _bilat(db, "review", "reject", "figures", "99999999").exit_code == 4
