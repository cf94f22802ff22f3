"""spaCy's named entities of one article -> newstui's entities: merged, typed, named and ranked.

The small model misses and mistypes; the resolver trims spans ("the Kremlin", "Belarus's"), moves
honorifics and titles out of names, rejects junk and credits, votes types across mentions with
context cues and what newstui knows of the world, and joins surnames to full names and acronyms
to expansions. Where each step lives:

    entity_spans, entity_known, entity_repairs   the spans worth a look in one paragraph
    entity_mentions, entity_names, entity_credits candidates: a name, its offsets, its votes
    entity_acronyms                              "European Union (EU)": expansion and short form
    entity_cues, entity_categories, entity_knowledge, entity_products, entity_person_cues   votes
    entity_cluster, entity_merge, entity_retype, entity_recall   one article: clusters, types,
        missed mentions; entity_thing_names (a storm's or a telescope's short name), entity_lists
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tui.model import Entity, Mention, entity_type
from tui.nlp.doc_text import text_of
from tui.nlp.entity_acronyms import acronym_pairs
from tui.nlp.entity_cluster import Cluster
from tui.nlp.entity_knowledge import article_context
from tui.nlp.entity_lists import retype_list_members
from tui.nlp.entity_mentions import Candidate, paragraph_candidates
from tui.nlp.entity_merge import cluster_candidates
from tui.nlp.entity_names import name_key
from tui.nlp.entity_recall import add_missed_mentions
from tui.nlp.knowledge.companies import is_known_org
from tui.nlp.knowledge.outlets import takes_the
from tui.nlp.knowledge.people import is_given_name
from tui.nlp.knowledge.places import place_kind

if TYPE_CHECKING:
    from spacy.tokens import Doc


def resolve_entities(
    docs: list[Doc], everyday: frozenset[str] | None = None, byline: str = ""
) -> list[Entity]:
    """One article's entities from its paragraphs' Docs, most mentioned first.

    `everyday` is the model's list of everyday words (`spacy_model.everyday_words`), loaded with the
    default model when not given; `byline` is the article's author line, whose names in the
    closing paragraphs ("Mike Doe's book ... is out now") are page furniture.
    """
    candidates: list[Candidate] = []
    pairs: list[tuple[str, str]] = []
    if everyday is None:
        from tui.nlp.spacy_model import everyday_words, load_model

        everyday = everyday_words(load_model()).everyday
    context = article_context(docs, everyday)
    for paragraph, doc in enumerate(docs):
        candidates.extend(paragraph_candidates(doc, paragraph, context))
        pairs.extend(acronym_pairs(doc))
    lowercase_words = {t.text for doc in docs for t in doc if t.is_alpha and t.text.islower()}
    clusters = cluster_candidates(candidates, pairs, frozenset(lowercase_words), context.sports)
    add_missed_mentions(clusters, docs, lowercase_words)
    retype_list_members(clusters, docs)
    names = {name_key(w) for c in clusters for w in c.name.split()}
    entities = [
        (_entity(c), c.first)
        for c in clusters
        if not _joins_two_names(c, names, docs)
        and not _is_capitalised_common_word(c, docs, lowercase_words)
        and not _untyped(c)
        and not _headline_words(c, docs, everyday)
        and not _opening_word(c, docs, everyday)
        and not _author_in_closing(c, byline_names(byline), len(docs))
    ]
    entities.sort(key=lambda pair: (-pair[0].count, pair[1]))
    return [entity for entity, _ in entities]


_UNTYPED_EVIDENCE = 2.0
_HEADLINE_WORDS = 14


def _is_headline(text: str) -> bool:
    """A short line without a closing period, its words capitalised: a headline or a subhead."""
    words = text.split()
    if not words or len(words) > _HEADLINE_WORDS or text.rstrip()[-1:] in '.!;:,"”':
        return False
    long = [w for w in words if len(w) > 3]
    return bool(long) and sum(w[:1].isupper() for w in long) >= 0.75 * len(long)


def _is_everyday(word: str, everyday: frozenset[str]) -> bool:
    """An everyday word, or the plural of one ("rules", "taxes", "stories")."""
    return (
        word in everyday
        or (word.endswith("s") and word[:-1] in everyday)
        or (word.endswith("ies") and word[:-3] + "y" in everyday)
    )


def _headline_words(cluster: Cluster, docs: list[Doc], everyday: frozenset[str]) -> bool:
    """ "Keyboard Expected", "Defensive Line": everyday words capitalised only for a heading."""
    name = cluster.name
    words = [w.strip("'’").lower() for w in name.split()]
    if not all(
        w in everyday or (i < len(words) - 1 and _is_everyday(w, everyday))
        for i, w in enumerate(words)
    ):
        return False  # a plural at the end may be a club's ("Queens Park Rangers")
    if place_kind(name) or is_known_org(name) or is_given_name(name.split()[0]):
        return False
    return all(
        _is_headline(docs[c.paragraph].text)
        and not any(ch.isdigit() for ch in docs[c.paragraph].text)
        for c in cluster.candidates
    )


_BYLINE_CUT = re.compile(r";|,|\band\b|&", re.IGNORECASE)
_BYLINE_LEAD = re.compile(r"^(?:(?:analysis|opinion|commentary|story|words|text)\s+)?by\s+", re.I)
_NAME_WORD = re.compile(r"^[A-Z][\w.'’-]*$")


def byline_names(byline: str) -> set[str]:
    """The lower-cased names of a byline: "Analysis by Jo Doe; CNN Editor" -> {"jo doe"}."""
    names = set()
    for part in _BYLINE_CUT.split(byline):
        words = _BYLINE_LEAD.sub("", part.strip()).split()
        name = []
        for word in words:
            if not _NAME_WORD.match(word.title() if word.isupper() else word):
                break
            name.append(word)
        if len(name) >= 2:
            names.add(" ".join(name[:3]).lower())
    return names


_CLOSING_PARAGRAPHS = 2


def _author_in_closing(cluster: Cluster, authors: set[str], paragraphs: int) -> bool:
    """The article's own author, named only in its last paragraphs: a bio or a promo line."""
    if cluster.type != "PERSON" or cluster.name.lower() not in authors:
        return False
    return all(c.paragraph >= paragraphs - _CLOSING_PARAGRAPHS for c in cluster.candidates)


