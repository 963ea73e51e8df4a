"""Agreement histories: one agreement followed across documents (negotiating -> signed).

Requires: SourcedExtraction.extraction.agreements, the canonical actors and the ActorIndex.
Assigns: AgreementHistory.

Two statements are about the same agreement when
  * their titles match: content-word Dice >= `agreement_dice` (stopwords, project names and
    generic words such as agreement/memorandum/deal dropped), or both titles name the same
    project (a canonical actor of type "project", e.g. "Power of Siberia 2"), and
  * their parties overlap (when both list parties), and
  * their titles' numbers are not disjoint ("30th meeting" is not the "29th meeting"), and
  * the projects they name are not disjoint (Power of Siberia is not Power of Siberia 2), and
  * they are not two signings (signed/adopted) on clearly different days.
Kinds may differ. A statement joins a history when it matches one statement in it and clashes
with none. Entries are ordered by (date or publication); the current status is the last one's.
"""

from __future__ import annotations

import copy
import math
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

from bilat.reconcile._dates import date_span, precision, spans_overlap
from bilat.reconcile._text import content_words, dice, name_key
from bilat.reconcile.actors import ActorIndex
from bilat.reconcile.model import (
    AgreementEntry,
    AgreementHistory,
    CanonicalActor,
    ReconcileOptions,
    SourcedExtraction,
)
from bilat.records import Agreement

__all__ = [
    "TitleChain",
    "agreement_histories",
    "changed_histories",
    "histories_of",
    "project_forms",
    "reaching_words",
    "statement_items",
    "title_items",
    "touched_statements",
]

_SIGNED = frozenset({"signed", "adopted"})
_NEAR = range(-2, 3)  # days apart of two signings that do not clash (`_clash`'s window)


@dataclass(frozen=True, slots=True)
class _Item:
    ref: str  # "doc_id:a<index>"
    entry: AgreementEntry
    sector: str
    words: frozenset[str]
    numbers: frozenset[str]
    projects: frozenset[str]
    parties: frozenset[str]


def project_forms(actors: Sequence[CanonicalActor]) -> list[tuple[str, str]]:
    """(name key, actor id) of every project name, longest first."""
    forms = {(name_key(form), a.id) for a in actors if a.type == "project" for form in a.names}
    return sorted((f for f in forms if f[0]), key=lambda f: (-len(f[0]), f))


def _projects_in(title: str, forms: list[tuple[str, str]]) -> tuple[frozenset[str], str]:
    """The projects a title names, and the title with those names cut out."""
    text = f" {name_key(title)} "
    found = set()
    for form, actor_id in forms:
        if f" {form} " in text:
            found.add(actor_id)
            text = text.replace(f" {form} ", " | ")
    return frozenset(found), text


def _items(
    inputs: Sequence[SourcedExtraction],
    actors: ActorIndex,
    forms: list[tuple[str, str]],
    stated: Mapping[int, Sequence[Agreement]] | None = None,
    numbered: Mapping[int, Sequence[tuple[int, Agreement]]] | None = None,
) -> list[_Item]:
    items = []
    read: dict[str, tuple[frozenset[str], frozenset[str], frozenset[str]]] = {}  # by title

    def states(s: SourcedExtraction) -> bool:
        if numbered is not None and s.doc_id in numbered:
            return bool(numbered[s.doc_id])
        if stated is not None:
            return bool(stated.get(s.doc_id, s.extraction.agreements))
        return bool(s.extraction.agreements)

    actors.prefetch(s.doc_id for s in inputs if states(s))  # (their parties resolved)
    for s in inputs:
        placed: Iterable[tuple[int, Agreement]]
        if numbered is not None and s.doc_id in numbered:
            placed = numbered[s.doc_id]
        else:
            agreements: Sequence[Agreement] = s.extraction.agreements
            if stated is not None:
                agreements = stated.get(s.doc_id, agreements)
            placed = enumerate(agreements)
        for index, a in placed:
            entry = AgreementEntry(
                s.published,
                s.doc_id,
                s.doc_name,
                a.status,
                a.kind,
                a.date,
                a.title,
                a.evidence.quote,
                s.source,
            )
            projects, words, numbers = read.get(a.title) or read.setdefault(
                a.title, _title(a.title, forms)
            )
            parties = frozenset(actors.resolve(s.doc_id, p) for p in a.parties)
            items.append(
                _Item(f"{s.doc_id}:a{index}", entry, a.sector, words, numbers, projects, parties)
            )
    return items


