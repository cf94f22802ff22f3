"""Candidate mentions of one article -> clusters, one per real-world thing.

Mentions join when their names match; a surname joins the one full name that ends with it; an
acronym joins the one name whose initials it spells; "Belarussians" joins "Belarussian". Each
cluster's type is the weighted vote of its mentions' evidence.
"""

from __future__ import annotations

import re

from tui.nlp.entity_clubs import is_label_only_person, merge_club_nicknames
from tui.nlp.entity_cluster import Cluster
from tui.nlp.entity_lexicon import ACRONYM_SKIP, FIRM_SUFFIXES, PARTY_MEMBERS, PLACE_SUFFIXES
from tui.nlp.entity_mentions import Candidate
from tui.nlp.entity_names import name_key
from tui.nlp.entity_retype import retype_clusters, retype_misread_people
from tui.nlp.entity_thing_names import merge_into_things, merge_storm_names, merge_venue_short_names
from tui.nlp.knowledge.companies import is_company
from tui.nlp.knowledge.people import is_given_name, surname_rank
from tui.nlp.knowledge.places import place_kind


def _group_by_name(candidates: list[Candidate]) -> list[Cluster]:
    """One cluster per distinct name key, in order of first appearance."""
    clusters: dict[str, Cluster] = {}
    for candidate in candidates:
        clusters.setdefault(name_key(candidate.name), Cluster()).candidates.append(candidate)
    return list(clusters.values())


def _merge_plural_groups(clusters: list[Cluster]) -> None:
    """ "Belarussians" and "Belarussian" are one group."""
    groups = {name_key(c.name): c for c in clusters if c.type == "GROUP"}
    for key, cluster in groups.items():
        singular = groups.get(key[:-1]) if key.endswith("s") else None
        if singular is not None and singular is not cluster and singular.candidates:
            singular.absorb(cluster)


def _merge_party_members(clusters: list[Cluster]) -> None:
    """ "the Conservatives" is the "Conservative Party", "Democrats" the "Democratic Party"."""
    by_key = {name_key(c.name): c for c in clusters if c.type == "ORGANIZATION"}
    for key, cluster in list(by_key.items()):
        if key not in PARTY_MEMBERS or not key.endswith("s"):
            continue
        stem = key[:-1]
        member = by_key.get(stem)  # "a Liberal Democrat leader" and "the Liberal Democrats"
        if " " in stem and member is not None and member is not cluster and member.candidates:
            cluster.absorb(member)
        for party_name in (f"{stem} party", f"{stem}ic party", f"the {stem} party"):
            party = by_key.get(party_name)
            if party is not None and party is not cluster and party.candidates:
                party.absorb(cluster)
                break


_NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


def core_words(name: str) -> list[str]:
    """A person's name words without initials and suffixes: "Patrick W. Carlineo Jr." -> 2 words;
    "al-Assad" is "assad", as the story writes it alone."""
    words = [re.sub(r"^(?:al|el)-(?=\w)", "", w) for w in name_key(name).replace(",", " ").split()]
    core = [w for w in words if w not in _NAME_SUFFIXES and not re.fullmatch(r"\w\.?", w)]
    return core or words


def _may_be_person(cluster: Cluster) -> bool:
    """A lone name may join a person unless it is a group or event, or the text says place."""
    if cluster.votes["PERSON"] > 0:
        return True
    place_cued = any(c.place_cue for c in cluster.candidates)
    if cluster.type == "GROUP":  # "Salah" read as a people: a surname, unless shaped like one
        return len(cluster.words) == 1 and not cluster.words[0].endswith(_PEOPLE_ENDINGS)
    return cluster.type in ("ORGANIZATION", "OTHER", "PLACE") and not place_cued


# How the names of peoples end ("Ukrainian", "Chinese", "Danish", "Kurds", "French", "Thai").
_PEOPLE_ENDINGS = ("an", "ese", "ish", "s", "ch", "i", "ic")


def _nearest_person(candidate: Candidate, people: list[Cluster]) -> Cluster:
    """The person whose full name was last written before this mention, else the first one."""
    before = [p for p in people if p.first <= candidate.position]
    if before:
        return max(before, key=lambda p: p.first)
    return min(people, key=lambda p: p.first)


class _People:
    """The people clusters of an article, indexed by the first and last word of their core name,
    so linking a name looks at the people sharing that word, not at every person (a long text
    full of names made every lookup a scan of all of them)."""

    def __init__(self, people: list[Cluster]) -> None:
        self.people = people
        self.core = {id(p): core_words(p.name) for p in people}
        self.by_last: dict[str, list[Cluster]] = {}
        self.by_first: dict[str, list[Cluster]] = {}
        for person in people:
            core = self.core[id(person)]
            self.by_last.setdefault(core[-1], []).append(person)
            self.by_first.setdefault(core[0], []).append(person)

    def __contains__(self, cluster: object) -> bool:
        return id(cluster) in self.core


