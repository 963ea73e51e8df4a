"""Cost of near-duplicate detection for one new document, against 1k and 10k stored ones.

    .venv/bin/python benchmarks/dedupe_lookup.py [--sizes 1000 10000] [--source-tree DIR]

Builds a SQLite store per size with that many stored documents (generated ~500-word reports:
paragraphs of examples/corpus drawn at random, signatures and band keys as `bilat ingest`
stores them), then times, in a fresh child process, what one ingest spends on near
duplicates: setting up the detector and checking one new report against the store.
`--source-tree` runs another checkout's `src/` (e.g. the commit before the band table, which
loaded every stored signature and rebuilt the LSH index on each ingest) on the same stores.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ingest_memory import corpus_paragraphs

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "examples" / "corpus"

_CHILD = """
import sys, time
from pathlib import Path
from bilat.config import load_options
from bilat.ingest import dedupe
from bilat.ingest.pipeline import _Deduper
from bilat.offsets import OffsetMap
from bilat.records import Article, CleanDocument
from bilat.store import open_store
store = open_store(sys.argv[1])
text = Path(sys.argv[2]).read_text("utf-8")
clean = CleanDocument(
    Article("new.txt", "new.txt", text, "txt"), text, OffsetMap.identity(len(text)), "en", None
)
digest, sig = dedupe.content_hash(text), dedupe.signature(text)
t0 = time.perf_counter()
deduper = _Deduper(store, True, load_options().ingest.near_duplicate_threshold)
decision = deduper.classify(clean, digest, sig)
print(f"{time.perf_counter() - t0:.3f} {decision[0]}")
"""


def build(db: str, size: int) -> None:
    from bilat.config import load_options
    from bilat.ingest import dedupe
    from bilat.ingest.pipeline import _Deduper
    from bilat.offsets import OffsetMap
    from bilat.records import Article, CleanDocument
    from bilat.store import DocumentRow, open_store

    rng, pool = random.Random(size), corpus_paragraphs()
    store = open_store(db)
    deduper = _Deduper(store, True, load_options().ingest.near_duplicate_threshold)
    for i in range(size):
        text = "\n\n".join([f"Stored report {i}.", *rng.sample(pool, k=6)])
        clean = CleanDocument(
            Article(f"s{i}.txt", f"s{i}.txt", text, "txt"), text, OffsetMap.identity(len(text)),
            "en", None,
        )  # fmt: skip
        sig = dedupe.signature(text)
        row = DocumentRow(
            clean, dedupe.content_hash(text), "ok", None, sig, tuple(deduper.keys(sig))
        )
        with store.transaction():
            store.add_document(row)
    store.close()


def timed(db: str, new_file: Path, source_tree: str | None) -> str:
    env = dict(os.environ)
    if source_tree:
        env["PYTHONPATH"] = str(Path(source_tree) / "src")
    with tempfile.TemporaryDirectory(prefix="bilat-dd-run-") as tmp:
        copy = str(Path(tmp) / "copy.db")
        shutil.copy(db, copy)
        proc = subprocess.run(
            [sys.executable, "-c", _CHILD, copy, str(new_file)],
            env=env, capture_output=True, text=True, check=False,
        )  # fmt: skip
    if proc.returncode != 0:
        sys.exit(proc.stderr[-2000:])
    return proc.stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--source-tree", action="append", default=[], help="repeatable")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bilat-dd-") as tmp:
        new_file = Path(tmp) / "new.txt"
        new_file.write_text((CORPUS / "c01_tass_putin_xi_call.txt").read_text("utf-8"), "utf-8")
        for size in args.sizes:
            db = str(Path(tmp) / f"store{size}.db")
            build(db, size)
            for tree in [None, *args.source_tree]:
                seconds, decision = timed(db, new_file, tree).split()
                where = tree or "this tree"
                print(f"{size:>6} stored, {where}: near-duplicate check {seconds}s ({decision})")


if __name__ == "__main__":
    main()
