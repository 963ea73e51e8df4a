"""Commitment tracking: is each stated target met by the figures reported for its deadline?

Requires: SourcedExtraction.extraction.commitments and the FigureGroups. Assigns:
CommitmentStatus.

The same commitment stated in several documents (same measure, flow, unit, value, deadline and,
for "other", measure_text) is tracked once, with every statement as a source. It is judged on
the figures of the deadline's period (a dated deadline -> its year) with the same measure, flow
and unit, kind `amount` (`share` for percent targets), compatible `per`. A target without a
flow whose parties belong to exactly two countries X and Y is judged on figures between X and Y:
  met       every claim's interval satisfies the relation;
  missed    no claim's interval can satisfy it;
  disputed  anything in between (sources disagree, or one claim straddles the target);
  pending   no deadline, the deadline is after the corpus's latest publication, or no figures.
"""

from __future__ import annotations

from collections.abc import Sequence

from bilat.humanize import amount, relation_sign
from bilat.reconcile._dates import date_span, deadline_period, period_span
from bilat.reconcile._text import topic_key
from bilat.reconcile.actors import ActorIndex
from bilat.reconcile.figures import le
from bilat.reconcile.model import (
    CommitmentSource,
    CommitmentStatus,
    FigureClaim,
    FigureGroup,
    ReconcileOptions,
    SourcedExtraction,
)
from bilat.records import Commitment

__all__ = ["dedupe_key", "judge", "track_commitments"]

_KEY = tuple[str, str | None, str, float, str | None, str | None]


def dedupe_key(c: Commitment) -> _KEY:
    topic = topic_key(c.measure_text) if c.measure == "other" else None
    return c.measure, c.flow, c.unit, float(f"{c.value:.6g}"), c.deadline, topic


def _kinds(unit: str) -> tuple[str, ...]:
    return ("amount", "share") if unit == "percent" else ("amount",)


def _flow_ends(flow: str | None) -> frozenset[str]:
    """The two sides of a flow ("RU<->CN", "RU->CN" -> {RU, CN}), empty when unknown."""
    if flow is None:
        return frozenset()
    return frozenset(side.strip() for side in flow.replace("<->", "->").split("->"))


def _party_countries(
    source: SourcedExtraction, c: Commitment, actors: ActorIndex
) -> frozenset[str]:
    """The countries of a commitment's parties, through their canonical actors."""
    found = (actors.actors.get(actors.resolve(source.doc_id, p)) for p in c.parties)
    return frozenset(a.country for a in found if a is not None and a.country)


def _matching_groups(
    c: Commitment, period: str, groups: Sequence[FigureGroup], sides: frozenset[str]
) -> list[FigureGroup]:
    topic = topic_key(c.measure_text) if c.measure == "other" else None
    found = [
        g
        for g in groups
        if g.key.measure == c.measure
        and g.key.unit == c.unit
        and g.key.period == period
        and g.key.kind in _kinds(c.unit)
        and g.key.topic == topic
        and (g.key.per == c.per or g.key.per is None or c.per is None)
    ]
    if c.flow is not None:
        return [g for g in found if g.key.flow == c.flow]
    if len(sides) == 2:
        found = [g for g in found if _flow_ends(g.key.flow) == sides]
    return found if len({g.key.flow for g in found}) <= 1 else []


def _verdict(claim: FigureClaim, c: Commitment, options: ReconcileOptions) -> str:
    """ "yes" (the whole interval satisfies), "no" (none of it can), or "maybe"."""
    lo, hi, v = claim.low, claim.high, c.value
    if c.relation == ">=":
        return "yes" if le(v, lo) else "no" if not le(v, hi) else "maybe"
    if c.relation == "<=":
        return "yes" if le(hi, v) else "no" if not le(lo, v) else "maybe"
    t_lo, t_hi = (v, c.value_max) if c.value_max is not None else (v, v)
    t_lo, t_hi = t_lo * (1 - options.exact_tolerance), t_hi * (1 + options.exact_tolerance)
    t_lo, t_hi = min(t_lo, t_hi), max(t_lo, t_hi)
    if le(t_lo, lo) and le(hi, t_hi):
        return "yes"
    return "no" if not (le(t_lo, hi) and le(lo, t_hi)) else "maybe"


def judge(
    c: Commitment, claims: Sequence[FigureClaim], options: ReconcileOptions
) -> tuple[str, str]:
    """(status, reason) of a commitment given the claims for its period."""
    verdicts = [_verdict(claim, c, options) for claim in claims]
    target = f"{relation_sign(c.relation)} {amount(c.value, c.unit, c.value_max, c.per)}"
    if all(v == "yes" for v in verdicts):
        return "met", f"all {len(claims)} figure(s) satisfy {target}"
    if all(v == "no" for v in verdicts):
        return "missed", f"no figure can satisfy {target}"
    yes = sum(v == "yes" for v in verdicts)
    return "disputed", f"{yes} of {len(claims)} figure(s) surely satisfy {target}"


def _latest_publication(inputs: Sequence[SourcedExtraction]) -> str | None:
    days = [span[1] for s in inputs if (span := date_span(s.published))]
    return max(days).isoformat() if days else None


def _status(
    c: Commitment,
    groups: Sequence[FigureGroup],
    latest: str | None,
    options: ReconcileOptions,
    sides: frozenset[str] = frozenset(),
) -> tuple[str, str | None, tuple[FigureClaim, ...], str]:
    period = deadline_period(c.deadline)
    span = period_span(period)
    if period is None or span is None:
        return "pending", None, (), "no usable deadline"
    if latest is not None and span[1].isoformat() > latest:
        return "pending", period, (), f"deadline {c.deadline} is after the latest report {latest}"
    claims = tuple(cl for g in _matching_groups(c, period, groups, sides) for cl in g.claims)
    if not claims:
        return "pending", period, (), f"no figures for {c.measure} in {period} yet"
    status, reason = judge(c, claims, options)
    return status, period, claims, reason


def track_commitments(
    inputs: Sequence[SourcedExtraction],
    groups: Sequence[FigureGroup],
    options: ReconcileOptions,
    actors: ActorIndex | None = None,
) -> tuple[CommitmentStatus, ...]:
    """One CommitmentStatus per distinct commitment, in order of first statement."""
    stated: dict[_KEY, list[tuple[SourcedExtraction, Commitment]]] = {}
    for source in inputs:
        for c in source.extraction.commitments:
            stated.setdefault(dedupe_key(c), []).append((source, c))
    latest = _latest_publication(inputs)
    result = []
    for statements in stated.values():
        source, first = statements[0]
        sides = _party_countries(source, first, actors) if actors else frozenset()
        sources = tuple(
            CommitmentSource(
                s.doc_id, s.doc_name, s.published, c.status, c.evidence.quote, s.source
            )
            for s, c in statements
        )
        status, period, claims, reason = _status(first, groups, latest, options, sides)
        result.append(CommitmentStatus(first, sources, status, claims, period, reason))
    return tuple(result)
