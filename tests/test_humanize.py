"""Numbers and quotes as people read them (bilat.humanize), shared by the record, CLI and web."""

from __future__ import annotations

import pytest

from bilat.humanize import amount, clip, flow_label, qualified, relation_sign


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((2.448e11, "USD"), "$244.8 bn"),
        ((2.424e11, "USD"), "$242.4 bn"),
        ((1.2e12, "CNY"), "¥1.2 tn"),
        ((80, "percent", 85), "80–85%"),
        ((-9.1, "percent"), "-9.1%"),
        ((38e9, "m3", 44e9, "year"), "38–44 bn m³/year"),
        ((213e6, "t"), "213 m t"),
        ((24, "count"), "24"),
        ((1.5, "pp"), "1.5 pp"),
        ((None, "USD"), "–"),
    ],
)
def test_amount_reads_like_a_newspaper(args: tuple[object, ...], expected: str) -> None:
    assert amount(*args) == expected  # type: ignore[arg-type]


def test_qualified_puts_the_qualifier_as_a_sign() -> None:
    assert qualified("at_least", 240e9, "USD") == "≥ $240 bn"
    assert qualified("approx", 80, "percent", 85) == "≈ 80–85%"
    assert qualified("exact", 228e9, "USD") == "$228 bn"
    assert relation_sign(">=") == "≥" and relation_sign("<=") == "≤"
    assert flow_label("RU<->CN") == "RU↔CN" and flow_label("RU->CN") == "RU→CN"


def test_clip_cuts_at_a_word_boundary() -> None:
    quote = "Trade turnover between Russia and China in 2024 increased by 1.9 percent"
    cut = clip(quote, 40)
    assert len(cut) <= 40 and cut.endswith("…")
    assert quote.startswith(cut[:-1])
    assert quote[len(cut) - 1] == " ", "the cut falls between words"


def test_clip_keeps_short_text_and_joins_lines() -> None:
    assert clip("a short\nquote", 40) == "a short quote"
    assert clip(None, 10) == ""
    assert clip("x" * 30, 10) == "x" * 9 + "…"  # one long word is cut where it must be
