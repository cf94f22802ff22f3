"""Words about people the entity resolver reads: relatives, roles in an apposition, first names.

"a son, Chidi;", "X, an economist with", "Helen X": words around or inside a name that show the name
is a person's. Plain lists, like `entity_lexicon`'s, and like them generic, not from any article.
"""

from __future__ import annotations

# Relatives, who come before or after a person's name with a comma ("a son, Chidi;", "X, his wife").
KIN_NOUNS: frozenset[str] = frozenset(
    {
        "son", "daughter", "wife", "husband", "sister", "brother", "mother", "father", "widow",
        "widower", "grandson", "granddaughter", "grandmother", "grandfather", "niece", "nephew",
        "cousin", "partner",
    }
)  # fmt: skip

# Nouns in an apposition that show the name before it is a person ("X, an economist with").
PERSON_ROLE_NOUNS: frozenset[str] = KIN_NOUNS | frozenset(
    {
        "economist", "spokesperson", "spokesman", "spokeswoman", "president", "mayor",
        "owner", "resident", "residents", "biologist", "ecologist", "scientist", "researcher",
        "professor", "teacher", "nurse", "doctor", "physician", "farmer", "fisher",
        "fisherman", "driver", "pilot", "worker", "student", "mother", "father", "son",
        "daughter", "wife", "husband", "widow", "grandmother", "grandfather", "member",
        "councillor", "councilor", "director", "manager", "chair", "chairman", "chairwoman",
        "chief", "founder", "co-founder", "leader", "minister", "lawyer", "analyst",
        "executive", "officer", "head", "secretary", "senator", "premier", "historian",
        "author", "writer", "consultant", "organizer", "organiser", "volunteer", "principal",
        "retiree", "veteran", "partner", "engineer", "coach", "captain", "firefighter",
        "paramedic", "candidate", "who", "whose", "mp", "mla", "mpp",
    }
)  # fmt: skip

# Common English (and a few other) first names: a name that starts with one is a person's.
# Left out: first names that are also places or brands (Jordan, Georgia, Victoria, Paris, Austin).
FIRST_NAMES: frozenset[str] = frozenset(
    {
        "aaron", "adam", "agnes", "alain", "alan", "albert", "alex", "alexander", "alice",
        "alison", "amanda", "amy", "andrea", "andrew", "angela", "ann", "anna", "anne",
        "anthony", "antoine", "barbara", "ben", "benjamin", "beth", "betty", "bill", "bob",
        "brian", "bruce", "carl", "carol", "caroline", "catherine", "charles", "chris",
        "christine", "christopher", "claire", "colin", "daniel", "david", "deborah", "diane",
        "donald", "donna", "dorothy", "douglas", "edward", "elizabeth", "emily", "emma",
        "eric", "françois", "frank", "gary", "george", "grace", "gregory", "hannah", "harold",
        "harry", "heather", "helen", "helena", "henry", "ian", "jack", "jacob", "james",
        "jane", "janet", "jason", "jean", "jeff", "jennifer", "jessica", "joan", "john",
        "jonathan", "joseph", "joshua", "julie", "karen", "katherine", "kathleen", "kenneth",
        "kevin", "laura", "lauren", "linda", "lisa", "louise", "margaret", "maria", "marie",
        "mark", "martha", "martin", "mary", "matthew", "melissa", "michael", "michelle",
        "nancy", "nathalie", "nicholas", "nicole", "olivia", "patricia", "patrick", "paul",
        "peter", "philip", "pierre", "rachel", "raymond", "rebecca", "richard", "robert",
        "ronald", "rose", "ruth", "ryan", "samuel", "sandra", "sarah", "scott", "sharon",
        "sophie", "stephanie", "stephen", "steven", "susan", "thomas", "timothy", "william",
    }
)  # fmt: skip
