"""Sports teams and leagues: the major North American leagues' clubs, Europe's best-known football
clubs, and the leagues and conferences sports pages name.

Written by hand from the leagues' own member lists. A team is known by its nickname ("Steelers")
and by its full name ("Pittsburgh Steelers"); the city alone ("Pittsburgh") is left to context,
since it is as often the city as the club.
"""

from __future__ import annotations

from functools import cache

# Nickname -> home of each club (NFL, NBA, MLB, NHL, MLS, WNBA).
NICKNAMES: dict[str, tuple[str, ...]] = {
    # NFL
    "cardinals": ("arizona", "st. louis"), "falcons": ("atlanta",), "ravens": ("baltimore",),
    "bills": ("buffalo",), "panthers": ("carolina", "florida"), "bears": ("chicago",),
    "bengals": ("cincinnati",), "browns": ("cleveland",), "cowboys": ("dallas",),
    "broncos": ("denver",), "lions": ("detroit",), "packers": ("green bay",),
    "texans": ("houston",), "colts": ("indianapolis",), "jaguars": ("jacksonville",),
    "chiefs": ("kansas city",), "raiders": ("las vegas", "oakland"),
    "chargers": ("los angeles", "san diego"), "rams": ("los angeles", "st. louis"),
    "dolphins": ("miami",), "vikings": ("minnesota",), "patriots": ("new england",),
    "saints": ("new orleans",), "giants": ("new york", "san francisco"), "jets": ("new york", "winnipeg"),
    "eagles": ("philadelphia",), "steelers": ("pittsburgh",), "49ers": ("san francisco",),
    "seahawks": ("seattle",), "buccaneers": ("tampa bay",), "titans": ("tennessee",),
    "commanders": ("washington",), "redskins": ("washington",),
    # NBA
    "hawks": ("atlanta",), "celtics": ("boston",), "nets": ("brooklyn", "new jersey"),
    "hornets": ("charlotte",), "bulls": ("chicago",), "cavaliers": ("cleveland",),
    "mavericks": ("dallas",), "nuggets": ("denver",), "pistons": ("detroit",),
    "warriors": ("golden state",), "rockets": ("houston",), "pacers": ("indiana",),
    "clippers": ("los angeles",), "lakers": ("los angeles",), "grizzlies": ("memphis",),
    "heat": ("miami",), "bucks": ("milwaukee",), "timberwolves": ("minnesota",),
    "pelicans": ("new orleans",), "knicks": ("new york",), "thunder": ("oklahoma city",),
    "magic": ("orlando",), "76ers": ("philadelphia",), "sixers": ("philadelphia",),
    "suns": ("phoenix",), "trail blazers": ("portland",), "blazers": ("portland",),
    "kings": ("sacramento", "los angeles"), "spurs": ("san antonio", "tottenham"),
    "raptors": ("toronto",), "jazz": ("utah",), "wizards": ("washington",),
    # MLB
    "diamondbacks": ("arizona",), "braves": ("atlanta",), "orioles": ("baltimore",),
    "red sox": ("boston",), "cubs": ("chicago",), "white sox": ("chicago",),
    "reds": ("cincinnati",), "guardians": ("cleveland",), "indians": ("cleveland",),
    "rockies": ("colorado",), "tigers": ("detroit",), "astros": ("houston",),
    "royals": ("kansas city",), "angels": ("los angeles",), "dodgers": ("los angeles",),
    "marlins": ("miami", "florida"), "brewers": ("milwaukee",), "twins": ("minnesota",),
    "mets": ("new york",), "yankees": ("new york",), "athletics": ("oakland",),
    "phillies": ("philadelphia",), "pirates": ("pittsburgh",), "padres": ("san diego",),
    "mariners": ("seattle",), "rays": ("tampa bay",), "rangers": ("texas", "new york"),
    "blue jays": ("toronto",), "nationals": ("washington",), "expos": ("montreal",),
    # NHL
    "ducks": ("anaheim",), "coyotes": ("arizona",), "bruins": ("boston",), "sabres": ("buffalo",),
    "flames": ("calgary",), "hurricanes": ("carolina",), "blackhawks": ("chicago",),
    "avalanche": ("colorado",), "blue jackets": ("columbus",), "stars": ("dallas",),
    "red wings": ("detroit",), "oilers": ("edmonton",), "wild": ("minnesota",),
    "canadiens": ("montreal",), "predators": ("nashville",), "devils": ("new jersey",),
    "islanders": ("new york",), "senators": ("ottawa",), "flyers": ("philadelphia",),
    "penguins": ("pittsburgh",), "sharks": ("san jose",), "kraken": ("seattle",),
    "blues": ("st. louis",), "lightning": ("tampa bay",), "maple leafs": ("toronto",),
    "canucks": ("vancouver",), "golden knights": ("vegas",), "capitals": ("washington",),
    # MLS and WNBA
    "galaxy": ("los angeles",), "sounders": ("seattle",), "timbers": ("portland",),
    "whitecaps": ("vancouver",), "earthquakes": ("san jose",), "crew": ("columbus",),
    "union": ("philadelphia",), "revolution": ("new england",), "fire": ("chicago",),
    "dynamo": ("houston",), "aces": ("las vegas",), "liberty": ("new york",),
    "sparks": ("los angeles",), "mercury": ("phoenix",), "storm": ("seattle",),
    "lynx": ("minnesota",), "mystics": ("washington",), "fever": ("indiana",),
    "sky": ("chicago",), "dream": ("atlanta",), "sun": ("connecticut",),
}  # fmt: skip

