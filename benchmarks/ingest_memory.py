"""Peak memory of `bilat ingest` on a large JSONL: does the parent stay flat as the input grows?

    .venv/bin/python benchmarks/ingest_memory.py [--articles 5000] [--n-process 1]
                                                 [--no-extract] [--no-record]
                                                 [--source-tree DIR]

Builds a JSONL of `--articles` generated articles (paragraphs of examples/corpus reports drawn
at random, each with its own opening line), then runs `bilat ingest` on it once in a fresh
child process and prints the child's peak RSS (getrusage SELF: the parent only, not its
worker processes), the time and the counts. `--no-record` runs the same job without the record
rebuild at its end (which reads every stored item at once: its peak grows with the store, not
with the input). `--source-tree` runs another checkout's `src/` (e.g. the commit before a
change) with this virtualenv, for a before/after comparison on the same input.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "examples" / "corpus"

_CHILD = """
import resource, sys
from bilat.cli import main
try:
    main(sys.argv[1:], standalone_mode=False)
except SystemExit:
    pass
print("PEAK_RSS_KB", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
"""

# the main job without the record rebuild at its end (which reads every stored item at once)
_CHILD_NO_RECORD = """
import resource, sys
from pathlib import Path
from bilat.config import load_options
from bilat.pipeline import ingest_and_extract
from bilat.store import open_store
config, db, jsonl = sys.argv[2], sys.argv[4], sys.argv[6]
options = load_options(Path(config), db=db)
job = ingest_and_extract(open_store(db), [jsonl], options, reconcile=False)
new = len(job.ingest.added) - len(job.ingest.duplicates)
print(f"ingested {new} new, {len(job.ingest.duplicates)} duplicate; extracted {job.extracted}",
      file=sys.stderr)
print("PEAK_RSS_KB", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
"""


def corpus_paragraphs() -> list[str]:
    """Body paragraphs (15+ words) of the sample corpus: the material synthetic articles are
    made of (also benchmarks/dedupe_lookup.py)."""
    out = []
    for path in sorted(CORPUS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        out += [p.strip() for p in text.split("\n\n")[1:] if len(p.split()) >= 15]
    return out


def write_jsonl(path: Path, count: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    pool = corpus_paragraphs()
    with path.open("w", encoding="utf-8") as out:
        for i in range(count):
            body = rng.sample(pool, k=4)
            lead = f"Desk report {i}: correspondents filed this summary on day {i % 365 + 1}."
            article = {
                "id": f"gen-{i:05d}",
                "title": f"Generated report {i}",
                "published": f"2025-{i % 12 + 1:02d}-{i % 28 + 1:02d}",
                "text": "\n\n".join([lead, *body]),
            }
            out.write(json.dumps(article, ensure_ascii=False) + "\n")


def run(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory(prefix="bilat-mem-") as tmp:
        jsonl = Path(tmp) / "articles.jsonl"
        write_jsonl(jsonl, args.articles)
        config = Path(tmp) / "bilat.toml"
        config.write_text(f"[extract]\nn_process = {args.n_process}\n", encoding="utf-8")
        child = _CHILD_NO_RECORD if args.no_record else _CHILD
        cmd = [sys.executable, "-c", child, "--config", str(config), "--db"]
        cmd += [str(Path(tmp) / "bench.db"), "ingest", str(jsonl)]
        if args.no_extract:
            cmd.append("--no-extract")
        env = dict(os.environ)
        if args.source_tree:
            env["PYTHONPATH"] = str(Path(args.source_tree) / "src")
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
        seconds = time.perf_counter() - t0
    lines = proc.stderr.splitlines()
    peak = next((int(ln.split()[1]) for ln in lines if ln.startswith("PEAK_RSS_KB")), None)
    summary = next((ln for ln in lines if ln.startswith("ingested ")), "(no summary)")
    if peak is None:
        sys.exit(f"the run failed:\n{proc.stderr[-3000:]}")
    tree = args.source_tree or "this tree"
    print(
        f"source: {tree}; articles: {args.articles}; n_process: {args.n_process}; "
        f"extract: {not args.no_extract}; record: {not args.no_record}"
    )
    print(f"peak RSS (parent): {peak / 1024:.0f} MB; wall time {seconds:.0f}s")
    print(summary)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--n-process", type=int, default=1)
    parser.add_argument("--no-extract", action="store_true")
    parser.add_argument(
        "--no-record",
        action="store_true",
        help="skip the record rebuild at the end (its peak grows with the store, not the input)",
    )
    parser.add_argument("--source-tree", help="a checkout whose src/ is run instead")
    run(parser.parse_args())


if __name__ == "__main__":
    main()
