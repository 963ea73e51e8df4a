"""One article object in JSON (a .json file, a JSONL line, stdin): validated at the edge.

needs : the decoded text of one JSON document
adds  : `ArticleFields` (text + stated metadata; unknown keys become metadata) or `InputRejected`

Hostile JSON (nested too deep, giant integers, NUL or lone surrogates in any string) is
refused with the reason by `bilat.ingest.safety`, never with a traceback.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from bilat.errors import InputRejected
from bilat.ingest.safety import UnsafeInput, load_json, string_problem

__all__ = ["ArticleFields", "iso_published", "parse_article_json"]


class _ArticleJSON(BaseModel):
    """One ingested article object. Unknown keys are allowed: they become `Article.metadata`."""

    model_config = ConfigDict(extra="allow", strict=True)

    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None
    language: str | None = None

    @field_validator("text")
    @classmethod
    def _non_empty(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("is empty; it must hold the article text")
        return value

    @field_validator("published")
    @classmethod
    def _iso(cls, value: str | None) -> str | None:
        return None if value is None or not value.strip() else iso_published(value)


_ISO_PREFIX = re.compile(r"^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ][0-9:.+\-Z]*)?\s*$")


def iso_published(value: str) -> str:
    """Normalise an ISO date or datetime to YYYY-MM-DD / YYYY-MM / YYYY; refuse anything else."""
    match = _ISO_PREFIX.match(value)
    if match is None:
        raise ValueError(f"{value!r} is not an ISO date (YYYY-MM-DD, YYYY-MM or YYYY)")
    year, month, day = match.groups()
    try:
        date(int(year), int(month or 1), int(day or 1))
    except ValueError as exc:
        raise ValueError(f"{value!r} is not a valid date ({exc})") from None
    return "-".join(part for part in (year, month, day) if part)


@dataclass(frozen=True, slots=True)
class ArticleFields:
    """The fields of an `Article` that come from the input's content."""

    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None
    language: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    record_name: str | None = None  # a JSONL record's own `id` or `name`


def parse_article_json(name: str, text: str, *, jsonl_line: bool = False) -> ArticleFields:
    """Validate one article object; raise `InputRejected` with the JSON or field problem."""
    try:
        obj = load_json(text)
    except json.JSONDecodeError as exc:
        where = f"column {exc.colno}" if jsonl_line else f"line {exc.lineno}, column {exc.colno}"
        raise InputRejected(name, f"invalid JSON at {where}: {exc.msg}") from None
    except UnsafeInput as exc:
        raise InputRejected(name, str(exc)) from None
    if isinstance(obj, list) and not jsonl_line:
        raise InputRejected(
            name,
            f"expected one article object, found a list of {len(obj)} "
            "items; use .jsonl for several articles",
        )
    if not isinstance(obj, dict):
        raise InputRejected(name, f"expected a JSON object (an article), found {_json_type(obj)}")
    problem = string_problem(obj)
    if problem:
        raise InputRejected(name, problem)
    try:
        model = _ArticleJSON.model_validate(obj)
    except ValidationError as exc:
        raise InputRejected(name, _validation_reason(exc)) from None
    extra = dict(model.model_extra or {})
    return ArticleFields(
        **model.model_dump(exclude=set(extra)), metadata=extra, record_name=_record_name(extra)
    )


def _record_name(extra: dict[str, Any]) -> str | None:
    for key in ("id", "name"):
        value = extra.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
    return None


def _validation_reason(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err["loc"])
        if err["type"] == "missing":
            parts.append(f"missing required field {where!r} (the article text)")
        elif err["type"] == "string_type":
            allowed = "a string" if where == "text" else "a string or null"
            parts.append(f"field {where!r} must be {allowed}, got {_json_type(err['input'])}")
        else:
            parts.append(f"field {where!r}: {err['msg'].removeprefix('Value error, ')}")
    return "; ".join(parts)


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return f"a number ({value})"
    if isinstance(value, str):
        return "a string"
    return "a list" if isinstance(value, list) else "an object"
