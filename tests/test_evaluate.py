"""The scoring engine behind `bilat eval`: small cases whose right score is known by hand."""

from __future__ import annotations

import copy
import json
import random
from itertools import permutations
from pathlib import Path
from typing import Any

import pytest

from bilat.errors import GoldFormatError
from bilat.evaluate import (
    SECTIONS,
    SectionScore,
    errors_to_json,
    explain,
    format_errors,
    format_table,
    load_gold_dir,
    load_gold_file,
    report_to_json,
    score_all,
    score_document,
)
from bilat.evaluate.score import content_words, date_agrees, dice

SHARED = Path(__file__).resolve().parents[2] / "shared"
TEXT = "Putin met Xi in Moscow. Trade reached $245 billion. They signed a gas memorandum."


# ---------------------------------------------------------------- builders


def actor(name: str, *aliases: str, type: str = "person") -> dict[str, Any]:
    return {"name": name, "type": type, "country": None, "role": None, "aliases": list(aliases)}


def event(
    *participants: str,
    date: str | None = "2025-05",
    mode: str = "meeting",
    type: str = "CONSULT",
    quote: str = "Putin met Xi in Moscow.",
) -> dict[str, Any]:
    return {
        "type": type,
        "mode": mode,
        "status": "occurred",
        "participants": list(participants),
        "date": date,
        "date_end": None,
        "place": "Moscow",
        "quote": quote,
    }


def figure(
    value: float,
    *,
    unit: str = "USD",
    kind: str = "amount",
    per: str | None = None,
    value_max: float | None = None,
    period: str | None = None,
    measure: str = "trade_turnover",
    quote: str = "Trade reached $245 billion.",
) -> dict[str, Any]:
    return {
        "kind": kind,
        "value": value,
        "value_max": value_max,
        "unit": unit,
        "per": per,
        "qualifier": "exact",
        "measure": measure,
        "measure_text": "trade",
        "flow": None,
        "period": period,
        "said_by": None,
        "quote": quote,
    }


def agreement(
    title: str, kind: str = "memorandum", quote: str = "They signed a gas memorandum."
) -> dict[str, Any]:
    return {
        "title": title,
        "kind": kind,
        "status": "signed",
        "date": None,
        "parties": [],
        "sector": "energy",
        "quote": quote,
    }


def commitment(value: float, unit: str = "minute") -> dict[str, Any]:
    return {
        "measure": "other",
        "measure_text": "waiting time",
        "relation": "<=",
        "value": value,
        "value_max": None,
        "unit": unit,
        "per": None,
        "deadline": None,
        "parties": [],
        "status": "aspiration",
        "quote": "Trade reached $245 billion.",
    }


def doc(**sections: list[dict[str, Any]]) -> dict[str, Any]:
    return {"doc": "a.txt", "published": "2025-05-09", **{s: [] for s in SECTIONS}, **sections}


def full_doc() -> dict[str, Any]:
    return doc(
        actors=[actor("Vladimir Putin", "Putin"), actor("Xi Jinping", "Xi")],
        events=[event("Vladimir Putin", "Xi Jinping")],
        figures=[figure(245e9, period="2024")],
        agreements=[agreement("gas memorandum")],
        commitments=[commitment(10)],
    )


def score(
    section: str,
    gold: list[dict[str, Any]],
    pred: list[dict[str, Any]],
    **extra: list[dict[str, Any]],
) -> SectionScore:
    gold_doc = doc(**{section: gold}, **extra)
    pred_doc = doc(**{section: pred}, **extra)
    return score_document(gold_doc, pred_doc, TEXT).sections[section]


def matches(section: str, gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    return score(section, [gold], [pred]).tp == 1


# ---------------------------------------------------------------- whole documents


def test_identical_prediction_scores_one_everywhere() -> None:
    result = score_document(full_doc(), full_doc(), TEXT)
    for section in SECTIONS:
        s = result.sections[section]
        assert (s.tp, s.fp, s.fn) == (len(full_doc()[section]), 0, 0)
        assert (s.precision, s.recall, s.f1) == (1.0, 1.0, 1.0)
    assert (result.measure_agree, result.measure_pairs) == (1, 1)
    assert (result.grounded, result.quoted) == (4, 4)


def test_empty_prediction_has_zero_recall() -> None:
    result = score_document(full_doc(), doc(), TEXT)
    for section in SECTIONS:
        s = result.sections[section]
        assert (s.tp, s.fp, s.fn) == (0, 0, len(full_doc()[section]))
        assert (s.precision, s.recall, s.f1) == (0.0, 0.0, 0.0)


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ((0, 0, 0), (1.0, 1.0, 1.0)),  # nothing expected, nothing predicted
        ((0, 0, 3), (0.0, 0.0, 0.0)),  # nothing predicted
        ((0, 2, 0), (0.0, 0.0, 0.0)),  # predicted where gold is empty
        ((2, 2, 1), (0.5, 2 / 3, 4 / 7)),
    ],
)
def test_section_score_conventions(
    counts: tuple[int, int, int], expected: tuple[float, float, float]
) -> None:
    s = SectionScore(*counts)
    assert (s.precision, s.recall, s.f1) == pytest.approx(expected)


