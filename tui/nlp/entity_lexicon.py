"""Small, generic word lists the entity resolver uses to mend what the small spaCy model gets wrong.

Nothing here names a particular article's people or places: only honorifics, role words, the nouns
that reveal a place or an event, disease names and capitalised words spaCy mistakes for names.
"""

from __future__ import annotations

import re

# spaCy's OntoNotes labels -> newstui's entity types; labels not here are never entities.
LABEL_TYPES: dict[str, str] = {
    "PERSON": "PERSON",
    "ORG": "ORGANIZATION",
    "GPE": "PLACE",
    "LOC": "PLACE",
    "FAC": "PLACE",
    "NORP": "GROUP",
    "EVENT": "EVENT",
    "LAW": "OTHER",
    "WORK_OF_ART": "OTHER",
}

# Courtesy titles kept inside a person mention ("Mr. Putin") but never in the entity's name.
HONORIFICS: frozenset[str] = frozenset(
    {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "mx", "mx.", "dr", "dr.", "prof", "prof."}
    | {"sir", "dame", "lord", "lady", "madam", "madame", "mme", "mme.", "m.", "herr", "frau"}
)

# Honours and degrees written after a person's name ("Oliver Crane KC"), never part of it.
POST_NOMINALS: frozenset[str] = frozenset(
    {"KC", "QC", "MP", "MSP", "MLA", "MPP", "MEP", "OBE", "CBE", "MBE", "KBE", "DBE", "FRS"}
    | {"PhD", "Ph.D.", "MD", "M.D.", "Esq.", "Esq", "CPA", "RN"}
)

# Titles a royal or a peer is named with when one given name follows ("Prince Andrew").
ROYAL_TITLES: frozenset[str] = frozenset(
    {"king", "queen", "prince", "princess", "emperor", "empress", "duke", "duchess", "earl"}
)

# Role words that, written before a name, are a title ("Russian President Vladimir Putin").
TITLE_WORDS: frozenset[str] = frozenset(
    {
        "president", "vice", "prime", "minister", "premier", "chancellor", "secretary", "senator",
        "sen.", "rep.", "representative", "congressman", "congresswoman", "gov.", "governor",
        "mayor", "king", "queen", "prince", "princess", "crown", "emperor", "pope", "cardinal",
        "baroness", "baron", "duke", "duchess", "earl", "countess",
        "bishop", "archbishop", "rabbi", "imam", "sheikh", "judge", "justice", "attorney", "general", "gen.",
        "lt.", "col.", "colonel", "major", "maj.", "capt.", "captain", "sgt.", "sergeant", "adm.",
        "sgt", "lt", "col", "capt", "maj", "adm", "cpl", "insp", "supt", "det", "cmdr", "pc",
        "admiral", "commander", "chief", "ceo", "cfo", "coo", "chairman", "chairwoman", "chair",
        "director", "ambassador", "envoy", "spokesman", "spokeswoman", "spokesperson", "leader",
        "speaker", "deputy", "foreign", "defence", "defense", "finance", "interior", "health",
        "economy", "head", "founder", "co-founder", "coach", "manager", "officer", "detective",
        "inspector", "constable", "professor", "economist", "analyst", "lawyer", "insider",
        "correspondent", "columnist", "contributor", "anchor", "host", "presenter",
        "candidate", "nominee", "dictator", "strongman", "opposition", "commissioner",
        "mp", "mep", "councillor", "councilor", "councilman", "councilwoman", "sheriff",
        "councilmember", "alderman", "alderwoman", "ald.", "assemblyman", "assemblywoman",
        "assemblymember", "supervisor", "superintendent", "trustee", "delegate",
        "treasurer", "executive", "editor", "author", "writer", "actor", "actress", "singer",
        "star", "rapper", "player", "striker", "goalkeeper", "quarterback", "pitcher", "former",
        "then-president", "ex-president", "acting", "interim", "incumbent", "late", "state",
        "of", "the", "for", "and", "party", "house", "senate", "white", "supreme", "court",
    }
)  # fmt: skip

