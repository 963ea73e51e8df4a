"""What the record commands print for people: amounts as "$244.8 bn", never "2.424e+11" or a raw
interval; quotes cut at a word; `bilat figures` with flow, speaker and quote (its help says so)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import CORPUS
from test_cli import bilat, bilat_json

RAW_NUMBER = re.compile(r"\d(?:\.\d+)?e[+-]\d|\d\.\.\d|\binf\b")


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("cli_text") / "bilat.db")
    assert bilat(path, "ingest", str(CORPUS)).returncode == 0
    return path


@pytest.mark.parametrize("command", ["conflicts", "figures", "commitments", "summary"])
def test_no_raw_numbers_in_text_output(db: str, command: str) -> None:
    proc = bilat(db, command)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip()
    assert not RAW_NUMBER.search(proc.stdout), RAW_NUMBER.search(proc.stdout)


def test_conflict_reason_names_sources_with_readable_amounts(db: str) -> None:
    (conflict,) = [c for c in bilat_json(db, "conflicts") if c["period"] == "2024"]
    assert "$244.8 bn" in conflict["reason"] and "$228 bn" in conflict["reason"]
    assert not RAW_NUMBER.search(conflict["reason"]), conflict["reason"]
    out = bilat(db, "conflicts").stdout
    assert "trade_turnover RU↔CN 2024:" in out and "≥ $240 bn" in out


def _quotes(out: str) -> list[str]:
    return re.findall(r"“(.*?)”", out)


def test_figures_show_flow_speaker_and_a_quote_cut_at_a_word(db: str) -> None:
    items = bilat_json(db, "figures")
    out = bilat(db, "figures").stdout
    quotes = _quotes(out)
    assert len(quotes) == len(items)
    full = [" ".join(f["quote"].split()) for f in items]
    for shown, original in zip(quotes, full, strict=True):
        if shown.endswith("…"):
            head = shown[:-1]
            assert original.startswith(head) and len(original) > len(head)
            assert original[len(head)] in " ,;:—–-", f"cut inside a word: {shown!r}"
        else:
            assert shown == original
    assert any(q.endswith("…") for q in quotes), "the corpus has long quotes"
    speakers = {f["said_by"] for f in items if f["said_by"]}
    assert any(f"    {s}: “" in out for s in speakers)
    assert "RU→CN" in out or "RU↔CN" in out


def test_commitments_show_the_target_as_an_amount(db: str) -> None:
    out = bilat(db, "commitments").stdout
    assert "trade_turnover ≥ $200 bn" in out
    assert "report ≥ $200 bn" in out and "e+" not in out


def test_figures_help_promises_what_is_shown(tmp_path: Path) -> None:
    text = bilat(None, "figures", "--help").stdout
    assert "flow, speaker and quote" in text
