"""Delete boilerplate from an article's text, keeping a map back to the original.

needs : Article (`text`; `published`, `language`, `metadata`, `url`, `raw` when known)
adds  : CleanDocument — `clean_text`, its `OffsetMap`, removed ranges with their reasons,
        language and publication date

Cleaning only ever deletes whole ranges of `article.text` — lines, a leading dateline marker, a
photo credit glued to the end of a paragraph — and never rewrites a character, so every clean
character maps to an identical original one (`bilat.offsets`). The steps, each switchable by name
in `CleanOptions.disabled`:

    dateline      a capture's leading " date 2025-08-22" marker (metadata, not text)
    <rule name>   whole lines matching a rule of data/boilerplate.yaml (chrome, captions, credits,
                  machine-translation notes, ...)
    link-lists    a "Read also:" line and the headlines listed under it
    menus         runs of very short lines without sentence punctuation
    credits       a photo credit after the final punctuation of a paragraph
    repeats       a paragraph repeated verbatim, or repeated with a credit appended, and captions
                  built from earlier text plus a credit: the first occurrence is kept
    notes         a PDF report's list of notes under its "References" / "Notes" heading
    footnotes     a note number glued to a sentence's end ("in 2024.2 Chinese exports"):
                  the number alone (`bilat.ingest.notes`)
    emoji         pictographs, flags and their joiners ("❗️Путин и Си провели переговоры", a
                  channel's "🇷🇺🇨🇳"): no words, and glued to a name they hide it

Blank lines left around a removed stretch are dropped too, so paragraphs stay separated by the
original separator and sentences never fuse.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import Any

import yaml

from bilat.datafiles import parse_yaml
from bilat.errors import ConfigError
from bilat.ingest.dates import DATELINE_WINDOW, find_published
from bilat.ingest.implied_date import implied_published
from bilat.ingest.language import detect_language
from bilat.ingest.notes import MARKER_REASON, NOTES_REASON, footnote_markers, note_lines
from bilat.ingest.outlet import article_outlet, article_title
from bilat.offsets import OffsetMap, build_clean_text
from bilat.records import Article, CleanDocument, Evidence

__all__ = ["DEFAULT_OPTIONS", "CleanOptions", "Rules", "clean_article", "load_rules"]

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "boilerplate.yaml"
HEAD_CHARS = DATELINE_WINDOW  # where `head_only` rules apply: the dateline window
_SENTENCE_END = '.!?…"”»)'
_MENU_FORBIDDEN = re.compile(r"[\d.!?,;:\"“”«»…]")
_QUOTES = str.maketrans(
    {
        "“": '"',
        "”": '"',
        "„": '"',
        "«": '"',
        "»": '"',
        "‘": "'",
        "’": "'",
        "‚": "'",
        "–": "-",
        "—": "-",
        "−": "-",
        "\u00a0": " ",
    }
)


@dataclass(frozen=True, slots=True)
class CleanOptions:
    """What cleaning removes. `disabled` names steps or line rules to skip (see module doc)."""

    disabled: frozenset[str] = frozenset()
    min_repeat_chars: int = 25  # shorter lines/paragraphs are never treated as repeats
    caption_overlap: float = 0.7  # share of a credited paragraph's 4-grams found earlier
    menu_min_run: int = 5  # consecutive short lines that make a menu
    menu_max_chars: int = 30
    menu_max_words: int = 4
    link_list_max: int = 5  # headline lines removed after a "Read also:" line
    imply_published: bool = True  # no stated date: the date the text implies (implied_date)

    def on(self, step: str) -> bool:
        return step not in self.disabled


DEFAULT_OPTIONS = CleanOptions()


@dataclass(frozen=True, slots=True)
class LineRule:
    name: str
    reason: str
    pattern: re.Pattern[str]  # must match a whole stripped line
    head_only: bool = False  # only lines starting within the first HEAD_CHARS characters


@dataclass(frozen=True, slots=True)
class Rules:
    """data/boilerplate.yaml, compiled."""

    line_rules: tuple[LineRule, ...]
    link_header: re.Pattern[str]
    link_reason: str
    trailing_credit: re.Pattern[str]
    credit_reason: str
    dateline: re.Pattern[str]
    dateline_reason: str


@dataclass(frozen=True, slots=True)
class _Line:
    start: int  # offset of the first character
    end: int  # offset after the last character, before "\r\n" / "\n"
    stop: int  # offset after the line break (== end on a last line without one)


@cache
def load_boilerplate_data(path: Path = DATA_FILE) -> Mapping[str, Any]:
    """The raw YAML of data/boilerplate.yaml."""
    try:
        data = parse_yaml(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read {path}: {exc}") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping at top level")
    return data


@cache
def load_rules(path: Path = DATA_FILE) -> Rules:
    """Compile the boilerplate rules once."""
    data = load_boilerplate_data(path)
    frags: dict[str, str] = data.get("fragments", {})

    def compile_(patterns: Sequence[str], ignore_case: bool = True) -> re.Pattern[str]:
        joined = "|".join(f"(?:{_expand(p, frags)})" for p in patterns)
        return re.compile(joined, re.IGNORECASE if ignore_case else 0)

    line_rules = tuple(
        LineRule(
            r["name"],
            r["reason"],
            compile_(r["patterns"], r.get("ignore_case", True)),
            bool(r.get("head_only", False)),
        )
        for r in data["line_rules"]
    )
    return Rules(
        line_rules=line_rules,
        link_header=compile_(data["link_list_headers"]["patterns"]),
        link_reason=data["link_list_headers"]["reason"],
        trailing_credit=compile_([data["trailing_credit"]["pattern"]], ignore_case=False),
        credit_reason=data["trailing_credit"]["reason"],
        dateline=compile_([data["dateline_prefix"]["pattern"]]),
        dateline_reason=data["dateline_prefix"]["reason"],
    )


def _expand(pattern: str, frags: Mapping[str, str]) -> str:
    for key, value in frags.items():
        pattern = pattern.replace(f"<{key}>", value)
    return pattern


def clean_article(article: Article, options: CleanOptions = DEFAULT_OPTIONS) -> CleanDocument:
    """Remove boilerplate from `article.text`; see the module docstring for what goes."""
    text = article.text
    removed = _plan(text, load_rules(), options)
    keep = _complement(removed, len(text))
    clean_text, offsets = build_clean_text(text, keep)
    published = article.published or _published(article)
    implied = None
    if published is None and options.imply_published:
        implied = implied_published(clean_text)
    title = article.title or article_title(clean_text, text)  # named as readers name it
    source = article.source or article_outlet(text, article.url)
    if (title, source) != (article.title, article.source):
        article = replace(article, title=title, source=source)
    return CleanDocument(
        article=article,
        clean_text=clean_text,
        offsets=offsets,
        language=article.language or detect_language(clean_text),
        published=published or (implied.date if implied else None),
        removed=tuple(removed),
        published_basis="stated" if published else "implied" if implied else None,
        published_evidence=_evidence(text, offsets, implied.evidence) if implied else (),
    )


def _published(article: Article) -> str | None:
    metadata = dict(article.metadata)
    if article.url and "url" not in metadata:
        metadata["url"] = article.url
    published: str | None = find_published(article.text, metadata, article.raw)
    return published


def _evidence(
    text: str, offsets: OffsetMap, spans: Sequence[tuple[int, int]]
) -> tuple[Evidence, ...]:
    """Clean-text spans as quotes of the original text."""
    out = []
    for start, end in spans:
        a, b = offsets.span_to_original(start, end)
        out.append(Evidence(a, b, text[a:b]))
    return tuple(out)


class _Plan:
    """Working state while deciding what to delete from one text."""

    __slots__ = ("bounds", "cut", "holes", "lines", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = _split_lines(text)
        self.cut: dict[int, str] = {}  # line index -> reason, whole line removed
        # line index -> (content start, content end, reason of each trimmed side)
        self.bounds: dict[int, tuple[int, int, str, str]] = {}
        self.holes: list[tuple[int, int, str]] = []  # spans cut from inside kept lines

    def content(self, i: int) -> tuple[int, int]:
        line = self.lines[i]
        b = self.bounds.get(i)
        return (b[0], b[1]) if b else (line.start, line.end)

    def line_text(self, i: int) -> str:
        start, end = self.content(i)
        return self.text[start:end]

    def blank(self, i: int) -> bool:
        line = self.lines[i]
        return not self.text[line.start : line.end].strip()

    def kept(self, i: int) -> bool:
        return i not in self.cut and not self.blank(i)

    def trim(self, i: int, start: int, end: int, reason: str) -> None:
        line = self.lines[i]
        old_start, old_end, left, right = self.bounds.get(i, (line.start, line.end, "", ""))
        left = reason if start != old_start else left
        right = reason if end != old_end else right
        self.bounds[i] = (start, end, left, right)
        if not self.text[start:end].strip():
            self.cut[i] = reason


def _split_lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    for m in re.finditer(r"([^\n]*?)(\r?\n|\Z)", text):
        if m.start() == len(text) and lines:
            break
        lines.append(_Line(m.start(), m.end(1), m.end()))
        if m.end() == len(text):
            break
    return lines


def _plan(text: str, rules: Rules, options: CleanOptions) -> list[tuple[int, int, str]]:
    plan = _Plan(text)
    if options.on("dateline"):
        _cut_dateline(plan, rules)
    _cut_line_rules(plan, rules, options)
    if options.on("link-lists"):
        _cut_link_lists(plan, rules, options)
    if options.on("menus"):
        _cut_menus(plan, options)
    credited = _trim_credits(plan, rules) if options.on("credits") else set()
    if options.on("repeats"):
        _cut_repeats(plan, credited, options)
    if options.on("notes"):
        plan.cut.update(dict.fromkeys(note_lines(len(plan.lines), plan.line_text), NOTES_REASON))
    if options.on("footnotes"):
        _cut_footnote_markers(plan)
    if options.on("emoji"):
        plan.holes += [(m.start(), m.end(), EMOJI_REASON) for m in _EMOJI.finditer(text)]
    whitespace = _cut_separators(plan)
    return _removed_ranges(plan, whitespace)


EMOJI_REASON = "emoji"
# pictographs and dingbats, arrows and geometric bullets ("▪️", "↪️"), regional-indicator
# flags, variation selectors and zero-width joiners (no dash, currency or letter among them)
_EMOJI = re.compile(
    "[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\u2190-\u21ff\u25a0-\u25ff"
    "\u2300-\u23ff\ufe0f\u200d]+"
)


def _cut_footnote_markers(plan: _Plan) -> None:
    for i in range(len(plan.lines)):
        if plan.kept(i):
            start, end = plan.content(i)
            holes = footnote_markers(plan.text, start, end)
            plan.holes += [(a, b, MARKER_REASON) for a, b in holes]


def _cut_dateline(plan: _Plan, rules: Rules) -> None:
    m = rules.dateline.match(plan.text)
    if m and plan.lines and m.end() <= plan.lines[0].end:
        plan.trim(0, m.end(), plan.lines[0].end, rules.dateline_reason)


def _cut_line_rules(plan: _Plan, rules: Rules, options: CleanOptions) -> None:
    active = [r for r in rules.line_rules if options.on(r.name)]
    for i in range(len(plan.lines)):
        if not plan.kept(i):
            continue
        stripped = plan.line_text(i).strip()
        in_head = plan.lines[i].start < HEAD_CHARS
        for rule in active:
            if (in_head or not rule.head_only) and rule.pattern.fullmatch(stripped):
                plan.cut[i] = rule.reason
                break


def _cut_link_lists(plan: _Plan, rules: Rules, options: CleanOptions) -> None:
    n = len(plan.lines)
    for i in range(n):
        if plan.blank(i) or not rules.link_header.fullmatch(plan.line_text(i).strip()):
            continue
        plan.cut[i] = rules.link_reason
        j = i + 1
        while j < n and j <= i + options.link_list_max and not plan.blank(j):
            if plan.kept(j) and not _looks_like_headline(plan.line_text(j)):
                break
            plan.cut.setdefault(j, rules.link_reason)
            j += 1


def _looks_like_headline(line: str) -> bool:
    words = line.split()
    return len(line.strip()) <= 150 and not (line.rstrip().endswith(".") and len(words) >= 8)


def _cut_menus(plan: _Plan, options: CleanOptions) -> None:
    run: list[int] = []
    for i in range(len(plan.lines) + 1):
        if i < len(plan.lines) and not plan.blank(i):
            if i in plan.cut:
                continue
            if _menu_like(plan.line_text(i), options):
                run.append(i)
                continue
        if len(run) >= options.menu_min_run:
            plan.cut.update(dict.fromkeys(run, "menu"))
        run = []


def _menu_like(line: str, options: CleanOptions) -> bool:
    s = line.strip()
    return (
        len(s) <= options.menu_max_chars
        and len(s.split()) <= options.menu_max_words
        and not _MENU_FORBIDDEN.search(s)
        and not s.startswith(("-", "*", "•"))
    )


def _trim_credits(plan: _Plan, rules: Rules) -> set[int]:
    """Cut photo credits glued to a paragraph's end; return the lines that had one."""
    credited = set()
    for i in range(len(plan.lines)):
        if not plan.kept(i):
            continue
        start, end = plan.content(i)
        m = rules.trailing_credit.search(plan.text, start, end)
        if m:
            plan.trim(i, start, m.start(), rules.credit_reason)
            credited.add(i)
    return credited


