"""Type evidence from what newstui knows of the world, and from how sports pages use place names.

A name the knowledge tables hold (a country, a city, a club, a newspaper, a given name) votes for
its type with the weight of a clear context cue; a name the tables do not hold votes nothing. On a
sports page a place's name is often the club ("Eastern Michigan rolled past Northern Illinois,
45-17"): the words around each mention decide, mention by mention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tui.nlp.doc_text import text_of
from tui.nlp.entity_cues import POSTAL_CODES, Votes, name_shape_votes
from tui.nlp.entity_lexicon import PLATFORMS, VENUE_LAST_WORDS
from tui.nlp.knowledge import bodies, companies, outlets, people, places, teams, things

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

KNOWN_WEIGHT = 3.0  # a country, a club, a newspaper: as telling as "the capital of X"
CITY_WEIGHT = 2.0
SMALL_CITY_WEIGHT = 1.0
GIVEN_NAME_WEIGHT = 2.0
TEAM_USE_WEIGHT = 2.5
THING_WEIGHT = 4.0  # a known index, currency, programme or event outweighs any one cue

# Words that show a page is about sport (only sport uses them so); a page needs several.
_SPORTS_WORDS = frozenset(
    {
        "quarterback", "quarterbacks", "touchdown", "touchdowns", "innings", "inning", "wicket",
        "wickets", "rebounds", "goalkeeper", "striker", "midfielder", "halftime", "half-time",
        "playoff", "playoffs", "pitcher", "homer", "homers", "batsman", "batsmen", "bowler",
        "sacks", "interception", "interceptions", "receiver", "linebacker", "cornerback",
        "snaps", "overtime", "rushing", "yards", "defenseman", "goaltender", "penalty-kick",
        "free-kick", "hat-trick", "runs", "birdie", "bogey", "tiebreak", "semifinal",
        "semi-final", "quarterfinal", "quarter-final", "standings", "coach", "coaches",
        "semifinals", "semi-finals", "quarterfinals", "quarter-finals", "strikers",
        "goalkeepers", "midfielders", "pitchers", "receivers", "linebackers", "defensemen",
    }
)  # fmt: skip
# Words every sports page uses, and others use too ("games", "season"): they count a little.
_GAME_WORDS = frozenset(
    {
        "game", "games", "match", "matches", "season", "team", "teams", "goal", "goals", "points",
        "win", "wins", "won", "victory", "defeat", "beat", "league", "tournament", "championship",
        "cup", "final", "draw", "squad", "fixture", "scored", "score", "player", "players",
    }
)  # fmt: skip
# A sport's name counts once, with the weight of a few sports words ("SOCCER - ...").
_SPORTS = frozenset(
    {
        "soccer", "football", "basketball", "baseball", "cricket", "tennis", "golf", "rugby",
        "hockey", "athletics", "cycling", "boxing", "nfl", "nba", "mlb", "nhl", "motorsport",
        "skiing", "volleyball", "handball", "badminton", "squash", "swimming", "wrestling",
    }
)  # fmt: skip
_SCORE = re.compile(r"\b\d{1,3}-\d{1,3}\b")
_SPORTS_MIN_WORDS = 6
_GAME_WORDS_MAX = 2.0  # "games" and "players" alone never make a sports page

# After a club's name on a sports page: a score, a record, or a role on the club.
# A result or a standings row: "(7-3)", "45-17", "532-8", "83 47 .638", "3 Real Madrid 1".
_SCORE_AFTER = re.compile(
    r"^\s*,?\s*(?:\(\d{1,3}-\d{1,3}(?:-\d{1,2})?(?:,\s*\d{1,3}-\d{1,3})?\)"
    r"|\d{1,3}-\d{1,3}\b|\d{1,3}\s+\S+\s+\d{1,3}\b|\d{1,3}(?:\s+\d{1,3}){1,}\b)"
)
_CLUB_NOUNS_AFTER = frozenset(
    {
        "quarterback", "coach", "center", "centre", "guard", "forward", "defense", "defence",
        "offense", "roster", "lineup", "starter", "starters", "players", "player", "fans",
        "receiver", "linebacker", "safety", "cornerback", "tackle", "pitcher", "catcher",
        "striker", "midfielder", "defender", "goalkeeper", "manager", "captain", "batsman",
        "bowler", "dl", "ol", "qb", "wr", "rb", "te", "lb", "cb", "de", "dt", "game", "games",
        "win", "wins", "victory", "loss", "losses", "record", "season", "defeat", "offence",
        "secondary", "backfield", "bench", "rookie", "rookies", "franchise", "squad", "side",
    }
)  # fmt: skip
_GAME_VERBS = frozenset(
    {
        "beat", "beats", "defeated", "defeat", "defeats", "rolled", "routed", "edged", "topped",
        "won", "lost", "tied", "trailed", "led", "scored", "rallied", "blanked", "hosted",
        "visited", "faced", "clinched", "improved", "fell", "outscored", "shut", "drew",
        "thrashed", "hammered", "crushed", "stunned", "upset", "eliminated", "swept", "held",
        "plays", "play", "played", "host", "hosts", "visit", "visits", "face", "faces", "meet",
        "meets", "signed", "traded", "drafted", "waived", "released", "acquired",
    }
)  # fmt: skip
_GAME_PREPOSITIONS = frozenset({"against", "vs", "vs.", "v", "v.", "versus", "past", "over"})


def _dateline_like(doc: Doc, start: int, end: int) -> bool:
    """ "LONDON 1996-08-30", "MADRID —": a place that opens the paragraph and dates or heads it."""
    rest = text_of(doc)[doc[end - 1].idx + len(doc[end - 1]) :].lstrip()
    if start == 2 and doc[1].text == "," and doc[0].is_upper:  # "BEREA, Ohio —": the city's state
        return rest[:1] in "(—–-"
    if start != 0:
        return False
    return not rest or rest[:1] in "(—–-," or rest[:1].isdigit()


@dataclass(frozen=True, slots=True)
class ArticleContext:
    """What the whole article says about how to read its names, and the everyday words."""

    sports: bool = False
    everyday: frozenset[str] = frozenset()


def _as_sport(token: Token) -> bool:
    """A sport's name written as one: lower case, upper case, or capitalised opening a sentence."""
    text, lower = token.text, token.lower_
    return text in (lower, lower.upper()) or bool(token.is_sent_start and text == lower.title())


