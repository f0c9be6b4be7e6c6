"""Place names that are also everyday English words ("Hit", "Nice", "Of", "Best", "Bar").

GeoNames has towns with such names; a report's "hit" or "best" must not become a place. The list
is ``resources/common_words.csv`` (see ``resources/CATALOGUES.md`` for how it was made) plus a few
function words kept here; the pipeline asks :func:`is_common_word` before taking a name that is not
capitalised or has no place context ("the town of Hit").
"""

from __future__ import annotations

import csv
from functools import cache

from strikeview.catalog.names import fold_name
from strikeview.resources import resource_path

# Function words and report vocabulary that GeoNames also has as names; always in the list.
_BUILTIN = frozenset({
    "a", "an", "the", "of", "in", "on", "at", "to", "by", "for", "from", "with", "as", "is", "it", "be",
    "or", "and", "but", "if", "no", "not", "so", "up", "out", "over", "under", "hit", "best", "nice",
    "bar", "man", "most", "date", "split", "mobile", "reading", "bath", "sale", "deal", "strike", "base",
    "air", "sea", "fire", "attack", "border", "state", "city", "town", "village", "north", "south",
    "east", "west", "central", "new", "old", "major", "minor",
})


@cache
def common_words() -> frozenset[str]:
    """Folded common English words that are also place names."""
    words = set(_BUILTIN)
    try:
        path = resource_path("common_words.csv")
    except FileNotFoundError:
        return frozenset(words)
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            word = fold_name(row.get("word", ""))
            if word:
                words.add(word)
    return frozenset(words)


def is_common_word(name: str) -> bool:
    """True when ``name`` (in any case) is an everyday English word as well as a place name."""
    return fold_name(name) in common_words()


# Names of wide areas that are never a strike's site: a town of the same name (a US "Middle East")
# must not be found for them. Folded, without a leading "the".
GENERIC_AREAS = frozenset({
    "middle east", "near east", "far east", "levant", "region", "area", "areas", "arab world",
    "gulf region", "gulf states", "gulf countries", "mena", "europe", "asia", "africa", "north africa",
    "horn of africa", "caucasus", "south caucasus", "north caucasus", "balkans", "central asia",
    "south asia", "southeast asia", "east asia", "eastern europe", "western europe", "latin america",
    "west", "east", "world", "front", "frontline", "front line", "homeland", "mainland", "interior",
})

# Proper names in strike reports that are not places but that GeoNames has as some town's name or
# alternate name ("Hamas" is Hamm in Lithuanian, "White House" is Casablanca translated, "NATO" a
# Philippine town): organisations, armed groups, institutions, buildings that stand for a government.
NOT_PLACE_NAMES = frozenset({
    "hamas", "hezbollah", "hizbollah", "hizballah", "nato", "kremlin", "pentagon", "white house",
    "centcom", "central command", "irgc", "idf", "houthis", "houthi movement", "ansar allah",
    "islamic state", "isis", "isil", "daesh", "taliban", "wagner", "qaeda", "al qaeda", "shabaab",
    "pkk", "ypg", "sdf", "pmf", "hashd", "kataib hezbollah", "quds force", "islamic jihad", "un",
    "united nations", "iaea", "reuters", "bloomberg", "tass", "irna", "tasnim", "interfax", "ria novosti",
    "al jazeera", "al arabiya", "downing street", "elysee", "knesset", "majlis", "duma",
    # days and months: a report's dates, spelled like towns ("Monday" ~ Moanda, "March" in England)
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    # feasts and months of other calendars, and units that read as names ("Mach 22")
    "ramadan", "ramzan", "muharram", "ashura", "eid", "eid al fitr", "eid al adha", "nowruz", "christmas",
    "easter", "passover", "hanukkah", "yom kippur", "rosh hashanah", "sukkot", "mach",
})

# Words for what a country has rather than where ("US base", "Russian forces", "Israeli territory"):
# a country or demonym followed only by such words (or common words) names no place.
FACILITY_WORDS = frozenset({
    "base", "bases", "airbase", "airbases", "airfield", "airfields", "forces", "force", "troops",
    "military", "army", "navy", "embassy", "consulate", "positions", "position", "targets", "target",
    "territory", "territories", "soil", "command", "facility", "facilities", "site", "sites",
    "installation", "installations", "camp", "camps", "outpost", "outposts", "naval", "vessel",
    "vessels", "ship", "ships", "warship", "warships", "drone", "drones", "missile", "missiles",
    "official", "officials", "government", "border", "borders", "side", "airspace", "waters",
    "coast", "cities", "towns", "villages", "regions", "provinces", "interests", "assets",
})

# Demonyms that the suffix rules of demonym_forms do not produce.
IRREGULAR_DEMONYMS = frozenset({
    "afghan", "arab", "arabian", "british", "briton", "cypriot", "danish", "dutch", "emirati", "filipino",
    "finnish", "french", "greek", "houthi", "icelandic", "irish", "kurd", "kurdish", "lao", "malagasy",
    "persian", "polish", "saudi", "scottish", "spanish", "swedish", "swiss", "thai", "turkish", "welsh",
    "english", "yemenite", "zionist", "israelis", "palestinian", "baloch", "baluch", "pashtun", "druze",
    "shia", "shiite", "sunni", "alawite",
})


def demonym_forms(country_name: str) -> set[str]:
    """Folded adjective and people forms of a country name: Iran -> iranian, Iraq -> iraqi, ..."""
    name = fold_name(country_name)
    if not name:
        return set()
    stems = {name, name[:-1]} if name[-1] in "aeiouy" else {name}
    forms = {s + suffix for s in stems for suffix in ("n", "an", "ian", "i", "ese", "ish")}
    forms |= {f + "s" for f in forms}
    forms.discard(name)
    return forms