def test_mixed_figures_by_hand() -> None:
    """3 gold, 4 predicted, 2 of them match: P = 2/4, R = 2/3, F1 = 2*2/(2*2+2+1) = 4/7."""
    gold = [figure(100), figure(200), figure(300)]
    pred = [figure(100.5), figure(199), figure(400), figure(300, unit="EUR")]
    result = score_document(doc(figures=gold), doc(figures=pred), TEXT)
    s = result.sections["figures"]
    assert (s.tp, s.fp, s.fn) == (2, 2, 1)
    assert round(s.precision, 3) == 0.5
    assert round(s.recall, 3) == 0.667
    assert round(s.f1, 3) == 0.571
    m = result.matches["figures"]
    assert m.pairs == ((0, 0), (1, 1))
    assert (m.unmatched_gold, m.unmatched_predicted) == ((2,), (2, 3))


def test_total_is_micro_average() -> None:
    """Doc a: tp 2 fp 2 fn 1; doc b: tp 1 fp 0 fn 1 -> total tp 3 fp 2 fn 2: P = R = F1 = 0.6."""
    gold = {
        "a.txt": doc(figures=[figure(100), figure(200), figure(300)]),
        "b.txt": {**doc(figures=[figure(5), figure(6)]), "doc": "b.txt"},
    }
    pred = {
        "a.txt": doc(figures=[figure(100.5), figure(199), figure(400), figure(1)]),
        "b.txt": {**doc(figures=[figure(5)]), "doc": "b.txt"},
    }
    total = score_all(gold, pred, {}).total["figures"]
    assert (total.tp, total.fp, total.fn) == (3, 2, 2)
    assert (total.precision, total.recall, total.f1) == pytest.approx((0.6, 0.6, 0.6))


def test_missing_and_unscored_predictions() -> None:
    gold = {"a.txt": full_doc()}
    report = score_all(gold, {"z.txt": full_doc()}, {"a.txt": TEXT})
    assert report.missing_predictions == ("a.txt",)
    assert report.unscored_predictions == ("z.txt",)
    assert all(report.total[s] == SectionScore(0, 0, len(full_doc()[s])) for s in SECTIONS)
    assert report.grounding is None and report.measure_agreement is None


# ---------------------------------------------------------------- figures


@pytest.mark.parametrize(
    ("gold", "pred", "ok"),
    [
        (100, 100, True),
        (100, 100.5, True),  # 0.5% off
        (100, 99.5, True),
        (100, 101, True),  # exactly 1%
        (100, 102, False),  # 2% off
        (100, 98, False),
        (245e9, 246e9, True),
        (-9.1, -9.15, True),
        (-9.1, 9.1, False),
        (0, 0, True),
        (0, 0.001, False),  # a gold 0 needs exactly 0
    ],
)
def test_figure_value_tolerance(gold: float, pred: float, ok: bool) -> None:
    assert matches("figures", figure(gold), figure(pred)) is ok


@pytest.mark.parametrize(
    ("gold_range", "pred_range", "ok"),
    [
        ((80, 85), (80, 85), True),
        ((80, 85), (80.4, 85.8), True),  # both ends within 1%
        ((80, 85), (80, 87), False),  # upper end 2.4% off
        ((80, 85), (81, 85), False),  # lower end 1.25% off
        ((80, None), (80, 85), False),  # single value vs range
        ((80, 85), (80, None), False),
    ],
)
def test_figure_ranges(
    gold_range: tuple[float, float | None], pred_range: tuple[float, float | None], ok: bool
) -> None:
    g = figure(gold_range[0], value_max=gold_range[1], unit="percent")
    p = figure(pred_range[0], value_max=pred_range[1], unit="percent")
    assert matches("figures", g, p) is ok


