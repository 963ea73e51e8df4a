"""Commands of the `bilat` CLI (registered on `bilat.cli.main`)."""

from __future__ import annotations

import dataclasses
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from bilat.cli import Ctx, _echo_json, _run, main, pass_ctx
from bilat.records import Document

if TYPE_CHECKING:
    from bilat.config import Options

_DOC_FIELDS = (
    "id",
    "name",
    "title",
    "published",
    "published_basis",
    "source",
    "language",
    "status",
)


def _doc_json(doc: Document, full: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {k: getattr(doc, k) for k in _DOC_FIELDS}
    out.update(
        version=doc.version,
        duplicate_of=doc.duplicate_of,
        url=doc.url,
        ingested_at=doc.ingested_at,
        extractor_version=doc.extractor_version,
        failure=doc.failure,
        published_evidence=[
            {"start": e.start, "end": e.end, "quote": e.quote} for e in doc.published_evidence
        ],
    )
    if full:
        out.update(
            text=doc.text,
            clean_text=doc.clean_text,
            metadata=doc.metadata,
            offsets=doc.offsets.to_json(),
        )
    return out


def _on_dask(options: Options, scheduler: str | None) -> Options:
    """`options` extracting on the Dask workers of `scheduler` (given as --scheduler)."""
    if not scheduler:
        return options
    extract = dataclasses.replace(options.extract, executor="dask", scheduler=scheduler)
    return dataclasses.replace(options, extract=extract)


_F = Callable[..., object]


def _scheduler_option(fn: _F) -> _F:
    return click.option(
        "--scheduler",
        metavar="ADDRESS",
        help="Extract on the workers of this Dask scheduler (tcp://host:8786); see "
        "docs/scaling.md.",
    )(fn)


@main.command()
@click.argument("paths", nargs=-1)
@click.option(
    "--urls",
    "urls",
    type=click.Path(dir_okay=False, path_type=Path),
    help="File with one URL per line to fetch over HTTP(S).",
)
@click.option(
    "--feed",
    "feeds",
    multiple=True,
    metavar="URL_OR_FILE",
    help="RSS/Atom feed: fetch each new entry's page (repeatable).",
)
@click.option("--allow-private", is_flag=True, help="Allow fetching loopback/private addresses.")
@click.option("--no-dedupe", is_flag=True, help="Store exact and near duplicates as new documents.")
@click.option("--no-extract", is_flag=True, help="Only store documents; run `bilat extract` later.")
@click.option(
    "--follow-links", is_flag=True, help="Read symbolic links that lead out of a given folder."
)
@_scheduler_option
@pass_ctx
def ingest(
    c: Ctx,
    paths: tuple[str, ...],
    urls: Path | None,
    feeds: tuple[str, ...],
    allow_private: bool,
    no_dedupe: bool,
    no_extract: bool,
    follow_links: bool,
    scheduler: str | None,
) -> None:
    """Ingest files, directories (recursive), '-' for stdin, --urls FILE or --feed URL.

    Exit status 1 when any input was rejected (the others are stored).
    """
    from bilat.cli_progress import JobProgress
    from bilat.pipeline import ingest_and_extract

    if not paths and urls is None and not feeds:
        raise click.UsageError(
            "give at least one PATH (or '-' for stdin), --urls FILE or --feed URL_OR_FILE"
        )
    from bilat.ingest.readers import count_inputs

    t0 = time.perf_counter()
    total = count_inputs(paths) if urls is None and not feeds else None
    with JobProgress() as shown:
        job = _run(
            lambda: ingest_and_extract(
                c.store,
                list(paths),
                _on_dask(c.options, scheduler),
                extract=not no_extract,
                progress=shown.track("extracting"),
                read_progress=shown.track("reading", total),
                on_rejected=shown.reject,
                urls_file=urls,
                feeds=feeds,
                allow_private=allow_private,
                dedupe_enabled=False if no_dedupe else None,
                stdin=sys.stdin.buffer,
                follow_links=follow_links,
            )
        )
    report, extracted, failed = job.ingest, job.extracted, job.failed
    dups = report.duplicates
    click.echo(
        f"ingested {len(report.added) - len(dups)} new, {len(dups)} duplicate, "
        f"{len(report.unchanged)} unchanged, "
        + (f"{len(report.seen)} seen, " if feeds else "")
        + f"{len(report.rejected)} rejected; "
        f"extracted {extracted} in {time.perf_counter() - t0:.1f}s",
        err=True,
    )
    for name, reason in report.rejected:
        click.echo(f"rejected {name}: {reason}", err=True)
    for line in failed:
        click.echo(f"failed {line} (see `bilat docs --status failed`)", err=True)
    if report.rejected or failed:
        sys.exit(1)


@main.command()
@click.option(
    "--force",
    is_flag=True,
    help="Re-extract every document (and retry failed ones), not only stale ones.",
)
@_scheduler_option
@pass_ctx
def extract(c: Ctx, force: bool, scheduler: str | None) -> None:
    """Run extraction on stored documents whose extractor version is older."""
    from bilat.cli_progress import JobProgress
    from bilat.extract import run_extraction
    from bilat.record_update import refresh_record

    def job() -> tuple[int, list[str]]:
        with c.store.write_lock(c.options.lock_timeout):
            docs = None
            if force:
                docs = c.store.documents(status="ok") + c.store.documents(status="failed")
            options = _on_dask(c.options, scheduler).extract
            out = run_extraction(c.store, options, docs, progress=shown.track("extracting"))
            refresh_record(c.store)  # a rebuild unless the only change is new documents
            return out

    with JobProgress() as shown:
        done, failed = _run(job)
    click.echo(f"extracted {done} document(s), {len(failed)} failed", err=True)
    for line in failed:
        click.echo(f"failed {line}", err=True)
    sys.exit(1 if failed else 0)


@main.command()
@click.option("--json", "as_json", is_flag=True, help="JSON array.")
@click.option("--all-versions", is_flag=True, help="Include superseded versions.")
@click.option(
    "--status",
    type=click.Choice(["ok", "duplicate", "near_duplicate", "failed"]),
    default=None,
    help="Only documents with this status ('failed': extraction failed, with the reason).",
)
@pass_ctx
def docs(c: Ctx, as_json: bool, all_versions: bool, status: str | None) -> None:
    """List stored documents."""
    items = _run(lambda: c.store.documents(current_only=not all_versions, status=status))
    if as_json:
        _echo_json([_doc_json(d) for d in items])
        return
    for d in items:
        dup = f" -> #{d.duplicate_of}" if d.duplicate_of else ""
        date = f"~{d.published}" if d.published_basis == "implied" else d.published or "?"
        why = f"  [{d.failure}]" if d.failure else ""
        click.echo(
            f"#{d.id:<4} {date:<11} {d.status}{dup:<8} {d.name}  {(d.title or '')[:60]}{why}"
        )


@main.command(name="rm")
@click.argument("keys", nargs=-1, required=True)
@pass_ctx
def remove(c: Ctx, keys: tuple[str, ...]) -> None:
    """Remove documents (by id: that version; by name: every version) and their items, then
    rebuild the record. Exit status 4 when a document does not exist."""
    from bilat.extract import run_extraction
    from bilat.record import rebuild_record

    def job() -> None:
        with c.store.write_lock(c.options.lock_timeout):
            for key in keys:
                ids = c.store.remove_document(key)
                click.echo(f"removed {key} (document id {', '.join(map(str, ids))})", err=True)
            run_extraction(c.store, c.options.extract)  # a copy that took a removed one's place
            rebuild_record(c.store)

    _run(job)


@main.command()
@click.argument("key")
@click.option("--json", "as_json", is_flag=True, help="JSON object with text and clean_text.")
@pass_ctx
def show(c: Ctx, key: str, as_json: bool) -> None:
    """Show one document (by name or id) and what was extracted from it."""
    doc = _run(lambda: c.store.get_document(key))
    ext = c.store.load_extraction(doc.id)
    if as_json:
        from bilat.export import to_gold

        data = _doc_json(doc, full=True)
        data["extraction"] = to_gold(ext, doc.published) if ext else None
        _echo_json(data)
        return
    click.echo(f"#{doc.id} {doc.name} (v{doc.version}, {doc.status}) {doc.published or ''}")
    if doc.published_basis == "implied":
        because = ", ".join(
            f"“{e.quote}” (chars {e.start}-{e.end})" for e in doc.published_evidence
        )
        click.echo(f"date implied by the text: {because}")
    click.echo(f"title: {doc.title or ''}\n")
    click.echo(doc.clean_text)
    if ext is not None:
        click.echo(
            f"\n{len(ext.actors)} actors, {len(ext.events)} events, "
            f"{len(ext.figures)} figures, {len(ext.agreements)} agreements, "
            f"{len(ext.commitments)} commitments"
        )


@main.command()
@click.option("--json", "as_json", is_flag=True, help="JSON array with name and reason.")
@pass_ctx
def rejects(c: Ctx, as_json: bool) -> None:
    """List inputs that were rejected, with the reason."""
    items = _run(c.store.rejects)
    if as_json:
        _echo_json(items)
        return
    for r in items:
        click.echo(f"{r['name']}: {r['reason']}")


_EXPORTS = {
    "jsonl": ("bilat.export.per_document", "export_jsonl", "documents"),
    "gold": ("bilat.export.per_document", "export_gold", "documents"),
    "csv": ("bilat.export.csvfile", "export_csv", "rows"),
    "parquet": ("bilat.export.parquet", "export_parquet", "rows"),
    "plover": ("bilat.export.plover", "export_plover", "events"),
    "ftm": ("bilat.export.ftm", "export_ftm", "entities"),
}


@main.command()
@click.option("--format", "fmt", type=click.Choice(list(_EXPORTS)), required=True)
@click.option(
    "--out",
    "out",
    type=click.Path(path_type=Path),
    required=True,
    help="Output file (jsonl, plover, ftm) or directory (gold, csv, parquet).",
)
@pass_ctx
def export(c: Ctx, fmt: str, out: Path) -> None:
    """Export the record: per-document JSON (jsonl, gold), one flat table per kind of item
    (csv, parquet), PLOVER-style event records or FollowTheMoney entities (JSON Lines)."""
    import importlib

    module, name, unit = _EXPORTS[fmt]
    fn = getattr(importlib.import_module(module), name)
    try:
        result = _run(lambda: fn(c.store, out))
    except OSError as exc:
        where = exc.filename or out
        click.echo(f"error: cannot write {where}: {exc.strerror or exc} (--out {out})", err=True)
        sys.exit(1)
    if isinstance(result, dict):  # rows per table
        tables = ", ".join(f"{t} {n}" for t, n in result.items())
        click.echo(f"wrote {sum(result.values())} rows to {out}/ ({tables})", err=True)
    else:
        click.echo(f"wrote {result} {unit} to {out}", err=True)


@main.command(name="eval")
@click.option("--gold", "gold_dir", type=click.Path(file_okay=False, path_type=Path), required=True)
@click.option("--docs", "docs_dir", type=click.Path(file_okay=False, path_type=Path), required=True)
@click.option("--json", "as_json", is_flag=True, help="Scores as JSON.")
@click.option(
    "--errors",
    "show_errors",
    is_flag=True,
    help="Also list every missed gold item and extra prediction, with the checks it fails.",
)
@pass_ctx
def eval_cmd(c: Ctx, gold_dir: Path, docs_dir: Path, as_json: bool, show_errors: bool) -> None:
    """Score extraction against gold annotations (GOLD.md) in a throw-away store."""
    from bilat.evaluate import errors_to_json, explain, format_errors, format_table, report_to_json
    from bilat.evaluate.run import evaluate

    run = _run(lambda: evaluate(gold_dir, docs_dir, c.options))
    errors = explain(run.report, run.gold, run.predicted) if show_errors else None
    if as_json:
        data = report_to_json(run.report)
        if errors is not None:
            data["errors"] = errors_to_json(errors)
        _echo_json(data)
        return
    if errors is not None:
        click.echo(format_errors(errors))
    click.echo(format_table(run.report))
