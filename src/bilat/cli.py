"""The `bilat` command line. Each command parses input, calls one function, prints the result.

Exit status: 0 success; 1 when some input was rejected or an item failed; 2 usage or
configuration errors (click's convention); 3 a store error; 4 not found.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from bilat.config import Options, load_options
from bilat.errors import BilatError, ConfigError, NotFound, StoreError
from bilat.store import Store, open_store

__all__ = ["main"]

T = TypeVar("T")


class Ctx:
    """What every command gets: the parsed options and a lazily opened store."""

    def __init__(self, options: Options, pair: str | None = None, creates: bool = True) -> None:
        self.options = options
        self.pair = pair  # the pair key the record commands show (None: every pair)
        self.creates = creates  # the command may create the database (ingest, watch, serve)
        self._store: Store | None = None

    def pair_codes(self) -> tuple[str, str]:
        """The shown pair as two codes, the configured pair's order kept ("RU", "IN")."""
        configured = self.options.extract.pair
        if self.pair is None or self.pair == "-".join(sorted(configured)):
            return configured
        a, b = self.pair.split("-")
        return (b, a) if b in configured else (a, b)

    @property
    def store(self) -> Store:
        if self._store is None:
            url, create = self.options.db, self.creates
            self._store = _run(lambda: open_store(url, create=create)).for_pair(self.pair)
        return self._store


pass_ctx = click.make_pass_decorator(Ctx)


def _echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


# Commands that may create the database; every other command reads an existing one, and a
# missing SQLite file is an error (exit 3) rather than a new, empty store.
_CREATING = frozenset({"ingest", "watch", "serve"})


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db", "db", default=None, help="SQLite path or postgresql:// URL [default: ./bilat.db]"
)
@click.option(
    "--config",
    "config",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="TOML file layered over the packaged defaults.",
)
@click.option(
    "--pair",
    "pair",
    default=None,
    metavar="XX-YY",
    help="Show the record of this pair of states (ISO codes: RU-IN, CN-KZ), or 'all' "
    "[default: the configured pair].",
)
@click.option("-v", "--verbose", is_flag=True, help="Log every document.")
@click.pass_context
def main(
    ctx: click.Context, db: str | None, config: Path | None, pair: str | None, verbose: bool
) -> None:
    """bilat: a sourced, reconciled record of a bilateral relationship from news reports."""
    logging.basicConfig(
        level=logging.INFO if verbose or not sys.stderr.isatty() else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    logging.getLogger("distributed").setLevel(logging.WARNING)  # Dask's per-worker chatter
    if config is None and Path("bilat.toml").is_file():
        config = Path("bilat.toml")  # a project file in the working directory
    from bilat.pairview import resolve_pair  # the record's modules: not for `--help`

    try:
        options = load_options(config, db=db)
        creates = ctx.invoked_subcommand in _CREATING
        ctx.obj = Ctx(options, resolve_pair(pair, options), creates)
    except (ConfigError, ValueError) as exc:
        raise click.UsageError(str(exc)) from exc


def _run(fn: Callable[[], T]) -> T:
    """Map domain errors to exit codes."""
    try:
        return fn()
    except NotFound as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(4)
    except StoreError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(3)
    except BilatError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)


from bilat import cli_commands, cli_record, cli_review, cli_watch, cli_web  # noqa: E402,F401

if __name__ == "__main__":  # pragma: no cover
    main()
