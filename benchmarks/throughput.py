"""Throughput: bilat ingest+extract vs bare spaCy NER, side by side on the same texts.

    .venv/bin/python benchmarks/throughput.py [--processes 2] [--repeat 3] [--copies N]
                                              [--corpus DIR] [--batch-size 64] [--profile]

Each measured run is a fresh child process (this script with `--child`), so model loading,
worker start-up and peak RSS (getrusage SELF and CHILDREN) belong to that run alone. Both sides
import spaCy and bilat before the clock starts; both include model loading and worker start-up.
Runs alternate (bilat, bare, bare, bilat, ...) and the median of `--repeat` runs is reported.
See benchmarks/README.md for what is measured and how to read it.
"""

from __future__ import annotations

import argparse
import cProfile
import dataclasses
import json
import math
import multiprocessing
import os
import pstats
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCES = (ROOT / "examples" / "corpus", ROOT.parent / "shared" / "seeds")
MIN_WORDS = 150_000
SIDES = ("bilat", "spacy")


# --- corpus ----------------------------------------------------------------------------------


def build_corpus(dest: Path, copies: int | None) -> int:
    """Write `copies` of every seed .txt into `dest`, each with a unique first line."""
    seeds = [p for d in DEFAULT_SOURCES if d.is_dir() for p in sorted(d.glob("*.txt"))]
    if not seeds:
        sys.exit("no seed texts found in examples/corpus or ../shared/seeds")
    texts = {p: p.read_text(encoding="utf-8") for p in seeds}
    if copies is None:  # MIN_WORDS of raw text, plus one copy for what cleaning removes
        copies = math.ceil(MIN_WORDS / sum(len(t.split()) for t in texts.values())) + 1
    for i in range(1, copies + 1):
        for p, text in texts.items():
            name = f"copy{i:03d}_{p.parent.name}_{p.name}"
            (dest / name).write_text(f"Copy {i} of {p.name}\n{text}", encoding="utf-8")
    return copies


def clean_texts(corpus: Path, workdir: Path) -> list[str]:
    """The clean texts bilat's extraction sees: ingest once into a scratch store (untimed)."""
    from bilat.config import load_options
    from bilat.ingest import ingest
    from bilat.store import open_store

    db = workdir / "prepare.db"
    options = load_options(None, db=str(db))
    store = open_store(str(db))
    report = ingest(store, [str(corpus)], options, dedupe_enabled=False)
    if report.rejected:
        print(f"note: {len(report.rejected)} inputs rejected by ingest (excluded from both sides)")
    texts = [d.clean_text for d in store.documents(status="ok")]
    store.close()
    return texts


# --- one measured run (child process) --------------------------------------------------------


def _cpu_seconds() -> float:
    """User + system CPU of this process and its reaped children."""
    multiprocessing.active_children()  # reap finished workers so RUSAGE_CHILDREN sees them
    own, kids = (resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _usage(cpu0: float) -> dict[str, float]:
    cpu = _cpu_seconds() - cpu0
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"cpu": cpu, "rss_self": own, "rss_children": kids, "loadavg": os.getloadavg()[0]}


def run_bilat(spec: dict[str, Any]) -> dict[str, Any]:
    import spacy  # noqa: F401  (imported before the clock, as on the spaCy side)

    from bilat.config import load_options
    from bilat.pipeline import ingest_and_extract
    from bilat.store import open_store

    db = Path(spec["workdir"]) / f"bilat-{time.time_ns()}.db"
    options = load_options(None, db=str(db))
    options = dataclasses.replace(
        options, extract=dataclasses.replace(options.extract, n_process=spec["processes"])
    )
    cpu0, t0 = _cpu_seconds(), time.perf_counter()
    store = open_store(str(db))
    # the CLI's job: extraction starts on each document as soon as it is stored, so ingest
    # overlaps with extraction (the ingest/extract split below is no longer sequential)
    job = ingest_and_extract(
        store, [spec["corpus"]], options, reconcile=False, dedupe_enabled=False
    )
    report, done, failed = job.ingest, job.extracted, job.failed
    t1 = t2 = time.perf_counter()
    store.close()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    return {
        "wall": t2 - t0,
        "ingest": t1 - t0,
        "extract": t2 - t1,
        "docs": done,
        "failed": len(failed),
        "added": len(report.added),
        **_usage(cpu0),
    }


