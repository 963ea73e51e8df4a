"""Score extracted records against gold annotations (the scoring rules of GOLD.md).

Both sides are documents in the GOLD format. For each section a boolean
compatibility matrix (gold item x predicted item) is built from the rules below
and a MAXIMUM one-to-one matching is taken (``scipy.optimize.linear_sum_assignment``),
so counts never depend on item order. Among the maximum matchings the one with
the most agreeing ``measure`` fields (figures), then the closest values / most
shared words, is preferred; this only chooses WHICH pairs are reported.

Matching rules:

* actors: some name or alias of one equals some name or alias of the other,
  compared after :func:`normalize` (NFKC, dashes and curly quotes unified,
  whitespace collapsed, casefolded).
* events: same ``type`` and ``mode``; some participant of each side denotes the
  same actor (equal normalised strings, or strings that resolve through their
  own file's actors - name or alias - to actors matching by the actor rule; a
  string naming no actor stands for an actor with that single name); and, when
  the gold date is not null, the predicted date truncated to the gold date's
  precision equals it. A null or less precise predicted date does not agree.
  When either date is not a plain ``YYYY[-MM[-DD]]`` date (``2025-H1``,
  ``2013..2023``) the two strings must be equal.
* figures: equal ``kind``, ``unit`` and ``per``; value within 1% of the gold
  value (a gold value of 0 needs exactly 0); ``value_max`` both null or within
  1% of the gold ``value_max``; equal ``period`` unless the gold period is null (the
  same months written either way GOLD.md allows are equal: ``2025-Q3`` and
  ``2025-07..2025-09``; :func:`same_period`).
* agreements: equal ``kind`` and titles that share most content words. GOLD.md
  says "most": we read it as a Dice coefficient ``2|A & B| / (|A| + |B|) >= 0.5``
  over the sets of content words (casefolded alphanumeric tokens, after unifying
  dashes and splitting on everything else, minus :data:`STOPWORDS`). Titles
  without any content word match only when their normalised texts are equal.
* commitments: equal ``unit`` and value within 1% of the gold value.

Scores: precision = tp / (tp + fp) and recall = tp / (tp + fn). When a
denominator is zero the value is 1.0 if the other side is empty too (nothing
expected, nothing produced) and 0.0 otherwise: an empty prediction for a
non-empty gold list has P = R = F1 = 0, and so do items predicted where the
gold list is empty. F1 = 2tp / (2tp + fp + fn), 1.0 when both sides are empty.
Totals are micro-averages (tp, fp and fn summed over documents).

Grounding counts every predicted event, figure, agreement and commitment; it is
grounded when its ``quote`` is a non-empty string found verbatim in the text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy.optimize import linear_sum_assignment

from bilat.reconcile._dates import period_span

__all__ = [
    "QUOTED_SECTIONS",
    "SECTIONS",
    "STOPWORDS",
    "DocScore",
    "EvalReport",
    "SectionMatch",
    "SectionScore",
    "normalize",
    "same_period",
    "score_all",
    "score_document",
]

SECTIONS = ("actors", "events", "figures", "agreements", "commitments")
QUOTED_SECTIONS = ("events", "figures", "agreements", "commitments")
TOLERANCE = 0.01
# English function words ignored when comparing agreement titles; "s" is the token left
# by a possessive ("People's" -> "people", "s").
# fmt: off
STOPWORDS = frozenset({
    "a", "an", "the", "of", "on", "and", "or", "in", "into", "for", "to", "with", "without",
    "between", "among", "by", "at", "from", "as", "about", "its", "it", "their", "his", "her",
    "our", "this", "that", "these", "those", "is", "are", "was", "were", "be", "been", "being",
    "s",
})
# fmt: on
_TRANSLATE = str.maketrans(
    {c: "-" for c in "‐‑‒–—―−"} | {c: "'" for c in "‘’‚‛′"} | {c: '"' for c in "“”„‟″"}
)
_PLAIN_DATE = re.compile(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?")
_WORD = re.compile(r"[^\W_]+")

Item = Mapping[str, Any]
Doc = Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class SectionScore:
    """Counts for one section; see the module docstring for the empty-side conventions."""

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp, self.fn)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn, self.fp)

    @property
    def f1(self) -> float:
        return _ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn, 0)

    def __add__(self, other: SectionScore) -> SectionScore:
        return SectionScore(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


def _ratio(part: int, whole: int, other_side: int) -> float:
    if whole:
        return part / whole
    return 0.0 if other_side else 1.0


@dataclass(frozen=True, slots=True)
class SectionMatch:
    """Why a section scored as it did: matched (gold index, predicted index) pairs and the rest."""

    pairs: tuple[tuple[int, int], ...]
    unmatched_gold: tuple[int, ...]
    unmatched_predicted: tuple[int, ...]

    @property
    def score(self) -> SectionScore:
        tp = len(self.pairs)
        return SectionScore(tp, len(self.unmatched_predicted), len(self.unmatched_gold))


@dataclass(frozen=True, slots=True)
class DocScore:
    """The score of one document; ``matches`` and ``ungrounded`` explain it item by item."""

    doc: str
    sections: dict[str, SectionScore]
    measure_agree: int
    measure_pairs: int
    grounded: int
    quoted: int
    matches: dict[str, SectionMatch]
    measure_mismatches: tuple[tuple[int, int], ...] = ()  # figure pairs whose measure differs
    ungrounded: tuple[tuple[str, int], ...] = ()  # (section, predicted index)
    has_text: bool = True  # False: no article text, grounding not checked


@dataclass(frozen=True, slots=True)
class EvalReport:
    """Scores of every gold document, micro-averaged totals and corpus-level shares."""

    docs: tuple[DocScore, ...]
    total: dict[str, SectionScore]
    measure_agreement: float | None  # None when no figure pair matched
    grounding: float | None  # None when no predicted item was checked
    missing_predictions: tuple[str, ...]  # gold docs without prediction, scored all-FN
    unscored_predictions: tuple[str, ...] = ()  # predictions without gold, ignored
    missing_texts: tuple[str, ...] = ()  # gold docs whose grounding was not checked


# ---------------------------------------------------------------- normalisation


def normalize(text: str) -> str:
    """Canonical form for comparing names: NFKC, unified dashes/quotes, one space, casefold."""
    text = unicodedata.normalize("NFKC", text).translate(_TRANSLATE)
    return " ".join(text.split()).casefold()


def content_words(title: str) -> frozenset[str]:
    """Casefolded alphanumeric tokens of a title, minus :data:`STOPWORDS`."""
    tokens = _WORD.findall(unicodedata.normalize("NFKC", title).translate(_TRANSLATE).casefold())
    return frozenset(t for t in tokens if t not in STOPWORDS)


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _within(gold: object, pred: object) -> bool:
    """Predicted number within 1% of the gold number (exact when gold is 0)."""
    g, p = _number(gold), _number(pred)
    if g is None or p is None:
        return False
    return abs(p - g) <= TOLERANCE * abs(g) * (1 + 1e-9)


def _closeness(gold: object, pred: object) -> float:
    g, p = _number(gold), _number(pred)
    if g is None or p is None or (g == 0 and p != 0):
        return 0.0
    return max(0.0, 1.0 - abs(p - g) / (TOLERANCE * abs(g))) if g else 1.0


def _same(a: object, b: object) -> float:
    return 1.0 if a == b else 0.0


# ---------------------------------------------------------------- actors


def _actor_keys(actor: Item) -> frozenset[str]:
    names = [actor.get("name"), *(actor.get("aliases") or [])]
    return frozenset(normalize(n) for n in names if isinstance(n, str) and normalize(n))


class _Actors:
    """Resolves the actor strings of one file (participants, parties) to actor key sets."""

    def __init__(self, actors: Iterable[Item]) -> None:
        self._index: dict[str, set[str]] = {}
        for actor in actors:
            keys = _actor_keys(actor)
            for key in keys:
                self._index.setdefault(key, set()).update(keys)

    def keys(self, names: Iterable[object]) -> frozenset[str]:
        """All names and aliases of the actors that some string of ``names`` denotes."""
        out: set[str] = set()
        for name in names:
            if isinstance(name, str) and (key := normalize(name)):
                out.add(key)
                out.update(self._index.get(key, ()))
        return frozenset(out)


# ---------------------------------------------------------------- rules per section


@dataclass(frozen=True, slots=True)
class _Context:
    gold_actors: _Actors
    pred_actors: _Actors


Rule = Callable[[Item, Item, _Context], bool]
Preference = Callable[[Item, Item, _Context], tuple[float, ...]]


def _actors_match(g: Item, p: Item, ctx: _Context) -> bool:
    return bool(_actor_keys(g) & _actor_keys(p))


def _actors_prefer(g: Item, p: Item, ctx: _Context) -> tuple[float, ...]:
    gk, pk = _actor_keys(g), _actor_keys(p)
    return (_same(g.get("type"), p.get("type")), len(gk & pk) / len(gk | pk))


def date_agrees(gold: object, pred: object) -> bool:
    """The predicted date equals the gold date at the gold date's precision (gold None: any)."""
    if gold is None:
        return True
    if not (isinstance(gold, str) and isinstance(pred, str)):
        return False
    if _PLAIN_DATE.fullmatch(gold) and _PLAIN_DATE.fullmatch(pred):
        return len(pred) >= len(gold) and pred[: len(gold)] == gold
    return pred == gold


