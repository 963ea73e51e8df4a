"""`bilat serve` and `bilat report` (registered on `bilat.cli.main`)."""

from __future__ import annotations

import ipaddress
from pathlib import Path

import click

from bilat.cli import Ctx, _run, main, pass_ctx

__all__ = ["read_token", "report", "serve"]


def read_token(token: str | None, token_file: Path | None) -> str | None:
    """The write token from --token or the first line of --token-file (None: writes off)."""
    if token and token_file:
        raise click.UsageError("give --token or --token-file, not both")
    if token_file is not None:
        try:
            lines = token_file.read_text(encoding="utf-8").strip().splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise click.UsageError(f"cannot read a token from {token_file}: {exc}") from exc
        if not lines:
            raise click.UsageError(f"the token file {token_file} is empty (or only spaces)")
        token = lines[0].strip()
    if token is not None and not token.strip():
        raise click.UsageError("the token is empty (or only spaces)")
    if token is not None and len(token) < 8:
        raise click.UsageError("the token must be at least 8 characters")
    return token or None


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--token", default=None, help="Bearer token that enables write endpoints.")
@click.option(
    "--token-file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="File whose first line is the token (keeps it out of the process list).",
)
@pass_ctx
def serve(c: Ctx, host: str, port: int, token: str | None, token_file: Path | None) -> None:
    """Serve the dashboard and the JSON API (/api, reference at /api/docs).

    Reads are open; writes (ingest, review) need the token. Binds to loopback by default.
    """
    import uvicorn

    from bilat.serve import create_app

    secret = read_token(token, token_file)
    if not _is_loopback(host):
        click.echo(
            f"warning: serving on {host}: every read endpoint is open to that network", err=True
        )
    app = _run(lambda: create_app(c.options.db, secret, c.options))
    click.echo(f"bilat: http://{host}:{port}/ (writes {'on' if secret else 'off'})", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


@main.command()
@click.option(
    "--out",
    "out",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="HTML file to write.",
)
@pass_ctx
def report(c: Ctx, out: Path) -> None:
    """Write a self-contained HTML brief: a one-screen summary (latest contacts, key figures,
    commitments due), then timeline, figures, conflicts, commitments, agreements."""
    from bilat.serve.report import write_report

    size = _run(lambda: write_report(c.store, out, c.pair_codes()))
    click.echo(f"wrote {out} ({size // 1024} KiB)", err=True)