def _cut_repeats(plan: _Plan, credited: set[int], options: CleanOptions) -> None:
    seen: set[str] = set()
    earlier: list[str] = []
    grams: set[tuple[str, ...]] = set()
    for unit in _units(plan):
        norm = _norm(" ".join(plan.line_text(i) for i in unit))
        reason = _repeat_reason(norm, bool(credited & set(unit)), seen, earlier, grams, options)
        if reason:
            plan.cut.update(dict.fromkeys(unit, reason))
            continue
        seen.add(norm)
        earlier.append(norm)
        grams.update(_ngrams(norm))


def _repeat_reason(
    norm: str,
    credited: bool,
    seen: set[str],
    earlier: list[str],
    grams: set[tuple[str, ...]],
    options: CleanOptions,
) -> str | None:
    if len(norm) < options.min_repeat_chars:
        return None
    if norm in seen or (credited and any(norm in e for e in earlier)):
        return "repeated paragraph"
    if credited:
        own = _ngrams(norm)
        if own and len(own & grams) / len(own) >= options.caption_overlap:
            return "caption"
    return None


def _units(plan: _Plan) -> list[list[int]]:
    """Lines, or paragraphs (blank-line separated) when the text is hard-wrapped."""
    kept = [i for i in range(len(plan.lines)) if plan.kept(i)]
    if not _hard_wrapped(plan):
        return [[i] for i in kept]
    units: list[list[int]] = []
    last = -2
    for i in kept:
        gap = range(last + 1, i)
        if units and all(not plan.blank(j) for j in gap):
            units[-1].append(i)
        else:
            units.append([i])
        last = i
    return units


