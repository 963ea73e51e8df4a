"""The gazetteer: packaged data loads, validates, and answers look-ups correctly."""

from __future__ import annotations

import pickle
import re
import shutil
from collections import defaultdict
from pathlib import Path

import pytest

from bilat.errors import ConfigError
from bilat.extract.gazetteer import (
    Entry,
    Gazetteer,
    default_gazetteer,
    normalize,
    period_end,
    period_start,
)

DATA = Path(__file__).resolve().parents[1] / "src" / "bilat" / "data" / "gazetteer"

# Normalised surfaces deliberately shared by entries of different types (surface -> types).
ALLOWED_COLLISIONS: dict[str, set[str]] = {}


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return default_gazetteer()


def names(entries: list[Entry]) -> list[str]:
    return [e.name for e in entries]


def only(entries: list[Entry]) -> Entry:
    assert len(entries) == 1, names(entries)
    return entries[0]


# ---- normalisation -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("The  Kremlin", "kremlin"),
        ("Power of Siberia–2", "power of siberia-2"),
        ("Power of Siberia—2", "power of siberia-2"),
        ("Russia’s", "russia"),
        ("Xi Jinping's", "xi jinping"),
        ("Erdoğan", "erdogan"),
        ("U.S.", "u.s."),
    ],
)
def test_normalize(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


def test_periods() -> None:
    assert period_start("2022") == "2022-01-01"
    assert period_end("2022") == "2022-12-31"
    assert period_end("2022-11") == "2022-11-30"
    assert period_start("2022-12-05") == period_end("2022-12-05") == "2022-12-05"


# ---- look-ups ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("surface", "gid"),
    [
        ("PRC", "CN"),
        ("People's Republic of China", "CN"),
        ("People’s Republic of China", "CN"),
        ("Beijing", "CN"),
        ("Zhongnanhai", "CN"),
        ("the Kremlin", "RU"),
        ("Kremlin", "RU"),
        ("Russian Federation", "RU"),
        ("Moscow", "RU"),
        ("U.S.", "US"),
        ("USA", "US"),
        ("the White House", "US"),
        ("Washington", "US"),
        ("DPRK", "KP"),
        ("Britain", "GB"),
        ("Kiev", "UA"),
        ("Kyiv", "UA"),
        ("Astana", "KZ"),
        ("Ulaanbaatar", "MN"),
        ("New Delhi", "IN"),
        ("Türkiye", "TR"),
        ("Power of Siberia–2", "power-of-siberia-2"),
        ("Power of Siberia-2", "power-of-siberia-2"),
        ("Soyuz Vostok", "power-of-siberia-2"),
        ("SCO", "sco"),
        ("U.N.", "united-nations"),
        ("Brussels", "european-union"),
        ("CPC", "communist-party-of-china"),
        ("MOFCOM", "mofcom"),
        ("CNPC", "cnpc"),
        ("Russian Security Council", "russian-security-council"),
        ("Dmitri Peskov", "dmitry-peskov"),
        ("Yury Ushakov", "yuri-ushakov"),
        ("Sergei Lavrov", "sergey-lavrov"),
        ("Vladimir Vladimirovich Putin", "vladimir-putin"),
        ("Kazan", "kazan"),
        ("Hubei Province", "hubei"),
    ],
)
def test_lookup(gaz: Gazetteer, surface: str, gid: str) -> None:
    assert only(gaz.lookup(surface)).gid == gid


def test_lookup_unknown_and_bare_surname(gaz: Gazetteer) -> None:
    assert gaz.lookup("Atlantis") == []
    assert gaz.lookup("Lavrov") == []  # surnames only through lookup_surname


@pytest.mark.parametrize(
    ("surname", "gid"),
    [
        ("Lavrov", "sergey-lavrov"),
        ("Mishustin", "mikhail-mishustin"),
        ("Xi", "xi-jinping"),  # family name first
        ("Zelenskyy", "volodymyr-zelensky"),
        ("Lula", "lula-da-silva"),
        ("von der Leyen", "ursula-von-der-leyen"),
        ("Erdogan", "recep-tayyip-erdogan"),
        ("Lee", None),  # ambiguous: several Korean leaders
    ],
)
def test_lookup_surname(gaz: Gazetteer, surname: str, gid: str | None) -> None:
    found = gaz.lookup_surname(surname)
    if gid is None:
        assert len(found) > 1
    else:
        assert only(found).gid == gid


