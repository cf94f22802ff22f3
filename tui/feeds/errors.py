"""The one error of the feeds core: its message names the feed or file and what to do."""

from __future__ import annotations


class FeedError(Exception):
    """A feed, a page, an OPML file or the subscriptions file cannot be used (one sentence)."""
