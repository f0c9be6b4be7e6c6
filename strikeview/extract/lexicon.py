"""Cue lexicon of the extraction rules: ordinary English words that signal launch, impact, attribution.

Everything here is general English (verbs of firing and hitting, reporting verbs, hedges) or a general
class of weapon ("ballistic missile"); no report's names or sentences appear here.
"""

from __future__ import annotations

# Verbs whose object (or passive subject) is the weapon and whose "from" phrase is the launch site.
LAUNCH_VERBS: frozenset[str] = frozenset({
    "fire", "launch", "use", "deploy", "employ", "send", "drop", "unleash", "lob",
    "fly", "take", "involve", "include", "conduct", "carry", "mount", "release", "salvo",
})

# Verbs whose subject is the weapon and whose object or location phrase is the impact site.
IMPACT_VERBS: frozenset[str] = frozenset({
    "hit", "strike", "target", "land", "fall", "bomb", "shell", "pound", "slam", "crash",
    "explode", "destroy", "attack", "raid", "rain", "impact", "blast", "bombard", "struck", "rock",
})

# Nouns naming a strike; their "on/against/at/in" phrases are impact sites.
STRIKE_NOUNS: frozenset[str] = frozenset({
    "attack", "strike", "airstrike", "raid", "bombing", "bombardment", "shelling", "barrage",
    "salvo", "missile", "rocket", "launch", "hit", "assault", "bomb", "explosion", "blast",
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
})

# Adverbs of habit: a clause with one describes a pattern of attacks, not a strike ("has repeatedly").
HABITUAL_WORDS: frozenset[str] = frozenset({
    "repeatedly", "frequently", "often", "regularly", "routinely", "occasionally", "sometimes",
    "periodically", "persistently", "habitually", "usually",
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
OWN_GROUND: frozenset[str] = frozenset({"territory", "soil", "land", "ground"})

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

# Head nouns after which an unknown capitalised word is probably a weapon's name ("Xyz cruise missiles").
WEAPON_HEADS: frozenset[str] = frozenset({"missile", "missiles", "rocket", "rockets", "drone", "drones",
                                          "bomber", "bombers", "uav", "uavs", "munition", "munitions"})

# Demonyms and country adjectives, for actors named by nationality ("the Russians").
DEMONYMS: dict[str, str] = {
    "iranian": "IR", "iranians": "IR", "russian": "RU", "russians": "RU", "american": "US", "americans": "US",
    "israeli": "IL", "israelis": "IL", "syrian": "SY", "syrians": "SY", "iraqi": "IQ", "iraqis": "IQ",
    "ukrainian": "UA", "ukrainians": "UA", "turkish": "TR", "saudi": "SA", "yemeni": "YE", "houthi": "YE",
    "houthis": "YE", "lebanese": "LB", "jordanian": "JO", "british": "GB", "french": "FR", "chinese": "CN",
    "north korean": "KP", "pakistani": "PK", "indian": "IN", "emirati": "AE", "qatari": "QA",
}

# Suffix words that turn a name into a facility or an area ("Xyz air base", "Xyz province").
PLACE_SUFFIXES: tuple[str, ...] = (
    "air base", "airbase", "air bases", "base", "airfield", "airport", "gas field", "oil field", "field",
    "province", "governorate", "region", "district", "city", "sea", "port", "naval base", "facility",
)