@pytest.mark.parametrize(
    ("gold_period", "pred_period", "ok"),
    [
        (None, "2024", True),  # gold null: any predicted period
        (None, None, True),
        ("2024", "2024", True),
        ("2024", None, False),
        ("2024", "2025", False),
        ("2025-H1", "2025-H1", True),
        ("2025-H1", "2025", False),
        # the same months written the other way GOLD.md allows
        ("2025-Q3", "2025-07..2025-09", True),
        ("2025-01..2025-06", "2025-H1", True),
        ("2024", "2024-01..2024-12", True),
        ("2025-Q3", "2025-07..2025-08", False),
        ("2025-Q3", "2025-13", False),
    ],
)
def test_figure_period(gold_period: str | None, pred_period: str | None, ok: bool) -> None:
    assert matches("figures", figure(10, period=gold_period), figure(10, period=pred_period)) is ok


@pytest.mark.parametrize(
    ("field", "gold_value", "pred_value"),
    [
        ("kind", "amount", "change"),
        ("unit", "USD", "EUR"),
        ("per", None, "year"),
        ("per", "year", "month"),
    ],
)
def test_figure_field_mismatch(field: str, gold_value: str | None, pred_value: str | None) -> None:
    gold = {**figure(10), field: gold_value}
    assert matches("figures", gold, {**figure(10), field: gold_value})
    assert not matches("figures", gold, {**figure(10), field: pred_value})


def test_measure_agreement_is_counted_on_matched_pairs() -> None:
    gold = [figure(10, measure="oil_supply"), figure(20, measure="gas_supply"), figure(30)]
    pred = [figure(10, measure="oil_supply"), figure(20, measure="other"), figure(99)]
    result = score_document(doc(figures=gold), doc(figures=pred), TEXT)
    assert (result.measure_agree, result.measure_pairs) == (1, 2)
    assert result.measure_mismatches == ((1, 1),)
    report = score_all({"a.txt": doc(figures=gold)}, {"a.txt": doc(figures=pred)}, {})
    assert report.measure_agreement == 0.5


def test_measure_agreement_does_not_depend_on_order() -> None:
    """Two gold figures with the same value: the pairing that agrees on measure is chosen."""
    gold = [figure(10, measure="oil_supply"), figure(10, measure="gas_supply")]
    for pred in permutations([figure(10, measure="gas_supply"), figure(10, measure="oil_supply")]):
        result = score_document(doc(figures=gold), doc(figures=list(pred)), TEXT)
        assert (result.measure_agree, result.measure_pairs) == (2, 2)


# ---------------------------------------------------------------- one-to-one matching


def test_two_identical_predictions_for_one_gold() -> None:
    assert score("figures", [figure(10)], [figure(10), figure(10)]) == SectionScore(1, 1, 0)


def test_matching_is_maximum_and_order_independent() -> None:
    """Greedy would pair gold 100 with 100.5 and leave gold 100.8 alone; two pairs exist."""
    gold = [figure(100), figure(100.8)]
    pred = [figure(100.5), figure(99.5), figure(500)]
    for g in permutations(gold):
        for p in permutations(pred):
            assert score("figures", list(g), list(p)) == SectionScore(2, 1, 0)


def test_shuffled_corpus_scores_the_same() -> None:
    rng = random.Random(7)
    gold = doc(
        figures=[figure(v) for v in (1, 2, 3, 5, 8, 13)],
        commitments=[commitment(v) for v in (10, 10, 20)],
    )
    pred = doc(
        figures=[figure(v) for v in (1.005, 2, 2, 4, 8, 13.1, 21)],
        commitments=[commitment(v) for v in (10, 20.1, 30)],
    )
    expected = score_document(gold, pred, TEXT).sections
    for _ in range(20):
        shuffled = {k: rng.sample(v, len(v)) if isinstance(v, list) else v for k, v in pred.items()}
        assert score_document(gold, shuffled, TEXT).sections == expected
    assert expected["figures"] == SectionScore(4, 3, 2)
    assert expected["commitments"] == SectionScore(2, 1, 1)


# ---------------------------------------------------------------- events


