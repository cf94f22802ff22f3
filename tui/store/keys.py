"""What makes two inputs the same story: the keys the store finds duplicates by.

An article's id is the hash of its raw bytes, so a page fetched twice (an advertisement, a timestamp or
a tracking parameter changed) gets a new id. Two articles are the same story when they share either key:
- the URL key: the canonical URL with what does not name the page removed (scheme, `www.`, the case of
  the host, a default port, trailing slashes, the fragment, tracking parameters such as `utm_*`,
  `fbclid` and `gclid`; the remaining parameters sorted). A site's front page (no path, no query) has
  no key: a page that gives its home page as its canonical URL would otherwise merge every story;
- the body key: the words of the cleaned body, casefolded (so spacing, punctuation and quote styles do
  not count). A short body (under `SHORT_BODY` words: a stub, a paywall notice) counts only with the
  same title, so two stories behind the same notice stay apart.
Each key is a hash, kept as a term of the store's `<name>.keys/` index (`tui.store.search`): `u…` and
`b…`, which hold no spaces.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from urllib.parse import parse_qsl, urlencode, urlsplit

from tui.model import Article

SHORT_BODY = 100  # words; a body shorter than this is the same story only with the same title
_WORD = re.compile(r"\w+")
TRACKING_PARAMETERS = frozenset(
    {
        "fbclid",
        "gclid",
        "gclsrc",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "yclid",
        "twclid",
        "igshid",
        "mc_cid",
        "mc_eid",
        "_ga",
        "_gl",
        "_hsenc",
        "_hsmi",
        "mkt_tok",
        "ocid",
        "cmpid",
        "ncid",
        "s_cid",
        "ref_src",
        "ref_url",
        "smid",
        "spm",
    }
)
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hsa_", "at_")


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _tracking(name: str) -> bool:
    name = name.casefold()
    return name in TRACKING_PARAMETERS or name.startswith(TRACKING_PREFIXES)


def canonical_url(url: str | None) -> str | None:
    """The part of a web address that names the story (see the module docstring); None when it has
    none (not http or https, unparseable, or a site's front page)."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    if parts.scheme.casefold() not in ("http", "https") or not parts.hostname:
        return None
    host = parts.hostname.rstrip(".")  # `hostname` is already lowercase
    host = host.removeprefix("www.")
    if port is not None and port not in (80, 443):
        host = f"{host}:{port}"
    path = re.sub(r"/+$", "", parts.path)
    query = sorted(
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _tracking(k)
    )
    if not path and not query:
        return None
    return host + (path or "/") + ("?" + urlencode(query) if query else "")


def body_words(paragraphs: Iterable[str]) -> list[str]:
    """The words of a body as the body key compares them: Unicode-normalised and casefolded."""
    return _WORD.findall(unicodedata.normalize("NFKC", "\n".join(paragraphs)).casefold())


def identity_terms_of(url: str | None, title: str, paragraphs: Iterable[str]) -> list[str]:
    """The keys of an article with this URL, title and body: the URL key first (it decides when
    the two keys point at different stored articles)."""
    terms = []
    canonical = canonical_url(url)
    if canonical:
        terms.append("u" + _digest(canonical))
    words = body_words(paragraphs)
    if words:
        if len(words) < SHORT_BODY:
            words = [*body_words([title]), "\x00", *words]
        terms.append("b" + _digest(" ".join(words)))
    return terms


def identity_terms(article: Article) -> list[str]:
    """An article's keys (see `identity_terms_of`)."""
    return identity_terms_of(article.url, article.title, article.paragraphs)
