"""Bad inputs in one batch on a real store (SQLite and PostgreSQL): each kind is rejected with
its reason or stored as it should be, the batch goes on, and no other document is lost.

The whole batch (the kinds of `bad_inputs.CASES`, a few made on the file system, and three good
reports around them) is ingested and extracted once per backend, then again to check that
nothing stored is duplicated; each kind is then one parametrized check.
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from bad_inputs import CASES, GOOD, Case
from bilat.config import Options, load_options
from bilat.ingest import ingest
from bilat.pipeline import JobReport, ingest_and_extract
from bilat.store import Store, open_store
from conftest import _drop_pg, _pg_url

# Kinds that exist only on the file system: name -> reason of their reject.
FS_KINDS = {
    "bad-name-\udcff.txt": "file name is not valid UTF-8",
    "broken-link.txt": "broken symbolic link",
    "link-out.txt": "outside the input folder; bilat does not follow it (use --follow-links)",
    "dir-link-out": "outside the input folder",
    "fifo.txt": "named pipe",
    "over-max-bytes.txt": "larger than the 0.3 MB cap",
    "explicit.exe": "unsupported file type '.exe'",
    "missing.txt": "no such file",
}
JSONL_GOOD = [f"jsonl-ok-{i}" for i in range(1, 7)]


@dataclass
class Batch:
    store: Store
    first: JobReport
    second: JobReport
    options: Options


def _write_inputs(root: Path) -> list[str]:
    folder = root / "in"
    folder.mkdir()
    for name, text in GOOD.items():
        (folder / name).write_text(text, encoding="utf-8")
    for case in CASES:
        (folder / case.name).write_bytes(case.data)
    (folder / os.fsencode("bad-name-\udcff.txt").decode("utf-8", "surrogateescape")).write_bytes(
        b"Russia and China."
    )
    (folder / "broken-link.txt").symlink_to(folder / "nowhere.txt")
    secret = root / "secret"
    secret.mkdir()
    (secret / "passwd.txt").write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    (folder / "link-out.txt").symlink_to(secret / "passwd.txt")
    (folder / "dir-link-out").symlink_to(secret)
    (folder / "inside-link.txt").symlink_to(folder / "000-good.txt")  # stays inside: read
    os.mkfifo(folder / "fifo.txt")
    (folder / "over-max-bytes.txt").write_bytes(b"Russia and China met. " * 15_000)
    (folder / "loop").symlink_to(folder)  # a directory loop: walked once
    explicit = root / "explicit.exe"
    explicit.write_bytes(b"MZ")
    return [str(folder), str(explicit), str(root / "missing.txt")]


def _options(root: Path, db: str) -> Options:
    config = root / "bilat.toml"
    config.write_text("[ingest]\nmax_bytes = 300_000\n", encoding="utf-8")
    return load_options(config, db=db)


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def batch(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Batch]:
    root = tmp_path_factory.mktemp("bad")
    url = str(root / "bilat.db") if request.param == "sqlite" else _pg_url()
    options = _options(root, url)
    paths = _write_inputs(root)
    store = open_store(url)
    try:
        # no dedupe: several kinds carry the same report, and each must be stored as itself
        first = ingest_and_extract(store, paths, options, dedupe_enabled=False)
        second = ingest_and_extract(store, paths, options, dedupe_enabled=False)
        yield Batch(store, first, second, options)
    finally:
        store.close()
        if request.param == "postgresql":
            _drop_pg(url)


def _rejects(batch: Batch, name: str) -> list[str]:
    return [r["reason"] for r in batch.store.rejects() if r["name"].split(":")[0] == name]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_kind_is_rejected_with_its_reason_or_stored(batch: Batch, case: Case) -> None:
    reasons = _rejects(batch, case.name)
    assert len(reasons) == case.rejects, reasons
    if case.reason is not None:
        assert all(case.reason in r for r in reasons), reasons
    names = {d.name: d for d in batch.store.documents()}
    if case.stored is not None or case.failed is not None:
        doc = names[case.name]
        assert doc.status == ("failed" if case.failed else "ok")
        assert case.stored is None or case.stored in doc.text
        assert case.failed is None or case.failed in (doc.failure or "")
        if case.stored is not None:
            assert doc.extractor_version, "stored kinds are extracted like any document"
    elif case.rejects:
        assert case.name not in names


@pytest.mark.parametrize("name", sorted(FS_KINDS))
def test_file_system_kinds_are_rejected_with_their_reason(batch: Batch, name: str) -> None:
    shown = name.replace("\udcff", "\\udcff")
    reasons = _rejects(batch, shown)
    assert len(reasons) == 1 and FS_KINDS[name] in reasons[0], batch.store.rejects()


def test_the_good_documents_around_them_are_all_stored_and_extracted(batch: Batch) -> None:
    docs = {d.name: d for d in batch.store.documents()}
    for name in [*GOOD, *JSONL_GOOD, "inside-link.txt"]:
        assert docs[name].status == "ok" and docs[name].extractor_version, name
    assert not any("root:x:0" in d.text for d in docs.values()), "nothing from outside"
    assert batch.store.load_extraction(docs["000-good.txt"].id) is not None


def test_follow_links_reads_a_link_out_of_the_folder(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "outside.txt").write_text(GOOD["000-good.txt"], encoding="utf-8")
    (tmp_path / "in" / "linked.txt").symlink_to(tmp_path / "outside.txt")
    store = open_store(str(tmp_path / "bilat.db"))
    options = load_options(None, db=str(tmp_path / "bilat.db"))
    assert ingest(store, [str(tmp_path / "in")], options).rejected
    report = ingest(store, [str(tmp_path / "in")], options, follow_links=True)
    assert [d.name for d in report.added] == ["linked.txt"]
    store.close()


def test_a_second_run_adds_nothing_and_duplicates_nothing(batch: Batch) -> None:
    assert not batch.second.ingest.added
    stored = batch.store.documents(current_only=False)
    assert len(stored) == len({d.name for d in stored}), "no spurious versions"
    expected = sum(c.rejects for c in CASES) + len(FS_KINDS)
    assert len(batch.store.rejects()) == expected, "one reject row per input (or JSONL line)"
    assert len(batch.second.ingest.rejected) == expected


def test_failed_documents_are_not_retried_and_do_not_block_the_record(batch: Batch) -> None:
    failed = [d.name for d in batch.store.documents(status="failed")]
    assert sorted(failed) == ["long-sentence.txt", "many-sentences.txt"]
    assert not batch.second.failed, "a quarantined document is not extracted again"
    assert batch.store.load_record() is not None


def test_every_reject_names_its_input(batch: Batch) -> None:
    for name, reason in batch.first.ingest.rejected:
        assert name and reason
        assert "Traceback" not in reason and "RecursionError" not in reason


# --- standard input ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b'[{"text": "Russia and China met."}]', "found a list of 1 items; use .jsonl"),
        (b"[" * 50_000 + b"]" * 50_000, "nested more than"),
        (b'{"text": "x", "n": ' + b"1" * 5000 + b"}", "5,000 digits"),
        (b"", "empty file"),
        (b"   \n ", "only whitespace"),
        ("Russia and China met.".encode("utf-16-le"), "UTF-16"),
    ],
    ids=["array", "deep", "big-int", "empty", "spaces", "utf16"],
)
def test_bad_standard_input_is_rejected_with_its_reason(
    sqlite_options: Options, data: bytes, reason: str
) -> None:
    store = open_store(sqlite_options.db)
    report = ingest(store, ["-"], sqlite_options, stdin=io.BytesIO(data))
    assert not report.added
    assert [r[0] for r in report.rejected] == ["stdin"]
    assert reason in report.rejected[0][1]
    store.close()


def test_standard_input_text_that_is_not_json_is_stored(sqlite_options: Options) -> None:
    store = open_store(sqlite_options.db)
    text = b"[Moscow] Russia and China met on Monday, officials said."
    report = ingest(store, ["-"], sqlite_options, stdin=io.BytesIO(text))
    assert [d.name for d in report.added] == ["stdin"]
    store.close()


# --- the command line: a poisoned document is listed, removed, and blocks nothing ---------------


def test_a_failed_document_is_listed_and_removed_from_the_cli(tmp_path: Path) -> None:
    from test_cli import bilat

    db, folder = str(tmp_path / "bilat.db"), tmp_path / "in"
    folder.mkdir()
    (folder / "poison.txt").write_text(" ".join(["word"] * 1500) + ".", encoding="utf-8")
    (folder / "good.txt").write_text(GOOD["000-good.txt"], encoding="utf-8")
    first = bilat(db, "ingest", str(folder))
    assert first.returncode == 1 and "failed poison.txt" in first.stderr, first.stderr
    listed = json.loads(bilat(db, "docs", "--status", "failed", "--json").stdout)
    assert [(d["name"], "max_sentence_tokens" in d["failure"]) for d in listed] == [
        ("poison.txt", True)
    ]
    again = bilat(db, "ingest", str(folder))  # nothing new, nothing retried
    assert again.returncode == 0 and "2 unchanged" in again.stderr, again.stderr
    assert bilat(db, "rm", "poison.txt").returncode == 0
    assert bilat(db, "rm", "poison.txt").returncode == 4
    names = [d["name"] for d in json.loads(bilat(db, "docs", "--json").stdout)]
    assert names == ["good.txt"]
    assert json.loads(bilat(db, "figures", "--json").stdout), "the good report's figure stays"


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "is empty"), (b"   \n  \n", "is empty"), (b"\xff\xfe", "cannot read a token")],
    ids=["empty", "spaces", "not-utf8"],
)
def test_a_bad_token_file_says_what_is_wrong(tmp_path: Path, content: bytes, message: str) -> None:
    import click

    from bilat.cli_web import read_token

    path = tmp_path / "token"
    path.write_bytes(content)
    with pytest.raises(click.UsageError, match=message):
        read_token(None, path)
    with pytest.raises(click.UsageError, match="empty"):
        read_token(" " * 12, None)


def test_the_same_file_name_in_two_folders_is_two_documents(tmp_path: Path) -> None:
    root = tmp_path / "in"
    for sub, city in (("a", "Moscow"), ("b", "Beijing")):
        (root / sub).mkdir(parents=True)
        (root / sub / "report.txt").write_text(
            f"Russia and China met in {city} on Monday, officials said.", encoding="utf-8"
        )
    db = str(tmp_path / "bilat.db")
    store, options = open_store(db), load_options(None, db=db)
    first = ingest(store, [str(root)], options)
    second = ingest(store, [str(root)], options)
    assert sorted(d.name for d in first.added) == ["a/report.txt", "b/report.txt"]
    assert not second.added and len(second.unchanged) == 2, "a re-run adds no versions"
    other = tmp_path / "other"  # a second folder given in the same run, same relative name
    (other / "a").mkdir(parents=True)
    (other / "a" / "report.txt").write_text("Russia and China met in Kazan.", encoding="utf-8")
    third = ingest(store, [str(root), str(other)], options)
    assert [name for name, _ in third.rejected] == ["a/report.txt"]
    assert "same document name" in third.rejected[0][1]
    assert len(store.documents(current_only=False)) == 2
    store.close()


def test_removing_a_document_hands_its_place_to_its_first_copy(tmp_path: Path) -> None:
    from bilat.store.documents import remove_document

    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):  # the same report three times
        (folder / name).write_text(GOOD["000-good.txt"], encoding="utf-8")
    db = str(tmp_path / "bilat.db")
    store, options = open_store(db), load_options(None, db=db)
    ingest(store, [str(folder)], options)
    with store.transaction():
        remove_document(store.db, "a.txt")
    docs = {d.name: d for d in store.documents()}
    assert docs["b.txt"].status == "ok" and docs["b.txt"].duplicate_of is None
    assert docs["c.txt"].status == "duplicate" and docs["c.txt"].duplicate_of == docs["b.txt"].id
    store.close()