@pytest.mark.parametrize(
    ("gold_date", "pred_date", "ok"),
    [
        ("2025-11", "2025-11-04", True),  # compared at the gold precision
        ("2025", "2025-11-04", True),
        ("2025-11-04", "2025-11-04", True),
        ("2025-11-04", "2025-11", False),  # predicted less precise than gold
        ("2025-11-04", "2025-11-05", False),
        ("2025-11", "2025-12-01", False),
        ("2025-11-04", None, False),
        (None, "2025-11-04", True),  # gold null: any date
        (None, None, True),
        ("2025-H1", "2025-H1", True),  # periods compare as strings
        ("2025-H1", "2025-03", False),
    ],
)
def test_event_date_precision(gold_date: str | None, pred_date: str | None, ok: bool) -> None:
    assert date_agrees(gold_date, pred_date) is ok
    people = {"actors": [actor("Xi Jinping")]}
    result = score(
        "events",
        [event("Xi Jinping", date=gold_date)],
        [event("Xi Jinping", date=pred_date)],
        **people,
    )
    assert result.tp == int(ok)


@pytest.mark.parametrize(
    ("gold_actors", "gold_part", "pred_actors", "pred_part", "ok"),
    [
        # "Mishustin" resolves through the predicted file's aliases to the gold actor
        (
            [actor("Mikhail Mishustin", "Mishustin")],
            "Mikhail Mishustin",
            [actor("Prime Minister Mishustin", "Mishustin")],
            "Mishustin",
            True,
        ),
        (
            [actor("Mikhail Mishustin")],
            "Mikhail Mishustin",
            [actor("Mishustin", "Mikhail Mishustin")],
            "Mishustin",
            True,
        ),
        (
            [actor("Mikhail Mishustin", "Mishustin")],
            "Mikhail Mishustin",
            [actor("Mishustin")],
            "Mishustin",
            True,
        ),
        ([actor("Xi Jinping")], "Xi Jinping", [], "xi  jinping", True),  # case and spaces
        ([actor("Mikhail Mishustin")], "Mikhail Mishustin", [], "Mishustin", False),
        (
            [actor("Mikhail Mishustin")],
            "Mikhail Mishustin",
            [actor("Mishustin", "Russian Prime Minister")],
            "Mishustin",
            False,
        ),
        (
            [actor("China", "Beijing", type="state")],
            "China",
            [actor("PRC", "Beijing", type="state")],
            "PRC",
            True,
        ),
    ],
)
def test_event_participants_resolve_through_actors(
    gold_actors: list[dict[str, Any]],
    gold_part: str,
    pred_actors: list[dict[str, Any]],
    pred_part: str,
    ok: bool,
) -> None:
    gold = doc(actors=gold_actors, events=[event(gold_part, "Russia")])
    pred = doc(actors=pred_actors, events=[event(pred_part, "Belarus")])
    assert score_document(gold, pred, TEXT).sections["events"].tp == int(ok)


@pytest.mark.parametrize(("field", "pred_value"), [("type", "COOPERATE"), ("mode", "visit")])
def test_event_type_and_mode_must_agree(field: str, pred_value: str) -> None:
    assert not matches("events", event("Xi"), {**event("Xi"), field: pred_value})


# ---------------------------------------------------------------- agreements


def test_content_words() -> None:
    title = "Memorandum on the construction of the Power of Siberia–2 gas pipeline"
    assert content_words(title) == {
        "memorandum",
        "construction",
        "power",
        "siberia",
        "2",
        "gas",
        "pipeline",
    }
    assert content_words("the People’s Republic's plan") == {"people", "republic", "plan"}


@pytest.mark.parametrize(
    ("gold_title", "pred_title", "expected_dice"),
    [
        ("joint statement on energy", "statement", 0.5),  # 2*1/(3+1): boundary, matches
        ("joint statement on energy", "statement on trade", 0.4),  # 2*1/(3+2)
        (
            "memorandum on the Power of Siberia-2 gas pipeline",
            "Power of Siberia–2 memorandum",
            2 * 4 / (6 + 4),
        ),
        ("POWER OF SIBERIA—2", "power of siberia-2", 1.0),
        ("plan for the Arctic", "the plan of the Antarctic", 0.5),  # stopwords do not count
        ("road map", "trade plan", 0.0),
    ],
)
def test_agreement_title_dice(gold_title: str, pred_title: str, expected_dice: float) -> None:
    assert dice(gold_title, pred_title) == pytest.approx(expected_dice)
    ok = expected_dice >= 0.5
    assert matches("agreements", agreement(gold_title), agreement(pred_title)) is ok


def test_agreement_kind_must_agree() -> None:
    assert not matches(
        "agreements", agreement("gas memorandum"), agreement("gas memorandum", kind="contract")
    )


# ---------------------------------------------------------------- commitments and actors


