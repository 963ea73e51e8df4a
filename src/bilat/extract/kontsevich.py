"""Vietnamese names in Russian text, read back by the Kontsevich system.

Russian writes Vietnamese names by the Kontsevich transcription (Л. Р. Концевич, the standard
of Russian reference works and the press, as Palladius is for Chinese): "Trần Thanh Mẫn" is
"Чан Тхань Ман", "Phạm Minh Chính" "Фам Минь Тинь", "Nguyễn" "Нгуен", "Lương Cường" "Лыонг
Кыонг". Its spellings do not go back to one Latin form ("ч" is "tr" or "ch" before some
vowels, "ь" marks "-nh" or "-ch"), so a Russian name is matched against the Vietnamese
people the gazetteer knows: each of their syllables written the Kontsevich way, both sides
folded to a coarse key ("ы"/"ю" as "у", "я" as "а", "э" as "е", no "ь"), and each Russian
word allowed the case endings Russian gives such names ("Фам Минь Тинем", "Чан Тханя Ман").
`vietnamese_person(gaz, name)` is the gazetteer's person, or None.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from bilat.extract.gazetteer import Entry, Gazetteer

__all__ = ["cyrillic_key", "kontsevich", "vietnamese_person"]

# initial consonants, longest first (Kontsevich 2002, table of initials)
_INITIALS = (
    ("ngh", "нг"), ("ng", "нг"), ("nh", "нь"), ("ch", "ть"), ("tr", "ч"), ("th", "тх"),
    ("kh", "кх"), ("ph", "ф"), ("gi", "з"), ("gh", "г"), ("qu", "ку"), ("đ", "д"), ("d", "з"),
    ("r", "з"), ("s", "ш"), ("x", "с"), ("c", "к"), ("k", "к"), ("b", "б"), ("g", "г"),
    ("h", "х"), ("l", "л"), ("m", "м"), ("n", "н"), ("t", "т"), ("v", "в"), ("p", "п"),
)  # fmt: skip
# finals after the vowels
_FINALS = (("nh", "нь"), ("ng", "нг"), ("ch", "ть"), ("c", "к"), ("t", "т"), ("p", "п"),
           ("m", "м"), ("n", "н"))  # fmt: skip
_VOWELS = {"a": "а", "e": "е", "i": "и", "y": "и", "o": "о", "u": "у"}
# the Russian endings of such a name in the oblique cases ("Тинь" -> "Тиня", "Тинем")
_ENDINGS = ("", "а", "у", "ом", "е", "ем", "ы", "и", "ой", "ым")


def _plain(syllable: str) -> str:
    """Tone marks and vowel hooks dropped ("ư", "ơ", "â" as "u", "o", "a"); "đ" kept."""
    folded = unicodedata.normalize("NFD", syllable.lower().replace("đ", "\x00"))
    return "".join(c for c in folded if not unicodedata.combining(c)).replace("\x00", "đ")


def kontsevich(syllable: str) -> str:
    """One Vietnamese syllable in Russian letters (simplified: vowel qualities folded)."""
    rest, out = _plain(syllable), ""
    for latin, russian in _INITIALS:
        if rest.startswith(latin) and len(rest) > len(latin):
            out, rest = russian, rest[len(latin) :]
            break
    final = ""
    for latin, russian in _FINALS:
        if rest.endswith(latin) and len(rest) > len(latin):
            final, rest = russian, rest[: -len(latin)]
            break
    rest = re.sub(r"uye", "ue", rest)  # "Nguyễn" is "Нгуен"
    return out + "".join(_VOWELS.get(c, c) for c in rest) + final


_FOLD = str.maketrans({"ы": "у", "ю": "у", "я": "а", "э": "е", "ё": "о", "й": "и", "ь": None})


def cyrillic_key(word: str) -> str:
    """The coarse key both sides are compared by."""
    return word.lower().translate(_FOLD)


def _matches(word: str, base: str) -> bool:
    key = cyrillic_key(word)
    return any(key == base + ending for ending in _ENDINGS)


@lru_cache(maxsize=4)
def _vietnamese(gaz: Gazetteer) -> tuple[tuple[tuple[str, ...], Entry], ...]:
    """Each Vietnamese person of the gazetteer with the keys of their syllables."""
    out = []
    for entry in gaz.entries():
        if entry.type != "person" or entry.country != "VN":
            continue
        for form in {entry.name, *entry.aliases}:
            syllables = form.split()
            if 2 <= len(syllables) <= 4:
                out.append((tuple(cyrillic_key(kontsevich(s)) for s in syllables), entry))
    return tuple(out)


def vietnamese_person(gaz: Gazetteer, name: str) -> Entry | None:
    """The gazetteer's Vietnamese person a Russian-text name writes, whatever its case."""
    words = name.split()
    if not 2 <= len(words) <= 4 or not all(re.fullmatch(r"[А-ЯЁ][а-яё]+", w) for w in words):
        return None
    found = {
        entry.gid
        for keys, entry in _vietnamese(gaz)
        if len(keys) == len(words) and all(_matches(w, k) for w, k in zip(words, keys, strict=True))
    }
    if len(found) != 1:
        return None
    gid = found.pop()
    return next(entry for _keys, entry in _vietnamese(gaz) if entry.gid == gid)
