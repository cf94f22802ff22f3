"""Evidence that a capitalised name is a product, a service or a work rather than its maker.

The small model calls "MacBook Pro", "Stadia" and "Mortal Kombat 11" organisations or people; the
entity panel files products, platforms and works under OTHER. What gives them away is generic:
a camel-cased brand ("iMac"), a model word at the end ("Pro", "Edition"), a version number, the
noun it names a kind of ("the Stadia controller"), an indefinite article ("on an Xbox"), a maker's
possessive ("Google's Stadia"), or a platform used as one ("said on Twitter").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tui.nlp.doc_text import text_of
from tui.nlp.entity_cues import Votes
from tui.nlp.entity_knowledge import ArticleContext
from tui.nlp.entity_lexicon import ORG_LAST_WORDS, PLATFORMS
from tui.nlp.knowledge import companies, outlets, people, teams

if TYPE_CHECKING:
    from spacy.tokens import Doc

SHAPE_WEIGHT = 3.0
CONTEXT_WEIGHT = 2.0
POSSESSIVE_WEIGHT = 1.5

_CAMEL = re.compile(r"^(?:[a-z]{1,2}[A-Z]|[A-Z]{3,}[a-z]+$)")  # iMac, xCloud, eReader, MOVEit
# A model's or an edition's word closing a name of two words or more ("MacBook Pro").
MODEL_WORDS = frozenset(
    {"pro", "max", "mini", "ultra", "plus", "edition", "lite", "arcade", "live", "xl", "se"}
)
# Last words of a spacecraft's or an instrument's name, which may start with a person's.
CRAFT_WORDS = frozenset(
    {"telescope", "rover", "lander", "orbiter", "probe", "spacecraft", "satellite", "capsule"}
)
# Nouns that, right after a name, show it is a product ("the Stadia controller").
PRODUCT_NOUNS = frozenset(
    {
        "controller", "controllers", "console", "consoles", "headset", "headsets", "laptop",
        "laptops", "tablet", "tablets", "smartphone", "smartphones", "handset", "handsets",
        "keyboard", "keyboards", "lineup", "bundle", "bundles", "subscription", "subscriptions",
        "app", "apps", "device", "devices", "owners", "model", "models", "shortcuts", "chip",
        "chips", "processor", "processors", "screen", "display", "camera", "battery", "titles",
        "exclusives", "firmware", "update", "updates", "version", "versions", "trailer",
        "sequel", "franchise", "episode", "episodes", "season", "soundtrack", "album",
        "button", "library", "exclusive", "edition", "streaming", "feature", "features", "store",
        "rocket", "spacecraft", "probe", "lander", "rover", "capsule", "airliner", "jetliner",
        "helicopter", "drone", "sedan", "suv", "hatchback", "pickup", "minivan", "supercar",
        "prototype", "prototypes",
    }
)  # fmt: skip
# A price right after a name: what is priced is a product.
_PRICE_AFTER = re.compile(
    r"(?:\s+(?:(?!and\b|but\b|which\b|it\b)\w+\s+){0,2}?"
    r"(?:for|at|from|is|now|only|just|costs?|priced at)|\s*[-–—:(])"
    r"\s*(?:(?:US|C|A)?\$|£|€)\s?\d"
)
_MODEL_CODE = re.compile(r"^[A-Z]{1,2}\d{1,4}[a-z]?$")
_PLUS_AFTER = re.compile(r"(?:\s+TV)?\+(?![\w+])")
_SOLD_VERBS = frozenset({"sold", "marketed", "branded", "rebranded", "relaunched", "licensed"})
_PLATFORM_BEFORE = frozenset({"on", "via", "onto", "to", "from", "through"})
# "social media platforms such as TikTok and X", "apps like Telegram, Signal or WhatsApp"
_PLATFORM_LIST_BEFORE = re.compile(
    r"(?i:\b(?:platforms?|apps?|sites?|services?|networks?)\s+(?:such\s+as|like|including)\s+"
    r"(?:[\w.’'-]+(?:,\s*|\s+and\s+|\s+or\s+))*)$"
)


QUOTED_TITLE_WEIGHT = 3.0
QUOTED_NAME_WEIGHT = 1.5  # the noun after it says which kind (an event, a group)
SERVICE_WEIGHT = 5.0  # outweighs a known maker's name and its label ("Apple" in "Apple TV+")
_OPENS_QUOTE = re.compile(r"(?:^|[\s(])[“\"](?:(?:The|A|An)\s+)?$")
_CLOSES_QUOTE = re.compile(r"[,.!?]?[”\"]")


def _quoted_weight(doc: Doc, start: int, end: int) -> float:
    """How strongly a quotation says the name is a work's title: all a quotation holds ('in "The
    Long Shore." ') is a title; one before the noun it names (' the “Slavic Brotherhood” joint
    exercises ') is some named thing, whose noun tells which."""
    text = text_of(doc)
    first, last = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
    closing = _CLOSES_QUOTE.match(text, last)
    if not (closing and _OPENS_QUOTE.search(text, 0, first)):
        return 0.0
    after = doc.char_span(closing.end(), len(text), alignment_mode="expand")
    words = [t for t in after or [] if not t.is_space][:3]
    while words and words[0].pos_ == "ADJ":
        words.pop(0)
    return QUOTED_NAME_WEIGHT if words and words[0].pos_ == "NOUN" else QUOTED_TITLE_WEIGHT


