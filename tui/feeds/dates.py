"""An item's publication day in the publisher's own time zone, read from the date as written.

feedparser's `*_parsed` fields are converted to UTC, which moves a story published late in the
evening west of Greenwich (or early in the morning east of it) to another day, and with it every
"Monday" in its timeline. The raw string keeps the publisher's offset: its calendar day is the day.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

_ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
_ISO_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:T|$)")
# A weekday or zone the RFC 822 parser does not know ("Tues,", "CEST") is dropped before trying again.
_WEEKDAY = re.compile(r"^\s*[A-Za-z]{3,9}\.?,?\s+")
_ZONE_NAME = re.compile(r"\s+\(?[A-Za-z]{3,5}\)?\s*$")


def publisher_day(raw: str | None) -> str | None:
    """The YYYY-MM-DD day of a feed date as its publisher wrote it (RFC 822 or ISO 8601), or None.

    "Mon, 02 Sep 2024 23:30:00 -0400" is 2024-09-02, not the 2024-09-03 of its UTC instant.
    """
    if not raw or not raw.strip():
        return None
    text = raw.strip()
    for parse in (_iso, _rfc822, _any_language):
        day = parse(text)
        if day is not None:
            return day.isoformat()
    return None


def _iso(text: str) -> date | None:
    """The day an ISO 8601 / RFC 3339 stamp names: its date part as written (any offset after
    it is the publisher's own)."""
    match = _ISO_DAY.match(text) or _ISO_COMPACT.match(text)
    if not match:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def _rfc822(text: str) -> date | None:
    """The day of an RFC 822 date, in the zone its offset names (no conversion to UTC)."""
    for candidate in (text, _WEEKDAY.sub("", text), _ZONE_NAME.sub("", _WEEKDAY.sub("", text))):
        try:
            stamp: datetime = parsedate_to_datetime(candidate)
        except (TypeError, ValueError, IndexError, OverflowError):
            continue
        if 1900 <= stamp.year <= 2200:
            return stamp.date()
    return None


def _any_language(text: str) -> date | None:
    """A date in another language or shape ("lun., 02 sept. 2024 23:30:00 -0400"), by dateparser
    (a dependency already; loaded only for such dates), with its offset kept as written."""
    import dateparser

    try:
        stamp = dateparser.parse(text, settings={"RETURN_AS_TIMEZONE_AWARE": False})
    except (ValueError, TypeError, OverflowError, RecursionError):
        return None
    if stamp is None or not 1900 <= stamp.year <= 2200:
        return None
    return stamp.date()