# Words that alone are role words, never the name of a person or organisation.
ROLE_ONLY: frozenset[str] = frozenset(
    {
        "president", "minister", "prime minister", "premier", "chancellor", "secretary",
        "senator", "governor", "mayor", "king", "queen", "pope", "judge", "justice", "chief",
        "general", "director", "ambassador", "state", "government", "administration", "ministry",
        "sgt", "lt", "col", "gen", "capt", "cpl", "pvt", "maj", "adm", "cmdr", "det", "insp",
        "supt", "rep", "sen", "gov", "atty", "sgt.", "lt.", "col.", "gen.", "capt.", "cpl.",
        "parliament member", "cabinet", "department", "agency", "committee", "court",
        "majority leader", "minority leader", "majority whip", "minority whip", "speaker",
    }
)  # fmt: skip

# The title words that must be present for a run of capitalised words to count as a title.
TITLE_HEADS: frozenset[str] = TITLE_WORDS - {
    "of", "the", "for", "and", "former", "late", "acting", "interim", "incumbent", "vice",
    "prime", "foreign", "defence", "defense", "finance", "interior", "health", "economy",
    "party", "house", "senate", "white", "supreme", "court", "state", "opposition",
}  # fmt: skip

# "the capital of X", "the resort of X": X is a place whatever spaCy says.
PLACE_NOUNS: frozenset[str] = frozenset(
    {
        "capital", "city", "town", "village", "resort", "region", "province", "county",
        "district", "island", "islands", "port", "suburb", "neighbourhood", "neighborhood",
        "republic", "country", "state", "municipality", "enclave", "peninsula", "coast",
        "outskirts", "hamlet", "borough", "territory", "oblast", "prefecture", "canton", "area",
    }
)  # fmt: skip

# "X province", "the X area": X is a place whatever spaCy says.
PLACE_AFTER_NOUNS: frozenset[str] = frozenset(
    {"province", "region", "county", "district", "area", "valley", "oblast", "prefecture"}
)

# "the website Full Fact", "the carmaker Audi": a name right after these nouns is an organisation.
ORG_NOUNS: frozenset[str] = frozenset(
    {
        "website", "company", "firm", "newspaper", "agency", "charity", "bank", "startup",
        "broadcaster", "channel", "magazine", "carmaker", "automaker", "retailer", "airline",
        "insurer", "lender", "publisher", "network", "outlet", "club", "organisation", "journal",
        "organization", "group", "giant", "conglomerate", "manufacturer", "studio", "label",
    }
)  # fmt: skip

# "Walter Reed hospital": a name right before these nouns is an organisation's.
ORG_AFTER_NOUNS: frozenset[str] = frozenset(
    {"university", "college", "school", "museum", "foundation", "institute"}
    | {"spokesman", "spokeswoman", "spokesperson", "officials", "executives", "shares"}
    | {"shareholders", "investors", "stock", "ceo", "cfo", "subsidiary", "subsidiaries"}
    | {"headquarters", "employees", "workforce", "revenue", "revenues", "profit", "profits"}
    | {"earnings", "stores", "brands", "customers", "acquisition", "merger", "board"}
)

# "Walter Reed hospital": a name right before these nouns is a place's.
VENUE_AFTER_NOUNS: frozenset[str] = frozenset(
    {"hospital", "stadium", "arena", "airport", "hotel", "campus", "ballpark", "racetrack"}
    | {"camp", "garrison", "base", "airbase", "prison", "jail", "crossing", "checkpoint"}
    | {"refinery", "mine", "dam", "bridge", "airfield", "mosque", "church", "temple"}
    | {"cathedral", "shrine", "palace", "castle", "tunnel", "neighborhood", "neighbourhood"}
)

# A name followed by one of these nouns names an event ("the Slavic Brotherhood exercises").
EVENT_NOUNS: frozenset[str] = frozenset(
    {
        "exercise", "exercises", "drill", "drills", "war", "summit", "games", "olympics",
        "festival", "championship", "championships", "tournament", "protests", "uprising",
        "revolution", "massacre", "operation", "offensive", "marathon", "referendum",
        "disaster",
    }
)  # fmt: skip

# A name's last word, or its word before "of", that makes it an event ("World War II" is tagged by
# its "War", "the National Medal of Science" by its "Medal": awards are events).
EVENT_HEADS: frozenset[str] = frozenset(
    {
        "war", "olympics", "games", "cup", "championship", "championships", "revolution",
        "summit", "festival", "uprising", "massacre", "marathon", "expo", "referendum",
        "show", "fair", "awards", "convention", "parade", "gala", "exhibition", "open",
        "award", "prize", "prizes", "medal", "trophy", "jubilee",
    }
)  # fmt: skip