def article_context(docs: list[Doc], everyday: frozenset[str] = frozenset()) -> ArticleContext:
    """Whether the article is a sports page: sports words, scores, or clubs' nicknames."""
    hits = 0.0
    game_words = 0.0
    sports_named: set[str] = set()
    for doc in docs:
        for token in doc:
            lower = token.lower_
            if lower in _SPORTS_WORDS and token.text.islower():
                hits += 1
            elif lower in _GAME_WORDS and token.text.islower():
                game_words += 0.25
            elif lower in _SPORTS and lower not in sports_named and _as_sport(token):
                sports_named.add(lower)  # "soccer", "NFL", "SOCCER -"; not "Football Manager"
                hits += 3
            elif token.text[:1].isupper() and teams.team_kind(token.text) == "team":
                hits += 2  # "Steelers"; not "Sun" or "Union", which are words too
        hits += 2 * len(_SCORE.findall(text_of(doc)))
    hits += min(game_words, _GAME_WORDS_MAX)
    return ArticleContext(sports=hits >= _SPORTS_MIN_WORDS, everyday=everyday)


def _is_personal_name(words: list[str], everyday: frozenset[str]) -> bool:
    """ "Denzel Ward", "Jeanine Pirro": a given name, then one or two capitalised name words."""
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() for w in words):
        return False
    if not people.is_given_name(words[0]) or places.place_kind(" ".join(words)) is not None:
        return False
    if name_shape_votes(words).keys() & {"PLACE", "ORGANIZATION"}:
        return False  # "Queen Street", "Grace Hospital": a place's or a firm's shape
    last = words[-1].lower().replace("’", "'")
    if last.endswith(("'s", "s'")):
        return False
    if last.endswith("s") and last[:-1] in everyday:
        return people.surname_rank(last) is not None  # "Virginia Democrats" is no person
    return True


