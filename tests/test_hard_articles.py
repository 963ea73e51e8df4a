"""Hard articles written for the project (tests/golden/hard): each packs several of the
failure classes of issue 9 into one short report (a Kazakhstan-China committee: day spans
across months, '11 months of', 'double this figure', a tariff cut under an agreement,
'billion cm per year', 'three weeks', 'four stages', 'top three'; a Russia-China exercise
named for its year, an expo greeted by message, a videoconference, 'last year' beside
'December 2025', a third state's destroyers). Scored with `pair = "auto"` as GOLD.md's rules
read them; the floors sit under the measured scores so that a regression in a class shows.
The h2_* articles (tests/golden/README.md) were written later, unseen by the extractor.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bilat.config import load_options
from bilat.evaluate import EvalReport
from bilat.evaluate.run import evaluate

HARD = Path(__file__).resolve().parent / "golden" / "hard"
# measured 2026-12-04 on the 10 articles (2 from the first session, 8 written this session in
# the styles of TASS, Xinhua, Reuters, a Kremlin transcript, a defence ministry, regional
# news, an energy report and a Russia-Turkey item): actors 0.912, events 0.744, figures 0.871,
# agreements 0.812, commitments 0.800, grounding 1.000 (`bilat --config auto.toml eval --gold
# tests/golden/hard/gold --docs tests/golden/hard/docs`). Their misses are the open classes.
FLOORS = {"actors": 0.88, "events": 0.85, "figures": 0.84, "agreements": 0.77, "commitments": 0.75}


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> EvalReport:
    conf = tmp_path_factory.mktemp("hard") / "auto.toml"
    conf.write_text('[extract]\npair = "auto"\n', encoding="utf-8")
    return evaluate(HARD / "gold", HARD / "docs", load_options(conf)).report


@pytest.mark.parametrize("section", sorted(FLOORS))
def test_hard_articles_section_floor(report: EvalReport, section: str) -> None:
    score = report.total[section]
    assert score.f1 >= FLOORS[section], (section, score)


def test_hard_articles_are_grounded_and_all_scored(report: EvalReport) -> None:
    assert report.grounding == 1.0
    assert not report.missing_predictions