@pytest.mark.parametrize(
    ("gold", "pred", "ok"),
    [
        ((10, "minute"), (10.05, "minute"), True),
        ((10, "minute"), (10, "hour"), False),
        ((10, "minute"), (11, "minute"), False),
    ],
)
def test_commitments(gold: tuple[float, str], pred: tuple[float, str], ok: bool) -> None:
    assert matches("commitments", commitment(*gold), commitment(*pred)) is ok


@pytest.mark.parametrize(
    ("gold", "pred", "ok"),
    [
        (actor("Mikhail Mishustin", "Mishustin"), actor("mishustin"), True),
        (actor("Russia", "Moscow"), actor("Russian Federation", "MOSCOW"), True),
        (actor("Power of Siberia–2"), actor("power of siberia-2"), True),
        (actor("People’s Republic of China"), actor("People's  Republic of China"), True),
        (actor("Xi Jinping"), actor("Xi"), False),
    ],
)
def test_actors(gold: dict[str, Any], pred: dict[str, Any], ok: bool) -> None:
    assert matches("actors", gold, pred) is ok


# ---------------------------------------------------------------- grounding


def test_grounding_counts_quotes_found_verbatim() -> None:
    pred = full_doc()
    pred["figures"][0]["quote"] = "Trade reached $250 billion."  # not in the text
    pred["commitments"][0]["quote"] = None
    result = score_document(full_doc(), pred, TEXT)
    assert (result.grounded, result.quoted) == (2, 4)
    assert result.ungrounded == (("figures", 0), ("commitments", 0))
    report = score_all({"a.txt": full_doc()}, {"a.txt": pred}, {"a.txt": TEXT})
    assert report.grounding == 0.5


def test_grounding_skipped_without_text() -> None:
    report = score_all({"a.txt": full_doc()}, {"a.txt": full_doc()}, {})
    assert report.grounding is None
    assert report.missing_texts == ("a.txt",)
    assert "grounding: n/a" in format_table(report)


# ---------------------------------------------------------------- report


def test_report_table_and_json() -> None:
    gold = {"a.txt": doc(figures=[figure(100), figure(200), figure(300)])}
    pred = {"a.txt": doc(figures=[figure(100.5), figure(199), figure(400), figure(1)])}
    report = score_all(gold, pred, {"a.txt": TEXT})
    table = format_table(report)
    doc_row = next(line for line in table.splitlines() if line.startswith("a.txt"))
    assert "0.500 0.667 0.571" in doc_row
    assert any(line.startswith("TOTAL ") for line in table.splitlines())
    assert "measure agreement: 1.000 (2/2 matched figure pairs)" in table
    assert "grounding: 1.000 (4/4" in table
    data = json.loads(json.dumps(report_to_json(report)))
    assert data["docs"][0]["matches"]["figures"]["pairs"] == [[0, 0], [1, 1]]
    assert data["total"]["figures"]["f1"] == pytest.approx(4 / 7)


# ---------------------------------------------------------------- gold files


