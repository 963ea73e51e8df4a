"""The trie alternation matches exactly what a longest-first alternation of the same words does."""

from __future__ import annotations

import random
import re

from bilat.extract.wordre import alternation, words_re


def _plain(words: list[str], flags: int) -> re.Pattern[str]:
    alts = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    return re.compile(rf"\b(?:{alts})\b", flags)


def test_trie_finds_the_same_spans_as_a_longest_first_alternation() -> None:
    rng = random.Random(20261204)
    letters = "abAB .-$"
    for _ in range(400):
        words = ["".join(rng.choices(letters, k=rng.randint(1, 5))).strip() for _ in range(8)]
        words = [w for w in words if w]
        text = "".join(rng.choices(letters, k=60))
        for flags, fold in ((0, False), (re.I, True)):
            ours = words_re(words, ignore_case=fold)
            plain = _plain([w.lower() for w in words] if fold else words, flags)
            assert [m.span() for m in ours.finditer(text)] == [
                m.span() for m in plain.finditer(text)
            ], (words, text, flags)


def test_longer_word_wins_where_one_extends_another() -> None:
    pattern = words_re(["Russia", "Russian", "Russian Federation"], ignore_case=False)
    assert pattern.findall("the Russian Federation and Russia") == ["Russian Federation", "Russia"]
    assert re.fullmatch(alternation(["m", "M3"], ignore_case=True), "m3", re.I)


def test_special_characters_are_literal_and_empty_lists_match_nothing() -> None:
    assert words_re(["$", "a.b"], before="", after="").findall("a.b axb $") == ["a.b", "$"]
    assert re.search(alternation([]), "anything") is None
    assert re.search(alternation(["", ""]), "anything") is None
