"""The one error ingest raises: a sentence a user can act on."""


class IngestError(Exception):
    """Input that cannot become an article. The message is one sentence: what, which input, what to do."""
