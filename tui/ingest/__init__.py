"""bytes in -> Article out: detect the kind and encoding, clean, and keep the raw input.

Public API (used by the CLI, the TUI's workers and the tests):

    ingest_bytes(data, *, origin, kind="auto", url=None, clean=True, published=None)
        -> list[Article | IngestError]
        One Article for an HTML or text input; one entry per line for JSON Lines (a bad line is an
        IngestError naming its line number). Raises IngestError when the whole input is unusable
        (empty, binary, undecodable ...). Articles come back un-analyzed (analyzed=False).
"""

from tui.ingest.errors import IngestError

__all__ = ["IngestError"]