def _participants(item: Item, actors: _Actors) -> frozenset[str]:
    return actors.keys(item.get("participants") or [])


def _participants_shared(g: Item, p: Item, ctx: _Context) -> bool:
    return bool(_participants(g, ctx.gold_actors) & _participants(p, ctx.pred_actors))


def _field(name: str) -> Rule:
    return lambda g, p, ctx: g.get(name) == p.get(name)


def _events_date(g: Item, p: Item, ctx: _Context) -> bool:
    return date_agrees(g.get("date"), p.get("date"))


def _events_prefer(g: Item, p: Item, ctx: _Context) -> tuple[float, ...]:
    gk, pk = _participants(g, ctx.gold_actors), _participants(p, ctx.pred_actors)
    places = [normalize(x) if isinstance(x, str) else x for x in (g.get("place"), p.get("place"))]
    fields = (
        _same(g.get("date"), p.get("date")),
        _same(g.get("status"), p.get("status")),
        _same(*places),
        len(gk & pk) / len(gk | pk),
    )
    return (sum(fields) / len(fields),)


def _value(g: Item, p: Item, ctx: _Context) -> bool:
    return _within(g.get("value"), p.get("value"))


def _value_max(g: Item, p: Item, ctx: _Context) -> bool:
    gmax, pmax = g.get("value_max"), p.get("value_max")
    return (gmax is None and pmax is None) or _within(gmax, pmax)