_CLUB_TOWN_WORDS = frozenset({"city", "town", "county", "united", "athletic", "rovers", "albion"})


def _club_of_a_town(words: list[str]) -> bool:
    """A town's name and a club's word, where the two together are no place: "Norwich City" (not
    "Kansas City", a city of its own), "Ipswich Town", "Derby County"."""
    return (
        len(words) >= 2
        and words[-1].lower() in _CLUB_TOWN_WORDS
        and places.place_kind(" ".join(words[:-1])) in ("city", "state", "region")
    )


def knowledge_votes(
    name: str,
    context: ArticleContext,
    person_possible: bool = True,
    the_written: bool = False,
    label: str = "",
) -> Votes:
    """Votes for a mention's type from what the knowledge tables hold about its name.

    `person_possible` is False when the words around the mention rule a person out ("Walter Reed
    hospital"), so a given name at its start proves nothing; `the_written` says a capitalised
    "The" comes before it ("The Hill", but "Hill" alone is no outlet); `label` is the model's type,
    which for a club's one-word name ("Texans") off a sports page may rightly be a people's.
    """
    votes = Votes()
    words = name.split()
    if (thing := things.thing_kind(name)) is not None:
        votes[thing] += THING_WEIGHT  # "Sensex", "Medicaid", "Brexit"
        return votes
    if people.is_famous_surname(name):
        votes["PERSON"] += KNOWN_WEIGHT  # "Obama", "Merkel", "AOC"
        return votes
    if bodies.is_body(name):
        votes["ORGANIZATION"] += KNOWN_WEIGHT  # "ICE", "the Pentagon", "Interpol"
        return votes
    if name.isupper() and len(name) <= 5 and places.place_kind(name) != "country":
        return votes  # an acronym ("DACA") is not a place spelt in capitals; "U.S." is
    team = teams.team_kind(name)
    demonym = label == "GROUP" and len(words) == 1 and not context.sports
    if team is not None and not demonym:  # "silence Texans" off a sports page: Texas's people
        votes["ORGANIZATION"] += KNOWN_WEIGHT
        return votes
    if context.sports and len(words) == 1 and teams.is_nickname(name):
        votes["ORGANIZATION"] += KNOWN_WEIGHT  # "Thunder", "Heat" on a sports page
        return votes
    company = companies.is_company(name) and name.lower() not in PLATFORMS
    if outlets.is_outlet(name, the_written) or company:
        votes["ORGANIZATION"] += KNOWN_WEIGHT
        return votes
    if outlets.has_masthead_word(words) and places.place_kind(name) is None:
        votes["ORGANIZATION"] += KNOWN_WEIGHT  # "Kansas City Star", "Hartford Courant"
        return votes
    kind = places.place_kind(name)
    if context.sports and kind is None and _club_of_a_town(words):
        votes["ORGANIZATION"] += KNOWN_WEIGHT  # "Norwich City", "Ipswich Town", "Derby County"
        return votes
    if len(words) == 1 and name in POSTAL_CODES:
        votes["PLACE"] += CITY_WEIGHT  # "PA" after a town; never a club
    elif context.sports and kind in ("state", "region", "city"):
        votes["PLACE"] += SMALL_CITY_WEIGHT  # on a sports page a home's name is often the club
    elif kind in ("country", "state", "region", "continent", "body"):
        votes["PLACE"] += KNOWN_WEIGHT
    elif kind == "city":
        population = places.city_population(name)
        surname = people.surname_rank(name) is not None or people.is_given_name(name)
        if population >= 100_000 and not (surname and population < 1_000_000):
            votes["PLACE"] += CITY_WEIGHT
        elif population >= 100_000:
            votes["PLACE"] += SMALL_CITY_WEIGHT  # "Columbus", "Lincoln": a city or a surname
        elif len(words) >= 2 and population >= 20_000 and not people.is_given_name(words[0]):
            votes["PLACE"] += CITY_WEIGHT  # "San Leandro", "Palm Springs": no person's name
    elif person_possible and _is_personal_name(words, context.everyday):
        votes["PERSON"] += GIVEN_NAME_WEIGHT
    elif (
        person_possible
        and len(words) == 1
        and people.is_given_name(name)
        and name.lower() not in context.everyday
    ):
        votes["PERSON"] += GIVEN_NAME_WEIGHT / 2  # "Kira" alone: likely someone's first name
    return votes


