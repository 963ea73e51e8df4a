"""Commands over the reconciled record: reconcile, conflicts, timeline, figures, commitments,
agreements, actor, summary (registered on `bilat.cli.main`)."""

from __future__ import annotations

import re
import sys
from typing import Any

import click

from bilat.cli import Ctx, _echo_json, _run, main, pass_ctx
from bilat.cli_choices import (
    actor_names,
    check_actor,
    check_measure,
    check_period,
    check_type,
    did_you_mean,
)
from bilat.humanize import amount, clip, flow_label, period_label, qualified, relation_sign

_json = click.option("--json", "as_json", is_flag=True, help="Print JSON.")


def _claim_value(item: dict[str, Any]) -> str:
    """ "≥ $240 bn", "≈ 80–85%/year" for a figure or claim row."""
    return qualified(
        item.get("qualifier"),
        item.get("value"),
        item.get("unit"),
        item.get("value_max"),
        item.get("per"),
    )


@main.command()
@click.option("--rebuild", is_flag=True, help="Rebuild from every stored extraction (default).")
@_json
@pass_ctx
def reconcile(c: Ctx, rebuild: bool, as_json: bool) -> None:
    """Rebuild the reconciled record: actors, event clusters, series, conflicts, commitments."""
    from bilat.record import rebuild_record

    counts = _run(lambda: rebuild_record(c.store)).counts()  # not to_json: 100k docs = GBs
    if as_json:
        _echo_json(counts)
    else:
        click.echo(", ".join(f"{v} {k}" for k, v in counts.items()))


@main.command()
@_json
@pass_ctx
def conflicts(c: Ctx, as_json: bool) -> None:
    """Figures whose sources disagree on the same measure, flow and period (as reviewed)."""
    from bilat.record import record_json
    from bilat.serve import queries as reviewed

    _run(lambda: record_json(c.store))  # builds the record on first use
    items = _run(lambda: reviewed.conflicts(c.store))
    if as_json:
        _echo_json(items)
        return
    for conf in items:
        flow = f" {flow_label(conf['flow'])}" if conf["flow"] else ""
        click.echo(f"{conf['measure']}{flow} {period_label(conf['period'])}: {conf['reason']}")
        for cl in conf["claims"]:
            click.echo(
                f"  {_claim_value(cl):<18} {cl['doc']} ({cl['published'] or '?'}) "
                f"“{clip(cl['quote'], 90)}”"
            )