def _title(
    title: str, forms: list[tuple[str, str]]
) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The projects a title names, its content words once they are cut out, and those
    words with digits (a title repeated every year is read once)."""
    projects, rest = _projects_in(title, forms)
    words = content_words(rest)
    return projects, words, frozenset(w for w in words if any(ch.isdigit() for ch in w))


def _clash(a: _Item, b: _Item) -> bool:
    if a.parties and b.parties and a.parties.isdisjoint(b.parties):
        return True
    if a.numbers and b.numbers and a.numbers.isdisjoint(b.numbers):
        return True
    if a.projects and b.projects and a.projects.isdisjoint(b.projects):
        return True
    ea, eb = a.entry, b.entry
    if (
        ea.status in _SIGNED
        and eb.status in _SIGNED
        and precision(ea.date) == precision(eb.date) == 3
    ):
        sa, sb = date_span(ea.date), date_span(eb.date)
        return sa is not None and sb is not None and not spans_overlap(sa, sb, 1)
    return False


def _similarity(a: _Item, b: _Item, options: ReconcileOptions) -> float:
    """Dice of the titles; a shared project counts as a full match; 0 below the threshold."""
    if a.projects & b.projects:
        return 1.0
    score = dice(a.words, b.words)
    return score if score >= options.agreement_dice else 0.0


def _rarest(words: Iterable[str], freq: Mapping[str, int], ratio: float) -> list[str]:
    """The prefix of `words` (rarest first by `freq`, then by the word): a word set of
    Dice >= t with them has one of these (t / (2 - t) = `ratio`), whatever the order."""
    ordered = sorted(words, key=lambda w: (freq.get(w, 0), w))
    keep = len(ordered) - math.ceil(len(ordered) * ratio) + 1
    return ordered[: max(keep, 0)]


class _Blocker:
    """Prefix filtering: two word sets with Dice >= t share a word among each one's rarest
    |A| - ceil(|A|*t/(2-t)) + 1 words, so only those words are indexed and probed."""

    def __init__(self, items: list[_Item], threshold: float) -> None:
        self._freq = Counter(w for i in items for w in i.words)
        self._ratio = threshold / (2 - threshold)
        self._index: dict[str, set[int]] = {}  # each history once: titles repeat
        self._prefixes: dict[tuple[frozenset[str], frozenset[str]], list[str]] = {}

    def _prefix(self, item: _Item) -> list[str]:
        """The words indexed and probed for `item`: made once per title's words and
        projects (a title repeated every year probes alike)."""
        key = (item.words, item.projects)
        found = self._prefixes.get(key)
        if found is None:
            probes = _rarest(item.words, self._freq, self._ratio)
            found = probes + [f"#project:{p}" for p in sorted(item.projects)]
            self._prefixes[key] = found
        return found

    def candidates(self, item: _Item) -> set[int]:
        return {h for w in self._prefix(item) for h in self._index.get(w, ())}

    def add(self, item: _Item, history: int) -> None:
        for w in self._prefix(item):
            self._index.setdefault(w, set()).add(history)

    def copy(self) -> _Blocker:
        """A blocker indexing what this one does, to be added to apart (the word counts
        and prefixes made so far shared: they depend on the words alone)."""
        other = copy.copy(self)
        other._index = {w: set(hs) for w, hs in self._index.items()}
        return other


class _History:
    """A history being grown: its statements, one of each distinct title (what the
    similarity reads) and one of each distinct party/number/project/signing (what a clash
    reads), so weighing a statement costs the distinct forms, not every yearly repeat."""

    __slots__ = ("clashing", "items", "titles")

    def __init__(self) -> None:
        self.items: list[_Item] = []
        self.titles: dict[tuple[frozenset[str], frozenset[str]], _Item] = {}
        self.clashing: dict[tuple[object, ...], _Item] = {}

    def add(self, item: _Item, clash: tuple[object, ...]) -> None:
        """Add `item`, of `_clash_key` `clash`."""
        self.items.append(item)
        self.titles.setdefault((item.words, item.projects), item)
        self.clashing.setdefault(clash, item)

    def copy(self) -> _History:
        other = _History()
        other.items, other.titles, other.clashing = (
            [*self.items],
            {**self.titles},
            {**self.clashing},
        )
        return other


def _signed_day(item: _Item) -> int | None:
    """The day (ordinal) a signing (signed/adopted) is dated to, when to the day: what
    `_clash` reads of a statement's status and date (a signing dated to a month or a year,
    or not signed, clashes by date with nothing)."""
    e = item.entry
    if e.status not in _SIGNED or precision(e.date) != 3:
        return None
    span = date_span(e.date)
    return span[0].toordinal() if span is not None else None


def _clash_key(item: _Item, day: int | None) -> tuple[object, ...]:
    """All `_clash` reads of a statement (`day`: its `_signed_day`): two statements of one
    key clash alike (a signing's date only when to the day: a title signed in a month of
    every year is one key, not one a year)."""
    return (item.parties, item.numbers, item.projects, day)


class _Grouping:
    """Statements placed in reading order (`place`, after those placed before): each joins
    the history it matches best (the first of the best) among those it clashes with none
    of, or starts one. A title repeated every year is weighed against a history's titles,
    and its parties, numbers and signing against a history's, once: `_similarity` and
    `_clash` read only those (`_History` keys), so their answers are kept by key. `fork`
    copies the histories placed so far (the answers kept are shared: they depend on the
    keys alone).

    A signing dated to the day clashes with every history holding one dated more than
    two days off (`_clash`): such histories are not weighed at all (`_dated`: those
    holding a signing dated to the day; `_on_day`: those holding one of each day), so a
    title signed on a day of every year is not weighed against every year's history."""

    def __init__(self, items: list[_Item], options: ReconcileOptions) -> None:
        self.histories: list[_History] = []
        self._options = options
        self._blocker = _Blocker(items, options.agreement_dice)
        self._similar: dict[tuple[object, object], float] = {}  # (title key, title key)
        self._clashes: dict[tuple[object, object], bool] = {}  # (clash key, clash key)
        self._dated: set[int] = set()
        self._on_day: dict[int, set[int]] = {}

    def fork(self) -> _Grouping:
        other = copy.copy(self)
        other.histories = [h.copy() for h in self.histories]
        other._blocker = self._blocker.copy()
        other._dated = set(self._dated)
        other._on_day = {d: set(hs) for d, hs in self._on_day.items()}
        return other

    def _weighed(self, item: _Item, day: int | None) -> set[int]:
        """The histories `item` may join: those of a title word of its (the blocker's)
        but those it clashes with by the day of its signing."""
        found = self._blocker.candidates(item)
        if day is None or not self._dated:
            return found
        on_day = self._on_day
        near: set[int] = set()  # holding a signing within two days of it
        for k in _NEAR:
            near.update(on_day.get(day + k, ()))
        return (found - self._dated) | (found & near)

    def place(self, items: Iterable[_Item]) -> None:
        """Place `items`, in reading order, after those placed so far."""
        histories, similar, clashes = self.histories, self._similar, self._clashes
        blocker, options = self._blocker, self._options
        for item in items:
            best: tuple[float, int] | None = None
            day = _signed_day(item)
            title, clash = (item.words, item.projects), _clash_key(item, day)
            for h in sorted(self._weighed(item, day)):
                history = histories[h]
                score = 0.0
                for key, m in history.titles.items():
                    found = similar.get((title, key))
                    if found is None:
                        found = similar[title, key] = _similarity(item, m, options)
                    score = max(score, found)
                if score <= 0 or (best is not None and score <= best[0]):
                    continue  # not chosen over the best so far, whether it clashes or not
                for other, m in history.clashing.items():
                    hit = clashes.get((clash, other))
                    if hit is None:
                        hit = clashes[clash, other] = _clash(item, m)
                    if hit:
                        break
                else:
                    best = (score, h)
            chosen = best[1] if best else len(histories)
            if best is None:
                histories.append(_History())
            histories[chosen].add(item, clash)
            blocker.add(item, chosen)
            if day is not None:
                self._dated.add(chosen)
                self._on_day.setdefault(day, set()).add(chosen)