def _first_name_of(cluster: Cluster, words: list[str], people: _People) -> list[Cluster]:
    """The one person whose first name a lone word is ("LeBron" for LeBron James), when the word
    is no place's name and no other person's surname: the model may have typed it anything."""
    if len(words) != 1 or cluster.type not in ("PERSON", "PLACE", "ORGANIZATION", "OTHER"):
        return []
    if place_kind(words[0]) is not None or words[0] in people.by_last:
        return []
    if is_company(cluster.name) or sum(c.evidence("ORGANIZATION") for c in cluster.candidates) >= 2:
        return []  # "Uber" is not the first name of "Uber Money"
    firsts = people.by_first.get(words[0], [])
    if len(firsts) != 1:
        return []
    person = firsts[0]
    surname = person.name.split()[-1]
    vouched = (
        person.votes["PERSON"] > len(person.candidates)  # more than the model's labels
        or surname_rank(surname) is not None
        or is_given_name(surname)
    )
    return firsts if vouched or is_given_name(words[0]) else []


def _named_in(cluster: Cluster, words: list[str], people: _People) -> list[Cluster]:
    """The people whose full name a shorter name is part of: surname first, then first name."""
    if len(words) == 1:
        matches = list(people.by_last.get(words[0], []))
        if not matches and cluster.type == "PERSON":
            matches = list(people.by_first.get(words[0], []))
        return matches
    same_surname = people.by_last.get(words[-1], [])  # a shorter form keeps the surname
    return [p for p in same_surname if _is_shorter_form(words, people.core[id(p)])]


def _link_people(clusters: list[Cluster]) -> None:
    """Surname-only and shorter names join the full name they belong to."""
    retype_misread_people(clusters)
    people = _People([c for c in clusters if c.type == "PERSON" and len(core_words(c.name)) >= 2])
    for cluster in [c for c in clusters if c not in people]:
        words = core_words(cluster.name)
        matches = _first_name_of(cluster, words, people)
        if not matches:
            if not _may_be_person(cluster):
                continue
            matches = _named_in(cluster, words, people)
        if not matches:
            continue
        for candidate in cluster.candidates:
            target = _nearest_person(candidate, matches)
            target.candidates.append(candidate)
            target.forced_type = "PERSON"
        cluster.candidates = []
    # "Joe Biden" inside "Joe R. Biden", "Patrick Carlineo Jr." and "Patrick W. Carlineo": one.
    for person in sorted(people.people, key=lambda p: len(p.words)):
        if not person.candidates:
            continue
        core = people.core[id(person)]
        same = [
            p
            for p in people.by_last[core[-1]]
            if p is not person
            and p.candidates
            and (core == people.core[id(p)] or _is_shorter_form(core, people.core[id(p)]))
        ]
        if len(same) == 1:
            same[0].absorb(person)


def _is_shorter_form(short: list[str], full: list[str]) -> bool:
    """True when `short` is `full` with words left out, keeping its last word (the surname)."""
    if len(short) >= len(full) or short[-1] != full[-1]:
        return False
    remaining = iter(full)
    return all(word in remaining for word in short)


def _initials(words: list[str]) -> set[str]:
    """The acronyms a name can be written as: initials of its main words, or of all its words."""
    main = [w for w in words if w.lower() not in ACRONYM_SKIP]
    return {"".join(w[0] for w in main).upper(), "".join(w[0] for w in words).upper()}


def _acronym(name: str) -> str | None:
    """The letters of an acronym ("U.S." -> "US"), or None when the name is not one."""
    letters = name.replace(".", "")
    if re.fullmatch(r"[A-Z][A-Z&]{1,7}", letters):
        return letters.replace("&", "")
    return None


def _link_acronyms(clusters: list[Cluster], pairs: list[tuple[str, str]]) -> None:
    """An acronym joins its expansion when exactly one name in the article spells it."""
    written = {name_key(short).replace(".", ""): name_key(full) for full, short in pairs}
    for cluster in clusters:
        if not cluster.candidates or cluster.type == "PERSON":
            continue
        acronym = _acronym(cluster.name)
        if acronym is None:
            continue
        expansions = [
            other
            for other in clusters
            if other.candidates
            and other is not cluster
            and other.type != "PERSON"
            and len(other.name.split()) >= 2
            and (
                acronym in _initials(re.split(r"[\s-]+", other.name))
                or written.get(acronym.lower()) == name_key(other.name)
            )
        ]
        if len(expansions) == 1:
            expansions[0].absorb(cluster)


def _link_person_initials(clusters: list[Cluster]) -> None:
    """ "OBJ" for Odell Beckham Jr., "AOC" for Alexandria Ocasio-Cortez: three or four capitals
    that spell exactly one person's names are that person."""
    people = [c for c in clusters if c.candidates and c.type == "PERSON" and len(c.words) >= 2]
    for cluster in clusters:
        acronym = _acronym(cluster.name) if cluster.candidates else None
        if acronym is None or not 3 <= len(acronym) <= 4:
            continue
        matches = [
            p
            for p in people
            if acronym == "".join(w[0] for w in re.split(r"[\s-]+", p.name)).upper()
        ]
        if len(matches) == 1:
            matches[0].absorb(cluster)


