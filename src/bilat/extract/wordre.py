"""Regex alternations of word lists, factored into a trie.

A plain alternation of hundreds of literals (`Russian|Russia|Chinese|…`) makes the regex engine
try every literal at every position of the text; the same set written as a trie
(`(?:Chin(?:a|ese)|Russia(?:n)?|…)`) fails after the first character that no word continues.
Longer words are preferred where one word extends another, as in a longest-first alternation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["alternation", "in_capitals", "words_re"]

_END = ""
Trie = dict[str, "Trie"]


def alternation(words: Iterable[str], *, ignore_case: bool = False) -> str:
    """A non-capturing group matching any of `words` (empty words ignored), longest first.

    With `ignore_case` the words are lower-cased, for a pattern compiled with re.IGNORECASE:
    'M' and 'm3' must share one branch, or the shorter could win in the other's case."""
    trie: Trie = {}
    for word in words:
        if not word:
            continue
        if ignore_case:
            word = word.lower()
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[_END] = {}
    if not trie:
        return "(?!)"  # matches nothing
    return _group(trie)


def _group(node: Trie) -> str:
    branches = [re.escape(ch) + _body(child) for ch, child in sorted(node.items()) if ch]
    return "(?:" + "|".join(branches) + ")"


def _body(node: Trie) -> str:
    children = [ch for ch in node if ch]
    if not children:
        return ""
    if len(children) == 1 and _END not in node:
        ch = children[0]
        return re.escape(ch) + _body(node[ch])
    group = _group(node)
    return group + "?" if _END in node else group


def words_re(
    words: Iterable[str], *, ignore_case: bool = True, before: str = r"\b", after: str = r"\b"
) -> re.Pattern[str]:
    """Any of `words` as whole words (`before` and `after` bound it), longest first."""
    flags = re.IGNORECASE if ignore_case else 0
    return re.compile(before + alternation(words, ignore_case=ignore_case) + after, flags)


_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
_LETTER = re.compile(r"[^\W\d_]")


def mostly_cyrillic(text: str) -> bool:
    """Whether most letters of `text` are Cyrillic: the Russian mention finders read it
    (decimal commas, Russian dates); English text never pays more than one scan."""
    if not _CYRILLIC.search(text):
        return False
    return 2 * len(_CYRILLIC.findall(text)) > len(_LETTER.findall(text))


_CAPS_WORD = re.compile(r"\b[A-ZА-ЯЁ]{3,}\b")
_LOWER_WORD = re.compile(r"\b[a-zа-яё]{3,}\b")


def in_capitals(text: str) -> bool:
    """A line written in capitals ('GAS: POWER OF SIBERIA ABOVE PLAN', a section label or a
    shouted headline): three words of capitals and none in lower case."""
    return len(_CAPS_WORD.findall(text)) >= 3 and not _LOWER_WORD.search(text)