def _hard_wrapped(plan: _Plan) -> bool:
    lengths = [len(plan.line_text(i).strip()) for i in range(len(plan.lines)) if plan.kept(i)]
    long_ = [i for i in range(len(plan.lines)) if plan.kept(i) and len(plan.line_text(i)) >= 40]
    if len(lengths) < 8 or not long_ or sum(n > 100 for n in lengths) > len(lengths) // 20:
        return False
    open_ends = sum(not plan.line_text(i).rstrip().endswith(tuple(_SENTENCE_END)) for i in long_)
    return open_ends >= len(long_) / 2


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return " ".join(text.split()).strip(" .,;:").casefold()


def _ngrams(norm: str, n: int = 4) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", norm)
    return {tuple(words[k : k + n]) for k in range(len(words) - n + 1)}


def _cut_separators(plan: _Plan) -> set[int]:
    """Blank lines to drop: at both ends, and all but one blank run around removed lines."""
    drop: set[int] = set()
    kept = [i for i in range(len(plan.lines)) if plan.kept(i)]
    if not kept:
        return {i for i in range(len(plan.lines)) if plan.blank(i)}
    drop.update(i for i in range(kept[0]) if plan.blank(i))
    drop.update(i for i in range(kept[-1] + 1, len(plan.lines)) if plan.blank(i))
    for a, b in pairwise(kept):
        gap = range(a + 1, b)
        if not any(j in plan.cut for j in gap):
            continue
        blanks = [j for j in gap if plan.blank(j)]
        first_run = {j for k, j in enumerate(blanks) if j - k == blanks[0]} if blanks else set()
        drop.update(j for j in blanks if j not in first_run)
    return drop


def _removed_ranges(plan: _Plan, whitespace: set[int]) -> list[tuple[int, int, str]]:
    ranges: list[tuple[int, int, str]] = []
    for i, line in enumerate(plan.lines):
        if i in plan.cut:
            ranges.append((line.start, line.stop, plan.cut[i]))
        elif i in whitespace:
            ranges.append((line.start, line.stop, "whitespace"))
        elif i in plan.bounds:
            start, end, left, right = plan.bounds[i]
            ranges.append((line.start, start, left))
            ranges.append((end, line.end, right))
    return _merge([r for r in [*ranges, *plan.holes] if r[1] > r[0]])


def _merge(ranges: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    merged: list[tuple[int, int, str]] = []
    for start, end, reason in sorted(ranges):
        if merged and merged[-1][1] == start and merged[-1][2] == reason:
            merged[-1] = (merged[-1][0], end, reason)
        else:
            merged.append((start, end, reason))
    return merged


def _complement(removed: list[tuple[int, int, str]], length: int) -> list[tuple[int, int]]:
    keep = []
    pos = 0
    for start, end, _reason in removed:
        if start > pos:
            keep.append((pos, start))
        pos = max(pos, end)
    if pos < length:
        keep.append((pos, length))
    return keep