_AFTER_COMMA_PLACE = re.compile(r"^\s*,\s*(?:[A-Z]{2}\b|[A-Z][a-z]+\.?(?:,|\s|$))")
_LOCATIVE_BEFORE = frozenset({"in", "at", "near", "outside", "across", "throughout", "around"})
TEAM_PRIOR_WEIGHT = 2.0


# A schedule line at the foot of a game story: "Nuggets: At Sacramento on Wednesday." names a club.
_UP_NEXT_BEFORE = re.compile(
    r"^\s*[A-Z][\w.'’ -]{1,30}:\s+(?:[Hh]osts?|[Aa]t|[Vv]isits?|[Vv]s\.?|[Pp]lays?|[Ff]aces?)"
    r"\s+(?:the\s+)?$"
)


def team_use_votes(
    doc: Doc, start: int, end: int, context: ArticleContext, spacy_type: str = ""
) -> Votes:
    """On a sports page, votes that the tokens `start:end` name a club by its home's name.

    Clear uses (a score after it, "X's quarterback", "X beat", "against X") weigh most; a home's
    name with no locative preposition before it ("in X") leans to the club.
    """
    votes = Votes()
    if not context.sports:
        return votes
    name = doc[start:end].text
    if end - start >= 2 and doc[end - 1].lower_ in VENUE_LAST_WORDS:
        return votes  # "visit Ohio Stadium": the ground, not the club
    kind = places.place_kind(name)
    placeish = kind in ("state", "region", "city") or (spacy_type == "PLACE" and kind is None)
    before_word = doc[start - 1].lower_ if start > 0 else ""
    after_place = before_word == "," and start >= 2 and doc[start - 2].ent_type_ in ("GPE", "LOC")
    after_text_all = text_of(doc)[doc[end - 1].idx + len(doc[end - 1]) :]
    before_region = _AFTER_COMMA_PLACE.match(after_text_all) is not None
    if (
        placeish
        and before_word not in _LOCATIVE_BEFORE
        and not after_place  # "Portland, Oregon": the state of a town, not a club
        and not before_region  # "Istanbul, Turkey": a town and its country
        and not _dateline_like(doc, start, end)
    ):
        votes["ORGANIZATION"] += TEAM_PRIOR_WEIGHT
    if not (placeish or teams.team_kind(name) or teams.is_nickname(name)):
        return votes  # "against Mason Rudolph", "Sione Takitaki played": players, not clubs
    after_text = text_of(doc)[doc[end - 1].idx + len(doc[end - 1]) :]
    after = doc[end] if end < len(doc) else None
    if after is not None and after.text in ("'s", "’s") and end + 1 < len(doc):
        after = doc[end + 1]
    before = doc[start - 1] if start > 0 else None
    used_as_club = (
        _SCORE_AFTER.match(after_text) is not None
        or _UP_NEXT_BEFORE.match(text_of(doc)[: doc[start].idx]) is not None
        or (after is not None and after.lower_ in _CLUB_NOUNS_AFTER)
        or (after is not None and after.lower_ in _GAME_VERBS and after.pos_ in ("VERB", "AUX"))
        or (before is not None and before.lower_ in _GAME_PREPOSITIONS)
        or (before is not None and before.lower_ in _GAME_VERBS and before.pos_ == "VERB")
    )
    if used_as_club:
        votes["ORGANIZATION"] += TEAM_USE_WEIGHT
    return votes