def _group(items: list[_Item], options: ReconcileOptions) -> list[list[_Item]]:
    """The histories of `items` (in reading order): `_Grouping` of each in turn."""
    grouping = _Grouping(items, options)
    grouping.place(items)
    return [h.items for h in grouping.histories]


def _when(item: _Item) -> tuple[str, str, str]:
    e = item.entry
    return e.date or e.published or "", e.published or "", e.doc_name


def _build(items: list[_Item], actors: ActorIndex) -> AgreementHistory:
    first = items[0]  # in reading order: the first statement found
    items = sorted(items, key=_when)
    latest = items[-1].entry
    titles = Counter(name_key(i.entry.title) for i in items)
    title_key = min(titles, key=lambda t: (-titles[t], -len(t), t))
    title = next(i.entry.title for i in items if name_key(i.entry.title) == title_key)
    sectors = Counter(i.sector for i in items)
    parties = sorted({p for i in items for p in i.parties}, key=lambda p: (actors.display(p), p))
    projects = sorted({p for i in items for p in i.projects})
    return AgreementHistory(
        id=f"agreement:{first.ref}",
        title=title,
        kind=latest.kind,
        sector=min(sectors, key=lambda s: (-sectors[s], s)),
        status=latest.status,
        parties=tuple(actors.display(p) for p in parties),
        projects=tuple(actors.display(p) for p in projects),
        entries=tuple(i.entry for i in items),
    )