def run_spacy(spec: dict[str, Any]) -> dict[str, Any]:
    import spacy

    from bilat.extract.nlp import EXCLUDE, model_name

    texts = json.loads(Path(spec["texts"]).read_text(encoding="utf-8"))
    cpu0, t0 = _cpu_seconds(), time.perf_counter()
    nlp = spacy.load(model_name(), exclude=EXCLUDE)
    if "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    nlp.max_length = 2_000_000
    t1 = time.perf_counter()
    docs = list(nlp.pipe(texts, n_process=spec["processes"], batch_size=spec["batch_size"]))
    t2 = time.perf_counter()
    ents = sum(len(d.ents) for d in docs)
    return {
        "wall": t2 - t0,
        "load": t1 - t0,
        "pipe": t2 - t1,
        "docs": len(docs),
        "ents": ents,
        **_usage(cpu0),
    }


def child_main(side: str, spec_path: str) -> None:
    spec = json.loads(Path(spec_path).read_text(encoding="utf-8"))
    result = run_bilat(spec) if side == "bilat" else run_spacy(spec)
    print(json.dumps(result))


def measure(side: str, spec_path: Path) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--child", side, "--spec", str(spec_path)]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        sys.exit(f"{side} run failed with exit code {proc.returncode}")
    return dict(json.loads(proc.stdout.strip().splitlines()[-1]))


# --- report ----------------------------------------------------------------------------------


def _line(side: str, run: dict[str, Any], words: int) -> str:
    if side == "bilat":
        parts = f"ingest+extract overlapped, {run['docs']} docs"
    else:
        parts = f"load {run['load']:.2f}s + pipe {run['pipe']:.2f}s"
    return (
        f" {side:<5} {words / run['wall']:>7,.0f} words/s  wall {run['wall']:6.2f}s ({parts})"
        f"  CPU {run['cpu']:6.2f}s  RSS {run['rss_self']:.0f}+{run['rss_children']:.0f} MB"
        f"  load avg {run['loadavg']:.1f}"
    )


def _median(runs: list[dict[str, Any]], key: str) -> float:
    return float(statistics.median(r[key] for r in runs))


def report(runs: dict[str, list[dict[str, Any]]], words: int, processes: int) -> None:
    print(f"\nmedian of {len(runs['bilat'])} runs, {processes} process(es):")
    rates, peaks, cpu_rates = {}, {}, {}
    for side in SIDES:
        wall, cpu = _median(runs[side], "wall"), _median(runs[side], "cpu")
        rates[side], cpu_rates[side] = words / wall, words / cpu
        own, kids = _median(runs[side], "rss_self"), _median(runs[side], "rss_children")
        peaks[side] = own + kids
        if side == "bilat":
            split = "ingest+extract overlapped"
        else:
            split = " + ".join(f"{k} {_median(runs[side], k):.2f}s" for k in ("load", "pipe"))
        print(
            f"  {side:<5}  {rates[side]:>8,.0f} words/s  wall {wall:6.2f}s ({split})"
            f"  CPU {cpu:.2f}s = {cpu_rates[side]:,.0f} words/CPU-s"
            f"  peak RSS self {own:.0f} MB + largest child {kids:.0f} MB"
        )
    ratio = rates["bilat"] / rates["spacy"]
    verdict = "meets" if ratio >= 0.8 else "BELOW"
    print(f"  ratio bilat/spaCy {ratio:.2f} wall ({verdict} the 0.8 target)", end="")
    print(f", {cpu_rates['bilat'] / cpu_rates['spacy']:.2f} per CPU-second")
    best = {side: min(r["wall"] for r in runs[side]) for side in SIDES}
    print(
        f"  best of {len(runs['bilat'])}: bilat {words / best['bilat']:,.0f} words/s,"
        f" spaCy {words / best['spacy']:,.0f} words/s, ratio {best['spacy'] / best['bilat']:.2f}"
    )
    print(
        f"\nbilat {rates['bilat']:,.0f} words/s | spaCy {rates['spacy']:,.0f} words/s"
        f" | ratio {ratio:.2f} | peak RSS bilat {peaks['bilat']:.0f} MB,"
        f" spaCy {peaks['spacy']:.0f} MB  (self + largest child)"
    )