def _is_version(text: str) -> bool:
    return bool(re.fullmatch(r"\d{1,4}|[A-Z]?\d{1,3}[A-Za-z]{0,2}", text))


def product_votes(doc: Doc, start: int, end: int, name: str, context: ArticleContext) -> Votes:
    """Votes that the tokens `start:end`, named `name`, are a product, platform or work."""
    votes = Votes()
    if quoted := _quoted_weight(doc, start, end):
        votes["OTHER"] += quoted  # "The Long Shore": a film's, a song's title
        if quoted == QUOTED_NAME_WEIGHT:  # a named thing, of the kind its noun says, not a name
            for kind in ("PERSON", "ORGANIZATION", "PLACE"):
                votes[kind] -= QUOTED_NAME_WEIGHT
        return votes
    words = name.split()
    if len(words) >= 2 and words[-1].lower() in CRAFT_WORDS:
        votes["OTHER"] += SHAPE_WEIGHT + CONTEXT_WEIGHT  # "James Webb Space Telescope": a craft
        return votes
    if teams.team_kind(name) or outlets.is_outlet(name) or people.is_given_name(words[0]):
        return votes
    camel = any(_CAMEL.match(w) for w in words)
    if words[-1].lower() in ORG_LAST_WORDS and len(words) > 1 and not camel:
        return votes  # "Gold Fields Ltd" and "Saltspray Air" are firms; "MacBook Air" is not
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    key = name.lower()
    if key in PLATFORMS:
        if before is not None and before.lower_ in _PLATFORM_BEFORE:
            votes["OTHER"] += SHAPE_WEIGHT  # "said on Twitter": the platform, not the firm
        elif _PLATFORM_LIST_BEFORE.search(
            text_of(doc)[max(0, doc[start].idx - 80) : doc[start].idx]
        ):
            votes["OTHER"] += SHAPE_WEIGHT + CONTEXT_WEIGHT  # "platforms such as TikTok"
        return votes
    model_word = len(words) >= 2 and (
        words[-1].lower().strip("'’") in MODEL_WORDS or _MODEL_CODE.match(words[-1])
    )  # "MacBook Pro", "Galaxy S21", "Airbus A320"
    if camel or model_word:
        votes["OTHER"] += SHAPE_WEIGHT
    if (
        after is not None
        and not context.sports
        and _is_version(after.text)
        and text_of(doc)[doc[end - 1].idx + len(doc[end - 1]) : after.idx] == " "
        and not (after.i + 1 < len(doc) and doc[after.i + 1].lower_ == "of")  # "gave X 10 of 14"
    ):
        votes["OTHER"] += CONTEXT_WEIGHT  # "Mortal Kombat 11", "Windows 10"
    if after is not None and after.lower_ in PRODUCT_NOUNS and after.text.islower():
        votes["OTHER"] += CONTEXT_WEIGHT
    if (
        before is not None
        and not context.sports
        and before.is_digit
        and len(before) >= 2
        and not (len(before) == 4 and 1900 <= int(before.text) <= 2100)
        and text_of(doc)[before.idx + len(before) : doc[start].idx] == " "
        and not companies.is_known_org(name)  # "20 Airbus jets": the maker
    ):
        votes["OTHER"] += SHAPE_WEIGHT  # "an A4 300 Quattro": a model's number, then its name
    plus_inside = name.endswith("+") and name[:-1].rstrip()[-1:].isalpha()
    if plus_inside or _PLUS_AFTER.match(text_of(doc), doc[end - 1].idx + len(doc[end - 1])):
        votes["OTHER"] += SERVICE_WEIGHT  # "Disney+", "Apple TV+": a service, not its maker
    if _PRICE_AFTER.match(text_of(doc), doc[end - 1].idx + len(doc[end - 1])):
        votes["OTHER"] += CONTEXT_WEIGHT  # "the Echo Dot for $22", "Switch bundle - $299"
    if start >= 2 and doc[start - 1].lower_ == "as" and doc[start - 2].lower_ in _SOLD_VERBS:
        votes["OTHER"] += SHAPE_WEIGHT  # "sold as Wegovy", "marketed as Brightline": a brand
    if before is not None and before.lower_ == "benchmark" and before.text.islower():
        votes["OTHER"] += CONTEXT_WEIGHT  # "the benchmark Sensex": a stock index
    if (
        before is not None
        and before.lower_ in ("a", "an")
        and not (after is not None and after.pos_ in ("NOUN", "PROPN"))
    ):
        votes["OTHER"] += CONTEXT_WEIGHT  # "on an Xbox": a thing, one of many
    if (
        start >= 2
        and doc[start - 1].text in ("'s", "’s")
        and doc[start - 2].ent_type_ == "ORG"
        and doc[start - 2].ent_iob_ in ("B", "I")
    ):
        votes["OTHER"] += POSSESSIVE_WEIGHT  # "Google's Stadia": the maker's thing
    return votes
