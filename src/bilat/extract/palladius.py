"""Chinese names written in Russian (the Palladius system) read back into pinyin: "Сюй Цинем"
-> "Xu Qin", "Дин Сюэсяна" -> "Ding Xuexiang", "Дун Цзюнь" -> "Dong Jun".

needs : nothing (a table built from rules at import)
adds  : `chinese_name(words)` — the pinyin and Russian nominative of a Chinese name in any
        case, or None for a name that is not one

Russian writes Chinese names by the Palladius system (Kafarov, 1888), the standard of Russian
news agencies and of the Russian Academy of Sciences: each pinyin syllable has one Cyrillic
spelling (https://en.wikipedia.org/wiki/Cyrillization_of_Chinese, the pinyin-Palladius
table). The syllables are generated here from that table's initials and finals with its
context rules (j/q/x before i and ü, "ie" -> "е", "uo" -> "о", "hui" -> "хуэй", ...). Russian
declines only the last word of a Chinese name, and only when it ends in a consonant ("Ли
Цяна", "Сюй Цинем", "Ван И" stays): the nominative is the spelling whose syllables parse.
The surname must be one of the common Chinese surnames below (the most frequent surnames of
the 2020 census of the PRC, and those of Chinese officials in the gazetteer), so a Russian
or Korean name is never read as Chinese.
"""

from __future__ import annotations

from collections.abc import Collection
from functools import cache

__all__ = ["chinese_name", "looks_pinyin", "to_pinyin"]

_INITIALS = {
    "b": "б", "p": "п", "m": "м", "f": "ф", "d": "д", "t": "т", "n": "н", "l": "л",
    "g": "г", "k": "к", "h": "х", "j": "цз", "q": "ц", "x": "с", "zh": "чж", "ch": "ч",
    "sh": "ш", "r": "ж", "z": "цз", "c": "ц", "s": "с",
}  # fmt: skip
# finals after a consonant (the Palladius spelling of the rhyme)
_FINALS = {
    "a": "а", "o": "о", "e": "э", "ai": "ай", "ei": "эй", "ao": "ао", "ou": "оу", "an": "ань",
    "en": "энь", "ang": "ан", "eng": "эн", "ong": "ун", "i": "и", "ia": "я", "ie": "е",
    "iao": "яо", "iu": "ю", "ian": "янь", "in": "инь", "iang": "ян", "ing": "ин", "iong": "юн",
    "u": "у", "ua": "уа", "uo": "о", "uai": "уай", "ui": "уй", "uan": "уань", "un": "унь",
    "uang": "уан", "v": "юй", "ve": "юэ", "van": "юань", "vn": "юнь",
}  # fmt: skip
_PALATAL = ("j", "q", "x")  # take i- and ü- finals only; "u" after them is ü
_SIBILANT = ("z", "c", "s", "zh", "ch", "sh", "r")
_VELAR = ("g", "k", "h")
_I_FINALS = ("i", "ia", "ie", "iao", "iu", "ian", "in", "iang", "ing", "iong")
_U_FINALS = ("ua", "uo", "uai", "ui", "uan", "un", "uang")
_V_FINALS = ("v", "ve", "van", "vn")
# syllables without an initial
_ZERO = {
    "a": "а", "ai": "ай", "an": "ань", "ang": "ан", "ao": "ао", "e": "э", "ei": "эй",
    "en": "энь", "eng": "эн", "er": "эр", "o": "о", "ou": "оу", "yi": "и", "ya": "я",
    "yao": "яо", "ye": "е", "you": "ю", "yan": "янь", "yin": "инь", "yang": "ян", "ying": "ин",
    "yong": "юн", "yu": "юй", "yue": "юэ", "yuan": "юань", "yun": "юнь", "wa": "ва", "wo": "во",
    "wai": "вай", "wei": "вэй", "wan": "вань", "wen": "вэнь", "wang": "ван", "weng": "вэн",
    "wu": "у",
}  # fmt: skip
# common Chinese surnames (pinyin): the census's most frequent and the officials' own
_SURNAMES = frozenset({
    "xi", "wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu",
    "sun", "ma", "zhu", "hu", "guo", "he", "gao", "lin", "luo", "zheng", "liang", "xie",
    "song", "tang", "han", "feng", "deng", "cao", "peng", "zeng", "xiao", "tian", "dong",
    "pan", "yuan", "cai", "jiang", "yu", "du", "ye", "cheng", "wei", "su", "lv", "ding", "ren",
    "lu", "yao", "shen", "zhong", "cui", "tan", "fan", "liao", "shi", "jin", "jia", "xia",
    "fu", "fang", "zou", "xiong", "bai", "meng", "qin", "qiu", "hou", "yin", "xue", "yan",
    "duan", "lei", "long", "tao", "mao", "gu", "gong", "shao", "qi", "kong", "kang", "mo",
    "hao", "wen", "niu", "geng", "xing", "an", "chang", "qian", "yi", "hong", "ning", "bao",
    "ou", "zhan", "miao", "zhai", "mei", "yue", "lai", "xiang", "ge", "kou", "xin", "chu",
    "zhuang", "ji", "ling", "ba",
})  # fmt: skip