def test_surnames_skip_generational_suffix(gaz: Gazetteer) -> None:
    assert "Jr." not in gaz.get("joe-biden").surnames
    assert gaz.lookup_surname("Jr.") == []


@pytest.mark.parametrize(
    ("word", "gid"),
    [
        ("Russian", "RU"),
        ("Chinese", "CN"),
        ("Sino", "CN"),
        ("Sino-", "CN"),
        ("American", "US"),
        ("British", "GB"),
        ("North Korean", "KP"),
    ],
)
def test_state_for_adjective(gaz: Gazetteer, word: str, gid: str) -> None:
    state = gaz.state_for_adjective(word)
    assert state is not None and state.gid == gid


def test_state_for_adjective_unknown(gaz: Gazetteer) -> None:
    assert gaz.state_for_adjective("Soviet") is None
    assert gaz.state_for_adjective("Korean") is None  # ambiguous on purpose


def test_state_and_get(gaz: Gazetteer) -> None:
    assert gaz.state("ru").name == "Russia"
    assert gaz.state("CN").capital == "Beijing"
    assert gaz.get("vladimir-putin").country == "RU"
    with pytest.raises(KeyError):
        gaz.state("sco")
    with pytest.raises(KeyError):
        gaz.get("nobody")


@pytest.mark.parametrize(
    ("phrase", "key"),
    [
        ("prime minister", "head_of_government"),
        ("Premier of the State Council", "head_of_government"),
        ("head of the Cabinet of Ministers of the Russian Federation", "head_of_government"),
        ("Russian Prime Minister", "head_of_government"),
        ("President of the Russian Federation", "head_of_state"),
        ("Chairman of the PRC", "head_of_state"),
        ("Chinese leader", "head_of_state"),
        ("U.S. Secretary of State", "foreign_minister"),
        ("China's top diplomat", "foreign_minister"),
        ("Minister of Industry and Trade", "industry_trade_minister"),
        ("Kremlin spokesman", "press_secretary"),
        ("Deputy Chairman of the Security Council", "security_council_deputy_chairman"),
        ("Ambassador Extraordinary and Plenipotentiary", "ambassador"),
        ("vice-premier", "deputy_prime_minister"),
        ("Chancellor of the Exchequer", "finance_minister"),
        ("chancellor", "head_of_government"),
        ("the weather", None),
    ],
)
def test_role_key(gaz: Gazetteer, phrase: str, key: str | None) -> None:
    assert gaz.role_key(phrase) == key