def _merge_qualified_names(clusters: list[Cluster]) -> None:
    """ "Afghan Taliban" is the "Taliban" when "Afghan" is a group named in the same article."""
    groups = {name_key(c.name) for c in clusters if c.type == "GROUP"}
    by_key = {name_key(c.name): c for c in clusters if c.type not in ("PERSON", "GROUP")}
    for cluster in clusters:
        if not cluster.candidates:
            continue
        words = name_key(cluster.name).split(maxsplit=1)
        if cluster.type in ("PERSON", "GROUP") or len(words) < 2 or words[0] not in groups:
            continue
        target = by_key.get(words[1])
        if target is not None and target is not cluster and target.candidates:
            target.absorb(cluster)


def _merge_place_extensions(clusters: list[Cluster]) -> None:
    """ "Inner Mongolia Autonomous Region" is "Inner Mongolia" written in full."""
    places = {name_key(c.name): c for c in clusters if c.type == "PLACE"}
    for key, cluster in places.items():
        words = key.split()
        for cut in range(len(words) - 1, 0, -1):
            if not all(w in PLACE_SUFFIXES for w in words[cut:]):
                break
            shorter = places.get(" ".join(words[:cut]))
            if words[cut:] == ["city"] and _city_of_its_own(" ".join(words[:cut])):
                break  # "Oklahoma City" is not "Oklahoma", nor "Mexico City" "Mexico"
            if shorter is not None and shorter.candidates and cluster.candidates:
                shorter.absorb(cluster)
                break


def _city_of_its_own(key: str) -> bool:
    """A country's or a state's name before "City" names another place (not "New York City")."""
    return key != "new york" and place_kind(key) in ("country", "state", "region")


def _names_members(cluster: Cluster) -> bool:
    """ "X Supporters' Trust", "X Ferry Users' Group": a body of X's people, not X itself."""
    return any(w.endswith(("s'", "s’")) for w in cluster.words)


_FIRM_EVIDENCE = 2.0
# A legislature's chamber, whose committees carry its name.
_CHAMBERS = frozenset({"house", "senate", "congress", "parliament", "assembly", "commons"})


def _merge_short_firm_names(clusters: list[Cluster]) -> None:
    """ "Meridian Peak" and "Calder Marine Terminals Ltd." join the firm written in full."""
    firms = [c for c in clusters if c.type == "ORGANIZATION" and len(c.words) >= 2]
    for firm in sorted(firms, key=lambda c: -len(c.words)):
        words = firm.words
        while words and words[-1] in FIRM_SUFFIXES:
            words = words[:-1]
        shorter = [f for f in firms if f is not firm and f.candidates and f.words == words]
        if len(shorter) == 1 and firm.candidates:
            shorter[0].absorb(firm)
    for cluster in clusters:
        kind = cluster.type
        if not cluster.candidates or kind not in ("PERSON", "ORGANIZATION", "OTHER", "PLACE"):
            continue
        firm_evidence = cluster.votes["ORGANIZATION"] - sum(
            c.label == "ORGANIZATION" for c in cluster.candidates
        )  # "Harlan's shares", "Harlan's CEO": a given name used as the firm's short name
        if cluster.forced_type or is_company(cluster.name):
            continue  # "Uber" stays itself beside "Uber Money"
        if not is_label_only_person(cluster) and firm_evidence < _FIRM_EVIDENCE:
            continue
        if cluster.words[0] in _CHAMBERS and len(cluster.words) == 1:
            continue  # "the House" is not its "House Intelligence Committee"
        if kind == "PLACE" and cluster.votes["PLACE"] > len(cluster.candidates):
            continue  # "Fortress" alone, typed a place by the model only, is the firm's short name
        n = len(cluster.words)
        longer = [
            f
            for f in firms
            if f.candidates
            and len(f.words) > n
            and f.words[:n] == cluster.words
            and not _names_members(f)
        ]
        shortest = min((len(f.words) for f in longer), default=0)
        longer = [f for f in longer if len(f.words) == shortest]
        if len(longer) == 1:
            longer[0].absorb(cluster)
            longer[0].forced_type = "ORGANIZATION"


def cluster_candidates(
    candidates: list[Candidate],
    acronym_pairs: list[tuple[str, str]],
    lowercase: frozenset[str] = frozenset(),
    sports: bool = False,
) -> list[Cluster]:
    """The article's clusters, each holding every mention of one thing."""
    clusters = _group_by_name(candidates)
    _merge_plural_groups(clusters)
    _merge_party_members(clusters)
    clusters = [c for c in clusters if c.candidates]
    _merge_short_firm_names(clusters)
    merge_storm_names(clusters)
    clusters = [c for c in clusters if c.candidates]
    _link_people(clusters)
    clusters = [c for c in clusters if c.candidates]
    _link_acronyms(clusters, acronym_pairs)
    _link_person_initials(clusters)
    merge_into_things(clusters)
    clusters = [c for c in clusters if c.candidates]
    _merge_qualified_names(clusters)
    _merge_place_extensions(clusters)
    merge_venue_short_names(clusters)
    if sports:
        merge_club_nicknames(clusters)
    clusters = [c for c in clusters if c.candidates]
    retype_clusters(clusters, lowercase, sports)
    return clusters