def _iso_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is not None and not re.fullmatch(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", value):
        raise click.BadParameter(f"{value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return value


@main.command()
@click.option("--actor", help="Only events with this participant (name or alias).")
@click.option("--since", callback=_iso_date, help="YYYY[-MM[-DD]]")
@click.option("--until", callback=_iso_date, help="YYYY[-MM[-DD]]")
@click.option("--type", "type_", help="CONSULT, COOPERATE or a mode (meeting, visit, call...).")
@_json
@pass_ctx
def timeline(
    c: Ctx,
    actor: str | None,
    since: str | None,
    until: str | None,
    type_: str | None,
    as_json: bool,
) -> None:
    """Events across all documents, one per real-world event, in date order."""
    from bilat import queries
    from bilat.record import record_json

    record = _run(lambda: record_json(c.store))
    check_actor(actor, record, actor is None or queries.find_actor(record, actor) is not None)
    check_type(type_, {ev["mode"] for ev in record.get("events", [])})
    items = queries.timeline(record, actor=actor, since=since, until=until, type_=type_)
    if as_json:
        _echo_json(items)
        return
    for ev in items:
        click.echo(
            f"{ev.get('date') or '?':<10} {ev['mode']:<12} {ev['status']:<8} "
            f"{', '.join(ev['participants'])}  [{ev['source_count']} source(s)]"
        )


@main.command()
@click.option("--measure", help="e.g. trade_turnover, gas_supply")
@click.option("--period", help="e.g. 2024, 2025-H1")
@_json
@pass_ctx
def figures(c: Ctx, measure: str | None, period: str | None, as_json: bool) -> None:
    """Every figure, with its period, flow, speaker and quote."""
    from bilat import queries

    if measure is not None or period is not None:
        every = _run(lambda: queries.flat_figures(c.store))
        check_measure(measure, {f["measure"] for f in every})
        check_period(period, {f["period"] for f in every if f["period"]})
    items = _run(lambda: queries.flat_figures(c.store, measure=measure, period=period))
    if as_json:
        _echo_json(items)
        return
    for f in items:
        speaker = f["said_by"] or f["source_data"] or "-"
        period = period_label(f["period"]) if f["period"] else "-"
        click.echo(
            f"{f['measure']:<22} {flow_label(f['flow']) or '-':<12} {period:<12} "
            f"{_claim_value(f):<18} {f['doc']}"
        )
        click.echo(f"    {speaker}: “{clip(f['quote'], 100)}”")


@main.command()
@_json
@pass_ctx
def commitments(c: Ctx, as_json: bool) -> None:
    """Targets and whether later figures met them (met, missed, disputed, pending)."""
    from bilat.record import record_json
    from bilat.serve import queries as reviewed

    _run(lambda: record_json(c.store))
    items = _run(lambda: reviewed.commitments(c.store)["statuses"])
    if as_json:
        _echo_json(items)
        return
    for item in items:
        com = item["commitment"]
        click.echo(
            f"{item['status']:<9} {com['measure']} {relation_sign(com['relation'])} "
            f"{amount(com['value'], com['unit'], com.get('value_max'), com.get('per'))} "
            f"by {com['deadline'] or '?'}: "
            f"{item['reason']}"
        )


@main.command()
@_json
@pass_ctx
def agreements(c: Ctx, as_json: bool) -> None:
    """Agreements with their history across documents (as reviewed)."""
    from bilat.record import record_json
    from bilat.serve import queries as reviewed

    _run(lambda: record_json(c.store))
    items = _run(lambda: reviewed.agreements(c.store)["histories"])
    if as_json:
        _echo_json(items)
        return
    for ag in items:
        click.echo(
            f"{ag['status']:<12} {ag['kind']:<16} {clip(ag['title'], 80)} "
            f"({len(ag['entries'])} report(s))"
        )


@main.command()
@click.argument("name")
@_json
@pass_ctx
def actor(c: Ctx, name: str, as_json: bool) -> None:
    """One actor: roles, events, figures said, agreements."""
    from bilat import queries
    from bilat.record import record_json

    record = _run(lambda: record_json(c.store))
    profile = queries.actor_profile(record, name)
    if profile is None:
        hint = did_you_mean(name, actor_names(record))
        click.echo(f"error: no actor named {name!r}; {hint}", err=True)
        sys.exit(4)
    if as_json:
        _echo_json(profile)
        return
    click.echo(
        f"{profile['name']} ({profile['type']}, {profile['country'] or '-'}) "
        f"in {profile['documents']} document(s)"
    )
    click.echo(f"  roles: {'; '.join(profile['roles']) or '-'}")
    click.echo(
        f"  events: {len(profile['events'])}, figures said: {len(profile['figures'])}, "
        f"agreements: {len(profile['agreements'])}"
    )


@main.command()
@_json
@pass_ctx
def summary(c: Ctx, as_json: bool) -> None:
    """Counts, latest events, open conflicts and commitment status."""
    from bilat import queries
    from bilat.record import record_json

    data: dict[str, Any] = _run(lambda: queries.summary(c.store, record_json(c.store)))
    if as_json:
        _echo_json(data)
        return
    if data["pair"]:
        others = ", ".join(f"{p} {n}" for p, n in data["other_pairs"].items()) or "none"
        click.echo(
            f"Record of {data['pair']} (other pairs: {others}; items about no pair: "
            f"{data['unpaired']}; --pair all shows every pair)"
        )
    click.echo(
        f"{data['documents']} documents ({data['duplicates']} duplicates), "
        f"{data['rejects']} rejects; {data['actors']} actors, {data['events']} events, "
        f"{data['figures']} figures, {data['agreements']} agreements"
    )
    click.echo("\nLatest events:")
    for ev in data["latest_events"]:
        click.echo(
            f"  {ev['date']:<10} {ev['mode']:<12} {', '.join(ev['participants'])} "
            f"[{ev['source_count']} source(s)]"
        )
    click.echo(f"\nConflicts ({len(data['conflicts'])}):")
    for conf in data["conflicts"]:
        values = ", ".join(
            f"{_claim_value(cl)} ({cl.get('outlet') or cl['doc']})" for cl in conf["claims"]
        )
        click.echo(f"  {conf['measure']} {period_label(conf['period'])}: {values}")
        click.echo(f"    {conf['reason']}")
    click.echo(f"\nCommitments: {data['commitments'] or 'none'}")