# Nicknames that are everyday words too: they count only with their home before them
# ("Miami Heat") or in a story that is about sport.
COMMON_WORD_NICKNAMES = frozenset(
    {
        "heat", "magic", "jazz", "thunder", "kings", "wild", "stars", "lightning", "fire",
        "union", "revolution", "sky", "sun", "storm", "fever", "dream", "liberty", "mercury",
        "crew", "galaxy", "giants", "saints", "angels", "twins", "reds", "blues", "spurs",
        "senators", "nationals", "athletics", "indians", "cardinals", "lions", "tigers", "bears",
        "eagles", "rangers", "royals", "bills", "chiefs", "jets", "suns", "nets", "devils",
        "pirates", "ducks", "sharks", "titans", "warriors", "raiders", "patriots",
        "panthers", "dolphins", "rockets", "hawks", "bulls", "pacers", "bucks", "capitals",
        "islanders", "flames", "hurricanes", "predators", "penguins", "avalanche", "aces",
        "sparks", "lynx", "guardians", "mariners", "rays", "commanders", "vikings", "cowboys",
    }
)  # fmt: skip

# Football (soccer) clubs known by a name that is not a city's alone.
CLUBS = {
    "arsenal", "chelsea", "liverpool fc", "manchester united", "man united", "man utd",
    "manchester city", "man city", "tottenham", "tottenham hotspur", "everton", "aston villa",
    "newcastle united", "west ham", "west ham united", "leicester city", "leeds united",
    "wolverhampton wanderers", "wolves", "crystal palace", "southampton fc", "brighton",
    "real madrid", "atletico madrid", "atlético madrid", "fc barcelona", "barca", "barça",
    "sevilla fc", "valencia cf", "bayern munich", "bayern", "borussia dortmund", "dortmund",
    "rb leipzig", "bayer leverkusen", "schalke", "juventus", "juve", "inter milan", "ac milan",
    "inter", "as roma", "lazio", "napoli", "paris saint-germain", "psg", "olympique de marseille",
    "olympique lyonnais", "ajax", "psv", "feyenoord", "benfica", "porto", "fc porto",
    "sporting lisbon", "celtic", "rangers fc", "galatasaray", "fenerbahce", "besiktas",
    "boca juniors", "river plate", "flamengo", "santos", "corinthians", "palmeiras",
}  # fmt: skip

# Leagues, conferences and governing bodies.
LEAGUES = {
    "nfl", "nba", "mlb", "nhl", "mls", "wnba", "ncaa", "afc", "nfc", "nfl network",
    "big ten", "big 12", "big east", "pac-12", "sec", "acc", "mountain west", "big sky",
    "mid-american conference", "mac", "conference usa", "sun belt", "american athletic conference",
    "southeastern conference", "atlantic coast conference", "ivy league", "fifa", "uefa",
    "ioc", "premier league", "la liga", "bundesliga", "serie a", "ligue 1", "champions league",
    "europa league", "pga tour", "lpga", "atp", "wta", "nascar", "formula one", "f1", "ufc",
    "wwe", "major league baseball", "national football league", "national basketball association",
    "national hockey league", "major league soccer", "american league", "national league",
    "eastern conference", "western conference", "national collegiate athletic association",
    "international olympic committee", "world anti-doping agency", "wada", "icc",
}  # fmt: skip


@cache
def _full_names() -> frozenset[str]:
    return frozenset(
        f"{home} {nickname}" for nickname, homes in NICKNAMES.items() for home in homes
    )


def team_kind(name: str) -> str | None:
    """ "team" for a club's nickname or full name, "league" for a league or conference, else None."""
    key = " ".join(name.lower().replace("’", "'").split())
    if key.startswith("the "):
        key = key[4:]
    if key in LEAGUES:
        return "league"
    if key in CLUBS or key in _full_names():
        return "team"
    if key in NICKNAMES and key not in COMMON_WORD_NICKNAMES:
        return "team"
    return None


def is_nickname(word: str) -> bool:
    """True for a club's nickname, even one that is also an everyday word ("Thunder")."""
    return " ".join(word.lower().split()) in NICKNAMES