# ---- holders and roles over time -------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "country", "on", "expected"),
    [
        ("head_of_state", "RU", "2025-11-04", ["Vladimir Putin"]),
        ("head_of_state", "RU", "2010-01-01", ["Dmitry Medvedev"]),
        ("head_of_state", "RU", "2005", []),  # before the data's coverage
        ("head_of_government", "RU", "2015", ["Dmitry Medvedev"]),
        ("head_of_government", "RU", None, ["Mikhail Mishustin"]),
        ("head_of_government", "CN", "2022-12", ["Li Keqiang"]),
        ("head_of_government", "CN", "2025-11", ["Li Qiang"]),
        ("head_of_state", "CN", "2012", ["Hu Jintao"]),
        ("head_of_state", "CN", "2020-06-01", ["Xi Jinping"]),
        ("defence_minister", "RU", "2024-06", ["Andrey Belousov"]),
        ("defence_minister", "RU", "2020", ["Sergey Shoigu"]),
        ("defence_minister", "CN", "2023-11", []),  # between Li Shangfu and Dong Jun
        ("defence_minister", "CN", "2024", ["Dong Jun"]),
        ("defence_minister", "CN", "2019", ["Wei Fenghe"]),
        ("defence_minister", "CN", "2015", ["Chang Wanquan"]),
        ("foreign_minister", "CN", "2023-05", ["Qin Gang"]),
        ("foreign_minister", "CN", "2024", ["Wang Yi"]),
        ("foreign_minister", "RU", None, ["Sergey Lavrov"]),
        ("industry_trade_minister", "RU", "2020", ["Denis Manturov"]),
        ("industry_trade_minister", "RU", "2025", ["Anton Alikhanov"]),
        ("finance_minister", "RU", "2013", ["Anton Siluanov"]),
        ("security_council_secretary", "RU", "2025", ["Sergey Shoigu"]),
        ("head_of_state", "US", "2019", ["Donald Trump"]),
        ("head_of_state", "US", "2022", ["Joe Biden"]),
        ("head_of_state", "US", "2025-06", ["Donald Trump"]),
        ("foreign_minister", "US", "2022", ["Antony Blinken"]),
        ("ambassador", "CN", None, ["Zhang Hanhui"]),
        ("organization_head", "united-nations", None, ["António Guterres"]),
        ("legislature_head", "CN", None, ["Zhao Leji"]),
        ("advisory_body_head", "CN", None, ["Wang Huning"]),
        ("party_leader", "united-russia", None, ["Dmitry Medvedev"]),
    ],
)
def test_holders(
    gaz: Gazetteer, key: str, country: str, on: str | None, expected: list[str]
) -> None:
    assert names(gaz.holders(key, country, on)) == expected


def test_holders_rejects_bad_date(gaz: Gazetteer) -> None:
    with pytest.raises(ValueError):
        gaz.holders("head_of_state", "RU", "November 2025")


def test_role_on(gaz: Gazetteer) -> None:
    putin = gaz.get("vladimir-putin")
    medvedev = gaz.get("dmitry-medvedev")
    wang_yi = gaz.get("wang-yi")
    assert (role := gaz.role_on(putin, "2025-11-04")) and role.key == "head_of_state"
    assert (role := gaz.role_on(medvedev, "2015-06")) and role.key == "head_of_government"
    assert (role := gaz.role_on(medvedev, None)) and role.key == "security_council_deputy_chairman"
    assert gaz.role_on(medvedev, "2005") is None
    assert (role := gaz.role_on(wang_yi, "2023-05")) and role.key == "party_foreign_affairs_head"
    assert (role := gaz.role_on(wang_yi, None)) and role.key == "foreign_minister"


# ---- data integrity --------------------------------------------------------------------------


def test_counts(gaz: Gazetteer) -> None:
    by_type: dict[str, int] = defaultdict(int)
    for entry in gaz.entries():
        by_type[entry.type] += 1
    assert by_type["state"] >= 196  # 193 UN members + Holy See, Palestine, Kosovo
    assert by_type["person"] >= 300


def test_states(gaz: Gazetteer) -> None:
    states = [e for e in gaz.entries() if e.gid == e.country]
    assert len({e.gid for e in states}) == len(states)
    for state in states:
        assert re.fullmatch(r"[A-Z]{2}", state.gid), state.gid
        assert state.type in ("state", "place")
    assert gaz.state("TW").type == "place"


def test_ids_unique_across_files() -> None:
    import yaml

    seen: set[str] = set()
    for path in sorted(DATA.glob("*.yaml")):
        if path.name == "roles.yaml":
            continue
        for raw in yaml.safe_load(path.read_text(encoding="utf-8")):
            assert raw["id"] not in seen, raw["id"]
            seen.add(raw["id"])


def test_roles_valid(gaz: Gazetteer) -> None:
    keys = {spec.key for spec in gaz.role_specs()}
    for entry in gaz.entries():
        for role in entry.roles:
            assert role.key in keys, (entry.gid, role.key)
            if role.start and role.end:
                assert period_start(role.start) <= period_end(role.end), (entry.gid, role)


def test_role_phrases_are_lowercase(gaz: Gazetteer) -> None:
    for phrase, _key in gaz.role_phrases():
        assert phrase == phrase.lower(), phrase


