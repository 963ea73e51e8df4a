"""Russian throughput: how fast bilat extracts Russian articles, and what the Russian layer costs.

    .venv/bin/python benchmarks/throughput_ru.py [--docs ../shared/eval/dev-ru/docs] [--copies 20]

Reads the Russian articles (a folder of .json/.txt as bilat reads them; default the dev-ru set
in ../shared), ingests them once into a scratch store (untimed) and then, in this process:

1. first Russian document: the time to extract one document cold, which includes loading
   the Russian layer (natasha segmenter + slovnet NER + pymorphy3 dictionaries);
2. steady state: extraction of `--copies` copies of every document (1 process), reported as
   documents/s and words/s (words = whitespace tokens of the clean texts);
3. peak RSS of the process.
It also checks that extracting an English text does not import the Russian packages (the
layer is loaded lazily, so English throughput does not pay for it). Prints; asserts nothing.
"""

from __future__ import annotations

import argparse
import dataclasses
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bilat.records import Document

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DOCS = ROOT.parent / "shared" / "eval" / "dev-ru" / "docs"

_ENGLISH_ONLY = """
import sys
from bilat.config import load_options
from bilat.extract.workers import warm as _warm
_warm(load_options().extract)  # loads the English model and extracts an English text
print(sorted(m for m in ("natasha", "slovnet", "pymorphy3") if m in sys.modules))
"""


def _stored_documents(folder: Path, workdir: Path) -> list[Document]:
    from bilat.config import load_options
    from bilat.ingest import ingest
    from bilat.store import open_store

    db = str(workdir / "prepare.db")
    store = open_store(db)
    ingest(store, [str(folder)], load_options(None, db=db), dedupe_enabled=False)
    docs = [d for d in store.documents(status="ok") if d.language == "ru"]
    store.close()
    return docs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=Path, default=DEFAULT_DOCS)
    parser.add_argument("--copies", type=int, default=20)
    args = parser.parse_args()
    if not args.docs.is_dir():
        sys.exit(f"{args.docs}: no such folder (the dev-ru set lives in ../shared/eval/dev-ru)")

    from bilat.extract.gazetteer import default_gazetteer
    from bilat.extract.nlp_ru import parse_ru
    from bilat.extract.pipeline import extract_document

    with tempfile.TemporaryDirectory(prefix="bilat-bench-ru-") as tmp:
        docs = _stored_documents(args.docs, Path(tmp))
    if not docs:
        sys.exit(f"{args.docs}: no Russian documents")
    gaz = default_gazetteer()
    words = sum(len(d.clean_text.split()) for d in docs)

    start = time.perf_counter()
    first = docs[0]
    extract_document(first, parse_ru(first.clean_text), gaz=gaz)
    cold = time.perf_counter() - start

    batch = [dataclasses.replace(d, name=f"{i}-{d.name}") for i in range(args.copies) for d in docs]
    start = time.perf_counter()
    for doc in batch:
        extract_document(doc, parse_ru(doc.clean_text), gaz=gaz)
    warm = time.perf_counter() - start
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    english = subprocess.run(
        [sys.executable, "-c", _ENGLISH_ONLY], capture_output=True, text=True, check=True
    ).stdout.strip()
    print(f"Russian articles: {len(docs)} from {args.docs} ({words} words), x{args.copies} copies")
    print(f"first document, cold (loads the Russian layer): {cold:.2f} s")
    n, w = len(batch), words * args.copies
    print(
        f"steady state, 1 process: {n} docs in {warm:.2f} s = {n / warm:.1f} docs/s, "
        f"{w / warm:,.0f} words/s"
    )
    print(f"peak RSS: {rss:.0f} MiB")
    print(f"Russian packages imported by an English-only extraction: {english}")


if __name__ == "__main__":
    main()
