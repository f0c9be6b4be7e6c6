"""Cue lexicon of the extraction rules: ordinary English words that signal launch, impact, attribution.

Everything here is general English: verbs of firing and hitting, reporting verbs, hedges, words for
kinds of places ("province", "air base"), titles of people, nationality words. No report's names or
sentences appear here.
"""

from __future__ import annotations

# Verbs whose object (or passive subject) is the weapon and whose "from" phrase is the launch site.
LAUNCH_VERBS: frozenset[str] = frozenset({
    "fire", "launch", "use", "deploy", "employ", "send", "drop", "unleash", "lob",
    "fly", "take", "involve", "include", "conduct", "carry", "mount", "release", "salvo", "test",
    "test-fire",
})

# Verbs whose subject is the weapon and whose object or location phrase is the impact site.
IMPACT_VERBS: frozenset[str] = frozenset({
    "hit", "strike", "target", "land", "fall", "bomb", "shell", "pound", "slam", "crash",
    "explode", "destroy", "attack", "raid", "rain", "impact", "blast", "bombard", "struck", "rock", "damage",
})

# Nouns naming a strike; their "on/against/at/in" phrases are impact sites.
STRIKE_NOUNS: frozenset[str] = frozenset({
    "attack", "strike", "airstrike", "raid", "bombing", "bombardment", "shelling", "barrage",
    "salvo", "missile", "rocket", "launch", "hit", "assault", "bomb", "explosion", "blast",
    "landing", "impact",  # "with some landing near X", "the impact site near X"
})

# Prepositions that introduce an impact location after a launch verb or a strike noun.
IMPACT_PREPS: frozenset[str] = frozenset({
    "at", "on", "against", "in", "into", "near", "onto", "upon", "toward", "towards", "around", "inside",
    "outside", "across", "throughout", "off",
})

# Modifiers that make an attack another kind of event than a missile, drone or air strike.
OTHER_ATTACK_WORDS: frozenset[str] = frozenset({
    "chemical", "suicide", "terrorist", "terror", "knife", "gun", "car", "truck", "sarin", "gas", "cyber",
    "ground", "militant", "stabbing", "arson",
})

# Words of other kinds of events: places governed by them are not strike sites.
OTHER_EVENT_WORDS: frozenset[str] = frozenset({
    "parade", "funeral", "bury", "hometown", "born", "shooting", "shoot", "protest", "rally", "ceremony",
    "burial", "mourning", "visit", "meeting", "summit", "election", "conference", "birthplace",
})

# Verbs of threat or intent: places governed by them describe what has not happened.
HYPOTHETICAL_WORDS: frozenset[str] = frozenset({
    "threaten", "vow", "warn", "promise", "pledge", "plan", "intend", "would", "will", "could", "might",
    "may", "should", "if", "threat", "want", "seek",
    # permission sought or withheld ("lift restrictions on using weapons against targets in X")
    "restriction", "ban", "permission", "authorization", "authorisation", "urge", "request",
})

# Adverbs of habit: a clause with one describes a pattern of attacks, not a strike ("has repeatedly").
HABITUAL_WORDS: frozenset[str] = frozenset({
    "repeatedly", "frequently", "often", "regularly", "routinely", "occasionally", "sometimes",
    "periodically", "persistently", "habitually", "usually", "daily", "nightly", "constantly", "continually",
    "last",  # "the city was last hit in March": the one before
})

# Words that make a place a boundary or route rather than a site.
NOT_SITE_HEADS: frozenset[str] = frozenset({
    "border", "frontier", "airspace", "time", "government", "administration", "official", "officials",
    "ministry", "president", "leader", "minister", "deconfliction", "ambassador", "envoy",
})

# Reporting verbs: the subject of one of these is who claims the sentence's facts.
REPORTING_VERBS: frozenset[str] = frozenset({
    "say", "report", "claim", "tell", "announce", "state", "confirm", "add", "show", "quote", "cite",
    "allege", "assert", "insist", "declare", "tweet", "write", "broadcast", "indicate", "put", "believe",
    "accuse", "reveal", "describe", "note", "estimate", "suggest",
})

