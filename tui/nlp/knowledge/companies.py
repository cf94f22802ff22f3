"""Companies every news reader knows: the largest listed firms, banks, carmakers, tech and consumer
brands, and those named after people or places ("Morgan Stanley", "Dow Chemical").

Written by hand from general knowledge of the world's best-known firms. The model takes
"Morgan Stanley" and "Goldman Sachs" for people and "Wells Fargo" for a place.
"""

from __future__ import annotations

import unicodedata

COMPANIES = {
    # tech and media
    "apple", "google", "alphabet", "microsoft", "amazon", "meta", "facebook", "netflix",
    "uber", "lyft", "airbnb", "doordash", "spotify", "twitter", "snap", "pinterest", "reddit",
    "bytedance", "tencent", "alibaba", "baidu", "huawei", "xiaomi", "samsung", "lg", "sony",
    "panasonic", "toshiba", "nintendo", "intel", "amd", "nvidia", "qualcomm", "ibm", "oracle",
    "cisco", "salesforce", "adobe", "sap", "hp", "hewlett-packard", "dell", "lenovo", "yahoo",
    "ebay", "paypal", "zoom", "slack", "dropbox", "openai", "anthropic", "deepmind", "tiktok",
    "youtube", "instagram", "whatsapp", "linkedin", "wework", "softbank", "arm", "asml", "tsmc",
    "foxconn", "spacex", "blue origin", "stripe", "palantir", "robinhood", "coinbase",
    "shopify", "twitch", "discord", "roblox", "biontech", "activision", "activision blizzard", "electronic arts", "take-two", "valve",
    "epic games", "warner bros.", "warner bros", "walt disney", "disney", "comcast",
    "paramount", "viacom", "hulu", "verizon", "at&t", "t-mobile", "vodafone", "telefonica",
    # cars and industry
    "toyota", "honda", "nissan", "hyundai", "kia", "volkswagen", "bmw", "audi", "porsche",
    "mercedes-benz", "daimler", "general motors", "ford", "ford motor", "chrysler", "stellantis",
    "fiat", "renault", "peugeot", "volvo", "tesla", "ferrari", "lamborghini", "rolls-royce",
    "harley-davidson", "boeing", "airbus", "lockheed martin", "raytheon", "general electric",
    "northrop grumman", "general dynamics", "l3harris", "bae systems", "leidos",
    "united launch alliance", "siemens", "bosch", "philips", "nokia", "ericsson", "caterpillar", "3m", "honeywell",
    "dow chemical", "dupont", "basf", "bayer", "exxon", "exxonmobil", "chevron", "shell",
    "royal dutch shell", "bp", "totalenergies", "saudi aramco", "aramco", "gazprom", "rosneft",
    "pg&e", "duke energy",
    # finance
    "morgan stanley", "goldman sachs", "jpmorgan", "jpmorgan chase", "j.p. morgan",
    "charles schwab", "wells fargo", "merrill lynch", "lehman brothers", "bear stearns",
    "citigroup", "citi", "bank of america", "hsbc", "barclays", "lloyds", "ubs",
    "credit suisse", "deutsche bank", "bnp paribas", "santander", "blackrock", "vanguard",
    "fidelity", "berkshire hathaway", "american express", "visa", "mastercard", "nomura",
    "ernst & young", "deloitte", "kpmg", "pwc", "pricewaterhousecoopers", "mckinsey",
    "moody's", "fitch", "standard & poor's", "nasdaq", "new york stock exchange", "nyse",
    # consumer
    "walmart", "costco", "target", "best buy", "home depot", "lowe's", "kroger", "walgreens", "cvs",
    "macy's", "nordstrom", "kohl's", "sears", "ikea", "h&m", "zara", "inditex", "nike",
    "adidas", "puma", "under armour", "starbucks", "mcdonald's", "burger king", "wendy's",
    "kfc", "coca-cola", "pepsico", "pepsi", "nestle", "nestlé", "unilever", "procter & gamble",
    "johnson & johnson", "kellogg's", "kraft heinz", "heinz", "hershey", "danone",
    "l'oreal", "l'oréal", "estee lauder", "coty", "chanel", "dior", "gucci", "prada",
    "louis vuitton", "lvmh", "hermes", "hermès", "ralph lauren", "calvin klein",
    "tommy hilfiger", "marks & spencer", "tesco", "sainsbury's", "carrefour", "aldi", "lidl",
    "pfizer", "moderna", "merck", "eli lilly", "bristol-myers squibb", "abbott",
    "astrazeneca", "glaxosmithkline", "gsk", "novartis", "roche", "sanofi",
    "hilton", "marriott", "expedia", "booking.com", "delta", "delta air lines",
    "american airlines", "united airlines", "southwest airlines", "lufthansa", "ryanair",
    "easyjet", "british airways", "air france", "emirates", "qantas", "fedex", "ups", "dhl",
}  # fmt: skip


def _fold(name: str) -> str:
    """Lower case, single spaces, no accents: "Estée Lauder" -> "estee lauder"."""
    decomposed = unicodedata.normalize("NFKD", name.lower().replace("’", "'"))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


_FOLDED = frozenset(_fold(n) for n in COMPANIES)


def is_company(name: str) -> bool:
    """True for a well-known company's name, with or without "The", "Inc." and accents."""
    key = _fold(name)
    key = key.removeprefix("the ")
    for suffix in (" inc.", " inc", " corp.", " corp", " co.", " plc", " ltd", " ltd."):
        key = key.removesuffix(suffix)
    return key in _FOLDED


def is_known_name(name: str) -> bool:
    """True for a company's or a news outlet's name ("Lowe's", "Barron's", "Tom's Guide")."""
    from tui.nlp.knowledge.outlets import is_outlet

    return is_company(name) or is_outlet(name)


def is_known_org(name: str) -> bool:
    """True for a company, a news outlet, a public body, a league or a club."""
    from tui.nlp.knowledge.bodies import is_body
    from tui.nlp.knowledge.teams import team_kind

    return is_known_name(name) or is_body(name) or team_kind(name) is not None
