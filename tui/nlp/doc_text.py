"""A spaCy Doc's text, built once per Doc.

Why: `Doc.text` joins every token's text on each call, and the entity and date rules read it for
every candidate name and date, so a paragraph's cost grew with its candidates times its tokens
(a text full of names spent most of its analysis there). A Doc's tokens never change once made.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

_KEY = "newstui.text"


def text_of(doc: Doc) -> str:
    """`doc.text`, kept in the Doc's `user_data` after the first call."""
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return text
