"""Commitment tracking: is each stated target met by the figures reported for its deadline?

Requires: SourcedExtraction.extraction.commitments and the FigureGroups. Assigns:
CommitmentStatus.

The same commitment stated in several documents (same measure, flow, unit, value, deadline and,
for "other", measure_text) is tracked once, with every statement as a source. It is judged on
the figures of the deadline's period (a dated deadline -> its year) with the same measure, flow
and unit, kind `amount` (`share` for percent targets), compatible `per`. A target without a
flow whose parties belong to exactly two countries X and Y is judged on figures between X and Y:
  met       every claim's interval satisfies the relation — or, with three or more reporting
            documents, at least three quarters of them surely do and the rest are named as
            dissent ("met: 10 of 11 sources; 1 dissents");
  missed    no claim's interval can satisfy it (or three quarters of the documents say so);
  disputed  anything in between (sources split, or one claim straddles the target);
  pending   no deadline, the deadline is after the corpus's latest publication, or no figures.
A document's verdict is "yes" if all its claims surely satisfy the target, "no" if none can.
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

__all__ = ["dedupe_key", "judge", "key_of", "latest_publication", "track_commitments"]

_KEY = tuple[str, str | None, str, float, str | None, str | None]


def dedupe_key(c: Commitment) -> _KEY:
    return key_of(c.measure, c.flow, c.unit, c.value, c.deadline, c.measure_text)


def key_of(
    measure: str,
    flow: str | None,
    unit: str,
    value: float,
    deadline: str | None,
    measure_text: str | None,
) -> _KEY:
    """`dedupe_key` of a commitment of these fields (as a stored row's columns give them)."""
    topic = topic_key(measure_text) if measure == "other" else None
    return measure, flow, unit, float(f"{value:.6g}"), deadline, topic


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


_MAJORITY = 3 / 4  # of the reporting documents, for a verdict despite dissent
_MIN_SOURCES = 3


def _doc_verdicts(
    c: Commitment, claims: Sequence[FigureClaim], options: ReconcileOptions
) -> dict[int, str]:
    verdicts: dict[int, set[str]] = {}
    for claim in claims:
        verdicts.setdefault(claim.doc_id, set()).add(_verdict(claim, c, options))
    return {d: v.pop() if len(v) == 1 else "maybe" for d, v in verdicts.items()}


def _names(claims: Sequence[FigureClaim], docs: set[int]) -> str:
    named = {c.doc_id: c.outlet or c.doc for c in claims if c.doc_id in docs}
    return ", ".join(sorted(set(named.values())))


def judge(
    c: Commitment, claims: Sequence[FigureClaim], options: ReconcileOptions
) -> tuple[str, str, tuple[FigureClaim, ...]]:
    """(status, reason, dissenting claims) of a commitment given the claims for its period,
    counted by reporting document (see the module docstring)."""
    target = f"{relation_sign(c.relation)} {amount(c.value, c.unit, c.value_max, c.per)}"
    by_doc = _doc_verdicts(c, claims, options)
    n = len(by_doc)
    yes = {d for d, v in by_doc.items() if v == "yes"}
    no = {d for d, v in by_doc.items() if v == "no"}
    if len(yes) == n:
        return "met", f"met: all {n} source(s) report {target}", ()
    if len(no) == n:
        return "missed", f"missed: no source reports {target}", ()
    for status, agree in (("met", yes), ("missed", no)):
        if n >= _MIN_SOURCES and len(agree) >= _MAJORITY * n:
            dissent = tuple(cl for cl in claims if cl.doc_id not in agree)
            others = set(by_doc) - agree
            reason = (
                f"{status}: {len(agree)} of {n} sources {'report' if status == 'met' else 'deny'}"
                f" {target}; {len(others)} dissent{'s' if len(others) == 1 else ''}"
                f" ({_names(claims, others)})"
            )
            return status, reason, dissent
    return "disputed", f"disputed: {len(yes)} of {n} sources surely report {target}", ()


def latest_publication(inputs: Sequence[SourcedExtraction]) -> str | None:
    """The last day any of the `inputs` was published, ISO (each distinct date read once)."""
    published = {s.published for s in inputs}
    days = [span[1] for p in published if (span := date_span(p))]
    return max(days).isoformat() if days else None


def _status(
    c: Commitment,
    groups: Sequence[FigureGroup],
    latest: str | None,
    options: ReconcileOptions,
    sides: frozenset[str] = frozenset(),
) -> tuple[str, str | None, tuple[FigureClaim, ...], str, tuple[FigureClaim, ...]]:
    period = deadline_period(c.deadline)
    span = period_span(period)
    if period is None or span is None:
        return "pending", None, (), "no usable deadline", ()
    if latest is not None and span[1].isoformat() > latest:
        reason = f"deadline {c.deadline} is after the latest report {latest}"
        return "pending", period, (), reason, ()
    claims = tuple(cl for g in _matching_groups(c, period, groups, sides) for cl in g.claims)
    if not claims:
        return "pending", period, (), f"no figures for {c.measure} in {period} yet", ()
    status, reason, dissent = judge(c, claims, options)
    return status, period, claims, reason, dissent


def track_commitments(
    inputs: Sequence[SourcedExtraction],
    groups: Sequence[FigureGroup],
    options: ReconcileOptions,
    actors: ActorIndex | None = None,
    latest: str | None = None,
) -> tuple[CommitmentStatus, ...]:
    """One CommitmentStatus per distinct commitment, in order of first statement; `latest`:
    the last publication day of the corpus, when the `inputs` are only part of it."""
    stated: dict[_KEY, list[tuple[SourcedExtraction, Commitment]]] = {}
    for source in inputs:
        for c in source.extraction.commitments:
            stated.setdefault(dedupe_key(c), []).append((source, c))
    latest = latest or latest_publication(inputs)
    by_slot: dict[tuple[str, str, str | None], list[FigureGroup]] = {}
    for g in groups:  # a commitment is judged only against groups of its measure/unit/period
        by_slot.setdefault((g.key.measure, g.key.unit, g.key.period), []).append(g)
    result = []
    for statements in stated.values():
        source, first = statements[0]
        slot = by_slot.get((first.measure, first.unit, deadline_period(first.deadline)), [])
        sides = _party_countries(source, first, actors) if actors else frozenset()
        sources = tuple(
            CommitmentSource(
                s.doc_id, s.doc_name, s.published, c.status, c.evidence.quote, s.source
            )
            for s, c in statements
        )
        status, period, claims, reason, dissent = _status(first, slot, latest, options, sides)
        result.append(
            CommitmentStatus(first, sources, status, claims, period, reason, dissent=dissent)
        )
    return tuple(result)