DENIAL_VERBS: frozenset[str] = frozenset({"deny", "reject", "dismiss", "refute", "dispute"})

# Phrases that mark a claim as unverified.
HEDGE_PHRASES: tuple[str, ...] = (
    "without offering evidence", "without giving evidence", "without providing evidence",
    "without evidence", "could not be verified", "could not be independently verified",
    "could not be checked", "appeared to show", "unconfirmed", "not independently verified",
)

# Phrases that introduce the attack a strike answers (a separate, earlier event).
RESPONSE_PHRASES: tuple[str, ...] = (
    "in response to", "in retaliation for", "in retaliation to", "in revenge for", "to avenge",
    "in reprisal for", "answered", "retaliation for", "response to", "retaliation against", "revenge for",
    "reprisal for", "in return for",
)

# Launch-area words: "showed the area as X" after a launch cue names the launch area.
AREA_VERBS: frozenset[str] = frozenset({"show", "identify", "name", "give", "locate", "pinpoint"})

# Nouns for a country's own ground: "from its own territory" is the actor's country.
OWN_GROUND: frozenset[str] = frozenset({"territory", "soil", "land", "ground", "airspace"})

QUALIFIERS: dict[str, str] = {
    "more than": "more_than", "over": "more_than", "upwards of": "more_than",
    "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least",
    "about": "about", "around": "about", "some": "about", "nearly": "about", "approximately": "about",
    "roughly": "about", "almost": "about", "an estimated": "about", "dozens of": "about",
    "up to": "up_to", "as many as": "up_to", "fewer than": "up_to", "less than": "up_to",
}

NUMBER_WORDS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12, "a dozen": 12,
    "two dozen": 24, "three dozen": 36, "a hundred": 100,
}

# What a count counts: nouns of weapons, strikes and targets.
COUNTED_NOUNS: frozenset[str] = frozenset({
    "missile", "rocket", "drone", "bomb", "munition", "projectile", "target", "strike", "airstrike",
    "shell", "bomber", "aircraft", "jet", "warplane", "site", "wave", "salvo", "uav", "weapon", "attack",
})

# Generic weapon classes that name a delivery or a strike rather than a weapon ("airstrikes", "warplanes"):
# reported only for the main event, and only when the report names no other weapon for it.
DELIVERY_CLASSES: frozenset[str] = frozenset({"aircraft"})

# Classes of weapons that defend rather than strike (interceptors): never a strike's weapon.
DEFENSIVE_CLASSES: frozenset[str] = frozenset({"air_defence", "air_defense", "interceptor"})

# Head nouns after which an unknown capitalised word is probably a weapon's name ("Xyz cruise missiles").
WEAPON_HEADS: frozenset[str] = frozenset({"missile", "missiles", "rocket", "rockets", "drone", "drones",
                                          "bomber", "bombers", "uav", "uavs", "munition", "munitions"})
# Words after a name that say it is an aircraft or a bomb ("Typhoon jets", "Harop drones" aside).
PLATFORM_HEADS: frozenset[str] = frozenset({"jet", "jets", "fighter", "fighters", "warplane", "warplanes",
                                            "aircraft", "bomb", "bombs", "helicopter", "helicopters"})

