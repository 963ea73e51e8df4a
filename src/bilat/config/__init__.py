"""Configuration: packaged defaults, a user TOML file layered over them, parsed once.

`load_options(path)` returns an `Options` object that the CLI passes down to every stage.
Stages never read environment variables or globals.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from bilat.errors import ConfigError

__all__ = ["ExtractOptions", "IngestOptions", "Options", "load_options"]


class _Store(BaseModel):
    model_config = ConfigDict(extra="forbid")
    db: str
    lock_timeout: float = Field(gt=0)


class _Ingest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    max_bytes: int = Field(gt=0)
    max_chars: int = Field(gt=0)
    dedupe: bool
    near_duplicate_threshold: float = Field(gt=0, le=1)
    imply_published: bool
    fetch_timeout: float = Field(gt=0)
    fetch_max_bytes: int = Field(gt=0)
    fetch_max_redirects: int = Field(ge=0)


class _Extract(BaseModel):
    model_config = ConfigDict(extra="forbid")
    pair: tuple[str, str] | Literal["auto"]
    default_pair: tuple[str, str] = ("RU", "CN")
    model: str
    n_process: Annotated[int, Field(ge=1)] | Literal["auto"]
    executor: Literal["processes", "dask"] = "processes"
    scheduler: str = ""
    batch_size: int = Field(ge=1)
    max_sentences: int = Field(ge=1)
    max_sentence_tokens: int = Field(ge=1)


class _File(BaseModel):
    model_config = ConfigDict(extra="forbid")
    store: _Store
    ingest: _Ingest
    extract: _Extract


@dataclass(frozen=True, slots=True)
class IngestOptions:
    max_bytes: int
    max_chars: int
    dedupe: bool
    near_duplicate_threshold: float
    imply_published: bool
    fetch_timeout: float
    fetch_max_bytes: int
    fetch_max_redirects: int


@dataclass(frozen=True, slots=True)
class ExtractOptions:
    """`pair` is the configured pair (the default of each document); with `auto_pair` each
    document's own pair is detected (the two states it is about) and `pair` is the fallback.
    `executor` "dask" extracts on the Dask workers of `scheduler` (None: a local cluster of
    `n_process` workers); see `bilat.extract.executors`."""

    pair: tuple[str, str]
    model: str
    n_process: int
    batch_size: int
    executor: str = "processes"
    scheduler: str | None = None
    auto_pair: bool = False
    max_sentences: int = 2_000
    max_sentence_tokens: int = 400


@dataclass(frozen=True, slots=True)
class Options:
    db: str
    ingest: IngestOptions
    extract: ExtractOptions
    lock_timeout: float = 600.0  # seconds a write waits for another run's store lock


def machine_cores() -> int:
    """The cores this process may run on (its CPU affinity, else the machine's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"{path}: no such file") from exc
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: {exc}") from exc


def load_options(user_file: Path | None = None, **overrides: Any) -> Options:
    """Packaged defaults, then `user_file`, then keyword overrides (e.g. db=...)."""
    text = resources.files("bilat.config").joinpath("defaults.toml").read_text("utf-8")
    data = tomllib.loads(text)
    if user_file is not None:
        data = _merge(data, _read_toml(user_file))
    if overrides.get("db"):
        data["store"]["db"] = overrides["db"]
    try:
        parsed = _File.model_validate(data)
    except ValidationError as exc:
        where = user_file or "packaged defaults"
        raise ConfigError(f"{where}: {exc}") from exc
    ex = parsed.extract
    auto = ex.pair == "auto"
    pair = ex.default_pair if auto else ex.pair
    return Options(
        db=parsed.store.db,
        lock_timeout=parsed.store.lock_timeout,
        ingest=IngestOptions(**parsed.ingest.model_dump()),
        extract=ExtractOptions(
            pair=(pair[0].upper(), pair[1].upper()),
            model=ex.model,
            n_process=machine_cores() if ex.n_process == "auto" else ex.n_process,
            batch_size=ex.batch_size,
            executor=ex.executor,
            scheduler=ex.scheduler or None,
            auto_pair=auto,
            max_sentences=ex.max_sentences,
            max_sentence_tokens=ex.max_sentence_tokens,
        ),
    )
