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
# measured 2026-12-04 on the 30 articles (2 from the first session; 8 h2_*, 10 h3_* and 10 h4_*
# written later by helpers, unseen by the extractor when written, in the styles of TASS,
# Xinhua and its machine translation, Reuters, AP, PTI, Interfax, Kremlin readouts and
# transcripts (also in Russian), defence ministries, regional news (also in Russian), energy
# and business wires, a think-tank analysis, a feature, a news digest and an interview):
# actors 0.864, events 0.753, figures 0.913, agreements 0.818, commitments 0.889, grounding
# 1.000 (`bilat --config auto.toml eval --gold tests/golden/hard/gold --docs
# tests/golden/hard/docs`). First runs, before the session's fixes for their classes: h3_*
# 0.842 / 0.426 / 0.682 / 0.733 / 0.923; h4_* (blind: run once, after the fixes the h3_* led
# to) 0.826 / 0.489 / 0.793 / 0.759 / 0.889. Remaining misses are the open classes
# (tests/golden/README.md).
# With the 8 h6_* (written 2026-12-04 by a helper who never read the extractor; blind run
# 0.754 / 0.500 / 0.695 / 0.545 / 0.941) the 38 articles measured 0.851 / 0.757 / 0.868 /
# 0.744 / 0.906. With the 8 h7_* (written and run blind the same way, 0.876 / 0.820 / 0.813 /
# 0.571 / 0.706 at first) the 46 articles measured 0.880 / 0.849 / 0.916 / 0.777 / 0.889.
# With the 24 h8_* and h9_* pages (tests/golden/README.md; blind runs there) the 70 articles
# measured 0.876 / 0.800 / 0.892 / 0.745 / 0.860 (2026-12-05). With the 36 h11_* pages
# (tests/golden/README.md; blind runs there) the 106 articles measured 0.867 / 0.831 / 0.918
# / 0.765 / 0.890 (2026-12-05). With the 24 h12_* pages (blind runs in the README) the 130
# articles measured 0.866 / 0.829 / 0.918 / 0.743 / 0.872 (later the same day); with the 12
# h13_* pages the 142 articles measured 0.864 / 0.833 / 0.921 / 0.743 / 0.888 (ee1c4b0), with
# 12 more (h13_c*, h13_d*) the 154 articles 0.862 / 0.839 / 0.917 / 0.733 / 0.884 (be1461e).
# With the 24 h14_* pages (blind runs in the README) the 178 articles measured 0.862 / 0.856
# / 0.926 / 0.753 / 0.879 (f60d42a; 0.858 / 0.827 / 0.913 / 0.725 / 0.876 at f5293c8).
# With the 24 h15_* pages (blind runs in the README) the 202 articles measured 0.866 / 0.858
# / 0.929 / 0.776 / 0.885 (e306608; the 178 before them 0.862 / 0.861 / 0.927 / 0.753 /
# 0.887 at 0339ac5 -> 0.868 / 0.865 / 0.930 / 0.775 / 0.887).
# With the 42 h16_* and h17_* pages (blind runs in the README) the 244 articles measured 0.876
# / 0.861 / 0.937 / 0.769 / 0.892 (e04129e; the 202 before them 0.868 / 0.861 / 0.930 / 0.779
# / 0.888 at d9a1ed5 -> 0.879 / 0.864 / 0.936 / 0.779 / 0.888).
# With the 30 h18_* pages (blind runs in the README) the 274 articles measured 0.890 / 0.870 /
# 0.940 / 0.778 / 0.885 (db7f019; the 244 before them 0.876 / 0.864 / 0.938 / 0.777 / 0.892 at
# f5c9f22 -> 0.888 / 0.867 / 0.939 / 0.785 / 0.892), 0.891 / 0.872 / 0.941 / 0.778 / 0.885 at
# 2a6137d (the 244: 0.889 / 0.868 / 0.940 / 0.785 / 0.892).
# With the 42 h19_* and h20_* pages (blind runs in the README) the 316 articles measured 0.893
# / 0.874 / 0.941 / 0.763 / 0.876 (df484fa; the 274 before them 0.891 / 0.873 / 0.941 / 0.778
# / 0.885 at 5dfa04b -> 0.892 / 0.875 / 0.942 / 0.781 / 0.885).
# With the 54 h21_* and h22_* pages (blind runs in the README) the 370 articles measured 0.889
# / 0.863 / 0.941 / 0.763 / 0.884 (bb37e8b; the 316 before them 0.893 / 0.877 / 0.941 / 0.771 /
# 0.876 at 2a767da -> 0.894 / 0.877 / 0.942 / 0.776 / 0.881; the 54: 0.861 / 0.772 / 0.935 /
# 0.705 / 0.906).
# With the 66 h23_* and h24_* pages (blind runs in the README) the 436 articles measured 0.882
# / 0.829 / 0.911 / 0.741 / 0.870 (c15bf8b; the 370 before them 0.889 / 0.863 / 0.941 / 0.764
# / 0.884 at 48a1853 -> 0.889 / 0.863 / 0.942 / 0.769 / 0.884; the 66: 0.850 / 0.686 / 0.792 /
# 0.636 / 0.800).
# With the 36 h25_* pages (blind runs in the README) the 472 articles measured 0.877 / 0.827 /
# 0.903 / 0.724 / 0.850 (the 436 before them 0.882 / 0.829 / 0.911 / 0.741 / 0.870 at 0e79f8b ->
# 0.882 / 0.836 / 0.913 / 0.741 / 0.875; the 36: 0.829 / 0.710 / 0.829 / 0.573 / 0.649); the
# agreements and commitments floors moved down with them. After the fixes they led to
# (0418019): the 472 0.877 / 0.829 / 0.905 / 0.724 / 0.854; the 436 0.882 / 0.838 / 0.914 /
# 0.741 / 0.878; the 36 0.829 / 0.720 / 0.834 / 0.573 / 0.658. At ab4a100 the 472 measured
# 0.877 / 0.830 / 0.905 / 0.726 / 0.854.
# With the 36 h26_* and 36 h27_* pages (blind runs in the README) the 544 articles measured
# 0.871 / 0.816 / 0.900 / 0.714 / 0.834 (328c57a; the 472 before them 0.877 / 0.831 / 0.905 /
# 0.726 / 0.854 at f65ddda -> 0.879 / 0.833 / 0.908 / 0.728 / 0.854).
# With the 36 h28_* and 36 h29_* pages (blind runs in the README) the 616 articles measured
# 0.866 / 0.808 / 0.892 / 0.697 / 0.811 (b535a30; the 544 before them 0.871 / 0.816 / 0.901 /
# 0.714 / 0.834 at 1a3cba8 -> 0.871 / 0.821 / 0.901 / 0.716 / 0.837); the agreements and
# commitments floors moved down with them.
# With the 30 h30_* pages (blind runs in the README) the 646 articles measured 0.865 / 0.799 /
# 0.892 / 0.692 / 0.814 (4dfe40e; the 616 before them 0.866 / 0.809 / 0.894 / 0.697 / 0.811
# at 03212a2 -> 0.867 / 0.811 / 0.895 / 0.699 / 0.815).
# With the 30 h31_* pages (blind runs in the README) the 676 articles measured 0.865 / 0.797 /
# 0.894 / 0.695 / 0.826 (acb5a93; the 646 before them 0.865 / 0.799 / 0.892 / 0.692 / 0.814 at
# 71c54df -> 0.865 / 0.800 / 0.894 / 0.695 / 0.830).
# With the 30 h32_* pages (blind runs in the README) the 706 articles measured 0.866 / 0.797 /
# 0.891 / 0.696 / 0.823 (f71f479; the 676 before them 0.865 / 0.798 / 0.894 / 0.695 / 0.826 at
# a0ebbee -> 0.865 / 0.799 / 0.895 / 0.695 / 0.826).
# With the 30 h33_* pages (blind runs in the README) the 736 articles measured 0.867 / 0.798 /
# 0.889 / 0.700 / 0.821 (the 706 before them 0.866 / 0.797 / 0.891 / 0.696 / 0.823 at
# bc33f68 -> 0.866 / 0.798 / 0.892 / 0.706 / 0.823).
# With the 60 h34_* and h35_* pages (blind runs in the README) the 796 articles measured 0.868 /
# 0.794 / 0.888 / 0.698 / 0.821 (4e47c8b; the 736 before them 0.867 / 0.798 / 0.889 / 0.700 /
# 0.821 at 12bbcde -> 0.868 / 0.799 / 0.890 / 0.700 / 0.823).
# With the 30 h36_* pages (blind runs in the README) the 826 articles measured 0.868 / 0.797 /
# 0.888 / 0.701 / 0.822 (bb15b11; the 796 before them 0.868 / 0.795 / 0.889 / 0.698 / 0.821 at
# abd003d -> 0.869 / 0.797 / 0.889 / 0.703 / 0.821).
# With the 30 h37_* pages (blind runs in the README) the 856 articles measured 0.869 / 0.795 /
# 0.886 / 0.704 / 0.822 (69c0e68; the 826 before them 0.868 / 0.797 / 0.888 / 0.701 / 0.822 at
# aa8f10f -> 0.868 / 0.797 / 0.889 / 0.703 / 0.822).
# With the 30 h38_* pages (blind runs in the README) the 886 articles measured 0.869 / 0.792 /
# 0.886 / 0.701 / 0.820 (a80da29; the 856 before them 0.869 / 0.795 / 0.886 / 0.704 / 0.822 at
# 69c0e68 -> 0.869 / 0.796 / 0.886 / 0.704 / 0.822).
# With the 30 h39_* pages (blind runs in the README) the 916 articles measured 0.868 / 0.795 /
# 0.891 / 0.702 / 0.822 (9a2128a; the 886 before them 0.869 / 0.792 / 0.886 / 0.701 / 0.820 at
# f9b5f5f -> 0.869 / 0.793 / 0.891 / 0.701 / 0.823).
# With the 30 h40_* pages (blind runs in the README) the 946 articles measured 0.867 / 0.793 /
# 0.890 / 0.702 / 0.823 (6eba982; the 916 before them 0.868 / 0.795 / 0.891 / 0.702 / 0.822).
# With the 60 h41_* and h42_* pages (blind runs in the README) the 1,006 articles measured
# 0.867 / 0.794 / 0.889 / 0.697 / 0.817 (fb83a9c; the 946 before them 0.867 / 0.793 / 0.890 /
# 0.702 / 0.823 at e8ca265 -> 0.867 / 0.796 / 0.890 / 0.703 / 0.823). With the 30 h43_* pages
# the 1,036 articles measured 0.866 / 0.792 / 0.889 / 0.697 / 0.820 (f4dd5af; the 1,006 before
# them 0.867 / 0.794 / 0.889 / 0.697 / 0.817 at fb83a9c -> 0.867 / 0.795 / 0.890 / 0.697 /
# 0.818). With the 60 h44_* and h45_* pages the 1,096 articles measured 0.866 / 0.787 / 0.896
# / 0.692 / 0.823 (4f91bc7, with the scorer that compares the months a period covers; the
# 1,036 before them 0.866 / 0.792 / 0.889 / 0.697 / 0.820 at f20548a -> 0.866 / 0.792 / 0.896 /
# 0.697 / 0.825). With the 30 h46_* pages the 1,126 articles measured 0.866 / 0.786 / 0.895 /
# 0.693 / 0.822 (95dc828). With the 30 h47_* pages the 1,156 articles measured 0.866 / 0.786
# / 0.895 / 0.692 / 0.822 (8a293ed; the 1,126 before them 0.866 / 0.786 / 0.895 / 0.693 /
# 0.822 at d318eb8 -> 0.866 / 0.788 / 0.895 / 0.694 / 0.822). With the 30 h48_* pages the
# 1,186 articles measured 0.866 / 0.787 / 0.896 / 0.693 / 0.823 (f39e493; the 1,156 before
# them 0.866 / 0.786 / 0.895 / 0.692 / 0.822 at e5dd997 -> 0.866 / 0.787 / 0.895 / 0.693 /
# 0.823); with the arrangements and places of 904177d and the next commit 0.866 / 0.787 /
# 0.896 / 0.694 / 0.823. With the 30 h49_* pages (hf*-hj*) the 1,216 articles measured 0.866 /
# 0.787 / 0.896 / 0.692 / 0.823 (6f0d2cd; the 1,186 before them 0.866 / 0.787 / 0.896 / 0.694
# / 0.823 at 8ee2d2a -> 0.866 / 0.788 / 0.897 / 0.694 / 0.824); with the agreements in force
# of 1750077, 0.866 / 0.787 / 0.896 / 0.694 / 0.823. With the 30 h50_* pages (hk*-ho*) the
# 1,246 articles measured 0.865 / 0.784 / 0.894 / 0.690 / 0.820 (e21b7a1; the 1,216 before them
# 0.866 / 0.787 / 0.896 / 0.694 / 0.823 at d331e86 -> the same, one figure and one event more);
# with the fixes they led to, 0.865 / 0.784 / 0.895 / 0.690 / 0.820 (def9cb8).
FLOORS = {"actors": 0.83, "events": 0.78, "figures": 0.87, "agreements": 0.68, "commitments": 0.79}


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