def statement_items(
    inputs: Sequence[SourcedExtraction],
    index: ActorIndex,
    forms: list[tuple[str, str]],
    stated: Mapping[int, Sequence[Agreement]] | None = None,
    numbered: Mapping[int, Sequence[tuple[int, Agreement]]] | None = None,
) -> list[_Item]:
    """Every agreement statement as the grouping sees it, in reading order; `stated`: the
    statements of the documents it holds, in place of their inputs' (the stored ones, read
    apart from the inputs); `numbered`: some of the statements of the documents it holds,
    each with its place among its document's (those read by title word), in place of
    either."""
    return _items(inputs, index, forms, stated, numbered)


def title_items(titles: Iterable[tuple[str, str]], forms: list[tuple[str, str]]) -> list[_Item]:
    """Titles as `touched_statements` and `reaching_words` read a statement of them, from
    (ref, title): the ref, words, numbers and projects, with no parties nor entry to group
    them by (the statements of a title reached are read and made apart)."""
    read: dict[str, tuple[frozenset[str], frozenset[str], frozenset[str]]] = {}  # by title
    out = []
    for ref, title in titles:
        projects, words, numbers = read.get(title) or read.setdefault(title, _title(title, forms))
        entry = AgreementEntry(None, 0, "", "", "", None, title, "")
        out.append(_Item(ref, entry, "", words, numbers, projects, frozenset()))
    return out


def histories_of(
    items: Sequence[_Item], index: ActorIndex, options: ReconcileOptions
) -> tuple[AgreementHistory, ...]:
    """The histories of `items` (in reading order: all statements, or a union of
    `touched_statements` components), in order of first statement."""
    return tuple(_build(group, index) for group in _group(list(items), options))


def changed_histories(
    items: Sequence[_Item],
    before: Mapping[str, _Item],
    seeds: Collection[str],
    index: ActorIndex,
    old_index: ActorIndex,
    options: ReconcileOptions,
) -> tuple[tuple[AgreementHistory, ...], tuple[AgreementHistory, ...]]:
    """The histories of `items` (in reading order: a union of `touched_statements`
    components) that differ from those of the old statements among them (`before`: each
    one's old reading, by ref), and those old histories (under `old_index`), each in order
    of first statement (`_changed_groups`)."""
    come, gone = _changed_groups(items, before, seeds, options)
    return tuple(_build(g, index) for g in come), tuple(_build(g, old_index) for g in gone)


def _changed_groups(
    items: Sequence[_Item],
    before: Mapping[str, _Item],
    seeds: Collection[str],
    options: ReconcileOptions,
) -> tuple[list[list[_Item]], list[list[_Item]]]:
    """The groups of `items` and of the old statements among them (read as `before`) but
    those of the same statements in both, none of them a seed (`seeds`) nor read
    otherwise than before: such a history is as stored. The two groupings place alike
    until the first statement that is a seed or read otherwise (an added one, or an old
    one read again): that prefix is placed once, and each grouping is replayed from there
    apart, the old one with the old readings."""
    differ = {i.ref for i in items if i.ref in seeds or before.get(i.ref) is not i}
    start = next((n for n, i in enumerate(items) if i.ref in differ), len(items))
    grouping = _Grouping(list(items), options)
    grouping.place(items[:start])
    was = grouping.fork()
    grouping.place(items[start:])
    was.place(old for i in items[start:] if (old := before.get(i.ref)) is not None)
    come = [h.items for h in grouping.histories]
    gone = [h.items for h in was.histories]
    kept = {tuple(i.ref for i in g) for g in gone if not any(i.ref in differ for i in g)}
    same = kept & {tuple(i.ref for i in g) for g in come}
    return (
        [g for g in come if tuple(i.ref for i in g) not in same],
        [g for g in gone if tuple(i.ref for i in g) not in same],
    )