def same_period(gold: object, pred: object) -> bool:
    """The same period: equal strings, or the same months written another way (GOLD.md
    gives both forms, and annotators use both: "2025-Q3" and "2025-07..2025-09", "2025-H1"
    and "2025-01..2025-06", "2024" and "2024-01..2024-12")."""
    if gold == pred:
        return True
    if not (isinstance(gold, str) and isinstance(pred, str)):
        return False
    span = period_span(gold)
    return span is not None and span == period_span(pred)


def _period(g: Item, p: Item, ctx: _Context) -> bool:
    return g.get("period") is None or same_period(g.get("period"), p.get("period"))


def _figures_prefer(g: Item, p: Item, ctx: _Context) -> tuple[float, ...]:
    fields = (
        _closeness(g.get("value"), p.get("value")),
        float(same_period(g.get("period"), p.get("period"))),
        _same(g.get("qualifier"), p.get("qualifier")),
        _same(g.get("flow"), p.get("flow")),
    )
    return (_same(g.get("measure"), p.get("measure")), sum(fields) / len(fields))


def dice(gold_title: str, pred_title: str) -> float:
    """Dice coefficient of the two titles' content words (see the module docstring)."""
    a, b = content_words(gold_title), content_words(pred_title)
    if not (a or b):
        return _same(normalize(gold_title), normalize(pred_title))
    return 2 * len(a & b) / (len(a) + len(b))


