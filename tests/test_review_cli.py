"""Reviews are reflected everywhere: a rejected claim leaves `bilat conflicts` too."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from bilat.cli import main
from bilat.config import load_options
from bilat.pipeline import ingest_and_extract
from bilat.store import open_store
from bilat.store.judgements import add_judgement, revoke_judgement
from conftest import CORPUS


def _conflicts(db: str) -> list[dict[str, object]]:
    out = CliRunner().invoke(main, ["--db", db, "conflicts", "--json"])
    assert out.exit_code == 0, out.output
    return list(json.loads(out.output))


def test_rejecting_a_claim_changes_the_conflicts_command(tmp_path: Path) -> None:
    db = str(tmp_path / "bilat.db")
    store = open_store(db)
    try:
        ingest_and_extract(store, [str(CORPUS)], load_options(None, db=db))
        [conflict] = _conflicts(db)
        outlier = min(conflict["claims"], key=lambda c: c["value"])  # type: ignore[index]
        assert outlier["value"] == 228e9  # Russian statistics vs Chinese customs (c06)
        row = store.db.one(
            "SELECT f.id FROM figures f JOIN documents d ON d.id = f.doc_id "
            "WHERE d.name = ? AND f.value = ? AND f.period = '2024'",
            (outlier["doc"], outlier["value"]),
        )
        assert row is not None
        made = add_judgement(store.db, "figures", int(row["id"]), "reject", "ana", {})
        # the other 2024 claims (<=245, >=240, 244.8 bn) agree: the conflict is resolved
        assert _conflicts(db) == []
        revoke_judgement(store.db, int(made["id"]))
        assert any(cl["value"] == outlier["value"] for cl in _conflicts(db)[0]["claims"])
    finally:
        store.close()
