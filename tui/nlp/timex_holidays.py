"""Holidays that name one day: fixed ones, ones computed from the calendar, and lunar ones by table.

Fixed dates and the US rules ("the fourth Thursday of November") are computed; Easter comes from
the Gregorian computus and the feasts around it from Easter; the lunar and lunisolar holidays
(Lunar New Year, Eid, Diwali, Holi and the Jewish holidays) are looked up in `timex_holiday_dates`,
a table of their dates for 1980-2040. Names are matched case-sensitively, as all names are.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from tui.nlp.timex_holiday_dates import LUNAR_DATES

_A = r"(?:'|’)"  # an apostrophe, straight or curly
# Each spelling of a holiday, and the key it stands for.
_NAMES: dict[str, str] = {
    r"Christmas\s+Day": "christmas",
    r"Christmas\s+Eve": "christmas eve",
    r"Christmas": "christmas",
    rf"New\s+Year{_A}s\s+Day": "new year",
    rf"New\s+Year{_A}s\s+Eve": "new year's eve",
    rf"New\s+Year{_A}s": "new year's",
    r"Independence\s+Day": "independence day",
    r"(?:the\s+)?Fourth\s+of\s+July": "independence day",
    rf"Valentine{_A}s\s+Day": "valentine's day",
    r"Halloween": "halloween",
    rf"St\.?\s+Patrick{_A}s\s+Day|Saint\s+Patrick{_A}s\s+Day": "st patrick's day",
    r"Veterans\s+Day|Remembrance\s+Day|Armistice\s+Day": "armistice day",
    r"Canada\s+Day": "canada day",
    r"Bastille\s+Day": "bastille day",
    r"Boxing\s+Day": "boxing day",
    r"Juneteenth": "juneteenth",
    r"Cinco\s+de\s+Mayo": "cinco de mayo",
    r"Groundhog\s+Day": "groundhog day",
    rf"April\s+Fools{_A}?\s+Day": "april fools' day",
    r"Earth\s+Day": "earth day",
    r"Guy\s+Fawkes\s+Night|Bonfire\s+Night": "guy fawkes night",
    r"Australia\s+Day": "australia day",
    r"Anzac\s+Day|ANZAC\s+Day": "anzac day",
    r"Thanksgiving(?:\s+(?i:day))?": "thanksgiving",
    r"Black\s+Friday": "black friday",
    r"Cyber\s+Monday": "cyber monday",
    r"Election\s+Day": "election day",
    r"Labou?r\s+Day": "labor day",
    r"Memorial\s+Day": "memorial day",
    r"Martin\s+Luther\s+King(?:\s+Jr\.?)?(?:,\s+Jr\.)?\s+Day|MLK\s+Day": "mlk day",
    rf"Presidents{_A}?\s+Day|President{_A}s\s+Day": "presidents day",
    rf"Columbus\s+Day|Indigenous\s+Peoples{_A}?\s+Day": "columbus day",
    rf"Mother{_A}s\s+Day": "mother's day",
    rf"Father{_A}s\s+Day": "father's day",
    r"Easter(?:\s+Sunday|\s+Day)?": "easter",
    r"Easter\s+Monday": "easter monday",
    r"Good\s+Friday": "good friday",
    r"(?:Holy|Maundy)\s+Thursday": "holy thursday",
    r"Palm\s+Sunday": "palm sunday",
    r"Ash\s+Wednesday": "ash wednesday",
    r"Mardi\s+Gras|Shrove\s+Tuesday|Fat\s+Tuesday": "mardi gras",
    r"Pentecost(?:\s+Sunday)?|Whit\s+Sunday": "pentecost",
    r"(?:the\s+)?(?:Lunar|Chinese)\s+New\s+Year": "lunar_new_year",
    r"Eid(?:[\s-]+(?:al|ul|el)[\s-]+|\s+)Fitr": "eid_al_fitr",
    r"Eid(?:[\s-]+(?:al|ul|el)[\s-]+|\s+)Adha|Bakr[ie]d": "eid_al_adha",
    r"Eid": "eid",
    r"Diwali|Deepavali": "diwali",
    r"Holi": "holi",
    r"Hanukkah|Chanukah|Hanukah": "hanukkah",
    r"Passover|Pesach": "passover",
    r"Rosh\s+Hashanah|Rosh\s+Hashana": "rosh_hashanah",
    r"Yom\s+Kippur": "yom_kippur",
}
# The longest spelling first, so "Christmas Eve" wins over "Christmas".
HOLIDAY = "|".join(f"(?:{spelling})" for spelling in sorted(_NAMES, key=lambda s: (-len(s), s)))
_KEY_OF = [(re.compile(spelling + r"$"), key) for spelling, key in _NAMES.items()]
# Names that are as often the season or the food as the day ("Christmas shopping", "Easter eggs"):
# they count only after a word that points at a day ("on Christmas", "before Easter").
NEEDS_CUE = {
    "christmas",
    "halloween",
    "easter",
    "diwali",
    "hanukkah",
    "passover",
    "holi",
    "eid",
    "black friday",
    "cyber monday",
    "new year's",
}

_FIXED: dict[str, tuple[int, int]] = {
    "christmas": (12, 25),
    "christmas eve": (12, 24),
    "new year": (1, 1),
    "new year's": (1, 1),
    "new year's eve": (12, 31),
    "independence day": (7, 4),
    "valentine's day": (2, 14),
    "halloween": (10, 31),
    "st patrick's day": (3, 17),
    "armistice day": (11, 11),
    "canada day": (7, 1),
    "bastille day": (7, 14),
    "boxing day": (12, 26),
    "juneteenth": (6, 19),
    "cinco de mayo": (5, 5),
    "groundhog day": (2, 2),
    "april fools' day": (4, 1),
    "earth day": (4, 22),
    "guy fawkes night": (11, 5),
    "australia day": (1, 26),
    "anzac day": (4, 25),
}
# (month, weekday 0 = Monday, n): the n-th such weekday of the month, n = -1 for the last one.
_NTH_WEEKDAY: dict[str, tuple[int, int, int]] = {
    "thanksgiving": (11, 3, 4),
    "labor day": (9, 0, 1),
    "memorial day": (5, 0, -1),
    "mlk day": (1, 0, 3),
    "presidents day": (2, 0, 3),
    "columbus day": (10, 0, 2),
    "mother's day": (5, 6, 2),
    "father's day": (6, 6, 3),
}
# Days after the fourth Thursday of November, and days after Easter Sunday.
_AFTER_THANKSGIVING = {"black friday": 1, "cyber monday": 4}
_FROM_EASTER = {
    "easter": 0,
    "easter monday": 1,
    "good friday": -2,
    "holy thursday": -3,
    "palm sunday": -7,
    "ash wednesday": -46,
    "mardi gras": -47,
    "pentecost": 49,
}


def holiday_key(name: str) -> str:
    """The holiday a spelling names ("Eid ul-Fitr" -> "eid_al_fitr")."""
    name = " ".join(name.split())
    for pattern, key in _KEY_OF:
        if pattern.match(name):
            return key
    raise KeyError(name)


def easter(year: int) -> date:
    """Easter Sunday of a Gregorian year (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * el) // 433
    month = (h + el - 7 * m + 90) // 25
    return date(year, month, (h + el - 7 * m + 33 * month + 19) % 32)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th `weekday` of a month (n = -1: the last one)."""
    if n < 0:
        last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def _election_day(year: int) -> date:
    """The Tuesday after the first Monday of November."""
    return nth_weekday(year, 11, 0, 1) + timedelta(days=1)


def _lunar(key: str, year: int) -> date | None:
    """The first day of a lunar holiday in a year, from the table; None outside it."""
    keys = ("eid_al_fitr", "eid_al_adha") if key == "eid" else (key,)
    days = sorted(d for k in keys for d in LUNAR_DATES[k] if d.year == year)
    return days[0] if days else None


def holiday_in(key: str, year: int) -> date | None:
    """The day a holiday falls on in a year; None when it is not known for that year."""
    if key in _FIXED:
        month, day = _FIXED[key]
        return date(year, month, day)
    if key in _NTH_WEEKDAY:
        return nth_weekday(year, *_NTH_WEEKDAY[key])
    if key in _AFTER_THANKSGIVING:
        return nth_weekday(year, 11, 3, 4) + timedelta(days=_AFTER_THANKSGIVING[key])
    if key in _FROM_EASTER:
        return easter(year) + timedelta(days=_FROM_EASTER[key])
    if key == "election day":
        return _election_day(year)
    return _lunar(key, year)