# --- profile (in process, single process) -----------------------------------------------------


class StageTimer:
    """CPU seconds (process_time) per stage: steadier than wall time on a busy machine."""

    def __init__(self) -> None:
        self.total: dict[str, float] = defaultdict(float)

    @contextmanager
    def __call__(self, stage: str) -> Iterator[None]:
        t0 = time.process_time()
        try:
            yield
        finally:
            self.total[stage] += time.process_time() - t0

    def show(self, title: str, words: int) -> None:
        whole = sum(self.total.values())
        print(f"\n{title}: {whole:.2f} CPU-s for {words:,} words")
        for stage, secs in sorted(self.total.items(), key=lambda kv: -kv[1]):
            print(f"  {stage:<32} {secs:7.3f}s  {100 * secs / whole:5.1f}%")


def _ingest_stages(store: Any, corpus: str, options: Any, timer: StageTimer) -> list[Any]:
    from bilat.ingest import dedupe
    from bilat.ingest.clean import clean_article
    from bilat.ingest.dates import find_published
    from bilat.ingest.language import detect_language
    from bilat.ingest.readers import decode_each, iter_inputs
    from bilat.store import DocumentRow

    with timer("read files"):
        raws = list(iter_inputs([corpus], max_bytes=options.ingest.max_bytes))
    docs = []
    for raw in raws:
        with timer("decode"):
            (art,) = list(decode_each(raw))
        with timer("find_published"):
            published = find_published(art.text, art.metadata, art.raw)
        with timer("clean_article"):
            clean = clean_article(dataclasses.replace(art, published=published))
        with timer("detect_language"):
            lang = detect_language(clean.clean_text)
        clean = dataclasses.replace(clean, published=published, language=lang)
        with timer("dedupe hash+signature"):
            digest = dedupe.content_hash(clean.clean_text)
            sig = dedupe.signature(clean.clean_text)
        with timer("store: current_version"):
            store.current_version(art.name)
        with timer("store: add_document"), store.transaction():
            docs.append(store.add_document(DocumentRow(clean, digest, "ok", None, sig)))
    return docs


def _extract_stages(store: Any, docs: list[Any], options: Any, timer: StageTimer) -> None:
    from bilat.extract import pipeline as p
    from bilat.extract.nlp import load_nlp

    with timer("model load (once)"):
        nlp = load_nlp(options.extract.model)
    with timer("gazetteer load (once)"):
        gaz = p.default_gazetteer()
    with timer("first doc, cold caches (once)"):
        p.extract_document(docs[0], nlp(docs[0].clean_text), options.extract.pair, gaz)
    for doc in docs:
        with timer("spaCy nlp(text)"):
            sdoc = nlp(doc.clean_text)
        with timer("sentences/context"):
            ctx = p.build_context(doc, sdoc, options.extract.pair)
        for name, fn in (
            ("actors", lambda c: p.extract_actors(c, gaz)),
            ("events", lambda c: p.extract_events(c, gaz)),
            ("figures", p.extract_figures),
            ("agreements", p.extract_agreements),
            ("commitments", p.extract_commitments),
        ):
            with timer(name):
                fn(ctx)
        with timer("extract_document (whole)"):
            result = p.extract_document(doc, sdoc, options.extract.pair, gaz)
        with timer("store: save_extraction"), store.transaction():
            store.save_extraction(doc.id, result)
    # `extract_document (whole)` repeats the rule stages: report grounding as the difference
    rules = sum(timer.total[k] for k in ("actors", "events", "figures", "agreements"))
    rules += timer.total["commitments"] + timer.total["sentences/context"]
    whole = timer.total.pop("extract_document (whole)")
    timer.total["grounding + records"] = max(0.0, whole - rules)