# Demonyms and country adjectives, for actors named by nationality ("the Russians").
DEMONYMS: dict[str, str] = {
    "iranian": "IR", "iranians": "IR", "russian": "RU", "russians": "RU", "american": "US", "americans": "US",
    "israeli": "IL", "israelis": "IL", "syrian": "SY", "syrians": "SY", "iraqi": "IQ", "iraqis": "IQ",
    "ukrainian": "UA", "ukrainians": "UA", "turkish": "TR", "saudi": "SA", "yemeni": "YE", "houthi": "YE",
    "houthis": "YE", "lebanese": "LB", "jordanian": "JO", "british": "GB", "french": "FR", "chinese": "CN",
    "north korean": "KP", "pakistani": "PK", "indian": "IN", "emirati": "AE", "qatari": "QA",
    # armed groups and institutions whose country is not in doubt, for actors ("Hezbollah fired ...")
    "hezbollah": "LB", "hizbollah": "LB", "hizballah": "LB", "hamas": "PS", "irgc": "IR", "idf": "IL",
    "pentagon": "US", "kremlin": "RU",
    "zionist": "IL",  # "the Zionist regime/enemy": Israel, as Iranian, Yemeni or Lebanese outlets say
}

# Suffix words that turn a name into a facility or an area ("Xyz air base", "Xyz province").
PLACE_SUFFIXES: tuple[str, ...] = (
    "air base", "airbase", "air bases", "base", "airfield", "airport", "gas field", "oil field", "field",
    "province", "governorate", "region", "district", "city", "sea", "port", "naval base", "facility",
)

# Nouns that stand for the place named in their "of" phrase ("the town of X", "a rural area of X").
PLACE_NOUNS: frozenset[str] = frozenset({
    "town", "village", "city", "province", "region", "area", "district", "outskirt", "suburb", "east",
    "west", "north", "south", "northeast", "northwest", "southeast", "southwest", "vicinity", "governorate",
    "county", "countryside", "part", "desert", "centre", "center", "heart", "edge", "port", "capital",
})
# Nouns a place name can modify and still name the place ("the Xyz garrison", "the Xyz refinery").
FACILITY_NOUNS: frozenset[str] = frozenset({
    "garrison", "outpost", "camp", "base", "airbase", "airfield", "airport", "port", "harbour", "harbor",
    "refinery", "plant", "facility", "depot", "complex", "compound", "field", "station", "barracks",
    "headquarters", "site", "area", "region", "province", "city", "town", "village", "district", "terminal",
    "bridge", "dam", "power", "oilfield", "governorate", "neighbourhood", "neighborhood", "suburb", "valley",
})

# Words that make a name an organisation, a medium or a person rather than a place.
ORG_WORDS: frozenset[str] = frozenset({
    "corps", "army", "force", "forces", "front", "state", "news", "agency", "tv", "television", "ministry",
    "council", "command", "guard", "guards", "revolution", "resistance", "university", "administration",
    "house", "party", "group", "brigade", "brigades", "movement", "network", "channel", "times", "post",
    "press", "airlines", "airways", "aviation", "coalition", "department", "office", "committee", "republic",
    "daily", "radio", "company", "bank", "club", "fleet", "navy", "hospital", "school", "mosque",
})
SUFFIX_KINDS: dict[str, str] = {
    "province": "region", "governorate": "region", "region": "region", "district": "region",
    "air base": "airbase", "airbase": "airbase", "base": "airbase", "airfield": "airbase",
    "airport": "airbase", "naval base": "naval_base", "gas field": "gas_field", "oil field": "oil_field",
    "field": "gas_field", "sea": "sea", "city": "city", "port": "city", "facility": "military_site",
}

# Words before a name that make it a person's ("President X", "spokesman X", "Gen. X").
PERSON_TITLES: frozenset[str] = frozenset({
    "president", "minister", "spokesman", "spokeswoman", "spokesperson", "general", "gen.", "colonel",
    "col.", "lieutenant", "lt.", "secretary", "mr", "mr.", "ms", "ms.", "mrs", "dr", "dr.", "commander",
    "governor", "chief", "leader", "ayatollah", "prime", "king", "prince", "sheikh", "professor", "admiral",
    "senator", "ambassador", "envoy", "director", "mayor", "premier", "chancellor", "sergeant", "captain",
})

# Prepositions whose object is a place ("in X", "at X", "from X").
LOCATIVE_PREPS: frozenset[str] = frozenset({"in", "at", "near", "from", "into", "toward", "towards",
                                            "outside", "around", "off", "inside", "across"})
