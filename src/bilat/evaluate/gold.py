"""Load and validate gold annotation files (GOLD.md, format v1).

A gold file is checked at this edge with pydantic models (``extra="forbid"``,
strict types, no NaN/inf), then with the cross-field rules of GOLD.md that a
field-by-field model cannot express. Everything inside the package works on
the validated plain dicts, exactly as they were read from disk.

Beyond the regular expressions of ``check_gold.py`` (which are kept, applied to
the whole string), dates and periods must exist on the calendar: ``2025-13`` and
``2025-02-30`` are rejected, and ranges must not run backwards. Country codes
and figure flows must have the ISO alpha-2 shape that GOLD.md prescribes, an
event's mode must belong to its type, and every participant, party and
``said_by`` must be the ``name`` of one of the file's actors.

Every problem raises :class:`~bilat.errors.GoldFormatError` whose message
starts with the file path and lists all problems found.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal, cast

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

from bilat.errors import GoldFormatError

__all__ = ["load_gold_dir", "load_gold_file", "validate_gold"]

_DATE = re.compile(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?")
_PERIOD = re.compile(
    r"[0-9]{4}(-H[12]|-Q[1-4])?|[0-9]{4}-[0-9]{2}\.\.[0-9]{4}-[0-9]{2}|[0-9]{4}\.\.[0-9]{4}"
)
_MODES = {
    "CONSULT": {"meeting", "visit", "call", "video", "multilateral"},
    "COOPERATE": {"military"},
}


def _real_date(value: str) -> bool:
    """True when a ``YYYY[-MM[-DD]]`` string names a day, month or year that exists."""
    parts = [int(p) for p in value.split("-")]
    try:
        date(parts[0], *[*parts[1:], 1, 1][:2])
    except ValueError:
        return False
    return True


def _check_date(value: str) -> str:
    if not (_DATE.fullmatch(value) and _real_date(value)):
        raise ValueError(f"{value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return value


def _check_period(value: str) -> str:
    if not _PERIOD.fullmatch(value):
        raise ValueError(
            f"{value!r} is not a period (2024, 2025-H1, 2025-Q3, 2025-01..2025-08, 2013..2023)"
        )
    if ".." in value:
        start, end = value.split("..")
        if not (_real_date(start) and _real_date(end)) or start > end:
            raise ValueError(f"{value!r} is not a valid range")
    return value


def _check_date_or_period(value: str) -> str:
    if _DATE.fullmatch(value):
        return _check_date(value)
    try:
        return _check_period(value)
    except ValueError:
        raise ValueError(f"{value!r} is not a date or period") from None


Text = Annotated[str, Field(min_length=1)]
DateStr = Annotated[str, AfterValidator(_check_date)]
PeriodStr = Annotated[str, AfterValidator(_check_period)]
DateOrPeriod = Annotated[str, AfterValidator(_check_date_or_period)]
Country = Annotated[str, Field(pattern=r"^[A-Z]{2}$")]
Flow = Annotated[str, Field(pattern=r"^[A-Z]{2}(->|<->)[A-Z]{2}$")]
Unit = Literal[
    "USD", "CNY", "RUB", "EUR", "t", "m3", "m2", "km", "percent", "minute", "hour", "day", "count"
]
Per = Literal["year", "month", "day"] | None
Measure = Literal[
    "trade_turnover",
    "trade_flow",
    "oil_supply",
    "gas_supply",
    "coal_supply",
    "pipeline_capacity",
    "investment",
    "project_count",
    "agreement_count",
    "settlement_currency_share",
    "cargo_volume",
    "travelers",
    "market_share",
    "military",
    "other",
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, allow_inf_nan=False, frozen=True)


class Actor(_Model):
    name: Text
    type: Literal["person", "state", "organization", "company", "place", "project"]
    country: Country | None
    role: str | None
    aliases: list[Text]


class Event(_Model):
    type: Literal["CONSULT", "COOPERATE"]
    mode: Literal["meeting", "visit", "call", "video", "multilateral", "military"]
    status: Literal["occurred", "planned"]
    participants: list[str]
    date: DateOrPeriod | None
    date_end: DateOrPeriod | None
    place: str | None
    quote: Text


class Figure(_Model):
    kind: Literal["amount", "change", "share"]
    value: float
    value_max: float | None
    unit: Unit
    per: Per
    qualifier: Literal["exact", "approx", "at_least", "at_most"]
    measure: Measure
    measure_text: str | None
    flow: Flow | None
    period: PeriodStr | None
    said_by: str | None
    quote: Text


class Agreement(_Model):
    title: Text
    kind: Literal[
        "joint_statement",
        "communique",
        "memorandum",
        "agreement",
        "contract",
        "declaration",
        "plan",
        "other",
    ]
    status: Literal["signed", "adopted", "announced", "negotiating", "planned"]
    date: DateOrPeriod | None
    parties: list[str]
    sector: Literal[
        "energy",
        "trade",
        "finance",
        "technology",
        "industry",
        "agriculture",
        "transport",
        "security",
        "political",
        "culture",
        "other",
    ]
    quote: Text


class Commitment(_Model):
    measure: str
    measure_text: str | None
    relation: Literal[">=", "<=", "="]
    value: float
    value_max: float | None
    unit: Unit
    per: Per
    deadline: DateOrPeriod | None
    parties: list[str]
    status: Literal["agreed", "aspiration", "proposed"]
    quote: Text


class GoldDocument(_Model):
    doc: Annotated[str, Field(min_length=1, pattern=r"^[^/\\]+$")]
    published: DateStr | None
    actors: list[Actor]
    events: list[Event]
    figures: list[Figure]
    agreements: list[Agreement]
    commitments: list[Commitment]


def _where(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else f".{part}" if out else str(part)
    return out or "document"


def _pydantic_problems(exc: ValidationError) -> list[str]:
    problems = []
    for err in exc.errors():
        msg = err["msg"].removeprefix("Value error, ")
        got = "" if err["type"] in ("missing", "value_error") else f" (got {err['input']!r:.80})"
        problems.append(f"{_where(err['loc'])}: {msg}{got}")
    return problems


def _reference_problems(gold: GoldDocument) -> list[str]:
    """Cross-field rules: names refer to actors, event modes belong to their type."""
    names = {actor.name for actor in gold.actors}
    refs: list[tuple[str, list[str]]] = []
    problems = []
    for i, event in enumerate(gold.events):
        refs.append((f"events[{i}].participants", event.participants))
        if event.mode not in _MODES[event.type]:
            problems.append(f"events[{i}]: mode {event.mode!r} does not belong to {event.type}")
    for i, figure in enumerate(gold.figures):
        refs.append((f"figures[{i}].said_by", [figure.said_by] if figure.said_by else []))
    refs.extend((f"agreements[{i}].parties", a.parties) for i, a in enumerate(gold.agreements))
    refs.extend((f"commitments[{i}].parties", c.parties) for i, c in enumerate(gold.commitments))
    for where, used in refs:
        problems.extend(f"{where}: {n!r} is not an actor name" for n in used if n not in names)
    return problems


def validate_gold(data: object) -> list[str]:
    """Every problem of one parsed gold document, as ``"where: what"`` lines."""
    try:
        gold = GoldDocument.model_validate(data)
    except ValidationError as exc:
        return _pydantic_problems(exc)
    return _reference_problems(gold)


def load_gold_file(path: Path) -> dict[str, Any]:
    """Read one gold file and return it as parsed, after checking it against GOLD.md."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GoldFormatError(f"{path}: cannot read gold JSON: {exc}") from exc
    problems = validate_gold(data)
    if problems:
        raise GoldFormatError(f"{path}: " + "; ".join(problems))
    return cast(dict[str, Any], data)  # a valid gold document is a JSON object


def load_gold_dir(directory: Path) -> dict[str, dict[str, Any]]:
    """Load every ``*.json`` file of a directory, keyed by each file's ``doc``."""
    if not directory.is_dir():
        problem = "not a directory" if directory.exists() else "no such directory"
        raise GoldFormatError(f"{directory}: {problem} (--gold)")
    golds: dict[str, dict[str, Any]] = {}
    seen: dict[str, Path] = {}
    for path in sorted(directory.glob("*.json")):
        gold = load_gold_file(path)
        doc = gold["doc"]
        if doc in seen:
            raise GoldFormatError(f"{path}: doc {doc!r} is already annotated in {seen[doc]}")
        seen[doc] = path
        golds[doc] = gold
    if not golds:
        raise GoldFormatError(f"{directory}: no *.json gold files")
    return golds
