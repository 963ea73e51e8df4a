"""Checks of the record commands' filter values: an unknown measure, event type, period or
actor is a usage error (exit 2) that says what was meant ("did you mean 'trade_turnover'?"),
not an empty answer that looks like "no data"."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from typing import Any

import click

from bilat.datafiles import read_data

__all__ = [
    "actor_names",
    "check_actor",
    "check_measure",
    "check_period",
    "check_type",
    "did_you_mean",
]

EVENT_TYPES = ("CONSULT", "COOPERATE")
# YYYY, YYYY-MM, YYYY-H1, YYYY-Q3, and ranges of years or months (GOLD.md "figures")
_PERIOD = re.compile(r"\d{4}(?:-(?:H[12]|Q[1-4]|\d{2}))?(?:\.\.\d{4}(?:-\d{2})?)?")


def did_you_mean(value: str, known: Iterable[str], *, shown: int = 8) -> str:
    """ "did you mean 'trade_turnover'?" for the closest known values (case-insensitive);
    else the known values themselves, at most `shown` of them."""
    choices = sorted(set(known))
    if not choices:
        return "there are none in this store"
    by_key = {c.lower(): c for c in choices}
    close = difflib.get_close_matches(value.lower(), list(by_key), n=3, cutoff=0.6)
    if close:
        return "did you mean " + " or ".join(repr(by_key[c]) for c in close) + "?"
    listed = ", ".join(choices[:shown]) + (", …" if len(choices) > shown else "")
    return f"known: {listed}"


def _fail(option: str, what: str, value: str, known: Iterable[str]) -> click.BadParameter:
    return click.BadParameter(
        f"unknown {what} {value!r}; {did_you_mean(value, known)}", param_hint=f"'{option}'"
    )


def check_measure(measure: str | None, stored: Iterable[str]) -> None:
    """A measure bilat knows (data/measures.yaml) or one in the store."""
    if measure is None:
        return
    known = {r["measure"] for r in read_data("measures.yaml")["rules"]} | set(stored)
    if measure not in known:
        raise _fail("--measure", "measure", measure, known)


def check_period(period: str | None, stored: Iterable[str]) -> None:
    """A period in the store, or one written as bilat writes periods (2024, 2025-H1,
    2025-Q3, 2025-03, 2025-01..2025-07); a period the store lacks just matches nothing."""
    if period is None:
        return
    known = set(stored)
    if period not in known and not _PERIOD.fullmatch(period):
        raise _fail("--period", "period", period, known)


def check_type(type_: str | None, stored_modes: Iterable[str]) -> None:
    """CONSULT, COOPERATE or an event mode (data/events.yaml), any case."""
    if type_ is None:
        return
    known = {*EVENT_TYPES, *read_data("events.yaml")["modes"], *stored_modes}
    if type_.lower() not in {k.lower() for k in known}:
        raise _fail("--type", "event type", type_, known)


def actor_names(record: dict[str, Any]) -> set[str]:
    """Every canonical actor's name and alias."""
    names: set[str] = set()
    for actor in record.get("actors", []):
        if isinstance(actor, dict):
            names.update(str(n) for n in (actor.get("name"), *(actor.get("names") or [])) if n)
    return names


def check_actor(actor: str | None, record: dict[str, Any], found: bool) -> None:
    """`found`: the record has an actor by that name or alias."""
    if actor is not None and not found:
        raise _fail("--actor", "actor", actor, actor_names(record))