def write(tmp_path: Path, data: object, name: str = "a.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_valid_gold_loads(tmp_path: Path) -> None:
    assert load_gold_file(write(tmp_path, full_doc())) == full_doc()


def _set(path: str, value: object) -> Any:
    def edit(data: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target: Any = data
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        if value is KeyError:
            del target[last]
        else:
            target[last] = value

    return edit


@pytest.mark.parametrize(
    ("edit", "problem"),
    [
        (_set("events.0.mode", "meetin"), "events[0].mode"),
        (_set("figures.0.per", KeyError), "figures[0].per: Field required"),
        (_set("published", KeyError), "published: Field required"),
        (_set("figures.0.period", "2025-13"), "figures[0].period"),
        (_set("figures.0.period", "2025-H3"), "figures[0].period"),
        (_set("events.0.date", "2025-02-30"), "events[0].date"),
        (_set("events.0.quote", 5), "events[0].quote"),
        (_set("figures.0.value", "12"), "figures[0].value"),
        (_set("figures.0.unit", "usd"), "figures[0].unit"),
        (_set("agreements.0.color", "red"), "agreements[0].color"),
        (_set("events.0.participants", ["Nobody"]), "'Nobody' is not an actor name"),
        (_set("events.0.mode", "military"), "does not belong to CONSULT"),
    ],
)
def test_gold_errors_name_file_and_problem(tmp_path: Path, edit: Any, problem: str) -> None:
    data = full_doc()
    edit(data)
    path = write(tmp_path, data, "bad_gold.json")
    with pytest.raises(GoldFormatError) as err:
        load_gold_file(path)
    assert str(path) in str(err.value)
    assert problem in str(err.value)


def test_gold_not_json(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text("{", encoding="utf-8")
    with pytest.raises(GoldFormatError, match=r"broken\.json"):
        load_gold_file(path)


def test_gold_dir_keyed_by_doc(tmp_path: Path) -> None:
    write(tmp_path, full_doc(), "one.json")
    write(tmp_path, {**full_doc(), "doc": "b.txt"}, "two.json")
    assert sorted(load_gold_dir(tmp_path)) == ["a.txt", "b.txt"]
    write(tmp_path, full_doc(), "three.json")
    with pytest.raises(GoldFormatError, match="already annotated"):
        load_gold_dir(tmp_path)


# ---------------------------------------------------------------- the shared dev gold


def _shared_corpus() -> tuple[dict[str, dict[str, Any]], dict[str, str]]:
    if not (SHARED / "eval" / "gold").is_dir():
        pytest.skip("../shared/eval/gold is not available")
    gold = load_gold_dir(SHARED / "eval" / "gold")
    texts = {name: (SHARED / "seeds" / name).read_text(encoding="utf-8") for name in gold}
    return gold, texts


def test_dev_gold_scored_against_itself() -> None:
    gold, texts = _shared_corpus()
    report = score_all(gold, gold, texts)
    for d in [*report.docs]:
        assert all(s.f1 == 1.0 for s in d.sections.values()), d.doc
    assert all(s.f1 == 1.0 for s in report.total.values())
    assert report.grounding == 1.0 and report.measure_agreement == 1.0
    assert report.missing_predictions == ()


def test_dev_gold_with_one_figure_dropped_per_doc() -> None:
    gold, texts = _shared_corpus()
    pred = copy.deepcopy(gold)
    for d in pred.values():
        del d["figures"][0]
    total = score_all(gold, pred, texts).total["figures"]
    n = sum(len(d["figures"]) for d in gold.values())
    assert total == SectionScore(n - 3, 0, 3)


# ---------------------------------------------------------------- errors (bilat eval --errors)


def _errors(gold: dict[str, Any], pred: dict[str, Any]) -> list[Any]:
    report = score_all({"a.txt": gold}, {"a.txt": pred}, {"a.txt": TEXT})
    (doc_errors,) = explain(report, {"a.txt": gold}, {"a.txt": pred})
    return list(doc_errors.errors)


def test_errors_name_the_failed_check_of_the_nearest_counterpart() -> None:
    gold = full_doc()
    pred = copy.deepcopy(gold)
    pred["figures"] = [figure(245e9, period="2023"), figure(7, unit="count")]
    errors = [e for e in _errors(gold, pred) if e.section == "figures"]
    missed = [e for e in errors if e.side == "missed"]
    extra = [e for e in errors if e.side == "extra"]
    assert len(missed) == 1 and len(extra) == 2
    assert missed[0].nearest == pred["figures"][0]  # fails one check, the other fails three
    assert missed[0].failed == ("period",)
    text = format_errors(explain(*_report_and_docs(gold, pred)))
    assert "MISSED" in text and "period 2024 vs 2023" in text


def test_errors_are_empty_for_a_perfect_prediction_and_json_has_them() -> None:
    gold = full_doc()
    assert _errors(gold, copy.deepcopy(gold)) == []
    pred = copy.deepcopy(gold)
    pred["events"][0]["date"] = "2024-05"
    (doc_json,) = errors_to_json(explain(*_report_and_docs(gold, pred)))
    sides = sorted((e["section"], e["side"], tuple(e["failed"])) for e in doc_json["errors"])
    assert sides == [("events", "extra", ("date",)), ("events", "missed", ("date",))]
    json.dumps(doc_json)  # serialisable


def test_errors_do_not_pair_unrelated_items() -> None:
    gold = doc(agreements=[agreement("gas memorandum")])
    pred = doc(agreements=[agreement("visa regime", kind="agreement", quote="Visa talks.")])
    errors = _errors(gold, pred)
    assert [(e.side, e.nearest) for e in errors] == [("missed", None), ("extra", None)]


def _report_and_docs(gold: dict[str, Any], pred: dict[str, Any]) -> tuple[Any, ...]:
    return (
        score_all({"a.txt": gold}, {"a.txt": pred}, {"a.txt": TEXT}),
        {"a.txt": gold},
        {"a.txt": pred},
    )
