"""The `bilat` command-line contract, exercised through the real console script.

Every test runs `.venv/bin/bilat` as a subprocess against a real store (a tmp SQLite file, and
PostgreSQL when BILAT_TEST_PG is set), exactly as the acceptance scripts and `make demo` do.
The bundled corpus is ingested once per module; tests that need another store make their own.
"""

from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from bilat.evaluate.gold import load_gold_file
from bilat.store import open_store
from conftest import CORPUS, ROOT, SEEDS

GOLD = ROOT / "tests" / "golden" / "gold"
DOC_KEYS = {"id", "name", "title", "published", "source", "language", "status"}
CLAIM_KEYS = {"doc", "value", "value_max", "unit", "qualifier", "said_by", "published", "quote"}
SECTIONS = ("actors", "events", "figures", "agreements", "commitments")
DATE = re.compile(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?")
# The commands the acceptance scripts use; each must exist in the console script.
CONTRACT_COMMANDS = (
    "ingest",
    "docs",
    "show",
    "rejects",
    "export",
    "eval",
    "conflicts",
    "timeline",
    "figures",
    "commitments",
    "agreements",
    "actor",
    "reconcile",
    "extract",
    "summary",
)
JSON_LIST_COMMANDS = ("docs", "rejects", "conflicts", "timeline", "figures", "commitments")


def _console_script() -> Path:
    beside = Path(sys.executable).parent / "bilat"
    if beside.is_file():
        return beside
    found = shutil.which("bilat")
    if found is None:
        raise RuntimeError("the `bilat` console script is not installed (pip install -e .)")
    return Path(found)


BILAT = _console_script()


def bilat(
    db: str | None, *args: str, stdin: str | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `bilat [--db DB] ARGS...` and return the finished process (any exit status)."""
    cmd = [str(BILAT), *(["--db", db] if db is not None else []), *args]
    return subprocess.run(
        cmd,
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
        cwd=cwd,
        check=False,
    )


def bilat_json(db: str, *args: str) -> Any:
    """Run a command with `--json`, require exit status 0 and return the parsed output."""
    proc = bilat(db, *args, "--json")
    assert proc.returncode == 0, f"bilat {' '.join(args)} --json: {proc.stderr}"
    return json.loads(proc.stdout)


def _overlaps(date: str, since: str, until: str) -> bool:
    """Does a date of any precision (YYYY[-MM[-DD]]) overlap the range [since, until]?"""

    def bounds(value: str) -> tuple[str, str]:
        lo = value + "-01-01"[len(value) - 4 :]
        hi = value + "-12-31"[len(value) - 4 :]
        return lo, hi

    return bounds(date)[0] <= bounds(until)[1] and bounds(date)[1] >= bounds(since)[0]


def _commands_of_console_script() -> set[str]:
    """The command names listed by `bilat --help` (what the installed script really has)."""
    out = bilat(None, "--help").stdout
    listing = out.split("Commands:", 1)[1]
    return {line.split()[0] for line in listing.splitlines() if line.strip()}


# -- fixtures ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Corpus:
    """A store holding the bundled corpus, and what `ingest` said while filling it."""

    db: str
    ingest: subprocess.CompletedProcess[str]
    docs: list[dict[str, Any]]

    def names(self) -> set[str]:
        return {d["name"] for d in self.docs}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    db = str(tmp_path_factory.mktemp("cli") / "bilat.db")
    proc = bilat(db, "ingest", str(CORPUS))
    return Corpus(db=db, ingest=proc, docs=bilat_json(db, "docs"))


@pytest.fixture(scope="module")
def texts(corpus: Corpus) -> dict[str, str]:
    """Original text of every stored document, by name, read through `show --json`."""

    def text_of(name: str) -> tuple[str, str]:
        return name, bilat_json(corpus.db, "show", name)["text"]

    with ThreadPoolExecutor(max_workers=8) as pool:
        return dict(pool.map(text_of, sorted(corpus.names())))


@pytest.fixture(scope="module")
def gold_export(corpus: Corpus, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("gold")
    proc = bilat(corpus.db, "export", "--format", "gold", "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    return out


@pytest.fixture(scope="module")
def rejecting_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One good article and three inputs that must be refused, each for its own reason."""
    folder = tmp_path_factory.mktemp("inbox")
    shutil.copy(CORPUS / "c08_globaltimes_video_call_dec2022.txt", folder)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "utf16.txt").write_bytes("Putin and Xi spoke by phone.".encode("utf-16"))
    (folder / "feed.json").write_text(json.dumps({"title": "no text here"}), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def rejecting_store(
    rejecting_folder: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, subprocess.CompletedProcess[str]]:
    db = str(tmp_path_factory.mktemp("rejects") / "bilat.db")
    return db, bilat(db, "ingest", str(rejecting_folder))


# -- ingest and docs -----------------------------------------------------------------------


def test_ingest_of_the_corpus_exits_0_and_reports_on_stderr(corpus: Corpus) -> None:
    assert corpus.ingest.returncode == 0, corpus.ingest.stderr
    assert "rejected" in corpus.ingest.stderr
    assert corpus.ingest.stdout == ""


def test_docs_json_has_the_contract_keys_and_types(corpus: Corpus) -> None:
    assert isinstance(corpus.docs, list) and corpus.docs
    for doc in corpus.docs:
        assert doc.keys() >= DOC_KEYS, doc
        assert isinstance(doc["id"], int)
        assert isinstance(doc["name"], str) and doc["name"]
        for key in ("title", "source", "language"):
            assert doc[key] is None or isinstance(doc[key], str), (key, doc)
        assert doc["published"] is None or DATE.fullmatch(doc["published"]), doc
        assert isinstance(doc["status"], str) and doc["status"]


def test_docs_are_named_after_their_input_files(corpus: Corpus) -> None:
    names = [d["name"] for d in corpus.docs]
    assert len(names) == len(set(names))
    files = {p.name for p in CORPUS.iterdir() if p.suffix in {".txt", ".html", ".json"}}
    assert files <= set(names)
    assert "c11_feed_power_of_siberia_2_signed.json" in names


def test_a_republication_is_stored_as_a_near_duplicate(corpus: Corpus) -> None:
    by_name = {d["name"]: d for d in corpus.docs}
    republished = by_name["c19_republished_c01_tass_call.txt"]
    assert republished["status"] == "near_duplicate"
    assert by_name["c01_tass_putin_xi_call.txt"]["status"] == "ok"


def test_docs_without_json_is_human_readable(corpus: Corpus) -> None:
    proc = bilat(corpus.db, "docs")
    assert proc.returncode == 0
    assert "c01_tass_putin_xi_call.txt" in proc.stdout
    assert not proc.stdout.lstrip().startswith("[")


def test_ingesting_the_same_folder_again_stores_nothing_new(corpus: Corpus) -> None:
    proc = bilat(corpus.db, "ingest", str(CORPUS))
    assert proc.returncode == 0, proc.stderr
    assert len(bilat_json(corpus.db, "docs")) == len(corpus.docs)


def test_seeds_ingested_twice_are_five_documents(tmp_path: Path) -> None:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present")
    db = str(tmp_path / "bilat.db")
    for _ in range(2):
        proc = bilat(db, "ingest", str(SEEDS))
        assert proc.returncode == 0, proc.stderr
    docs = bilat_json(db, "docs")
    assert len(docs) == 5
    assert {d["name"] for d in docs} == {p.name for p in SEEDS.iterdir()}


def test_ingest_from_stdin(tmp_path: Path) -> None:
    db = str(tmp_path / "bilat.db")
    article = (CORPUS / "c05_interfax_china_customs_2024.txt").read_text(encoding="utf-8")
    proc = bilat(db, "ingest", "-", stdin=article)
    assert proc.returncode == 0, proc.stderr
    (doc,) = bilat_json(db, "docs")
    shown = bilat_json(db, "show", str(doc["id"]))
    assert shown["text"] == article
    assert bilat_json(db, "figures"), "extraction ran on the stdin document"


def test_ingest_without_input_is_a_usage_error(tmp_path: Path) -> None:
    proc = bilat(str(tmp_path / "bilat.db"), "ingest")
    assert proc.returncode == 2
    assert "Usage:" in proc.stderr


def test_no_dedupe_stores_a_republication_as_a_new_document(tmp_path: Path) -> None:
    db = str(tmp_path / "bilat.db")
    pair = [CORPUS / "c01_tass_putin_xi_call.txt", CORPUS / "c19_republished_c01_tass_call.txt"]
    proc = bilat(db, "ingest", "--no-dedupe", "--no-extract", *map(str, pair))
    assert proc.returncode == 0, proc.stderr
    assert {d["status"] for d in bilat_json(db, "docs")} == {"ok"}


# -- rejected input ------------------------------------------------------------------------


def test_ingest_with_a_bad_file_exits_1_and_stores_the_rest(
    rejecting_store: tuple[str, subprocess.CompletedProcess[str]],
) -> None:
    db, proc = rejecting_store
    assert proc.returncode == 1
    for name in ("empty.txt", "utf16.txt", "feed.json"):
        assert name in proc.stderr
    assert [d["name"] for d in bilat_json(db, "docs")] == ["c08_globaltimes_video_call_dec2022.txt"]


@pytest.mark.parametrize(
    ("name", "words"),
    [("empty.txt", ("empty",)), ("utf16.txt", ("UTF-16", "UTF-8")), ("feed.json", ("text",))],
)
def test_rejects_json_names_each_input_with_its_problem(
    rejecting_store: tuple[str, subprocess.CompletedProcess[str]], name: str, words: tuple[str]
) -> None:
    db, _ = rejecting_store
    reasons = {r["name"]: r["reason"] for r in bilat_json(db, "rejects")}
    assert name in reasons
    assert any(word in reasons[name] for word in words), reasons[name]


def test_rejecting_the_same_inputs_again_does_not_repeat_them(
    rejecting_store: tuple[str, subprocess.CompletedProcess[str]], rejecting_folder: Path
) -> None:
    db, _ = rejecting_store
    before = bilat_json(db, "rejects")
    assert bilat(db, "ingest", str(rejecting_folder)).returncode == 1
    after = bilat_json(db, "rejects")
    assert sorted(r["name"] for r in after) == sorted(r["name"] for r in before)


def test_rejects_is_empty_for_a_clean_corpus(corpus: Corpus) -> None:
    assert bilat_json(corpus.db, "rejects") == []


# -- show ----------------------------------------------------------------------------------


def test_show_json_by_name_has_original_and_clean_text(corpus: Corpus) -> None:
    shown = bilat_json(corpus.db, "show", "c06_izvestia_mt_trade_slowdown.txt")
    assert shown.keys() >= DOC_KEYS
    assert shown["name"] == "c06_izvestia_mt_trade_slowdown.txt"
    original = (CORPUS / "c06_izvestia_mt_trade_slowdown.txt").read_text(encoding="utf-8")
    assert shown["text"] == original
    assert isinstance(shown["clean_text"], str) and shown["clean_text"]
    assert len(shown["clean_text"]) < len(shown["text"]), "boilerplate is removed"


def test_show_by_id_is_the_same_document(corpus: Corpus) -> None:
    doc = next(d for d in corpus.docs if d["name"] == "c01_tass_putin_xi_call.txt")
    by_id = bilat_json(corpus.db, "show", str(doc["id"]))
    by_name = bilat_json(corpus.db, "show", doc["name"])
    assert by_id["name"] == doc["name"]
    assert by_id["text"] == by_name["text"]


@pytest.mark.parametrize("key", ["nope.txt", "999999"])
def test_show_unknown_document_exits_4_with_an_error_on_stderr(corpus: Corpus, key: str) -> None:
    proc = bilat(corpus.db, "show", key, "--json")
    assert proc.returncode == 4
    assert proc.stdout == ""
    assert "error" in proc.stderr and key in proc.stderr


# -- export --------------------------------------------------------------------------------


def test_export_jsonl_has_one_parseable_line_per_extracted_document(
    corpus: Corpus, texts: dict[str, str], tmp_path: Path
) -> None:
    out = tmp_path / "record.jsonl"
    assert bilat(corpus.db, "export", "--format", "jsonl", "--out", str(out)).returncode == 0
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    ok = {d["name"] for d in corpus.docs if d["status"] == "ok"}
    assert {line["name"] for line in lines} == ok
    for line in lines:
        for section in SECTIONS:
            for item in line[section]:
                text = texts[line["name"]]
                assert text[item["start"] : item["end"]] == item["quote"], (line["name"], item)


def test_export_csv_quotes_are_exact_substrings_of_the_text(
    corpus: Corpus, texts: dict[str, str], tmp_path: Path
) -> None:
    out = tmp_path / "csv"
    assert bilat(corpus.db, "export", "--format", "csv", "--out", str(out)).returncode == 0
    checked = 0
    for section in SECTIONS:
        with (out / f"{section}.csv").open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            assert reader.fieldnames is not None
            assert {"doc", "url", "start", "end", "quote"} <= set(reader.fieldnames)
            rows = list(reader)
        assert rows, section
        for row in rows:
            text = texts[row["doc"]]
            assert text[int(row["start"]) : int(row["end"])] == row["quote"], row
            checked += 1
    assert checked > 100


def test_export_gold_writes_one_file_per_document_named_after_it(
    corpus: Corpus, gold_export: Path
) -> None:
    files = sorted(gold_export.glob("*.json"))
    docs = {p.name: json.loads(p.read_text(encoding="utf-8"))["doc"] for p in files}
    assert set(docs.values()) == {d["name"] for d in corpus.docs if d["status"] == "ok"}
    for file_name, name in docs.items():
        assert file_name == f"{name}.json"  # DIR/<name>.json, name as in `bilat docs`


def test_export_gold_quotes_are_exact_substrings_of_the_text(
    gold_export: Path, texts: dict[str, str]
) -> None:
    for path in gold_export.glob("*.json"):
        gold = json.loads(path.read_text(encoding="utf-8"))
        assert set(gold) == {"doc", "published", *SECTIONS}
        for section in SECTIONS[1:]:
            for item in gold[section]:
                assert item["quote"] in texts[gold["doc"]], (path.name, section, item)


def test_export_gold_files_pass_the_gold_checker(gold_export: Path) -> None:
    problems = []
    for path in sorted(gold_export.glob("*.json")):
        try:
            load_gold_file(path)
        except Exception as exc:
            problems.append(str(exc))
    assert not problems, "\n".join(problems)


def test_export_gold_keeps_documents_whose_names_share_a_stem(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(CORPUS / "c05_interfax_china_customs_2024.txt", inbox / "report.txt")
    feed = {"text": (CORPUS / "c08_globaltimes_video_call_dec2022.txt").read_text("utf-8")}
    (inbox / "report.json").write_text(json.dumps(feed), encoding="utf-8")
    db, out = str(tmp_path / "bilat.db"), tmp_path / "gold"
    assert bilat(db, "ingest", str(inbox)).returncode == 0
    assert bilat(db, "export", "--format", "gold", "--out", str(out)).returncode == 0
    docs = {json.loads(p.read_text("utf-8"))["doc"] for p in out.glob("*.json")}
    assert docs == {"report.txt", "report.json"}


def test_export_rejects_an_unknown_format(corpus: Corpus, tmp_path: Path) -> None:
    proc = bilat(corpus.db, "export", "--format", "xml", "--out", str(tmp_path / "x"))
    assert proc.returncode == 2
    assert "xml" in proc.stderr


# -- eval ----------------------------------------------------------------------------------


def test_eval_json_scores_every_section_between_0_and_1(tmp_path: Path) -> None:
    report = bilat_json(
        str(tmp_path / "unused.db"), "eval", "--gold", str(GOLD), "--docs", str(CORPUS)
    )
    assert set(report["total"]) == set(SECTIONS)
    scored = [report["total"], *(doc["sections"] for doc in report["docs"])]
    for sections in scored:
        for section in SECTIONS:
            for metric in ("precision", "recall", "f1"):
                assert 0.0 <= sections[section][metric] <= 1.0, (section, metric)
    assert len(report["docs"]) == len(list(GOLD.glob("*.json")))
    assert 0.0 <= report["measure_agreement"]["share"] <= 1.0
    assert report["grounding"]["share"] == 1.0


def test_eval_errors_explain_exactly_the_unmatched_items(tmp_path: Path) -> None:
    report = bilat_json(
        str(tmp_path / "unused.db"),
        "eval",
        "--gold",
        str(GOLD),
        "--docs",
        str(CORPUS),
        "--errors",
        "--json",
    )
    by_doc = {d["doc"]: d for d in report["errors"]}
    assert by_doc.keys() == {d["doc"] for d in report["docs"]}
    for scored in report["docs"]:
        for section in SECTIONS:
            errors = [e for e in by_doc[scored["doc"]]["errors"] if e["section"] == section]
            counts = scored["sections"][section]
            assert sum(e["side"] == "missed" for e in errors) == counts["fn"]
            assert sum(e["side"] == "extra" for e in errors) == counts["fp"]


# -- the reconciled record -----------------------------------------------------------------


def test_conflicts_json_items_have_the_contract_keys(corpus: Corpus) -> None:
    conflicts = bilat_json(corpus.db, "conflicts")
    assert conflicts, "the corpus has a 2024 trade turnover conflict (c05 vs c06)"
    for conflict in conflicts:
        assert {"measure", "flow", "period", "claims"} <= conflict.keys()
        assert len(conflict["claims"]) >= 2
        for claim in conflict["claims"]:
            assert claim.keys() >= CLAIM_KEYS, claim
            assert claim["doc"] in corpus.names()
            assert isinstance(claim["value"], int | float)
            assert isinstance(claim["quote"], str) and claim["quote"]


def test_conflicts_include_the_2024_turnover_disagreement(corpus: Corpus) -> None:
    turnover = [
        c
        for c in bilat_json(corpus.db, "conflicts")
        if c["measure"] == "trade_turnover" and c["period"] == "2024"
    ]
    values = {cl["value"] for c in turnover for cl in c["claims"] if cl["unit"] == "USD"}
    assert {228e9, 244.8e9} <= values


@pytest.mark.parametrize("who", ["Vladimir Putin", "Putin"])
def test_timeline_actor_returns_only_events_with_that_participant(corpus: Corpus, who: str) -> None:
    events = bilat_json(corpus.db, "timeline", "--actor", who)
    assert events
    for event in events:
        assert "Vladimir Putin" in event["participants"], event


def test_timeline_is_in_date_order(corpus: Corpus) -> None:
    dates = [e["date"] for e in bilat_json(corpus.db, "timeline") if e["date"]]
    assert dates == sorted(dates)


@pytest.mark.parametrize(
    ("since", "until"), [("2025-01", "2025-06"), ("2025-02-24", "2025-02-24"), ("2022", "2022")]
)
def test_timeline_since_until_filter_by_date(corpus: Corpus, since: str, until: str) -> None:
    everything = bilat_json(corpus.db, "timeline")
    events = bilat_json(corpus.db, "timeline", "--since", since, "--until", until)
    assert events and len(events) < len(everything)
    for event in events:
        assert event["date"] and _overlaps(event["date"], since, until), event
    inside = [e for e in everything if e["date"] and _overlaps(e["date"], since, until)]
    assert len(events) == len(inside)


def test_timeline_with_a_malformed_date_is_a_usage_error(corpus: Corpus) -> None:
    proc = bilat(corpus.db, "timeline", "--since", "yesterday", "--json")
    assert proc.returncode == 2


def test_timeline_type_filters_by_type_or_mode(corpus: Corpus) -> None:
    calls = bilat_json(corpus.db, "timeline", "--type", "call")
    assert calls and {e["mode"] for e in calls} == {"call"}
    military = bilat_json(corpus.db, "timeline", "--type", "COOPERATE")
    assert military and {e["type"] for e in military} == {"COOPERATE"}


def test_figures_measure_returns_only_that_measure(corpus: Corpus) -> None:
    figures = bilat_json(corpus.db, "figures", "--measure", "trade_turnover")
    assert figures
    assert {f["measure"] for f in figures} == {"trade_turnover"}
    for figure in figures:
        assert {"doc", "value", "unit", "period", "quote"} <= figure.keys()


def test_figures_period_returns_only_that_period(corpus: Corpus) -> None:
    figures = bilat_json(corpus.db, "figures", "--period", "2024")
    assert figures and {f["period"] for f in figures} == {"2024"}


def test_commitments_and_agreements_json_are_arrays(corpus: Corpus) -> None:
    commitments = bilat_json(corpus.db, "commitments")
    assert commitments
    for item in commitments:
        assert {"commitment", "status", "reason"} <= item.keys()
    agreements = bilat_json(corpus.db, "agreements")
    assert agreements
    for item in agreements:
        assert {"title", "kind", "status", "parties"} <= item.keys()


def test_actor_json_has_roles_events_figures_agreements(corpus: Corpus) -> None:
    profile = bilat_json(corpus.db, "actor", "Xi Jinping")
    assert profile["name"] == "Xi Jinping"
    for key in ("roles", "events", "figures", "agreements"):
        assert isinstance(profile[key], list), key
    assert profile["events"]
    assert all("Xi Jinping" in e["participants"] for e in profile["events"])


def test_unknown_actor_exits_4(corpus: Corpus) -> None:
    proc = bilat(corpus.db, "actor", "Nobody In Particular", "--json")
    assert proc.returncode == 4
    assert proc.stdout == ""
    assert "Nobody In Particular" in proc.stderr


def test_reconcile_rebuild_json_counts_the_record(corpus: Corpus) -> None:
    counts = bilat_json(corpus.db, "reconcile", "--rebuild")
    assert all(isinstance(v, int) for v in counts.values())
    assert counts["events"] > 0 and counts["conflicts"] > 0


def test_extract_with_nothing_stale_exits_0(corpus: Corpus) -> None:
    proc = bilat(corpus.db, "extract")
    assert proc.returncode == 0, proc.stderr
    assert "extracted 0 document(s)" in proc.stderr


def test_summary_prints_counts_and_conflicts(corpus: Corpus) -> None:
    proc = bilat(corpus.db, "summary")
    assert proc.returncode == 0
    assert "documents" in proc.stdout and "Conflicts" in proc.stdout
    data = bilat_json(corpus.db, "summary")
    assert data["documents"] == len(corpus.docs)


@pytest.mark.parametrize("command", [*JSON_LIST_COMMANDS, "agreements"])
def test_json_commands_on_an_empty_store_print_an_empty_array(command: str, tmp_path: Path) -> None:
    empty = str(tmp_path / "empty.db")
    open_store(empty).close()  # an existing store with nothing in it (read commands create none)
    assert bilat_json(empty, command) == []


# -- help, global options, exit codes ------------------------------------------------------


def test_the_console_script_has_every_contract_command() -> None:
    assert set(CONTRACT_COMMANDS) <= _commands_of_console_script()


def _makefile_commands() -> list[str]:
    """Sub-commands that the Makefile runs through `$(BILAT) [--db X] COMMAND ...`."""
    found = []
    for line in (ROOT / "Makefile").read_text(encoding="utf-8").splitlines():
        if "$(BILAT)" not in line:
            continue
        words = line.split("$(BILAT)", 1)[1].split()
        while words and words[0].startswith("-"):
            words = words[2:] if words[0] in ("--db", "--config") else words[1:]
        if words:
            found.append(words[0])
    return found


def test_the_console_script_has_every_command_the_makefile_runs() -> None:
    assert set(_makefile_commands()) <= _commands_of_console_script()


@pytest.mark.parametrize("command", CONTRACT_COMMANDS)
def test_every_command_has_help(command: str) -> None:
    proc = bilat(None, command, "--help")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith(f"Usage: bilat {command}")


def test_top_level_help_lists_the_global_options() -> None:
    proc = bilat(None, "--help")
    assert proc.returncode == 0
    for option in ("--db", "--config", "--verbose"):
        assert option in proc.stdout


def test_db_defaults_to_bilat_db_in_the_working_directory(tmp_path: Path) -> None:
    # ingest creates the store; read commands never do (tests/test_cli_errors.py)
    proc = bilat(
        None, "ingest", "--no-extract", str(CORPUS / "c01_tass_putin_xi_call.txt"), cwd=tmp_path
    )
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "bilat.db").is_file()


def test_config_file_sets_the_database(tmp_path: Path) -> None:
    config = tmp_path / "mine.toml"
    config.write_text(f'[store]\ndb = "{tmp_path / "from-config.db"}"\n', encoding="utf-8")
    proc = bilat(
        None,
        "--config",
        str(config),
        "ingest",
        "--no-extract",
        str(CORPUS / "c01_tass_putin_xi_call.txt"),
        cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "from-config.db").is_file()
    assert not (tmp_path / "bilat.db").exists()


def test_db_option_wins_over_the_config_file(tmp_path: Path) -> None:
    config = tmp_path / "mine.toml"
    config.write_text(f'[store]\ndb = "{tmp_path / "from-config.db"}"\n', encoding="utf-8")
    db = str(tmp_path / "from-option.db")
    assert (
        bilat(
            db,
            "--config",
            str(config),
            "ingest",
            "--no-extract",
            str(CORPUS / "c01_tass_putin_xi_call.txt"),
        ).returncode
        == 0
    )
    assert Path(db).is_file()
    assert not (tmp_path / "from-config.db").exists()


def test_config_file_can_turn_deduplication_off(tmp_path: Path) -> None:
    config = tmp_path / "mine.toml"
    config.write_text("[ingest]\ndedupe = false\n", encoding="utf-8")
    db = str(tmp_path / "bilat.db")
    pair = [CORPUS / "c01_tass_putin_xi_call.txt", CORPUS / "c19_republished_c01_tass_call.txt"]
    proc = bilat(db, "--config", str(config), "ingest", "--no-extract", *map(str, pair))
    assert proc.returncode == 0, proc.stderr
    assert {d["status"] for d in bilat_json(db, "docs")} == {"ok"}


@pytest.mark.parametrize(
    "content", ["[ingest]\nno_such_setting = 1\n", "[ingest]\nmax_bytes = -5\n", "not toml ["]
)
def test_a_bad_config_file_exits_2(tmp_path: Path, content: str) -> None:
    config = tmp_path / "bad.toml"
    config.write_text(content, encoding="utf-8")
    proc = bilat(str(tmp_path / "bilat.db"), "--config", str(config), "docs")
    assert proc.returncode == 2
    assert "bad.toml" in proc.stderr


def test_an_unopenable_store_exits_3(tmp_path: Path) -> None:
    proc = bilat(str(tmp_path), "docs", "--json")  # a directory is not an SQLite file
    assert proc.returncode == 3
    assert proc.stderr.startswith("error:")


# -- PostgreSQL ----------------------------------------------------------------------------


def test_the_cli_works_on_either_backend(db_url: str) -> None:
    names = [
        "c01_tass_putin_xi_call.txt",
        "c05_interfax_china_customs_2024.txt",
        "c06_izvestia_mt_trade_slowdown.txt",
        "c19_republished_c01_tass_call.txt",
    ]
    proc = bilat(db_url, "ingest", *(str(CORPUS / n) for n in names))
    assert proc.returncode == 0, proc.stderr
    docs = bilat_json(db_url, "docs")
    assert sorted(d["name"] for d in docs) == names
    assert {d["name"]: d["status"] for d in docs}[names[-1]] == "near_duplicate"
    assert bilat_json(db_url, "show", names[1])["text"] == (CORPUS / names[1]).read_text("utf-8")
    turnover = [
        cl["doc"]
        for c in bilat_json(db_url, "conflicts")
        if c["measure"] == "trade_turnover" and c["period"] == "2024"
        for cl in c["claims"]
    ]
    assert {names[1], names[2]} <= set(turnover)
    assert bilat(db_url, "show", "nope.txt").returncode == 4
