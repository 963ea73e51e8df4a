"""Ingest end to end on a real store (SQLite and PostgreSQL): idempotency, versions,
duplicates, rejects, and the offset map back to the original text."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from bilat.config import Options
from bilat.ingest import StoredDocument, ingest
from bilat.store import Store
from conftest import CORPUS


def _names(store: Store) -> list[str]:
    return sorted(d.name for d in store.documents())


def test_seeds_twice_store_five_documents(store: Store, options: Options, seeds: Path) -> None:
    first = ingest(store, [str(seeds)], options)
    second = ingest(store, [str(seeds)], options)
    assert len(first.added) == 5 and not first.rejected
    assert not second.added and len(second.unchanged) == 5
    assert len(store.documents()) == 5
    assert len(store.documents(current_only=False)) == 5


def test_seed_001_repeated_paragraphs_appear_once(
    store: Store, sqlite_options: Options, seeds: Path
) -> None:
    ingest(store, [str(seeds / "001_9cf5062af831eb83.txt")], sqlite_options)
    clean = store.get_document("001_9cf5062af831eb83.txt").clean_text
    for opening in (
        "The speech of the federal Minister of Industry and Trade",
        "After such a reprimand, the moderator of the session",
        "The forum itself became a kind of rehearsal",
    ):
        assert clean.count(opening) == 1, opening
    assert "realnoevremya.ru" not in clean


def test_every_clean_offset_maps_to_the_same_character(
    store: Store, sqlite_options: Options, seeds: Path
) -> None:
    ingest(store, [str(seeds), str(CORPUS)], sqlite_options, dedupe_enabled=False)
    docs = store.documents()
    assert len(docs) >= 25
    for doc in docs:
        for i, ch in enumerate(doc.clean_text):
            assert doc.text[doc.offsets.to_original(i)] == ch, (doc.name, i)


def test_publication_dates_from_metadata_and_datelines(store: Store, options: Options) -> None:
    ingest(store, [str(CORPUS)], options)
    by_name = {d.name: d for d in store.documents()}
    assert by_name["c10_worldnews_sco_tianjin_summit.html"].published == "2025-09-01"
    assert by_name["c14_undated_energy_analysis.txt"].published is None
    assert by_name["c11_feed_power_of_siberia_2_signed.json"].metadata.get("section")


def test_changed_file_becomes_a_new_version(store: Store, options: Options, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Russia and China signed a memorandum on gas supplies on Monday.\n")
    ingest(store, [str(path)], options)
    path.write_text("Russia and China signed a memorandum on oil supplies on Tuesday.\n")
    report = ingest(store, [str(path)], options)
    assert [d.version for d in report.added] == [2]
    assert len(store.documents()) == 1
    versions = store.documents(current_only=False)
    assert sorted(d.version for d in versions) == [1, 2]
    assert "oil" in store.get_document("a.txt").text


def test_near_duplicate_republication_is_linked(store: Store, options: Options) -> None:
    report = ingest(store, [str(CORPUS)], options)
    republished = store.get_document("c19_republished_c01_tass_call.txt")
    original = store.get_document("c01_tass_putin_xi_call.txt")
    assert republished.status == "near_duplicate"
    assert republished.duplicate_of == original.id
    assert StoredDocument.of(republished) in report.duplicates


def test_exact_copy_under_another_name_is_a_duplicate(
    store: Store, options: Options, tmp_path: Path
) -> None:
    src = CORPUS / "c05_interfax_china_customs_2024.txt"
    shutil.copy(src, tmp_path / "copy.txt")
    ingest(store, [str(src)], options)
    ingest(store, [str(tmp_path / "copy.txt")], options)
    copy = store.get_document("copy.txt")
    assert copy.status == "duplicate"
    assert copy.duplicate_of == store.get_document(src.name).id


def test_no_dedupe_stores_copies_as_documents(
    store: Store, options: Options, tmp_path: Path
) -> None:
    src = CORPUS / "c05_interfax_china_customs_2024.txt"
    shutil.copy(src, tmp_path / "copy.txt")
    ingest(store, [str(src), str(tmp_path / "copy.txt")], options, dedupe_enabled=False)
    assert {d.status for d in store.documents()} == {"ok"}


def _bad_folder(root: Path) -> dict[str, str]:
    """Write bad inputs; returns file name -> a word its reject reason must contain."""
    root.mkdir()
    (root / "good.txt").write_text("Putin and Xi met in Moscow on Tuesday to discuss trade.\n")
    (root / "good.json").write_text(json.dumps({"text": "Lavrov met Wang Yi in Beijing."}))
    (root / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    (root / "empty.txt").write_bytes(b"")
    (root / "latin1.txt").write_bytes("Caf\xe9 talks in Moscow".encode("latin-1"))
    (root / "broken.json").write_text('{"text": "unterminated')
    (root / "notext.json").write_text(json.dumps({"title": "no text here"}))
    (root / "broken.html").write_text("<html><body><div></div></body>")
    with (root / "huge.txt").open("wb") as fh:
        fh.truncate(60_000_000)
    (root / "dangling.txt").symlink_to(root / "missing-target.txt")
    return {
        "binary.txt": "binary",
        "empty.txt": "empty",
        "latin1.txt": "UTF-8",
        "broken.json": "JSON",
        "notext.json": "text",
        "broken.html": "text",
        "huge.txt": "MB",
        "dangling.txt": "",
    }


def test_bad_inputs_are_rejected_each_with_a_reason(
    store: Store, options: Options, tmp_path: Path
) -> None:
    expected = _bad_folder(tmp_path / "in")
    ingest(store, [str(CORPUS / "c01_tass_putin_xi_call.txt")], options)
    report = ingest(store, [str(tmp_path / "in")], options)
    reasons = dict(report.rejected)
    assert set(reasons) == set(expected)
    for name, word in expected.items():
        assert word.lower() in reasons[name].lower(), (name, reasons[name])
    assert _names(store) == ["c01_tass_putin_xi_call.txt", "good.json", "good.txt"]
    again = ingest(store, [str(tmp_path / "in")], options)
    assert len(again.rejected) == len(expected)
    assert len(store.rejects()) == len(expected)  # recorded once, not duplicated
    assert len(store.documents()) == 3


def test_stdin_is_an_article(store: Store, options: Options) -> None:
    text = b"MOSCOW, March 3, 2025. /TASS/. Lavrov and Wang Yi held talks on Monday.\n"
    report = ingest(store, ["-"], options, stdin=io.BytesIO(text))
    assert [d.name for d in report.added] == ["stdin"]
    assert store.get_document("stdin").published == "2025-03-03"


def test_jsonl_records_become_documents_and_bad_lines_rejects(
    store: Store, options: Options, tmp_path: Path
) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"id": "a1", "text": "Putin met Xi in Kazan."}),
        "{broken",
        json.dumps({"id": "a2", "text": "Mishustin visited Beijing.", "published": None}),
    ]
    path.write_text("\n".join(lines) + "\n")
    report = ingest(store, [str(path)], options)
    assert sorted(d.name for d in report.added) == ["a1", "a2"]
    assert [name for name, _ in report.rejected] == ["feed.jsonl:2"]


def test_raise_policy_stops_at_first_bad_input(
    store: Store, options: Options, tmp_path: Path
) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(Exception, match="empty"):
        ingest(store, [str(tmp_path)], options, on_error="raise")
