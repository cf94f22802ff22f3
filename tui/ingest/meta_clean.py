"""Tidy an article's metadata: the site's name, the title without the site's name, names-only bylines.

Pages name themselves badly: og:site_name may be a tagline ("Expert how-to for English Riders"),
a subdomain ("Hosted" on hosted.ap.org) or a handle ("@Wday_"); titles carry "… | Site"; author
fields carry roles and agencies ("Analysis by Jane Doe; CNN Editor-at-large"). These functions
check names against the page's domain and keep only what reads as a name.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

_SEPARATOR = re.compile(r"\s+(?:[|–—-]|::|»|·)\s+")
_ALNUM = re.compile(r"[^\W_]+")
_SLUG = re.compile(r"^@|_|^[a-z0-9-]+$")
_DOMAIN = re.compile(r"^(?:www\.)?((?:[a-z0-9-]+\.)+[a-z]{2,})$", re.IGNORECASE)
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "ac", "gov", "edu", "or", "ne"})
_NAME_WORDS = 6
_FILLER = frozenset({"the", "a", "an", "of", "and", "for", "on", "in", "to", "by", "at"})

# Byline parts that name an organisation, a desk or a label, not a person.
_NOT_PERSON = re.compile(
    r"\b(?:staff|editorial|editors|desk|newsroom|bureau|wire services?|news service|"
    r"associated press|reuters|afp|press association|published|updated|posted)\b",
    re.IGNORECASE,
)
_BY_PREFIX = re.compile(
    r"^(?:(?:analysis|opinion|commentary|review|story|words|text|written|reporting|interview)"
    r"\s+)?by:?\s+|^(?:author|text|words|текст|автор)\s*:?\s+",
    re.IGNORECASE,
)
_TRAILING_DATE = re.compile(
    r"(?:^|\s+)(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|may|june|"
    r"july|august|september|october|november|december|updated|published|posted)\b.*$",
    re.IGNORECASE,
)
_NAME_PART = re.compile(r"^[^\W\d_][\w.'’-]*(?:\s+[^\W\d_][\w.'’-]*){0,4}$")
_LOWER_LINK = frozenset({"de", "da", "van", "von", "der", "del", "la", "le", "bin", "al", "du"})


def host(url: str | None) -> str | None:
    """The host of a URL, lower case, without "www."; None when there is none or it is no name."""
    if not url:
        return None
    try:
        name = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return None
    name = name.removeprefix("www.")
    # An address or a local name ("127.0.0.1", "localhost") says nothing of the site's name.
    return name if re.search(r"\.[a-z]{2,}$", name) else None


def registered_domain(name: str) -> str:
    """The part of a host a site registers: "hosted.ap.org" -> "ap.org", "x.co.uk" stays."""
    labels = name.split(".")
    keep = 3 if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2 else 2
    return ".".join(labels[-keep:])


def _compact(text: str) -> str:
    return "".join(_ALNUM.findall(text.casefold()))


def fits_domain(name: str, domain: str) -> bool:
    """Whether a site name could be the site at `domain`: its letters, a main word or its
    initials are in the domain ("Los Angeles Times" ~ latimes.com, "Associated Press" ~ ap.org)."""
    compact_domain = _compact(registered_domain(domain).split(".")[0])
    words = [w for w in _ALNUM.findall(name.casefold()) if w not in _FILLER]
    if not words or not compact_domain:
        return False
    if _compact(name) in compact_domain or compact_domain in _compact(name):
        return True
    initials = "".join(w[0] for w in words)
    return (len(initials) >= 2 and initials in compact_domain) or any(
        len(w) >= 4 and w in compact_domain for w in words
    )


def site_name(
    declared: str | None,
    url: str | None,
    *,
    page_title: str | None = None,
    title: str | None = None,
) -> str | None:
    """The site's name: the declared one (og:site_name ...) when it reads as this site's name,
    else what the page title adds to the headline ("Site: Headline"), else the domain."""
    domain = host(url)
    name = (declared or "").strip().lstrip("@").strip()
    if m := _DOMAIN.match(name):
        name = m.group(1)
    elif name and not _plausible(name, domain):
        name = ""
    if not name and page_title and title:
        name = _title_remainder(page_title, title) or ""
        if name and domain and not fits_domain(name, domain):
            name = ""
    if not name and domain:
        name = registered_domain(domain)
    return re.sub(r"^www\.", "", name, flags=re.IGNORECASE) or None


def _plausible(name: str, domain: str | None) -> bool:
    """Whether a declared site name is a name: not a slug or handle, not a subdomain's label
    ("Hosted" on hosted.ap.org), not a tagline that shares nothing with the domain."""
    if _SLUG.search(name) or len(name.split()) > _NAME_WORDS:
        return False
    if not domain:
        return True
    labels = domain.split(".")
    registered = registered_domain(domain)
    if len(labels) > len(registered.split(".")) and _compact(name) == labels[0]:
        return fits_domain(name, registered) and _compact(name) in registered
    return len(name.split()) < 3 or fits_domain(name, domain)


def _title_remainder(page_title: str, title: str) -> str | None:
    """What a page's <title> holds besides the headline: "Site" in "Site: Headline" or
    "Headline | Site"; None when it holds nothing else."""
    page_title, key = page_title.strip(), _compact(title)
    for sep in (":", *(m.group(0) for m in _SEPARATOR.finditer(page_title))):
        head, _, tail = page_title.partition(sep)
        for rest, other in ((head, tail), (tail, head)):
            if _compact(other) == key and 1 <= len(rest.split()) <= _NAME_WORDS:
                return rest.strip()
    return None


def strip_site(title: str, names: list[str | None], url: str | None = None) -> str:
    """The title without a leading or trailing site name ("Headline - Site News", "Site: …")."""
    keys = {_compact(n) for n in names if n}
    domain = host(url)
    if domain:
        keys |= {_compact(domain), _compact(registered_domain(domain).split(".")[0])}
    keys.discard("")

    def is_site(part: str) -> bool:
        key = _compact(part)
        if not key or len(part.split()) > _NAME_WORDS:
            return False
        if key in keys or any(k in key and len(k) >= 3 for k in keys):
            return len(key) <= 2 * max(len(k) for k in keys)
        return False

    out = title.strip()
    while (seps := list(_SEPARATOR.finditer(out))) and is_site(out[seps[-1].end() :]):
        out = out[: seps[-1].start()]
    if (seps := list(_SEPARATOR.finditer(out))) and is_site(out[: seps[0].start()]):
        out = out[seps[0].end() :]
    if ":" in out:
        head, _, rest = out.partition(":")
        if rest.strip() and len(rest.split()) >= 3 and is_site(head):
            out = rest
    return out.strip() or title.strip()


# A role or agency after a name: "… Sports Writer", "… Associated Press", "HiltzikBusiness Columnist".
_ROLE_WORDS = frozenset(
    {"writer", "editor", "reporter", "correspondent", "columnist", "contributor", "producer"}
    | {"analyst", "critic", "editor-at-large"}
)
_AGENCY_TAIL = re.compile(
    r"\s+(?:The\s+)?(?:Associated Press|Reuters|AFP)\s*$|"
    r"(?<=[a-z])(?=[A-Z][a-z]+ (?:Writer|Editor|Reporter|Columnist|Correspondent)\b).*$"
)


def _without_role(part: str) -> str:
    """A byline part without a role after the name ("Jane Doe Sports Writer" -> "Jane Doe");
    the words before the role word go too, while more than two words are left."""
    words = _AGENCY_TAIL.sub("", part).split()
    if words and words[-1].casefold() in _ROLE_WORDS:
        words.pop()
        while len(words) > 2 and words[-1][:1].isupper() and words[-2].lower() not in _LOWER_LINK:
            words.pop()
    return " ".join(words)


def clean_byline(author: str | None) -> str | None:
    """Only the names in a byline: "Analysis by Jane Doe; CNN Editor-at-large" -> "Jane Doe",
    "JOHN ROE and ANN POE Associated Press" -> "John Roe and Ann Poe"; None when no name is left."""
    if not author:
        return None
    names: list[str] = []
    for n, part in enumerate(re.split(r"\s*(?:;|,|\band\b|&|\|)\s*", author.strip())):
        part = _BY_PREFIX.sub("", part.strip()).strip()
        if n and any(w.casefold() in _ROLE_WORDS for w in part.split()):
            continue  # "Jane Doe; Sports Writer": a role after the name, on its own
        name = _without_role(part).strip(" .,:-–—")
        name = _TRAILING_DATE.sub("", name).strip(" .,:-–—")
        if not name or _NOT_PERSON.search(name):
            continue
        if name != part and len(name.split()) < 2:
            continue  # "AP Sports Writer", "CNN Editor-at-large": a role, no name
        if not _NAME_PART.match(name):
            continue
        if name.isupper() and len(name) > 3:
            name = " ".join(w if w.lower() in _LOWER_LINK else w.capitalize() for w in name.split())
        if name not in names:
            names.append(name)
    if not names:
        return None
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
