"""Russian names of gazetteer entries (`data/gazetteer/ru/names.yaml`), keyed by lemmas.

needs : the loaded `Gazetteer` (every id in the file must be one of its entries)
adds  : `RussianNames` — (Russian form, entry) pairs for the lemma phrase matcher, and the
        state a Russian relational adjective names in any case form ("российской" -> Russia)

The record stays one record: a Russian name resolves to the entry's canonical English actor.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from importlib.resources.abc import Traversable

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from bilat.errors import ConfigError
from bilat.extract.gazetteer import Entry, Gazetteer, _packaged_dir, _read_yaml

__all__ = ["RussianNames", "russian_dir", "russian_names"]

_FILE = "names.yaml"


class _NamesIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(min_length=1)
    names: list[str] = []
    adjectives: list[str] = []


@dataclass(frozen=True, slots=True)
class RussianNames:
    pairs: tuple[tuple[str, Entry], ...]  # (Russian surface as written in data, entry)
    adjectives: dict[str, Entry]  # lemma of the adjective -> state

    def forms(self) -> Iterator[tuple[str, Entry]]:
        """Every written form, and a person's name with the surname in its other cases:
        pymorphy3 reads some surnames in the genitive as places ("Мантурова" -> "Мантурово"),
        so the lemma of "Дениса Мантурова" does not meet that of "Денис Мантуров"."""
        for form, entry in self.pairs:
            yield form, entry
            if entry.type == "person":
                head, _, last = form.rpartition(" ")
                for case in surname_cases(last):
                    yield (f"{head} {case}" if head else case), entry

    def state_for_lemma(self, word_lemma: str) -> Entry | None:
        """The state a one-word Russian name names, by its lemma ("рф", "китай")."""
        return _state_lemmas(self).get(word_lemma)

    def state_for_adjective(self, word: str) -> Entry | None:
        """The state a Russian adjective names in any form: "китайских" -> China."""
        from bilat.extract.nlp_ru import lemma

        return self.adjectives.get(lemma(word.lower()))


# Russian surname endings and their other case endings (Зализняк's adjectival-possessive
# declension of -ов/-ев/-ин surnames): gen/acc, dat, instr, prep; feminine gen/dat/instr/prep
_SURNAME_CASES = (
    (("ов", "ев", "ёв", "ин", "ын"), ("а", "у", "ым", "е")),
    (("ова", "ева", "ёва", "ина", "ына"), ("ой", "у")),
)


def surname_cases(word: str) -> list[str]:
    """'Мантуров' -> ['Мантурова', 'Мантурову', 'Мантуровым', 'Мантурове'], 'Ын' -> ['Ына',
    'Ыну', 'Ыном', 'Ыне']; [] for a word that declines otherwise (or not at all: 'Моди')."""
    if not word[:1].isupper():
        return []
    for endings, cases in _SURNAME_CASES:
        if len(word) >= 4 and word.endswith(endings):
            stem = word[:-1] if endings[0].endswith("а") else word
            return [stem + c for c in cases]
    if len(word) >= 2 and word[-1].lower() in _CONSONANTS:
        # a foreign or other surname ending in a consonant declines as a noun: "Ким Чен
        # Ын" -> "с Ким Чен Ыном", "Эрдоган" -> "Эрдогана", "Новак" -> "Новаком"
        instr = "ем" if word[-1].lower() in "жшчщц" else "ом"
        return [word + "а", word + "у", word + instr, word + "е"]
    return []


_CONSONANTS = frozenset("бвгджзклмнпрстфхцчшщ")


_STATE_LEMMAS: dict[int, dict[str, Entry]] = {}


def _state_lemmas(names: RussianNames) -> dict[str, Entry]:
    if id(names) not in _STATE_LEMMAS:
        from bilat.extract.nlp_ru import lemma

        _STATE_LEMMAS[id(names)] = {
            lemma(form): entry
            for form, entry in names.pairs
            if entry.type == "state" and " " not in form and "-" not in form
        }
    return _STATE_LEMMAS[id(names)]


def _parse(gaz: Gazetteer, data: object) -> RussianNames:
    if not isinstance(data, list):
        raise ConfigError(f"ru/{_FILE}: expected a list of entries")
    pairs: list[tuple[str, Entry]] = []
    adjectives: dict[str, Entry] = {}
    for index, raw in enumerate(data):
        try:
            item = _NamesIn.model_validate(raw)
            entry = gaz.get(item.id)
        except (ValidationError, KeyError) as exc:
            raise ConfigError(f"ru/{_FILE}: entry {index}: {exc}") from exc
        pairs.extend((name, entry) for name in item.names)
        adjectives.update((adj.lower(), entry) for adj in item.adjectives)
    return RussianNames(tuple(pairs), adjectives)


def russian_dir() -> Traversable:
    """The packaged folder of the Russian gazetteer files (names, titles)."""
    return _packaged_dir().joinpath("ru")


_CACHE: dict[int, tuple[Gazetteer, RussianNames]] = {}


def russian_names(gaz: Gazetteer, directory: Traversable | None = None) -> RussianNames:
    """The Russian names for `gaz` (packaged data unless `directory`), parsed once."""
    if directory is None and id(gaz) in _CACHE:
        return _CACHE[id(gaz)][1]
    names = _parse(gaz, _read_yaml(directory or russian_dir(), _FILE))
    if directory is None:
        _CACHE[id(gaz)] = (gaz, names)
    return names
