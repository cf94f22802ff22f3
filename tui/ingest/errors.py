"""The one error ingest raises: a sentence a user can act on."""

from tui.sanitize import one_line


class IngestError(Exception):
    """Input that cannot become an article; the message says what, which input, and what to do.

    The message is made terminal-safe and one line here, because it often quotes what the input or a
    server sent (a file name, an HTTP reason, a redirect target) and is printed as it is.
    """

    def __init__(self, message: str) -> None:
        super().__init__(one_line(str(message)))