_HYPHEN_PAIR = re.compile(r"^([A-Z][\w.]+)-([A-Z][\w.]+)$")


def _joins_two_names(cluster: Cluster, names: set[str], docs: list[Doc]) -> bool:
    """ "Gannett-GateHouse", "Biden-Harris": two names the story also writes alone, joined to
    qualify a noun ("the Gannett-GateHouse merger"); the two are the entities, not the pair."""
    m = _HYPHEN_PAIR.match(cluster.name)
    if m is None or not all(name_key(part) in names for part in m.groups()):
        return False
    return all(
        _NOUN_AFTER.match(text_of(docs[c.paragraph]), c.end) for c in cluster.candidates
    )  # "Mercedes-Benz said" is a firm's name


_NOUN_AFTER = re.compile(r"\s+[a-z]")


def _untyped(cluster: Cluster) -> bool:
    """A name only the text's capitals found (no model label), with too little evidence of a type."""
    if any(c.label for c in cluster.candidates) or cluster.forced_type:
        return False
    return cluster.votes[cluster.type] < _UNTYPED_EVIDENCE


def _opening_word(cluster: Cluster, docs: list[Doc], everyday: frozenset[str]) -> bool:
    """ "Turnout topped 60%": an everyday word capitalised for opening its sentence, that no cue
    made a person, place or organisation, is no name at all (not even under OTHER)."""
    name = cluster.name
    if cluster.type != "OTHER" or " " in name or name.lower() not in everyday:
        return False
    if any(c.product_cue for c in cluster.candidates):
        return False
    for candidate in cluster.candidates:
        span = docs[candidate.paragraph].char_span(
            candidate.start, candidate.end, alignment_mode="expand"
        )
        if span is None or not span[0].is_sent_start:
            return False
    return True


def _is_capitalised_common_word(cluster: Cluster, docs: list[Doc], lowercase: set[str]) -> bool:
    """ "Seagrass" opening a sentence in a story that also writes "seagrass": not a name."""
    name = cluster.name
    if " " in name or name.lower() not in lowercase:
        return False
    for candidate in cluster.candidates:
        doc = docs[candidate.paragraph]
        span = doc.char_span(candidate.start, candidate.end, alignment_mode="expand")
        if span is None or not span[0].is_sent_start:
            return False
    return True


def _takes_the(cluster: Cluster, name: str) -> bool:
    """True when the article writes "The" as part of the name more often than "the" before it."""
    articles = [c.article for c in cluster.candidates if c.name == name]
    inside, lower = articles.count("The"), articles.count("the")
    if inside == 0 and articles.count("The?") and not lower:
        return takes_the(name)  # only ever at a sentence's start: known outlets keep it
    return inside > lower


def _entity(cluster: Cluster) -> Entity:
    """The entity a cluster stands for: fullest name, other written forms as aliases."""
    name = cluster.name
    if cluster.type in ("ORGANIZATION", "PLACE", "OTHER") and _takes_the(cluster, name):
        name = f"The {name}"  # "The Hill", "The Hague": the article is part of the name
    mentions = sorted(cluster.candidates, key=lambda c: c.position)
    aliases: list[str] = []
    titles: list[str] = []
    for candidate in mentions:
        alias = re.sub(r"\s+", " ", candidate.text)
        if alias != name and alias not in aliases:
            aliases.append(alias)
        titles.extend(t for t in candidate.titles if t not in titles)
    return Entity(
        name=name,
        type=entity_type(cluster.type),
        aliases=aliases,
        count=len(mentions),
        mentions=[Mention(c.paragraph, c.start, c.end, c.text) for c in mentions],
        titles=titles,
    )


def entity_keys(entity: Entity) -> set[str]:
    """The lower-cased names an entity goes by, for finding it across articles."""
    return {entity.name.lower(), *(alias.lower() for alias in entity.aliases)}
