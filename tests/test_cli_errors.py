"""Mistakes get told, not answered with silence: an unknown filter value exits 2 with "did you
mean …"; a read command never creates a database (a mistyped --db exits 3); a missing input
path says "no such file"."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilat.cli_choices import did_you_mean
from conftest import CORPUS, ROOT
from test_cli import bilat


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("cli_errors") / "bilat.db")
    assert bilat(path, "ingest", str(CORPUS)).returncode == 0
    return path


@pytest.mark.parametrize(
    ("args", "hint"),
    [
        (("figures", "--measure", "trade_turnovr"), "did you mean 'trade_turnover'"),
        (("figures", "--measure", "Gas_Suply"), "did you mean 'gas_supply'"),
        (("figures", "--period", "2024H1"), "did you mean '2024'"),
        (("timeline", "--type", "meetng"), "did you mean 'meeting'"),
        (("timeline", "--type", "consul"), "did you mean 'CONSULT'"),
        (("timeline", "--actor", "Vladimir Putn"), "did you mean 'Vladimir Putin'"),
    ],
)
def test_unknown_filter_value_exits_2_with_did_you_mean(
    db: str, args: tuple[str, ...], hint: str
) -> None:
    proc = bilat(db, *args)
    assert proc.returncode == 2, proc.stderr
    assert hint in proc.stderr, proc.stderr
    assert f"'{args[1]}'" in proc.stderr  # the option is named
    assert proc.stdout == ""


def test_a_value_far_from_any_lists_the_known_ones(db: str) -> None:
    proc = bilat(db, "figures", "--measure", "zzzz")
    assert proc.returncode == 2
    assert "unknown measure 'zzzz'; known: agreement_count, " in proc.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("figures", "--measure", "trade_turnover"),
        ("figures", "--period", "2019"),  # well-formed, just nothing stored for it
        ("figures", "--period", "2025-01..2025-07"),
        ("timeline", "--type", "Consult"),
        ("timeline", "--actor", "putin"),
    ],
)
def test_known_or_well_formed_values_are_accepted(db: str, args: tuple[str, ...]) -> None:
    proc = bilat(db, *args)
    assert proc.returncode == 0, proc.stderr


def test_actor_not_found_keeps_exit_4_and_suggests(db: str) -> None:
    proc = bilat(db, "actor", "Xi Jinpin")
    assert proc.returncode == 4
    assert "no actor named 'Xi Jinpin'; did you mean 'Xi Jinping'?" in proc.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("summary",),
        ("docs",),
        ("show", "1"),
        ("rejects",),
        ("figures",),
        ("timeline",),
        ("conflicts",),
        ("commitments",),
        ("agreements",),
        ("extract",),
        ("reconcile",),
        ("report", "--out", "brief.html"),
        ("export", "--format", "jsonl", "--out", "out.jsonl"),
    ],
)
def test_read_commands_never_create_a_database(tmp_path: Path, args: tuple[str, ...]) -> None:
    missing = tmp_path / "mistyped.db"
    proc = bilat(str(missing), *args, cwd=tmp_path)
    assert proc.returncode == 3, proc.stderr
    assert f"no database at {missing}" in proc.stderr and "--db" in proc.stderr
    assert not missing.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_ingest_still_creates_the_database(tmp_path: Path) -> None:
    new = tmp_path / "sub" / "new.db"
    article = tmp_path / "a.txt"
    article.write_text("Officials of the two states met in a city on 3 March 2025.", "utf-8")
    assert bilat(str(new), "ingest", str(article)).returncode == 0
    assert new.is_file()


def test_missing_input_paths_say_no_such_file(tmp_path: Path) -> None:
    db = str(tmp_path / "b.db")
    proc = bilat(db, "ingest", str(tmp_path / "nosuch.txt"), str(tmp_path / "nosuchdir"))
    assert proc.returncode == 1
    assert f"rejected nosuch.txt: no such file or directory: {tmp_path / 'nosuch.txt'}" in (
        proc.stderr
    )
    assert f"rejected nosuchdir: no such file or directory: {tmp_path / 'nosuchdir'}" in (
        proc.stderr
    )
    proc = bilat(db, "ingest", "--urls", str(tmp_path / "urls.txt"))
    assert proc.returncode == 1 and "no such file: " in proc.stderr and "(--urls)" in proc.stderr


def test_missing_config_and_eval_paths_say_so(tmp_path: Path) -> None:
    proc = bilat(None, "--config", str(tmp_path / "nosuch.toml"), "summary")
    assert proc.returncode == 2 and "nosuch.toml: no such file" in proc.stderr
    gold = ROOT / "tests" / "golden" / "gold"
    proc = bilat(None, "eval", "--gold", str(gold), "--docs", str(tmp_path / "nodocs"))
    assert proc.returncode == 1 and "nodocs: no such directory (--docs)" in proc.stderr
    proc = bilat(None, "eval", "--gold", str(tmp_path / "nogold"), "--docs", str(CORPUS))
    assert proc.returncode == 1 and "nogold: no such directory (--gold)" in proc.stderr


def test_did_you_mean() -> None:
    assert did_you_mean("trade_turnovr", ["trade_turnover", "gas_supply"]) == (
        "did you mean 'trade_turnover'?"
    )
    assert did_you_mean("x", []) == "there are none in this store"
    assert did_you_mean("qqq", [f"m{i}" for i in range(10)]).endswith("m7, …")
