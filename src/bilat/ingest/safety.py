"""Guards for hostile input: bounded JSON, text every store can hold, names safe to record.

needs : raw bytes or decoded JSON from one input
adds  : a parsed object or a human reason (`UnsafeInput`) why the input cannot be stored

Each guard turns a class of crash into a reason naming the problem:
- JSON nested deeper than `MAX_JSON_DEPTH` (Python's parser would hit its recursion limit);
- integers longer than `MAX_INT_DIGITS` (Python refuses to convert beyond 4,300 digits);
- NUL characters and lone surrogates in any string (PostgreSQL text cannot hold NUL, and
  neither store can encode a surrogate as UTF-8);
- UTF-16 without a byte order mark (named as such rather than "binary").
`printable` makes any name or reason storable, so recording a reject can never fail itself.
"""

from __future__ import annotations

import json
import re
from typing import Any

__all__ = [
    "MAX_INT_DIGITS",
    "MAX_JSON_DEPTH",
    "UnsafeInput",
    "load_json",
    "printable",
    "string_problem",
    "utf16_without_bom",
]

MAX_JSON_DEPTH = 64  # arrays/objects inside each other; articles need 2 or 3
MAX_INT_DIGITS = 100  # a metadata integer longer than this is not a number anyone means
MAX_NAME_CHARS = 1000  # a stored reject's name/origin is cut to this many characters
_BAD_CHAR = re.compile(r"[\x00\ud800-\udfff]")


class UnsafeInput(ValueError):
    """The input is well-formed enough to read but unsafe to store; the message says why."""


def _bounded_int(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_INT_DIGITS:
        raise UnsafeInput(
            f"a number with {len(digits.lstrip('-')):,} digits; bilat accepts integers of at "
            f"most {MAX_INT_DIGITS} digits"
        )
    return int(digits)


def load_json(text: str) -> Any:
    """`json.loads` that raises `UnsafeInput` (not RecursionError/ValueError) on hostile input.

    Syntax errors still raise `json.JSONDecodeError`, for the caller's line/column message.
    """
    try:
        obj = json.loads(text, parse_int=_bounded_int)
    except RecursionError:
        raise UnsafeInput(_too_deep()) from None
    if _depth_over(obj, MAX_JSON_DEPTH):
        raise UnsafeInput(_too_deep())
    return obj


def _too_deep() -> str:
    return f"JSON nested more than {MAX_JSON_DEPTH} levels deep; bilat reads at most that"


def _depth_over(obj: Any, limit: int) -> bool:
    stack: list[tuple[Any, int]] = [(obj, 0)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict | list):
            if depth >= limit:
                return True
            items = value.values() if isinstance(value, dict) else value
            stack.extend((v, depth + 1) for v in items)
    return False


def string_problem(obj: Any, where: str = "") -> str | None:
    """The first NUL or lone surrogate in any key or string of `obj`, described; else None."""
    stack: list[tuple[Any, str]] = [(obj, where)]
    while stack:
        value, path = stack.pop()
        if isinstance(value, str):
            found = _BAD_CHAR.search(value)
            if found:
                return _describe(found.group(0), found.start(), path)
        elif isinstance(value, dict):
            for key, item in value.items():
                sub = f"{path}.{key}" if path else str(key)
                if isinstance(key, str) and _BAD_CHAR.search(key):
                    return string_problem(key, f"the key of {printable(sub)!r}")
                stack.append((item, sub))
        elif isinstance(value, list):
            stack.extend((item, f"{path}[{i}]") for i, item in enumerate(value))
    return None


def _describe(char: str, index: int, path: str) -> str:
    where = f"field {printable(path)!r}" if path and not path.startswith("the ") else path
    where = where or "the text"
    if char == "\x00":
        return f"{where} contains a NUL character (\\u0000) at character {index}; not storable"
    return (
        f"{where} contains a lone surrogate (\\u{ord(char):04x}) at character {index}; "
        "not valid Unicode text"
    )


def printable(text: str, limit: int = MAX_NAME_CHARS) -> str:
    """`text` with NUL and surrogates escaped, cut to `limit` characters: storable anywhere."""
    safe = _BAD_CHAR.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)
    return safe if len(safe) <= limit else safe[: limit - 1] + "…"


def utf16_without_bom(data: bytes) -> str | None:
    """ "little-endian"/"big-endian" when `data` reads as UTF-16 text without a BOM, else None.

    Text in UTF-16 has a NUL in almost every other byte (ASCII letters are 0x00 0xNN); binary
    data has NULs scattered at random.
    """
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    for order, zeros, other in (("little-endian", odd, even), ("big-endian", even, odd)):
        if zeros.count(0) >= 0.8 * len(zeros) and other.count(0) <= 0.05 * len(other):
            encoding = "utf-16-le" if order == "little-endian" else "utf-16-be"
            try:
                sample[: len(sample) // 2 * 2].decode(encoding)
            except UnicodeDecodeError:
                return None
            return order
    return None
