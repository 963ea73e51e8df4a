"""Targets told as a task set or a finding agreed: "the heads of state have instructed the
governments to bring mutual trade to 30 billion dollars", "Стороны нацелены на увеличение
товарооборота до 3 млрд долларов", "have agreed that at least ten more banks will be
connected by the end of the year" (a count of more of something). The texts are written for
these tests."""

from __future__ import annotations

import pytest
from tests.conftest import extract_text


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "The heads of state have instructed the governments to bring mutual trade between "
            "Kazakhstan and Russia to 35 billion dollars.",
            "2031-02-20",
            (">=", 35e9, "USD", None, "agreed"),
        ),
        (
            "Стороны нацелены на увеличение товарооборота России и Монголии до 4 млрд долларов "
            "в ближайшие годы.",
            "2031-05-14",
            (">=", 4e9, "USD", None, "agreed"),
        ),
        (
            "Russia and Iran have agreed that at least twelve more Iranian banks will be "
            "connected to SPFS by the end of the year.",
            "2031-03-05",
            (">=", 12, "count", "2031", "agreed"),
        ),
    ],
)
def test_a_task_set_is_a_target_not_a_level(
    text: str, published: str, expected: tuple[object, ...]
) -> None:
    found = extract_text(text, published)
    assert [(c.relation, c.value, c.unit, c.deadline, c.status) for c in found.commitments] == [
        expected
    ]
    assert not found.figures


def test_a_russian_wish_or_proposal_is_a_target_and_a_level_now_a_figure() -> None:
    """'Мы хотим увеличить товарооборот до 80 млн долларов' (a wish: an aspiration), 'китайская
    сторона предлагала продлить работу перехода до 18 часов в сутки, сейчас он работает 10
    часов' (a proposal; the hours now are a figure), and 'рассчитываем, что товарооборот
    превысит 300 млн долларов' (an expected level: a figure)."""
    wish = extract_text(
        "«Мы хотим увеличить товарооборот с Цзилинем до 80 млн долларов», — сказал губернатор.",
        "2031-05-14",
    )
    assert [(c.value, c.status) for c in wish.commitments] == [(80e6, "aspiration")]
    offer = extract_text(
        "Ранее китайская сторона предлагала продлить работу перехода до 18 часов в сутки, "
        "сейчас он работает 10 часов.",
        "2031-05-14",
    )
    assert [(c.value, c.status) for c in offer.commitments] == [(18, "proposed")]
    assert [f.value for f in offer.figures] == [10]
    expected = extract_text(
        "«Рассчитываем, что по итогам года товарооборот превысит 300 млн долларов», — сказал он.",
        "2031-05-14",
    )
    assert not expected.commitments and [f.value for f in expected.figures] == [300e6]


def test_a_sum_named_as_their_goal_is_a_target() -> None:
    """'have repeatedly named $90 billion as their goal for annual trade': a target, as 'the
    $8.5 billion the two sides had set as an interim target' is."""
    found = extract_text(
        "The two presidents have repeatedly named $90 billion as their goal for annual trade.",
        "2031-05-14",
    )
    assert [(c.value, c.status) for c in found.commitments] == [(90e9, "agreed")]
    assert not found.figures