# Diseases are not organisations; spaCy often says they are.
DISEASES: frozenset[str] = frozenset(
    {
        "covid", "covid-19", "covid19", "coronavirus", "sars", "sars-cov-2", "mers", "ebola",
        "hiv", "aids", "hiv/aids", "zika", "mpox", "monkeypox", "h1n1", "h5n1", "influenza",
        "omicron", "measles", "cholera", "malaria", "polio", "dengue", "tuberculosis",
    }
)  # fmt: skip

# A name ending in one of these is a disease ("Eastern Equine Encephalitis", "Lassa Fever").
DISEASE_HEADS: frozenset[str] = frozenset(
    {"fever", "flu", "syndrome", "disease", "virus", "plague", "pox", "encephalopathy"}
)

# Generic words that extend a place's name without making it another place.
PLACE_SUFFIXES: frozenset[str] = frozenset(
    {"autonomous", "region", "province", "county", "city", "state", "oblast", "district"}
    | {"republic", "prefecture", "governorate", "municipality", "territory"}
)

# Nouns that, right after a name, show it is a disease ("the COVID-19 pandemic").
DISEASE_NOUNS: frozenset[str] = frozenset(
    {
        "pandemic", "epidemic", "outbreak", "virus", "vaccine", "vaccines", "vaccination",
        "infection", "infections", "variant", "symptoms", "patients", "lockdown", "lockdowns",
    }
)  # fmt: skip

# Capitalised words the small model tags as names although they are not.
NOT_NAMES: frozenset[str] = frozenset(
    {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
        "sep", "sept", "oct", "nov", "dec", "today", "yesterday", "tomorrow",
        "west", "east", "north", "south", "western", "eastern", "northern", "southern",
        "central", "the west", "the east", "photo", "video", "advertisement", "getty",
        "read more", "subscribe", "share", "comments", "comment", "facebook twitter",
        "god", "internet", "web", "online", "covid", "twitter facebook", "editor", "reporter",
        "reporting", "mr", "mrs", "ms", "dr", "ok", "okay", "tv", "am", "pm", "a.m.", "p.m.",
    }
)  # fmt: skip

# Technical terms written in capitals that the model takes for firms ("HDR", "LAN", "GPU").
TECH_TERMS: frozenset[str] = frozenset(
    {
        "hdr", "lan", "usb", "hdmi", "gpu", "gpus", "cpu", "cpus", "ssd", "oled", "lcd", "lte",
        "vpn", "api", "apis", "nfc", "gps", "ram", "wi-fi", "wifi", "led", "leds", "4k", "8k",
        "5g", "4g", "3g", "ui", "ux", "saas", "nft", "nfts", "ev", "evs", "suv", "suvs", "dna",
        "rna", "pdf", "sms", "url", "html", "faq", "diy", "atm", "atms", "ceo", "cfo",
    }
)  # fmt: skip

# Stat columns and injuries a sports page writes in capitals ("2 TD, 1 INT", "a torn ACL").
SPORTS_TERMS: frozenset[str] = frozenset(
    {
        "td", "tds", "int", "ints", "tfl", "yds", "att", "comp", "pct", "reb", "ast", "stl",
        "blk", "pts", "fg", "fgs", "ft", "rbi", "rbis", "hr", "obp", "ops", "whip", "era", "ip",
        "xp", "pat", "acl", "mcl", "pcl", "achilles", "mvp", "ot", "ko", "tko", "var",
    }
)  # fmt: skip

# A party's members, named as a body: the party itself ("Democrats won the House").
PARTY_MEMBERS: frozenset[str] = frozenset(
    {
        "democrats", "republicans", "tories", "conservatives", "labour", "liberal democrats",
        "lib dems", "greens", "social democrats", "christian democrats", "socialists",
        "communists", "liberals", "new democrats", "dems", "gop",
    }
)  # fmt: skip

# Leading words that are not part of a name.
ARTICLES: frozenset[str] = frozenset({"the", "a", "an"})

# Lowercase words skipped when reading an acronym off a name ("Union of Soviet Socialist ...").
ACRONYM_SKIP: frozenset[str] = frozenset({"of", "the", "and", "for", "on", "in", "de", "du", "&"})

# Lowercase words that belong inside names ("Council for Foreign and Defense Policy", "Ludwig van").
NAME_PARTICLES: frozenset[str] = frozenset(
    {
        "of", "the", "and", "for", "on", "in", "at", "to", "upon", "&", "de", "du", "des", "del",
        "della", "la", "le", "les", "los", "las", "von", "van", "der", "den", "da", "do", "dos",
        "di", "al", "el", "bin", "ibn", "bint", "y", "e", "zu", "ter", "ben", "st.", "and/or",
        "a", "an",  # "Neighbors for a Livable Waterfront"
    }
)  # fmt: skip

