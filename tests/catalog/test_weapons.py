"""Tests of the weapons catalogue: sourced figures, matching of mentions, phrase-matcher patterns."""

import pytest

from strikeview.catalog.weapons import WeaponSpec, load_weapons, parse_weapons_csv, weapon_key
from strikeview.model import Weapon


@pytest.fixture(scope="module")
def weapons():
    return load_weapons()


def test_weapons_every_range_figure_keeps_note_and_source(weapons):
    for spec in weapons.entries():
        if spec.max_range_km is not None or spec.min_range_km is not None:
            assert spec.source.startswith("http"), spec.name
            assert spec.range_note, spec.name
            assert not spec.generic, spec.name
        if spec.min_range_km is not None:
            assert spec.max_range_km is not None and spec.min_range_km < spec.max_range_km


def test_weapons_generic_classes_have_no_range(weapons):
    generic = [s for s in weapons.entries() if s.generic]
    assert {
        "ballistic missile",
        "cruise missile",
        "drone",
        "rocket",
        "missile",
        "airstrike",
        "precision munition",
        "surface-to-surface missile",
        "short-range ballistic missile",
        "bomber",
        "fighter jet",
    } <= {s.name for s in generic}
    assert all(s.max_range_km is None and s.min_range_km is None for s in generic)


@pytest.mark.parametrize(
    "name, cls, lo, hi",
    [
        ("Zolfaghar", "SRBM", None, 700),
        ("Qiam-1", "SRBM", None, 800),
        ("Kalibr 3M14", "cruise_missile", None, 2500),
        ("B-1B", "aircraft", None, 4750),
        ("Iskander-M", "SRBM", 50, 500),
        ("Mohajer-6", "drone", None, None),
    ],
)
def test_weapons_figures_of_known_systems(weapons, name, cls, lo, hi):
    spec = weapons.get(name)
    assert spec is not None and spec.name == name
    assert (spec.weapon_class, spec.min_range_km, spec.max_range_km) == (cls, lo, hi)


def test_weapons_aircraft_ranges_are_combat_radii(weapons):
    aircraft = [s for s in weapons.entries() if s.weapon_class == "aircraft" and s.max_range_km]
    assert aircraft
    assert all("radius" in s.range_note.lower() for s in aircraft)


@pytest.mark.parametrize(
    "mention, expected",
    [
        ("Zolfaghar", "Zolfaghar"),
        ("Zolfaqar", "Zolfaghar"),
        ("Zulfiqar missiles", "Zolfaghar"),
        ("Zolfaqhar", "Zolfaghar"),
        ("Qiam", "Qiam-1"),
        ("Qiyam", "Qiam-1"),
        ("Ghiam-1", "Qiam-1"),
        ("Kalibr", "Kalibr 3M14"),
        ("Kalibir cruise missiles", "Kalibr 3M14"),
        ("3M-14", "Kalibr 3M14"),
        ("3M14", "Kalibr 3M14"),
        ("B-1B", "B-1B"),
        ("B-1 strategic bombers", "B-1B"),
        ("B1-B", "B-1B"),
        ("B-1B Lancer bombers", "B-1B"),
        ("Shahed-136 drones", "Shahed-136"),
        ("Shahed 136", "Shahed-136"),
        ("ballistic missiles", "ballistic missile"),
        ("six ballistic missiles", "ballistic missile"),
        ("short-range missiles", "short-range ballistic missile"),
        ("SRBMs", "short-range ballistic missile"),
        ("surface-to-surface missiles", "surface-to-surface missile"),
        ("UAVs", "drone"),
        ("unmanned aerial vehicles", "drone"),
        ("kamikaze drones", "drone"),
        ("rockets", "rocket"),
        ("air strikes", "airstrike"),
        ("airstrikes", "airstrike"),
        ("air raid", "airstrike"),
        ("precision-guided munitions", "precision munition"),
        ("fighter jets", "fighter jet"),
        ("Russian cruise missiles", "cruise missile"),
        ("missiles", "missile"),
    ],
)
def test_weapons_find_matches_mentions(weapons, mention, expected):
    spec = weapons.find(mention)
    assert spec is not None and spec.name == expected, (mention, spec)


@pytest.mark.parametrize(
    "word",
    [
        "summer",
        "Summer",
        "reading",
        "Samar",
        "account",
        "salary",
        "Irish",
        "ashore",
        "Khyber",
        "digger",
        "Jericho",
        "hazelnut",
    ],
)
def test_weapons_loose_matching_rejects_ordinary_words(weapons, word):
    assert weapons.find(word) is None


@pytest.mark.parametrize(
    "mention, expected",
    [
        ("Jericho 3", "Jericho III"),
        ("Jericho II", "Jericho II"),
        ("Hatf-VI", "Shaheen-II"),
        ("Fatah-2", "Fatah-II"),
        ("Tomahawk Block V", "Tomahawk Block V"),
        ("X-101", "Kh-101"),
        ("Kheybarshekan", "Kheibar Shekan"),
        ("Iskandar-M", "Iskander-M"),
        ("Fatteh-110", "Fateh-110"),
    ],
)
def test_weapons_numerals_and_spelling_variants(weapons, mention, expected):
    assert weapons.find(mention).name == expected


def test_weapons_find_prefers_named_system_over_class(weapons):
    assert weapons.find("Kalibr cruise missiles").name == "Kalibr 3M14"
    assert weapons.find("Qiam-1 ballistic missile").name == "Qiam-1"