def profile(corpus: Path, workdir: Path, n_docs: int) -> None:
    """Stage timings and a cProfile of single-process ingest+extract over `n_docs` documents."""
    from bilat.config import load_options
    from bilat.extract import run_extraction
    from bilat.extract.nlp import load_nlp
    from bilat.ingest import ingest
    from bilat.store import open_store

    sub = workdir / "profile-corpus"
    sub.mkdir()
    for p in sorted(corpus.glob("*.txt"))[:n_docs]:
        (sub / p.name).write_bytes(p.read_bytes())
    options = load_options(None, db=str(workdir / "stages.db"))
    store = open_store(options.db)
    ingest_t, extract_t = StageTimer(), StageTimer()
    docs = _ingest_stages(store, str(sub), options, ingest_t)
    words = sum(len(d.clean_text.split()) for d in docs)
    _extract_stages(store, docs, options, extract_t)
    print(f"\n=== profile: {len(docs)} documents, 1 process ===")
    ingest_t.show("ingest stages", words)
    extract_t.show("extraction stages", words)

    load_nlp(options.extract.model)  # warm: cProfile below sees steady-state work only
    db = str(workdir / "cprofile.db")
    options = load_options(None, db=db)
    store = open_store(db)
    prof = cProfile.Profile()
    prof.enable()
    ingest(store, [str(sub)], options, dedupe_enabled=False)
    run_extraction(store, options.extract)
    prof.disable()
    for key in ("tottime", "cumulative"):
        print(f"\ncProfile of ingest + run_extraction, top 25 by {key}:")
        pstats.Stats(prof).strip_dirs().sort_stats(key).print_stats(25)


# --- main ------------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--processes", type=int, default=2, help="worker processes for both sides")
    ap.add_argument("--repeat", type=int, default=3, help="runs per side; the median is reported")
    ap.add_argument(
        "--copies", type=int, help=f"copies of the seed texts (default: ≥{MIN_WORDS:,} words)"
    )
    ap.add_argument("--corpus", type=Path, help="benchmark this folder, not a synthetic corpus")
    ap.add_argument(
        "--batch-size",
        type=int,
        help="nlp.pipe batch_size, spaCy side (default: extract.batch_size)",
    )
    ap.add_argument("--profile", action="store_true", help="also profile a 1-process run")
    ap.add_argument("--profile-docs", type=int, default=30, help="documents for --profile")
    ap.add_argument("--child", choices=SIDES, help=argparse.SUPPRESS)
    ap.add_argument("--spec", help=argparse.SUPPRESS)
    return ap.parse_args(argv)


def prepare(args: argparse.Namespace, work: Path) -> tuple[Path, int, Path]:
    """Corpus, clean-text word count and the spec file every measured run reads."""
    from bilat.config import load_options

    corpus = args.corpus
    if corpus is None:
        corpus = work / "corpus"
        corpus.mkdir()
        copies = build_corpus(corpus, args.copies)
        print(f"synthetic corpus: {copies} copies of the seed texts in {corpus}")
    texts = clean_texts(corpus, work)
    words = sum(len(t.split()) for t in texts)
    batch = args.batch_size or load_options(None).extract.batch_size
    print(f"{len(texts)} documents, {words:,} words (clean text, len(text.split()))")
    print(f"{args.processes} process(es); spaCy side nlp.pipe(batch_size={batch})")
    (work / "texts.json").write_text(json.dumps(texts), encoding="utf-8")
    spec = {
        "corpus": str(corpus),
        "texts": str(work / "texts.json"),
        "workdir": str(work),
        "processes": args.processes,
        "batch_size": batch,
    }
    (work / "spec.json").write_text(json.dumps(spec), encoding="utf-8")
    return corpus, words, work / "spec.json"


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    if args.child:
        child_main(args.child, args.spec)
        return
    with tempfile.TemporaryDirectory(prefix="bilat-bench-") as tmp:
        corpus, words, spec = prepare(args, Path(tmp))
        runs: dict[str, list[dict[str, Any]]] = {s: [] for s in SIDES}
        for i in range(args.repeat):
            for side in SIDES if i % 2 == 0 else SIDES[::-1]:
                runs[side].append(measure(side, spec))
                print(f"run {i + 1}:" + _line(side, runs[side][-1], words), flush=True)
        docs = {s: sorted({r["docs"] for r in runs[s]}) for s in SIDES}
        if len({*docs["bilat"], *docs["spacy"]}) != 1:
            print(f"warning: documents processed per run differ: {docs}")
        report(runs, words, args.processes)
        if args.profile:
            profile(corpus, Path(tmp), args.profile_docs)


if __name__ == "__main__":
    main()
