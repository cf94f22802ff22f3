"""Textual's parsed CSS kept between runs, so start-up does not tokenize app.tcss and every widget's
default CSS again (~14 ms of a ~0.25 s start-up; reading them back takes ~1.5 ms).

Textual parses each CSS source into rule sets and keeps them only in memory (`Stylesheet._parse_rules`
and its LRU cache). `use_css_cache` puts a lookup in front of it, filled from a file in the user cache
folder (`$NEWSTUI_CACHE`, as the knowledge tables): one entry per CSS text, where it was read from and
how, for the CSS variables of one theme and one Textual install (either changing means the file is
not used, and is written again). A file that cannot be read is parsed around, as if absent.

The file is a pickle, read only from the user's own cache folder: the same trust as Python's own
bytecode cache, which it sits beside in spirit (code of that user's, run by that user).
"""

from __future__ import annotations

import os
import pickle
import sys
from pathlib import Path
from typing import Any

import textual
from textual.css.stylesheet import Stylesheet

from tui.atomic_files import atomic_write
from tui.nlp.knowledge.cache import cache_dir

FORMAT = 2
"""2: entries keyed by the CSS text itself and the made-of key kept as text (1 hashed both)."""


def css_cache_path() -> Path:
    """The cache file (what it holds is checked against `_source_key`)."""
    return cache_dir() / f"css-f{FORMAT}.pickle"


def _source_key(variables: dict[str, str]) -> str:
    """What parsed rules depend on besides their CSS: the variables, and the Python and Textual
    whose objects they are (Textual's files as installed: `textual.__version__` would load
    importlib.metadata, ~10 ms). Kept as text, compared whole: a few KB, and no hashlib to import."""
    package = Path(textual.__file__).parent
    stamps = [(s.st_size, s.st_mtime_ns) for s in map(os.stat, (package / "css").glob("*.py"))]
    made_of = (sys.version_info[:2], str(package), sorted(stamps), sorted(variables.items()))
    return repr(made_of)


class CSSCache:
    """Parsed rule sets by source, for one stylesheet's variables (see the module's docstring)."""

    def __init__(self, stylesheet: Stylesheet, path: Path) -> None:
        self.path = path
        self._stylesheet = stylesheet
        self._parse = stylesheet._parse_rules
        self._variables_of = stylesheet._variables  # replaced (not changed) by a theme change
        self._variables = _source_key(stylesheet._variables)
        self._rules: dict[tuple[Any, ...], Any] = {}
        self._loaded = 0
        try:
            held = pickle.loads(path.read_bytes())
            if isinstance(held, dict) and held.get("variables") == self._variables:
                self._rules = dict(held["rules"])
                self._loaded = len(self._rules)
        except Exception:
            self._rules = {}

    def parse_rules(
        self,
        css: str,
        read_from: Any,
        is_default_rules: bool = False,
        tie_breaker: int = 0,
        scope: str = "",
    ) -> Any:
        """`Stylesheet._parse_rules`, answered from the cache when the source was parsed before."""
        if self._stylesheet._variables is not self._variables_of:  # another theme: not cached
            return self._parse(css, read_from, is_default_rules, tie_breaker, scope)
        key = (css, read_from, is_default_rules, tie_breaker, scope)  # a dict hashes the text
        rules = self._rules.get(key)
        if rules is None:
            rules = self._rules[key] = self._parse(
                css, read_from, is_default_rules, tie_breaker, scope
            )
        return rules

    def save(self) -> None:
        """Write the cache if this run parsed a source it did not hold (the sources of one theme
        and install: a few dozen). Never fails the app: it is a cache."""
        if len(self._rules) == self._loaded:
            return
        held = {"variables": self._variables, "rules": self._rules}
        try:
            data = pickle.dumps(held, protocol=pickle.HIGHEST_PROTOCOL)
            atomic_write(self.path, data, durable=False)
        except Exception:  # a read-only cache folder, rules that do not pickle: it is a cache,
            return  # so the next start parses, as without one
        self._loaded = len(self._rules)


def use_css_cache(stylesheet: Stylesheet) -> CSSCache:
    """Answer `stylesheet`'s parses from the cache file from now on; save it with `save()`."""
    cache = CSSCache(stylesheet, css_cache_path())
    stylesheet._parse_rules = cache.parse_rules  # type: ignore[method-assign]
    return cache
