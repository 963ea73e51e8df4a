"""Present an :class:`~bilat.evaluate.score.EvalReport` as a text table or as JSON."""

from __future__ import annotations

from typing import Any

from bilat.evaluate.score import SECTIONS, DocScore, EvalReport, SectionMatch, SectionScore

__all__ = ["format_table", "report_to_json"]

_CELL = 5  # "0.571"


def _cells(score: SectionScore) -> str:
    return " ".join(f"{v:{_CELL}.3f}" for v in (score.precision, score.recall, score.f1))


def _row(name: str, width: int, sections: dict[str, SectionScore]) -> str:
    return f"{name:<{width}}  " + "  ".join(_cells(sections[s]) for s in SECTIONS)


def _header(width: int) -> list[str]:
    group = 3 * _CELL + 2
    names = "  ".join(f"{s:^{group}}" for s in SECTIONS)
    cols = "  ".join(" ".join(f"{c:>{_CELL}}" for c in ("P", "R", "F1")) for _ in SECTIONS)
    return [f"{'':<{width}}  {names}", f"{'doc':<{width}}  {cols}"]


def _share_line(label: str, share: float | None, part: int, whole: int, what: str) -> str:
    if share is None:
        return f"{label}: n/a (no {what})"
    return f"{label}: {share:.3f} ({part}/{whole} {what})"


def _counts_line(total: dict[str, SectionScore]) -> str:
    parts = (f"{s} {total[s].tp}/{total[s].fp}/{total[s].fn}" for s in SECTIONS)
    return "TOTAL tp/fp/fn: " + ", ".join(parts)


def format_table(report: EvalReport) -> str:
    """Per-document P/R/F1 for every section, a TOTAL row, then corpus-level lines."""
    width = max([len("TOTAL"), len("doc"), *(len(d.doc) for d in report.docs)])
    lines = _header(width)
    lines += [_row(d.doc, width, d.sections) for d in report.docs]
    lines.append(_row("TOTAL", width, report.total))
    lines.append(_counts_line(report.total))
    docs = report.docs
    lines.append(
        _share_line(
            "measure agreement",
            report.measure_agreement,
            sum(d.measure_agree for d in docs),
            sum(d.measure_pairs for d in docs),
            "matched figure pairs",
        )
    )
    lines.append(
        _share_line(
            "grounding",
            report.grounding,
            sum(d.grounded for d in docs),
            sum(d.quoted for d in docs),
            "predicted quotes found in the text",
        )
    )
    notes = (
        ("missing predictions (scored as all false negatives)", report.missing_predictions),
        ("predictions without gold (not scored)", report.unscored_predictions),
        ("no article text (grounding not checked)", report.missing_texts),
    )
    lines += [f"{label}: {', '.join(names)}" for label, names in notes if names]
    return "\n".join(line.rstrip() for line in lines) + "\n"


def _score_json(score: SectionScore) -> dict[str, Any]:
    return {
        "tp": score.tp,
        "fp": score.fp,
        "fn": score.fn,
        "precision": score.precision,
        "recall": score.recall,
        "f1": score.f1,
    }


def _match_json(match: SectionMatch) -> dict[str, Any]:
    return {
        "pairs": [list(p) for p in match.pairs],
        "unmatched_gold": list(match.unmatched_gold),
        "unmatched_predicted": list(match.unmatched_predicted),
    }


def _doc_json(doc: DocScore) -> dict[str, Any]:
    return {
        "doc": doc.doc,
        "sections": {s: _score_json(score) for s, score in doc.sections.items()},
        "measure": {
            "agree": doc.measure_agree,
            "pairs": doc.measure_pairs,
            "mismatched_pairs": [list(p) for p in doc.measure_mismatches],
        },
        "grounding": {
            "grounded": doc.grounded,
            "quoted": doc.quoted,
            "checked": doc.has_text,
            "ungrounded": [{"section": s, "index": i} for s, i in doc.ungrounded],
        },
        "matches": {s: _match_json(m) for s, m in doc.matches.items()},
    }


def report_to_json(report: EvalReport) -> dict[str, Any]:
    """A JSON-serialisable dict: per-document scores with their matches, and totals."""
    docs = report.docs
    return {
        "docs": [_doc_json(d) for d in docs],
        "total": {s: _score_json(score) for s, score in report.total.items()},
        "measure_agreement": {
            "share": report.measure_agreement,
            "agree": sum(d.measure_agree for d in docs),
            "pairs": sum(d.measure_pairs for d in docs),
        },
        "grounding": {
            "share": report.grounding,
            "grounded": sum(d.grounded for d in docs),
            "quoted": sum(d.quoted for d in docs),
        },
        "missing_predictions": list(report.missing_predictions),
        "unscored_predictions": list(report.unscored_predictions),
        "missing_texts": list(report.missing_texts),
    }