# Platforms the small model often takes for people or places.
PLATFORMS: frozenset[str] = frozenset(
    {
        "twitter", "facebook", "instagram", "youtube", "tiktok", "whatsapp", "linkedin",
        "reddit", "snapchat", "telegram", "wikipedia", "netflix", "spotify", "tumblr",
        "twitch", "discord", "weibo", "wechat", "bluesky", "mastodon",
    }
)  # fmt: skip

# Provinces and states as news writes them after a town: "Gander, N.L.", "Dayton, Ohio".
REGION_ABBREVIATIONS: frozenset[str] = frozenset(
    {
        "n.s.", "b.c.", "ont.", "que.", "alta.", "sask.", "man.", "n.b.", "n.l.", "p.e.i.",
        "nfld.", "y.t.", "n.w.t.", "ala.", "ariz.", "ark.", "calif.", "colo.", "conn.", "del.",
        "fla.", "ga.", "ill.", "ind.", "kan.", "kans.", "ky.", "la.", "md.", "mass.", "mich.",
        "minn.", "miss.", "mo.", "mont.", "neb.", "nev.", "n.h.", "n.j.", "n.m.", "n.y.",
        "n.c.", "n.d.", "okla.", "ore.", "pa.", "r.i.", "s.c.", "s.d.", "tenn.", "vt.", "va.",
        "wash.", "w.va.", "wis.", "wyo.", "d.c.",
    }
)  # fmt: skip
REGION_NAMES: frozenset[str] = frozenset(
    {
        "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut",
        "delaware", "florida", "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa",
        "kansas", "kentucky", "louisiana", "maine", "maryland", "massachusetts", "michigan",
        "minnesota", "mississippi", "missouri", "montana", "nebraska", "nevada", "ohio",
        "oklahoma", "oregon", "pennsylvania", "tennessee", "texas", "utah", "vermont",
        "virginia", "washington", "wisconsin", "wyoming", "ontario", "quebec", "alberta",
        "saskatchewan", "manitoba", "yukon", "nunavut", "england", "scotland", "wales",
        "new york", "new jersey", "new mexico", "new hampshire", "north carolina",
        "south carolina", "north dakota", "south dakota", "west virginia", "rhode island",
        "british columbia", "nova scotia", "new brunswick", "newfoundland", "labrador",
        "prince edward island", "northern ireland",
    }
)  # fmt: skip

# A name's last word that makes it a place ("Corran Falls", "Main Street").
PLACE_LAST_WORDS: frozenset[str] = frozenset(
    {
        "falls", "creek", "bay", "harbour", "harbor", "lake", "lakes", "river", "island",
        "isle", "mountain", "mountains", "hills", "springs", "beach", "cove", "heights",
        "valley", "landing", "junction", "inlet", "fjord", "peninsula", "glacier", "canyon",
        "street", "road", "avenue", "lane", "highway", "boulevard", "drive", "square",
        "crescent", "county", "township", "parish", "village", "city", "town", "st.", "rd.",
        "ave.", "blvd.", "hwy.", "shoal", "reef", "atoll", "strait", "straits", "gulf",
        "archipelago", "islands", "plateau", "desert", "marsh", "lagoon", "volcano", "gorge",
        "point", "ridge", "pier", "wharf", "quay", "bridge",
    }
)  # fmt: skip

# A name's first word that makes it a place ("Port Alberni", "Fort McMurray", "Mount Pearl").
PLACE_FIRST_WORDS: frozenset[str] = frozenset(
    {"port", "fort", "ft.", "mount", "mt.", "lake", "cape", "isle", "glen", "point", "rue"}
    | {"avenida", "calle", "piazza", "boulevard", "plaza", "praça", "platz"}
)

# A one-word name with one of these endings is likely a town ("Brantville", "Kingston").
PLACE_ENDINGS: tuple[str, ...] = (
    "ville", "burg", "bourg", "borough", "boro", "mouth", "minster", "chester", "caster",
    "wick", "ton", "haven", "stead", "shire", "field", "bury",
)  # fmt: skip