def test_people_aliases_carry_no_bare_surname(gaz: Gazetteer) -> None:
    for entry in gaz.entries():
        if entry.type == "person":
            bare = {normalize(s) for s in entry.surnames} & {normalize(a) for a in entry.aliases}
            assert not bare, (entry.gid, bare)


def test_no_unintended_collisions(gaz: Gazetteer) -> None:
    types: dict[str, set[str]] = defaultdict(set)
    for surface, entry in gaz.surface_forms():
        types[normalize(surface)].add(entry.type)
    collisions = {s: t for s, t in types.items() if len(t) > 1}
    assert collisions == ALLOWED_COLLISIONS


def test_surface_forms_cover_names(gaz: Gazetteer) -> None:
    surfaces = {s for s, _ in gaz.surface_forms()}
    assert {"Russia", "the Kremlin", "Xi Jinping", "Power of Siberia 2"} <= surfaces


# ---- validation errors -----------------------------------------------------------------------


def _copy_data(tmp_path: Path) -> Path:
    target = tmp_path / "gazetteer"
    shutil.copytree(DATA, target)
    return target


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


@pytest.mark.parametrize(
    ("file", "text", "message"),
    [
        ("people.yaml", "\n- {id: x-y, name: X Y, country: RU, nick: z}\n", "x-y"),
        (
            "people.yaml",
            "\n- {id: x-y, name: X Y, roles: [{role: R, key: wizard}]}\n",
            "unknown role key",
        ),
        (
            "people.yaml",
            "\n- {id: x-y, name: X Y, roles: [{role: R, key: ambassador, from: 2020, to: 2019}]}\n",
            "after",
        ),
        (
            "people.yaml",
            "\n- {id: x-y, name: X Y, roles: [{role: R, key: ambassador, from: 2020-13}]}\n",
            "x-y",
        ),
        (
            "people.yaml",
            "\n- {id: x-y, name: X Y, roles: [{role: R, key: ambassador, org: nowhere}]}\n",
            "unknown org",
        ),
        ("places.yaml", "\n- {id: kazan, name: Kazan Again}\n", "duplicate id"),
        ("states.yaml", "\n- {id: ZZZ, name: Nowhere}\n", "ISO 3166"),
        ("states.yaml", "\n- {id: ZZ, name: Nowhere, adjectives: [Russian]}\n", "adjective"),
    ],
)
def test_invalid_data_raises_config_error(
    tmp_path: Path, file: str, text: str, message: str
) -> None:
    directory = _copy_data(tmp_path)
    _append(directory / file, text)
    with pytest.raises(ConfigError, match=message) as info:
        Gazetteer.load(directory)
    assert file in str(info.value)


def test_missing_file_raises_config_error(tmp_path: Path) -> None:
    directory = _copy_data(tmp_path)
    (directory / "places.yaml").unlink()
    with pytest.raises(ConfigError, match=r"places\.yaml"):
        Gazetteer.load(directory)


def test_default_is_cached() -> None:
    assert default_gazetteer() is default_gazetteer()


def test_pickles(gaz: Gazetteer) -> None:
    copy = pickle.loads(pickle.dumps(gaz))
    assert only(copy.lookup("PRC")).gid == "CN"
    assert names(copy.holders("head_of_state", "RU", "2025")) == ["Vladimir Putin"]


def test_a_surname_with_its_particle_after_the_full_name_is_that_person() -> None:
    """'Trade grew, Dr Al Zeyoudi said' after 'Dr Thani Al Zeyoudi': one person, not two."""
    from tests.conftest import extract_text

    text = (
        "ABU DHABI, April 22. The UAE and China held talks. Dr Thani Al Zeyoudi, Minister of "
        "Foreign Trade, met Wang Wentao. Trade grew 6.8 per cent, Dr Al Zeyoudi said."
    )
    people = [a for a in extract_text(text, "2031-04-22").actors if "Zeyoudi" in a.name]
    assert [(p.name, p.aliases) for p in people] == [("Thani Al Zeyoudi", ("Al Zeyoudi",))]
