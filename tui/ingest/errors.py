"""The one error ingest raises: a sentence a user can act on."""


class IngestError(Exception):
    """Input that cannot become an article; the message says what, which input, and what to do."""