def touched_statements(
    items: Sequence[_Item], seeds: Iterable[str], options: ReconcileOptions
) -> set[str]:
    """The refs of every statement linked to a seed by a chain of title matches: a statement
    joins only a history holding a statement it matches, so the grouping of these alone
    equals their histories in a grouping of everything (matches do not depend on parties).
    `TitleChain` of `items` at once."""
    chain = TitleChain(options)
    chain.add(items, seeds)
    return chain.refs()


class TitleChain:
    """The statements linked to seeds by a chain of title matches (`touched_statements`),
    followed on as more statements are added (`add`): the chain of what was added before
    is kept, and only what the added statements link to it is followed.

    Statements of the same title words and projects (a title repeated every year) match
    the same statements, and each other (a title with words or projects matches itself),
    so they are reached together: the chain is followed between such classes, each
    weighed once, through a blocker of the classes' first statements (its word counts
    those of the first statements added: any one order of the words is sound)."""

    def __init__(self, options: ReconcileOptions) -> None:
        self._options = options
        self._items: list[_Item] = []
        self._classes: dict[object, list[int]] = {}
        self._of: list[list[int]] = []  # statement -> its class, the first indexed
        self._by_ref: dict[str, int] = {}
        self._blocker: _Blocker | None = None
        self._reached: set[int] = set()  # the first of each class reached

    def add(self, items: Sequence[_Item], seeds: Iterable[str] = ()) -> None:
        """Add `items` (each once) and `seeds` (of any statement added), and follow the
        chain on."""
        blocker = self._blocker = self._blocker or _Blocker(
            list(items), self._options.agreement_dice
        )
        firsts = []  # the classes these items start
        for item in items:
            n = len(self._items)
            self._items.append(item)
            self._by_ref[item.ref] = n
            same = self._classes.setdefault(
                (item.words, item.projects) if item.words or item.projects else n, []
            )
            if not same:
                blocker.add(item, n)
                firsts.append(n)
            same.append(n)
            self._of.append(same)
        todo = [self._of[self._by_ref[s]][0] for s in seeds if s in self._by_ref]
        reached = self._reached
        for n in firsts:  # a new class a reached one matches is reached
            item = self._items[n]
            if any(self._similar(item, m) for m in blocker.candidates(item) & reached):
                todo.append(n)
        todo = [n for n in dict.fromkeys(todo) if n not in reached]
        reached.update(todo)  # queued or done: a class is weighed until something reaches it
        while todo:
            item = self._items[todo.pop()]
            found = [m for m in blocker.candidates(item) - reached if self._similar(item, m)]
            reached.update(found)
            todo.extend(found)

    def _similar(self, item: _Item, m: int) -> bool:
        return _similarity(item, self._items[m], self._options) > 0

    def refs(self) -> set[str]:
        """The refs of the statements reached so far."""
        return {self._items[n].ref for first in self._reached for n in self._of[first]}

    def reached(self) -> list[_Item]:
        """One statement of each class reached (what `reaching_words` reads)."""
        return [self._items[n] for n in self._reached]


def reaching_words(
    items: Iterable[_Item],
    forms: Sequence[tuple[str, str]],
    counts: Callable[[Collection[str]], Mapping[str, int]],
    options: ReconcileOptions,
) -> set[str] | None:
    """Title words (`content_words` of whole titles) such that every statement matching one
    of `items` has one of them: of each distinct title its prefix words, rarest first by
    `counts` (statements per word; any order is sound, the rarest read the fewest), and of
    each form of a project it names the rarest content word (a title naming the project
    has every word of a form of it). None when some form has no content word: no word
    finds the titles naming it."""
    classes = {(i.words, i.projects) for i in items}
    named = {p for _, projects in classes for p in projects}
    by_form = [content_words(form) for form, actor_id in forms if actor_id in named]
    if not all(by_form):
        return None
    freq = counts({w for words, _ in classes for w in words} | {w for f in by_form for w in f})
    ratio = options.agreement_dice / (2 - options.agreement_dice)
    out = {w for words, _ in classes for w in _rarest(words, freq, ratio)}
    return out | {min(f, key=lambda w: (freq.get(w, 0), w)) for f in by_form}


def agreement_histories(
    inputs: Sequence[SourcedExtraction],
    actors: Sequence[CanonicalActor],
    index: ActorIndex,
    options: ReconcileOptions,
) -> tuple[AgreementHistory, ...]:
    """Every agreement statement placed in exactly one history, in order of first statement."""
    return histories_of(statement_items(inputs, index, project_forms(actors)), index, options)