# A name's last word that makes it an organisation ("Saltspray Air", "Vreeland Holdings").
# A firm's legal suffix ("Quillon Inc."), which a story drops after the first mention.
FIRM_SUFFIXES = frozenset(
    {"inc", "inc.", "ltd", "ltd.", "limited", "corp", "corp.", "llc", "llp", "plc", "co.", "gmbh"}
)
ORG_LAST_WORDS: frozenset[str] = frozenset(
    {
        "air", "airlines", "airline", "airways", "inc", "inc.", "ltd", "ltd.", "limited",
        "corp", "corp.", "corporation", "co", "co.", "llc", "llp", "plc", "gmbh", "ag", "sa", "group",
        "holdings", "bank", "council", "union", "agency", "service", "services", "university",
        "college", "ferries", "marine", "capital", "trust", "association", "society",
        "committee", "commission", "board", "ministry", "department", "league", "club",
        "institute", "foundation", "partners", "terminals", "energy", "industries", "systems",
        "technologies", "media", "press", "party", "police", "authority", "fund", "network",
        "hospital", "school", "library", "church", "federation", "alliance", "coalition",
        "cooperative", "co-op", "brands", "motors", "pharmaceuticals", "railway",
        "railways", "shipping", "logistics", "mining", "resources", "ventures", "bancorp",
        "assembly", "senate", "legislature", "parliament", "delegates", "representatives",
        "athletic", "legion", "journal", "newsroom", "united", "rovers", "wanderers", "fc", "office",
        "securities", "works", "interactive", "studios", "studio", "entertainment", "pictures",
        "labs", "lab", "laboratory", "laboratories", "records", "financial", "insurance", "investments", "bancshares", "telecom", "elementary",
        "academy", "tribunal", "international",
    }
)  # fmt: skip

# A name's last word that makes it a venue, which the entity panel files as a place ("Staples
# Center", "Heinz Field"); "center" only after one proper name ("Goddard Space Flight Center" and
# "Medical Center" are institutions).
VENUE_LAST_WORDS: frozenset[str] = frozenset(
    {
        "arena", "stadium", "coliseum", "colosseum", "dome", "field", "park", "garden",
        "gardens", "ballpark", "speedway", "raceway", "amphitheater", "amphitheatre", "theater",
        "theatre", "observatory", "hotel", "mall", "plaza", "pavilion", "auditorium", "center",
        "centre", "velodrome", "racecourse", "building", "tower", "towers", "airport",
    }
)  # fmt: skip
# A centre that is a hall for events, whatever comes before it ("Fort Smith Convention Center").
VENUE_CENTER_KINDS: frozenset[str] = frozenset(
    {"convention", "conference", "exhibition", "events", "event", "civic", "expo", "congress"}
    | {"community", "recreation", "senior", "aquatic", "aquatics", "visitor", "visitors", "youth"}
)
INSTITUTION_WORDS: frozenset[str] = frozenset(
    {
        "medical", "research", "cancer", "data", "science", "space", "policy", "trade", "health",
        "community", "service", "services", "call", "information", "resource", "learning",
        "education", "training", "development", "innovation", "technology", "legal", "law",
        "children's", "women's", "treatment", "rehabilitation", "detention", "command",
    }
)  # fmt: skip

# Prepositions before a name that suggest a place ("in Kiel", "flights to Halifax").
PLACE_PREPOSITIONS: frozenset[str] = frozenset(
    {"in", "at", "near", "around", "outside", "from", "to", "into", "across", "throughout"}
    | {"toward", "towards", "via", "inside", "within"}
)

# "residents of X", "the mayor of X": nouns whose "of" introduces a place.
PLACE_OF_NOUNS: frozenset[str] = PLACE_NOUNS | frozenset(
    {
        "residents", "mayor", "neighbourhoods", "neighborhoods", "communities", "community",
        "cities", "towns", "villages", "suburbs", "streets", "people", "citizens", "shores",
        "waters", "north", "south", "east", "west", "northeast", "northwest", "southeast",
        "southwest", "kilometres", "kilometers", "miles", "premier", "governor",
    }
)  # fmt: skip

# What a number names the body of: "9th Congressional District", "2nd U.S. Circuit", "82nd Airborne".
NUMBERED_BODY = re.compile(
    r"(?:U\.S\.\s+)?(?:Congressional\s+District|Circuit|District|Precinct|Ward|Division|Fleet|"
    r"Army|Battalion|Regiment|Brigade|Infantry|Airborne|Marine)\b"
)