def _titles_share_most(gold_title: object, pred_title: object) -> bool:
    if not (isinstance(gold_title, str) and isinstance(pred_title, str)):
        return False
    a, b = content_words(gold_title), content_words(pred_title)
    if not (a or b):
        return normalize(gold_title) == normalize(pred_title)
    return 4 * len(a & b) >= len(a) + len(b)  # Dice >= 0.5, in exact integer arithmetic


def _title(g: Item, p: Item, ctx: _Context) -> bool:
    return _titles_share_most(g.get("title"), p.get("title"))


def _agreements_prefer(g: Item, p: Item, ctx: _Context) -> tuple[float, ...]:
    fields = (_same(g.get("status"), p.get("status")), _same(g.get("date"), p.get("date")))
    return (dice(str(g.get("title")), str(p.get("title"))), sum(fields) / len(fields))


def _commitments_prefer(g: Item, p: Item, ctx: _Context) -> tuple[float, ...]:
    fields = (
        _closeness(g.get("value"), p.get("value")),
        _same(g.get("per"), p.get("per")),
        _same(g.get("relation"), p.get("relation")),
        _same(g.get("measure"), p.get("measure")),
    )
    return (sum(fields) / len(fields),)


# The match rule of each section as named field checks: a pair matches when every check
# passes, and `bilat eval --errors` names the checks a near miss fails.
CHECKS: dict[str, tuple[tuple[str, Rule], ...]] = {
    "actors": (("name", _actors_match),),
    "events": (
        ("type", _field("type")),
        ("mode", _field("mode")),
        ("participants", _participants_shared),
        ("date", _events_date),
    ),
    "figures": (
        ("kind", _field("kind")),
        ("unit", _field("unit")),
        ("per", _field("per")),
        ("value", _value),
        ("value_max", _value_max),
        ("period", _period),
    ),
    "agreements": (("kind", _field("kind")), ("title", _title)),
    "commitments": (("unit", _field("unit")), ("value", _value)),
}
PREFERENCES: dict[str, Preference] = {
    "actors": _actors_prefer,
    "events": _events_prefer,
    "figures": _figures_prefer,
    "agreements": _agreements_prefer,
    "commitments": _commitments_prefer,
}


def failed_checks(section: str, g: Item, p: Item, ctx: _Context) -> tuple[str, ...]:
    """The names of the checks of `section` that the pair (gold, predicted) fails."""
    return tuple(name for name, check in CHECKS[section] if not check(g, p, ctx))


def _rule(section: str) -> Rule:
    checks = tuple(check for _, check in CHECKS[section])
    return lambda g, p, ctx: all(check(g, p, ctx) for check in checks)


RULES: dict[str, tuple[Rule, Preference]] = {s: (_rule(s), PREFERENCES[s]) for s in SECTIONS}


# ---------------------------------------------------------------- matching


def _weight(preferences: tuple[float, ...], size: int) -> float:
    """1 for a compatible pair plus lexicographic preference bonuses that sum below 1.

    Each level contributes at most 1/(size+1)**level per pair, so over at most
    ``size`` pairs the bonuses never outweigh one more matched pair.
    """
    weight, scale = 1.0, 1.0
    for level in preferences:
        scale /= size + 1
        weight += scale * min(1.0, max(0.0, level))
    return weight


