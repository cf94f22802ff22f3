"""The vocabulary of site furniture: the words of menus, promos, ads and the site's own voice.

`is_boilerplate` says whether a line is furniture; `boiler_hits` and `site_voice_hits` count its
furniture words, which other rules weigh against the line's length.
"""

from __future__ import annotations

import re

# Lines that frame a story but are never part of one, in most sites' words (English and a few more).
_BOILER = re.compile(
    r"\b(?:advertisement|advertising|sponsored (?:content|by|stories|links|post)|paid content|"
    r"subscribe|sign[ -]?up|sign[ -]?in|log[ -]?in|log out|newsletters?|"
    r"cookie (?:policy|settings|preferences)|(?:use|accept|enable) cookies|"
    r"privacy (?:policy|notice|settings|statement|center|rights)|"
    r"terms (?:of|and) (?:use|service|conditions)|"
    r"all rights reserved|copyright\s*(?:©|\(c\)|\d{4})|share (?:this|on|via)|follow us|"
    r"(?:like|find|join) us on|read more|related (?:stories|articles|posts|links|content|coverage)|"
    r"recommended (?:for you|stories|articles|reading|videos)|comments? (?:policy|guidelines)|"
    r"\d+ comments|comments are closed|view comments|show comments|comment section|click here|"
    r"most (?:popular|read)|skip to|continue reading|download (?:the|our) app|"
    r"unlimited (?:digital )?access|for the first \d+ (?:weeks|months)|free trial|"
    r"story continues|you may also like|more from|see also|email this|print this|"
    r"report an error|back to top|thanks for watching|enable javascript|(?:your|update) (?:browser|javascript)|"
    r"powered by|copy link|link copied|url copied|tweet (?:this|on twitter)|"
    r"opt out at any time|(?:message|msg) (?:and|&) data rates|text stop to|gambling problem|"
    r"refresh for (?:the )?latest|\d+ new updates?|show all key events|"
    r"contributed (?:reporting )?to this (?:report|story|article)|this is a developing story|"
    r"check back (?:later )?for updates|"
    r"follow [\w.]+(?: [\w.]+){0,3} on (?:twitter|facebook|instagram|linkedin)|publicidade|anúncio|werbung|anzeige|publicité|pubblicità|реклама)\b"
    r"|^[\[(]?(?:facebook|twitter|linkedin|pinterest|instagram|whatsapp|reddit|email|print|share|"
    r"related|recommended|sponsored|trending|loading|comments?)\b",
    re.IGNORECASE,
)
# The site speaking of itself or to its reader: rare in a story's own sentences.
_SITE_VOICE = re.compile(
    r"\b(?:(?:this|our) (?:article|articles|site|website|page|newsletters?|journalism|app|"
    r"community|editors)|(?:your|my) (?:inbox|account|feed|browser|email|subscription|reading|"
    r"interests|privacy)|never miss|learn more|find out more|get (?:the|our) (?:latest|best)|"
    r"sign up|join (?:us|our)|email address|support (?:us|our|quality)|unsubscribe|no spam|"
    r"sharing is caring|(?:stories|articles) like this|(?:earn|receive) (?:a )?(?:small )?"
    r"(?:commission|affiliate)|a news tip|we send (?:an|a daily|a weekly) (?:email|newsletter)|"
    # the company's boilerplate and the writer's address: "(NASDAQ: TDMG) is a leading local
    # media company", "is part of Tidewater Media Group", "Reach her at jo@example.com"
    r"(?:nasdaq|nyse|tsx|asx|lse)\s?:\s?[a-z]{1,5}|a leading (?:[\w-]+ ){0,3}(?:company|provider|"
    r"publisher|platform)|is (?:part|a division|a subsidiary|a unit) of [\w .&'-]{0,40}(?:group|"
    r"media|network|inc|company|publishing|holdings)|(?:reach|contact|email) (?:him|her|them|me) at)\b",
    re.IGNORECASE,
)
_COPYRIGHT_LINE = re.compile(r"^\W*(?:©|\(c\)\s*\d{4}|copyright\b)", re.IGNORECASE)
_AD_MARKER = re.compile(
    r"^(?:advertisement|advertising|ad|sponsored|story continues (?:below|after) (?:this )?"
    r"advertisement|continue reading(?: below)?|scroll to continue(?: with content)?|"
    r"article continues below(?: advertisement)?|publicidade|anzeige|werbung|publicité)\W*$",
    re.IGNORECASE,
)
# A photo gallery's own labels, as a whole line: "Image 3 of 12", "1 / 12", "Back to Gallery".
_GALLERY = re.compile(
    r"^(?:(?:image|photo|picture|slide)\s+\d+\s+of\s*/?\s*\d+|\d+\s*/\s*\d+|"
    r"(?:back to|view|see|open|launch)\s+(?:the\s+)?(?:full\s+)?(?:photo\s+)?gallery)\W*$",
    re.IGNORECASE,
)
# lynx's marks for what it cannot draw: an embedded frame's address, a form's buttons.
_LYNX_WIDGET = re.compile(r"^(?:i?frame:\s|\(button\)|\[button\])", re.IGNORECASE)


def is_ad_marker(text: str) -> bool:
    """Whether a line is an ad marker such as "Advertisement" or "Story continues below"."""
    return bool(_AD_MARKER.match(text))


def boiler_hits(text: str) -> int:
    """How many words or phrases of site furniture or the site's own voice a line holds."""
    return len(_BOILER.findall(text)) + len(_SITE_VOICE.findall(text))


# Words a story about a service or a deal uses as much as a site's own prompt does.
_SIGN_UP = re.compile(r"\b(?:sign(?:ing)?[ -]?up|(?:un)?subscrib\w*|free trial)\b", re.IGNORECASE)


def site_voice_hits(text: str) -> int:
    """boiler_hits without the sign-up words: the site speaking of itself or its company."""
    return boiler_hits(_SIGN_UP.sub(" ", text))


def is_boilerplate(text: str, words: int) -> bool:
    """Whether a line is an ad marker, or a short line in the vocabulary of site furniture."""
    if _AD_MARKER.match(text) or _GALLERY.match(text) or _LYNX_WIDGET.match(text):
        return True
    if _COPYRIGHT_LINE.match(text) and words < 60:
        return True
    found = boiler_hits(text)
    return found > 0 and (words <= 12 or found * 15 >= words)