def _combines(initial: str, final: str) -> bool:
    """Whether a non-palatal initial takes the final: ü only after n and l, i- finals not
    after velars and sibilants (but "zhi", "si"), no u- compounds after labials."""
    if final in _V_FINALS:
        return initial in ("n", "l")
    if final == "o":  # "bo", "mo"; elsewhere "о" spells "uo" ("го" is guo, "ло" luo)
        return initial in ("b", "p", "m", "f")
    if final in _I_FINALS and (initial in _VELAR or initial in _SIBILANT):
        return final == "i" and initial in _SIBILANT
    return not (initial in ("b", "p", "m", "f") and final in _U_FINALS)


def _spell(initial: str, final: str) -> str | None:
    """The Palladius spelling of initial + final, None for a syllable pinyin lacks."""
    if initial in _PALATAL:
        if final not in _I_FINALS and final not in _V_FINALS and final != "u":
            return None
        final = {"u": "v", "ue": "ve", "uan": "van", "un": "vn"}.get(final, final)
    elif not _combines(initial, final):
        return None
    if initial == "h" and final == "ui":
        return "хуэй"
    if final == "i" and initial in ("z", "c", "s"):
        return _INITIALS[initial] + "ы"
    if final == "e" and initial in ("b", "p", "f"):
        return None
    return _INITIALS[initial] + _FINALS[final]


@cache
def _syllables() -> dict[str, str]:
    """Cyrillic syllable -> pinyin syllable (ü written v)."""
    table: dict[str, str] = {}
    for initial in _INITIALS:
        for final in _FINALS:
            spelled = _spell(initial, final)
            if spelled is not None:
                pinyin = (
                    initial + {"v": "u", "ve": "ue", "van": "uan", "vn": "un"}.get(final, final)
                    if initial in _PALATAL
                    else initial + final
                )
                table.setdefault(spelled, pinyin)
    for pinyin, spelled in _ZERO.items():
        table.setdefault(spelled, pinyin)
    return table


def _segment(word: str, table: Collection[str] | None = None) -> list[str] | None:
    """The fewest syllables of `table` (the Palladius ones by default) that spell `word`
    (lower case), None if none do."""
    table = _syllables() if table is None else table
    best: list[list[str] | None] = [[]] + [None] * len(word)
    for end in range(1, len(word) + 1):
        for size in range(1, min(6, end) + 1):
            head = best[end - size]
            piece = word[end - size : end]
            if head is not None and piece in table:
                cand = [*head, piece]
                current = best[end]
                if current is None or len(cand) < len(current):
                    best[end] = cand
    return best[len(word)]


def to_pinyin(word: str) -> str | None:
    """'Сюэсян' -> 'Xuexiang'; None when the word is no run of Palladius syllables."""
    parts = _segment(word.lower().replace("ё", "е"))
    if not parts:
        return None
    table = _syllables()
    return "".join(table[p] for p in parts).replace("v", "u").capitalize()


# the case endings of a Chinese given name that ends in a consonant, and what they replace
_ENDINGS = (
    ("ом", ("",)), ("ем", ("й", "ь")), ("ой", ()), ("а", ("",)), ("я", ("й", "ь")),
    ("у", ("",)), ("ю", ("й", "ь")), ("е", ("", "й", "ь")),
)  # fmt: skip


def _given_nominative(word: str) -> str | None:
    """The nominative of a given name in any case: 'Цинем' -> 'Цинь', 'Цяна' -> 'Цян'."""
    low = word.lower()
    for ending, restored in _ENDINGS:
        if not low.endswith(ending) or len(low) <= len(ending):
            continue
        for tail in restored:
            stem = low[: -len(ending)] + tail
            if stem[-1:] in ("н", "ь", "й") and _fits(stem):
                return word[: len(word) - len(ending)] + tail
    return word if _fits(low) else None


def _fits(word: str) -> bool:
    parts = _segment(word)
    return parts is not None and 1 <= len(parts) <= 3


@cache
def _surnames_ru() -> frozenset[str]:
    """The surnames in Palladius spelling ("lv", ü written v, is "люй")."""
    table = {pinyin: cyrillic for cyrillic, pinyin in _syllables().items()}
    return frozenset(table[p] for p in _SURNAMES if p in table)


def chinese_name(words: list[str]) -> tuple[str, str] | None:
    """(pinyin name, Russian nominative) of a Chinese name written in Russian in any case:
    ['Сюй', 'Цинем'] -> ('Xu Qin', 'Сюй Цинь'); None when it is not one."""
    if len(words) != 2 or words[0].lower().replace("ё", "е") not in _surnames_ru():
        return None
    given = _given_nominative(words[1])
    if given is None:
        return None
    surname, first = to_pinyin(words[0]), to_pinyin(given)
    if surname is None or first is None:
        return None
    return f"{surname} {first}", f"{words[0]} {given}"


@cache
def _pinyin_syllables() -> frozenset[str]:
    return frozenset(_syllables().values())


def looks_pinyin(name: str) -> bool:
    """'Ling Ji', 'Zhang Guoqing': a common Chinese surname and a given name of one to three
    pinyin syllables (a name of a Chinese the gazetteer does not know)."""
    words = name.replace("-", "").replace("'", "").split()
    if len(words) != 2 or words[0].lower() not in _SURNAMES:
        return False
    parts = _segment(words[1].lower(), _pinyin_syllables())
    return parts is not None and 1 <= len(parts) <= 3
