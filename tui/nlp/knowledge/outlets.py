"""News outlets: wire services, broadcasters, newspapers, magazines and news sites.

Written by hand. Beyond the list, a name that ends in a newspaper's word ("Kansas City Star",
"Hartford Courant") is an outlet, and so is "The X" when X is written that way mid-sentence.
"""

from __future__ import annotations

# The last word of many newspapers' and magazines' names.
MASTHEAD_WORDS = frozenset(
    {
        "times", "post", "herald", "tribune", "journal", "courant", "gazette", "chronicle",
        "inquirer", "observer", "examiner", "star", "bee", "globe", "register", "reporter",
        "telegraph", "guardian", "independent", "mirror", "express", "standard", "dispatch",
        "sentinel", "enquirer", "democrat", "advocate", "argus", "beacon", "bulletin",
        "courier", "daily", "leader", "ledger", "monitor", "news", "oregonian", "plain dealer",
        "press", "record", "republican", "review", "statesman", "tennessean", "post-gazette",
        "star-tribune", "star-ledger", "magazine", "weekly", "today",
    }
)  # fmt: skip

OUTLETS = {
    "reuters", "associated press", "ap", "afp", "agence france-presse", "bloomberg",
    "bloomberg news", "dow jones", "upi", "tass", "xinhua", "kyodo", "yonhap", "interfax",
    "ria novosti", "anadolu", "efe", "ansa", "dpa", "pti", "press trust of india",
    "cnn", "bbc", "bbc news", "npr", "pbs", "fox news", "msnbc", "cnbc", "abc", "abc news",
    "cbs", "cbs news", "nbc", "nbc news", "espn", "al jazeera", "sky news", "itv", "channel 4",
    "c-span", "cbc", "cbc news", "ctv", "rt", "france 24", "deutsche welle", "euronews",
    "politico", "axios", "the verge", "wired", "engadget", "techcrunch", "ars technica",
    "gizmodo", "mashable", "buzzfeed", "buzzfeed news", "vox", "huffpost", "huffington post",
    "slate", "salon", "vice", "vice news", "the atlantic", "the new yorker",
    "newsweek", "forbes", "fortune", "the economist", "financial times", "the guardian",
    "the independent", "the telegraph", "daily mail", "the sun", "the times", "usa today",
    "the new york times", "new york times", "the washington post", "washington post",
    "the wall street journal", "wall street journal", "los angeles times", "chicago tribune",
    "the boston globe", "boston globe", "the hill", "the daily beast", "daily beast",
    "the intercept", "propublica", "business insider", "insider",
    "marketwatch", "barron's", "thestreet", "seeking alpha", "yahoo news",
    "yahoo finance", "google news", "apple news", "the hollywood reporter",
    "rolling stone", "billboard", "pitchfork", "tmz", "e! news",
    "cnet", "zdnet", "the register", "venturebeat", "recode", "9to5mac", "macrumors",
    "the next web", "tom's guide", "tom's hardware", "pc world", "pcworld", "pcmag",
    "ign", "polygon", "kotaku", "gamespot", "eurogamer", "space.com", "live science",
    "scientific american", "nature", "new scientist", "national geographic",
    "the lancet", "new england journal of medicine", "jama",
    "the globe and mail", "toronto star", "national post", "le monde", "le figaro",
    "der spiegel", "spiegel", "die zeit", "el país", "el pais", "corriere della sera",
    "la repubblica", "the irish times", "the scotsman", "the age", "sydney morning herald",
    "the australian", "south china morning post", "the japan times", "nikkei", "asahi shimbun",
    "the hindu", "times of india", "hindustan times", "haaretz", "the jerusalem post",
    "times of israel", "al arabiya", "gulf news", "mail & guardian", "the moscow times",
    "kyiv independent", "meduza", "novaya gazeta", "radio free europe", "rfe/rl",
    "voice of america", "the christian science monitor", "christian science monitor",
    "the washington times", "washington examiner", "the washington examiner",
    "national review", "mother jones", "the new republic",
    "breitbart", "the federalist", "daily caller", "the daily caller", "newsmax", "oan",
    "the guardian us", "sfgate", "the sacramento bee", "miami herald", "the miami herald",
    "the denver post", "the seattle times", "the dallas morning news", "houston chronicle",
    "the philadelphia inquirer", "the atlanta journal-constitution", "star tribune",
    "the detroit news", "detroit free press", "the oregonian", "the arizona republic",
    "the san francisco chronicle", "san francisco chronicle", "the star-ledger", "newsday",
    "new york post", "the new york post", "new york daily news", "daily news", "the onion",
    "vanity fair", "variety", "deadline", "vogue", "gq", "esquire", "harper's bazaar",
    "entertainment weekly", "indiewire", "the wrap", "the athletic", "sports illustrated",
    "the ringer", "bleacher report", "yahoo sports", "cbs sports", "nbc sports", "fox sports",
    "sky sports", "bt sport", "the sporting news", "quartz", "the information", "semafor",
    "evening standard", "daily express", "daily mirror", "daily star", "the mirror",
    "daily telegraph", "the daily telegraph", "the observer", "the spectator", "new statesman",
    "the sunday times", "mail on sunday", "the mail on sunday", "i news", "the scottish sun",
}  # fmt: skip


def is_outlet(name: str, the_written: bool = True) -> bool:
    """True for a listed outlet's name, with or without its "The".

    With `the_written` False, a one-word name whose outlet is "The X" ("Hindu") does not count:
    without its "The" it is usually the ordinary word.
    """
    key = " ".join(name.lower().replace("’", "'").split())
    if key in OUTLETS or key.removeprefix("the ") in OUTLETS:
        return True
    return f"the {key}" in OUTLETS and (the_written or " " in key)


def has_masthead_word(words: list[str]) -> bool:
    """True for a name of two words or more that ends like a newspaper's ("Hartford Courant")."""
    return len(words) >= 2 and words[-1].lower().replace("’", "'") in MASTHEAD_WORDS


def takes_the(name: str) -> bool:
    """True for an outlet whose name starts with "The" ("Hill" -> "The Hill")."""
    return "the " + " ".join(name.lower().replace("’", "'").split()) in OUTLETS