@pytest.mark.parametrize("text", ["hello world", "Iranian", "the ministry said", "", "Kermanshah province"])
def test_weapons_find_returns_none_for_non_weapons(weapons, text):
    assert weapons.find(text) is None


def test_weapons_names_that_are_also_words_need_context(weapons):
    for text in ("Emad", "Dezful", "Spirit", "Lancer", "Bear", "Fatah", "Abu Mahdi"):
        assert weapons.needs_context(text), text
    for text in ("Zolfaghar", "Qiam-1", "Kalibr 3M14", "B-1B", "ballistic missile"):
        assert not weapons.needs_context(text), text


def test_weapons_patterns_leave_out_context_names_unless_asked(weapons):
    plain = {p for p, _ in weapons.patterns()}
    full = {p for p, _ in weapons.patterns(include_context=True)}
    assert "Zolfaghar" in plain and "Kalibir" in plain and "UAV" in plain
    assert "Lancer" not in plain and "Lancer" in full
    assert plain < full
    named = {s.name for _, s in weapons.patterns()}
    assert all(s.name in named or s.name_needs_context for s in weapons.entries())


def test_weapons_names_are_unique_across_entries(weapons):
    owner: dict[str, str] = {}
    for spec in weapons.entries():
        for n in spec.all_names():
            key = weapon_key(n)
            assert owner.setdefault(key, spec.name) == spec.name, (n, spec.name, owner[key])


def test_weapons_to_weapon_carries_range_and_source(weapons):
    w = weapons.get("Zolfaghar").to_weapon(claimed_by="IRGC")
    assert isinstance(w, Weapon)
    assert (w.name, w.weapon_class, w.max_range_km, w.claimed_by) == ("Zolfaghar", "SRBM", 700.0, "IRGC")
    assert w.range_source and w.range_source.startswith("http")
    assert weapons.get("drone").to_weapon().generic is True


def test_weapons_parse_keeps_blanks_blank():
    text = (
        "name,aliases,class,min_range_km,max_range_km,range_note,source,generic\n"
        "Alpha-1,Alpha 1;A-1,SRBM,,,no figure found,,\n"
        "blast,,munition,,,,,yes\n"
    )
    a, b = parse_weapons_csv(text)
    assert a == WeaponSpec(
        name="Alpha-1", aliases=("Alpha 1", "A-1"), weapon_class="SRBM", range_note="no figure found"
    )
    assert a.min_range_km is None and a.max_range_km is None
    assert b.generic and b.aliases == ()


@pytest.mark.parametrize(
    "mention, expected, cls",
    [
        ("F-16s", "F-16", "aircraft"),
        ("B-52s", "B-52H", "aircraft"),
        ("Grad rockets", "BM-21 Grad", "rocket_artillery"),
        ("MQ-9 Reaper drones", "MQ-9 Reaper", "drone"),
        ("Scud-B missiles", "Scud", "SRBM"),
        ("Patriot missiles", "MIM-104 Patriot", "air_defence"),
        ("Iron Dome", "Iron Dome", "air_defence"),
    ],
)
def test_weapons_designation_plurals_and_class_only_systems(weapons, mention, expected, cls):
    spec = weapons.find(mention)
    assert (spec.name, spec.weapon_class) == (expected, cls)


def test_weapons_air_defence_and_class_only_entries_carry_no_range(weapons):
    unranged = [s for s in weapons.entries() if not s.generic and s.max_range_km is None]
    assert {"MIM-104 Patriot", "Iron Dome", "Scud", "F-16", "Mohajer-6"} <= {s.name for s in unranged}
    assert all(s.range_note for s in unranged)
    assert all(s.max_range_km is None for s in weapons.entries() if s.weapon_class == "air_defence")


@pytest.mark.parametrize("text, name", [
    ("glide bombs", "glide bomb"), ("UMPK", "glide bomb"), ("FAB-1500", "FAB-1500"), ("KAB-500L", "KAB-500"),
    ("Tu-160", "Tu-160"), ("Harop", "Harop"), ("sea drones", "naval drone"), ("R-360 Neptune", "Neptune"),
    ("Burkan H2", "Burkan-2H"), ("Volcano H2", "Burkan-2H"),
])
def test_weapons_bombs_drones_and_missiles_added_later_are_found(weapons, text, name):
    assert weapons.find(text).name == name


def test_weapons_added_names_that_are_ordinary_words_need_context(weapons):
    assert all(weapons.needs_context(w) for w in ("Neptune", "Heron", "Flamingo", "Harpoon", "Mirage"))


@pytest.mark.parametrize("text, name", [
    ("Quds-3", "Quds-3"), ("Hrim-2", "Sapsan"), ("Kh-59MK2", "Kh-59"), ("Mk-84 bombs", "Mk-84"),
    ("Falaq-1", "Falaq-1"), ("Yafa drone", "Yafa drone"),
])
def test_weapons_houthi_ukrainian_and_israeli_systems_are_found(weapons, text, name):
    assert weapons.find(text).name == name


def test_weapons_names_that_are_places_need_a_weapon_word(weapons):
    assert weapons.needs_context("Jaffa") and weapons.needs_context("Spice")


def test_weapons_anti_ship_classes_are_told_apart(weapons):
    assert weapons.find("anti-ship ballistic missile").name == "anti-ship ballistic missile"
    assert weapons.find("anti-ship cruise missiles").name == "anti-ship cruise missile"
    assert weapons.find("anti-ship missile").name == "anti-ship missile"
    assert weapons.find("Paveway IV guided bombs").name == "Paveway IV"
