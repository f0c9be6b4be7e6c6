"""Attribution, counts, stated ranges, denials and hedges."""

from __future__ import annotations


def test_facts_conflicting_counts_kept_side_by_side(extract):
    text = ("State television said 12 missiles were fired at the base near Erbil. "
            "The Iraqi army said 20 missiles were fired.")
    counts = [(c.value, c.claimed_by) for e in extract(text) for c in e.counts]
    assert (12, "State television") in counts
    assert (20, "The Iraqi army") in counts


def test_facts_count_qualifiers(extract):
    text = "The Pentagon said more than a dozen ballistic missiles hit the Ain al-Asad air base."
    counts = [(c.value, c.qualifier, c.claimed_by) for e in extract(text) for c in e.counts]
    assert counts == [(12, "more_than", "Pentagon")]


def test_facts_site_claimed_by_the_reporting_source(extract):
    events = extract("The drones struck a fuel depot in Sevastopol, the TASS news agency reported.")
    site = events[0].sites[0]
    assert site.claimed_by == "TASS"
    assert site.role == "impact"


def test_facts_denial_marks_the_site_and_becomes_a_claim(extract):
    text = ("Residents said a missile fell near Tabriz on Monday. "
            "The provincial governor denied the claim.")
    events = extract(text)
    tabriz = [s for e in events for s in e.sites if s.name == "Tabriz"]
    assert tabriz and tabriz[0].hedge == "denied"
    claims = [c for e in events for c in e.claims]
    assert any(c.stance == "denies" and c.claimed_by == "The provincial governor" for c in claims)


def test_facts_hedge_without_evidence(extract):
    text = "The channel claimed, without offering evidence, that rockets hit the Harir air base."
    events = extract(text)
    assert events[0].sites[0].hedge == "unconfirmed"
    assert events[0].claims[0].stance == "hedged"


def test_facts_stated_ranges_respectively(extract):
    text = ("The unit fired Fateh-110 and Zolfaghar missiles at Raqqa, with a range of 300 kilometres and "
            "700 kilometres, respectively.")
    weapons = {w.name: w for e in extract(text) for w in e.weapons}
    assert weapons["Fateh-110"].stated_range_km == 300
    assert weapons["Zolfaghar"].stated_range_km == 700
    assert weapons["Zolfaghar"].max_range_km == 700  # the catalogue figure, with its source
    assert weapons["Zolfaghar"].range_source


def test_facts_pronoun_speaker_and_media_acronym(extract):
    text = ("The Islamic Resistance in Iraq issued a statement on Sunday. It said its fighters launched "
            "drones at the Harir air base. State-run IRNA television said rockets hit Erbil.")
    claimed = {s.name: s.claimed_by for e in extract(text) for s in e.sites}
    assert claimed["Harir Air Base"] == "Islamic Resistance in Iraq"
    assert claimed["Erbil"] == "IRNA"


def test_facts_tally_put_the_number_at_is_a_count_of_its_claimer(extract):
    text = ("BAGHDAD, Jan 8, 2020 - Iran fired 15 missiles at the Ain al-Asad air base, "
            "state television said. "
            "The Iraqi military put the number at 22.")
    counts = [(c.value, c.what, c.claimed_by) for e in extract(text) for c in e.counts]
    assert (15, "missiles", "state television") in counts
    folded = [(v, w, (c or "").removeprefix("The ")) for v, w, c in counts]
    assert (22, "missiles", "Iraqi military") in folded


def test_facts_count_said_after_the_sentence_is_claimed(extract):
    text = "Rockets hit the Harir air base in Irbil. 22 missiles were fired, the Iraqi military said."
    counts = [(c.value, c.claimed_by) for e in extract(text) for c in e.counts]
    assert (22, "the Iraqi military") in counts


def test_facts_footage_is_claimed_by_whoever_broadcast_it(extract):
    text = "Footage aired by the state broadcaster showed that the drones were launched from Saada province."
    sites = [s for e in extract(text) for s in e.sites]
    assert [(s.role, s.claimed_by) for s in sites] == [("launch", "the state broadcaster")]


def test_facts_images_from_a_company_are_claimed_by_the_company(extract):
    text = "Satellite images from Planet Labs indicated the missiles were fired from Tabriz."
    sites = [s for e in extract(text) for s in e.sites]
    assert [(s.name, s.claimed_by) for s in sites] == [("Tabriz", "Planet Labs")]
