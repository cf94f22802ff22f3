"""Well-known names that are not people, organisations or places: market indexes, currencies,
programmes and laws, platforms' products, historical events.

Written by hand. The model calls "Sensex", "Medicaid" and "Brexit" organisations or places; the
entity panel files them under OTHER or EVENT.
"""

from __future__ import annotations

INDEXES = {
    "sensex", "nifty", "nifty 50", "dow", "the dow", "dow jones industrial average",
    "s&p 500", "s&p", "nasdaq composite", "ftse 100", "ftse 250", "nikkei 225", "hang seng",
    "dax", "cac 40", "kospi", "russell 2000", "stoxx 600", "euro stoxx 50", "shanghai composite",
    "topix", "asx 200", "tsx", "ibovespa", "bse sensex", "nifty50", "vix",
}  # fmt: skip
CURRENCIES = {
    "bitcoin", "ethereum", "dogecoin", "euro", "yen", "yuan", "renminbi", "rupee", "ruble",
    "rouble", "peso", "lira", "franc", "won", "rand", "naira", "hryvnia", "zloty", "forint",
    "krona", "krone", "shekel", "dirham", "riyal", "dinar", "baht", "ringgit", "rupiah",
}  # fmt: skip
PROGRAMMES = {
    "medicaid", "medicare", "obamacare", "affordable care act", "daca", "snap", "tanf",
    "nafta", "usmca", "new deal", "green new deal", "marshall plan", "paris agreement",
    "paris climate agreement", "kyoto protocol", "geneva conventions", "patriot act",
    "clean air act", "clean water act", "title ix", "roe v. wade", "first amendment",
    "second amendment", "fifth amendment", "article 50", "erasmus", "schengen",
}  # fmt: skip
EVENTS = {
    "brexit", "world war i", "world war ii", "world war one", "world war two", "cold war",
    "the cold war", "holocaust", "the holocaust", "black death", "the black death",
    "arab spring", "the arab spring", "great depression", "the great depression",
    "great recession", "the great recession", "super bowl", "world cup", "olympics",
    "olympic games", "paralympics", "wimbledon", "tour de france", "black friday",
    "cyber monday", "ramadan", "diwali", "hanukkah", "passover", "easter", "lent",
    "thanksgiving", "christmas", "new year", "lunar new year", "eid", "eid al-fitr",
    "hajj", "oscars", "the oscars", "grammys", "the grammys", "emmys", "golden globes",
    "nobel prize", "ces", "comic-con", "g7", "g20", "cop26", "cop28", "9/11",
}  # fmt: skip


def thing_kind(name: str) -> str | None:
    """ "EVENT" or "OTHER" for a well-known name that is neither person, organisation nor place."""
    key = " ".join(name.lower().replace("’", "'").split())
    if key in EVENTS:
        return "EVENT"
    if key in INDEXES or key in CURRENCIES or key in PROGRAMMES:
        return "OTHER"
    if key.endswith((" index", " indices")) and " " in key:
        return "OTHER"  # "the Philadelphia Semiconductor Index", "the Consumer Price Index"
    return None
