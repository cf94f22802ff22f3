"""Public bodies and international organisations news names every day: agencies, central banks,
courts, alliances, charities.

Written by hand. The model splits "Immigration and Customs Enforcement" at its "and" and calls
"Interpol" a place; a known body is one organisation.
"""

from __future__ import annotations

BODIES = {
    # United States
    "fbi", "cia", "nsa", "ice", "immigration and customs enforcement",
    "customs and border protection", "u.s. customs and border protection",
    "food and drug administration", "fda", "environmental protection agency", "epa",
    "securities and exchange commission", "sec", "federal reserve", "the fed",
    "internal revenue service", "irs", "department of justice", "justice department",
    "state department", "department of state", "department of defense", "defense department",
    "pentagon", "department of homeland security", "homeland security",
    "department of health and human services", "centers for disease control and prevention",
    "cdc", "national institutes of health", "nih", "federal aviation administration", "faa",
    "national transportation safety board", "ntsb", "federal communications commission",
    "fcc", "federal trade commission", "ftc", "drug enforcement administration", "dea",
    "bureau of alcohol, tobacco, firearms and explosives", "atf", "secret service",
    "u.s. secret service", "national guard", "coast guard", "u.s. coast guard",
    "supreme court", "u.s. supreme court", "congress", "senate", "house of representatives",
    "house", "parliament", "bundestag", "duma", "knesset",
    "white house", "nasa", "national weather service", "national hurricane center",
    "federal emergency management agency", "fema", "social security administration",
    "postal service", "u.s. postal service", "census bureau", "labor department",
    "commerce department", "treasury department", "energy department", "army corps of engineers",
    # international
    "united nations", "u.n.", "un security council", "u.n. security council",
    "security council", "general assembly", "european union", "eu", "european commission",
    "european parliament", "european central bank", "ecb", "nato", "world bank",
    "international monetary fund", "imf", "world health organization", "who",
    "world trade organization", "wto", "opec", "interpol", "europol", "red cross",
    "international committee of the red cross", "red crescent", "amnesty international",
    "human rights watch", "greenpeace", "doctors without borders", "medecins sans frontieres",
    "unicef", "unesco", "unhcr", "world food programme", "international criminal court",
    "icc", "international court of justice", "african union", "arab league", "asean",
    "bank of england", "bank of japan", "people's bank of china", "reserve bank of india",
    "bundesbank", "kremlin", "downing street", "elysee", "élysée", "politburo",
    # United Kingdom
    "nhs", "national health service", "home office", "foreign office", "treasury",
    "hm treasury", "ministry of defence", "mod", "house of commons", "house of lords",
    "metropolitan police", "met police", "scotland yard", "ofcom", "ofgem", "ofsted",
    "bbc trust", "crown prosecution service", "cps", "electoral commission",
}  # fmt: skip


def is_body(name: str) -> bool:
    """True for a known public body or international organisation ("the FBI", "Interpol")."""
    key = " ".join(name.lower().replace("’", "'").split()).removeprefix("the ")
    return key in BODIES
