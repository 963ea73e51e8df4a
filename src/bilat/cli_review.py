"""`bilat review`: the review queue and review actions from the command line.

Every action is a judgement in the store (who and when), rebuilds the record so every
conclusion drawn from the item follows, and can be undone (`bilat review undo ID`).
"""

from __future__ import annotations

import getpass
from typing import Any

import click

from bilat.cli import Ctx, _echo_json, _run, main, pass_ctx
from bilat.errors import ReviewError
from bilat.store.judgements import EDITABLE, ITEM_TYPES

__all__ = ["review"]

_TYPES = click.Choice(ITEM_TYPES)


def _author(value: str | None) -> str:
    return value or getpass.getuser()


_AUTHOR = click.option("--author", default=None, help="Who reviews [default: the login name].")


@main.group(invoke_without_command=True)
@click.option(
    "--next",
    "next_",
    type=int,
    default=None,
    metavar="N",
    help="List the N unreviewed items that matter most (default 20).",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def review(ctx: click.Context, next_: int | None, as_json: bool) -> None:
    """Review extracted items: the queue (--next) and accept / reject / edit / undo."""
    if ctx.invoked_subcommand is not None:
        return
    from bilat.review_queue import review_queue

    c: Ctx = ctx.obj
    queue = _run(lambda: review_queue(c.store, next_ or 20))
    if as_json:
        _echo_json(queue)
        return
    click.echo(f"{queue['total']} unreviewed item(s); the {len(queue['items'])} that matter most:")
    for e in queue["items"]:
        who = e["outlet"] or e["doc"]
        click.echo(f"  {e['item_type']:<11} {e['id']:>5}  [{e['score']:>3}] {'; '.join(e['why'])}")
        click.echo(f"                     “{_cut(e['quote'])}” — {who}")


def _cut(text: str, width: int = 90) -> str:
    if len(text) <= width:
        return text
    return text[:width].rsplit(" ", 1)[0] + "…"


def _act(
    c: Ctx,
    item_type: str,
    item_id: int,
    action: str,
    author: str | None,
    payload: dict[str, Any] | None = None,
) -> None:
    from bilat.record import rebuild_record
    from bilat.store.judgements import add_judgement

    def run() -> dict[str, Any]:
        made = add_judgement(c.store.db, item_type, item_id, action, _author(author), payload)
        rebuild_record(c.store)
        return made

    made = _run(run)
    click.echo(f"judgement {made['id']}: {action} {item_type} {item_id} by {made['author']}")


@review.command()
@click.argument("item_type", type=_TYPES, metavar="ITEM_TYPE")
@click.argument("item_id", type=int)
@_AUTHOR
@pass_ctx
def accept(c: Ctx, item_type: str, item_id: int, author: str | None) -> None:
    """Mark an item right as extracted."""
    _act(c, item_type, item_id, "accept", author)


@review.command()
@click.argument("item_type", type=_TYPES, metavar="ITEM_TYPE")
@click.argument("item_id", type=int)
@_AUTHOR
@pass_ctx
def reject(c: Ctx, item_type: str, item_id: int, author: str | None) -> None:
    """Mark an item wrong: it leaves the record and everything drawn from it."""
    _act(c, item_type, item_id, "reject", author)


def _value(field: str, raw: str) -> Any:
    if field in ("participants", "parties"):
        return [p.strip() for p in raw.split(";") if p.strip()]
    if field in ("value", "value_max"):
        try:
            return None if raw == "" else float(raw)
        except ValueError:
            raise click.BadParameter(f"{field}={raw!r} is not a number") from None
    return raw or None


@review.command()
@click.argument("item_type", type=_TYPES, metavar="ITEM_TYPE")
@click.argument("item_id", type=int)
@click.argument("changes", nargs=-1, required=True, metavar="FIELD=VALUE...")
@_AUTHOR
@pass_ctx
def edit(
    c: Ctx, item_type: str, item_id: int, changes: tuple[str, ...], author: str | None
) -> None:
    """Correct fields of an item (lists separated by ';': participants='Xi Jinping; Russia')."""
    payload = {}
    for change in changes:
        field, sep, raw = change.partition("=")
        if not sep or field not in EDITABLE[item_type]:
            allowed = ", ".join(EDITABLE[item_type])
            raise click.BadParameter(f"{change!r}: use FIELD=VALUE with a field of {allowed}")
        payload[field] = _value(field, raw.strip())
    _act(c, item_type, item_id, "edit", author, payload)


@review.command()
@click.argument("judgement_id", type=int)
@pass_ctx
def undo(c: Ctx, judgement_id: int) -> None:
    """Revoke a judgement (it stays in the history); the record is rebuilt."""
    from bilat.record import rebuild_record
    from bilat.store.judgements import revoke_judgement

    def run() -> dict[str, Any]:
        revoked = revoke_judgement(c.store.db, judgement_id)
        rebuild_record(c.store)
        return revoked

    revoked = _run(run)
    click.echo(f"judgement {judgement_id} revoked at {revoked['revoked_at']}")


@review.command()
@click.option("--type", "item_type", type=_TYPES, default=None)
@click.option("--id", "item_id", type=int, default=None)
@pass_ctx
def history(c: Ctx, item_type: str | None, item_id: int | None) -> None:
    """Every judgement, revoked ones too, oldest first (JSON)."""
    from bilat.store.judgements import list_judgements

    if item_id is not None and item_type is None:
        raise click.UsageError(str(ReviewError("--id needs --type")))
    _echo_json(_run(lambda: list_judgements(c.store.db, item_type, item_id)))