def match_section(
    gold: Sequence[Item], pred: Sequence[Item], rule: Rule, prefer: Preference, ctx: _Context
) -> SectionMatch:
    """A maximum one-to-one matching of compatible gold and predicted items."""
    weights = np.zeros((len(gold), len(pred)))
    size = min(len(gold), len(pred))
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            if rule(g, p, ctx):
                weights[i, j] = _weight(prefer(g, p, ctx), size)
    pairs: list[tuple[int, int]] = []
    if size:
        rows, cols = linear_sum_assignment(weights, maximize=True)
        pairs = sorted((int(i), int(j)) for i, j in zip(rows, cols, strict=True) if weights[i, j])
    used_gold, used_pred = {i for i, _ in pairs}, {j for _, j in pairs}
    return SectionMatch(
        pairs=tuple(pairs),
        unmatched_gold=tuple(i for i in range(len(gold)) if i not in used_gold),
        unmatched_predicted=tuple(j for j in range(len(pred)) if j not in used_pred),
    )


# ---------------------------------------------------------------- documents


def _items(doc: Doc, section: str) -> list[Item]:
    return list(doc.get(section) or [])


def _grounding(predicted: Doc, text: str) -> tuple[int, tuple[tuple[str, int], ...]]:
    """Number of predicted quoted items, and the (section, index) of those not in the text."""
    quoted, missing = 0, []
    for section in QUOTED_SECTIONS:
        for j, item in enumerate(_items(predicted, section)):
            quoted += 1
            quote = item.get("quote")
            if not (isinstance(quote, str) and quote and quote in text):
                missing.append((section, j))
    return quoted, tuple(missing)


def match_context(gold: Doc, predicted: Doc) -> _Context:
    """What the rules need beyond the two items: each side's actors, to resolve participants."""
    return _Context(_Actors(_items(gold, "actors")), _Actors(_items(predicted, "actors")))


def score_document(gold: Doc, predicted: Doc, text: str | None) -> DocScore:
    """Score one predicted document against its gold; ``text`` None skips grounding."""
    ctx = match_context(gold, predicted)
    matches = {
        section: match_section(_items(gold, section), _items(predicted, section), *rule, ctx)
        for section, rule in RULES.items()
    }
    gold_figures, pred_figures = _items(gold, "figures"), _items(predicted, "figures")
    mismatched = tuple(
        (i, j)
        for i, j in matches["figures"].pairs
        if gold_figures[i].get("measure") != pred_figures[j].get("measure")
    )
    quoted, ungrounded = _grounding(predicted, text) if text is not None else (0, ())
    figure_pairs = len(matches["figures"].pairs)
    return DocScore(
        doc=str(gold.get("doc")),
        sections={section: m.score for section, m in matches.items()},
        measure_agree=figure_pairs - len(mismatched),
        measure_pairs=figure_pairs,
        grounded=quoted - len(ungrounded),
        quoted=quoted,
        matches=matches,
        measure_mismatches=mismatched,
        ungrounded=ungrounded,
        has_text=text is not None,
    )


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def score_all(
    gold: Mapping[str, Doc], predicted: Mapping[str, Doc], texts: Mapping[str, str]
) -> EvalReport:
    """Score every gold document (sorted by name); predictions without gold are not scored."""
    docs = tuple(
        score_document(gold[name], predicted.get(name, {"doc": name}), texts.get(name))
        for name in sorted(gold)
    )
    total = {s: sum((d.sections[s] for d in docs), SectionScore(0, 0, 0)) for s in SECTIONS}
    return EvalReport(
        docs=docs,
        total=total,
        measure_agreement=_share(
            sum(d.measure_agree for d in docs), sum(d.measure_pairs for d in docs)
        ),
        grounding=_share(sum(d.grounded for d in docs), sum(d.quoted for d in docs)),
        missing_predictions=tuple(sorted(set(gold) - set(predicted))),
        unscored_predictions=tuple(sorted(set(predicted) - set(gold))),
        missing_texts=tuple(d.doc for d in docs if not d.has_text),
    )
